//! What the desk reads from a run's `rehab.sqlite`, opened read-only for each request: a person,
//! their mentions, decisions with attestations, checks and id history, and one mention by its
//! `source:record_id` key.

use crate::desk::rows::text;
use rusqlite::{Connection, OpenFlags, OptionalExtension, Params};
use std::path::{Path, PathBuf};

/// The database of one output folder.
#[derive(Debug, Clone)]
pub struct Store {
    db: PathBuf,
}

/// Why the database could not be read.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The output folder holds no `rehab.sqlite`.
    #[error("{0}: no rehab.sqlite here; run `rehab run` into this folder first")]
    Missing(PathBuf),
    /// SQLite reported an error.
    #[error("{path}: {source}")]
    Sqlite {
        /// The database file.
        path: PathBuf,
        /// SQLite's error.
        source: rusqlite::Error,
    },
}

/// One row of a table: column name → text (empty for NULL), in the order asked for.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Record(Vec<(&'static str, String)>);

impl Record {
    /// The value of a column, empty when absent or NULL.
    pub fn get(&self, column: &str) -> &str {
        self.0
            .iter()
            .find(|(c, _)| *c == column)
            .map_or("", |(_, v)| v.as_str())
    }
}

/// A rehabilitation decision with the mentions attesting it.
#[derive(Debug, Clone)]
pub struct Decision {
    /// The row of `decisions`.
    pub decision: Record,
    /// Its rows of `attestations`.
    pub attestations: Vec<Record>,
}

/// The columns of `persons` the desk shows.
pub const PERSON_COLUMNS: &[&str] = &[
    "person_id",
    "name",
    "name_latin",
    "gender",
    "birth_earliest",
    "birth_latest",
    "birth_place",
    "arrest_earliest",
    "arrest_latest",
    "sentence_key",
    "sentencing_organ_key",
    "death_earliest",
    "death_latest",
    "mentions",
    "sources",
    "decisions",
    "timeline",
];

/// The columns of `mentions` the desk shows or compares.
pub const MENTION_COLUMNS: &[&str] = &[
    "source",
    "record_id",
    "row",
    "person_id",
    "name_raw",
    "surname_key",
    "given_key",
    "father_key",
    "patronymic",
    "gender",
    "birth_raw",
    "birth_edtf",
    "birth_place_raw",
    "birth_place_modern",
    "birth_place_key",
    "nationality",
    "nationality_key",
    "arrest_raw",
    "arrest_edtf",
    "charge",
    "sentencing_organ",
    "sentencing_organ_key",
    "sentence",
    "sentence_key",
    "death_raw",
    "death_edtf",
    "decision",
    "decision_date_raw",
    "decision_date_edtf",
    "deciding_body",
    "deciding_body_key",
    "legal_basis",
    "legal_basis_key",
    "case_number",
    "extra",
    "warnings",
];

const DECISION_COLUMNS: &[&str] = &[
    "decision_id",
    "date_earliest",
    "date_latest",
    "body_name",
    "basis_name",
    "outcome",
    "attestations",
    "sources",
];

const ATTESTATION_COLUMNS: &[&str] = &[
    "source",
    "record_id",
    "decision",
    "date_raw",
    "deciding_body",
    "legal_basis",
];

const CHECK_COLUMNS: &[&str] = &["rule", "severity", "source", "record_id", "message"];

const HISTORY_COLUMNS: &[&str] = &["change", "person_id", "other_id", "mentions"];

impl Store {
    /// The database of an output folder; fails when there is none.
    pub fn new(output: &Path) -> Result<Store, StoreError> {
        let db = output.join(crate::emit::sqlite::FILE);
        if !db.is_file() {
            return Err(StoreError::Missing(output.to_path_buf()));
        }
        let store = Store { db };
        store.connect()?;
        Ok(store)
    }

    /// A read-only connection (the desk never writes the database).
    pub fn connect(&self) -> Result<Connection, StoreError> {
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        Connection::open_with_flags(&self.db, flags).map_err(|e| self.error(e))
    }

    /// The error of a failed query on this database.
    pub fn error(&self, source: rusqlite::Error) -> StoreError {
        StoreError::Sqlite {
            path: self.db.clone(),
            source,
        }
    }
}

