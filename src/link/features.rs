//! Compact per-mention features for linkage: interned key ids, birth intervals as day numbers,
//! gender. Interned ids follow the sorted order of the strings, so sorting by id sorts by text.

use super::generic::Generic;
use super::intern::{intern_keyed, intern_unnumbered, number};
use crate::model::{DateValue, Gender, Mention, Norm, Precision};
use crate::normalize::text::{letters_and_digits_lower, push_lower};
use chrono::{Datelike, NaiveDate};
use rayon::prelude::*;

/// The id of a missing value.
pub(crate) const NONE: u32 = u32::MAX;

/// Pseudo-count of the term-frequency estimate: values a name's frequency is shrunk with.
const TF_PSEUDO_COUNT: f64 = 1000.0;

/// The distinct strings of one key space, in sorted order, with how often each occurs.
#[derive(Debug, Default)]
pub(crate) struct Vocab {
    /// The distinct strings; an id indexes this list.
    pub strings: Vec<String>,
    /// How many values carry each id.
    pub counts: Vec<u32>,
    /// How many values are present in total.
    pub total: u64,
    /// A number no other vocabulary of the process has (0 for an empty default one): the memo
    /// of comparisons (see [`super::memo`]) tells vocabularies apart by it.
    pub id: u32,
}

impl Vocab {
    /// The text of an id, or "" for a missing value.
    pub fn text(&self, id: u32) -> &str {
        self.strings
            .get(id as usize)
            .map(String::as_str)
            .unwrap_or("")
    }

    /// The relative frequency of an id, shrunk towards `typical` (the chance that two random
    /// values agree) with the weight of [`TF_PSEUDO_COUNT`] values: in a short list, a name
    /// seen twice is not thereby common.
    pub fn smoothed_frequency(&self, id: u32, typical: f64) -> f64 {
        let count = self.counts.get(id as usize).copied().unwrap_or(0);
        (f64::from(count.max(1)) + TF_PSEUDO_COUNT * typical)
            / (self.total as f64 + TF_PSEUDO_COUNT)
    }
}

/// A birth date as an interval of day numbers, with its years.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Birth {
    /// First possible day (days from the common era).
    pub lo: i32,
    /// Last possible day.
    pub hi: i32,
    /// Year of `lo`.
    pub year_lo: i32,
    /// Year of `hi`.
    pub year_hi: i32,
    /// Whether the date is known to the day.
    pub day: bool,
    /// Month and day (`month * 32 + day`) of a date known to the day, else 0.
    pub month_day: u16,
    /// The birth year when known to a year or better (for blocking and constraints).
    pub year: Option<i32>,
}

/// An event date (arrest, rehabilitation decision) as an interval of day numbers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Span {
    /// First possible day (days from the common era).
    pub lo: i32,
    /// Last possible day.
    pub hi: i32,
    /// Whether the date is known to the day.
    pub day: bool,
}

/// One mention's features.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Feat {
    /// Surname key id.
    pub surname: u32,
    /// Given-name key id (shares its vocabulary with `father`).
    pub given: u32,
    /// Father's-name key id.
    pub father: u32,
    /// The given-name key, or for a mention with a single name part its surname key, in a space
    /// of its own (for blocking only).
    pub first_name: u32,
    /// Phonetic key id.
    pub phonetic: u32,
    /// The first letter of the given name's match key as written (before known names are
    /// folded: `Габдулла` gives `g`, as its initial `Г.` does), 0 when there is no given name.
    pub initial: u8,
    /// The surname's match key as written, before known names and endings are folded: a typo
    /// moves it by one letter (`Ахметов`, `Амхетов`) where the folded keys differ more.
    pub surname_surface: u32,
    /// The given name's match key as written.
    pub given_surface: u32,
    /// The patronymic's match key as written.
    pub patronymic_surface: u32,
    /// The first three letters of the surname as written, sorted (for blocking: a typo that
    /// swaps the first letters keeps them).
    pub surname_letters: u32,
    /// The first three letters of the given name as written, sorted.
    pub given_letters: u32,
    /// Birth place key id.
    pub place: u32,
    /// Nationality id (case-folded).
    pub nationality: u32,
    /// Case number id (case-folded, white space removed).
    pub case_no: u32,
    /// Birth date.
    pub birth: Option<Birth>,
    /// Arrest date.
    pub arrest: Option<Span>,
    /// Arrest day id (dates known to the day only), for term-frequency adjustment and blocking.
    pub arrest_day: u32,
    /// Date of the rehabilitation decision.
    pub decision: Option<Span>,
    /// Decision day id (dates known to the day only).
    pub decision_day: u32,
    /// Sentence key id (`camp:10`).
    pub sentence: u32,
    /// Kind of the sentence: 0 unknown, else 1 + its [`SentenceKind`](crate::model::SentenceKind) (compared for equality only).
    pub sentence_kind: u8,
    /// 0 unknown, 1 male, 2 female.
    pub gender: u8,
    /// Interned source (file) name.
    pub source: u32,
    /// Which generic comparisons have a value for the mention: bit `c` for column `c`.
    pub generic_present: u16,
}

