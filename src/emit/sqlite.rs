//! `rehab.sqlite`: the output tables in one SQLite database for downstream systems.
//!
//! Tables, columns, primary and foreign keys come from the Table Schemas in `schemas/`, so the
//! database always matches the CSVs. Rows are inserted in output order in one transaction with
//! prepared statements; each table's indexes are built right after its rows. The file holds no
//! timestamps and uses a fixed page size, so the same input gives the same bytes.

use super::row::Row;
use super::schema::{self, TableSchema};
use crate::model::Outcome;
use rusqlite::Connection;
use rusqlite::types::{ToSqlOutput, ValueRef};
use std::path::{Path, PathBuf};

/// The database's file name in the output folder.
pub const FILE: &str = "rehab.sqlite";

/// `PRAGMA user_version` of the database layout.
pub const LAYOUT_VERSION: i64 = 3;

/// Indexes beyond the primary keys: `(table, columns)`. The mentions' key indexes end in the
/// person, so the desk's search reads the persons of a key or a range of keys off them alone,
/// and finds each one's number of mentions in the persons' index by id and mentions.
const INDEXES: [(&str, &[&str]); 12] = [
    ("persons", &["surname_key", "given_key"]),
    ("persons", &["person_id", "mentions"]),
    ("mentions", &["person_id"]),
    ("mentions", &["surname_key", "given_key", "person_id"]),
    ("mentions", &["given_key", "person_id"]),
    ("mentions", &["birth_place_key", "person_id"]),
    ("edges", &["person_a"]),
    ("edges", &["person_b"]),
    ("decisions", &["person_id"]),
    ("attestations", &["decision_id"]),
    ("checks", &["person_id"]),
    ("id_changes", &["person_id"]),
];

/// The view of each person with their decisions (persons without one appear once, with nulls).
const VIEW: &str = "CREATE VIEW person_decisions AS
SELECT p.person_id, p.name, p.name_latin, p.birth_earliest, p.birth_latest, p.birth_place,
       d.decision_id, d.date_earliest AS decision_date_earliest,
       d.date_latest AS decision_date_latest, d.body_key, d.body_name, d.basis_key,
       d.basis_name, d.outcome, d.attestations, d.sources
FROM persons p LEFT JOIN decisions d ON d.person_id = p.person_id
ORDER BY p.rowid, d.rowid";

/// Why the database could not be built.
#[derive(Debug, thiserror::Error)]
pub enum SqliteError {
    /// SQLite reported an error.
    #[error("{path}: {source}")]
    Sqlite {
        /// The database file.
        path: PathBuf,
        /// SQLite's error.
        source: rusqlite::Error,
    },
    /// The file could not be replaced or synced.
    #[error("{path}: {source}")]
    Io {
        /// The database file.
        path: PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
    /// The rows ended before the last table, or came in another order than the tables.
    #[error("{path}: the rows to load ended early or came out of order")]
    Incomplete {
        /// The database file.
        path: PathBuf,
    },
}

/// Why a table could not be filled.
#[derive(Debug)]
pub enum FillError {
    /// SQLite reported an error.
    Sqlite(rusqlite::Error),
    /// The rows ended before the table's last, or belong to another table.
    Incomplete,
}

impl From<rusqlite::Error> for FillError {
    fn from(e: rusqlite::Error) -> FillError {
        FillError::Sqlite(e)
    }
}

/// Where the database's rows come from, table by table in the order the CSVs are written.
pub trait RowSource {
    /// Calls `each` with every row of `table`, in order; stops at the first error.
    fn rows(
        &mut self,
        table: &str,
        each: &mut dyn FnMut(&Row) -> rusqlite::Result<()>,
    ) -> Result<(), FillError>;
}

/// The rows of a run's outcome, built as they are loaded.
struct OutcomeRows<'a>(&'a Outcome);

impl RowSource for OutcomeRows<'_> {
    fn rows(
        &mut self,
        table: &str,
        each: &mut dyn FnMut(&Row) -> rusqlite::Result<()>,
    ) -> Result<(), FillError> {
        let mut rows = super::tables::rows(table, self.0);
        while let Some(row) = rows.next_row() {
            each(row)?;
        }
        Ok(())
    }
}

/// Builds the database at `path` (replacing any file there) from the outcome.
pub fn write_database(path: &Path, outcome: &Outcome) -> Result<(), SqliteError> {
    write_database_from(path, &mut OutcomeRows(outcome))
}

