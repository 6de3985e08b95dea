//! The desk's search on a 3,000-person synthetic archive gives exactly the persons and order its
//! rule states, read back from the CSV outputs alone: every word of the name matches a mention's
//! surname or given-name key in full or begins one (three letters at least); persons whose
//! mentions carry more words' keys in full come first, then those with more mentions, then the
//! persons in their output order; birth years and birth place filter.

use crate::common::{Workdir, stderr};
use rehab::desk::{self, Query, Years};
use rehab::normalize::names;
use std::collections::{BTreeMap, BTreeSet};

/// A person as the order reads it from `persons.csv` and `mentions.csv`.
struct Person {
    id: String,
    mentions: i64,
    birth_earliest: String,
    birth_latest: String,
    /// `(surname_key, given_key)` of each mention.
    keys: Vec<(String, String)>,
    places: BTreeSet<String>,
}

/// Generates and runs the archive; returns its persons in output order.
fn archive(wd: &Workdir) -> Vec<Person> {
    let out = wd.rehab(&["synth", "--persons", "3000", "--seed", "1", "--output", "s"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let out = wd.rehab(&["run", "-i", "s/input", "-o", "output", "-q"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let mut keys: BTreeMap<String, Vec<(String, String)>> = BTreeMap::new();
    let mut places: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for m in wd.table("output/mentions.csv") {
        let id = m["person_id"].clone();
        keys.entry(id.clone())
            .or_default()
            .push((m["surname_key"].clone(), m["given_key"].clone()));
        places
            .entry(id)
            .or_default()
            .insert(m["birth_place_key"].clone());
    }
    wd.table("output/persons.csv")
        .into_iter()
        .map(|p| Person {
            keys: keys.remove(&p["person_id"]).unwrap_or_default(),
            places: places.remove(&p["person_id"]).unwrap_or_default(),
            id: p["person_id"].clone(),
            mentions: p["mentions"].parse().expect("mentions"),
            birth_earliest: p["birth_earliest"].clone(),
            birth_latest: p["birth_latest"].clone(),
        })
        .collect()
}

/// How a person's mentions meet one word's keys: `Some(true)` in full, `Some(false)` only by a
/// key the word begins, `None` not at all.
fn meets(person: &Person, word: &str) -> Option<bool> {
    let wanted: BTreeSet<String> = [names::surname_root_key(word), names::given_name_key(word)]
        .into_iter()
        .filter(|k| !k.is_empty())
        .collect();
    let mut found = None;
    for (surname, given) in &person.keys {
        for key in [surname, given].into_iter().filter(|k| !k.is_empty()) {
            if wanted.contains(key) {
                return Some(true);
            }
            if wanted
                .iter()
                .any(|w| w.chars().count() >= 3 && key.starts_with(w.as_str()))
            {
                found = Some(false);
            }
        }
    }
    found
}

/// The ids the rule gives for the words, birth years and place key, in order.
fn expected(
    persons: &[Person],
    words: &[&str],
    birth: Option<Years>,
    place: Option<&str>,
) -> Vec<String> {
    let mut found: Vec<(usize, i64, usize, &str)> = Vec::new();
    for (row, p) in persons.iter().enumerate() {
        let met: Option<Vec<bool>> = words.iter().map(|w| meets(p, w)).collect();
        let Some(met) = met else { continue };
        if let Some(y) = birth {
            let (from, to) = (format!("{:04}-01-01", y.from), format!("{:04}-12-31", y.to));
            let known = !p.birth_latest.is_empty() && !p.birth_earliest.is_empty();
            if !known || p.birth_latest < from || p.birth_earliest > to {
                continue;
            }
        }
        if place.is_some_and(|key| !p.places.contains(key)) {
            continue;
        }
        let exact = met.iter().filter(|e| **e).count();
        found.push((exact, p.mentions, row, &p.id));
    }
    found.sort_by(|a, b| b.0.cmp(&a.0).then(b.1.cmp(&a.1)).then(a.2.cmp(&b.2)));
    found.into_iter().map(|f| f.3.to_string()).collect()
}

/// Every page of the desk's search, `per_page` a page: the total and the ids in order.
fn searched(wd: &Workdir, query: &Query, per_page: usize) -> (usize, Vec<String>) {
    let conn = desk::open(&wd.join("output")).expect("open the database");
    let first = desk::search_page(&conn, query, 1, per_page).expect("search");
    let mut ids: Vec<String> = Vec::new();
    for number in 1..=first.pages() {
        let page = desk::search_page(&conn, query, number, per_page).expect("search");
        assert_eq!(page.total, first.total, "page {number}");
        assert!(
            page.items
                .iter()
                .all(|h| !h.names.is_empty() && !h.name.is_empty())
        );
        ids.extend(page.items.into_iter().map(|h| h.person_id));
    }
    (first.total, ids)
}

#[test]
fn search_gives_the_persons_and_order_of_its_rule() {
    let wd = Workdir::new();
    let persons = archive(&wd);
    let cases: [(&str, Option<&str>, Option<&str>); 8] = [
        ("Ахмедов", None, None),
        ("Ахм", None, None),
        ("Шокаев", None, None),
        ("Tchokay", Some("1880-1895"), None),
        ("Ахмет Кас", None, None),
        ("Ахмет Kasymov", None, None),
        ("", None, Some("kz-kyzylorda")),
        ("Ахмет", Some("1885-1900"), Some("kz-kyzylorda")),
    ];
    for (name, birth, place) in cases {
        let birth: Option<Years> = birth.map(|b| b.parse().expect("years"));
        let query = Query {
            name: name.to_string(),
            birth,
            place: place.map(|_| "Перовск".to_string()),
            ..Query::default()
        };
        let words: Vec<&str> = name.split_whitespace().collect();
        let want = expected(&persons, &words, birth, place);
        assert!(
            want.len() > 20,
            "{name:?}: {} persons, too few to page",
            want.len()
        );
        for per_page in [7, 20] {
            let (total, ids) = searched(&wd, &query, per_page);
            assert_eq!(total, want.len(), "{name:?} {birth:?} {place:?}");
            assert_eq!(ids, want, "{name:?} {birth:?} {place:?}, {per_page} a page");
        }
    }
}
