//! Days written `YYYYMMDD` and parts written as zero (`00.05.1938`): the forms of person
//! registers and database exports.

use super::*;
use chrono::NaiveDate;

/// Eight digits are year, month and day; `00` leaves the month or day unknown.
#[test]
fn compact_days() {
    check_table(
        None,
        &[
            (
                "19151111",
                "1915-11-11 1915-11-11 day unknown exact 1915-11-11",
            ),
            (
                "19371231",
                "1937-12-31 1937-12-31 day gregorian exact 1937-12-31",
            ),
            (
                "20001231",
                "2000-12-31 2000-12-31 day gregorian exact 2000-12-31",
            ),
            (
                "18991231",
                "1899-12-31 1899-12-31 day unknown exact 1899-12-31",
            ),
            (
                "10000101",
                "1000-01-01 1000-01-01 day unknown exact 1000-01-01",
            ),
            (
                "21001231",
                "2100-12-31 2100-12-31 day gregorian exact 2100-12-31",
            ),
            (
                "19380500",
                "1938-05-01 1938-05-31 month gregorian exact 1938-05",
            ),
            (
                "19380000",
                "1938-01-01 1938-12-31 year gregorian exact 1938",
            ),
            (
                "19000229",
                "1900-03-13 1900-03-13 day julian exact 1900-03-13",
            ),
            (
                "ок. 19151111",
                "1915-11-11 1915-11-11 day unknown approximate 1915-11-11~",
            ),
            (
                "19151111 г.",
                "1915-11-11 1915-11-11 day unknown exact 1915-11-11",
            ),
            (
                "19370101-19371231",
                "1937-01-01 1937-12-31 range gregorian exact 1937-01-01/1937-12-31",
            ),
            (
                "19370101/19380101",
                "1937-01-01 1938-01-01 range gregorian exact 1937-01-01/1938-01-01",
            ),
            (
                "19370101 – 19380101",
                "1937-01-01 1938-01-01 range gregorian exact 1937-01-01/1938-01-01",
            ),
        ],
    );
}

/// A day or month written `00` is unknown: month or year precision.
#[test]
fn zero_parts() {
    check_table(
        None,
        &[
            (
                "00.05.1938",
                "1938-05-01 1938-05-31 month gregorian exact 1938-05",
            ),
            (
                "00.00.1938",
                "1938-01-01 1938-12-31 year gregorian exact 1938",
            ),
            (
                "1938-05-00",
                "1938-05-01 1938-05-31 month gregorian exact 1938-05",
            ),
            (
                "1938-00-00",
                "1938-01-01 1938-12-31 year gregorian exact 1938",
            ),
            (
                "00/05/1938",
                "1938-05-01 1938-05-31 month gregorian exact 1938-05",
            ),
            (
                "00.XII.1938",
                "1938-12-01 1938-12-31 month gregorian exact 1938-12",
            ),
            (
                "00 мая 1938",
                "1938-05-01 1938-05-31 month gregorian exact 1938-05",
            ),
            (
                "00.05.1938 ст. ст.",
                "1938-05-14 1938-06-13 month julian exact 1938-05-14/1938-06-13",
            ),
            (
                "ок. 00.05.1938",
                "1938-05-01 1938-05-31 month gregorian approximate 1938-05~",
            ),
            (
                "00.05.1938-00.06.1938",
                "1938-05-01 1938-06-30 range gregorian exact 1938-05/1938-06",
            ),
            (
                "00.00.1938 г.",
                "1938-01-01 1938-12-31 year gregorian exact 1938",
            ),
        ],
    );
}

#[test]
fn eight_digits_that_are_no_day_say_so() {
    let bad = |digits: &str, reason: &str| DateError::BadCompact {
        digits: digits.into(),
        reason: reason.into(),
    };
    check_errors(
        None,
        &[
            ("19151311", bad("19151311", "month 13 is out of range 1–12")),
            ("19151132", bad("19151132", "day 32 is out of range 1–31")),
            (
                "19150011",
                bad(
                    "19150011",
                    "a day in a month written as zero: the month is unknown, so the day cannot be placed",
                ),
            ),
            (
                "19370230",
                bad(
                    "19370230",
                    "no such day: 30.02.1937 (Gregorian month 2 of 1937 has 28 days)",
                ),
            ),
            (
                "19370431",
                bad(
                    "19370431",
                    "no such day: 31.04.1937 (Gregorian month 4 of 1937 has 30 days)",
                ),
            ),
            ("09991231", bad("09991231", "year 999 is outside 1000–2100")),
            (
                "21010101",
                bad("21010101", "year 2101 is outside 1000–2100"),
            ),
            ("11111915", bad("11111915", "month 19 is out of range 1–12")),
            ("20011938", bad("20011938", "month 19 is out of range 1–12")),
        ],
    );
}

#[test]
fn six_digits_are_not_read() {
    let reason = "six digits are not read, since YYYYMM and DDMMYY look alike: \
                  write the month as 1938-05 or 05.1938";
    let table: Vec<(&str, DateError)> = ["193805", "150538", "193805 г."]
        .iter()
        .map(|t| (*t, DateError::unreadable(t, reason)))
        .collect();
    check_errors(None, &table);
}

/// A number cell of eight digits is a `YYYYMMDD` day; the year and serial rules are unchanged.
#[test]
fn eight_digit_number_cells() {
    let cell = |x: f64| parse_cell("", Some(Typed::Number(x)), None);
    let day = cell(19151111.0).expect("a day").expect("a value");
    assert_eq!(
        show(&day),
        "1915-11-11 1915-11-11 day unknown exact 1915-11-11"
    );
    let month = cell(19380500.0).expect("a month").expect("a value");
    assert_eq!(
        show(&month),
        "1938-05-01 1938-05-31 month gregorian exact 1938-05"
    );
    assert!(matches!(
        cell(19151311.0),
        Err(DateError::BadCompact { .. })
    ));
    assert!(matches!(cell(19151111.5), Err(DateError::BadCellNumber(_))));
    assert!(matches!(cell(9999999.0), Err(DateError::BadCellNumber(_))));
    assert!(matches!(cell(21010101.0), Err(DateError::BadCellNumber(_))));
    assert!(matches!(cell(73416.0), Err(DateError::BadCellNumber(_))));
    let serial = cell(13144.0).expect("a serial").expect("a value");
    assert_eq!(
        serial.earliest,
        NaiveDate::from_ymd_opt(1935, 12, 26).expect("a day")
    );
    let year = cell(1937.0).expect("a year").expect("a value");
    assert_eq!(year.edtf, "1937");
}
