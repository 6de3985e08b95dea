//! The EM iterations of training, over the comparison patterns of the candidate pairs. Each
//! pattern's levels are turned once into positions in one flat table of every field's level
//! probabilities, so an iteration reads and adds up a pattern without decoding it. The sums run
//! in the order of the patterns, so the estimates are exactly those of a field-by-field loop.

use super::fields::{Levels, LinkField};

/// The patterns of a histogram as positions in one flat table of every row's levels.
pub(super) struct Patterns {
    /// Where each row of the parameter tables starts in the flat table.
    starts: Vec<usize>,
    /// Positions of the flat table: every row's levels, then one slot standing for a missing
    /// level (always 1 in a likelihood, never counted).
    slots: usize,
    /// Positions per pattern.
    width: usize,
    /// `width` positions for each pattern, pattern after pattern.
    positions: Vec<u16>,
    /// How many candidate pairs show each pattern.
    counts: Vec<f64>,
}

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
        let missing = slots as u16;
        let width = histogram.first().map_or(0, |(l, _)| l.rows().count());
        let mut positions = Vec::with_capacity(histogram.len() * width);
        for (levels, _) in histogram {
            positions.extend(levels.rows().map(|(row, level)| {
                match (starts.get(row), shape.get(row)) {
                    (Some(start), Some(r)) if level < r.len() => (start + level) as u16,
                    _ => missing,
                }
            }));
        }
        Patterns {
            starts,
            slots: slots + 1,
            width,
            positions,
            counts: histogram.iter().map(|h| h.1).collect(),
        }
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
        let mut next_m = self.smoothing(&priors.0, prior_pairs);
        let mut next_u = self.smoothing(&priors.1, prior_pairs);
        let (mut total, mut matched) = (0.0, 0.0);
        for (pattern, &count) in self.positions.chunks_exact(self.width).zip(&self.counts) {
            let pm: f64 = pattern.iter().map(|&p| pm_of[p as usize]).product();
            let pu: f64 = pattern.iter().map(|&p| pu_of[p as usize]).product();
            let g = lambda * pm / (lambda * pm + (1.0 - lambda) * pu).max(f64::MIN_POSITIVE);
            let (as_match, as_non_match) = (count * g, count * (1.0 - g));
            total += count;
            matched += as_match;
            for &p in pattern {
                next_m[p as usize] += as_match;
                next_u[p as usize] += as_non_match;
            }
        }
        let next_lambda = if total > 0.0 {
            (matched / total).clamp(1e-6, 1.0 - 1e-6)
        } else {
            lambda
        };
        (self.rows_of(&next_m), self.rows_of(&next_u), next_lambda)
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
        let ends = self.starts.iter().skip(1).copied().chain([self.slots - 1]);
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
