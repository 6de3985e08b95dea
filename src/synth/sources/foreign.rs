//! Romanised sources: an XLSX register compiled from foreign publications and an English list.

use std::path::Path;

use chrono::{Datelike, NaiveDate};
use rand::RngExt;
use rand_chacha::ChaCha8Rng;

use super::{
    Layout, Parts, arrest_as_written, birth_date, decision_as_written, delimited_sink, join,
    optional, russian_parts, russian_place_name, style,
};
use crate::synth::SynthError;
use crate::synth::data::Tables;
use crate::synth::dates;
use crate::synth::morph;
use crate::synth::noise::{self, Noise, chance};
use crate::synth::person::{Person, Resolved};
use crate::synth::sink::{Cell, HeaderBlock, Sink, TextEncoding, XlsxSink};
use crate::synth::translit::{self, Scheme};

/// Largest number of rows written to the XLSX register.
pub const XLSX_ROW_CAP: u64 = 50_000;

/// Cyrillic name parts as a foreign compiler found them: Russian forms, or for Central Asians
/// sometimes the native forms (`Шоқай` rather than `Шокаев`).
fn source_parts(person: &Person, names: &Resolved, rng: &mut ChaCha8Rng) -> Parts {
    let mut parts = russian_parts(person, names);
    if names.culture.key != "russian" && rng.random_bool(0.25) {
        parts.surname = names.surname.native.clone();
        if person.female {
            parts.surname = morph::feminine_surname(&parts.surname);
        }
        parts.given = names.given.native.clone();
    }
    parts
}

fn romanised(parts: &Parts, tables: &Tables, scheme: Scheme) -> Parts {
    Parts {
        surname: translit::romanize(tables, &parts.surname, scheme),
        given: translit::romanize(tables, &parts.given, scheme),
        patronymic: translit::romanize(tables, &parts.patronymic, scheme),
    }
}

/// The first day an Excel date cell shows unambiguously (after the 1900 leap-year bug).
fn excel_safe(date: NaiveDate) -> bool {
    NaiveDate::from_ymd_opt(1900, 3, 1).is_some_and(|first| date >= first)
}

/// A register in XLSX with title rows; dates as date cells, years as numbers, or text.
pub struct RomanisedRegister;

const REGISTER_NOISE: Noise = Noise {
    no_patronymic: 0.3,
    capitals: 0.2,
    ..Noise::TYPICAL
};

impl RomanisedRegister {
    fn birth_cell(&self, person: &Person, tables: &Tables, rng: &mut ChaCha8Rng) -> Cell {
        let Some(date) = birth_date(person, self.noise(), rng) else {
            return Cell::Empty;
        };
        match rng.random_range(0..10) {
            0..=3 if excel_safe(date) => Cell::Date(date),
            0..=5 => Cell::Number(f64::from(date.year())),
            6..=7 => Cell::text(dates::dotted(date)),
            _ => Cell::text(dates::english(tables, date, style(rng, 4))),
        }
    }
}

