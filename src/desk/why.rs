//! Why two mentions are one person, or not, in words an archivist reads: each contribution the
//! run stored in `edges.contributions` becomes one phrase, with the values of the two mentions
//! where they help ("same surname in two scripts (Шокаев, Tchokaïeff), +6.1"; "birth 1890 vs
//! 25.XII.1890, compatible, +4.9"). Every field and level has its phrase here, once.

use super::rows::{EdgeRow, MentionRow};
use crate::emit::edges::COLUMN_PREFIX;
use serde::Deserialize;

/// One stored contribution: a field compared, its level of agreement, its weight in bits.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Contribution {
    /// The field (`surname`, `birth`, `column:Место работы`, `prior` ...).
    pub field: String,
    /// Its level (`exact`, `same day`, `far` ...).
    pub level: String,
    /// The log2 weight it added to the score.
    pub weight: f64,
}

/// One reason of a pair's score, in words.
#[derive(Debug, Clone, PartialEq)]
pub struct Reason {
    /// The phrase (`same surname in two scripts (Шокаев, Tchokaïeff)`).
    pub text: String,
    /// What it added to the score, in bits (log2 odds).
    pub weight: f64,
}

impl std::fmt::Display for Reason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}, {:+.1}", self.text, self.weight)
    }
}

/// Reads the `contributions` column of `edges` (`[["surname","exact",6.09],...]`).
pub fn contributions(text: &str) -> Result<Vec<Contribution>, String> {
    let triples: Vec<(String, String, f64)> =
        serde_json::from_str(text).map_err(|e| format!("contributions {text:?}: {e}"))?;
    Ok(triples
        .into_iter()
        .map(|(field, level, weight)| Contribution {
            field,
            level,
            weight,
        })
        .collect())
}

/// The reasons of a stored edge between mentions `a` (its `source_a`, `record_id_a`) and `b`,
/// in the order the run weighed them.
pub fn reasons(edge: &EdgeRow, a: &MentionRow, b: &MentionRow) -> Result<Vec<Reason>, String> {
    Ok(contributions(&edge.contributions)?
        .iter()
        .map(|c| reason(c, a, b))
        .collect())
}

/// The reasons one after the other: `same surname (Шокаев), +6.1; born the same day, +7.9`.
pub fn sentence(reasons: &[Reason]) -> String {
    let parts: Vec<String> = reasons.iter().map(Reason::to_string).collect();
    parts.join("; ")
}

/// What the run did with a pair, in words, from the note it stored.
pub fn verdict(note: &str) -> String {
    let said = match note {
        "merged" => "put together: the score reached the threshold",
        "merged: the only person its pairs lead to" => {
            "put together: the only person this mention's pairs lead to"
        }
        "merged: archivist judgement same" => "put together by an archivist's judgement `same`",
        "already in one cluster" => "already together through other mentions",
        "kept apart: score below threshold" => "kept apart: the score stays below the threshold",
        "kept apart: archivist judgement different" => {
            "kept apart by an archivist's judgement `different`"
        }
        other => other,
    };
    said.to_string()
}

/// One contribution in words, with the two mentions' values where they help.
pub fn reason(c: &Contribution, a: &MentionRow, b: &MentionRow) -> Reason {
    let text = match c.field.strip_prefix(COLUMN_PREFIX) {
        Some(header) => column_phrase(header, &c.level, a, b),
        None => field_phrase(&c.field, &c.level, a, b),
    };
    Reason {
        text,
        weight: c.weight,
    }
}

/// Two values as shown: once when alike, `x vs y` when not, nothing when both are empty.
fn values(x: &str, y: &str) -> String {
    match (x.trim(), y.trim()) {
        ("", "") => String::new(),
        (x, "") | ("", x) => format!(" ({x})"),
        (x, y) if x == y => format!(" ({x})"),
        (x, y) => format!(" ({x} vs {y})"),
    }
}

