//! Particulars as a source writes them: in its language and script, with the abbreviations,
//! word orders, gaps and typos of clerks (`ул.`/`улица`, `с.`/`село`, `к-з им. Кирова`,
//! `Алматы қ., Ленин көшесі, 12 үй`, `12 Lenin St., Almaty`).

use chrono::Datelike;
use rand::RngExt;
use rand_chacha::ChaCha8Rng;

use super::tables::{AddressWord, ParticularTables, Street, StreetKind, Village};
use super::{Home, Job, Particulars};
use crate::synth::data::PlaceForms;
use crate::synth::noise;
use crate::synth::sink::Cell;
use crate::synth::sources::{Mention, join, optional, russian_place_name};
use crate::synth::translit::{self, APOSTROPHES, Scheme};

/// The column key of the address before arrest (a field of `schemas/headers.csv`).
pub const RESIDENCE: &str = "residence";
/// The column key of the occupation (a field of `schemas/headers.csv`).
pub const OCCUPATION: &str = "occupation";
/// The column key of the place of work (no field: the reader keeps it as an extra).
pub const WORKPLACE: &str = "workplace";

/// The language and script a source writes particulars in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tongue {
    /// Russian.
    Russian,
    /// Kazakh, often Russian still.
    Kazakh,
    /// Uzbek Latin.
    Uzbek,
    /// English, or Russian romanised.
    Romanised,
}

/// How a source writes particulars.
#[derive(Debug, Clone, Copy)]
pub struct Writing {
    /// The language and script.
    pub tongue: Tongue,
    /// Whether the source is a later record (its occupation is the later one).
    pub later: bool,
    /// The share of cells left empty.
    pub missing: f64,
}

impl Writing {
    /// A later Russian record that leaves a quarter of the cells empty.
    pub const RUSSIAN: Writing = Writing {
        tongue: Tongue::Russian,
        later: true,
        missing: 0.25,
    };
}

/// The cells of `m`'s particulars columns, in the layout's column order, written from `rng`
/// (the stream `particulars` were drawn from).
pub fn cells(m: &Mention, particulars: &Particulars, rng: &mut ChaCha8Rng) -> Vec<Cell> {
    let writing = m.layout.particulars;
    let job = particulars.job(writing.later);
    let keys = m.layout.columns.iter().map(|(key, _)| *key);
    keys.filter_map(|key| {
        let text = match key {
            RESIDENCE => address(m, &particulars.home, rng),
            OCCUPATION => occupation(m, job, rng),
            WORKPLACE => workplace(m, job, &particulars.home, rng),
            _ => return None,
        };
        let alphabet = if writing.tongue == Tongue::Russian {
            noise::russian_letter
        } else {
            noise::any_letter
        };
        let text = noise::maybe_typo(m.tables, text, &m.layout.noise, alphabet, rng);
        Some(optional(text, writing.missing, rng))
    })
    .collect()
}

fn tables<'a>(m: &Mention<'a, '_>) -> &'a ParticularTables {
    &m.tables.particulars
}

/// The town's Russian name in the year of the arrest.
fn town_ru<'a>(m: &Mention, place: &'a PlaceForms) -> &'a str {
    russian_place_name(place, m.person.arrest.year())
}

impl AddressWord {
    /// The Russian word, abbreviated or in full.
    fn ru_form(&self, short: bool) -> &str {
        if short { &self.ru_short } else { &self.ru }
    }

    /// The Kazakh word, abbreviated or in full.
    fn kk_form(&self, short: bool) -> &str {
        if short { &self.kk_short } else { &self.kk }
    }
}

/// A home with its table entries looked up.
enum Address<'a> {
    /// A town (its forms, if the culture has the place), a street or quarter, a house.
    Town {
        town: Option<&'a PlaceForms>,
        street: &'a Street,
        house: String,
    },
    /// A village and the eponym of its kolkhoz, when the address names it.
    Village {
        village: &'a Village,
        kolkhoz: Option<&'a Street>,
    },
}

