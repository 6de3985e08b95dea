//! The tables a load keeps current, built from the Table Schemas of `schemas/` (columns, types,
//! keys and the comments on every column) plus the few columns and tables PostgreSQL needs
//! beyond the CSVs: a row key for tables that have none, a person's status, and the aliases.

use crate::emit::schema::{self, TableSchema};

/// The column that keys a table whose Table Schema has no primary key.
pub const ROW_KEY: &str = "row_key";

/// The column of `persons` that says whether an id is current, merged or retired.
pub const STATUS: &str = "status";

/// One column of a loaded table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Column {
    /// Its name, as in the CSV header.
    pub name: String,
    /// Its PostgreSQL type: `text`, `integer` or `date`.
    pub sql_type: &'static str,
    /// Whether it may not be NULL.
    pub not_null: bool,
    /// What it holds (its `COMMENT`).
    pub comment: String,
}

/// How the rows of a table are matched between the database and the output folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Key {
    /// The primary key of its Table Schema (stable across runs: person ids, source and record
    /// id, decision ids).
    Columns(Vec<String>),
    /// A table with no key of its own: [`ROW_KEY`] is the MD5 of the row's cells and its number
    /// among equal rows, so a row is inserted or deleted, never updated.
    RowHash,
}

/// A foreign key: `columns` refer to `table(references)`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reference {
    /// Columns of this table.
    pub columns: Vec<String>,
    /// The referenced table.
    pub table: String,
    /// Its columns.
    pub references: Vec<String>,
}

/// A table of the loaded schema, fed from one CSV file of the output folder.
#[derive(Debug, Clone)]
pub struct Table {
    /// The table's name (also the CSV file's stem for the output tables).
    pub name: &'static str,
    /// The file in the output folder its rows come from.
    pub file: &'static str,
    /// What one row is (its `COMMENT`).
    pub comment: &'static str,
    /// The columns the CSV file holds, in its order.
    pub columns: Vec<Column>,
    /// How rows are matched from one load to the next.
    pub key: Key,
    /// Foreign keys to other loaded tables.
    pub references: Vec<Reference>,
    /// Rows that leave the folder stay, marked in [`STATUS`], instead of being deleted (persons,
    /// so that a downstream foreign key to an id that was merged or retired still holds).
    pub keeps_removed: bool,
}

/// The output tables and the comment on each, parents before children.
const OUTPUT_TABLES: [(&str, &str); 7] = [
    (
        "persons",
        "One row per person id this schema has held (persons.csv); ids no longer current stay, \
         with status merged or retired",
    ),
    ("mentions", "One row per accepted input row (mentions.csv)"),
    (
        "decisions",
        "One row per rehabilitation decision, the agreeing mentions of one event (decisions.csv)",
    ),
    (
        "attestations",
        "One row per mention of a decision (attestations.csv)",
    ),
    (
        "checks",
        "One row per finding of an archival check (checks.csv)",
    ),
    (
        "rejects",
        "One row per rejected input row, with its reason (rejects.csv)",
    ),
    (
        "id_changes",
        "Person ids minted, merged, split, retired or returned by the run last loaded \
         (id_changes.csv)",
    ),
];

/// Every loaded table in load order (parents before children); `None` when a Table Schema of
/// `schemas/` does not parse.
pub fn tables() -> Option<Vec<Table>> {
    let mut out = Vec::new();
    for (name, comment) in OUTPUT_TABLES {
        out.push(output_table(name, comment, schema::schema(name)?));
    }
    out.push(aliases());
    Some(out)
}

fn output_table(name: &'static str, comment: &'static str, schema: &TableSchema) -> Table {
    let columns = schema
        .fields
        .iter()
        .map(|f| Column {
            name: f.name.clone(),
            sql_type: match f.kind.as_str() {
                "integer" => "integer",
                "date" => "date",
                _ => "text",
            },
            not_null: f.constraints.required || schema.primary_key.contains(&f.name),
            comment: f.description.clone(),
        })
        .collect();
    let key = if schema.primary_key.is_empty() {
        Key::RowHash
    } else {
        Key::Columns(schema.primary_key.clone())
    };
    let references = schema
        .foreign_keys
        .iter()
        .map(|fk| Reference {
            columns: fk.fields.clone(),
            table: fk.reference.resource.clone(),
            references: fk.reference.fields.clone(),
        })
        .collect();
    Table {
        name,
        file: file_of(name),
        comment,
        columns,
        key,
        references,
        keeps_removed: name == "persons",
    }
}

