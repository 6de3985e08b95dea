//! Lists in the region's languages: a Kazakh rehabilitation list and an Uzbek Latin list.

use std::path::Path;

use rand::RngExt;
use rand_chacha::ChaCha8Rng;

use super::{
    Layout, Parts, birth_date, decision_as_written, delimited_sink, join, optional, russian_parts,
    russian_place_name, style,
};
use crate::synth::SynthError;
use crate::synth::data::Tables;
use crate::synth::dates;
use crate::synth::morph;
use crate::synth::noise::{self, Noise, chance};
use crate::synth::person::{Person, Resolved};
use crate::synth::sink::{Cell, HeaderBlock, Sink, TextEncoding};
use crate::synth::translit::{self, APOSTROPHES};

/// A Kazakh-language list of the 2020s state commission: `Аты-жөні` with `-ұлы/-қызы`.
pub struct KazakhList;

const KAZAKH_NOISE: Noise = Noise {
    no_patronymic: 0.2,
    swapped: 0.05,
    ..Noise::TYPICAL
};

fn kazakh_parts(person: &Person, names: &Resolved, tables: &Tables, rng: &mut ChaCha8Rng) -> Parts {
    let key = names.culture.key.as_str();
    if key != "kazakh" && key != "kyrgyz" {
        return russian_parts(person, names);
    }
    let root = &names.surname.native;
    let mut surname = if key == "kazakh" && rng.random_bool(0.4) {
        root.clone()
    } else {
        morph::suffixed_root(root)
    };
    if person.female {
        surname = morph::feminine_surname(&surname);
    }
    let father = &names.father.native;
    let word = tables.patronymic_word(key, person.female);
    let patronymic = match (key, rng.random_range(0..10)) {
        (_, 0..=1) => morph::russian_patronymic(names.father, person.female),
        ("kyrgyz", _) | (_, 2..=3) => join(&[father, word]),
        _ => format!("{father}{word}"),
    };
    Parts {
        surname,
        given: names.given.native.clone(),
        patronymic,
    }
}

impl Layout for KazakhList {
    fn file_name(&self) -> &'static str {
        "aqtalgandar_tizimi.csv"
    }

    fn coverage(&self, culture: &str) -> f64 {
        match culture {
            "kazakh" => 0.8,
            "kyrgyz" | "tatar" | "russian" => 0.4,
            _ => 0.25,
        }
    }

    fn noise(&self) -> &Noise {
        &KAZAKH_NOISE
    }

    fn columns(&self) -> &'static [(&'static str, &'static str)] {
        &[
            ("record_id", "Реттік №"),
            ("full_name", "Аты-жөні"),
            ("birth_date", "Туған жылы"),
            ("birth_place", "Туған жері"),
            ("nationality", "Ұлты"),
            ("decision_date", "Ақталған күні"),
        ]
    }

    fn open(&self, dir: &Path, header: &HeaderBlock) -> Result<Box<dyn Sink>, SynthError> {
        delimited_sink(dir, self.file_name(), b',', TextEncoding::Utf8, header)
    }

    fn render(
        &self,
        person: &Person,
        names: &Resolved,
        tables: &Tables,
        rng: &mut ChaCha8Rng,
    ) -> Vec<Cell> {
        let noise = self.noise();
        let parts =
            kazakh_parts(person, names, tables, rng).noisy(tables, noise, noise::any_letter, rng);
        let birth = birth_date(person, noise, rng)
            .map(|date| dates::kazakh(tables, date, style(rng, 5)))
            .unwrap_or_default();
        let place = if rng.random_bool(0.7) {
            names.place.kk.clone()
        } else {
            russian_place_name(names.place, 1937).to_string()
        };
        let decision = decision_as_written(person, rng);
        let decided = if rng.random_bool(0.5) {
            dates::dotted(decision)
        } else {
            dates::kazakh(tables, decision, 2)
        };
        vec![
            Cell::text(parts.full(noise, rng)),
            Cell::text(birth),
            optional(place, noise.no_place, rng),
            optional(names.culture.nationality[1].clone(), 0.25, rng),
            optional(decided, 0.1, rng),
        ]
    }
}

