//! `datapackage.json`: a Frictionless Data Package describing the output CSVs.

use super::schema::SCHEMAS;
use serde_json::{Value, json};

/// The data package descriptor, with each table's schema inlined from `schemas/`.
pub fn datapackage_json() -> String {
    datapackage_json_with(false)
}

/// The descriptor; with `excel_bom`, the spreadsheet-facing tables are declared `utf-8-sig`.
pub fn datapackage_json_with(excel_bom: bool) -> String {
    let resources: Vec<Value> = SCHEMAS
        .iter()
        .map(|(name, schema)| {
            let bom = excel_bom && super::report::csv::is_report(name);
            json!({
                "name": name,
                "path": format!("{name}.csv"),
                "profile": "tabular-data-resource",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": if bom { "utf-8-sig" } else { "utf-8" },
                "schema": serde_json::from_str::<Value>(schema).unwrap_or(Value::Null),
            })
        })
        .collect();
    let package = json!({
        "name": "rehab-output",
        "title": "Persons, mentions and rehabilitation decisions linked across archive sources",
        "profile": "tabular-data-package",
        "resources": resources,
    });
    let mut text = serde_json::to_string_pretty(&package).unwrap_or_default();
    text.push('\n');
    text
}
