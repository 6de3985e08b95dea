//! Russian-language sources: a Book-of-Memory list (UTF-8 with BOM), NKVD registration cards
//! (Windows-1251, semicolons) and an old KOI8-R list.

use std::path::Path;

use chrono::Datelike;
use rand::RngExt;
use rand_chacha::ChaCha8Rng;

use super::{
    Layout, Parts, arrest_as_written, birth_date, decision_as_written, delimited_sink, optional,
    russian_birth_place, russian_parts, style,
};
use crate::synth::SynthError;
use crate::synth::data::Tables;
use crate::synth::dates;
use crate::synth::noise::{self, Noise, chance};
use crate::synth::person::{Person, Resolved};
use crate::synth::sink::{Cell, HeaderBlock, Sink, TextEncoding};

/// A Book-of-Memory victims list: one `ФИО` column, dates in many forms.
pub struct MemorialList;

const MEMORIAL_NOISE: Noise = Noise {
    initials: 0.08,
    ..Noise::TYPICAL
};

impl Layout for MemorialList {
    fn file_name(&self) -> &'static str {
        "kniga_pamyati.csv"
    }

    fn coverage(&self, _culture: &str) -> f64 {
        0.75
    }

    fn noise(&self) -> &Noise {
        &MEMORIAL_NOISE
    }

    fn columns(&self) -> &'static [(&'static str, &'static str)] {
        &[
            ("record_id", "№"),
            ("full_name", "ФИО"),
            ("birth_date", "Дата рождения"),
            ("birth_place", "Место рождения"),
            ("nationality", "Национальность"),
            ("arrest_date", "Дата ареста"),
            ("sentence", "Приговор"),
            ("decision_date", "Дата реабилитации"),
        ]
    }

    fn open(&self, dir: &Path, header: &HeaderBlock) -> Result<Box<dyn Sink>, SynthError> {
        delimited_sink(dir, self.file_name(), b',', TextEncoding::Utf8Bom, header)
    }

    fn render(
        &self,
        person: &Person,
        names: &Resolved,
        tables: &Tables,
        rng: &mut ChaCha8Rng,
    ) -> Vec<Cell> {
        let noise = self.noise();
        let parts = russian_parts(person, names).noisy(tables, noise, noise::russian_letter, rng);
        let birth = birth_date(person, noise, rng)
            .map(|date| dates::russian(tables, date, style(rng, 7)))
            .unwrap_or_default();
        vec![
            Cell::text(parts.full(noise, rng)),
            Cell::text(birth),
            Cell::text(russian_birth_place(person, names, noise, rng)),
            optional(names.culture.nationality[0].clone(), 0.3, rng),
            optional(dates::dotted(arrest_as_written(person, rng)), 0.2, rng),
            optional(names.sentence.0.clone(), 0.2, rng),
            optional(dates::dotted(decision_as_written(person, rng)), 0.15, rng),
        ]
    }
}

/// NKVD registration cards typed into a spreadsheet: separate name columns, Windows-1251.
pub struct NkvdCards;

const NKVD_NOISE: Noise = Noise {
    no_birth: 0.1,
    no_place: 0.2,
    swapped: 0.03,
    ..Noise::TYPICAL
};

impl Layout for NkvdCards {
    fn file_name(&self) -> &'static str {
        "nkvd_kartoteka.csv"
    }

    fn coverage(&self, _culture: &str) -> f64 {
        0.6
    }

    fn noise(&self) -> &Noise {
        &NKVD_NOISE
    }

    fn columns(&self) -> &'static [(&'static str, &'static str)] {
        &[
            ("record_id", "Учетный номер"),
            ("surname", "Фамилия"),
            ("given", "Имя"),
            ("patronymic", "Отчество"),
            ("birth_date", "Год рождения"),
            ("birth_place", "Место рождения"),
            ("nationality", "Национальность"),
            ("arrest_date", "Дата ареста"),
            ("charge", "Статья"),
            ("sentence", "Приговор"),
        ]
    }

    fn open(&self, dir: &Path, header: &HeaderBlock) -> Result<Box<dyn Sink>, SynthError> {
        delimited_sink(
            dir,
            self.file_name(),
            b';',
            TextEncoding::Windows1251,
            header,
        )
    }

    fn render(
        &self,
        person: &Person,
        names: &Resolved,
        tables: &Tables,
        rng: &mut ChaCha8Rng,
    ) -> Vec<Cell> {
        let noise = self.noise();
        let mut parts =
            russian_parts(person, names).noisy(tables, noise, noise::russian_letter, rng);
        if chance(rng, noise.swapped) {
            std::mem::swap(&mut parts.surname, &mut parts.given);
        }
        if chance(rng, noise.initials) {
            parts.given = noise::initial(&parts.given);
            parts.patronymic = noise::initial(&parts.patronymic);
        }
        let birth = birth_date(person, noise, rng)
            .map(|date| {
                if rng.random_bool(0.7) {
                    date.year().to_string()
                } else {
                    dates::dotted(date)
                }
            })
            .unwrap_or_default();
        let Parts {
            surname,
            given,
            patronymic,
        } = parts;
        vec![
            Cell::text(surname),
            Cell::text(given),
            Cell::text(patronymic),
            Cell::text(birth),
            Cell::text(russian_birth_place(person, names, noise, rng)),
            optional(names.culture.nationality[0].clone(), 0.2, rng),
            optional(dates::dotted(arrest_as_written(person, rng)), 0.1, rng),
            optional(format!("{} УК РСФСР", names.article), 0.3, rng),
            optional(names.sentence.0.clone(), 0.1, rng),
        ]
    }
}

/// A short list kept in KOI8-R since the 1990s: name columns, birth year and birth place.
pub struct Koi8List;

const KOI8_NOISE: Noise = Noise {
    capitals: 0.5,
    typo: 0.1,
    ..Noise::TYPICAL
};

impl Layout for Koi8List {
    fn file_name(&self) -> &'static str {
        "spisok_koi8.csv"
    }

    fn coverage(&self, _culture: &str) -> f64 {
        0.35
    }

    fn noise(&self) -> &Noise {
        &KOI8_NOISE
    }

    fn columns(&self) -> &'static [(&'static str, &'static str)] {
        &[
            ("record_id", "N"),
            ("surname", "Фамилия"),
            ("given", "Имя"),
            ("patronymic", "Отчество"),
            ("birth_date", "Г.р."),
            ("birth_place", "Уроженец"),
        ]
    }

    fn open(&self, dir: &Path, header: &HeaderBlock) -> Result<Box<dyn Sink>, SynthError> {
        delimited_sink(dir, self.file_name(), b',', TextEncoding::Koi8R, header)
    }

    fn render(
        &self,
        person: &Person,
        names: &Resolved,
        tables: &Tables,
        rng: &mut ChaCha8Rng,
    ) -> Vec<Cell> {
        let noise = self.noise();
        let parts = russian_parts(person, names).noisy(tables, noise, noise::russian_letter, rng);
        let birth = birth_date(person, noise, rng)
            .map(|date| date.year().to_string())
            .unwrap_or_default();
        vec![
            Cell::text(parts.surname),
            Cell::text(parts.given),
            Cell::text(parts.patronymic),
            Cell::text(birth),
            Cell::text(russian_birth_place(person, names, noise, rng)),
        ]
    }
}
