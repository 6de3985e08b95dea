//! Person ids that survive reruns: each cluster takes the id most of its carried-over mentions had.
//!
//! Rules, applied in cluster order so that the result does not depend on the thread count:
//! - an old id goes to the cluster holding most of its mentions (a tie goes to the earlier
//!   cluster); the other parts of a split get new ids (`split`);
//! - a cluster that wins several old ids keeps the oldest and records the others as aliases
//!   (`merged`);
//! - a cluster without carried-over mentions gets a new id (`new`), minted from the registry's
//!   counter: `P000001`, `P000002` ...;
//! - an old id none of whose mentions remain is `retired`; its rows are remembered, and a row
//!   that comes back with the same content votes for that id again (`returned`), unless the id
//!   was merged away meanwhile. An id still held by a person always wins over a returned one.

use super::registry::{Entry, Registry, age_key};
use crate::model::Mention;
use rayon::prelude::*;
use sha2::{Digest, Sha256};
use std::collections::{BTreeMap, HashSet};
use std::sync::Arc;

/// What happened to a person id in this run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum ChangeKind {
    /// A person seen for the first time.
    New,
    /// `other_id` was merged into `person_id` and is now its alias.
    Merged,
    /// `person_id` was split off the person `other_id`, which keeps its id.
    Split,
    /// No mention of `person_id` remains.
    Retired,
    /// Rows of the retired id `person_id` came back, and the id with them.
    Returned,
}

impl ChangeKind {
    /// The code written to `id_changes.csv`.
    pub fn code(self) -> &'static str {
        match self {
            ChangeKind::New => "new",
            ChangeKind::Merged => "merged",
            ChangeKind::Split => "split",
            ChangeKind::Retired => "retired",
            ChangeKind::Returned => "returned",
        }
    }
}

/// One row of `id_changes.csv`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IdChange {
    /// What happened.
    pub change: ChangeKind,
    /// The id concerned: the new, the kept, or the retired one.
    pub person_id: String,
    /// The other id: the alias of a merge, the origin of a split; empty otherwise.
    pub other_id: String,
    /// Mentions concerned: of the new or split-off person, carried over by the alias, or lost.
    pub mentions: u64,
}

impl IdChange {
    /// The row in the column order of `schemas/id_changes.schema.json`.
    pub fn row(&self) -> Vec<String> {
        vec![
            self.change.code().to_string(),
            self.person_id.clone(),
            self.other_id.clone(),
            self.mentions.to_string(),
        ]
    }
}

/// Input rows that changed since the last run, by `source:record_id`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RowChanges {
    /// Rows whose record id is known but whose content differs.
    pub changed: Vec<String>,
    /// Rows of the last run that are gone (or now rejected).
    pub removed: Vec<String>,
    /// Rows seen for the first time.
    pub added: u64,
}

/// The id side of a run: the new registry, the id changes and the row changes.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct IdReport {
    /// The registry to save for the next run.
    pub registry: Registry,
    /// Id changes, in cluster order, retired ids last.
    pub changes: Vec<IdChange>,
    /// Changed and removed input rows.
    pub rows: RowChanges,
    /// Persons the previous registry knew.
    pub previous_persons: usize,
}

impl IdReport {
    /// Id changes counted per kind.
    pub fn counts(&self) -> BTreeMap<ChangeKind, u64> {
        let mut counts = BTreeMap::new();
        for c in &self.changes {
            *counts.entry(c.change).or_insert(0) += 1;
        }
        counts
    }
}

/// A short hash of the raw values a mention was read from: changes when the row's content does.
/// Written to the registry as 16 hexadecimal digits.
pub fn content_hash(m: &Mention) -> u64 {
    let mut h = Sha256::new();
    let raws = [
        &m.name_raw,
        &m.birth.raw,
        &m.birth_place.raw,
        &m.nationality,
        &m.arrest.raw,
        &m.charge,
        &m.sentencing_organ,
        &m.sentence,
        &m.death.raw,
        &m.decision,
        &m.decision_date.raw,
        &m.deciding_body,
        &m.legal_basis,
        &m.case_number,
    ];
    for raw in raws {
        h.update(raw.as_bytes());
        h.update([0x1f]);
    }
    for (k, v) in &m.extra {
        h.update(k.as_bytes());
        h.update([0x1e]);
        h.update(v.as_bytes());
        h.update([0x1f]);
    }
    let digest = h.finalize();
    let mut first = [0u8; 8];
    first.copy_from_slice(&digest[..8]);
    u64::from_be_bytes(first)
}

