//! Agreement among namesakes. Surnames, given names, fathers' names, nationality and birth place
//! go together (one culture, one region), so the agreement rate of random pairs overstates what
//! agreement on the fields beside the names says once the names agree, and the more so the
//! larger the archive (the more of its candidate pairs are namesakes). Two measures correct it,
//! both taken on pairs whose birth years lie far apart (almost all different people; the birth
//! years of different people do not depend on their other fields):
//! - u of the fields beside the names among pairs sharing surname and given name;
//! - how much more often different people of one surname share a given name than random pairs
//!   do, a correction of the given name's weight when the surnames agree.

use super::compare;
use super::features::{Feat, Features, NONE};
use super::fields::{Levels, LinkField};
use super::train;
use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;
use rayon::prelude::*;
use rustc_hash::FxHashMap;

/// Seed of the namesake sample, fixed so that runs repeat.
const SEED: u64 = 0x6e61_6d65_7361_6b65;
/// Namesake pairs sampled at most.
const SAMPLE: usize = 200_000;
/// Draws tried per pair wanted before the sample is taken as it is.
const TRIES_PER_PAIR: usize = 4;
/// Birth years at least this far apart make a pair of different people.
const YEARS_APART: i32 = 3;
/// The given-name correction is bounded to this many bits.
const MAX_CORRECTION: f64 = 4.0;

/// The fields whose u is measured among namesakes: all but the names themselves, the birth
/// date the sample is chosen by, and the fields with fixed weights or none (gender, source).
fn conditioned(field: LinkField) -> bool {
    use LinkField::{Birth, Gender, Given, Source, Surname};
    !matches!(field, Surname | Given | Birth | Gender | Source)
}

/// What the namesake samples measured.
#[derive(Debug, Clone, Default)]
pub(crate) struct Namesakes {
    /// Pattern levels of the sampled pairs sharing surname and given name.
    pub same_name: Vec<Levels>,
    /// Share of the sampled pairs of one surname that share their given name, and the pairs
    /// it was measured on.
    pub given_share: Option<(f64, usize)>,
}

impl Namesakes {
    /// Samples both kinds of pairs from the features.
    pub fn sample(feats: &Features) -> Namesakes {
        let by_name = groups(feats, |f| (f.given != NONE).then_some((f.surname, f.given)));
        let same_name = far_apart_pairs(feats, &by_name);
        let same_name = same_name
            .par_iter()
            .map(|&(a, b)| compare::levels(feats, a, b))
            .collect();
        let by_surname = groups(feats, |f| (f.given != NONE).then_some((f.surname, 0)));
        let pairs = far_apart_pairs(feats, &by_surname);
        let shared = pairs
            .iter()
            .filter(|&&(a, b)| feats.rows[a].given == feats.rows[b].given)
            .count();
        let given_share =
            (!pairs.is_empty()).then(|| (shared as f64 / pairs.len() as f64, pairs.len()));
        Namesakes {
            same_name,
            given_share,
        }
    }

    /// The correction (bits, 0 or more) taken off the given name's exact weight when the
    /// surnames agree exactly: log2 of the namesake share over `random_share`, the share of
    /// random pairs with one given name. The namesake share is smoothed towards the random one
    /// with the weight of `prior_pairs` pairs.
    pub fn given_correction(&self, random_share: f64, prior_pairs: f64) -> f64 {
        let Some((share, pairs)) = self.given_share else {
            return 0.0;
        };
        if random_share <= 0.0 {
            return 0.0;
        }
        let n = pairs as f64;
        let smoothed = (share * n + random_share * prior_pairs) / (n + prior_pairs);
        (smoothed / random_share).log2().clamp(0.0, MAX_CORRECTION)
    }

    /// u of the weights: the namesakes' (smoothed towards the random pairs' with the weight of
    /// `prior_pairs` pairs) for the fixed fields beside the names, the random pairs' for the
    /// names, the fields the sample is chosen by and the generic comparisons (a register's
    /// duplicates with a mistyped birth year would pass for namesakes whose addresses agree).
    pub fn u_of_weights(&self, u_random: &[Vec<f64>], prior_pairs: f64) -> Vec<Vec<f64>> {
        let sampled = train::marginals(
            self.same_name.iter().map(|&l| (l, 1.0)),
            u_random,
            prior_pairs,
        );
        let conditioned = LinkField::ALL.map(conditioned);
        u_random
            .iter()
            .zip(sampled)
            .enumerate()
            .map(|(row, (random, among))| match conditioned.get(row) {
                Some(true) => among,
                _ => random.clone(),
            })
            .collect()
    }
}

/// Mentions grouped by a key (those without one left out), groups of two or more, in the order
/// of their keys so that sampling repeats.
fn groups(feats: &Features, key: impl Fn(&Feat) -> Option<(u32, u32)>) -> Vec<Vec<u32>> {
    let mut by_key: FxHashMap<(u32, u32), Vec<u32>> = FxHashMap::default();
    for (i, f) in feats.rows.iter().enumerate() {
        if f.surname == NONE {
            continue;
        }
        if let Some(k) = key(f) {
            by_key.entry(k).or_default().push(i as u32);
        }
    }
    let mut keyed: Vec<((u32, u32), Vec<u32>)> =
        by_key.into_iter().filter(|(_, m)| m.len() > 1).collect();
    keyed.sort_unstable_by_key(|(k, _)| *k);
    keyed.into_iter().map(|(_, members)| members).collect()
}

/// Up to [`SAMPLE`] pairs drawn uniformly from the pairs within groups, kept when both birth
/// years are known and lie at least [`YEARS_APART`] apart.
fn far_apart_pairs(feats: &Features, groups: &[Vec<u32>]) -> Vec<(usize, usize)> {
    let mut cumulative = Vec::with_capacity(groups.len());
    let mut total = 0u64;
    for g in groups {
        let n = g.len() as u64;
        total += n * (n - 1) / 2;
        cumulative.push(total);
    }
    if total == 0 {
        return Vec::new();
    }
    let mut rng = ChaCha8Rng::seed_from_u64(SEED);
    let mut pairs = Vec::new();
    for _ in 0..SAMPLE * TRIES_PER_PAIR {
        if pairs.len() == SAMPLE {
            break;
        }
        let r = rng.random_range(0..total);
        let g = &groups[cumulative.partition_point(|&c| c <= r)];
        let x = rng.random_range(0..g.len());
        let y = (x + rng.random_range(1..g.len())) % g.len();
        let (a, b) = (g[x] as usize, g[y] as usize);
        if years_apart(&feats.rows[a], &feats.rows[b]) {
            pairs.push((a.min(b), a.max(b)));
        }
    }
    pairs
}

/// Whether two mentions' birth years are both known and far apart.
fn years_apart(x: &Feat, y: &Feat) -> bool {
    match (x.birth, y.birth) {
        (Some(p), Some(q)) => {
            p.year_lo - q.year_hi >= YEARS_APART || q.year_lo - p.year_hi >= YEARS_APART
        }
        _ => false,
    }
}
