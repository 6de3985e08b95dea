//! Patronymics in every tradition, reduced to the father's given name: Russian `-ович/-евич/-ич`,
//! `-овна/-евна/-ична`, Kazakh `-ұлы/-қызы` (joined or separate), Uzbek `o'g'li`/`qizi`,
//! Kyrgyz `уулу`/`кызы`, `оглы`, and their romanised forms (markers in `schemas/patronymics.csv`).

use super::data::{NameData, PatronymicMarker};
use super::given::lookup_key;
use super::kept::Kept;
use crate::model::Gender;
use crate::normalize::text::{self, lower_word};
use crate::normalize::translit::{Hints, key_with};
use std::cell::RefCell;

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

/// Whether a word is a separate patronymic marker (`o'g'li`, `qizi`, `уулу`, `kysy`), and its
/// gender; markers are compared by match key, so every romanisation counts.
pub fn marker_word(word: &str, hints: Hints, data: &NameData) -> Option<Gender> {
    let key = key_with(word.trim(), hints);
    if key.is_empty() {
        return None;
    }
    data.patronymics
        .iter()
        .find(|m| m.word && m.key == key)
        .map(|m| m.gender)
}

/// Reads a patronymic from one word with a joined marker (`Ибрагимович`, `Ибрагимұлы`,
/// `Amiroviç`, `Kamoliddinùly`), reading Latin with the record's scheme hints.
pub fn from_suffix(word: &str, hints: Hints, data: &NameData) -> Option<Patronymic> {
    let word = word.trim();
    READ.with(|read| {
        read.borrow_mut()
            .get(word, hints, data, || read_suffix(word, hints, data))
    })
}

thread_local! {
    /// The patronymics this thread has read, by hints and word.
    static READ: RefCell<Kept<Option<Patronymic>>> = RefCell::default();
}

/// [`from_suffix`] without the memo.
fn read_suffix(word: &str, hints: Hints, data: &NameData) -> Option<Patronymic> {
    let (marker, stem) = by_surface(word, hints, data)
        .or_else(|| by_key(word, hints, data))
        .or_else(|| by_slip(word, hints, data))?;
    let father = if marker.turkic {
        stem.trim_end_matches(['-', ' ']).to_string()
    } else {
        restore_father(&stem, &marker.form, hints, data)
    };
    Some(Patronymic {
        father,
        gender: marker.gender,
        turkic: marker.turkic,
    })
}

fn known(stem: &str, hints: Hints, data: &NameData) -> bool {
    lookup_key(&key_with(stem, hints), data).known
}

/// A Turkic marker without Kazakh letters (`улы`, `кызы`, `uly`) counts only after a known
/// given name, so that names such as `Гурбангулы` stay whole.
fn accepted(marker: &PatronymicMarker, stem: &str, hints: Hints, data: &NameData) -> bool {
    !marker.turkic || is_kazakh_marker(&marker.form) || known(stem, hints, data)
}

/// Whether a marker is written with letters only Kazakh uses (`ұлы`, `қызы`, `ūly`, `qyzy`,
/// ISO 9 `ùly`), so that it cannot be the end of another name.
pub fn is_kazakh_marker(form: &str) -> bool {
    form.contains(['ұ', 'қ', 'ū', 'ù', 'q', 'Ұ', 'Қ', 'Ū', 'Q'])
}

fn by_surface<'a>(
    word: &str,
    hints: Hints,
    data: &'a NameData,
) -> Option<(&'a PatronymicMarker, String)> {
    let folded = lower_word(word);
    let count = folded.chars().count();
    data.patronymics.iter().find_map(|m| {
        if m.word || !folded.ends_with(m.form.as_str()) || count < m.form.chars().count() + 2 {
            return None;
        }
        let stem: String = word.chars().take(count - m.form.chars().count()).collect();
        accepted(m, &stem, hints, data).then_some((m, stem))
    })
}

