//! Stage 3: mentions → persons. Blocking on several keys, Fellegi-Sunter scoring with m/u
//! probabilities learnt by EM, term-frequency adjusted name weights, and clustering that does
//! not chain and obeys archivists' judgements.

mod ambiguity;
mod block;
mod cluster;
mod compare;
mod em;
mod exact;
mod explain;
mod features;
mod fields;
mod generic;
mod intern;
pub use generic::{GenericSummary, Kind as GenericKind};
mod judgements;
mod lone;
mod memo;
mod names;
mod namesakes;
mod params;
mod pass;
mod similarity;
pub use params::{ParamsError, check_shipped as check_params};
mod steps;
mod train;

#[cfg(test)]
mod testkit;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_ambiguity;
#[cfg(test)]
mod tests_synth;

pub use explain::explain;
pub use judgements::{LinkConflict, drop_conflicts, load_judgements};
pub use steps::Steps;

use crate::ingest::config::{LinkConfig, LinkSetting};
use crate::model::Mention;
use cluster::Verdict;
use features::Features;
use fields::{LevelSet, Levels, LinkField};
use rayon::prelude::*;
use thiserror::Error;
use train::Model;

/// A judgement from an archivist's links file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Judgement {
    /// `source:record_id` of the first mention.
    pub a: String,
    /// `source:record_id` of the second mention.
    pub b: String,
    /// `true` for `same` (must link), `false` for `different` (cannot link).
    pub same: bool,
    /// The row of the links file it was read from (1 is the header; 0 when not from a file).
    pub row: u64,
}

/// Options of the linker.
#[derive(Debug, Clone, PartialEq)]
pub struct LinkOptions {
    /// Score (posterior log2 odds of a match under independent fields) from which a pair may
    /// merge. The default 0.0 (even odds) was chosen on synthetic archives, where 97% to 98% of
    /// the pairs put in one person are one person: the clustering's checks (disagreement, two
    /// entries of one list) refuse most of the weak merges that would be wrong.
    pub threshold: f64,
    /// Score from which a mention left alone joins the one person all its scored pairs lead to
    /// (no other candidate competes for it); the default -1.0 is odds of 1:2 on the pair alone.
    pub lone_threshold: f64,
    /// Most evidence against (bits, outside the names) any two mentions of one person may carry:
    /// a merge that would put two mentions disagreeing more in one person is refused. At the
    /// default 4, one mild disagreement (birth place, case number, decision date) is tolerated;
    /// a different patronymic, nationality, sentence, birth years far apart, or two mild ones are
    /// not.
    pub max_disagreement: f64,
    /// Lowest score of pairs sent to review.
    pub review_low: f64,
    /// Score from which a pair no longer needs review.
    pub review_high: f64,
    /// Largest block compared pair by pair; larger blocks use a sliding window.
    pub max_block: usize,
    /// Window of the sliding comparison in blocks above `max_block`.
    pub window: usize,
    /// Most review and near-miss pairs reported (the best-scoring are kept).
    pub review_limit: usize,
    /// Archivists' judgements: `same` merges first, `different` is never crossed.
    pub judgements: Vec<Judgement>,
    /// Keep every scored pair in [`Linkage::scored`] (for calibration; tens of millions at a
    /// million mentions).
    pub keep_scored: bool,
    /// Columns a configuration asks to compare, as `(source, header)`, beside those chosen
    /// from the data (see `compare` in the source configuration).
    pub compare: Vec<(String, String)>,
}

impl Default for LinkOptions {
    fn default() -> Self {
        LinkOptions {
            threshold: 0.0,
            lone_threshold: -1.0,
            max_disagreement: 4.0,
            review_low: -2.0,
            review_high: 5.0,
            max_block: 32,
            window: 8,
            review_limit: 100_000,
            judgements: Vec::new(),
            keep_scored: false,
            compare: Vec::new(),
        }
    }
}

/// The field of [`LinkOptions`] behind a setting a configuration may change, borrowed as asked
/// (`&` or `&mut`): the one list of which setting is which field.
macro_rules! setting_field {
    ($options:expr, $setting:expr, $($borrow:tt)+) => {
        match $setting {
            LinkSetting::Threshold => $($borrow)+ $options.threshold,
            LinkSetting::MaxDisagreement => $($borrow)+ $options.max_disagreement,
            LinkSetting::LoneThreshold => $($borrow)+ $options.lone_threshold,
            LinkSetting::ReviewLow => $($borrow)+ $options.review_low,
            LinkSetting::ReviewHigh => $($borrow)+ $options.review_high,
        }
    };
}

