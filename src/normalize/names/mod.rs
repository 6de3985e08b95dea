//! Personal names: parsing a name field into surname, given name(s) and patronymic in any order
//! archives use, and the keys the linker matches on.
//!
//! Knowledge lives in `schemas/given_names.csv` (equivalence classes), `schemas/name_particles.csv`,
//! `schemas/patronymics.csv` and `schemas/surname_suffixes.csv`; see `schemas/NAMES.md`.

pub mod compare;
pub mod data;
pub mod given;
mod kept;
pub mod order;
pub mod patronymic;
pub mod surname;
pub mod tidy;
pub mod tokens;

use super::translit::{Hints, is_cyrillic, key_with, phonetic_of_key};
use crate::model::{Gender, Lang, NameParts, Script};
use crate::normalize::text;
use data::NameData;
use given::given_key;
use thiserror::Error;
use tokens::Token;

/// The most characters a name value may have to be read.
pub const MAX_NAME_CHARS: usize = 256;
/// The most words (runs of text between white space) a name value may have to be read.
pub const MAX_NAME_WORDS: usize = 24;

/// Why a name could not be read.
#[derive(Debug, Clone, Error, PartialEq, Eq)]
pub enum NameError {
    /// The text holds no letters.
    #[error("no letters in name {0:?}")]
    NoLetters(String),
    /// The text is past a cap on its size and was not read; it is kept as written.
    #[error("not read as a name: {count} {unit}, past the cap of {cap} {unit} for one name")]
    TooLong {
        /// The size of the text, in `unit`s.
        count: usize,
        /// The cap, in `unit`s.
        cap: usize,
        /// What was counted: `characters` or `words`.
        unit: &'static str,
    },
}

/// Checks a name value (a whole name or one of its parts) against [`MAX_NAME_CHARS`] and
/// [`MAX_NAME_WORDS`].
pub fn check_caps(text: &str) -> Result<(), NameError> {
    match super::caps::excess(text, MAX_NAME_CHARS, MAX_NAME_WORDS) {
        Some(e) => Err(NameError::TooLong {
            count: e.count,
            cap: e.cap,
            unit: e.unit,
        }),
        None => Ok(()),
    }
}

/// Parses a whole name written in one field, in any order archives use (`Фамилия Имя Отчество`,
/// `Имя Отчество Фамилия`, `ШОКАЕВ Мустафа`, `Шокаев М.Ш.`, `Шокаев, Мустафа`, `Ali Karim o'g'li`).
///
/// The language is not needed to read the parts; it is accepted for callers that know it.
pub fn parse(text: &str, _lang: Option<Lang>) -> Result<NameParts, NameError> {
    check_caps(text)?;
    if !text.chars().any(text::is_letter) {
        return Err(NameError::NoLetters(text.to_string()));
    }
    let nfc = text::nfc(text);
    Ok(best_reading(&nfc, |hints| parse_with(&nfc, hints)))
}

/// Reads a text with its own scheme hints; Latin text that shows no hint but could be German
/// (`ch`, `j`, `sh`, `z`) is read both ways and the reading with more known names wins.
fn best_reading(text: &str, read: impl Fn(Hints) -> NameParts) -> NameParts {
    let hints = Hints::detect(text);
    let plain = read(hints);
    if hints.german || hints.iso || !could_be_german(text) {
        return plain;
    }
    let german_hints = Hints {
        german: true,
        ..hints
    };
    let german = read(german_hints);
    if known_names(&german, german_hints) > known_names(&plain, hints) {
        german
    } else {
        plain
    }
}

fn could_be_german(text: &str) -> bool {
    let lower = crate::normalize::text::lowercase(text);
    !lower.chars().any(is_cyrillic) && ["ch", "j", "sh", "z"].iter().any(|p| lower.contains(p))
}

/// How many parts read as known given names (the surname counts when it is one, as Kazakh
/// surnames without suffix often are).
fn known_names(parts: &NameParts, hints: Hints) -> usize {
    let data = data::builtin();
    let surname = key_with(&parts.surname, hints);
    [
        parts.given_key.as_str(),
        parts.father_key.as_str(),
        &surname,
    ]
    .iter()
    .filter(|k| given::lookup_key(k, data).known)
    .count()
}

fn parse_with(nfc: &str, hints: Hints) -> NameParts {
    let data = data::builtin();
    let toks = tokens::tokenize(nfc, hints, data);
    let layout = order::layout(&toks, hints, data);
    let pick = |i: Option<usize>| i.map(|i| toks[i].clone());
    let given: Vec<&Token> = layout.given.iter().map(|&i| &toks[i]).collect();
    let titles: Vec<&str> = toks
        .iter()
        .flat_map(|t| t.titles.iter().map(String::as_str))
        .collect();
    let parts = Parts {
        surname: pick(layout.surname),
        given,
        titles,
        patronymic: pick(layout.patronymic),
    };
    build(parts, hints, data, script_of(nfc))
}

/// Builds name parts from separate surname, given name and patronymic fields.
pub fn from_parts(surname: &str, given: &str, patronymic: &str, _lang: Option<Lang>) -> NameParts {
    let joined = [surname, given, patronymic].join(" ");
    let all = text::nfc(&joined);
    best_reading(&all, |hints| parts_with(surname, given, patronymic, hints))
}

