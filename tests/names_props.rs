//! Property tests: no panic on any string, and a name keeps its keys under every scheme.

use proptest::prelude::*;
use rehab::model::Gender;
use rehab::normalize::names::synth::{given_names, name_from};
use rehab::normalize::names::{from_parts, parse};
use rehab::normalize::translit::{Scheme, match_key, phonetic_key, render};
use std::sync::OnceLock;

fn names() -> &'static (Vec<String>, Vec<String>) {
    static NAMES: OnceLock<(Vec<String>, Vec<String>)> = OnceLock::new();
    NAMES.get_or_init(|| (given_names(Gender::Male), given_names(Gender::Female)))
}

fn all_functions(s: &str) {
    let key = match_key(s);
    assert!(key.bytes().all(|b| b.is_ascii_lowercase()), "{key}");
    let _ = phonetic_key(s);
    let _ = parse(s, None);
    let _ = from_parts(s, s, s, None);
    for scheme in Scheme::ALL {
        let _ = render(s, scheme);
    }
}

proptest! {
    // A fixed seed: the same 400 cases on every machine, so that a run is repeatable; new
    // seeds are explored by setting PROPTEST_RNG_SEED.
    #![proptest_config(ProptestConfig {
        cases: 400,
        rng_seed: proptest::test_runner::RngSeed::Fixed(0x0072_6568_6162),
        ..ProptestConfig::default()
    })]

    #[test]
    fn nothing_panics_on_any_string(s in ".{0,60}") {
        all_functions(&s);
    }

    #[test]
    fn nothing_panics_on_name_like_strings(
        s in "[А-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІіЎўҲҳҶҷӢӣӮӯ a-zA-ZçşğıüöäñūČčŠšŽž'ʻ’`.,\u{301}\u{30c}\u{361}-]{0,40}"
    ) {
        all_functions(&s);
    }

    #[test]
    fn a_name_keeps_its_keys_in_every_scheme(
        root in 0usize..200,
        given in 0usize..200,
        father in 0usize..200,
        style in 0usize..4,
        female in any::<bool>(),
    ) {
        let (men, women) = names();
        let pick = |list: &Vec<String>, i: usize| list[i % list.len()].clone();
        let given = if female { pick(women, given) } else { pick(men, given) };
        let name = name_from(&pick(men, root), &given, &pick(men, father), style, female);
        let full = name.full();
        let base = parse(&full, None).unwrap_or_default();
        for scheme in Scheme::ALL {
            let rendered = render(&full, scheme);
            let parsed = parse(&rendered, None).unwrap_or_default();
            prop_assert_eq!(&parsed.surname_key, &base.surname_key, "{} as {}", rendered, scheme.name());
            prop_assert_eq!(&parsed.given_key, &base.given_key, "{} as {}", rendered, scheme.name());
            // German spelling is recognisable from `w`/`sch` only when the name carries a
            // Russian suffix; the Kazakh style (no suffix) is read by the name data instead.
            if scheme != Scheme::German || style != 2 {
                prop_assert_eq!(match_key(&rendered), match_key(&full), "{} as {}", rendered, scheme.name());
            }
        }
    }
}
