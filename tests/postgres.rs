//! `rehab load` and `rehab run --postgres` against a real PostgreSQL server: the schema matches
//! the CSVs, reloads write only what changed, downstream foreign keys survive and merged ids stay
//! resolvable. What a failure, a second load or another layout does is in `postgres_failures`.

use crate::common::ops::*;
use crate::common::pg::{self, TestSchema, expect, two_sources, written};
use crate::common::stderr;
use std::fs;

const TABLES: [&str; 7] = [
    "persons",
    "mentions",
    "decisions",
    "attestations",
    "checks",
    "rejects",
    "id_changes",
];

#[test]
fn a_first_load_holds_the_csvs_and_a_reload_writes_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let (input, output) = (tmp.path().join("input"), tmp.path().join("output"));
    two_sources(&input);
    run_expect(run_cmd(&input, &output, &[]), 0);
    let schema = TestSchema::new("first");
    let out = expect(schema.load(&output, &[]), 0);
    let mut db = pg::client();
    for table in TABLES {
        let n = schema.count(&mut db, &format!("SELECT count(*) FROM {{s}}.{table}"));
        assert_eq!(
            n as usize,
            csv_rows(&output.join(format!("{table}.csv"))),
            "{table}"
        );
        assert_eq!(written(&out)[table].0 as usize, n as usize, "{table}");
    }
    assert_eq!(
        schema.count(&mut db, "SELECT count(*) FROM {s}.persons"),
        451,
        "300 and 300 overlapping by 150, and one in c.csv"
    );
    let uncommented = schema.count(
        &mut db,
        "SELECT count(*) FROM information_schema.columns c \
         JOIN information_schema.tables t USING (table_schema, table_name) \
         WHERE c.table_schema = '{s}' AND t.table_type = 'BASE TABLE' AND col_description(
             format('%I.%I', c.table_schema, c.table_name)::regclass, c.ordinal_position) IS NULL",
    );
    assert_eq!(uncommented, 0, "every column has a comment");
    let tables = schema.count(
        &mut db,
        "SELECT count(*) FROM information_schema.tables WHERE table_schema = '{s}' \
         AND obj_description(format('%I.%I', table_schema, table_name)::regclass) IS NOT NULL",
    );
    assert_eq!(
        tables, 11,
        "the 7 outputs, aliases, runs, schema_version and the view"
    );
    let typed = schema.count(
        &mut db,
        "SELECT count(*) FROM information_schema.columns WHERE table_schema = '{s}' \
         AND ((column_name = 'birth_earliest' AND data_type = 'date') \
           OR (table_name = 'persons' AND column_name = 'mentions' AND data_type = 'integer'))",
    );
    assert_eq!(
        typed, 4,
        "birth dates of persons, mentions and the view; a count"
    );
    assert_eq!(
        schema.count(
            &mut db,
            "SELECT max(version)::bigint FROM {s}.schema_version"
        ),
        2
    );
    assert_eq!(
        schema.count(&mut db, "SELECT mentions::bigint FROM {s}.runs"),
        csv_rows(&output.join("mentions.csv")) as i64
    );

    let before = schema.snapshot(&mut db);
    let again = expect(schema.load(&output, &[]), 0);
    assert!(
        written(&again).values().all(|w| *w == (0, 0, 0)),
        "{}",
        stderr(&again)
    );
    assert_eq!(
        schema.snapshot(&mut db),
        before,
        "a reload of one folder writes no row"
    );
}

#[test]
fn a_new_source_keeps_ids_and_a_downstream_foreign_key() {
    let tmp = tempfile::tempdir().unwrap();
    let (input, output) = (tmp.path().join("input"), tmp.path().join("output"));
    fs::create_dir_all(&input).unwrap();
    write_source(&input.join("m_first.csv"), &persons(400, 0), 1);
    run_expect(run_cmd(&input, &output, &[]), 0);
    let schema = TestSchema::new("newsrc");
    expect(schema.load(&output, &[]), 0);
    let mut db = pg::client();
    db.batch_execute(&format!(
        "CREATE SCHEMA {app};
         CREATE TABLE {app}.photos (
             photo_id serial PRIMARY KEY,
             person_id text NOT NULL REFERENCES {s}.persons (person_id));
         INSERT INTO {app}.photos (person_id) SELECT person_id FROM {s}.persons;",
        app = schema.app,
        s = schema.name
    ))
    .unwrap();
    let ids_before = person_of_mentions(&output);

    let mut second: Vec<Person> = persons(400, 0).into_iter().step_by(4).collect();
    second.extend(persons(100, 400));
    write_source(&input.join("a_second.csv"), &second, 2);
    run_expect(run_cmd(&input, &output, &[]), 0);
    let out = expect(schema.load(&output, &[]), 0);
    let w = written(&out);
    assert_eq!(w["persons"].0, 100, "the new persons are inserted");
    assert_eq!(w["mentions"], (200, 0, 0), "{}", stderr(&out));

    let photos = schema.count(&mut db, "SELECT count(*) FROM {app}.photos");
    assert_eq!(photos, 400, "the downstream rows are all there");
    let orphans = schema.count(
        &mut db,
        "SELECT count(*) FROM {app}.photos ph LEFT JOIN {s}.persons p USING (person_id) \
         WHERE p.person_id IS NULL OR p.status <> 'current'",
    );
    assert_eq!(orphans, 0, "each refers to a current person");
    let valid = schema.count(
        &mut db,
        "SELECT count(*) FROM pg_constraint WHERE contype = 'f' AND convalidated \
         AND conrelid = '{app}.photos'::regclass",
    );
    assert_eq!(valid, 1, "the foreign key is still in force");
    let rows = db
        .query(
            &format!(
                "SELECT source || ':' || record_id, person_id FROM {}.mentions",
                schema.name
            ),
            &[],
        )
        .unwrap();
    let in_db: std::collections::BTreeMap<String, String> =
        rows.iter().map(|r| (r.get(0), r.get(1))).collect();
    let ids_after = person_of_mentions(&output);
    assert_eq!(in_db, ids_after, "the database holds the run's person ids");
    let kept = ids_before
        .iter()
        .filter(|(key, id)| ids_after.get(*key) == Some(*id))
        .count();
    assert!(
        kept * 100 >= ids_before.len() * 99,
        "{kept} of {} kept",
        ids_before.len()
    );
}