/// An Uzbek Latin list (`F.I.Sh.`), in the style of the 2021 Supreme Court lists.
pub struct UzbekList;

const UZBEK_NOISE: Noise = Noise {
    swapped: 0.05,
    initials: 0.03,
    ..Noise::TYPICAL
};

fn uzbek_cyrillic_parts(
    person: &Person,
    names: &Resolved,
    tables: &Tables,
    rng: &mut ChaCha8Rng,
) -> Parts {
    let key = names.culture.key.as_str();
    if !matches!(key, "uzbek" | "tajik" | "turkmen") {
        return russian_parts(person, names);
    }
    let surname = if key == "tajik" && rng.random_bool(0.5) {
        names.surname.ru.clone()
    } else {
        names.surname.native.clone()
    };
    let patronymic = if rng.random_bool(0.25) {
        morph::russian_patronymic(names.father, person.female)
    } else {
        join(&[
            &names.father.native,
            tables.patronymic_word("uzbek", person.female),
        ])
    };
    Parts {
        surname,
        given: names.given.native.clone(),
        patronymic,
    }
}

impl Layout for UzbekList {
    fn file_name(&self) -> &'static str {
        "reabilitatsiya_royxati.csv"
    }

    fn coverage(&self, culture: &str) -> f64 {
        match culture {
            "uzbek" => 0.8,
            "tajik" => 0.65,
            "turkmen" => 0.4,
            _ => 0.2,
        }
    }

    fn noise(&self) -> &Noise {
        &UZBEK_NOISE
    }

    fn columns(&self) -> &'static [(&'static str, &'static str)] {
        &[
            ("record_id", "T/r"),
            ("full_name", "F.I.Sh."),
            ("birth_date", "Tug'ilgan yili"),
            ("birth_place", "Tug'ilgan joyi"),
            ("nationality", "Millati"),
            ("decision_date", "Qaror sanasi"),
        ]
    }

    fn open(&self, dir: &Path, header: &HeaderBlock) -> Result<Box<dyn Sink>, SynthError> {
        delimited_sink(dir, self.file_name(), b',', TextEncoding::Utf8, header)
    }

    fn render(
        &self,
        person: &Person,
        names: &Resolved,
        tables: &Tables,
        rng: &mut ChaCha8Rng,
    ) -> Vec<Cell> {
        let noise = self.noise();
        let cyrillic = uzbek_cyrillic_parts(person, names, tables, rng);
        let latin = |text: &str| translit::uzbek_latin(tables, text);
        let mut surname = latin(&cyrillic.surname);
        if person.female {
            surname = morph::feminine_surname(&surname);
        }
        let parts = Parts {
            surname,
            given: latin(&cyrillic.given),
            patronymic: latin(&cyrillic.patronymic),
        }
        .noisy(tables, noise, noise::any_letter, rng);
        let mark = APOSTROPHES[rng.random_range(0..APOSTROPHES.len())];
        let birth = birth_date(person, noise, rng)
            .map(|date| dates::uzbek(tables, date, style(rng, 4)))
            .unwrap_or_default();
        let place = if rng.random_bool(0.7) {
            names.place.uz.clone()
        } else {
            latin(russian_place_name(names.place, 1937))
        };
        let decision = decision_as_written(person, rng);
        let decided = if chance(rng, 0.6) {
            dates::uzbek(tables, decision, 2)
        } else {
            dates::dotted(decision)
        };
        vec![
            Cell::text(translit::with_apostrophe(&parts.full(noise, rng), mark)),
            Cell::text(birth),
            optional(translit::with_apostrophe(&place, mark), noise.no_place, rng),
            optional(
                translit::with_apostrophe(&names.culture.nationality[2], mark),
                0.3,
                rng,
            ),
            optional(decided, 0.1, rng),
        ]
    }
}
