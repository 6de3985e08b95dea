//! `rehab load` and `rehab run --postgres` against a real PostgreSQL server: the schema matches
//! the CSVs, reloads write only what changed, downstream foreign keys survive, merged ids stay
//! resolvable, failures leave the database as it was, and two loads never interleave.

use crate::common::ops::*;
use crate::common::pg::{self, TestSchema, written};
use crate::common::stderr;
use std::fs;
use std::path::Path;
use std::process::Output;

fn expect(out: Output, code: i32) -> Output {
    assert_eq!(out.status.code(), Some(code), "stderr: {}", stderr(&out));
    out
}

/// An input folder of two overlapping generated lists and a list with a rejected row.
fn two_sources(input: &Path) {
    fs::create_dir_all(input).unwrap();
    write_source(&input.join("a.csv"), &persons(300, 0), 1);
    write_source(&input.join("b.csv"), &persons(300, 150), 2);
    fs::write(
        input.join("c.csv"),
        "№,ФИО,Год рождения\n1,,1900\n2,Опасный Ахмет,1901\n",
    )
    .unwrap();
}

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

/// An output folder loaded once, then a second run whose outputs differ (a source added), not
/// yet loaded.
fn loaded_then_changed(tmp: &Path, schema: &TestSchema, persons_n: usize) -> std::path::PathBuf {
    let (input, output) = (tmp.join("input"), tmp.join("output"));
    fs::create_dir_all(&input).unwrap();
    write_source(&input.join("a.csv"), &persons(persons_n, 0), 1);
    run_expect(run_cmd(&input, &output, &[]), 0);
    expect(schema.load(&output, &[]), 0);
    write_source(&input.join("b.csv"), &persons(persons_n, persons_n / 2), 2);
    run_expect(run_cmd(&input, &output, &[]), 0);
    output
}

#[test]
fn a_load_that_fails_half_way_leaves_the_database_as_it_was() {
    let tmp = tempfile::tempdir().unwrap();
    let schema = TestSchema::new("fail");
    let output = loaded_then_changed(tmp.path(), &schema, 300);
    let mut db = pg::client();
    let before = schema.snapshot(&mut db);
    let pristine = fs::read(output.join("checks.csv")).unwrap();

    // A finding about a person no table holds: COPY takes it, the merge fails on the foreign
    // key after persons, mentions and decisions were written in the transaction.
    let mut broken = pristine.clone();
    broken.extend_from_slice("birth_after_arrest,error,P999999,a.csv,1,made up\n".as_bytes());
    fs::write(output.join("checks.csv"), &broken).unwrap();
    let out = expect(schema.load(&output, &[]), 3);
    let log = stderr(&out);
    assert!(
        log.contains("insert into checks") && log.contains("foreign key"),
        "{log}"
    );
    assert!(log.contains("nothing was committed"), "{log}");
    assert_eq!(schema.snapshot(&mut db), before);

    // A cell that is not a date: the COPY fails, naming the file and the line.
    fs::write(output.join("checks.csv"), &pristine).unwrap();
    let mentions = fs::read_to_string(output.join("mentions.csv")).unwrap();
    let mut lines: Vec<String> = mentions.lines().map(str::to_string).collect();
    let header: Vec<&str> = lines[0].split(',').collect();
    let col = header.iter().position(|h| *h == "birth_earliest").unwrap();
    let mut cells: Vec<String> = lines[5].split(',').map(str::to_string).collect();
    cells[col] = "1937-13-45".to_string();
    lines[5] = cells.join(",");
    fs::write(output.join("mentions.csv"), lines.join("\n") + "\n").unwrap();
    let out = expect(schema.load(&output, &[]), 3);
    let log = stderr(&out);
    assert!(
        log.contains("mentions.csv") && log.contains("line 6"),
        "{log}"
    );
    assert_eq!(schema.snapshot(&mut db), before);
}

