//! Kazakh, Uzbek (Latin and Cyrillic), Tajik and Kyrgyz forms.

use super::*;

#[test]
fn kazakh() {
    check_table(
        Some(Lang::Kk),
        &[
            (
                "27 тамыз 2021 ж.",
                "2021-08-27 2021-08-27 day gregorian exact 2021-08-27",
            ),
            (
                "2021 ж. 27 тамыз",
                "2021-08-27 2021-08-27 day gregorian exact 2021-08-27",
            ),
            (
                "2021 жылы 27 тамызда",
                "2021-08-27 2021-08-27 day gregorian exact 2021-08-27",
            ),
            (
                "2021 жылғы 27 тамыз",
                "2021-08-27 2021-08-27 day gregorian exact 2021-08-27",
            ),
            (
                "24 қараша 2020 ж.",
                "2020-11-24 2020-11-24 day gregorian exact 2020-11-24",
            ),
            (
                "1993 ж. 14 сәуір",
                "1993-04-14 1993-04-14 day gregorian exact 1993-04-14",
            ),
            (
                "5 қаңтар 1938 ж.",
                "1938-01-05 1938-01-05 day gregorian exact 1938-01-05",
            ),
            (
                "5 ақпан 1938",
                "1938-02-05 1938-02-05 day gregorian exact 1938-02-05",
            ),
            (
                "22 наурыз 1938 ж.",
                "1938-03-22 1938-03-22 day gregorian exact 1938-03-22",
            ),
            (
                "31 мамыр 1938 ж.",
                "1938-05-31 1938-05-31 day gregorian exact 1938-05-31",
            ),
            (
                "1 маусым 1938 ж.",
                "1938-06-01 1938-06-01 day gregorian exact 1938-06-01",
            ),
            (
                "15 шілде 1937 ж.",
                "1937-07-15 1937-07-15 day gregorian exact 1937-07-15",
            ),
            (
                "1 қыркүйек 1937 ж.",
                "1937-09-01 1937-09-01 day gregorian exact 1937-09-01",
            ),
            (
                "25 қазан 1937 жылы",
                "1937-10-25 1937-10-25 day gregorian exact 1937-10-25",
            ),
            (
                "16 желтоқсан 1986 ж.",
                "1986-12-16 1986-12-16 day gregorian exact 1986-12-16",
            ),
            (
                "16 ЖЕЛТОҚСАН 1986 Ж.",
                "1986-12-16 1986-12-16 day gregorian exact 1986-12-16",
            ),
            (
                "желтоқсан 1937 ж.",
                "1937-12-01 1937-12-31 month gregorian exact 1937-12",
            ),
            (
                "1937 ж. желтоқсан",
                "1937-12-01 1937-12-31 month gregorian exact 1937-12",
            ),
            (
                "1937 жылдың желтоқсанында",
                "1937-12-01 1937-12-31 month gregorian exact 1937-12",
            ),
            ("1890 ж.т.", "1890-01-01 1890-12-31 year unknown exact 1890"),
            (
                "шамамен 1890 ж.",
                "1890-01-01 1890-12-31 year unknown approximate 1890~",
            ),
            (
                "1930 жылдары",
                "1930-01-01 1939-12-31 decade gregorian exact 193X",
            ),
            (
                "1930-жылдары",
                "1930-01-01 1939-12-31 decade gregorian exact 193X",
            ),
            (
                "1920 жылдардың басы",
                "1920-01-01 1923-12-31 range gregorian exact 1920/1923",
            ),
            (
                "1937-1938 жж.",
                "1937-01-01 1938-12-31 range gregorian exact 1937/1938",
            ),
            (
                "27 tamyz 2021 j.",
                "2021-08-27 2021-08-27 day gregorian exact 2021-08-27",
            ),
            (
                "27 tamyz 2021",
                "2021-08-27 2021-08-27 day gregorian exact 2021-08-27",
            ),
            (
                "16 jeltoqsan 1986",
                "1986-12-16 1986-12-16 day gregorian exact 1986-12-16",
            ),
            (
                "1 qyrküiek 1937",
                "1937-09-01 1937-09-01 day gregorian exact 1937-09-01",
            ),
            (
                "5 qañtar 1938",
                "1938-01-05 1938-01-05 day gregorian exact 1938-01-05",
            ),
            (
                "14 säuır 1993",
                "1993-04-14 1993-04-14 day gregorian exact 1993-04-14",
            ),
            (
                "15 şılde 1937",
                "1937-07-15 1937-07-15 day gregorian exact 1937-07-15",
            ),
        ],
    );
}

