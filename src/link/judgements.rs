//! Archivists' links files: `a,b,judgement` rows saying that two mentions are (`same`) or are not
//! (`different`) one person.

use super::{Judgement, LinkError};
use crate::model::Mention;
use std::collections::HashMap;
use std::path::Path;

/// Column names of a links file.
const COLUMNS: [&str; 3] = ["a", "b", "judgement"];

/// Reads a links file: a header with `a`, `b` and `judgement` (in any order, other columns
/// ignored), then one row per judgement, `same` or `different`. Rows with no judgement yet are
/// skipped, so a `review.csv` with some answers filled in is itself a links file.
pub fn load_judgements(path: &Path) -> Result<Vec<Judgement>, LinkError> {
    let file = path.display().to_string();
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .trim(csv::Trim::All)
        .from_path(path)
        .map_err(|e| LinkError::Read {
            file: file.clone(),
            message: e.to_string(),
        })?;
    let header = reader
        .headers()
        .map_err(|e| LinkError::Read {
            file: file.clone(),
            message: e.to_string(),
        })?
        .clone();
    let position = |name: &str| {
        header
            .iter()
            .position(|h| h.trim().eq_ignore_ascii_case(name))
    };
    let mut cols = [0usize; 3];
    for (slot, name) in cols.iter_mut().zip(COLUMNS) {
        *slot = position(name).ok_or_else(|| LinkError::MissingColumn {
            file: file.clone(),
            column: name.into(),
        })?;
    }
    let mut out = Vec::new();
    for (i, record) in reader.records().enumerate() {
        let row = i as u64 + 2;
        let record = record.map_err(|e| LinkError::Row {
            file: file.clone(),
            row,
            message: e.to_string(),
        })?;
        if record.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let cell = |c: usize| record.get(c).unwrap_or("").trim();
        let bad = |c: usize, message: &str| LinkError::Cell {
            file: file.clone(),
            row,
            column: c + 1,
            message: message.to_string(),
        };
        let (a, b, verdict) = (cell(cols[0]), cell(cols[1]), cell(cols[2]));
        if verdict.is_empty() {
            continue;
        }
        if a.is_empty() {
            return Err(bad(
                cols[0],
                "empty mention key (expected source:record_id)",
            ));
        }
        if b.is_empty() {
            return Err(bad(
                cols[1],
                "empty mention key (expected source:record_id)",
            ));
        }
        let same = match verdict.to_lowercase().as_str() {
            "same" => true,
            "different" => false,
            _ => {
                return Err(bad(
                    cols[2],
                    &format!("judgement {verdict:?} is neither same nor different"),
                ));
            }
        };
        out.push(Judgement {
            a: a.to_string(),
            b: b.to_string(),
            same,
        });
    }
    Ok(out)
}

/// Judgements resolved to mention indices: must-link and cannot-link pairs, sorted.
#[derive(Debug, Default)]
pub(crate) struct Resolved {
    /// `same` pairs.
    pub must: Vec<(u32, u32)>,
    /// `different` pairs.
    pub cannot: Vec<(u32, u32)>,
}

/// Maps judgements' `source:record_id` keys to mention indices; unknown keys are logged.
pub(crate) fn resolve(mentions: &[Mention], judgements: &[Judgement]) -> Resolved {
    let mut resolved = Resolved::default();
    if judgements.is_empty() {
        return resolved;
    }
    let mut index: HashMap<String, u32> = HashMap::with_capacity(mentions.len());
    for (i, m) in mentions.iter().enumerate() {
        index.entry(m.prov.key()).or_insert(i as u32);
    }
    for j in judgements {
        let (Some(&a), Some(&b)) = (index.get(j.a.trim()), index.get(j.b.trim())) else {
            tracing::warn!(a = %j.a, b = %j.b, "judgement names a mention not in the input; skipped");
            continue;
        };
        if a == b {
            continue;
        }
        let pair = (a.min(b), a.max(b));
        if j.same {
            resolved.must.push(pair)
        } else {
            resolved.cannot.push(pair)
        }
    }
    for list in [&mut resolved.must, &mut resolved.cannot] {
        list.sort_unstable();
        list.dedup();
    }
    resolved
}
