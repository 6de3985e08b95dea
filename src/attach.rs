//! Stage 4: persons get their ids, and rehabilitation decisions are attached to them.

use crate::model::{Decision, Mention, Person};
use sha2::{Digest, Sha256};
use std::collections::HashSet;

/// Gives each cluster a person id derived from its earliest-sorting mention key, so that an id
/// does not depend on the order sources were read in or on the thread count.
pub fn assign_person_ids(mentions: &[Mention], clusters: &[Vec<usize>]) -> Vec<Person> {
    let mut used = HashSet::new();
    clusters
        .iter()
        .map(|members| {
            let anchor = members
                .iter()
                .map(|&i| mentions[i].prov.key())
                .min()
                .unwrap_or_default();
            Person {
                id: unique_id(&anchor, &mut used),
                mentions: members.clone(),
            }
        })
        .collect()
}

/// `P` and the first 12 hex digits of the anchor's SHA-256; on the rare clash, more digits.
fn unique_id(anchor: &str, used: &mut HashSet<String>) -> String {
    let hex: String = Sha256::digest(anchor.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    let mut len = 12;
    loop {
        let id = format!("P{}", &hex[..len.min(hex.len())]);
        if used.insert(id.clone()) || len >= hex.len() {
            return id;
        }
        len += 2;
    }
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
