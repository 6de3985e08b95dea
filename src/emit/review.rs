//! `review.csv`: borderline pairs side by side for a person to judge. Filling in its `judgement`
//! column (`same` or `different`) makes it a links file for the next run (`--links review.csv`).

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

/// The rows of `review.csv`, strongest pairs first.
pub fn rows(outcome: &Outcome) -> Vec<Vec<String>> {
    outcome
        .linkage
        .review
        .iter()
        .map(|edge| row(edge, outcome))
        .collect()
}

fn row(edge: &Edge, outcome: &Outcome) -> Vec<String> {
    let (a, b) = (&outcome.mentions[edge.a], &outcome.mentions[edge.b]);
    let pair = |f: fn(&Mention) -> String| [f(a), f(b)];
    let mut cells = vec![
        a.prov.key(),
        b.prov.key(),
        String::new(),
        format!("{:.2}", edge.score),
        edge.note.to_string(),
        outcome.person_id_of(edge.a).to_string(),
        outcome.person_id_of(edge.b).to_string(),
    ];
    cells.extend(pair(|m| m.name_raw.clone()));
    cells.extend(pair(|m| m.name.patronymic.clone()));
    cells.extend(pair(|m| m.birth.raw.clone()));
    cells.extend(pair(|m| m.birth_place.raw.clone()));
    cells.extend(pair(|m| m.nationality.clone()));
    cells.extend(pair(|m| m.case_number.clone()));
    cells.extend(pair(|m| format!("{}:{}", m.prov.source, m.prov.row)));
    cells
}
