//! Lone mentions: a mention still alone after clustering, whose scored pairs lead to one person
//! (no other comes within two bits), joins that person from a lower score. Nothing competes for
//! it: had the archive another person of that name, the mention would have scored as well with
//! them.

use super::Scored;
use super::block;
use super::cluster::{Clusters, Verdict};
use std::collections::HashMap;

/// The thresholds of the lone-mention pass.
pub(super) struct Lone {
    /// Lowest score of a pair that attaches a lone mention.
    pub lower: f64,
    /// The main threshold: pairs at or above it were offered already.
    pub threshold: f64,
}

use super::ambiguity::RIVAL_MARGIN;

/// A lone mention's best pair, and the best score of its pairs with any other person.
struct Candidate {
    best: usize,
    runner_up: f32,
}

impl Candidate {
    /// Whether another person comes close enough to the best to make the choice a guess.
    fn contested(&self, scored: &Scored) -> bool {
        self.runner_up >= scored.scores[self.best] - RIVAL_MARGIN
    }
}

impl Lone {
    /// Offers each lone mention's best pair when no other person comes within
    /// [`RIVAL_MARGIN`] of it, the pair scores in `[lower, threshold)`, and the other end is not
    /// itself a contested lone mention; returns (pair index, verdict) in mention order.
    /// Mentions marked in `held` neither join nor are joined.
    pub fn attach(
        &self,
        scored: &Scored,
        clusters: &mut Clusters,
        held: &[bool],
    ) -> Vec<(usize, Verdict)> {
        if self.lower >= self.threshold {
            return Vec::new();
        }
        let mut reach: HashMap<u32, Vec<(u32, usize)>> = HashMap::new();
        for (i, &pair) in scored.pairs.iter().enumerate() {
            let (a, b) = block::unpack(pair);
            if held[a] || held[b] {
                continue;
            }
            for (lone, other) in [(a as u32, b as u32), (b as u32, a as u32)] {
                if clusters.size_of(lone) == 1 {
                    let person = clusters.find(other);
                    reach.entry(lone).or_default().push((person, i));
                }
            }
        }
        let candidates: HashMap<u32, Candidate> = reach
            .into_iter()
            .filter_map(|(lone, pairs)| Some((lone, candidate(&pairs, scored)?)))
            .collect();
        let band = |i: usize| {
            let score = f64::from(scored.scores[i]);
            score >= self.lower && score < self.threshold
        };
        let contested = |m: u32| candidates.get(&m).is_some_and(|c| c.contested(scored));
        let mut offers: Vec<(u32, usize)> = candidates
            .iter()
            .filter(|(_, c)| !c.contested(scored) && band(c.best))
            .filter(|&(&lone, c)| {
                let (a, b) = block::unpack(scored.pairs[c.best]);
                let other = if a as u32 == lone { b as u32 } else { a as u32 };
                !contested(other)
            })
            .map(|(&lone, c)| (lone, c.best))
            .collect();
        offers.sort_unstable();
        offers
            .into_iter()
            .map(|(_, i)| {
                let (a, b) = block::unpack(scored.pairs[i]);
                let score = f64::from(scored.scores[i]);
                let verdict = match clusters.offer_at(a as u32, b as u32, score, self.lower) {
                    Verdict::Merged => Verdict::Lone,
                    other => other,
                };
                (i, verdict)
            })
            .collect()
    }
}

/// The best pair of a lone mention among (person, pair index), ties to the first, and the best
/// score of its pairs with other persons.
fn candidate(pairs: &[(u32, usize)], scored: &Scored) -> Option<Candidate> {
    let &(mut person, mut best) = pairs.first()?;
    for &(p, i) in pairs {
        if scored.scores[i] > scored.scores[best] {
            best = i;
            person = p;
        }
    }
    let runner_up = pairs
        .iter()
        .filter(|&&(p, _)| p != person)
        .map(|&(_, i)| scored.scores[i])
        .fold(f32::NEG_INFINITY, f32::max);
    Some(Candidate { best, runner_up })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::link::compare;
    use crate::link::features::Features;
    use crate::link::testkit::{Born, M};
    use crate::link::train;

    /// Mentions 0 and 1 are one person (joined by a judgement), 2 is alone, 3 is another person.
    fn setup() -> (Features, train::Model) {
        let ms = [
            M::new("a:1", "rare", "x").born(Born::Day(1890, 1, 1)),
            M::new("b:1", "rare", "x").born(Born::Day(1890, 1, 1)),
            M::new("c:1", "rare", "x"),
            M::new("d:1", "rare", "x").born(Born::Day(1900, 6, 6)),
        ];
        let mentions: Vec<_> = ms.iter().map(M::build).collect();
        let feats = Features::build(&mentions);
        let codes: Vec<u64> = [(0, 1), (0, 2), (1, 2), (2, 3)]
            .iter()
            .map(|&(a, b)| compare::levels(&feats, a, b).encode())
            .collect();
        let model = train::fit(&feats, &codes);
        (feats, model)
    }

    /// Lone mentions join from -1.0 below the threshold 2.0.
    const LONE: Lone = Lone {
        lower: -1.0,
        threshold: 2.0,
    };

    /// Clusters in which mentions 0 and 1 are one person.
    fn person_of_0_and_1<'a>(feats: &'a Features, model: &'a train::Model) -> Clusters<'a> {
        let mut clusters = Clusters::new(feats, model, 2.0, 4.0, &[]);
        clusters.must_link(0, 1);
        clusters
    }

    fn scored(pairs: &[(u32, u32, f32)]) -> Scored {
        Scored {
            pairs: pairs
                .iter()
                .map(|&(a, b, _)| (u64::from(a) << 32) | u64::from(b))
                .collect(),
            scores: pairs.iter().map(|p| p.2).collect(),
        }
    }

    #[test]
    fn a_lone_mention_joins_the_only_person_its_pairs_lead_to() {
        let (feats, model) = setup();
        let mut clusters = person_of_0_and_1(&feats, &model);
        let verdicts = LONE.attach(
            &scored(&[(0, 2, 0.5), (1, 2, 0.2)]),
            &mut clusters,
            &[false; 4],
        );
        assert_eq!(verdicts, vec![(0, Verdict::Lone)]);
        assert_eq!(clusters.find(2), clusters.find(0));
    }

    #[test]
    fn a_lone_mention_between_two_people_stays_alone() {
        let (feats, model) = setup();
        let mut clusters = person_of_0_and_1(&feats, &model);
        let pairs = scored(&[(0, 2, 0.5), (2, 3, 0.4)]);
        assert!(LONE.attach(&pairs, &mut clusters, &[false; 4]).is_empty());
        assert_ne!(clusters.find(2), clusters.find(0));
        let weak = scored(&[(0, 2, -1.5)]);
        assert!(
            LONE.attach(&weak, &mut clusters, &[false; 4]).is_empty(),
            "below the lower threshold"
        );
    }

    #[test]
    fn a_rival_far_below_the_best_does_not_contest() {
        let (feats, model) = setup();
        let mut clusters = person_of_0_and_1(&feats, &model);
        let pairs = scored(&[(0, 2, 1.5), (2, 3, -1.9)]);
        assert_eq!(
            LONE.attach(&pairs, &mut clusters, &[false; 4]),
            vec![(0, Verdict::Lone)]
        );
    }
}
