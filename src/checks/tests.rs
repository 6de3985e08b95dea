use super::*;
use crate::model::{Calendar, DateValue, Norm, Precision, Provenance, Qualifier};
use chrono::NaiveDate;

fn date(raw: &str) -> Norm<DateValue> {
    let (from, to) = match raw.len() {
        4 => (format!("{raw}-01-01"), format!("{raw}-12-31")),
        _ => (raw.to_string(), raw.to_string()),
    };
    let day = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
    Norm::new(
        raw,
        Some(DateValue {
            earliest: day(&from),
            latest: day(&to),
            precision: if raw.len() == 4 {
                Precision::Year
            } else {
                Precision::Day
            },
            calendar: Calendar::Gregorian,
            qualifier: Qualifier::Exact,
            edtf: raw.into(),
        }),
    )
}

fn mention(record: &str) -> Mention {
    Mention {
        prov: Provenance {
            source: "a.csv".into(),
            record_id: record.into(),
            row: 1,
        },
        ..Mention::default()
    }
}

fn rules_of(m: &Mention) -> Vec<&'static str> {
    let mut out = Vec::new();
    rules::mention(m, "P1", &mut out);
    out.iter().map(|c| c.rule.id).collect()
}

#[test]
fn a_consistent_record_raises_nothing() {
    let mut m = mention("1");
    m.birth = date("1900");
    m.arrest = date("1937-08-05");
    m.death = date("1937-10-01");
    m.decision_date = date("1958-03-01");
    m.sentencing_organ = "тройка НКВД по Казахской ССР".into();
    m.sentencing_organ_key = Some("nkvd_troika");
    m.deciding_body = "Президиумом Верховного суда КазССР".into();
    m.deciding_body_key = Some("presidium_supreme_court_kazssr");
    assert_eq!(rules_of(&m), Vec::<&str>::new());
}

#[test]
fn each_impossible_pair_of_dates_raises_its_rule() {
    let mut m = mention("1");
    m.birth = date("1940");
    m.arrest = date("1937-08-05");
    assert_eq!(rules_of(&m), vec!["birth_after_arrest"]);
    let mut m = mention("2");
    m.birth = date("1930-02-01");
    m.arrest = date("1937-08-05");
    let found = {
        let mut out = Vec::new();
        rules::mention(&m, "P1", &mut out);
        out
    };
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].rule.id, "arrest_under_14");
    assert_eq!(found[0].rule.severity, Severity::Warning);
    assert!(found[0].message.contains("\"1937-08-05\"") && found[0].message.contains("a.csv:2"));
    let mut m = mention("3");
    m.arrest = date("1937-08-05");
    m.decision_date = date("1936");
    assert_eq!(
        rules_of(&m),
        vec!["decision_before_arrest", "rehabilitation_before_1953"]
    );
    let mut m = mention("4");
    m.arrest = date("1937-08-05");
    m.death = date("1936-01-01");
    m.birth = date("1890");
    assert_eq!(rules_of(&m), vec!["death_before_arrest"]);
    let mut m = mention("5");
    m.birth = date("1960");
    m.decision_date = date("1957");
    assert_eq!(rules_of(&m), vec!["birth_after_decision"]);
}

#[test]
fn a_year_that_holds_both_days_is_no_slip() {
    let mut m = mention("1");
    m.arrest = date("1937");
    m.decision_date = date("1937-03-01");
    m.birth = date("1937");
    assert!(!rules_of(&m).contains(&"decision_before_arrest"));
    assert!(!rules_of(&m).contains(&"birth_after_arrest"));
}

#[test]
fn a_body_named_for_a_date_it_did_not_exist_is_flagged() {
    let mut m = mention("1");
    m.arrest = date("1939-05-01");
    m.sentencing_organ = "тройка НКВД".into();
    m.sentencing_organ_key = Some("nkvd_troika");
    assert_eq!(rules_of(&m), vec!["body_not_existing"]);
    let mut m = mention("2");
    m.decision_date = date("1995-01-10");
    m.deciding_body = "прокуратурой КазССР".into();
    m.deciding_body_key = Some("prosecutor_kazssr");
    m.legal_basis = "Закон РК от 14.04.1993".into();
    m.legal_basis_key = Some("kz_law_1993");
    assert_eq!(rules_of(&m), vec!["body_not_existing"]);
    m.decision_date = date("1989-01-16");
    m.deciding_body_key = None;
    assert_eq!(rules_of(&m), vec!["basis_not_in_force"]);
}

#[test]
fn a_persons_dates_far_apart_raise_one_check_naming_both() {
    let mut a = mention("1");
    a.birth = date("1890");
    a.death = date("1937-10-01");
    let mut b = mention("2");
    b.birth = date("1895");
    b.death = date("1937-10-20");
    let mut c = mention("3");
    c.birth = date("1891");
    let mut out = Vec::new();
    rules::person(&[&a, &b, &c], "P1", &mut out);
    assert_eq!(out.len(), 1, "{out:?}");
    assert_eq!(out[0].rule.id, "birth_dates_disagree");
    assert!(out[0].message.contains("a.csv:1") && out[0].message.contains("a.csv:2"));
    b.death = date("1938-03-01");
    out.clear();
    rules::person(&[&a, &b], "P1", &mut out);
    let ids: Vec<&str> = out.iter().map(|c| c.rule.id).collect();
    assert_eq!(ids, vec!["birth_dates_disagree", "death_dates_disagree"]);
}

#[test]
fn every_rule_has_a_unique_id() {
    let mut ids: Vec<&str> = RULES.iter().map(|r| r.id).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), RULES.len());
    assert!(RULES.iter().all(|r| rule(r.id) == Some(r)));
}
