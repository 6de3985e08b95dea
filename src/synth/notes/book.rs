//! The memory book: a UTF-8 CSV of record number, full name and biographical note, written
//! beside the other sources with a generator of its own, and `notes_truth.csv`.

use std::fs::File;
use std::io::BufWriter;
use std::path::Path;

use rand::SeedableRng;
use rand::seq::SliceRandom;
use rand_chacha::ChaCha8Rng;

use super::facts::Facts;
use super::render::{Note, note};
use super::{NoteTables, note_tables};
use crate::synth::data::Tables;
use crate::synth::headers::{HeaderSet, header_block};
use crate::synth::noise::{Noise, chance};
use crate::synth::person::{Person, Resolved};
use crate::synth::sink::{Cell, Sink};
use crate::synth::sources::{Coverage, Layout, noisy_russian_parts};
use crate::synth::{SHUFFLE_WINDOW, SynthError, person_label};

/// File name of the memory book in `input/`.
pub const FILE_NAME: &str = "kniga_pamyati_spravki.csv";
/// File name of the notes' truth beside `truth.csv`.
pub const NOTES_TRUTH: &str = "notes_truth.csv";
/// Share of persons the memory book mentions.
const COVERAGE: f64 = 0.5;
/// Mixed into the seed for the memory book's own generator.
const STREAM: u64 = 0x6B6E_6967_615F_7061;

/// The memory book's layout: UTF-8, comma-separated, three columns.
pub const LAYOUT: Layout = Layout {
    file_name: FILE_NAME,
    coverage: Coverage::all(COVERAGE),
    noise: Noise {
        initials: 0.04,
        ..Noise::TYPICAL
    },
    columns: &[
        ("record_id", "№"),
        ("full_name", "ФИО"),
        ("notes", "Биографическая справка"),
    ],
    ..Layout::PLAIN
};

/// A memory book of names and prose notes (`№`, `ФИО`, `Биографическая справка`).
pub struct MemoryBook;

impl MemoryBook {
    /// A row for `person` and the truth of its note.
    pub fn row(
        &self,
        person: &Person,
        names: &Resolved,
        facts: &Facts,
        tables: &Tables,
        notes: &NoteTables,
        rng: &mut ChaCha8Rng,
    ) -> (Vec<Cell>, Note) {
        let noise = &LAYOUT.noise;
        let parts = noisy_russian_parts(&LAYOUT, person, names, tables, rng);
        let name = parts.full(noise, rng);
        let note = note(person, names, facts, tables, notes, noise, rng);
        (vec![Cell::text(name), Cell::text(note.text.clone())], note)
    }
}

/// The open memory book: its file, `notes_truth.csv`, its generator and pending rows.
pub struct BookOutput {
    book: MemoryBook,
    sink: Box<dyn Sink>,
    notes_truth: csv::Writer<BufWriter<File>>,
    notes: &'static NoteTables,
    rng: ChaCha8Rng,
    seed: u64,
    pending: Vec<(u32, Vec<Cell>, Note)>,
    written: u64,
}

impl BookOutput {
    /// Opens `input/<FILE_NAME>` under `set`'s header and `dir/notes_truth.csv`.
    pub fn open(dir: &Path, input: &Path, seed: u64, set: HeaderSet) -> Result<Self, SynthError> {
        let book = MemoryBook;
        let header = header_block(&LAYOUT, set)?;
        let mut notes_truth =
            csv::Writer::from_writer(BufWriter::new(File::create(dir.join(NOTES_TRUTH))?));
        notes_truth.write_record(["source", "record_id", "kind", "value"])?;
        Ok(BookOutput {
            sink: LAYOUT.open(input, &header)?,
            book,
            notes_truth,
            notes: note_tables()?,
            rng: ChaCha8Rng::seed_from_u64(seed ^ STREAM),
            seed,
            pending: Vec::new(),
            written: 0,
        })
    }

    /// Mentions `person` (maybe twice) with the book's coverage.
    pub fn offer(
        &mut self,
        person: &Person,
        tables: &Tables,
        truth: &mut csv::Writer<BufWriter<File>>,
    ) -> Result<(), SynthError> {
        if !chance(&mut self.rng, COVERAGE) {
            return Ok(());
        }
        let Some(names) = person.resolve(tables) else {
            return Err(SynthError::Data(format!(
                "person {} does not fit the tables",
                person.id
            )));
        };
        let facts = Facts::of(self.seed, person, &names, tables, self.notes);
        let copies = if chance(&mut self.rng, LAYOUT.noise.duplicate) {
            2
        } else {
            1
        };
        for _ in 0..copies {
            let (cells, note) =
                (self.book).row(person, &names, &facts, tables, self.notes, &mut self.rng);
            self.pending.push((person.id, cells, note));
        }
        if self.pending.len() >= SHUFFLE_WINDOW {
            self.flush(truth)?;
        }
        Ok(())
    }

    /// Writes the pending rows in shuffled order, with their truth and notes' truth.
    pub fn flush(&mut self, truth: &mut csv::Writer<BufWriter<File>>) -> Result<(), SynthError> {
        self.pending.shuffle(&mut self.rng);
        for (person, cells, note) in self.pending.drain(..) {
            self.written += 1;
            let id = self.written.to_string();
            self.sink.write_row(self.written, &cells)?;
            truth.write_record([FILE_NAME, &id, &person_label(person)])?;
            for (kind, value) in &note.states {
                self.notes_truth
                    .write_record([FILE_NAME, &id, kind, value])?;
            }
        }
        Ok(())
    }

    /// Flushes the rest, closes the files and returns the rows written.
    pub fn finish(mut self, truth: &mut csv::Writer<BufWriter<File>>) -> Result<u64, SynthError> {
        self.flush(truth)?;
        self.notes_truth.flush()?;
        self.sink.finish()?;
        Ok(self.written)
    }
}
