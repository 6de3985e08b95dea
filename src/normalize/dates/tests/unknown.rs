//! Markers of the unknown (`schemas/unknown_markers.csv`): a date that is only a marker is no
//! date and no error; a marker closing a remark after a real date leaves the date read.

use super::*;

#[test]
fn markers_alone_are_no_date() {
    for text in [
        "не установлено",
        "Не установлено",
        "нет сведений",
        "неизвестно",
        "неизвестна",
        "н/д",
        "б/д",
        "без даты",
        "unknown",
        "Unknown",
        "n/a",
        "N/A",
        "белгісіз",
        "белгілі емес",
        "noma'lum",
        "nomaʼlum",
        "номаълум",
        "белгисиз",
        "?",
        "-",
        "—",
    ] {
        for lang in [None, Some(Lang::Ru), Some(Lang::Kk)] {
            assert_eq!(parse(text, lang), Ok(None), "{text:?} {lang:?}");
        }
    }
}

/// A last clause ending in a marker is a remark: the date before it is read.
#[test]
fn a_remark_on_an_unknown_part_keeps_the_date() {
    check_table(
        Some(Lang::Ru),
        &[
            (
                "1938, место неизвестно",
                "1938-01-01 1938-12-31 year gregorian exact 1938",
            ),
            (
                "1938, число не установлено",
                "1938-01-01 1938-12-31 year gregorian exact 1938",
            ),
            (
                "май 1938 (день неизвестен)",
                "1938-05-01 1938-05-31 month gregorian exact 1938-05",
            ),
            (
                "15.05.1938 (место не установлено)",
                "1938-05-15 1938-05-15 day gregorian exact 1938-05-15",
            ),
            (
                "ок. 1890; месяц неизвестен",
                "1890-01-01 1890-12-31 year unknown approximate 1890~",
            ),
            (
                "1938 (?)",
                "1938-01-01 1938-12-31 year gregorian uncertain 1938?",
            ),
        ],
    );
}

#[test]
fn a_marker_does_not_hide_a_bad_date() {
    check_errors(
        Some(Lang::Ru),
        &[
            ("место неизвестно", DateError::UnknownWord("место".into())),
            (
                "неизвестно 1938",
                DateError::UnknownWord("неизвестно".into()),
            ),
            (
                "30.02.1937, день неизвестен",
                DateError::NoSuchDay {
                    day: 30,
                    month: 2,
                    year: 1937,
                    calendar: "Gregorian",
                    last: 28,
                },
            ),
        ],
    );
}
