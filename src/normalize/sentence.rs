//! Sentences read as one key: the kind of punishment and its term, whatever the language
//! (`ВМН`, `VMN (shot)`, `расстрел` are `death`; `10 лет ИТЛ`, `10 years of labour camp`,
//! `10 лет концлагеря` are `camp:10`; `ссылка в Казахстан на 5 лет`, `exile, 5 years` are
//! `exile:5`).

use crate::model::{SentenceKey, SentenceKind};
use crate::normalize::text;
use crate::tables::{self, DataError, Loaded, Table};

/// The kinds of sentence, in the order they are tried: the first kind one of whose stems a
/// sentence contains wins.
const KINDS: [SentenceKind; 3] = SentenceKind::ALL;

static STEMS: Loaded<[Vec<String>; 3]> = Loaded::new();

/// The stems of each kind of [`KINDS`], from `schemas/sentence_words.csv`, loaded once.
fn stems() -> &'static [Vec<String>; 3] {
    STEMS.get(load)
}

fn load() -> Result<[Vec<String>; 3], DataError> {
    let mut stems: [Vec<String>; 3] = Default::default();
    let text = tables::text(Table::SentenceWords);
    for (kind, stem) in tables::read_all(Table::SentenceWords, text, read_line)? {
        stems[kind].push(stem);
    }
    Ok(stems)
}

/// Loads `sentence_words.csv` in force, or says which line keeps it from loading.
pub fn check_loaded() -> Result<(), DataError> {
    STEMS.try_get(load).map(|_| ()).map_err(Clone::clone)
}

/// One line of `sentence_words.csv` (`stem,kind`): the index of its kind and the stem.
fn read_line(rec: &csv::StringRecord) -> Result<(usize, String), String> {
    let stem = rec.get(0).unwrap_or("").trim().to_lowercase();
    if stem.is_empty() {
        return Err("column \"stem\" is empty".into());
    }
    let kind = rec.get(1).unwrap_or("").trim();
    let index = KINDS
        .iter()
        .position(|k| k.as_str() == kind)
        .ok_or_else(|| {
            let names: Vec<&str> = KINDS.iter().map(|k| k.as_str()).collect();
            format!("kind {kind:?} is not {}", names.join(", "))
        })?;
    Ok((index, stem))
}

/// The rule for one line of `sentence_words.csv`.
pub fn check_line(rec: &csv::StringRecord) -> Result<(), String> {
    read_line(rec).map(|_| ())
}

/// The key of a sentence as written: its kind, and `:N` with the term in years when a number
/// of years is given (`camp:10`); `None` when no kind is recognised.
pub fn sentence_key(raw: &str) -> Option<SentenceKey> {
    let text: String = raw.chars().flat_map(char::to_lowercase).collect();
    let kind = KINDS
        .iter()
        .zip(stems())
        .find(|(_, stems)| stems.iter().any(|s| text.contains(s.as_str())))
        .map(|(kind, _)| *kind)?;
    let years = match kind {
        SentenceKind::Death => None,
        _ => term_years(&text),
    };
    Some(SentenceKey { kind, years })
}

/// Whether a word may be the first of a sentence written in several words (`высшая` of
/// `высшая мера`, `ату` of `ату жазасы`): it holds the first word of a stem of several words.
pub fn may_open_phrase(word: &str) -> bool {
    let word = text::lowercase(word);
    stems().iter().flatten().any(|stem| {
        stem.split_once(' ')
            .is_some_and(|(first, _)| word.contains(first))
    })
}

/// The first number of 1 to 25 in a text: the term in years.
fn term_years(text: &str) -> Option<u32> {
    text.split(|c: char| !c.is_ascii_digit())
        .filter(|part| !part.is_empty() && part.len() <= 2)
        .filter_map(|part| part.parse::<u32>().ok())
        .find(|n| (1..=25).contains(n))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_language_of_one_sentence_gives_one_key() {
        let cases = [
            ("ВМН", "death"),
            ("VMN (shot)", "death"),
            ("shot", "death"),
            ("Расстрелян", "death"),
            ("10 лет ИТЛ", "camp:10"),
            ("10 years of labour camp", "camp:10"),
            ("10 лет концлагеря", "camp:10"),
            ("10 years concentration camp", "camp:10"),
            ("8 лет ИТЛ как ЧСИР", "camp:8"),
            ("8 years ITL (ChSIR)", "camp:8"),
            ("25 лет ИТЛ", "camp:25"),
            ("ссылка в Северный край на 3 года", "exile:3"),
            ("3 года ссылки", "exile:3"),
            ("exile, 3 years", "exile:3"),
            ("высылка на 5 лет", "exile:5"),
            ("выслан в Казахстан", "exile"),
            ("deported to Kazakhstan", "exile"),
            ("exile to settlement", "exile"),
            ("ату жазасына кесілсін", "death"),
            ("атуға", "death"),
            ("отувга", "death"),
            ("отиб ташлансин", "death"),
            ("атууга", "death"),
            ("10 yil qamoq", "camp:10"),
            ("10 йил қамоқ", "camp:10"),
            ("10 йил озодликдан маҳрум", "camp:10"),
            ("10 жыл түрме", "camp:10"),
            ("5 йилга сургун", "exile:5"),
            ("сүргүнгө 5 жыл", "exile:5"),
        ];
        for (raw, key) in cases {
            assert_eq!(
                sentence_key(raw).map(|k| k.to_string()).as_deref(),
                Some(key),
                "{raw}"
            );
        }
    }

    #[test]
    fn unknown_and_empty_sentences_have_no_key() {
        assert_eq!(sentence_key(""), None);
        assert_eq!(sentence_key("  "), None);
        assert_eq!(sentence_key("освобождён"), None);
        assert_eq!(sentence_key("1937"), None);
    }
}