impl<'a> Address<'a> {
    fn of(m: &Mention<'a, '_>, home: &Home) -> Address<'a> {
        let p = tables(m);
        match home {
            Home::Town {
                place,
                street,
                house,
            } => Address::Town {
                town: m.names.culture.places.get(*place),
                street: &p.streets[*street],
                house: house.to_string(),
            },
            Home::Village { village, kolkhoz } => Address::Village {
                village: &p.villages[*village],
                kolkhoz: kolkhoz.map(|e| &p.streets[e]),
            },
        }
    }
}

/// The word before or after a street's name: `улица` or, for a quarter, `махалля`.
fn street_word<'a>(p: &'a ParticularTables, street: &Street) -> &'a AddressWord {
    if street.kind == StreetKind::Quarter {
        p.word("quarter")
    } else {
        p.word("street")
    }
}

fn address(m: &Mention, home: &Home, rng: &mut ChaCha8Rng) -> String {
    let address = Address::of(m, home);
    match m.layout.particulars.tongue {
        Tongue::Russian | Tongue::Uzbek => russian_address(m, &address, rng),
        Tongue::Kazakh if rng.random_bool(0.3) => russian_address(m, &address, rng),
        Tongue::Kazakh => kazakh_address(tables(m), &address, rng),
        Tongue::Romanised if rng.random_bool(0.5) => english_address(tables(m), &address),
        Tongue::Romanised => romanised(m, &russian_address(m, &address, rng), rng),
    }
}

/// `г. Алма-Ата, ул. Ленина, д. 12`, `ул. Ленина 12, Алма-Ата`, `аул Жанакала, к-з им. Кирова`.
fn russian_address(m: &Mention, address: &Address, rng: &mut ChaCha8Rng) -> String {
    let p = tables(m);
    let short = rng.random_bool(0.7);
    let (settlement, inner) = match address {
        Address::Town {
            town,
            street,
            house,
        } => {
            let name = town.map_or("", |t| town_ru(m, t));
            let settlement = if rng.random_bool(0.6) {
                join(&[p.word("town").ru_form(short), name])
            } else {
                name.to_string()
            };
            (settlement, russian_street(p, street, house, short, rng))
        }
        Address::Village { village, kolkhoz } => {
            let word = p.word(&village.kind).ru_form(short);
            let kolkhoz = kolkhoz.map(|e| russian_kolkhoz(p, e, short));
            (join(&[word, &village.ru]), kolkhoz.unwrap_or_default())
        }
    };
    let parts = if rng.random_bool(0.75) {
        [settlement, inner]
    } else {
        [inner, settlement]
    };
    join_listed(&parts)
}

fn russian_street(
    p: &ParticularTables,
    street: &Street,
    house: &str,
    short: bool,
    rng: &mut ChaCha8Rng,
) -> String {
    let word = street_word(p, street).ru_form(short);
    let named = if street.kind == StreetKind::Street && rng.random_bool(0.3) {
        join(&[&street.ru, word])
    } else {
        join(&[word, &street.ru])
    };
    if rng.random_bool(0.5) {
        let house_word = p.word("house").ru_form(short);
        format!("{named}, {house_word} {house}")
    } else {
        format!("{named} {house}")
    }
}

fn russian_kolkhoz(p: &ParticularTables, eponym: &Street, short: bool) -> String {
    join(&[
        p.word("kolkhoz").ru_form(short),
        p.word("named").ru_form(short),
        &eponym.ru,
    ])
}

/// Non-empty parts joined by commas.
fn join_listed(parts: &[String]) -> String {
    let kept: Vec<&str> = (parts.iter().map(String::as_str))
        .filter(|p| !p.is_empty())
        .collect();
    kept.join(", ")
}

/// `Алматы қ., Ленин көшесі, 12 үй`, `Жаңақала ауылы, Киров атындағы колхоз`.
fn kazakh_address(p: &ParticularTables, address: &Address, rng: &mut ChaCha8Rng) -> String {
    let short = rng.random_bool(0.5);
    let parts = match address {
        Address::Town {
            town,
            street,
            house,
        } => [
            join(&[town.map_or("", |t| &t.kk), p.word("town").kk_form(short)]),
            join(&[&street.kk, street_word(p, street).kk_form(short)]),
            join(&[house, p.word("house").kk_form(short)]),
        ],
        Address::Village { village, kolkhoz } => [
            join(&[&village.kk, p.word(&village.kind).kk_form(short)]),
            kolkhoz.map_or(String::new(), |e| {
                let named = p.word("named").kk_form(short);
                join(&[&e.kk, named, p.word("kolkhoz").kk_form(short)])
            }),
            String::new(),
        ],
    };
    join_listed(&parts)
}

