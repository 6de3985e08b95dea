//! `run.json`: what a run read, what it decided, and how long it took.

use crate::ingest::SourceInfo;
use crate::ingest::config::LinkSetting;
use crate::link::{GenericSummary, LinkOptions};
use crate::model::{Outcome, SourceReport};
use serde_json::{Value, json};
use std::time::Duration;

/// Facts about a run that the outcome does not hold.
#[derive(Debug, Clone, Default)]
pub struct RunInfo {
    /// The input folder as given.
    pub input: String,
    /// The configuration file, if any.
    pub config_path: Option<String>,
    /// The configuration as JSON.
    pub config: Value,
    /// When the run started (RFC 3339, UTC).
    pub started: String,
    /// Wall time of the whole run up to writing.
    pub elapsed: Duration,
    /// Wall time of each writing step (`csv`, `sqlite`, `report`; they run at the same time).
    pub emit_timings: Vec<(String, Duration)>,
    /// CPU time of each writing step's own thread (`csv`, `sqlite`, `report`), where the system
    /// tells it: unlike wall time, it does not count waiting for a core or for the other writers.
    pub emit_cpu: Vec<(String, Duration)>,
    /// The process's memory once every output was written, where the system tells it.
    pub emit_memory: Option<crate::memory::Resident>,
    /// The CPU time of every thread of the process from its start until every output was
    /// written, where the system tells it.
    pub emit_process_cpu: Option<Duration>,
    /// The folder of local additions to the tables, if any.
    pub data_dir: Option<String>,
    /// The local tables merged over the built-in ones.
    pub local_tables: Vec<crate::tables::LocalTable>,
}

/// How many changed or removed row keys `run.json` lists at most (the counts are always whole).
pub const MAX_LISTED_ROWS: usize = 100;

/// The `run.json` text.
pub fn run_json(outcome: &Outcome, run: &RunInfo) -> String {
    let rejects: serde_json::Map<String, Value> = outcome
        .rejects_by_reason()
        .into_iter()
        .map(|(reason, n)| (reason.code().to_string(), json!(n)))
        .collect();
    let t = &outcome.timings;
    let stats = outcome.link_stats();
    let doc = json!({
        "tool": "rehab",
        "version": env!("CARGO_PKG_VERSION"),
        "started": run.started,
        "input": run.input,
        "config_path": run.config_path,
        "config": run.config,
        "local_tables": {
            "folder": run.data_dir,
            "files": run.local_tables,
        },
        "sources": outcome.sources.iter().map(source_json).collect::<Vec<_>>(),
        "skipped": outcome.skipped.iter().map(|(name, reason)| json!({
            "name": name,
            "reason": reason,
        })).collect::<Vec<_>>(),
        "totals": {
            "rows": outcome.sources.iter().map(|s| s.rows).sum::<u64>(),
            "mentions": outcome.mentions.len(),
            "rejects": outcome.rejects.len(),
            "persons": outcome.persons.len(),
            "decisions": outcome.decisions.len(),
            "files_unreadable": outcome.sources.iter().filter(|s| s.error.is_some()).count(),
        },
        "rejects_by_reason": rejects,
        "linkage": {
            "blocks": stats.blocks,
            "capped_blocks": stats.capped_blocks,
            "candidate_pairs": stats.candidate_pairs,
            "compared_pairs": stats.compared_pairs,
            "em_iterations": stats.em_iterations,
            "review_pairs": outcome.linkage.review.len(),
            "ambiguous_mentions": outcome.linkage.ambiguous.len(),
            "settings": settings_json(&outcome.link_options),
            "generic": generic_json(&outcome.linkage.generic),
        },
        "keys": keys_json(outcome),
        "checks": crate::checks::counts(&outcome.checks)
            .into_iter()
            .map(|(rule, n)| (rule.id.to_string(), json!(n)))
            .collect::<serde_json::Map<_, _>>(),
        "ids": ids_json(outcome),
        "row_changes": row_changes_json(outcome),
        "timings_seconds": {
            "ingest": secs(t.ingest),
            "normalize": secs(t.normalize),
            "link": secs(t.link),
            "link_steps": outcome.linkage.stats.steps.laps.iter()
                .map(|lap| (lap.name.to_string(), json!(secs(lap.took))))
                .collect::<serde_json::Map<_, _>>(),
            "attach": secs(t.attach),
            "total": secs(run.elapsed),
            "emit": run.emit_timings.iter()
                .map(|(stage, d)| (stage.clone(), json!(secs(*d))))
                .collect::<serde_json::Map<_, _>>(),
            "emit_cpu": run.emit_cpu.iter()
                .map(|(stage, d)| (stage.clone(), json!(secs(*d))))
                .collect::<serde_json::Map<_, _>>(),
        },
        "memory_mib": memory_json(outcome, run),
        "cpu_seconds": cpu_json(outcome, run),
    });
    let mut text = serde_json::to_string_pretty(&doc).unwrap_or_default();
    text.push('\n');
    text
}

