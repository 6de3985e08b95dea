//! One check of every table in force before a run reads any: each table's header and each line
//! by its rule, and the tables that must hold together as a whole (the gazetteer with its place
//! terms, the date vocabulary, the linkage parameters against the linker's fields). A nightly run stops on a broken table instead of reading around
//! it: the loaders never see a line that fails here.

use super::overlay::read_lines;
use super::{Table, text};
use crate::normalize::{dates, places::Gazetteer};
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

/// Checks every table in force; the first problem found, naming its file and line.
pub fn check_all() -> Result<(), DataError> {
    for table in Table::ALL {
        check_lines(table)?;
    }
    Gazetteer::try_builtin().map_err(|e| DataError {
        file: schemas_path(Table::Gazetteer),
        line: None,
        message: e.to_string(),
    })?;
    crate::link::check_params().map_err(|e| DataError {
        file: PathBuf::from("schemas/link_params.toml"),
        line: None,
        message: e.to_string(),
    })?;
    if let Some(problem) = dates::vocabulary_problems().first() {
        return Err(DataError {
            file: schemas_path(Table::DateWords),
            line: None,
            message: format!("the month, season and date word tables disagree: {problem}"),
        });
    }
    Ok(())
}

/// Checks the header and every line of one table in force.
fn check_lines(table: Table) -> Result<(), DataError> {
    check_text(table, text(table))
}

/// Checks the header and every line of a text of `table`.
pub(super) fn check_text(table: Table, text: &str) -> Result<(), DataError> {
    let file = schemas_path(table);
    read_lines(table, &file, text.as_bytes())
        .map(|_| ())
        .map_err(|e| match e {
            super::TablesError::Line { line, message, .. } => DataError {
                file: file.clone(),
                line: Some(line),
                message,
            },
            other => DataError {
                file: file.clone(),
                line: None,
                message: other.to_string(),
            },
        })
}

fn schemas_path(table: Table) -> PathBuf {
    PathBuf::from("schemas").join(table.spec().file)
}
