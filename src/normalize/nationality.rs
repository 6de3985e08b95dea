//! Nationalities: the forms lists write (`казах`, `қазақ`, `qozoq`, `Kazakh`) read as one key
//! (`kazakh`), from the dictionary `schemas/nationalities.csv`.

use std::collections::HashMap;
use std::sync::OnceLock;

/// The shipped dictionary.
const DICTIONARY: &str = include_str!("../../schemas/nationalities.csv");

/// Uzbek Latin writes its apostrophe in many ways; they are all one letter mark.
const APOSTROPHES: [char; 6] = ['\'', '’', 'ʼ', 'ʻ', '‘', '`'];

/// The key of a nationality as written (e.g. `kazakh`), or `None` when the dictionary does not
/// know the form.
pub fn nationality_key(raw: &str) -> Option<&'static str> {
    let folded = fold(raw);
    if folded.is_empty() {
        return None;
    }
    dictionary().get(folded.as_str()).copied()
}

/// Case-folds a form, reads every apostrophe variant as `'`, `ё` as `е`, and drops surrounding
/// spaces and a trailing full stop.
fn fold(text: &str) -> String {
    let trimmed = text.trim().trim_end_matches('.').trim();
    trimmed
        .chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            c if APOSTROPHES.contains(&c) => '\'',
            'ё' => 'е',
            c => c,
        })
        .collect()
}

/// Folded form → key, read once.
fn dictionary() -> &'static HashMap<String, &'static str> {
    static MAP: OnceLock<HashMap<String, &'static str>> = OnceLock::new();
    MAP.get_or_init(|| {
        DICTIONARY
            .lines()
            .skip(1)
            .filter(|line| !line.starts_with('#') && !line.trim().is_empty())
            .filter_map(|line| line.split_once(','))
            .map(|(key, form)| (fold(form), key.trim()))
            .collect()
    })
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
        for line in DICTIONARY.lines().skip(1).filter(|l| !l.starts_with('#')) {
            let (key, form) = line.split_once(',').expect("key,form");
            if let Some(other) = seen.insert(fold(form), key) {
                assert_eq!(other, key, "{form} has two keys");
            }
        }
    }
}
