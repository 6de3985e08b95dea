//! Pairwise comparison: one agreement level per field, packed into a pattern code.

use super::features::{Birth, Feat, Features, NONE, Span, Vocab};
use super::names;

/// Number of compared fields.
pub(crate) const NF: usize = 12;

/// Field names, in the fixed order of contributions.
pub(crate) const FIELDS: [&str; NF] = [
    "surname",
    "given",
    "father",
    "birth",
    "birth_place",
    "nationality",
    "case_number",
    "gender",
    "source",
    "arrest",
    "decision_date",
    "sentence",
];

/// Names of the agreement levels of each field; one more level, "missing", follows them.
pub(crate) const LEVEL_NAMES: [&[&str]; NF] = [
    &["exact", "close", "similar", "different"],
    &["exact", "close", "initial", "different"],
    &["exact", "close", "initial", "different"],
    &[
        "same day",
        "overlap",
        "julian offset",
        "year slip",
        "one year off",
        "days differ",
        "far",
    ],
    &["agree", "differ"],
    &["agree", "differ"],
    &["agree", "differ"],
    &["agree", "differ"],
    &["different sources", "same source"],
    EVENT_LEVELS,
    EVENT_LEVELS,
    &["agree", "same kind", "differ"],
];

/// Levels of an event date (arrest, rehabilitation decision).
const EVENT_LEVELS: &[&str] = &["same day", "overlap", "within a month", "far"];

/// Field positions.
pub(crate) const SURNAME: usize = 0;
/// Given name position.
pub(crate) const GIVEN: usize = 1;
/// Father's name position.
pub(crate) const FATHER: usize = 2;
/// Birth date position.
pub(crate) const BIRTH: usize = 3;
/// Birth place position.
pub(crate) const PLACE: usize = 4;
/// Nationality position.
pub(crate) const NATIONALITY: usize = 5;
/// Gender position.
pub(crate) const GENDER: usize = 7;
/// Source position.
pub(crate) const SOURCE: usize = 8;
/// Arrest date position.
pub(crate) const ARREST: usize = 9;
/// Rehabilitation decision date position.
pub(crate) const DECISION: usize = 10;
/// Sentence position.
pub(crate) const SENTENCE: usize = 11;
/// Event dates at most this many days apart are "within a month": one date with a slip.
const NEAR_DAYS: i32 = 31;
/// Event levels beyond overlap (same day and overlap are [`SAME_DAY`] and [`OVERLAP`]).
const WITHIN_MONTH: u8 = 2;
/// Event dates more than [`NEAR_DAYS`] apart.
const FAR_APART: u8 = 3;

/// Shared levels of name fields.
pub(crate) const EXACT: u8 = 0;
/// A close spelling.
pub(crate) const CLOSE: u8 = 1;
/// An initial that agrees with a full name.
pub(crate) const INITIAL: u8 = 2;

/// Birth levels.
pub(crate) const SAME_DAY: u8 = 0;
/// Intervals overlap.
pub(crate) const OVERLAP: u8 = 1;
/// Day dates exactly 12 or 13 days apart: one date in two calendars.
pub(crate) const JULIAN: u8 = 2;
/// Day dates with the same day and month, one year apart: a slip of the year.
pub(crate) const YEAR_SLIP: u8 = 3;
/// Years at most one apart.
pub(crate) const ONE_YEAR: u8 = 4;
/// Two dates known to the day, at most a year apart, that differ otherwise.
pub(crate) const DAYS_DIFFER: u8 = 5;
/// Anything further.
pub(crate) const FAR: u8 = 6;

/// A similar surname spelling (surname only).
pub(crate) const SIMILAR: u8 = 2;

/// Keys of at most this many letters are short.
const SHORT_KEY: usize = 5;
/// Jaro-Winkler similarity from which two keys count as a close spelling.
pub(crate) const CLOSE_JW: f64 = 0.92;
/// Jaro-Winkler similarity from which two surname keys of four letters or more count as similar.
pub(crate) const SIMILAR_JW: f64 = 0.85;

