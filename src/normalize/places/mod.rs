//! Places: historical and variant names resolved to today's places through a gazetteer.
//!
//! The gazetteer (`schemas/gazetteer.csv`) lists every place with its name forms, their language,
//! the years each was in use and whether it is historic; `schemas/place_terms.csv` lists the
//! words around names (`г.`, `уезд`, `обл.` ...) and the Russian endings of adjective and case
//! forms. A written value is split into address parts (module `address`); each part is looked up by
//! match key, then by Russian stem, then approximately (module `index`); among the parts found the
//! most specific wins (module `choose`).

mod address;
mod choose;
mod data;
mod index;
mod terms;

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_table;

pub use data::PlaceKind;

use crate::model::{Place, PlaceLevel};
use crate::normalize::text;
use crate::tables::{self, DataError, Loaded, Table as SchemaTable};
use data::Table;
use index::Index;
use terms::Terms;
use thiserror::Error;

/// The most characters a place value may have to be resolved.
pub const MAX_PLACE_CHARS: usize = 1_024;
/// The most words (runs of text between white space) a place value may have to be resolved.
pub const MAX_PLACE_WORDS: usize = 64;

/// Why a place could not be resolved.
#[derive(Debug, Clone, Error, PartialEq, Eq)]
pub enum PlaceError {
    /// The text is past a cap on its size and was not read; it is kept as written.
    #[error("not read as a place: {count} {unit}, past the cap of {cap} {unit} for one place")]
    TooLong {
        /// The size of the text, in `unit`s.
        count: usize,
        /// The cap, in `unit`s.
        cap: usize,
        /// What was counted: `characters` or `words`.
        unit: &'static str,
    },
    /// No gazetteer form matches any part of the text.
    #[error("unknown place {0:?}: no gazetteer name matches it")]
    Unknown(String),
    /// The text names several places equally well (e.g. `Ленинск`); a year may settle it.
    #[error("ambiguous place {text:?}: it may be any of {candidates}")]
    Ambiguous {
        /// The text as written.
        text: String,
        /// The keys of the candidate places, comma-separated.
        candidates: String,
    },
}

/// Why a gazetteer table could not be loaded.
#[derive(Debug, Clone, Error, PartialEq, Eq)]
pub enum GazetteerError {
    /// A bad line of the gazetteer table.
    #[error("gazetteer line {line}: {message}")]
    Line {
        /// Line number in the file, from 1.
        line: u64,
        /// What is wrong with it.
        message: String,
    },
    /// A bad line of the place terms table.
    #[error("place terms line {line}: {message}")]
    TermLine {
        /// Line number in the file, from 1.
        line: u64,
        /// What is wrong with it.
        message: String,
    },
}

/// Names of places mapped to today's places, with prebuilt lookup maps.
#[derive(Debug, Default)]
pub struct Gazetteer {
    table: Table,
    terms: Terms,
    index: Index,
}

#[cfg(test)]
const BUILTIN: &str = include_str!("../../../schemas/gazetteer.csv");

/// The rule for one line of `gazetteer.csv`, as the loader reads it.
pub fn check_gazetteer_line(rec: &csv::StringRecord) -> Result<(), String> {
    data::check_line(rec)
}

/// The rule for one line of `place_terms.csv`, as the loader reads it.
pub fn check_term_line(rec: &csv::StringRecord) -> Result<(), String> {
    Terms::default().add(rec)
}

static LOADED: Loaded<Gazetteer> = Loaded::new();

/// Loads the gazetteer and place terms in force, or says which line keeps them from loading.
pub fn check_loaded() -> Result<(), DataError> {
    Gazetteer::try_builtin().map(|_| ()).map_err(Clone::clone)
}

