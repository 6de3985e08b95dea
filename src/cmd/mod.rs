//! The command-line commands, one file each, and what they share: logging and exit codes.

pub mod explain;
pub mod find;
pub mod inspect;
pub mod load;
pub mod normalize;
#[cfg(test)]
mod readme_tests;
pub mod run;
pub mod score;
pub mod serve;
pub mod synth;

use rehab::ingest::config::{Config, ConfigError};
use rehab::pipeline::PipelineError;
use rehab::state::lock::LockError;
use rehab::tables::{LocalTable, TablesError};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// The exit codes, as `--help` shows them.
pub const EXIT_CODES: &str = "Exit codes:
  0  success
  1  finished and wrote the outputs, but rejected rows exceed --max-reject-ratio; or
     stopped before writing (previous outputs kept): a source of the last run is missing,
     unreadable or gave fewer than half its accepted rows (see --allow-shrink)
  2  configuration or input folder error, an output or state folder that overlaps the input
     or holds files rehab did not write, or another run holds the output folder
  3  internal error (writing outputs failed, outputs did not validate, id registry damaged)

With --postgres (run, load): 2 also when the database cannot be reached or refuses the login,
another load holds the schema or a newer rehab made it; 3 when the load itself fails (the
database is left as it was, and a run's outputs are kept).";

/// A request the input cannot answer (an unknown person id, say): exit code 2.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct InputError(pub String);

/// The folders and files of a run, shared by the commands that run or re-run the pipeline.
#[derive(Debug, clap::Args)]
pub struct RunPaths {
    /// Folder of source files; every file in it is a source.
    #[arg(short, long, default_value = "input")]
    pub input: PathBuf,
    /// Output folder; replaced as a whole when a run succeeds.
    #[arg(short, long, default_value = "output")]
    pub output: PathBuf,
    /// TOML configuration with per-source overrides.
    #[arg(short, long)]
    pub config: Option<PathBuf>,
    /// Archivists' links file of `same`/`different` judgements (overrides the configuration's).
    #[arg(short, long)]
    pub links: Option<PathBuf>,
    /// Local additions folder.
    #[command(flatten)]
    pub data: DataDir,
}

/// The folder of local additions to the tables of `schemas/`.
#[derive(Debug, Clone, clap::Args)]
pub struct DataDir {
    /// Folder of local additions to the built-in tables (`headers.csv`, `gazetteer.csv` ...,
    /// same names and header lines as in schemas/); wins over the configuration's `data_dir`.
    #[arg(long = "data-dir", value_name = "DIR")]
    pub data_dir: Option<PathBuf>,
}

impl DataDir {
    /// Reads, checks and puts in force the local additions: the `--data-dir` folder, else the
    /// configuration's `data_dir`, else none; then checks every table in force (a table that
    /// fails is an internal error, exit code 3). Comes before anything loads a table.
    pub fn put_in_force(&self, config: &Config) -> anyhow::Result<&'static [LocalTable]> {
        let dir: Option<&Path> = self.data_dir.as_deref().or(config.data_dir.as_deref());
        let used = rehab::tables::use_local_tables(dir)?;
        rehab::tables::check_all()?;
        for table in used {
            tracing::info!(
                "local table {}: {} lines merged (sha256 {})",
                table.file,
                table.lines,
                table.sha256
            );
        }
        Ok(used)
    }

    /// The folder in force for a configuration, as `run.json` records it.
    pub fn folder(&self, config: &Config) -> Option<PathBuf> {
        self.data_dir.clone().or_else(|| config.data_dir.clone())
    }
}

impl RunPaths {
    /// The configuration file (or defaults), with `--links` applied, and the local additions put
    /// in force.
    pub fn load_config(&self) -> anyhow::Result<Config> {
        let mut config = match &self.config {
            Some(path) => Config::load(path)?,
            None => Config::default(),
        };
        if let Some(links) = &self.links {
            config.links = Some(links.clone());
        }
        self.data.put_in_force(&config)?;
        Ok(config)
    }
}

/// How a command that did its work ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// Everything went well.
    Success,
    /// The run finished but rejected more rows than allowed.
    TooManyRejects,
    /// The run stopped before writing: a source of the last run shrank.
    SourcesShrank,
    /// A search found nothing.
    NothingFound,
}

/// Log output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum LogFormat {
    /// Human-readable lines.
    Text,
    /// One JSON object per line.
    Json,
}

/// Sets up logging to standard error at `level` (`warn` for `-q`, `info`, `debug` for `-v`,
/// `trace`); `RUST_LOG` overrides it.
///
/// Text goes to a terminal with progress bars and spinners for the running stages (none at
/// `warn`); JSON lines, and text written to a file or pipe, never carry progress output.
pub fn init_logging(format: LogFormat, level: &str) {
    use std::io::IsTerminal;
    use tracing_subscriber::layer::SubscriberExt;
    use tracing_subscriber::util::SubscriberInitExt;
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new(level));
    let plain = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()))
        .with_target(false);
    match format {
        LogFormat::Json => plain.json().init(),
        LogFormat::Text if std::io::stderr().is_terminal() && level != "warn" => {
            let bars = tracing_indicatif::IndicatifLayer::new();
            let text = tracing_subscriber::fmt::layer()
                .with_writer(bars.get_stderr_writer())
                .with_target(false)
                .without_time();
            let filter = tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new(level));
            tracing_subscriber::registry()
                .with(filter)
                .with(text)
                .with(bars)
                .init();
        }
        LogFormat::Text => plain.without_time().init(),
    }
}

/// Maps a command's result to the documented exit codes.
pub fn exit_code(result: anyhow::Result<Status>) -> ExitCode {
    match result {
        Ok(Status::Success) => ExitCode::SUCCESS,
        Ok(Status::TooManyRejects | Status::SourcesShrank | Status::NothingFound) => {
            ExitCode::from(1)
        }
        Err(e) => {
            tracing::error!("{e:#}");
            if is_input_error(&e) {
                ExitCode::from(2)
            } else {
                ExitCode::from(3)
            }
        }
    }
}

/// Whether an error is the user's configuration or input folder, not the program.
fn is_input_error(e: &anyhow::Error) -> bool {
    e.chain().any(|cause| {
        cause.is::<ConfigError>()
            || cause.is::<InputError>()
            || cause.is::<rehab::emit::owned::FolderError>()
            || cause.is::<PipelineError>()
            || cause.is::<rehab::ingest::IngestError>()
            || cause.is::<TablesError>()
            || matches!(cause.downcast_ref(), Some(LockError::Busy { .. }))
            || matches!(cause.downcast_ref(), Some(e) if rehab::load::LoadError::is_configuration(e))
    })
}
