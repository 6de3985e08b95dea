//! The run's database as the desk holds it: the output folder, opened read-only through
//! [`crate::desk::open`] for each request (every read is a function of [`crate::desk`]).

use crate::desk::{self, DeskError};
use rusqlite::Connection;
use std::path::{Path, PathBuf};

/// The database of one output folder.
#[derive(Debug, Clone)]
pub struct Store {
    output: PathBuf,
}

impl Store {
    /// The database of an output folder; fails when there is none or it is of another layout.
    pub fn new(output: &Path) -> Result<Store, DeskError> {
        let store = Store {
            output: output.to_path_buf(),
        };
        store.connect()?;
        Ok(store)
    }

    /// A read-only connection (the desk never writes the database).
    pub fn connect(&self) -> Result<Connection, DeskError> {
        desk::open(&self.output)
    }
}
