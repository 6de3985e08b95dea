//! The figures the report page shows, gathered from a run's outcome.

use super::super::row::Row;
use crate::model::Outcome;
use crate::model::{DateValue, Mention, Norm};
use crate::state::IdChange;
use chrono::Datelike;
use std::collections::{BTreeMap, BTreeSet};

/// Deciding bodies shown by name; the rest are summed as "other".
const TOP_BODIES: usize = 15;

/// Id changes listed on the page at most.
pub const CHANGE_CAP: usize = 500;

/// Birth years are grouped in bins of this many years.
pub const BIRTH_BIN: i32 = 5;

/// One input file's counts.
#[derive(Debug, Clone, PartialEq)]
pub struct SourceRow {
    /// File name.
    pub name: String,
    /// Data rows read.
    pub rows: u64,
    /// Rows accepted.
    pub accepted: u64,
    /// Rows rejected.
    pub rejected: u64,
    /// Why the file could not be read.
    pub error: Option<String>,
}

/// One person in the searchable table.
#[derive(Debug, Clone, PartialEq)]
pub struct PersonRow {
    /// Person id.
    pub id: String,
    /// Preferred name.
    pub name: String,
    /// Birth as `earliest – latest` (one date when equal).
    pub birth: String,
    /// Birth place.
    pub place: String,
    /// Decisions attached.
    pub decisions: String,
    /// Mentions as `source:record_id name as written`.
    pub mentions: Vec<String>,
}

