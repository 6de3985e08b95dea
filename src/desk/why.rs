//! Why two mentions are one person, or not, in words an archivist reads: each contribution the
//! run stored in `edges.contributions` becomes one reason, a phrase of the catalogue with the
//! values of the two mentions where they help, said in English as "same surname in two scripts
//! (Шокаев vs Tchokaïeff), +6.1" or in the words of another catalogue ([`Words`]). Every field
//! and level has its phrase here, once.

use super::rows::{EdgeRow, MentionRow};
use super::words::{English, Phrase, Words};
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

/// One reason of a pair's score: what agrees or differs, the values, the weight.
#[derive(Debug, Clone, PartialEq)]
pub struct Reason {
    /// The phrase (`why_surname_exact_scripts`).
    pub phrase: Phrase,
    /// What the two mentions say of it.
    pub shown: Shown,
    /// What it added to the score, in bits (log2 odds).
    pub weight: f64,
}

/// What two mentions say of a field compared: the values as written and, for a place, today's
/// name when both have the same one.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Shown {
    /// The first mention's value.
    pub a: String,
    /// The second mention's value.
    pub b: String,
    /// Today's name of both places, empty when not known or not one.
    pub today: String,
}

impl Shown {
    /// Two values as shown: once when alike, `(x vs y)` when not, nothing when both are empty.
    pub fn say(&self, words: &dyn Words) -> String {
        let (a, b) = (self.a.trim(), self.b.trim());
        let today = self.today.as_str();
        let (one, two) = match today.is_empty() {
            true => ("why_values_one", "why_values_two"),
            false => ("why_values_one_today", "why_values_two_today"),
        };
        let (key, values): (&'static str, Vec<(&str, &str)>) = match (a, b) {
            ("", "") => return String::new(),
            (x, "") | ("", x) => (one, vec![("a", x)]),
            (x, y) if x == y => (one, vec![("a", x)]),
            (x, y) => (two, vec![("a", x), ("b", y)]),
        };
        let mut values = values;
        values.push(("today", today));
        super::words::fill(words.text(key), &values)
    }
}

impl Reason {
    /// The reason without its weight: `same surname (Шокаев)`.
    pub fn text(&self, words: &dyn Words) -> String {
        let shown = self.shown.say(words);
        match shown.is_empty() {
            true => self.phrase.say(words),
            false => format!("{} {shown}", self.phrase.say(words)),
        }
    }

    /// The weight as shown: `+6.1`.
    pub fn weight_text(&self) -> String {
        format!("{:+.1}", self.weight)
    }

    /// The reason with its weight: `same surname (Шокаев), +6.1`.
    pub fn say(&self, words: &dyn Words) -> String {
        format!("{}, {}", self.text(words), self.weight_text())
    }
}

impl std::fmt::Display for Reason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.say(&English))
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

/// The reasons one after the other in English: `same surname (Шокаев), +6.1; born the same
/// day, +7.9`.
pub fn sentence(reasons: &[Reason]) -> String {
    let parts: Vec<String> = reasons.iter().map(Reason::to_string).collect();
    parts.join("; ")
}

/// What the run did with a pair, from the note it stored: a phrase of the catalogue (a note it
/// does not know is said as written).
pub fn verdict(note: &str) -> Phrase {
    let key = match note {
        "merged" => "verdict_merged",
        "merged: the only person its pairs lead to" => "verdict_merged_lone",
        "merged: archivist judgement same" => "verdict_merged_judged",
        "already in one cluster" => "verdict_already",
        "kept apart: score below threshold" => "verdict_apart_weak",
        "kept apart: archivist judgement different" => "verdict_apart_judged",
        "kept apart: birth years more than 2 apart" => "verdict_apart_birth_years",
        "kept apart: genders differ" => "verdict_apart_genders",
        "kept apart: patronymics differ" => "verdict_apart_fathers",
        "kept apart: the mention fits two persons about equally" => "verdict_apart_held",
        "kept apart: two mentions disagree too much" => "verdict_apart_incoherent",
        "kept apart: two entries of one list" => "verdict_apart_same_source",
        "ambiguous: fits two persons about equally, held apart" => "verdict_ambiguous_held",
        "ambiguous: fits two persons about equally, left alone" => "verdict_ambiguous_alone",
        other => return Phrase::with("verdict_other", "note", other),
    };
    Phrase::new(key)
}

