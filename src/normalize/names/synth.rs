//! A synthetic test set of names: people with Cyrillic names built from the given-name data,
//! each written in every romanisation scheme, and the agreement of their keys.
//!
//! Used by the measurement test and by `benches/names.rs`.

use super::data::builtin;
use super::parse;
use crate::model::Gender;
use crate::normalize::translit::{Scheme, render};
use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;
use std::collections::{BTreeMap, BTreeSet};

/// One synthetic person's name in Cyrillic.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SynthName {
    /// Surname (`Шокаев`, `Рахмонзода`, `Шоқай`).
    pub surname: String,
    /// Given name.
    pub given: String,
    /// Patronymic (`Ибрагимович`, `Сәрсенқызы`).
    pub patronymic: String,
}

impl SynthName {
    /// The name in one field, `Фамилия Имя Отчество`.
    pub fn full(&self) -> String {
        format!("{} {} {}", self.surname, self.given, self.patronymic)
    }
}

/// The Cyrillic canonical forms of the given-name classes of one gender, in file order.
pub fn given_names(gender: Gender) -> Vec<String> {
    builtin()
        .classes
        .iter()
        .filter(|c| c.gender == Some(gender) && c.canonical.chars().any(|ch| ch >= 'А'))
        .map(|c| c.canonical.clone())
        .collect()
}

/// Builds one name: the surname from `root` in a style (0 and 3: Russified `-ов/-ев`, 1: Tajik
/// `-зода`, 2: Kazakh without suffix and a `-ұлы/-қызы` patronymic), the patronymic from `father`.
pub fn name_from(root: &str, given: &str, father: &str, style: usize, female: bool) -> SynthName {
    SynthName {
        surname: surname(root, style % 4, female),
        given: given.to_string(),
        patronymic: patronymic(father, style % 4, female),
    }
}

/// `count` people with names drawn from the given-name classes, deterministic for a seed.
pub fn people(count: usize, seed: u64) -> Vec<SynthName> {
    let (men, women) = (given_names(Gender::Male), given_names(Gender::Female));
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let mut pick = |list: &[String]| {
        if list.is_empty() {
            return String::new();
        }
        list[rng.random_range(0..list.len())].clone()
    };
    (0..count)
        .map(|i| {
            let female = i % 4 == 3;
            let given = if female { pick(&women) } else { pick(&men) };
            let root = pick(&men);
            let father = pick(&men);
            name_from(&root, &given, &father, (i / 4) % 4, female)
        })
        .collect()
}

fn ends_in_vowel(s: &str) -> bool {
    s.ends_with([
        'а', 'е', 'и', 'о', 'у', 'ы', 'я', 'э', 'ә', 'ө', 'ұ', 'ү', 'і',
    ])
}

fn surname(root: &str, style: usize, female: bool) -> String {
    let fem = if female { "а" } else { "" };
    match style {
        1 => format!("{root}зода"),
        2 if !female => root.to_string(),
        _ => match root.strip_suffix('й') {
            Some(stem) => format!("{stem}ев{fem}"),
            None if ends_in_vowel(root) => format!("{root}ев{fem}"),
            None => format!("{root}ов{fem}"),
        },
    }
}

fn patronymic(father: &str, style: usize, female: bool) -> String {
    if style == 2 {
        return format!("{father}{}", if female { "қызы" } else { "ұлы" });
    }
    let (m, f) = match father.strip_suffix('й') {
        Some(stem) => return format!("{stem}ев{}", if female { "на" } else { "ич" }),
        None if ends_in_vowel(father) => ("евич", "евна"),
        None => ("ович", "овна"),
    };
    format!("{father}{}", if female { f } else { m })
}

/// How often renderings of one person, and of different people, share their name keys.
#[derive(Debug, Clone, PartialEq)]
pub struct Agreement {
    /// People in the set.
    pub people: usize,
    /// Renderings per person (Cyrillic plus every scheme).
    pub renderings: usize,
    /// Pairs of renderings of one person compared.
    pub same_pairs: usize,
    /// Of those, pairs whose surname_key and given_key both agree.
    pub same_agree: usize,
    /// Pairs of different people (with different Cyrillic names) compared.
    pub different_pairs: usize,
    /// Of those, pairs that share surname_key and given_key in some rendering.
    pub different_agree: usize,
}

impl Agreement {
    /// Share of one person's rendering pairs that agree.
    pub fn same_rate(&self) -> f64 {
        ratio(self.same_agree, self.same_pairs)
    }

    /// Share of different people's pairs that agree (false merges at key level).
    pub fn different_rate(&self) -> f64 {
        ratio(self.different_agree, self.different_pairs)
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

/// Parses every rendering of every person and counts key agreement.
pub fn measure(people: &[SynthName]) -> Agreement {
    let mut same_pairs = 0;
    let mut same_agree = 0;
    let mut owners: BTreeMap<(String, String), BTreeSet<usize>> = BTreeMap::new();
    let mut renderings = 0;
    for (id, person) in people.iter().enumerate() {
        let full = person.full();
        let mut forms = vec![full.clone()];
        forms.extend(Scheme::ALL.iter().map(|s| render(&full, *s)));
        renderings = forms.len();
        let keys: Vec<(String, String)> = forms
            .iter()
            .map(|f| {
                let n = parse(f, None).unwrap_or_default();
                (n.surname_key, n.given_key)
            })
            .collect();
        for (i, a) in keys.iter().enumerate() {
            for b in &keys[i + 1..] {
                same_pairs += 1;
                same_agree += usize::from(a == b);
            }
        }
        for k in keys {
            owners.entry(k).or_default().insert(id);
        }
    }
    let mut merged: BTreeSet<(usize, usize)> = BTreeSet::new();
    for ids in owners.values() {
        let ids: Vec<usize> = ids.iter().copied().collect();
        for (i, a) in ids.iter().enumerate() {
            for b in &ids[i + 1..] {
                let (pa, pb) = (&people[*a], &people[*b]);
                if (&pa.surname, &pa.given) != (&pb.surname, &pb.given) {
                    merged.insert((*a, *b));
                }
            }
        }
    }
    let n = people.len();
    let namesakes = count_namesakes(people);
    Agreement {
        people: n,
        renderings,
        same_pairs,
        same_agree,
        different_pairs: n * n.saturating_sub(1) / 2 - namesakes,
        different_agree: merged.len(),
    }
}

fn count_namesakes(people: &[SynthName]) -> usize {
    let mut counts: BTreeMap<(&str, &str), usize> = BTreeMap::new();
    for p in people {
        *counts.entry((&p.surname, &p.given)).or_default() += 1;
    }
    counts.values().map(|c| c * (c - 1) / 2).sum()
}
