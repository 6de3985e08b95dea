//! Stage 4: persons get their ids, and rehabilitation decisions are attached to them.

use crate::model::{Decision, Mention, Person};
use crate::state::{IdReport, Registry, ids};

/// Gives each cluster its person id from the registry of the previous run: ids follow the
/// majority of a person's carried-over mentions, new persons get ids minted in cluster order
/// (see [`crate::state::ids`]). Returns the persons and the id report (new registry, changes).
pub fn assign_person_ids(
    mentions: &[Mention],
    clusters: &[Vec<usize>],
    previous: &Registry,
) -> (Vec<Person>, IdReport) {
    let (ids, report) = ids::assign(mentions, clusters, previous);
    let persons = clusters
        .iter()
        .zip(ids)
        .map(|(members, id)| Person {
            id,
            mentions: members.clone(),
        })
        .collect();
    (persons, report)
}

/// The decisions carried by the mentions, each attached to the person of its mention, in
/// mention order.
pub fn attach_decisions(mentions: &[Mention], persons: &[Person]) -> Vec<Decision> {
    let mut person_of = vec![usize::MAX; mentions.len()];
    for (p, person) in persons.iter().enumerate() {
        for &m in &person.mentions {
            person_of[m] = p;
        }
    }
    mentions
        .iter()
        .enumerate()
        .filter(|(i, m)| m.has_decision() && person_of[*i] != usize::MAX)
        .map(|(i, m)| Decision {
            id: m.prov.key(),
            person_id: persons[person_of[i]].id.clone(),
            mention: i,
        })
        .collect()
}
