//! `rehab score`: compares `mentions.csv` (person_id per mention) with a truth file.

use std::path::{Path, PathBuf};

use anyhow::{Context, bail};

use rehab::score::{Scores, canonical_record_id, score};

/// Arguments of `rehab score`.
#[derive(Debug, clap::Args)]
#[command(after_help = "Example:
  rehab score --mentions output/mentions.csv --truth synth/truth.csv")]
pub struct ScoreArgs {
    /// Truth file with columns `source,record_id,person`.
    #[arg(long)]
    pub truth: PathBuf,
    /// Mentions file with columns `source`, `record_id`, `person_id` (others ignored).
    #[arg(long)]
    pub mentions: PathBuf,
    /// Print JSON instead of a table.
    #[arg(long)]
    pub json: bool,
}

/// Reads `(source:record_id, label)` from `path`, locating the columns by header name.
fn read_keyed(path: &Path, label_column: &str) -> anyhow::Result<Vec<(String, String)>> {
    let mut reader =
        csv::Reader::from_path(path).with_context(|| format!("opening {}", path.display()))?;
    let headers = reader.headers()?.clone();
    let column = |name: &str| -> anyhow::Result<usize> {
        match headers
            .iter()
            .position(|h| h.trim_start_matches('\u{feff}') == name)
        {
            Some(index) => Ok(index),
            None => bail!("{}: no column {name:?}", path.display()),
        }
    };
    let (source, record, label) = (
        column("source")?,
        column("record_id")?,
        column(label_column)?,
    );
    let mut rows = Vec::new();
    for (line, record_result) in reader.records().enumerate() {
        let row = record_result.with_context(|| format!("{}: row {}", path.display(), line + 2))?;
        let field = |i: usize| row.get(i).unwrap_or("");
        let key = format!("{}:{}", field(source), canonical_record_id(field(record)));
        rows.push((key, field(label).to_string()));
    }
    Ok(rows)
}

fn print_table(s: &Scores) {
    println!("| metric | precision | recall | F1 |");
    println!("|---|---|---|---|");
    for (name, prf) in [("pairwise", &s.pairwise), ("B-cubed", &s.bcubed)] {
        println!(
            "| {name} | {:.4} | {:.4} | {:.4} |",
            prf.precision, prf.recall, prf.f1
        );
    }
    println!();
    println!("mentions scored: {}", s.scored);
    println!(
        "pairs: true {}, predicted {}, correct {}",
        s.true_pairs, s.predicted_pairs, s.correct_pairs
    );
    println!(
        "truth rows missing from mentions: {}",
        s.missing_from_predicted
    );
    println!("mentions missing from truth: {}", s.missing_from_truth);
    println!("duplicate keys: {}", s.duplicate_keys);
}

/// Scores the mentions against the truth and prints the result.
pub fn run(args: &ScoreArgs) -> anyhow::Result<()> {
    let truth = read_keyed(&args.truth, "person")?;
    let predicted = read_keyed(&args.mentions, "person_id")?;
    let scores = score(&truth, &predicted);
    if args.json {
        println!("{}", serde_json::to_string_pretty(&scores)?);
    } else {
        print_table(&scores);
    }
    Ok(())
}
