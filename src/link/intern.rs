//! Interning: the distinct strings of a key space in sorted order, with per-value ids that
//! follow that order (sorting by id sorts by text) and how often each string occurs.

use super::features::{NONE, Vocab};
use rustc_hash::FxHashMap;
use std::hash::Hash;
use std::sync::atomic::{AtomicU32, Ordering};

/// The number of the next vocabulary.
static NEXT_VOCAB: AtomicU32 = AtomicU32::new(1);

/// Gives a vocabulary the next number no other vocabulary of the process has. Vocabularies
/// built side by side are numbered afterwards in a fixed order, so their numbers do not depend
/// on which finished first.
pub(crate) fn number(vocab: &mut Vocab) {
    vocab.id = NEXT_VOCAB.fetch_add(1, Ordering::Relaxed);
}

/// Interns several columns of one key space; ids follow the sorted order of the strings and
/// empty strings (after trimming) get [`NONE`].
#[cfg(test)]
pub(crate) fn intern(columns: &[Vec<&str>]) -> (Vec<Vec<u32>>, Vocab) {
    let (ids, mut vocab) = intern_unnumbered(columns);
    number(&mut vocab);
    (ids, vocab)
}

/// [`intern`] without numbering the vocabulary (its `id` is 0; see [`number`]).
pub(crate) fn intern_unnumbered(columns: &[Vec<&str>]) -> (Vec<Vec<u32>>, Vocab) {
    let mut seen = FirstSeen::default();
    let provisional: Vec<Vec<u32>> = columns
        .iter()
        .map(|col| {
            // Neighbouring rows often repeat a value (one source, one village): the last one is
            // compared before the table is asked.
            let mut last: (&str, u32) = ("", NONE);
            col.iter()
                .map(|s| {
                    let s = s.trim();
                    if s.is_empty() {
                        return NONE;
                    }
                    if s != last.0 {
                        last = (s, seen.id(s));
                    }
                    last.1
                })
                .collect()
        })
        .collect();
    let (rank, mut vocab) = sorted_vocab(&seen.distinct);
    let ids = provisional
        .into_iter()
        .map(|col| count_ids(col, &rank, &mut vocab))
        .collect();
    (ids, vocab)
}

/// Interns one column given as a key per value (`None` for a missing one) whose text is made by
/// `text` once per distinct key, not once per value: the same ids and vocabulary as [`intern`]
/// of the texts. The vocabulary is not numbered (see [`number`]).
pub(crate) fn intern_keyed<K, I, F>(keys: I, text: F) -> (Vec<u32>, Vocab)
where
    K: Hash + Eq + Copy,
    I: IntoIterator<Item = Option<K>>,
    F: Fn(K) -> String,
{
    let mut first_seen: FxHashMap<K, u32> = FxHashMap::default();
    let mut distinct: Vec<K> = Vec::new();
    let provisional: Vec<u32> = keys
        .into_iter()
        .map(|key| match key {
            None => NONE,
            Some(key) => *first_seen.entry(key).or_insert_with(|| {
                distinct.push(key);
                (distinct.len() - 1) as u32
            }),
        })
        .collect();
    let texts: Vec<String> = distinct.into_iter().map(text).collect();
    let (text_ids, mut vocab) = intern_unnumbered(&[texts.iter().map(String::as_str).collect()]);
    let key_ids = text_ids.into_iter().next().unwrap_or_default();
    vocab.counts.iter_mut().for_each(|c| *c = 0);
    vocab.total = 0;
    (count_ids(provisional, &key_ids, &mut vocab), vocab)
}

/// Distinct strings by order of first sight, each with its provisional id.
#[derive(Default)]
struct FirstSeen<'a> {
    ids: FxHashMap<&'a str, u32>,
    distinct: Vec<&'a str>,
}

impl<'a> FirstSeen<'a> {
    /// The provisional id of a string, new ones numbered as they come.
    fn id(&mut self, s: &'a str) -> u32 {
        *self.ids.entry(s).or_insert_with(|| {
            self.distinct.push(s);
            (self.distinct.len() - 1) as u32
        })
    }
}

/// The vocabulary of distinct strings in sorted order (counts all 0), with the rank of each
/// provisional id.
fn sorted_vocab(distinct: &[&str]) -> (Vec<u32>, Vocab) {
    let mut order: Vec<u32> = (0..distinct.len() as u32).collect();
    order.sort_unstable_by_key(|&i| distinct[i as usize]);
    let mut rank = vec![0u32; distinct.len()];
    for (r, &i) in order.iter().enumerate() {
        rank[i as usize] = r as u32;
    }
    let vocab = Vocab {
        strings: order
            .iter()
            .map(|&i| distinct[i as usize].to_string())
            .collect(),
        counts: vec![0; distinct.len()],
        total: 0,
        id: 0,
    };
    (rank, vocab)
}

/// Final ids of provisional ones through `map` ([`NONE`] stays missing), counted in `vocab`.
fn count_ids(provisional: Vec<u32>, map: &[u32], vocab: &mut Vocab) -> Vec<u32> {
    provisional
        .into_iter()
        .map(|p| {
            let id = if p == NONE { NONE } else { map[p as usize] };
            if id != NONE {
                vocab.counts[id as usize] += 1;
                vocab.total += 1;
            }
            id
        })
        .collect()
}

#[cfg(test)]
mod tests;
