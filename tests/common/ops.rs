//! Shared by the operations tests: a work folder, generated archive lists, the real binary.

use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;
use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// A generated person: name, birth date and place; no two of them are one person.
pub use rehab::synth::distinct::DistinctPerson as Person;

/// Persons `offset..offset + n` of the generator's sequence of distinct persons: a person who
/// shares a name pair with another was born at least four years apart from them, so that none
/// link; birth years spread over half a century, as in a real list.
pub fn persons(n: usize, offset: usize) -> Vec<Person> {
    let tables = rehab::synth::data::tables().expect("generator tables");
    rehab::synth::distinct::distinct_persons(tables, n, offset)
}

/// Writes a source of the given persons in the standard header layout; some rows carry a
/// rehabilitation decision.
pub fn write_source(path: &Path, persons: &[Person], seed: u64) {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let mut text =
        String::from("№,ФИО,Дата рождения,Место рождения,Дата реабилитации,Орган реабилитации\n");
    for (i, p) in persons.iter().enumerate() {
        let place = &p.place;
        let (date, body) = if rng.random_range(0..3) == 0 {
            let year = rng.random_range(1955..1995);
            (format!("{year}"), "Военная коллегия Верховного суда СССР")
        } else {
            (String::new(), "")
        };
        text.push_str(&format!(
            "{},{} {},{},{place},{date},{body}\n",
            i + 1,
            p.surname,
            p.given,
            p.birth.format("%d.%m.%Y"),
        ));
    }
    fs::write(path, text).unwrap();
}

/// The path of the built `rehab` binary.
pub fn binary() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_rehab"))
}

/// `rehab run --input IN --output OUT` plus extra arguments, with the given thread count.
pub fn run_cmd(input: &Path, output: &Path, extra: &[&str]) -> Command {
    let mut cmd = Command::new(binary());
    cmd.arg("run")
        .arg("--input")
        .arg(input)
        .arg("--output")
        .arg(output)
        .args(["--max-reject-ratio", "1"])
        .args(extra)
        .env("RUST_LOG", "warn");
    cmd
}

/// Runs and returns the output, failing with the log when the exit code is not `code`.
pub fn run_expect(mut cmd: Command, code: i32) -> Output {
    let out = cmd.output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(code),
        "stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

/// `person_id` of each mention, by `source:record_id`, from `mentions.csv`.
pub fn person_of_mentions(output: &Path) -> BTreeMap<String, String> {
    let mut rdr = csv::Reader::from_path(output.join("mentions.csv")).unwrap();
    let headers = rdr.headers().unwrap().clone();
    let col = |name: &str| headers.iter().position(|h| h == name).unwrap();
    let (s, r, p) = (col("source"), col("record_id"), col("person_id"));
    rdr.records()
        .map(|rec| {
            let rec = rec.unwrap();
            (format!("{}:{}", &rec[s], &rec[r]), rec[p].to_string())
        })
        .collect()
}

/// Data rows of a CSV file (which must parse completely).
pub fn csv_rows(path: &Path) -> usize {
    let mut rdr = csv::Reader::from_path(path).unwrap();
    let mut rows = 0;
    for record in rdr.records() {
        record.unwrap();
        rows += 1;
    }
    rows
}

/// Every file under `dir` (relative path → bytes), sorted.
pub fn snapshot(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut files = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in fs::read_dir(&d).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let rel = path.strip_prefix(dir).unwrap().display().to_string();
                files.insert(rel, fs::read(&path).unwrap());
            }
        }
    }
    files
}
