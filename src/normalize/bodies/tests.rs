use super::*;

fn keys(cases: &[(&str, &str)], find: fn(&str) -> Option<&'static str>) {
    for (raw, key) in cases {
        assert_eq!(find(raw), Some(*key), "{raw}");
    }
}

#[test]
fn wordings_the_sample_never_writes_fold_to_their_bodies() {
    keys(
        &[
            ("Военной коллегией Верховного суда СССР", "vkvs_ussr"),
            ("ВК ВС СССР", "vkvs_ussr"),
            ("Верховного суда СССР военная коллегия", "vkvs_ussr"),
            ("Особым совещанием при НКВД СССР", "nkvd_oso"),
            ("Особое совещание НКВД", "nkvd_oso"),
            ("тройкой УНКВД по Южно-Казахстанской области", "nkvd_troika"),
            ("Тройки НКВД Узбекской ССР", "nkvd_troika"),
            (
                "Прокуратуры Казахской Советской Социалистической Республики",
                "prosecutor_kazssr",
            ),
            ("прокурором КазССР", "prosecutor_kazssr"),
            (
                "Президиумом Верховного Суда Казахской ССР",
                "presidium_supreme_court_kazssr",
            ),
            ("Верховным судом КазССР", "supreme_court_kazssr"),
            (
                "Қазақ КСР Жоғарғы сотының Президиумы",
                "presidium_supreme_court_kazssr",
            ),
            ("ҚР Бас прокуратурасы", "kz_prosecutor_general"),
            (
                "Генпрокуратурой Республики Казахстан",
                "kz_prosecutor_general",
            ),
            ("Oʻzbekiston Respublikasi Oliy sudining", "uz_supreme_court"),
            (
                "O‘zbekiston Respublikasi Oliy sudi tomonidan",
                "uz_supreme_court",
            ),
            ("Oliy sud", "uz_supreme_court"),
            (
                "Supreme Court of the Republic of Uzbekistan",
                "uz_supreme_court",
            ),
            ("Military Collegium of the USSR Supreme Court", "vkvs_ussr"),
            (
                "Госкомиссией по полной реабилитации жертв политических репрессий",
                "kz_state_commission",
            ),
            (
                "Военным трибуналом Среднеазиатского военного округа",
                "military_tribunal_savo",
            ),
            ("ОСО при МВД СССР", "mgb_mvd_oso"),
            ("Коллегией ОГПУ", "ogpu_collegium"),
        ],
        body_key,
    );
}

#[test]
fn acts_fold_to_their_keys() {
    keys(
        &[
            ("Указом ПВС СССР от 16.01.1989", "ussr_decree_1989"),
            (
                "на основании Указа Президиума Верховного Совета СССР от 16 января 1989 г.",
                "ussr_decree_1989",
            ),
            (
                "ст. 3 Закона Республики Казахстан от 14.04.1993",
                "kz_law_1993",
            ),
            ("ҚР 1993 ж. 14 сәуірдегі Заңы", "kz_law_1993"),
            ("Закон РСФСР от 18.10.1991", "ru_law_1991"),
            ("Указ Президента СССР от 13.08.1990", "ussr_decree_1990"),
        ],
        basis_key,
    );
}

#[test]
fn unknown_and_ambiguous_texts_have_no_key() {
    assert_eq!(body_key(""), None);
    assert_eq!(body_key("реабилитирован"), None);
    assert_eq!(body_key("Комиссия при ЦК"), None);
    assert_eq!(body_key("Верховный суд"), None, "which court is not said");
    assert_eq!(basis_key("ВКВС СССР"), None, "a body is no act");
    assert_eq!(
        body_key("Указ ПВС СССР 1989").map(|k| body(k).unwrap().kind),
        Some(Kind::Body)
    );
}

#[test]
fn outcomes_are_read_in_every_language() {
    let cases = [
        ("реабилитирована", "rehabilitated"),
        ("Толық ақталды", "rehabilitated"),
        ("Oqlandi", "rehabilitated"),
        (
            "Jinoyat ishi tugatildi, reabilitatsiya qilindi",
            "rehabilitated",
        ),
        (
            "признана подвергшейся политическим репрессиям",
            "recognised_victim",
        ),
        (
            "Саяси қуғын-сүргін құрбаны деп танылды",
            "recognised_victim",
        ),
        ("в реабилитации отказано", "refused"),
    ];
    for (raw, key) in cases {
        assert_eq!(outcome(raw), Some(key), "{raw}");
    }
    assert_eq!(outcome("1989"), None);
}

#[test]
fn chambers_are_compatible_with_their_court_and_periods_bound_bodies() {
    let c = catalogue();
    assert!(c.compatible("uz_supreme_court_military", "uz_supreme_court"));
    assert!(c.compatible("uz_supreme_court", "uz_supreme_court_criminal"));
    assert!(!c.compatible("uz_supreme_court", "kz_supreme_court"));
    let troika = body("nkvd_troika").unwrap();
    let day = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap();
    assert!(troika.existed_within(day("1938-01-01"), day("1938-01-01")));
    assert!(!troika.existed_within(day("1939-03-01"), day("1939-03-01")));
    assert!(troika.existed_within(day("1938-01-01"), day("1938-12-31")));
}

#[test]
fn every_entry_has_a_unique_key_and_a_known_parent() {
    let c = catalogue();
    let mut keys: Vec<&str> = c.all().iter().map(|b| b.key.as_str()).collect();
    let n = keys.len();
    keys.sort_unstable();
    keys.dedup();
    assert_eq!(keys.len(), n);
    for b in c.all() {
        assert!(
            b.parent.as_deref().is_none_or(|p| c.get(p).is_some()),
            "{}",
            b.key
        );
        assert_eq!(
            c.find(b.name_ru(), b.kind).map(|f| f.key.as_str()),
            Some(b.key.as_str())
        );
        assert_eq!(
            c.find(b.name_en(), b.kind).map(|f| f.key.as_str()),
            Some(b.key.as_str())
        );
    }
}
