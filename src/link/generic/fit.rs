//! What the generic comparisons add to the fit of the model: their priors and bounds beside the
//! fixed fields', their log2 weights, and a log line each.

use super::super::features::Features;
use super::super::fields::{GenericLevel, LevelSet, LinkField};
use super::super::params;
use super::super::train::RARE;

/// The priors and bounds of every row of the parameter tables: the fixed fields', then one copy
/// of the generic entry per generic comparison.
pub(crate) struct Priors<'a> {
    /// Prior m per row.
    pub m_prior: Vec<Vec<f64>>,
    /// Upper bound of m per row.
    pub m_max: Vec<Vec<f64>>,
    /// Lower bound of m per row.
    pub m_min: Vec<Vec<f64>>,
    /// Prior u per row.
    pub u_prior: Vec<Vec<f64>>,
    shared: &'a params::Params,
}

impl<'a> Priors<'a> {
    /// The priors of a run with `generic` generic comparisons.
    pub(crate) fn of(shared: &'a params::Params, generic: usize) -> Self {
        let rows = |fixed: &[Vec<f64>], entry: &[f64]| {
            let mut all = fixed.to_vec();
            all.extend(std::iter::repeat_n(entry.to_vec(), generic));
            all
        };
        let g = &shared.generic;
        Priors {
            m_prior: rows(&shared.m_prior, &g.m_prior),
            m_max: rows(&shared.m_max, &g.m_max),
            m_min: rows(&shared.m_min, &g.m_min),
            u_prior: rows(&shared.u_prior, &g.u_prior),
            shared,
        }
    }
}

impl std::ops::Deref for Priors<'_> {
    type Target = params::Params;

    fn deref(&self) -> &params::Params {
        self.shared
    }
}

/// Logs each generic comparison with its kind and its m and u per level.
pub(crate) fn log_generic(feats: &Features, m: &[Vec<f64>], u: &[Vec<f64>]) {
    for (c, compared) in feats.generic.columns.iter().enumerate() {
        let row = LinkField::COUNT + c;
        tracing::debug!(
            column = compared.name,
            kind = compared.kind.name(),
            m = ?m.get(row),
            u = ?u.get(row),
            "generic comparison"
        );
    }
}

/// Log2 Bayes factors of a generic comparison: exact agreement never counts against a match and
/// a different value never for it.
pub(crate) fn generic_weights_of(m: &[f64], u: &[f64]) -> Vec<f64> {
    let different = usize::from(GenericLevel::Different.index());
    m.iter()
        .zip(u)
        .enumerate()
        .map(|(level, (mp, up))| {
            let w = ((mp + RARE) / (up + RARE)).log2();
            match level {
                0 => w.max(0.0),
                l if l == different => w.min(0.0),
                _ => w,
            }
        })
        .collect()
}
