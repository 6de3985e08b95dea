//! Everything a run produced, ready to be written out: the sources read, the mentions and
//! rejects, the persons with their summaries and decisions, the linker's result and the person
//! ids against the previous run.

use super::{Decision, Mention, Person, Reject, RejectReason};
use crate::ingest::SourceInfo;
use crate::link::{LinkConflict, LinkOptions, LinkStats, Linkage};
use crate::memory::Resident;
use crate::state::IdReport;
use crate::summary::Summary;
use std::collections::BTreeMap;
use std::time::Duration;

/// What one source file gave.
#[derive(Debug, Clone)]
pub struct SourceReport {
    /// The file name.
    pub name: String,
    /// What ingest detected; `None` when the file could not be opened.
    pub info: Option<SourceInfo>,
    /// Why the file could not be read, if it could not.
    pub error: Option<String>,
    /// Data rows read.
    pub rows: u64,
    /// Rows accepted as mentions.
    pub accepted: u64,
    /// Rows rejected.
    pub rejected: u64,
}

/// Wall time spent in each stage.
#[derive(Debug, Clone, Default)]
pub struct Timings {
    /// Reading and splitting files into rows (on a thread of its own, beside normalising).
    pub ingest: Duration,
    /// Normalising rows into mentions.
    pub normalize: Duration,
    /// Linking mentions into persons.
    pub link: Duration,
    /// Assigning ids and attaching decisions.
    pub attach: Duration,
    /// The process's memory at the end of each stage (`read`, `link`, `attach`), where the
    /// system tells it.
    pub memory: Vec<(&'static str, Resident)>,
    /// The CPU time of every thread of the process up to the end of each stage, from its start,
    /// where the system tells it.
    pub cpu: Vec<(&'static str, Duration)>,
}

impl Timings {
    /// Notes the process's memory and CPU time so far as stage `stage` ends.
    pub fn note_memory(&mut self, stage: &'static str) {
        if let Some(resident) = Resident::read() {
            self.memory.push((stage, resident));
        }
        if let Some(cpu) = crate::memory::process_cpu() {
            self.cpu.push((stage, cpu));
        }
    }
}

/// Everything a run produced, ready to be written out.
#[derive(Debug, Clone)]
pub struct Outcome {
    /// One report per input file, in file-name order.
    pub sources: Vec<SourceReport>,
    /// Accepted rows, in source and row order.
    pub mentions: Vec<Mention>,
    /// Rejected rows, in source and row order.
    pub rejects: Vec<Reject>,
    /// Persons, sorted by their first mention.
    pub persons: Vec<Person>,
    /// For each mention, the index of its person in `persons`.
    pub person_of: Vec<Option<usize>>,
    /// What each person's mentions say together, in person order.
    pub summaries: Vec<Summary>,
    /// Decisions attached to persons.
    pub decisions: Vec<Decision>,
    /// The archival checks' findings, per person in person order.
    pub checks: Vec<crate::checks::Check>,
    /// The linker's result beyond the clusters: edges, review pairs, counts.
    pub linkage: Linkage,
    /// Time per stage.
    pub timings: Timings,
    /// Person ids against the previous run: the new registry, id changes, changed rows.
    pub ids: IdReport,
    /// The `same` judgements of the links file left out because they would join two mentions
    /// judged `different` (logged as well).
    pub link_conflicts: Vec<LinkConflict>,
    /// The linker's options in force: the defaults with the configuration's settings.
    pub link_options: LinkOptions,
    /// Entries of the input folder not read as sources (folders, hidden files ...), by name,
    /// with the reason.
    pub skipped: Vec<(String, String)>,
}

impl Outcome {
    /// Rejected rows per reason code.
    pub fn rejects_by_reason(&self) -> BTreeMap<RejectReason, u64> {
        let mut counts = BTreeMap::new();
        for r in &self.rejects {
            *counts.entry(r.reason).or_insert(0) += 1;
        }
        counts
    }

    /// The id of the person holding a mention (empty for a mention no person holds).
    pub fn person_id_of(&self, mention: usize) -> &str {
        self.person_of
            .get(mention)
            .copied()
            .flatten()
            .map_or("", |p| self.persons[p].id.as_str())
    }

    /// The decisions of the person at `person` (an index into `persons`): decisions are held in
    /// person order.
    pub fn decisions_of(&self, person: usize) -> &[Decision] {
        let from = self.decisions.partition_point(|d| d.person < person);
        let to = self.decisions.partition_point(|d| d.person <= person);
        &self.decisions[from..to]
    }

    /// The linker's counts.
    pub fn link_stats(&self) -> &LinkStats {
        &self.linkage.stats
    }
}