impl LinkOptions {
    /// The value of a setting a configuration may change.
    pub fn setting(&self, setting: LinkSetting) -> f64 {
        *setting_field!(self, setting, &)
    }

    /// The options with every setting the configuration gives in force.
    pub fn overridden(mut self, config: &LinkConfig) -> Self {
        for setting in LinkSetting::ALL {
            if let Some(value) = config.get(setting) {
                *self.setting_mut(setting) = value;
            }
        }
        self
    }

    /// The place of a setting a configuration may change.
    fn setting_mut(&mut self, setting: LinkSetting) -> &mut f64 {
        setting_field!(self, setting, &mut)
    }
}

/// Number of contributions of an [`Edge`] before the generic comparisons: the prior, every
/// compared field, name evidence.
pub const FIXED_CONTRIBUTIONS: usize = LinkField::COUNT + 2;

/// One scored pair, held compactly (a million-mention run keeps hundreds of thousands): its
/// contributions are read through [`Edge::contributions`].
#[derive(Debug, Clone, PartialEq)]
pub struct Edge {
    /// Log2 weights of the generic comparisons, in the order of `generic_names`.
    generic_weights: Box<[f64]>,
    /// The names of the generic comparisons, shared by every edge of a run.
    generic_names: std::sync::Arc<[String]>,
    /// Index of the first mention (the smaller).
    pub a: usize,
    /// Index of the second mention.
    pub b: usize,
    /// Total score: the sum of the contributions, i.e. the posterior log2 odds of a match.
    pub score: f64,
    /// Log2 weights in the order of [`Edge::contributions`].
    weights: [f64; FIXED_CONTRIBUTIONS],
    /// Agreement level of every compared field.
    levels: Levels,
    /// What the clustering did with the pair.
    pub note: &'static str,
}

impl Edge {
    /// (field, level name, log2 weight) in a fixed order: first `prior` (the log2 odds that a
    /// pair of mentions is a match), then every compared field, then `name_evidence` (0, or a
    /// large negative weight when no surname-or-equivalent agrees), then each generic
    /// comparison by its column's header. The weights sum to `score`.
    pub fn contributions(&self) -> impl Iterator<Item = (&str, &'static str, f64)> + '_ {
        let fields = LinkField::ALL
            .into_iter()
            .map(|f| (f.name(), f.level_name(self.levels.index(f))));
        let evidence = if compare::has_name_evidence(&self.levels) {
            "present"
        } else if self.weights[FIXED_CONTRIBUTIONS - 1] == 0.0 {
            "other columns agree"
        } else {
            "absent: no surname agreement"
        };
        let fixed = std::iter::once(("prior", "any pair"))
            .chain(fields)
            .chain(std::iter::once(("name_evidence", evidence)))
            .zip(self.weights)
            .map(|((field, level), weight)| (field, level, weight));
        let generic = self
            .generic_names
            .iter()
            .zip(self.generic_weights.iter())
            .enumerate()
            .map(|(c, (name, &weight))| {
                let level = self.levels.generic(c).map_or("missing", |l| l.name());
                (name.as_str(), level, weight)
            });
        fixed.chain(generic)
    }
}

/// Every field an [`Edge`] may name in its contributions with the names of its levels (missing
/// aside): the prior, the compared fields, name evidence (the generic comparisons are named by
/// their columns).
#[cfg(test)]
pub(crate) fn field_levels() -> impl Iterator<Item = (&'static str, Vec<&'static str>)> {
    let fixed = LinkField::ALL
        .into_iter()
        .map(|f| (f.name(), f.level_names().to_vec()));
    std::iter::once(("prior", vec!["any pair"]))
        .chain(fixed)
        .chain(std::iter::once((
            "name_evidence",
            vec!["absent: no surname agreement"],
        )))
}

/// Counts the run logs.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LinkStats {
    /// Blocks with at least two mentions, over all passes.
    pub blocks: u64,
    /// Blocks above `max_block`, compared within a window.
    pub capped_blocks: u64,
    /// Pairs produced by blocking, before deduplication.
    pub candidate_pairs: u64,
    /// Distinct pairs scored.
    pub compared_pairs: u64,
    /// EM iterations run.
    pub em_iterations: u32,
    /// The time of each step.
    pub steps: Steps,
}