/// Finds a Russian marker written with one slip (`Ивановч`, `Мухаммеодвна`) after a known given
/// name. The tail must keep the marker's consonants in order, so that the surnames `Иванова` and
/// `Ильина` are not read as `Ивановна` and `Ильинична`.
fn by_slip<'a>(
    word: &str,
    hints: Hints,
    data: &'a NameData,
) -> Option<(&'a PatronymicMarker, String)> {
    let folded: Vec<char> = lower_word(word).chars().collect();
    if !folded
        .iter()
        .copied()
        .any(crate::normalize::translit::is_cyrillic)
    {
        return None;
    }
    let slipped = |m: &&PatronymicMarker| {
        m.russian && !m.word && m.form.chars().count() >= 4 && m.form.chars().all(|c| !c.is_ascii())
    };
    data.patronymics.iter().filter(slipped).find_map(|m| {
        let len = m.form.chars().count();
        (len - 1..=len + 1).find_map(|tail_len| {
            let cut = folded.len().checked_sub(tail_len).filter(|&c| c >= 3)?;
            let tail: String = folded[cut..].iter().collect();
            let one_slip = tail != m.form && strsim::levenshtein(&tail, &m.form) == 1;
            if !one_slip || !keeps_consonants(&tail, &m.form) {
                return None;
            }
            let stem: String = word.chars().take(cut).collect();
            let father = restore_father(&stem, &m.form, hints, data);
            known(&father, hints, data).then_some((m, stem))
        })
    })
}

/// Whether the consonants of `marker` appear in `tail` in order.
fn keeps_consonants(tail: &str, marker: &str) -> bool {
    let mut rest = tail.chars();
    marker
        .chars()
        .filter(|c| !text::is_russian_vowel(*c))
        .all(|c| rest.any(|t| t == c))
}

/// The longest joined marker in any romanisation, in characters (`owitsch`, `inichna`).
const MAX_MARKER_CHARS: usize = 9;

/// Finds a joined marker in any romanisation by the key of the word's tail.
fn by_key<'a>(
    word: &str,
    hints: Hints,
    data: &'a NameData,
) -> Option<(&'a PatronymicMarker, String)> {
    let word_key = key_with(word, hints);
    let candidate = |m: &PatronymicMarker| !m.word && (m.russian || m.turkic);
    if !data
        .patronymics
        .iter()
        .any(|m| candidate(m) && word_key.ends_with(m.key.as_str()))
    {
        return None;
    }
    let chars: Vec<char> = word.chars().collect();
    let shortest_stem = chars.len().saturating_sub(MAX_MARKER_CHARS).max(2);
    for cut in (shortest_stem..chars.len().saturating_sub(1)).rev() {
        let tail: String = chars[cut..].iter().collect();
        let tail_key = key_with(&tail, hints);
        if tail_key.len() < 3 {
            continue;
        }
        let stem: String = chars[..cut].iter().collect();
        let found = data.patronymics.iter().find(|m| {
            candidate(m)
                && m.key == tail_key
                && (m.russian || is_kazakh_marker(&tail) || known(&stem, hints, data))
        });
        if let Some(marker) = found {
            return Some((marker, stem));
        }
    }
    None
}

/// Restores the father's name from a patronymic stem, preferring a known given name.
fn restore_father(stem: &str, marker: &str, hints: Hints, data: &NameData) -> String {
    let stem = stem.trim_end_matches(['-', ' ']);
    let soft = stem.strip_suffix(['ь', 'Ь']);
    let ich = matches!(marker, "ич" | "ична" | "инична");
    // A `ё` before the marker is a slip for `е` (`Сергёевна`), not the vowel a name ends in.
    let ends_in_vowel = stem
        .chars()
        .last()
        .is_some_and(|c| c != 'ё' && text::is_russian_vowel(c));
    if !stem.chars().any(crate::normalize::translit::is_cyrillic) {
        return restore_latin_father(stem, hints, data);
    }
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
    let known = candidates.iter().find(|c| known(c, hints, data));
    if let Some(name) = known {
        // `Алий` and `Али` share a key: keep the form as written.
        // `Алий` and `Али` share a key, so do `Алексе` and `Алексей`: Russian `-ей` names keep
        // their `й`, Turkic names in `-и` stay as written.
        let same_as_stem = key_with(name, hints) == key_with(stem, hints);
        let keep_stem = same_as_stem && !stem.ends_with('е');
        return if keep_stem {
            stem.to_string()
        } else {
            name.clone()
        };
    }
    match (soft, ich, marker.starts_with('е')) {
        (Some(hard), _, _) => format!("{hard}ий"),
        (None, true, _) => format!("{stem}а"),
        (None, false, true) if ends_in_vowel => format!("{stem}й"),
        _ => stem.to_string(),
    }
}