/// The "missing" level of a field.
pub(crate) fn missing(field: usize) -> u8 {
    LEVEL_NAMES[field].len() as u8
}

/// Number of distinct codes of a field (its levels plus missing).
fn radix(field: usize) -> u32 {
    LEVEL_NAMES[field].len() as u32 + 1
}

/// Number of distinct pattern codes.
#[cfg(test)]
pub(crate) fn pattern_count() -> usize {
    (0..NF).map(radix).product::<u32>() as usize
}

/// Packs levels into a pattern code.
pub(crate) fn encode(levels: &[u8; NF]) -> u32 {
    (0..NF)
        .rev()
        .fold(0, |code, f| code * radix(f) + u32::from(levels[f]))
}

/// Unpacks a pattern code.
pub(crate) fn decode(mut code: u32) -> [u8; NF] {
    let mut levels = [0u8; NF];
    for (f, level) in levels.iter_mut().enumerate() {
        *level = (code % radix(f)) as u8;
        code /= radix(f);
    }
    levels
}

/// Compares two mentions field by field.
pub(crate) fn levels(feats: &Features, a: usize, b: usize) -> [u8; NF] {
    let (Some(x), Some(y)) = (feats.rows.get(a), feats.rows.get(b)) else {
        return std::array::from_fn(missing);
    };
    let (surname, given) = names::surname_and_given(feats, x, y);
    [
        surname,
        given,
        names::typo_level(
            feats,
            name_level(x.father, y.father, &feats.givens, true, FATHER),
            x.patronymic_surface,
            y.patronymic_surface,
        ),
        match (&x.birth, &y.birth) {
            (Some(p), Some(q)) => birth_level(p, q),
            _ => missing(BIRTH),
        },
        id_level(x.place, y.place, PLACE),
        id_level(x.nationality, y.nationality, NATIONALITY),
        id_level(x.case_no, y.case_no, 6),
        gender_level(x, y),
        u8::from(x.source == y.source),
        event_level(x.arrest, y.arrest, ARREST),
        event_level(x.decision, y.decision, DECISION),
        sentence_level(x, y),
    ]
}

/// Level of a name key: exact, close spelling, initial (given names only), similar (surnames
/// only) or different.
pub(crate) fn name_level(a: u32, b: u32, vocab: &Vocab, initials: bool, field: usize) -> u8 {
    if a == NONE || b == NONE {
        return missing(field);
    }
    if a == b {
        return EXACT;
    }
    text_level(vocab.text(a), vocab.text(b), initials, field)
}

/// Level of two present, different key texts.
pub(crate) fn text_level(s: &str, t: &str, initials: bool, field: usize) -> u8 {
    let different = missing(field) - 1;
    if s == t {
        return EXACT;
    }
    if initials && is_initial_of(s, t) {
        return INITIAL;
    }
    if is_close(s, t) {
        return CLOSE;
    }
    if field == SURNAME && is_similar(s, t) {
        SIMILAR
    } else {
        different
    }
}

/// Similar spelling of longer keys: Jaro-Winkler at least [`SIMILAR_JW`].
fn is_similar(s: &str, t: &str) -> bool {
    similar_spelling(s, t, 4)
}

/// Jaro-Winkler at least [`SIMILAR_JW`], both keys of `min_letters` letters or more.
fn similar_spelling(s: &str, t: &str, min_letters: usize) -> bool {
    let long = |k: &str| k.chars().nth(min_letters - 1).is_some();
    long(s) && long(t) && strsim::jaro_winkler(s, t) >= SIMILAR_JW
}

/// Whether one key is a single letter that starts the other.
fn is_initial_of(s: &str, t: &str) -> bool {
    let single = |x: &str| x.chars().nth(1).is_none();
    let first = |x: &str| x.chars().next();
    (single(s) || single(t)) && first(s) == first(t)
}

