//! Surname roots: the part of a surname that survives Russification and its reversal.
//!
//! `Шоқай`, `Шокаев`, `Chokayev`, `Tchokaïeff`, `Çokayoğlu` and `Шоқайұлы` all reduce to one
//! root key. Suffixes come from `schemas/surname_suffixes.csv` as match-key endings; each has a
//! shortest root it may be stripped from, so short surnames (`Ли`, `Цой`, `Ким`) survive.

use super::data::NameData;
use super::given::lookup_key;
use super::kept::Kept;
use super::patronymic::from_suffix;
use crate::model::Gender;
use crate::normalize::translit::{Hints, key_with};
use std::cell::RefCell;

/// The root key of a surname and the gender its suffix shows.
pub fn root_key(surname: &str, hints: Hints, data: &NameData) -> (String, Option<Gender>) {
    thread_local! {
        /// The surnames this thread has read, by hints and text.
        static ROOTS: RefCell<Kept<(String, Option<Gender>)>> = RefCell::default();
    }
    ROOTS.with(|roots| {
        roots
            .borrow_mut()
            .get(surname, hints, data, || read_root_key(surname, hints, data))
    })
}

/// [`root_key`] read letter by letter.
fn read_root_key(surname: &str, hints: Hints, data: &NameData) -> (String, Option<Gender>) {
    let (base, mut gender) = strip_turkic_patronymic(surname, hints, data);
    let mut key = key_with(&base, hints);
    for round in 0..2 {
        let Some(suffix) = data
            .surname_suffixes
            .iter()
            .find(|s| key.ends_with(&s.key) && key.len() >= s.key.len() + s.min_root)
        else {
            break;
        };
        key.truncate(key.len() - suffix.key.len());
        if round == 0 && gender.is_none() {
            gender = suffix.gender;
        }
    }
    // A root that is a known given name takes the name's class key (`Жусуп-ов` ~ `Юсуп-ов`).
    let named = lookup_key(&key, data);
    if named.known {
        key = named.key;
    }
    while key.len() > 2 && key.ends_with(['a', 'e', 'y']) {
        key.pop();
    }
    (key, gender)
}

/// Whether a surname ends in a Russified or Tajik surname suffix (`-ов`, `-ева`, `-зода`).
pub fn has_suffix(surname: &str, hints: Hints, data: &NameData) -> bool {
    let key = key_with(surname, hints);
    data.surname_suffixes
        .iter()
        .any(|s| key.ends_with(&s.key) && key.len() >= s.key.len() + s.min_root)
}

/// Strips a Turkic patronymic ending that modern surnames carry (`Шоқайұлы` → `Шоқай`,
/// `Ahmetbekùly` → `Ahmetbek`).
fn strip_turkic_patronymic(
    surname: &str,
    hints: Hints,
    data: &NameData,
) -> (String, Option<Gender>) {
    match from_suffix(surname, hints, data) {
        Some(p) if p.turkic => (p.father, Some(p.gender)),
        _ => (surname.to_string(), None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::names::data::builtin;

    fn root(s: &str) -> String {
        root_key(s, Hints::detect(s), builtin()).0
    }

    #[test]
    fn shokay_variants_share_a_root() {
        let forms = [
            "Шоқай",
            "Шокаев",
            "Chokay",
            "Tchokaïeff",
            "Tschokai",
            "Çokay",
            "Shokay",
            "Čokaev",
            "Shoqay",
            "Chokayev",
            "Çokayoğlu",
            "Шоқайұлы",
            "Чокаева",
            "Tschokajew",
        ];
        for f in forms {
            assert_eq!(root(f), root("Шоқай"), "{f}");
        }
    }

    #[test]
    fn short_surnames_survive() {
        assert_eq!(root("Ли"), "le");
        assert_eq!(root("Цой"), "ca");
        assert_eq!(root("Ким"), "kem");
        assert_eq!(root("Пак"), "pak");
        assert_eq!(root("Амин"), "amen");
        assert_eq!(root("Ов"), "av");
    }

    #[test]
    fn russified_and_native_forms_agree() {
        assert_eq!(root("Рахмонзода"), root("Рахмонов"));
        assert_eq!(root("Rahmonzoda"), root("Рахманов"));
        assert_eq!(root("Сейфуллин"), root("Сейфулла"));
        assert_eq!(root("Сейфуллина"), root("Seyfullin"));
        assert_eq!(root("Алиева"), root("Aliyev"));
        assert_eq!(root("Oliyeva"), root("Али"));
        assert_eq!(root("Xo'jayev"), root("Ходжаев"));
        assert_eq!(root("Досмухамедов"), root("Dosmukhamedoff"));
    }

    #[test]
    fn feminine_suffixes_give_gender() {
        let data = builtin();
        assert_eq!(
            root_key("Шокаева", Hints::default(), data).1,
            Some(Gender::Female)
        );
        assert_eq!(
            root_key("Toʻxtayeva", Hints::default(), data).1,
            Some(Gender::Female)
        );
        assert_eq!(
            root_key("Шокаев", Hints::default(), data).1,
            Some(Gender::Male)
        );
        assert_eq!(
            root_key("Жансүгірқызы", Hints::default(), data).1,
            Some(Gender::Female)
        );
        assert_eq!(root_key("Рахмонзода", Hints::default(), data).1, None);
    }
}
