//! A run killed at any moment leaves the previous complete outputs and registry in place.

use crate::common::ops::*;
use std::collections::BTreeMap;
use std::fs;
use std::path::Path;
use std::time::{Duration, Instant};

const TABLES: [&str; 7] = [
    "persons",
    "mentions",
    "decisions",
    "attestations",
    "checks",
    "rejects",
    "id_changes",
];

/// Row counts of every CSV table; fails unless every file is there and every CSV parses.
fn check_complete(output: &Path) -> BTreeMap<&'static str, usize> {
    for file in [
        "datapackage.json",
        "run.json",
        "report.html",
        "rehab.sqlite",
        "persons_report.csv",
        "state/state.json",
        "state/registry.csv",
        "state/aliases.csv",
    ] {
        assert!(output.join(file).is_file(), "{file} missing");
    }
    let db = rusqlite::Connection::open(output.join("rehab.sqlite")).unwrap();
    let ok: String = db
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(ok, "ok");
    let _: serde_json::Value =
        serde_json::from_slice(&fs::read(output.join("run.json")).unwrap()).unwrap();
    TABLES
        .iter()
        .map(|t| (*t, csv_rows(&output.join(format!("{t}.csv")))))
        .collect()
}

/// Row counts of the data tables (not of the id changes, which depend on the previous run).
fn data_counts(output: &Path) -> BTreeMap<&'static str, usize> {
    let mut counts = check_complete(output);
    counts.remove("id_changes");
    counts
}

/// Puts the output folder back as it was after the first run.
fn restore(output: &Path, files: &BTreeMap<String, Vec<u8>>) {
    if snapshot(output) == *files {
        return;
    }
    fs::remove_dir_all(output).unwrap();
    for (name, bytes) in files {
        let path = output.join(name);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, bytes).unwrap();
    }
}

fn leftovers(dir: &Path) -> Vec<String> {
    fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("staging") || n.contains("previous"))
        .collect()
}

#[test]
fn sigkill_at_any_point_keeps_the_previous_outputs() {
    let tmp = tempfile::tempdir().unwrap();
    let (input, output) = (tmp.path().join("input"), tmp.path().join("output"));
    fs::create_dir_all(&input).unwrap();
    write_source(&input.join("a.csv"), &persons(4_000, 0), 1);
    run_expect(run_cmd(&input, &output, &[]), 0);
    let before = snapshot(&output);
    let counts = check_complete(&output);

    write_source(&input.join("b.csv"), &persons(4_000, 2_000), 2);
    let started = Instant::now();
    let full = tmp.path().join("full");
    run_expect(run_cmd(&input, &full, &[]), 0);
    let took = started.elapsed();
    let mut after_counts = check_complete(&full);
    // Runs continuing from the first one list fewer id changes than a fresh run.
    after_counts.remove("id_changes");
    println!("a complete run takes {took:?}");

    let (mut killed, mut last_killed) = (0, false);
    let mut delays: Vec<Duration> = [50, 150, 300, 500, 800].map(Duration::from_millis).into();
    delays.extend([0.5, 0.7, 0.85, 0.95, 1.0, 1.1].map(|f| took.mul_f64(f)));
    for delay in delays {
        restore(&output, &before);
        let mut child = run_cmd(&input, &output, &[]).spawn().unwrap();
        std::thread::sleep(delay);
        let finished = child.try_wait().unwrap().is_some();
        child.kill().unwrap();
        let status = child.wait().unwrap();
        let now = snapshot(&output);
        let committed = now != before;
        println!("after {delay:?}: finished {finished}, {status}, committed {committed}");
        // Killed while it still held the lock (it may also die after releasing it).
        let holder = fs::read_to_string(tmp.path().join(".output.lock")).unwrap_or_default();
        last_killed = !finished && !status.success() && !holder.is_empty();
        if committed {
            // The run had swapped its outputs in before the signal: they must be complete.
            assert_eq!(data_counts(&output), after_counts, "after {delay:?}");
            continue;
        }
        assert!(!finished, "a finished run left the old outputs");
        killed += 1;
        assert_eq!(check_complete(&output), counts);
    }
    println!("{killed} runs killed before they finished");
    assert!(killed >= 4, "only {killed} runs were killed mid-way");

    let out = run_expect(run_cmd(&input, &output, &[]), 0);
    let log = String::from_utf8_lossy(&out.stderr);
    assert!(!last_killed || log.contains("stale lock"), "{log}");
    assert_eq!(data_counts(&output), after_counts);
    assert_eq!(leftovers(tmp.path()), Vec::<String>::new());
    assert_eq!(
        fs::read_to_string(tmp.path().join(".output.lock")).unwrap(),
        ""
    );
    let ids = person_of_mentions(&output);
    let old = person_of_mentions(&full);
    assert_eq!(
        ids, old,
        "ids after killed runs equal those of an uninterrupted run"
    );
}