/// The phrase of a fixed field at a level.
fn field_phrase(field: &str, level: &str, a: &MentionRow, b: &MentionRow) -> String {
    let pair = |f: fn(&MentionRow) -> &str| values(f(a), f(b));
    let scripts = match a.script != b.script && !a.script.is_empty() && !b.script.is_empty() {
        true => " in two scripts",
        false => "",
    };
    let (phrase, shown): (String, String) = match (field, level) {
        ("prior", _) => (
            "before any evidence, two mentions are rarely one person".into(),
            String::new(),
        ),
        ("name_evidence", _) => (
            "no surname, nor any other column, in common: counted hard against".into(),
            String::new(),
        ),
        ("surname", "exact") => (format!("same surname{scripts}"), pair(|m| &m.surname)),
        ("surname", "close") => ("surnames spelt closely alike".into(), pair(|m| &m.surname)),
        ("surname", "similar") => ("surnames somewhat alike".into(), pair(|m| &m.surname)),
        ("surname", _) => ("different surnames".into(), pair(|m| &m.surname)),
        ("given", "exact") => (format!("same given name{scripts}"), pair(|m| &m.given)),
        ("given", "close") => ("given names spelt closely alike".into(), pair(|m| &m.given)),
        ("given", "initial") => (
            "an initial that fits the given name".into(),
            pair(|m| &m.given),
        ),
        ("given", _) => ("different given names".into(), pair(|m| &m.given)),
        ("father", "exact") => ("same father's name".into(), pair(father)),
        ("father", "close") => ("fathers' names spelt closely alike".into(), pair(father)),
        ("father", "initial") => (
            "an initial that fits the father's name".into(),
            pair(father),
        ),
        ("father", _) => ("different fathers' names".into(), pair(father)),
        ("birth", level) => (birth_phrase(level).into(), pair(|m| &m.birth_raw)),
        ("birth_place", "agree") => ("born in the same place".into(), place(a, b)),
        ("birth_place", _) => ("born in different places".into(), place(a, b)),
        ("nationality", "agree") => ("same nationality".into(), pair(|m| &m.nationality)),
        ("nationality", _) => ("different nationalities".into(), pair(|m| &m.nationality)),
        ("case_number", "agree") => ("same case number".into(), pair(|m| &m.case_number)),
        ("case_number", _) => ("different case numbers".into(), pair(|m| &m.case_number)),
        ("gender", "agree") => ("same gender".into(), String::new()),
        ("gender", _) => ("genders differ".into(), String::new()),
        ("source", "same source") => (
            "two entries of one list, which rarely names a person twice".into(),
            pair(|m| &m.source),
        ),
        ("source", _) => ("from two different lists".into(), String::new()),
        ("arrest", level) => (
            event_phrase("arrest", level).into(),
            pair(|m| &m.arrest_raw),
        ),
        ("decision_date", level) => (
            event_phrase("rehabilitation", level).into(),
            pair(|m| &m.decision_date_raw),
        ),
        ("sentence", "agree") => ("same sentence".into(), pair(|m| &m.sentence)),
        ("sentence", "same kind") => (
            "same kind of sentence, another term".into(),
            pair(|m| &m.sentence),
        ),
        ("sentence", _) => ("different sentences".into(), pair(|m| &m.sentence)),
        (other, level) => return format!("{other}: {level}"),
    };
    format!("{phrase}{shown}")
}

/// The father's name as written: the patronymic, else the father's name.
fn father(m: &MentionRow) -> &str {
    match m.patronymic.is_empty() {
        true => &m.father,
        false => &m.patronymic,
    }
}

/// Two birth places as written, with today's name when the gazetteer knows it.
fn place(a: &MentionRow, b: &MentionRow) -> String {
    let shown = values(&a.birth_place_raw, &b.birth_place_raw);
    let modern = match (a.birth_place_modern.as_str(), b.birth_place_modern.as_str()) {
        (x, y) if x == y && !x.is_empty() => format!(", today {x}"),
        _ => String::new(),
    };
    match shown.strip_suffix(')') {
        Some(open) if !modern.is_empty() => format!("{open}{modern})"),
        _ => shown,
    }
}

