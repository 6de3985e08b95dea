//! Fellegi-Sunter parameters. m (agreement among one person's records) is estimated by EM over
//! the comparison patterns of the candidate pairs, within domain bounds; u (agreement among
//! different people's records) is measured on a seeded sample of random pairs for the names, and
//! on namesakes for the fields beside them (see [`super::namesakes`]), smoothed towards domain
//! priors; the prior is the share of matches among all pairs, found as a fixed point over the
//! candidates. Exact agreement on names is term-frequency adjusted against the random-pair
//! agreement rate, so a rare name weighs more than a common one.

use super::compare;
use super::em::Patterns;
use super::exact::{self, ExactWeights};
use super::features::{Feat, Features};
use super::fields::{EXACT, GenericLevel, LevelSet, Levels, LinkField, SurnameLevel};
use super::generic::GenericSummary;
use super::generic::fit::{Priors, generic_weights_of, log_generic};
use super::namesakes::Namesakes;
use super::params;
use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;
use rayon::prelude::*;
use rustc_hash::FxHashMap;

/// Seed of the random-pair sample, fixed so that runs repeat.
const SEED: u64 = 0x7265_6861_6221;
/// Random pairs sampled to estimate u.
const U_SAMPLE: usize = 200_000;
/// Largest EM iteration count.
const MAX_ITER: u32 = 200;
/// EM stops when no probability moves more than this.
const TOLERANCE: f64 = 1e-6;
/// Term-frequency adjustment is bounded to this many bits either way.
const TF_CLAMP: f64 = 4.0;
/// Added to m and u before taking their ratio, so that levels almost never seen in either class
/// do not get extreme weights.
pub(crate) const RARE: f64 = 1e-4;
/// Weight of a pair without name evidence (see [`compare::has_name_evidence`]): such a pair
/// never merges, whatever else agrees.
pub(crate) const NO_NAME_EVIDENCE: f64 = -40.0;
/// Bits of generic comparisons that stand in for name evidence (see [`name_evidence_weight`]).
pub(crate) const COLUMN_EVIDENCE: f64 = 16.0;
/// Weight of a gender disagreement: a woman's and a man's form are not one person.
pub(crate) const GENDER_DIFFER: f64 = -16.0;

/// The trained model: per-field, per-level probabilities and log2 weights.
#[derive(Debug, Clone)]
pub(crate) struct Model {
    /// P(level | match), missing level excluded.
    pub m: Vec<Vec<f64>>,
    /// P(level | non-match) among candidate pairs, as EM estimated it (used only to separate
    /// the classes during EM: candidate pairs were chosen for agreeing, so their u overstates
    /// how often different people agree).
    pub u: Vec<Vec<f64>>,
    /// P(level) among random pairs: the u of the weights, and the base of term-frequency
    /// adjustment.
    pub u_random: Vec<Vec<f64>>,
    /// Share of matches among all pairs of mentions: the prior of every score. Blocking only
    /// chooses which pairs are scored; it does not change the odds of a pair.
    pub lambda: f64,
    /// Share of matches among candidate pairs, as EM estimated it.
    pub candidate_lambda: f64,
    /// log2(m/u_random) per field and level; 0 for the missing level.
    pub weights: Vec<Vec<f64>>,
    /// EM iterations run.
    pub iterations: u32,
    /// Bits taken off an exact given name's weight when the surnames agree exactly (see
    /// [`Namesakes::given_correction`]).
    pub given_correction: f64,
    /// The weights of exact agreement on each value, worked out once.
    pub exact: ExactWeights,
}

