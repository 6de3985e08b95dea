//! A person's particulars: address before arrest, occupation and place of work, as some
//! sources write them in columns of their own.
//!
//! They are drawn from a stream of the person's own ([`person_stream`]), and written from it
//! too, so the rows' other cells, the rows and the truth are the same whether or not a source
//! carries these columns. A person lives in a town of the region (most often the birth town)
//! or in a village, aul or kishlak of it; works as the setting allows; and now and then a later
//! record gives another occupation than an early one.

pub mod tables;
pub mod write;

use chrono::Datelike;
use rand::RngExt;
use rand::seq::IndexedRandom;
use rand_chacha::ChaCha8Rng;

use super::data::Tables;
use super::noise::chance;
use super::person::{Person, Resolved, person_stream};
use tables::{ParticularTables, Setting, StreetKind};

/// Which of a person's streams draws and writes the particulars.
const PARTICULARS_STREAM: u64 = 0x7061_7274_6963_756C;
/// Share of persons of the steppe and oasis cultures who lived in the countryside.
const RURAL_SHARE: f64 = 0.65;
/// Share of Russians and Tatars who lived in the countryside.
const RURAL_SHARE_SETTLERS: f64 = 0.4;
/// Share of town dwellers who lived in their birth town.
const BIRTH_TOWN_SHARE: f64 = 0.6;
/// Share of village dwellers whose address names their kolkhoz.
const KOLKHOZ_IN_ADDRESS: f64 = 0.5;
/// Share of persons whose later records give another occupation than the early ones.
const CHANGED_OCCUPATION: f64 = 0.08;
/// Highest house number, and highest number of a school, plant or hospital.
const HIGHEST_HOUSE: u32 = 120;
const HIGHEST_NUMBER: u32 = 40;

/// Where a person lived before the arrest.
#[derive(Debug, Clone, PartialEq)]
pub enum Home {
    /// A town of the culture's places, a street or quarter and a house.
    Town {
        /// Index into the culture's places.
        place: usize,
        /// Index into the streets table.
        street: usize,
        /// House number.
        house: u32,
    },
    /// A village of the culture's region, maybe with the kolkhoz there.
    Village {
        /// Index into the villages table.
        village: usize,
        /// The kolkhoz's eponym (index into the streets table), when the address names it.
        kolkhoz: Option<usize>,
    },
}

/// A place of work: a way of naming it and what fills the name.
#[derive(Debug, Clone, PartialEq)]
pub struct PlaceOfWork {
    /// Index into the workplaces table.
    pub workplace: usize,
    /// The eponym (index into the streets table).
    pub eponym: usize,
    /// The number (of a school, plant, hospital).
    pub number: u32,
}

/// An occupation and where it was practised.
#[derive(Debug, Clone, PartialEq)]
pub struct Job {
    /// Index into the occupations table.
    pub occupation: usize,
    /// The place of work, if the occupation has one.
    pub place: Option<PlaceOfWork>,
}

impl Job {
    /// The job with a kolkhoz as place of work named after the kolkhoz of `home`, if the
    /// address names one.
    fn in_kolkhoz_of(mut self, home: &Home, p: &ParticularTables) -> Job {
        let Home::Village {
            kolkhoz: Some(eponym),
            ..
        } = home
        else {
            return self;
        };
        if let Some(place) = self.place.as_mut()
            && p.workplaces[place.workplace].kind == "kolkhoz"
        {
            place.eponym = *eponym;
        }
        self
    }
}

/// A person's particulars.
#[derive(Debug, Clone, PartialEq)]
pub struct Particulars {
    /// Where the person lived.
    pub home: Home,
    /// The job early records give.
    pub early: Job,
    /// The job later records give (mostly the early one).
    pub later: Job,
}

/// The stream that draws the particulars of `person` under `seed` and then writes them.
pub fn particulars_stream(seed: u64, person: &Person) -> ChaCha8Rng {
    person_stream(seed, person, PARTICULARS_STREAM)
}

