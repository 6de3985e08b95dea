//! The output folder, the id registry, settings and links: nothing the program did not write is
//! deleted, a bad night renumbers no one, and no setting turns a check off without a word.

use crate::common::{self, Workdir};
use std::fs;
use std::path::Path;
use std::process::Output;

const LIST: &str = "№,ФИО,Год рождения\n1,Иванов Иван Петрович,1900\n2,Петров Пётр Ильич,1901\n\
                    3,Сидоров Сидор Карпович,1902\n4,Кузнецов Илья Ильич,1903\n";

fn code(out: &Output) -> i32 {
    out.status.code().unwrap_or(-1)
}

fn run_json(wd: &Workdir, output: &str) -> serde_json::Value {
    serde_json::from_str(&wd.read(&format!("{output}/run.json"))).expect("run.json")
}

/// Every file under a folder, relative, with its bytes.
fn snapshot(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                stack.push(p);
            } else {
                let rel = p.strip_prefix(dir).unwrap().display().to_string();
                files.push((rel, fs::read(&p).unwrap()));
            }
        }
    }
    files.sort();
    files
}

#[test]
fn an_output_folder_equal_to_the_input_is_refused_and_the_sources_stay() {
    let wd = Workdir::new();
    wd.input("a.csv", LIST);
    wd.input("notes.txt", "not a source");
    let before = snapshot(&wd.join("input"));
    for output in ["input", "./input/../input", "input/out", "input/out/deeper"] {
        let out = wd.rehab(&["run", "--input", "input", "--output", output]);
        assert_eq!(code(&out), 2, "{output}: {}", common::stderr(&out));
        assert!(common::stderr(&out).contains("input folder"), "{output}");
        assert_eq!(snapshot(&wd.join("input")), before, "{output}");
    }
}

#[test]
fn an_output_folder_holding_the_input_is_refused() {
    let wd = Workdir::new();
    wd.input("a.csv", LIST);
    fs::write(wd.join("unrelated.txt"), "keep me").unwrap();
    let out = wd.rehab(&["run", "--input", "input", "--output", "."]);
    assert_eq!(code(&out), 2, "{}", common::stderr(&out));
    assert!(common::stderr(&out).contains("holds the input folder"));
    assert_eq!(wd.read("unrelated.txt"), "keep me");
    assert_eq!(wd.read("input/a.csv"), LIST);
    let out = wd.rehab(&["run", "--state", "input/state"]);
    assert_eq!(code(&out), 2, "a state folder inside the input");
}

#[test]
fn files_rehab_did_not_write_are_never_deleted() {
    let wd = Workdir::new();
    wd.input("a.csv", LIST);
    fs::create_dir_all(wd.join("docs")).unwrap();
    fs::write(wd.join("docs/thesis.odt"), "years of work").unwrap();
    let out = wd.rehab(&["run", "--output", "docs"]);
    assert_eq!(code(&out), 2, "{}", common::stderr(&out));
    assert!(common::stderr(&out).contains("thesis.odt"));
    assert_eq!(wd.read("docs/thesis.odt"), "years of work");

    assert_eq!(code(&wd.run()), 0);
    let manifest = wd.read("output/.rehab-manifest");
    assert!(manifest.lines().any(|l| l == "persons.csv"), "{manifest}");
    assert!(
        manifest.lines().any(|l| l == "state/registry.csv"),
        "{manifest}"
    );
    fs::write(wd.join("output/notes.txt"), "an archivist's note").unwrap();
    let persons = wd.read("output/persons.csv");
    let out = wd.run();
    assert_eq!(code(&out), 2, "{}", common::stderr(&out));
    assert!(common::stderr(&out).contains("notes.txt"));
    assert_eq!(wd.read("output/notes.txt"), "an archivist's note");
    assert_eq!(wd.read("output/persons.csv"), persons);
    fs::remove_file(wd.join("output/notes.txt")).unwrap();
    assert_eq!(code(&wd.run()), 0, "a folder rehab owns is replaced");

    fs::create_dir_all(wd.join("st")).unwrap();
    fs::write(wd.join("st/readme"), "x").unwrap();
    let out = wd.rehab(&["run", "--state", "st"]);
    assert_eq!(code(&out), 2, "a --state folder with foreign files");
    assert_eq!(wd.read("st/readme"), "x");
}

#[test]
fn an_empty_or_earlier_output_folder_is_replaced() {
    let wd = Workdir::new();
    wd.input("a.csv", LIST);
    fs::create_dir_all(wd.join("empty")).unwrap();
    assert_eq!(code(&wd.rehab(&["run", "--output", "empty"])), 0);
    fs::remove_file(wd.join("empty/.rehab-manifest")).unwrap();
    assert_eq!(
        code(&wd.rehab(&["run", "--output", "empty"])),
        0,
        "an output of a version without manifests"
    );
    assert!(wd.join("empty/.rehab-manifest").exists());
}

