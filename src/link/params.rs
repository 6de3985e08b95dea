//! Domain priors and bounds of the Fellegi-Sunter parameters, from `schemas/link_params.toml`.

use super::fields::{GenericLevel, LevelSet, LinkField};
use crate::tables::Loaded;
use serde::Deserialize;
use std::collections::BTreeMap;
use thiserror::Error;

/// The name of the generic comparisons' entry in errors.
const GENERIC: &str = "generic";

/// The shipped parameter file.
const SOURCE: &str = include_str!("../../schemas/link_params.toml");

/// Priors and bounds of every field, in the order of [`LinkField::ALL`].
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
    /// Priors and bounds of every generic comparison (one entry serves them all).
    pub generic: GenericParams,
}

/// Priors and bounds of a generic comparison, per level of
/// [`GenericLevel`](super::fields::GenericLevel).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct GenericParams {
    /// Prior m per level.
    pub m_prior: Vec<f64>,
    /// Upper bound of m per level.
    pub m_max: Vec<f64>,
    /// Lower bound of m per level.
    pub m_min: Vec<f64>,
    /// Prior u per level.
    pub u_prior: Vec<f64>,
}

/// The file's layout.
#[derive(Debug, Deserialize)]
struct File {
    min_expected_matches: f64,
    prior_pairs: f64,
    u_prior_pairs: f64,
    fallback_match_share: f64,
    fields: BTreeMap<String, FieldFile>,
    generic: FieldFile,
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

/// Why a parameter file is refused.
#[derive(Debug, Clone, Error, PartialEq)]
pub enum ParamsError {
    /// The text is not TOML of the expected layout.
    #[error("{0}")]
    Syntax(String),
    /// A field of the linker has no entry.
    #[error("field {0} missing")]
    MissingField(&'static str),
    /// An entry names no field of the linker.
    #[error("field {0} is not a field of the linker (fields: {1})")]
    UnknownField(String, String),
    /// A level is not the one the linker has at its position.
    #[error("field {field}: level {position} is {found:?}, the linker's is {expected:?}")]
    WrongLevel {
        /// The field.
        field: &'static str,
        /// The level's position, from 1.
        position: usize,
        /// The name in the file.
        found: String,
        /// The linker's name ("none" past its last level).
        expected: &'static str,
    },
    /// The file lists fewer levels than the linker has.
    #[error("field {field}: level {expected:?} missing")]
    MissingLevel {
        /// The field.
        field: &'static str,
        /// The first level not listed.
        expected: &'static str,
    },
    /// A field's numbers are unusable.
    #[error("field {0}: {1}")]
    Values(&'static str, String),
}

static PARAMS: Loaded<Params, ParamsError> = Loaded::new();

/// Loads the shipped `schemas/link_params.toml`, checked against the linker's fields and
/// levels: part of the check of every table a command starts with.
pub fn check_shipped() -> Result<(), ParamsError> {
    PARAMS
        .try_get(|| parse(SOURCE))
        .map(|_| ())
        .map_err(Clone::clone)
}

/// The parameters, read once (see [`Loaded::get`]).
pub(crate) fn params() -> &'static Params {
    PARAMS.get(|| parse(SOURCE))
}

/// Parses a parameter file, checking that it names every field of the linker with its levels in
/// order, and nothing else.
pub(crate) fn parse(text: &str) -> Result<Params, ParamsError> {
    let file: File = toml::from_str(text).map_err(|e| ParamsError::Syntax(e.to_string()))?;
    if let Some(unknown) = file
        .fields
        .keys()
        .find(|name| !LinkField::ALL.iter().any(|f| f.name() == name.as_str()))
    {
        let known: Vec<&str> = LinkField::ALL.iter().map(|f| f.name()).collect();
        return Err(ParamsError::UnknownField(unknown.clone(), known.join(", ")));
    }
    let mut m_prior = Vec::with_capacity(LinkField::COUNT);
    let mut m_max = Vec::with_capacity(LinkField::COUNT);
    let mut m_min = Vec::with_capacity(LinkField::COUNT);
    let mut u_prior = Vec::with_capacity(LinkField::COUNT);
    for field in LinkField::ALL {
        let entry = file
            .fields
            .get(field.name())
            .ok_or(ParamsError::MissingField(field.name()))?;
        check_levels(field.name(), field.level_names(), &entry.levels)?;
        check_values(field.level_names().len(), entry)
            .map_err(|e| ParamsError::Values(field.name(), e))?;
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
        generic: generic_params(&file.generic)?,
    })
}

/// The entry of the generic comparisons, checked against their levels.
fn generic_params(entry: &FieldFile) -> Result<GenericParams, ParamsError> {
    check_levels(GENERIC, GenericLevel::NAMES, &entry.levels)?;
    check_values(GenericLevel::NAMES.len(), entry).map_err(|e| ParamsError::Values(GENERIC, e))?;
    Ok(GenericParams {
        m_prior: entry.m_prior.clone(),
        m_max: entry.m_max.clone(),
        m_min: entry.m_min.clone(),
        u_prior: entry.u_prior.clone(),
    })
}

/// Checks that a field's listed levels are the linker's (`expected`), name by name.
fn check_levels(
    field: &'static str,
    expected: &'static [&'static str],
    listed: &[String],
) -> Result<(), ParamsError> {
    for (position, found) in listed.iter().enumerate() {
        let name = expected.get(position).copied();
        if name != Some(found.as_str()) {
            return Err(ParamsError::WrongLevel {
                field,
                position: position + 1,
                found: found.clone(),
                expected: name.unwrap_or("none"),
            });
        }
    }
    match expected.get(listed.len()) {
        Some(&missing) => Err(ParamsError::MissingLevel {
            field,
            expected: missing,
        }),
        None => Ok(()),
    }
}

