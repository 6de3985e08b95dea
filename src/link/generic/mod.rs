//! Generic comparisons: columns outside the linker's fixed fields (residence, occupation, a
//! postcode, a social security number, any column the sources share) compared by their folded
//! text. Which columns are compared is known only when the mentions are read, so they are a
//! run-time list beside the static [`LinkField`](super::fields::LinkField)s: each has a kind
//! (free text, code, number) decided from its values, per-mention interned values, and one
//! [`GenericLevel`] per pair. Their m and u are learnt by EM with the other fields.

pub(crate) mod fit;
mod select;

use super::features::{NONE, Vocab};
use super::fields::GenericLevel;
use super::intern::{intern_unnumbered, number};
use super::memo::{self, Space};
use super::similarity;
use crate::model::Mention;
use crate::normalize::text::{is_letter_or_digit, letters_and_digits_lower, lowercase};
use rayon::prelude::*;
use rustc_hash::FxHashMap;
use std::sync::Arc;

/// Most generic comparisons one run makes: the pattern codes of EM hold this many beside the
/// fixed fields (see [`Levels::encode`](super::fields::Levels::encode)).
pub(crate) const MAX_GENERIC: usize = 16;

/// Jaro-Winkler similarity from which two texts are a close spelling.
const CLOSE_TEXT: f64 = 0.92;
/// Jaro-Winkler similarity from which two texts are similar.
const SIMILAR_TEXT: f64 = 0.80;
/// Codes of at least this many characters two edits apart are similar.
const SIMILAR_CODE_LEN: usize = 5;
/// A code column whose values are shared by at most this many mentions on average is a
/// blocking key on its own; a commoner one is joined with the birth year.
const SELECTIVE_CODE: f64 = 4.0;

/// What a column's values are, which decides how two of them are compared.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Words: compared by Jaro-Winkler similarity of the folded text.
    Text,
    /// Codes of several characters, mostly digits (a postcode, a social security number, a
    /// passport number): compared by edit distance of their letters and digits (two neighbours
    /// swapped count as one edit).
    Code,
    /// Short numbers (a house number): compared as codes are.
    Number,
}

impl Kind {
    /// The kind's name in `run.json`.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Text => "text",
            Kind::Code => "code",
            Kind::Number => "number",
        }
    }

    /// The compared form of a value: for text, lower case words separated by single spaces;
    /// for codes and numbers, the letters and digits in lower case.
    pub(crate) fn fold(self, text: &str) -> String {
        match self {
            Kind::Text => text
                .split(|c: char| !is_letter_or_digit(c))
                .filter(|w| !w.is_empty())
                .map(lowercase)
                .collect::<Vec<_>>()
                .join(" "),
            Kind::Code | Kind::Number => letters_and_digits_lower(text),
        }
    }

    /// The level of two different folded values.
    pub(crate) fn level_of_different(self, s: &str, t: &str) -> GenericLevel {
        match self {
            Kind::Text => {
                let jw = similarity::jaro_winkler(s, t);
                if jw >= CLOSE_TEXT {
                    GenericLevel::Close
                } else if jw >= SIMILAR_TEXT {
                    GenericLevel::Similar
                } else {
                    GenericLevel::Different
                }
            }
            Kind::Code | Kind::Number => {
                let edits = similarity::osa_distance(s, t);
                let shorter = similarity::char_count(s).min(similarity::char_count(t));
                if edits <= 1 && shorter >= 2 {
                    GenericLevel::Close
                } else if edits <= 2 && shorter >= SIMILAR_CODE_LEN {
                    GenericLevel::Similar
                } else {
                    GenericLevel::Different
                }
            }
        }
    }
}

/// Each distinct text of `values` (mention, text) folded once, as archives repeat their values:
/// text → folded form.
pub(crate) fn fold_distinct<'a>(
    kind: Kind,
    values: &[(usize, &'a str)],
) -> FxHashMap<&'a str, String> {
    let mut folded = FxHashMap::default();
    for &(_, text) in values {
        folded.entry(text).or_insert_with(|| kind.fold(text));
    }
    folded
}

