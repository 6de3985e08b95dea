//! Table-driven tests of the date reader. Each expected value is written as
//! `earliest latest precision calendar qualifier edtf`.

mod cells;
mod compact;
mod english;
mod invalid;
mod julian_style;
mod numeric;
mod ordinals;
mod props;
mod ranges;
mod russian;
mod seasons;
mod turkic;
mod unknown;
mod vocabulary;

use super::*;
use crate::model::{Calendar, DateValue, Precision, Qualifier};

/// A read value in the one-line form the tables use.
fn show(v: &DateValue) -> String {
    let precision = match v.precision {
        Precision::Day => "day",
        Precision::Month => "month",
        Precision::Year => "year",
        Precision::Decade => "decade",
        Precision::Range => "range",
    };
    let calendar = match v.calendar {
        Calendar::Gregorian => "gregorian",
        Calendar::Julian => "julian",
        Calendar::Unknown => "unknown",
    };
    let qualifier = match v.qualifier {
        Qualifier::Exact => "exact",
        Qualifier::Approximate => "approximate",
        Qualifier::Uncertain => "uncertain",
        Qualifier::ApproximateUncertain => "approximate_uncertain",
    };
    format!(
        "{} {} {precision} {calendar} {qualifier} {}",
        v.earliest, v.latest, v.edtf
    )
}

/// Checks every row of a table read with the given language.
fn check_table(lang: Option<Lang>, table: &[(&str, &str)]) {
    let mut failures = Vec::new();
    for (text, want) in table {
        let got = match parse(text, lang) {
            Ok(Some(v)) => show(&v),
            Ok(None) => "none".to_string(),
            Err(e) => format!("error: {e}"),
        };
        if got != *want {
            failures.push(format!("{text:?}\n   want {want}\n    got {got}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Checks that every text of a table fails with the given error.
fn check_errors(lang: Option<Lang>, table: &[(&str, DateError)]) {
    let mut failures = Vec::new();
    for (text, want) in table {
        let got = parse(text, lang);
        if got.as_ref() != Err(want) {
            failures.push(format!("{text:?}\n   want {want:?}\n    got {got:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
