//! `rehab load`: keeps a PostgreSQL schema current with an output folder.
//!
//! One load is one transaction: it takes an advisory lock on the schema (a second load at the
//! same time is refused), brings the schema's layout up to date ([`migrations`]), copies every
//! table of the folder into temporary staging tables (`COPY ... FROM STDIN`), then inserts the
//! rows that are new, updates those that differ and deletes those that left, matched by their
//! stable keys ([`merge`]), and records the run in `runs`. Readers see the old state until the
//! commit, then the new one; a failure anywhere leaves the database as it was.

pub mod connect;
pub mod lock;
pub mod merge;
pub mod migrations;
pub mod runs;
pub mod stage;
pub mod tables;

use std::path::{Path, PathBuf};

/// The schema loaded into when none is given.
pub const DEFAULT_SCHEMA: &str = "rehab";

/// What a load was asked to do.
#[derive(Debug, Clone)]
pub struct LoadRequest<'a> {
    /// The connection URL (`postgresql://...`) or `key=value` string.
    pub url: &'a str,
    /// The output folder to load.
    pub output: &'a Path,
    /// The schema to keep current (a plain lower-case identifier).
    pub schema: &'a str,
}

/// What a load wrote, table by table.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LoadReport {
    /// The rows each table received in the folder and the rows written, in load order.
    pub tables: Vec<merge::Written>,
    /// Layout steps applied (empty when the schema was current).
    pub steps_applied: Vec<i32>,
    /// Whether the run was loaded for the first time (a `runs` row was added).
    pub new_run: bool,
}

impl LoadReport {
    /// Rows inserted, updated and deleted over all tables.
    pub fn totals(&self) -> (u64, u64, u64) {
        self.tables.iter().fold((0, 0, 0), |(i, u, d), t| {
            (i + t.inserted, u + t.updated, d + t.deleted)
        })
    }
}

/// Why a load did not happen; the database is as it was in every case.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// The URL is not a connection string the driver reads (the URL itself is not repeated: it
    /// may hold a password).
    #[error("the PostgreSQL URL is not usable: {message}")]
    Url {
        /// What the driver said.
        message: String,
    },
    /// No connection could be made: server down, unknown host, refused role or password,
    /// missing database.
    #[error("cannot connect to {target}: {message}")]
    Connect {
        /// The server, user and database, without the password.
        target: String,
        /// What the driver or server said.
        message: String,
    },
    /// The schema name is not a plain identifier.
    #[error(
        "schema {0:?}: a schema name is lower-case letters, digits and _, not starting with a digit, at most 63 characters"
    )]
    SchemaName(String),
    /// Another load holds the schema's advisory lock.
    #[error(
        "schema {schema}: another load into it is running (it holds the advisory lock {key}); nothing loaded, try again when it ends"
    )]
    Busy {
        /// The schema.
        schema: String,
        /// The lock, as `pg_locks` shows it.
        key: String,
    },
    /// The schema was made by a newer `rehab`.
    #[error(
        "schema {schema} has layout version {found}, newer than the {known} this rehab knows; nothing loaded: load with a newer rehab"
    )]
    Newer {
        /// The schema.
        schema: String,
        /// Its version.
        found: i32,
        /// The latest version this `rehab` knows.
        known: i32,
    },
    /// The output folder lacks a file, or a file is not what the load expects.
    #[error("{path}: {message}")]
    Folder {
        /// The file.
        path: PathBuf,
        /// What is wrong.
        message: String,
    },
    /// The server refused a step of the load, or the connection broke during it.
    #[error(
        "loading into schema {schema}: {step}: {message}; nothing was committed, the database is as it was"
    )]
    Load {
        /// The schema.
        schema: String,
        /// The step that failed (`COPY mentions.csv`, `update persons` ...).
        step: String,
        /// What the server or driver said.
        message: String,
    },
}

impl LoadError {
    /// Whether the error is the configuration's, the connection's or the output folder's (exit
    /// code 2) rather than the load's (exit code 3).
    pub fn is_configuration(&self) -> bool {
        !matches!(self, LoadError::Load { .. })
    }
}

/// A driver error with the server's message, detail, hint and context where it gave them.
pub fn describe_error(e: &postgres::Error) -> String {
    let Some(db) = e.as_db_error() else {
        let mut text = e.to_string();
        let mut source = std::error::Error::source(e);
        while let Some(cause) = source {
            text.push_str(&format!(": {cause}"));
            source = cause.source();
        }
        return text;
    };
    let mut text = format!("{}: {}", db.severity(), db.message());
    for (label, part) in [
        ("detail", db.detail()),
        ("hint", db.hint()),
        ("where", db.where_()),
    ] {
        if let Some(part) = part {
            text.push_str(&format!(" ({label}: {part})"));
        }
    }
    text
}

/// Loads the output folder into the schema, as one transaction.
pub fn load(request: &LoadRequest<'_>) -> Result<LoadReport, LoadError> {
    check_schema_name(request.schema)?;
    let tables = tables::tables().ok_or_else(|| LoadError::Folder {
        path: PathBuf::from("schemas"),
        message: "a Table Schema does not parse".to_string(),
    })?;
    let run = runs::RunRow::read(request.output)?;
    stage::check_files(request.output, &tables)?;
    let mut client = connect::connect(request.url)?;
    let schema = tables::ident(request.schema);
    let failed = |step: &str| {
        let step = step.to_string();
        move |e: postgres::Error| LoadError::Load {
            schema: request.schema.to_string(),
            step,
            message: describe_error(&e),
        }
    };
    let mut tx = client.transaction().map_err(failed("begin"))?;
    lock::take(&mut tx, request.schema)?;
    let steps_applied = migrate(&mut tx, request.schema, &tables)?;
    check_columns(&mut tx, request.schema, &tables)?;
    for table in &tables {
        stage::copy(&mut tx, request.output, table, request.schema)?;
    }
    let written =
        merge::merge_all(&mut tx, &schema, &tables).map_err(|(step, e)| failed(&step)(e))?;
    let mut report = LoadReport {
        tables: written,
        steps_applied,
        new_run: false,
    };
    report.new_run = run
        .insert(&mut tx, &schema, report.totals())
        .map_err(failed("insert into runs"))?;
    tx.commit().map_err(failed("commit"))?;
    Ok(report)
}

