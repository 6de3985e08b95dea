//! Blocking: candidate pairs from several keys. Blocks above the size cap are sorted by a
//! secondary key and compared only within a sliding window, then once more within half that
//! window in order of birth place and arrest day, so no block grows quadratically.

use super::features::{Feat, Features, NONE};
use super::generic::Blocking;
use rayon::prelude::*;

/// Counts of one blocking run.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub(crate) struct BlockCounts {
    /// Blocks with at least two mentions.
    pub blocks: u64,
    /// Blocks above the cap, compared within a window.
    pub capped: u64,
    /// Pairs emitted before deduplication.
    pub emitted: u64,
}

/// A blocking pass: its name and a function giving (block key, order within block).
type Pass = (&'static str, fn(&Feat) -> Option<(u64, u64)>);

/// The blocking passes.
const PASSES: [Pass; 12] = [
    ("surname+birth_year", |f| {
        Some((pack(f.surname, year(f)?), pack(f.given, day(f))))
    }),
    ("given+father", |f| {
        Some((pack(f.given, f.father), pack(f.surname, day(f))))
    }),
    ("phonetic", |f| {
        Some((pack(f.phonetic, 0), pack(day(f), f.given)))
    }),
    ("surname+given", |f| {
        Some((pack(f.surname, f.given), pack(day(f), f.father)))
    }),
    ("given_or_single_name+birth_year", |f| {
        Some((pack(f.first_name, year(f)?), pack(f.surname, day(f))))
    }),
    ("surname+initial", |f| {
        (f.initial != 0).then(|| (pack(f.surname, u32::from(f.initial)), pack(day(f), f.given)))
    }),
    ("surname+father", |f| {
        Some((pack(f.surname, f.father), pack(day(f), f.given)))
    }),
    ("given+arrest_date", |f| {
        Some((pack(f.given, f.arrest_day), pack(f.surname, day(f))))
    }),
    ("given+decision_date", |f| {
        Some((pack(f.given, f.decision_day), pack(f.surname, day(f))))
    }),
    ("given+surname_letters", |f| {
        Some((pack(f.given, f.surname_letters), pack(day(f), f.father)))
    }),
    ("surname+given_letters", |f| {
        Some((pack(f.surname, f.given_letters), pack(day(f), f.father)))
    }),
    ("case_number", |f| {
        Some((pack(f.case_no, 0), pack(f.surname, f.given)))
    }),
];

/// Packs two ids into a key.
fn pack(hi: u32, lo: u32) -> u64 {
    (u64::from(hi) << 32) | u64::from(lo)
}

/// The birth year as a key part, when known to a year or better.
fn year(f: &Feat) -> Option<u32> {
    f.birth.and_then(|b| b.year).map(|y| y as u32)
}

/// The first possible birth day as an ordering key (missing dates sort last).
fn day(f: &Feat) -> u32 {
    f.birth.map_or(NONE, |b| (b.lo as u32) ^ 0x8000_0000)
}

/// Candidate pairs `(a << 32) | b` with `a < b`, sorted and deduplicated.
pub(crate) fn candidate_pairs(
    feats: &Features,
    max_block: usize,
    window: usize,
) -> (Vec<u64>, BlockCounts) {
    let mut counts = BlockCounts::default();
    let mut pairs = Vec::new();
    let fixed = PASSES.iter().map(|&(name, key)| {
        let key: Box<KeyOf> = Box::new(move |_, f| key(f));
        (name.to_string(), key)
    });
    let passes: Vec<(String, Box<KeyOf>)> = fixed.chain(generic_passes(feats)).collect();
    // Two buffers take the passes' pairs in turn: each pass's pairs are found while the pass
    // before's are merged, and merged after every pass, so that pairs found by several keys
    // are held once.
    let (mut found, mut merging) = (Vec::new(), Vec::new());
    let limits = (max_block.max(2), window.max(2));
    for (name, key) in &passes {
        let ((), pass) = rayon::join(
            || merge_sorted(&mut pairs, &mut merging),
            || find_pass(feats, name, key, limits, &mut found),
        );
        counts.blocks += pass.blocks;
        counts.capped += pass.capped;
        counts.emitted += pass.emitted;
        log_pass(name, &pass, limits);
        std::mem::swap(&mut found, &mut merging);
    }
    merge_sorted(&mut pairs, &mut merging);
    pairs.shrink_to_fit();
    tracing::debug!(
        candidate_pairs = counts.emitted,
        distinct_pairs = pairs.len(),
        capped_blocks = counts.capped,
        "blocking finished"
    );
    (pairs, counts)
}

/// Runs one pass into `found` (emptied first), sorted and distinct; returns its counts.
fn find_pass(
    feats: &Features,
    name: &str,
    key: &KeyOf,
    (max_block, window): (usize, usize),
    found: &mut Vec<u64>,
) -> BlockCounts {
    let mut counts = BlockCounts::default();
    found.clear();
    run_pass(feats, name, key, max_block, window, found, &mut counts);
    sort_distinct(found);
    counts
}

/// Logs what one pass found, and its blocks above the cap.
fn log_pass(name: &str, pass: &BlockCounts, (max_block, window): (usize, usize)) {
    tracing::debug!(
        pass = name,
        blocks = pass.blocks,
        capped = pass.capped,
        pairs = pass.emitted,
        "blocking pass"
    );
    if pass.capped > 0 {
        tracing::debug!(
            pass = name,
            capped = pass.capped,
            max_block,
            window,
            "blocks above the cap sorted by a second key and compared only within a sliding window"
        );
    }
}

/// The key of a pass for a mention (its index and features): (block key, order within block).
type KeyOf<'a> = dyn Fn(usize, &Feat) -> Option<(u64, u64)> + Sync + 'a;

/// A pass on the exact values of each code column of the generic comparisons (a social
/// security number, a postcode with the birth year), so that mentions whose names are
/// mistyped still meet; ordered by names within a block.
fn generic_passes(feats: &Features) -> impl Iterator<Item = (String, Box<KeyOf<'_>>)> + '_ {
    let passes = feats.generic.columns.iter().flat_map(|column| {
        column
            .blocking()
            .iter()
            .map(move |&blocking| (column, blocking))
    });
    passes.map(|(column, blocking)| {
        let name = match blocking {
            Blocking::Alone => column.name.clone(),
            Blocking::WithBirthYear => format!("{}+birth_year", column.name),
        };
        let key: Box<KeyOf> = Box::new(move |i, f| {
            let id = *column.ids.get(i)?;
            let second = match blocking {
                Blocking::Alone => 0,
                Blocking::WithBirthYear => year(f)?,
            };
            Some((pack(id, second), pack(f.surname, f.given)))
        });
        (name, key)
    })
}

/// Runs one blocking pass and appends its pairs.
fn run_pass(
    feats: &Features,
    name: &str,
    key: &KeyOf,
    max_block: usize,
    window: usize,
    pairs: &mut Vec<u64>,
    counts: &mut BlockCounts,
) {
    let mut entries: Vec<(u64, u64, u32)> = feats
        .rows
        .par_iter()
        .enumerate()
        .filter_map(|(i, f)| {
            let (k, order) = key(i, f)?;
            ((k >> 32) as u32 != NONE && k as u32 != NONE).then_some((k, order, i as u32))
        })
        .collect();
    entries.par_sort_unstable();
    for block in entries.chunk_by(|x, y| x.0 == y.0) {
        if block.len() < 2 {
            continue;
        }
        counts.blocks += 1;
        let before = pairs.len();
        if block.len() <= max_block {
            all_pairs(block, pairs);
        } else {
            counts.capped += 1;
            tracing::debug!(
                pass = name,
                size = block.len(),
                window,
                "block above cap: sorted-window comparison"
            );
            windowed_pairs(block, window, pairs);
            windowed_pairs(&by_place(feats, block), window / 2, pairs);
        }
        counts.emitted += (pairs.len() - before) as u64;
    }
}

/// A capped block again, ordered by birth place and arrest day: a mention without a birth date
/// (last in most passes' order) meets those born or arrested where and when it was. Half the
/// window keeps most of what it finds at 40% of the pairs a second full window adds.
fn by_place(feats: &Features, block: &[(u64, u64, u32)]) -> Vec<(u64, u64, u32)> {
    let mut again: Vec<(u64, u64, u32)> = block
        .iter()
        .map(|&(key, _, i)| {
            let f = &feats.rows[i as usize];
            (key, pack(f.place, f.arrest_day), i)
        })
        .collect();
    again.sort_unstable();
    again
}

/// Every pair of a small block.
fn all_pairs(block: &[(u64, u64, u32)], pairs: &mut Vec<u64>) {
    for (i, x) in block.iter().enumerate() {
        for y in &block[i + 1..] {
            pairs.push(ordered(x.2, y.2));
        }
    }
}

/// Pairs of each member with the next `window - 1` members in secondary-key order.
fn windowed_pairs(block: &[(u64, u64, u32)], window: usize, pairs: &mut Vec<u64>) {
    for (i, x) in block.iter().enumerate() {
        let end = (i + window).min(block.len());
        for y in &block[i + 1..end] {
            pairs.push(ordered(x.2, y.2));
        }
    }
}

/// Sorts a pass's pairs and takes each once.
fn sort_distinct(found: &mut Vec<u64>) {
    found.par_sort_unstable();
    found.dedup();
}

/// Adds a pass's pairs (sorted and distinct) to `pairs` (sorted and distinct), keeping them
/// sorted and distinct: the two runs are merged from the back in place, a pair held already
/// taken once, in linear time and without a second copy of the pairs held so far; `found` is
/// left empty for the next pass.
fn merge_sorted(pairs: &mut Vec<u64>, found: &mut Vec<u64>) {
    let held = pairs.len();
    let end = held + found.len();
    pairs.resize(end, 0);
    let (mut i, mut k) = (held, end);
    for &next in found.iter().rev() {
        while i > 0 && pairs[i - 1] > next {
            k -= 1;
            pairs[k] = pairs[i - 1];
            i -= 1;
        }
        if i > 0 && pairs[i - 1] == next {
            i -= 1;
        }
        k -= 1;
        pairs[k] = next;
    }
    // The held pairs below `i` are in place; the merged ones start at `k`, past one slot for
    // each pair found again.
    pairs.copy_within(k..end, i);
    pairs.truncate(end - (k - i));
    found.clear();
}

/// A pair code with the smaller index first.
fn ordered(a: u32, b: u32) -> u64 {
    pack(a.min(b), a.max(b))
}

/// Splits a pair code.
pub(crate) fn unpack(pair: u64) -> (usize, usize) {
    ((pair >> 32) as usize, (pair & 0xffff_ffff) as usize)
}

#[cfg(test)]
mod tests {
    use super::{merge_sorted, sort_distinct};
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn merging_a_pass_equals_sorting_everything_once(
            held in proptest::collection::vec(0u64..64, 0..40),
            mut found in proptest::collection::vec(0u64..64, 0..40),
        ) {
            let mut pairs = held.clone();
            pairs.sort_unstable();
            pairs.dedup();
            let mut expected: Vec<u64> = pairs.iter().chain(&found).copied().collect();
            expected.sort_unstable();
            expected.dedup();
            sort_distinct(&mut found);
            merge_sorted(&mut pairs, &mut found);
            prop_assert_eq!(pairs, expected);
            prop_assert!(found.is_empty());
        }
    }
}
