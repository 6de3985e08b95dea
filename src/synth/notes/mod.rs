//! Memory-book notes: a prose biographical note per person, written in the genre of the
//! Books of Memory from the person's true data, with the truth of what each note states.
//!
//! The phrasings are data: `schemas/synth/note_parts.csv` (the parts of a note, their usual
//! order and how often each is written), `note_phrases.csv` (templates per part) and
//! `note_values.csv` (party, education, occupation, sentencing organs, deciding bodies, the
//! inflected forms of sentences and nationalities).

pub mod book;
pub mod facts;
pub mod render;

use std::collections::HashMap;
use std::sync::OnceLock;

use serde::Deserialize;

use super::SynthError;

/// One part of a note: its key, its place in the usual order and the share of notes giving it.
#[derive(Debug, Clone, Deserialize)]
pub struct NotePart {
    /// Part key (`birth`, `arrest`, ...), matching `note_phrases.csv`.
    pub part: String,
    /// Place in the usual order.
    pub order: u32,
    /// Share of notes that write this part (when the person's data has it).
    pub share: f64,
}

/// A weighted template of one part.
#[derive(Debug, Clone, Deserialize)]
pub struct Phrase {
    /// Part key.
    pub part: String,
    /// Text with `{placeholder}`s and `[masculine|feminine]` alternatives.
    pub template: String,
    /// Relative weight among the part's templates.
    pub weight: u64,
}

/// A value of a note: its canonical value, a written form and the form's weight.
#[derive(Debug, Clone, Deserialize)]
pub struct NoteValue {
    /// What kind of value (`party`, `organ`, `sentence`, ...).
    pub kind: String,
    /// The canonical value (what the truth records).
    pub value: String,
    /// A written form (inflected, abbreviated), with `[m|f]` alternatives.
    pub form: String,
    /// Relative weight.
    pub weight: u64,
}

/// The note tables.
#[derive(Debug)]
pub struct NoteTables {
    /// Parts in their usual order.
    pub parts: Vec<NotePart>,
    /// Templates by part key.
    pub phrases: HashMap<String, Vec<Phrase>>,
    /// Values by kind.
    pub values: HashMap<String, Vec<NoteValue>>,
}

impl NoteTables {
    /// The rows of `kind`, empty when the table has none.
    pub fn values_of(&self, kind: &str) -> &[NoteValue] {
        self.values.get(kind).map_or(&[], Vec::as_slice)
    }

    /// The written forms of the canonical `value` of `kind`.
    pub fn forms_of<'a>(&'a self, kind: &str, value: &str) -> Vec<&'a NoteValue> {
        (self.values_of(kind).iter())
            .filter(|row| row.value == value)
            .collect()
    }
}

fn rows<T: for<'de> Deserialize<'de>>(file: &str, text: &str) -> Result<Vec<T>, SynthError> {
    csv::Reader::from_reader(text.as_bytes())
        .deserialize()
        .collect::<Result<Vec<T>, _>>()
        .map_err(|e| SynthError::Data(format!("{file}: {e}")))
}

fn load() -> Result<NoteTables, SynthError> {
    let mut parts: Vec<NotePart> = rows(
        "note_parts.csv",
        include_str!("../../../schemas/synth/note_parts.csv"),
    )?;
    parts.sort_by_key(|p| p.order);
    let mut phrases: HashMap<String, Vec<Phrase>> = HashMap::new();
    let phrase_rows: Vec<Phrase> = rows(
        "note_phrases.csv",
        include_str!("../../../schemas/synth/note_phrases.csv"),
    )?;
    for phrase in phrase_rows {
        phrases.entry(phrase.part.clone()).or_default().push(phrase);
    }
    check_placeholders(phrases.values().flatten())?;
    if let Some(part) = parts.iter().find(|p| !phrases.contains_key(&p.part)) {
        return Err(SynthError::Data(format!(
            "note_phrases.csv: no template for part {:?}",
            part.part
        )));
    }
    let mut values: HashMap<String, Vec<NoteValue>> = HashMap::new();
    let value_rows: Vec<NoteValue> = rows(
        "note_values.csv",
        include_str!("../../../schemas/synth/note_values.csv"),
    )?;
    for row in value_rows {
        values.entry(row.kind.clone()).or_default().push(row);
    }
    Ok(NoteTables {
        parts,
        phrases,
        values,
    })
}

/// Fails on a template naming a value notes do not have.
fn check_placeholders<'a>(phrases: impl Iterator<Item = &'a Phrase>) -> Result<(), SynthError> {
    for phrase in phrases {
        let placeholders = render::placeholders(&phrase.template);
        if let Some(name) = placeholders.iter().find(|n| render::kind_of(n).is_none()) {
            return Err(SynthError::Data(format!(
                "note_phrases.csv: {:?} names {{{name}}}, which notes do not have",
                phrase.template
            )));
        }
    }
    Ok(())
}

/// The note tables, parsed once.
pub fn note_tables() -> Result<&'static NoteTables, SynthError> {
    static TABLES: OnceLock<Result<NoteTables, String>> = OnceLock::new();
    TABLES
        .get_or_init(|| load().map_err(|e| e.to_string()))
        .as_ref()
        .map_err(|e| SynthError::Data(e.clone()))
}

/// Resolves `[masculine|feminine]` alternatives for a man or a woman.
pub fn gendered(text: &str, female: bool) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('[') {
        let Some(close) = rest[open..].find(']').map(|c| open + c) else {
            break;
        };
        out.push_str(&rest[..open]);
        let inner = &rest[open + 1..close];
        let (male, woman) = inner.split_once('|').unwrap_or((inner, inner));
        out.push_str(if female { woman } else { male });
        rest = &rest[close + 1..];
    }
    out.push_str(rest);
    out
}

/// Picks one item by weight, or `None` from an empty list.
pub fn pick_weighted<'a, T>(
    items: &[&'a T],
    weight: impl Fn(&T) -> u64,
    rng: &mut rand_chacha::ChaCha8Rng,
) -> Option<&'a T> {
    use rand::RngExt;
    let total: u64 = items.iter().map(|item| weight(item).max(1)).sum();
    if total == 0 {
        return None;
    }
    let mut ticket = rng.random_range(0..total);
    for item in items {
        let w = weight(item).max(1);
        if ticket < w {
            return Some(item);
        }
        ticket -= w;
    }
    items.last().copied()
}

#[cfg(test)]
mod tests;