/// Features of every mention with the vocabularies their ids refer to.
#[derive(Debug, Default)]
pub(crate) struct Features {
    /// One row per mention.
    pub rows: Vec<Feat>,
    /// Surname keys.
    pub surnames: Vocab,
    /// Given-name and father's-name keys.
    pub givens: Vocab,
    /// Arrest days: one mass-operation night is shared by many.
    pub arrest_days: Vocab,
    /// Decision days: one decree rehabilitated many on one date.
    pub decision_days: Vocab,
    /// Surname and given-name keys as written.
    pub surfaces: Vocab,
    /// Birth place keys: a shared village says more than a shared capital.
    pub places: Vocab,
    /// The generic comparisons: columns outside the fixed fields.
    pub generic: Generic,
}

impl Features {
    /// Extracts the features of all mentions, comparing the columns chosen without a
    /// configuration.
    #[cfg(test)]
    pub fn build(mentions: &[Mention]) -> Features {
        Features::build_with(mentions, &[])
    }

    /// Extracts the features of all mentions; `named` are the `(source, header)` columns a
    /// configuration asks to compare. The key spaces are interned side by side, and their
    /// vocabularies numbered afterwards in a fixed order.
    pub fn build_with(mentions: &[Mention], named: &[(String, String)]) -> Features {
        let surface: Vec<[String; 3]> = mentions
            .par_iter()
            .map(|m| [&m.name.surname, &m.name.given, &m.name.patronymic].map(|p| surface_key(p)))
            .collect();
        let (interned, mut generic) = rayon::join(
            || intern_keys(mentions, &surface),
            || Generic::build_unnumbered(mentions, named),
        );
        let [
            (surname, surnames),
            (names, givens),
            (first_name, _),
            (phonetic, _),
            (place, places),
            (nationality, _),
            (case_no, _),
            (source, _),
            (arrest_day, arrest_days),
            (decision_day, decision_days),
            (surfaces_ids, surfaces),
            (sentence, _),
        ] = interned.map(|(ids, mut vocab)| {
            number(&mut vocab);
            (ids, vocab)
        });
        generic.number_vocabs();
        let id = |column: &[Vec<u32>], part: usize, i: usize| {
            column
                .get(part)
                .and_then(|c| c.get(i))
                .copied()
                .unwrap_or(NONE)
        };
        let rows = mentions
            .par_iter()
            .enumerate()
            .map(|(i, m)| Feat {
                surname: id(&surname, 0, i),
                given: id(&names, 0, i),
                father: id(&names, 1, i),
                first_name: id(&first_name, 0, i),
                phonetic: id(&phonetic, 0, i),
                initial: surface[i][1].bytes().next().unwrap_or(0),
                surname_surface: id(&surfaces_ids, 0, i),
                given_surface: id(&surfaces_ids, 1, i),
                patronymic_surface: id(&surfaces_ids, 2, i),
                surname_letters: first_letters(&surface[i][0]),
                given_letters: first_letters(&surface[i][1]),
                place: id(&place, 0, i),
                nationality: id(&nationality, 0, i),
                case_no: id(&case_no, 0, i),
                source: id(&source, 0, i),
                birth: birth_of(m),
                arrest: span_of(&m.arrest),
                arrest_day: id(&arrest_day, 0, i),
                decision: span_of(&m.decision_date),
                decision_day: id(&decision_day, 0, i),
                sentence: id(&sentence, 0, i),
                sentence_kind: m.sentence_key.map_or(0, |k| k.kind as u8 + 1),
                gender: match m.name.gender {
                    None => 0,
                    Some(Gender::Male) => 1,
                    Some(Gender::Female) => 2,
                },
                generic_present: 0,
            })
            .collect();
        let mut feats = Features {
            rows,
            surnames,
            givens,
            arrest_days,
            decision_days,
            surfaces,
            places,
            generic,
        };
        feats.mark_generic_values();
        feats
    }
}

/// One interned key space: per column, each mention's id; and the vocabulary (not numbered).
type Interned = (Vec<Vec<u32>>, Vocab);

/// The fixed key spaces interned for every archive.
const KEY_SPACES: usize = 12;

/// A key space to intern.
type Task<'a> = Box<dyn Fn() -> Interned + Send + Sync + 'a>;

