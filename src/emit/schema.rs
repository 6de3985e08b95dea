//! The Table Schemas of the outputs (from `schemas/`) and a check of tables against them.

use super::row::Row;
use crate::tables::{DataError, Loaded};
use rustc_hash::FxHashSet;
use serde::Deserialize;
use siphasher::sip128::{Hasher128, SipHasher13};
use std::collections::HashMap;
use std::hash::Hash;
use std::sync::OnceLock;

/// The output tables and their Table Schema JSON, in the order they are written.
pub const SCHEMAS: [(&str, &str); 8] = [
    (
        "mentions",
        include_str!("../../schemas/mentions.schema.json"),
    ),
    ("persons", include_str!("../../schemas/persons.schema.json")),
    (
        "decisions",
        include_str!("../../schemas/decisions.schema.json"),
    ),
    (
        "attestations",
        include_str!("../../schemas/attestations.schema.json"),
    ),
    ("checks", include_str!("../../schemas/checks.schema.json")),
    ("edges", include_str!("../../schemas/edges.schema.json")),
    ("rejects", include_str!("../../schemas/rejects.schema.json")),
    (
        "id_changes",
        include_str!("../../schemas/id_changes.schema.json"),
    ),
];

/// A Table Schema, as far as the outputs use it.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TableSchema {
    /// The columns, in order.
    pub fields: Vec<FieldSpec>,
    /// Columns whose values together are unique.
    #[serde(default)]
    pub primary_key: Vec<String>,
    /// References to other tables.
    #[serde(default)]
    pub foreign_keys: Vec<ForeignKey>,
}

/// One column of a Table Schema.
#[derive(Debug, Clone, Deserialize)]
pub struct FieldSpec {
    /// Column name.
    pub name: String,
    /// `string`, `integer`, `number` or `date`.
    #[serde(rename = "type")]
    pub kind: String,
    /// What the column holds, in words.
    #[serde(default)]
    pub description: String,
    /// Constraints on the values.
    #[serde(default)]
    pub constraints: Constraints,
}

/// Value constraints of a column.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct Constraints {
    /// The value may not be empty.
    #[serde(default)]
    pub required: bool,
    /// The allowed values.
    #[serde(rename = "enum")]
    pub allowed: Option<Vec<String>>,
    /// The least allowed integer.
    pub minimum: Option<i64>,
}

/// A foreign key: `fields` of this table refer to `reference.fields` of another.
#[derive(Debug, Clone, Deserialize)]
pub struct ForeignKey {
    /// Columns of this table.
    pub fields: Vec<String>,
    /// The referenced table and columns.
    pub reference: Reference,
}

/// The target of a foreign key.
#[derive(Debug, Clone, Deserialize)]
pub struct Reference {
    /// The referenced table.
    pub resource: String,
    /// Its columns.
    pub fields: Vec<String>,
}

static PARSED: Loaded<HashMap<&'static str, TableSchema>> = Loaded::new();

/// The parsed schema of an output table (see [`Loaded::get`]); `None` for a table that has none.
pub fn schema(table: &str) -> Option<&'static TableSchema> {
    PARSED.get(parse_all).get(table)
}

/// Parses every output schema, or says which one does not parse.
pub fn check_loaded() -> Result<(), DataError> {
    PARSED.try_get(parse_all).map(|_| ()).map_err(Clone::clone)
}

fn parse_all() -> Result<HashMap<&'static str, TableSchema>, DataError> {
    SCHEMAS
        .iter()
        .map(|(name, json)| {
            let schema = serde_json::from_str(json).map_err(|e| DataError {
                file: format!("schemas/{name}.schema.json").into(),
                line: Some(e.line()),
                message: e.to_string(),
            })?;
            Ok((*name, schema))
        })
        .collect()
}

impl TableSchema {
    /// The column names, in order.
    pub fn header(&self) -> Vec<&str> {
        self.fields.iter().map(|f| f.name.as_str()).collect()
    }

