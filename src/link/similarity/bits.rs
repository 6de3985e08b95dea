//! Jaro's matching and the optimal string alignment distance on bit sets, for texts of at most
//! 64 characters drawn from Latin-1 and the Cyrillic block (nearly every name and value of the
//! archives). The positions of each character in one text are one word: a character of the first
//! text finds the first free equal character of the second within Jaro's window in a few
//! instructions, where a scan compares it with every character of the window, and the edit
//! distance takes one pass of word operations instead of a table. The results are the scan's and
//! the table's exactly.

use std::cell::RefCell;

/// The longest text matched on bit sets, in characters: one bit a position.
const MAX_CHARS: usize = 64;

/// Character slots: U+0000 to U+00FF, then U+0400 to U+04FF.
const SLOTS: usize = 512;

/// The slot of a character, if it has one.
fn slot(c: char) -> Option<u16> {
    match u32::from(c) {
        c @ 0..=0xFF => Some(c as u16),
        c @ 0x400..=0x4FF => Some((c - 0x400 + 0x100) as u16),
        _ => None,
    }
}

/// The slots of a text's characters, or `None` when it is too long or a character has none.
fn slots(text: &[char]) -> Option<[u16; MAX_CHARS]> {
    let mut out = [0; MAX_CHARS];
    if text.len() > MAX_CHARS {
        return None;
    }
    for (o, &c) in out.iter_mut().zip(text) {
        *o = slot(c)?;
    }
    Some(out)
}

thread_local! {
    /// Per character slot, the positions of one text holding it; all zero between calls.
    static POSITIONS: RefCell<[u64; SLOTS]> = const { RefCell::new([0; SLOTS]) };
}

/// Runs `work` on the table of positions of the text whose slots are `text`, and empties the
/// table again.
fn with_positions(text: &[u16], work: impl FnOnce(&[u64; SLOTS])) {
    POSITIONS.with_borrow_mut(|positions| {
        for (i, &s) in text.iter().enumerate() {
            positions[usize::from(s)] |= 1 << i;
        }
        work(positions);
        for &s in text {
            positions[usize::from(s)] = 0;
        }
    });
}

/// The bits of positions `lo..hi`, with `lo < hi <= 64`.
fn bits_between(lo: usize, hi: usize) -> u64 {
    let below_hi = if hi >= MAX_CHARS {
        u64::MAX
    } else {
        (1u64 << hi) - 1
    };
    below_hi & !((1u64 << lo) - 1)
}

/// The number of matches and half the transpositions of Jaro's matching of `a` and `b`: each
/// character of `a` in turn takes the first free equal character of `b` within the window.
/// `None` when either text is longer than 64 characters or holds a character without a slot.
pub(super) fn matches_and_transpositions(a: &[char], b: &[char]) -> Option<(usize, usize)> {
    let (a_slots, b_slots) = (slots(a)?, slots(b)?);
    let (a_slots, b_slots) = (&a_slots[..a.len()], &b_slots[..b.len()]);
    let range = (a.len().max(b.len()) / 2).saturating_sub(1);
    let (mut a_flags, mut b_flags) = (0u64, 0u64);
    with_positions(b_slots, |positions| {
        for (i, &s) in a_slots.iter().enumerate() {
            let (lo, hi) = (i.saturating_sub(range), b.len().min(i + range + 1));
            if lo >= hi {
                continue;
            }
            let free = positions[usize::from(s)] & bits_between(lo, hi) & !b_flags;
            if free != 0 {
                b_flags |= free & free.wrapping_neg();
                a_flags |= 1 << i;
            }
        }
    });
    let matches = a_flags.count_ones() as usize;
    let mut transpositions = 0;
    while a_flags != 0 {
        let (i, j) = (a_flags.trailing_zeros(), b_flags.trailing_zeros());
        transpositions += usize::from(a[i as usize] != b[j as usize]);
        a_flags &= a_flags - 1;
        b_flags &= b_flags - 1;
    }
    Some((matches, transpositions / 2))
}

