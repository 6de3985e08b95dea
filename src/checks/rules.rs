//! The rules themselves, each written once: the values they compare are intervals of days, and a
//! rule fires only when the record is wrong whatever day in each interval is the true one.

use super::Check;
use crate::model::{DateValue, Decision, Mention, Norm, Outcome};
use crate::normalize::bodies;
use chrono::{Months, NaiveDate};

/// Age below which an arrest is flagged.
const MIN_ARREST_AGE: u32 = 14;

/// Days two birth dates of one person may lie apart.
const BIRTH_TOLERANCE_DAYS: i64 = 366;

/// Days two death dates of one person may lie apart.
const DEATH_TOLERANCE_DAYS: i64 = 31;

/// A date's days and its text as written.
struct Dated<'a> {
    from: NaiveDate,
    to: NaiveDate,
    raw: &'a str,
}

fn dated(date: &Norm<DateValue>) -> Option<Dated<'_>> {
    let d = date.value.as_ref()?;
    Some(Dated {
        from: d.earliest,
        to: d.latest,
        raw: date.raw.trim(),
    })
}

/// `source:record_id` of a mention.
fn at(m: &Mention) -> String {
    format!("{}:{}", m.prov.source, m.prov.record_id)
}

/// A date of a record that the order rules compare.
#[derive(Debug, Clone, Copy)]
enum Event {
    Birth,
    Arrest,
    Death,
    Decision,
}

impl Event {
    fn name(self) -> &'static str {
        match self {
            Event::Birth => "birth",
            Event::Arrest => "arrest",
            Event::Death => "death",
            Event::Decision => "decision",
        }
    }

    fn of(self, m: &Mention) -> Option<Dated<'_>> {
        dated(match self {
            Event::Birth => &m.birth,
            Event::Arrest => &m.arrest,
            Event::Death => &m.death,
            Event::Decision => &m.decision_date,
        })
    }
}

/// The order rules: `(rule, earlier, later)`, the later event may not come before the earlier.
const ORDER: [(&str, Event, Event); 5] = [
    ("birth_after_arrest", Event::Birth, Event::Arrest),
    ("birth_after_decision", Event::Birth, Event::Decision),
    ("death_before_birth", Event::Birth, Event::Death),
    ("death_before_arrest", Event::Arrest, Event::Death),
    ("decision_before_arrest", Event::Arrest, Event::Decision),
];

/// What an order rule says of two dates (one mention's or two mentions' of one person).
fn order_message(
    earlier: Event,
    a: &Dated,
    a_at: &str,
    later: Event,
    b: &Dated,
    b_at: &str,
) -> String {
    let (e, l) = (earlier.name(), later.name());
    match a_at == b_at {
        true => format!("{l} {:?} is before {e} {:?} ({a_at})", b.raw, a.raw),
        false => format!(
            "{l} {:?} ({b_at}) is before {e} {:?} ({a_at})",
            b.raw, a.raw
        ),
    }
}

/// Whether an arrest on `arrest` was certainly before the age of 14 of a birth on `birth`.
fn under_14(birth: &Dated, arrest: &Dated) -> bool {
    arrest.from >= birth.from
        && birth
            .from
            .checked_add_months(Months::new(12 * MIN_ARREST_AGE))
            .is_some_and(|d| arrest.to < d)
}

fn under_14_message(birth: &Dated, b_at: &str, arrest: &Dated, a_at: &str) -> String {
    let tail = match b_at == a_at {
        true => format!("({a_at})"),
        false => format!("({a_at}; birth {b_at})"),
    };
    format!(
        "arrest {:?} comes less than {MIN_ARREST_AGE} years after birth {:?} {tail}",
        arrest.raw, birth.raw
    )
}

/// The rules of one mention's own values.
pub(super) fn mention(m: &Mention, person: &str, out: &mut Vec<Check>) {
    let birth = dated(&m.birth);
    let arrest = dated(&m.arrest);
    let decision = dated(&m.decision_date);
    let mut flag = |rule: &str, message: String| out.push(Check::new(rule, person, m, message));
    for (rule, earlier, later) in ORDER {
        if let (Some(a), Some(b)) = (earlier.of(m), later.of(m))
            && b.to < a.from
        {
            let here = at(m);
            flag(rule, order_message(earlier, &a, &here, later, &b, &here));
        }
    }
    if let (Some(b), Some(a)) = (&birth, &arrest)
        && under_14(b, a)
    {
        let here = at(m);
        flag("arrest_under_14", under_14_message(b, &here, a, &here));
    }
    if let Some(d) = &decision
        && d.to < day(1953, 1, 1)
    {
        flag(
            "rehabilitation_before_1953",
            format!(
                "rehabilitation {:?} is dated before 1953 ({})",
                d.raw,
                at(m)
            ),
        );
    }
    if let (Some(key), Some(a)) = (m.sentencing_organ_key, &arrest)
        && let Some(body) = bodies::body(key)
        && body.to.is_some_and(|to| to < a.from)
    {
        flag(
            "body_not_existing",
            format!(
                "sentencing organ {:?} ({key}, {}) had ceased to exist before the arrest {:?} ({})",
                m.sentencing_organ.trim(),
                body.period(),
                a.raw,
                at(m)
            ),
        );
    }
    if let (Some(key), Some(d)) = (m.deciding_body_key, &decision)
        && let Some(body) = bodies::body(key)
        && !body.existed_within(d.from, d.to)
    {
        flag(
            "body_not_existing",
            format!(
                "deciding body {:?} ({key}, {}) did not exist on the decision's date {:?} ({})",
                written(&m.deciding_body, &m.decision),
                body.period(),
                d.raw,
                at(m)
            ),
        );
    }
    if let (Some(key), Some(d)) = (m.legal_basis_key, &decision)
        && let Some(act) = bodies::body(key)
        && act.from.is_some_and(|from| d.to < from)
    {
        flag(
            "basis_not_in_force",
            format!(
                "decision {:?} is dated before the act it cites, {:?} ({key}, {}) ({})",
                d.raw,
                written(&m.legal_basis, &m.decision),
                act.period(),
                at(m)
            ),
        );
    }
}

