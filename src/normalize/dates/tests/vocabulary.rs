//! The shipped vocabulary files: every row readable, no form naming two months, every month
//! form read in the common word orders.

use super::super::words::{Vocabulary, fold, vocabulary};
use super::*;

#[test]
fn every_row_is_readable() {
    assert_eq!(check_loaded(), Ok(()));
}

#[test]
fn no_form_names_two_months() {
    assert_eq!(vocabulary().collisions(), Vec::<String>::new());
}

#[test]
fn collisions_need_a_language() {
    let months = "form,lang,month,kind\nmart,uz,3,name\nmart,en,5,name\n";
    let v = Vocabulary::load(months, "phrase,lang,role\n", "form,lang,season,kind\n").unwrap();
    assert_eq!(v.collisions(), vec!["mart".to_string()]);
    assert_eq!(v.month("mart", Some(Lang::Uz)), Ok(Some(3)));
    assert_eq!(v.month("mart", Some(Lang::En)), Ok(Some(5)));
    assert_eq!(
        v.month("mart", None),
        Err(DateError::AmbiguousMonth("mart".into()))
    );
    assert_eq!(
        v.month("mart", Some(Lang::Kk)),
        Err(DateError::AmbiguousMonth("mart".into()))
    );
}

#[test]
fn bad_rows_are_reported() {
    let header = |table: crate::tables::Table| table.header_line().to_string() + "\n";
    let months = header(crate::tables::Table::Months);
    let words = header(crate::tables::Table::DateWords);
    let seasons = header(crate::tables::Table::Seasons);
    let bad = [
        (
            format!("{months}март,ru,3,name\nfoo,xx,3,name\n"),
            &words,
            &seasons,
            "months",
            3,
        ),
        (
            format!("{months}bar,ru,13,name\n"),
            &words,
            &seasons,
            "months",
            2,
        ),
        (
            months.clone(),
            &words,
            &format!("{seasons}лето,ru,midsummer,name\n"),
            "seasons",
            2,
        ),
        (
            months.clone(),
            &format!("{words}г,ru,filler\nг,ru,late\n"),
            &seasons,
            "date_words",
            3,
        ),
    ];
    for (months, words, seasons, file, line) in bad {
        let error = Vocabulary::load(&months, words, seasons).unwrap_err();
        assert_eq!(
            error.file,
            std::path::PathBuf::from(format!("schemas/{file}.csv"))
        );
        assert_eq!(error.line, Some(line), "{error}");
    }
}

#[test]
fn folding_matches_the_tokeniser() {
    assert_eq!(fold("  O‘rtasi  "), "o'rtasi");
    assert_eq!(fold("Баш   Оона"), "баш оона");
    assert_eq!(fold("Ёлка"), "елка");
}

/// Every month form of the data file, read in four word orders.
#[test]
fn every_month_form_is_read() {
    let mut rows =
        csv::Reader::from_reader(include_str!("../../../../schemas/months.csv").as_bytes());
    let mut failures = Vec::new();
    let mut count = 0;
    for row in rows.records() {
        let row = row.expect("months.csv row");
        let (form, lang, month) = (&row[0], Lang::parse(&row[1]), &row[2]);
        let month: u32 = month.parse().expect("month number");
        let day = 1 + month;
        let want = format!("1937-{month:02}-{day:02}");
        for text in [
            format!("{day} {form} 1937"),
            format!("{form} {day}, 1937"),
            format!("1937 {day} {form}"),
            format!("{day} {}. 1937", form.to_uppercase()),
        ] {
            count += 1;
            for l in [None, lang] {
                match parse(&text, l) {
                    Ok(Some(v)) if v.edtf == want => {}
                    other => failures.push(format!("{text:?} {l:?}: {other:?}")),
                }
            }
        }
    }
    assert!(count > 600, "{count}");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
