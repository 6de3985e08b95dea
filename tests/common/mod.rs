//! A scratch folder with an `input/` folder, and the real `rehab` binary run in it; `ops` holds
//! what the operations tests add (generated lists, runs expecting an exit code, snapshots).

pub mod desk;
pub mod ops;
pub mod pg;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// A temporary working folder for one test.
pub struct Workdir {
    dir: tempfile::TempDir,
}

impl Workdir {
    /// A new empty working folder with an `input/` folder.
    pub fn new() -> Workdir {
        let dir = tempfile::tempdir().expect("temp dir");
        fs::create_dir_all(dir.path().join("input")).expect("input dir");
        Workdir { dir }
    }

    /// The folder's path.
    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    /// A path inside the folder.
    pub fn join(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }

    /// Writes a file under `input/`.
    pub fn input(&self, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
        let path = self.join("input").join(name);
        fs::write(&path, bytes).expect("write input");
        path
    }

    /// Runs `rehab` with the arguments in this folder.
    pub fn rehab(&self, args: &[&str]) -> Output {
        self.rehab_with_env(args, &[])
    }

    /// Runs `rehab` with extra environment variables.
    pub fn rehab_with_env(&self, args: &[&str], env: &[(&str, &str)]) -> Output {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_rehab"));
        cmd.args(args).current_dir(self.path()).env("NO_COLOR", "1");
        for (k, v) in env {
            cmd.env(k, v);
        }
        cmd.output().expect("run rehab")
    }

    /// Runs `rehab` with the arguments in this folder, `stdin` written to its standard input;
    /// returns its standard output.
    pub fn rehab_piped(&self, args: &[&str], stdin: &str) -> String {
        use std::io::Write;
        use std::process::Stdio;
        let mut child = Command::new(env!("CARGO_BIN_EXE_rehab"))
            .args(args)
            .current_dir(self.path())
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .expect("run rehab");
        let mut input = child.stdin.take().expect("stdin");
        input.write_all(stdin.as_bytes()).expect("write stdin");
        drop(input);
        let out = child.wait_with_output().expect("wait for rehab");
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// Runs `rehab run` with default folders and returns its output.
    pub fn run(&self) -> Output {
        self.rehab(&["run"])
    }

    /// Reads an output CSV as rows of cells keyed by header.
    pub fn table(&self, rel: &str) -> Vec<std::collections::BTreeMap<String, String>> {
        read_table(&self.join(rel))
    }

    /// The text of a file in the folder.
    pub fn read(&self, rel: &str) -> String {
        fs::read_to_string(self.join(rel)).expect("read file")
    }

    /// The person id of each record id in `DIR/mentions.csv` (record ids unique in the run).
    pub fn person_of(&self, dir: &str) -> std::collections::BTreeMap<String, String> {
        self.table(&format!("{dir}/mentions.csv"))
            .into_iter()
            .map(|m| (m["record_id"].clone(), m["person_id"].clone()))
            .collect()
    }

    /// The `output/run.json` of the last run.
    pub fn run_json(&self) -> serde_json::Value {
        serde_json::from_str(&self.read("output/run.json")).expect("run.json")
    }
}

/// The entry of `run.json` for one source, by name.
pub fn source<'a>(run: &'a serde_json::Value, name: &str) -> &'a serde_json::Value {
    run["sources"]
        .as_array()
        .and_then(|s| s.iter().find(|s| s["name"] == name))
        .unwrap_or_else(|| panic!("no source {name} in run.json"))
}

/// Reads a CSV file as rows keyed by header.
pub fn read_table(path: &Path) -> Vec<std::collections::BTreeMap<String, String>> {
    let mut rdr = csv::Reader::from_path(path).expect("open csv");
    let headers = rdr.headers().expect("headers").clone();
    rdr.records()
        .map(|r| {
            let r = r.expect("record");
            headers
                .iter()
                .zip(r.iter())
                .map(|(h, v)| (h.to_string(), v.to_string()))
                .collect()
        })
        .collect()
}

/// Standard error of a run, as text.
pub fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}
