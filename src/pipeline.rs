//! The whole pipeline as a library call: input folder → mentions, rejects, persons, decisions.

use crate::attach;
use crate::ingest::{self, config::Config};
use crate::link::{self, LinkOptions};
use crate::model::{Mention, Outcome, Reject, SourceReport, Timings};
use crate::normalize::Normalizer;
use crate::state::Registry;
use crate::summary;
use rayon::prelude::*;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};
use tracing_indicatif::span_ext::IndicatifSpanExt;

/// Rows normalised together in parallel.
const CHUNK_ROWS: usize = 16_384;

/// Input bytes per mention at which room for the mentions is reserved before reading: fewer
/// than most sources spend on a row, so that a million rows are not moved again and again as
/// their vector grows.
const INPUT_BYTES_PER_MENTION: u64 = 64;

/// Why a run could not start.
#[derive(Debug, thiserror::Error)]
pub enum PipelineError {
    /// The input folder cannot be listed.
    #[error("{path}: cannot read the input folder: {source}")]
    InputFolder {
        /// The folder.
        path: PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
    /// The links file cannot be read.
    #[error(transparent)]
    Links(#[from] link::LinkError),
}

/// Runs ingest, normalisation, linkage and attachment over every file of `input`, as a first
/// run (no previous person ids).
pub fn process(input: &Path, config: &Config) -> Result<Outcome, PipelineError> {
    process_with_state(input, config, &Registry::default())
}

/// Runs the pipeline over every file of `input`, keeping the person ids of `previous`.
pub fn process_with_state(
    input: &Path,
    config: &Config,
    previous: &Registry,
) -> Result<Outcome, PipelineError> {
    let listing = ingest::list_sources(input).map_err(|source| PipelineError::InputFolder {
        path: input.to_path_buf(),
        source,
    })?;
    let (opts, conflicts) = link_options(config)?;
    let mut timings = Timings::default();
    let mut collected = Collected::default();
    collected.reserve_for(&listing.files);
    let normalizer = Normalizer::new();
    let progress = reading_progress(&listing.files);
    let entered = progress.enter();
    for path in &listing.files {
        let report = read_source(
            path,
            config,
            &normalizer,
            (&mut collected, &mut timings),
            &progress,
        );
        collected.sources.push(report);
        let bytes = std::fs::metadata(path).map_or(0, |m| m.len());
        progress.pb_inc(bytes);
    }
    drop(entered);
    timings.note_memory("read");
    let started = Instant::now();
    let linkage = tracing::info_span!("link").in_scope(|| link::link(&collected.mentions, &opts));
    timings.link = started.elapsed();
    timings.note_memory("link");
    let started = Instant::now();
    let _span = tracing::info_span!("attach").entered();
    let (persons, ids) =
        attach::assign_person_ids(&collected.mentions, &linkage.clusters, previous);
    let person_of = crate::model::person_of_mentions(&persons, collected.mentions.len());
    let decisions = attach::attach_decisions(&collected.mentions, &persons);
    let summaries = summary::summarize_all(&collected.mentions, &persons);
    timings.attach = started.elapsed();
    timings.note_memory("attach");
    let mut outcome = Outcome {
        sources: collected.sources,
        mentions: collected.mentions,
        rejects: collected.rejects,
        persons,
        person_of,
        summaries,
        decisions,
        linkage,
        timings,
        ids,
        link_conflicts: conflicts,
        skipped: listing.skipped,
        link_options: opts,
        checks: Vec::new(),
    };
    outcome.checks = crate::checks::run(&outcome);
    Ok(outcome)
}

/// The linker options a configuration asks for, with the judgements loaded, and the `same`
/// judgements left out because they would join two mentions judged `different` (each logged).
pub fn link_options(
    config: &Config,
) -> Result<(LinkOptions, Vec<link::LinkConflict>), PipelineError> {
    let mut opts = LinkOptions::default().overridden(&config.link);
    opts.keep_scored = config.keep_scored_pairs;
    opts.compare = config.compared_columns();
    let mut conflicts = Vec::new();
    if let Some(path) = &config.links {
        let (kept, dropped) = link::drop_conflicts(link::load_judgements(path)?);
        for c in &dropped {
            tracing::warn!("{}: {c}", path.display());
        }
        opts.judgements = kept;
        conflicts = dropped;
    }
    Ok((opts, conflicts))
}

/// The span of reading every source, drawn on a terminal as a bar of the bytes read of all the
/// input files with the rows read so far and the time left (and not at all in a log).
fn reading_progress(files: &[PathBuf]) -> tracing::Span {
    let span = tracing::info_span!("reading");
    let template = "{span_child_prefix}reading {msg} [{wide_bar}] {binary_bytes}/{binary_total_bytes}, \
                    {elapsed} so far, {eta} left";
    if let Ok(style) = indicatif::ProgressStyle::with_template(template) {
        span.pb_set_style(&style);
    }
    let total = files
        .iter()
        .filter_map(|p| std::fs::metadata(p).ok())
        .map(|m| m.len())
        .sum();
    span.pb_set_length(total);
    span
}

#[derive(Default)]
struct Collected {
    sources: Vec<SourceReport>,
    mentions: Vec<Mention>,
    rejects: Vec<Reject>,
}

impl Collected {
    /// Reserves room for the mentions of `files` at [`INPUT_BYTES_PER_MENTION`]. Room that no
    /// row fills is never touched, so it holds address space rather than memory; a reservation
    /// the system refuses is not made, and the vector grows as rows come.
    fn reserve_for(&mut self, files: &[PathBuf]) {
        let bytes: u64 = files
            .iter()
            .filter_map(|path| std::fs::metadata(path).ok())
            .map(|meta| meta.len())
            .sum();
        let rows = usize::try_from(bytes / INPUT_BYTES_PER_MENTION).unwrap_or(usize::MAX);
        if let Err(e) = self.mentions.try_reserve_exact(rows) {
            tracing::debug!(rows, "no room reserved for the mentions: {e}");
        }
    }
}

/// Reads and normalises one source into `out`, its times into `timings`, the rows read so far
/// shown beside the reading bar of `progress`.
fn read_source(
    path: &Path,
    config: &Config,
    normalizer: &Normalizer,
    (out, timings): (&mut Collected, &mut Timings),
    progress: &tracing::Span,
) -> SourceReport {
    let name = ingest::source_name(path);
    let _span = tracing::info_span!("read", source = %name).entered();
    let mut report = SourceReport {
        name: name.clone(),
        info: None,
        error: None,
        rows: 0,
        accepted: 0,
        rejected: 0,
    };
    let started = Instant::now();
    let source = match ingest::open(path, &config.source(&name)) {
        Ok(source) => source,
        Err(e) => {
            tracing::error!("{e}");
            report.error = Some(e.to_string());
            timings.ingest += started.elapsed();
            return report;
        }
    };
    timings.ingest += started.elapsed();
    report.info = Some(source.info.clone());
    let mut rows = source.rows;
    let mut normalized = Vec::with_capacity(CHUNK_ROWS);
    read_ahead(&mut rows, |chunk, took| {
        timings.ingest += took;
        let started = Instant::now();
        chunk
            .into_par_iter()
            .map(|row| row.and_then(|rec| normalizer.record(&rec)))
            .collect_into_vec(&mut normalized);
        timings.normalize += started.elapsed();
        let read = out.mentions.len() + out.rejects.len() + normalized.len();
        progress.pb_set_message(&format!("{name}: {read} rows"));
        for outcome in normalized.drain(..) {
            report.rows += 1;
            match outcome {
                Ok(m) => {
                    report.accepted += 1;
                    out.mentions.push(m);
                }
                Err(r) => {
                    report.rejected += 1;
                    out.rejects.push(r);
                }
            }
        }
    });
    if report.rows == 0 {
        tracing::warn!("{name}: header found but no data rows");
    }
    report
}

/// Calls `each` with the items of `rows` in chunks of [`CHUNK_ROWS`], in order, and the time
/// reading each chunk took, the last chunk empty. A second thread reads the next chunk while
/// `each` works on the one before, so reading a file and normalising its rows overlap; a panic
/// of either goes on in the caller.
fn read_ahead<T: Send>(
    rows: &mut (dyn Iterator<Item = T> + Send),
    mut each: impl FnMut(Vec<T>, Duration),
) {
    std::thread::scope(|s| {
        let (chunks, received) = std::sync::mpsc::sync_channel(1);
        let reader = s.spawn(move || {
            loop {
                let started = Instant::now();
                let chunk: Vec<T> = (&mut *rows).take(CHUNK_ROWS).collect();
                let last = chunk.is_empty();
                if chunks.send((chunk, started.elapsed())).is_err() || last {
                    break;
                }
            }
        });
        for (chunk, took) in received {
            each(chunk, took);
        }
        reader
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chunks_read_ahead_come_in_order_and_end_with_an_empty_one() {
        let mut rows = 0..(2 * CHUNK_ROWS + 5);
        let mut seen = Vec::new();
        let mut sizes = Vec::new();
        read_ahead(&mut rows, |chunk, _| {
            sizes.push(chunk.len());
            seen.extend(chunk);
        });
        assert_eq!(sizes, [CHUNK_ROWS, CHUNK_ROWS, 5, 0]);
        assert!(seen.into_iter().eq(0..(2 * CHUNK_ROWS + 5)));
    }

    #[test]
    fn a_panic_of_the_reading_thread_goes_on_in_the_caller() {
        let mut rows = (0..3).map(|i| if i == 2 { panic!("unreadable") } else { i });
        let caught = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            read_ahead(&mut rows, |_, _| {});
        }));
        assert!(caught.is_err());
    }
}
