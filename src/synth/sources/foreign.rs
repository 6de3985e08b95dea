//! Romanised sources: an XLSX register compiled from foreign publications and an English list.

use chrono::{Datelike, NaiveDate};
use rand::RngExt;
use rand_chacha::ChaCha8Rng;

use super::{
    Coverage, Format, Layout, Mention, Parts, Source, arrest_as_written, birth_date,
    decision_as_written, join, nationality, optional, russian_parts, russian_place_name, style,
    written_birth,
};
use crate::synth::data::Tables;
use crate::synth::dates;
use crate::synth::morph;
use crate::synth::noise::{self, Noise, chance};
use crate::synth::particulars::write::{Tongue, Writing};
use crate::synth::person::{Person, Resolved};
use crate::synth::sink::{Cell, TextEncoding};
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
pub const ROMANISED_REGISTER: Source = Source {
    layout: Layout {
        file_name: "register_romanized.xlsx",
        coverage: Coverage::all(0.4),
        noise: Noise {
            no_patronymic: 0.3,
            capitals: 0.2,
            ..Noise::TYPICAL
        },
        row_cap: Some(XLSX_ROW_CAP),
        columns: &[
            ("record_id", "No."),
            ("surname", "Surname"),
            ("given", "Name"),
            ("patronymic", "Patronymic"),
            ("birth_date", "Date of birth"),
            ("birth_place", "Place of birth"),
            ("nationality", "Nationality"),
            ("arrest_date", "Date of arrest"),
            ("decision_date", "Rehabilitation date"),
            ("residence", "Residence"),
            ("occupation", "Occupation"),
            ("workplace", "Institution"),
        ],
        titles: &[
            "Register of persons repressed in Central Asia and later rehabilitated",
            "Compiled from emigre and foreign publications; names as printed there",
        ],
        format: Format::Xlsx,
        particulars: Writing {
            tongue: Tongue::Romanised,
            later: true,
            missing: 0.35,
        },
    },
    render: register_row,
};

/// The register's birth cell: a date cell, a year number, or text.
fn register_birth(layout: &Layout, person: &Person, tables: &Tables, rng: &mut ChaCha8Rng) -> Cell {
    let Some(date) = birth_date(person, &layout.noise, rng) else {
        return Cell::Empty;
    };
    match rng.random_range(0..10) {
        0..=3 if excel_safe(date) => Cell::Date(date),
        0..=5 => Cell::Number(f64::from(date.year())),
        6..=7 => Cell::text(dates::dotted(date)),
        _ => Cell::text(dates::english(tables, date, style(rng, 4))),
    }
}

/// A person's name as a foreign publication printed it, romanised by `scheme`, with `layout`'s
/// noise.
fn printed_parts(
    layout: &Layout,
    person: &Person,
    names: &Resolved,
    tables: &Tables,
    scheme: Scheme,
    rng: &mut ChaCha8Rng,
) -> Parts {
    romanised(&source_parts(person, names, rng), tables, scheme).noisy(
        tables,
        &layout.noise,
        noise::any_letter,
        rng,
    )
}

/// The birth place in English, or the Russian name of the birth year romanised by `scheme`.
fn romanised_place(
    names: &Resolved,
    person: &Person,
    tables: &Tables,
    scheme: Scheme,
    english: f64,
    rng: &mut ChaCha8Rng,
) -> String {
    if rng.random_bool(english) {
        names.place.en.clone()
    } else {
        let russian = russian_place_name(names.place, person.birth.year());
        translit::romanize(tables, russian, scheme)
    }
}

fn register_row(m: &Mention, rng: &mut ChaCha8Rng) -> Vec<Cell> {
    let noise = &m.layout.noise;
    let scheme = Scheme::ALL[rng.random_range(0..Scheme::ALL.len())];
    let parts = printed_parts(m.layout, m.person, m.names, m.tables, scheme, rng);
    let place = romanised_place(m.names, m.person, m.tables, scheme, 0.5, rng);
    let arrested = arrest_as_written(m.person, rng);
    let arrest = if excel_safe(arrested) {
        Cell::Date(arrested)
    } else {
        Cell::Empty
    };
    let decision = decision_as_written(m.person, rng);
    let rehab = if chance(rng, 0.8) {
        Cell::Date(decision)
    } else {
        Cell::text(dates::dotted(decision))
    };
    vec![
        Cell::text(parts.surname),
        Cell::text(parts.given),
        Cell::text(parts.patronymic),
        register_birth(m.layout, m.person, m.tables, rng),
        optional(place, noise.no_place, rng),
        nationality(m.names, 3, 0.3, rng),
        if chance(rng, 0.3) {
            Cell::Empty
        } else {
            arrest
        },
        rehab,
    ]
}

/// An English list from a research project, tab-separated, BGN/PCGN romanisation.
pub const ENGLISH_LIST: Source = Source {
    layout: Layout {
        file_name: "victims_en.tsv",
        coverage: Coverage::all(0.35),
        noise: Noise {
            no_patronymic: 0.4,
            ..Noise::TYPICAL
        },
        columns: &[
            ("record_id", "Record ID"),
            ("full_name", "Full name"),
            ("birth_date", "Date of birth"),
            ("birth_place", "Place of birth"),
            ("nationality", "Nationality"),
            ("sentence", "Sentence"),
        ],
        format: Format::Delimited {
            delimiter: b'\t',
            encoding: TextEncoding::Utf8,
        },
        ..Layout::PLAIN
    },
    render: english_row,
};

fn english_row(m: &Mention, rng: &mut ChaCha8Rng) -> Vec<Cell> {
    let noise = &m.layout.noise;
    let parts = printed_parts(m.layout, m.person, m.names, m.tables, Scheme::Bgn, rng);
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
    let birth = written_birth(m.person, noise, rng, |date, rng| {
        dates::english(m.tables, date, style(rng, 5))
    });
    let place = romanised_place(m.names, m.person, m.tables, Scheme::Bgn, 0.7, rng);
    vec![
        Cell::text(name),
        Cell::text(birth),
        optional(place, noise.no_place, rng),
        nationality(m.names, 3, 0.2, rng),
        optional(m.names.sentence.1.clone(), 0.2, rng),
    ]
}
