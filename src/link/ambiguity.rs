//! Ambiguity is not evidence: a mention that fits two persons about equally well joins neither.
//!
//! After a first clustering, each mention's best pair inside its person is set against its best
//! pair with any other person. When the other fits too (scores from the lone threshold) and
//! comes within [`RIVAL_MARGIN`] bits of it, the mention is held apart and the clustering runs
//! again without it, so that two namesakes it drew together fall apart as well. A mention left
//! alone that fits two persons about equally is marked the same way. Every such mention goes to
//! review with the persons it fits.

use super::{Scored, block};
use std::collections::HashMap;

/// Another person contests a mention when the mention's best pair with it scores within this
/// many bits of its best pair with the person it is in (or its best pair overall, if alone):
/// odds of 1:4 or closer between the two.
pub(super) const RIVAL_MARGIN: f32 = 2.0;

/// A mention that fits two or more persons about equally.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Contest {
    /// The mention.
    pub mention: usize,
    /// For each person it fits within the margin, its best pair (scored index), best first.
    pub pairs: Vec<usize>,
    /// Whether it was in a person of two or more mentions (and is held apart now).
    pub held: bool,
}

/// The best score of each mention's pairs inside its own cluster and with any other cluster.
struct Reach {
    own: Vec<f32>,
    other: Vec<f32>,
}

impl Reach {
    fn of(scored: &Scored, labels: &[u32], floor: f32) -> Reach {
        let n = labels.len();
        let mut reach = Reach {
            own: vec![f32::NEG_INFINITY; n],
            other: vec![f32::NEG_INFINITY; n],
        };
        for (&pair, &score) in scored.pairs.iter().zip(&scored.scores) {
            if score < floor {
                continue;
            }
            let (a, b) = block::unpack(pair);
            let side = if labels[a] == labels[b] {
                &mut reach.own
            } else {
                &mut reach.other
            };
            side[a] = side[a].max(score);
            side[b] = side[b].max(score);
        }
        reach
    }

    /// Whether a mention's best pair outside its cluster comes within the margin of its best
    /// pair inside it.
    fn contested(&self, m: usize) -> bool {
        self.other[m] > f32::NEG_INFINITY && self.other[m] >= self.own[m] - RIVAL_MARGIN
    }
}

/// The mentions that fit two or more clusters within the margin, in mention order, with their
/// best pair per cluster. `floor` is the least score of a pair that fits; `pinned` mentions (an
/// archivist's `same` judgement holds them) are never contested.
pub(super) fn contests(
    scored: &Scored,
    labels: &[u32],
    floor: f64,
    pinned: &[bool],
) -> Vec<Contest> {
    let floor = floor as f32;
    let reach = Reach::of(scored, labels, floor);
    let sizes = cluster_sizes(labels);
    let contested: Vec<bool> = (0..labels.len())
        .map(|m| !pinned[m] && reach.contested(m))
        .collect();
    let mut best: HashMap<(usize, u32), usize> = HashMap::new();
    for (i, (&pair, &score)) in scored.pairs.iter().zip(&scored.scores).enumerate() {
        if score < floor {
            continue;
        }
        let (a, b) = block::unpack(pair);
        for (m, other) in [(a, b), (b, a)] {
            if !contested[m] {
                continue;
            }
            let slot = best.entry((m, labels[other])).or_insert(i);
            if better(scored, i, *slot) {
                *slot = i;
            }
        }
    }
    let mut by_mention: HashMap<usize, Vec<usize>> = HashMap::new();
    for ((m, _), i) in best {
        by_mention.entry(m).or_default().push(i);
    }
    let mut out: Vec<Contest> = by_mention
        .into_iter()
        .filter_map(|(m, mut pairs)| {
            pairs.sort_unstable_by(|&x, &y| order(scored, x, y));
            let top = scored.scores[pairs[0]];
            pairs.retain(|&i| scored.scores[i] >= top - RIVAL_MARGIN);
            let held = sizes[labels[m] as usize] > 1;
            (pairs.len() >= 2).then_some(Contest {
                mention: m,
                pairs,
                held,
            })
        })
        .collect();
    out.sort_unstable_by_key(|c| c.mention);
    out
}

/// Whether pair `x` outranks pair `y`: a higher score, then the smaller pair.
fn better(scored: &Scored, x: usize, y: usize) -> bool {
    order(scored, x, y).is_lt()
}

fn order(scored: &Scored, x: usize, y: usize) -> std::cmp::Ordering {
    scored.scores[y]
        .total_cmp(&scored.scores[x])
        .then(scored.pairs[x].cmp(&scored.pairs[y]))
}

/// The number of mentions with each label.
fn cluster_sizes(labels: &[u32]) -> Vec<u32> {
    let mut sizes = vec![0u32; labels.len()];
    for &l in labels {
        sizes[l as usize] += 1;
    }
    sizes
}
