//! Spreadsheet cells: date cells, year numbers, Excel serials and their boundaries.

use super::*;
use chrono::NaiveDate;

fn cell(text: &str, typed: Option<Typed>) -> String {
    match parse_cell(text, typed, Some(Lang::Ru)) {
        Ok(Some(v)) => show(&v),
        Ok(None) => "none".into(),
        Err(e) => format!("error: {e}"),
    }
}

fn datetime(y: i32, m: u32, d: u32, h: u32) -> Option<Typed> {
    let dt = NaiveDate::from_ymd_opt(y, m, d)?.and_hms_opt(h, 0, 0)?;
    Some(Typed::DateTime(dt))
}

#[test]
fn date_cells() {
    let cases = [
        (
            datetime(1937, 8, 5, 10),
            "1937-08-05 1937-08-05 day gregorian exact 1937-08-05",
        ),
        (
            datetime(1890, 12, 25, 0),
            "1890-12-25 1890-12-25 day unknown exact 1890-12-25",
        ),
        (
            datetime(1918, 2, 14, 0),
            "1918-02-14 1918-02-14 day gregorian exact 1918-02-14",
        ),
    ];
    for (typed, want) in cases {
        assert!(typed.is_some());
        assert_eq!(cell("whatever the cell shows", typed), want);
    }
}

#[test]
fn number_cells() {
    let cases = [
        (1937.0, "1937-01-01 1937-12-31 year gregorian exact 1937"),
        (1890.0, "1890-01-01 1890-12-31 year unknown exact 1890"),
        (1000.0, "1000-01-01 1000-12-31 year unknown exact 1000"),
        (2100.0, "2100-01-01 2100-12-31 year gregorian exact 2100"),
        (2101.0, "1905-10-01 1905-10-01 day unknown exact 1905-10-01"),
        (
            13144.0,
            "1935-12-26 1935-12-26 day gregorian exact 1935-12-26",
        ),
        (
            13144.75,
            "1935-12-26 1935-12-26 day gregorian exact 1935-12-26",
        ),
        (
            25000.0,
            "1968-06-11 1968-06-11 day gregorian exact 1968-06-11",
        ),
        (
            73415.0,
            "2100-12-31 2100-12-31 day gregorian exact 2100-12-31",
        ),
    ];
    for (x, want) in cases {
        assert_eq!(cell(&x.to_string(), Some(Typed::Number(x))), want, "{x}");
    }
}

#[test]
fn bad_number_cells() {
    for x in [
        0.0,
        5.0,
        999.0,
        1937.5,
        73416.0,
        -1937.0,
        f64::NAN,
        f64::INFINITY,
    ] {
        assert_eq!(
            parse_cell("", Some(Typed::Number(x)), None),
            Err(DateError::BadCellNumber(x.to_string())),
            "{x}"
        );
    }
}

#[test]
fn text_cells_are_parsed() {
    assert_eq!(
        cell("27 дек. 1941 г.", None),
        "1941-12-27 1941-12-27 day gregorian exact 1941-12-27"
    );
    assert_eq!(cell("  ", None), "none");
    assert_eq!(
        cell("30.02.1937", None),
        "error: no such day: 30.02.1937 (Gregorian month 2 of 1937 has 28 days)"
    );
}

#[test]
fn date_cells_outside_the_archival_years_are_errors_never_dates() {
    for (y, m, d) in [
        (10000, 1, 1),
        (9999, 12, 31),
        (2101, 1, 1),
        (999, 12, 31),
        (-5, 1, 1),
    ] {
        let got = cell("", datetime(y, m, d, 0));
        assert!(
            got.starts_with(&format!("error: year {y} is outside")),
            "{got}"
        );
    }
    for (y, m, d) in [(1000, 1, 1), (2100, 12, 31)] {
        assert!(!cell("", datetime(y, m, d, 0)).starts_with("error"));
    }
}
