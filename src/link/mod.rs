//! Stage 3: mentions → persons.
//!
//! This first linker merges mentions whose surname and given-name keys are equal and whose birth
//! years are compatible (within one year, or unknown on one side).

use crate::model::Mention;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// A judgement from an archivists' links file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Judgement {
    /// `source:record_id` of one mention.
    pub a: String,
    /// `source:record_id` of the other.
    pub b: String,
    /// `true` for `same`, `false` for `different`.
    pub same: bool,
}

/// Options of the linker.
#[derive(Debug, Clone, PartialEq)]
pub struct LinkOptions {
    /// Score at or above which two mentions are merged.
    pub threshold: f64,
    /// Lower bound of the review band.
    pub review_low: f64,
    /// Upper bound of the review band.
    pub review_high: f64,
    /// Largest block compared pairwise.
    pub max_block: usize,
    /// Archivists' judgements.
    pub judgements: Vec<Judgement>,
}

impl Default for LinkOptions {
    fn default() -> Self {
        LinkOptions {
            threshold: 1.0,
            review_low: 0.5,
            review_high: 1.0,
            max_block: 500,
            judgements: Vec::new(),
        }
    }
}

/// One scored pair; `contributions` are (field name, weight) in a fixed field order.
#[derive(Debug, Clone, PartialEq)]
pub struct Edge {
    /// Index of one mention.
    pub a: usize,
    /// Index of the other.
    pub b: usize,
    /// The pair's score.
    pub score: f64,
    /// Per-field contributions to the score.
    pub contributions: Vec<(&'static str, f64)>,
}

/// Counts the run logs.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct LinkStats {
    /// Blocks formed.
    pub blocks: u64,
    /// Blocks larger than `max_block`.
    pub capped_blocks: u64,
    /// Candidate pairs from blocking.
    pub candidate_pairs: u64,
    /// Pairs scored.
    pub compared_pairs: u64,
    /// Iterations of parameter estimation.
    pub em_iterations: u32,
}

/// The linker's result: every mention index in exactly one cluster.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Linkage {
    /// Clusters of mention indices, each sorted, sorted by first index.
    pub clusters: Vec<Vec<usize>>,
    /// Accepted merge edges.
    pub edges: Vec<Edge>,
    /// Borderline pairs for a person to judge.
    pub review: Vec<Edge>,
    /// Best-scoring pairs that were kept apart.
    pub near_misses: Vec<Edge>,
    /// Counts.
    pub stats: LinkStats,
}

/// Why a links file could not be read.
#[derive(Debug, thiserror::Error)]
pub enum LinkError {
    /// The file could not be read.
    #[error("{path}: {message}")]
    Read {
        /// The links file.
        path: PathBuf,
        /// What went wrong, with row and column.
        message: String,
    },
}

/// Links mentions into clusters.
pub fn link(mentions: &[Mention], opts: &LinkOptions) -> Linkage {
    let mut blocks: BTreeMap<(&str, &str), Vec<usize>> = BTreeMap::new();
    for (i, m) in mentions.iter().enumerate() {
        blocks
            .entry((m.name.surname_key.as_str(), m.name.given_key.as_str()))
            .or_default()
            .push(i);
    }
    let mut clusters = Vec::new();
    let mut edges = Vec::new();
    for members in blocks.values() {
        for group in split_by_birth_year(mentions, members) {
            edges.extend(group.windows(2).map(|w| Edge {
                a: w[0],
                b: w[1],
                score: opts.threshold,
                contributions: vec![("surname", 1.0), ("given", 1.0)],
            }));
            clusters.push(group);
        }
    }
    clusters.sort();
    Linkage {
        stats: LinkStats {
            blocks: blocks.len() as u64,
            ..LinkStats::default()
        },
        clusters,
        edges,
        ..Linkage::default()
    }
}

/// Splits a block into groups whose birth years are within one year of the group's first year.
fn split_by_birth_year(mentions: &[Mention], members: &[usize]) -> Vec<Vec<usize>> {
    let year = |i: usize| {
        use chrono::Datelike;
        mentions[i].birth.value.as_ref().map(|d| d.earliest.year())
    };
    let mut groups: Vec<(Option<i32>, Vec<usize>)> = Vec::new();
    for &i in members {
        let y = year(i);
        let fits = |g: &(Option<i32>, Vec<usize>)| match (g.0, y) {
            (Some(a), Some(b)) => (a - b).abs() <= 1,
            _ => true,
        };
        match groups.iter_mut().find(|g| fits(g)) {
            Some(g) => {
                g.0 = g.0.or(y);
                g.1.push(i);
            }
            None => groups.push((y, vec![i])),
        }
    }
    groups.into_iter().map(|(_, g)| g).collect()
}

/// Reads a links file (`a,b,judgement` with `same` or `different`).
pub fn load_judgements(path: &Path) -> Result<Vec<Judgement>, LinkError> {
    let err = |message: String| LinkError::Read {
        path: path.to_path_buf(),
        message,
    };
    let mut rdr = csv::Reader::from_path(path).map_err(|e| err(e.to_string()))?;
    let mut out = Vec::new();
    for (i, rec) in rdr.records().enumerate() {
        let rec = rec.map_err(|e| err(format!("row {}: {e}", i + 2)))?;
        let same = match rec.get(2).map(str::trim) {
            Some("same") => true,
            Some("different") => false,
            other => {
                return Err(err(format!(
                    "row {}, column 3: judgement {other:?} is neither `same` nor `different`",
                    i + 2
                )));
            }
        };
        out.push(Judgement {
            a: rec.get(0).unwrap_or("").trim().to_string(),
            b: rec.get(1).unwrap_or("").trim().to_string(),
            same,
        });
    }
    Ok(out)
}

/// Explains in text why a cluster's mentions are together.
pub fn explain(mentions: &[Mention], linkage: &Linkage, cluster: &[usize]) -> String {
    let mut out = String::new();
    for e in linkage.edges.iter().filter(|e| cluster.contains(&e.a)) {
        out.push_str(&format!(
            "{} ~ {}: equal name keys, compatible birth years\n",
            mentions[e.a].prov.key(),
            mentions[e.b].prov.key()
        ));
    }
    out
}