/// Builds the database at `path` (replacing any file there) from the rows `source` gives.
pub fn write_database_from(path: &Path, source: &mut dyn RowSource) -> Result<(), SqliteError> {
    let io = |source| SqliteError::Io {
        path: path.to_path_buf(),
        source,
    };
    match std::fs::remove_file(path) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => return Err(io(e)),
        _ => {}
    }
    let _span = tracing::info_span!("sqlite").entered();
    fill(path, source).map_err(|e| match e {
        FillError::Sqlite(source) => SqliteError::Sqlite {
            path: path.to_path_buf(),
            source,
        },
        FillError::Incomplete => SqliteError::Incomplete {
            path: path.to_path_buf(),
        },
    })?;
    std::fs::File::open(path)
        .and_then(|f| f.sync_all())
        .map_err(io)
}

fn fill(path: &Path, source: &mut dyn RowSource) -> Result<(), FillError> {
    let mut conn = Connection::open(path)?;
    // The rows were checked against their schemas (foreign keys included) before, so the load
    // does not check them again; the keys are declared for the readers of the database. A
    // small page cache and index sorts on disk keep the load out of the run's peak memory.
    // An index sort larger than the cache sorts its parts on a second thread too; the sorted
    // order, and so the file, is the same. The largest page size SQLite has takes about a sixth
    // less CPU to load and index than 4 KiB pages, for a file 4% smaller.
    conn.execute_batch(
        "PRAGMA page_size = 65536; PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;
         PRAGMA foreign_keys = OFF; PRAGMA cache_size = -32768; PRAGMA temp_store = FILE;
         PRAGMA threads = 1;",
    )?;
    conn.pragma_update(None, "user_version", LAYOUT_VERSION)?;
    let tx = conn.transaction()?;
    for table in super::csv_tables() {
        let Some(schema) = schema::schema(table) else {
            source.rows(table, &mut |_| Ok(()))?;
            continue;
        };
        tx.execute_batch(&create_table(table, schema))?;
        insert_rows(&tx, table, schema, source)?;
        // A table's indexes are built as soon as its rows are in, while the other writers
        // still have work for the second core, rather than all at the end.
        for (_, columns) in INDEXES.iter().filter(|(on, _)| *on == table) {
            tx.execute_batch(&create_index(table, columns))?;
        }
    }
    tx.execute_batch(VIEW)?;
    tx.commit()?;
    conn.close().map_err(|(_, e)| FillError::Sqlite(e))
}

/// An empty database in memory with the layout's tables, indexes and view.
#[cfg(test)]
pub(crate) fn empty_in_memory() -> rusqlite::Result<Connection> {
    let conn = Connection::open_in_memory()?;
    for table in super::csv_tables() {
        if let Some(schema) = schema::schema(table) {
            conn.execute_batch(&create_table(table, schema))?;
        }
    }
    for (table, columns) in INDEXES {
        conn.execute_batch(&create_index(table, columns))?;
    }
    conn.execute_batch(VIEW)?;
    Ok(conn)
}

/// `CREATE TABLE` from a Table Schema: types, required columns, primary and foreign keys.
pub fn create_table(table: &str, schema: &TableSchema) -> String {
    let mut parts: Vec<String> = schema
        .fields
        .iter()
        .map(|f| {
            let kind = match f.kind.as_str() {
                "integer" => "INTEGER",
                "number" => "REAL",
                _ => "TEXT",
            };
            let required = f.constraints.required || schema.primary_key.contains(&f.name);
            let null = if required { " NOT NULL" } else { "" };
            format!("{} {kind}{null}", quote(&f.name))
        })
        .collect();
    if !schema.primary_key.is_empty() {
        parts.push(format!("PRIMARY KEY ({})", quote_all(&schema.primary_key)));
    }
    for fk in &schema.foreign_keys {
        parts.push(format!(
            "FOREIGN KEY ({}) REFERENCES {} ({})",
            quote_all(&fk.fields),
            quote(&fk.reference.resource),
            quote_all(&fk.reference.fields)
        ));
    }
    format!(
        "CREATE TABLE {} (\n  {}\n);",
        quote(table),
        parts.join(",\n  ")
    )
}

fn create_index(table: &str, columns: &[&str]) -> String {
    format!(
        "CREATE INDEX {} ON {} ({});",
        quote(&format!("{table}_{}", columns.join("_"))),
        quote(table),
        columns
            .iter()
            .map(|c| quote(c))
            .collect::<Vec<_>>()
            .join(", ")
    )
}