/// Refuses a schema name that is not a plain identifier.
pub fn check_schema_name(name: &str) -> Result<(), LoadError> {
    let mut chars = name.chars();
    let first_ok = chars
        .next()
        .is_some_and(|c| c.is_ascii_lowercase() || c == '_');
    let rest_ok = chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
    if first_ok && rest_ok && name.len() <= 63 {
        Ok(())
    } else {
        Err(LoadError::SchemaName(name.to_string()))
    }
}

/// Applies the layout steps the schema lacks, or refuses a newer layout; returns the versions
/// applied. Creates the schema when it does not exist.
pub fn migrate(
    tx: &mut postgres::Transaction<'_>,
    schema_name: &str,
    tables: &[tables::Table],
) -> Result<Vec<i32>, LoadError> {
    migrate_to(tx, schema_name, tables, migrations::latest())
}

/// [`migrate`] up to `target` (lower than the latest only to build an older layout, as a test
/// of an upgrade does).
pub fn migrate_to(
    tx: &mut postgres::Transaction<'_>,
    schema_name: &str,
    tables: &[tables::Table],
    target: i32,
) -> Result<Vec<i32>, LoadError> {
    let failed = |step: String| {
        move |e: postgres::Error| LoadError::Load {
            schema: schema_name.to_string(),
            step,
            message: describe_error(&e),
        }
    };
    let schema = tables::ident(schema_name);
    let found =
        current_version(tx, schema_name).map_err(failed("reading schema_version".into()))?;
    let known = migrations::latest();
    if found > known {
        return Err(LoadError::Newer {
            schema: schema_name.to_string(),
            found,
            known,
        });
    }
    if found == 0 {
        let sql = format!(
            "CREATE SCHEMA IF NOT EXISTS {schema};\n{}",
            migrations::version_table(&schema)
        );
        tx.batch_execute(&sql)
            .map_err(failed("creating the schema".into()))?;
    }
    let mut applied = Vec::new();
    for step in migrations::STEPS
        .iter()
        .filter(|s| s.version > found && s.version <= target)
    {
        let what = format!("layout step {} ({})", step.version, step.what);
        tx.batch_execute(&(step.sql)(&schema, tables))
            .map_err(failed(what.clone()))?;
        tx.execute(
            &format!(
                "INSERT INTO {schema}.schema_version (version, what, rehab_version) VALUES ($1, $2, $3)"
            ),
            &[&step.version, &step.what, &env!("CARGO_PKG_VERSION")],
        )
        .map_err(failed(what))?;
        applied.push(step.version);
    }
    Ok(applied)
}

/// The layout version of a schema: 0 when it has no `schema_version` table (or does not exist).
pub fn current_version(
    tx: &mut postgres::Transaction<'_>,
    schema_name: &str,
) -> Result<i32, postgres::Error> {
    let table = format!("{}.schema_version", tables::ident(schema_name));
    let exists: bool = tx
        .query_one("SELECT to_regclass($1) IS NOT NULL", &[&table])?
        .get(0);
    if !exists {
        return Ok(0);
    }
    let row = tx.query_one(
        &format!("SELECT coalesce(max(version), 0) FROM {table}"),
        &[],
    )?;
    Ok(row.get(0))
}

/// Checks that every table holds every column of its file: a layout step that forgot a column
/// added to a Table Schema is named here rather than failing in the middle of the load.
pub fn check_columns(
    tx: &mut postgres::Transaction<'_>,
    schema_name: &str,
    tables: &[tables::Table],
) -> Result<(), LoadError> {
    for table in tables {
        let rows = tx
            .query(
                "SELECT column_name::text FROM information_schema.columns \
                 WHERE table_schema = $1 AND table_name = $2",
                &[&schema_name, &table.name],
            )
            .map_err(|e| LoadError::Load {
                schema: schema_name.to_string(),
                step: format!("reading the columns of {}", table.name),
                message: describe_error(&e),
            })?;
        let present: Vec<String> = rows.iter().map(|r| r.get(0)).collect();
        let missing: Vec<&str> = table
            .columns
            .iter()
            .map(|c| c.name.as_str())
            .filter(|c| !present.iter().any(|p| p == c))
            .collect();
        if !missing.is_empty() {
            return Err(LoadError::Load {
                schema: schema_name.to_string(),
                step: format!("checking table {}", table.name),
                message: format!(
                    "it lacks the column(s) {} of {}; the layout needs a step that adds them",
                    missing.join(", "),
                    table.file
                ),
            });
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn schema_names_are_plain_identifiers() {
        for good in ["rehab", "_x", "rehab_2026"] {
            assert!(check_schema_name(good).is_ok(), "{good}");
        }
        for bad in ["", "Rehab", "1x", "a-b", "a\"b", &"x".repeat(64)] {
            assert!(check_schema_name(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn errors_of_the_connection_are_configuration_errors() {
        let busy = LoadError::Busy {
            schema: "s".into(),
            key: "k".into(),
        };
        assert!(busy.is_configuration());
        let load = LoadError::Load {
            schema: "s".into(),
            step: "commit".into(),
            message: "m".into(),
        };
        assert!(!load.is_configuration());
    }
}
