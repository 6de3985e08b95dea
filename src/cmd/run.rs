//! `rehab run`: the nightly job.

use super::{RunPaths, Status};
use anyhow::Context;
use rehab::emit::{self, EmitOptions, atomic, runinfo::RunInfo};
use rehab::ingest::config::Config;
use rehab::pipeline::{self, Outcome};
use rehab::state::{Registry, lock::RunLock};
use std::path::{Path, PathBuf};
use std::time::Instant;

/// Changed or removed row keys named in the log at most.
const LOGGED_ROWS: usize = 10;

/// Arguments of `rehab run`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Input, output, configuration and links file.
    #[command(flatten)]
    pub paths: RunPaths,
    /// Exit with code 1 when more than this share of rows is rejected.
    #[arg(long, default_value_t = 0.1)]
    pub max_reject_ratio: f64,
    /// Folder of the person-id registry to continue from [default: OUTPUT/state]; when given, it
    /// is also updated after a successful run (OUTPUT/state always is).
    #[arg(long)]
    pub state: Option<PathBuf>,
    /// Write the spreadsheet-facing reports (id_changes.csv, persons_report.csv) with a UTF-8
    /// byte order mark.
    #[arg(long)]
    pub excel_bom: bool,
    /// Ingest, link and validate, but write nothing (not even the lock).
    #[arg(long)]
    pub dry_run: bool,
}

/// Runs the pipeline and writes the outputs.
pub fn run(args: &Args) -> anyhow::Result<Status> {
    let started = Instant::now();
    let started_at = chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
    let config = args.paths.load_config()?;
    let lock = if args.dry_run {
        None
    } else {
        Some(take_lock(&args.paths.output)?)
    };
    let state_dir = args
        .state
        .clone()
        .unwrap_or_else(|| args.paths.output.join("state"));
    let previous = Registry::load(&state_dir)?;
    let outcome = pipeline::process_with_state(&args.paths.input, &config, &previous)?;
    log_changes(&outcome);
    if args.dry_run {
        emit::validate(&outcome).context("dry run")?;
        log_summary(
            &outcome,
            "dry run, nothing written",
            started.elapsed().as_secs_f64(),
        );
        return Ok(reject_status(&outcome, args.max_reject_ratio));
    }
    let info = RunInfo {
        input: args.paths.input.display().to_string(),
        config_path: args.paths.config.as_ref().map(|p| p.display().to_string()),
        config: config_json(&config),
        started: started_at,
        elapsed: started.elapsed(),
        emit_timings: Vec::new(),
    };
    let opts = EmitOptions {
        excel_bom: args.excel_bom,
    };
    emit::write_outputs_with(&outcome, &args.paths.output, &info, &opts)
        .with_context(|| format!("writing {}", args.paths.output.display()))?;
    if let Some(dir) = &args.state {
        save_external_state(&outcome.ids.registry, dir)?;
    }
    drop(lock);
    let done = format!("→ {}", args.paths.output.display());
    log_summary(&outcome, &done, started.elapsed().as_secs_f64());
    Ok(reject_status(&outcome, args.max_reject_ratio))
}

/// Locks the output folder, then undoes what killed runs left: a half-done swap and staging
/// folders.
fn take_lock(output: &Path) -> anyhow::Result<RunLock> {
    let lock = RunLock::acquire(output)?;
    atomic::recover(output).with_context(|| format!("recovering {}", output.display()))?;
    atomic::clean_stale(output).with_context(|| format!("cleaning beside {}", output.display()))?;
    Ok(lock)
}

/// Replaces a `--state` folder outside the output with the new registry, as a whole.
fn save_external_state(registry: &Registry, dir: &Path) -> anyhow::Result<()> {
    let staging =
        atomic::Staging::new(dir).with_context(|| format!("staging {}", dir.display()))?;
    registry.save(staging.path())?;
    staging
        .commit()
        .with_context(|| format!("replacing {}", dir.display()))
}

fn reject_status(outcome: &Outcome, max_ratio: f64) -> Status {
    let rows: u64 = outcome.sources.iter().map(|s| s.rows).sum();
    let ratio = outcome.rejects.len() as f64 / rows.max(1) as f64;
    if ratio > max_ratio {
        tracing::warn!(
            "{:.1}% of rows were rejected, more than --max-reject-ratio {max_ratio}",
            ratio * 100.0
        );
        return Status::TooManyRejects;
    }
    Status::Success
}

fn config_json(config: &Config) -> serde_json::Value {
    serde_json::json!({
        "links": config.links.as_ref().map(|p| p.display().to_string()),
        "link": {
            "threshold": config.link.threshold,
            "review_low": config.link.review_low,
            "review_high": config.link.review_high,
        },
        "sources": config.sources.keys().collect::<Vec<_>>(),
    })
}

/// Logs input rows that changed or disappeared since the last run, and the id changes.
fn log_changes(outcome: &Outcome) {
    let rows = &outcome.ids.rows;
    for (what, keys) in [("changed", &rows.changed), ("removed", &rows.removed)] {
        if keys.is_empty() {
            continue;
        }
        let first: Vec<&str> = keys.iter().take(LOGGED_ROWS).map(String::as_str).collect();
        let more = keys.len().saturating_sub(LOGGED_ROWS);
        let tail = if more > 0 {
            format!(" and {more} more")
        } else {
            String::new()
        };
        tracing::warn!(
            "{} input rows {what} since the last run: {}{tail}",
            keys.len(),
            first.join(", ")
        );
    }
    let counts: Vec<String> = outcome
        .ids
        .counts()
        .into_iter()
        .map(|(kind, n)| format!("{} {n}", kind.code()))
        .collect();
    if !counts.is_empty() {
        tracing::info!("person ids: {}", counts.join(", "));
    }
}

/// Logs the one-screen summary: rows per source, rejects per reason, persons, decisions, time.
fn log_summary(outcome: &Outcome, done: &str, seconds: f64) {
    let mut lines = vec![format!("run finished in {seconds:.2} s {done}")];
    for s in &outcome.sources {
        lines.push(match &s.error {
            Some(e) => format!("  {:<32} UNREADABLE: {e}", s.name),
            None => format!(
                "  {:<32} {:>8} rows {:>8} accepted {:>6} rejected",
                s.name, s.rows, s.accepted, s.rejected
            ),
        });
    }
    lines.push(format!("  mentions  {}", outcome.mentions.len()));
    lines.push(format!("  rejects   {}", outcome.rejects.len()));
    for (reason, n) in outcome.rejects_by_reason() {
        lines.push(format!("    {:<22} {n}", reason.code()));
    }
    lines.push(format!("  persons   {}", outcome.persons.len()));
    lines.push(format!(
        "  decisions {} linked to persons",
        outcome.decisions.len()
    ));
    let t = &outcome.timings;
    lines.push(format!(
        "  time: ingest {:.2} s, normalize {:.2} s, link {:.2} s, attach {:.2} s",
        t.ingest.as_secs_f64(),
        t.normalize.as_secs_f64(),
        t.link.as_secs_f64(),
        t.attach.as_secs_f64()
    ));
    tracing::info!("{}", lines.join("\n"));
}
