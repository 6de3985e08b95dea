//! Numeric forms: dotted, slashed, ISO, Roman months, months and years, decades, EDTF.

use super::*;

#[test]
fn days() {
    check_table(
        None,
        &[
            (
                "25.12.1890",
                "1890-12-25 1890-12-25 day unknown exact 1890-12-25",
            ),
            (
                "25/12/1890",
                "1890-12-25 1890-12-25 day unknown exact 1890-12-25",
            ),
            (
                "1890-12-25",
                "1890-12-25 1890-12-25 day unknown exact 1890-12-25",
            ),
            (
                "1890.12.25",
                "1890-12-25 1890-12-25 day unknown exact 1890-12-25",
            ),
            (
                "5.1.1938",
                "1938-01-05 1938-01-05 day gregorian exact 1938-01-05",
            ),
            (
                "05.01.1938",
                "1938-01-05 1938-01-05 day gregorian exact 1938-01-05",
            ),
            (
                "  05.01.1938  ",
                "1938-01-05 1938-01-05 day gregorian exact 1938-01-05",
            ),
            (
                "05.01.1938 г.",
                "1938-01-05 1938-01-05 day gregorian exact 1938-01-05",
            ),
            (
                "5 1 1938",
                "1938-01-05 1938-01-05 day gregorian exact 1938-01-05",
            ),
            (
                "28.02.1937",
                "1937-02-28 1937-02-28 day gregorian exact 1937-02-28",
            ),
            (
                "29.02.1936",
                "1936-02-29 1936-02-29 day gregorian exact 1936-02-29",
            ),
            (
                "29.02.2000",
                "2000-02-29 2000-02-29 day gregorian exact 2000-02-29",
            ),
            (
                "31.12.1937",
                "1937-12-31 1937-12-31 day gregorian exact 1937-12-31",
            ),
            (
                "01.01.1918",
                "1918-01-01 1918-01-01 day unknown exact 1918-01-01",
            ),
            (
                "13.02.1918",
                "1918-02-13 1918-02-13 day unknown exact 1918-02-13",
            ),
            (
                "14.02.1918",
                "1918-02-14 1918-02-14 day gregorian exact 1918-02-14",
            ),
            (
                "07.11.1917",
                "1917-11-07 1917-11-07 day unknown exact 1917-11-07",
            ),
            (
                "1991-08-31",
                "1991-08-31 1991-08-31 day gregorian exact 1991-08-31",
            ),
            (
                "2021-08-27",
                "2021-08-27 2021-08-27 day gregorian exact 2021-08-27",
            ),
            (
                "24.11.2020",
                "2020-11-24 2020-11-24 day gregorian exact 2020-11-24",
            ),
            (
                "14.04.1993",
                "1993-04-14 1993-04-14 day gregorian exact 1993-04-14",
            ),
            (
                "(12.03.1938)",
                "1938-03-12 1938-03-12 day gregorian exact 1938-03-12",
            ),
            (
                "[12.03.1938]",
                "1938-03-12 1938-03-12 day gregorian exact 1938-03-12",
            ),
            (
                "\"12.03.1938\"",
                "1938-03-12 1938-03-12 day gregorian exact 1938-03-12",
            ),
            (
                "12.03.1938.",
                "1938-03-12 1938-03-12 day gregorian exact 1938-03-12",
            ),
            (
                "12.03.1938 г.р.",
                "1938-03-12 1938-03-12 day gregorian exact 1938-03-12",
            ),
        ],
    );
}

#[test]
fn roman_months() {
    check_table(
        None,
        &[
            (
                "25.XII.1890",
                "1890-12-25 1890-12-25 day unknown exact 1890-12-25",
            ),
            (
                "25 XII 1890",
                "1890-12-25 1890-12-25 day unknown exact 1890-12-25",
            ),
            (
                "1.I.1938",
                "1938-01-01 1938-01-01 day gregorian exact 1938-01-01",
            ),
            (
                "15.IV.1937",
                "1937-04-15 1937-04-15 day gregorian exact 1937-04-15",
            ),
            (
                "15.iv.1937",
                "1937-04-15 1937-04-15 day gregorian exact 1937-04-15",
            ),
            (
                "9.IX.1937",
                "1937-09-09 1937-09-09 day gregorian exact 1937-09-09",
            ),
            (
                "10.Х.1937",
                "1937-10-10 1937-10-10 day gregorian exact 1937-10-10",
            ),
            (
                "10.ХІ.1937",
                "1937-11-10 1937-11-10 day gregorian exact 1937-11-10",
            ),
            (
                "3.VIII.1938",
                "1938-08-03 1938-08-03 day gregorian exact 1938-08-03",
            ),
            (
                "XII.1941",
                "1941-12-01 1941-12-31 month gregorian exact 1941-12",
            ),
            (
                "VI.1937",
                "1937-06-01 1937-06-30 month gregorian exact 1937-06",
            ),
            (
                "II.1940",
                "1940-02-01 1940-02-29 month gregorian exact 1940-02",
            ),
            (
                "II.1900",
                "1900-02-01 1900-02-28 month unknown exact 1900-02",
            ),
        ],
    );
}