impl Model {
    /// The weight of one field at one level for a pair, with term-frequency adjustment of exact
    /// agreement on names and on event days (a mass-operation night or a decree's date is shared
    /// by many), and a given name agreeing within one surname weighed as namesakes share it.
    pub fn weight(&self, feats: &Features, field: LinkField, level: u8, a: usize, b: usize) -> f64 {
        let base = self.base_weight(field, level);
        let (Some(x), Some(y)) = (feats.rows.get(a), feats.rows.get(b)) else {
            return base;
        };
        let weight = match level {
            EXACT => self.exact_weight(feats, field, x, y).unwrap_or(base),
            _ => base,
        };
        let namesakes = field == LinkField::Given && x.surname == y.surname;
        match namesakes && field.agrees_at(level) {
            true => weight - self.given_correction,
            false => weight,
        }
    }

    /// The learnt weight of a field at a level, before any adjustment.
    fn base_weight(&self, field: LinkField, level: u8) -> f64 {
        self.weights[field.index()]
            .get(usize::from(level))
            .copied()
            .unwrap_or(0.0)
    }

    /// The term-frequency adjusted weight of exact agreement of a pair on the fields it applies
    /// to, as worked out for its value when the model was fitted; `None` for the other fields.
    fn exact_weight(&self, feats: &Features, field: LinkField, x: &Feat, y: &Feat) -> Option<f64> {
        let id = exact::value_id(field, x, y)?;
        self.exact
            .fixed(field, id)
            .unwrap_or_else(|| self.adjusted_exact(feats, field, id))
    }

    /// The term-frequency adjusted weight of exact agreement on the value `id` of a field it
    /// applies to; on names never below the weight of a close spelling (a common name written
    /// alike says no less than a variant of it). `None` for the other fields.
    pub(super) fn adjusted_exact(
        &self,
        feats: &Features,
        field: LinkField,
        id: u32,
    ) -> Option<f64> {
        use LinkField::{Father, Given, Surname};
        let vocab = exact::vocab_of(feats, field)?;
        let u_exact = self.u_random[field.index()][usize::from(EXACT)];
        let tf = vocab.smoothed_frequency(id, u_exact);
        if tf <= 0.0 || u_exact <= 0.0 {
            return None;
        }
        let adjusted =
            self.base_weight(field, EXACT) + (u_exact / tf).log2().clamp(-TF_CLAMP, TF_CLAMP);
        let close = match field {
            Surname | Given | Father => self.base_weight(field, 1),
            _ => f64::NEG_INFINITY,
        };
        Some(adjusted.max(close))
    }

    /// The learnt weight of the generic comparison `column` at the level `level`.
    fn generic_base_weight(&self, column: usize, level: u8) -> f64 {
        self.weights
            .get(LinkField::COUNT + column)
            .and_then(|w| w.get(usize::from(level)))
            .copied()
            .unwrap_or(0.0)
    }

    /// The weight of the generic comparison `column` at the level `level` for a pair, with
    /// exact agreement term-frequency adjusted (as worked out for its value when the model was
    /// fitted): a shared rare street says more than a shared state.
    pub fn generic_weight(
        &self,
        feats: &Features,
        column: usize,
        level: u8,
        a: usize,
        b: usize,
    ) -> f64 {
        let base = self.generic_base_weight(column, level);
        let Some(compared) = feats.generic.columns.get(column) else {
            return base;
        };
        if level != EXACT {
            return base;
        }
        let (Some(&id), Some(_)) = (compared.ids.get(a), compared.ids.get(b)) else {
            return base;
        };
        self.exact
            .generic(column, id)
            .unwrap_or_else(|| self.adjusted_generic_exact(feats, column, id))
    }

    /// The weight of exact agreement of the generic comparison `column` on the value `id`,
    /// term-frequency adjusted.
    pub(super) fn adjusted_generic_exact(&self, feats: &Features, column: usize, id: u32) -> f64 {
        let base = self.generic_base_weight(column, EXACT);
        let Some(compared) = feats.generic.columns.get(column) else {
            return base;
        };
        let row = LinkField::COUNT + column;
        let u_exact = self.u_random[row][usize::from(EXACT)];
        let tf = compared.vocab.smoothed_frequency(id, u_exact);
        if tf <= 0.0 || u_exact <= 0.0 {
            return base;
        }
        base + (u_exact / tf).log2().clamp(-TF_CLAMP, TF_CLAMP)
    }