/// The optimal string alignment distance of `a` and `b` (a swap of neighbours is one edit) by
/// Hyyrö's bit-parallel recurrence (2003) over the positions of each character in `a`: one pass
/// over `b` of a few word operations a character, where the table has a row of `b` for every
/// character of `a`. `None` when either text is longer than 64 characters or holds a character
/// without a slot.
pub(super) fn osa_distance(a: &[char], b: &[char]) -> Option<usize> {
    let (a_slots, b_slots) = (slots(a)?, slots(b)?);
    if a.is_empty() {
        return Some(b.len());
    }
    let (a_slots, b_slots) = (&a_slots[..a.len()], &b_slots[..b.len()]);
    let last = 1u64 << (a.len() - 1);
    let mut distance = a.len();
    with_positions(a_slots, |positions| {
        let (mut vp, mut vn, mut d0, mut pm_before) = (u64::MAX, 0u64, 0u64, 0u64);
        for &s in b_slots {
            let pm = positions[usize::from(s)];
            let swapped = ((!d0 & pm) << 1) & pm_before;
            d0 = ((((pm & vp).wrapping_add(vp)) ^ vp) | pm | vn) | swapped;
            let (hp, hn) = (vn | !(d0 | vp), d0 & vp);
            distance += usize::from(hp & last != 0);
            distance -= usize::from(hn & last != 0);
            let (hp, hn) = ((hp << 1) | 1, hn << 1);
            vp = hn | !(d0 | hp);
            vn = hp & d0;
            pm_before = pm;
        }
    });
    Some(distance)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The scan's matches and half transpositions.
    fn scanned(a: &[char], b: &[char]) -> (usize, usize) {
        let (mut a_flags, mut b_flags) = (vec![false; a.len()], vec![false; b.len()]);
        let matches = super::super::mark_matches(a, b, &mut a_flags, &mut b_flags);
        let half = super::super::half_transpositions(a, b, &a_flags, &b_flags);
        (matches, half)
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4000))]

        #[test]
        fn bit_sets_match_as_the_scan_does(
            s in "[abаб]{0,64}|[а-яёәқңөұүіa-zé ]{0,64}|[ab]{60,64}",
            t in "[abаб]{0,64}|[а-яёәқңөұүіa-zé ]{0,64}|[ab]{60,64}",
        ) {
            let (a, b): (Vec<char>, Vec<char>) = (s.chars().collect(), t.chars().collect());
            prop_assert_eq!(matches_and_transpositions(&a, &b), Some(scanned(&a, &b)));
            prop_assert!(POSITIONS.with_borrow(|p| p.iter().all(|&w| w == 0)));
        }

        #[test]
        fn bit_sets_count_edits_as_the_table_does(
            s in "[abаб]{0,64}|[а-яёәқңөұүіa-zé ]{0,64}|[ab]{60,64}",
            t in "[abаб]{0,64}|[а-яёәқңөұүіa-zé ]{0,64}|[ab]{60,64}",
        ) {
            let (a, b): (Vec<char>, Vec<char>) = (s.chars().collect(), t.chars().collect());
            prop_assert_eq!(osa_distance(&a, &b), Some(strsim::osa_distance(&s, &t)));
            prop_assert!(POSITIONS.with_borrow(|p| p.iter().all(|&w| w == 0)));
        }
    }

    #[test]
    fn long_texts_and_other_scripts_are_left_to_the_scan() {
        let long: Vec<char> = "а".repeat(65).chars().collect();
        let short: Vec<char> = "аб".chars().collect();
        assert_eq!(matches_and_transpositions(&long, &short), None);
        let greek: Vec<char> = "αβ".chars().collect();
        assert_eq!(matches_and_transpositions(&greek, &short), None);
        assert_eq!(osa_distance(&short, &long), None);
        assert_eq!(osa_distance(&short, &greek), None);
        let edge: Vec<char> = "\u{ff}\u{400}\u{4ff}".chars().collect();
        assert_eq!(matches_and_transpositions(&edge, &edge), Some((3, 0)));
        assert_eq!(slot('\u{500}'), None);
    }
}
