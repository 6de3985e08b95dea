//! `edges.csv`: the linkage as the run decided it, stored beside the persons so that what put
//! mentions together (or kept them apart) is read back without linking again: every merge, the
//! borderline pairs, each person's nearest mention kept apart, and the pairs of the mentions
//! that fit two persons about equally, each with the contribution of every field compared.

use super::decimal;
use super::row::Row;
use crate::link::{Edge, FIXED_CONTRIBUTIONS, Linkage};
use crate::model::Outcome;

/// What the linker did with a pair, as `edges.csv` names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EdgeKind {
    /// Put in one person.
    Merge,
    /// A borderline score.
    Review,
    /// The best pair leaving a person, kept apart.
    NearMiss,
    /// A pair of a mention that fits several persons about equally.
    Ambiguous,
}

impl EdgeKind {
    /// The kinds in the order `edges.csv` lists them.
    pub const ALL: [EdgeKind; 4] = [
        EdgeKind::Merge,
        EdgeKind::Review,
        EdgeKind::NearMiss,
        EdgeKind::Ambiguous,
    ];

    /// The kind as written in `edges.csv`.
    pub fn as_str(self) -> &'static str {
        match self {
            EdgeKind::Merge => "merge",
            EdgeKind::Review => "review",
            EdgeKind::NearMiss => "near_miss",
            EdgeKind::Ambiguous => "ambiguous",
        }
    }

    /// The kind written as `text`.
    pub fn parse(text: &str) -> Option<EdgeKind> {
        EdgeKind::ALL.into_iter().find(|k| k.as_str() == text)
    }
}

/// The prefix of a column compared beside the fixed fields (`column:Место работы`).
pub const COLUMN_PREFIX: &str = "column:";

/// The position of the next edge of `edges.csv`: the kind, the index in its list and, for
/// ambiguous pairs, the index within the contested mention's pairs.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Cursor {
    kind: usize,
    next: usize,
    inner: usize,
}

impl Cursor {
    /// The next edge with its kind and, for an ambiguous pair, the side of the contested
    /// mention; `None` after the last.
    pub(crate) fn advance<'l>(
        &mut self,
        linkage: &'l Linkage,
    ) -> Option<(EdgeKind, &'l Edge, Option<char>)> {
        loop {
            let kind = *EdgeKind::ALL.get(self.kind)?;
            let list = match kind {
                EdgeKind::Merge => &linkage.edges,
                EdgeKind::Review => &linkage.review,
                EdgeKind::NearMiss => &linkage.near_misses,
                EdgeKind::Ambiguous => {
                    if let Some(found) = self.next_ambiguous(linkage) {
                        return Some(found);
                    }
                    self.kind += 1;
                    continue;
                }
            };
            if let Some(edge) = list.get(self.next) {
                self.next += 1;
                return Some((kind, edge, None));
            }
            self.kind += 1;
            self.next = 0;
        }
    }

    fn next_ambiguous<'l>(
        &mut self,
        linkage: &'l Linkage,
    ) -> Option<(EdgeKind, &'l Edge, Option<char>)> {
        loop {
            let pairs = linkage.ambiguous.get(self.next)?;
            if let Some(edge) = pairs.get(self.inner) {
                self.inner += 1;
                return Some((EdgeKind::Ambiguous, edge, Some(contested_side(pairs, edge))));
            }
            self.next += 1;
            self.inner = 0;
        }
    }
}

/// The side of `edge` holding the mention its contest is about: the one mention all the
/// contest's pairs share.
fn contested_side(pairs: &[Edge], edge: &Edge) -> char {
    let shared = |m: usize| pairs.iter().all(|e| e.a == m || e.b == m);
    match shared(edge.a) || !shared(edge.b) {
        true => 'a',
        false => 'b',
    }
}

