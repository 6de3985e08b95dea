//! One check of every table in force before a run reads any: each table is loaded by its own
//! loader (header, every line by its rule, and the tables that must hold together as a whole:
//! the gazetteer with its place terms, the date vocabulary), then the linkage parameters are
//! checked against the linker's fields. A nightly run stops on a broken table instead of reading
//! around it.

use super::Table;
#[cfg(test)]
use super::load::lines_of;
use std::path::PathBuf;

/// A table in force that does not load: the file (`schemas/NAME`, merged with the local
/// additions in force) and, where known, the line.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("built-in data {file}{}: {message}", line.map(|l| format!(":{l}")).unwrap_or_default())]
pub struct DataError {
    /// The table's file, as `schemas/NAME`.
    pub file: PathBuf,
    /// The 1-based line, when one line is at fault.
    pub line: Option<usize>,
    /// What is wrong.
    pub message: String,
}

/// Loads every table in force; the first problem found, naming its file and line.
pub fn check_all() -> Result<(), DataError> {
    for table in Table::ALL {
        (table.spec().load)()?;
    }
    crate::emit::schema::check_loaded()?;
    crate::link::check_params().map_err(|e| DataError {
        file: PathBuf::from("schemas/link_params.toml"),
        line: None,
        message: e.to_string(),
    })
}

/// Checks the header and every line of a text of `table` by the table's line rule.
#[cfg(test)]
pub(super) fn check_text(table: Table, text: &str) -> Result<(), DataError> {
    lines_of(table, text).map(|_| ())
}
