use super::select::kind_of;
use super::*;
use crate::link::testkit::{Born, M};
use crate::link::{LinkOptions, explain, link};

/// Values as a candidate column holds them.
fn values<'a>(texts: &[&'a str]) -> Vec<(usize, &'a str)> {
    texts.iter().copied().enumerate().collect()
}

#[test]
fn the_kind_is_read_from_the_values() {
    assert_eq!(
        kind_of(&values(&["5304218", "4066625", "43 65168"])),
        Kind::Code
    );
    assert_eq!(kind_of(&values(&["4223", "4560", "2135"])), Kind::Code);
    assert_eq!(
        kind_of(&values(&["AB 123456", "КЕ-123457", "77 12 345678"])),
        Kind::Code
    );
    assert_eq!(kind_of(&values(&["8", "12", "905", "38"])), Kind::Number);
    assert_eq!(
        kind_of(&values(&[
            "stanley street",
            "pinkerton circuit",
            "12a kings road"
        ])),
        Kind::Text
    );
    assert_eq!(
        kind_of(&values(&["колхозник", "учитель", "1", "2"])),
        Kind::Text,
        "a column of words with a few numbers is text"
    );
}

#[test]
fn text_levels_follow_jaro_winkler_on_folded_words() {
    let fold = |t: &str| Kind::Text.fold(t);
    assert_eq!(fold("  Jim  PIKE-avenue "), "jim pike avenue");
    let level = |s: &str, t: &str| Kind::Text.level_of_different(&fold(s), &fold(t));
    assert_eq!(
        level("jim pike avenue", "jim pike cavenue"),
        GenericLevel::Close
    );
    assert_eq!(
        level("craigie lea garden", "craigie lm agarden"),
        GenericLevel::Close
    );
    assert_eq!(level("dwayne", "duane"), GenericLevel::Similar);
    assert_eq!(level("winston hills", "byron bay"), GenericLevel::Different);
}

#[test]
fn code_levels_count_edits_of_letters_and_digits() {
    let fold = |t: &str| Kind::Code.fold(t);
    assert_eq!(fold("КЕ-123 456"), "ке123456");
    let level = |s: &str, t: &str| Kind::Code.level_of_different(&fold(s), &fold(t));
    assert_eq!(level("5276246", "5276247"), GenericLevel::Close);
    assert_eq!(
        level("5276246", "5272646"),
        GenericLevel::Close,
        "a swap is one edit"
    );
    assert_eq!(level("5276246", "5271146"), GenericLevel::Similar);
    assert_eq!(level("3070", "0370"), GenericLevel::Close);
    assert_eq!(
        level("4223", "4332"),
        GenericLevel::Different,
        "short codes two edits apart differ"
    );
    assert_eq!(level("5276246", "1234567"), GenericLevel::Different);
    assert_eq!(
        Kind::Number.level_of_different("12", "13"),
        GenericLevel::Close
    );
    assert_eq!(
        Kind::Number.level_of_different("8", "9"),
        GenericLevel::Different
    );
}

/// Mentions of `source` with the given extra columns.
fn with_extra(source: &str, rows: &[&[(&str, &str)]]) -> Vec<Mention> {
    rows.iter()
        .enumerate()
        .map(|(i, extra)| {
            let mut m = M::new(&format!("{source}:{i}"), "ahmetov", "ahmet").build();
            m.prov.row = i as u64 + 2;
            m.extra = extra
                .iter()
                .map(|(h, v)| ((*h).into(), (*v).into()))
                .collect();
            m
        })
        .collect()
}