#[test]
fn uzbek() {
    check_table(
        Some(Lang::Uz),
        &[
            (
                "2021-yil 27-avgust",
                "2021-08-27 2021-08-27 day gregorian exact 2021-08-27",
            ),
            (
                "2021 yil 27 avgust",
                "2021-08-27 2021-08-27 day gregorian exact 2021-08-27",
            ),
            (
                "2021-yil 27-avgustda",
                "2021-08-27 2021-08-27 day gregorian exact 2021-08-27",
            ),
            (
                "27-avgust 2021-yil",
                "2021-08-27 2021-08-27 day gregorian exact 2021-08-27",
            ),
            (
                "27 avgust 2021 y.",
                "2021-08-27 2021-08-27 day gregorian exact 2021-08-27",
            ),
            (
                "1937-yil 5-oktabr",
                "1937-10-05 1937-10-05 day gregorian exact 1937-10-05",
            ),
            (
                "1937-yil 5-oktyabr",
                "1937-10-05 1937-10-05 day gregorian exact 1937-10-05",
            ),
            (
                "1938-yil 12-yanvar",
                "1938-01-12 1938-01-12 day gregorian exact 1938-01-12",
            ),
            (
                "1938-yil 3-fevral",
                "1938-02-03 1938-02-03 day gregorian exact 1938-02-03",
            ),
            (
                "1938-yil 8-mart",
                "1938-03-08 1938-03-08 day gregorian exact 1938-03-08",
            ),
            (
                "1938-yil 1-aprel",
                "1938-04-01 1938-04-01 day gregorian exact 1938-04-01",
            ),
            (
                "1938-yil 9-may",
                "1938-05-09 1938-05-09 day gregorian exact 1938-05-09",
            ),
            (
                "1938-yil 9-iyun",
                "1938-06-09 1938-06-09 day gregorian exact 1938-06-09",
            ),
            (
                "1938-yil 9-iyul",
                "1938-07-09 1938-07-09 day gregorian exact 1938-07-09",
            ),
            (
                "1938-yil 9-sentabr",
                "1938-09-09 1938-09-09 day gregorian exact 1938-09-09",
            ),
            (
                "1938-yil 9-noyabr",
                "1938-11-09 1938-11-09 day gregorian exact 1938-11-09",
            ),
            (
                "1938-yil 9-dekabr",
                "1938-12-09 1938-12-09 day gregorian exact 1938-12-09",
            ),
            (
                "2021 йил 27 август",
                "2021-08-27 2021-08-27 day gregorian exact 2021-08-27",
            ),
            (
                "2021-йил 27-августда",
                "2021-08-27 2021-08-27 day gregorian exact 2021-08-27",
            ),
            (
                "1938 йил 12 январ",
                "1938-01-12 1938-01-12 day gregorian exact 1938-01-12",
            ),
            (
                "1938 йил сентябрь",
                "1938-09-01 1938-09-30 month gregorian exact 1938-09",
            ),
            (
                "taxminan 1890-yil",
                "1890-01-01 1890-12-31 year unknown approximate 1890~",
            ),
            (
                "тахминан 1890 йил",
                "1890-01-01 1890-12-31 year unknown approximate 1890~",
            ),
            (
                "1930-yillar",
                "1930-01-01 1939-12-31 decade gregorian exact 193X",
            ),
            (
                "1930-йиллар",
                "1930-01-01 1939-12-31 decade gregorian exact 193X",
            ),
            (
                "1920-yillar boshi",
                "1920-01-01 1923-12-31 range gregorian exact 1920/1923",
            ),
            (
                "1930-yillar oxiri",
                "1937-01-01 1939-12-31 range gregorian exact 1937/1939",
            ),
        ],
    );
}

