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
        rehab: noise::slipped(person.decision_date(rng), rng),
        date_form: draw_date_form(rng),
    }
}

/// What a placeholder writes: the reader's kind (if it states one), the text, the truth value.
type Filled = (Option<&'static str>, String, String);

fn date_text(w: &Written, tables: &Tables, date: NaiveDate, rng: &mut ChaCha8Rng) -> String {
    let form = if chance(rng, OTHER_DATE_FORM) {
        draw_date_form(rng)
    } else {
        w.date_form
    };
    dates::russian(tables, date, form)
}

fn dated(
    kind: &'static str,
    w: &Written,
    t: &Tables,
    d: NaiveDate,
    rng: &mut ChaCha8Rng,
) -> Filled {
    let text = date_text(w, t, d, rng);
    (Some(kind), text, d.format("%Y-%m-%d").to_string())
}

fn text(kind: &'static str, form: &str, value: &str) -> Filled {
    (Some(kind), form.to_string(), value.to_string())
}

/// The text of `{name}`, or `None` when this person's note has no such value.
fn fill(
    name: &str,
    w: &Written,
    facts: &Facts,
    names: &Resolved,
    tables: &Tables,
    rng: &mut ChaCha8Rng,
) -> Option<Filled> {
    let filled = match name {
        "birth_year" => {
            let year = w.birth.year().to_string();
            (Some("birth_date"), year.clone(), year)
        }
        "birth_date" => dated("birth_date", w, tables, w.birth, rng),
        "birth_place" => text(
            "birth_place",
            w.birth_place.as_deref()?,
            w.birth_place.as_deref()?,
        ),
        "nationality" => text("nationality", &facts.nationality, &facts.nationality),
        "party" => facts
            .party
            .as_ref()
            .map(|p| text("party", &p.form, &p.value))?,
        "education" => facts
            .education
            .as_ref()
            .map(|e| text("education", &e.form, &e.value))?,
        "residence" => text(
            "residence",
            w.residence.as_deref()?,
            w.residence.as_deref()?,
        ),
        "occupation" => text(
            "occupation",
            w.occupation.as_deref()?,
            w.occupation.as_deref()?,
        ),
        "arrest_date" => dated("arrest_date", w, tables, w.arrest, rng),
        "organ" => facts
            .organ
            .as_ref()
            .map(|o| text("sentencing_organ", &o.value, &o.value))?,
        "organ_by" => facts
            .organ
            .as_ref()
            .map(|o| text("sentencing_organ", &o.form, &o.value))?,
        "sentence_date" => dated("sentence_date", w, tables, w.sentence_date, rng),
        "article" => text("charge", names.article, names.article),
        "sentence" => text("sentence", &facts.sentence.value, &facts.sentence.value),
        "sentence_k" => text("sentence", &facts.sentence.form, &facts.sentence.value),
        "shot_date" => dated("death_date", w, tables, w.shot?, rng),
        "died_date" => dated("death_date", w, tables, w.died?, rng),
        "rehab_date" => dated("decision_date", w, tables, w.rehab, rng),
        "body_by" => facts
            .body
            .as_ref()
            .map(|b| text("deciding_body", &b.form, &b.value))?,
        _ => return None,
    };
    Some(filled)
}

/// The placeholders of a template, in order.
fn placeholders(template: &str) -> Vec<&str> {
    template
        .split('{')
        .skip(1)
        .filter_map(|piece| piece.split_once('}').map(|(name, _)| name))
        .collect()
}

/// True when every placeholder of `phrase` has a value for this person.
fn usable(phrase: &Phrase, w: &Written, facts: &Facts) -> bool {
    placeholders(&phrase.template)
        .iter()
        .all(|name| match *name {
            "birth_place" => w.birth_place.is_some(),
            "party" => facts.party.is_some(),
            "education" => facts.education.is_some(),
            "residence" => w.residence.is_some(),
            "occupation" => w.occupation.is_some(),
            "organ" | "organ_by" => facts.organ.is_some(),
            "shot_date" => w.shot.is_some(),
            "died_date" => w.died.is_some(),
            "body_by" => facts.body.is_some(),
            _ => true,
        })
}

/// Writes one phrase, adding what it states to `states`.
fn write_phrase(
    phrase: &Phrase,
    w: &Written,
    facts: &Facts,
    names: &Resolved,
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
        if let Some((kind, written, value)) =
            fill(&rest[open + 1..close], w, facts, names, tables, rng)
        {
            out.push_str(&written);
            if let Some(kind) = kind.filter(|k| !states.iter().any(|(s, _)| s == k)) {
                states.push((kind, value));
            }
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
        let candidates: Vec<&Phrase> = phrases.iter().filter(|p| usable(p, &w, facts)).collect();
        if let Some(phrase) = pick_weighted(&candidates, |p| p.weight, rng) {
            let piece = write_phrase(phrase, &w, facts, names, tables, &mut states, rng);
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
