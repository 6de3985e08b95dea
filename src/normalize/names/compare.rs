//! Comparison of name keys for the linker: Jaro-Winkler similarity and a transposition-aware
//! edit distance on match keys (`Ибрагимбек` ~ `Ирбагимбек` are close, `Ахмет` ~ `Мухамед` far).

/// Similarity at or above which two name keys count as close.
pub const CLOSE: f64 = 0.88;

/// Jaro-Winkler similarity of two keys, in `0.0..=1.0`; `0.0` when either is empty.
pub fn name_similarity(a_key: &str, b_key: &str) -> f64 {
    if a_key.is_empty() || b_key.is_empty() {
        return 0.0;
    }
    strsim::jaro_winkler(a_key, b_key)
}

/// Damerau-Levenshtein distance of two keys (a swap of neighbours counts as one edit).
pub fn key_edit_distance(a_key: &str, b_key: &str) -> usize {
    strsim::damerau_levenshtein(a_key, b_key)
}

/// Edit similarity of two keys: `1 - distance / longer length`, in `0.0..=1.0`.
pub fn key_edit_similarity(a_key: &str, b_key: &str) -> f64 {
    if a_key.is_empty() || b_key.is_empty() {
        return 0.0;
    }
    strsim::normalized_damerau_levenshtein(a_key, b_key)
}

/// Whether two keys are close: high Jaro-Winkler, or at most one edit on keys of four or more.
pub fn keys_close(a_key: &str, b_key: &str) -> bool {
    if a_key == b_key {
        return !a_key.is_empty();
    }
    let short = a_key.len().min(b_key.len());
    name_similarity(a_key, b_key) >= CLOSE || (short >= 4 && key_edit_distance(a_key, b_key) <= 1)
}

/// Whether two given-name keys agree, letting an initial match any name that starts with it.
pub fn given_compatible(a_key: &str, b_key: &str) -> bool {
    let initial = |k: &str| k.len() <= 2;
    match (initial(a_key), initial(b_key)) {
        (true, false) => b_key.starts_with(a_key),
        (false, true) => a_key.starts_with(b_key),
        _ => keys_close(a_key, b_key),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::translit::match_key;

    fn close(a: &str, b: &str) -> bool {
        keys_close(&match_key(a), &match_key(b))
    }

    #[test]
    fn typos_are_close_and_different_names_far() {
        assert!(close("Ибрагимбек", "Ирбагимбек"));
        assert!(close("Мухамеджан", "Мухаметжан"));
        assert!(close("Досмухамедов", "Досмухаметов"));
        assert!(!close("Ахмет", "Мухамед"));
        assert!(!close("Касымов", "Рахимов"));
        assert!(!close("Алиев", "Ильин"));
        let sim = name_similarity(&match_key("Ахмет"), &match_key("Мухамед"));
        assert!(sim < 0.75, "{sim}");
        assert_eq!(
            key_edit_distance(&match_key("Ибрагимбек"), &match_key("Ирбагимбек")),
            1
        );
    }

    #[test]
    fn empty_keys_are_never_close() {
        assert_eq!(name_similarity("", "abc"), 0.0);
        assert!(!keys_close("", ""));
        assert_eq!(key_edit_similarity("", ""), 0.0);
    }

    #[test]
    fn initials_match_names() {
        let m = match_key("М");
        assert!(given_compatible(&m, &match_key("Мустафа")));
        assert!(!given_compatible(&m, &match_key("Ахмет")));
    }
}
