//! The PostgreSQL server the load tests use (127.0.0.1:5432, trust authentication, database
//! `test`; `.ci/run` starts it), a schema of its own per test that is dropped when the test
//! ends however it ends, and snapshots of a schema's rows.

use super::ops::{persons, write_source};
use super::stderr;
use std::collections::BTreeMap;
use std::fs;
use std::path::Path;
use std::process::{Command, Output};
use std::sync::atomic::{AtomicUsize, Ordering};

/// The test server's URL.
pub const URL: &str = "postgresql://postgres@127.0.0.1:5432/test";

/// A connection to the test server; a test fails here, saying so, when the server is down.
pub fn client() -> postgres::Client {
    postgres::Client::connect(URL, postgres::NoTls).unwrap_or_else(|e| {
        panic!(
            "the PostgreSQL server of the tests is not reachable at {URL} ({e}); start it with \
             `pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start`"
        )
    })
}

/// A uniquely named schema (and a second one for a downstream application), both dropped on
/// drop, even when the test fails.
pub struct TestSchema {
    /// The schema rehab loads into.
    pub name: String,
    /// A schema for the test's own downstream tables.
    pub app: String,
}

impl TestSchema {
    /// A new name, unique across tests and test runs; nothing is created yet.
    pub fn new(tag: &str) -> TestSchema {
        static COUNTER: AtomicUsize = AtomicUsize::new(0);
        let n = COUNTER.fetch_add(1, Ordering::Relaxed);
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.subsec_nanos());
        let name = format!("t_{tag}_{}_{n}_{nanos}", std::process::id());
        let schema = TestSchema {
            app: format!("{name}_app"),
            name,
        };
        schema.drop_all();
        schema
    }

    fn drop_all(&self) {
        if let Ok(mut c) = postgres::Client::connect(URL, postgres::NoTls) {
            let _ = c.batch_execute(&format!(
                "DROP SCHEMA IF EXISTS {} CASCADE; DROP SCHEMA IF EXISTS {} CASCADE;",
                self.app, self.name
            ));
        }
    }

    /// `rehab load --output DIR --postgres URL --schema NAME` with extra arguments.
    pub fn load(&self, output: &Path, extra: &[&str]) -> Output {
        self.load_cmd(output, extra)
            .output()
            .expect("run rehab load")
    }

    /// The command of [`TestSchema::load`], not yet started.
    pub fn load_cmd(&self, output: &Path, extra: &[&str]) -> Command {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_rehab"));
        cmd.arg("load")
            .arg("--output")
            .arg(output)
            .args(["--postgres", URL, "--schema", &self.name])
            .args(extra)
            .env_remove("REHAB_POSTGRES_URL")
            .env("RUST_LOG", "info");
        cmd
    }

    /// Every row of every table of the schema as text, with the id of the transaction that
    /// wrote it (`xmin`): two equal snapshots mean that nothing was written in between.
    pub fn snapshot(&self, client: &mut postgres::Client) -> BTreeMap<String, Vec<String>> {
        let tables = client
            .query(
                "SELECT table_name::text FROM information_schema.tables \
                 WHERE table_schema = $1 AND table_type = 'BASE TABLE' ORDER BY 1",
                &[&self.name],
            )
            .unwrap();
        tables
            .iter()
            .map(|r| {
                let table: String = r.get(0);
                let rows = client
                    .query(
                        &format!(
                            "SELECT xmin::text || ' ' || t::text FROM {}.{table} t ORDER BY 1",
                            self.name
                        ),
                        &[],
                    )
                    .unwrap();
                (table, rows.iter().map(|r| r.get(0)).collect())
            })
            .collect()
    }

    /// `SELECT count(*)` of a query's rows in this schema (`{s}` stands for the schema).
    pub fn count(&self, client: &mut postgres::Client, sql: &str) -> i64 {
        let sql = sql.replace("{s}", &self.name).replace("{app}", &self.app);
        client.query_one(&sql, &[]).unwrap().get(0)
    }
}

impl Drop for TestSchema {
    fn drop(&mut self) {
        self.drop_all();
    }
}

/// The rows written per table, from the log of a load: `(inserted, updated, deleted)`.
pub fn written(out: &Output) -> BTreeMap<String, (u64, u64, u64)> {
    let log = String::from_utf8_lossy(&out.stderr);
    log.lines()
        .filter_map(|line| {
            let w: Vec<&str> = line.split_whitespace().collect();
            match w.as_slice() {
                [table, i, "inserted", u, "updated", d, "deleted"] => Some((
                    table.to_string(),
                    (i.parse().ok()?, u.parse().ok()?, d.parse().ok()?),
                )),
                _ => None,
            }
        })
        .collect()
}

/// The output of a command that ended with `code`; else the test fails with its stderr.
pub fn expect(out: Output, code: i32) -> Output {
    assert_eq!(out.status.code(), Some(code), "stderr: {}", stderr(&out));
    out
}

/// An input folder of two overlapping generated lists and a list with a rejected row.
pub fn two_sources(input: &Path) {
    fs::create_dir_all(input).unwrap();
    write_source(&input.join("a.csv"), &persons(300, 0), 1);
    write_source(&input.join("b.csv"), &persons(300, 150), 2);
    fs::write(
        input.join("c.csv"),
        "№,ФИО,Год рождения\n1,,1900\n2,Опасный Ахмет,1901\n",
    )
    .unwrap();
}
