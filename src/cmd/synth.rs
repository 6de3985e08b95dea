//! `rehab synth`: writes a synthetic archive and its truth file.

use std::path::PathBuf;
use std::time::Instant;

use anyhow::Context;

use rehab::synth::headers::HeaderSet;
use rehab::synth::{SynthConfig, SynthOptions, generate_with};

/// Arguments of `rehab synth`.
#[derive(Debug, clap::Args)]
#[command(after_help = "Example:
  rehab synth --persons 32258 --seed 1 --output synth    about 100,000 mentions with truth.csv")]
pub struct SynthArgs {
    /// Number of invented persons.
    #[arg(long, default_value_t = 1000)]
    pub persons: u32,
    /// Random seed; the same seed gives the same files.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// Output folder: receives `input/` and `truth.csv`.
    #[arg(long)]
    pub output: PathBuf,
    /// Header wordings: `usual` (each source's own), or `second` (abbreviations, other
    /// wordings, two-row headers and title lines from schemas/synth/headers_second.csv); the
    /// rows and the truth are the same either way.
    #[arg(long, default_value_t = HeaderSet::Usual)]
    pub headers: HeaderSet,
    /// Also write a memory book of names and prose biographical notes
    /// (`input/kniga_pamyati_spravki.csv`) and `notes_truth.csv`, the values each note states;
    /// the other files stay byte-identical.
    #[arg(long)]
    pub memory_book: bool,
    /// Share of persons (0 to 1) whose dates are made impossible on purpose (born after the
    /// arrest, arrested under 14, rehabilitated before the arrest), in every source that
    /// mentions them; `slips.csv` names each such person and the rule that must flag it.
    #[arg(long, default_value_t = 0.0)]
    pub slip_rate: f64,
}

/// Generates the archive and prints rows per source.
pub fn run(args: &SynthArgs) -> anyhow::Result<()> {
    let started = Instant::now();
    let config = SynthConfig {
        persons: args.persons,
        seed: args.seed,
    };
    let options = SynthOptions {
        headers: args.headers,
        memory_book: args.memory_book,
        slip_rate: args.slip_rate,
    };
    let summary = generate_with(&config, &options, &args.output)
        .with_context(|| format!("generating into {}", args.output.display()))?;
    for (source, rows) in &summary.rows {
        println!("{source}\t{rows}");
    }
    println!(
        "{} persons, {} mentions in {:.1}s",
        summary.persons,
        summary.mentions(),
        started.elapsed().as_secs_f64()
    );
    Ok(())
}
