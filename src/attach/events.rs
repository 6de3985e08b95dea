//! A decision is an event: the decision mentions of one person that agree (dates that overlap
//! within each one's precision, bodies that are one body or a chamber of it) are one decision,
//! each mention one of its attestations. Mentions that disagree stay separate decisions; a pair
//! that looks like one decision written two ways is a conflict ([`conflicts`]).

use crate::model::{Decision, Mention, Person};
use crate::normalize::bodies;
use chrono::NaiveDate;
use rayon::prelude::*;
use std::collections::HashMap;

/// Days two dated decisions of one body may lie apart and still look like one decision.
const CONFLICT_DAYS: i64 = 366;

/// The days a date allows.
type Span = (NaiveDate, NaiveDate);

/// Attestations gathered so far into one decision.
struct Group {
    members: Vec<usize>,
    date: Option<Span>,
}

/// The decisions of every person, in person order, each person's by date (undated last).
pub fn decisions(mentions: &[Mention], persons: &[Person]) -> Vec<Decision> {
    persons
        .par_iter()
        .enumerate()
        .flat_map_iter(|(p, person)| person_decisions(mentions, p, person))
        .collect()
}

fn span(m: &Mention) -> Option<Span> {
    m.decision_date
        .value
        .as_ref()
        .map(|d| (d.earliest, d.latest))
}

fn overlap(a: Span, b: Span) -> Option<Span> {
    let (from, to) = (a.0.max(b.0), a.1.min(b.1));
    (from <= to).then_some((from, to))
}

/// Whether two body keys (either unknown) may name one body.
fn bodies_agree(a: Option<&str>, b: Option<&str>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => bodies::catalogue().compatible(a, b),
        _ => true,
    }
}

/// Whether a mention agrees with every attestation of a group: its date overlaps theirs (an
/// undated one is neutral) and its body is compatible with each of theirs.
fn agrees(group: &Group, m: &Mention, mentions: &[Mention]) -> bool {
    let date_ok = match (group.date, span(m)) {
        (Some(g), Some(d)) => overlap(g, d).is_some(),
        _ => true,
    };
    date_ok
        && group
            .members
            .iter()
            .all(|&i| bodies_agree(mentions[i].deciding_body_key, m.deciding_body_key))
}

fn person_decisions(mentions: &[Mention], p: usize, person: &Person) -> Vec<Decision> {
    let mut items: Vec<usize> = person
        .mentions
        .iter()
        .copied()
        .filter(|&i| mentions[i].has_decision())
        .collect();
    // The most precise dates first, so that a year-only mention joins the day it contains;
    // undated mentions last, when every dated decision is known.
    items.sort_by_key(|&i| {
        (
            span(&mentions[i]).map_or(i64::MAX, |(a, b)| (b - a).num_days()),
            i,
        )
    });
    let mut groups: Vec<Group> = Vec::new();
    for i in items {
        let m = &mentions[i];
        let fitting: Vec<usize> = (0..groups.len())
            .filter(|&g| agrees(&groups[g], m, mentions))
            .collect();
        // An undated mention that several decisions could hold is left apart.
        let chosen = match (span(m), fitting.as_slice()) {
            (None, [one]) => Some(*one),
            (None, _) => None,
            (Some(_), [first, ..]) => Some(*first),
            (Some(_), []) => None,
        };
        match chosen {
            Some(g) => {
                let group = &mut groups[g];
                group.members.push(i);
                group.date = match (group.date, span(m)) {
                    (Some(a), Some(b)) => overlap(a, b),
                    (a, b) => a.or(b),
                };
            }
            None => groups.push(Group {
                members: vec![i],
                date: span(m),
            }),
        }
    }
    let mut out: Vec<Decision> = groups
        .into_iter()
        .map(|mut g| {
            g.members.sort_unstable();
            decision(mentions, p, person, g)
        })
        .collect();
    out.sort_by(|a, b| {
        let key = |d: &Decision| (d.date.is_none(), d.date, d.attestations[0]);
        key(a).cmp(&key(b))
    });
    out
}

fn decision(mentions: &[Mention], p: usize, person: &Person, g: Group) -> Decision {
    let of = |f: fn(&Mention) -> Option<&'static str>| {
        most_attested(g.members.iter().filter_map(|&i| f(&mentions[i])))
    };
    Decision {
        id: mentions[g.members[0]].prov.key(),
        person_id: person.id.clone(),
        person: p,
        date: g.date,
        body_key: of(|m| m.deciding_body_key),
        basis_key: of(|m| m.legal_basis_key),
        outcome: of(|m| bodies::outcome(&m.decision)),
        attestations: g.members,
    }
}

