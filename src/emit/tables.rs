//! The rows of the four output tables, in the column order of their Table Schemas.

use crate::model::Outcome;
use crate::model::{DateValue, Mention, Norm, Person, Reject, RowWarning};
use crate::summary::Summary;
use std::collections::BTreeSet;

/// The tables in the order they are written and checked: a table's foreign keys refer only to
/// tables before it.
pub const TABLE_ORDER: [&str; 4] = ["persons", "mentions", "decisions", "rejects"];

/// The rows of one output table, in schema column order, produced one at a time.
pub fn rows<'a>(table: &str, outcome: &'a Outcome) -> Box<dyn Iterator<Item = Vec<String>> + 'a> {
    match table {
        "persons" => Box::new(
            outcome
                .persons
                .iter()
                .zip(&outcome.summaries)
                .map(move |(p, s)| person_row(p, s, outcome)),
        ),
        "mentions" => Box::new(
            outcome
                .mentions
                .iter()
                .enumerate()
                .map(move |(i, m)| mention_row(m, outcome.person_id_of(i))),
        ),
        "decisions" => Box::new(
            outcome
                .decisions
                .iter()
                .map(move |d| decision_row(&outcome.mentions[d.mention], &d.person_id)),
        ),
        _ => Box::new(outcome.rejects.iter().map(reject_row)),
    }
}

fn mention_row(m: &Mention, person_id: &str) -> Vec<String> {
    let mut row = vec![
        m.prov.source.clone(),
        m.prov.record_id.clone(),
        m.prov.row.to_string(),
        person_id.to_string(),
        m.name_raw.clone(),
    ];
    row.extend(m.name.cells());
    push_date(&mut row, &m.birth);
    let place = m.birth_place.value.as_ref();
    row.extend([
        m.birth_place.raw.clone(),
        place.map(|p| p.modern.clone()).unwrap_or_default(),
        place.map(|p| p.country.clone()).unwrap_or_default(),
        place.map(|p| p.key.clone()).unwrap_or_default(),
        place
            .map(|p| p.level.as_str())
            .unwrap_or_default()
            .to_string(),
        place.map(|p| p.unresolved.clone()).unwrap_or_default(),
        m.nationality.clone(),
        m.nationality_key.unwrap_or_default().to_string(),
    ]);
    push_date(&mut row, &m.arrest);
    row.extend([
        m.charge.clone(),
        m.sentencing_organ.clone(),
        m.sentence.clone(),
        m.sentence_key.map(|k| k.to_string()).unwrap_or_default(),
    ]);
    push_date(&mut row, &m.death);
    row.push(m.decision.clone());
    push_date(&mut row, &m.decision_date);
    row.extend([
        m.deciding_body.clone(),
        m.legal_basis.clone(),
        m.case_number.clone(),
        json_object(&m.extra),
        note_values_json(&m.note_values),
        warnings_text(&m.warnings),
    ]);
    row
}

/// The values read from a note as a JSON array, empty text when there are none.
fn note_values_json(values: &[crate::model::NoteEvidence]) -> String {
    if values.is_empty() {
        return String::new();
    }
    serde_json::to_string(values).unwrap_or_default()
}

fn push_date(row: &mut Vec<String>, date: &Norm<DateValue>) {
    row.push(date.raw.clone());
    match &date.value {
        Some(d) => row.extend(d.cells()),
        None => row.extend(std::iter::repeat_n(String::new(), 6)),
    }
}

fn gender(g: Option<crate::model::Gender>) -> String {
    g.map(|g| g.as_str().to_string()).unwrap_or_default()
}

/// A JSON object of `(key, value)` pairs that keeps their order.
fn json_object(pairs: &[(String, String)]) -> String {
    if pairs.is_empty() {
        return String::new();
    }
    let body: Vec<String> = pairs
        .iter()
        .map(|(k, v)| format!("{}:{}", json_string(k), json_string(v)))
        .collect();
    format!("{{{}}}", body.join(","))
}

fn json_string(s: &str) -> String {
    serde_json::Value::String(s.to_string()).to_string()
}

fn person_row(p: &Person, summary: &Summary, outcome: &Outcome) -> Vec<String> {
    let mentions: Vec<&Mention> = p.mentions.iter().map(|&i| &outcome.mentions[i]).collect();
    let (place, place_key) = summary
        .place
        .as_ref()
        .map(|p| (p.modern.clone(), p.key.clone()))
        .unwrap_or_default();
    let sources: BTreeSet<&str> = mentions.iter().map(|m| m.prov.source.as_str()).collect();
    let decisions = mentions.iter().filter(|m| m.has_decision()).count();
    let (earliest, latest) = summary
        .birth
        .map(|(from, to)| (from.to_string(), to.to_string()))
        .unwrap_or_default();
    vec![
        p.id.clone(),
        summary.name.clone(),
        summary.name_latin.clone(),
        summary.surname_key.clone(),
        summary.given_key.clone(),
        summary.father_key.clone(),
        gender(summary.gender),
        earliest,
        latest,
        place,
        place_key,
        mentions.len().to_string(),
        sources.into_iter().collect::<Vec<_>>().join(";"),
        decisions.to_string(),
    ]
}

fn decision_row(m: &Mention, person_id: &str) -> Vec<String> {
    let mut row = vec![
        m.prov.key(),
        person_id.to_string(),
        m.prov.source.clone(),
        m.prov.record_id.clone(),
        m.decision.clone(),
    ];
    push_date(&mut row, &m.decision_date);
    row.extend([m.deciding_body.clone(), m.legal_basis.clone()]);
    row
}

fn reject_row(r: &Reject) -> Vec<String> {
    vec![
        r.prov.source.clone(),
        r.prov.record_id.clone(),
        r.prov.row.to_string(),
        r.col.map(|c| c.to_string()).unwrap_or_default(),
        r.reason.code().to_string(),
        r.message.clone(),
        serde_json::to_string(&r.cells).unwrap_or_default(),
    ]
}

/// A mention's warnings as `mentions.csv` writes them: each message, ` | ` between them.
fn warnings_text(warnings: &[RowWarning]) -> String {
    let messages: Vec<String> = warnings.iter().map(ToString::to_string).collect();
    messages.join(" | ")
}
