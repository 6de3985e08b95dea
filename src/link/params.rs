//! Domain priors and bounds of the Fellegi-Sunter parameters, from `schemas/link_params.toml`.

use super::compare::{self, FIELDS, NF};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::sync::OnceLock;

/// The shipped parameter file.
const SOURCE: &str = include_str!("../../schemas/link_params.toml");

/// Priors and bounds of every field, in the order of [`compare::FIELDS`].
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Params {
    /// Prior m per field and level.
    pub m_prior: Vec<Vec<f64>>,
    /// Upper bound of m per field and level.
    pub m_max: Vec<Vec<f64>>,
    /// Lower bound of m per field and level.
    pub m_min: Vec<Vec<f64>>,
    /// Prior u (agreement among pairs of different people) per field and level.
    pub u_prior: Vec<Vec<f64>>,
    /// Weight, in pairs, of `u_prior` beside the measured random-pair rates.
    pub u_prior_pairs: f64,
    /// Expected matching pairs from which the EM estimate of m is trusted.
    pub min_expected_matches: f64,
    /// Weight, in pairs, of the prior in every estimate.
    pub prior_pairs: f64,
    /// Match share among candidate pairs assumed when EM finds too few matches.
    pub fallback_match_share: f64,
}

/// The file's layout.
#[derive(Debug, Deserialize)]
struct File {
    min_expected_matches: f64,
    prior_pairs: f64,
    u_prior_pairs: f64,
    fallback_match_share: f64,
    fields: BTreeMap<String, FieldFile>,
}

/// One field's entry.
#[derive(Debug, Deserialize)]
struct FieldFile {
    levels: Vec<String>,
    m_prior: Vec<f64>,
    m_max: Vec<f64>,
    m_min: Vec<f64>,
    u_prior: Vec<f64>,
}

/// The parameters, read once.
pub(crate) fn params() -> &'static Params {
    static PARAMS: OnceLock<Params> = OnceLock::new();
    PARAMS.get_or_init(|| {
        parse(SOURCE).unwrap_or_else(|message| {
            tracing::error!(%message, "schemas/link_params.toml unusable; neutral priors used");
            neutral()
        })
    })
}

/// Parses a parameter file, checking that it names every field with its levels in order.
pub(crate) fn parse(text: &str) -> Result<Params, String> {
    let file: File = toml::from_str(text).map_err(|e| e.to_string())?;
    let mut m_prior = Vec::with_capacity(NF);
    let mut m_max = Vec::with_capacity(NF);
    let mut m_min = Vec::with_capacity(NF);
    let mut u_prior = Vec::with_capacity(NF);
    for (f, name) in FIELDS.iter().enumerate() {
        let entry = file
            .fields
            .get(*name)
            .ok_or_else(|| format!("field {name} missing"))?;
        let expected: Vec<&str> = compare::LEVEL_NAMES[f].to_vec();
        if entry.levels != expected {
            return Err(format!("field {name}: levels must be {expected:?}"));
        }
        let n = expected.len();
        if [&entry.m_prior, &entry.m_max, &entry.m_min, &entry.u_prior]
            .iter()
            .any(|v| v.len() != n)
        {
            return Err(format!(
                "field {name}: m_prior, m_max, m_min and u_prior need {n} values"
            ));
        }
        if entry.m_min.iter().sum::<f64>() > 1.0 || entry.m_max.iter().sum::<f64>() < 1.0 {
            return Err(format!("field {name}: bounds leave no distribution"));
        }
        for (label, dist) in [("m_prior", &entry.m_prior), ("u_prior", &entry.u_prior)] {
            let total: f64 = dist.iter().sum();
            if dist.iter().any(|p| *p <= 0.0) || (total - 1.0).abs() > 1e-6 {
                return Err(format!(
                    "field {name}: {label} must be positive and sum to 1"
                ));
            }
        }
        m_prior.push(entry.m_prior.clone());
        m_max.push(entry.m_max.clone());
        m_min.push(entry.m_min.clone());
        u_prior.push(entry.u_prior.clone());
    }
    Ok(Params {
        m_prior,
        m_max,
        m_min,
        u_prior,
        u_prior_pairs: file.u_prior_pairs.max(0.0),
        min_expected_matches: file.min_expected_matches,
        prior_pairs: file.prior_pairs,
        fallback_match_share: file.fallback_match_share.clamp(1e-6, 0.5),
    })
}

/// Uniform priors without bounds, used only if the shipped file cannot be read.
fn neutral() -> Params {
    let uniform = |f: usize| {
        let n = compare::LEVEL_NAMES[f].len();
        vec![1.0 / n as f64; n]
    };
    Params {
        m_prior: (0..NF).map(uniform).collect(),
        m_max: (0..NF)
            .map(|f| vec![1.0; compare::LEVEL_NAMES[f].len()])
            .collect(),
        m_min: (0..NF)
            .map(|f| vec![0.0; compare::LEVEL_NAMES[f].len()])
            .collect(),
        u_prior: (0..NF).map(uniform).collect(),
        u_prior_pairs: 1.0,
        min_expected_matches: 25.0,
        prior_pairs: 4.0,
        fallback_match_share: 0.03,
    }
}

/// Holds a distribution within per-entry bounds `[lo, hi]`, keeping its total: entries are
/// clipped, and the mass gained or lost is spread over the entries with room left, in proportion
/// to that room.
pub(crate) fn bound(dist: &mut [f64], lo: &[f64], hi: &[f64]) {
    let limits = |i: usize| {
        let l = lo.get(i).copied().unwrap_or(0.0);
        (l, hi.get(i).copied().unwrap_or(1.0).max(l))
    };
    for (i, p) in dist.iter_mut().enumerate() {
        let (l, h) = limits(i);
        *p = p.clamp(l, h);
    }
    let gap = 1.0 - dist.iter().sum::<f64>();
    let room: Vec<f64> = (0..dist.len())
        .map(|i| {
            let (l, h) = limits(i);
            if gap > 0.0 { h - dist[i] } else { dist[i] - l }
        })
        .collect();
    let total_room: f64 = room.iter().sum();
    if gap == 0.0 || total_room <= 0.0 {
        return;
    }
    let share = (gap.abs() / total_room).min(1.0) * gap.signum();
    for (p, r) in dist.iter_mut().zip(room) {
        *p += share * r;
    }
}
