//! The layout of a table read as a person reads a sheet: which leading rows are its header (one
//! row, or a group row over sub-headers, below any title lines), and what each column holds,
//! from its header's words and from a profile of its values, with how sure the reading is and
//! the evidence for it.

mod decide;
pub mod profile;
pub mod rows;

use super::headers::{Confidence, HeaderDictionary, HeaderMatch};
use crate::model::{Field, Lang};
use decide::Verdict;
use profile::Profile;
use rows::{HeaderCell, HeaderRows};
use std::collections::BTreeMap;

/// How one source column maps to a canonical field, and why.
#[derive(Debug, Clone, PartialEq)]
pub struct ColumnMap {
    /// The header as shown (`group / sub` under a two-row header).
    pub header: String,
    /// The 1-based column number.
    pub col: usize,
    /// The canonical field, or `None` for a column that is kept as an extra.
    pub field: Option<Field>,
    /// The header cell as written in its row (what a repeated header row shows).
    pub written: String,
    /// How sure the reading is, and the evidence.
    pub reading: Reading,
}

impl ColumnMap {
    /// A column read with certainty, as a configuration or a test gives it.
    pub fn given(header: &str, col: usize, field: Option<Field>) -> ColumnMap {
        ColumnMap {
            header: header.to_string(),
            col,
            field,
            written: header.to_string(),
            reading: Reading {
                confidence: Confidence::High,
                words: None,
                profile: Profile::default(),
                basis: "set by the configuration".to_string(),
            },
        }
    }
}

/// The evidence for a column's reading.
#[derive(Debug, Clone, PartialEq)]
pub struct Reading {
    /// How sure the reading is.
    pub confidence: Confidence,
    /// The header's words as matched against the vocabulary, when they matched.
    pub words: Option<HeaderMatch>,
    /// What the values look like.
    pub profile: Profile,
    /// Why, in words.
    pub basis: String,
}

/// A table's layout.
#[derive(Debug, Clone, PartialEq)]
pub struct Layout {
    /// The 0-based index of the first header row among the leading rows.
    pub first: usize,
    /// The 0-based index of the last header row; data rows follow it.
    pub last: usize,
    /// Every column.
    pub columns: Vec<ColumnMap>,
    /// The language most of the matched header phrases are in.
    pub lang: Option<Lang>,
}

/// Why a layout could not be read.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum LayoutError {
    /// No row of the first ones has two columns the vocabulary reads.
    #[error("no recognisable header row")]
    NoHeader,
    /// The header was found but no column holds names.
    #[error("no column holds names: {0}")]
    NoName(String),
}

/// How a layout is looked for.
pub struct Settings<'a> {
    /// The header row the configuration gives (0-based), if any.
    pub header_row: Option<usize>,
    /// Columns the configuration maps by header (field, or `None` to keep as an extra).
    pub overrides: &'a BTreeMap<String, Option<Field>>,
    /// The source's language, when configured.
    pub lang: Option<Lang>,
}

/// Reads the layout of a table from its leading rows (the header search rows and some data rows
/// below them).
pub fn detect(rows: &[Vec<String>], settings: &Settings) -> Result<Layout, LayoutError> {
    let dict = HeaderDictionary::builtin();
    let header = match settings.header_row {
        Some(i) => rows::at(rows, i),
        None => rows::find(rows, dict).ok_or(LayoutError::NoHeader)?,
    };
    let matches: Vec<Option<HeaderMatch>> = header.cells.iter().map(|c| c.read(dict)).collect();
    let lang = settings.lang.or_else(|| majority_lang(&matches));
    let data = &rows[(header.last + 1).min(rows.len())..];
    let (mut columns, suggestions): (Vec<ColumnMap>, Vec<Option<Field>>) = header
        .cells
        .iter()
        .zip(matches)
        .enumerate()
        .map(|(i, (cell, m))| column(i, cell, m, data, lang, settings.overrides))
        .unzip();
    settle_table(&mut columns, &suggestions);
    if !columns.iter().any(|c| c.field.is_some_and(is_name)) {
        return Err(LayoutError::NoName(summary(&columns)));
    }
    let HeaderRows { first, last, .. } = header;
    Ok(Layout {
        first,
        last,
        columns,
        lang,
    })
}

