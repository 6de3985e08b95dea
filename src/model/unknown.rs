//! Markers of the unknown (`нет данных`, `н/д`, `?`, `-`, `noma'lum`...): a cell that holds only
//! one of them is read as no value. The markers are listed in `schemas/unknown_markers.csv`.

use crate::normalize::text;
use crate::tables::{self, DataError, Loaded, Table};
use rustc_hash::FxHashSet;

/// Whether a cell holds only a marker of the unknown.
pub fn is_unknown_marker(cell: &str) -> bool {
    let cell = cell.trim();
    if cell.is_empty() || cell.len() > 64 {
        return false;
    }
    // A cell whose fold starts with a letter or digit folds to its letters and digits alone: one
    // whose first two of them start no marker is none (most names), and is not folded at all.
    // The fold drops apostrophes first, so `ʻ?` is looked at as `?`, though Unicode calls `ʻ` a
    // letter.
    let starts_with_letter = folded_chars(cell)
        .next()
        .is_some_and(text::is_letter_or_digit);
    if starts_with_letter && !markers().leading.contains(&leading_pair(cell)) {
        return false;
    }
    FOLDED.with_borrow_mut(|folded| {
        fold_into(cell, folded);
        markers().folded.contains(folded.as_str())
    })
}

/// The first two letters or digits of the fold of `cell` (the second `None` when it has one).
fn leading_pair(cell: &str) -> (char, Option<char>) {
    let mut kept = folded_chars(cell).filter(|&c| text::is_letter_or_digit(c));
    let first = kept.next().unwrap_or_default();
    (first, kept.next())
}

thread_local! {
    /// The fold of the cell being looked up, reused from cell to cell.
    static FOLDED: std::cell::RefCell<String> = const { std::cell::RefCell::new(String::new()) };
}

/// The markers folded, and the first two characters of those that hold a letter or digit.
struct Markers {
    folded: FxHashSet<String>,
    leading: FxHashSet<(char, Option<char>)>,
}

static MARKERS: Loaded<Markers> = Loaded::new();

fn markers() -> &'static Markers {
    MARKERS.get(load)
}

fn load() -> Result<Markers, DataError> {
    let text = tables::text(Table::UnknownMarkers);
    let folded: FxHashSet<String> = tables::read_all(Table::UnknownMarkers, text, read_marker)?
        .into_iter()
        .collect();
    let leading = folded
        .iter()
        .filter(|f| f.chars().any(text::is_letter_or_digit))
        .filter_map(|f| {
            let mut chars = f.chars();
            Some((chars.next()?, chars.next()))
        })
        .collect();
    Ok(Markers { folded, leading })
}

/// Loads `unknown_markers.csv` in force, or says which line keeps it from loading.
pub fn check_loaded() -> Result<(), DataError> {
    MARKERS.try_get(load).map(|_| ()).map_err(Clone::clone)
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

/// Lower case without white space; without signs too when the text holds a letter or digit.
/// Every apostrophe counts as a sign, though Unicode calls some letters (`ʻ ʼ ʹ`), so `nomaʼlum`
/// is `noma'lum`.
fn fold(cell: &str) -> String {
    let mut folded = String::new();
    fold_into(cell, &mut folded);
    folded
}

/// [`fold`] into a buffer, replacing what it held.
fn fold_into(cell: &str, folded: &mut String) {
    folded.clear();
    folded.extend(folded_chars(cell));
    if folded.chars().any(text::is_letter_or_digit) {
        folded.retain(text::is_letter_or_digit);
    }
}

/// The characters of `cell` in lower case, without white space and apostrophes: [`fold`] before
/// it drops the signs.
fn folded_chars(cell: &str) -> impl Iterator<Item = char> + '_ {
    cell.chars()
        .filter(|&c| !c.is_whitespace() && !text::is_apostrophe(c))
        .flat_map(text::folded)
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
            "ʻ?",
            "ʼ-",
        ] {
            assert!(is_unknown_marker(text), "{text}");
        }
        for apostrophe in crate::normalize::text::APOSTROPHES {
            let text = format!("noma{apostrophe}lum");
            assert!(is_unknown_marker(&text), "{text}");
        }
        for text in ["Нет", "Иванов", "1890", "?1890", "", "Данных"] {
            assert!(!is_unknown_marker(text), "{text}");
        }
    }

    /// Whether the fold of the whole cell is a marker, without looking at its start first.
    fn folds_to_a_marker(cell: &str) -> bool {
        let cell = cell.trim();
        !cell.is_empty() && cell.len() <= 64 && markers().folded.contains(fold(cell).as_str())
    }

    proptest::proptest! {
        #[test]
        fn looking_at_the_start_first_never_changes_the_answer(
            cell in "[ нетдaнныхНЕТДАНЫХNnoaAmlu'ʻ`’/.?—\\-0-9İиІі]{0,14}",
        ) {
            proptest::prop_assert_eq!(is_unknown_marker(&cell), folds_to_a_marker(&cell));
        }

        #[test]
        fn every_marker_in_any_case_is_found(
            index in 0usize..64,
            upper in proptest::bool::ANY,
        ) {
            let mut all: Vec<&String> = markers().folded.iter().collect();
            all.sort();
            let marker = all[index % all.len()];
            let cell = if upper { marker.to_uppercase() } else { marker.clone() };
            proptest::prop_assert_eq!(is_unknown_marker(&cell), folds_to_a_marker(&cell));
        }
    }
}
