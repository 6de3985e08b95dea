//! The archival checks against a generated archive with impossible records planted on purpose
//! (`rehab synth --slip-rate`): every planted slip is flagged by its rule, and no check fires on
//! a person planted clean.

use crate::common::{Workdir, read_table, stderr};
use std::collections::{BTreeMap, BTreeSet};

#[test]
fn every_planted_slip_is_flagged_and_clean_persons_raise_nothing() {
    let wd = Workdir::new();
    let out = wd.rehab(&[
        "synth",
        "--persons",
        "400",
        "--seed",
        "15",
        "--slip-rate",
        "0.08",
        "--output",
        "gen",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let out = wd.rehab(&["run", "--input", "gen/input", "--output", "out"]);
    assert!(
        out.status.code().is_some_and(|c| c <= 1),
        "{}",
        stderr(&out)
    );
    let truth: BTreeMap<(String, String), String> = read_table(&wd.join("gen/truth.csv"))
        .into_iter()
        .map(|r| {
            (
                (r["source"].clone(), r["record_id"].clone()),
                r["person"].clone(),
            )
        })
        .collect();
    let planted: BTreeMap<String, String> = read_table(&wd.join("gen/slips.csv"))
        .into_iter()
        .map(|r| (r["person"].clone(), r["rule"].clone()))
        .collect();
    assert!(planted.len() >= 15, "{} slips planted", planted.len());
    // A slip can be seen where the linker put a mention with each of the rule's dates into one
    // person (a person split in two may hold the birth in one part and the arrest in the other).
    let fields = |rule: &str| match rule {
        "decision_before_arrest" => ["arrest", "decision_date"],
        _ => ["birth", "arrest"],
    };
    let mut dated: BTreeMap<(String, String), BTreeSet<&str>> = BTreeMap::new();
    let mentions = wd.table("out/mentions.csv");
    for m in &mentions {
        let person = &truth[&(m["source"].clone(), m["record_id"].clone())];
        let held = dated
            .entry((person.clone(), m["person_id"].clone()))
            .or_default();
        for f in ["birth", "arrest", "decision_date"] {
            if !m[&format!("{f}_earliest")].is_empty() {
                held.insert(f);
            }
        }
    }
    let observable: BTreeSet<&String> = planted
        .iter()
        .filter(|(p, rule)| {
            dated
                .iter()
                .any(|((q, _), held)| q == *p && fields(rule).iter().all(|f| held.contains(f)))
        })
        .map(|(p, _)| p)
        .collect();
    let mut flagged: BTreeSet<(String, String)> = BTreeSet::new();
    let mut on_clean = Vec::new();
    for check in wd.table("out/checks.csv") {
        let person = &truth[&(check["source"].clone(), check["record_id"].clone())];
        if planted.contains_key(person) {
            flagged.insert((person.clone(), check["rule"].clone()));
        } else {
            on_clean.push(check);
        }
    }
    let missed: Vec<(&String, &String)> = planted
        .iter()
        .filter(|(p, rule)| {
            observable.contains(p) && !flagged.contains(&((*p).clone(), (*rule).clone()))
        })
        .collect();
    eprintln!(
        "slips planted {}, observable {}, flagged by their rule {}, checks on clean persons {}",
        planted.len(),
        observable.len(),
        observable.len() - missed.len(),
        on_clean.len()
    );
    assert!(
        observable.len() >= 15,
        "{} observable slips",
        observable.len()
    );
    assert!(
        missed.is_empty(),
        "slips not flagged by their rule: {missed:?}"
    );
    assert!(
        on_clean.is_empty(),
        "checks on clean persons: {on_clean:#?}"
    );
}

#[test]
fn a_slip_rate_of_zero_writes_the_archive_as_before() {
    let wd = Workdir::new();
    for (dir, rate) in [("a", None), ("b", Some("0"))] {
        let mut args = vec!["synth", "--persons", "60", "--seed", "3", "--output", dir];
        if let Some(rate) = rate {
            args.extend(["--slip-rate", rate]);
        }
        let out = wd.rehab(&args);
        assert!(out.status.success(), "{}", stderr(&out));
    }
    assert_eq!(wd.read("a/truth.csv"), wd.read("b/truth.csv"));
    assert!(!wd.join("b/slips.csv").exists());
}
