//! What the values of a column look like: the share that read as dates, bare years, places of
//! the gazetteer, personal names, nationalities, sentences, decisions or codes, and whether they
//! are unique as identifiers are.

use crate::model::{Lang, Precision, is_unknown_marker};
use crate::normalize::{
    dates, decision, names, nationality, note, places::Gazetteer, sentence, text,
};
use chrono::Datelike;
use std::collections::HashSet;

/// How many data rows below the header are looked at.
pub const PROFILE_ROWS: usize = 200;

/// Longest value (in characters) looked at; longer ones count as free text or notes.
const MAX_PROFILED_CHARS: usize = 120;

/// Shortest value (in characters) that may be a biographical note.
const MIN_NOTE_CHARS: usize = 40;

/// The shares of a column's values (among those that hold text) that read as each kind.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize)]
pub struct Profile {
    /// Values that hold text (markers of the unknown aside).
    pub values: usize,
    /// Share of distinct values.
    pub unique: f32,
    /// Dates with a month or a day.
    pub dates: f32,
    /// Bare years (or year ranges and decades).
    pub years: f32,
    /// Places the gazetteer knows.
    pub places: f32,
    /// Personal names (capitalised words of letters, one of them a known given name).
    pub names: f32,
    /// Nationalities.
    pub nationalities: f32,
    /// Sentences (`ВМН`, `10 лет ИТЛ` ...).
    pub sentences: f32,
    /// Rehabilitation decisions with a date.
    pub decisions: f32,
    /// Codes: short values with digits that are no date (`АУ-1234`, `rec-17-org`, `15`).
    pub codes: f32,
    /// Biographical notes: prose of 40 characters or more with two markers of the genre or more
    /// (`г.р.`, `арестован`, `реабилитирован` ...).
    pub notes: f32,
    /// The middle year of the dates and years, when there are any.
    pub median_year: Option<i32>,
    /// The values are whole numbers counting up by one (row numbers).
    pub sequential: bool,
}

/// The kinds one value reads as.
#[derive(Default)]
struct Kinds {
    date: bool,
    year: bool,
    place: bool,
    name: bool,
    nationality: bool,
    sentence: bool,
    decision: bool,
    code: bool,
    note: bool,
    year_value: Option<i32>,
}

/// Profiles the values of one column.
pub fn profile<'a>(values: impl Iterator<Item = &'a str>, lang: Option<Lang>) -> Profile {
    let mut seen = HashSet::new();
    let mut counts = [0usize; 9];
    let mut years = Vec::new();
    let mut numbers = Vec::new();
    let mut n = 0usize;
    for value in values.map(str::trim) {
        if value.is_empty() || is_unknown_marker(value) {
            continue;
        }
        n += 1;
        seen.insert(value);
        numbers.push(value.parse::<u64>().ok());
        let k = kinds(value, lang);
        let flags = [
            k.date,
            k.year,
            k.place,
            k.name,
            k.nationality,
            k.sentence,
            k.decision,
            k.code,
            k.note,
        ];
        for (count, flag) in counts.iter_mut().zip(flags) {
            *count += usize::from(flag);
        }
        years.extend(k.year_value);
    }
    let share = |i: usize| {
        if n == 0 {
            0.0
        } else {
            counts[i] as f32 / n as f32
        }
    };
    years.sort_unstable();
    Profile {
        values: n,
        unique: if n == 0 {
            0.0
        } else {
            seen.len() as f32 / n as f32
        },
        dates: share(0),
        years: share(1),
        places: share(2),
        names: share(3),
        nationalities: share(4),
        sentences: share(5),
        decisions: share(6),
        codes: share(7),
        notes: share(8),
        median_year: years.get(years.len() / 2).copied(),
        sequential: n >= 2 && counts_up(&numbers),
    }
}

fn counts_up(numbers: &[Option<u64>]) -> bool {
    numbers
        .windows(2)
        .all(|w| matches!(w, [Some(a), Some(b)] if *b == a + 1))
}

fn kinds(value: &str, lang: Option<Lang>) -> Kinds {
    let mut k = Kinds::default();
    let chars = value.chars().count();
    if chars >= MIN_NOTE_CHARS {
        k.note = note::marker_count(value) >= 2;
    }
    if chars > MAX_PROFILED_CHARS || k.note {
        return k;
    }
    if let Ok(Some(date)) = dates::parse(value, lang) {
        match date.precision {
            Precision::Day | Precision::Month => k.date = true,
            _ => k.year = true,
        }
        k.year_value = Some(date.earliest.year());
        return k;
    }
    k.sentence = sentence::sentence_key(value).is_some();
    k.code = !k.sentence && looks_like_code(value);
    if k.code || k.sentence {
        return k;
    }
    k.decision = decision::split_decision(value, lang).is_some();
    k.nationality = nationality::nationality_key(value).is_some();
    k.place = !k.nationality && matches!(Gazetteer::builtin().resolve(value), Ok(Some(_)));
    k.name = !k.place && !k.nationality && looks_like_name(value);
    k
}

/// A short value with a digit in it, of at most three words.
fn looks_like_code(value: &str) -> bool {
    value.chars().any(|c| c.is_ascii_digit())
        && value.chars().count() <= 32
        && value.split_whitespace().count() <= 3
}

/// One to five words of letters (hyphens, apostrophes and the dots of initials allowed), at
/// least one capitalised and one a given name the name tables know.
fn looks_like_name(value: &str) -> bool {
    let words: Vec<&str> = value
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    if words.is_empty() || words.len() > 5 {
        return false;
    }
    let letters_only = |w: &&str| {
        w.chars()
            .all(|c| text::is_letter(c) || matches!(c, '-' | '.') || text::is_apostrophe(c))
    };
    words.iter().all(letters_only)
        && words
            .iter()
            .any(|w| w.chars().next().is_some_and(char::is_uppercase))
        && words.iter().any(|w| {
            w.chars().count() > 1 && names::given_gender(w.trim_end_matches('.')).is_some()
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn of(values: &[&str]) -> Profile {
        profile(values.iter().copied(), None)
    }

    #[test]
    fn each_kind_of_column_shows_in_its_profile() {
        let years = of(&["1890", "1901", "1899 г.р.", "1910", "неизвестно"]);
        assert_eq!((years.values, years.years), (4, 1.0));
        assert_eq!(years.median_year, Some(1901));
        let dates = of(&["25.12.1890", "1 мая 1937", "12.1938"]);
        assert_eq!(dates.dates, 1.0);
        let names = of(&["Шокаев Мустафа", "Ахмедов Карим Алиевич", "Иванов Иван"]);
        assert!(names.names >= 0.6, "{names:?}");
        let places = of(&["Ташкент", "Алма-Ата", "Перовск"]);
        assert_eq!(places.places, 1.0);
        let ids = of(&["rec-1-org", "rec-2-org", "rec-3-dup-0"]);
        assert_eq!((ids.codes, ids.unique), (1.0, 1.0));
        assert!(of(&["1", "2", "3", "4"]).sequential);
        assert!(!of(&["1", "3"]).sequential);
        assert_eq!(of(&[]).values, 0);
    }

    #[test]
    fn a_name_may_be_written_with_any_apostrophe() {
        for apostrophe in crate::normalize::text::APOSTROPHES {
            let name = format!("Karimov Abdulla Rahim o{apostrophe}g{apostrophe}li");
            assert!(looks_like_name(&name), "{name}");
        }
        assert!(!looks_like_name("Karimov Abdulla Rahim o\"g\"li"));
    }
}