/// Close spelling: Jaro-Winkler at least [`CLOSE_JW`], or one edit apart in longer keys. Short
/// keys must also share their first letter: `agmed` (Ахмет) and `gamed` (Хамит) are two names,
/// not one with two letters swapped.
pub(crate) fn is_close(s: &str, t: &str) -> bool {
    let short = s.chars().nth(SHORT_KEY).is_none() || t.chars().nth(SHORT_KEY).is_none();
    if short && s.chars().next() != t.chars().next() {
        return false;
    }
    if strsim::jaro_winkler(s, t) >= CLOSE_JW {
        return true;
    }
    let (ls, lt) = (s.chars().count(), t.chars().count());
    ls.min(lt) >= 5 && ls.abs_diff(lt) <= 1 && strsim::levenshtein(s, t) <= 1
}

/// Whether two longer keys differ as a typo would: Jaro-Winkler at least [`SIMILAR_JW`], both
/// of five letters or more.
pub(crate) fn is_slip(s: &str, t: &str) -> bool {
    similar_spelling(s, t, 5)
}

/// Level of two birth intervals.
pub(crate) fn birth_level(a: &Birth, b: &Birth) -> u8 {
    if a.day && b.day {
        match (a.lo - b.lo).abs() {
            0 => return SAME_DAY,
            12 | 13 => return JULIAN,
            _ => {}
        }
    }
    if a.lo <= b.hi && b.lo <= a.hi {
        return OVERLAP;
    }
    let year_gap = (a.year_lo - b.year_hi).max(b.year_lo - a.year_hi).max(0);
    if year_gap > 1 {
        FAR
    } else if a.day && b.day && a.month_day == b.month_day {
        YEAR_SLIP
    } else if a.day && b.day {
        DAYS_DIFFER
    } else {
        ONE_YEAR
    }
}

/// Level of two event dates: the same day, overlapping intervals (a year beside a day of it),
/// within a month (a clerk's slip of a day or a digit), or further apart.
pub(crate) fn event_level(a: Option<Span>, b: Option<Span>, field: usize) -> u8 {
    let (Some(a), Some(b)) = (a, b) else {
        return missing(field);
    };
    if a.day && b.day && a.lo == b.lo {
        return SAME_DAY;
    }
    if a.lo <= b.hi && b.lo <= a.hi {
        return OVERLAP;
    }
    let gap = (a.lo - b.hi).max(b.lo - a.hi);
    if gap <= NEAR_DAYS {
        WITHIN_MONTH
    } else {
        FAR_APART
    }
}

/// Whether the levels carry real evidence that the names are one person's: a surname that
/// agrees (exactly, closely or similarly, directly or with name parts swapped), or, when one side
/// has a single name part, a given name that agrees with it. A given name and a birth year alone
/// are not enough.
pub(crate) fn has_name_evidence(levels: &[u8; NF]) -> bool {
    let surname = levels[SURNAME];
    if surname <= SIMILAR {
        return true;
    }
    surname == missing(SURNAME) && levels[GIVEN] <= CLOSE
}

/// Agreement of two interned values.
fn id_level(a: u32, b: u32, field: usize) -> u8 {
    if a == NONE || b == NONE {
        missing(field)
    } else if a == b {
        0
    } else {
        1
    }
}

/// Agreement of sentences: the same key, the same kind with another or no term (`camp:8`,
/// `camp:10`), or another kind.
fn sentence_level(x: &Feat, y: &Feat) -> u8 {
    if x.sentence == NONE || y.sentence == NONE {
        missing(SENTENCE)
    } else if x.sentence == y.sentence {
        0
    } else if x.sentence_kind == y.sentence_kind {
        1
    } else {
        2
    }
}

/// Agreement of inferred genders.
fn gender_level(x: &Feat, y: &Feat) -> u8 {
    if x.gender == 0 || y.gender == 0 {
        missing(GENDER)
    } else if x.gender == y.gender {
        0
    } else {
        1
    }
}
