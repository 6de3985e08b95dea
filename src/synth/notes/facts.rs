//! What a memory book knows of one person beyond the other lists: party, education,
//! residence, occupation, the sentencing organ and date, death, the deciding body. Drawn from
//! a generator of the person's own, so every mention of a person tells the same life.

use chrono::{Datelike, NaiveDate, TimeDelta};
use rand::RngExt;
use rand_chacha::ChaCha8Rng;

use super::{NoteTables, NoteValue, gendered, pick_weighted};
use crate::synth::data::Tables;
use crate::synth::noise::chance;
use crate::synth::person::{Person, Resolved, person_stream};
use crate::synth::sources::russian_place_name;

/// Share of persons not shot who died in custody (and whose note says so).
const DIED_IN_CUSTODY: f64 = 0.3;
/// Share of the others whose release the note gives.
const RELEASED: f64 = 0.5;
/// Share of persons charged under a second article.
const SECOND_ARTICLE: f64 = 0.25;

/// A canonical value with the form a note writes (gender resolved).
#[derive(Debug, Clone, PartialEq)]
pub struct Worded {
    /// Canonical value (what the truth records).
    pub value: String,
    /// Written form.
    pub form: String,
}

/// The life of one person as a memory book tells it.
#[derive(Debug, Clone)]
pub struct Facts {
    /// Woman?
    pub female: bool,
    /// Nationality word (feminine for a woman).
    pub nationality: String,
    /// Party membership.
    pub party: Option<Worded>,
    /// Education.
    pub education: Option<Worded>,
    /// Place of residence at arrest (its name then).
    pub residence: Option<String>,
    /// Occupation.
    pub occupation: Option<Worded>,
    /// The organ that passed the sentence (nominative; instrumental form).
    pub organ: Option<Worded>,
    /// Day of the sentence.
    pub sentence_date: NaiveDate,
    /// The sentence (as `sentences.csv` words it; form after `к`).
    pub sentence: Worded,
    /// Day of the shooting, when shot.
    pub shot: Option<NaiveDate>,
    /// Day of death in custody.
    pub died: Option<NaiveDate>,
    /// Day of release from camp, prison or exile.
    pub released: Option<NaiveDate>,
    /// The articles charged: the person's, now and then a second.
    pub articles: Vec<String>,
    /// The body that rehabilitated (nominative; instrumental form).
    pub body: Option<Worded>,
}

/// Which of a person's streams ([`person_stream`]) draws the facts of the notes.
const FACTS_STREAM: u64 = 0;

fn worded(rows: &[NoteValue], female: bool, rng: &mut ChaCha8Rng) -> Option<Worded> {
    let refs: Vec<&NoteValue> = rows.iter().collect();
    pick_weighted(&refs, |row| row.weight, rng).map(|row| Worded {
        value: gendered(&row.value, female),
        form: gendered(&row.form, female),
    })
}

/// One written form of the canonical `value` of `kind`, or the value itself.
fn form_of(
    notes: &NoteTables,
    kind: &str,
    value: &str,
    female: bool,
    rng: &mut ChaCha8Rng,
) -> Worded {
    let forms = notes.forms_of(kind, value);
    match pick_weighted(&forms, |row| row.weight, rng) {
        Some(row) => Worded {
            value: value.to_string(),
            form: gendered(&row.form, female),
        },
        None => Worded {
            value: value.to_string(),
            form: value.to_string(),
        },
    }
}

fn days_after(date: NaiveDate, days: i64) -> NaiveDate {
    date.checked_add_signed(TimeDelta::days(days))
        .unwrap_or(date)
}

/// The person's article, and now and then a second one.
fn charged(names: &Resolved, tables: &Tables, rng: &mut ChaCha8Rng) -> Vec<String> {
    let mut articles = vec![names.article.to_string()];
    if chance(rng, SECOND_ARTICLE) {
        let ticket = rng.random_range(0..tables.articles.total().max(1));
        let index = tables.articles.index_at(ticket);
        if let Some(second) = tables.articles.get(index).filter(|a| **a != articles[0]) {
            articles.push(second.clone());
        }
    }

    articles
}

impl Facts {
    /// The facts of `person` under `seed`.
    pub fn of(
        seed: u64,
        person: &Person,
        names: &Resolved,
        tables: &Tables,
        notes: &NoteTables,
    ) -> Facts {
        let mut rng = person_stream(seed, person, FACTS_STREAM);
        let female = person.female;
        let nationality = names.culture.nationality[0].clone();
        let nationality = if female {
            form_of(notes, "nationality", &nationality, female, &mut rng).form
        } else {
            nationality
        };
        let residence_index = (names.culture.places)
            .index_at(rng.random_range(0..names.culture.places.total().max(1)));
        let residence = (names.culture.places.get(residence_index))
            .map(|place| russian_place_name(place, person.arrest.year()).to_string())
            .filter(|name| !name.is_empty());
        let sentence_date = days_after(person.arrest, rng.random_range(5..=180));
        let sentence = form_of(notes, "sentence", &names.sentence.0, female, &mut rng);
        let shooting = !notes.forms_of("shooting", &sentence.value).is_empty();
        let shot = shooting.then(|| days_after(sentence_date, rng.random_range(0..=20)));
        let died = (!shooting && chance(&mut rng, DIED_IN_CUSTODY))
            .then(|| days_after(sentence_date, rng.random_range(60..=2500)));
        let released = (!shooting && died.is_none() && chance(&mut rng, RELEASED))
            .then(|| days_after(sentence_date, rng.random_range(700..=3700)));
        let articles = charged(names, tables, &mut rng);
        Facts {
            female,
            nationality,
            party: worded(notes.values_of("party"), female, &mut rng),
            education: worded(notes.values_of("education"), female, &mut rng),
            residence,
            occupation: worded(notes.values_of("occupation"), female, &mut rng),
            organ: worded(notes.values_of("organ"), female, &mut rng),
            sentence_date,
            sentence,
            shot,
            died,
            released,
            articles,
            body: worded(notes.values_of("deciding_body"), female, &mut rng),
        }
    }
}
