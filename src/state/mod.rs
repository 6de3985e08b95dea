//! What a run keeps for the next one: the person-id registry, and the lock that keeps two runs off
//! one output folder.
//!
//! The registry lives in `state/` inside the output folder, so it is replaced together with the
//! outputs it describes; a run reads the previous one before it starts.

pub mod ids;
pub mod lock;
pub mod registry;
pub mod shrink;

pub use ids::{ChangeKind, IdChange, IdReport, RowChanges};
pub use registry::{Entry, Registry};

use std::path::PathBuf;

/// Why the state could not be read or written.
#[derive(Debug, thiserror::Error)]
pub enum StateError {
    /// A state file could not be read or written.
    #[error("{path}: {source}")]
    Io {
        /// The file or folder.
        path: PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
    /// A state file is damaged; the run stops rather than renaming every person.
    #[error("{path}: the id registry is damaged: {message}")]
    Corrupt {
        /// The file.
        path: PathBuf,
        /// What is wrong, with the row where one is at fault.
        message: String,
    },
}
