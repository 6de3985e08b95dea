//! Invented persons: culture, names drawn from Zipf-like pools, families, life dates.

use chrono::{Datelike, NaiveDate};
use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;

use super::data::{Culture, NameForms, PlaceForms, Pool, Tables};
use super::noise::chance;

/// One invented person, as indices into the tables.
#[derive(Debug, Clone)]
pub struct Person {
    /// Dense id, 1-based.
    pub id: u32,
    /// Index of the culture.
    pub culture: usize,
    /// Woman?
    pub female: bool,
    /// Given name index (female or male pool by `female`).
    pub given: usize,
    /// Surname index.
    pub surname: usize,
    /// Father's given name index (male pool).
    pub father: usize,
    /// Birth place index.
    pub place: usize,
    /// True birth date (Gregorian).
    pub birth: NaiveDate,
    /// Arrest date.
    pub arrest: NaiveDate,
    /// Sentence index.
    pub sentence: usize,
    /// Article index.
    pub article: usize,
    /// Rehabilitation date.
    pub rehab: NaiveDate,
    /// A second rehabilitation decision (e.g. a 1950s tribunal, then a 1989 prosecutor's
    /// conclusion); sources record either.
    pub rehab_again: Option<NaiveDate>,
}

/// The table entries a person refers to.
pub struct Resolved<'t> {
    /// The culture.
    pub culture: &'t Culture,
    /// Given name.
    pub given: &'t NameForms,
    /// Surname.
    pub surname: &'t NameForms,
    /// Father's given name.
    pub father: &'t NameForms,
    /// Birth place.
    pub place: &'t PlaceForms,
    /// Sentence (Russian, English).
    pub sentence: &'t (String, String),
    /// Article.
    pub article: &'t str,
}

/// A generator of one person's draws, fixed by the seed, the person and `stream` (each user of
/// such draws has a stream of its own), and independent of the generator of the rows.
pub fn person_stream(seed: u64, person: &Person, stream: u64) -> ChaCha8Rng {
    let mixed = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15).rotate_left(17)
        ^ u64::from(person.id).wrapping_mul(0xD1B5_4A32_D192_ED03);
    ChaCha8Rng::seed_from_u64(mixed ^ stream)
}

impl Person {
    /// The rehabilitation decision a source records: either of two, when there were two.
    pub fn decision_date(&self, rng: &mut ChaCha8Rng) -> NaiveDate {
        match self.rehab_again {
            Some(again) if rng.random_bool(0.5) => again,
            _ => self.rehab,
        }
    }

    /// Looks up the person's table entries; `None` only if the indices do not fit the tables.
    pub fn resolve<'t>(&self, tables: &'t Tables) -> Option<Resolved<'t>> {
        let culture = tables.cultures.get(self.culture)?;
        let givens = if self.female {
            &culture.female
        } else {
            &culture.male
        };
        Some(Resolved {
            culture,
            given: givens.get(self.given)?,
            surname: culture.surnames.get(self.surname)?,
            father: culture.male.get(self.father)?,
            place: culture.places.get(self.place)?,
            sentence: tables.sentences.get(self.sentence)?,
            article: tables.articles.get(self.article)?.as_str(),
        })
    }
}

/// Arrest years and their weights: the Great Terror of 1937–1938 dominates.
const ARREST_YEARS: [(i32, u64); 9] = [
    (1929, 4),
    (1930, 6),
    (1931, 5),
    (1933, 4),
    (1935, 4),
    (1936, 5),
    (1937, 40),
    (1938, 25),
    (1940, 7),
];

/// Share of arrests made on one of a year's mass-operation nights, and how many such nights a
/// year has: in 1937–1938 a district's NKVD took dozens of people on one night.
const OPERATION_SHARE: f64 = 0.5;
const OPERATION_NIGHTS: i32 = 12;
/// Share of relatives arrested on the same day as the relative they were drawn from.
const ARRESTED_TOGETHER: f64 = 0.4;
/// Share of persons rehabilitated twice.
const REHABILITATED_TWICE: f64 = 0.2;
/// Share of the 1989–1992 rehabilitations recorded under the decree of 16 January 1989.
const DECREE_SHARE: f64 = 0.4;

