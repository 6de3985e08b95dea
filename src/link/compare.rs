//! Pairwise comparison: one agreement level per field (see [`super::fields`]).

use super::features::{Birth, Feat, Features, NONE, Span, Vocab};
use super::fields::{
    ARREST, Agreement, BIRTH, BIRTH_PLACE, BirthLevel, CASE_NUMBER, DECISION, EventLevel, FATHER,
    GENDER, GIVEN, GivenLevel, Levels, NATIONALITY, SENTENCE, SOURCE, SURNAME, SentenceLevel,
    SourceLevel, SurnameLevel,
};
use super::memo::{self, Space};
use super::names;
use super::similarity;
use rayon::prelude::*;

/// Event dates at most this many days apart are "within a month": one date with a slip.
const NEAR_DAYS: i32 = 31;

/// Keys of at most this many letters are short.
const SHORT_KEY: usize = 5;
/// Jaro-Winkler similarity from which two keys count as a close spelling.
pub(crate) const CLOSE_JW: f64 = 0.92;
/// Jaro-Winkler similarity from which two surname keys of four letters or more count as similar.
pub(crate) const SIMILAR_JW: f64 = 0.85;

/// Compares two mentions field by field, the generic comparisons included.
pub(crate) fn levels(feats: &Features, a: usize, b: usize) -> Levels {
    let mut levels = Levels::missing();
    let (Some(x), Some(y)) = (feats.rows.get(a), feats.rows.get(b)) else {
        return levels;
    };
    let (surname, given) = names::surname_and_given(feats, x, y);
    levels.set(SURNAME, surname);
    levels.set(GIVEN, given);
    levels.set(
        FATHER,
        names::typo_level(
            feats,
            given_level(x.father, y.father, &feats.givens),
            x.patronymic_surface,
            y.patronymic_surface,
        ),
    );
    levels.set(
        BIRTH,
        x.birth
            .as_ref()
            .zip(y.birth.as_ref())
            .map(|(p, q)| birth_level(p, q)),
    );
    levels.set(BIRTH_PLACE, id_level(x.place, y.place));
    levels.set(NATIONALITY, id_level(x.nationality, y.nationality));
    levels.set(CASE_NUMBER, id_level(x.case_no, y.case_no));
    levels.set(GENDER, gender_level(x, y));
    levels.set(SOURCE, Some(source_level(x, y)));
    levels.set(ARREST, event_level(x.arrest, y.arrest));
    levels.set(DECISION, event_level(x.decision, y.decision));
    levels.set(SENTENCE, sentence_level(x, y));
    // A column either mention lacks is missing: its values are not read.
    let both = x.generic_present & y.generic_present;
    for (column, compared) in feats.generic.columns.iter().enumerate() {
        if column < u16::BITS as usize && both & (1 << column) != 0 {
            levels.set_generic(column, compared.level(a, b));
        }
    }
    levels
}

/// Level of two surname keys: exact, close or similar spelling, or different; `None` when
/// either is missing.
pub(crate) fn surname_level(a: u32, b: u32, vocab: &Vocab) -> Option<SurnameLevel> {
    if a == NONE || b == NONE {
        return None;
    }
    if a == b {
        return Some(SurnameLevel::Exact);
    }
    Some(memo::level(Space::Surname, vocab.id, a, b, || {
        surname_text_level(vocab.text(a), vocab.text(b))
    }))
}

/// Level of two given-name (or father's name) keys: exact, close spelling, an initial that agrees,
/// or different; `None` when either is missing.
pub(crate) fn given_level(a: u32, b: u32, vocab: &Vocab) -> Option<GivenLevel> {
    if a == NONE || b == NONE {
        return None;
    }
    if a == b {
        return Some(GivenLevel::Exact);
    }
    Some(memo::level(Space::Given, vocab.id, a, b, || {
        given_text_level(vocab.text(a), vocab.text(b), true)
    }))
}

/// Level of two present surname key texts.
pub(crate) fn surname_text_level(s: &str, t: &str) -> SurnameLevel {
    if s == t {
        SurnameLevel::Exact
    } else if is_close(s, t) {
        SurnameLevel::Close
    } else if is_similar(s, t) {
        SurnameLevel::Similar
    } else {
        SurnameLevel::Different
    }
}

/// Level of two present given-name key texts; an initial agrees only when `initials` allows.
pub(crate) fn given_text_level(s: &str, t: &str, initials: bool) -> GivenLevel {
    if s == t {
        GivenLevel::Exact
    } else if initials && is_initial_of(s, t) {
        GivenLevel::Initial
    } else if is_close(s, t) {
        GivenLevel::Close
    } else {
        GivenLevel::Different
    }
}

/// Similar spelling of longer keys: Jaro-Winkler at least [`SIMILAR_JW`].
fn is_similar(s: &str, t: &str) -> bool {
    similar_spelling(s, t, 4)
}

/// Jaro-Winkler at least [`SIMILAR_JW`], both keys of `min_letters` letters or more.
fn similar_spelling(s: &str, t: &str, min_letters: usize) -> bool {
    let long = |k: &str| similarity::longer_than(k, min_letters - 1);
    long(s) && long(t) && similarity::jaro_winkler(s, t) >= SIMILAR_JW
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
    let short = !similarity::longer_than(s, SHORT_KEY) || !similarity::longer_than(t, SHORT_KEY);
    if short && s.chars().next() != t.chars().next() {
        return false;
    }
    if similarity::jaro_winkler(s, t) >= CLOSE_JW {
        return true;
    }
    let (ls, lt) = (similarity::char_count(s), similarity::char_count(t));
    ls.min(lt) >= 5 && ls.abs_diff(lt) <= 1 && similarity::levenshtein(s, t) <= 1
}

