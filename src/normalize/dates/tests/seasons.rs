//! Seasons of a year in every language of the region and English: an interval of three months
//! (spring March–May, summer June–August, autumn September–November, winter the December before
//! the year with its January and February), precision `range`, and the EDTF season 21–24.

use super::*;

/// Russian seasons in the nominative, genitive, prepositional and instrumental (`летом`).
#[test]
fn russian_seasons() {
    check_table(
        Some(Lang::Ru),
        &[
            (
                "зимой 1938",
                "1937-12-01 1938-02-28 range gregorian exact 1938-24",
            ),
            (
                "зима 1938 г.",
                "1937-12-01 1938-02-28 range gregorian exact 1938-24",
            ),
            (
                "зимою 1938 года",
                "1937-12-01 1938-02-28 range gregorian exact 1938-24",
            ),
            (
                "весной 1938 г.",
                "1938-03-01 1938-05-31 range gregorian exact 1938-21",
            ),
            (
                "весна 1938 г.",
                "1938-03-01 1938-05-31 range gregorian exact 1938-21",
            ),
            (
                "летом 1937",
                "1937-06-01 1937-08-31 range gregorian exact 1937-22",
            ),
            (
                "лето 1937 г.",
                "1937-06-01 1937-08-31 range gregorian exact 1937-22",
            ),
            (
                "осенью 1937 года",
                "1937-09-01 1937-11-30 range gregorian exact 1937-23",
            ),
            (
                "осень 1916",
                "1916-09-01 1916-11-30 range unknown exact 1916-23",
            ),
            (
                "в 1938 году весной",
                "1938-03-01 1938-05-31 range gregorian exact 1938-21",
            ),
            (
                "ок. лета 1937",
                "1937-06-01 1937-08-31 range gregorian approximate 1937-22~",
            ),
            (
                "весной 1938?",
                "1938-03-01 1938-05-31 range gregorian uncertain 1938-21?",
            ),
            (
                "летом 1937 г. (ст. ст.)",
                "1937-06-14 1937-09-13 range julian exact 1937-06-14/1937-09-13",
            ),
            (
                "весна 1917 н. ст.",
                "1917-03-01 1917-05-31 range gregorian exact 1917-21",
            ),
            (
                "зимой 1918",
                "1917-12-01 1918-02-28 range unknown exact 1918-24",
            ),
        ],
    );
}

/// Kazakh seasons with locative endings (`жазда`, `жазында`, `қыста`).
#[test]
fn kazakh_seasons() {
    check_table(
        Some(Lang::Kk),
        &[
            (
                "жазда 1937",
                "1937-06-01 1937-08-31 range gregorian exact 1937-22",
            ),
            (
                "1937 жылы жазда",
                "1937-06-01 1937-08-31 range gregorian exact 1937-22",
            ),
            (
                "1937 жылдың жазында",
                "1937-06-01 1937-08-31 range gregorian exact 1937-22",
            ),
            (
                "1938 ж. қыста",
                "1937-12-01 1938-02-28 range gregorian exact 1938-24",
            ),
            (
                "күзде 1937",
                "1937-09-01 1937-11-30 range gregorian exact 1937-23",
            ),
            (
                "көктемде 1938 ж.",
                "1938-03-01 1938-05-31 range gregorian exact 1938-21",
            ),
            (
                "1937 жылы көктемде",
                "1937-03-01 1937-05-31 range gregorian exact 1937-21",
            ),
            (
                "1937 jyly jazda",
                "1937-06-01 1937-08-31 range gregorian exact 1937-22",
            ),
            (
                "қыс 1938",
                "1937-12-01 1938-02-28 range gregorian exact 1938-24",
            ),
        ],
    );
}

/// Uzbek seasons, Latin and Cyrillic, with `-da`, `-ida` and the possessive `-i`.
#[test]
fn uzbek_seasons() {
    check_table(
        Some(Lang::Uz),
        &[
            (
                "1937-yil kuzida",
                "1937-09-01 1937-11-30 range gregorian exact 1937-23",
            ),
            (
                "1937-yil yozda",
                "1937-06-01 1937-08-31 range gregorian exact 1937-22",
            ),
            (
                "1938 yil qishda",
                "1937-12-01 1938-02-28 range gregorian exact 1938-24",
            ),
            (
                "bahorda 1938",
                "1938-03-01 1938-05-31 range gregorian exact 1938-21",
            ),
            (
                "1937 йил кузида",
                "1937-09-01 1937-11-30 range gregorian exact 1937-23",
            ),
            (
                "1937 йил ёзда",
                "1937-06-01 1937-08-31 range gregorian exact 1937-22",
            ),
            (
                "1938 йил қишда",
                "1937-12-01 1938-02-28 range gregorian exact 1938-24",
            ),
            (
                "1938 йил баҳорида",
                "1938-03-01 1938-05-31 range gregorian exact 1938-21",
            ),
            (
                "1937-yil yozi",
                "1937-06-01 1937-08-31 range gregorian exact 1937-22",
            ),
        ],
    );
}

