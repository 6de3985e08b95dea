//! `rehab run`: the nightly job.

use super::load::{PostgresArgs, load_folder};
use super::{RunPaths, Status};
use anyhow::Context;
use rehab::emit::{self, EmitOptions, atomic, owned, runinfo::RunInfo};
use rehab::ingest::config::Config;
use rehab::model::Outcome;
use rehab::pipeline;
use rehab::state::{Registry, lock::RunLock, shrink};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Instant;

/// Changed or removed row keys named in the log at most.
const LOGGED_ROWS: usize = 10;

/// Arguments of `rehab run`.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:
  rehab run                               input/ into output/
  rehab run -i archive -o out -l links.csv  with archivists' judgements
  rehab --log-format json run -q            for cron: warnings and errors only, as JSON lines")]
pub struct Args {
    /// Input, output, configuration and links file.
    #[command(flatten)]
    pub paths: RunPaths,
    /// Exit with code 1 when more than this share of rows is rejected (a number from 0 to 1).
    #[arg(long, default_value_t = 0.1, value_parser = reject_ratio)]
    pub max_reject_ratio: f64,
    /// Replace the outputs even though a source of the last run is missing, unreadable or gives
    /// fewer than half its accepted rows (their persons' ids are then retired, and remembered).
    #[arg(long)]
    pub allow_shrink: bool,
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
    /// Also write every scored pair (`a,b,score`: both mentions' `source:record_id` and the
    /// score, log2 odds) to this new file, to calibrate the scores against a truth
    /// (`bench/calibration.sh`). The file must not exist.
    #[arg(long, value_name = "FILE")]
    pub scored_pairs: Option<PathBuf>,
    /// Load the outputs into PostgreSQL after a run that wrote them (see `rehab load`); a
    /// failed load changes the exit code, never the outputs.
    #[command(flatten)]
    pub postgres: PostgresArgs,
}

/// Runs the pipeline and writes the outputs.
pub fn run(args: &Args) -> anyhow::Result<Status> {
    let started = Instant::now();
    let started_at = chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
    let mut config = args.paths.load_config()?;
    config.keep_scored_pairs = args.scored_pairs.is_some();
    if let Some(path) = args.scored_pairs.as_ref().filter(|p| p.exists()) {
        anyhow::bail!(
            "{}: exists; --scored-pairs writes a new file",
            path.display()
        );
    }
    let output = check_folders(args)?;
    let lock = if args.dry_run {
        None
    } else {
        Some(take_lock(&output)?)
    };
    owned::check_owned(&output)?;
    let external_state = match &args.state {
        Some(dir) => Some(real_folder(dir)?),
        None => None,
    };
    if let Some(dir) = &external_state {
        owned::check_state_apart(dir, &output)?;
        owned::check_owned(dir)?;
    }
    let state_dir = external_state
        .clone()
        .unwrap_or_else(|| output.join("state"));
    let previous = Registry::load(&state_dir)?;
    let outcome = pipeline::process_with_state(&args.paths.input, &config, &previous)?;
    let warnings = config_warnings(&config, &outcome);
    log_changes(&outcome);
    let shrunk = shrunk_sources(&previous, &outcome);
    let allow_shrink = args.allow_shrink || config.allow_shrink == Some(true);
    if !shrunk.is_empty() && !allow_shrink {
        refuse_shrink(&shrunk, args.dry_run);
        return Ok(Status::SourcesShrank);
    }
    if args.dry_run {
        emit::validate(&outcome).context("dry run")?;
        log_summary(
            &outcome,
            "dry run, nothing written",
            started.elapsed().as_secs_f64(),
            warnings.len(),
        );
        return Ok(finish(outcome, args.max_reject_ratio));
    }
    let info = RunInfo {
        input: args.paths.input.display().to_string(),
        config_path: args.paths.config.as_ref().map(|p| p.display().to_string()),
        config: config_json(&config, &warnings),
        started: started_at,
        elapsed: started.elapsed(),
        emit_timings: Vec::new(),
        emit_cpu: Vec::new(),
        emit_memory: None,
        emit_process_cpu: None,
        data_dir: args
            .paths
            .data
            .folder(&config)
            .map(|d| d.display().to_string()),
        local_tables: rehab::tables::in_force().to_vec(),
    };
    let opts = EmitOptions {
        excel_bom: args.excel_bom,
    };
    emit::write_outputs_with(&outcome, &output, &info, &opts)
        .with_context(|| format!("writing {}", output.display()))?;
    if let Some(path) = &args.scored_pairs {
        write_scored_pairs(path, &outcome)
            .with_context(|| format!("writing {}", path.display()))?;
    }
    if let Some(dir) = &external_state {
        save_external_state(&outcome.ids.registry, dir)?;
    }
    let done = format!("→ {}", args.paths.output.display());
    log_summary(
        &outcome,
        &done,
        started.elapsed().as_secs_f64(),
        warnings.len(),
    );
    if let Some(target) = args.postgres.target(&config) {
        load_folder(&output, &target).with_context(|| {
            format!(
                "loading {} into PostgreSQL (the outputs are written and kept)",
                args.paths.output.display()
            )
        })?;
    }
    drop(lock);
    Ok(finish(outcome, args.max_reject_ratio))
}

