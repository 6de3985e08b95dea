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
use rustc_hash::FxHashMap;
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
    let mut kept: Vec<(Candidate, Kind)> = candidates
        .into_iter()
        .filter_map(|c| {
            let kind = kind_of(&c.values);
            (c.named || carries_evidence(&c, kind, mentions)).then_some((c, kind))
        })
        .filter(|(c, kind)| distinct_values(c, *kind) >= 2)
        .collect();
    kept.sort_by(|(x, _), (y, _)| {
        y.named
            .cmp(&x.named)
            .then(y.values.len().cmp(&x.values.len()))
            .then(header_key(x.header).cmp(&header_key(y.header)))
    });
    kept.truncate(MAX_GENERIC);
    kept.sort_by_key(|(c, _)| header_key(c.header));
    kept.into_iter()
        .map(|(c, kind)| Chosen {
            header: c.header,
            kind,
            sources: c.sources.iter().map(|s| s.to_string()).collect(),
            values: c.values,
        })
        .collect()
}

/// Every column kept in `extra`, by folded header, with the field its header names.
fn candidates<'a>(mentions: &'a [Mention], named: &HashSet<(&str, String)>) -> Vec<Candidate<'a>> {
    let dictionary = HeaderDictionary::builtin();
    let mut by_key: BTreeMap<String, Candidate<'a>> = BTreeMap::new();
    // A source writes its headers on every row: each distinct header is folded once.
    let mut keys: FxHashMap<&str, String> = FxHashMap::default();
    for (i, m) in mentions.iter().enumerate() {
        for (header, text) in &m.extra {
            let key = keys
                .entry(header.as_str())
                .or_insert_with(|| header_key(header));
            if key.is_empty() || text.trim().is_empty() || is_unknown_marker(text) {
                continue;
            }
            if !by_key.contains_key(key.as_str()) {
                let field = dictionary.lookup(header).map(|(field, _)| field);
                by_key.insert(key.clone(), Candidate::new(header, field));
            }
            let Some(c) = by_key.get_mut(key.as_str()) else {
                continue;
            };
            if c.values.last().is_some_and(|&(last, _)| last == i) {
                continue;
            }
            c.values.push((i, text));
            c.sources.insert(&m.prov.source);
            c.named |= !named.is_empty() && named.contains(&(m.prov.source.as_str(), key.clone()));
        }
    }
    by_key.into_values().collect()
}

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

/// Whether a column that no configuration names is evidence: two values or more, no field the
/// linker compares, no record id, no prose.
fn carries_evidence(c: &Candidate, kind: Kind, mentions: &[Mention]) -> bool {
    let prose = kind == Kind::Text && median_chars(&c.values) > PROSE_CHARS;
    c.values.len() >= 2
        && !prose
        && !c.field.is_some_and(is_compared)
        && !is_record_id(c, kind, mentions)
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
    let alphanumeric = text.chars().filter(|c| c.is_alphanumeric()).count();
    let digits = text.chars().filter(char::is_ascii_digit).count();
    (digits > 0 && digits * 5 >= alphanumeric * 3).then_some(alphanumeric)
}

/// Number of distinct folded values.
fn distinct_values(c: &Candidate, kind: Kind) -> usize {
    let folded: HashSet<String> = fold_distinct(kind, &c.values).into_values().collect();
    folded.len()
}

/// Whether a column is a record id: its values never repeat within a source, and it is found in
/// one source only or counts the rows (numbers rising from row to row).
fn is_record_id(c: &Candidate, kind: Kind, mentions: &[Mention]) -> bool {
    let folded = fold_distinct(kind, &c.values);
    let mut by_source: BTreeMap<&str, Vec<(u64, &str)>> = BTreeMap::new();
    for &(i, text) in &c.values {
        let m = &mentions[i];
        by_source
            .entry(m.prov.source.as_str())
            .or_default()
            .push((m.prov.row, folded.get(text).map_or("", String::as_str)));
    }
    let unique = by_source.values().all(|rows| {
        let distinct: HashSet<&str> = rows.iter().map(|&(_, v)| v).collect();
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