/// The phrase of two birth dates at a level.
fn birth_phrase(level: &str) -> &'static str {
    match level {
        "same day" => "born the same day",
        "overlap" => "birth dates compatible",
        "julian offset" => "birth dates 12 or 13 days apart: one day in the old and new calendars",
        "year slip" => "born on the same day and month a year apart: a slip of the year",
        "one year off" => "birth years one apart",
        "days differ" => "born within a year but on other days",
        _ => "births far apart",
    }
}

/// The phrase of two dates of an event (arrest, rehabilitation) at a level.
fn event_phrase(event: &str, level: &str) -> &'static str {
    match (event, level) {
        ("arrest", "same day") => "arrested the same day",
        ("arrest", "overlap") => "arrest dates compatible",
        ("arrest", "within a month") => "arrests within a month of each other",
        ("arrest", _) => "arrests far apart",
        (_, "same day") => "rehabilitated the same day",
        (_, "overlap") => "rehabilitation dates compatible",
        (_, "within a month") => "rehabilitations within a month of each other",
        _ => "rehabilitations far apart",
    }
}

/// The phrase of a column compared beside the fixed fields, with both values from `extra`.
fn column_phrase(header: &str, level: &str, a: &MentionRow, b: &MentionRow) -> String {
    let shown = values(&extra_value(a, header), &extra_value(b, header));
    let phrase = match level {
        "exact" => format!("same {header}"),
        "close" => format!("{header} spelt closely alike"),
        "similar" => format!("{header} somewhat alike"),
        _ => format!("different {header}"),
    };
    format!("{phrase}{shown}")
}

/// The value of a column kept in a mention's `extra`, empty when it has none.
fn extra_value(m: &MentionRow, header: &str) -> String {
    serde_json::from_str::<serde_json::Map<String, serde_json::Value>>(&m.extra)
        .ok()
        .and_then(|map| map.get(header).and_then(|v| v.as_str().map(str::to_string)))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mention(surname: &str, script: &str, birth: &str) -> MentionRow {
        MentionRow {
            surname: surname.into(),
            script: script.into(),
            birth_raw: birth.into(),
            ..MentionRow::default()
        }
    }

    #[test]
    fn contributions_become_phrases_with_the_values() {
        let a = mention("Шокаев", "cyrillic", "1890");
        let b = mention("Tchokaïeff", "latin", "25.12.1890");
        let edge = EdgeRow {
            contributions:
                r#"[["prior","any pair",-8.43],["surname","exact",6.09],["birth","overlap",3.2]]"#
                    .into(),
            ..EdgeRow::default()
        };
        let reasons = reasons(&edge, &a, &b).unwrap();
        assert_eq!(
            sentence(&reasons),
            "before any evidence, two mentions are rarely one person, -8.4; \
             same surname in two scripts (Шокаев vs Tchokaïeff), +6.1; \
             birth dates compatible (1890 vs 25.12.1890), +3.2"
        );
    }

    #[test]
    fn every_level_of_every_field_has_its_own_phrase() {
        let m = MentionRow::default();
        let mut seen = std::collections::HashSet::new();
        for (field, levels) in crate::link::field_levels() {
            for level in levels {
                let text = field_phrase(field, level, &m, &m);
                assert_ne!(
                    text,
                    format!("{field}: {level}"),
                    "{field} {level} has no phrase"
                );
                assert!(
                    seen.insert(text.clone()),
                    "{field} {level}: {text} said twice"
                );
            }
        }
    }

    #[test]
    fn a_column_reads_its_values_from_extra() {
        let a = MentionRow {
            extra: r#"{"Место работы":"колхоз"}"#.into(),
            ..MentionRow::default()
        };
        let c = Contribution {
            field: "column:Место работы".into(),
            level: "exact".into(),
            weight: 2.3,
        };
        assert_eq!(
            reason(&c, &a, &a).to_string(),
            "same Место работы (колхоз), +2.3"
        );
    }

    #[test]
    fn stored_contributions_that_do_not_read_are_an_error() {
        assert!(contributions("[[\"surname\"]]").is_err());
        assert!(contributions("not json").is_err());
    }
}