/// The result of linking.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Linkage {
    /// Every mention index exactly once; each cluster sorted; clusters ordered by first index.
    pub clusters: Vec<Vec<usize>>,
    /// The accepted merge edges, in the order they were accepted (judgements first).
    pub edges: Vec<Edge>,
    /// Borderline pairs: score in `[review_low, review_high)`, kept apart or merged weakly.
    pub review: Vec<Edge>,
    /// The best-scoring pair leaving each cluster that was kept apart.
    pub near_misses: Vec<Edge>,
    /// Mentions that fit two or more persons about equally and joined none: for each, its best
    /// pair with every person it fits, best first (notes `ambiguous: ...`).
    pub ambiguous: Vec<Vec<Edge>>,
    /// Every scored pair from the lowest threshold in force (mention, mention, score), when
    /// [`LinkOptions::keep_scored`] asks for them; empty otherwise.
    pub scored: Vec<(usize, usize, f32)>,
    /// Counts.
    pub stats: LinkStats,
    /// The generic comparisons made, with their learnt parameters.
    pub generic: Vec<GenericSummary>,
}

/// Errors of the linker's inputs.
#[derive(Debug, Error)]
pub enum LinkError {
    /// The file could not be opened or read.
    #[error("{file}: {message}")]
    Read {
        /// The file.
        file: String,
        /// What went wrong.
        message: String,
    },
    /// A required column is missing from the header.
    #[error("{file}: row 1: missing column {column:?}")]
    MissingColumn {
        /// The file.
        file: String,
        /// The column.
        column: String,
    },
    /// A row could not be parsed.
    #[error("{file}: row {row}: {message}")]
    Row {
        /// The file.
        file: String,
        /// The 1-based row.
        row: u64,
        /// What went wrong.
        message: String,
    },
    /// A cell holds an unusable value.
    #[error("{file}: row {row}, column {column}: {message}")]
    Cell {
        /// The file.
        file: String,
        /// The 1-based row.
        row: u64,
        /// The 1-based column.
        column: usize,
        /// What went wrong.
        message: String,
    },
}

/// Scored candidate pairs.
struct Scored {
    pairs: Vec<u64>,
    /// Scores in single precision: a million mentions give tens of millions of pairs.
    scores: Vec<f32>,
}

impl Scored {
    /// The pairs scoring at least `lowest`: every other pair is neither merged, reviewed nor a
    /// near miss, and a million mentions give tens of millions of them. `score_bits` holds each
    /// pair's score as the bits of an `f32`; the pairs are sifted in parallel, in order.
    fn keep_from(pairs: &[u64], score_bits: &[u64], lowest: f64) -> Scored {
        let (pairs, scores) = pairs
            .par_iter()
            .zip(score_bits.par_iter())
            .filter_map(|(&pair, &bits)| {
                let score = f32::from_bits(bits as u32);
                (f64::from(score) >= lowest).then_some((pair, score))
            })
            .unzip();
        Scored { pairs, scores }
    }

    /// The pairs as (mention, mention, score).
    fn triples(&self) -> Vec<(usize, usize, f32)> {
        let pairs = self.pairs.iter().map(|&p| block::unpack(p));
        pairs
            .zip(&self.scores)
            .map(|((a, b), &s)| (a, b, s))
            .collect()
    }
}

