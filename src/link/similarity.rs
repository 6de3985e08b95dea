//! String similarity for the comparisons: Jaro-Winkler, Levenshtein and optimal string alignment
//! distance, giving exactly what `strsim` gives (the same matches, transpositions and edits, and
//! the same floating-point expression), on slices rather than on `char` iterators. Keys are
//! mostly ASCII: those are compared as bytes; any other text is decoded once into buffers each
//! thread reuses, where `strsim` decodes the second text again for every character of the first.

use std::cell::RefCell;

mod bits;

/// Texts of at most this many characters in all are compared with flags and rows on the stack.
const STACK: usize = 64;

/// Jaro-Winkler similarity of two texts, as `strsim::jaro_winkler` computes it.
pub(crate) fn jaro_winkler(s: &str, t: &str) -> f64 {
    on_units(s, t, jaro_winkler_of)
}

/// Levenshtein distance of two texts, as `strsim::levenshtein` computes it.
pub(crate) fn levenshtein(s: &str, t: &str) -> usize {
    on_units(s, t, levenshtein_of)
}

/// Optimal string alignment distance of two texts (a swap of neighbours is one edit), as
/// `strsim::osa_distance` computes it.
pub(crate) fn osa_distance(s: &str, t: &str) -> usize {
    on_units(s, t, osa_distance_of)
}

/// The number of characters of a text.
pub(crate) fn char_count(s: &str) -> usize {
    if s.is_ascii() {
        s.len()
    } else {
        s.chars().count()
    }
}

/// Whether a text has more than `n` characters.
pub(crate) fn longer_than(s: &str, n: usize) -> bool {
    if s.is_ascii() {
        s.len() > n
    } else {
        s.chars().nth(n).is_some()
    }
}

/// Applies a measure to the characters of two texts: their bytes when both are ASCII (one byte
/// is one character), else their decoded characters.
fn on_units<R>(s: &str, t: &str, measure: impl Fn(&[char], &[char]) -> R + Copy) -> R
where
    R: Copy,
{
    if s.is_ascii() && t.is_ascii() {
        return on_bytes(s.as_bytes(), t.as_bytes(), measure);
    }
    thread_local! {
        static CHARS: RefCell<(Vec<char>, Vec<char>)> = RefCell::default();
    }
    CHARS.with(|chars| {
        let (a, b) = &mut *chars.borrow_mut();
        a.clear();
        a.extend(s.chars());
        b.clear();
        b.extend(t.chars());
        measure(a, b)
    })
}

/// Applies a measure written for characters to two ASCII byte strings.
fn on_bytes<R>(s: &[u8], t: &[u8], measure: impl Fn(&[char], &[char]) -> R) -> R {
    let mut a = ['\0'; STACK];
    let mut b = ['\0'; STACK];
    if s.len() <= STACK && t.len() <= STACK {
        for (slot, &byte) in a.iter_mut().zip(s) {
            *slot = char::from(byte);
        }
        for (slot, &byte) in b.iter_mut().zip(t) {
            *slot = char::from(byte);
        }
        return measure(&a[..s.len()], &b[..t.len()]);
    }
    let a: Vec<char> = s.iter().map(|&c| char::from(c)).collect();
    let b: Vec<char> = t.iter().map(|&c| char::from(c)).collect();
    measure(&a, &b)
}

/// Jaro-Winkler similarity of two character slices.
pub(crate) fn jaro_winkler_of(a: &[char], b: &[char]) -> f64 {
    let sim = jaro_of(a, b);
    if sim > 0.7 {
        let prefix_length = a.iter().take(4).zip(b).take_while(|(x, y)| x == y).count();
        sim + 0.1 * prefix_length as f64 * (1.0 - sim)
    } else {
        sim
    }
}

/// Jaro similarity of two character slices.
pub(crate) fn jaro_of(a: &[char], b: &[char]) -> f64 {
    let (a_len, b_len) = (a.len(), b.len());
    if a_len == 0 && b_len == 0 {
        return 1.0;
    } else if a_len == 0 || b_len == 0 {
        return 0.0;
    }
    if let Some((matches, transpositions)) = bits::matches_and_transpositions(a, b) {
        return jaro_from(a_len, b_len, matches, transpositions);
    }
    let mut stack = [false; 2 * STACK];
    let mut heap = Vec::new();
    let flags: &mut [bool] = if a_len + b_len <= stack.len() {
        &mut stack[..a_len + b_len]
    } else {
        heap.resize(a_len + b_len, false);
        &mut heap
    };
    let (a_flags, b_flags) = flags.split_at_mut(a_len);
    let matches = mark_matches(a, b, a_flags, b_flags);
    if matches == 0 {
        return 0.0;
    }
    let transpositions = half_transpositions(a, b, a_flags, b_flags);
    jaro_from(a_len, b_len, matches, transpositions)
}

/// Jaro similarity from the lengths, the matches (at least one) and half the transpositions.
fn jaro_from(a_len: usize, b_len: usize, matches: usize, transpositions: usize) -> f64 {
    if matches == 0 {
        return 0.0;
    }
    ((matches as f64 / a_len as f64)
        + (matches as f64 / b_len as f64)
        + ((matches - transpositions) as f64 / matches as f64))
        / 3.0
}