/// The pid of the server process of the load into the schema, once it waits for a lock
/// (polled; told from other tests' loads by the schema in its query).
fn waiting_load(db: &mut postgres::Client, schema: &str) -> i32 {
    for _ in 0..600 {
        let row = db
            .query_opt(
                "SELECT pid FROM pg_stat_activity WHERE application_name = 'rehab load' \
                 AND wait_event_type = 'Lock' AND strpos(query, $1) > 0",
                &[&schema],
            )
            .unwrap();
        if let Some(row) = row {
            return row.get(0);
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    panic!("the load never waited for the lock");
}

fn gone(db: &mut postgres::Client, pid: i32) {
    for _ in 0..600 {
        let n: i64 = db
            .query_one(
                "SELECT count(*) FROM pg_stat_activity WHERE pid = $1",
                &[&pid],
            )
            .unwrap()
            .get(0);
        if n == 0 {
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    panic!("the server process of the killed load is still there");
}

#[test]
fn a_load_killed_or_cut_off_half_way_leaves_the_database_as_it_was() {
    let tmp = tempfile::tempdir().unwrap();
    let schema = TestSchema::new("kill");
    let output = loaded_then_changed(tmp.path(), &schema, 300);
    let mut db = pg::client();
    let before = schema.snapshot(&mut db);
    // The test holds `aliases`, the last table merged: the load writes persons, mentions ...
    // in its transaction, then waits for it. Then it is killed; then cut off by the server.
    for how in ["killed", "cut off"] {
        let mut blocker = pg::client();
        let mut hold = blocker.transaction().unwrap();
        hold.batch_execute(&format!(
            "LOCK TABLE {}.aliases IN ACCESS EXCLUSIVE MODE",
            schema.name
        ))
        .unwrap();
        let child = schema
            .load_cmd(&output, &[])
            .stderr(std::process::Stdio::piped())
            .spawn();
        let mut child = child.unwrap();
        let pid = waiting_load(&mut db, &schema.name);
        let written: i64 = db
            .query_one(
                "SELECT count(*) FROM pg_locks WHERE pid = $1 AND mode = 'RowExclusiveLock' \
                 AND granted",
                &[&pid],
            )
            .unwrap()
            .get(0);
        assert!(written > 0, "the load has written rows in its transaction");
        if how == "killed" {
            child.kill().unwrap();
        } else {
            db.execute("SELECT pg_terminate_backend($1)", &[&pid])
                .unwrap();
        }
        let out = child.wait_with_output().unwrap();
        hold.rollback().unwrap();
        gone(&mut db, pid);
        if how == "cut off" {
            assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
            assert!(
                stderr(&out).contains("nothing was committed"),
                "{}",
                stderr(&out)
            );
        }
        assert_eq!(schema.snapshot(&mut db), before, "{how}");
    }
    expect(schema.load(&output, &[]), 0);
    assert_ne!(
        schema.snapshot(&mut db),
        before,
        "a load afterwards goes through"
    );
}

#[test]
fn an_unreachable_server_or_refused_login_exits_2_naming_it() {
    // The test server trusts every login, so it cannot refuse a password: a role it does not
    // know, a database it does not have and a closed port stand for the refusals.
    let tmp = tempfile::tempdir().unwrap();
    let (input, output) = (tmp.path().join("input"), tmp.path().join("output"));
    two_sources(&input);
    run_expect(run_cmd(&input, &output, &[]), 0);
    let schema = TestSchema::new("refused");
    let cases = [
        (
            "postgresql://no_such_role:secret@127.0.0.1:5432/test",
            "no_such_role",
        ),
        (
            "postgresql://postgres:secret@127.0.0.1:5432/no_such_db",
            "no_such_db",
        ),
        (
            "postgresql://postgres:secret@127.0.0.1:1/test",
            "127.0.0.1:1",
        ),
        (
            "postgresql://postgres:secret@127.0.0.1:notaport/test",
            "URL is not usable",
        ),
    ];
    for (url, named) in cases {
        let out = std::process::Command::new(binary())
            .args([
                "load",
                "--postgres",
                url,
                "--schema",
                &schema.name,
                "--output",
            ])
            .arg(&output)
            .output()
            .unwrap();
        let log = stderr(&out);
        assert_eq!(out.status.code(), Some(2), "{url}: {log}");
        assert!(log.contains(named), "{url}: {log}");
        assert!(
            !log.contains("secret"),
            "the password is never shown: {log}"
        );
    }
    // A run that cannot load keeps its outputs and says so.
    let before = snapshot(&output);
    fs::write(
        input.join("d.csv"),
        "№,ФИО,Год рождения\n1,Новый Нурлан,1911\n",
    )
    .unwrap();
    let out = run_expect(
        run_cmd(
            &input,
            &output,
            &["--postgres", "postgresql://postgres@127.0.0.1:1/test"],
        ),
        2,
    );
    assert!(
        stderr(&out).contains("outputs are written and kept"),
        "{}",
        stderr(&out)
    );
    assert_ne!(snapshot(&output), before, "the new outputs are in place");
    let mut db = pg::client();
    let exists = schema.count(
        &mut db,
        "SELECT count(*) FROM information_schema.schemata WHERE schema_name = '{s}'",
    );
    assert_eq!(exists, 0, "nothing was created");
}

#[test]
fn a_second_load_at_the_same_time_is_refused_never_interleaved() {
    let tmp = tempfile::tempdir().unwrap();
    let (input, output) = (tmp.path().join("input"), tmp.path().join("output"));
    two_sources(&input);
    run_expect(run_cmd(&input, &output, &[]), 0);
    let schema = TestSchema::new("twice");
    let mut holder = pg::client();
    holder
        .execute(&rehab::load::lock::session_lock_sql(), &[&schema.name])
        .unwrap();
    let out = expect(schema.load(&output, &[]), 2);
    assert!(stderr(&out).contains("another load"), "{}", stderr(&out));
    drop(holder);

    let loads: Vec<_> = (0..2)
        .map(|_| {
            let mut cmd = schema.load_cmd(&output, &[]);
            cmd.stderr(std::process::Stdio::piped()).spawn().unwrap()
        })
        .collect();
    let codes: Vec<Option<i32>> = loads
        .into_iter()
        .map(|c| c.wait_with_output().unwrap().status.code())
        .collect();
    assert!(codes.contains(&Some(0)), "{codes:?}");
    assert!(
        codes.iter().all(|c| *c == Some(0) || *c == Some(2)),
        "{codes:?}"
    );
    let mut db = pg::client();
    let mentions = schema.count(&mut db, "SELECT count(*) FROM {s}.mentions");
    assert_eq!(mentions as usize, csv_rows(&output.join("mentions.csv")));
    assert_eq!(schema.count(&mut db, "SELECT count(*) FROM {s}.runs"), 1);
}

#[test]
fn an_older_layout_is_upgraded_and_a_newer_one_refused() {
    let tmp = tempfile::tempdir().unwrap();
    let (input, output) = (tmp.path().join("input"), tmp.path().join("output"));
    two_sources(&input);
    run_expect(run_cmd(&input, &output, &[]), 0);
    let schema = TestSchema::new("layout");
    let mut db = pg::client();
    let tables = rehab::load::tables::tables().unwrap();
    let mut tx = db.transaction().unwrap();
    let applied = rehab::load::migrate_to(&mut tx, &schema.name, &tables, 1).unwrap();
    tx.commit().unwrap();
    assert_eq!(applied, [1]);
    assert_eq!(
        schema.count(
            &mut db,
            "SELECT count(*) FROM pg_views WHERE schemaname = '{s}'"
        ),
        0
    );

    let out = expect(schema.load(&output, &[]), 0);
    assert!(
        stderr(&out).contains("layout steps applied: 2"),
        "{}",
        stderr(&out)
    );
    assert_eq!(
        schema.count(
            &mut db,
            "SELECT max(version)::bigint FROM {s}.schema_version"
        ),
        2
    );
    assert_eq!(
        schema.count(
            &mut db,
            "SELECT count(*) FROM pg_indexes WHERE schemaname = '{s}' \
             AND indexname = 'mentions_person_id'"
        ),
        1
    );
    assert_eq!(
        schema.count(
            &mut db,
            "SELECT count(DISTINCT person_id) FROM {s}.person_decisions"
        ),
        schema.count(&mut db, "SELECT count(*) FROM {s}.persons")
    );

    db.execute(
        &format!(
            "INSERT INTO {}.schema_version (version, what, rehab_version) VALUES (99, 'x', '9')",
            schema.name
        ),
        &[],
    )
    .unwrap();
    let before = schema.snapshot(&mut db);
    let out = expect(schema.load(&output, &[]), 2);
    assert!(
        stderr(&out).contains("layout version 99, newer than the 2 this rehab knows"),
        "{}",
        stderr(&out)
    );
    assert_eq!(schema.snapshot(&mut db), before);
}

#[test]
fn the_configuration_or_the_environment_gives_the_url() {
    let tmp = tempfile::tempdir().unwrap();
    let (input, output) = (tmp.path().join("input"), tmp.path().join("output"));
    two_sources(&input);
    let schema = TestSchema::new("config");
    let config = tmp.path().join("rehab.toml");
    fs::write(
        &config,
        format!(
            "[postgres]\nurl = \"{}\"\nschema = \"{}\"\n",
            pg::URL,
            schema.name
        ),
    )
    .unwrap();
    let config_arg = config.to_str().unwrap();
    run_expect(run_cmd(&input, &output, &["--config", config_arg]), 0);
    let mut db = pg::client();
    let mentions = schema.count(&mut db, "SELECT count(*) FROM {s}.mentions");
    assert_eq!(mentions as usize, csv_rows(&output.join("mentions.csv")));

    let other = TestSchema::new("env");
    let out = std::process::Command::new(binary())
        .args(["load", "--schema", &other.name, "--output"])
        .arg(&output)
        .env("REHAB_POSTGRES_URL", pg::URL)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let persons = other.count(&mut db, "SELECT count(*) FROM {s}.persons");
    assert_eq!(persons as usize, csv_rows(&output.join("persons.csv")));
}