/// Gives each cluster its id following the module's rules; returns one id per cluster.
pub fn assign(
    mentions: &[Mention],
    clusters: &[Vec<usize>],
    previous: &Registry,
) -> (Vec<String>, IdReport) {
    let hashes: Vec<u64> = mentions.par_iter().map(content_hash).collect();
    let returning = Returning::new(previous);
    let votes: Vec<Vec<Vote>> = clusters
        .par_iter()
        .map(|members| cluster_votes(mentions, &hashes, members, &returning))
        .collect();
    let winners = winners(&votes);
    let mut registry = Registry {
        entries: BTreeMap::new(),
        aliases: previous.aliases.clone(),
        retired: BTreeMap::new(),
        next_id: previous.next_id.max(1),
    };
    let mut changes = Vec::new();
    let mut ids = Vec::with_capacity(clusters.len());
    for (c, members) in clusters.iter().enumerate() {
        let id = decide(c, members.len() as u64, &votes[c], &winners, &mut registry);
        changes.extend(id.1);
        ids.push(id.0);
    }
    changes.extend(retired(previous, &winners));
    remember_retired(previous, &winners, &mut registry);
    repoint_aliases(&mut registry.aliases);
    let mut entries = Vec::with_capacity(mentions.len());
    for (members, id) in clusters.iter().zip(&ids) {
        let shared: Arc<str> = Arc::from(id.as_str());
        for &i in members {
            let (Some(m), Some(hash)) = (mentions.get(i), hashes.get(i)) else {
                continue;
            };
            let entry = Entry {
                content_hash: *hash,
                person_id: Arc::clone(&shared),
            };
            entries.push((m.prov.source.as_str(), m.prov.record_id.as_str(), entry));
        }
    }
    registry.insert_all(entries);
    let rows = row_changes(mentions, &hashes, previous, &registry);
    let report = IdReport {
        registry,
        changes,
        rows,
        previous_persons: previous.person_count(),
    };
    (ids, report)
}

/// One old id a cluster's mentions carry: how many carry it, and whether it comes back from
/// retirement.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Vote<'a> {
    id: &'a str,
    count: u64,
    returned: bool,
}

/// The previous registry, with the ids it holds, to tell which retired ids may come back.
struct Returning<'a> {
    previous: &'a Registry,
    held: HashSet<&'a str>,
}

impl<'a> Returning<'a> {
    fn new(previous: &'a Registry) -> Self {
        let held = previous
            .iter()
            .map(|(_, _, e)| &*e.person_id)
            .chain(previous.aliases.keys().map(String::as_str))
            .collect();
        Returning { previous, held }
    }

    /// The id a mention had: its entry's, or the retired id of a row that comes back with the
    /// same content while no one holds that id.
    fn id_of(&self, m: &Mention, hash: u64) -> Option<(&'a str, bool)> {
        let (source, record) = (m.prov.source.as_str(), m.prov.record_id.as_str());
        if let Some(entry) = self.previous.get(source, record) {
            return Some((&*entry.person_id, false));
        }
        let gone = self.previous.get_retired(source, record)?;
        let free = gone.content_hash == hash && !self.held.contains(&*gone.person_id);
        free.then_some((&*gone.person_id, true))
    }
}

/// The old ids a cluster's mentions had, with how many mentions had each: ids held last run
/// first, then returned ones, each oldest first.
fn cluster_votes<'a>(
    mentions: &[Mention],
    hashes: &[u64],
    members: &[usize],
    returning: &Returning<'a>,
) -> Vec<Vote<'a>> {
    let mut votes: BTreeMap<(&str, bool), u64> = BTreeMap::new();
    for &i in members {
        let (Some(m), Some(&hash)) = (mentions.get(i), hashes.get(i)) else {
            continue;
        };
        if let Some(key) = returning.id_of(m, hash) {
            *votes.entry(key).or_insert(0) += 1;
        }
    }
    let mut votes: Vec<Vote> = votes
        .into_iter()
        .map(|((id, returned), count)| Vote {
            id,
            count,
            returned,
        })
        .collect();
    votes.sort_by_key(|v| (v.returned, age_key(v.id)));
    votes
}