#[test]
fn an_id_counter_at_the_end_of_its_range_is_a_damaged_registry() {
    let wd = Workdir::new();
    wd.input("a.csv", LIST);
    assert_eq!(code(&wd.run()), 0);
    let persons = wd.read("output/persons.csv");
    let state = format!("{{\"format\": 1, \"next_id\": {}}}\n", u64::MAX);
    fs::write(wd.join("output/state/state.json"), state).unwrap();
    wd.input(
        "b.csv",
        "№,ФИО,Год рождения\n1,Абаев Абай Кунанбаевич,1845\n",
    );
    let out = wd.run();
    assert_eq!(code(&out), 3, "{}", common::stderr(&out));
    assert!(common::stderr(&out).contains("next_id"));
    assert_eq!(wd.read("output/persons.csv"), persons);
    assert!(!persons.contains("P000000"));
}

#[test]
fn settings_that_turn_a_check_off_are_refused() {
    let wd = Workdir::new();
    wd.input("a.csv", LIST);
    for (toml, setting) in [
        ("[link]\nthreshold = nan\n", "link.threshold"),
        ("[link]\nlone_threshold = -inf\n", "link.lone_threshold"),
        ("[link]\nmax_disagreement = nan\n", "link.max_disagreement"),
        (
            "[link]\nreview_low = 6.0\nreview_high = 1.0\n",
            "link.review_low",
        ),
    ] {
        fs::write(wd.join("rehab.toml"), toml).unwrap();
        let out = wd.rehab(&["run", "--config", "rehab.toml"]);
        assert_eq!(code(&out), 2, "{toml}");
        assert!(
            common::stderr(&out).contains(setting),
            "{toml}: {}",
            common::stderr(&out)
        );
    }
    for ratio in ["NaN", "-0.1", "1.5", "inf"] {
        let out = wd.rehab(&["run", &format!("--max-reject-ratio={ratio}")]);
        assert_eq!(code(&out), 2, "--max-reject-ratio {ratio}");
        assert!(common::stderr(&out).contains("max-reject-ratio"));
    }
    assert!(!wd.join("output").exists());
}

#[test]
fn overrides_that_match_nothing_are_warned_of_in_the_log_and_run_json() {
    let wd = Workdir::new();
    wd.input("a.csv", LIST);
    let toml = "[sources.\"missing.csv\"]\nencoding = \"koi8-r\"\n\
                [sources.\"a.csv\"]\ncolumns = { \"Дата ареста\" = \"arrest_date\" }\n";
    fs::write(wd.join("rehab.toml"), toml).unwrap();
    let out = wd.rehab(&["run", "--config", "rehab.toml"]);
    assert_eq!(code(&out), 0, "{}", common::stderr(&out));
    let log = common::stderr(&out);
    assert!(
        log.contains("missing.csv") && log.contains("Дата ареста"),
        "{log}"
    );
    let warnings = run_json(&wd, "output")["config"]["warnings"].clone();
    let text = warnings.to_string();
    assert_eq!(warnings.as_array().map(Vec::len), Some(2), "{text}");
    assert!(
        text.contains("missing.csv") && text.contains("Дата ареста"),
        "{text}"
    );
}

#[test]
fn a_lost_source_stops_the_run_and_keeps_the_outputs() {
    let wd = Workdir::new();
    wd.input("a.csv", LIST);
    wd.input(
        "b.csv",
        "№,ФИО,Год рождения\n1,Абаев Абай Кунанбаевич,1845\n",
    );
    assert_eq!(code(&wd.run()), 0);
    let before = snapshot(&wd.join("output"));

    fs::remove_file(wd.join("input/b.csv")).unwrap();
    let out = wd.run();
    assert_eq!(code(&out), 1, "{}", common::stderr(&out));
    assert!(common::stderr(&out).contains("b.csv: missing (accepted rows: 1 in the last run"));
    assert_eq!(snapshot(&wd.join("output")), before, "nothing written");

    wd.input("b.csv", [0xff, 0xfe, 0x00, 0x01]);
    let out = wd.run();
    assert_eq!(code(&out), 1, "unreadable: {}", common::stderr(&out));
    assert!(common::stderr(&out).contains("b.csv: unreadable"));
    fs::remove_file(wd.join("input/b.csv")).unwrap();

    wd.input("a.csv", "№,ФИО,Год рождения\n1,Иванов Иван Петрович,1900\n");
    let out = wd.run();
    assert_eq!(code(&out), 1);
    assert!(
        common::stderr(&out).contains("a.csv: shrank (accepted rows: 4 in the last run, 1 now)")
    );
    assert_eq!(snapshot(&wd.join("output")), before);

    fs::remove_file(wd.join("input/a.csv")).unwrap();
    let out = wd.run();
    assert_eq!(code(&out), 1, "an empty input folder");
    assert_eq!(snapshot(&wd.join("output")), before);
}