impl Gazetteer {
    /// The gazetteer of `schemas/gazetteer.csv` with the local additions, loaded once (see
    /// [`Loaded::get`]).
    pub fn builtin() -> &'static Gazetteer {
        LOADED.get(Gazetteer::load)
    }

    /// The gazetteer in force, or the error that keeps it from loading.
    pub fn try_builtin() -> Result<&'static Gazetteer, &'static DataError> {
        LOADED.try_get(Gazetteer::load)
    }

    fn load() -> Result<Gazetteer, DataError> {
        Gazetteer::from_csv(tables::text(SchemaTable::Gazetteer)).map_err(|e| {
            let (table, line, message) = match e {
                GazetteerError::Line { line, message } => (SchemaTable::Gazetteer, line, message),
                GazetteerError::TermLine { line, message } => {
                    (SchemaTable::PlaceTerms, line, message)
                }
            };
            DataError {
                file: tables::schemas_path(table),
                line: usize::try_from(line).ok(),
                message,
            }
        })
    }

    /// Loads a gazetteer from CSV text with columns
    /// `key,country,kind,modern,form,lang,from,to,historic`, with the shipped place terms.
    pub fn from_csv(text: &str) -> Result<Gazetteer, GazetteerError> {
        Gazetteer::from_csv_with_terms(text, tables::text(SchemaTable::PlaceTerms))
    }

    /// Loads a gazetteer from CSV text and a place terms table (`term,role,position,lang,meaning`).
    pub fn from_csv_with_terms(text: &str, terms: &str) -> Result<Gazetteer, GazetteerError> {
        let table = data::parse_table(text)?;
        let terms = Terms::parse(terms)?;
        let index = Index::build(&table, &terms);
        Ok(Gazetteer {
            table,
            terms,
            index,
        })
    }

    /// Whether a word is a term of an address (`обл.`, `уезда`, `аул`, `ул.`), case aside.
    pub fn is_address_word(&self, word: &str) -> bool {
        let bare =
            word.trim_matches(|c: char| !text::is_letter_or_digit(c) && c != '-' && c != '.');
        let lower = text::lowercase(bare);
        self.terms.marker(&lower).is_some()
    }

    /// Number of places in the gazetteer.
    pub fn place_count(&self) -> usize {
        self.table.places.len()
    }

    /// Number of name forms in the gazetteer.
    pub fn form_count(&self) -> usize {
        self.table.forms.len()
    }

    /// Resolves a place name or address to today's place; `Ok(None)` for an empty text.
    pub fn resolve(&self, text: &str) -> Result<Option<Place>, PlaceError> {
        choose::resolve(self, text, None)
    }

    /// Like [`Gazetteer::resolve`], preferring names in use in `year` when a name fits several
    /// places (e.g. `Ленинск` in 1940 is Asaka, in 1980 Baikonur).
    pub fn resolve_in_year(&self, text: &str, year: i32) -> Result<Option<Place>, PlaceError> {
        choose::resolve(self, text, Some(year))
    }

    /// Checks a text against [`MAX_PLACE_CHARS`] and [`MAX_PLACE_WORDS`].
    pub fn check_caps(text: &str) -> Result<(), PlaceError> {
        match super::caps::excess(text, MAX_PLACE_CHARS, MAX_PLACE_WORDS) {
            Some(e) => Err(PlaceError::TooLong {
                count: e.count,
                cap: e.cap,
                unit: e.unit,
            }),
            None => Ok(()),
        }
    }

    fn place_of(&self, form: usize) -> Option<Place> {
        let f = self.table.forms.get(form)?;
        let p = self.table.places.get(f.place)?;
        Some(Place {
            modern: p.modern.clone(),
            country: p.country.clone(),
            key: p.key.clone(),
            matched_form: f.text.clone(),
            level: match p.kind {
                PlaceKind::Country => PlaceLevel::Country,
                PlaceKind::Region => PlaceLevel::Region,
                PlaceKind::Town | PlaceKind::Village => PlaceLevel::Settlement,
            },
            unresolved: String::new(),
            conflict: String::new(),
        })
    }
}
