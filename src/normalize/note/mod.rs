//! Biographical notes read into values: the prose a memory book or a list writes of one person
//! (`Род. в 1902, армянин, обр.: высшее, б/п. Проживал: Баку. ... Реабилитирован ВК ВС СССР
//! 01.06.1957`) split into clauses, each clause read by the markers it holds
//! (`schemas/note_markers.csv`), its dates, sentence, articles, nationality and the words left.
//!
//! Work is bounded: only the first [`MAX_NOTE_CHARS`] characters of a note are read, date runs are
//! tried at no more than [`MAX_DATE_STARTS`] places per clause, each of at most
//! [`MAX_DATE_WORDS`] words; the time is linear in the note's length.

mod clause;
mod markers;
mod reader;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_cases;
mod words;

use crate::model::{Field, Lang};
pub use markers::{check_loaded, check_marker_line};

/// The characters of a note read at most; the rest is not read.
pub const MAX_NOTE_CHARS: usize = 4_000;
/// The places in one clause where a date is looked for at most.
pub const MAX_DATE_STARTS: usize = 8;
/// The words one date is read from at most.
pub const MAX_DATE_WORDS: usize = 5;

/// One value read from a note.
#[derive(Debug, Clone, PartialEq)]
pub struct NoteValue {
    /// What the value is.
    pub kind: NoteKind,
    /// The span as written: `text == &note[start..end]`.
    pub text: String,
    /// Byte offset of the first byte of the span in the note.
    pub start: usize,
    /// Byte offset just past the span in the note.
    pub end: usize,
}

/// What a value of a note is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NoteKind {
    /// Date or year of birth.
    BirthDate,
    /// Place of birth.
    BirthPlace,
    /// Nationality.
    Nationality,
    /// Party membership (`б/п`, `член ВКП(б)`).
    Party,
    /// Education.
    Education,
    /// Place of residence.
    Residence,
    /// Occupation or place of work.
    Occupation,
    /// Date of an arrest.
    ArrestDate,
    /// The organ that sentenced (`тройкой УНКВД ...`, `ВК ВС СССР`).
    SentencingOrgan,
    /// Date of a sentence.
    SentenceDate,
    /// Charge: the articles of the code (`ст. 58-10 УК РСФСР`).
    Charge,
    /// Sentence (`ВМН`, `10 лет ИТЛ`).
    Sentence,
    /// Date of death or execution.
    DeathDate,
    /// Place of death or execution.
    DeathPlace,
    /// Release (its date when one is written).
    Release,
    /// Date of a rehabilitation decision.
    DecisionDate,
    /// The body that rehabilitated.
    DecidingBody,
    /// The legal basis of a rehabilitation (`за отсутствием состава преступления`).
    LegalBasis,
    /// The source the note cites (`Источник: Книга памяти ...`).
    Source,
}

impl NoteKind {
    /// Every kind, in the order of [`NoteKind`].
    pub const ALL: [NoteKind; 19] = [
        NoteKind::BirthDate,
        NoteKind::BirthPlace,
        NoteKind::Nationality,
        NoteKind::Party,
        NoteKind::Education,
        NoteKind::Residence,
        NoteKind::Occupation,
        NoteKind::ArrestDate,
        NoteKind::SentencingOrgan,
        NoteKind::SentenceDate,
        NoteKind::Charge,
        NoteKind::Sentence,
        NoteKind::DeathDate,
        NoteKind::DeathPlace,
        NoteKind::Release,
        NoteKind::DecisionDate,
        NoteKind::DecidingBody,
        NoteKind::LegalBasis,
        NoteKind::Source,
    ];

