//! Markers of the unknown (`нет данных`, `н/д`, `?`, `-`, `noma'lum`...): a cell that holds only
//! one of them is read as no value. The markers are listed in `schemas/unknown_markers.csv`.

use std::collections::HashSet;
use std::sync::OnceLock;

const MARKERS: &str = include_str!("../../schemas/unknown_markers.csv");

/// Whether a cell holds only a marker of the unknown.
pub fn is_unknown_marker(text: &str) -> bool {
    let text = text.trim();
    if text.is_empty() || text.len() > 64 {
        return false;
    }
    markers().contains(&fold(text))
}

fn markers() -> &'static HashSet<String> {
    static SET: OnceLock<HashSet<String>> = OnceLock::new();
    SET.get_or_init(|| {
        let mut rdr = csv::ReaderBuilder::new()
            .comment(Some(b'#'))
            .from_reader(MARKERS.as_bytes());
        rdr.records()
            .flatten()
            .filter_map(|r| r.get(0).map(fold))
            .filter(|f| !f.is_empty())
            .collect()
    })
}

/// Lower case without white space; without signs too when the text holds a letter or digit.
fn fold(text: &str) -> String {
    let lower: String = text
        .chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .map(|c| if c == 'ё' { 'е' } else { c })
        .collect();
    if lower.chars().any(char::is_alphanumeric) {
        lower.chars().filter(|c| c.is_alphanumeric()).collect()
    } else {
        lower
    }
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
        ] {
            assert!(is_unknown_marker(text), "{text}");
        }
        for text in ["Нет", "Иванов", "1890", "?1890", "", "Данных"] {
            assert!(!is_unknown_marker(text), "{text}");
        }
    }
}
