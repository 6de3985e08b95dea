//! Lists in the region's languages: a Kazakh rehabilitation list and an Uzbek Latin list.

use rand::RngExt;
use rand_chacha::ChaCha8Rng;

use super::{
    Coverage, Layout, Mention, Parts, Source, decision_as_written, join, nationality, optional,
    russian_parts, russian_place_name, style, written_birth,
};
use crate::synth::dates;
use crate::synth::morph;
use crate::synth::noise::{self, Noise, chance};
use crate::synth::particulars::write::{Tongue, Writing};
use crate::synth::person::Resolved;
use crate::synth::sink::Cell;
use crate::synth::translit::{self, APOSTROPHES};

/// A Kazakh-language list of the 2020s state commission: `Аты-жөні` with `-ұлы/-қызы`.
pub const KAZAKH_LIST: Source = Source {
    layout: Layout {
        file_name: "aqtalgandar_tizimi.csv",
        coverage: Coverage {
            usual: 0.25,
            cultures: &[
                ("kazakh", 0.8),
                ("kyrgyz", 0.4),
                ("tatar", 0.4),
                ("russian", 0.4),
            ],
        },
        noise: Noise {
            no_patronymic: 0.2,
            swapped: 0.05,
            ..Noise::TYPICAL
        },
        columns: &[
            ("record_id", "Реттік №"),
            ("full_name", "Аты-жөні"),
            ("birth_date", "Туған жылы"),
            ("birth_place", "Туған жері"),
            ("nationality", "Ұлты"),
            ("decision_date", "Ақталған күні"),
            ("residence", "Тұрғылықты жері"),
        ],
        particulars: Writing {
            tongue: Tongue::Kazakh,
            later: true,
            missing: 0.3,
        },
        ..Layout::PLAIN
    },
    render: kazakh_row,
};

/// The name parts a Kazakh-language list writes: native forms with `-ұлы/-қызы` (or the
/// Kyrgyz `уулу/кызы`) for Kazakhs and Kyrgyz, the Russian forms for others.
pub fn kazakh_parts(m: &Mention, rng: &mut ChaCha8Rng) -> Parts {
    let key = m.names.culture.key.as_str();
    if key != "kazakh" && key != "kyrgyz" {
        return russian_parts(m.person, m.names);
    }
    let root = &m.names.surname.native;
    let mut surname = if key == "kazakh" && rng.random_bool(0.4) {
        root.clone()
    } else {
        morph::suffixed_root(root)
    };
    if m.person.female {
        surname = morph::feminine_surname(&surname);
    }
    let father = &m.names.father.native;
    let word = m.tables.patronymic_word(key, m.person.female);
    let patronymic = match (key, rng.random_range(0..10)) {
        (_, 0..=1) => morph::russian_patronymic(m.names.father, m.person.female),
        ("kyrgyz", _) | (_, 2..=3) => join(&[father, word]),
        _ => format!("{father}{word}"),
    };
    native_parts(m.names, surname, patronymic)
}

/// Name parts in native orthography: the given name's native form with `surname` and
/// `patronymic` as a list built them.
fn native_parts(names: &Resolved, surname: String, patronymic: String) -> Parts {
    Parts {
        surname,
        given: names.given.native.clone(),
        patronymic,
    }
}

fn kazakh_row(m: &Mention, rng: &mut ChaCha8Rng) -> Vec<Cell> {
    let noise = &m.layout.noise;
    let parts = kazakh_parts(m, rng).noisy(m.tables, noise, noise::any_letter, rng);
    let birth = written_birth(m.person, noise, rng, |date, rng| {
        dates::kazakh(m.tables, date, style(rng, 5))
    });
    let place = if rng.random_bool(0.7) {
        m.names.place.kk.clone()
    } else {
        russian_place_name(m.names.place, 1937).to_string()
    };
    let decision = decision_as_written(m.person, rng);
    let decided = if rng.random_bool(0.5) {
        dates::dotted(decision)
    } else {
        dates::kazakh(m.tables, decision, 2)
    };
    vec![
        Cell::text(parts.full(noise, rng)),
        Cell::text(birth),
        optional(place, noise.no_place, rng),
        nationality(m.names, 1, 0.25, rng),
        optional(decided, 0.1, rng),
    ]
}

