//! What a person's mentions say together: preferred name forms, birth interval, birth place.
//! Computed once per person after attachment, for every output that describes persons.

use crate::model::{Gender, Mention, Person, Place, Script};
use chrono::NaiveDate;
use rayon::prelude::*;
use std::collections::HashMap;
use std::hash::Hash;
use std::sync::Arc;

/// The summary of one person written to `persons.csv`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Summary {
    /// The most frequent Cyrillic name form, else the most frequent form.
    pub name: String,
    /// The most frequent Latin-script name form.
    pub name_latin: String,
    /// The most frequent surname key.
    pub surname_key: String,
    /// The most frequent given-name key.
    pub given_key: String,
    /// The most frequent father's-name key.
    pub father_key: String,
    /// The gender most mentions indicate.
    pub gender: Option<Gender>,
    /// Birth interval: the intersection of the mentions' intervals, or their span when they do
    /// not overlap.
    pub birth: Option<(NaiveDate, NaiveDate)>,
    /// The most frequent resolved birth place (modern name and gazetteer key), shared with the
    /// mentions that name it.
    pub place: Option<Arc<Place>>,
}

/// Summarises every person, in person order, in parallel.
pub fn summarize_all(mentions: &[Mention], persons: &[Person]) -> Vec<Summary> {
    persons
        .par_iter()
        .map(|p| {
            let members: Vec<&Mention> = p.mentions.iter().map(|&i| &mentions[i]).collect();
            summarize(&members)
        })
        .collect()
}

/// Summarises the mentions of one person.
pub fn summarize(mentions: &[&Mention]) -> Summary {
    let form = |m: &&Mention| display_name(m);
    let in_script = |s: Script| {
        most_frequent(
            mentions
                .iter()
                .filter(|m| m.name.script == Some(s))
                .map(form),
        )
    };
    let name = Some(in_script(Script::Cyrillic))
        .filter(|n| !n.is_empty())
        .unwrap_or_else(|| most_frequent(mentions.iter().map(form)));
    Summary {
        name,
        name_latin: in_script(Script::Latin),
        surname_key: most_frequent(mentions.iter().map(|m| m.name.surname_key.clone())),
        given_key: most_frequent(mentions.iter().map(|m| m.name.given_key.clone())),
        father_key: most_frequent(mentions.iter().map(|m| m.name.father_key.clone())),
        gender: majority_gender(mentions),
        birth: birth_interval(mentions),
        place: most_frequent_place(mentions),
    }
}

/// The most frequent resolved birth place by modern name and key; ties go to the first seen.
fn most_frequent_place(mentions: &[&Mention]) -> Option<Arc<Place>> {
    let places = mentions.iter().filter_map(|m| m.birth_place.value.as_ref());
    most_frequent_by(places, |p| (p.modern.clone(), p.key.clone())).map(Arc::clone)
}

/// A mention's name as `Surname Given Patronymic`, or as written when it has no parts.
fn display_name(m: &Mention) -> String {
    let n = &m.name;
    let parts: Vec<&str> = [&n.surname, &n.given, &n.patronymic]
        .into_iter()
        .map(String::as_str)
        .filter(|s| !s.is_empty())
        .collect();
    if parts.is_empty() {
        m.name_raw.clone()
    } else {
        parts.join(" ")
    }
}

/// The most frequent non-empty value; ties go to the one seen first.
fn most_frequent(values: impl Iterator<Item = String>) -> String {
    most_frequent_by(values.filter(|v| !v.is_empty()), String::clone).unwrap_or_default()
}

/// The first-seen item of the most frequent key; ties go to the key seen first.
fn most_frequent_by<T, K: Eq + Hash>(
    items: impl Iterator<Item = T>,
    key: impl Fn(&T) -> K,
) -> Option<T> {
    let mut counts: HashMap<K, (usize, usize)> = HashMap::new();
    let mut firsts: Vec<T> = Vec::new();
    for item in items {
        let slot = counts.entry(key(&item)).or_insert_with(|| {
            firsts.push(item);
            (0, firsts.len() - 1)
        });
        slot.0 += 1;
    }
    let (_, first) = counts
        .into_values()
        .max_by(|a, b| (a.0, std::cmp::Reverse(a.1)).cmp(&(b.0, std::cmp::Reverse(b.1))))?;
    firsts.into_iter().nth(first)
}

fn majority_gender(mentions: &[&Mention]) -> Option<Gender> {
    let count = |g: Gender| mentions.iter().filter(|m| m.name.gender == Some(g)).count();
    let (male, female) = (count(Gender::Male), count(Gender::Female));
    match male.cmp(&female) {
        std::cmp::Ordering::Greater => Some(Gender::Male),
        std::cmp::Ordering::Less => Some(Gender::Female),
        std::cmp::Ordering::Equal => None,
    }
}

fn birth_interval(mentions: &[&Mention]) -> Option<(NaiveDate, NaiveDate)> {
    let dates: Vec<_> = mentions
        .iter()
        .filter_map(|m| m.birth.value.as_ref())
        .collect();
    let earliest = dates.iter().map(|d| d.earliest).max()?;
    let latest = dates.iter().map(|d| d.latest).min()?;
    let (from, to) = if earliest <= latest {
        (earliest, latest)
    } else {
        let span_from = dates.iter().map(|d| d.earliest).min()?;
        let span_to = dates.iter().map(|d| d.latest).max()?;
        (span_from, span_to)
    };
    Some((from, to))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_most_frequent_value_wins_and_ties_go_to_the_first_seen() {
        let values = ["b", "a", "", "a", "b", "c"].map(String::from);
        assert_eq!(most_frequent(values.into_iter()), "b");
        let values = ["x", "y", "y", ""].map(String::from);
        assert_eq!(most_frequent(values.into_iter()), "y");
        assert_eq!(most_frequent(std::iter::empty()), "");
    }
}