fn file_of(name: &str) -> &'static str {
    match name {
        "persons" => "persons.csv",
        "mentions" => "mentions.csv",
        "decisions" => "decisions.csv",
        "attestations" => "attestations.csv",
        "checks" => "checks.csv",
        "rejects" => "rejects.csv",
        _ => "id_changes.csv",
    }
}

/// `aliases`: ids given up in a merge and the id each resolves to (`state/aliases.csv`).
fn aliases() -> Table {
    let column = |name: &str, comment: &str| Column {
        name: name.to_string(),
        sql_type: "text",
        not_null: true,
        comment: comment.to_string(),
    };
    Table {
        name: "aliases",
        file: "state/aliases.csv",
        comment: "Person ids given up when two persons were merged, and the id each now resolves \
                  to (state/aliases.csv); a row of persons stays for each, with status merged",
        columns: vec![
            column("alias", "The id given up in a merge"),
            column(
                "person_id",
                "The id it resolves to: the person that kept the merged mentions (or, if that \
                 one was retired since, the retired id)",
            ),
        ],
        key: Key::Columns(vec!["alias".to_string()]),
        references: Vec::new(),
        keeps_removed: false,
    }
}

impl Table {
    /// The CSV header the file must have: the column names joined by commas.
    pub fn header(&self) -> String {
        let names: Vec<&str> = self.columns.iter().map(|c| c.name.as_str()).collect();
        names.join(",")
    }

    /// The columns that key a row in the database ([`ROW_KEY`] for a table without a key).
    pub fn key_columns(&self) -> Vec<String> {
        match &self.key {
            Key::Columns(columns) => columns.clone(),
            Key::RowHash => vec![ROW_KEY.to_string()],
        }
    }

    /// The columns of the CSV file that are not part of the key.
    pub fn value_columns(&self) -> Vec<&str> {
        let key = self.key_columns();
        self.columns
            .iter()
            .map(|c| c.name.as_str())
            .filter(|c| !key.iter().any(|k| k == c))
            .collect()
    }
}

/// An SQL identifier, double-quoted.
pub fn ident(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

/// Identifiers joined by `, `, each with an optional `alias.` prefix.
pub fn idents(names: &[impl AsRef<str>], alias: &str) -> String {
    names
        .iter()
        .map(|n| {
            if alias.is_empty() {
                ident(n.as_ref())
            } else {
                format!("{alias}.{}", ident(n.as_ref()))
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// An SQL string literal.
pub fn literal(text: &str) -> String {
    format!("'{}'", text.replace('\'', "''"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_follow_their_schemas_with_comments_on_every_column() {
        let tables = tables().unwrap();
        let names: Vec<&str> = tables.iter().map(|t| t.name).collect();
        assert_eq!(
            names,
            [
                "persons",
                "mentions",
                "decisions",
                "attestations",
                "checks",
                "rejects",
                "id_changes",
                "aliases"
            ]
        );
        for table in &tables {
            assert!(!table.comment.is_empty());
            for c in &table.columns {
                assert!(
                    !c.comment.is_empty(),
                    "{}.{} has no comment",
                    table.name,
                    c.name
                );
            }
        }
        let mentions = &tables[1];
        assert_eq!(
            mentions.key,
            Key::Columns(vec!["source".into(), "record_id".into()])
        );
        let birth = mentions.columns.iter().find(|c| c.name == "birth_earliest");
        assert_eq!(birth.unwrap().sql_type, "date");
        let rows = tables[5].columns.iter().find(|c| c.name == "row").unwrap();
        assert_eq!((rows.sql_type, rows.not_null), ("integer", true));
        assert_eq!(tables[4].key, Key::RowHash);
        assert!(tables[0].keeps_removed && !tables[1].keeps_removed);
        assert_eq!(tables[7].header(), "alias,person_id");
    }

    #[test]
    fn identifiers_and_literals_are_quoted() {
        assert_eq!(ident("a\"b"), "\"a\"\"b\"");
        assert_eq!(idents(&["x", "y"], "t"), "t.\"x\", t.\"y\"");
        assert_eq!(literal("it's"), "'it''s'");
    }
}
