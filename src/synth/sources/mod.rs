//! The archive layouts a person is rendered into, and the pieces they share.

mod foreign;
mod native;
mod russian;

use std::path::Path;

use chrono::{Datelike, NaiveDate};
use rand::RngExt;
use rand_chacha::ChaCha8Rng;

use super::SynthError;
use super::data::{DatedName, PlaceForms, Tables};
use super::morph;
use super::noise::{self, Noise, chance};
use super::person::{Person, Resolved};
use super::sink::{Cell, DelimitedSink, HeaderBlock, Sink, TextEncoding};

/// One archive source: its file, columns, coverage and how it writes a person.
pub trait Layout {
    /// File name inside the input folder (also the source name).
    fn file_name(&self) -> &'static str;
    /// Share of persons of `culture` that this source mentions.
    fn coverage(&self, culture: &str) -> f64;
    /// The noise level of the source.
    fn noise(&self) -> &Noise;
    /// Largest number of data rows, if the format limits it.
    fn row_cap(&self) -> Option<u64> {
        None
    }
    /// The columns, id column first: a key naming what the column holds (the field names of
    /// `schemas/headers.csv`) and the source's usual header text.
    fn columns(&self) -> &'static [(&'static str, &'static str)];
    /// Title lines the source usually writes above its header.
    fn titles(&self) -> &'static [&'static str] {
        &[]
    }
    /// Creates the file and writes `header` (title lines and header rows).
    fn open(&self, dir: &Path, header: &HeaderBlock) -> Result<Box<dyn Sink>, SynthError>;
    /// One row for `person`, without the id column.
    fn render(
        &self,
        person: &Person,
        names: &Resolved,
        tables: &Tables,
        rng: &mut ChaCha8Rng,
    ) -> Vec<Cell>;
}

/// Creates a layout's delimited file in `dir`, its header block written.
pub fn delimited_sink(
    dir: &Path,
    file: &str,
    delimiter: u8,
    encoding: TextEncoding,
    header: &HeaderBlock,
) -> Result<Box<dyn Sink>, SynthError> {
    let sink = DelimitedSink::create(&dir.join(file), delimiter, encoding, header)?;
    Ok(Box::new(sink))
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

/// All layouts, in a fixed order (the first is the fallback for persons no other source took).
pub fn layouts() -> Vec<Box<dyn Layout>> {
    vec![
        Box::new(russian::MemorialList),
        Box::new(russian::NkvdCards),
        Box::new(foreign::RomanisedRegister),
        Box::new(native::KazakhList),
        Box::new(native::UzbekList),
        Box::new(foreign::EnglishList),
        Box::new(russian::Koi8List),
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
