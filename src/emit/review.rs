//! `review.csv`: borderline pairs side by side for a person to judge. Filling in its `judgement`
//! column (`same` or `different`) makes it a links file for the next run (`--links review.csv`).

use super::row::Row;
use crate::link::Edge;
use crate::model::Mention;
use crate::model::Outcome;

/// The header of `review.csv`.
pub const HEADER: [&str; 21] = [
    "a",
    "b",
    "judgement",
    "score",
    "note",
    "a_person_id",
    "b_person_id",
    "a_name",
    "b_name",
    "a_patronymic",
    "b_patronymic",
    "a_birth",
    "b_birth",
    "a_birth_place",
    "b_birth_place",
    "a_nationality",
    "b_nationality",
    "a_case_number",
    "b_case_number",
    "a_row",
    "b_row",
];

/// The pairs of `review.csv`, one per row, what a judgement changes most first: every mention that fits two
/// or more persons about equally (one row per person it fits, the mentions whose persons hold
/// the most mentions first), then the borderline pairs by the number of mentions a judgement
/// moves (the sizes of the persons of both ends), then by score.
pub fn edges(outcome: &Outcome) -> Vec<&Edge> {
    let mut ambiguous: Vec<&Vec<Edge>> = outcome.linkage.ambiguous.iter().collect();
    ambiguous.sort_by_key(|pairs| std::cmp::Reverse(reach(outcome, pairs)));
    let mut borderline: Vec<&Edge> = outcome.linkage.review.iter().collect();
    borderline.sort_by(|x, y| {
        let (sx, sy) = (stake(outcome, x), stake(outcome, y));
        sy.cmp(&sx)
            .then(y.score.total_cmp(&x.score))
            .then((x.a, x.b).cmp(&(y.a, y.b)))
    });
    ambiguous.into_iter().flatten().chain(borderline).collect()
}

/// The number of mentions in the person holding a mention.
fn person_size(outcome: &Outcome, mention: usize) -> usize {
    outcome
        .person_of
        .get(mention)
        .copied()
        .flatten()
        .map_or(1, |p| outcome.persons[p].mentions.len())
}

/// How many mentions a judgement of a pair moves: the persons of both ends (one person, once,
/// when the pair was merged).
fn stake(outcome: &Outcome, edge: &Edge) -> usize {
    let (a, b) = (outcome.person_of[edge.a], outcome.person_of[edge.b]);
    match a == b {
        true => person_size(outcome, edge.a),
        false => person_size(outcome, edge.a) + person_size(outcome, edge.b),
    }
}

/// How many mentions the persons a contested mention fits hold together.
fn reach(outcome: &Outcome, pairs: &[Edge]) -> usize {
    pairs.iter().map(|e| stake(outcome, e)).sum()
}

/// The row of `review.csv` for one pair.
pub fn row(edge: &Edge, outcome: &Outcome, row: &mut Row) {
    let (a, b) = (&outcome.mentions[edge.a], &outcome.mentions[edge.b]);
    row.clear();
    row.push_display(a.prov.key_display());
    row.push_display(b.prov.key_display());
    row.push_empty();
    row.push_with(|text| super::decimal::push_fixed(text, edge.score, 2));
    row.push(edge.note);
    row.push(outcome.person_id_of(edge.a));
    row.push(outcome.person_id_of(edge.b));
    let mut pair = |f: fn(&Mention) -> &str| [a, b].iter().for_each(|m| row.push(f(m)));
    pair(|m| &m.name_raw);
    pair(|m| &m.name.patronymic);
    pair(|m| &m.birth.raw);
    pair(|m| &m.birth_place.raw);
    pair(|m| &m.nationality);
    pair(|m| &m.case_number);
    for m in [a, b] {
        row.push_display(format_args!("{}:{}", m.prov.source, m.prov.row));
    }
}
