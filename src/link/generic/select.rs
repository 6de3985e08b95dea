//! Which columns are compared. Every column a mention keeps in `extra` (mapped fields no output
//! column holds, such as residence and occupation, and unmapped columns) is a candidate; columns
//! of several sources with one folded header are one candidate, and so are columns of different
//! sources whose headers name one field (`Адрес` in one list, `Место жительства` in another).
//! A candidate is left out when it holds fewer than two values or a single distinct one, when
//! its header names a field the linker already compares, when it is a record id (its values
//! never repeat within a source, and it is a running number or found in one source only: it
//! carries no evidence across rows), and when it holds prose (notes) rather than values; a
//! column a configuration names (`compare = [...]`) is kept whatever these say. At most
//! [`MAX_GENERIC`] are kept: named ones first, then those with the most values.

use super::{Kind, MAX_GENERIC, fold_distinct};
use crate::ingest::headers::{HeaderDictionary, header_key};
use crate::model::{Field, Mention, is_unknown_marker};
use crate::normalize::text::is_letter_or_digit;
use rayon::prelude::*;
use rustc_hash::{FxHashMap, FxHashSet};
use std::collections::{BTreeMap, BTreeSet, HashSet};

/// Share of values that must look like codes (mostly digits) for a code or number column.
const CODE_SHARE: f64 = 0.9;
/// Share of consecutive rows whose numbers increase in a running number.
const RUNNING_SHARE: f64 = 0.9;
/// Numbers of at most this many characters are short numbers, not codes.
const SHORT_NUMBER: usize = 3;
/// A text column whose median value is longer than this is prose, not a value.
const PROSE_CHARS: usize = 60;

/// A column chosen for comparison, with its values.
pub(super) struct Chosen<'a> {
    /// The header as first written.
    pub header: &'a str,
    /// How values are compared.
    pub kind: Kind,
    /// The sources holding the column, sorted.
    pub sources: Vec<String>,
    /// The values as (mention, text), in mention order.
    pub values: Vec<(usize, &'a str)>,
    /// Each distinct text of `values` with its folded form (see [`Kind::fold`]).
    pub folded: FxHashMap<&'a str, String>,
}

/// A candidate column: its values as (mention, text), in mention order.
struct Candidate<'a> {
    header: &'a str,
    field: Option<Field>,
    values: Vec<(usize, &'a str)>,
    sources: BTreeSet<&'a str>,
    named: bool,
}

impl<'a> Candidate<'a> {
    /// A column with no values yet.
    fn new(header: &'a str, field: Option<Field>) -> Candidate<'a> {
        Candidate {
            header,
            field,
            values: Vec::new(),
            sources: BTreeSet::new(),
            named: false,
        }
    }
}

/// The columns to compare, in order of their folded headers.
pub(super) fn choose<'a>(mentions: &'a [Mention], named: &[(String, String)]) -> Vec<Chosen<'a>> {
    let named: HashSet<(&str, String)> = named
        .iter()
        .map(|(source, header)| (source.as_str(), header_key(header)))
        .collect();
    let candidates = merge_by_field(candidates(mentions, &named));
    let mut kept: Vec<(Candidate, Kind, FxHashMap<&str, String>)> = candidates
        .into_par_iter()
        .with_max_len(1)
        .filter_map(|c| {
            let kind = kind_of(&c.values);
            if !c.named && !may_carry_evidence(&c, kind) {
                return None;
            }
            let folded = fold_distinct(kind, &c.values);
            let evidence = c.named || !is_record_id(&c, &folded, mentions);
            (evidence && distinct_values(&folded) >= 2).then_some((c, kind, folded))
        })
        .collect();
    kept.sort_by(|(x, ..), (y, ..)| {
        y.named
            .cmp(&x.named)
            .then(y.values.len().cmp(&x.values.len()))
            .then(header_key(x.header).cmp(&header_key(y.header)))
    });
    kept.truncate(MAX_GENERIC);
    kept.sort_by_key(|(c, ..)| header_key(c.header));
    kept.into_iter()
        .map(|(c, kind, folded)| Chosen {
            header: c.header,
            kind,
            sources: c.sources.iter().map(|s| s.to_string()).collect(),
            values: c.values,
            folded,
        })
        .collect()
}

/// Every column kept in `extra`, by folded header, with the field its header names.
fn candidates<'a>(mentions: &'a [Mention], named: &HashSet<(&str, String)>) -> Vec<Candidate<'a>> {
    let dictionary = HeaderDictionary::builtin();
    // Folded headers, each with its candidate once a value is seen under it.
    let mut slots: Vec<(String, Option<Candidate<'a>>)> = Vec::new();
    let mut slot_of_key: FxHashMap<String, usize> = FxHashMap::default();
    // A source writes its headers on every row: each distinct header is folded once and its
    // slot kept ([`NO_SLOT`] for a header that folds to nothing).
    let mut slot_of_header: FxHashMap<&str, usize> = FxHashMap::default();
    for (i, m) in mentions.iter().enumerate() {
        for (header, text) in &m.extra {
            let slot = *slot_of_header.entry(header.as_str()).or_insert_with(|| {
                let key = header_key(header);
                if key.is_empty() {
                    return NO_SLOT;
                }
                *slot_of_key.entry(key.clone()).or_insert_with(|| {
                    slots.push((key, None));
                    slots.len() - 1
                })
            });
            if slot == NO_SLOT || text.trim().is_empty() || is_unknown_marker(text) {
                continue;
            }
            let (key, c) = &mut slots[slot];
            let c = c.get_or_insert_with(|| {
                let field = dictionary.lookup(header).map(|(field, _)| field);
                Candidate::new(header, field)
            });
            if c.values.last().is_some_and(|&(last, _)| last == i) {
                continue;
            }
            c.values.push((i, text));
            c.sources.insert(&m.prov.source);
            c.named |= !named.is_empty() && named.contains(&(m.prov.source.as_str(), key.clone()));
        }
    }
    slots.sort_unstable_by(|(x, _), (y, _)| x.cmp(y));
    slots.into_iter().filter_map(|(_, c)| c).collect()
}