/// An Uzbek Latin list (`F.I.Sh.`), in the style of the 2021 Supreme Court lists.
pub const UZBEK_LIST: Source = Source {
    layout: Layout {
        file_name: "reabilitatsiya_royxati.csv",
        coverage: Coverage {
            usual: 0.2,
            cultures: &[("uzbek", 0.8), ("tajik", 0.65), ("turkmen", 0.4)],
        },
        noise: Noise {
            swapped: 0.05,
            initials: 0.03,
            ..Noise::TYPICAL
        },
        columns: &[
            ("record_id", "T/r"),
            ("full_name", "F.I.Sh."),
            ("birth_date", "Tug'ilgan yili"),
            ("birth_place", "Tug'ilgan joyi"),
            ("nationality", "Millati"),
            ("decision_date", "Qaror sanasi"),
            ("occupation", "Kasbi"),
        ],
        particulars: Writing {
            tongue: Tongue::Uzbek,
            later: true,
            missing: 0.3,
        },
        ..Layout::PLAIN
    },
    render: uzbek_row,
};

/// The Cyrillic name parts an Uzbek list starts from: native forms with `ўғли/қизи` for
/// Uzbeks, Tajiks and Turkmens, the Russian forms for others.
pub fn uzbek_cyrillic_parts(m: &Mention, rng: &mut ChaCha8Rng) -> Parts {
    let key = m.names.culture.key.as_str();
    if !matches!(key, "uzbek" | "tajik" | "turkmen") {
        return russian_parts(m.person, m.names);
    }
    let surname = if key == "tajik" && rng.random_bool(0.5) {
        m.names.surname.ru.clone()
    } else {
        m.names.surname.native.clone()
    };
    let patronymic = if rng.random_bool(0.25) {
        morph::russian_patronymic(m.names.father, m.person.female)
    } else {
        join(&[
            &m.names.father.native,
            m.tables.patronymic_word("uzbek", m.person.female),
        ])
    };
    native_parts(m.names, surname, patronymic)
}

fn uzbek_row(m: &Mention, rng: &mut ChaCha8Rng) -> Vec<Cell> {
    let noise = &m.layout.noise;
    let cyrillic = uzbek_cyrillic_parts(m, rng);
    let latin = |text: &str| translit::uzbek_latin(m.tables, text);
    let mut surname = latin(&cyrillic.surname);
    if m.person.female {
        surname = morph::feminine_surname(&surname);
    }
    let parts = Parts {
        surname,
        given: latin(&cyrillic.given),
        patronymic: latin(&cyrillic.patronymic),
    }
    .noisy(m.tables, noise, noise::any_letter, rng);
    let mark = APOSTROPHES[rng.random_range(0..APOSTROPHES.len())];
    let birth = written_birth(m.person, noise, rng, |date, rng| {
        dates::uzbek(m.tables, date, style(rng, 4))
    });
    let place = if rng.random_bool(0.7) {
        m.names.place.uz.clone()
    } else {
        latin(russian_place_name(m.names.place, 1937))
    };
    let decision = decision_as_written(m.person, rng);
    let decided = if chance(rng, 0.6) {
        dates::uzbek(m.tables, decision, 2)
    } else {
        dates::dotted(decision)
    };
    vec![
        Cell::text(translit::with_apostrophe(&parts.full(noise, rng), mark)),
        Cell::text(birth),
        optional(translit::with_apostrophe(&place, mark), noise.no_place, rng),
        optional(
            translit::with_apostrophe(&m.names.culture.nationality[2], mark),
            0.3,
            rng,
        ),
        optional(decided, 0.1, rng),
    ]
}