fn person_of(wd: &Workdir, output: &str) -> std::collections::BTreeMap<String, String> {
    wd.table(&format!("{output}/mentions.csv"))
        .into_iter()
        .map(|m| (m["record_id"].clone(), m["person_id"].clone()))
        .collect()
}

#[test]
fn a_chain_of_same_judgements_never_crosses_a_different_one() {
    let wd = Workdir::new();
    wd.input("a.csv", LIST);
    fs::write(
        wd.join("links.csv"),
        "a,b,judgement\na.csv:1,a.csv:2,same\na.csv:2,a.csv:3,same\na.csv:1,a.csv:3,different\n",
    )
    .unwrap();
    let out = wd.rehab(&["run", "--links", "links.csv"]);
    assert_eq!(code(&out), 0, "{}", common::stderr(&out));
    let person = person_of(&wd, "output");
    assert_eq!(person["1"], person["2"], "the first same holds");
    assert_ne!(person["1"], person["3"], "the different holds");
    assert_ne!(
        person["2"], person["3"],
        "the conflicting same is not applied"
    );
    let log = common::stderr(&out);
    assert!(
        log.contains("row 3 (a.csv:2 same a.csv:3)") && log.contains("row 4"),
        "{log}"
    );
    let warnings = run_json(&wd, "output")["config"]["warnings"].to_string();
    assert!(
        warnings.contains("links.csv") && warnings.contains("row 3"),
        "{warnings}"
    );
}

#[test]
fn a_source_lost_for_a_night_gives_its_people_their_ids_back() {
    let wd = Workdir::new();
    wd.input("a.csv", LIST);
    let b = "№,ФИО,Год рождения\n1,Абаев Абай Кунанбаевич,1845\n2,Букейханов Алихан,1866\n";
    wd.input("b.csv", b);
    assert_eq!(code(&wd.run()), 0);
    let before = wd.table("output/mentions.csv");
    let id_of = |rows: &[std::collections::BTreeMap<String, String>], key: &str| {
        rows.iter()
            .find(|m| format!("{}:{}", m["source"], m["record_id"]) == key)
            .map(|m| m["person_id"].clone())
    };
    fs::remove_file(wd.join("input/b.csv")).unwrap();
    let out = wd.rehab(&["run", "--allow-shrink"]);
    assert_eq!(code(&out), 0, "{}", common::stderr(&out));
    let changes = wd.read("output/id_changes.csv");
    assert_eq!(
        changes
            .lines()
            .filter(|l| l.starts_with("retired,"))
            .count(),
        2
    );

    wd.input("b.csv", b);
    assert_eq!(code(&wd.run()), 0);
    let after = wd.table("output/mentions.csv");
    for key in ["a.csv:1", "b.csv:1", "b.csv:2"] {
        assert_eq!(id_of(&after, key), id_of(&before, key), "{key}");
    }
    let changes = wd.read("output/id_changes.csv");
    assert_eq!(
        changes
            .lines()
            .filter(|l| l.starts_with("returned,"))
            .count(),
        2,
        "{changes}"
    );
    assert!(!changes.contains("new,"), "{changes}");
}

#[test]
fn an_output_symlink_stays_a_symlink_and_two_paths_share_one_lock() {
    let wd = Workdir::new();
    wd.input("a.csv", LIST);
    fs::create_dir_all(wd.join("real")).unwrap();
    std::os::unix::fs::symlink(wd.join("real"), wd.join("link")).unwrap();
    let out = wd.rehab(&["run", "--output", "link"]);
    assert_eq!(code(&out), 0, "{}", common::stderr(&out));
    let meta = fs::symlink_metadata(wd.join("link")).unwrap();
    assert!(meta.file_type().is_symlink(), "the symlink was replaced");
    assert!(wd.join("real/persons.csv").exists());
    assert_eq!(
        code(&wd.rehab(&["run", "--output", "link"])),
        0,
        "a second run"
    );
    assert!(
        fs::symlink_metadata(wd.join("link"))
            .unwrap()
            .file_type()
            .is_symlink()
    );

    let real = fs::canonicalize(wd.join("real")).unwrap();
    let lock = rehab::state::lock::RunLock::acquire(&real).unwrap();
    for path in ["link", "real", "./link/../real"] {
        let out = wd.rehab(&["run", "--output", path]);
        assert_eq!(code(&out), 2, "{path}: the lock is shared");
        assert!(common::stderr(&out).contains("another run holds"), "{path}");
    }
    drop(lock);
    assert_eq!(code(&wd.rehab(&["run", "--output", "real"])), 0);
}

