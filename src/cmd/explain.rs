//! `rehab explain PERSON_ID`: why a person's mentions are together, and what was kept apart.

use super::{InputError, RunPaths, Status};
use anyhow::Context;
use rehab::link;
use rehab::pipeline;
use std::collections::BTreeSet;

/// Arguments of `rehab explain`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The person id, as in `persons.csv` of the last run.
    pub person_id: String,
    /// Input, output, configuration and links file of that run.
    #[command(flatten)]
    pub paths: RunPaths,
}

/// Links the input again and explains the cluster that holds the person's mentions.
pub fn run(args: &Args) -> anyhow::Result<Status> {
    let wanted = mention_keys(args)?;
    let config = args.paths.load_config()?;
    let outcome = pipeline::process(&args.paths.input, &config)?;
    let cluster = outcome
        .linkage
        .clusters
        .iter()
        .find(|c| {
            c.iter()
                .any(|&i| wanted.contains(&outcome.mentions[i].prov.key()))
        })
        .with_context(|| {
            format!(
                "the input no longer holds the mentions of {}",
                args.person_id
            )
        })?;
    let now: BTreeSet<String> = cluster
        .iter()
        .map(|&i| outcome.mentions[i].prov.key())
        .collect();
    if now != wanted {
        tracing::warn!("the input changed since the last run: the person's mentions differ");
    }
    println!("person {}", args.person_id);
    print!(
        "{}",
        link::explain(&outcome.mentions, &outcome.linkage, cluster)
    );
    Ok(Status::Success)
}

/// The `source:record_id` keys of the person's mentions in the last run's `mentions.csv`.
fn mention_keys(args: &Args) -> anyhow::Result<BTreeSet<String>> {
    let path = args.paths.output.join("mentions.csv");
    let mut rdr =
        csv::Reader::from_path(&path).with_context(|| format!("reading {}", path.display()))?;
    let headers = rdr.headers()?.clone();
    let col = |name: &str| {
        headers
            .iter()
            .position(|h| h == name)
            .with_context(|| format!("{}: no column {name}", path.display()))
    };
    let (source, record, person) = (col("source")?, col("record_id")?, col("person_id")?);
    let mut keys = BTreeSet::new();
    for rec in rdr.records() {
        let rec = rec?;
        if rec.get(person) == Some(args.person_id.as_str()) {
            keys.insert(format!("{}:{}", &rec[source], &rec[record]));
        }
    }
    if keys.is_empty() {
        return Err(InputError(format!(
            "no person {} in {}",
            args.person_id,
            path.display()
        ))
        .into());
    }
    Ok(keys)
}