/// A romanised stem keeps the `й` of `-евич` as `y`, `j` or `i` (`Gabdullayevich`,
/// `Gabdoullaievitch`): dropped when only the shorter name is a known given name, so that
/// `Gabdullay` reads as `Gabdulla` while `Nikolay` stays.
fn restore_latin_father(stem: &str, hints: Hints, data: &NameData) -> String {
    if known(stem, hints, data) {
        return stem.to_string();
    }
    let shorter = stem.strip_suffix(['y', 'j', 'i', 'Y', 'J', 'I']);
    let after_vowel =
        shorter.is_some_and(|s| s.ends_with(['a', 'e', 'o', 'u', 'A', 'E', 'O', 'U']));
    match shorter {
        Some(name) if after_vowel && known(name, hints, data) => name.to_string(),
        _ => stem.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::names::data::builtin;

    fn father(word: &str) -> (String, Gender) {
        let p = from_suffix(word, Hints::detect(word), builtin()).unwrap_or(Patronymic {
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
        assert_eq!(father("Amiroviç"), ("Amir".into(), Gender::Male));
        assert_eq!(father("Nikolayevna"), ("Nikolay".into(), Gender::Female));
    }

    #[test]
    fn romanised_stems_drop_the_iotation_of_yevich() {
        assert_eq!(father("Gabdullayevich"), ("Gabdulla".into(), Gender::Male));
        assert_eq!(
            father("Gabdoullaievitch"),
            ("Gabdoulla".into(), Gender::Male)
        );
        assert_eq!(father("Khamzayevna"), ("Khamza".into(), Gender::Female));
        assert_eq!(father("Alekseyevich"), ("Aleksey".into(), Gender::Male));
    }

    #[test]
    fn one_slip_in_a_russian_marker() {
        assert_eq!(father("Ивановч"), ("Иван".into(), Gender::Male));
        assert_eq!(father("Рахимовч"), ("Рахим".into(), Gender::Male));
        assert_eq!(father("Иванован"), (String::new(), Gender::Male));
        for surname in ["Иванова", "Ильина", "Петрова", "Абрамова"] {
            assert!(
                from_suffix(surname, Hints::default(), builtin()).is_none(),
                "{surname}"
            );
        }
    }

    #[test]
    fn turkic_patronymics() {
        assert_eq!(father("Ибрагимұлы"), ("Ибрагим".into(), Gender::Male));
        assert_eq!(father("Сәрсенқызы"), ("Сәрсен".into(), Gender::Female));
        assert_eq!(father("Kamoliddinùly"), ("Kamoliddin".into(), Gender::Male));
        assert_eq!(father("Alekseikysy"), ("Aleksei".into(), Gender::Female));
        assert_eq!(father("Särsenqyzy"), ("Särsen".into(), Gender::Female));
        assert!(from_suffix("Гурбангулы", Hints::default(), builtin()).is_none());
        assert_eq!(
            marker_word("o‘g‘li", Hints::default(), builtin()),
            Some(Gender::Male)
        );
        assert_eq!(
            marker_word("QIZI", Hints::default(), builtin()),
            Some(Gender::Female)
        );
        assert_eq!(
            marker_word("уулу", Hints::default(), builtin()),
            Some(Gender::Male)
        );
        assert_eq!(marker_word("Ахмет", Hints::default(), builtin()), None);
        assert_eq!(
            marker_word("k̦yzy", Hints::default(), builtin()),
            Some(Gender::Female)
        );
        assert_eq!(
            marker_word("Ūly", Hints::default(), builtin()),
            Some(Gender::Male)
        );
    }

    #[test]
    fn names_that_merely_end_alike_are_not_patronymics() {
        assert!(from_suffix("Әбіш", Hints::default(), builtin()).is_none());
        assert!(from_suffix("Нурали", Hints::default(), builtin()).is_none());
        assert!(from_suffix("Ич", Hints::default(), builtin()).is_none());
    }
}
