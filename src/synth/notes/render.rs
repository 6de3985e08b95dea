//! Writing one note: the parts in the usual order with now and then two swapped, each in a
//! template of its part, dates in one of the genre's forms, and the truth of what it states.

use chrono::{Datelike, NaiveDate};
use rand::RngExt;
use rand_chacha::ChaCha8Rng;

use super::facts::Facts;
use super::{NoteTables, Phrase, gendered, pick_weighted};
use crate::synth::data::Tables;
use crate::synth::dates;
use crate::synth::noise::{self, Noise, chance};
use crate::synth::person::{Person, Resolved};
use crate::synth::sources::russian_place_name;

/// Share of neighbouring parts written in the other order.
const SWAPPED_PARTS: f64 = 0.08;
/// Share of dates written in another form than the note's usual one.
const OTHER_DATE_FORM: f64 = 0.15;
/// Separators between parts, with weights.
const SEPARATORS: [(&str, u64); 3] = [("; ", 4), (", ", 3), (". ", 3)];

/// One note and the values it states, as `(kind, value)` in the order written.
#[derive(Debug, Clone, PartialEq)]
pub struct Note {
    /// The note's text.
    pub text: String,
    /// `(kind, value)`: the kinds of the note reader, values canonical (ISO dates, a birth
    /// year when only the year is written).
    pub states: Vec<(&'static str, String)>,
}

/// The values one mention writes: the person's facts with this clerk's slips and typos.
struct Written {
    birth: NaiveDate,
    birth_place: Option<String>,
    residence: Option<String>,
    occupation: Option<String>,
    arrest: NaiveDate,
    sentence_date: NaiveDate,
    shot: Option<NaiveDate>,
    died: Option<NaiveDate>,
    released: Option<NaiveDate>,
    rehab: NaiveDate,
    date_form: u32,
}

/// The note's usual date form: `03.09.1937`, `3 сентября 1937 г.` or `3.IX.1937`.
fn draw_date_form(rng: &mut ChaCha8Rng) -> u32 {
    match rng.random_range(0..10) {
        0..=4 => 2,
        5..=8 => 5,
        _ => 3,
    }
}

fn written(
    person: &Person,
    names: &Resolved,
    facts: &Facts,
    tables: &Tables,
    noise: &Noise,
    rng: &mut ChaCha8Rng,
) -> Written {
    let typo = |text: String, rng: &mut ChaCha8Rng| {
        noise::maybe_typo(tables, text, noise, noise::russian_letter, rng)
    };
    let year = if rng.random_bool(0.6) {
        person.birth.year()
    } else {
        person.arrest.year()
    };
    let birth_place = Some(russian_place_name(names.place, year).to_string())
        .filter(|name| !name.is_empty())
        .map(|name| typo(name, rng));
    let residence = facts.residence.clone().map(|name| typo(name, rng));
    let occupation = (facts.occupation.as_ref()).map(|o| typo(o.form.clone(), rng));
    let birth = if chance(rng, noise.year_off) {
        dates::shift_years(person.birth, if rng.random_bool(0.5) { 1 } else { -1 })
    } else {
        person.birth
    };
    Written {
        birth,
        birth_place,
        residence,
        occupation,
        arrest: noise::slipped(person.arrest, rng),
        sentence_date: noise::slipped(facts.sentence_date, rng),
        shot: facts.shot.map(|d| noise::slipped(d, rng)),
        died: facts.died,
        released: facts.released,
        rehab: noise::slipped(person.decision_date(rng), rng),
        date_form: draw_date_form(rng),
    }
}

/// The reader's kind a placeholder states, or `None` for a name no template may use.
pub fn kind_of(placeholder: &str) -> Option<&'static str> {
    Some(match placeholder {
        "birth_year" | "birth_date" => "birth_date",
        "birth_place" => "birth_place",
        "nationality" => "nationality",
        "party" => "party",
        "education" => "education",
        "residence" => "residence",
        "occupation" => "occupation",
        "arrest_date" => "arrest_date",
        "organ" | "organ_by" => "sentencing_organ",
        "sentence_date" => "sentence_date",
        "article" => "charge",
        "sentence" | "sentence_k" => "sentence",
        "shot_date" | "died_date" => "death_date",
        "release_date" => "release",
        "rehab_date" => "decision_date",
        "body_by" => "deciding_body",
        _ => return None,
    })
}

/// The date a placeholder writes, if it writes one.
fn date_of(name: &str, w: &Written) -> Option<NaiveDate> {
    match name {
        "birth_date" => Some(w.birth),
        "arrest_date" => Some(w.arrest),
        "sentence_date" => Some(w.sentence_date),
        "shot_date" => w.shot,
        "died_date" => w.died,
        "release_date" => w.released,
        "rehab_date" => Some(w.rehab),
        _ => None,
    }
}

/// The truth value of `{name}` (ISO dates, canonical words), or `None` when this person's note
/// has no such value.
fn truth_value(name: &str, w: &Written, facts: &Facts) -> Option<String> {
    if let Some(date) = date_of(name, w) {
        return Some(date.format("%Y-%m-%d").to_string());
    }
    let value = match name {
        "birth_year" => w.birth.year().to_string(),
        "birth_place" => w.birth_place.clone()?,
        "nationality" => facts.nationality.clone(),
        "party" => facts.party.as_ref()?.value.clone(),
        "education" => facts.education.as_ref()?.value.clone(),
        "residence" => w.residence.clone()?,
        "occupation" => w.occupation.clone()?,
        "organ" | "organ_by" => facts.organ.as_ref()?.value.clone(),
        "article" => facts.articles.join(", "),
        "sentence" | "sentence_k" => facts.sentence.value.clone(),
        "body_by" => facts.body.as_ref()?.value.clone(),
        _ => return None,
    };
    Some(value)
}

