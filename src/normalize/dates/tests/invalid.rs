//! Invalid values: each is an error with a reason, never a guess and never a panic.

use super::*;

fn no_such_day(day: u32, month: u32, year: i32, last: u32) -> DateError {
    DateError::NoSuchDay {
        day,
        month,
        year,
        calendar: "Gregorian",
        last,
    }
}

#[test]
fn impossible_days_and_months() {
    check_errors(
        None,
        &[
            ("30.02.1937", no_such_day(30, 2, 1937, 28)),
            ("29.02.1937", no_such_day(29, 2, 1937, 28)),
            ("31.04.1938", no_such_day(31, 4, 1938, 30)),
            ("31.06.1938", no_such_day(31, 6, 1938, 30)),
            ("31.09.1938", no_such_day(31, 9, 1938, 30)),
            ("31.11.1938", no_such_day(31, 11, 1938, 30)),
            ("30 февраля 1937 г.", no_such_day(30, 2, 1937, 28)),
            ("31 июня 1941", no_such_day(31, 6, 1941, 30)),
            ("1937-02-30", no_such_day(30, 2, 1937, 28)),
            ("31.XIII.1937", DateError::MonthOutOfRange(13)),
            ("15.13.1937", DateError::MonthOutOfRange(13)),
            ("13.1937", DateError::MonthOutOfRange(13)),
            ("1937-13", DateError::MonthOutOfRange(13)),
            ("1937-38", DateError::MonthOutOfRange(38)),
            ("15.00.1937", DateError::ZeroPart),
            ("1937-00-15", DateError::ZeroPart),
            ("15 00 1937", DateError::ZeroPart),
            ("32.12.1937", DateError::DayOutOfRange(32)),
            ("45 мая 1937", DateError::DayOutOfRange(45)),
        ],
    );
}

#[test]
fn years_out_of_reach() {
    check_errors(
        None,
        &[
            ("25.12.37", DateError::TwoDigitYear(37)),
            ("25.XII.37", DateError::TwoDigitYear(37)),
            ("25 дек. 37 г.", DateError::TwoDigitYear(37)),
            ("37", DateError::TwoDigitYear(37)),
            ("05", DateError::TwoDigitYear(5)),
            ("12.41", DateError::TwoDigitYear(41)),
            ("XII.41", DateError::TwoDigitYear(41)),
            ("Dec 41", DateError::TwoDigitYear(41)),
            ("0937", DateError::YearOutOfRange(937)),
            ("0000", DateError::YearOutOfRange(0)),
            ("2101", DateError::YearOutOfRange(2101)),
            ("25.12.3000", DateError::YearOutOfRange(3000)),
            ("1935-е", DateError::BadDecade(1935)),
            ("1938-1937", DateError::ReversedRange),
            ("1938–1937", DateError::ReversedRange),
            ("15 мая – 10 мая 1937", DateError::ReversedRange),
            ("1937–36", DateError::ReversedRange),
        ],
    );
}

#[test]
fn unknown_words() {
    check_errors(
        None,
        &[
            ("абв", DateError::UnknownWord("абв".into())),
            ("неизвестный", DateError::UnknownWord("неизвестный".into())),
            ("27 dek 1941", DateError::UnknownWord("dek".into())),
            ("1937 Иванов", DateError::UnknownWord("иванов".into())),
            ("до 1941", DateError::UnknownWord("до".into())),
            ("Tchokay", DateError::UnknownWord("tchokay".into())),
        ],
    );
}

#[test]
fn unreadable_forms() {
    let cases = [
        ("189", "a year needs four digits"),
        ("18901", "a year needs four digits"),
        ("1234567890", "a number too long for a date"),
        ("1937 1938", "the parts are in no known order"),
        ("12.1937 г. 1938", "the parts are in no known order"),
        ("1.2.3.4.5.6.1937", "too many numbers for one date"),
        ("г.", "no day, month or year in it"),
        ("г. ?", "no day, month or year in it"),
        ("ок.", "no day, month or year in it"),
        ("25 декабря", "no year in it"),
        ("5", "no year in it"),
        (
            "нач. 5 мая 1937",
            "only parts of years and decades are read",
        ),
        ("193X-05", "a decade with a month or day"),
        ("1937#", "a character no date uses"),
        ("1937; 1938", "a character no date uses"),
        ("13 (25 декабря 1890", "an unclosed parenthesis"),
        (
            "1890 (1891)",
            "a date in both styles must give a full day in each",
        ),
        ("..1941", "an open interval has no first or last day"),
        ("1941..", "an open interval has no first or last day"),
        ("с 1937 г.", "a range with one end only"),
        ("по 1938 г.", "a range with one end only"),
        ("from 1937", "a range with one end only"),
        ("1937-", "a range with one end only"),
        ("–1941", "a range with one end only"),
        ("5.5.1937 -", "a range with one end only"),
    ];
    let table: Vec<(&str, DateError)> = cases
        .iter()
        .map(|(text, reason)| (*text, DateError::unreadable(text, reason)))
        .collect();
    check_errors(None, &table);
}

#[test]
fn too_long_texts_are_errors() {
    let long = "1937 ".repeat(100);
    assert_eq!(
        parse(&long, None),
        Err(DateError::TooLong {
            count: 500,
            cap: 400
        })
    );
    let many = "1.".repeat(30);
    assert_eq!(parse(&many, None), Err(DateError::TooManyParts { cap: 40 }));
    let huge = "12 марта 1937 ".repeat(5_000);
    assert!(matches!(parse(&huge, None), Err(DateError::TooLong { .. })));
}

#[test]
fn messages_give_a_reason() {
    let cases = [
        (
            "30.02.1937",
            "no such day: 30.02.1937 (Gregorian month 2 of 1937 has 28 days)",
        ),
        ("31.XIII.1937", "month 13 is out of range 1–12"),
        (
            "15.00.1937",
            "a day in a month written as zero: the month is unknown, so the day cannot be placed",
        ),
        (
            "19151311",
            "19151311 is not a date written YYYYMMDD: month 13 is out of range 1–12",
        ),
        (
            "19 (31) декабря 1916",
            "the days 19.12.1916 and 31.12.1916 are not one day in both styles: Old Style \
             19.12.1916 is 01.01.1917 in New Style (13 days later)",
        ),
        (
            "25.12.37",
            "two-digit year 37: the century is unknown, write four digits",
        ),
        ("1938-1937", "the range ends before it starts"),
        ("абв", "unknown word \"абв\" in a date"),
    ];
    for (text, want) in cases {
        let got = parse(text, None).map_err(|e| e.to_string());
        assert_eq!(got, Err(want.to_string()), "{text:?}");
    }
}