#[test]
fn uzbek_apostrophe_variants() {
    let want = "1934-01-01 1936-12-31 range gregorian exact 1934/1936";
    for apostrophe in crate::normalize::text::APOSTROPHES {
        let text = format!("1930-yillar o{apostrophe}rtasi");
        check_table(Some(Lang::Uz), &[(text.as_str(), want)]);
        check_table(None, &[(text.as_str(), want)]);
    }
}

#[test]
fn tajik_and_kyrgyz() {
    check_table(
        None,
        &[
            (
                "27 август 2021",
                "2021-08-27 2021-08-27 day gregorian exact 2021-08-27",
            ),
            (
                "5 январ 1938",
                "1938-01-05 1938-01-05 day gregorian exact 1938-01-05",
            ),
            (
                "5 феврал 1938 сол",
                "1938-02-05 1938-02-05 day gregorian exact 1938-02-05",
            ),
            (
                "5 июн 1938",
                "1938-06-05 1938-06-05 day gregorian exact 1938-06-05",
            ),
            (
                "5 сентябр 1938",
                "1938-09-05 1938-09-05 day gregorian exact 1938-09-05",
            ),
            (
                "5 декабр 1938",
                "1938-12-05 1938-12-05 day gregorian exact 1938-12-05",
            ),
            (
                "тақрибан 1900",
                "1900-01-01 1900-12-31 year unknown approximate 1900~",
            ),
            (
                "солҳои 1930",
                "1930-01-01 1939-12-31 decade gregorian exact 193X",
            ),
            (
                "2021-жылы 27-август",
                "2021-08-27 2021-08-27 day gregorian exact 2021-08-27",
            ),
            (
                "5 баш оона 1937",
                "1937-08-05 1937-08-05 day gregorian exact 1937-08-05",
            ),
            (
                "5 үчтүн айы 1938",
                "1938-01-05 1938-01-05 day gregorian exact 1938-01-05",
            ),
            (
                "бештин айы 1937",
                "1937-12-01 1937-12-31 month gregorian exact 1937-12",
            ),
            (
                "5 бугу 1938",
                "1938-05-05 1938-05-05 day gregorian exact 1938-05-05",
            ),
            (
                "болжол менен 1900-жылы",
                "1900-01-01 1900-12-31 year unknown approximate 1900~",
            ),
        ],
    );
}

#[test]
fn language_is_guessed_from_month_names() {
    for lang in [
        None,
        Some(Lang::Ru),
        Some(Lang::Kk),
        Some(Lang::Uz),
        Some(Lang::En),
    ] {
        check_table(
            lang,
            &[
                (
                    "27 тамыз 2021 ж.",
                    "2021-08-27 2021-08-27 day gregorian exact 2021-08-27",
                ),
                (
                    "2021-yil 27-avgust",
                    "2021-08-27 2021-08-27 day gregorian exact 2021-08-27",
                ),
                (
                    "27 дек. 1941 г.",
                    "1941-12-27 1941-12-27 day gregorian exact 1941-12-27",
                ),
                (
                    "Dec. 27, 1941",
                    "1941-12-27 1941-12-27 day gregorian exact 1941-12-27",
                ),
            ],
        );
    }
}

#[test]
fn a_year_word_with_a_case_ending_and_a_month_with_a_possessive_one_are_read() {
    for (lang, text) in [
        (Lang::Kk, "1937 жылдың 12 наурызы"),
        (Lang::Ky, "1937-жылдын 12-марты"),
        (Lang::Uz, "1937 yilning 12 marti"),
        (Lang::Uz, "1937 йилнинг 12 марти"),
        (Lang::Uz, "12.3.1937 й."),
    ] {
        check_table(
            Some(lang),
            &[(text, "1937-03-12 1937-03-12 day gregorian exact 1937-03-12")],
        );
    }
    check_table(
        Some(Lang::Kk),
        &[(
            "1937 жылдың наурызында",
            "1937-03-01 1937-03-31 month gregorian exact 1937-03",
        )],
    );
}

#[test]
fn only_a_filler_takes_a_case_ending_so_other_unknown_words_stay_errors() {
    check_errors(
        None,
        &[
            ("пода 1937", DateError::UnknownWord("пода".into())),
            ("1937 Ивановы", DateError::UnknownWord("ивановы".into())),
        ],
    );
}
