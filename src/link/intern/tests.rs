use super::*;
use proptest::prelude::*;
use std::collections::BTreeMap;

/// Interning as it reads: the distinct trimmed strings sorted, each value's id its place there.
fn simple(columns: &[Vec<&str>]) -> (Vec<Vec<u32>>, Vec<String>, Vec<u32>, u64) {
    let mut counts: BTreeMap<&str, u32> = BTreeMap::new();
    for s in columns.iter().flatten().map(|s| s.trim()) {
        if !s.is_empty() {
            *counts.entry(s).or_default() += 1;
        }
    }
    let strings: Vec<&str> = counts.keys().copied().collect();
    let ids = columns
        .iter()
        .map(|col| {
            col.iter()
                .map(|s| match s.trim() {
                    "" => NONE,
                    s => strings.binary_search(&s).map_or(NONE, |i| i as u32),
                })
                .collect()
        })
        .collect();
    let total = counts.values().map(|&c| u64::from(c)).sum();
    (
        ids,
        strings.iter().map(|s| s.to_string()).collect(),
        counts.into_values().collect(),
        total,
    )
}

/// Values drawn from a few strings, so that they repeat, with blanks and neighbours alike.
fn column() -> impl Strategy<Value = Vec<&'static str>> {
    let words = [
        "",
        " ",
        "a",
        " a",
        "a ",
        "b",
        "ab",
        "Ахмет",
        "ахмет",
        "Ахмет ",
        "z",
        "\u{a0}b",
    ];
    prop::collection::vec(prop::sample::select(words.to_vec()), 0..40)
}

proptest! {
    #[test]
    fn interning_matches_the_sorted_distinct_strings(
        columns in prop::collection::vec(column(), 1..4)
    ) {
        let (ids, vocab) = intern(&columns);
        let (want_ids, strings, counts, total) = simple(&columns);
        prop_assert_eq!(ids, want_ids);
        prop_assert_eq!(vocab.strings, strings);
        prop_assert_eq!(vocab.counts, counts);
        prop_assert_eq!(vocab.total, total);
        prop_assert!(vocab.id > 0);
    }

    #[test]
    fn keyed_interning_matches_interning_the_texts(
        keys in prop::collection::vec(prop::option::of(0u8..12), 0..60)
    ) {
        // Several keys share a text, some texts are blank.
        let text = |k: u8| match k % 6 {
            0 => String::new(),
            1 => " ".to_string(),
            n => format!(" t{} ", n % 4),
        };
        let texts: Vec<String> = keys.iter().map(|k| k.map(text).unwrap_or_default()).collect();
        let (want_ids, want) = intern(&[texts.iter().map(String::as_str).collect()]);
        let (ids, vocab) = intern_keyed(keys.iter().copied(), text);
        prop_assert_eq!(&ids, &want_ids[0]);
        prop_assert_eq!(vocab.strings, want.strings);
        prop_assert_eq!(vocab.counts, want.counts);
        prop_assert_eq!(vocab.total, want.total);
        prop_assert_eq!(vocab.id, 0);
    }
}

#[test]
fn vocabularies_are_numbered_apart() {
    let (_, mut a) = intern_unnumbered(&[vec!["x"]]);
    let (_, mut b) = intern_unnumbered(&[vec!["x"]]);
    assert_eq!((a.id, b.id), (0, 0));
    number(&mut a);
    number(&mut b);
    assert!(a.id > 0 && b.id > a.id);
}