impl Particulars {
    /// Draws the particulars of `person` from `rng` (the person's [`particulars_stream`]).
    pub fn draw(
        person: &Person,
        names: &Resolved,
        tables: &Tables,
        rng: &mut ChaCha8Rng,
    ) -> Particulars {
        let p = &tables.particulars;
        let culture = names.culture.key.as_str();
        let year = person.arrest.year();
        let rural_share = match culture {
            "russian" | "tatar" => RURAL_SHARE_SETTLERS,
            _ => RURAL_SHARE,
        };
        let setting = if chance(rng, rural_share) && has_village(p, culture) {
            Setting::Rural
        } else {
            Setting::Urban
        };
        let home = match setting {
            Setting::Rural => village_home(p, culture, year, rng),
            Setting::Urban => town_home(p, person, names, year, rng),
        };
        let early = job(p, setting, culture, year, rng).in_kolkhoz_of(&home, p);
        let later = if chance(rng, CHANGED_OCCUPATION) {
            job(p, setting, culture, year, rng).in_kolkhoz_of(&home, p)
        } else {
            early.clone()
        };
        Particulars { home, early, later }
    }

    /// The job an early record (`later` false) or a later one gives.
    pub fn job(&self, later: bool) -> &Job {
        if later { &self.later } else { &self.early }
    }
}

fn has_village(p: &ParticularTables, culture: &str) -> bool {
    p.villages.iter().any(|v| v.culture == culture)
}

/// A uniform pick among the indices of `items` that `keep` accepts (0 when none does).
fn pick<T>(items: &[T], keep: impl Fn(&T) -> bool, rng: &mut ChaCha8Rng) -> usize {
    let fitting: Vec<usize> = (0..items.len()).filter(|&i| keep(&items[i])).collect();
    if fitting.is_empty() {
        return 0;
    }
    fitting[rng.random_range(0..fitting.len())]
}

fn eponym(p: &ParticularTables, culture: &str, year: i32, rng: &mut ChaCha8Rng) -> usize {
    let named = |s: &tables::Street| s.kind == StreetKind::Named && s.fits(culture, year);
    pick(&p.streets, named, rng)
}

fn village_home(p: &ParticularTables, culture: &str, year: i32, rng: &mut ChaCha8Rng) -> Home {
    let village = pick(&p.villages, |v| v.culture == culture, rng);
    let kolkhoz = chance(rng, KOLKHOZ_IN_ADDRESS).then(|| eponym(p, culture, year, rng));
    Home::Village { village, kolkhoz }
}

fn town_home(
    p: &ParticularTables,
    person: &Person,
    names: &Resolved,
    year: i32,
    rng: &mut ChaCha8Rng,
) -> Home {
    let places = &names.culture.places;
    let place = if chance(rng, BIRTH_TOWN_SHARE) {
        person.place
    } else {
        places.index_at(rng.random_range(0..places.total().max(1)))
    };
    let culture = names.culture.key.as_str();
    let street = pick(&p.streets, |s| s.fits(culture, year), rng);
    let house = rng.random_range(1..=HIGHEST_HOUSE);
    Home::Town {
        place,
        street,
        house,
    }
}

fn job(
    p: &ParticularTables,
    setting: Setting,
    culture: &str,
    year: i32,
    rng: &mut ChaCha8Rng,
) -> Job {
    let fitting: Vec<usize> = (0..p.occupations.len())
        .filter(|&i| p.occupations[i].setting == setting)
        .collect();
    let occupation = (fitting.choose_weighted(rng, |&i| p.occupations[i].weight)).map_or(0, |&i| i);
    let kinds: Vec<&str> = p.occupations[occupation].workplace_kinds().collect();
    let place = (!kinds.is_empty()).then(|| {
        let kind = kinds[rng.random_range(0..kinds.len())];
        PlaceOfWork {
            workplace: pick(&p.workplaces, |w| w.kind == kind, rng),
            eponym: eponym(p, culture, year, rng),
            number: rng.random_range(1..=HIGHEST_NUMBER),
        }
    });
    Job { occupation, place }
}

#[cfg(test)]
mod tests;
