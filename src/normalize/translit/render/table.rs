//! The transliteration table, loaded once from `schemas/translit.csv`.

use super::context_applies;
use crate::normalize::text::single_lower;
use crate::tables::{self, DataError, Loaded, Table as SchemaTable};
use rustc_hash::FxHashMap;

/// Where a row's forms apply.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    /// Anywhere.
    Default,
    /// Word start, or after a vowel, `ъ` or `ь`.
    Initial,
    /// Before a vowel.
    Prevocalic,
    /// Between vowels.
    Intervocalic,
    /// At the end of a word.
    Final,
}

struct Row {
    letter: Vec<char>,
    context: Context,
    forms: Vec<Option<String>>,
}

/// One line of `translit.csv`: the letters, their context and their form in each scheme.
fn read_row(rec: &csv::StringRecord) -> Result<Row, String> {
    let letter: Vec<char> = rec.get(0).unwrap_or("").chars().collect();
    if letter.is_empty() {
        return Err("column \"letter\" is empty".into());
    }
    let context = match rec.get(1).unwrap_or("") {
        "initial" => Context::Initial,
        "prevocalic" => Context::Prevocalic,
        "intervocalic" => Context::Intervocalic,
        "final" => Context::Final,
        "" => Context::Default,
        other => {
            return Err(format!(
                "context {other:?} is not initial, prevocalic, intervocalic, final or empty"
            ));
        }
    };
    let forms = (2..rec.len())
        .map(|i| {
            let cell = rec.get(i).unwrap_or("");
            (context == Context::Default || !cell.is_empty()).then(|| cell.to_string())
        })
        .collect();
    Ok(Row {
        letter,
        context,
        forms,
    })
}

/// The rule for one line of `translit.csv`.
pub fn check_line(rec: &csv::StringRecord) -> Result<(), String> {
    read_row(rec).map(|_| ())
}

static TABLE: Loaded<Table> = Loaded::new();

/// The rows of the table, longest letters and specific contexts first.
pub struct Table {
    rows: Vec<Row>,
    /// The rows starting with each letter, in the order of `rows`.
    by_first: FxHashMap<char, Vec<usize>>,
}

impl Table {
    /// The table of `schemas/translit.csv` in force, loaded once (see [`Loaded::get`]).
    pub fn builtin() -> &'static Table {
        TABLE.get(Table::load)
    }

    /// Loads the table in force, or says which line keeps it from loading.
    pub fn check_loaded() -> Result<(), DataError> {
        TABLE.try_get(Table::load).map(|_| ()).map_err(Clone::clone)
    }

    fn load() -> Result<Table, DataError> {
        let text = tables::text(SchemaTable::Translit);
        let mut rows = tables::read_all(SchemaTable::Translit, text, read_row)?;
        rows.sort_by_key(|r| {
            (
                std::cmp::Reverse(r.letter.len()),
                r.context == Context::Default,
            )
        });
        let mut by_first: FxHashMap<char, Vec<usize>> = FxHashMap::default();
        for (index, row) in rows.iter().enumerate() {
            by_first.entry(row.letter[0]).or_default().push(index);
        }
        Ok(Table { rows, by_first })
    }

    /// The form of the letter(s) at `i` in a scheme column, and how many characters it covers.
    pub fn lookup(&self, chars: &[char], i: usize, column: usize) -> (Option<&str>, usize) {
        let Some(rows) = single_lower(chars[i]).and_then(|first| self.by_first.get(&first)) else {
            return (None, 1);
        };
        for row in rows.iter().map(|&r| &self.rows[r]) {
            let len = row.letter.len();
            let Some(slice) = chars.get(i..i + len) else {
                continue;
            };
            let same = slice
                .iter()
                .zip(&row.letter)
                .all(|(&c, &l)| single_lower(c) == Some(l));
            if !same || !context_applies(row.context, chars, i, len) {
                continue;
            }
            if let Some(Some(form)) = row.forms.get(column) {
                return (Some(form.as_str()), len);
            }
        }
        (None, 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_letter_lowers_to_itself_alone_or_to_nothing_that_matches() {
        for c in (0..=char::MAX as u32).filter_map(char::from_u32) {
            let mut lower = c.to_lowercase();
            let one = match (lower.next(), lower.next()) {
                (Some(l), None) => Some(l),
                _ => None,
            };
            assert_eq!(single_lower(c), one, "{c:?}");
        }
    }
}