fn column(
    i: usize,
    cell: &HeaderCell,
    m: Option<HeaderMatch>,
    data: &[Vec<String>],
    lang: Option<Lang>,
    overrides: &BTreeMap<String, Option<Field>>,
) -> (ColumnMap, Option<Field>) {
    let header = cell.display();
    let configured = overrides
        .get(&header)
        .or_else(|| overrides.get(cell.written()));
    if let Some(field) = configured {
        let mut map = ColumnMap::given(&header, i + 1, *field);
        map.written = cell.written().to_string();
        return (map, None);
    }
    let values = data.iter().map(|r| r.get(i).map_or("", String::as_str));
    let profile = profile::profile(values.take(profile::PROFILE_ROWS), lang);
    let Verdict {
        field,
        confidence,
        basis,
        from_values,
    } = decide::verdict(m.as_ref(), &profile);
    let map = ColumnMap {
        header,
        col: i + 1,
        field,
        written: cell.written().to_string(),
        reading: Reading {
            confidence,
            words: m,
            profile,
            basis,
        },
    };
    (map, from_values)
}

fn is_name(field: Field) -> bool {
    matches!(field, Field::FullName | Field::Surname | Field::Given)
}

/// Settles the columns of a table together: the fields values alone suggest go to columns only
/// where no header gives them; of several identifier columns the one with unique values is the
/// record id; a lone given-name column holds whole names.
fn settle_table(columns: &mut [ColumnMap], suggestions: &[Option<Field>]) {
    let has_name = columns.iter().any(|c| c.field.is_some_and(is_name));
    for (i, suggestion) in suggestions.iter().enumerate() {
        let Some(field) = *suggestion else {
            continue;
        };
        let taken = columns.iter().any(|c| c.field == Some(field))
            || (field == Field::FullName && has_name);
        if !taken {
            let c = &mut columns[i];
            c.field = Some(field);
            c.reading.confidence = Confidence::Low;
            c.reading.basis = format!("{}; read from the values alone", c.reading.basis);
        }
    }
    prefer_unique_record_id(columns);
    promote_lone_given_name(columns);
}

/// Of several columns read as record ids, the first whose values are all distinct is the one;
/// the others are kept as extras.
fn prefer_unique_record_id(columns: &mut [ColumnMap]) {
    let ids: Vec<usize> = (0..columns.len())
        .filter(|&i| columns[i].field == Some(Field::RecordId))
        .collect();
    if ids.len() < 2 {
        return;
    }
    let unique = |i: &usize| columns[*i].reading.profile.unique >= 0.999;
    let chosen = ids.iter().copied().find(unique).unwrap_or(ids[0]);
    for &i in ids.iter().filter(|&&i| i != chosen) {
        let c = &mut columns[i];
        c.field = None;
        c.reading.confidence = Confidence::Unknown;
        c.reading.basis = format!(
            "{}; another identifier column (column {}) is the record id",
            c.reading.basis,
            chosen + 1
        );
    }
}

/// A lone `Name` column, with no surname and no full-name column, holds the whole name.
fn promote_lone_given_name(columns: &mut [ColumnMap]) {
    let has = |f: Field| columns.iter().any(|c| c.field == Some(f));
    if !has(Field::Given) || has(Field::Surname) || has(Field::FullName) {
        return;
    }
    if let Some(c) = columns.iter_mut().find(|c| c.field == Some(Field::Given)) {
        c.field = Some(Field::FullName);
    }
}

/// The language most matched header phrases are written in.
fn majority_lang(matches: &[Option<HeaderMatch>]) -> Option<Lang> {
    let mut counts: Vec<(Lang, usize)> = Vec::new();
    for lang in matches.iter().flatten().filter_map(|m| m.lang) {
        match counts.iter_mut().find(|(l, _)| *l == lang) {
            Some((_, n)) => *n += 1,
            None => counts.push((lang, 1)),
        }
    }
    counts.into_iter().max_by_key(|(_, n)| *n).map(|(l, _)| l)
}

/// The columns and their readings in one line, for an error message.
fn summary(columns: &[ColumnMap]) -> String {
    columns
        .iter()
        .map(|c| {
            let field = c.field.map_or("extra", Field::name);
            format!("{} {:?} → {field} ({})", c.col, c.header, c.reading.basis)
        })
        .collect::<Vec<_>>()
        .join("; ")
}

#[cfg(test)]
mod tests;
