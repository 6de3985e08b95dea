//! Repression and rehabilitation bodies and legal acts read as keys: every form the sample archive
//! writes of a sentencing organ, a deciding body and a legal basis, and the key it reads as.

use crate::common::{Workdir, stderr};
use std::collections::BTreeMap;
use std::path::Path;

/// `(column, form as written, key)`: every distinct form of the sample archive.
const SAMPLE_FORMS: &[(&str, &str, &str)] = &[
    (
        "deciding_body",
        "O'zbekiston Respublikasi Oliy sudi",
        "uz_supreme_court",
    ),
    (
        "deciding_body",
        "O`zSSR Oliy sudi Prezidiumi",
        "presidium_supreme_court_uzssr",
    ),
    (
        "deciding_body",
        "O`zbekiston Respublikasi Oliy sudi",
        "uz_supreme_court",
    ),
    (
        "deciding_body",
        "Oliy sud jinoyat ishlari bo`yicha sudlov hay`ati",
        "uz_supreme_court_criminal",
    ),
    (
        "deciding_body",
        "OʻzSSR Oliy sudi Prezidiumi",
        "presidium_supreme_court_uzssr",
    ),
    (
        "deciding_body",
        "Oʻzbekiston Respublikasi Oliy sudi",
        "uz_supreme_court",
    ),
    (
        "deciding_body",
        "OʼzSSR Oliy sudi Prezidiumi",
        "presidium_supreme_court_uzssr",
    ),
    (
        "deciding_body",
        "Oʼzbekiston Respublikasi Oliy sudi",
        "uz_supreme_court",
    ),
    (
        "deciding_body",
        "O’zbekiston Respublikasi Oliy sudi",
        "uz_supreme_court",
    ),
    (
        "deciding_body",
        "O’zbekiston Respublikasi Oliy sudi harbiy hay’ati",
        "uz_supreme_court_military",
    ),
    (
        "deciding_body",
        "Turkiston harbiy okrugi harbiy tribunali",
        "military_tribunal_turkvo",
    ),
    ("deciding_body", "ВКВС СССР", "vkvs_ussr"),
    (
        "deciding_body",
        "Верховным судом Республики Узбекистан",
        "uz_supreme_court",
    ),
    (
        "deciding_body",
        "Военная прокуратура РК",
        "kz_military_prosecutor",
    ),
    (
        "deciding_body",
        "Военной прокуратурой",
        "military_prosecutor",
    ),
    (
        "deciding_body",
        "Военный трибунал ТуркВО",
        "military_tribunal_turkvo",
    ),
    (
        "deciding_body",
        "Военным трибуналом ТуркВО",
        "military_tribunal_turkvo",
    ),
    (
        "deciding_body",
        "Генеральная прокуратура РК",
        "kz_prosecutor_general",
    ),
    (
        "deciding_body",
        "Генеральной прокуратурой РК",
        "kz_prosecutor_general",
    ),
    (
        "deciding_body",
        "Государственная комиссия по полной реабилитации жертв политических репрессий",
        "kz_state_commission",
    ),
    (
        "deciding_body",
        "Президиум Верховного суда КазССР",
        "presidium_supreme_court_kazssr",
    ),
    (
        "deciding_body",
        "Президиумом Верховного суда КазССР",
        "presidium_supreme_court_kazssr",
    ),
    (
        "deciding_body",
        "Президиумом Верховного суда КиргССР",
        "presidium_supreme_court_kirgssr",
    ),
    (
        "deciding_body",
        "Президиумом Верховного суда ТаджССР",
        "presidium_supreme_court_tajssr",
    ),
    (
        "deciding_body",
        "Президиумом Верховного суда УзССР",
        "presidium_supreme_court_uzssr",
    ),
    ("deciding_body", "Прокуратура КазССР", "prosecutor_kazssr"),
    ("deciding_body", "прокуратурой КазССР", "prosecutor_kazssr"),
    (
        "deciding_body",
        "прокуратурой КиргССР",
        "prosecutor_kirgssr",
    ),
    (
        "deciding_body",
        "прокуратурой Кыргызской Республики",
        "kg_prosecutor_general",
    ),
    (
        "deciding_body",
        "прокуратурой Республики Таджикистан",
        "tj_prosecutor_general",
    ),
    (
        "deciding_body",
        "прокуратурой Республики Узбекистан",
        "uz_prosecutor_general",
    ),
    ("deciding_body", "прокуратурой ТаджССР", "prosecutor_tajssr"),
    ("deciding_body", "прокуратурой УзССР", "prosecutor_uzssr"),
    (
        "legal_basis",
        "Указ ПВС СССР от 16.01.1989",
        "ussr_decree_1989",
    ),
    (
        "legal_basis",
        "ст. 1 Закона РК от 14.04.1993 «О реабилитации жертв массовых политических репрессий»",
        "kz_law_1993",
    ),
    (
        "legal_basis",
        "ст. 2 Закона РК от 14.04.1993 «О реабилитации жертв массовых политических репрессий»",
        "kz_law_1993",
    ),
    ("sentencing_organ", "ВКВС СССР", "vkvs_ussr"),
    (
        "sentencing_organ",
        "Военный трибунал САВО",
        "military_tribunal_savo",
    ),
    (
        "sentencing_organ",
        "Военный трибунал войск НКВД Казахского округа",
        "military_tribunal_nkvd_troops",
    ),
    ("sentencing_organ", "Коллегия ОГПУ", "ogpu_collegium"),
    ("sentencing_organ", "НКВД и Прокурор СССР", "nkvd_dvoika"),
    ("sentencing_organ", "ОСО при МГБ СССР", "mgb_mvd_oso"),
    ("sentencing_organ", "ОСО при НКВД СССР", "nkvd_oso"),
    (
        "sentencing_organ",
        "Особое совещание при Коллегии ОГПУ",
        "ogpu_oso",
    ),
    (
        "sentencing_organ",
        "тройка НКВД по Казахской ССР",
        "nkvd_troika",
    ),
    (
        "sentencing_organ",
        "тройка НКВД по Киргизской ССР",
        "nkvd_troika",
    ),
    (
        "sentencing_organ",
        "тройка НКВД по Таджикской ССР",
        "nkvd_troika",
    ),
    (
        "sentencing_organ",
        "тройка НКВД по Узбекской ССР",
        "nkvd_troika",
    ),
    (
        "sentencing_organ",
        "тройка ПП ОГПУ в Казахстане",
        "ogpu_troika",
    ),
    (
        "sentencing_organ",
        "тройка ПП ОГПУ в Средней Азии",
        "ogpu_troika",
    ),
];