/// The run's status from its outcome, which is then left to the end of the process: the system
/// takes its memory back whole, where freeing a million mentions value by value takes seconds.
fn finish(outcome: Outcome, max_ratio: f64) -> Status {
    let status = reject_status(&outcome, max_ratio);
    std::mem::forget(outcome);
    status
}

/// Writes the scored pairs to a new file (never over an existing one).
fn write_scored_pairs(path: &Path, outcome: &Outcome) -> anyhow::Result<()> {
    let file = std::fs::File::options()
        .write(true)
        .create_new(true)
        .open(path)?;
    let mut out = csv::Writer::from_writer(std::io::BufWriter::new(file));
    out.write_record(["a", "b", "score"])?;
    for &(a, b, score) in &outcome.linkage.scored {
        let key = |i: usize| outcome.mentions[i].prov.key();
        out.write_record([key(a), key(b), format!("{score:.3}")])?;
    }
    out.flush()?;
    Ok(())
}

/// Refuses an output or `--state` folder that is, holds or lies inside the input folder, and
/// returns the output folder's real path (symlinks resolved): the folder the lock and the swap
/// work on, so that two paths to one folder share one lock and a symlink stays a symlink.
fn check_folders(args: &Args) -> anyhow::Result<PathBuf> {
    let input = &args.paths.input;
    owned::check_apart(input, &args.paths.output, "output")?;
    if let Some(dir) = &args.state {
        owned::check_apart(input, dir, "state")?;
    }
    real_folder(&args.paths.output)
}

fn real_folder(folder: &Path) -> anyhow::Result<PathBuf> {
    owned::real_path(folder).with_context(|| format!("resolving {}", folder.display()))
}

/// The sources that shrank since the last run, logged and listed. A workbook's sheets are each a
/// source, counted by the rows that carry their source name.
fn shrunk_sources(previous: &Registry, outcome: &Outcome) -> Vec<shrink::Shrink> {
    let mut accepted: std::collections::HashMap<&str, u64> = std::collections::HashMap::new();
    for m in &outcome.mentions {
        *accepted.entry(m.prov.source.as_str()).or_insert(0) += 1;
    }
    let mut now = Vec::new();
    for s in &outcome.sources {
        let sheets: Vec<&str> = s
            .info
            .iter()
            .flat_map(|info| info.sheets.iter().filter_map(|sh| sh.source.as_deref()))
            .collect();
        if s.error.is_some() || sheets.is_empty() {
            now.push(shrink::SourceCount {
                name: &s.name,
                accepted: s.error.is_none().then_some(s.accepted),
            });
        }
        for name in sheets {
            let accepted = Some(accepted.get(name).copied().unwrap_or(0));
            now.push(shrink::SourceCount { name, accepted });
        }
    }
    shrink::shrunk_sources(previous, &now)
}

