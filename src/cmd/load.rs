//! `rehab load`: loads an output folder into a PostgreSQL schema, and what `rehab run` shares of
//! it (`--postgres`, `--schema`, the environment variable and the configuration's `[postgres]`).

use super::Status;
use anyhow::Context;
use rehab::emit::owned;
use rehab::ingest::config::Config;
use rehab::load::{self, LoadReport, LoadRequest};
use rehab::state::lock::RunLock;
use std::path::{Path, PathBuf};
use std::time::Instant;

/// The environment variable that gives the URL when `--postgres` does not.
pub const URL_VARIABLE: &str = "REHAB_POSTGRES_URL";

/// Where to load: the flags shared by `rehab run` and `rehab load`.
#[derive(Debug, Clone, clap::Args)]
pub struct PostgresArgs {
    /// PostgreSQL connection URL (`postgresql://user:password@host:port/db`) to load the outputs
    /// into; else the REHAB_POSTGRES_URL variable, else `[postgres] url` of the configuration.
    #[arg(long, value_name = "URL")]
    pub postgres: Option<String>,
    /// Schema to keep current [default: the configuration's `[postgres] schema`, else rehab].
    #[arg(long, value_name = "NAME")]
    pub schema: Option<String>,
}

/// Arguments of `rehab load`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Output folder of a run to load.
    #[arg(long, default_value = "output")]
    pub output: PathBuf,
    /// Where to load.
    #[command(flatten)]
    pub target: PostgresArgs,
    /// TOML configuration (for its `[postgres]` section).
    #[arg(long)]
    pub config: Option<PathBuf>,
}

/// The URL and schema a load goes to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    /// The connection URL.
    pub url: String,
    /// The schema.
    pub schema: String,
}

impl PostgresArgs {
    /// The target: the flag, else the environment variable, else the configuration; `None`
    /// when none of them gives a URL.
    pub fn target(&self, config: &Config) -> Option<Target> {
        let from_env = std::env::var(URL_VARIABLE).ok().filter(|u| !u.is_empty());
        let url = self
            .postgres
            .clone()
            .or(from_env)
            .or_else(|| config.postgres.url.clone())?;
        let schema = self
            .schema
            .clone()
            .or_else(|| config.postgres.schema.clone())
            .unwrap_or_else(|| load::DEFAULT_SCHEMA.to_string());
        Some(Target { url, schema })
    }
}

/// Runs `rehab load`: locks the output folder as a run does (so no run replaces it meanwhile)
/// and loads it.
pub fn run(args: &Args) -> anyhow::Result<Status> {
    let config = match &args.config {
        Some(path) => Config::load(path)?,
        None => Config::default(),
    };
    let Some(target) = args.target.target(&config) else {
        return Err(super::InputError(format!(
            "no PostgreSQL URL: give --postgres URL, set {URL_VARIABLE}, or write [postgres] url \
             in the configuration"
        ))
        .into());
    };
    if !args.output.is_dir() {
        return Err(
            super::InputError(format!("{}: no such output folder", args.output.display())).into(),
        );
    }
    let output = owned::real_path(&args.output)
        .with_context(|| format!("resolving {}", args.output.display()))?;
    let lock = RunLock::acquire(&output)?;
    load_folder(&output, &target)?;
    drop(lock);
    Ok(Status::Success)
}

/// Loads a folder (whose lock the caller holds) and logs what was written per table.
pub fn load_folder(output: &Path, target: &Target) -> anyhow::Result<LoadReport> {
    let started = Instant::now();
    let request = LoadRequest {
        url: &target.url,
        output,
        schema: &target.schema,
    };
    let report = load::load(&request)?;
    log_report(&report, &target.schema, started.elapsed().as_secs_f64());
    Ok(report)
}

fn log_report(report: &LoadReport, schema: &str, seconds: f64) {
    if !report.steps_applied.is_empty() {
        let steps: Vec<String> = report.steps_applied.iter().map(i32::to_string).collect();
        tracing::info!(
            "schema {schema}: layout steps applied: {}",
            steps.join(", ")
        );
    }
    let mut lines = vec![format!("loaded into schema {schema} in {seconds:.2} s")];
    for t in &report.tables {
        lines.push(format!(
            "  {:<13} {:>9} inserted {:>9} updated {:>9} deleted",
            t.table, t.inserted, t.updated, t.deleted
        ));
    }
    let (inserted, updated, deleted) = report.totals();
    lines.push(format!(
        "  {:<13} {inserted:>9} inserted {updated:>9} updated {deleted:>9} deleted",
        "total"
    ));
    if !report.new_run {
        lines.push("  this run was loaded before; runs unchanged".to_string());
    }
    tracing::info!("{}", lines.join("\n"));
}
