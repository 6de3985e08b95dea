//! Long values: a place, name or date past its cap is not read, its raw text is kept, the row goes
//! on (or, for a name, goes to rejects.csv) and a warning names the column and the cap; work per
//! value stays linear. Report cells that a spreadsheet would evaluate are neutralised.

use crate::common::{Workdir, read_table, stderr};
use std::io::Write;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

/// Far more than a capped value needs, far less than the cubic place search took (minutes).
const QUICK: Duration = Duration::from_secs(20);

/// `count` words that name no place, separated by single spaces.
fn words(count: usize) -> String {
    let pool = [
        "abcde",
        "qwert",
        "zxcvb",
        "lorem",
        "ipsum",
        "dolor",
        "Ташкент",
        "кишлак",
    ];
    (0..count)
        .map(|i| pool[(i * 7 + i / 3) % pool.len()])
        .collect::<Vec<_>>()
        .join(" ")
}

/// Exactly `chars` characters in one part of an address (no separators, no markers).
fn characters(chars: usize) -> String {
    let text: String = words(chars).chars().take(chars).collect();
    let short = chars - text.chars().count();
    text + &"x".repeat(short)
}

/// Runs `rehab normalize <kind>` on one line of standard input.
fn normalize(wd: &Workdir, kind: &str, line: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_rehab"))
        .args(["normalize", kind])
        .current_dir(wd.path())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run rehab normalize");
    let mut stdin = child.stdin.take().expect("stdin");
    stdin.write_all(line.as_bytes()).expect("write stdin");
    stdin.write_all(b"\n").expect("write stdin");
    drop(stdin);
    child.wait_with_output().expect("rehab normalize output")
}

/// The rows `rehab normalize` printed, keyed by header.
fn normalized_rows(wd: &Workdir, out: &Output) -> Vec<std::collections::BTreeMap<String, String>> {
    let path = wd.join("normalized.csv");
    std::fs::write(&path, &out.stdout).expect("write stdout");
    read_table(&path)
}

#[test]
fn a_birth_place_of_600_words_is_kept_raw_with_a_warning_and_the_row_accepted() {
    let wd = Workdir::new();
    let place = words(600);
    let csv = format!(
        "ФИО,Год рождения,Место рождения\n\
         Иванов Иван Иванович,1900,{place}\n\
         Петров Петр Петрович,1901,г. Ташкент\n"
    );
    wd.input("list.csv", csv);
    let started = Instant::now();
    let out = wd.run();
    let took = started.elapsed();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(took < QUICK, "the run took {took:?}");
    let mentions = wd.table("output/mentions.csv");
    assert_eq!(mentions.len(), 2, "{mentions:?}");
    let long = &mentions[0];
    assert_eq!(long["name_raw"], "Иванов Иван Иванович");
    assert_eq!(long["birth_place_raw"], place);
    assert_eq!(long["birth_place_key"], "");
    assert!(
        long["warnings"].contains("birth_place (column 3)")
            && long["warnings"].contains("characters, past the cap of 1024 characters"),
        "{}",
        long["warnings"]
    );
    assert_eq!(mentions[1]["birth_place_modern"], "Tashkent");
    assert!(wd.table("output/rejects.csv").is_empty());
}

#[test]
fn normalize_place_on_2000_characters_answers_quickly_with_the_cap() {
    let wd = Workdir::new();
    let text = characters(2_000);
    let started = Instant::now();
    let out = normalize(&wd, "place", &text);
    let took = started.elapsed();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(took < QUICK, "normalize place took {took:?}");
    let rows = normalized_rows(&wd, &out);
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0]["input"], text);
    assert_eq!(rows[0]["modern"], "");
    assert_eq!(
        rows[0]["error"],
        "not read as a place: 2000 characters, past the cap of 1024 characters for one place"
    );
}

#[test]
fn a_place_within_the_caps_is_still_found_among_many_words_and_past_them_is_not() {
    let wd = Workdir::new();
    let text = format!("{} Ташкент", words(60));
    let out = normalize(&wd, "place", &text);
    assert!(out.status.success(), "{}", stderr(&out));
    let rows = normalized_rows(&wd, &out);
    assert_eq!(rows[0]["modern"], "Tashkent", "{rows:?}");
    let many = format!("{} Ташкент", vec!["а"; 100].join(" "));
    let out = normalize(&wd, "place", &many);
    let rows = normalized_rows(&wd, &out);
    assert_eq!(
        rows[0]["error"],
        "not read as a place: 101 words, past the cap of 64 words for one place"
    );
}

