//! The archivist's desk: what a run's `rehab.sqlite` answers without linking again. Find a
//! person by any spelling of the name, birth years, birth place, source or deciding body
//! ([`search()`]); read everything about one person, with the edges that put their mentions
//! together ([`person()`]); and say in plain words why two mentions are one person or not
//! ([`why`]). `rehab find`, `rehab explain` and `rehab serve` are built on these.
//!
//! ```no_run
//! use rehab::desk::{self, Query};
//! let conn = desk::open(std::path::Path::new("output"))?;
//! let query = Query { name: "Tchokay".into(), ..Query::default() };
//! let page = desk::search(&conn, &query, 1)?;
//! for hit in &page.items {
//!     println!("{} {}", hit.person_id, hit.name);
//! }
//! if let Some(view) = desk::person(&conn, "P000004")? {
//!     for merge in view.merges() {
//!         println!("{}", desk::why::sentence(&merge.reasons));
//!         // or in another catalogue's words: merge.reasons[0].say(&catalogue)
//!     }
//! }
//! # Ok::<(), rehab::desk::DeskError>(())
//! ```

pub mod pair;
pub mod person;
mod ranking;
pub(crate) mod rows;
pub mod search;
pub mod why;
pub mod words;

pub use pair::{edge, mention};
pub use person::{DecisionView, EdgeView, PersonView, merged_into, person};
pub use rows::{
    AttestationRow, CheckRow, DecisionRow, EdgeRow, IdChangeRow, MentionRow, PersonRow,
};
pub use search::{Page, PersonHit, Query, Unknown, Years, search, search_page};

use std::path::{Path, PathBuf};

/// Why the desk could not answer.
#[derive(Debug, thiserror::Error)]
pub enum DeskError {
    /// The output folder holds no database.
    #[error("{0}: no rehab.sqlite here; run `rehab run` first (or give --output)")]
    NoDatabase(PathBuf),
    /// The database is of a layout this program does not read.
    #[error("{path}: database layout {found}, this program reads {wanted}; run `rehab run` again")]
    Layout {
        /// The database file.
        path: PathBuf,
        /// Its `user_version`.
        found: i64,
        /// The layout this program writes.
        wanted: i64,
    },
    /// SQLite failed.
    #[error("reading the database: {0}")]
    Sqlite(#[from] rusqlite::Error),
    /// A stored value does not read (a damaged or foreign database).
    #[error("{table}: {message}")]
    Stored {
        /// The table.
        table: &'static str,
        /// What does not read.
        message: String,
    },
    /// A search criterion names nothing the run knows.
    #[error("{0}")]
    Criterion(Unknown),
}

/// Opens the `rehab.sqlite` of an output folder read-only, checking its layout.
pub fn open(output: &Path) -> Result<rusqlite::Connection, DeskError> {
    let path = output.join(crate::emit::sqlite::FILE);
    if !path.is_file() {
        return Err(DeskError::NoDatabase(output.to_path_buf()));
    }
    let flags =
        rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY | rusqlite::OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = rusqlite::Connection::open_with_flags(&path, flags)?;
    let found: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    let wanted = crate::emit::sqlite::LAYOUT_VERSION;
    if found != wanted {
        return Err(DeskError::Layout {
            path,
            found,
            wanted,
        });
    }
    Ok(conn)
}
