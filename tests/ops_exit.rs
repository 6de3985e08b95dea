//! Each documented exit code, from the real binary.

use crate::common::ops::*;
use std::fs;
use std::path::Path;

fn input_with(dir: &Path, rows: &str) {
    fs::create_dir_all(dir).unwrap();
    fs::write(dir.join("a.csv"), format!("№,ФИО,Год рождения\n{rows}")).unwrap();
}

fn code(input: &Path, output: &Path, extra: &[&str]) -> Option<i32> {
    let mut cmd = std::process::Command::new(binary());
    cmd.arg("run")
        .arg("--input")
        .arg(input)
        .arg("--output")
        .arg(output);
    cmd.args(extra).env("RUST_LOG", "off");
    cmd.output().unwrap().status.code()
}

#[test]
fn success_is_0_and_too_many_rejects_is_1() {
    let tmp = tempfile::tempdir().unwrap();
    let (input, output) = (tmp.path().join("in"), tmp.path().join("out"));
    input_with(&input, "1,Иванов Иван,1900\n2,,1901\n");
    assert_eq!(
        code(&input, &output, &["--max-reject-ratio", "0.5"]),
        Some(0)
    );
    assert_eq!(
        code(&input, &output, &["--max-reject-ratio", "0.2"]),
        Some(1)
    );
    assert!(
        output.join("persons.csv").exists(),
        "a run with exit 1 still writes"
    );
}

#[test]
fn configuration_input_and_a_busy_output_are_2() {
    let tmp = tempfile::tempdir().unwrap();
    let (input, output) = (tmp.path().join("in"), tmp.path().join("out"));
    assert_eq!(code(&input, &output, &[]), Some(2), "missing input folder");
    input_with(&input, "1,Иванов Иван,1900\n");
    let config = tmp.path().join("bad.toml");
    fs::write(&config, "this is = = not toml").unwrap();
    let config = config.display().to_string();
    assert_eq!(code(&input, &output, &["--config", &config]), Some(2));
    let lock = rehab::state::lock::RunLock::acquire(&output).unwrap();
    assert_eq!(
        code(&input, &output, &[]),
        Some(2),
        "another run holds the lock"
    );
    assert!(!output.exists(), "the refused run wrote nothing");
    drop(lock);
    assert_eq!(code(&input, &output, &[]), Some(0));
}

#[test]
fn a_damaged_registry_and_an_unwritable_output_are_3() {
    let tmp = tempfile::tempdir().unwrap();
    let (input, output) = (tmp.path().join("in"), tmp.path().join("out"));
    input_with(&input, "1,Иванов Иван,1900\n");
    assert_eq!(code(&input, &output, &[]), Some(0));
    let before = fs::read(output.join("persons.csv")).unwrap();
    fs::write(output.join("state/registry.csv"), "garbage\n\"unclosed").unwrap();
    assert_eq!(code(&input, &output, &[]), Some(3));
    assert_eq!(fs::read(output.join("persons.csv")).unwrap(), before);

    let blocker = tmp.path().join("file");
    fs::write(&blocker, "not a folder").unwrap();
    assert_eq!(code(&input, &blocker.join("out"), &[]), Some(3));
}

#[test]
fn a_dry_run_writes_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let (input, output) = (tmp.path().join("in"), tmp.path().join("out"));
    input_with(&input, "1,Иванов Иван,1900\n2,,1901\n");
    assert_eq!(
        code(&input, &output, &["--dry-run", "--max-reject-ratio", "0.2"]),
        Some(1)
    );
    assert_eq!(
        code(&input, &output, &["--dry-run", "--max-reject-ratio", "0.9"]),
        Some(0)
    );
    assert_eq!(
        fs::read_dir(tmp.path()).unwrap().count(),
        1,
        "only the input folder"
    );
}

#[test]
fn json_logs_are_json_lines_without_progress_output() {
    let tmp = tempfile::tempdir().unwrap();
    let (input, output) = (tmp.path().join("in"), tmp.path().join("out"));
    input_with(&input, "1,Иванов Иван,1900\n");
    let mut cmd = std::process::Command::new(binary());
    cmd.args(["--log-format", "json", "run", "--input"])
        .arg(&input);
    cmd.arg("--output").arg(&output).env("RUST_LOG", "info");
    let out = run_expect(cmd, 0);
    let log = String::from_utf8(out.stderr).unwrap();
    assert!(!log.is_empty());
    for line in log.lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        assert!(v["level"].is_string(), "{line}");
    }
    assert!(!log.contains('\u{1b}'), "no terminal control codes");
}
