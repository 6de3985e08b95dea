//! Columns outside the linker's fixed fields are evidence: on the FEBRL 4 sample (two registers
//! of addresses, postcodes and social security numbers, no configuration), records whose names
//! are mistyped link through the columns they share, and namesakes who share nothing else stay
//! apart.

use crate::common::{Workdir, stderr};
use std::collections::{BTreeMap, BTreeSet};

/// The FEBRL 4 sample file of `tests/data/febrl`.
fn sample(name: &str) -> String {
    let path = format!("{}/tests/data/febrl/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// One person under two spellings of the name with one address and social security number (9001),
/// and two namesakes born in one year with nothing else in common (9002, 9003).
const EXTRA_A: &str = "rec-9001-org,jasmine,kowalczyk,17,tanunda road,rosebank,mount barker,5251,sa,19621103,8812345\n\
    rec-9002-org,thomas,brennan,4,kings road,,lakemba,2195,nsw,19700512,3349021\n";
const EXTRA_B: &str = "rec-9001-dup-0,yasmin,kovalchik,17,tanunda road,rosebank,mount barker,5251,sa,19621103,8812345\n\
    rec-9003-dup-0,thomas,brennan,211,ocean parade,the point,byron bay,2481,qld,19700827,7712093\n";

/// The sample with the added records, linked; the person of each record id.
fn linked(wd: &Workdir) -> BTreeMap<String, String> {
    wd.input("febrl4_a.csv", sample("febrl4_a.csv") + EXTRA_A);
    wd.input("febrl4_b.csv", sample("febrl4_b.csv") + EXTRA_B);
    let out = wd.rehab(&["run"]);
    assert!(out.status.success(), "{}", stderr(&out));
    wd.person_of("output")
}

#[test]
fn shared_columns_link_mistyped_names_and_keep_namesakes_apart() {
    let wd = Workdir::new();
    let person = linked(&wd);
    assert_eq!(
        person["rec-9001-org"], person["rec-9001-dup-0"],
        "one address and social security number under two spellings of the name are one person"
    );
    assert_ne!(
        person["rec-9002-org"], person["rec-9003-dup-0"],
        "namesakes with other addresses and numbers are two persons"
    );
    let mut persons_of: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for (record, id) in &person {
        let number = record.split('-').nth(1).unwrap_or_default();
        persons_of.entry(number).or_default().insert(id);
    }
    let split: Vec<&&str> = persons_of
        .iter()
        .filter(|(_, ids)| ids.len() > 1)
        .map(|(number, _)| number)
        .collect();
    assert!(
        split.len() <= 1,
        "every original and its duplicate are one person, split: {split:?}"
    );
}

#[test]
fn run_json_and_explain_name_the_generic_comparisons() {
    let wd = Workdir::new();
    let person = linked(&wd);
    let run = wd.run_json();
    let generic = run["linkage"]["generic"]
        .as_array()
        .expect("linkage.generic is a list");
    let kind_of = |column: &str| {
        generic
            .iter()
            .find(|g| g["column"] == column)
            .map(|g| g["kind"].as_str().unwrap_or_default().to_string())
    };
    assert_eq!(kind_of("soc_sec_id").as_deref(), Some("code"));
    assert_eq!(kind_of("postcode").as_deref(), Some("code"));
    assert_eq!(kind_of("street_number").as_deref(), Some("number"));
    assert_eq!(kind_of("suburb").as_deref(), Some("text"));
    assert_eq!(kind_of("rec_id"), None, "the record id is no comparison");
    let ssn = generic
        .iter()
        .find(|g| g["column"] == "soc_sec_id")
        .unwrap();
    assert_eq!(
        ssn["sources"],
        serde_json::json!(["febrl4_a.csv", "febrl4_b.csv"])
    );
    let exact = &ssn["levels"][0];
    assert_eq!(exact["level"], "exact");
    assert!(exact["m"].as_f64().unwrap() > 0.5, "{ssn}");
    assert!(exact["u"].as_f64().unwrap() < 0.01, "{ssn}");

    let out = wd.rehab(&["explain", &person["rec-9001-org"]]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = String::from_utf8_lossy(&out.stdout);
    let line = text
        .lines()
        .find(|l| l.trim_start().starts_with("same soc_sec_id"))
        .unwrap_or_else(|| panic!("no soc_sec_id line in\n{text}"));
    let weight: f64 = line.rsplit(", ").next().unwrap().parse().unwrap();
    assert!(weight > 5.0, "{line}");
}
