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
            "зимой",
            "летом",
            "жазда",
            "kuzida",
            "summer",
            "март-апрель",
            "3-го",
            "-е",
            "«3»",
            "19151111",
            "19380500",
            "193805",
            "00",
            "неизвестно",
            "не установлено",
            "апрелда",
            "марти",
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
    fn compact_days_round_trip(y in 1000i32..=2100, m in 1u32..=12, d in 1u32..=31) {
        let text = format!("{y:04}{m:02}{d:02}");
        let dotted = format!("{d:02}.{m:02}.{y}");
        let got = parse(&text, None);
        let by_dots = parse(&dotted, None);
        prop_assert_eq!(got.as_ref().ok(), by_dots.as_ref().ok(), "{}", text);
        match NaiveDate::from_ymd_opt(y, m, d) {
            Some(day) => {
                let v = got.expect("valid day").expect("not empty");
                prop_assert_eq!((v.earliest, v.latest), (day, day));
                let back = format!("{:04}{:02}{:02}", day.year(), day.month(), day.day());
                prop_assert_eq!(back, text);
                let cell = parse_cell("", Some(Typed::Number(f64::from(y * 10_000) + f64::from(m * 100 + d))), None);
                prop_assert_eq!(cell.expect("a day").map(|v| v.earliest), Some(day));
            }
            None => match got {
                Ok(Some(v)) => prop_assert!(v.latest < SWITCH, "{}: {:?}", text, v),
                Ok(None) => prop_assert!(false, "{} read as no date", text),
                Err(e) => prop_assert!(matches!(e, DateError::BadCompact { .. }), "{}: {:?}", text, e),
            },
        }
    }

    #[test]
    fn zero_parts_widen_to_the_known_parts(y in 1000i32..=2100, m in 1u32..=12) {
        let month = parse(&format!("{m:02}.{y}"), None);
        prop_assert_eq!(&parse(&format!("00.{m:02}.{y}"), None), &month);
        prop_assert_eq!(&parse(&format!("{y}-{m:02}-00"), None), &month);
        prop_assert_eq!(&parse(&format!("{y}{m:02}00"), None), &month);
        let year = parse(&y.to_string(), None);
        prop_assert_eq!(&parse(&format!("00.00.{y}"), None), &year);
        prop_assert_eq!(&parse(&format!("{y}0000"), None), &year);
    }

    #[test]
    fn seasons_are_three_months(y in 1001i32..=2100, s in 0usize..4, old in any::<bool>()) {
        let word = ["spring", "summer", "autumn", "winter"][s];
        let style = if old { " O.S." } else { "" };
        let v = parse(&format!("{word} {y}{style}"), None).expect("a season").expect("a value");
        let days = (v.latest - v.earliest).num_days() + 1;
        prop_assert!((89..=92).contains(&days), "{} {}: {:?}", word, y, v);
        prop_assert_eq!(v.precision, Precision::Range);
        if !old {
            prop_assert_eq!(v.edtf, format!("{y:04}-{}", 21 + s));
            prop_assert_eq!(v.latest.year(), y);
        }
    }

    #[test]
    fn month_ranges_cover_both_months(y in 1000i32..=2100, a in 1u32..=12, b in 1u32..=12) {
        let got = parse(&format!("{a:02}.{y} – {b:02}.{y}"), None);
        let named = ["январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август",
            "сентябрь", "октябрь", "ноябрь", "декабрь"];
        let text = format!("{}-{} {y}", named[a as usize - 1], named[b as usize - 1]);
        let by_name = parse(&text, None);
        prop_assert_eq!(&by_name, &got, "{}", text);
        match by_name {
            Ok(Some(v)) => {
                prop_assert!(a <= b);
                prop_assert!(v.earliest <= v.latest);
                prop_assert_eq!((v.earliest.month(), v.earliest.day()), (a, 1));
                prop_assert_eq!(v.latest.month(), b);
            }
            Err(DateError::ReversedRange) => prop_assert!(a > b),
            other => prop_assert!(false, "{}: {:?}", text, other),
        }
    }

    #[test]
    fn days_in_both_styles_agree(days in 0i64..100_000, shift in -2i64..=2) {
        let base = NaiveDate::from_ymd_opt(1800, 1, 1).expect("a day");
        let new = base + chrono::Days::new(days as u64);
        let (y, m, d) = gregorian_to_julian(new);
        let shown = new + chrono::Duration::days(shift);
        let text = format!(
            "{d:02}.{m:02}.{y} ({:02}.{:02}.{})",
            shown.day(),
            shown.month(),
            shown.year()
        );
        let got = parse(&text, None);
        if shift == 0 {
            let v = got.expect("one day").expect("a value");
            prop_assert_eq!((v.earliest, v.latest), (new, new));
            prop_assert_eq!(v.calendar, Calendar::Julian);
        } else {
            let mismatch = matches!(got, Err(DateError::DualMismatch { .. }));
            prop_assert!(mismatch, "{}: {:?}", text, got);
        }
    }

    #[test]
    fn number_cells_never_panic(x in proptest::num::f64::ANY) {
        if let Ok(Some(v)) = parse_cell("", Some(Typed::Number(x)), None) {
            prop_assert!(v.earliest <= v.latest);
        }
    }
}