/// The row of `edges.csv` for one pair.
pub(crate) fn edge_row(
    kind: EdgeKind,
    edge: &Edge,
    contested: Option<char>,
    outcome: &Outcome,
    row: &mut Row,
) {
    row.push(kind.as_str());
    match contested {
        Some(side) => row.push_display(side),
        None => row.push_empty(),
    }
    for m in [edge.a, edge.b] {
        row.push(outcome.person_id_of(m));
        let prov = outcome.mentions.get(m).map(|m| &m.prov);
        row.push(prov.map_or("", |p| p.source.as_str()));
        row.push(prov.map_or("", |p| p.record_id.as_str()));
    }
    row.push_with(|text| push_fixed(text, edge.score, 2));
    row.push_with(|text| push_fixed(text, probability(edge.score), 4));
    row.push(edge.note);
    row.push_with(|text| push_contributions(text, edge));
}

/// The probability of one person a score (log2 odds) stands for.
pub fn probability(score: f64) -> f64 {
    1.0 / (1.0 + (-score).exp2())
}

/// A number with `decimals` fixed decimals, never `-0.00`.
fn push_fixed(text: &mut String, value: f64, decimals: usize) {
    let start = text.len();
    decimal::push_fixed(text, value, decimals);
    let written = &text[start..];
    if written.starts_with('-') && written[1..].bytes().all(|b| b == b'0' || b == b'.') {
        text.remove(start);
    }
}

/// The contributions of the fields compared, as a JSON array of `[field, level, weight]`.
fn push_contributions(text: &mut String, edge: &Edge) {
    text.push('[');
    let compared = edge
        .contributions()
        .enumerate()
        .filter(|&(_, (field, level, weight))| compared(field, level, weight));
    for (n, (i, (field, level, weight))) in compared.enumerate() {
        if n > 0 {
            text.push(',');
        }
        text.push('[');
        match i < FIXED_CONTRIBUTIONS {
            true => push_json_string(text, "", field),
            false => push_json_string(text, COLUMN_PREFIX, field),
        }
        text.push(',');
        push_json_string(text, "", level);
        text.push(',');
        push_fixed(text, weight, 2);
        text.push(']');
    }
    text.push(']');
}

/// Whether a contribution tells something: a field missing on either side, and name evidence
/// that takes nothing off, are left out (their weight is 0).
fn compared(field: &str, level: &str, weight: f64) -> bool {
    level != "missing" && (field != "name_evidence" || weight != 0.0)
}

/// `prefix` and `value` as one JSON string literal, as serde_json writes it.
fn push_json_string(text: &mut String, prefix: &str, value: &str) {
    // serde_json escapes only quotes, backslashes and control characters.
    let plain = |s: &str| !s.bytes().any(|b| b < 0x20 || b == b'"' || b == b'\\');
    if plain(prefix) && plain(value) {
        text.push('"');
        text.push_str(prefix);
        text.push_str(value);
        text.push('"');
        return;
    }
    match serde_json::to_string(&format!("{prefix}{value}")) {
        Ok(quoted) => text.push_str(&quoted),
        Err(_) => text.push_str("\"\""),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fixed_decimals_never_write_negative_zero() {
        let mut text = String::new();
        push_fixed(&mut text, -0.001, 2);
        text.push(' ');
        push_fixed(&mut text, -1.236, 2);
        text.push(' ');
        push_fixed(&mut text, 0.99996, 4);
        assert_eq!(text, "0.00 -1.24 1.0000");
    }

    #[test]
    fn kinds_read_back_as_written() {
        for kind in EdgeKind::ALL {
            assert_eq!(EdgeKind::parse(kind.as_str()), Some(kind));
        }
        assert_eq!(EdgeKind::parse("merged"), None);
    }

    #[test]
    fn json_strings_are_escaped() {
        for (prefix, value) in [
            ("", "a \"b\""),
            ("", "Место работы"),
            (COLUMN_PREFIX, "Место работы"),
            (COLUMN_PREFIX, "tab\there\\ \u{1}\u{7f}"),
            ("", ""),
        ] {
            let mut text = String::from("[");
            push_json_string(&mut text, prefix, value);
            let expected = serde_json::to_string(&format!("{prefix}{value}")).unwrap();
            assert_eq!(text, format!("[{expected}"));
        }
    }
}
