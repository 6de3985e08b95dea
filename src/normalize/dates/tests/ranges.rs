//! Numeric ranges: years, days, months, decades, and ranges whose start borrows from their end.

use super::*;

#[test]
fn ranges() {
    check_table(
        None,
        &[
            (
                "1937-1938",
                "1937-01-01 1938-12-31 range gregorian exact 1937/1938",
            ),
            (
                "1937‒1938",
                "1937-01-01 1938-12-31 range gregorian exact 1937/1938",
            ),
            (
                "1937−1938",
                "1937-01-01 1938-12-31 range gregorian exact 1937/1938",
            ),
            (
                "1937–1938",
                "1937-01-01 1938-12-31 range gregorian exact 1937/1938",
            ),
            (
                "1937—1938",
                "1937-01-01 1938-12-31 range gregorian exact 1937/1938",
            ),
            (
                "1937 - 1938",
                "1937-01-01 1938-12-31 range gregorian exact 1937/1938",
            ),
            (
                "1937/1938",
                "1937-01-01 1938-12-31 range gregorian exact 1937/1938",
            ),
            (
                "1937/38",
                "1937-01-01 1938-12-31 range gregorian exact 1937/1938",
            ),
            (
                "1937–38",
                "1937-01-01 1938-12-31 range gregorian exact 1937/1938",
            ),
            (
                "1937-1938 гг.",
                "1937-01-01 1938-12-31 range gregorian exact 1937/1938",
            ),
            (
                "1899–1901",
                "1899-01-01 1901-12-31 range unknown exact 1899/1901",
            ),
            (
                "1937–1937",
                "1937-01-01 1937-12-31 range gregorian exact 1937/1937",
            ),
            (
                "с 1937 по 1938",
                "1937-01-01 1938-12-31 range gregorian exact 1937/1938",
            ),
            (
                "ок. 1937-1938",
                "1937-01-01 1938-12-31 range gregorian approximate 1937~/1938~",
            ),
            (
                "25.12.1937-03.01.1938",
                "1937-12-25 1938-01-03 range gregorian exact 1937-12-25/1938-01-03",
            ),
            (
                "25.12.1937 - 03.01.1938",
                "1937-12-25 1938-01-03 range gregorian exact 1937-12-25/1938-01-03",
            ),
            (
                "1937-12-25/1938-01-03",
                "1937-12-25 1938-01-03 range gregorian exact 1937-12-25/1938-01-03",
            ),
            (
                "12.1937–01.1938",
                "1937-12-01 1938-01-31 range gregorian exact 1937-12/1938-01",
            ),
            (
                "193X/194X",
                "1930-01-01 1949-12-31 range gregorian exact 193X/194X",
            ),
            (
                "1930-е – 1940-е",
                "1930-01-01 1949-12-31 range gregorian exact 193X/194X",
            ),
            (
                "10–15 мая 1937",
                "1937-05-10 1937-05-15 range gregorian exact 1937-05-10/1937-05-15",
            ),
            (
                "10 - 15.05.1937",
                "1937-05-10 1937-05-15 range gregorian exact 1937-05-10/1937-05-15",
            ),
            (
                "май–июнь 1937",
                "1937-05-01 1937-06-30 range gregorian exact 1937-05/1937-06",
            ),
            (
                "1937-08-05 – 1938-11-15",
                "1937-08-05 1938-11-15 range gregorian exact 1937-08-05/1938-11-15",
            ),
        ],
    );
}

/// The EDTF string of every value reads back as the same interval.
#[test]
fn edtf_reads_back() {
    let texts = [
        "25.12.1890",
        "12.1890",
        "1890",
        "ок. 1890?",
        "1930-е гг.",
        "нач. 1920-х",
        "кон. 1937 г.",
        "1937–1938",
        "ок. 1937-1938",
        "13 декабря 1890 г. ст. ст.",
        "декабрь 1890 ст. ст.",
        "13 (25) декабря 1890",
        "10–15 мая 1937",
        "193X/194X",
    ];
    for text in texts {
        let first = parse(text, None).expect("readable").expect("not empty");
        let again = parse(&first.edtf, None)
            .expect("EDTF readable")
            .expect("not empty");
        assert_eq!(
            (first.earliest, first.latest, first.qualifier),
            (again.earliest, again.latest, again.qualifier),
            "{text:?} -> {:?}",
            first.edtf
        );
    }
}

/// Two months of one year: from the first day of the first to the last day of the second.
#[test]
fn month_ranges() {
    check_table(
        None,
        &[
            (
                "март-апрель 1938",
                "1938-03-01 1938-04-30 range gregorian exact 1938-03/1938-04",
            ),
            (
                "март – апрель 1938 г.",
                "1938-03-01 1938-04-30 range gregorian exact 1938-03/1938-04",
            ),
            (
                "March–April 1938",
                "1938-03-01 1938-04-30 range gregorian exact 1938-03/1938-04",
            ),
            (
                "March-April, 1938",
                "1938-03-01 1938-04-30 range gregorian exact 1938-03/1938-04",
            ),
            (
                "mart-aprel 1938",
                "1938-03-01 1938-04-30 range gregorian exact 1938-03/1938-04",
            ),
            (
                "наурыз-сәуір 1938",
                "1938-03-01 1938-04-30 range gregorian exact 1938-03/1938-04",
            ),
            (
                "нояб.-дек. 1938",
                "1938-11-01 1938-12-31 range gregorian exact 1938-11/1938-12",
            ),
            (
                "III-IV.1938",
                "1938-03-01 1938-04-30 range gregorian exact 1938-03/1938-04",
            ),
            (
                "ноябрь 1937 – январь 1938",
                "1937-11-01 1938-01-31 range gregorian exact 1937-11/1938-01",
            ),
            (
                "март-апрель 1917 ст. ст.",
                "1917-03-14 1917-05-13 range julian exact 1917-03-14/1917-05-13",
            ),
            (
                "ок. март-апрель 1938",
                "1938-03-01 1938-04-30 range gregorian approximate 1938-03~/1938-04~",
            ),
        ],
    );
}

#[test]
fn month_ranges_in_reverse_are_errors() {
    check_errors(
        None,
        &[
            ("апрель-март 1938", DateError::ReversedRange),
            ("декабрь-январь 1938", DateError::ReversedRange),
        ],
    );
}
