use clap::{Parser, Subcommand};
use std::process::ExitCode;

/// Links the records of victims of Soviet political repression across archive sources.
#[derive(Parser)]
#[command(name = "rehab", version, after_help = cmd::EXIT_CODES)]
struct Cli {
    #[command(subcommand)]
    command: Command,
    /// Log format: `text` for people, `json` for cron and log collectors.
    #[arg(long, global = true, default_value = "text")]
    log_format: cmd::LogFormat,
    /// Also log each stage's internals (blocking passes, model fit, comparisons); -vv for all.
    #[arg(short, long, global = true, action = clap::ArgAction::Count)]
    verbose: u8,
    /// Log only warnings and errors (no progress, no summary).
    #[arg(short, long, global = true, conflicts_with = "verbose")]
    quiet: bool,
}

#[derive(Subcommand)]
enum Command {
    /// Ingest every source, normalise, link, attach decisions and write validated outputs.
    Run(cmd::run::Args),
    /// Load an output folder into a PostgreSQL schema: new rows inserted, changed ones updated,
    /// removed ones deleted, in one transaction.
    Load(cmd::load::Args),
    /// Show what ingest detects in one file: format, encoding, delimiter, header, columns, rows.
    Inspect(cmd::inspect::Args),
    /// Explain why a person's mentions were linked, and the nearest mention kept apart, as the
    /// last run decided (read from its rehab.sqlite).
    Explain(cmd::explain::Args),
    /// Find persons of the last run by any spelling of a name, birth years, place, source, body.
    Find(cmd::find::Args),
    /// Generate a synthetic archive with a truth file, for measuring linkage.
    Synth(cmd::synth::SynthArgs),
    /// Score a run's mentions.csv against a truth file: pairwise and B-cubed precision and recall.
    Score(cmd::score::ScoreArgs),
    /// Normalise values read one per line from standard input, as CSV on standard output.
    Normalize(cmd::normalize::Args),
    /// Serve the archivist's desk: search, a page per person, review of doubtful pairs.
    Serve(cmd::serve::Args),
}

mod cmd;

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let level = match (cli.quiet, cli.verbose) {
        (true, _) => "warn",
        (false, 0) => "info",
        (false, 1) => "debug",
        _ => "trace",
    };
    cmd::init_logging(cli.log_format, level);
    let result = match &cli.command {
        Command::Run(args) => cmd::run::run(args),
        Command::Load(args) => cmd::load::run(args),
        Command::Inspect(args) => cmd::inspect::run(args),
        Command::Explain(args) => cmd::explain::run(args),
        Command::Find(args) => cmd::find::run(args),
        Command::Synth(args) => cmd::synth::run(args).map(|()| cmd::Status::Success),
        Command::Score(args) => cmd::score::run(args).map(|()| cmd::Status::Success),
        Command::Normalize(args) => cmd::normalize::run(args),
        Command::Serve(args) => cmd::serve::run(args),
    };
    cmd::exit_code(result)
}
