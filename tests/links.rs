//! Archivists' judgements win: `review.csv` with its `judgement` column filled in is a links file
//! whose `same` pairs are merged and whose `different` pairs are kept apart.

use crate::common::{Workdir, read_table, stderr};
use std::collections::BTreeMap;

const LIST: &str = "№,ФИО,Год рождения,Место рождения\n\
    1,Шокаев Мустафа Шокаевич,1890,Перовск\n\
    2,Шокаев Мустафа,1890,Ак-Мечеть\n\
    3,Ахметов Ахмет Ахметович,1898,Акмолинск\n\
    4,Ахметов Ахмет,1905,Караганда\n\
    5,Байтурсынов Ахмет,1872,Тургай\n";

#[test]
fn judgements_override_the_linker() {
    let wd = Workdir::new();
    wd.input("list.csv", LIST);
    let out = wd.rehab(&["run", "--output", "first"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let before = wd.person_of("first");
    assert_eq!(
        before["1"], before["2"],
        "the linker merges the two Shokaev mentions"
    );
    assert_ne!(
        before["3"], before["4"],
        "and keeps the two Akhmetovs apart"
    );

    std::fs::write(
        wd.join("links.csv"),
        "a,b,judgement\nlist.csv:1,list.csv:2,different\nlist.csv:3,list.csv:4,SAME\nlist.csv:4,list.csv:5,\n",
    )
    .unwrap();
    let out = wd.rehab(&["run", "--output", "second", "--links", "links.csv"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let after = wd.person_of("second");
    assert_ne!(after["1"], after["2"]);
    assert_eq!(after["3"], after["4"]);
    assert_ne!(after["4"], after["5"]);
}

#[test]
fn a_bad_links_file_names_its_row_and_column_and_exits_with_2() {
    let wd = Workdir::new();
    wd.input("list.csv", LIST);
    std::fs::write(
        wd.join("links.csv"),
        "a,b,judgement\nlist.csv:1,list.csv:2,maybe\n",
    )
    .unwrap();
    let out = wd.rehab(&["run", "--links", "links.csv"]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("links.csv") && stderr(&out).contains("row 2"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn review_rows_carry_both_mentions_side_by_side() {
    let wd = Workdir::new();
    let input = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("input");
    let out = wd.rehab(&["run", "--input", input.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let review = read_table(&wd.join("output/review.csv"));
    assert!(!review.is_empty(), "the sample has borderline pairs");
    let person: BTreeMap<String, String> = wd
        .table("output/mentions.csv")
        .into_iter()
        .map(|m| {
            (
                format!("{}:{}", m["source"], m["record_id"]),
                m["person_id"].clone(),
            )
        })
        .collect();
    for row in &review {
        assert_eq!(person[&row["a"]], row["a_person_id"]);
        assert_eq!(person[&row["b"]], row["b_person_id"]);
        assert_eq!(row["judgement"], "");
        assert!(row["score"].parse::<f64>().is_ok());
    }
}

#[test]
fn run_json_records_every_linkage_setting_in_force() {
    let wd = Workdir::new();
    wd.input("list.csv", LIST);
    std::fs::write(
        wd.join("rehab.toml"),
        "[link]\nlone_threshold = -1.5\nmax_disagreement = 6.0\n",
    )
    .unwrap();
    let out = wd.rehab(&["run", "--config", "rehab.toml"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let run = wd.run_json();
    let configured = &run["config"]["link"];
    assert_eq!(configured["lone_threshold"], -1.5);
    assert_eq!(configured["max_disagreement"], 6.0);
    assert!(configured["threshold"].is_null());
    let settings = &run["linkage"]["settings"];
    assert_eq!(settings["lone_threshold"], -1.5);
    assert_eq!(settings["max_disagreement"], 6.0);
    assert_eq!(settings["threshold"], 0.0);
    assert_eq!(settings["review_low"], -2.0);
    assert_eq!(settings["review_high"], 5.0);

    let out = wd.rehab(&["run", "--output", "defaults"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let run: serde_json::Value =
        serde_json::from_str(&wd.read("defaults/run.json")).expect("run.json");
    assert_eq!(run["linkage"]["settings"]["lone_threshold"], -1.0);
    assert_eq!(run["linkage"]["settings"]["max_disagreement"], 4.0);
    assert!(run["config"]["link"]["lone_threshold"].is_null());
}

#[test]
fn scored_pairs_are_written_to_a_new_file_for_calibration() {
    let wd = Workdir::new();
    wd.input("list.csv", LIST);
    let out = wd.rehab(&["run", "--scored-pairs", "pairs.csv"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let pairs = wd.table("pairs.csv");
    let shokaev = pairs
        .iter()
        .find(|p| p["a"] == "list.csv:1" && p["b"] == "list.csv:2")
        .expect("the two Shokaev mentions are a scored pair");
    let score: f64 = shokaev["score"].parse().unwrap();
    assert!(score > 0.0, "{score}");
    let again = wd.rehab(&["run", "--scored-pairs", "pairs.csv"]);
    assert!(
        !again.status.success(),
        "an existing file is never overwritten"
    );
    assert_eq!(wd.table("pairs.csv"), pairs);
}
