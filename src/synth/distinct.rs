//! Persons who are never one another: for tests that need a known number of persons. Their
//! names come from the generator's tables, kept only when no clerk's slip turns one into
//! another, and a name pair that repeats is born years apart.

use chrono::NaiveDate;

use super::data::{Culture, NameForms, Pool, Tables};
use super::sources::russian_place_name;

/// Fewest letter edits between two kept surnames, or two kept given names (Омаров and Умаров
/// are one edit apart, so only one of them is kept).
pub const MIN_EDITS: usize = 3;
/// Earliest birth year.
const FIRST_YEAR: i32 = 1850;
/// Birth years of the first round of name pairs spread over this many years.
const YEAR_SPREAD: usize = 40;
/// Years between two persons of one name pair.
const ROUND_YEARS: i32 = 4;
/// The year whose name of a birth place is written.
const PLACE_YEAR: i32 = 1937;

/// One person in the Russian archival form: name, birth date and birth place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DistinctPerson {
    /// Surname (masculine form).
    pub surname: String,
    /// Given name (a man's).
    pub given: String,
    /// Birth date.
    pub birth: NaiveDate,
    /// Birth place, by its name of 1937.
    pub place: String,
}

/// The persons `offset..offset + count` of one fixed sequence: every pair of a kept surname and
/// a kept given name in turn, a repeated pair born four years after the last.
pub fn distinct_persons(tables: &Tables, count: usize, offset: usize) -> Vec<DistinctPerson> {
    let surnames = spread(tables, |c| &c.surnames);
    let givens = spread(tables, |c| &c.male);
    let places: Vec<&str> = tables
        .cultures
        .iter()
        .flat_map(|c| c.places.iter())
        .map(|place| russian_place_name(place, PLACE_YEAR))
        .collect();
    let pairs = (surnames.len() * givens.len()).max(1);
    (offset..offset + count)
        .map(|i| {
            let (pair, round) = (i % pairs, i / pairs);
            let year = FIRST_YEAR + (pair * 7 % YEAR_SPREAD) as i32 + ROUND_YEARS * round as i32;
            let (month, day) = (1 + (i / 28 % 12) as u32, 1 + (i % 28) as u32);
            DistinctPerson {
                surname: surnames[pair % surnames.len()].to_string(),
                given: givens[pair / surnames.len()].to_string(),
                birth: NaiveDate::from_ymd_opt(year, month, day).unwrap_or(NaiveDate::MIN),
                place: places
                    .get(i / 3 % places.len().max(1))
                    .map_or_else(String::new, |p| p.to_string()),
            }
        })
        .collect()
}

/// The Russian forms of one pool of every culture, in table order, each kept only when it is
/// [`MIN_EDITS`] or more edits from every form kept before it.
fn spread<'t>(
    tables: &'t Tables,
    pool: impl Fn(&'t Culture) -> &'t Pool<NameForms>,
) -> Vec<&'t str> {
    let mut kept: Vec<&str> = Vec::new();
    for name in tables.cultures.iter().flat_map(|c| pool(c).iter()) {
        if kept.iter().all(|k| edits(k, &name.ru) >= MIN_EDITS) {
            kept.push(&name.ru);
        }
    }
    kept
}

/// Letter edits (insertions, deletions, substitutions) that turn `a` into `b`, ignoring case.
pub fn edits(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.to_lowercase().chars().collect();
    let b: Vec<char> = b.to_lowercase().chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let substituted = diagonal + usize::from(ca != cb);
            diagonal = row[j + 1];
            row[j + 1] = substituted.min(row[j] + 1).min(diagonal + 1);
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::synth::data::tables;

    #[test]
    fn edits_count_letters() {
        assert_eq!(edits("Омаров", "Умаров"), 1);
        assert_eq!(edits("Ахмет", "ахмед"), 1);
        assert_eq!(edits("Лев", "Петр"), 3);
        assert_eq!(edits("", "Абаев"), 5);
    }

    #[test]
    fn kept_names_are_apart_and_persons_follow_one_sequence() {
        let t = tables().expect("tables");
        for names in [spread(t, |c| &c.surnames), spread(t, |c| &c.male)] {
            assert!(names.len() >= 20, "{}", names.len());
            for (i, a) in names.iter().enumerate() {
                assert!(names[i + 1..].iter().all(|b| edits(a, b) >= MIN_EDITS));
            }
        }
        let all = distinct_persons(t, 5_000, 0);
        assert_eq!(distinct_persons(t, 100, 2_000), all[2_000..2_100]);
        let mut seen = std::collections::HashSet::new();
        for p in &all {
            assert!(seen.insert((&p.surname, &p.given, p.birth)), "{p:?}");
            assert!(!p.place.is_empty() && !p.place.contains(','), "{p:?}");
        }
    }
}