    fn indices(&self, names: &[String]) -> Vec<usize> {
        names
            .iter()
            .filter_map(|n| self.fields.iter().position(|f| &f.name == n))
            .collect()
    }
}

/// Checks output tables against their schemas row by row, as they are written: header, types,
/// required and allowed values, primary keys, and foreign keys into tables checked before.
pub struct Validator {
    errors: Vec<String>,
    limit: usize,
    /// Key sets of `(table, columns)` that some foreign key refers to, filled as tables pass.
    referenced: Vec<(KeySet, FxHashSet<u128>)>,
}

/// The check of one table, fed one row at a time.
pub struct TableCheck<'v> {
    validator: &'v mut Validator,
    name: String,
    schema: &'static TableSchema,
    row: usize,
    /// The type of each column, in order.
    kinds: Vec<ValueKind>,
    primary: FxHashSet<u128>,
    primary_idx: Vec<usize>,
    /// Foreign keys: this table's column indices, the referenced key set (its place in
    /// `referenced`, none when no table is referred to so), the columns' names.
    foreign: Vec<(Vec<usize>, Option<usize>, String)>,
    /// Key sets other tables refer to that this table fills: column indices and the key set's
    /// place in `referenced`.
    collect: Vec<(Vec<usize>, usize)>,
}

/// A referenced key set: the table and its columns.
type KeySet = (String, Vec<String>);

impl Validator {
    /// A validator that keeps at most `limit` messages.
    pub fn new(limit: usize) -> Validator {
        let mut referenced: Vec<(KeySet, FxHashSet<u128>)> = Vec::new();
        for (name, _) in SCHEMAS {
            for fk in schema(name)
                .map(|s| s.foreign_keys.as_slice())
                .unwrap_or_default()
            {
                let key = (fk.reference.resource.clone(), fk.reference.fields.clone());
                if !referenced.iter().any(|(known, _)| *known == key) {
                    referenced.push((key, FxHashSet::default()));
                }
            }
        }
        Validator {
            errors: Vec::new(),
            limit,
            referenced,
        }
    }

    /// Starts checking a table whose header is `header`.
    pub fn table(&mut self, name: &str, header: &[String]) -> TableCheck<'_> {
        let schema = match schema(name) {
            Some(s) => s,
            None => {
                self.push(format!("{name}: no schema"));
                empty_schema()
            }
        };
        if header != schema.header() {
            self.push(format!("{name}: header differs from its schema"));
        }
        let foreign = schema
            .foreign_keys
            .iter()
            .map(|fk| {
                let target = self.referenced.iter().position(|((table, columns), _)| {
                    *table == fk.reference.resource && *columns == fk.reference.fields
                });
                (schema.indices(&fk.fields), target, fk.fields.join(","))
            })
            .collect();
        let collect = self
            .referenced
            .iter()
            .enumerate()
            .filter(|(_, ((table, _), _))| table == name)
            .map(|(at, ((_, columns), _))| (schema.indices(columns), at))
            .collect();
        TableCheck {
            primary_idx: schema.indices(&schema.primary_key),
            validator: self,
            name: name.to_string(),
            schema,
            row: 1,
            kinds: schema
                .fields
                .iter()
                .map(|f| ValueKind::of(&f.kind))
                .collect(),
            primary: FxHashSet::default(),
            foreign,
            collect,
        }
    }

    /// The violations found, one message each.
    pub fn finish(self) -> Vec<String> {
        self.errors
    }

    fn push(&mut self, message: String) {
        if self.errors.len() < self.limit {
            self.errors.push(message);
        }
    }
}

fn empty_schema() -> &'static TableSchema {
    static EMPTY: OnceLock<TableSchema> = OnceLock::new();
    EMPTY.get_or_init(|| TableSchema {
        fields: Vec::new(),
        primary_key: Vec::new(),
        foreign_keys: Vec::new(),
    })
}

