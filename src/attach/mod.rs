//! Stage 4: persons get their ids, and rehabilitation decisions are attached to them.

#[cfg(doc)]
use crate::model::person_of_mentions;
use crate::model::{Decision, Mention, Person};
use crate::state::{IdReport, Registry, ids};

pub mod events;

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

/// The decisions of every person: the decision mentions that agree are one decision with its
/// attestations (see [`events`]).
pub fn attach_decisions(mentions: &[Mention], persons: &[Person]) -> Vec<Decision> {
    events::decisions(mentions, persons)
}