#[test]
fn every_form_of_the_sample_reads_as_its_key() {
    let wd = Workdir::new();
    let input = Path::new(env!("CARGO_MANIFEST_DIR")).join("input");
    let out = wd.rehab(&["run", "--input", input.to_str().unwrap(), "--output", "out"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let mut seen: BTreeMap<(String, String), String> = BTreeMap::new();
    for m in wd.table("out/mentions.csv") {
        for col in ["sentencing_organ", "deciding_body", "legal_basis"] {
            if !m[col].trim().is_empty() {
                let key = m[&format!("{col}_key")].clone();
                seen.insert((col.to_string(), m[col].clone()), key);
            }
        }
    }
    let expected: BTreeMap<(String, String), String> = SAMPLE_FORMS
        .iter()
        .map(|(c, raw, key)| ((c.to_string(), raw.to_string()), key.to_string()))
        .collect();
    assert_eq!(seen, expected);
    let from_decision: BTreeMap<String, String> = wd
        .table("out/mentions.csv")
        .into_iter()
        .filter(|m| m["deciding_body"].is_empty() && !m["deciding_body_key"].is_empty())
        .map(|m| (m["decision"].clone(), m["deciding_body_key"].clone()))
        .collect();
    assert_eq!(
        from_decision
            .get("Ақталды (ҚазКСР прокуратурасы)")
            .map(String::as_str),
        Some("prosecutor_kazssr")
    );
    assert_eq!(
        from_decision
            .get("Ақталды (мемлекеттік комиссия)")
            .map(String::as_str),
        Some("kz_state_commission")
    );
    let run: serde_json::Value = serde_json::from_str(&wd.read("out/run.json")).unwrap();
    for col in ["sentencing_organ", "deciding_body", "legal_basis"] {
        assert_eq!(run["keys"][col]["unknown"], 0, "{col}");
    }
}