/// A 128-bit hash of a key's cells (SipHash-1-3 with a 128-bit result; `str` hashing marks
/// where each cell ends), so key sets of a million rows stay small; a clash is vanishingly
/// unlikely.
fn key_of(row: &Row, idx: &[usize]) -> u128 {
    let mut h = SipHasher13::new();
    for &i in idx {
        row.get(i).unwrap_or_default().hash(&mut h);
    }
    h.finish128().as_u128()
}

impl TableCheck<'_> {
    /// Checks one data row.
    pub fn row(&mut self, row: &Row) {
        self.row += 1;
        let (name, line) = (&self.name, self.row);
        if row.len() != self.schema.fields.len() {
            let n = row.len();
            self.validator
                .push(format!("{name}: row {line}: {n} cells"));
            return;
        }
        for ((value, field), &kind) in row.cells().zip(&self.schema.fields).zip(&self.kinds) {
            if let Err(why) = check_value(value, field, kind) {
                let column = &field.name;
                self.validator
                    .push(format!("{name}: row {line}, {column}: {why}"));
            }
        }
        if !self.primary_idx.is_empty() && !self.primary.insert(key_of(row, &self.primary_idx)) {
            self.validator
                .push(format!("{name}: row {line}: duplicate primary key"));
        }
        for (idx, target, columns) in &self.foreign {
            let known = target.and_then(|at| self.validator.referenced.get(at));
            if !known.is_some_and(|(_, keys)| keys.contains(&key_of(row, idx))) {
                let message = format!("{name}: row {line}: {columns} refers to nothing");
                self.validator.push(message);
            }
        }
        for (idx, at) in &self.collect {
            if let Some((_, keys)) = self.validator.referenced.get_mut(*at) {
                keys.insert(key_of(row, idx));
            }
        }
    }
}

/// The type of a column's values, as its schema names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ValueKind {
    Integer,
    Number,
    Date,
    /// Any other type: text, not checked beyond its constraints.
    Text,
}

impl ValueKind {
    fn of(kind: &str) -> ValueKind {
        match kind {
            "integer" => ValueKind::Integer,
            "number" => ValueKind::Number,
            "date" => ValueKind::Date,
            _ => ValueKind::Text,
        }
    }
}

fn check_value(value: &str, field: &FieldSpec, kind: ValueKind) -> Result<(), String> {
    let c = &field.constraints;
    if value.is_empty() {
        return if c.required {
            Err("required value is empty".into())
        } else {
            Ok(())
        };
    }
    match kind {
        ValueKind::Integer => {
            let n: i64 = value
                .parse()
                .map_err(|_| format!("{value:?} is no integer"))?;
            if c.minimum.is_some_and(|min| n < min) {
                return Err(format!("{n} is below the minimum"));
            }
        }
        ValueKind::Number if !value.parse::<f64>().is_ok_and(f64::is_finite) => {
            return Err(format!("{value:?} is no number"));
        }
        ValueKind::Date if !is_date(value) => {
            return Err(format!("{value:?} is no YYYY-MM-DD date"));
        }
        _ => {}
    }
    match &c.allowed {
        Some(allowed) if !allowed.iter().any(|a| a == value) => {
            Err(format!("{value:?} is not one of {allowed:?}"))
        }
        _ => Ok(()),
    }
}