    /// The snake_case name (`birth_date`), as `note_markers.csv` and the command write it.
    pub fn name(self) -> &'static str {
        match self {
            NoteKind::BirthDate => "birth_date",
            NoteKind::BirthPlace => "birth_place",
            NoteKind::Nationality => "nationality",
            NoteKind::Party => "party",
            NoteKind::Education => "education",
            NoteKind::Residence => "residence",
            NoteKind::Occupation => "occupation",
            NoteKind::ArrestDate => "arrest_date",
            NoteKind::SentencingOrgan => "sentencing_organ",
            NoteKind::SentenceDate => "sentence_date",
            NoteKind::Charge => "charge",
            NoteKind::Sentence => "sentence",
            NoteKind::DeathDate => "death_date",
            NoteKind::DeathPlace => "death_place",
            NoteKind::Release => "release",
            NoteKind::DecisionDate => "decision_date",
            NoteKind::DecidingBody => "deciding_body",
            NoteKind::LegalBasis => "legal_basis",
            NoteKind::Source => "source",
        }
    }

    /// The kind a snake_case name names.
    pub fn from_name(name: &str) -> Option<NoteKind> {
        NoteKind::ALL.into_iter().find(|k| k.name() == name)
    }

    /// The canonical field of the kind, where one exists.
    pub fn field(self) -> Option<Field> {
        Some(match self {
            NoteKind::BirthDate => Field::BirthDate,
            NoteKind::BirthPlace => Field::BirthPlace,
            NoteKind::Nationality => Field::Nationality,
            NoteKind::Residence => Field::Residence,
            NoteKind::Occupation => Field::Occupation,
            NoteKind::ArrestDate => Field::ArrestDate,
            NoteKind::SentencingOrgan => Field::SentencingOrgan,
            NoteKind::SentenceDate => Field::SentenceDate,
            NoteKind::Charge => Field::Charge,
            NoteKind::Sentence => Field::Sentence,
            NoteKind::DeathDate => Field::DeathDate,
            NoteKind::DecisionDate => Field::DecisionDate,
            NoteKind::DecidingBody => Field::DecidingBody,
            NoteKind::LegalBasis => Field::LegalBasis,
            NoteKind::Party
            | NoteKind::Education
            | NoteKind::DeathPlace
            | NoteKind::Release
            | NoteKind::Source => {
                return None;
            }
        })
    }

    /// Whether values of the kind are dates.
    pub fn is_date(self) -> bool {
        matches!(
            self,
            NoteKind::BirthDate
                | NoteKind::ArrestDate
                | NoteKind::SentenceDate
                | NoteKind::DeathDate
                | NoteKind::Release
                | NoteKind::DecisionDate
        )
    }

    /// Whether values of the kind are places.
    pub fn is_place(self) -> bool {
        matches!(
            self,
            NoteKind::BirthPlace | NoteKind::Residence | NoteKind::DeathPlace
        )
    }
}

/// Reads a note into values, in note order. Several events of one kind (two arrests, two
/// rehabilitations) are all kept. Only the first [`MAX_NOTE_CHARS`] characters are read.
pub fn read(note: &str, lang: Option<Lang>) -> Vec<NoteValue> {
    let note = capped(note);
    let table = markers::table();
    let tokens = clause::tokens(note);
    let hits = markers::hits(note, &tokens, table);
    let mut reader = reader::Reader::new(note, &tokens, &hits, table, lang);
    for range in clause::clauses(note, &tokens, &hits) {
        reader.clause(range);
    }
    reader.values
}

/// How many markers of the genre a text holds (words such as `арестован`, `Реабилит.`, `б/п`;
/// abbreviations and fillers of the table are not counted): for telling a column of notes by
/// its values. Reads the first [`MAX_NOTE_CHARS`] characters.
pub fn marker_count(text: &str) -> usize {
    let text = capped(text);
    let table = markers::table();
    let tokens = clause::tokens(text);
    markers::hits(text, &tokens, table)
        .iter()
        .filter(|h| matches!(h.role, markers::Role::Kind(_) | markers::Role::Article))
        .count()
}

/// The note up to its [`MAX_NOTE_CHARS`]th character.
fn capped(note: &str) -> &str {
    if note.len() <= MAX_NOTE_CHARS {
        return note;
    }
    match note.char_indices().nth(MAX_NOTE_CHARS) {
        Some((cut, _)) => &note[..cut],
        None => note,
    }
}