/// Everything on the page.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ReportData {
    /// Rows, mentions, rejects, persons, decisions.
    pub totals: Vec<(&'static str, u64)>,
    /// Per input file.
    pub sources: Vec<SourceRow>,
    /// Rejected rows per reason code.
    pub rejects: Vec<(String, u64)>,
    /// Persons per number of distinct sources they appear in.
    pub persons_by_sources: Vec<(String, u64)>,
    /// Decisions per year (`undated` last).
    pub decisions_by_year: Vec<(String, u64)>,
    /// Decisions per deciding body, most frequent first.
    pub decisions_by_body: Vec<(String, u64)>,
    /// Checks per rule, with its severity, in rule order.
    pub checks: Vec<(String, u64)>,
    /// Mentions per sentencing organ key, most frequent first.
    pub organs: Vec<(String, u64)>,
    /// Persons per birth-year bin.
    pub birth_years: Vec<(String, u64)>,
    /// Id changes per kind.
    pub change_counts: Vec<(String, u64)>,
    /// The first id changes.
    pub changes: Vec<IdChange>,
    /// Added, changed and removed input rows.
    pub row_changes: Vec<(&'static str, u64)>,
    /// The first persons, for the searchable table.
    pub persons: Vec<PersonRow>,
    /// All persons (the table may show fewer).
    pub person_total: usize,
}

/// Gathers the page's figures; the person table keeps the first `cap` persons.
pub fn gather(outcome: &Outcome, cap: usize) -> ReportData {
    let rows = &outcome.ids.rows;
    ReportData {
        totals: totals(outcome),
        sources: outcome.sources.iter().map(source_row).collect(),
        rejects: outcome
            .rejects_by_reason()
            .into_iter()
            .map(|(r, n)| (r.code().to_string(), n))
            .collect(),
        persons_by_sources: persons_by_sources(outcome),
        decisions_by_year: decisions_by_year(outcome),
        decisions_by_body: decisions_by_body(outcome),
        checks: crate::checks::counts(&outcome.checks)
            .into_iter()
            .map(|(r, n)| (format!("{} ({})", r.id, r.severity), n as u64))
            .collect(),
        organs: organs(outcome),
        birth_years: birth_years(outcome),
        change_counts: outcome
            .ids
            .counts()
            .into_iter()
            .map(|(k, n)| (k.code().to_string(), n))
            .collect(),
        changes: outcome
            .ids
            .changes
            .iter()
            .take(CHANGE_CAP)
            .cloned()
            .collect(),
        row_changes: vec![
            ("added", rows.added),
            ("changed", rows.changed.len() as u64),
            ("removed", rows.removed.len() as u64),
        ],
        persons: person_rows(outcome, cap),
        person_total: outcome.persons.len(),
    }
}

fn totals(outcome: &Outcome) -> Vec<(&'static str, u64)> {
    vec![
        ("rows read", outcome.sources.iter().map(|s| s.rows).sum()),
        ("mentions", outcome.mentions.len() as u64),
        ("rejected rows", outcome.rejects.len() as u64),
        ("persons", outcome.persons.len() as u64),
        ("decisions", outcome.decisions.len() as u64),
        ("checks", outcome.checks.len() as u64),
    ]
}

fn source_row(s: &crate::model::SourceReport) -> SourceRow {
    SourceRow {
        name: s.name.clone(),
        rows: s.rows,
        accepted: s.accepted,
        rejected: s.rejected,
        error: s.error.clone(),
    }
}

fn persons_by_sources(outcome: &Outcome) -> Vec<(String, u64)> {
    let mut counts: BTreeMap<usize, u64> = BTreeMap::new();
    for p in &outcome.persons {
        let sources: BTreeSet<&str> = p
            .mentions
            .iter()
            .filter_map(|&i| outcome.mentions.get(i))
            .map(|m| m.prov.source.as_str())
            .collect();
        *counts.entry(sources.len()).or_insert(0) += 1;
    }
    labelled(counts)
}

/// The single year a date falls in, when it falls in one.
fn year_of(date: &Norm<DateValue>) -> Option<i32> {
    let d = date.value.as_ref()?;
    (d.earliest.year() == d.latest.year()).then(|| d.earliest.year())
}

fn decisions_by_year(outcome: &Outcome) -> Vec<(String, u64)> {
    let mut counts: BTreeMap<i32, u64> = BTreeMap::new();
    let mut undated = 0;
    for d in &outcome.decisions {
        match d.date.filter(|(from, to)| from.year() == to.year()) {
            Some((from, _)) => *counts.entry(from.year()).or_insert(0) += 1,
            None => undated += 1,
        }
    }
    let mut out = labelled(counts);
    if undated > 0 {
        out.push(("undated".into(), undated));
    }
    out
}

/// Mentions per sentencing organ key (`unknown organ` for a written one without a key).
fn organs(outcome: &Outcome) -> Vec<(String, u64)> {
    let mut counts: BTreeMap<&str, u64> = BTreeMap::new();
    for m in &outcome.mentions {
        match (m.sentencing_organ_key, m.sentencing_organ.trim().is_empty()) {
            (Some(key), _) => *counts.entry(key).or_insert(0) += 1,
            (None, false) => *counts.entry("(unknown organ)").or_insert(0) += 1,
            (None, true) => {}
        }
    }
    let mut sorted: Vec<(String, u64)> = counts
        .into_iter()
        .map(|(k, n)| (k.to_string(), n))
        .collect();
    sorted.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    sorted
}

fn decisions_by_body(outcome: &Outcome) -> Vec<(String, u64)> {
    let mut counts: BTreeMap<&str, u64> = BTreeMap::new();
    for d in &outcome.decisions {
        let body = match d.body_key {
            Some(key) => key,
            None if d.attestations.iter().any(|&i| {
                outcome
                    .mentions
                    .get(i)
                    .is_some_and(|m| !m.deciding_body.trim().is_empty())
            }) =>
            {
                "(unknown body)"
            }
            None => "(not stated)",
        };
        *counts.entry(body).or_insert(0) += 1;
    }
    let mut sorted: Vec<(&str, u64)> = counts.into_iter().collect();
    sorted.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let other: u64 = sorted.iter().skip(TOP_BODIES).map(|(_, n)| n).sum();
    let mut out: Vec<(String, u64)> = sorted
        .into_iter()
        .take(TOP_BODIES)
        .map(|(b, n)| (b.to_string(), n))
        .collect();
    if other > 0 {
        out.push(("other".into(), other));
    }
    out
}

/// Persons per birth-year bin, by the first mention that dates the birth to one year.
fn birth_years(outcome: &Outcome) -> Vec<(String, u64)> {
    let mut counts: BTreeMap<i32, u64> = BTreeMap::new();
    for p in &outcome.persons {
        let year = p
            .mentions
            .iter()
            .filter_map(|&i| outcome.mentions.get(i))
            .find_map(|m| year_of(&m.birth));
        if let Some(y) = year {
            *counts
                .entry(y.div_euclid(BIRTH_BIN) * BIRTH_BIN)
                .or_insert(0) += 1;
        }
    }
    counts
        .into_iter()
        .map(|(from, n)| (format!("{from}–{}", from + BIRTH_BIN - 1), n))
        .collect()
}

fn labelled<K: ToString>(counts: BTreeMap<K, u64>) -> Vec<(String, u64)> {
    counts
        .into_iter()
        .map(|(k, n)| (k.to_string(), n))
        .collect()
}

fn person_rows(outcome: &Outcome, cap: usize) -> Vec<PersonRow> {
    let header = super::super::schema::schema("persons")
        .map(|s| s.header())
        .unwrap_or_default();
    let col = |row: &Row, name: &str| {
        header
            .iter()
            .position(|h| *h == name)
            .and_then(|i| row.get(i))
            .unwrap_or_default()
            .to_string()
    };
    let mut rows = super::super::tables::rows("persons", outcome);
    let mut out = Vec::new();
    for person in outcome.persons.iter().take(cap) {
        let Some(row) = rows.next_row() else { break };
        let (from, to) = (col(row, "birth_earliest"), col(row, "birth_latest"));
        out.push(PersonRow {
            id: person.id.clone(),
            name: col(row, "name"),
            birth: if from == to {
                from
            } else {
                format!("{from} – {to}")
            },
            place: col(row, "birth_place"),
            decisions: col(row, "decisions"),
            mentions: person
                .mentions
                .iter()
                .filter_map(|&i| outcome.mentions.get(i))
                .map(mention_label)
                .collect(),
        });
    }
    out
}

fn mention_label(m: &Mention) -> String {
    format!("{} {}", m.prov.key(), m.name_raw)
}
