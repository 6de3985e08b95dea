//! One clustering of the scored pairs: archivists' `same` judgements first, then the pairs at or
//! above the threshold by descending score, then lone mentions. Mentions held apart (ambiguous
//! ones) take part in no merge.

use super::cluster::{Clusters, Verdict};
use super::features::Features;
use super::judgements::Resolved;
use super::train::Model;
use super::{LinkOptions, Scored, block, lone};
use rayon::prelude::*;

/// What one clustering did.
pub(super) struct Pass<'a> {
    /// The clusters.
    pub clusters: Clusters<'a>,
    /// The merges, in the order they were made: (mention, mention, verdict).
    pub accepted: Vec<(u32, u32, Verdict)>,
    /// What became of each scored pair that was offered.
    pub verdicts: Vec<Option<Verdict>>,
}

/// Clusters the scored pairs, offering `strong` (see [`strong_edges`]) in its order; a pair
/// with a mention marked in `held` is never offered.
pub(super) fn cluster<'a>(
    feats: &'a Features,
    model: &'a Model,
    scored: &Scored,
    strong: &[usize],
    judged: &Resolved,
    opts: &LinkOptions,
    held: &[bool],
) -> Pass<'a> {
    let mut clusters = Clusters::new(
        feats,
        model,
        opts.threshold,
        opts.max_disagreement,
        &judged.cannot,
    );
    let mut accepted: Vec<(u32, u32, Verdict)> = Vec::new();
    for &(a, b) in &judged.must {
        accepted.push((a, b, clusters.must_link(a, b)));
    }
    let mut verdicts: Vec<Option<Verdict>> = vec![None; scored.pairs.len()];
    let free = |i: usize| {
        let (a, b) = block::unpack(scored.pairs[i]);
        !held[a] && !held[b]
    };
    for &i in strong {
        if !free(i) {
            verdicts[i] = Some(Verdict::Held);
            continue;
        }
        let (a, b) = block::unpack(scored.pairs[i]);
        let verdict = clusters.offer(a as u32, b as u32, f64::from(scored.scores[i]));
        if verdict.merged() {
            accepted.push((a as u32, b as u32, verdict));
        }
        verdicts[i] = Some(verdict);
    }
    let lone = lone::Lone {
        lower: opts.lone_threshold,
        threshold: opts.threshold,
    };
    for (i, verdict) in lone.attach(scored, &mut clusters, held) {
        if verdict.merged() {
            let (a, b) = block::unpack(scored.pairs[i]);
            accepted.push((a as u32, b as u32, verdict));
        }
        verdicts[i] = Some(verdict);
    }
    Pass {
        clusters,
        accepted,
        verdicts,
    }
}

/// Indices of pairs at or above the threshold, by descending score, ties by pair.
pub(super) fn strong_edges(scored: &Scored, threshold: f64) -> Vec<usize> {
    let mut order: Vec<usize> = (0..scored.pairs.len())
        .filter(|&i| f64::from(scored.scores[i]) >= threshold)
        .collect();
    order.par_sort_unstable_by(|&x, &y| {
        scored.scores[y]
            .total_cmp(&scored.scores[x])
            .then(scored.pairs[x].cmp(&scored.pairs[y]))
    });
    order
}