/// `12 Lenin St., Almaty`, `Beshagach mahalla, Tashkent`, `Zhanakala aul, Kirov collective farm`.
fn english_address(p: &ParticularTables, address: &Address) -> String {
    let parts = match address {
        Address::Town {
            town,
            street,
            house,
        } => {
            let word = &street_word(p, street).en;
            let inner = if street.kind == StreetKind::Quarter {
                join(&[&street.en, word])
            } else {
                join(&[house, &street.en, word])
            };
            [inner, town.map_or(String::new(), |t| t.en.clone())]
        }
        Address::Village { village, kolkhoz } => [
            join(&[&village.en, &p.word(&village.kind).en]),
            kolkhoz.map_or(String::new(), |e| join(&[&e.en, &p.word("kolkhoz").en])),
        ],
    };
    join_listed(&parts)
}

/// Russian text romanised by a scheme a foreign compiler might have used.
fn romanised(m: &Mention, russian: &str, rng: &mut ChaCha8Rng) -> String {
    let scheme = Scheme::ALL[rng.random_range(0..Scheme::ALL.len())];
    translit::romanize(m.tables, russian, scheme)
}

/// The Russian occupation by the person's sex, now and then abbreviated.
fn russian_occupation(m: &Mention, job: &Job, rng: &mut ChaCha8Rng) -> String {
    let occupation = &tables(m).occupations[job.occupation];
    if !occupation.ru_short.is_empty() && rng.random_bool(0.25) {
        occupation.ru_short.clone()
    } else if m.person.female {
        occupation.ru_f.clone()
    } else {
        occupation.ru.clone()
    }
}

fn occupation(m: &Mention, job: &Job, rng: &mut ChaCha8Rng) -> String {
    let occupation = &tables(m).occupations[job.occupation];
    match m.layout.particulars.tongue {
        Tongue::Russian => russian_occupation(m, job, rng),
        Tongue::Kazakh if rng.random_bool(0.7) => occupation.kk.clone(),
        Tongue::Kazakh => russian_occupation(m, job, rng),
        Tongue::Uzbek if rng.random_bool(0.8) => {
            let mark = APOSTROPHES[rng.random_range(0..APOSTROPHES.len())];
            translit::with_apostrophe(&occupation.uz, mark)
        }
        Tongue::Uzbek => translit::uzbek_latin(m.tables, &russian_occupation(m, job, rng)),
        Tongue::Romanised if rng.random_bool(0.6) => occupation.en.clone(),
        Tongue::Romanised => romanised(m, &russian_occupation(m, job, rng), rng),
    }
}

/// The place of work in Russian, as institutions were named in every list of the time
/// (`Наркомзем КазССР`, `к-з им. Кирова`, `школа № 5`); romanised in a romanised source.
fn workplace(m: &Mention, job: &Job, home: &Home, rng: &mut ChaCha8Rng) -> String {
    let Some(place) = &job.place else {
        return String::new();
    };
    let p = tables(m);
    let short = rng.random_bool(0.5);
    let template = &p.workplaces[place.workplace];
    let republic = p.republic(&m.names.culture.key);
    let republic = republic.map_or("", |r| if short { &r.ru_short } else { &r.ru });
    let near = match home {
        Home::Town { place, .. } => *place,
        Home::Village { .. } => m.person.place,
    };
    let town = (m.names.culture.places.get(near)).map_or("", |t| town_ru(m, t));
    let text = if short {
        &template.ru_short
    } else {
        &template.ru
    };
    let text = text
        .replace("{e}", &p.streets[place.eponym].ru)
        .replace("{n}", &place.number.to_string())
        .replace("{r}", republic)
        .replace("{t}", town);
    if m.layout.particulars.tongue == Tongue::Romanised {
        romanised(m, &text, rng)
    } else {
        text
    }
}