/// Interns every fixed key space, side by side, in this order: surnames, given and father's
/// names, first names, phonetic keys, places, nationalities, case numbers, sources, arrest
/// days, decision days, names as written (`surface`: surname, given name, patronymic per
/// mention), sentences.
fn intern_keys(mentions: &[Mention], surface: &[[String; 3]]) -> [Interned; KEY_SPACES] {
    let column = |key: fn(&Mention) -> &str| -> Vec<&str> { mentions.iter().map(key).collect() };
    let one = |(ids, vocab): (Vec<u32>, Vocab)| (vec![ids], vocab);
    let tasks: [Task; KEY_SPACES] = [
        Box::new(move || intern_unnumbered(&[column(|m| &m.name.surname_key)])),
        Box::new(move || {
            intern_unnumbered(&[
                column(|m| &m.name.given_key),
                column(|m| &m.name.father_key),
            ])
        }),
        Box::new(move || intern_unnumbered(&[column(first_name_key)])),
        Box::new(move || intern_unnumbered(&[column(|m| &m.name.phonetic_key)])),
        Box::new(move || {
            intern_unnumbered(&[column(|m| {
                m.birth_place.value.as_ref().map_or("", |p| p.key.as_str())
            })])
        }),
        Box::new(move || {
            let keys = mentions
                .iter()
                .map(|m| Some(m.nationality_key.ok_or(m.nationality.as_str())));
            one(intern_keyed(keys, |key| match key {
                Ok(key) => key.to_string(),
                Err(written) => fold(written),
            }))
        }),
        Box::new(move || {
            let keys = mentions.iter().map(|m| Some(m.case_number.as_str()));
            // `П-123` and `п 123` are one case number.
            one(intern_keyed(keys, letters_and_digits_lower))
        }),
        Box::new(move || intern_unnumbered(&[column(|m| &m.prov.source)])),
        Box::new(move || {
            one(intern_keyed(
                mentions.iter().map(|m| day_of(&m.arrest)),
                day_text,
            ))
        }),
        Box::new(move || {
            let keys = mentions.iter().map(|m| day_of(&m.decision_date));
            one(intern_keyed(keys, day_text))
        }),
        Box::new(move || {
            let part = |p: usize| surface.iter().map(|s| s[p].as_str()).collect();
            intern_unnumbered(&[part(0), part(1), part(2)])
        }),
        Box::new(move || {
            let keys = mentions.iter().map(|m| m.sentence_key);
            one(intern_keyed(keys, |key| key.to_string()))
        }),
    ];
    let mut interned: [Interned; KEY_SPACES] = Default::default();
    interned
        .par_iter_mut()
        .zip(tasks.par_iter())
        .with_max_len(1)
        .for_each(|(slot, task)| *slot = task());
    interned
}

/// The given-name key, or for a mention without one its surname key.
fn first_name_key(m: &Mention) -> &str {
    if m.name.given_key.trim().is_empty() {
        &m.name.surname_key
    } else {
        &m.name.given_key
    }
}

impl Features {
    /// Sets each mention's bits of the generic comparisons it has a value for.
    fn mark_generic_values(&mut self) {
        for (c, column) in self
            .generic
            .columns
            .iter()
            .enumerate()
            .take(u16::BITS as usize)
        {
            for (row, &id) in self.rows.iter_mut().zip(&column.ids) {
                if id != NONE {
                    row.generic_present |= 1 << c;
                }
            }
        }
    }
}

/// Case-folds a free-text value and drops white space, for exact comparison.
fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars().filter(|c| !c.is_whitespace()) {
        push_lower(c, &mut out);
    }
    out
}

/// The birth interval of a mention, when its birth date was read.
fn birth_of(m: &Mention) -> Option<Birth> {
    let d = m.birth.value.as_ref()?;
    let year = match d.precision {
        Precision::Day | Precision::Month | Precision::Year => Some(d.earliest.year()),
        Precision::Decade | Precision::Range => None,
    };
    Some(Birth {
        lo: d.earliest.num_days_from_ce(),
        hi: d
            .latest
            .num_days_from_ce()
            .max(d.earliest.num_days_from_ce()),
        year_lo: d.earliest.year(),
        year_hi: d.latest.year().max(d.earliest.year()),
        day: d.precision == Precision::Day,
        month_day: if d.precision == Precision::Day {
            (d.earliest.month() * 32 + d.earliest.day()) as u16
        } else {
            0
        },
        year,
    })
}

/// The first three letters of a key, sorted and packed into a number; [`NONE`] for keys of
/// fewer than three letters.
fn first_letters(key: &str) -> u32 {
    let [a, b, c, ..] = *key.as_bytes() else {
        return NONE;
    };
    let mut letters = [a, b, c];
    letters.sort_unstable();
    letters
        .iter()
        .fold(0u32, |packed, &b| (packed << 8) | u32::from(b))
}

/// The match key of a name part as written, without the folding of known names and endings.
fn surface_key(part: &str) -> String {
    crate::normalize::translit::match_key(part.trim())
}

/// The interval of an event date, when it was read.
fn span_of(date: &Norm<DateValue>) -> Option<Span> {
    let d = date.value.as_ref()?;
    let lo = d.earliest.num_days_from_ce();
    Some(Span {
        lo,
        hi: d.latest.num_days_from_ce().max(lo),
        day: d.precision == Precision::Day,
    })
}

/// A date known to the day, else `None`.
fn day_of(date: &Norm<DateValue>) -> Option<NaiveDate> {
    date.value
        .as_ref()
        .filter(|d| d.precision == Precision::Day)
        .map(|d| d.earliest)
}

/// A day as text (its interned id names the day).
fn day_text(day: NaiveDate) -> String {
    day.to_string()
}