/// Mounts a tmpfs on `dir`; false where this system does not allow it.
fn mount_tmpfs(dir: &Path) -> bool {
    std::process::Command::new("mount")
        .args(["-t", "tmpfs", "tmpfs"])
        .arg(dir)
        .output()
        .is_ok_and(|o| o.status.success())
}

#[test]
fn a_mount_point_as_output_is_replaced_inside() {
    use std::os::unix::fs::MetadataExt;
    let wd = Workdir::new();
    wd.input("a.csv", LIST);
    let mnt = wd.join("mnt");
    fs::create_dir_all(&mnt).unwrap();
    if mount_tmpfs(&mnt) {
        let inode = fs::metadata(&mnt).unwrap().ino();
        let first = wd.rehab(&["run", "--output", "mnt"]);
        wd.input(
            "b.csv",
            "№,ФИО,Год рождения\n1,Абаев Абай Кунанбаевич,1845\n",
        );
        let second = wd.rehab(&["run", "--output", "mnt"]);
        let persons = wd.table("mnt/persons.csv").len();
        let names: Vec<String> = fs::read_dir(&mnt)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        let still = fs::metadata(&mnt).unwrap().ino();
        let _ = std::process::Command::new("umount").arg(&mnt).output();
        assert_eq!(code(&first), 0, "{}", common::stderr(&first));
        assert_eq!(code(&second), 0, "{}", common::stderr(&second));
        assert_eq!(persons, 5);
        assert_eq!(still, inode, "the mount point itself stays");
        assert!(
            !names
                .iter()
                .any(|n| n.starts_with(".rehab-") && n != ".rehab-manifest"),
            "{names:?}"
        );
    } else {
        // No mounting here: the same in-place replacement, through the library.
        use rehab::emit::atomic::Staging;
        let inode = fs::metadata(&mnt).unwrap().ino();
        let staging = Staging::inside(&mnt).unwrap();
        fs::write(staging.path().join("persons.csv"), "x").unwrap();
        staging.commit().unwrap();
        assert_eq!(fs::metadata(&mnt).unwrap().ino(), inode);
        assert_eq!(fs::read_to_string(mnt.join("persons.csv")).unwrap(), "x");
    }
}

#[test]
fn allow_shrink_in_the_configuration_lets_an_intended_loss_through() {
    let wd = Workdir::new();
    wd.input("a.csv", LIST);
    wd.input(
        "b.csv",
        "№,ФИО,Год рождения\n1,Абаев Абай Кунанбаевич,1845\n",
    );
    assert_eq!(code(&wd.run()), 0);
    fs::remove_file(wd.join("input/b.csv")).unwrap();
    assert_eq!(
        code(&wd.rehab(&["run", "--dry-run"])),
        1,
        "a dry run reports it too"
    );
    fs::write(wd.join("rehab.toml"), "allow_shrink = true\n").unwrap();
    let out = wd.rehab(&["run", "--config", "rehab.toml"]);
    assert_eq!(code(&out), 0, "{}", common::stderr(&out));
    assert_eq!(run_json(&wd, "output")["config"]["allow_shrink"], true);
    assert!(wd.read("output/id_changes.csv").contains("retired,"));
}

#[test]
fn a_file_as_output_and_a_state_folder_holding_the_output_are_refused() {
    let wd = Workdir::new();
    wd.input("a.csv", LIST);
    fs::write(wd.join("report.txt"), "a file of mine").unwrap();
    let out = wd.rehab(&["run", "--output", "report.txt"]);
    assert_eq!(code(&out), 2, "{}", common::stderr(&out));
    assert_eq!(wd.read("report.txt"), "a file of mine");
    assert_eq!(code(&wd.run()), 0);
    let persons = wd.read("output/persons.csv");
    for state in ["output", "./output/", "."] {
        let out = wd.rehab(&["run", "--state", state]);
        assert_eq!(code(&out), 2, "--state {state}: {}", common::stderr(&out));
        assert_eq!(wd.read("output/persons.csv"), persons, "--state {state}");
    }
    assert_eq!(code(&wd.rehab(&["run", "--state", "output/state"])), 0);
    assert_eq!(wd.read("output/persons.csv"), persons);
    let out = wd.run();
    assert_eq!(
        code(&out),
        0,
        "the state's own manifest is rehab's: {}",
        common::stderr(&out)
    );
}
