//! How a loader reads a table in force: its data lines, each read by the loader's own rule, and
//! the loaded value kept once per process. A line a loader refuses is an error naming the file
//! and the line, never a line passed over; [`super::check_all`] loads every table before a
//! command reads one, so a broken table stops the run instead of changing its output.

use super::overlay::data_lines;
use super::{DataError, Table, TablesError, text};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// One data line of a table: its fields and where it stands.
#[derive(Debug, Clone)]
pub struct Line {
    /// The table it belongs to.
    pub table: Table,
    /// Its 1-based line number in the table's text.
    pub number: usize,
    /// Its fields, read as the table's rule reads them.
    pub record: csv::StringRecord,
}

impl Line {
    /// The error for this line: `message` says what is wrong with it.
    pub fn refuse(&self, message: impl Into<String>) -> DataError {
        DataError {
            file: schemas_path(self.table),
            line: Some(self.number),
            message: message.into(),
        }
    }
}

/// The data lines of a table in force (the built-in text merged with the local additions).
pub fn lines(table: Table) -> Result<Vec<Line>, DataError> {
    lines_of(table, text(table))
}

/// The data lines of `text` read as a `table`: its header line, column count and line rule are
/// checked; blank lines and `#` comments are passed over.
pub fn lines_of(table: Table, text: &str) -> Result<Vec<Line>, DataError> {
    let file = schemas_path(table);
    let lines =
        data_lines(table, Path::new(&file), text.as_bytes()).map_err(|e| data_error(&file, e))?;
    Ok(lines
        .into_iter()
        .map(|line| Line {
            table,
            number: line.number,
            record: line.record,
        })
        .collect())
}

/// Every data line of `text` read as a `table` through `read`; the first line it refuses is
/// the error.
pub fn read_all<T>(
    table: Table,
    text: &str,
    mut read: impl FnMut(&csv::StringRecord) -> Result<T, String>,
) -> Result<Vec<T>, DataError> {
    lines_of(table, text)?
        .iter()
        .map(|line| read(&line.record).map_err(|m| line.refuse(m)))
        .collect()
}

/// `schemas/FILE`: how an error names a table in force.
pub fn schemas_path(table: Table) -> PathBuf {
    PathBuf::from("schemas").join(table.spec().file)
}

fn data_error(file: &Path, error: TablesError) -> DataError {
    match error {
        TablesError::Line { line, message, .. } => DataError {
            file: file.to_path_buf(),
            line: Some(line),
            message,
        },
        other => DataError {
            file: file.to_path_buf(),
            line: None,
            message: other.to_string(),
        },
    }
}

/// A value loaded once per process from the tables in force, or the error that kept it from
/// loading.
pub struct Loaded<T, E = DataError>(OnceLock<Result<T, E>>);

impl<T, E: std::fmt::Display> Loaded<T, E> {
    /// Not loaded yet.
    pub const fn new() -> Self {
        Loaded(OnceLock::new())
    }

    /// The value, loaded by `load` on first use; or the error it gave.
    pub fn try_get(&self, load: impl FnOnce() -> Result<T, E>) -> Result<&T, &E> {
        self.0.get_or_init(load).as_ref()
    }

    /// The value, loaded by `load` on first use.
    ///
    /// # Panics
    /// When the tables in force do not load. Every command checks them first
    /// ([`super::check_all`], exit code 3), so a command never reaches this with a broken table;
    /// a library caller that skips the check gets the error here rather than different output.
    pub fn get(&self, load: impl FnOnce() -> Result<T, E>) -> &T {
        match self.try_get(load) {
            Ok(value) => value,
            Err(error) => panic!("{error} (the tables in force are checked by tables::check_all)"),
        }
    }
}

impl<T, E: std::fmt::Display> Default for Loaded<T, E> {
    fn default() -> Self {
        Loaded::new()
    }
}
