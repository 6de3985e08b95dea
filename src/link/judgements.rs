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
            row,
        });
    }
    Ok(out)
}

/// A `same` judgement left out because, with the `same` judgements before it, it would put two
/// mentions judged `different` in one person.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkConflict {
    /// The `same` judgement left out.
    pub same: Judgement,
    /// The `different` judgement it would cross.
    pub different: Judgement,
}

impl std::fmt::Display for LinkConflict {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let (s, d) = (&self.same, &self.different);
        write!(
            f,
            "links file row {} ({} same {}) would join {} and {}, judged different in row {}; \
             the same judgement is not applied",
            s.row, s.a, s.b, d.a, d.b, d.row
        )
    }
}

/// Keeps every `different` judgement and the `same` judgements that agree with them: `same`
/// judgements are applied in file order, as chains, and one that would join two mentions judged
/// `different` (directly or through other `same` judgements) is left out and returned as a
/// conflict. `a same b`, `b same c`, `a different c` keep `a same b` only: a and c stay apart.
pub fn drop_conflicts(judgements: Vec<Judgement>) -> (Vec<Judgement>, Vec<LinkConflict>) {
    let mut groups = KeyGroups::default();
    for (i, j) in judgements.iter().enumerate().filter(|(_, j)| !j.same) {
        let (a, b) = (groups.key(&j.a), groups.key(&j.b));
        groups.apart[a].push((b, i));
        groups.apart[b].push((a, i));
    }
    let mut conflicts = Vec::new();
    let mut kept = vec![true; judgements.len()];
    for (i, j) in judgements.iter().enumerate().filter(|(_, j)| j.same) {
        let (a, b) = (groups.key(&j.a), groups.key(&j.b));
        if let Some(d) = groups.join(a, b) {
            kept[i] = false;
            conflicts.push(LinkConflict {
                same: j.clone(),
                different: judgements[d].clone(),
            });
        }
    }
    let kept = judgements
        .into_iter()
        .zip(kept)
        .filter_map(|(j, keep)| keep.then_some(j))
        .collect();
    (kept, conflicts)
}

/// Mention keys grouped by the `same` judgements applied so far, with the `different` partners
/// of each group.
#[derive(Default)]
struct KeyGroups {
    index: HashMap<String, usize>,
    parent: Vec<usize>,
    /// Per group root: (key judged different, judgement index).
    apart: Vec<Vec<(usize, usize)>>,
}

impl KeyGroups {
    fn key(&mut self, key: &str) -> usize {
        if let Some(&i) = self.index.get(key) {
            return i;
        }
        let i = self.parent.len();
        self.index.insert(key.to_string(), i);
        self.parent.push(i);
        self.apart.push(Vec::new());
        i
    }

    fn find(&mut self, mut i: usize) -> usize {
        while self.parent[i] != i {
            self.parent[i] = self.parent[self.parent[i]];
            i = self.parent[i];
        }
        i
    }

    /// Joins the groups of `a` and `b`, unless a `different` judgement lies between them: then
    /// returns that judgement's index and joins nothing.
    fn join(&mut self, a: usize, b: usize) -> Option<usize> {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra == rb {
            return None;
        }
        let partners = self.apart[ra].clone();
        for (other, judgement) in partners {
            if self.find(other) == rb {
                return Some(judgement);
            }
        }
        self.parent[rb] = ra;
        let moved = std::mem::take(&mut self.apart[rb]);
        self.apart[ra].extend(moved);
        None
    }
}

/// Judgements resolved to mention indices: must-link and cannot-link pairs, sorted.
#[derive(Debug, Default)]
pub(crate) struct Resolved {
    /// `same` pairs.
    pub must: Vec<(u32, u32)>,
    /// `different` pairs.
    pub cannot: Vec<(u32, u32)>,
}

/// Maps judgements' `source:record_id` keys to mention indices; unknown keys are logged. A
/// `same` judgement that conflicts with a `different` one is left out (see [`drop_conflicts`]).
pub(crate) fn resolve(mentions: &[Mention], judgements: &[Judgement]) -> Resolved {
    let mut resolved = Resolved::default();
    if judgements.is_empty() {
        return resolved;
    }
    let (judgements, _) = drop_conflicts(judgements.to_vec());
    let mut index: HashMap<String, u32> = HashMap::with_capacity(mentions.len());
    for (i, m) in mentions.iter().enumerate() {
        index.entry(m.prov.key()).or_insert(i as u32);
    }
    for j in &judgements {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn judge(row: u64, a: &str, b: &str, same: bool) -> Judgement {
        Judgement {
            a: a.into(),
            b: b.into(),
            same,
            row,
        }
    }

    #[test]
    fn a_chain_of_same_through_a_different_pair_is_cut() {
        let all = vec![
            judge(2, "s:a", "s:b", true),
            judge(3, "s:b", "s:c", true),
            judge(4, "s:a", "s:c", false),
            judge(5, "s:d", "s:e", true),
            judge(6, "s:x", "s:y", true),
            judge(7, "s:x", "s:y", false),
        ];
        let (kept, conflicts) = drop_conflicts(all);
        let rows: Vec<u64> = kept.iter().map(|j| j.row).collect();
        assert_eq!(rows, [2, 4, 5, 7]);
        let pairs: Vec<(u64, u64)> = conflicts
            .iter()
            .map(|c| (c.same.row, c.different.row))
            .collect();
        assert_eq!(pairs, [(3, 4), (6, 7)]);
        assert!(conflicts[0].to_string().contains("row 3 (s:b same s:c)"));
    }
}
