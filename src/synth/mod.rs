//! Synthetic archives: invented persons rendered into the layouts real archive lists show, with a
//! truth file naming the person behind every row.
//!
//! Output: `DIR/input/*` (CSV in UTF-8/Windows-1251/KOI8-R, TSV, XLSX) and `DIR/truth.csv`
//! (`source,record_id,person`). The same seed gives byte-identical files. On request a memory
//! book of prose notes is written too (`input/kniga_pamyati_spravki.csv`, with
//! `notes_truth.csv`); it draws from a generator of its own, so the other files stay the same
//! with or without it.
//!
//! # Independence from the normaliser
//!
//! The generator measures the normaliser, so it must not share what it measures: it writes names,
//! romanisations, header wordings, date words, places and noise from its own tables under
//! `schemas/synth/` and its own code, never from `schemas/*.csv` or `crate::normalize` (a
//! rendering both sides took from one table would agree by construction). It shares only plain
//! arithmetic that is not a reading of archives: the Julian calendar
//! ([`crate::normalize::dates::gregorian_to_julian`]). The one call into the normaliser is
//! [`measure`], which reads the generator's renderings of names to measure that reading.

pub mod data;
pub mod dates;
pub mod distinct;
pub mod headers;
pub mod measure;
pub mod morph;
pub mod names;
pub mod noise;
pub mod notes;
pub mod particulars;
pub mod person;
pub mod sink;
pub mod slips;
pub mod sources;
pub mod translit;

use std::fs::{self, File};
use std::io::BufWriter;
use std::path::Path;

use rand::seq::SliceRandom;
use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;

use headers::{HeaderSet, header_block};
use particulars::Particulars;
use person::{Person, PersonMaker};
use sink::{Cell, Sink};
use sources::Source;

