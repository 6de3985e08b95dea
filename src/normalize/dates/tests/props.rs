//! Properties over generated inputs: no input panics, every value is an ordered interval, and
//! every valid day round-trips through its dotted form.

use super::*;
use chrono::{Datelike, NaiveDate};
use proptest::prelude::*;

/// Pieces that date texts are made of, to build inputs near the forms that are read.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        (0u32..3000).prop_map(|n| n.to_string()),
        (0u32..40).prop_map(|n| format!("{n:02}")),
        prop::sample::select(vec![
            ".",
            "/",
            "-",
            "–",
            " ",
            "(",
            ")",
            "?",
            "~",
            "%",
            ",",
            "г.",
            "ст. ст.",
            "н. ст.",
            "около",
            "нач.",
            "кон.",
            "-е",
            "-х",
            "дек.",
            "тамыз",
            "avgust",
            "yil",
            "XII",
            "XIII",
            "Х",
            "193X",
            "по",
            "с",
            "s",
            "O.S.",
            "o‘rtasi",
            "жж.",
            "[",
            "]",
            "..",
        ])
        .prop_map(str::to_string),
    ]
}

fn assembled() -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 0..8).prop_map(|parts| parts.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,60}") {
        if let Ok(Some(v)) = parse(&text, None) {
            prop_assert!(v.earliest <= v.latest);
        }
    }

    #[test]
    fn any_string_never_panics(text in any::<String>()) {
        for lang in [None, Some(Lang::Uz)] {
            if let Ok(Some(v)) = parse(&text, lang) {
                prop_assert!(v.earliest <= v.latest);
            }
        }
    }

    #[test]
    fn assembled_text_gives_ordered_intervals(text in assembled()) {
        for lang in [None, Some(Lang::Ru), Some(Lang::Kk)] {
            if let Ok(Some(v)) = parse(&text, lang) {
                prop_assert!(v.earliest <= v.latest, "{text:?}: {v:?}");
                prop_assert!(!v.edtf.is_empty());
            }
        }
    }

    #[test]
    fn dotted_days_round_trip(y in 1000i32..=2100, m in 1u32..=12, d in 1u32..=31) {
        let text = format!("{d:02}.{m:02}.{y}");
        match NaiveDate::from_ymd_opt(y, m, d) {
            Some(day) => {
                let v = parse(&text, None).expect("valid day").expect("not empty");
                prop_assert_eq!(v.earliest, day);
                prop_assert_eq!(v.latest, day);
                let back = format!("{:02}.{:02}.{}", v.earliest.day(), v.earliest.month(), v.earliest.year());
                prop_assert_eq!(back, text);
            }
            None => {
                let julian_only = julian_to_gregorian(y, m, d).is_some_and(|g| g < SWITCH);
                prop_assert_eq!(parse(&text, None).is_ok(), julian_only, "{}", text);
            }
        }
    }

    #[test]
    fn old_style_days_convert(y in 1000i32..=2100, m in 1u32..=12, d in 1u32..=31) {
        let text = format!("{d}.{m}.{y} ст. ст.");
        let got = parse(&text, None).ok().flatten().map(|v| v.earliest);
        prop_assert_eq!(got, julian_to_gregorian(y, m, d));
        if let Some(g) = got {
            prop_assert_eq!(gregorian_to_julian(g), (y, m, d));
        }
    }

    #[test]
    fn number_cells_never_panic(x in proptest::num::f64::ANY) {
        if let Ok(Some(v)) = parse_cell("", Some(Typed::Number(x)), None) {
            prop_assert!(v.earliest <= v.latest);
        }
    }
}
