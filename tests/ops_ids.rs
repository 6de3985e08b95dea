//! Person ids across runs, and byte-identical outputs whatever the thread count.

use crate::common::ops::*;
use std::collections::{BTreeMap, BTreeSet};
use std::fs;

/// Persons of run 1, as sets of mention keys, by person id.
fn persons_by_id(mentions: &BTreeMap<String, String>) -> BTreeMap<String, BTreeSet<String>> {
    let mut out: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (key, id) in mentions {
        out.entry(id.clone()).or_default().insert(key.clone());
    }
    out
}

#[test]
fn ids_survive_a_new_source_and_a_rerun() {
    let tmp = tempfile::tempdir().unwrap();
    let (input, output) = (tmp.path().join("input"), tmp.path().join("output"));
    fs::create_dir_all(&input).unwrap();
    let people = persons(3_000, 0);
    write_source(&input.join("m_first.csv"), &people, 1);
    run_expect(run_cmd(&input, &output, &[]), 0);
    let before = person_of_mentions(&output);
    let persons_before = persons_by_id(&before);

    // A second source, sorting before the first: a third of the known persons again, and new ones.
    let mut second: Vec<Person> = people.iter().step_by(3).cloned().collect();
    second.extend(persons(1_000, 3_000));
    write_source(&input.join("a_second.csv"), &second, 2);
    run_expect(run_cmd(&input, &output, &[]), 0);
    let after = person_of_mentions(&output);
    let kept = persons_before
        .iter()
        .filter(|(id, keys)| keys.iter().all(|k| after.get(k) == Some(*id)))
        .count();
    let share = kept as f64 / persons_before.len() as f64;
    println!(
        "ids kept after adding a source: {kept} of {} ({:.2}%)",
        persons_before.len(),
        share * 100.0
    );
    assert!(share >= 0.99, "only {share} kept their id");
    let ids_after: BTreeSet<&String> = after.values().collect();
    assert_eq!(ids_after.len(), 4_000);

    let changes = fs::read_to_string(output.join("id_changes.csv")).unwrap();
    let new = changes.lines().filter(|l| l.starts_with("new,")).count();
    assert_eq!(new, 1_000, "the second source adds 1000 persons");

    // A rerun on the same input renames no one and reports no change.
    run_expect(run_cmd(&input, &output, &[]), 0);
    assert_eq!(person_of_mentions(&output), after);
    let changes = fs::read_to_string(output.join("id_changes.csv")).unwrap();
    assert_eq!(changes, "change,person_id,other_id,mentions\n");
}

#[test]
fn a_changed_or_removed_row_is_reported() {
    let tmp = tempfile::tempdir().unwrap();
    let (input, output) = (tmp.path().join("input"), tmp.path().join("output"));
    fs::create_dir_all(&input).unwrap();
    let people = persons(50, 0);
    write_source(&input.join("a.csv"), &people, 1);
    run_expect(run_cmd(&input, &output, &[]), 0);
    let before = person_of_mentions(&output);

    let text = fs::read_to_string(input.join("a.csv")).unwrap();
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    let mut cells: Vec<&str> = lines[5].split(',').collect();
    cells[3] = "Каркаралинск";
    lines[5] = cells.join(",");
    lines.remove(10);
    fs::write(input.join("a.csv"), lines.join("\n") + "\n").unwrap();
    let out = run_expect(run_cmd(&input, &output, &[]), 0);
    let log = String::from_utf8_lossy(&out.stderr);
    assert!(log.contains("a.csv:10"), "{log}");
    let run: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(output.join("run.json")).unwrap()).unwrap();
    let rows = &run["row_changes"];
    assert_eq!(rows["removed"], 1);
    assert_eq!(rows["removed_rows"][0], "a.csv:10");
    assert!(
        rows["changed_rows"]
            .as_array()
            .unwrap()
            .contains(&"a.csv:5".into())
    );
    let retired = fs::read_to_string(output.join("id_changes.csv")).unwrap();
    assert!(retired.contains(&format!("retired,{},,1", before["a.csv:10"])));
    assert_eq!(person_of_mentions(&output)["a.csv:5"], before["a.csv:5"]);
}

#[test]
fn outputs_are_byte_identical_across_thread_counts() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("input");
    fs::create_dir_all(&input).unwrap();
    write_source(&input.join("a.csv"), &persons(2_000, 0), 1);
    let second: Vec<Person> = persons(2_000, 1_000);
    write_source(&input.join("b.csv"), &second, 2);
    let mut snapshots = Vec::new();
    for threads in ["1", "2"] {
        let output = tmp.path().join(format!("out{threads}"));
        let mut cmd = run_cmd(&input, &output, &[]);
        cmd.env("RAYON_NUM_THREADS", threads);
        run_expect(cmd, 0);
        let mut files = snapshot(&output);
        assert!(files.remove("run.json").is_some());
        snapshots.push(files);
    }
    let names: Vec<&String> = snapshots[0].keys().collect();
    for expected in [
        "persons.csv",
        "mentions.csv",
        "decisions.csv",
        "rejects.csv",
        "id_changes.csv",
        "persons_report.csv",
        "datapackage.json",
        "rehab.sqlite",
        "report.html",
        "state/registry.csv",
    ] {
        assert!(
            snapshots[0].contains_key(expected),
            "{expected} in {names:?}"
        );
    }
    for (name, bytes) in &snapshots[0] {
        assert!(snapshots[1].get(name) == Some(bytes), "{name} differs");
    }
    assert_eq!(snapshots[0].len(), snapshots[1].len());
}

#[test]
fn a_state_folder_outside_the_output_carries_ids_to_a_fresh_output() {
    let tmp = tempfile::tempdir().unwrap();
    let (input, state) = (tmp.path().join("input"), tmp.path().join("kept-state"));
    fs::create_dir_all(&input).unwrap();
    write_source(&input.join("b.csv"), &persons(30, 0), 1);
    let state_arg = ["--state", state.to_str().unwrap()];
    run_expect(run_cmd(&input, &tmp.path().join("one"), &state_arg), 0);
    assert!(state.join("registry.csv").is_file());
    write_source(&input.join("a.csv"), &persons(30, 30), 2);
    run_expect(run_cmd(&input, &tmp.path().join("two"), &state_arg), 0);
    let one = person_of_mentions(&tmp.path().join("one"));
    let two = person_of_mentions(&tmp.path().join("two"));
    for (key, id) in &one {
        assert_eq!(two.get(key), Some(id), "{key}");
    }
    assert_eq!(
        fs::read(state.join("registry.csv")).unwrap(),
        fs::read(tmp.path().join("two/state/registry.csv")).unwrap()
    );
}
