//! The SQLite database: keys hold, and it agrees with the CSVs.

use crate::common::ops::*;
use rusqlite::Connection;
use std::fs;

#[test]
fn the_database_matches_the_csvs_and_its_foreign_keys_hold() {
    let tmp = tempfile::tempdir().unwrap();
    let (input, output) = (tmp.path().join("input"), tmp.path().join("output"));
    fs::create_dir_all(&input).unwrap();
    write_source(&input.join("a.csv"), &persons(600, 0), 1);
    write_source(&input.join("b.csv"), &persons(600, 300), 2);
    fs::write(
        input.join("=c.csv"),
        "№,ФИО,Год рождения\n1,,1900\n2,=Опасный Ахмет,1901\n",
    )
    .unwrap();
    run_expect(run_cmd(&input, &output, &[]), 0);
    let db = Connection::open(output.join("rehab.sqlite")).unwrap();
    let violations: Vec<String> = db
        .prepare("PRAGMA foreign_key_check")
        .unwrap()
        .query_map([], |r| r.get::<_, String>(0))
        .unwrap()
        .map(|r| r.unwrap())
        .collect();
    assert!(violations.is_empty(), "{violations:?}");
    let ok: String = db
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(ok, "ok");
    for table in [
        "persons",
        "mentions",
        "decisions",
        "attestations",
        "rejects",
        "id_changes",
    ] {
        let n: i64 = db
            .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
            .unwrap();
        let csv = csv_rows(&output.join(format!("{table}.csv")));
        assert_eq!(n as usize, csv, "{table}");
        assert!(n > 0, "{table} is empty");
    }
    let checks: i64 = db
        .query_row("SELECT count(*) FROM checks", [], |r| r.get(0))
        .unwrap();
    assert_eq!(checks as usize, csv_rows(&output.join("checks.csv")));
    let persons: i64 = db
        .query_row("SELECT count(*) FROM persons", [], |r| r.get(0))
        .unwrap();
    assert_eq!(persons, 901);
    let with_decisions: i64 = db
        .query_row(
            "SELECT count(*) FROM person_decisions WHERE decision_id IS NOT NULL",
            [],
            |r| r.get(0),
        )
        .unwrap();
    let decisions: i64 = db
        .query_row("SELECT count(*) FROM decisions", [], |r| r.get(0))
        .unwrap();
    assert_eq!(with_decisions, decisions);
    let indexes: Vec<String> = db
        .prepare(
            "SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name",
        )
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(|r| r.unwrap())
        .collect();
    assert!(
        indexes.contains(&"mentions_person_id".to_string()),
        "{indexes:?}"
    );
    assert!(indexes.contains(&"persons_surname_key_given_key".to_string()));
    let plan: String = db
        .query_row(
            "EXPLAIN QUERY PLAN SELECT * FROM mentions WHERE person_id = 'P000001'",
            [],
            |r| r.get(3),
        )
        .unwrap();
    assert!(plan.contains("mentions_person_id"), "{plan}");
    let name: String = db
        .query_row(
            "SELECT name_raw FROM mentions WHERE source = '=c.csv'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(name, "=Опасный Ахмет", "data stays exact");
    let report = fs::read_to_string(output.join("persons_report.csv")).unwrap();
    assert!(
        report.contains(",'=c.csv,"),
        "a formula-like source name is neutralised: {report}"
    );
}