#[test]
fn a_name_of_10000_characters_is_rejected_as_too_long_with_its_row_kept() {
    let wd = Workdir::new();
    let name = characters(10_000);
    let csv = format!(
        "ФИО,Год рождения,Место рождения\n\
         {name},1900,г. Ташкент\n\
         Петров Петр Петрович,1901,г. Ташкент\n"
    );
    wd.input("list.csv", csv);
    let started = Instant::now();
    let out = wd.rehab(&["run", "--max-reject-ratio", "1"]);
    assert!(started.elapsed() < QUICK);
    assert!(out.status.success(), "{}", stderr(&out));
    let mentions = wd.table("output/mentions.csv");
    assert_eq!(mentions.len(), 1);
    assert_eq!(mentions[0]["name_raw"], "Петров Петр Петрович");
    let rejects = wd.table("output/rejects.csv");
    assert_eq!(rejects.len(), 1, "{rejects:?}");
    assert_eq!(rejects[0]["reason"], "value_too_long");
    assert_eq!(rejects[0]["row"], "2");
    assert_eq!(rejects[0]["column"], "1");
    assert!(
        rejects[0]["message"].contains("10000 characters, past the cap of 256 characters"),
        "{}",
        rejects[0]["message"]
    );
    assert!(rejects[0]["raw"].contains(&name));
}

#[test]
fn normalize_name_on_10000_characters_reports_the_cap() {
    let wd = Workdir::new();
    let out = normalize(&wd, "name", &characters(10_000));
    assert!(out.status.success(), "{}", stderr(&out));
    let rows = normalized_rows(&wd, &out);
    assert_eq!(
        rows[0]["error"],
        "not read as a name: 10000 characters, past the cap of 256 characters for one name"
    );
}

#[test]
fn a_date_of_64_kilobytes_is_kept_raw_with_a_warning_naming_the_cap() {
    let wd = Workdir::new();
    let date = "12 марта 1937 ".repeat(64 * 1024 / 20);
    let csv = format!(
        "ФИО,Год рождения,Дата ареста\n\
         Иванов Иван Иванович,1900,{date}\n"
    );
    wd.input("list.csv", csv);
    let out = wd.run();
    assert!(out.status.success(), "{}", stderr(&out));
    let mentions = wd.table("output/mentions.csv");
    assert_eq!(mentions.len(), 1);
    let raw = &mentions[0]["arrest_raw"];
    assert!(raw == &date, "arrest_raw holds {} bytes", raw.len());
    assert_eq!(mentions[0]["arrest_earliest"], "");
    let warnings = &mentions[0]["warnings"];
    assert!(
        warnings.contains("arrest_date (column 3)")
            && warnings.contains("past the cap of 400 bytes for one date"),
        "{warnings}"
    );
}

#[test]
fn report_cells_starting_like_a_formula_are_neutralised_even_when_they_parse_as_numbers() {
    let wd = Workdir::new();
    let header = "ФИО,Год рождения,Место рождения,Национальность,Архивное дело\n";
    wd.input(
        "a.csv",
        format!("{header}Иванов Иван Иванович,1900,-inf,-INF,-inf\n"),
    );
    wd.input(
        "b.csv",
        format!("{header}Иванов Иван Иванович,1901,+7,@x,=1+1\n"),
    );
    std::fs::write(
        wd.join("rehab.toml"),
        "[link]\nthreshold = 1000.0\nlone_threshold = 1000.0\nreview_low = -1000.0\nreview_high = 1000.0\n",
    )
    .expect("write config");
    let out = wd.rehab(&["run", "--config", "rehab.toml"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let review = wd.table("output/review.csv");
    assert_eq!(review.len(), 1, "{review:?}");
    let pair = &review[0];
    let sides = |column: &str| {
        [
            pair[&format!("a_{column}")].clone(),
            pair[&format!("b_{column}")].clone(),
        ]
    };
    let mut cells: Vec<String> = Vec::new();
    for column in ["birth_place", "nationality", "case_number"] {
        cells.extend(sides(column));
    }
    cells.sort();
    assert_eq!(cells, ["'+7", "'-INF", "'-inf", "'-inf", "'=1+1", "'@x"]);
    let score = &pair["score"];
    assert!(score.parse::<f64>().is_ok_and(f64::is_finite), "{score}");
    let mentions = wd.table("output/mentions.csv");
    assert!(
        mentions.iter().any(|m| m["case_number"] == "-inf"),
        "data CSVs keep the exact value"
    );
}