/// Tajik seasons with the izofa `-и` (`тобистони соли 1937`).
#[test]
fn tajik_seasons() {
    check_table(
        Some(Lang::Tg),
        &[
            (
                "тобистони соли 1937",
                "1937-06-01 1937-08-31 range gregorian exact 1937-22",
            ),
            (
                "дар тобистони соли 1937",
                "1937-06-01 1937-08-31 range gregorian exact 1937-22",
            ),
            (
                "зимистони 1938",
                "1937-12-01 1938-02-28 range gregorian exact 1938-24",
            ),
            (
                "тирамоҳи соли 1937",
                "1937-09-01 1937-11-30 range gregorian exact 1937-23",
            ),
            (
                "баҳори 1938",
                "1938-03-01 1938-05-31 range gregorian exact 1938-21",
            ),
        ],
    );
}

/// Kyrgyz seasons: `жаз` is spring and `жай` summer.
#[test]
fn kyrgyz_seasons() {
    check_table(
        Some(Lang::Ky),
        &[
            (
                "1937-жылы жазында",
                "1937-03-01 1937-05-31 range gregorian exact 1937-21",
            ),
            (
                "1937-жылы жайында",
                "1937-06-01 1937-08-31 range gregorian exact 1937-22",
            ),
            (
                "1937-жылы күзүндө",
                "1937-09-01 1937-11-30 range gregorian exact 1937-23",
            ),
            (
                "1938-жылы кышында",
                "1937-12-01 1938-02-28 range gregorian exact 1938-24",
            ),
            (
                "1937 жылы жайда",
                "1937-06-01 1937-08-31 range gregorian exact 1937-22",
            ),
            (
                "1937 жылы күздө",
                "1937-09-01 1937-11-30 range gregorian exact 1937-23",
            ),
        ],
    );
}

/// English seasons, `fall` as autumn.
#[test]
fn english_seasons() {
    check_table(
        Some(Lang::En),
        &[
            (
                "summer 1937",
                "1937-06-01 1937-08-31 range gregorian exact 1937-22",
            ),
            (
                "Summer of 1937",
                "1937-06-01 1937-08-31 range gregorian exact 1937-22",
            ),
            (
                "winter 1938",
                "1937-12-01 1938-02-28 range gregorian exact 1938-24",
            ),
            (
                "Spring 1938",
                "1938-03-01 1938-05-31 range gregorian exact 1938-21",
            ),
            (
                "autumn 1937",
                "1937-09-01 1937-11-30 range gregorian exact 1937-23",
            ),
            (
                "fall 1937",
                "1937-09-01 1937-11-30 range gregorian exact 1937-23",
            ),
            (
                "in the summer of 1937",
                "1937-06-01 1937-08-31 range gregorian exact 1937-22",
            ),
            (
                "c. summer 1937",
                "1937-06-01 1937-08-31 range gregorian approximate 1937-22~",
            ),
        ],
    );
}

/// Ranges of seasons: the left end takes the year of the right.
#[test]
fn season_ranges() {
    check_table(
        None,
        &[
            (
                "лето–осень 1937",
                "1937-06-01 1937-11-30 range gregorian exact 1937-22/1937-23",
            ),
            (
                "лето-осень 1937",
                "1937-06-01 1937-11-30 range gregorian exact 1937-22/1937-23",
            ),
            (
                "зима 1937 – весна 1938",
                "1936-12-01 1938-05-31 range gregorian exact 1937-24/1938-21",
            ),
            (
                "summer–autumn 1937",
                "1937-06-01 1937-11-30 range gregorian exact 1937-22/1937-23",
            ),
        ],
    );
}

#[test]
fn a_season_named_differently_by_language_needs_the_language() {
    check_errors(
        None,
        &[
            ("жазда 1937", DateError::AmbiguousSeason("жаз".into())),
            ("жаз 1937", DateError::AmbiguousSeason("жаз".into())),
        ],
    );
    let summer = "1937-06-01 1937-08-31 range gregorian exact 1937-22";
    let spring = "1937-03-01 1937-05-31 range gregorian exact 1937-21";
    check_table(Some(Lang::Kk), &[("жазда 1937", summer)]);
    check_table(Some(Lang::Ky), &[("жазда 1937", spring)]);
}

#[test]
fn a_season_takes_no_month_or_day() {
    let table: Vec<(&str, DateError)> = [
        "летом 5 мая 1937",
        "лето 05.1937",
        "нач. лета 1937",
        "лето 1930-х",
    ]
    .iter()
    .map(|t| {
        (
            *t,
            DateError::unreadable(
                t,
                "a season is read with a year only, without a month, day or part",
            ),
        )
    })
    .collect();
    check_errors(Some(Lang::Ru), &table);
}