/// Share of persons who are a son or daughter of an earlier person, and of those who are siblings.
const CHILD_SHARE: f64 = 0.08;
const SIBLING_SHARE: f64 = 0.08;
const FEMALE_SHARE: f64 = 0.15;
const RING_SIZE: usize = 4096;

fn draw<T>(pool: &Pool<T>, rng: &mut ChaCha8Rng) -> usize {
    pool.index_at(rng.random_range(0..pool.total().max(1)))
}

fn day_in_year(year: i32, rng: &mut ChaCha8Rng) -> NaiveDate {
    let ordinal = rng.random_range(1..=365);
    NaiveDate::from_yo_opt(year, ordinal).unwrap_or(NaiveDate::MIN)
}

/// Makes persons one after another; recent persons can become parents or siblings of new ones.
pub struct PersonMaker {
    recent: Vec<Person>,
    next_id: u32,
}

impl Default for PersonMaker {
    fn default() -> Self {
        Self::new()
    }
}

impl PersonMaker {
    /// A maker with no persons yet.
    pub fn new() -> Self {
        PersonMaker {
            recent: Vec::with_capacity(RING_SIZE),
            next_id: 1,
        }
    }

    /// The next person.
    pub fn next_person(&mut self, tables: &Tables, rng: &mut ChaCha8Rng) -> Person {
        let roll: f64 = rng.random();
        let relative = if self.recent.is_empty() {
            None
        } else {
            let pick = rng.random_range(0..self.recent.len());
            self.recent.get(pick).cloned()
        };
        let mut person = match relative {
            Some(parent) if roll < CHILD_SHARE && !parent.female && parent.birth.year() < 1895 => {
                self.child_of(&parent, tables, rng)
            }
            Some(sibling) if roll < CHILD_SHARE + SIBLING_SHARE => {
                self.sibling_of(&sibling, tables, rng)
            }
            _ => self.fresh(tables, rng),
        };
        person.id = self.next_id;
        self.next_id += 1;
        self.remember(&person, rng);
        person
    }

    fn remember(&mut self, person: &Person, rng: &mut ChaCha8Rng) {
        if self.recent.len() < RING_SIZE {
            self.recent.push(person.clone());
        } else {
            let slot = rng.random_range(0..RING_SIZE);
            self.recent[slot] = person.clone();
        }
    }

    fn fresh(&self, tables: &Tables, rng: &mut ChaCha8Rng) -> Person {
        let culture_index = draw(&tables.cultures, rng);
        let female = rng.random_bool(FEMALE_SHARE);
        let birth_year = 1865 + rng.random_range(0..30) + rng.random_range(0..31);
        let mut person = self.shell(
            culture_index,
            female,
            day_in_year(birth_year, rng),
            tables,
            rng,
        );
        if let Some(culture) = tables.cultures.get(culture_index) {
            person.surname = draw(&culture.surnames, rng);
            person.father = draw(&culture.male, rng);
            person.place = draw(&culture.places, rng);
        }
        person
    }

    fn child_of(&self, parent: &Person, tables: &Tables, rng: &mut ChaCha8Rng) -> Person {
        let female = rng.random_bool(FEMALE_SHARE);
        let birth_year = (parent.birth.year() + rng.random_range(20..=36)).min(1921);
        self.relative(parent, parent.given, female, birth_year, tables, rng)
    }

    fn sibling_of(&self, sibling: &Person, tables: &Tables, rng: &mut ChaCha8Rng) -> Person {
        let female = rng.random_bool(FEMALE_SHARE);
        let gap = rng.random_range(1..=12) * if rng.random_bool(0.5) { 1 } else { -1 };
        let birth_year = (sibling.birth.year() + gap).min(1921);
        let mut person = self.relative(sibling, sibling.father, female, birth_year, tables, rng);
        // Parents do not give two of their children one name.
        let mut tries = 0;
        while person.female == sibling.female && person.given == sibling.given && tries < 8 {
            person.given = redraw_given(&person, tables, rng);
            tries += 1;
        }
        person
    }

