//! The `rehab` command line.

mod cmd;

use clap::{Parser, Subcommand};

/// Links the records of victims of Soviet political repression across archives.
#[derive(Debug, Parser)]
#[command(name = "rehab", version)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Generate a synthetic archive with a truth file.
    Synth(cmd::synth::SynthArgs),
    /// Score a linking result against a truth file.
    Score(cmd::score::ScoreArgs),
}

fn main() -> anyhow::Result<()> {
    match Cli::parse().command {
        Command::Synth(args) => cmd::synth::run(&args),
        Command::Score(args) => cmd::score::run(&args),
    }
}
