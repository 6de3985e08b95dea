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
    /// Expected matching pairs from which the EM estimate of m is trusted.
    pub min_expected_matches: f64,
    /// Weight, in pairs, of the prior in every estimate.
    pub prior_pairs: f64,
}

/// The file's layout.
#[derive(Debug, Deserialize)]
struct File {
    min_expected_matches: f64,
    prior_pairs: f64,
    fields: BTreeMap<String, FieldFile>,
}

/// One field's entry.
#[derive(Debug, Deserialize)]
struct FieldFile {
    levels: Vec<String>,
    m_prior: Vec<f64>,
    m_max: Vec<f64>,
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
        if entry.m_prior.len() != n || entry.m_max.len() != n {
            return Err(format!("field {name}: m_prior and m_max need {n} values"));
        }
        let total: f64 = entry.m_prior.iter().sum();
        if entry.m_prior.iter().any(|p| *p <= 0.0) || (total - 1.0).abs() > 1e-6 {
            return Err(format!(
                "field {name}: m_prior must be positive and sum to 1"
            ));
        }
        m_prior.push(entry.m_prior.clone());
        m_max.push(entry.m_max.clone());
    }
    Ok(Params {
        m_prior,
        m_max,
        min_expected_matches: file.min_expected_matches,
        prior_pairs: file.prior_pairs,
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
        min_expected_matches: 25.0,
        prior_pairs: 4.0,
    }
}

/// Caps some entries of a distribution and moves the excess to the uncapped entries in
/// proportion to their mass (evenly when they have none).
pub(crate) fn cap(dist: &mut [f64], max: &[f64]) {
    let mut excess = 0.0;
    let mut free_mass = 0.0;
    let mut free_count = 0usize;
    for (p, &hi) in dist.iter_mut().zip(max) {
        if *p > hi {
            excess += *p - hi;
            *p = hi;
        } else if hi >= 1.0 {
            free_mass += *p;
            free_count += 1;
        }
    }
    if excess <= 0.0 || free_count == 0 {
        return;
    }
    for (p, &hi) in dist.iter_mut().zip(max) {
        if hi >= 1.0 {
            *p += if free_mass > 0.0 {
                excess * *p / free_mass
            } else {
                excess / free_count as f64
            };
        }
    }
}

/// Raises some entries of a distribution to floors and takes the deficit from the last entry
/// (the disagreement level), never below a small positive rest.
pub(crate) fn floor(dist: &mut [f64], min: &[f64]) {
    let Some(last) = dist.len().checked_sub(1) else {
        return;
    };
    let mut deficit = 0.0;
    for (p, &lo) in dist[..last].iter_mut().zip(min) {
        if *p < lo {
            deficit += lo - *p;
            *p = lo;
        }
    }
    if deficit > 0.0 {
        dist[last] = (dist[last] - deficit).max(1e-6);
        let total: f64 = dist.iter().sum();
        dist.iter_mut().for_each(|p| *p /= total);
    }
}