    /// The weights of every generic comparison of a pair, in column order.
    pub fn generic_weights<'a>(
        &'a self,
        feats: &'a Features,
        levels: &'a Levels,
        a: usize,
        b: usize,
    ) -> impl Iterator<Item = f64> + 'a {
        (0..feats.generic.len())
            .map(move |c| self.generic_weight(feats, c, levels.generic_index(c), a, b))
    }

    /// Whether the generic comparisons of a pair carry at least [`COLUMN_EVIDENCE`] bits: they
    /// stand in for the names, and outweigh birth years far apart.
    pub fn columns_vouch(&self, feats: &Features, a: usize, b: usize) -> bool {
        feats.generic.len() > 0 && self.vouched(feats, &compare::levels(feats, a, b), a, b)
    }

    /// Whether the generic comparisons at the given levels carry at least [`COLUMN_EVIDENCE`]
    /// bits.
    fn vouched(&self, feats: &Features, levels: &Levels, a: usize, b: usize) -> bool {
        feats.generic.len() > 0
            && self.generic_weights(feats, levels, a, b).sum::<f64>() >= COLUMN_EVIDENCE
    }

    /// What `run.json` reports of the generic comparisons: each column with its kind, sources,
    /// and m and u per level.
    pub fn generic_summaries(&self, feats: &Features) -> Vec<GenericSummary> {
        feats
            .generic
            .columns
            .iter()
            .enumerate()
            .map(|(c, compared)| {
                let row = LinkField::COUNT + c;
                GenericSummary {
                    column: compared.name.clone(),
                    kind: compared.kind.name(),
                    sources: compared.sources.clone(),
                    levels: GenericLevel::NAMES.to_vec(),
                    m: self.m.get(row).cloned().unwrap_or_default(),
                    u: self.u_random.get(row).cloned().unwrap_or_default(),
                }
            })
            .collect()
    }

    /// The evidence against a pair being one person, in bits (0 or more): the negative weights of
    /// the fields other than the names and the source. Names are left out: a typo in one
    /// member's surname is not a second person, and the edges that merged the clusters already
    /// weighed the names. A birth date far off is left out too when the generic comparisons
    /// vouch for the pair (see [`Model::columns_vouch`]): a mistyped year in a register whose
    /// social security number and address agree.
    pub fn evidence_against(&self, feats: &Features, levels: &Levels, a: usize, b: usize) -> f64 {
        use LinkField::{Birth, Given, Source, Surname};
        let vouched = self.vouched(feats, levels, a, b);
        LinkField::ALL
            .into_iter()
            .filter(|f| !matches!(f, Surname | Given | Source))
            .filter(|&f| !(vouched && f == Birth))
            .map(|f| -self.weight(feats, f, levels.index(f), a, b).min(0.0))
            .sum()
    }

    /// The prior log2 odds that a pair of mentions is a match.
    pub fn prior(&self) -> f64 {
        (self.lambda / (1.0 - self.lambda)).log2()
    }

    /// The score of a pair with the given levels: the posterior log2 odds of a match, i.e. the
    /// prior plus every field's weight.
    pub fn score(&self, feats: &Features, levels: &Levels, a: usize, b: usize) -> f64 {
        self.score_from(self.prior(), feats, levels, a, b)
    }

    /// The score of a pair with the given levels from `prior`, the value of [`Model::prior`]
    /// (taken once for many pairs).
    pub fn score_from(
        &self,
        prior: f64,
        feats: &Features,
        levels: &Levels,
        a: usize,
        b: usize,
    ) -> f64 {
        let fields: f64 = LinkField::ALL
            .into_iter()
            .map(|f| self.weight(feats, f, levels.index(f), a, b))
            .sum();
        let generic: f64 = self.generic_weights(feats, levels, a, b).sum();
        prior + fields + generic + name_evidence_weight(levels, generic)
    }
}