/// The process's memory at the end of each stage and step of linking, where the system tells it:
/// `{"read": {"resident": 812, "peak": 840}, "link_steps": {...}, ...}`, keyed by stage.
fn memory_json(outcome: &Outcome, run: &RunInfo) -> Value {
    let entry = |r: &crate::memory::Resident| json!({"resident": r.now_mib, "peak": r.peak_mib});
    let mut out: serde_json::Map<String, Value> = outcome
        .timings
        .memory
        .iter()
        .map(|(stage, r)| (stage.to_string(), entry(r)))
        .collect();
    let steps: serde_json::Map<String, Value> = outcome
        .linkage
        .stats
        .steps
        .laps
        .iter()
        .filter_map(|lap| Some((lap.name.to_string(), entry(lap.memory.as_ref()?))))
        .collect();
    out.insert("link_steps".into(), Value::Object(steps));
    if let Some(r) = &run.emit_memory {
        out.insert("write".into(), entry(r));
    }
    Value::Object(out)
}

/// The CPU time of every thread of the process in each stage and step of linking, where the
/// system tells it: `{"read": 23.1, "link": 45.0, "link_steps": {...}, ...}`. `read` counts
/// from the process's start and `write` from the end of attaching (the checks included).
fn cpu_json(outcome: &Outcome, run: &RunInfo) -> Value {
    let marks = outcome.timings.cpu.iter().copied();
    let ends = marks.chain(run.emit_process_cpu.map(|cpu| ("write", cpu)));
    let mut before = Duration::ZERO;
    let mut out = serde_json::Map::new();
    for (stage, cpu) in ends {
        out.insert(stage.into(), json!(secs(cpu.saturating_sub(before))));
        before = cpu;
    }
    let steps = outcome.linkage.stats.steps.laps.iter();
    let steps: serde_json::Map<String, Value> = steps
        .filter_map(|lap| Some((lap.name.to_string(), json!(secs(lap.cpu?)))))
        .collect();
    out.insert("link_steps".into(), Value::Object(steps));
    Value::Object(out)
}

/// Unknown forms listed per column in `run.json` at most.
const MAX_UNKNOWN_FORMS: usize = 50;