fn insert_rows(
    tx: &rusqlite::Transaction<'_>,
    table: &str,
    schema: &TableSchema,
    source: &mut dyn RowSource,
) -> Result<(), FillError> {
    let marks = vec!["?"; schema.fields.len()].join(", ");
    let sql = format!("INSERT INTO {} VALUES ({marks})", quote(table));
    let mut stmt = tx.prepare(&sql)?;
    let kinds: Vec<(Column, bool)> = schema
        .fields
        .iter()
        .map(|f| (Column::of(&f.kind), schema.primary_key.contains(&f.name)))
        .collect();
    // A parameter keeps its value from one row to the next (and starts as NULL), so an empty
    // cell below another is not bound again: most optional columns are empty in most rows.
    let mut null_bound = vec![true; kinds.len()];
    source.rows(table, &mut |row| {
        for (i, (cell, &(kind, key))) in row.cells().zip(&kinds).enumerate() {
            let value = value(cell, kind, key);
            let null = value == ValueRef::Null;
            if null && null_bound.get(i) == Some(&true) {
                continue;
            }
            stmt.raw_bind_parameter(i + 1, ToSqlOutput::Borrowed(value))?;
            if let Some(bound) = null_bound.get_mut(i) {
                *bound = null;
            }
        }
        stmt.raw_execute().map(|_| ())
    })
}

/// How a column's cells are stored: by the schema type `integer`, `number` or any other.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Column {
    Integer,
    Real,
    Text,
}

impl Column {
    fn of(kind: &str) -> Column {
        match kind {
            "integer" => Column::Integer,
            "number" => Column::Real,
            _ => Column::Text,
        }
    }
}

/// A cell as an SQLite value of its column's type, empty optional cells as NULL.
fn value(cell: &str, kind: Column, key: bool) -> ValueRef<'_> {
    if cell.is_empty() && !key {
        return ValueRef::Null;
    }
    let typed = match kind {
        Column::Integer => cell.parse::<i64>().ok().map(ValueRef::Integer),
        Column::Real => cell.parse::<f64>().ok().map(ValueRef::Real),
        Column::Text => None,
    };
    typed.unwrap_or(ValueRef::Text(cell.as_bytes()))
}

fn quote(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

fn quote_all(names: &[String]) -> String {
    names
        .iter()
        .map(|n| quote(n))
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_follow_their_schemas() {
        let sql = create_table("decisions", schema::schema("decisions").unwrap());
        assert!(sql.contains("PRIMARY KEY (\"decision_id\")"));
        assert!(sql.contains("FOREIGN KEY (\"person_id\") REFERENCES \"persons\" (\"person_id\")"));
        let conn = Connection::open_in_memory().unwrap();
        for table in crate::emit::csv_tables() {
            conn.execute_batch(&create_table(table, schema::schema(table).unwrap()))
                .unwrap();
        }
        conn.execute_batch(VIEW).unwrap();
    }

    /// Rows of `persons` whose `name_latin` is the given text in turn; no other table has rows.
    struct Persons(Vec<&'static str>);

    impl RowSource for Persons {
        fn rows(
            &mut self,
            table: &str,
            each: &mut dyn FnMut(&Row) -> rusqlite::Result<()>,
        ) -> Result<(), FillError> {
            let fields = &schema::schema(table).unwrap().fields;
            for (n, latin) in self.0.iter().enumerate().filter(|_| table == "persons") {
                let id = format!("P{n}");
                let row: Row = fields
                    .iter()
                    .map(|f| match f.name.as_str() {
                        "person_id" | "name" => id.as_str(),
                        "name_latin" => latin,
                        "mentions" | "decisions" => "1",
                        "sources" => "s",
                        _ => "",
                    })
                    .collect();
                each(&row)?;
            }
            Ok(())
        }
    }

    #[test]
    fn an_empty_cell_is_null_whatever_the_rows_before_held() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(FILE);
        let latin = vec!["x", "", "", "y", "", "z"];
        write_database_from(&path, &mut Persons(latin)).unwrap();
        let conn = Connection::open(&path).unwrap();
        let page: i64 = conn
            .query_row("PRAGMA page_size", [], |r| r.get(0))
            .unwrap();
        assert_eq!(page, 65536);
        let mut stmt = conn
            .prepare("SELECT name_latin, mentions FROM persons ORDER BY rowid")
            .unwrap();
        let got: Vec<(Option<String>, i64)> = stmt
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .map(Result::unwrap)
            .collect();
        let want = [Some("x"), None, None, Some("y"), None, Some("z")];
        let want: Vec<(Option<String>, i64)> =
            want.iter().map(|v| (v.map(String::from), 1)).collect();
        assert_eq!(got, want);
    }

    #[test]
    fn cells_become_typed_values() {
        let [integer, number, string] = ["integer", "number", "string"].map(Column::of);
        assert_eq!(value("12", integer, false), ValueRef::Integer(12));
        assert_eq!(value("-1.25", number, false), ValueRef::Real(-1.25));
        assert_eq!(value("", string, false), ValueRef::Null);
        assert_eq!(value("", string, true), ValueRef::Text(b""));
        assert_eq!(value("x", string, false), ValueRef::Text(b"x"));
        assert_eq!(value("x", integer, false), ValueRef::Text(b"x"));
        assert_eq!(Column::of("date"), Column::Text);
    }
}
