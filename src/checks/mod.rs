//! The archival checks of a record and of a person: a birth after the arrest, a rehabilitation
//! dated before the arrest, a child arrested, two dates of death, a body named for a date when it
//! did not exist. Each rule has an id, a severity and a message naming the values and their
//! sources ([`RULES`]); a check flags, it never rejects a row.

mod rules;
#[cfg(test)]
mod tests;

use crate::model::{Mention, Outcome};
use rayon::prelude::*;
use std::fmt;

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// The record cannot be right as written.
    Error,
    /// The record is unlikely but possible.
    Warning,
    /// Worth knowing, not a slip.
    Note,
}

impl Severity {
    /// The name written to `checks.csv`.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Note => "note",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Whether a rule looks at one mention or at all mentions of a person.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// One mention's own values.
    Mention,
    /// The mentions or decisions of one person together.
    Person,
    /// One mention's own values, and the values of two mentions of one person.
    Both,
}

/// A rule: its id, severity, scope and what it flags.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rule {
    /// The id written to `checks.csv` (`birth_after_arrest`).
    pub id: &'static str,
    /// How serious a finding is.
    pub severity: Severity,
    /// What it looks at.
    pub scope: Scope,
    /// What it flags, in one sentence.
    pub flags: &'static str,
}

/// Every rule, in the order checks are listed.
pub const RULES: [Rule; 12] = [
    Rule {
        id: "birth_after_arrest",
        severity: Severity::Error,
        scope: Scope::Both,
        flags: "the birth date is after the arrest date",
    },
    Rule {
        id: "birth_after_decision",
        severity: Severity::Error,
        scope: Scope::Both,
        flags: "the birth date is after the rehabilitation decision",
    },
    Rule {
        id: "death_before_birth",
        severity: Severity::Error,
        scope: Scope::Both,
        flags: "the death date is before the birth date",
    },
    Rule {
        id: "death_before_arrest",
        severity: Severity::Error,
        scope: Scope::Both,
        flags: "the death date is before the arrest date",
    },
    Rule {
        id: "decision_before_arrest",
        severity: Severity::Error,
        scope: Scope::Both,
        flags: "the rehabilitation decision is dated before the arrest",
    },
    Rule {
        id: "arrest_under_14",
        severity: Severity::Warning,
        scope: Scope::Both,
        flags: "the person was certainly under 14 at the arrest (children were arrested: a warning)",
    },
    Rule {
        id: "rehabilitation_before_1953",
        severity: Severity::Note,
        scope: Scope::Mention,
        flags: "the rehabilitation is dated before 1953 (the reviews of 1939–1941 were few)",
    },
    Rule {
        id: "body_not_existing",
        severity: Severity::Error,
        scope: Scope::Mention,
        flags: "a sentencing organ had ceased to exist before the arrest, or a deciding body did not exist on the decision's date (periods of schemas/bodies.csv)",
    },
    Rule {
        id: "basis_not_in_force",
        severity: Severity::Error,
        scope: Scope::Mention,
        flags: "the decision is dated before the act it cites",
    },
    Rule {
        id: "birth_dates_disagree",
        severity: Severity::Warning,
        scope: Scope::Person,
        flags: "two birth dates of one person lie more than a year apart",
    },
    Rule {
        id: "death_dates_disagree",
        severity: Severity::Warning,
        scope: Scope::Person,
        flags: "two death dates of one person lie more than 31 days apart",
    },
    Rule {
        id: "decision_conflict",
        severity: Severity::Warning,
        scope: Scope::Person,
        flags: "two decisions of one person look like one written two ways (same days, bodies that are not one; or one body less than a year apart)",
    },
];

/// The rule of an id.
pub fn rule(id: &str) -> Option<&'static Rule> {
    RULES.iter().find(|r| r.id == id)
}

/// One finding: the rule, the person, the mention it is read from and a message naming the
/// values and their sources.
#[derive(Debug, Clone, PartialEq)]
pub struct Check {
    /// The rule.
    pub rule: &'static Rule,
    /// The person's id.
    pub person_id: String,
    /// The source of the mention it is read from (for a person's rule, the later mention).
    pub source: String,
    /// That mention's record id.
    pub record_id: String,
    /// What was found, naming the values as written and their sources.
    pub message: String,
}

impl Check {
    fn new(rule_id: &str, person_id: &str, m: &Mention, message: String) -> Check {
        Check {
            rule: rule(rule_id).unwrap_or(&RULES[0]),
            person_id: person_id.to_string(),
            source: m.prov.source.to_string(),
            record_id: m.prov.record_id.to_string(),
            message,
        }
    }
}

/// Every check of a run: per person in person order, the rules of each of its mentions (in
/// mention order) and then the rules of the person.
pub fn run(outcome: &Outcome) -> Vec<Check> {
    let conflicts = crate::attach::events::conflicts(&outcome.decisions);
    let per_person: Vec<Vec<Check>> = outcome
        .persons
        .par_iter()
        .enumerate()
        .map(|(p, person)| person_checks(outcome, p, person, &conflicts))
        .collect();
    per_person.into_iter().flatten().collect()
}

/// The checks of one person (the `p`th): each of its mentions in input order, then the person's
/// own, then the conflicts among its decisions (`conflicts` come in decision order, which is
/// person order).
fn person_checks(
    outcome: &Outcome,
    p: usize,
    person: &crate::model::Person,
    conflicts: &[crate::attach::events::Conflict],
) -> Vec<Check> {
    let mut out = Vec::new();
    let mut members = person.mentions.clone();
    members.sort_unstable();
    for &i in &members {
        rules::mention(&outcome.mentions[i], &person.id, &mut out);
    }
    let mentions: Vec<&Mention> = members.iter().map(|&i| &outcome.mentions[i]).collect();
    rules::person(&mentions, &person.id, &mut out);
    let person_of = |c: &crate::attach::events::Conflict| outcome.decisions[c.first].person;
    let start = conflicts.partition_point(|c| person_of(c) < p);
    for c in conflicts[start..].iter().take_while(|c| person_of(c) == p) {
        let (a, b) = (&outcome.decisions[c.first], &outcome.decisions[c.second]);
        rules::conflict(outcome, a, b, c.what, &mut out);
    }
    out
}

/// Counts per rule, in rule order, of the rules that found anything.
pub fn counts(checks: &[Check]) -> Vec<(&'static Rule, usize)> {
    RULES
        .iter()
        .map(|r| (r, checks.iter().filter(|c| c.rule.id == r.id).count()))
        .filter(|(_, n)| *n > 0)
        .collect()
}
