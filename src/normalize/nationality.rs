//! Nationalities: the forms lists write (`казах`, `қазақ`, `qozoq`, `Kazakh`) read as one key
//! (`kazakh`), from the dictionary `schemas/nationalities.csv`.

use crate::normalize::text;
use crate::tables::{self, DataError, Loaded, Table};
use std::collections::HashMap;

/// The key of a nationality as written (e.g. `kazakh`), or `None` when the dictionary does not
/// know the form.
pub fn nationality_key(raw: &str) -> Option<&'static str> {
    let folded = fold(raw);
    if folded.is_empty() {
        return None;
    }
    dictionary().get(folded.as_str()).map(String::as_str)
}

/// A form folded as [`text::fold_word`] folds it (case, `ё`, every apostrophe as `'`), without
/// surrounding spaces and a trailing full stop.
fn fold(form: &str) -> String {
    text::fold_word(form.trim().trim_end_matches('.').trim())
}

static DICTIONARY: Loaded<HashMap<String, String>> = Loaded::new();

/// Folded form → key, read once.
fn dictionary() -> &'static HashMap<String, String> {
    DICTIONARY.get(load)
}

fn load() -> Result<HashMap<String, String>, DataError> {
    let text = tables::text(Table::Nationalities);
    Ok(tables::read_all(Table::Nationalities, text, read_line)?
        .into_iter()
        .collect())
}

/// Loads `nationalities.csv` in force, or says which line keeps it from loading.
pub fn check_loaded() -> Result<(), DataError> {
    DICTIONARY.try_get(load).map(|_| ()).map_err(Clone::clone)
}

/// One line of `nationalities.csv` (`key,form`): the folded form and its key.
fn read_line(rec: &csv::StringRecord) -> Result<(String, String), String> {
    let key = rec.get(0).unwrap_or("").trim();
    let form = fold(rec.get(1).unwrap_or(""));
    if key.is_empty() || form.is_empty() {
        return Err("both the key and the form must be given".into());
    }
    Ok((form, key.to_string()))
}

/// The rule for one line of `nationalities.csv`.
pub fn check_line(rec: &csv::StringRecord) -> Result<(), String> {
    read_line(rec).map(|_| ())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_language_and_spelling_of_one_nationality_gives_one_key() {
        let cases = [
            ("казах", "kazakh"),
            ("Казашка", "kazakh"),
            ("қазақ", "kazakh"),
            ("Kazakh", "kazakh"),
            ("qozoq", "kazakh"),
            ("узбек", "uzbek"),
            ("өзбек", "uzbek"),
            ("o'zbek", "uzbek"),
            ("o‘zbek", "uzbek"),
            ("oʻzbek", "uzbek"),
            ("oʼzbek", "uzbek"),
            ("o’zbek", "uzbek"),
            ("o`zbek", "uzbek"),
            ("o´zbek", "uzbek"),
            ("oʹzbek", "uzbek"),
            ("o′zbek", "uzbek"),
            ("Uzbek", "uzbek"),
            ("русский", "russian"),
            ("орыс", "russian"),
            ("rus", "russian"),
            ("таджик", "tajik"),
            ("тәжік", "tajik"),
            ("tojik", "tajik"),
            ("киргиз", "kyrgyz"),
            ("қырғыз", "kyrgyz"),
            ("qirg’iz", "kyrgyz"),
            ("Kyrgyz", "kyrgyz"),
            ("татарин", "tatar"),
            ("татар", "tatar"),
            ("туркмен", "turkmen"),
            ("түрікмен", "turkmen"),
            ("turkman", "turkmen"),
            ("кореец", "korean"),
            ("немка", "german"),
            (" Русский. ", "russian"),
        ];
        for (raw, key) in cases {
            assert_eq!(nationality_key(raw), Some(key), "{raw}");
        }
    }

    #[test]
    fn unknown_and_empty_forms_have_no_key() {
        assert_eq!(nationality_key(""), None);
        assert_eq!(nationality_key("  "), None);
        assert_eq!(nationality_key("марсианин"), None);
    }

    #[test]
    fn the_dictionary_gives_every_form_one_key() {
        let mut seen: HashMap<String, &str> = HashMap::new();
        let shipped = include_str!("../../schemas/nationalities.csv");
        for line in shipped.lines().skip(1).filter(|l| !l.starts_with('#')) {
            let (key, form) = line.split_once(',').expect("key,form");
            if let Some(other) = seen.insert(fold(form), key) {
                assert_eq!(other, key, "{form} has two keys");
            }
        }
    }
}
