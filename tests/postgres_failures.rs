//! `rehab load` against a real PostgreSQL server when things go wrong: a load that fails, is
//! killed or loses its connection half-way leaves the database as it was, an unreachable server or
//! a refused login exits 2 naming it, two loads never interleave, an older layout is upgraded and
//! a newer one refused, and the URL comes from the configuration or the environment.

use crate::common::ops::*;
use crate::common::pg::{self, TestSchema, expect, two_sources};
use crate::common::stderr;
use std::fs;
use std::path::Path;

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
