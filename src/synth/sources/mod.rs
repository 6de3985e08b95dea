//! The archive sources a person is rendered into: each a layout (data) and a row writer, and
//! the pieces the writers share.

mod foreign;
mod native;
mod russian;

pub use native::{KAZAKH_LIST, UZBEK_LIST, kazakh_parts, uzbek_cyrillic_parts};

use std::path::Path;

use chrono::{Datelike, NaiveDate};
use rand::RngExt;
use rand_chacha::ChaCha8Rng;

use super::SynthError;
use super::data::{DatedName, PlaceForms, Tables};
use super::morph;
use super::noise::{self, Noise, chance};
use super::particulars::Particulars;
use super::particulars::write::{self as particulars_write, Writing};
use super::person::{Person, Resolved};
use super::sink::{Cell, DelimitedSink, HeaderBlock, Sink, TextEncoding, XlsxSink};

/// Which file a layout writes: delimited text in an encoding, or an XLSX workbook.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Delimited text.
    Delimited {
        /// The field delimiter (`,`, `;`, tab).
        delimiter: u8,
        /// The text encoding.
        encoding: TextEncoding,
    },
    /// An XLSX workbook of one sheet.
    Xlsx,
}

/// The share of persons a source mentions: one share for most cultures, others for some.
#[derive(Debug, Clone, Copy)]
pub struct Coverage {
    /// The share for cultures not listed.
    pub usual: f64,
    /// Cultures with a share of their own.
    pub cultures: &'static [(&'static str, f64)],
}

impl Coverage {
    /// The same share for every culture.
    pub const fn all(share: f64) -> Coverage {
        Coverage {
            usual: share,
            cultures: &[],
        }
    }

    /// The share for `culture`.
    pub fn of(&self, culture: &str) -> f64 {
        self.cultures
            .iter()
            .find(|(key, _)| *key == culture)
            .map_or(self.usual, |(_, share)| *share)
    }
}

/// The shape of one archive source: its file, columns, coverage and noise.
#[derive(Debug, Clone, Copy)]
pub struct Layout {
    /// File name inside the input folder (also the source name).
    pub file_name: &'static str,
    /// Share of persons of each culture that this source mentions.
    pub coverage: Coverage,
    /// The noise level of the source.
    pub noise: Noise,
    /// Largest number of data rows, if the format limits it.
    pub row_cap: Option<u64>,
    /// The columns, id column first: a key naming what the column holds (the field names of
    /// `schemas/headers.csv`, or `workplace`, which no field reads) and the source's usual
    /// header text. Particulars columns come last.
    pub columns: &'static [(&'static str, &'static str)],
    /// Title lines the source usually writes above its header.
    pub titles: &'static [&'static str],
    /// The file format.
    pub format: Format,
    /// How the source writes a person's particulars, in the columns of `columns` that hold
    /// them (address, occupation, place of work; see [`crate::synth::particulars::write`]).
    pub particulars: Writing,
}

impl Layout {
    /// What most layouts share: no titles, no row cap, comma-separated UTF-8; a layout names its
    /// file, coverage, noise and columns and takes the rest from here.
    pub const PLAIN: Layout = Layout {
        file_name: "",
        coverage: Coverage::all(0.0),
        noise: Noise::TYPICAL,
        row_cap: None,
        columns: &[],
        titles: &[],
        format: Format::Delimited {
            delimiter: b',',
            encoding: TextEncoding::Utf8,
        },
        particulars: Writing::RUSSIAN,
    };

    /// Creates the layout's file in `dir` and writes `header` (title lines and header rows).
    pub fn open(&self, dir: &Path, header: &HeaderBlock) -> Result<Box<dyn Sink>, SynthError> {
        let path = dir.join(self.file_name);
        Ok(match self.format {
            Format::Delimited {
                delimiter,
                encoding,
            } => Box::new(DelimitedSink::create(&path, delimiter, encoding, header)?),
            Format::Xlsx => Box::new(XlsxSink::create(&path, header)?),
        })
    }
}