/// Errors of the generator.
#[derive(Debug, thiserror::Error)]
pub enum SynthError {
    /// Reading or writing a file failed.
    #[error("i/o: {0}")]
    Io(#[from] std::io::Error),
    /// Writing CSV failed.
    #[error("csv: {0}")]
    Csv(#[from] csv::Error),
    /// Writing XLSX failed.
    #[error("xlsx: {0}")]
    Xlsx(#[from] rust_xlsxwriter::XlsxError),
    /// A data table under `schemas/synth/` is malformed.
    #[error("synth data: {0}")]
    Data(String),
}

/// What to generate.
#[derive(Debug, Clone)]
pub struct SynthConfig {
    /// Number of persons.
    pub persons: u32,
    /// Random seed.
    pub seed: u64,
}

/// Which header wordings, and which optional sources.
#[derive(Debug, Clone, Copy, Default)]
pub struct SynthOptions {
    /// Header wordings.
    pub headers: HeaderSet,
    /// Also write the memory book of prose notes and `notes_truth.csv`.
    pub memory_book: bool,
    /// Share of persons whose dates are made impossible on purpose ([`slips`]); above zero,
    /// `slips.csv` names them and their slips.
    pub slip_rate: f64,
}

/// What was generated.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SynthSummary {
    /// Persons generated.
    pub persons: u32,
    /// Rows written per source file name, in layout order.
    pub rows: Vec<(String, u64)>,
}

impl SynthSummary {
    /// All rows (mentions) written.
    pub fn mentions(&self) -> u64 {
        self.rows.iter().map(|(_, n)| n).sum()
    }
}

/// Rows are shuffled within windows of this many rows, so file order does not follow persons.
pub(crate) const SHUFFLE_WINDOW: usize = 4096;
/// Most sources one person appears in.
const MAX_SOURCES: usize = 5;

/// One open source: layout, file, pending rows.
struct Output {
    source: &'static Source,
    sink: Box<dyn Sink>,
    pending: Vec<(u32, Vec<Cell>)>,
    written: u64,
    taken: u64,
    scale: f64,
}

impl Output {
    fn full(&self) -> bool {
        self.source
            .layout
            .row_cap
            .is_some_and(|cap| self.taken >= cap)
    }

    fn flush(
        &mut self,
        truth: &mut csv::Writer<BufWriter<File>>,
        rng: &mut ChaCha8Rng,
    ) -> Result<(), SynthError> {
        self.pending.shuffle(rng);
        let source = self.source.layout.file_name;
        for (person, cells) in self.pending.drain(..) {
            self.written += 1;
            self.sink.write_row(self.written, &cells)?;
            truth.write_record([source, &self.written.to_string(), &person_label(person)])?;
        }
        Ok(())
    }
}

/// The truth label of a person (`P0000042`).
pub fn person_label(id: u32) -> String {
    format!("P{id:07}")
}

fn open_outputs(input: &Path, persons: u32, set: HeaderSet) -> Result<Vec<Output>, SynthError> {
    sources::sources()
        .into_iter()
        .map(|source| {
            let layout = &source.layout;
            let header = header_block(layout, set)?;
            let expected = f64::from(persons) * layout.coverage.of("") * 1.1;
            let scale = layout
                .row_cap
                .map_or(1.0, |cap| (cap as f64 / expected.max(1.0)).min(1.0));
            Ok(Output {
                sink: layout.open(input, &header)?,
                source,
                pending: Vec::new(),
                written: 0,
                taken: 0,
                scale,
            })
        })
        .collect()
}

/// Picks the sources (indices into `outputs`) that mention a person: at least one, at most five.
fn pick_sources(outputs: &[Output], culture: &str, rng: &mut ChaCha8Rng) -> Vec<usize> {
    let mut chosen: Vec<usize> = (0..outputs.len())
        .filter(|&i| {
            let output = &outputs[i];
            let p = output.source.layout.coverage.of(culture) * output.scale;
            rng.random_bool(p.clamp(0.0, 1.0)) && !output.full()
        })
        .collect();
    if chosen.len() > MAX_SOURCES {
        chosen.shuffle(rng);
        chosen.truncate(MAX_SOURCES);
        chosen.sort_unstable();
    }
    if chosen.is_empty() {
        chosen.push(0);
    }
    chosen
}

fn render_person(
    person: &Person,
    outputs: &mut [Output],
    tables: &data::Tables,
    truth: &mut csv::Writer<BufWriter<File>>,
    rng: &mut ChaCha8Rng,
    seed: u64,
) -> Result<(), SynthError> {
    let Some(names) = person.resolve(tables) else {
        return Err(SynthError::Data(format!(
            "person {} does not fit the tables",
            person.id
        )));
    };
    let mut side = particulars::particulars_stream(seed, person);
    let particulars = Particulars::draw(person, &names, tables, &mut side);
    for index in pick_sources(outputs, &names.culture.key, rng) {
        let output = &mut outputs[index];
        let copies = if noise::chance(rng, output.source.layout.noise.duplicate) {
            2
        } else {
            1
        };
        for _ in 0..copies {
            let mut cells = output.source.row(person, &names, tables, rng);
            cells.extend((output.source).particular_cells(
                person,
                &names,
                tables,
                &particulars,
                &mut side,
            ));
            output.pending.push((person.id, cells));
            output.taken += 1;
        }
        if output.pending.len() >= SHUFFLE_WINDOW {
            output.flush(truth, rng)?;
        }
    }
    Ok(())
}

/// Writes `dir/input/*` and `dir/truth.csv` for `config`, under each layout's usual headers.
pub fn generate(config: &SynthConfig, dir: &Path) -> Result<SynthSummary, SynthError> {
    generate_with_headers(config, HeaderSet::Usual, dir)
}

/// Writes `dir/input/*` and `dir/truth.csv` for `config`, under the header wordings of `set`;
/// the rows, their values and the truth are the same whatever the set.
pub fn generate_with_headers(
    config: &SynthConfig,
    set: HeaderSet,
    dir: &Path,
) -> Result<SynthSummary, SynthError> {
    let options = SynthOptions {
        headers: set,
        ..SynthOptions::default()
    };
    generate_with(config, &options, dir)
}

/// Writes `dir/input/*` and `dir/truth.csv` for `config` as `options` ask; with the memory
/// book, also its file and `dir/notes_truth.csv`. The other sources' files are the same with
/// or without it.
pub fn generate_with(
    config: &SynthConfig,
    options: &SynthOptions,
    dir: &Path,
) -> Result<SynthSummary, SynthError> {
    let set = options.headers;
    let tables = data::tables()?;
    let input = dir.join("input");
    fs::create_dir_all(&input)?;
    let mut truth = csv::Writer::from_writer(BufWriter::new(File::create(dir.join("truth.csv"))?));
    truth.write_record(["source", "record_id", "person"])?;
    let mut rng = ChaCha8Rng::seed_from_u64(config.seed);
    let mut outputs = open_outputs(&input, config.persons, set)?;
    let mut book = if options.memory_book {
        Some(notes::book::BookOutput::open(
            dir,
            &input,
            config.seed,
            set,
        )?)
    } else {
        None
    };
    let mut slips = match options.slip_rate > 0.0 {
        true => {
            let mut w =
                csv::Writer::from_writer(BufWriter::new(File::create(dir.join(slips::FILE_NAME))?));
            w.write_record(["person", "rule"])?;
            Some(w)
        }
        false => None,
    };
    let mut maker = PersonMaker::new();
    for _ in 0..config.persons {
        let mut person = maker.next_person(tables, &mut rng);
        if let Some(slip) = slips::plant(&mut person, options.slip_rate, config.seed)
            && let Some(w) = slips.as_mut()
        {
            w.write_record([person_label(person.id).as_str(), slip.rule()])?;
        }
        render_person(
            &person,
            &mut outputs,
            tables,
            &mut truth,
            &mut rng,
            config.seed,
        )?;
        if let Some(book) = book.as_mut() {
            book.offer(&person, tables, &mut truth)?;
        }
    }
    let mut summary = SynthSummary {
        persons: config.persons,
        rows: Vec::new(),
    };
    for mut output in outputs {
        output.flush(&mut truth, &mut rng)?;
        summary
            .rows
            .push((output.source.layout.file_name.to_string(), output.written));
        output.sink.finish()?;
    }
    if let Some(book) = book {
        let rows = book.finish(&mut truth)?;
        summary
            .rows
            .push((notes::book::FILE_NAME.to_string(), rows));
    }
    truth.flush()?;
    if let Some(mut w) = slips {
        w.flush()?;
    }
    Ok(summary)
}

#[cfg(test)]
mod tests;
