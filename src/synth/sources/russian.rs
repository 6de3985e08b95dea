//! Russian-language sources: a Book-of-Memory list (UTF-8 with BOM), NKVD registration cards
//! (Windows-1251, semicolons) and an old KOI8-R list.

use chrono::Datelike;
use rand::RngExt;
use rand_chacha::ChaCha8Rng;

use super::{
    Coverage, Format, Layout, Mention, Parts, Source, arrest_as_written, decision_as_written,
    nationality, noisy_russian_parts, optional, russian_birth_place, style, written_birth,
};
use crate::synth::dates;
use crate::synth::noise::{self, Noise, chance};
use crate::synth::particulars::write::Writing;
use crate::synth::sink::{Cell, TextEncoding};

/// A Book-of-Memory victims list: one `ФИО` column, dates in many forms.
pub const MEMORIAL_LIST: Source = Source {
    layout: Layout {
        file_name: "kniga_pamyati.csv",
        coverage: Coverage::all(0.75),
        noise: Noise {
            initials: 0.08,
            ..Noise::TYPICAL
        },
        columns: &[
            ("record_id", "№"),
            ("full_name", "ФИО"),
            ("birth_date", "Дата рождения"),
            ("birth_place", "Место рождения"),
            ("nationality", "Национальность"),
            ("arrest_date", "Дата ареста"),
            ("sentence", "Приговор"),
            ("decision_date", "Дата реабилитации"),
            ("residence", "Проживал"),
            ("occupation", "Род занятий"),
            ("workplace", "Место службы"),
        ],
        format: Format::Delimited {
            delimiter: b',',
            encoding: TextEncoding::Utf8Bom,
        },
        ..Layout::PLAIN
    },
    render: memorial_row,
};

fn memorial_row(m: &Mention, rng: &mut ChaCha8Rng) -> Vec<Cell> {
    let noise = &m.layout.noise;
    let parts = noisy_russian_parts(m.layout, m.person, m.names, m.tables, rng);
    let birth = written_birth(m.person, noise, rng, |date, rng| {
        dates::russian(m.tables, date, style(rng, 7))
    });
    vec![
        Cell::text(parts.full(noise, rng)),
        Cell::text(birth),
        Cell::text(russian_birth_place(m.person, m.names, noise, rng)),
        nationality(m.names, 0, 0.3, rng),
        optional(dates::dotted(arrest_as_written(m.person, rng)), 0.2, rng),
        optional(m.names.sentence.0.clone(), 0.2, rng),
        optional(dates::dotted(decision_as_written(m.person, rng)), 0.15, rng),
    ]
}

/// NKVD registration cards typed into a spreadsheet: separate name columns, Windows-1251.
pub const NKVD_CARDS: Source = Source {
    layout: Layout {
        file_name: "nkvd_kartoteka.csv",
        coverage: Coverage::all(0.6),
        noise: Noise {
            no_birth: 0.1,
            no_place: 0.2,
            swapped: 0.03,
            ..Noise::TYPICAL
        },
        columns: &[
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
            ("occupation", "Профессия"),
            ("workplace", "Учреждение"),
        ],
        format: Format::Delimited {
            delimiter: b';',
            encoding: TextEncoding::Windows1251,
        },
        particulars: Writing {
            later: false,
            missing: 0.15,
            ..Writing::RUSSIAN
        },
        ..Layout::PLAIN
    },
    render: nkvd_row,
};

fn nkvd_row(m: &Mention, rng: &mut ChaCha8Rng) -> Vec<Cell> {
    let noise = &m.layout.noise;
    let mut parts = noisy_russian_parts(m.layout, m.person, m.names, m.tables, rng);
    if chance(rng, noise.swapped) {
        std::mem::swap(&mut parts.surname, &mut parts.given);
    }
    if chance(rng, noise.initials) {
        parts.given = noise::initial(&parts.given);
        parts.patronymic = noise::initial(&parts.patronymic);
    }
    let birth = written_birth(m.person, noise, rng, |date, rng| {
        if rng.random_bool(0.7) {
            date.year().to_string()
        } else {
            dates::dotted(date)
        }
    });
    let mut cells = name_cells(parts, birth);
    cells.extend([
        Cell::text(russian_birth_place(m.person, m.names, noise, rng)),
        nationality(m.names, 0, 0.2, rng),
        optional(dates::dotted(arrest_as_written(m.person, rng)), 0.1, rng),
        optional(format!("{} УК РСФСР", m.names.article), 0.3, rng),
        optional(m.names.sentence.0.clone(), 0.1, rng),
    ]);
    cells
}

/// The surname, given name, patronymic and birth cells that open a row of separate name columns.
fn name_cells(parts: Parts, birth: String) -> Vec<Cell> {
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
    ]
}

/// A short list kept in KOI8-R since the 1990s: name columns, birth year and birth place.
pub const KOI8_LIST: Source = Source {
    layout: Layout {
        file_name: "spisok_koi8.csv",
        coverage: Coverage::all(0.35),
        noise: Noise {
            capitals: 0.5,
            typo: 0.1,
            ..Noise::TYPICAL
        },
        columns: &[
            ("record_id", "N"),
            ("surname", "Фамилия"),
            ("given", "Имя"),
            ("patronymic", "Отчество"),
            ("birth_date", "Г.р."),
            ("birth_place", "Уроженец"),
        ],
        format: Format::Delimited {
            delimiter: b',',
            encoding: TextEncoding::Koi8R,
        },
        ..Layout::PLAIN
    },
    render: koi8_row,
};

fn koi8_row(m: &Mention, rng: &mut ChaCha8Rng) -> Vec<Cell> {
    let noise = &m.layout.noise;
    let parts = noisy_russian_parts(m.layout, m.person, m.names, m.tables, rng);
    let birth = written_birth(m.person, noise, rng, |date, _| date.year().to_string());
    let mut cells = name_cells(parts, birth);
    cells.push(Cell::text(russian_birth_place(
        m.person, m.names, noise, rng,
    )));
    cells
}
