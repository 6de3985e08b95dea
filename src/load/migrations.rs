//! The layout of the loaded schema, as an ordered list of steps. `schema_version` records each
//! step applied; a load applies the steps the schema lacks (all of them to a new schema) inside
//! its transaction, and refuses a schema a newer `rehab` made.
//!
//! A step, once released, never changes: a change of layout is a new step at the end of
//! [`STEPS`]. A column added to a Table Schema of `schemas/` needs such a step
//! (`ALTER TABLE ... ADD COLUMN IF NOT EXISTS`), since step 1 builds the tables from the Table
//! Schemas as they are when a schema is created; [`super::check_columns`] names a column a step
//! forgot.

use super::tables::{Column, Key, ROW_KEY, STATUS, Table, ident, idents, literal};

/// One step of the layout: the version it brings the schema to, and its SQL.
pub struct Step {
    /// The version after the step.
    pub version: i32,
    /// What the step does, in words (logged, and kept in `schema_version`).
    pub what: &'static str,
    /// The SQL of the step for a schema (quoted) and the loaded tables.
    pub sql: fn(&str, &[Table]) -> String,
}

/// Every step, in order.
pub const STEPS: [Step; 2] = [
    Step {
        version: 1,
        what: "tables of the outputs, aliases and runs, with keys and comments",
        sql: base_tables,
    },
    Step {
        version: 2,
        what: "indexes on person ids and name keys; view person_decisions",
        sql: indexes_and_view,
    },
];

/// The version of the layout this `rehab` makes.
pub fn latest() -> i32 {
    STEPS.last().map_or(0, |s| s.version)
}

/// `schema_version` itself: one row per step applied.
pub fn version_table(schema: &str) -> String {
    format!(
        "CREATE TABLE IF NOT EXISTS {schema}.schema_version (
  version integer PRIMARY KEY,
  what text NOT NULL,
  rehab_version text NOT NULL,
  applied_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE {schema}.schema_version IS 'Steps of the layout applied to this schema by rehab load; the highest version is the layout in force';
COMMENT ON COLUMN {schema}.schema_version.version IS 'The layout version the step brought the schema to';
COMMENT ON COLUMN {schema}.schema_version.what IS 'What the step did';
COMMENT ON COLUMN {schema}.schema_version.rehab_version IS 'Version of the rehab that applied it';
COMMENT ON COLUMN {schema}.schema_version.applied_at IS 'When it was applied';
"
    )
}

/// Step 1: a table per output and `aliases` with their keys and comments, and `runs`.
fn base_tables(schema: &str, tables: &[Table]) -> String {
    let mut sql = String::new();
    for table in tables {
        sql.push_str(&create_table(schema, table));
    }
    sql.push_str(&runs_table(schema));
    sql
}

/// `CREATE TABLE` for a loaded table, with `COMMENT ON` the table and each column.
pub fn create_table(schema: &str, table: &Table) -> String {
    let mut parts: Vec<String> = table.columns.iter().map(column_sql).collect();
    if table.key == Key::RowHash {
        parts.push(format!("{} text NOT NULL", ident(ROW_KEY)));
    }
    if table.keeps_removed {
        parts.push(format!(
            "{} text NOT NULL DEFAULT 'current' CHECK ({0} IN ('current', 'merged', 'retired'))",
            ident(STATUS)
        ));
    }
    parts.push(format!(
        "PRIMARY KEY ({})",
        idents(&table.key_columns(), "")
    ));
    for r in &table.references {
        parts.push(format!(
            "FOREIGN KEY ({}) REFERENCES {schema}.{} ({})",
            idents(&r.columns, ""),
            ident(&r.table),
            idents(&r.references, "")
        ));
    }
    let name = format!("{schema}.{}", ident(table.name));
    let mut sql = format!("CREATE TABLE {name} (\n  {}\n);\n", parts.join(",\n  "));
    let mut comment = |target: String, text: &str| {
        sql.push_str(&format!("COMMENT ON {target} IS {};\n", literal(text)));
    };
    comment(format!("TABLE {name}"), table.comment);
    for c in &table.columns {
        comment(format!("COLUMN {name}.{}", ident(&c.name)), &c.comment);
    }
    if table.key == Key::RowHash {
        comment(
            format!("COLUMN {name}.{}", ident(ROW_KEY)),
            "Key of a row of a table that has none: the MD5 of its cells, # and its number \
             among equal rows",
        );
    }
    if table.keeps_removed {
        comment(
            format!("COLUMN {name}.{}", ident(STATUS)),
            "current (in the run last loaded), merged (given up in a merge: aliases gives the \
             id it resolves to) or retired (no mention left); a row that is not current keeps \
             the values it last had",
        );
    }
    sql
}

fn column_sql(c: &Column) -> String {
    let null = if c.not_null { " NOT NULL" } else { "" };
    format!("{} {}{null}", ident(&c.name), c.sql_type)
}

