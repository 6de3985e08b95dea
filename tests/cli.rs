//! The command line's conventions: the summary in words at the default level, internals only
//! at `-v`, nothing but warnings at `-q`, no progress drawing in a log, an example in each
//! command's help.

use crate::common::{Workdir, stderr};

fn sample(wd: &Workdir) {
    wd.input(
        "list.csv",
        "№,ФИО,Год рождения,Место рождения\n\
         1,Шокаев Мустафа Шокаевич,1890,Перовск\n\
         2,Чокаев Мустафа,1890,Ак-Мечеть\n\
         3,,1900,\n",
    );
}

#[test]
fn the_log_says_the_run_in_words_and_internals_only_when_asked() {
    let wd = Workdir::new();
    sample(&wd);
    let out = wd.rehab(&["run", "--max-reject-ratio", "1"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let log = stderr(&out);
    for words in [
        "2 read as mentions, 1 rejected (no_name 1) (rejects.csv)",
        "1 persons from 1 merges",
        "to judge: ",
        "warnings: ",
    ] {
        assert!(log.contains(words), "{words:?} missing from\n{log}");
    }
    assert!(!log.contains("blocking pass"), "{log}");
    assert!(
        !log.contains('\u{1b}'),
        "no terminal drawing in a log:\n{log}"
    );
    let verbose = stderr(&wd.rehab(&["run", "-v", "--max-reject-ratio", "1"]));
    assert!(verbose.contains("blocking pass"), "{verbose}");
    let quiet = wd.rehab(&["-q", "run", "--max-reject-ratio", "1"]);
    assert_eq!(quiet.status.code(), Some(0));
    assert_eq!(stderr(&quiet), "", "-q logs nothing when all goes well");
}

#[test]
fn every_command_shows_an_example_in_its_help() {
    let wd = Workdir::new();
    for command in ["run", "find", "explain"] {
        let out = wd.rehab(&[command, "--help"]);
        let help = String::from_utf8_lossy(&out.stdout);
        assert!(
            help.contains(&format!("rehab {command} ")),
            "{command}:\n{help}"
        );
        assert!(help.contains("Example"), "{command}:\n{help}");
    }
}