const LIST: &str = "№,ФИО,Год рождения,Место рождения\n\
    1,Шокаев Мустафа Шокаевич,1890,Перовск\n\
    2,Шокаев Мустафа,1890,Ак-Мечеть\n\
    3,Ахметов Ахмет Ахметович,1898,Акмолинск\n\
    4,Ахметов Ахмет,1905,Караганда\n\
    5,Байтурсынов Ахмет,1872,Тургай\n";

#[test]
fn a_merge_leaves_an_alias_a_split_a_new_id_and_a_retired_id_its_row() {
    let tmp = tempfile::tempdir().unwrap();
    let (input, output) = (tmp.path().join("input"), tmp.path().join("output"));
    fs::create_dir_all(&input).unwrap();
    fs::write(input.join("list.csv"), LIST).unwrap();
    run_expect(run_cmd(&input, &output, &[]), 0);
    let first = person_of_mentions(&output);
    let (p3, p4) = (&first["list.csv:3"], &first["list.csv:4"]);
    assert_ne!(p3, p4);
    let schema = TestSchema::new("merge");
    expect(schema.load(&output, &[]), 0);
    let mut db = pg::client();
    db.batch_execute(&format!(
        "CREATE SCHEMA {app};
         CREATE TABLE {app}.notes (person_id text REFERENCES {s}.persons, note text);
         INSERT INTO {app}.notes SELECT person_id, 'seen' FROM {s}.persons;",
        app = schema.app,
        s = schema.name
    ))
    .unwrap();

    let links = tmp.path().join("links.csv");
    fs::write(&links, "a,b,judgement\nlist.csv:3,list.csv:4,same\n").unwrap();
    let links_arg = links.to_str().unwrap();
    run_expect(run_cmd(&input, &output, &["--links", links_arg]), 0);
    let merged = person_of_mentions(&output);
    let (kept, gone) = (
        &merged["list.csv:3"],
        if &merged["list.csv:3"] == p3 { p4 } else { p3 },
    );
    assert_eq!(&merged["list.csv:4"], kept);
    expect(schema.load(&output, &[]), 0);
    let alias: String = db
        .query_one(
            &format!(
                "SELECT person_id FROM {}.aliases WHERE alias = $1",
                schema.name
            ),
            &[gone],
        )
        .unwrap()
        .get(0);
    assert_eq!(&alias, kept, "the merged id resolves to the kept one");
    let status: String = db
        .query_one(
            &format!(
                "SELECT status FROM {}.persons WHERE person_id = $1",
                schema.name
            ),
            &[gone],
        )
        .unwrap()
        .get(0);
    assert_eq!(status, "merged");
    let resolved = schema.count(
        &mut db,
        "SELECT count(DISTINCT coalesce(a.person_id, n.person_id)) FROM {app}.notes n \
         LEFT JOIN {s}.aliases a ON a.alias = n.person_id",
    );
    assert_eq!(resolved, 3, "the notes resolve to the three persons now");
    assert_eq!(schema.count(&mut db, "SELECT count(*) FROM {app}.notes"), 4);
    assert_eq!(
        schema.count(
            &mut db,
            "SELECT count(DISTINCT person_id) FROM {s}.person_decisions"
        ),
        3,
        "the view shows current persons only"
    );

    fs::write(
        &links,
        "a,b,judgement\nlist.csv:3,list.csv:4,same\nlist.csv:1,list.csv:2,different\n",
    )
    .unwrap();
    run_expect(run_cmd(&input, &output, &["--links", links_arg]), 0);
    let split = person_of_mentions(&output);
    assert_ne!(split["list.csv:1"], split["list.csv:2"]);
    let out = expect(schema.load(&output, &[]), 0);
    assert_eq!(written(&out)["persons"].0, 1, "the split-off person is new");
    let changes = schema.count(
        &mut db,
        "SELECT count(*) FROM {s}.id_changes WHERE change = 'split'",
    );
    assert_eq!(changes, 1);
    let current = schema.count(
        &mut db,
        "SELECT count(*) FROM {s}.persons WHERE status = 'current'",
    );
    assert_eq!(current, 4);
    assert_eq!(schema.count(&mut db, "SELECT count(*) FROM {app}.notes"), 4);

    // A row leaves the list: its person's id is retired, its row and the note on it stay.
    let retired_id = &split["list.csv:5"];
    let fewer: String = LIST
        .lines()
        .filter(|l| !l.starts_with("5,"))
        .collect::<Vec<_>>()
        .join("\n");
    fs::write(input.join("list.csv"), fewer + "\n").unwrap();
    run_expect(run_cmd(&input, &output, &["--links", links_arg]), 0);
    let out = expect(schema.load(&output, &[]), 0);
    assert_eq!(written(&out)["mentions"], (0, 0, 1), "{}", stderr(&out));
    let status: String = db
        .query_one(
            &format!(
                "SELECT status FROM {}.persons WHERE person_id = $1",
                schema.name
            ),
            &[retired_id],
        )
        .unwrap()
        .get(0);
    assert_eq!(status, "retired");
    assert_eq!(schema.count(&mut db, "SELECT count(*) FROM {app}.notes"), 4);
}