/// One contribution as a reason, with the two mentions' values where they help.
pub fn reason(c: &Contribution, a: &MentionRow, b: &MentionRow) -> Reason {
    let (phrase, shown) = match c.field.strip_prefix(COLUMN_PREFIX) {
        Some(header) => column_phrase(header, &c.level, a, b),
        None => field_phrase(&c.field, &c.level, a, b),
    };
    Reason {
        phrase,
        shown,
        weight: c.weight,
    }
}

/// The values of one field of both mentions.
fn pair(a: &MentionRow, b: &MentionRow, f: fn(&MentionRow) -> &str) -> Shown {
    Shown {
        a: f(a).to_string(),
        b: f(b).to_string(),
        today: String::new(),
    }
}

/// The phrase of a fixed field at a level, with the values shown.
fn field_phrase(field: &str, level: &str, a: &MentionRow, b: &MentionRow) -> (Phrase, Shown) {
    let two_scripts = a.script != b.script && !a.script.is_empty() && !b.script.is_empty();
    let exact = |plain, scripts| match two_scripts {
        true => scripts,
        false => plain,
    };
    let none = Shown::default();
    let (key, shown): (&'static str, Shown) = match (field, level) {
        ("prior", _) => ("why_prior", none),
        ("name_evidence", _) => ("why_name_evidence", none),
        ("surname", level) => (
            graded(
                level,
                exact("why_surname_exact", "why_surname_exact_scripts"),
                "why_surname",
            ),
            pair(a, b, |m| &m.surname),
        ),
        ("given", level) => (
            graded(
                level,
                exact("why_given_exact", "why_given_exact_scripts"),
                "why_given",
            ),
            pair(a, b, |m| &m.given),
        ),
        ("father", level) => (
            graded(level, "why_father_exact", "why_father"),
            pair(a, b, father),
        ),
        ("birth", level) => (birth_phrase(level), pair(a, b, |m| &m.birth_raw)),
        ("birth_place", "agree") => ("why_place_agree", place(a, b)),
        ("birth_place", _) => ("why_place_differ", place(a, b)),
        ("nationality", "agree") => ("why_nationality_agree", pair(a, b, |m| &m.nationality)),
        ("nationality", _) => ("why_nationality_differ", pair(a, b, |m| &m.nationality)),
        ("case_number", "agree") => ("why_case_agree", pair(a, b, |m| &m.case_number)),
        ("case_number", _) => ("why_case_differ", pair(a, b, |m| &m.case_number)),
        ("gender", "agree") => ("why_gender_agree", none),
        ("gender", _) => ("why_gender_differ", none),
        ("source", "same source") => ("why_source_same", pair(a, b, |m| &m.source)),
        ("source", _) => ("why_source_differ", none),
        ("arrest", level) => (event_phrase("arrest", level), pair(a, b, |m| &m.arrest_raw)),
        ("decision_date", level) => (
            event_phrase("decision", level),
            pair(a, b, |m| &m.decision_date_raw),
        ),
        ("sentence", "agree") => ("why_sentence_agree", pair(a, b, |m| &m.sentence)),
        ("sentence", "same kind") => ("why_sentence_kind", pair(a, b, |m| &m.sentence)),
        ("sentence", _) => ("why_sentence_differ", pair(a, b, |m| &m.sentence)),
        (other, level) => {
            let args = vec![("field", other.to_string()), ("level", level.to_string())];
            let phrase = Phrase {
                key: "why_other",
                args,
            };
            return (phrase, none);
        }
    };
    (Phrase::new(key), shown)
}

/// The key of a name compared at a level: `exact` as given, `close`, `similar` and `initial`
/// after the field's stem, anything else differs.
fn graded(level: &str, exact: &'static str, stem: &'static str) -> &'static str {
    match (stem, level) {
        (_, "exact") => exact,
        ("why_surname", "close") => "why_surname_close",
        ("why_surname", "similar") => "why_surname_similar",
        ("why_surname", _) => "why_surname_differ",
        ("why_given", "close") => "why_given_close",
        ("why_given", "initial") => "why_given_initial",
        ("why_given", _) => "why_given_differ",
        (_, "close") => "why_father_close",
        (_, "initial") => "why_father_initial",
        _ => "why_father_differ",
    }
}

/// The father's name as written: the patronymic, else the father's name.
fn father(m: &MentionRow) -> &str {
    match m.patronymic.is_empty() {
        true => &m.father,
        false => &m.patronymic,
    }
}

