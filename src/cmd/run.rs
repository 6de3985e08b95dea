//! `rehab run`: the nightly job.

use super::Status;
use anyhow::Context;
use rehab::emit::{self, runinfo::RunInfo};
use rehab::ingest::config::Config;
use rehab::pipeline::{self, Outcome};
use std::path::PathBuf;
use std::time::Instant;

/// Arguments of `rehab run`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Folder of source files; every file in it is a source.
    #[arg(long, default_value = "input")]
    pub input: PathBuf,
    /// Output folder; replaced as a whole when the run succeeds.
    #[arg(long, default_value = "output")]
    pub output: PathBuf,
    /// TOML configuration with per-source overrides.
    #[arg(long)]
    pub config: Option<PathBuf>,
    /// Archivists' links file of `same`/`different` judgements (overrides the configuration's).
    #[arg(long)]
    pub links: Option<PathBuf>,
    /// Exit with code 1 when more than this share of rows is rejected.
    #[arg(long, default_value_t = 0.1)]
    pub max_reject_ratio: f64,
}

/// Runs the pipeline and writes the outputs.
pub fn run(args: &Args) -> anyhow::Result<Status> {
    let started = Instant::now();
    let started_at = chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
    let mut config = match &args.config {
        Some(path) => Config::load(path)?,
        None => Config::default(),
    };
    if let Some(links) = &args.links {
        config.links = Some(links.clone());
    }
    let outcome = pipeline::process(&args.input, &config)?;
    let info = RunInfo {
        input: args.input.display().to_string(),
        config_path: args.config.as_ref().map(|p| p.display().to_string()),
        config: config_json(&config),
        started: started_at,
        elapsed: started.elapsed(),
    };
    emit::write_outputs(&outcome, &args.output, &info)
        .with_context(|| format!("writing {}", args.output.display()))?;
    log_summary(&outcome, args, started.elapsed().as_secs_f64());
    let rows: u64 = outcome.sources.iter().map(|s| s.rows).sum();
    let ratio = outcome.rejects.len() as f64 / rows.max(1) as f64;
    if ratio > args.max_reject_ratio {
        tracing::warn!(
            "{:.1}% of rows were rejected, more than --max-reject-ratio {}",
            ratio * 100.0,
            args.max_reject_ratio
        );
        return Ok(Status::TooManyRejects);
    }
    Ok(Status::Success)
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

/// Logs the one-screen summary: rows per source, rejects per reason, persons, decisions, time.
fn log_summary(outcome: &Outcome, args: &Args, seconds: f64) {
    let mut lines = vec![format!(
        "run finished in {seconds:.2} s → {}",
        args.output.display()
    )];
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