/// Per column given a key from `schemas/bodies.csv`: how many mentions write it, how many got a
/// key, how many did not, and the distinct unknown forms (sorted, the first 50).
fn keys_json(outcome: &Outcome) -> Value {
    type Pick = fn(&crate::model::Mention) -> (&str, Option<&'static str>);
    let columns: [(&str, Pick); 3] = [
        ("sentencing_organ", |m| {
            (&m.sentencing_organ, m.sentencing_organ_key)
        }),
        ("deciding_body", |m| (&m.deciding_body, m.deciding_body_key)),
        ("legal_basis", |m| (&m.legal_basis, m.legal_basis_key)),
    ];
    let mut out = serde_json::Map::new();
    for (name, pick) in columns {
        let (mut written, mut keyed) = (0usize, 0usize);
        let mut unknown = std::collections::BTreeMap::<&str, usize>::new();
        for (raw, key) in outcome.mentions.iter().map(pick) {
            if raw.trim().is_empty() {
                continue;
            }
            written += 1;
            match key {
                Some(_) => keyed += 1,
                None => *unknown.entry(raw.trim()).or_default() += 1,
            }
        }
        out.insert(
            name.to_string(),
            json!({
                "written": written,
                "keyed": keyed,
                "unknown": written - keyed,
                "unknown_forms": unknown.keys().take(MAX_UNKNOWN_FORMS).collect::<Vec<_>>(),
            }),
        );
    }
    Value::Object(out)
}

/// Every linkage setting in force: those a configuration may change, then the fixed sizes of
/// blocking and review.
fn settings_json(opts: &LinkOptions) -> Value {
    let mut settings: serde_json::Map<String, Value> = LinkSetting::ALL
        .into_iter()
        .map(|s| (s.name().to_string(), json!(opts.setting(s))))
        .collect();
    settings.insert("max_block".into(), json!(opts.max_block));
    settings.insert("window".into(), json!(opts.window));
    settings.insert("review_limit".into(), json!(opts.review_limit));
    settings.insert("judgements".into(), json!(opts.judgements.len()));
    Value::Object(settings)
}

/// The generic comparisons the linker made: each column with its kind, the sources holding it,
/// and per level its m (among one person's mentions, as EM learnt it) and u (among random pairs).
fn generic_json(generic: &[GenericSummary]) -> Value {
    generic
        .iter()
        .map(|g| {
            let levels: Vec<Value> = g
                .levels
                .iter()
                .zip(g.m.iter().zip(&g.u))
                .map(|(level, (m, u))| json!({"level": level, "m": m, "u": u}))
                .collect();
            json!({
                "column": g.column,
                "kind": g.kind,
                "sources": g.sources,
                "levels": levels,
            })
        })
        .collect()
}

/// Person-id counts: persons before, and id changes per kind.
fn ids_json(outcome: &Outcome) -> Value {
    let changes: serde_json::Map<String, Value> = outcome
        .ids
        .counts()
        .into_iter()
        .map(|(kind, n)| (kind.code().to_string(), json!(n)))
        .collect();
    json!({
        "previous_persons": outcome.ids.previous_persons,
        "persons": outcome.persons.len(),
        "changes": changes,
        "next_id": outcome.ids.registry.next_id,
    })
}

/// Input rows changed or removed since the last run: counts, and the first keys of each.
pub fn row_changes_json(outcome: &Outcome) -> Value {
    let rows = &outcome.ids.rows;
    let first = |keys: &[String]| {
        keys.iter()
            .take(MAX_LISTED_ROWS)
            .cloned()
            .collect::<Vec<_>>()
    };
    json!({
        "added": rows.added,
        "changed": rows.changed.len(),
        "removed": rows.removed.len(),
        "changed_rows": first(&rows.changed),
        "removed_rows": first(&rows.removed),
    })
}

fn secs(d: Duration) -> f64 {
    (d.as_secs_f64() * 1000.0).round() / 1000.0
}

fn source_json(s: &SourceReport) -> Value {
    let mut v = json!({
        "name": s.name,
        "rows": s.rows,
        "accepted": s.accepted,
        "rejected": s.rejected,
        "error": s.error,
    });
    if let (Some(info), Some(obj)) = (&s.info, v.as_object_mut()) {
        obj.insert("detected".into(), info_json(info));
    }
    v
}

/// What ingest detected about a source, as JSON (also used by `rehab inspect --json`).
pub fn info_json(info: &SourceInfo) -> Value {
    json!({
        "format": info.format,
        "encoding": info.encoding,
        "bom": info.bom,
        "delimiter": info.dialect.map(|d| d.delimiter_name()),
        "sheet": info.sheet,
        "sheets": info.sheets.iter().map(|s| json!({
            "name": s.name,
            "source": s.source,
            "header_row": s.header_row,
            "skipped": s.skipped,
        })).collect::<Vec<_>>(),
        "header_row": info.header_row,
        "language": info.lang.map(|l| l.code()),
        "bytes": info.bytes,
        "sha256": info.sha256,
        "warnings": info.warnings,
        "header_rows": info.header_rows,
        "columns": info.columns.iter().map(column_json).collect::<Vec<_>>(),
    })
}

/// One column's reading with its evidence: the header words matched and the profile of values.
fn column_json(c: &crate::ingest::layout::ColumnMap) -> serde_json::Value {
    let r = &c.reading;
    json!({
        "column": c.col,
        "header": c.header,
        "field": c.field.map(|f| f.name()),
        "confidence": r.confidence.name(),
        "basis": r.basis,
        "header_words": r.words.as_ref().map(|m| json!({
            "phrase": m.phrase,
            "field": m.field.name(),
            "lang": m.lang.map(|l| l.code()),
            "coverage": round2(m.coverage),
            "rival": m.rival.map(|f| f.name()),
        })),
        "values": json!({
            "looked_at": r.profile.values,
            "unique": round2(r.profile.unique),
            "dates": round2(r.profile.dates),
            "years": round2(r.profile.years),
            "places": round2(r.profile.places),
            "names": round2(r.profile.names),
            "nationalities": round2(r.profile.nationalities),
            "sentences": round2(r.profile.sentences),
            "codes": round2(r.profile.codes),
            "median_year": r.profile.median_year,
        }),
    })
}

/// A share rounded to two decimals, so that `run.json` stays readable and stable.
fn round2(x: f32) -> f64 {
    (f64::from(x) * 100.0).round() / 100.0
}