/// The slot of a header that folds to nothing.
const NO_SLOT: usize = usize::MAX;

/// Joins candidates of disjoint sources whose headers name one field: one list's `Адрес` and
/// another's `Место жительства` are one column. Two columns of one source naming one field
/// (`address_1`, `address_2`) stay apart.
fn merge_by_field(candidates: Vec<Candidate<'_>>) -> Vec<Candidate<'_>> {
    let mut merged: Vec<Candidate> = Vec::new();
    for c in candidates {
        let into = merged
            .iter_mut()
            .find(|m| c.field.is_some() && m.field == c.field && m.sources.is_disjoint(&c.sources));
        match into {
            Some(m) => {
                m.values.extend(c.values);
                m.values.sort_unstable_by_key(|&(i, _)| i);
                m.sources.extend(c.sources);
                m.named |= c.named;
            }
            None => merged.push(c),
        }
    }
    merged
}

/// Whether a column that no configuration names may be evidence: two values or more, no field
/// the linker compares, no prose. It is, unless it is a record id (see [`is_record_id`]).
fn may_carry_evidence(c: &Candidate, kind: Kind) -> bool {
    let prose = kind == Kind::Text && median_chars(&c.values) > PROSE_CHARS;
    c.values.len() >= 2 && !prose && !c.field.is_some_and(is_compared)
}

/// Whether the linker's fixed fields compare a field (a second birth-date column kept in
/// `extra` is not compared again).
fn is_compared(field: Field) -> bool {
    matches!(
        field,
        Field::FullName
            | Field::Surname
            | Field::Given
            | Field::Patronymic
            | Field::BirthDate
            | Field::BirthPlace
            | Field::Gender
            | Field::Nationality
            | Field::ArrestDate
            | Field::Sentence
            | Field::DecisionDate
            | Field::CaseNumber
    )
}

/// The kind of a column from its values: codes when nearly all are mostly digits, numbers when
/// those are short, else text.
pub(super) fn kind_of(values: &[(usize, &str)]) -> Kind {
    let codes: Vec<usize> = values
        .iter()
        .filter_map(|(_, text)| code_length(text))
        .collect();
    if (codes.len() as f64) < CODE_SHARE * values.len() as f64 {
        return Kind::Text;
    }
    let short = codes.iter().filter(|&&n| n <= SHORT_NUMBER).count();
    if short as f64 >= CODE_SHARE * codes.len() as f64 {
        Kind::Number
    } else {
        Kind::Code
    }
}

/// The number of letters and digits of a value that looks like a code (at least three fifths
/// of them digits), else `None`.
fn code_length(text: &str) -> Option<usize> {
    let (mut alphanumeric, mut digits) = (0, 0);
    for c in text.chars() {
        alphanumeric += usize::from(is_letter_or_digit(c));
        digits += usize::from(c.is_ascii_digit());
    }
    (digits > 0 && digits * 5 >= alphanumeric * 3).then_some(alphanumeric)
}

/// Number of distinct folded values.
fn distinct_values(folded: &FxHashMap<&str, String>) -> usize {
    let distinct: FxHashSet<&str> = folded.values().map(String::as_str).collect();
    distinct.len()
}

/// Whether a column is a record id: its values (`folded`: each distinct text folded) never
/// repeat within a source, and it is found in one source only or counts the rows (numbers rising
/// from row to row).
fn is_record_id(c: &Candidate, folded: &FxHashMap<&str, String>, mentions: &[Mention]) -> bool {
    let mut by_source: BTreeMap<&str, Vec<(u64, &str)>> = BTreeMap::new();
    for &(i, text) in &c.values {
        let m = &mentions[i];
        by_source
            .entry(m.prov.source.as_str())
            .or_default()
            .push((m.prov.row, folded.get(text).map_or("", String::as_str)));
    }
    let unique = by_source.values().all(|rows| {
        let distinct: FxHashSet<&str> = rows.iter().map(|&(_, v)| v).collect();
        distinct.len() == rows.len()
    });
    unique && (by_source.len() == 1 || by_source.values_mut().all(|rows| is_running(rows)))
}

/// Whether a source's values are numbers rising with the row.
fn is_running(rows: &mut [(u64, &str)]) -> bool {
    rows.sort_unstable();
    let numbers: Option<Vec<u64>> = rows.iter().map(|(_, v)| v.parse().ok()).collect();
    let Some(numbers) = numbers else {
        return false;
    };
    let rising = numbers.windows(2).filter(|w| w[1] > w[0]).count();
    rising as f64 >= RUNNING_SHARE * numbers.len().saturating_sub(1) as f64
}

/// The median length of the values, in characters.
fn median_chars(values: &[(usize, &str)]) -> usize {
    let mut lengths: Vec<usize> = values.iter().map(|(_, t)| t.chars().count()).collect();
    lengths.sort_unstable();
    lengths.get(lengths.len() / 2).copied().unwrap_or(0)
}