/// Whether a text is a `YYYY-MM-DD` date: the common four-digit form checked directly, any
/// other as chrono reads it.
fn is_date(value: &str) -> bool {
    let b = value.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    if b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && digits(0..4)
        && digits(5..7)
        && digits(8..10)
    {
        let number = |r: std::ops::Range<usize>| value[r].parse::<u32>().unwrap_or(0);
        let year = number(0..4) as i32;
        return chrono::NaiveDate::from_ymd_opt(year, number(5..7), number(8..10)).is_some();
    }
    chrono::NaiveDate::parse_from_str(value, "%Y-%m-%d").is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn header(table: &str) -> Vec<String> {
        schema(table)
            .unwrap()
            .header()
            .iter()
            .map(|s| s.to_string())
            .collect()
    }

    fn r<S: AsRef<str>>(cells: &[S]) -> Row {
        cells.iter().map(AsRef::as_ref).collect()
    }

    /// The index of a column of `persons.csv`.
    fn col(name: &str) -> usize {
        header("persons").iter().position(|c| c == name).unwrap()
    }

    fn person(id: &str) -> Vec<String> {
        let mut row = vec![String::new(); header("persons").len()];
        row[0] = id.into();
        row[1] = "Шокаев Мустафа".into();
        row[col("mentions")] = "1".into();
        row[col("sources")] = "a.csv".into();
        row[col("decisions")] = "0".into();
        row
    }

    #[test]
    fn every_schema_parses_and_keys_name_real_columns() {
        for (name, _) in SCHEMAS {
            let s = schema(name).unwrap_or_else(|| panic!("{name} parses"));
            assert_eq!(s.indices(&s.primary_key).len(), s.primary_key.len());
            for fk in &s.foreign_keys {
                assert_eq!(s.indices(&fk.fields).len(), fk.fields.len());
            }
        }
    }

    #[test]
    fn violations_are_found_and_valid_rows_pass() {
        let mut v = Validator::new(10);
        let mut persons = v.table("persons", &header("persons"));
        persons.row(&r(&person("P1")));
        persons.row(&r(&person("P1")));
        let mut bad = person("P2");
        bad[6] = "unknown".into();
        bad[7] = "1890-13-01".into();
        bad[col("mentions")] = "0".into();
        persons.row(&r(&bad));
        let mut rejects = v.table("rejects", &header("rejects"));
        rejects.row(&r(&[
            "a.csv",
            "1",
            "2",
            "",
            "no_name",
            "a.csv: row 2",
            "[]",
        ]));
        let errors = v.finish();
        assert_eq!(errors.len(), 4, "{errors:#?}");
        assert!(errors[0].contains("row 3: duplicate primary key"));
        assert!(errors[1].contains("gender") && errors[2].contains("birth_earliest"));
        assert!(errors[3].contains("mentions") && errors[3].contains("minimum"));
    }

    #[test]
    fn a_dangling_foreign_key_is_found() {
        let mut v = Validator::new(10);
        v.table("persons", &header("persons"))
            .row(&r(&person("P1")));
        let columns = header("decisions");
        let mut decisions = v.table("decisions", &columns);
        let mut row = vec![String::new(); columns.len()];
        row[..2].clone_from_slice(&["a.csv:1", "P9"].map(String::from));
        let at = |name: &str| columns.iter().position(|c| c == name).unwrap();
        row[at("attestations")] = "1".into();
        row[at("sources")] = "a.csv".into();
        decisions.row(&r(&row));
        let mut attestations = v.table("attestations", &header("attestations"));
        let mut row = vec![String::new(); header("attestations").len()];
        row[..3].clone_from_slice(&["a.csv:2", "a.csv", "1"].map(String::from));
        attestations.row(&r(&row));
        let errors = v.finish();
        assert_eq!(errors.len(), 3, "{errors:#?}");
        assert!(errors[0].contains("person_id refers to nothing"));
        assert!(errors[1].contains("decision_id refers to nothing"));
        assert!(errors[2].contains("source,record_id refers to nothing"));
    }

    #[test]
    fn dates_are_checked_as_chrono_reads_them() {
        for good in [
            "1890-12-25",
            "2000-02-29",
            "0005-01-02",
            "1890-1-5",
            "12345-06-07",
        ] {
            let parsed = chrono::NaiveDate::parse_from_str(good, "%Y-%m-%d").is_ok();
            assert_eq!(is_date(good), parsed, "{good}");
        }
        for bad in [
            "1890-13-01",
            "1900-02-29",
            "1890-12-32",
            "1890/12/25",
            "18901225",
            "",
            "abcd-ef-gh",
        ] {
            assert!(!is_date(bad), "{bad}");
        }
        assert!(is_date("2000-02-29") && is_date("1890-12-25"));
    }
}
