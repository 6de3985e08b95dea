//! The archivist's desk on the shipped sample: `rehab find` finds Mustafa Shokay by any spelling,
//! birth years and any name of his birth place; `rehab explain` tells why his mentions are one
//! person from the stored linkage alone; `edges.csv` holds that linkage, checked and summed.

use crate::common::{Workdir, stderr};
use std::path::Path;

/// Runs the shipped sample, copied into the work folder as `input/`, into `output/`; returns
/// Shokay's person id.
fn sample_run(wd: &Workdir) -> String {
    let shipped = Path::new(env!("CARGO_MANIFEST_DIR")).join("input");
    for entry in std::fs::read_dir(&shipped).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_str().unwrap().to_string();
        wd.input(&name, std::fs::read(&path).unwrap());
    }
    let out = wd.rehab(&["run"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    wd.table("output/mentions.csv")
        .into_iter()
        .find(|m| m["name_raw"] == "Шокаев Мустафа Шокаевич")
        .map(|m| m["person_id"].clone())
        .expect("Shokay's mention")
}

/// `rehab find` with the arguments: exit code and the person ids listed, in order.
fn find(wd: &Workdir, args: &[&str]) -> (Option<i32>, Vec<String>) {
    let mut all = vec!["find"];
    all.extend_from_slice(args);
    let out = wd.rehab(&all);
    let text = String::from_utf8_lossy(&out.stdout);
    let ids = text
        .lines()
        .filter(|l| l.starts_with('P'))
        .filter_map(|l| l.split_whitespace().next())
        .map(String::from)
        .collect();
    (out.status.code(), ids)
}

#[test]
fn find_locates_shokay_by_every_spelling_first() {
    let wd = Workdir::new();
    let id = sample_run(&wd);
    for spelling in [
        "Шокай",
        "Shokay",
        "Tchokay",
        "Чокаев",
        "Шоқай",
        "Мустафа Chokayev",
    ] {
        let (code, ids) = find(&wd, &[spelling]);
        assert_eq!(code, Some(0), "{spelling}");
        assert_eq!(ids.first(), Some(&id), "{spelling}: {ids:?}");
    }
    let (_, both) = find(&wd, &["Mustafa", "Shokay"]);
    assert_eq!(both, vec![id.clone()], "both words must match");
    let (code, none) = find(&wd, &["Zzyzx"]);
    assert_eq!(
        (code, none.len()),
        (Some(1), 0),
        "nothing found is exit code 1"
    );
}

#[test]
fn find_filters_by_birth_years_and_any_name_of_the_birth_place() {
    let wd = Workdir::new();
    let id = sample_run(&wd);
    for place in ["Перовск", "Ак-Мечеть", "Kyzylorda", "Кзыл-Орда"] {
        let (code, ids) = find(&wd, &["-b", "1885-1895", "-p", place]);
        assert_eq!(code, Some(0), "{place}");
        assert!(ids.contains(&id), "{place}: {ids:?}");
    }
    let (_, born_1890) = find(&wd, &["Шокай", "--birth", "1890"]);
    assert_eq!(born_1890, vec![id.clone()]);
    let (code, later) = find(&wd, &["Шокай", "--birth", "1900-1910"]);
    assert_eq!((code, later.len()), (Some(1), 0), "{later:?}");
    let (_, on_one_line) = find(&wd, &["Шокай", "1890"]);
    assert_eq!(on_one_line, vec![id.clone()], "a year among the words");
    let (code, later) = find(&wd, &["Шокай 1900-1910"]);
    assert_eq!((code, later.len()), (Some(1), 0), "{later:?}");
    let (_, by_source) = find(&wd, &["Шокай", "-s", "KK_LIST"]);
    assert_eq!(by_source, vec![id.clone()]);
    let (_, by_body) = find(&wd, &["Шокай", "-d", "Государственная комиссия"]);
    assert_eq!(by_body, vec![id]);
    let (code, _) = find(&wd, &["-p", "Atlantis"]);
    assert_eq!(
        code,
        Some(2),
        "a place the gazetteer does not know is an error"
    );
}

#[test]
fn find_pages_through_every_person() {
    let wd = Workdir::new();
    sample_run(&wd);
    let persons = wd.table("output/persons.csv").len();
    let mut seen = std::collections::BTreeSet::new();
    for page in 1..=persons.div_ceil(20) {
        let (code, ids) = find(&wd, &["--page", &page.to_string()]);
        assert_eq!(code, Some(0), "page {page}");
        seen.extend(ids);
    }
    assert_eq!(seen.len(), persons);
}

#[test]
fn explain_tells_the_stored_decision_in_plain_words_without_the_input() {
    let wd = Workdir::new();
    let id = sample_run(&wd);
    std::fs::remove_dir_all(wd.join("input")).unwrap();
    let out = wd.rehab(&["explain", &id]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("Mentions (5):"), "{text}");
    assert!(
        text.contains("Why they are one person (4 merges):"),
        "{text}"
    );
    for phrase in [
        "before any evidence, two mentions are rarely one person, -8.",
        "same surname in two scripts (Tchokaïeff vs Шоқай), +",
        "born in the same place",
        "today Kyzylorda",
        "kz_commission_1251.csv #К-01155: Чокаев Мустафа, born 1890",
        "rehabilitated 2022-03-17 by Государственная комиссия",
    ] {
        assert!(text.contains(phrase), "{phrase:?} missing from\n{text}");
    }
    for internal in ["prior", "name_evidence", "any pair", "[0", "[1", "[2"] {
        assert!(!text.contains(internal), "{internal:?} in\n{text}");
    }
    let out = wd.rehab(&["explain", "P999999"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
}

#[test]
fn edges_hold_every_merge_and_their_contributions_sum_to_the_score() {
    let wd = Workdir::new();
    sample_run(&wd);
    let edges = wd.table("output/edges.csv");
    let mentions = wd.table("output/mentions.csv").len();
    let persons = wd.table("output/persons.csv").len();
    let merges: Vec<_> = edges.iter().filter(|e| e["kind"] == "merge").collect();
    assert_eq!(
        merges.len(),
        mentions - persons,
        "one merge joins two persons"
    );
    assert!(merges.iter().all(|e| e["person_a"] == e["person_b"]));
    assert!(
        edges
            .iter()
            .any(|e| e["kind"] == "near_miss" && e["person_a"] != e["person_b"])
    );
    for e in &edges {
        let parts: Vec<(String, String, f64)> = serde_json::from_str(&e["contributions"]).unwrap();
        assert_eq!(parts[0].0, "prior", "{e:?}");
        assert!(parts.iter().all(|p| p.1 != "missing"), "{e:?}");
        let sum: f64 = parts.iter().map(|p| p.2).sum();
        let score: f64 = e["score"].parse().unwrap();
        let rounding = 0.005 * (parts.len() + 1) as f64;
        assert!((sum - score).abs() <= rounding, "{sum} vs {score}: {e:?}");
        let probability: f64 = e["probability"].parse().unwrap();
        let expected = 1.0 / (1.0 + (-score).exp2());
        assert!((probability - expected).abs() < 0.001, "{e:?}");
    }
    let db = rusqlite::Connection::open(wd.join("output/rehab.sqlite")).unwrap();
    let stored: i64 = db
        .query_row("SELECT count(*) FROM edges", [], |r| r.get(0))
        .unwrap();
    assert_eq!(stored as usize, edges.len());
    let violations: i64 = db
        .query_row(
            "SELECT count(*) FROM pragma_foreign_key_check('edges')",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(violations, 0);
}