/// One person about to be written by one layout, with the tables the writing draws on.
#[derive(Clone, Copy)]
pub struct Mention<'a, 't> {
    /// The layout writing.
    pub layout: &'a Layout,
    /// The person written.
    pub person: &'a Person,
    /// The person's table entries.
    pub names: &'a Resolved<'t>,
    /// The generator's tables.
    pub tables: &'a Tables,
}

/// Writes one row of a mention, without the id column.
pub type Render = fn(&Mention, &mut ChaCha8Rng) -> Vec<Cell>;

/// One archive source: its layout and how it writes a person.
#[derive(Debug, Clone, Copy)]
pub struct Source {
    /// The layout.
    pub layout: Layout,
    /// The row writer.
    pub render: Render,
}

impl Source {
    /// One row for `person`, without the id column.
    pub fn row(
        &self,
        person: &Person,
        names: &Resolved,
        tables: &Tables,
        rng: &mut ChaCha8Rng,
    ) -> Vec<Cell> {
        (self.render)(&self.mention(person, names, tables), rng)
    }

    /// `person` about to be written by this source.
    fn mention<'a, 't>(
        &'a self,
        person: &'a Person,
        names: &'a Resolved<'t>,
        tables: &'a Tables,
    ) -> Mention<'a, 't> {
        Mention {
            layout: &self.layout,
            person,
            names,
            tables,
        }
    }

    /// The cells of `person`'s particulars this source carries, written from `side` (the
    /// person's own stream, so `rng` and the other cells do not depend on them).
    pub fn particular_cells(
        &self,
        person: &Person,
        names: &Resolved,
        tables: &Tables,
        particulars: &Particulars,
        side: &mut ChaCha8Rng,
    ) -> Vec<Cell> {
        particulars_write::cells(&self.mention(person, names, tables), particulars, side)
    }
}

/// The arrest date as one source wrote it.
fn arrest_as_written(person: &Person, rng: &mut ChaCha8Rng) -> NaiveDate {
    noise::slipped(person.arrest, rng)
}

/// The rehabilitation decision one source records, as it wrote its date.
fn decision_as_written(person: &Person, rng: &mut ChaCha8Rng) -> NaiveDate {
    let date = person.decision_date(rng);
    noise::slipped(date, rng)
}

/// All sources, in a fixed order (the first is the fallback for persons no other source took).
pub fn sources() -> [&'static Source; 7] {
    [
        &russian::MEMORIAL_LIST,
        &russian::NKVD_CARDS,
        &foreign::ROMANISED_REGISTER,
        &native::KAZAKH_LIST,
        &native::UZBEK_LIST,
        &foreign::ENGLISH_LIST,
        &russian::KOI8_LIST,
    ]
}

/// Surname, given name and patronymic of one rendering (any may be empty).
#[derive(Debug, Clone, Default)]
pub struct Parts {
    /// Surname.
    pub surname: String,
    /// Given name.
    pub given: String,
    /// Patronymic (empty when left out).
    pub patronymic: String,
}

impl Parts {
    /// Applies typos, capitals and a dropped patronymic by `noise`.
    pub fn noisy(
        mut self,
        tables: &Tables,
        noise: &Noise,
        alphabet: fn(char) -> bool,
        rng: &mut ChaCha8Rng,
    ) -> Parts {
        self.surname = noise::maybe_typo(tables, self.surname, noise, alphabet, rng);
        self.given = noise::maybe_typo(tables, self.given, noise, alphabet, rng);
        self.patronymic = noise::maybe_typo(tables, self.patronymic, noise, alphabet, rng);
        if chance(rng, noise.no_patronymic) {
            self.patronymic.clear();
        }
        if chance(rng, noise.capitals) {
            self.surname = self.surname.to_uppercase();
        }
        self
    }

    /// Joins the parts into one full-name string: `Фамилия Имя Отчество`, sometimes given name
    /// first, sometimes `ФАМИЛИЯ И. О.`.
    pub fn full(&self, noise: &Noise, rng: &mut ChaCha8Rng) -> String {
        if chance(rng, noise.initials) {
            let initials = [
                noise::initial(&self.given),
                noise::initial(&self.patronymic),
            ];
            return join(&[&self.surname.to_uppercase(), &initials[0], &initials[1]]);
        }
        if chance(rng, noise.swapped) {
            return join(&[&self.given, &self.patronymic, &self.surname]);
        }
        self.plain()
    }