/// `runs`: one row per run loaded, from its `run.json`, with the rows the first load wrote.
fn runs_table(schema: &str) -> String {
    let columns: [(&str, &str, &str); 13] = [
        (
            "run_sha256",
            "text PRIMARY KEY",
            "SHA-256 of the run's run.json: the run's identity",
        ),
        (
            "started",
            "timestamptz NOT NULL",
            "When the run started (run.json started)",
        ),
        (
            "rehab_version",
            "text NOT NULL",
            "Version of the rehab that made the outputs",
        ),
        (
            "input_sha256",
            "text NOT NULL",
            "SHA-256 of the input: of each source's name and SHA-256 in run.json, one line each",
        ),
        ("input_rows", "integer NOT NULL", "Input rows read"),
        ("mentions", "integer NOT NULL", "Mentions (accepted rows)"),
        ("rejects", "integer NOT NULL", "Rejected rows"),
        ("persons", "integer NOT NULL", "Persons"),
        ("decisions", "integer NOT NULL", "Decisions"),
        (
            "loaded_at",
            "timestamptz NOT NULL DEFAULT now()",
            "When the run was first loaded",
        ),
        (
            "rows_inserted",
            "bigint NOT NULL",
            "Rows that load inserted, over all tables",
        ),
        (
            "rows_updated",
            "bigint NOT NULL",
            "Rows that load updated (persons marked merged or retired included)",
        ),
        ("rows_deleted", "bigint NOT NULL", "Rows that load deleted"),
    ];
    let body: Vec<String> = columns
        .iter()
        .map(|(name, kind, _)| format!("{name} {kind}"))
        .collect();
    let mut sql = format!(
        "CREATE TABLE {schema}.runs (\n  {}\n);\nCOMMENT ON TABLE {schema}.runs IS {};\n",
        body.join(",\n  "),
        literal("One row per run loaded into this schema, from its run.json")
    );
    for (name, _, comment) in columns {
        sql.push_str(&format!(
            "COMMENT ON COLUMN {schema}.runs.{name} IS {};\n",
            literal(comment)
        ));
    }
    sql
}

/// Indexes beyond the primary keys: `(table, columns)`.
const INDEXES: [(&str, &[&str]); 8] = [
    ("persons", &["surname_key", "given_key"]),
    ("mentions", &["person_id"]),
    ("mentions", &["surname_key", "given_key"]),
    ("decisions", &["person_id"]),
    ("attestations", &["decision_id"]),
    ("checks", &["person_id"]),
    ("id_changes", &["person_id"]),
    ("aliases", &["person_id"]),
];

/// Step 2: indexes for lookups by person and name, and the view of current persons with their
/// decisions.
fn indexes_and_view(schema: &str, _tables: &[Table]) -> String {
    let mut sql = String::new();
    for (table, columns) in INDEXES {
        let name = ident(&format!("{table}_{}", columns.join("_")));
        sql.push_str(&format!(
            "CREATE INDEX IF NOT EXISTS {name} ON {schema}.{} ({});\n",
            ident(table),
            idents(columns, "")
        ));
    }
    sql.push_str(&format!(
        "CREATE VIEW {schema}.person_decisions AS
SELECT p.person_id, p.name, p.name_latin, p.birth_earliest, p.birth_latest, p.birth_place,
       d.decision_id, d.date_earliest AS decision_date_earliest,
       d.date_latest AS decision_date_latest, d.body_key, d.body_name, d.basis_key,
       d.basis_name, d.outcome, d.attestations, d.sources
FROM {schema}.persons p LEFT JOIN {schema}.decisions d ON d.person_id = p.person_id
WHERE p.status = 'current';
COMMENT ON VIEW {schema}.person_decisions IS {};
",
        literal(
            "Each current person with their decisions; a person without a decision appears \
             once, with NULL decision columns"
        )
    ));
    sql
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::tables::tables;

    #[test]
    fn steps_are_numbered_in_order_from_one() {
        for (i, step) in STEPS.iter().enumerate() {
            assert_eq!(step.version, i as i32 + 1);
        }
        assert_eq!(latest(), 2);
    }

    #[test]
    fn the_base_step_has_keys_and_comments() {
        let tables = tables().unwrap();
        let sql = base_tables("\"s\"", &tables);
        assert!(
            sql.contains(
                "FOREIGN KEY (\"person_id\") REFERENCES \"s\".\"persons\" (\"person_id\")"
            )
        );
        assert!(sql.contains("PRIMARY KEY (\"source\", \"record_id\")"));
        assert!(sql.contains("\"birth_earliest\" date"));
        assert!(sql.contains("\"row_key\" text NOT NULL"));
        assert!(sql.contains("COMMENT ON COLUMN \"s\".\"mentions\".\"birth_raw\" IS"));
        assert!(sql.contains("CREATE TABLE \"s\".runs"));
    }
}