#[test]
fn months_and_years() {
    check_table(
        None,
        &[
            (
                "12.1890",
                "1890-12-01 1890-12-31 month unknown exact 1890-12",
            ),
            (
                "12/1890",
                "1890-12-01 1890-12-31 month unknown exact 1890-12",
            ),
            (
                "1890-12",
                "1890-12-01 1890-12-31 month unknown exact 1890-12",
            ),
            (
                "02.1937",
                "1937-02-01 1937-02-28 month gregorian exact 1937-02",
            ),
            (
                "4.1938",
                "1938-04-01 1938-04-30 month gregorian exact 1938-04",
            ),
            ("1890", "1890-01-01 1890-12-31 year unknown exact 1890"),
            ("1937", "1937-01-01 1937-12-31 year gregorian exact 1937"),
            ("1918", "1918-01-01 1918-12-31 year unknown exact 1918"),
            ("1919", "1919-01-01 1919-12-31 year gregorian exact 1919"),
            ("1890 г.", "1890-01-01 1890-12-31 year unknown exact 1890"),
            ("1890г.", "1890-01-01 1890-12-31 year unknown exact 1890"),
            ("1890 г.р.", "1890-01-01 1890-12-31 year unknown exact 1890"),
            ("1890 гр.", "1890-01-01 1890-12-31 year unknown exact 1890"),
            (
                "1890 года рождения",
                "1890-01-01 1890-12-31 year unknown exact 1890",
            ),
            ("1000", "1000-01-01 1000-12-31 year unknown exact 1000"),
            ("2100", "2100-01-01 2100-12-31 year gregorian exact 2100"),
        ],
    );
}

#[test]
fn qualifiers() {
    check_table(
        None,
        &[
            (
                "1890?",
                "1890-01-01 1890-12-31 year unknown uncertain 1890?",
            ),
            (
                "1890 ?",
                "1890-01-01 1890-12-31 year unknown uncertain 1890?",
            ),
            (
                "(?) 1890",
                "1890-01-01 1890-12-31 year unknown uncertain 1890?",
            ),
            (
                "~1890",
                "1890-01-01 1890-12-31 year unknown approximate 1890~",
            ),
            (
                "1890~",
                "1890-01-01 1890-12-31 year unknown approximate 1890~",
            ),
            (
                "1890%",
                "1890-01-01 1890-12-31 year unknown approximate_uncertain 1890%",
            ),
            (
                "ок. 1890?",
                "1890-01-01 1890-12-31 year unknown approximate_uncertain 1890%",
            ),
            (
                "1937-05-12?",
                "1937-05-12 1937-05-12 day gregorian uncertain 1937-05-12?",
            ),
            (
                "12.1937?",
                "1937-12-01 1937-12-31 month gregorian uncertain 1937-12?",
            ),
        ],
    );
}

#[test]
fn decades() {
    check_table(
        None,
        &[
            ("193X", "1930-01-01 1939-12-31 decade gregorian exact 193X"),
            ("189X", "1890-01-01 1899-12-31 decade unknown exact 189X"),
            (
                "193X~",
                "1930-01-01 1939-12-31 decade gregorian approximate 193X~",
            ),
            (
                "1930-е",
                "1930-01-01 1939-12-31 decade gregorian exact 193X",
            ),
            (
                "1930-е гг.",
                "1930-01-01 1939-12-31 decade gregorian exact 193X",
            ),
            (
                "1930-х гг.",
                "1930-01-01 1939-12-31 decade gregorian exact 193X",
            ),
            (
                "1930-ые годы",
                "1930-01-01 1939-12-31 decade gregorian exact 193X",
            ),
            ("1920е", "1920-01-01 1929-12-31 decade gregorian exact 192X"),
            ("1900-е", "1900-01-01 1909-12-31 decade unknown exact 190X"),
            ("1930s", "1930-01-01 1939-12-31 decade gregorian exact 193X"),
            (
                "1930's",
                "1930-01-01 1939-12-31 decade gregorian exact 193X",
            ),
            (
                "the 1930s",
                "1930-01-01 1939-12-31 decade gregorian exact 193X",
            ),
            (
                "1930-x",
                "1930-01-01 1939-12-31 decade gregorian exact 193X",
            ),
            (
                "1930-e гг.",
                "1930-01-01 1939-12-31 decade gregorian exact 193X",
            ),
            (
                "ок. 1930-х",
                "1930-01-01 1939-12-31 decade gregorian approximate 193X~",
            ),
        ],
    );
}

#[test]
fn empty_is_empty() {
    for text in ["", " ", "\t", "   \n ", "\u{a0}", "[ ]", "\"\""] {
        assert_eq!(parse(text, None), Ok(None), "{text:?}");
        assert_eq!(parse(text, Some(Lang::Ru)), Ok(None), "{text:?}");
    }
}
