//! Patronymics in every tradition, reduced to the father's given name: Russian `-ович/-евич/-ич`,
//! `-овна/-евна/-ична`, Kazakh `-ұлы/-қызы` (joined or separate), Uzbek `o'g'li`/`qizi`,
//! Kyrgyz `уулу`/`кызы`, `оглы`, and their romanised forms (markers in `schemas/patronymics.csv`).

use super::data::{NameData, fold_word};
use super::given::lookup_key;
use crate::model::Gender;
use crate::normalize::translit::match_key;

/// A patronymic found in a word.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Patronymic {
    /// The father's given name as written in the stem (`Ибрагим` from `Ибрагимович`).
    pub father: String,
    /// The gender the marker shows.
    pub gender: Gender,
    /// A Turkic joined marker (`-ұлы`, `-қызы`), which modern surnames also carry.
    pub turkic: bool,
}

/// Whether a word is a separate patronymic marker (`o'g'li`, `qizi`, `уулу`), and its gender.
pub fn marker_word(word: &str, data: &NameData) -> Option<Gender> {
    let folded = fold_word(word.trim());
    data.patronymics
        .iter()
        .find(|m| m.word && m.form == folded)
        .map(|m| m.gender)
}

/// Reads a patronymic from one word with a joined marker (`Ибрагимович`, `Ибрагимұлы`).
pub fn from_suffix(word: &str, data: &NameData) -> Option<Patronymic> {
    let word = word.trim();
    let folded = fold_word(word);
    let marker = data.patronymics.iter().find(|m| {
        !m.word
            && folded.ends_with(m.form.as_str())
            && folded.chars().count() >= m.form.chars().count() + 2
    })?;
    let stem_len = folded.chars().count() - marker.form.chars().count();
    let stem: String = word.chars().take(stem_len).collect();
    Some(Patronymic {
        father: restore_father(&stem, &marker.form, data),
        gender: marker.gender,
        turkic: marker.turkic,
    })
}

/// Restores the father's name from a patronymic stem, preferring a known given name.
fn restore_father(stem: &str, marker: &str, data: &NameData) -> String {
    let stem = stem.trim_end_matches(['-', ' ']);
    let soft = stem.strip_suffix(['ь', 'Ь']);
    let ich = matches!(marker, "ич" | "ична" | "инична");
    let ends_in_vowel = stem.ends_with(['а', 'е', 'и', 'о', 'у', 'я', 'ы', 'э', 'ю']);
    let mut candidates: Vec<String> = Vec::new();
    if ich {
        candidates.push(format!("{stem}а"));
        candidates.push(format!("{stem}я"));
    }
    if ends_in_vowel && marker.starts_with('е') {
        candidates.push(format!("{stem}й"));
    }
    candidates.push(stem.to_string());
    if let Some(hard) = soft {
        candidates.push(format!("{hard}ий"));
        candidates.push(format!("{hard}ь"));
    }
    candidates.push(format!("{stem}а"));
    candidates.push(format!("{stem}я"));
    let known = candidates
        .iter()
        .find(|c| lookup_key(&match_key(c), data).known);
    if let Some(name) = known {
        return name.clone();
    }
    match (soft, ich, marker.starts_with('е')) {
        (Some(hard), _, _) => format!("{hard}ий"),
        (None, true, _) => format!("{stem}а"),
        (None, false, true) if ends_in_vowel => format!("{stem}й"),
        _ => stem.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::names::data::builtin;

    fn father(word: &str) -> (String, Gender) {
        let p = from_suffix(word, builtin()).unwrap_or(Patronymic {
            father: String::new(),
            gender: Gender::Male,
            turkic: false,
        });
        (p.father, p.gender)
    }

    #[test]
    fn russian_patronymics() {
        assert_eq!(father("Ибрагимович"), ("Ибрагим".into(), Gender::Male));
        assert_eq!(father("Мустафаевич"), ("Мустафа".into(), Gender::Male));
        assert_eq!(father("Сергеевна"), ("Сергей".into(), Gender::Female));
        assert_eq!(father("Васильевич"), ("Василий".into(), Gender::Male));
        assert_eq!(father("Кузьмич"), ("Кузьма".into(), Gender::Male));
        assert_eq!(father("Ильинична"), ("Илья".into(), Gender::Female));
        assert_eq!(father("Шокаевич"), ("Шокай".into(), Gender::Male));
        assert_eq!(father("Ibragimovich"), ("Ibragim".into(), Gender::Male));
    }

    #[test]
    fn turkic_patronymics() {
        assert_eq!(father("Ибрагимұлы"), ("Ибрагим".into(), Gender::Male));
        assert_eq!(father("Сәрсенқызы"), ("Сәрсен".into(), Gender::Female));
        assert_eq!(marker_word("o‘g‘li", builtin()), Some(Gender::Male));
        assert_eq!(marker_word("QIZI", builtin()), Some(Gender::Female));
        assert_eq!(marker_word("уулу", builtin()), Some(Gender::Male));
        assert_eq!(marker_word("Ахмет", builtin()), None);
    }

    #[test]
    fn names_that_merely_end_alike_are_not_patronymics() {
        assert!(from_suffix("Әбіш", builtin()).is_none());
        assert!(from_suffix("Нурали", builtin()).is_none());
        assert!(from_suffix("Ич", builtin()).is_none());
    }
}
