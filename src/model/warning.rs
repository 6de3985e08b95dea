//! What a row's reading found wrong without rejecting the row: typed, so later stages can count
//! and check warnings by kind, and written to `mentions.csv` as one message each, naming the
//! column.

use super::{Field, PlaceLevel};
use crate::normalize::dates::DateError;
use crate::normalize::places::PlaceError;
use std::fmt;

/// Why a value does not read as its field.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ReadError {
    /// A date that does not read.
    #[error(transparent)]
    Date(#[from] DateError),
    /// A place that does not read.
    #[error(transparent)]
    Place(#[from] PlaceError),
}

/// A problem found in one row that did not reject it. The row is kept, with its raw text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RowWarning {
    /// A value that does not read as its field; it is kept as written.
    Unreadable {
        /// The field of the column.
        field: Field,
        /// The 1-based column.
        col: usize,
        /// Why it does not read.
        reason: ReadError,
    },
    /// A place not in the gazetteer, read as the nearest larger unit it names.
    PlaceUnresolved {
        /// The 1-based column.
        col: usize,
        /// The part of the address the gazetteer does not know.
        unresolved: String,
        /// How specific the unit it was read as is.
        level: PlaceLevel,
        /// That unit's modern name.
        modern: String,
    },
    /// The parts of an address that name places in different countries.
    PlaceConflict {
        /// The 1-based column.
        col: usize,
        /// What disagrees.
        conflict: String,
    },
    /// Two columns map to one field: the first gives the value, the other is kept in `extra`.
    SharedField {
        /// The field.
        field: Field,
        /// The column that gives the value: 1-based number and header.
        first: (usize, String),
        /// The column kept in `extra`.
        moved: (usize, String),
    },
    /// A spreadsheet cell holding a formula without a cached value, kept as the formula's text.
    Formula {
        /// The column's header.
        header: String,
        /// The 1-based column.
        col: usize,
    },
    /// A column's value and the value the row's biographical note gives for the same field
    /// disagree; the column's value is kept.
    NoteDisagrees {
        /// The field.
        field: Field,
        /// The column: 1-based number, header and value.
        column: (usize, String, String),
        /// The note's column: 1-based number, the value's byte span in the note, and the value.
        note: (usize, usize, usize, String),
    },
}

impl fmt::Display for RowWarning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RowWarning::Unreadable { field, col, reason } => {
                write!(f, "{field} (column {col}): {reason}")
            }
            RowWarning::PlaceUnresolved {
                col,
                unresolved,
                level,
                modern,
            } => write!(
                f,
                "birth_place (column {col}): {unresolved:?} not in the gazetteer; read as the {} \
                 {modern}",
                level.as_str()
            ),
            RowWarning::PlaceConflict { col, conflict } => {
                write!(f, "birth_place (column {col}): {conflict}")
            }
            RowWarning::SharedField {
                field,
                first,
                moved,
            } => write!(
                f,
                "{field}: columns {} ({:?}) and {} ({:?}) both map to it; column {} gives the \
                 value and column {} is kept in extra",
                first.0, first.1, moved.0, moved.1, first.0, moved.0
            ),
            RowWarning::Formula { header, col } => write!(
                f,
                "{header} (column {col}): a formula without a cached value, kept as written"
            ),
            RowWarning::NoteDisagrees {
                field,
                column,
                note,
            } => write!(
                f,
                "{field}: column {} ({:?}) says {:?}, the note (column {}, bytes {}..{}) says \
                 {:?}; the column's value is kept",
                column.0, column.1, column.2, note.0, note.1, note.2, note.3
            ),
        }
    }
}
