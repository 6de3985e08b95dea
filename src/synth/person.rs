//! Invented persons: culture, names drawn from Zipf-like pools, families, life dates.

use chrono::{Datelike, NaiveDate};
use rand::RngExt;
use rand_chacha::ChaCha8Rng;

use super::data::{Culture, NameForms, PlaceForms, Pool, Tables};

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

impl Person {
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
        let mut child = self.shell(
            parent.culture,
            female,
            day_in_year(birth_year, rng),
            tables,
            rng,
        );
        child.surname = parent.surname;
        child.father = parent.given;
        child.place = parent.place;
        child
    }

    fn sibling_of(&self, sibling: &Person, tables: &Tables, rng: &mut ChaCha8Rng) -> Person {
        let female = rng.random_bool(FEMALE_SHARE);
        let gap = rng.random_range(1..=12) * if rng.random_bool(0.5) { 1 } else { -1 };
        let birth_year = (sibling.birth.year() + gap).min(1921);
        let mut person = self.shell(
            sibling.culture,
            female,
            day_in_year(birth_year, rng),
            tables,
            rng,
        );
        person.surname = sibling.surname;
        person.father = sibling.father;
        person.place = sibling.place;
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
            rehab: rehab_date(rng),
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
    day_in_year(year.max(birth.year() + 16), rng)
}

fn rehab_date(rng: &mut ChaCha8Rng) -> NaiveDate {
    let year = match rng.random_range(0..10) {
        0..=3 => rng.random_range(1955..=1962),
        4..=7 => rng.random_range(1989..=1992),
        _ => rng.random_range(2021..=2023),
    };
    day_in_year(year, rng)
}