fn parts_with(surname: &str, given: &str, patronymic: &str, hints: Hints) -> NameParts {
    let data = data::builtin();
    let joined = [surname, given, patronymic].join(" ");
    let all = text::nfc(&joined);
    let field = |text: &str| -> Vec<Token> {
        let nfc = text::nfc(text);
        tokens::tokenize(&nfc, hints, data)
    };
    let surname_toks = field(surname);
    let given_toks = field(given);
    let pat_toks = field(patronymic);
    let (surname_toks, given_toks) = if columns_swapped(&surname_toks, &given_toks, hints, data) {
        (given_toks, surname_toks)
    } else {
        (surname_toks, given_toks)
    };
    let surname_tok = merge(&surname_toks);
    let patronymic_tok = merge(&pat_toks).map(|mut t| {
        if t.patronymic.is_none() && !t.initial {
            t.patronymic = patronymic::from_suffix(&t.text, hints, data);
        }
        t
    });
    let titles: Vec<&str> = given_toks
        .iter()
        .flat_map(|t| t.titles.iter().map(String::as_str))
        .collect();
    let parts = Parts {
        surname: surname_tok,
        given: given_toks.iter().collect(),
        titles,
        patronymic: patronymic_tok,
    };
    build(parts, hints, data, script_of(&all))
}

/// Whether a clerk wrote the given name in the surname column and the surname in the given-name
/// column: one word each, the first a known given name without a surname ending, the second
/// not a known given name but with a surname ending (`Осмонкул` | `Жусупов`).
fn columns_swapped(surname: &[Token], given: &[Token], hints: Hints, data: &NameData) -> bool {
    let ([s], [g]) = (surname, given) else {
        return false;
    };
    if s.initial || g.initial {
        return false;
    }
    let known = |t: &Token| given_key(&t.text, hints, data).known;
    let ending = |t: &Token| surname::has_suffix(&t.text, hints, data);
    known(s) && !ending(s) && ending(g) && !known(g)
}

/// Joins the tokens of one field into one token (a field holds one part).
fn merge(toks: &[Token]) -> Option<Token> {
    let first = toks.first()?;
    if toks.len() == 1 {
        return Some(first.clone());
    }
    let mut t = first.clone();
    t.text = toks
        .iter()
        .map(|t| t.text.as_str())
        .collect::<Vec<_>>()
        .join(" ");
    t.initial = false;
    t.patronymic = toks.iter().find_map(|t| t.patronymic.clone());
    Some(t)
}

struct Parts<'a> {
    surname: Option<Token>,
    given: Vec<&'a Token>,
    titles: Vec<&'a str>,
    patronymic: Option<Token>,
}

fn build(parts: Parts<'_>, hints: Hints, data: &NameData, script: Script) -> NameParts {
    let surname_text = parts.surname.as_ref().map_or("", |t| t.text.as_str());
    let (surname_key, surname_gender) = surname::root_key(surname_text, hints, data);
    let given_text = join_texts(&parts.given);
    let given = given_key(&given_text, hints, data);
    let father_source = parts
        .patronymic
        .as_ref()
        .and_then(|t| t.patronymic.as_ref())
        .or_else(|| parts.surname.as_ref().and_then(|t| t.patronymic.as_ref()));
    let father = father_source.map_or(String::new(), |p| tidy::display(&p.father));
    let father_key = if father.is_empty() {
        String::new()
    } else {
        given_key(&father, hints, data).key
    };
    let patronymic_display = parts
        .patronymic
        .as_ref()
        .map_or(String::new(), |t| display_part(&t.text, t.initial));
    let gender = parts
        .patronymic
        .as_ref()
        .and_then(|t| t.patronymic.as_ref().map(|p| p.gender))
        .or(given.gender)
        .or(surname_gender);
    let mut given_display = parts
        .titles
        .iter()
        .map(|t| tidy::display(t))
        .collect::<Vec<_>>();
    given_display.extend(parts.given.iter().map(|t| display_part(&t.text, t.initial)));
    NameParts {
        surname: tidy::display(surname_text).into(),
        given: given_display.join(" ").into(),
        patronymic: patronymic_display.into(),
        father: father.into(),
        phonetic_key: compact_str::format_compact!(
            "{} {}",
            phonetic_of_key(&surname_key),
            phonetic_of_key(&given.key)
        ),
        surname_key: surname_key.into(),
        given_key: given.key.into(),
        father_key: father_key.into(),
        gender,
        script: Some(script),
    }
}

fn join_texts(toks: &[&Token]) -> String {
    toks.iter()
        .map(|t| t.text.as_str())
        .collect::<Vec<_>>()
        .join(" ")
}

fn display_part(text: &str, initial: bool) -> String {
    let shown = tidy::display(text);
    if initial { format!("{shown}.") } else { shown }
}

/// The key a given name gets on its own (class key when known), for callers outside parsing.
pub fn given_name_key(text: &str) -> String {
    given_key(text, Hints::detect(text), data::builtin()).key
}

/// The root key of a surname on its own, for callers outside parsing.
pub fn surname_root_key(text: &str) -> String {
    surname::root_key(text, Hints::detect(text), data::builtin()).0
}

/// The match key of a text read with the hints of its own letters.
pub fn text_key(text: &str) -> String {
    key_with(text, Hints::detect(text))
}

/// The script of a text: Cyrillic, Latin, both, or no letters.
pub fn script_of(text: &str) -> Script {
    let mut cyr = false;
    let mut lat = false;
    for c in text.chars().filter(|&c| text::is_letter(c)) {
        if is_cyrillic(c) {
            cyr = true;
        } else {
            lat = true;
        }
    }
    match (cyr, lat) {
        (true, true) => Script::Mixed,
        (true, false) => Script::Cyrillic,
        (false, true) => Script::Latin,
        (false, false) => Script::None,
    }
}

/// The gender a given name alone shows, when the data knows it.
pub fn given_gender(text: &str) -> Option<Gender> {
    given_key(text, Hints::detect(text), data::builtin()).gender
}

#[cfg(test)]
mod tests;