    /// A relative of `kin` born in `birth_year`: of the same culture, surname and birth place,
    /// with `father` as father, and maybe arrested on the same day.
    fn relative(
        &self,
        kin: &Person,
        father: usize,
        female: bool,
        birth_year: i32,
        tables: &Tables,
        rng: &mut ChaCha8Rng,
    ) -> Person {
        let birth = day_in_year(birth_year, rng);
        let mut person = self.shell(kin.culture, female, birth, tables, rng);
        person.surname = kin.surname;
        person.father = father;
        person.place = kin.place;
        arrested_with(&mut person, kin, rng);
        person
    }

    /// A person of a culture with a drawn given name and life events; family fields left at 0.
    fn shell(
        &self,
        culture_index: usize,
        female: bool,
        birth: NaiveDate,
        tables: &Tables,
        rng: &mut ChaCha8Rng,
    ) -> Person {
        let given = tables
            .cultures
            .get(culture_index)
            .map_or(0, |c| draw(if female { &c.female } else { &c.male }, rng));
        let arrest = arrest_date(birth, rng);
        let rehab = rehab_date(rng);
        let rehab_again = chance(rng, REHABILITATED_TWICE).then(|| later_rehab_date(rehab, rng));
        Person {
            id: 0,
            culture: culture_index,
            female,
            given,
            surname: 0,
            father: 0,
            place: 0,
            birth,
            arrest,
            sentence: draw(&tables.sentences, rng),
            article: draw(&tables.articles, rng),
            rehab,
            rehab_again,
        }
    }
}

fn arrest_date(birth: NaiveDate, rng: &mut ChaCha8Rng) -> NaiveDate {
    let total: u64 = ARREST_YEARS.iter().map(|(_, w)| w).sum();
    let mut ticket = rng.random_range(0..total);
    let mut year = 1937;
    for (y, w) in ARREST_YEARS {
        if ticket < w {
            year = y;
            break;
        }
        ticket -= w;
    }
    let year = year.max(birth.year() + 16);
    if chance(rng, OPERATION_SHARE) {
        operation_night(year, rng.random_range(0..OPERATION_NIGHTS))
    } else {
        day_in_year(year, rng)
    }
}

/// The `k`-th mass-operation night of a year: a fixed day, the same in every corpus.
fn operation_night(year: i32, k: i32) -> NaiveDate {
    let ordinal = 1 + (year * 7919 + k * 29).rem_euclid(365);
    NaiveDate::from_yo_opt(year, ordinal as u32).unwrap_or(NaiveDate::MIN)
}

/// Another given name from the person's culture and gender pool.
fn redraw_given(person: &Person, tables: &Tables, rng: &mut ChaCha8Rng) -> usize {
    tables
        .cultures
        .get(person.culture)
        .map_or(person.given, |c| {
            draw(if person.female { &c.female } else { &c.male }, rng)
        })
}

/// A relative taken on the same day, when old enough then.
fn arrested_with(person: &mut Person, relative: &Person, rng: &mut ChaCha8Rng) {
    if relative.arrest.year() >= person.birth.year() + 16 && chance(rng, ARRESTED_TOGETHER) {
        person.arrest = relative.arrest;
    }
}

fn rehab_date(rng: &mut ChaCha8Rng) -> NaiveDate {
    match rng.random_range(0..10) {
        0..=3 => day_in_year(rng.random_range(1955..=1962), rng),
        4..=7 => perestroika_rehab_date(rng),
        _ => day_in_year(rng.random_range(2021..=2023), rng),
    }
}

/// A rehabilitation of 1989–1992, often recorded under the decree of 16 January 1989.
fn perestroika_rehab_date(rng: &mut ChaCha8Rng) -> NaiveDate {
    if chance(rng, DECREE_SHARE) {
        NaiveDate::from_ymd_opt(1989, 1, 16).unwrap_or(NaiveDate::MIN)
    } else {
        day_in_year(rng.random_range(1989..=1992), rng)
    }
}

/// A second rehabilitation after `first`: a later era's review of the same case.
fn later_rehab_date(first: NaiveDate, rng: &mut ChaCha8Rng) -> NaiveDate {
    if first.year() < 1989 {
        perestroika_rehab_date(rng)
    } else {
        day_in_year(rng.random_range(first.year().max(2021)..=2023), rng)
    }
}