/// The weight of the name-evidence rule: 0 with evidence, [`NO_NAME_EVIDENCE`] without. The
/// generic comparisons' weights (`generic`, their sum) stand in for the names when they carry at
/// least [`COLUMN_EVIDENCE`] bits: a surname replaced in one record of a register is no second
/// person when the social security number, the address and the postcode agree.
pub(crate) fn name_evidence_weight(levels: &Levels, generic: f64) -> f64 {
    if compare::has_name_evidence(levels) || generic >= COLUMN_EVIDENCE {
        0.0
    } else {
        NO_NAME_EVIDENCE
    }
}

/// Fits the model from the candidate pairs' pattern codes.
pub(crate) fn fit(feats: &Features, codes: &[u64]) -> Model {
    let params = &Priors::of(params::params(), feats.generic.len());
    let u_random = sample_u(feats, &params.u_prior, params.u_prior_pairs);
    let histogram = pattern_histogram(codes);
    let total: f64 = histogram.iter().map(|h| h.1).sum();
    let bounds = Bounds {
        m_min: &params.m_min,
        m_max: &params.m_max,
        u_min: u_random
            .iter()
            .map(|row| {
                let mut lo = row.clone();
                if let Some(last) = lo.last_mut() {
                    *last = 0.0;
                }
                lo
            })
            .collect(),
    };
    let priors = (params.m_prior.clone(), u_random.clone());
    let mut m = params.m_prior.clone();
    let mut u = marginals(histogram.iter().copied(), &u_random, params.prior_pairs);
    bounds.apply(&mut m, &mut u);
    let mut lambda = 0.1;
    let mut iterations = 0;
    let patterns = Patterns::new(&histogram, &m);
    while iterations < MAX_ITER && !histogram.is_empty() {
        iterations += 1;
        let (mut next_m, mut next_u, next_lambda) =
            patterns.step((&m, &u, lambda), &priors, params.prior_pairs);
        bounds.apply(&mut next_m, &mut next_u);
        let shift = max_shift(&m, &next_m)
            .max(max_shift(&u, &next_u))
            .max((next_lambda - lambda).abs());
        m = next_m;
        u = next_u;
        lambda = next_lambda;
        if shift < TOLERANCE {
            break;
        }
    }
    let mut expected_matches = lambda * total;
    let fallback = expected_matches < params.min_expected_matches;
    if fallback {
        m = params.m_prior.clone();
        u = u_random.clone();
        expected_matches = params.fallback_match_share * total;
    }
    let namesakes = Namesakes::sample(feats);
    let u_weights = namesakes.u_of_weights(&u_random, params.u_prior_pairs);
    let weights = weights_of(&m, &u_weights);
    log_generic(feats, &m, &u_weights);
    let random_given = u_random[LinkField::Given.index()][usize::from(EXACT)];
    let given_correction = namesakes.given_correction(random_given, params.u_prior_pairs);
    let all_pairs = all_pairs(feats.rows.len());
    let start = match_share_of_all_pairs(expected_matches, all_pairs);
    let lambda_all = if fallback {
        start
    } else {
        overall_match_share(&histogram, &weights, start, all_pairs)
    };
    let mut model = Model {
        m,
        u,
        u_random,
        lambda: lambda_all,
        candidate_lambda: lambda,
        weights,
        iterations,
        given_correction,
        exact: ExactWeights::default(),
    };
    model.exact = ExactWeights::of(&model, feats);
    tracing::debug!(
        iterations,
        candidate_lambda = model.candidate_lambda,
        lambda = model.lambda,
        expected_matches,
        prior_m = fallback,
        m_surname_exact = model.m[LinkField::Surname.index()][usize::from(EXACT)],
        u_surname_exact = model.u_random[LinkField::Surname.index()][usize::from(EXACT)],
        namesake_pairs = namesakes.same_name.len(),
        given_correction,
        "EM finished"
    );
    tracing::debug!(m = ?model.m, u = ?model.u, weights = ?model.weights, "model");
    model
}