/// Links mentions into persons.
pub fn link(mentions: &[Mention], opts: &LinkOptions) -> Linkage {
    let mut steps = Steps::start();
    let feats = Features::build_with(mentions, &opts.compare);
    steps.lap("features");
    let (pairs, counts) = block::candidate_pairs(&feats, opts.max_block, opts.window);
    steps.lap("blocking");
    let mut codes = vec![0u64; pairs.len()];
    compare::for_each_pair(&feats, &pairs, &mut codes, |slot, a, b| {
        *slot = compare::levels(&feats, a, b).encode();
    });
    steps.lap("comparing");
    let model = train::fit(&feats, &codes);
    steps.lap("training");
    // Each pattern code is replaced by the pair's score in place: tens of millions of pairs at a
    // million mentions, so codes and scores are never held side by side.
    let prior = model.prior();
    compare::for_each_pair(&feats, &pairs, &mut codes, |slot, a, b| {
        let score = model.score_from(prior, &feats, &Levels::decode(*slot), a, b) as f32;
        *slot = u64::from(score.to_bits());
    });
    let compared_pairs = pairs.len() as u64;
    let lowest = opts.review_low.min(opts.threshold).min(opts.lone_threshold);
    let scored = Scored::keep_from(&pairs, &codes, lowest);
    drop((pairs, codes));
    steps.lap("scoring");
    let judged = judgements::resolve(mentions, &opts.judgements);
    let (pass, contests) = cluster_without_ambiguity(&feats, &model, &scored, &judged, opts);
    steps.lap("clustering");
    let pass::Pass {
        mut clusters,
        accepted,
        verdicts,
    } = pass;
    let labels = clusters.labels();
    let member_pairs_compared = clusters.compared;
    let out = Outputs {
        feats: &feats,
        model: &model,
        scored: &scored,
        verdicts: &verdicts,
        labels: &labels,
    };
    let mut linkage = Linkage {
        edges: accepted
            .par_iter()
            .map(|&(a, b, v)| out.edge(a as usize, b as usize, v.note()))
            .collect(),
        review: out.review(opts, &judged),
        ambiguous: out.ambiguous(&contests),
        near_misses: out.near_misses(opts),
        clusters: clusters.into_clusters(),
        scored: match opts.keep_scored {
            true => scored.triples(),
            false => Vec::new(),
        },
        stats: LinkStats {
            blocks: counts.blocks,
            capped_blocks: counts.capped,
            candidate_pairs: counts.emitted,
            compared_pairs,
            em_iterations: model.iterations,
            steps: Steps::default(),
        },
        generic: model.generic_summaries(&feats),
    };
    steps.lap("reporting");
    linkage.stats.steps = steps;
    tracing::debug!(
        mentions = mentions.len(),
        clusters = linkage.clusters.len(),
        merges = linkage.edges.len(),
        review = linkage.review.len(),
        member_pairs_compared,
        "linking finished"
    );
    linkage
}

/// Clusters the pairs, then holds apart every mention that fits two persons about equally
/// (see [`ambiguity`]) and clusters again without them. Returns the final clustering and the
/// contested mentions found in the first.
fn cluster_without_ambiguity<'a>(
    feats: &'a Features,
    model: &'a Model,
    scored: &Scored,
    judged: &judgements::Resolved,
    opts: &LinkOptions,
) -> (pass::Pass<'a>, Vec<ambiguity::Contest>) {
    let n = feats.rows.len();
    let mut held = vec![false; n];
    let strong = pass::strong_edges(scored, opts.threshold);
    let mut first = pass::cluster(feats, model, scored, &strong, judged, opts, &held);
    let mut pinned = vec![false; n];
    for &(a, b) in &judged.must {
        pinned[a as usize] = true;
        pinned[b as usize] = true;
    }
    let floor = opts.lone_threshold.min(opts.threshold);
    let contests = ambiguity::contests(scored, &first.clusters.labels(), floor, &pinned);
    let mut any_held = false;
    for c in contests.iter().filter(|c| c.held) {
        held[c.mention] = true;
        any_held = true;
    }
    if any_held {
        first = pass::cluster(feats, model, scored, &strong, judged, opts, &held);
    }
    (first, contests)
}

/// What is needed to build the reported edges.
struct Outputs<'a> {
    feats: &'a Features,
    model: &'a Model,
    scored: &'a Scored,
    verdicts: &'a [Option<Verdict>],
    labels: &'a [u32],
}

