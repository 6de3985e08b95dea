//! The EM iterations of training, over the comparison patterns of the candidate pairs. Each
//! pattern's levels are turned once into positions in one flat table of every field's level
//! probabilities, so an iteration reads and adds up a pattern without decoding it. The sums run
//! in the order of the patterns, so the estimates are exactly those of a field-by-field loop: the
//! patterns' match probabilities are computed in parallel, and the two classes' counts are added
//! up side by side, each in pattern order.

use super::fields::{Levels, LinkField};
use rayon::prelude::*;

/// The patterns of a histogram as positions in one flat table of every row's levels.
pub(super) struct Patterns {
    /// Where each row of the parameter tables starts in the flat table.
    starts: Vec<usize>,
    /// Positions of the flat table: every row's levels.
    slots: usize,
    /// Where each pattern's positions start in `positions`, and where the last ends.
    offsets: Vec<usize>,
    /// The positions of each pattern's present levels, pattern after pattern (a missing level
    /// is a factor of 1 in a likelihood and never counted, so it has none).
    positions: Vec<u16>,
    /// How many candidate pairs show each pattern.
    counts: Vec<f64>,
    /// The candidate pairs: the counts added up in pattern order.
    total: f64,
}

/// Patterns scored in one piece of work when the match probabilities are computed in parallel.
const PATTERNS_PER_TASK: usize = 1 << 12;

/// The next estimates of one EM step: m, u and the match share.
pub(super) type Estimates = (Vec<Vec<f64>>, Vec<Vec<f64>>, f64);

impl Patterns {
    /// The patterns of `histogram` laid out for parameter tables of the shape of `shape`.
    pub(super) fn new(histogram: &[(Levels, f64)], shape: &[Vec<f64>]) -> Patterns {
        let mut starts = Vec::with_capacity(shape.len());
        let mut slots = 0;
        for row in shape {
            starts.push(slots);
            slots += row.len();
        }
        let mut offsets = Vec::with_capacity(histogram.len() + 1);
        let mut positions = Vec::new();
        offsets.push(0);
        for (levels, _) in histogram {
            positions.extend(levels.rows().filter_map(|(row, level)| {
                match (starts.get(row), shape.get(row)) {
                    (Some(start), Some(r)) if level < r.len() => Some((start + level) as u16),
                    _ => None,
                }
            }));
            offsets.push(positions.len());
        }
        Patterns {
            starts,
            slots,
            offsets,
            positions,
            counts: histogram.iter().map(|h| h.1).collect(),
            total: histogram.iter().fold(0.0, |total, h| total + h.1),
        }
    }

    /// The positions of pattern `k`.
    fn pattern(&self, k: usize) -> &[u16] {
        &self.positions[self.offsets[k]..self.offsets[k + 1]]
    }

    /// One EM step: new m, u and match share from the current ones, smoothed towards the
    /// priors (domain m, random-pair u) with the weight of `prior_pairs` pairs.
    pub(super) fn step(
        &self,
        (m, u, lambda): (&[Vec<f64>], &[Vec<f64>], f64),
        priors: &(Vec<Vec<f64>>, Vec<Vec<f64>>),
        prior_pairs: f64,
    ) -> Estimates {
        let (pm_of, pu_of) = (self.likelihoods(m), self.likelihoods(u));
        let g: Vec<f64> = (0..self.counts.len())
            .into_par_iter()
            .with_min_len(PATTERNS_PER_TASK)
            .map(|k| {
                let pattern = self.pattern(k);
                let pm: f64 = pattern.iter().map(|&p| pm_of[p as usize]).product();
                let pu: f64 = pattern.iter().map(|&p| pu_of[p as usize]).product();
                lambda * pm / (lambda * pm + (1.0 - lambda) * pu).max(f64::MIN_POSITIVE)
            })
            .collect();
        let ((next_m, matched), (next_u, _)) = rayon::join(
            || self.expected_counts(&priors.0, prior_pairs, &g, |count, g| count * g),
            || self.expected_counts(&priors.1, prior_pairs, &g, |count, g| count * (1.0 - g)),
        );
        let next_lambda = if self.total > 0.0 {
            (matched / self.total).clamp(1e-6, 1.0 - 1e-6)
        } else {
            lambda
        };
        (self.rows_of(&next_m), self.rows_of(&next_u), next_lambda)
    }

    /// The flat table of one class's expected counts, from `prior` with the weight of
    /// `prior_pairs` plus each pattern's pairs as `share` of its count and match probability
    /// assigns them, added pattern after pattern; and the sum of the pairs assigned.
    fn expected_counts(
        &self,
        prior: &[Vec<f64>],
        prior_pairs: f64,
        g: &[f64],
        share: impl Fn(f64, f64) -> f64,
    ) -> (Vec<f64>, f64) {
        let mut flat = self.smoothing(prior, prior_pairs);
        let mut assigned = 0.0;
        for (k, (&count, &g)) in self.counts.iter().zip(g).enumerate() {
            let pairs = share(count, g);
            assigned += pairs;
            for &p in self.pattern(k) {
                flat[p as usize] += pairs;
            }
        }
        (flat, assigned)
    }

    /// The flat table of `probs` as a likelihood reads it: gender (weighed apart) and a missing
    /// level contribute 1.
    fn likelihoods(&self, probs: &[Vec<f64>]) -> Vec<f64> {
        let mut flat = vec![1.0; self.slots];
        for (row, (start, dist)) in self.starts.iter().zip(probs).enumerate() {
            if row != LinkField::Gender.index() {
                flat[*start..*start + dist.len()].copy_from_slice(dist);
            }
        }
        flat
    }

    /// The flat table of counts a step starts from: `prior` with the weight of `prior_pairs`.
    fn smoothing(&self, prior: &[Vec<f64>], prior_pairs: f64) -> Vec<f64> {
        let mut flat = vec![0.0; self.slots];
        for (start, dist) in self.starts.iter().zip(prior) {
            for (slot, p) in flat[*start..].iter_mut().zip(dist) {
                *slot = p * prior_pairs + 1e-9;
            }
        }
        flat
    }

    /// Counts back into rows, each normalised to sum to 1.
    fn rows_of(&self, flat: &[f64]) -> Vec<Vec<f64>> {
        let ends = self.starts.iter().skip(1).copied().chain([self.slots]);
        self.starts
            .iter()
            .zip(ends)
            .map(|(&start, end)| {
                let mut row = flat[start..end].to_vec();
                let total: f64 = row.iter().sum();
                row.iter_mut().for_each(|p| *p /= total);
                row
            })
            .collect()
    }
}