/// The person of an id, if any.
pub fn person(conn: &Connection, id: &str) -> rusqlite::Result<Option<Record>> {
    let sql = select(PERSON_COLUMNS, "persons", "person_id = ?1");
    Ok(records(conn, &sql, [id], PERSON_COLUMNS)?
        .into_iter()
        .next())
}

/// The person an id was merged into, when it is an alias.
pub fn merged_into(conn: &Connection, id: &str) -> rusqlite::Result<Option<String>> {
    conn.query_row(
        "SELECT person_id FROM id_changes WHERE change = 'merged' AND other_id = ?1 LIMIT 1",
        [id],
        |row| row.get(0),
    )
    .optional()
}

/// A person's mentions in output order.
pub fn mentions(conn: &Connection, id: &str) -> rusqlite::Result<Vec<Record>> {
    let sql = select(MENTION_COLUMNS, "mentions", "person_id = ?1 ORDER BY rowid");
    records(conn, &sql, [id], MENTION_COLUMNS)
}

/// The mention of a `source:record_id` key (a source or record id may itself hold `:`).
pub fn mention(conn: &Connection, key: &str) -> rusqlite::Result<Option<Record>> {
    let sql = select(
        MENTION_COLUMNS,
        "mentions",
        "source = ?1 AND record_id = ?2",
    );
    for (at, _) in key.match_indices(':') {
        let (source, record) = (&key[..at], &key[at + 1..]);
        if let Some(found) = records(conn, &sql, [source, record], MENTION_COLUMNS)?.pop() {
            return Ok(Some(found));
        }
    }
    Ok(None)
}

/// A person's decisions, each with its attestations.
pub fn decisions(conn: &Connection, id: &str) -> rusqlite::Result<Vec<Decision>> {
    let sql = select(
        DECISION_COLUMNS,
        "decisions",
        "person_id = ?1 ORDER BY rowid",
    );
    let attested = select(
        ATTESTATION_COLUMNS,
        "attestations",
        "decision_id = ?1 ORDER BY rowid",
    );
    records(conn, &sql, [id], DECISION_COLUMNS)?
        .into_iter()
        .map(|decision| {
            let attestations = records(
                conn,
                &attested,
                [decision.get("decision_id")],
                ATTESTATION_COLUMNS,
            )?;
            Ok(Decision {
                decision,
                attestations,
            })
        })
        .collect()
}

/// The checks' findings on a person.
pub fn checks(conn: &Connection, id: &str) -> rusqlite::Result<Vec<Record>> {
    let sql = select(CHECK_COLUMNS, "checks", "person_id = ?1 ORDER BY rowid");
    records(conn, &sql, [id], CHECK_COLUMNS)
}

/// The id changes naming a person, as this id or as the other.
pub fn history(conn: &Connection, id: &str) -> rusqlite::Result<Vec<Record>> {
    let sql = select(
        HISTORY_COLUMNS,
        "id_changes",
        "person_id = ?1 OR other_id = ?1 ORDER BY rowid",
    );
    records(conn, &sql, [id], HISTORY_COLUMNS)
}

/// `SELECT columns FROM table WHERE condition`, the names quoted.
pub fn select(columns: &[&str], table: &str, condition: &str) -> String {
    let list: Vec<String> = columns.iter().map(|c| format!("\"{c}\"")).collect();
    format!(
        "SELECT {} FROM \"{table}\" WHERE {condition}",
        list.join(", ")
    )
}

/// Runs a query and reads every row as a [`Record`] of the given columns.
pub fn records<P: Params>(
    conn: &Connection,
    sql: &str,
    params: P,
    columns: &'static [&'static str],
) -> rusqlite::Result<Vec<Record>> {
    let mut stmt = conn.prepare_cached(sql)?;
    let rows = stmt.query_map(params, |row| {
        let mut cells = Vec::with_capacity(columns.len());
        for (i, column) in columns.iter().enumerate() {
            cells.push((*column, text(row.get_ref(i)?)));
        }
        Ok(Record(cells))
    })?;
    rows.collect()
}
