//! How often the normaliser gives the renderings of one name, and of different names, the same
//! keys: each rendering of a test set of names is read with [`crate::normalize::names::parse`],
//! the one place where the generator calls the normaliser, since the reading is what is measured.

use std::collections::{BTreeMap, BTreeSet};

use super::data::Tables;
use super::names::renderings;
use super::sources::Parts;
use crate::normalize::names::parse;

/// How often renderings of one person, and of different people, share their name keys.
#[derive(Debug, Clone, PartialEq)]
pub struct Agreement {
    /// People in the set.
    pub people: usize,
    /// Renderings per person (Cyrillic plus every romanisation).
    pub renderings: usize,
    /// Pairs of renderings of one person compared.
    pub same_pairs: usize,
    /// Of those, pairs whose surname_key and given_key both agree.
    pub same_agree: usize,
    /// Pairs of different people (with different Cyrillic names) compared.
    pub different_pairs: usize,
    /// Of those, pairs that share surname_key and given_key in some rendering.
    pub different_agree: usize,
}

impl Agreement {
    /// Share of one person's rendering pairs that agree.
    pub fn same_rate(&self) -> f64 {
        ratio(self.same_agree, self.same_pairs)
    }

    /// Share of different people's pairs that agree (false merges at key level).
    pub fn different_rate(&self) -> f64 {
        ratio(self.different_agree, self.different_pairs)
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

/// The surname_key and given_key the normaliser reads from `text` (empty when it reads none).
pub fn keys(text: &str) -> (String, String) {
    let name = parse(text, None).unwrap_or_default();
    (name.surname_key.into(), name.given_key.into())
}

/// Parses every rendering of every person and counts key agreement.
pub fn measure(tables: &Tables, people: &[Parts]) -> Agreement {
    let mut same_pairs = 0;
    let mut same_agree = 0;
    let mut owners: BTreeMap<(String, String), BTreeSet<usize>> = BTreeMap::new();
    let mut count = 0;
    for (id, person) in people.iter().enumerate() {
        let keys: Vec<(String, String)> = renderings(tables, person)
            .iter()
            .map(|form| keys(form))
            .collect();
        count = keys.len();
        for (i, a) in keys.iter().enumerate() {
            for b in &keys[i + 1..] {
                same_pairs += 1;
                same_agree += usize::from(a == b);
            }
        }
        for k in keys {
            owners.entry(k).or_default().insert(id);
        }
    }
    let n = people.len();
    Agreement {
        people: n,
        renderings: count,
        same_pairs,
        same_agree,
        different_pairs: n * n.saturating_sub(1) / 2 - count_namesakes(people),
        different_agree: merged_pairs(people, &owners),
    }
}

/// Pairs of people with different names who share the keys of some rendering.
fn merged_pairs(people: &[Parts], owners: &BTreeMap<(String, String), BTreeSet<usize>>) -> usize {
    let mut merged: BTreeSet<(usize, usize)> = BTreeSet::new();
    for ids in owners.values() {
        let ids: Vec<usize> = ids.iter().copied().collect();
        for (i, a) in ids.iter().enumerate() {
            for b in &ids[i + 1..] {
                let (pa, pb) = (&people[*a], &people[*b]);
                if (&pa.surname, &pa.given) != (&pb.surname, &pb.given) {
                    merged.insert((*a, *b));
                }
            }
        }
    }
    merged.len()
}

fn count_namesakes(people: &[Parts]) -> usize {
    let mut counts: BTreeMap<(&str, &str), usize> = BTreeMap::new();
    for p in people {
        *counts.entry((&p.surname, &p.given)).or_default() += 1;
    }
    counts.values().map(|c| c * (c - 1) / 2).sum()
}