/// Whether two longer keys differ as a typo would: Jaro-Winkler at least [`SIMILAR_JW`], both
/// of five letters or more.
pub(crate) fn is_slip(s: &str, t: &str) -> bool {
    similar_spelling(s, t, 5)
}

/// Level of two birth intervals.
pub(crate) fn birth_level(a: &Birth, b: &Birth) -> BirthLevel {
    if a.day && b.day {
        match (a.lo - b.lo).abs() {
            0 => return BirthLevel::SameDay,
            12 | 13 => return BirthLevel::Julian,
            _ => {}
        }
    }
    if a.lo <= b.hi && b.lo <= a.hi {
        return BirthLevel::Overlap;
    }
    let year_gap = (a.year_lo - b.year_hi).max(b.year_lo - a.year_hi).max(0);
    if year_gap > 1 {
        BirthLevel::Far
    } else if a.day && b.day && a.month_day == b.month_day {
        BirthLevel::YearSlip
    } else if a.day && b.day {
        BirthLevel::DaysDiffer
    } else {
        BirthLevel::OneYear
    }
}

/// Level of two event dates: the same day, overlapping intervals (a year beside a day of it),
/// within a month (a clerk's slip of a day or a digit), or further apart; `None` when either is
/// missing.
pub(crate) fn event_level(a: Option<Span>, b: Option<Span>) -> Option<EventLevel> {
    let (a, b) = a.zip(b)?;
    if a.day && b.day && a.lo == b.lo {
        return Some(EventLevel::SameDay);
    }
    if a.lo <= b.hi && b.lo <= a.hi {
        return Some(EventLevel::Overlap);
    }
    let gap = (a.lo - b.hi).max(b.lo - a.hi);
    Some(if gap <= NEAR_DAYS {
        EventLevel::WithinMonth
    } else {
        EventLevel::Far
    })
}

/// Whether the levels carry real evidence that the names are one person's: a surname that
/// agrees (exactly, closely or similarly, directly or with name parts swapped), or, when one side
/// has a single name part, a given name that agrees with it. A given name and a birth year alone
/// are not enough.
pub(crate) fn has_name_evidence(levels: &Levels) -> bool {
    match levels.get(SURNAME) {
        Some(surname) => surname != SurnameLevel::Different,
        None => matches!(
            levels.get(GIVEN),
            Some(GivenLevel::Exact | GivenLevel::Close)
        ),
    }
}

/// Agreement of two interned values; `None` when either is missing.
fn id_level(a: u32, b: u32) -> Option<Agreement> {
    agreement(a != NONE && b != NONE, a == b)
}

/// Agreement of two present values, or `None`.
fn agreement(present: bool, same: bool) -> Option<Agreement> {
    present.then_some(if same {
        Agreement::Agree
    } else {
        Agreement::Differ
    })
}

/// Whether two mentions come from different sources or one.
fn source_level(x: &Feat, y: &Feat) -> SourceLevel {
    if x.source == y.source {
        SourceLevel::SameSource
    } else {
        SourceLevel::DifferentSources
    }
}

/// Agreement of sentences: the same key, the same kind with another or no term (`camp:8`,
/// `camp:10`), or another kind.
fn sentence_level(x: &Feat, y: &Feat) -> Option<SentenceLevel> {
    if x.sentence == NONE || y.sentence == NONE {
        None
    } else if x.sentence == y.sentence {
        Some(SentenceLevel::Agree)
    } else if x.sentence_kind == y.sentence_kind {
        Some(SentenceLevel::SameKind)
    } else {
        Some(SentenceLevel::Differ)
    }
}

/// Agreement of inferred genders.
fn gender_level(x: &Feat, y: &Feat) -> Option<Agreement> {
    agreement(x.gender != 0 && y.gender != 0, x.gender == y.gender)
}

/// Pairs compared together: their second mentions' features are read in one go first.
const BATCH: usize = 32;

/// Reads the features of each pair's second mention (its row and its generic values), so that
/// the memory reads of a batch of pairs wait together rather than one after another. Pairs come
/// sorted by their first mention, whose features are at hand; the second is anywhere among a
/// million rows, and waiting for it one pair at a time was most of the comparison's time.
fn warm(feats: &Features, batch: &[u64]) {
    let mut touched = 0u32;
    for &pair in batch {
        let b = super::block::unpack(pair).1;
        if let Some(&row) = feats.rows.get(b) {
            std::hint::black_box(row);
        }
        for column in &feats.generic.columns {
            touched ^= column.ids.get(b).copied().unwrap_or(0);
        }
    }
    std::hint::black_box(touched);
}

/// Calls `each` with every pair's slot of `slots` and its two mentions, in parallel batches whose
/// second mentions' features are read ahead together (see [`warm`]).
pub(crate) fn for_each_pair(
    feats: &Features,
    pairs: &[u64],
    slots: &mut [u64],
    each: impl Fn(&mut u64, usize, usize) + Sync,
) {
    slots
        .par_chunks_mut(BATCH)
        .zip(pairs.par_chunks(BATCH))
        .for_each(|(slots, batch)| {
            warm(feats, batch);
            for (slot, &pair) in slots.iter_mut().zip(batch) {
                let (a, b) = super::block::unpack(pair);
                each(slot, a, b);
            }
        });
}
