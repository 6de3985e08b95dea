//! Personal names: parsing into parts and match keys.

use super::translit::{match_key, phonetic_key};
use crate::model::{Gender, Lang, NameParts, Script};
use thiserror::Error;
use unicode_normalization::UnicodeNormalization;

/// Why a name could not be read.
#[derive(Debug, Error, PartialEq, Eq)]
pub enum NameError {
    /// The text holds no letters.
    #[error("no letters in name {0:?}")]
    NoLetters(String),
}

/// Parses a whole name written in one field (`Фамилия Имя Отчество`).
pub fn parse(text: &str, lang: Option<Lang>) -> Result<NameParts, NameError> {
    let words: Vec<String> = text
        .nfc()
        .collect::<String>()
        .split_whitespace()
        .map(title)
        .collect();
    if !text.chars().any(char::is_alphabetic) {
        return Err(NameError::NoLetters(text.to_string()));
    }
    let get = |i: usize| words.get(i).cloned().unwrap_or_default();
    let rest = if words.len() > 3 {
        words[2..].join(" ")
    } else {
        get(2)
    };
    Ok(from_parts(&get(0), &get(1), &rest, lang))
}

/// Builds name parts from separate surname, given name and patronymic fields.
pub fn from_parts(surname: &str, given: &str, patronymic: &str, _lang: Option<Lang>) -> NameParts {
    let surname = title(surname.trim());
    let given = title(given.trim());
    let patronymic = title(patronymic.trim());
    let father = patronymic.clone();
    let script = script_of(&format!("{surname}{given}{patronymic}"));
    NameParts {
        surname_key: match_key(&surname),
        given_key: match_key(&given),
        father_key: match_key(&father),
        phonetic_key: format!("{} {}", phonetic_key(&surname), phonetic_key(&given)),
        gender: if surname.ends_with("ова") || surname.ends_with("ева") {
            Some(Gender::Female)
        } else {
            None
        },
        script: Some(script),
        surname,
        given,
        patronymic,
        father,
    }
}

fn title(word: &str) -> String {
    let mut out = String::new();
    let mut start = true;
    for c in word.nfc() {
        if start {
            out.extend(c.to_uppercase());
        } else {
            out.extend(c.to_lowercase());
        }
        start = !c.is_alphabetic();
    }
    out
}

/// The script of a text.
pub fn script_of(text: &str) -> Script {
    let cyr = text.chars().any(|c| ('\u{400}'..='\u{4ff}').contains(&c));
    let lat = text
        .chars()
        .any(|c| c.is_alphabetic() && !('\u{400}'..='\u{4ff}').contains(&c));
    match (cyr, lat) {
        (true, true) => Script::Mixed,
        (true, false) => Script::Cyrillic,
        (false, true) => Script::Latin,
        (false, false) => Script::None,
    }
}