/// The text `{name}` writes; dates in the note's form, now and then another.
fn written_text(
    name: &str,
    w: &Written,
    facts: &Facts,
    tables: &Tables,
    rng: &mut ChaCha8Rng,
) -> Option<String> {
    if let Some(date) = date_of(name, w) {
        let form = if chance(rng, OTHER_DATE_FORM) {
            draw_date_form(rng)
        } else {
            w.date_form
        };
        return Some(dates::russian(tables, date, form));
    }
    match name {
        "party" => Some(facts.party.as_ref()?.form.clone()),
        "education" => Some(facts.education.as_ref()?.form.clone()),
        "organ_by" => Some(facts.organ.as_ref()?.form.clone()),
        "sentence_k" => Some(facts.sentence.form.clone()),
        "body_by" => Some(facts.body.as_ref()?.form.clone()),
        _ => truth_value(name, w, facts),
    }
}

/// The placeholders of a template, in order.
pub fn placeholders(template: &str) -> Vec<&str> {
    template
        .split('{')
        .skip(1)
        .filter_map(|piece| piece.split_once('}').map(|(name, _)| name))
        .collect()
}

/// True when every placeholder of `phrase` has a value for this person and states a kind the
/// note has not stated yet.
fn usable(phrase: &Phrase, w: &Written, facts: &Facts, states: &[(&str, String)]) -> bool {
    placeholders(&phrase.template).iter().all(|name| {
        truth_value(name, w, facts).is_some()
            && kind_of(name).is_some_and(|kind| !states.iter().any(|(k, _)| *k == kind))
    })
}

/// Writes one phrase, adding what it states to `states`.
fn write_phrase(
    phrase: &Phrase,
    w: &Written,
    facts: &Facts,
    tables: &Tables,
    states: &mut Vec<(&'static str, String)>,
    rng: &mut ChaCha8Rng,
) -> String {
    let template = gendered(&phrase.template, facts.female);
    let mut out = String::with_capacity(template.len() + 32);
    let mut rest = template.as_str();
    while let Some(open) = rest.find('{') {
        let Some(close) = rest[open..].find('}').map(|c| open + c) else {
            break;
        };
        out.push_str(&rest[..open]);
        let name = &rest[open + 1..close];
        if let Some(text) = written_text(name, w, facts, tables, rng) {
            out.push_str(&text);
        }
        if let (Some(kind), Some(value)) = (kind_of(name), truth_value(name, w, facts))
            && !states.iter().any(|(k, _)| *k == kind)
        {
            states.push((kind, value));
        }
        rest = &rest[close + 1..];
    }
    out.push_str(rest);
    out
}

/// The parts of this note in order: the usual order with neighbours now and then swapped.
fn part_order<'t>(notes: &'t NoteTables, rng: &mut ChaCha8Rng) -> Vec<&'t str> {
    let mut order: Vec<&str> = notes.parts.iter().map(|p| p.part.as_str()).collect();
    for i in 1..order.len() {
        if chance(rng, SWAPPED_PARTS) {
            order.swap(i - 1, i);
        }
    }
    order
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

/// Joins the pieces with `separator`, as a sentence when it is a full stop (no doubled dot
/// after an abbreviation).
fn joined(pieces: &[String], separator: &str) -> String {
    let sentences = separator == ". ";
    let mut out = String::new();
    for piece in pieces {
        if !out.is_empty() {
            out.push_str(if sentences && out.ends_with('.') {
                " "
            } else {
                separator
            });
        }
        out.push_str(piece);
    }
    if sentences && !out.is_empty() && !out.ends_with('.') {
        out.push('.');
    }
    capitalised(&out)
}

/// Writes a note about `person` from `facts`, with this mention's noise.
pub fn note(
    person: &Person,
    names: &Resolved,
    facts: &Facts,
    tables: &Tables,
    notes: &NoteTables,
    noise: &Noise,
    rng: &mut ChaCha8Rng,
) -> Note {
    let w = written(person, names, facts, tables, noise, rng);
    let separators: Vec<&(&str, u64)> = SEPARATORS.iter().collect();
    let separator = pick_weighted(&separators, |s| s.1, rng).map_or("; ", |s| s.0);
    let mut states = Vec::new();
    let mut pieces = Vec::new();
    for part in part_order(notes, rng) {
        let share = notes
            .parts
            .iter()
            .find(|p| p.part == part)
            .map_or(0.0, |p| p.share);
        if !chance(rng, share) {
            continue;
        }
        let phrases = notes.phrases.get(part).map_or(&[][..], Vec::as_slice);
        let candidates: Vec<&Phrase> = (phrases.iter())
            .filter(|p| usable(p, &w, facts, &states))
            .collect();
        if let Some(phrase) = pick_weighted(&candidates, |p| p.weight, rng) {
            let piece = write_phrase(phrase, &w, facts, tables, &mut states, rng);
            pieces.push(if separator == ". " {
                capitalised(&piece)
            } else {
                piece
            });
        }
    }
    Note {
        text: joined(&pieces, separator),
        states,
    }
}