/// The key most attestations give; a tie goes to the first given.
fn most_attested(keys: impl Iterator<Item = &'static str>) -> Option<&'static str> {
    let mut counts: HashMap<&'static str, (usize, usize)> = HashMap::new();
    for (order, key) in keys.enumerate() {
        counts.entry(key).or_insert((0, order)).0 += 1;
    }
    counts
        .into_iter()
        .max_by_key(|&(_, (n, order))| (n, std::cmp::Reverse(order)))
        .map(|(key, _)| key)
}

/// A pair of one person's decisions that looks like one decision written two ways: the same
/// days with bodies that are not one, or one body on days less than a year apart.
#[derive(Debug, Clone, PartialEq)]
pub struct Conflict {
    /// Index of the first decision.
    pub first: usize,
    /// Index of the second.
    pub second: usize,
    /// What disagrees: `body` or `date`.
    pub what: &'static str,
}

/// The conflicting pairs among the decisions (indices into `decisions`), in order.
pub fn conflicts(decisions: &[Decision]) -> Vec<Conflict> {
    let mut out = Vec::new();
    let mut start = 0;
    while start < decisions.len() {
        let person = decisions[start].person;
        let end = start
            + decisions[start..]
                .iter()
                .take_while(|d| d.person == person)
                .count();
        for a in start..end {
            for b in a + 1..end {
                if let Some(what) = conflict(&decisions[a], &decisions[b]) {
                    out.push(Conflict {
                        first: a,
                        second: b,
                        what,
                    });
                }
            }
        }
        start = end;
    }
    out
}

fn conflict(a: &Decision, b: &Decision) -> Option<&'static str> {
    let (da, db) = (a.date?, b.date?);
    let (ka, kb) = (a.body_key?, b.body_key?);
    let same_body = bodies::catalogue().compatible(ka, kb);
    if overlap(da, db).is_some() {
        return (!same_body).then_some("body");
    }
    let apart = (db.0 - da.1).num_days().max((da.0 - db.1).num_days());
    (same_body && apart < CONFLICT_DAYS).then_some("date")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Calendar, DateValue, Norm, Precision, Provenance, Qualifier};

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    /// A decision mention of `record` dated `[from, to]` (or undated) by `body`.
    fn said(record: &str, dates: Option<(&str, &str)>, body: &str) -> Mention {
        let value = dates.map(|(from, to)| DateValue {
            earliest: day(from),
            latest: day(to),
            precision: if from == to {
                Precision::Day
            } else {
                Precision::Year
            },
            calendar: Calendar::Gregorian,
            qualifier: Qualifier::Exact,
            edtf: Default::default(),
        });
        Mention {
            prov: Provenance {
                source: "s.csv".into(),
                record_id: record.into(),
                row: 1,
            },
            decision: "реабилитирован".into(),
            decision_date: Norm::new(dates.map_or("", |d| d.0), value),
            deciding_body: body.into(),
            deciding_body_key: bodies::body_key(body),
            ..Mention::default()
        }
    }

    fn grouped(mentions: &[Mention]) -> Vec<Vec<usize>> {
        let person = Person {
            id: "P1".into(),
            mentions: (0..mentions.len()).collect(),
        };
        decisions(mentions, &[person])
            .into_iter()
            .map(|d| d.attestations)
            .collect()
    }

    #[test]
    fn mentions_that_agree_are_one_decision() {
        let mentions = [
            said(
                "1",
                Some(("2021-08-27", "2021-08-27")),
                "Верховным судом Республики Узбекистан",
            ),
            said(
                "2",
                Some(("2021-01-01", "2021-12-31")),
                "O'zbekiston Respublikasi Oliy sudi",
            ),
            said("3", None, ""),
        ];
        assert_eq!(grouped(&mentions), vec![vec![0, 1, 2]]);
        let person = Person {
            id: "P1".into(),
            mentions: vec![0, 1, 2],
        };
        let d = &decisions(&mentions, &[person])[0];
        assert_eq!(d.date, Some((day("2021-08-27"), day("2021-08-27"))));
        assert_eq!(d.body_key, Some("uz_supreme_court"));
        assert_eq!(d.outcome, Some("rehabilitated"));
        assert_eq!(d.id, "s.csv:1");
    }

    #[test]
    fn a_chamber_agrees_with_its_court_and_other_bodies_do_not() {
        let mentions = [
            said(
                "1",
                Some(("2021-08-27", "2021-08-27")),
                "Oliy sudi harbiy hay'ati O'zbekiston Respublikasi",
            ),
            said(
                "2",
                Some(("2021-08-27", "2021-08-27")),
                "O'zbekiston Respublikasi Oliy sudi",
            ),
            said(
                "3",
                Some(("2021-08-27", "2021-08-27")),
                "прокуратурой УзССР",
            ),
        ];
        let groups = grouped(&mentions);
        assert_eq!(groups, vec![vec![0, 1], vec![2]]);
    }

    #[test]
    fn disagreeing_attestations_stay_apart_and_conflict() {
        let mentions = [
            said(
                "1",
                Some(("1989-05-12", "1989-05-12")),
                "прокуратурой КазССР",
            ),
            said(
                "2",
                Some(("1989-06-02", "1989-06-02")),
                "Прокуратура КазССР",
            ),
            said("3", Some(("1957-01-01", "1957-12-31")), "ВКВС СССР"),
            said(
                "4",
                Some(("1957-03-01", "1957-03-01")),
                "прокуратурой КазССР",
            ),
        ];
        let person = Person {
            id: "P1".into(),
            mentions: vec![0, 1, 2, 3],
        };
        let found = decisions(&mentions, &[person]);
        assert_eq!(found.len(), 4);
        let what: Vec<&str> = conflicts(&found).iter().map(|c| c.what).collect();
        assert_eq!(what, vec!["body", "date"]);
    }

    #[test]
    fn an_undated_mention_that_fits_two_decisions_stays_apart() {
        let mentions = [
            said("1", Some(("1957-03-01", "1957-03-01")), "ВКВС СССР"),
            said(
                "2",
                Some(("1989-05-12", "1989-05-12")),
                "прокуратурой КазССР",
            ),
            said("3", None, ""),
        ];
        assert_eq!(grouped(&mentions), vec![vec![0], vec![1], vec![2]]);
    }
}