/// Flags the characters of `a` and `b` that match within the search window, each character of
/// `a` taking the first free equal character of `b`; returns how many matched.
fn mark_matches<T: PartialEq>(
    a: &[T],
    b: &[T],
    a_flags: &mut [bool],
    b_flags: &mut [bool],
) -> usize {
    let search_range = (a.len().max(b.len()) / 2).saturating_sub(1);
    let mut matches = 0;
    for (i, (x, a_flag)) in a.iter().zip(a_flags.iter_mut()).enumerate() {
        let lo = i.saturating_sub(search_range);
        let hi = b.len().min(i + search_range + 1);
        for j in lo..hi {
            if *x == b[j] && !b_flags[j] {
                *a_flag = true;
                b_flags[j] = true;
                matches += 1;
                break;
            }
        }
    }
    matches
}

/// Half the matched characters that stand in another order in `b` than in `a`, rounded down.
fn half_transpositions<T: PartialEq>(
    a: &[T],
    b: &[T],
    a_flags: &[bool],
    b_flags: &[bool],
) -> usize {
    let mut in_b = b
        .iter()
        .zip(b_flags)
        .filter(|(_, flag)| **flag)
        .map(|(y, _)| y);
    let mut transpositions = 0;
    for (x, _) in a.iter().zip(a_flags).filter(|(_, flag)| **flag) {
        if in_b.next().is_some_and(|y| x != y) {
            transpositions += 1;
        }
    }
    transpositions / 2
}

/// Levenshtein distance of two character slices.
pub(crate) fn levenshtein_of<T: PartialEq>(a: &[T], b: &[T]) -> usize {
    let mut stack = [0usize; STACK];
    let mut heap = Vec::new();
    let cache: &mut [usize] = if b.len() <= STACK {
        &mut stack[..b.len()]
    } else {
        heap.resize(b.len(), 0);
        &mut heap
    };
    for (j, slot) in cache.iter_mut().enumerate() {
        *slot = j + 1;
    }
    let mut result = b.len();
    for (i, x) in a.iter().enumerate() {
        result = i + 1;
        let mut distance_b = i;
        for (y, slot) in b.iter().zip(cache.iter_mut()) {
            let distance_a = distance_b + usize::from(x != y);
            distance_b = *slot;
            result = (result + 1).min(distance_a.min(distance_b + 1));
            *slot = result;
        }
    }
    result
}

/// Optimal string alignment distance of two character slices.
pub(crate) fn osa_distance_of(a: &[char], b: &[char]) -> usize {
    if let Some(distance) = bits::osa_distance(a, b) {
        return distance;
    }
    let width = b.len() + 1;
    let mut stack = [0usize; 3 * (STACK + 1)];
    let mut heap = Vec::new();
    let rows: &mut [usize] = if width <= STACK + 1 {
        &mut stack[..3 * width]
    } else {
        heap.resize(3 * width, 0);
        &mut heap
    };
    let (mut two_back, rest) = rows.split_at_mut(width);
    let (mut back, mut current) = rest.split_at_mut(width);
    for (j, (p, q)) in two_back.iter_mut().zip(back.iter_mut()).enumerate() {
        *p = j;
        *q = j;
    }
    for (i, &x) in a.iter().enumerate() {
        current[0] = i + 1;
        for (j, &y) in b.iter().enumerate() {
            let cost = usize::from(x != y);
            let mut d = (current[j] + 1).min((back[j + 1] + 1).min(back[j] + cost));
            if i > 0 && j > 0 && x != y && x == b[j - 1] && y == a[i - 1] {
                d = d.min(two_back[j - 1] + 1);
            }
            current[j + 1] = d;
        }
        std::mem::swap(&mut two_back, &mut back);
        std::mem::swap(&mut back, &mut current);
    }
    back[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Texts of a few letters from a small alphabet (many matches and swaps), ASCII or not.
    fn text() -> impl Strategy<Value = String> {
        prop_oneof![
            "[abcd]{0,12}",
            "[a-z ]{0,30}",
            "[абвгд]{0,12}",
            "[abаб]{0,10}",
            "[а-яәқңөұүіa-z ]{0,40}",
            "[ab]{50,90}",
            "\\PC{0,20}",
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4000))]

        #[test]
        fn jaro_winkler_is_strsims_to_the_bit(s in text(), t in text()) {
            prop_assert_eq!(jaro_winkler(&s, &t).to_bits(), strsim::jaro_winkler(&s, &t).to_bits());
            prop_assert_eq!(
                jaro_of(&s.chars().collect::<Vec<_>>(), &t.chars().collect::<Vec<_>>()).to_bits(),
                strsim::jaro(&s, &t).to_bits()
            );
        }

        #[test]
        fn edit_distances_are_strsims(s in text(), t in text()) {
            prop_assert_eq!(levenshtein(&s, &t), strsim::levenshtein(&s, &t));
            prop_assert_eq!(osa_distance(&s, &t), strsim::osa_distance(&s, &t));
        }

        #[test]
        fn counts_are_the_characters(s in text(), n in 0usize..20) {
            prop_assert_eq!(char_count(&s), s.chars().count());
            prop_assert_eq!(longer_than(&s, n), s.chars().nth(n).is_some());
        }
    }

    #[test]
    fn known_values() {
        assert_eq!(osa_distance("ab", "bca"), 3);
        assert_eq!(levenshtein("kitten", "sitting"), 3);
        assert_eq!(jaro_winkler("", ""), 1.0);
        assert_eq!(jaro_winkler("a", ""), 0.0);
        assert!((jaro_winkler("cheeseburger", "cheese fries") - 0.866).abs() < 0.001);
    }
}
