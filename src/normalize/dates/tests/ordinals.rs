//! Ordinal and quoted days (`3-го марта`, `«3» марта`, `3rd March`, `3-mart`, `3-наурыз`) and
//! month names with the case endings of `schemas/date_words.csv` (Uzbek `-да`, `-ида`, Tajik
//! izofa `-и`, Kyrgyz `-та`, `-де`).

use super::*;

/// Ordinal endings and quotes around the day carry nothing.
#[test]
fn ordinal_and_quoted_days() {
    check_table(
        None,
        &[
            (
                "3-го марта 1917",
                "1917-03-03 1917-03-03 day unknown exact 1917-03-03",
            ),
            (
                "3-е марта 1917 г.",
                "1917-03-03 1917-03-03 day unknown exact 1917-03-03",
            ),
            (
                "«3» марта 1917 г.",
                "1917-03-03 1917-03-03 day unknown exact 1917-03-03",
            ),
            (
                "\"3\" марта 1917",
                "1917-03-03 1917-03-03 day unknown exact 1917-03-03",
            ),
            (
                "3rd March 1917",
                "1917-03-03 1917-03-03 day unknown exact 1917-03-03",
            ),
            (
                "March 3rd, 1917",
                "1917-03-03 1917-03-03 day unknown exact 1917-03-03",
            ),
            (
                "1st May 1937",
                "1937-05-01 1937-05-01 day gregorian exact 1937-05-01",
            ),
            (
                "May 1st, 1937",
                "1937-05-01 1937-05-01 day gregorian exact 1937-05-01",
            ),
            (
                "22nd June 1941",
                "1941-06-22 1941-06-22 day gregorian exact 1941-06-22",
            ),
            (
                "3-mart 1917",
                "1917-03-03 1917-03-03 day unknown exact 1917-03-03",
            ),
            (
                "1917-yil 3-mart",
                "1917-03-03 1917-03-03 day unknown exact 1917-03-03",
            ),
            (
                "3-наурыз 1917",
                "1917-03-03 1917-03-03 day unknown exact 1917-03-03",
            ),
            (
                "1917 ж. 3-наурыз",
                "1917-03-03 1917-03-03 day unknown exact 1917-03-03",
            ),
            (
                "3-ші наурыз 1917 ж.",
                "1917-03-03 1917-03-03 day unknown exact 1917-03-03",
            ),
            (
                "«25» декабря 1937 г.",
                "1937-12-25 1937-12-25 day gregorian exact 1937-12-25",
            ),
            (
                "25-го декабря 1937 года",
                "1937-12-25 1937-12-25 day gregorian exact 1937-12-25",
            ),
            (
                "1-ое мая 1937",
                "1937-05-01 1937-05-01 day gregorian exact 1937-05-01",
            ),
            (
                "10-е Х 1937",
                "1937-10-10 1937-10-10 day gregorian exact 1937-10-10",
            ),
            (
                "21-inchi mart 1938",
                "1938-03-21 1938-03-21 day gregorian exact 1938-03-21",
            ),
            (
                "10 Х 1937",
                "1937-10-10 1937-10-10 day gregorian exact 1937-10-10",
            ),
        ],
    );
}

/// Uzbek month names with case endings, Cyrillic and Latin.
#[test]
fn uzbek_inflected_months() {
    check_table(
        Some(Lang::Uz),
        &[
            (
                "15 апрелда 1938",
                "1938-04-15 1938-04-15 day gregorian exact 1938-04-15",
            ),
            (
                "1938 йил 5 сентябрда",
                "1938-09-05 1938-09-05 day gregorian exact 1938-09-05",
            ),
            (
                "1938 йил июнида",
                "1938-06-01 1938-06-30 month gregorian exact 1938-06",
            ),
            (
                "1938 йил 5 июнда",
                "1938-06-05 1938-06-05 day gregorian exact 1938-06-05",
            ),
            (
                "1938-yil 5-iyunda",
                "1938-06-05 1938-06-05 day gregorian exact 1938-06-05",
            ),
            (
                "1938-yil sentyabrida",
                "1938-09-01 1938-09-30 month gregorian exact 1938-09",
            ),
            (
                "1938 йил майда",
                "1938-05-01 1938-05-31 month gregorian exact 1938-05",
            ),
            (
                "1938 йил 3 октябрдан",
                "1938-10-03 1938-10-03 day gregorian exact 1938-10-03",
            ),
            (
                "1937-yil mart-aprel",
                "1937-03-01 1937-04-30 range gregorian exact 1937-03/1937-04",
            ),
            (
                "мартдан-апрелгача 1938",
                "1938-03-01 1938-04-30 range gregorian exact 1938-03/1938-04",
            ),
        ],
    );
}

/// Tajik month names with the izofa `-и` and `моҳи` (month of).
#[test]
fn tajik_inflected_months() {
    check_table(
        Some(Lang::Tg),
        &[
            (
                "5 марти 1938",
                "1938-03-05 1938-03-05 day gregorian exact 1938-03-05",
            ),
            (
                "марти соли 1938",
                "1938-03-01 1938-03-31 month gregorian exact 1938-03",
            ),
            (
                "моҳи март 1938",
                "1938-03-01 1938-03-31 month gregorian exact 1938-03",
            ),
            (
                "дар моҳи апрели соли 1938",
                "1938-04-01 1938-04-30 month gregorian exact 1938-04",
            ),
            (
                "5 апрели 1938",
                "1938-04-05 1938-04-05 day gregorian exact 1938-04-05",
            ),
            (
                "15 сентябри 1938",
                "1938-09-15 1938-09-15 day gregorian exact 1938-09-15",
            ),
            (
                "майи 1938",
                "1938-05-01 1938-05-31 month gregorian exact 1938-05",
            ),
            (
                "моҳи декабри соли 1937",
                "1937-12-01 1937-12-31 month gregorian exact 1937-12",
            ),
        ],
    );
}

/// Kyrgyz month names with locative endings.
#[test]
fn kyrgyz_inflected_months() {
    check_table(
        Some(Lang::Ky),
        &[
            (
                "1938-жылы 5-мартта",
                "1938-03-05 1938-03-05 day gregorian exact 1938-03-05",
            ),
            (
                "1938-жылы апрелде",
                "1938-04-01 1938-04-30 month gregorian exact 1938-04",
            ),
            (
                "1938-жылдын 5-майында",
                "1938-05-05 1938-05-05 day gregorian exact 1938-05-05",
            ),
            (
                "1937-жылы июлда",
                "1937-07-01 1937-07-31 month gregorian exact 1937-07",
            ),
        ],
    );
}

#[test]
fn an_ordinal_day_still_needs_a_year() {
    check_errors(
        Some(Lang::Ru),
        &[
            (
                "3-е марта",
                DateError::unreadable("3-е марта", "no year in it"),
            ),
            (
                "\"3\" марта",
                DateError::unreadable("\"3\" марта", "no year in it"),
            ),
        ],
    );
}