/// The number of pairs of `n` mentions.
fn all_pairs(n: usize) -> f64 {
    (n as f64) * (n.saturating_sub(1) as f64) / 2.0
}

/// The share of matching pairs among `all` pairs, given the expected number of matching pairs;
/// at least one match in all pairs, at most one half.
fn match_share_of_all_pairs(expected_matches: f64, all: f64) -> f64 {
    if all < 1.0 {
        return 0.5;
    }
    (expected_matches.max(1.0) / all).clamp(f64::MIN_POSITIVE, 0.5)
}

/// The share of matches among all pairs under the final weights: the fixed point of λ = (sum over
/// candidate pairs of the posterior match probability at prior λ) / all pairs. Pairs that no
/// blocking key brought together are taken as non-matches. Starts from EM's estimate.
fn overall_match_share(
    histogram: &[(Levels, f64)],
    weights: &[Vec<f64>],
    start: f64,
    all: f64,
) -> f64 {
    let bits: Vec<(f64, f64)> = histogram
        .iter()
        .map(|(levels, count)| {
            let weight_of = |&(row, level): &(usize, usize)| weights.get(row)?.get(level);
            let fixed: f64 = levels
                .rows()
                .take(LinkField::COUNT)
                .filter_map(|r| weight_of(&r))
                .sum();
            let generic: f64 = levels
                .rows()
                .skip(LinkField::COUNT)
                .filter_map(|r| weight_of(&r))
                .sum();
            let w = fixed + generic + name_evidence_weight(levels, generic);
            (w, *count)
        })
        .collect();
    let mut lambda = start;
    for _ in 0..MAX_ITER {
        let prior = (lambda / (1.0 - lambda)).log2();
        let expected: f64 = bits
            .iter()
            .map(|(w, count)| count / (1.0 + (-(prior + w)).exp2()))
            .sum();
        let next = match_share_of_all_pairs(expected, all);
        let settled = (next - lambda).abs() <= lambda * 1e-4;
        lambda = next;
        if settled {
            break;
        }
    }
    lambda
}

/// The bounds every EM estimate is held within: m below the domain caps, u of agreement levels
/// at least the agreement rate of random pairs.
struct Bounds<'a> {
    m_min: &'a [Vec<f64>],
    m_max: &'a [Vec<f64>],
    u_min: Vec<Vec<f64>>,
}

impl Bounds<'_> {
    /// Holds m and u within the bounds.
    fn apply(&self, m: &mut [Vec<f64>], u: &mut [Vec<f64>]) {
        for (f, dist) in m.iter_mut().enumerate() {
            params::bound(dist, &self.m_min[f], &self.m_max[f]);
        }
        for (dist, min) in u.iter_mut().zip(&self.u_min) {
            params::bound(dist, min, &[]);
        }
    }
}

/// Log2 Bayes factors, with the fixed gender weights. Full agreement never counts against a
/// match and disagreement never for it, whatever correlations among candidate pairs suggest; a
/// merely similar surname only admits a pair (name evidence) and weighs as much against it as a
/// different one: most similar surnames are two families, so other fields must carry the pair.
fn weights_of(m: &[Vec<f64>], u: &[Vec<f64>]) -> Vec<Vec<f64>> {
    let mut weights: Vec<Vec<f64>> = LinkField::ALL
        .into_iter()
        .map(|field| {
            let f = field.index();
            if field == LinkField::Gender {
                return vec![0.0, GENDER_DIFFER];
            }
            let different = field.different();
            let mut row = m[f]
                .iter()
                .zip(&u[f])
                .zip(0..)
                .map(|((mp, up), level)| {
                    let w = ((mp + RARE) / (up + RARE)).log2();
                    match level {
                        EXACT if field == LinkField::Nationality => 0.0,
                        _ if field.agrees_at(level) => w.max(0.0),
                        l if l == different => w.min(0.0),
                        _ => w,
                    }
                })
                .collect::<Vec<f64>>();
            if field == LinkField::Surname {
                let different = row.get(usize::from(different)).copied().unwrap_or(0.0);
                if let Some(w) = row.get_mut(usize::from(SurnameLevel::Similar.index())) {
                    *w = w.min(different);
                }
            }
            row
        })
        .collect();
    weights.extend(
        m.iter()
            .zip(u)
            .skip(LinkField::COUNT)
            .map(|(m, u)| generic_weights_of(m, u)),
    );
    weights
}