impl Outputs<'_> {
    /// A reported edge with its per-field contributions.
    fn edge(&self, a: usize, b: usize, note: &'static str) -> Edge {
        let levels = compare::levels(self.feats, a, b);
        let model = self.model;
        let mut weights = [0.0; FIXED_CONTRIBUTIONS];
        weights[0] = model.prior();
        for (f, slot) in LinkField::ALL.into_iter().zip(1..) {
            weights[slot] = model.weight(self.feats, f, levels.index(f), a, b);
        }
        let generic_weights: Box<[f64]> =
            model.generic_weights(self.feats, &levels, a, b).collect();
        weights[FIXED_CONTRIBUTIONS - 1] =
            train::name_evidence_weight(&levels, generic_weights.iter().sum());
        Edge {
            score: weights.iter().sum::<f64>() + generic_weights.iter().sum::<f64>(),
            generic_weights,
            generic_names: self.feats.generic.names.clone(),
            a,
            b,
            weights,
            levels,
            note,
        }
    }

    /// The note of a pair that ended in different clusters or was merged.
    fn note_of(&self, i: usize) -> &'static str {
        match self.verdicts[i] {
            Some(v) => v.note(),
            None => "kept apart: score below threshold",
        }
    }

    /// Whether the pair's ends ended in different clusters.
    fn apart(&self, i: usize) -> bool {
        let (a, b) = block::unpack(self.scored.pairs[i]);
        self.labels[a] != self.labels[b]
    }

    /// Pairs in the review band kept apart, or merged by a weak edge; judged pairs excluded.
    fn review(&self, opts: &LinkOptions, judged: &judgements::Resolved) -> Vec<Edge> {
        let band = |s: f64| s >= opts.review_low && s < opts.review_high;
        let judged_pair = |p: (u32, u32)| {
            judged.must.binary_search(&p).is_ok() || judged.cannot.binary_search(&p).is_ok()
        };
        let picked: Vec<usize> = (0..self.scored.pairs.len())
            .into_par_iter()
            .filter(|&i| band(f64::from(self.scored.scores[i])))
            .filter(|&i| self.apart(i) || self.verdicts[i].is_some_and(Verdict::merged))
            .filter(|&i| {
                let (a, b) = block::unpack(self.scored.pairs[i]);
                !judged_pair((a as u32, b as u32))
            })
            .collect();
        self.best_edges(picked, opts.review_limit)
    }

    /// The pairs of each contested mention with the persons it fits, as edges.
    fn ambiguous(&self, contests: &[ambiguity::Contest]) -> Vec<Vec<Edge>> {
        let note = |c: &ambiguity::Contest| match c.held {
            true => "ambiguous: fits two persons about equally, held apart",
            false => "ambiguous: fits two persons about equally, left alone",
        };
        contests
            .iter()
            .map(|c| {
                c.pairs
                    .iter()
                    .map(|&i| {
                        let (a, b) = block::unpack(self.scored.pairs[i]);
                        self.edge(a, b, note(c))
                    })
                    .collect()
            })
            .collect()
    }

    /// For each cluster, the best-scoring pair leaving it (at least `review_low`).
    fn near_misses(&self, opts: &LinkOptions) -> Vec<Edge> {
        let mut best: Vec<u32> = vec![u32::MAX; self.labels.len()];
        for i in 0..self.scored.pairs.len() {
            if f64::from(self.scored.scores[i]) < opts.review_low || !self.apart(i) {
                continue;
            }
            let (a, b) = block::unpack(self.scored.pairs[i]);
            for end in [a, b] {
                let slot = &mut best[self.labels[end] as usize];
                if *slot == u32::MAX || self.scored.scores[*slot as usize] < self.scored.scores[i] {
                    *slot = i as u32;
                }
            }
        }
        let mut picked: Vec<usize> = best
            .into_iter()
            .filter(|&i| i != u32::MAX)
            .map(|i| i as usize)
            .collect();
        picked.sort_unstable();
        picked.dedup();
        self.best_edges(picked, opts.review_limit)
    }

    /// The best `limit` of the given pairs as edges, by descending score, ties by pair.
    fn best_edges(&self, mut picked: Vec<usize>, limit: usize) -> Vec<Edge> {
        let s = self.scored;
        picked.sort_unstable_by(|&x, &y| {
            s.scores[y]
                .total_cmp(&s.scores[x])
                .then(s.pairs[x].cmp(&s.pairs[y]))
        });
        picked.truncate(limit);
        picked
            .into_par_iter()
            .map(|i| {
                let (a, b) = block::unpack(s.pairs[i]);
                self.edge(a, b, self.note_of(i))
            })
            .collect()
    }
}
