//! Every table of `schemas/` the normalisers read, in one place: its file name, its built-in text,
//! its header line, the rule one of its lines must follow, and the local additions merged over it.
//!
//! A run may name a folder of local additions (`--data-dir`, or `data_dir` in the configuration):
//! files with the names and header lines of the tables below. Their lines are merged over the
//! built-in ones: a local line whose key (the table's key columns, compared case-folded) is
//! already in the built-in table replaces that line, any other is added. The folder is read and
//! checked once, before any table is first loaded ([`use_local_tables`]); every table in force is
//! then checked whole ([`check_all`]: exit code 3 naming the file and line when one fails) and
//! loaded once ([`text`]).

mod check;
mod load;
mod overlay;
mod specs;
#[cfg(test)]
mod tests;

pub use check::{DataError, check_all};
pub use load::{Line, Loaded, lines, lines_of, read_all, schemas_path};
pub use overlay::{LocalTable, TablesError};
use overlay::{Overlay, merge};
pub use specs::Table;
use std::borrow::Cow;
use std::path::Path;
use std::sync::OnceLock;

/// The local additions of this process, fixed by the first table loaded or the first call of
/// [`use_local_tables`], whichever comes first.
static OVERLAY: OnceLock<Overlay> = OnceLock::new();

/// Reads and checks the folder of local additions (or none) and makes it the one every table of
/// this process is merged with. Returns the local tables used.
///
/// Must come before any table is loaded: calling it after a table was loaded, or a second time
/// with another folder, is an error rather than a setting silently ignored.
pub fn use_local_tables(dir: Option<&Path>) -> Result<&'static [LocalTable], TablesError> {
    let wanted = match dir {
        Some(dir) => Overlay::read(dir)?,
        None => Overlay::default(),
    };
    let in_force = OVERLAY.get_or_init(|| wanted.clone());
    if in_force.dir != wanted.dir || in_force.tables != wanted.tables {
        return Err(TablesError::AlreadyInForce {
            wanted: folder_name(wanted.dir.as_deref()),
            in_force: folder_name(in_force.dir.as_deref()),
        });
    }
    Ok(&in_force.tables)
}

/// The local tables in force (none when no folder was put in force).
pub fn in_force() -> &'static [LocalTable] {
    OVERLAY.get().map_or(&[], |o| &o.tables)
}

fn folder_name(dir: Option<&Path>) -> String {
    dir.map_or_else(|| "none".to_string(), |d| d.display().to_string())
}

/// The text of a table: the built-in lines merged with the local additions in force (the
/// built-in text itself when there are none). The same for the whole process.
pub fn text(table: Table) -> &'static str {
    static MERGED: [OnceLock<Cow<'static, str>>; Table::ALL.len()] =
        [const { OnceLock::new() }; Table::ALL.len()];
    MERGED[table as usize].get_or_init(|| {
        let overlay = OVERLAY.get_or_init(Overlay::default);
        match overlay.lines.get(&table) {
            Some(lines) => Cow::Owned(merge(table.spec(), lines)),
            None => Cow::Borrowed(table.spec().builtin),
        }
    })
}
