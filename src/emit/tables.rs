//! The rows of the output tables, in the column order of their Table Schemas.

use super::edges::{Cursor, edge_row};
use super::row::Row;
use super::row::push_date_text;
use crate::model::{DateValue, Decision, Mention, Norm, Person, Reject, RowWarning};
use crate::model::{Outcome, Text};
use crate::normalize::bodies;
use crate::summary::Summary;
use chrono::{Datelike, NaiveDate};
use std::fmt::Write;

/// The tables in the order they are written and checked: a table's foreign keys refer only to
/// tables before it.
pub const TABLE_ORDER: [&str; 7] = [
    "persons",
    "mentions",
    "decisions",
    "attestations",
    "checks",
    "edges",
    "rejects",
];

/// The tables whose rows [`rows`] produces.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Persons,
    Mentions,
    Decisions,
    Attestations,
    Checks,
    Edges,
    Rejects,
    IdChanges,
    Unknown,
}

/// The rows of one output table, produced one at a time into one reused [`Row`]:
/// `while let Some(row) = rows.next_row() { ... }`.
pub struct Rows<'a> {
    kind: Kind,
    outcome: &'a Outcome,
    next: usize,
    /// Within a decision, the next attestation.
    inner: usize,
    /// The next pair of `edges.csv`.
    edges: Cursor,
    row: Row,
    /// The source names of a row's mentions, reused row after row.
    sources: Vec<&'a str>,
}

/// The rows of the output table `table` (a table of [`TABLE_ORDER`] or `id_changes`; any other
/// name has none), in schema column order.
pub fn rows<'a>(table: &str, outcome: &'a Outcome) -> Rows<'a> {
    let kind = match table {
        "persons" => Kind::Persons,
        "mentions" => Kind::Mentions,
        "decisions" => Kind::Decisions,
        "attestations" => Kind::Attestations,
        "checks" => Kind::Checks,
        "edges" => Kind::Edges,
        "rejects" => Kind::Rejects,
        "id_changes" => Kind::IdChanges,
        _ => Kind::Unknown,
    };
    Rows {
        kind,
        outcome,
        next: 0,
        inner: 0,
        edges: Cursor::default(),
        row: Row::new(),
        sources: Vec::new(),
    }
}

impl<'a> Rows<'a> {
    /// The next row, or `None` after the last.
    pub fn next_row(&mut self) -> Option<&Row> {
        let (o, i, row) = (self.outcome, self.next, &mut self.row);
        row.clear();
        match self.kind {
            Kind::Persons => {
                let person = o.persons.get(i)?;
                let sources = sources_of(&mut self.sources, o, &person.mentions);
                person_row(i, person, &o.summaries[i], sources, o, row);
            }
            Kind::Mentions => mention_row(o.mentions.get(i)?, o.person_id_of(i), row),
            Kind::Decisions => {
                let decision = o.decisions.get(i)?;
                let sources = sources_of(&mut self.sources, o, &decision.attestations);
                decision_row(decision, sources, o, row);
            }
            Kind::Attestations => {
                let (d, m) = loop {
                    let d = o.decisions.get(self.next)?;
                    if let Some(&m) = d.attestations.get(self.inner) {
                        self.inner += 1;
                        break (d, m);
                    }
                    self.next += 1;
                    self.inner = 0;
                };
                attestation_row(&d.id, &o.mentions[m], row);
                return Some(&self.row);
            }
            Kind::Checks => check_row(o.checks.get(i)?, row),
            Kind::Edges => {
                let (kind, edge, contested) = self.edges.advance(&o.linkage)?;
                edge_row(kind, edge, contested, o, row);
            }
            Kind::Rejects => reject_row(o.rejects.get(i)?, row),
            Kind::IdChanges => o.ids.changes.get(i)?.row().iter().for_each(|c| row.push(c)),
            Kind::Unknown => return None,
        }
        self.next += 1;
        Some(&self.row)
    }
}

fn mention_row(m: &Mention, person_id: &str, row: &mut Row) {
    row.push(&m.prov.source);
    row.push(&m.prov.record_id);
    row.push_display(m.prov.row);
    row.push(person_id);
    row.push(&m.name_raw);
    m.name.cell_texts().into_iter().for_each(|c| row.push(c));
    push_date(row, &m.birth);
    let place = m.birth_place.value.as_ref();
    row.push(&m.birth_place.raw);
    row.push(place.map_or("", |p| &p.modern));
    row.push(place.map_or("", |p| &p.country));
    row.push(place.map_or("", |p| &p.key));
    row.push(place.map_or("", |p| p.level.as_str()));
    row.push(place.map_or("", |p| &p.unresolved));
    row.push(&m.nationality);
    row.push(m.nationality_key.unwrap_or_default());
    push_date(row, &m.arrest);
    row.push(&m.charge);
    row.push(&m.sentencing_organ);
    row.push(m.sentencing_organ_key.unwrap_or_default());
    row.push(&m.sentence);
    match m.sentence_key {
        Some(k) => row.push_display(k),
        None => row.push_empty(),
    }
    push_date(row, &m.death);
    push_decision(row, m);
    row.push(&m.case_number);
    push_json_object(row, &m.extra);
    push_note_values(row, &m.note_values);
    push_warnings(row, &m.warnings);
}

