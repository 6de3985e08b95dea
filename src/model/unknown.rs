//! Markers of the unknown (`нет данных`, `н/д`, `?`, `-`, `noma'lum`...): a cell that holds only
//! one of them is read as no value. The markers are listed in `schemas/unknown_markers.csv`.

use std::collections::HashSet;
use std::sync::OnceLock;

use crate::tables::{self, Table};

/// Whether a cell holds only a marker of the unknown.
pub fn is_unknown_marker(text: &str) -> bool {
    let text = text.trim();
    let Some(first) = text.chars().next() else {
        return false;
    };
    if text.len() > 64 {
        return false;
    }
    // Folding keeps a leading letter or digit as the first character: a cell whose first one
    // starts no marker is none (most names), and is not folded at all.
    if first.is_alphanumeric() && !markers().first_chars.contains(&fold_char(first)) {
        return false;
    }
    markers().folded.contains(&fold(text))
}

/// The markers folded, and the first characters they start with.
struct Markers {
    folded: HashSet<String>,
    first_chars: HashSet<char>,
}

fn markers() -> &'static Markers {
    static SET: OnceLock<Markers> = OnceLock::new();
    SET.get_or_init(|| {
        let mut rdr = csv::ReaderBuilder::new()
            .comment(Some(b'#'))
            .from_reader(tables::text(Table::UnknownMarkers).as_bytes());
        let folded: HashSet<String> = rdr
            .records()
            .flatten()
            .filter_map(|r| read_marker(&r).ok())
            .collect();
        let first_chars = folded.iter().filter_map(|f| f.chars().next()).collect();
        Markers {
            folded,
            first_chars,
        }
    })
}

/// One line of `unknown_markers.csv` (`marker,lang`): the folded marker.
fn read_marker(rec: &csv::StringRecord) -> Result<String, String> {
    let folded = fold(rec.get(0).unwrap_or(""));
    if folded.is_empty() {
        return Err("the marker is empty".into());
    }
    match rec.get(1).unwrap_or("").trim() {
        "*" => Ok(folded),
        lang if crate::model::Lang::parse(lang).is_some() => Ok(folded),
        lang => Err(format!(
            "lang {lang:?} is neither a language code rehab knows nor `*`"
        )),
    }
}

/// The rule for one line of `unknown_markers.csv`.
pub fn check_line(rec: &csv::StringRecord) -> Result<(), String> {
    read_marker(rec).map(|_| ())
}

/// One character lower case, `ё` as `е`.
fn fold_char(c: char) -> char {
    match c.to_lowercase().next().unwrap_or(c) {
        'ё' => 'е',
        lower => lower,
    }
}

/// Lower case without white space; without signs too when the text holds a letter or digit.
/// The Uzbek apostrophes `ʻ` and `ʼ` count as signs, though Unicode calls them letters, so
/// `nomaʼlum` is `noma'lum`.
fn fold(text: &str) -> String {
    let mut folded: String = text
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, 'ʻ' | 'ʼ'))
        .flat_map(char::to_lowercase)
        .map(|c| if c == 'ё' { 'е' } else { c })
        .collect();
    if folded.chars().any(char::is_alphanumeric) {
        folded.retain(char::is_alphanumeric);
    }
    folded
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markers_match_in_any_case_spacing_and_punctuation() {
        for text in [
            "нет данных",
            " Нет  данных ",
            "Н.Д.",
            "н/д",
            "?",
            "—",
            "N/A",
            "Unknown",
            "маълумот йўқ",
            "мәлімет жоқ",
            "noma'lum",
            "Noma’lum",
            "nomaʼlum",
            "noma`lum",
        ] {
            assert!(is_unknown_marker(text), "{text}");
        }
        for text in ["Нет", "Иванов", "1890", "?1890", "", "Данных"] {
            assert!(!is_unknown_marker(text), "{text}");
        }
    }
}