impl Layout for RomanisedRegister {
    fn file_name(&self) -> &'static str {
        "register_romanized.xlsx"
    }

    fn coverage(&self, _culture: &str) -> f64 {
        0.4
    }

    fn noise(&self) -> &Noise {
        &REGISTER_NOISE
    }

    fn row_cap(&self) -> Option<u64> {
        Some(XLSX_ROW_CAP)
    }

    fn columns(&self) -> &'static [(&'static str, &'static str)] {
        &[
            ("record_id", "No."),
            ("surname", "Surname"),
            ("given", "Name"),
            ("patronymic", "Patronymic"),
            ("birth_date", "Date of birth"),
            ("birth_place", "Place of birth"),
            ("nationality", "Nationality"),
            ("arrest_date", "Date of arrest"),
            ("decision_date", "Rehabilitation date"),
        ]
    }

    fn titles(&self) -> &'static [&'static str] {
        &[
            "Register of persons repressed in Central Asia and later rehabilitated",
            "Compiled from emigre and foreign publications; names as printed there",
        ]
    }

    fn open(&self, dir: &Path, header: &HeaderBlock) -> Result<Box<dyn Sink>, SynthError> {
        Ok(Box::new(XlsxSink::create(
            &dir.join(self.file_name()),
            header,
        )?))
    }

    fn render(
        &self,
        person: &Person,
        names: &Resolved,
        tables: &Tables,
        rng: &mut ChaCha8Rng,
    ) -> Vec<Cell> {
        let noise = self.noise();
        let scheme = Scheme::ALL[rng.random_range(0..Scheme::ALL.len())];
        let parts = romanised(&source_parts(person, names, rng), tables, scheme).noisy(
            tables,
            noise,
            noise::any_letter,
            rng,
        );
        let place = if rng.random_bool(0.5) {
            names.place.en.clone()
        } else {
            translit::romanize(
                tables,
                russian_place_name(names.place, person.birth.year()),
                scheme,
            )
        };
        let arrested = arrest_as_written(person, rng);
        let arrest = if excel_safe(arrested) {
            Cell::Date(arrested)
        } else {
            Cell::Empty
        };
        let decision = decision_as_written(person, rng);
        let rehab = if chance(rng, 0.8) {
            Cell::Date(decision)
        } else {
            Cell::text(dates::dotted(decision))
        };
        vec![
            Cell::text(parts.surname),
            Cell::text(parts.given),
            Cell::text(parts.patronymic),
            self.birth_cell(person, tables, rng),
            optional(place, noise.no_place, rng),
            optional(names.culture.nationality[3].clone(), 0.3, rng),
            if chance(rng, 0.3) {
                Cell::Empty
            } else {
                arrest
            },
            rehab,
        ]
    }
}

/// An English list from a research project, tab-separated, BGN/PCGN romanisation.
pub struct EnglishList;

const ENGLISH_NOISE: Noise = Noise {
    no_patronymic: 0.4,
    ..Noise::TYPICAL
};

impl Layout for EnglishList {
    fn file_name(&self) -> &'static str {
        "victims_en.tsv"
    }

    fn coverage(&self, _culture: &str) -> f64 {
        0.35
    }

    fn noise(&self) -> &Noise {
        &ENGLISH_NOISE
    }

    fn columns(&self) -> &'static [(&'static str, &'static str)] {
        &[
            ("record_id", "Record ID"),
            ("full_name", "Full name"),
            ("birth_date", "Date of birth"),
            ("birth_place", "Place of birth"),
            ("nationality", "Nationality"),
            ("sentence", "Sentence"),
        ]
    }

    fn open(&self, dir: &Path, header: &HeaderBlock) -> Result<Box<dyn Sink>, SynthError> {
        delimited_sink(dir, self.file_name(), b'\t', TextEncoding::Utf8, header)
    }

    fn render(
        &self,
        person: &Person,
        names: &Resolved,
        tables: &Tables,
        rng: &mut ChaCha8Rng,
    ) -> Vec<Cell> {
        let noise = self.noise();
        let parts = romanised(&source_parts(person, names, rng), tables, Scheme::Bgn).noisy(
            tables,
            noise,
            noise::any_letter,
            rng,
        );
        let name = match rng.random_range(0..10) {
            0..=3 => join(&[&parts.given, &parts.patronymic, &parts.surname]),
            4..=6 => join(&[
                &parts.surname.to_uppercase(),
                &parts.given,
                &parts.patronymic,
            ]),
            _ => format!(
                "{}, {}",
                parts.surname,
                join(&[&parts.given, &parts.patronymic])
            ),
        };
        let birth = birth_date(person, noise, rng)
            .map(|date| dates::english(tables, date, style(rng, 5)))
            .unwrap_or_default();
        let place = if rng.random_bool(0.7) {
            names.place.en.clone()
        } else {
            translit::romanize(
                tables,
                russian_place_name(names.place, person.birth.year()),
                Scheme::Bgn,
            )
        };
        vec![
            Cell::text(name),
            Cell::text(birth),
            optional(place, noise.no_place, rng),
            optional(names.culture.nationality[3].clone(), 0.2, rng),
            optional(names.sentence.1.clone(), 0.2, rng),
        ]
    }
}