/// For each old id, the cluster holding most of its mentions (ties: the earlier cluster).
fn winners<'a>(votes: &[Vec<Vote<'a>>]) -> BTreeMap<&'a str, (u64, usize)> {
    let mut best: BTreeMap<&str, (u64, usize)> = BTreeMap::new();
    for (c, cluster) in votes.iter().enumerate() {
        for v in cluster {
            let slot = best.entry(v.id).or_insert((v.count, c));
            if v.count > slot.0 {
                *slot = (v.count, c);
            }
        }
    }
    best
}

/// The id of cluster `c` and the changes it makes.
fn decide(
    c: usize,
    size: u64,
    votes: &[Vote],
    winners: &BTreeMap<&str, (u64, usize)>,
    registry: &mut Registry,
) -> (String, Vec<IdChange>) {
    let won: Vec<&Vote> = votes
        .iter()
        .filter(|v| winners.get(v.id).is_some_and(|w| w.1 == c))
        .collect();
    if let Some(kept) = won.first() {
        let returned = kept
            .returned
            .then(|| change(ChangeKind::Returned, kept.id, "", kept.count));
        let merged = won[1..].iter().map(|alias| {
            registry
                .aliases
                .insert(alias.id.to_string(), kept.id.to_string());
            change(ChangeKind::Merged, kept.id, alias.id, alias.count)
        });
        let changes = returned.into_iter().chain(merged).collect();
        return (kept.id.to_string(), changes);
    }
    let id = registry.mint();
    let origin = votes
        .iter()
        .filter(|v| !v.returned)
        .max_by_key(|v| (v.count, std::cmp::Reverse(age_key(v.id))));
    let kind = match origin {
        Some(origin) => change(ChangeKind::Split, &id, origin.id, size),
        None => change(ChangeKind::New, &id, "", size),
    };
    (id, vec![kind])
}

fn change(kind: ChangeKind, person_id: &str, other_id: &str, mentions: u64) -> IdChange {
    IdChange {
        change: kind,
        person_id: person_id.to_string(),
        other_id: other_id.to_string(),
        mentions,
    }
}

/// Old ids that no cluster won, oldest first, with the mentions they had.
fn retired(previous: &Registry, winners: &BTreeMap<&str, (u64, usize)>) -> Vec<IdChange> {
    let mut lost: BTreeMap<&str, u64> = BTreeMap::new();
    for (_, _, entry) in previous.iter() {
        if !winners.contains_key(&*entry.person_id) {
            *lost.entry(&*entry.person_id).or_insert(0) += 1;
        }
    }
    let mut lost: Vec<(&str, u64)> = lost.into_iter().collect();
    lost.sort_by_key(|&(id, _)| age_key(id));
    lost.into_iter()
        .map(|(id, n)| change(ChangeKind::Retired, id, "", n))
        .collect()
}

/// Remembers the rows of ids retired in this run, and keeps those of ids retired earlier that
/// did not come back.
fn remember_retired(
    previous: &Registry,
    winners: &BTreeMap<&str, (u64, usize)>,
    registry: &mut Registry,
) {
    for (source, record, entry) in previous.iter_retired().chain(previous.iter()) {
        if !winners.contains_key(&*entry.person_id) {
            registry.insert_retired(source, record, entry.clone());
        }
    }
}

/// Makes every alias point at a current id, not at another alias.
fn repoint_aliases(aliases: &mut BTreeMap<String, String>) {
    let snapshot = Registry {
        aliases: aliases.clone(),
        ..Registry::default()
    };
    for target in aliases.values_mut() {
        let resolved = snapshot.resolve(target).to_string();
        *target = resolved;
    }
}

/// Rows whose content changed, rows that are gone (rows of `previous` that `current`, this
/// run's registry of every mention, lacks), and how many rows are new.
fn row_changes(
    mentions: &[Mention],
    hashes: &[u64],
    previous: &Registry,
    current: &Registry,
) -> RowChanges {
    let before = |m: &Mention| previous.get(&m.prov.source, &m.prov.record_id);
    let mut changed: Vec<String> = mentions
        .par_iter()
        .zip(hashes)
        .filter_map(|(m, hash)| (before(m)?.content_hash != *hash).then(|| m.prov.key()))
        .collect();
    changed.par_sort();
    let added = mentions.par_iter().filter(|m| before(m).is_none()).count() as u64;
    let held: Vec<(&str, &str, &Entry)> = previous.iter().collect();
    let removed = held
        .par_iter()
        .filter(|(source, record, _)| current.get(source, record).is_none())
        .map(|(source, record, _)| format!("{source}:{record}"))
        .collect();
    RowChanges {
        changed,
        removed,
        added,
    }
}

#[cfg(test)]
mod tests;