/// The values read from a note as a JSON array, empty text when there are none.
fn push_note_values(row: &mut Row, values: &[crate::model::NoteEvidence]) {
    if values.is_empty() {
        row.push_empty();
    } else {
        row.push_json(values);
    }
}

/// A date's raw text and its six cells (see [`DateValue::cells`]), empty when unread.
fn push_date(row: &mut Row, date: &Norm<DateValue>) {
    row.push(&date.raw);
    match &date.value {
        Some(d) => {
            row.push_date(d.earliest);
            row.push_date(d.latest);
            row.push(d.precision.as_str());
            row.push(d.calendar.as_str());
            row.push(d.qualifier.as_str());
            row.push(&d.edtf);
        }
        None => (0..6).for_each(|_| row.push_empty()),
    }
}

/// A JSON object of `(key, value)` pairs that keeps their order; empty text when there are none.
fn push_json_object(row: &mut Row, pairs: &[(Text, Text)]) {
    if pairs.is_empty() {
        return row.push_empty();
    }
    row.push_json(&JsonObject(pairs));
}

/// Pairs serialised as one JSON object, in their order.
struct JsonObject<'a>(&'a [(Text, Text)]);

impl serde::Serialize for JsonObject<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (k, v) in self.0 {
            map.serialize_entry(k, v)?;
        }
        map.end()
    }
}

/// The distinct source names of `mentions` in order, gathered in `names`.
fn sources_of<'s, 'a>(
    names: &'s mut Vec<&'a str>,
    outcome: &'a Outcome,
    mentions: &[usize],
) -> &'s [&'a str] {
    names.clear();
    names.extend(
        mentions
            .iter()
            .map(|&i| outcome.mentions[i].prov.source.as_str()),
    );
    names.sort_unstable();
    names.dedup();
    names
}

/// Appends the names of `sources`, `;` between them.
fn push_sources(row: &mut Row, sources: &[&str]) {
    row.push_with(|text| {
        for (i, source) in sources.iter().enumerate() {
            if i > 0 {
                text.push(';');
            }
            text.push_str(source);
        }
    });
}

fn person_row(
    index: usize,
    p: &Person,
    summary: &Summary,
    sources: &[&str],
    outcome: &Outcome,
    row: &mut Row,
) {
    let decisions = outcome.decisions_of(index);
    let place = summary.place.as_ref();
    row.push(&p.id);
    row.push(&summary.name);
    row.push(&summary.name_latin);
    row.push(&summary.surname_key);
    row.push(&summary.given_key);
    row.push(&summary.father_key);
    row.push(summary.gender.map_or("", |g| g.as_str()));
    match summary.birth {
        Some((from, to)) => {
            row.push_date(from);
            row.push_date(to);
        }
        None => (0..2).for_each(|_| row.push_empty()),
    }
    row.push(place.map_or("", |p| &p.modern));
    row.push(place.map_or("", |p| &p.key));
    push_span(row, summary.arrest);
    row.push(&summary.sentence_key);
    row.push(&summary.organ_key);
    push_span(row, summary.death);
    row.push_display(p.mentions.len());
    push_sources(row, sources);
    row.push_display(decisions.len());
    row.push_with(|text| push_timeline(text, summary, decisions));
}

/// An interval's two cells, empty when unknown.
fn push_span(row: &mut Row, span: Option<(NaiveDate, NaiveDate)>) {
    match span {
        Some((from, to)) => {
            row.push_date(from);
            row.push_date(to);
        }
        None => (0..2).for_each(|_| row.push_empty()),
    }
}