    /// The parts in one string, `Фамилия Имя Отчество`, without noise.
    pub fn plain(&self) -> String {
        join(&[&self.surname, &self.given, &self.patronymic])
    }
}

/// Joins non-empty words with single spaces.
pub fn join(words: &[&str]) -> String {
    let mut out = String::new();
    for word in words.iter().filter(|w| !w.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// The Russian archival forms of a person's names (feminine where needed).
pub fn russian_parts(person: &Person, names: &Resolved) -> Parts {
    let surname = if person.female {
        morph::feminine_surname(&names.surname.ru)
    } else {
        names.surname.ru.clone()
    };
    Parts {
        surname,
        given: names.given.ru.clone(),
        patronymic: morph::russian_patronymic(names.father, person.female),
    }
}

/// The Russian archival forms of a person's names with `layout`'s typos, capitals and dropped
/// patronymics.
pub fn noisy_russian_parts(
    layout: &Layout,
    person: &Person,
    names: &Resolved,
    tables: &Tables,
    rng: &mut ChaCha8Rng,
) -> Parts {
    russian_parts(person, names).noisy(tables, &layout.noise, noise::russian_letter, rng)
}

/// The birth date as this mention gives it, written by `write`; empty when missing.
pub fn written_birth(
    person: &Person,
    noise: &Noise,
    rng: &mut ChaCha8Rng,
    write: impl FnOnce(NaiveDate, &mut ChaCha8Rng) -> String,
) -> String {
    birth_date(person, noise, rng)
        .map(|date| write(date, rng))
        .unwrap_or_default()
}

/// The nationality word in `language` (an index into [`Culture::nationality`]), or nothing with
/// probability `missing`.
///
/// [`Culture::nationality`]: super::data::Culture::nationality
pub fn nationality(names: &Resolved, language: usize, missing: f64, rng: &mut ChaCha8Rng) -> Cell {
    optional(names.culture.nationality[language].clone(), missing, rng)
}

/// The birth date as this mention gives it: missing, exact, or a year off.
pub fn birth_date(person: &Person, noise: &Noise, rng: &mut ChaCha8Rng) -> Option<NaiveDate> {
    if chance(rng, noise.no_birth) {
        return None;
    }
    if chance(rng, noise.year_off) {
        let shift = if rng.random_bool(0.5) { 1 } else { -1 };
        return Some(super::dates::shift_years(person.birth, shift));
    }
    Some(person.birth)
}

/// The Russian name of a place in `year`.
pub fn russian_place_name(place: &PlaceForms, year: i32) -> &str {
    let in_use = |&&(_, from, to): &&DatedName| {
        from.is_none_or(|f| f <= year) && to.is_none_or(|t| year < t)
    };
    place
        .ru_names
        .iter()
        .rev()
        .find(in_use)
        .or(place.ru_names.last())
        .map_or("", |(name, _, _)| name.as_str())
}

/// The Russian birth place as a clerk wrote it: the name at birth or at arrest, maybe `г. ...`.
pub fn russian_birth_place(
    person: &Person,
    names: &Resolved,
    noise: &Noise,
    rng: &mut ChaCha8Rng,
) -> String {
    if chance(rng, noise.no_place) {
        return String::new();
    }
    let year = if rng.random_bool(0.6) {
        person.birth.year()
    } else {
        person.arrest.year()
    };
    let name = russian_place_name(names.place, year);
    if rng.random_bool(0.2) {
        format!("г. {name}")
    } else {
        name.to_string()
    }
}

/// A random pick from a small list of styles.
pub fn style(rng: &mut ChaCha8Rng, count: u32) -> u32 {
    rng.random_range(0..count.max(1))
}

/// A text cell, or nothing with probability `missing`.
pub fn optional(text: String, missing: f64, rng: &mut ChaCha8Rng) -> Cell {
    if chance(rng, missing) {
        Cell::Empty
    } else {
        Cell::text(text)
    }
}