/// One compared column: its name, kind, sources and every mention's interned value.
#[derive(Debug)]
pub(crate) struct Column {
    /// The header as first written (columns of several sources share its folded form).
    pub name: String,
    /// How values are compared.
    pub kind: Kind,
    /// The sources holding the column, sorted.
    pub sources: Vec<String>,
    /// Per mention, the id of its folded value in `vocab`, or [`NONE`].
    pub ids: Vec<u32>,
    /// The distinct folded values with their counts.
    pub vocab: Vocab,
}

impl Column {
    /// The level of two mentions' values; `None` when either is missing.
    pub(crate) fn level(&self, a: usize, b: usize) -> Option<GenericLevel> {
        let (x, y) = (*self.ids.get(a)?, *self.ids.get(b)?);
        if x == NONE || y == NONE {
            return None;
        }
        if x == y {
            return Some(GenericLevel::Exact);
        }
        Some(memo::level(Space::Generic, self.vocab.id, x, y, || {
            self.kind
                .level_of_different(self.vocab.text(x), self.vocab.text(y))
        }))
    }

    /// How the column's exact values block candidate pairs: codes only (numbers such as house
    /// numbers and words such as a town are shared by too many), always with the birth year,
    /// and alone too when selective (a social security number).
    pub(crate) fn blocking(&self) -> &'static [Blocking] {
        if self.kind != Kind::Code || self.vocab.strings.is_empty() {
            return &[];
        }
        let per_value = self.vocab.total as f64 / self.vocab.strings.len() as f64;
        if per_value <= SELECTIVE_CODE {
            &[Blocking::Alone, Blocking::WithBirthYear]
        } else {
            &[Blocking::WithBirthYear]
        }
    }
}

/// How a code column blocks candidate pairs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Blocking {
    /// Its value alone is the key.
    Alone,
    /// Its value and the birth year are the key.
    WithBirthYear,
}

/// The generic comparisons of one run.
#[derive(Debug, Default)]
pub(crate) struct Generic {
    /// The compared columns, in order of their folded headers.
    pub columns: Vec<Column>,
    /// Their names, shared by every reported edge.
    pub names: Arc<[String]>,
}

impl Generic {
    /// Chooses the compared columns of the mentions (see [`select`]; `named` are the
    /// `(source, header)` columns a configuration asks to compare) and interns their values.
    #[cfg(test)]
    pub(crate) fn build(mentions: &[Mention], named: &[(String, String)]) -> Generic {
        let mut generic = Generic::build_unnumbered(mentions, named);
        generic.number_vocabs();
        generic
    }

    /// [`Generic::build`] without numbering the columns' vocabularies (see
    /// [`Generic::number_vocabs`]); the columns are interned side by side.
    pub(crate) fn build_unnumbered(mentions: &[Mention], named: &[(String, String)]) -> Generic {
        let columns: Vec<Column> = select::choose(mentions, named)
            .into_par_iter()
            .with_max_len(1)
            .map(|chosen| {
                let mut column = vec![""; mentions.len()];
                for &(i, text) in &chosen.values {
                    column[i] = chosen.folded.get(text).map_or("", String::as_str);
                }
                let (ids, vocab) = intern_unnumbered(&[column]);
                Column {
                    name: chosen.header.to_string(),
                    kind: chosen.kind,
                    sources: chosen.sources,
                    ids: ids.into_iter().next().unwrap_or_default(),
                    vocab,
                }
            })
            .collect();
        let names = columns.iter().map(|c| c.name.clone()).collect();
        Generic { columns, names }
    }

    /// Numbers the columns' vocabularies, in column order.
    pub(crate) fn number_vocabs(&mut self) {
        for column in &mut self.columns {
            number(&mut column.vocab);
        }
    }

    /// Number of compared columns.
    pub(crate) fn len(&self) -> usize {
        self.columns.len()
    }
}

/// What `run.json` reports of one generic comparison.
#[derive(Debug, Clone, PartialEq)]
pub struct GenericSummary {
    /// The column's header.
    pub column: String,
    /// Its kind (`text`, `code`, `number`).
    pub kind: &'static str,
    /// The sources holding it.
    pub sources: Vec<String>,
    /// Level names, in the order of `m` and `u`.
    pub levels: Vec<&'static str>,
    /// P(level | match) as EM estimated it.
    pub m: Vec<f64>,
    /// P(level) among random pairs.
    pub u: Vec<f64>,
}

#[cfg(test)]
mod tests;