/// Counts the distinct comparison patterns: (levels, count), sorted by pattern code.
fn pattern_histogram(codes: &[u64]) -> Vec<(Levels, f64)> {
    let counts = codes
        .par_chunks(1 << 16)
        .fold(FxHashMap::default, |mut c: FxHashMap<u64, u64>, chunk| {
            for &code in chunk {
                *c.entry(code).or_insert(0) += 1;
            }
            c
        })
        .reduce(FxHashMap::default, |mut x, y| {
            for (code, n) in y {
                *x.entry(code).or_insert(0) += n;
            }
            x
        });
    let mut present: Vec<(u64, u64)> = counts.into_iter().collect();
    present.sort_unstable();
    present
        .into_iter()
        .map(|(code, c)| (Levels::decode(code), c as f64))
        .collect()
}

/// Per-field level distributions of a set of weighted patterns (missing levels skipped),
/// smoothed towards `prior` with the weight of `prior_pairs` pairs.
pub(super) fn marginals(
    patterns: impl Iterator<Item = (Levels, f64)>,
    prior: &[Vec<f64>],
    prior_pairs: f64,
) -> Vec<Vec<f64>> {
    let mut counts: Vec<Vec<f64>> = prior
        .iter()
        .map(|row| row.iter().map(|p| p * prior_pairs + 1e-9).collect())
        .collect();
    for (levels, weight) in patterns {
        for (row, level) in levels.rows() {
            if let Some(slot) = counts.get_mut(row).and_then(|r| r.get_mut(level)) {
                *slot += weight;
            }
        }
    }
    for row in &mut counts {
        let total: f64 = row.iter().sum();
        row.iter_mut().for_each(|p| *p /= total);
    }
    counts
}

/// u from a seeded sample of random pairs (all pairs when there are few mentions), smoothed
/// towards the prior with the weight of `prior_pairs` pairs.
fn sample_u(feats: &Features, prior: &[Vec<f64>], prior_pairs: f64) -> Vec<Vec<f64>> {
    let n = feats.rows.len();
    let all = n.saturating_mul(n.saturating_sub(1)) / 2;
    let pairs: Vec<(usize, usize)> = if all <= U_SAMPLE {
        (0..n)
            .flat_map(|a| (a + 1..n).map(move |b| (a, b)))
            .collect()
    } else {
        let mut rng = ChaCha8Rng::seed_from_u64(SEED);
        (0..U_SAMPLE)
            .map(|_| (rng.random_range(0..n), rng.random_range(0..n)))
            .filter(|(a, b)| a != b)
            .collect()
    };
    let levels: Vec<Levels> = pairs
        .par_iter()
        .map(|&(a, b)| compare::levels(feats, a, b))
        .collect();
    marginals(levels.into_iter().map(|l| (l, 1.0)), prior, prior_pairs)
}

/// The largest change between two sets of probabilities.
fn max_shift(a: &[Vec<f64>], b: &[Vec<f64>]) -> f64 {
    a.iter()
        .flatten()
        .zip(b.iter().flatten())
        .map(|(x, y)| (x - y).abs())
        .fold(0.0, f64::max)
}