#[test]
fn columns_are_chosen_from_the_data_and_levels_read_per_pair() {
    let mentions = with_extra(
        "a.csv",
        &[
            &[
                ("Номер", "1"),
                ("Адрес", "ул. Ленина 5"),
                ("Фамилия", "Ахметов"),
                ("Архив", "ЦГА"),
            ],
            &[
                ("Номер", "2"),
                ("Адрес", "ул Ленина 5"),
                ("Фамилия", "Ахметов"),
                ("Архив", "ЦГА"),
            ],
            &[
                ("Номер", "3"),
                ("Адрес", "ул. Абая 12"),
                ("Фамилия", "Ахмедов"),
                ("Архив", "ЦГА"),
            ],
            &[("Номер", "4"), ("Фамилия", "Ахметов"), ("Архив", "ЦГА")],
        ],
    );
    let generic = Generic::build(&mentions, &[]);
    let names: Vec<&str> = generic.columns.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(
        names,
        ["Адрес"],
        "the running number, the compared surname and the constant column are left out"
    );
    let address = &generic.columns[0];
    assert_eq!(address.kind, Kind::Text);
    assert_eq!(address.sources, ["a.csv"]);
    assert_eq!(
        address.level(0, 1),
        Some(GenericLevel::Exact),
        "folding drops the dot"
    );
    assert_eq!(address.level(0, 2), Some(GenericLevel::Different));
    assert_eq!(address.level(0, 3), None, "a missing value is missing");

    let named = Generic::build(&mentions, &[("a.csv".into(), " Номер ".into())]);
    let names: Vec<&str> = named.columns.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(
        names,
        ["Адрес", "Номер"],
        "a column the configuration names is compared"
    );
    assert_eq!(named.columns[1].kind, Kind::Number);
}

#[test]
fn headers_of_one_field_in_two_sources_are_one_column() {
    let mut mentions = with_extra("a.csv", &[&[("Адрес", "Тараз")], &[("Адрес", "Шымкент")]]);
    mentions.extend(with_extra(
        "b.csv",
        &[
            &[("Место жительства", "Тараз")],
            &[("Место жительства", "Туркестан")],
        ],
    ));
    let generic = Generic::build(&mentions, &[]);
    assert_eq!(generic.len(), 1, "{:?}", generic.columns);
    let column = &generic.columns[0];
    assert_eq!(column.sources, ["a.csv", "b.csv"]);
    assert_eq!(column.level(0, 2), Some(GenericLevel::Exact));
    assert_eq!(column.level(1, 3), Some(GenericLevel::Different));
}

#[test]
fn explain_lists_a_generic_column_with_its_level_and_weight() {
    let mut mentions: Vec<Mention> = crate::link::tests::background(100)
        .iter()
        .enumerate()
        .map(|(i, m)| {
            let mut mention = m.build();
            mention.extra = vec![("Паспорт".into(), format!("{}", 1_000_000 + i * 7919).into())];
            mention
        })
        .collect();
    let base = mentions.len();
    for id in ["e:1", "e:2"] {
        let mut m = M::new(id, "nazarbaev", "erlan")
            .father("bolat")
            .born(Born::Year(1901))
            .build();
        m.extra = vec![("Паспорт".into(), "II-ЖК 123456".into())];
        mentions.push(m);
    }
    let linkage = link(&mentions, &LinkOptions::default());
    assert_eq!(linkage.generic.len(), 1);
    assert_eq!(linkage.generic[0].column, "Паспорт");
    assert_eq!(linkage.generic[0].kind, "code");
    let edge = linkage
        .edges
        .iter()
        .find(|e| e.a == base && e.b == base + 1)
        .expect("the two mentions are merged");
    let passport = edge
        .contributions()
        .find(|c| c.0 == "Паспорт")
        .expect("the passport is a contribution");
    assert_eq!(passport.1, "exact");
    assert!(passport.2 > 3.0, "{passport:?}");
    let total: f64 = edge.contributions().map(|c| c.2).sum();
    assert!((total - edge.score).abs() < 1e-9);
    let cluster = linkage.clusters.iter().find(|c| c.contains(&base)).unwrap();
    let text = explain(&mentions, &linkage, cluster);
    let line = text
        .lines()
        .find(|l| l.trim_start().starts_with("Паспорт"))
        .unwrap_or_else(|| panic!("{text}"));
    assert!(line.contains("exact"), "{line}");
}