/// A value as written, or the decision's text it was read from.
fn written<'a>(value: &'a str, decision: &'a str) -> &'a str {
    match value.trim() {
        "" => decision.trim(),
        v => v,
    }
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or(NaiveDate::MIN)
}

/// The rules of a person's mentions together.
pub(super) fn person(mentions: &[&Mention], person: &str, out: &mut Vec<Check>) {
    across(mentions, person, out);
    let rules = [
        ("birth_dates_disagree", Event::Birth, BIRTH_TOLERANCE_DAYS),
        ("death_dates_disagree", Event::Death, DEATH_TOLERANCE_DAYS),
    ];
    for (rule, event, tolerance) in rules {
        if let Some(((early, a), (late, b))) = farthest_apart(mentions, event, tolerance) {
            let name = event.name();
            out.push(Check::new(
                rule,
                person,
                late,
                format!(
                    "{name} {:?} ({}) and {name} {:?} ({}) lie {} days apart",
                    a.raw,
                    at(early),
                    b.raw,
                    at(late),
                    (b.from - a.to).num_days()
                ),
            ));
        }
    }
}

/// The order rules and the arrest under 14 across two mentions of a person: the latest
/// earlier event against the earliest later one, when they are two mentions (one mention's own
/// dates are its own checks).
fn across(mentions: &[&Mention], person: &str, out: &mut Vec<Check>) {
    let latest = |e: Event| {
        mentions
            .iter()
            .filter_map(|m| Some((*m, e.of(m)?)))
            .max_by_key(|(_, d)| d.from)
    };
    let earliest = |e: Event| {
        mentions
            .iter()
            .filter_map(|m| Some((*m, e.of(m)?)))
            .min_by_key(|(_, d)| d.to)
    };
    for (rule, earlier, later) in ORDER {
        if let (Some((ma, a)), Some((mb, b))) = (latest(earlier), earliest(later))
            && !std::ptr::eq(ma, mb)
            && b.to < a.from
        {
            let message = order_message(earlier, &a, &at(ma), later, &b, &at(mb));
            out.push(Check::new(rule, person, mb, message));
        }
    }
    if let (Some((mb, b)), Some((ma, a))) = (latest(Event::Birth), earliest(Event::Arrest))
        && !std::ptr::eq(ma, mb)
        && under_14(&b, &a)
    {
        let message = under_14_message(&b, &at(mb), &a, &at(ma));
        out.push(Check::new("arrest_under_14", person, ma, message));
    }
}

/// A mention and one of its dates.
type Found<'a> = (&'a Mention, Dated<'a>);

/// The two mentions whose dates lie farthest apart, with those dates, when they lie more than
/// `tolerance` days apart: the one whose date ends first and the one whose date begins last.
fn farthest_apart<'a>(
    mentions: &[&'a Mention],
    event: Event,
    tolerance: i64,
) -> Option<(Found<'a>, Found<'a>)> {
    let early = mentions
        .iter()
        .filter_map(|m| Some((*m, event.of(m)?)))
        .min_by_key(|(_, d)| d.to)?;
    let late = mentions
        .iter()
        .filter_map(|m| Some((*m, event.of(m)?)))
        .max_by_key(|(_, d)| (d.from, std::cmp::Reverse(d.to)))?;
    ((late.1.from - early.1.to).num_days() > tolerance).then_some((early, late))
}

/// A pair of one person's decisions that look like one decision written two ways.
pub(super) fn conflict(
    outcome: &Outcome,
    a: &Decision,
    b: &Decision,
    what: &str,
    out: &mut Vec<Check>,
) {
    let first = |d: &Decision| &outcome.mentions[d.attestations[0]];
    // A decision as its first dated attestation writes it, with the first body written.
    let describe = |d: &Decision| {
        let mentions = || d.attestations.iter().map(|&i| &outcome.mentions[i]);
        let m = mentions()
            .find(|m| m.decision_date.value.is_some())
            .unwrap_or(first(d));
        let body = mentions()
            .find(|m| m.deciding_body_key.is_some())
            .map_or("", |m| written(&m.deciding_body, &m.decision));
        format!("{:?} by {:?} ({})", m.decision_date.raw.trim(), body, at(m))
    };
    let what = match what {
        "body" => "the same days with bodies that are not one",
        _ => "one body less than a year apart",
    };
    out.push(Check::new(
        "decision_conflict",
        &a.person_id,
        first(b),
        format!(
            "decisions {} and {} look like one decision: {what}; kept apart",
            describe(a),
            describe(b)
        ),
    ));
}