/// Checks the distributions and bounds of a field of `n` levels.
fn check_values(n: usize, entry: &FieldFile) -> Result<(), String> {
    if [&entry.m_prior, &entry.m_max, &entry.m_min, &entry.u_prior]
        .iter()
        .any(|v| v.len() != n)
    {
        return Err(format!("m_prior, m_max, m_min and u_prior need {n} values"));
    }
    if entry.m_min.iter().sum::<f64>() > 1.0 || entry.m_max.iter().sum::<f64>() < 1.0 {
        return Err("bounds leave no distribution".to_string());
    }
    for (label, dist) in [("m_prior", &entry.m_prior), ("u_prior", &entry.u_prior)] {
        let total: f64 = dist.iter().sum();
        if dist.iter().any(|p| *p <= 0.0) || (total - 1.0).abs() > 1e-6 {
            return Err(format!("{label} must be positive and sum to 1"));
        }
    }
    Ok(())
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_file_names_every_field_and_level() {
        let params = parse(SOURCE).expect("the shipped parameters parse");
        assert_eq!(params.m_prior.len(), LinkField::COUNT);
        for (field, m) in LinkField::ALL.iter().zip(&params.m_prior) {
            assert_eq!(m.len(), field.level_names().len(), "{}", field.name());
        }
    }

    #[test]
    fn a_wrong_level_name_is_refused_with_its_name() {
        let text = SOURCE.replace("\"julian offset\"", "\"julian\"");
        let error = parse(&text).expect_err("a renamed level is refused");
        assert_eq!(
            error,
            ParamsError::WrongLevel {
                field: "birth",
                position: 3,
                found: "julian".to_string(),
                expected: "julian offset",
            }
        );
        let message = error.to_string();
        assert!(
            message.contains("\"julian\"") && message.contains("birth"),
            "{message}"
        );
    }

    #[test]
    fn a_missing_level_and_an_unknown_field_are_refused() {
        let text = SOURCE.replace(
            "levels = [\"agree\", \"same kind\", \"differ\"]",
            "levels = [\"agree\", \"same kind\"]",
        );
        assert_eq!(
            parse(&text),
            Err(ParamsError::MissingLevel {
                field: "sentence",
                expected: "differ",
            })
        );
        let text = format!(
            "{SOURCE}\n[fields.height]\nlevels = []\nm_prior = []\nm_max = []\nm_min = []\nu_prior = []\n"
        );
        let error = parse(&text).expect_err("an unknown field is refused");
        assert!(error.to_string().contains("height"), "{error}");
    }
}