/// Says why a run that would retire the persons of shrunk sources writes nothing.
fn refuse_shrink(shrunk: &[shrink::Shrink], dry_run: bool) {
    for s in shrunk {
        tracing::error!("source {s}");
    }
    let kept = if dry_run {
        "dry run"
    } else {
        "nothing written, the previous outputs are kept"
    };
    tracing::error!(
        "{} source(s) of the last run are missing, unreadable or gave fewer than half their \
         accepted rows; their persons' ids would be retired ({kept}). Restore the source, or \
         pass --allow-shrink (or allow_shrink = true in the configuration) if this is intended",
        shrunk.len()
    );
}

/// Configuration that matches nothing in the input (logged as warnings, kept in `run.json`).
fn config_warnings(config: &Config, outcome: &Outcome) -> Vec<String> {
    let headers: BTreeMap<String, Option<Vec<String>>> = outcome
        .sources
        .iter()
        .map(|s| {
            let cols = s
                .info
                .as_ref()
                .map(|info| info.columns.iter().map(|c| c.header.clone()).collect());
            (s.name.clone(), cols)
        })
        .collect();
    let mut warnings = config.unmatched(&headers);
    for w in &warnings {
        tracing::warn!("{w}");
    }
    let links = config.links.as_ref().map(|p| p.display().to_string());
    let links = links.unwrap_or_default();
    let conflicts = outcome.link_conflicts.iter();
    warnings.extend(conflicts.map(|c| format!("{links}: {c}")));
    warnings
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

fn reject_ratio(text: &str) -> Result<f64, String> {
    let ratio: f64 = text.parse().map_err(|e| format!("{text:?}: {e}"))?;
    if !(0.0..=1.0).contains(&ratio) {
        return Err(format!("{text} is not a share from 0 to 1"));
    }
    Ok(ratio)
}

fn config_json(config: &Config, warnings: &[String]) -> serde_json::Value {
    serde_json::json!({
        "links": config.links.as_ref().map(|p| p.display().to_string()),
        "link": config
            .link
            .settings()
            .into_iter()
            .map(|(name, value)| (name.to_string(), serde_json::json!(value)))
            .collect::<serde_json::Map<_, _>>(),
        "sources": config.sources.keys().collect::<Vec<_>>(),
        "allow_shrink": config.allow_shrink,
        "warnings": warnings,
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

/// Logs the one-screen summary in words: rows per source, what was rejected and why, persons,
/// decisions, what is left to judge and what to look at, time.
fn log_summary(outcome: &Outcome, done: &str, seconds: f64, config_warnings: usize) {
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
    let reasons: Vec<String> = outcome
        .rejects_by_reason()
        .into_iter()
        .map(|(reason, n)| format!("{} {n}", reason.code()))
        .collect();
    let why = match reasons.is_empty() {
        true => String::new(),
        false => format!(" ({})", reasons.join(", ")),
    };
    lines.push(format!(
        "  {} read as mentions, {} rejected{why} (rejects.csv)",
        outcome.mentions.len(),
        outcome.rejects.len()
    ));
    let merges = outcome.linkage.edges.len();
    lines.push(format!(
        "  {} persons from {} merges; {} decisions attached to them",
        outcome.persons.len(),
        merges,
        outcome.decisions.len()
    ));
    lines.push(format!(
        "  to judge: {} borderline pairs, {} mentions that fit two persons (review.csv)",
        outcome.linkage.review.len(),
        outcome.linkage.ambiguous.len()
    ));
    lines.push(warnings_line(outcome, config_warnings));
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

/// The summary's line of what to look at: rows read with warnings, the checks' findings by
/// severity, the configuration's warnings.
fn warnings_line(outcome: &Outcome, config_warnings: usize) -> String {
    use rehab::checks::Severity;
    let rows = outcome
        .mentions
        .iter()
        .filter(|m| !m.warnings.is_empty())
        .count();
    let of = |severity: Severity| {
        outcome
            .checks
            .iter()
            .filter(|c| c.rule.severity == severity)
            .count()
    };
    format!(
        "  warnings: {rows} rows read with a warning (mentions.csv); checks found {} errors, {} \
         warnings, {} notes (checks.csv); {config_warnings} configuration warnings",
        of(Severity::Error),
        of(Severity::Warning),
        of(Severity::Note)
    )
}