/// Two birth places as written, with today's name when the gazetteer gives both the same one.
fn place(a: &MentionRow, b: &MentionRow) -> Shown {
    let today = match (a.birth_place_modern.as_str(), b.birth_place_modern.as_str()) {
        (x, y) if x == y => x.to_string(),
        _ => String::new(),
    };
    Shown {
        today,
        ..pair(a, b, |m| &m.birth_place_raw)
    }
}

/// The phrase of two birth dates at a level.
fn birth_phrase(level: &str) -> &'static str {
    match level {
        "same day" => "why_birth_same_day",
        "overlap" => "why_birth_overlap",
        "julian offset" => "why_birth_julian",
        "year slip" => "why_birth_year_slip",
        "one year off" => "why_birth_one_year",
        "days differ" => "why_birth_days_differ",
        _ => "why_birth_far",
    }
}

/// The phrase of two dates of an event (arrest, rehabilitation decision) at a level.
fn event_phrase(event: &str, level: &str) -> &'static str {
    match (event, level) {
        ("arrest", "same day") => "why_arrest_same_day",
        ("arrest", "overlap") => "why_arrest_overlap",
        ("arrest", "within a month") => "why_arrest_month",
        ("arrest", _) => "why_arrest_far",
        (_, "same day") => "why_decision_same_day",
        (_, "overlap") => "why_decision_overlap",
        (_, "within a month") => "why_decision_month",
        _ => "why_decision_far",
    }
}

/// The phrase of a column compared beside the fixed fields, with both values from `extra`.
fn column_phrase(header: &str, level: &str, a: &MentionRow, b: &MentionRow) -> (Phrase, Shown) {
    let key = match level {
        "exact" => "why_column_exact",
        "close" => "why_column_close",
        "similar" => "why_column_similar",
        _ => "why_column_differ",
    };
    let shown = Shown {
        a: extra_value(a, header),
        b: extra_value(b, header),
        today: String::new(),
    };
    (Phrase::with(key, "column", header), shown)
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
        assert_eq!(reasons[1].phrase.key, "why_surname_exact_scripts");
        assert_eq!(
            (
                reasons[1].shown.a.as_str(),
                reasons[1].weight_text().as_str()
            ),
            ("Шокаев", "+6.1")
        );
    }

    #[test]
    fn every_level_of_every_field_has_its_own_phrase() {
        let m = MentionRow::default();
        let mut seen = std::collections::HashSet::new();
        for (field, levels) in crate::link::field_levels() {
            for level in levels {
                let (phrase, _) = field_phrase(field, level, &m, &m);
                assert_ne!(phrase.key, "why_other", "{field} {level} has no phrase");
                assert!(
                    super::super::words::english(phrase.key).is_some(),
                    "{field} {level}: {} has no English",
                    phrase.key
                );
                assert!(
                    seen.insert(phrase.key),
                    "{field} {level}: {} said twice",
                    phrase.key
                );
            }
        }
    }

    #[test]
    fn a_place_is_shown_with_its_name_today() {
        let at = |raw: &str, modern: &str| MentionRow {
            birth_place_raw: raw.into(),
            birth_place_modern: modern.into(),
            ..MentionRow::default()
        };
        let c = Contribution {
            field: "birth_place".into(),
            level: "agree".into(),
            weight: 2.0,
        };
        let said = reason(
            &c,
            &at("Перовск", "Kyzylorda"),
            &at("Ак-Мечеть", "Kyzylorda"),
        );
        assert_eq!(
            said.to_string(),
            "born in the same place (Перовск vs Ак-Мечеть, today Kyzylorda), +2.0"
        );
        let one = reason(&c, &at("", "Kyzylorda"), &at("", "Kyzylorda"));
        assert_eq!(one.to_string(), "born in the same place, +2.0");
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
    fn every_note_of_the_linker_has_its_verdict() {
        for note in [
            "merged",
            "merged: the only person its pairs lead to",
            "kept apart: score below threshold",
            "kept apart: two entries of one list",
            "ambiguous: fits two persons about equally, held apart",
        ] {
            assert_ne!(verdict(note).key, "verdict_other", "{note}");
        }
        assert_eq!(
            verdict("merged").say(&English),
            "put together: the score reached the threshold"
        );
        assert_eq!(verdict("something new").say(&English), "something new");
    }

    #[test]
    fn stored_contributions_that_do_not_read_are_an_error() {
        assert!(contributions("[[\"surname\"]]").is_err());
        assert!(contributions("not json").is_err());
    }
}