/// A person's events in order: `birth 1890-12-25; arrest 1937-08-05; sentence death by
/// nkvd_troika; death 1937-10-01; rehabilitation 1958-03-01 by presidium_supreme_court_kazssr`.
fn push_timeline(text: &mut String, summary: &Summary, decisions: &[Decision]) {
    let start = text.len();
    let event = |text: &mut String, what: &str| {
        if text.len() > start {
            text.push_str("; ");
        }
        text.push_str(what);
    };
    if let Some(span) = summary.birth {
        event(text, "birth ");
        push_span_text(text, span);
    }
    if let Some(span) = summary.arrest {
        event(text, "arrest ");
        push_span_text(text, span);
    }
    if !summary.sentence_key.is_empty() || !summary.organ_key.is_empty() {
        match summary.sentence_key.as_str() {
            "" => event(text, "sentence"),
            _ => event(text, "sentence "),
        }
        text.push_str(&summary.sentence_key);
        push_by(text, &summary.organ_key);
    }
    if let Some(span) = summary.death {
        event(text, "death ");
        push_span_text(text, span);
    }
    for d in decisions {
        event(
            text,
            match d.outcome {
                Some("refused") => "rehabilitation refused ",
                Some("recognised_victim") => "recognised as a victim ",
                _ => "rehabilitation ",
            },
        );
        match d.date {
            Some(span) => push_span_text(text, span),
            None => text.push_str("undated"),
        }
        if let Some(key) = d.body_key {
            text.push_str(" by ");
            text.push_str(key);
        }
    }
}

/// ` by {key}`, nothing when the key is empty.
fn push_by(text: &mut String, key: &str) {
    if !key.is_empty() {
        text.push_str(" by ");
        text.push_str(key);
    }
}

/// An interval of days as the timeline writes it: one date, or `from/to`.
fn push_span_text(text: &mut String, (from, to): (NaiveDate, NaiveDate)) {
    push_date_text(text, from);
    if from != to {
        text.push('/');
        push_date_text(text, to);
    }
}

fn decision_row(d: &Decision, sources: &[&str], outcome: &Outcome, row: &mut Row) {
    row.push(&d.id);
    row.push(&d.person_id);
    match d.date {
        Some((from, to)) => {
            row.push_date(from);
            row.push_date(to);
            row.push(span_precision(from, to));
        }
        None => (0..3).for_each(|_| row.push_empty()),
    }
    let mentions = d.attestations.iter().map(|&i| &outcome.mentions[i]);
    let written = |f: fn(&Mention) -> &str| {
        mentions
            .clone()
            .map(|m| f(m).trim())
            .find(|t| !t.is_empty())
            .unwrap_or("")
    };
    row.push(d.body_key.unwrap_or_default());
    row.push(match d.body_key.and_then(bodies::body) {
        Some(b) => b.name_ru(),
        None => written(|m| &m.deciding_body),
    });
    row.push(d.basis_key.unwrap_or_default());
    row.push(match d.basis_key.and_then(bodies::body) {
        Some(b) => b.name_ru(),
        None => written(|m| &m.legal_basis),
    });
    row.push(d.outcome.unwrap_or_default());
    row.push_display(d.attestations.len());
    push_sources(row, sources);
}

/// The precision of an interval of days: one day, within a month, within a year, or a range.
fn span_precision(from: NaiveDate, to: NaiveDate) -> &'static str {
    if from == to {
        "day"
    } else if (from.year(), from.month()) == (to.year(), to.month()) {
        "month"
    } else if from.year() == to.year() {
        "year"
    } else {
        "range"
    }
}

/// A mention's decision as written: text, date, deciding body and legal basis with their keys.
fn push_decision(row: &mut Row, m: &Mention) {
    row.push(&m.decision);
    push_date(row, &m.decision_date);
    row.push(&m.deciding_body);
    row.push(m.deciding_body_key.unwrap_or_default());
    row.push(&m.legal_basis);
    row.push(m.legal_basis_key.unwrap_or_default());
}

fn attestation_row(decision_id: &str, m: &Mention, row: &mut Row) {
    row.push(decision_id);
    row.push(&m.prov.source);
    row.push(&m.prov.record_id);
    push_decision(row, m);
}

fn check_row(c: &crate::checks::Check, row: &mut Row) {
    row.push(c.rule.id);
    row.push(c.rule.severity.as_str());
    row.push(&c.person_id);
    row.push(&c.source);
    row.push(&c.record_id);
    row.push(&c.message);
}

fn reject_row(r: &Reject, row: &mut Row) {
    row.push(&r.prov.source);
    row.push(&r.prov.record_id);
    row.push_display(r.prov.row);
    match r.col {
        Some(c) => row.push_display(c),
        None => row.push_empty(),
    }
    row.push(r.reason.code());
    row.push(&r.message);
    row.push_json(&r.cells);
}

/// A mention's warnings as `mentions.csv` writes them: each message, ` | ` between them.
fn push_warnings(row: &mut Row, warnings: &[RowWarning]) {
    row.push_with(|text| {
        for (i, w) in warnings.iter().enumerate() {
            if i > 0 {
                text.push_str(" | ");
            }
            let _ = write!(text, "{w}");
        }
    });
}
