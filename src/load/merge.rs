//! The merge of the staged rows into the schema's tables, inside the load's transaction: per
//! table, rows whose key is new are inserted, rows whose values differ (`IS DISTINCT FROM`, so
//! NULLs compare as values) are updated, and rows whose key left the folder are deleted. Rows
//! that did not change are not touched, so a load of an unchanged folder writes nothing.
//!
//! Inserts and updates go parents first (persons before the mentions that refer to them),
//! deletes children first, so every foreign key holds after each statement. A person id that
//! leaves is not deleted but marked `merged` (when `aliases` names it) or `retired`: a
//! downstream table's foreign key to `persons(person_id)` holds through every load.

use super::stage::stage_name;
use super::tables::{Key, STATUS, Table, ident, idents};

/// The rows a load wrote into one table.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Written {
    /// The table.
    pub table: &'static str,
    /// Rows inserted.
    pub inserted: u64,
    /// Rows updated (for persons, also ids marked merged or retired).
    pub updated: u64,
    /// Rows deleted.
    pub deleted: u64,
}

/// A failed statement: what it was doing, and the driver's error.
pub type Failed = (String, postgres::Error);

/// Merges every staged table into the schema (quoted); returns the rows written per table, in
/// load order.
pub fn merge_all(
    tx: &mut postgres::Transaction<'_>,
    schema: &str,
    tables: &[Table],
) -> Result<Vec<Written>, Failed> {
    let mut written: Vec<Written> = tables
        .iter()
        .map(|t| Written {
            table: t.name,
            ..Written::default()
        })
        .collect();
    for (table, w) in tables.iter().zip(written.iter_mut()) {
        w.inserted = run(tx, &insert_sql(schema, table), "insert into", table)?;
        if let Some(sql) = update_sql(schema, table) {
            w.updated = run(tx, &sql, "update", table)?;
        }
    }
    for (table, w) in tables.iter().zip(written.iter_mut()).rev() {
        if table.keeps_removed {
            w.updated += run(
                tx,
                &mark_removed_sql(schema, table),
                "mark removed rows of",
                table,
            )?;
        } else {
            w.deleted = run(tx, &delete_sql(schema, table), "delete from", table)?;
        }
    }
    Ok(written)
}

fn run(
    tx: &mut postgres::Transaction<'_>,
    sql: &str,
    what: &str,
    table: &Table,
) -> Result<u64, Failed> {
    tx.execute(sql, &[])
        .map_err(|e| (format!("{what} {}", table.name), e))
}

/// `t.k1 = s.k1 AND ...` over the table's key.
fn key_match(table: &Table) -> String {
    table
        .key_columns()
        .iter()
        .map(|k| format!("t.{0} = s.{0}", ident(k)))
        .collect::<Vec<_>>()
        .join(" AND ")
}

/// The staged columns written into the table (the file's, plus the row key where it has none).
fn written_columns(table: &Table) -> Vec<String> {
    let mut columns: Vec<String> = table.columns.iter().map(|c| c.name.clone()).collect();
    if table.key == Key::RowHash {
        columns.extend(table.key_columns());
    }
    columns
}

/// Inserts the staged rows whose key the table lacks.
pub fn insert_sql(schema: &str, table: &Table) -> String {
    let columns = written_columns(table);
    format!(
        "INSERT INTO {schema}.{name} ({cols}) SELECT {scols} FROM {stage} s \
         WHERE NOT EXISTS (SELECT 1 FROM {schema}.{name} t WHERE {on})",
        name = ident(table.name),
        cols = idents(&columns, ""),
        scols = idents(&columns, "s"),
        stage = stage_name(table),
        on = key_match(table),
    )
}

/// Updates the rows whose values differ from the staged ones (a person marked merged or retired
/// that is in the folder again becomes current); `None` for a table whose every column is key,
/// and for one keyed by its content ([`Key::RowHash`]), whose rows are only inserted or deleted.
pub fn update_sql(schema: &str, table: &Table) -> Option<String> {
    if table.key == Key::RowHash {
        return None;
    }
    let values = table.value_columns();
    let mut targets: Vec<String> = values.iter().map(|c| format!("t.{}", ident(c))).collect();
    let mut sources: Vec<String> = values.iter().map(|c| format!("s.{}", ident(c))).collect();
    let mut sets: Vec<String> = values
        .iter()
        .map(|c| format!("{0} = s.{0}", ident(c)))
        .collect();
    if table.keeps_removed {
        targets.push(format!("t.{}", ident(STATUS)));
        sources.push("'current'".to_string());
        sets.push(format!("{} = 'current'", ident(STATUS)));
    }
    if sets.is_empty() {
        return None;
    }
    Some(format!(
        "UPDATE {schema}.{name} AS t SET {sets} FROM {stage} s \
         WHERE {on} AND ROW({targets}) IS DISTINCT FROM ROW({sources})",
        name = ident(table.name),
        sets = sets.join(", "),
        stage = stage_name(table),
        on = key_match(table),
        targets = targets.join(", "),
        sources = sources.join(", "),
    ))
}

/// Deletes the rows whose key left the folder.
pub fn delete_sql(schema: &str, table: &Table) -> String {
    format!(
        "DELETE FROM {schema}.{name} AS t WHERE NOT EXISTS (SELECT 1 FROM {stage} s WHERE {on})",
        name = ident(table.name),
        stage = stage_name(table),
        on = key_match(table),
    )
}

/// Marks the persons whose id left the folder: `merged` when `aliases` resolves the id to
/// another, else `retired`; rows already so marked are left alone.
pub fn mark_removed_sql(schema: &str, table: &Table) -> String {
    let status = ident(STATUS);
    let key = ident("person_id");
    let now = format!(
        "CASE WHEN EXISTS (SELECT 1 FROM {schema}.aliases a WHERE a.alias = t.{key}) \
         THEN 'merged' ELSE 'retired' END"
    );
    format!(
        "UPDATE {schema}.{name} AS t SET {status} = {now} \
         WHERE NOT EXISTS (SELECT 1 FROM {stage} s WHERE {on}) AND t.{status} <> {now}",
        name = ident(table.name),
        stage = stage_name(table),
        on = key_match(table),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::tables::tables;

    #[test]
    fn statements_match_on_the_key_and_update_only_what_differs() {
        let tables = tables().unwrap();
        let mentions = &tables[1];
        let update = update_sql("\"s\"", mentions).unwrap();
        assert!(
            update.contains("t.\"source\" = s.\"source\" AND t.\"record_id\" = s.\"record_id\"")
        );
        assert!(update.contains("IS DISTINCT FROM"));
        assert!(!update.contains("SET \"source\""));
        let persons = update_sql("\"s\"", &tables[0]).unwrap();
        assert!(persons.contains("\"status\" = 'current'"));
        let checks = &tables[4];
        assert!(insert_sql("\"s\"", checks).contains("\"row_key\""));
        assert!(update_sql("\"s\"", checks).is_none());
        assert!(mark_removed_sql("\"s\"", &tables[0]).contains("'merged' ELSE 'retired'"));
    }
}
