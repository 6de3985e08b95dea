//! A text waterfall of why a cluster is what it is: its mentions, the edges that merged it with
//! each field's contribution, and the best pairs that were kept apart.

use super::{Edge, Linkage};
use crate::model::Mention;
use std::fmt::Write;

/// Explains one cluster (mention indices) of a linkage as plain text.
pub fn explain(mentions: &[Mention], linkage: &Linkage, cluster: &[usize]) -> String {
    let mut out = String::new();
    let inside = |i: usize| cluster.contains(&i);
    let _ = writeln!(out, "cluster of {} mention(s)", cluster.len());
    for &i in cluster {
        let _ = writeln!(out, "  [{i}] {}", describe(mentions, i));
    }
    let merges: Vec<&Edge> = linkage
        .edges
        .iter()
        .filter(|e| inside(e.a) && inside(e.b))
        .collect();
    section(&mut out, "merge edges", &merges);
    let review: Vec<&Edge> = linkage
        .review
        .iter()
        .filter(|e| inside(e.a) || inside(e.b))
        .collect();
    section(&mut out, "review", &review);
    ambiguous(&mut out, mentions, linkage, cluster);
    let misses: Vec<&Edge> = linkage
        .near_misses
        .iter()
        .filter(|e| inside(e.a) != inside(e.b))
        .collect();
    section(&mut out, "near misses (kept apart)", &misses);
    for e in misses {
        let outside = if inside(e.a) { e.b } else { e.a };
        let _ = writeln!(out, "  [{outside}] {}", describe(mentions, outside));
    }
    out
}

/// The mentions of the cluster that fit two or more persons about equally and joined none, or
/// that the cluster competes for: each competing pair with its waterfall and the mention at its
/// other end.
fn ambiguous(out: &mut String, mentions: &[Mention], linkage: &Linkage, cluster: &[usize]) {
    let touches = |e: &Edge| cluster.contains(&e.a) || cluster.contains(&e.b);
    let contests = linkage
        .ambiguous
        .iter()
        .filter(|pairs| pairs.iter().any(touches));
    for pairs in contests {
        let Some(first) = pairs.first() else { continue };
        let contested = match pairs.get(1) {
            Some(second) if second.a == first.b || second.b == first.b => first.b,
            _ => first.a,
        };
        let _ = writeln!(
            out,
            "ambiguous: [{contested}] {} fits {} persons about equally and joined none:",
            describe(mentions, contested),
            pairs.len()
        );
        for e in pairs {
            waterfall(out, e);
            let other = if e.a == contested { e.b } else { e.a };
            let _ = writeln!(
                out,
                "      the other: [{other}] {}",
                describe(mentions, other)
            );
        }
    }
}

/// One line describing a mention.
fn describe(mentions: &[Mention], i: usize) -> String {
    let Some(m) = mentions.get(i) else {
        return "(no such mention)".to_string();
    };
    let birth = m
        .birth
        .value
        .as_ref()
        .map_or(m.birth.raw.as_str(), |d| d.edtf.as_str());
    let place = m
        .birth_place
        .value
        .as_ref()
        .map_or(m.birth_place.raw.as_str(), |p| p.key.as_str());
    format!(
        "{}  {}  born {}  at {}",
        m.prov.key(),
        m.name_raw,
        or_dash(birth),
        or_dash(place)
    )
}

/// The text, or a dash when it is empty.
fn or_dash(text: &str) -> &str {
    if text.is_empty() { "-" } else { text }
}

/// A titled list of edges with their waterfalls.
fn section(out: &mut String, title: &str, edges: &[&Edge]) {
    if edges.is_empty() {
        return;
    }
    let _ = writeln!(out, "{title}:");
    for e in edges {
        waterfall(out, e);
    }
}

/// One edge: header line, then each field's level and weight with the running total.
fn waterfall(out: &mut String, e: &Edge) {
    let _ = writeln!(
        out,
        "  [{}] - [{}]  score {:+.2}, one person with probability {:.3}  ({})",
        e.a,
        e.b,
        e.score,
        probability(e.score),
        e.note
    );
    let mut running = 0.0;
    for (field, level, weight) in e.contributions() {
        running += weight;
        let _ = writeln!(
            out,
            "      {field:<13} {level:<17} {weight:+7.2}  = {running:+7.2}"
        );
    }
}

/// The probability a score (log2 odds) stands for.
fn probability(score: f64) -> f64 {
    1.0 / (1.0 + (-score).exp2())
}
