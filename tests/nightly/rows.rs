//! Delimited text ingest: rows, row numbers and raw values under hostile input.

use crate::common::{Workdir, stderr};
use std::collections::BTreeMap;

type Row = BTreeMap<String, String>;

/// Runs `rehab run` and returns mentions and rejects; every input row must be in one of them.
fn run_tables(wd: &Workdir) -> (Vec<Row>, Vec<Row>) {
    let out = wd.run();
    assert!(matches!(out.status.code(), Some(0 | 1)), "{}", stderr(&out));
    (
        wd.table("output/mentions.csv"),
        wd.table("output/rejects.csv"),
    )
}

fn rows_and_reasons(rejects: &[Row]) -> Vec<(String, String)> {
    rejects
        .iter()
        .map(|r| (r["row"].clone(), r["reason"].clone()))
        .collect()
}

fn names(mentions: &[Row]) -> Vec<(String, String)> {
    mentions
        .iter()
        .map(|m| (m["row"].clone(), m["name_raw"].clone()))
        .collect()
}

fn pairs(items: &[(&str, &str)]) -> Vec<(String, String)> {
    items
        .iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect()
}

const HEADER: &str = "№,ФИО,Место рождения,Год рождения";

#[test]
fn an_open_quote_in_the_last_column_rejects_only_its_row() {
    let wd = Workdir::new();
    let text = format!(
        "{HEADER}\n1,Шокаев Мустафа,Перовск,\"1989\n2,Чакабаев Ибрагим,Верный,1890\n\
         3,Дулатов Миржакып,Тургай,1885\n"
    );
    wd.input("list.csv", text);
    let (mentions, rejects) = run_tables(&wd);
    assert_eq!(rows_and_reasons(&rejects), pairs(&[("2", "malformed_row")]));
    assert_eq!(rejects[0]["column"], "4");
    assert!(
        rejects[0]["message"].starts_with("list.csv: row 2, column 4:"),
        "{}",
        rejects[0]["message"]
    );
    assert_eq!(
        names(&mentions),
        pairs(&[("3", "Чакабаев Ибрагим"), ("4", "Дулатов Миржакып")])
    );
}

#[test]
fn an_open_quote_closed_by_a_later_quote_rejects_only_its_row() {
    let wd = Workdir::new();
    let text = format!(
        "{HEADER}\n1,Шокаев Мустафа,\"Перовск,1989\n2,Чакабаев Ибрагим,Верный,1890\n\
         3,\"Дулатов Миржакып\",Тургай,1885\n4,Байтурсынов Ахмет,\"Тургай\n5,Жумабаев Магжан,Петропавловск,\"1893\"\n"
    );
    wd.input("list.csv", text);
    let (mentions, rejects) = run_tables(&wd);
    assert_eq!(
        rows_and_reasons(&rejects),
        pairs(&[("2", "malformed_row"), ("5", "malformed_row")])
    );
    assert_eq!(rejects[0]["column"], "3");
    assert_eq!(
        names(&mentions),
        pairs(&[
            ("3", "Чакабаев Ибрагим"),
            ("4", "Дулатов Миржакып"),
            ("6", "Жумабаев Магжан")
        ])
    );
}

#[test]
fn an_open_quote_closed_at_the_end_of_a_later_row_rejects_only_its_row() {
    let wd = Workdir::new();
    let text = format!(
        "{HEADER}\n1,Шокаев Мустафа,Перовск,\"1989\n2,Чакабаев Ибрагим,Верный,1890\"\n\
         3,Дулатов Миржакып,Тургай,1885\n"
    );
    wd.input("list.csv", text);
    let (mentions, rejects) = run_tables(&wd);
    assert_eq!(
        rows_and_reasons(&rejects)[0],
        ("2".into(), "malformed_row".into())
    );
    let kept = names(&mentions);
    assert!(
        kept.contains(&("4".into(), "Дулатов Миржакып".into())),
        "{kept:?}"
    );
    assert!(kept.iter().all(|(_, n)| n != "Шокаев Мустафа"), "{kept:?}");
    assert_eq!(kept.len() + rejects.len(), 3);
}

#[test]
fn a_quoted_cell_over_several_lines_is_one_value() {
    let wd = Workdir::new();
    let text = "№,ФИО,Обвинение,Год рождения\r\n1,Шокаев Мустафа,\"ст. 58-10\r\nст. 58-11\",1890\r\n\
                2,Дулатов Миржакып,58-2,1885\r\n";
    wd.input("list.csv", text);
    let (mentions, rejects) = run_tables(&wd);
    assert!(rejects.is_empty(), "{rejects:?}");
    assert_eq!(
        names(&mentions),
        pairs(&[("2", "Шокаев Мустафа"), ("4", "Дулатов Миржакып")])
    );
    assert_eq!(mentions[0]["charge"], "ст. 58-10\r\nст. 58-11");
}

fn line_endings_case(eol: &str) {
    let wd = Workdir::new();
    let lines = [
        HEADER,
        "1,Шокаев Мустафа,Перовск,1890",
        "2,,Верный,1900",
        "3,Дулатов Миржакып,\"Тургай,1885",
        "4,Жумабаев Магжан,Петропавловск,1893",
    ];
    wd.input("list.csv", lines.join(eol) + eol);
    let (mentions, rejects) = run_tables(&wd);
    assert_eq!(
        rows_and_reasons(&rejects),
        pairs(&[("3", "no_name"), ("4", "malformed_row")]),
        "line ending {eol:?}"
    );
    assert!(rejects[1]["message"].starts_with("list.csv: row 4, column 3:"));
    assert_eq!(
        names(&mentions),
        pairs(&[("2", "Шокаев Мустафа"), ("5", "Жумабаев Магжан")]),
        "line ending {eol:?}"
    );
}

#[test]
fn cr_only_line_endings_number_rows_and_recover_open_quotes() {
    line_endings_case("\r");
}

#[test]
fn lf_and_crlf_line_endings_number_rows_alike() {
    line_endings_case("\n");
    line_endings_case("\r\n");
}

#[test]
fn mixed_line_endings_number_rows_by_physical_line() {
    let wd = Workdir::new();
    let text = format!(
        "{HEADER}\r1,Шокаев Мустафа,Перовск,1890\r\n2,,Верный,1900\n\r\
         4,Жумабаев Магжан,Петропавловск,1893\r"
    );
    wd.input("list.csv", text);
    let (mentions, rejects) = run_tables(&wd);
    assert_eq!(rows_and_reasons(&rejects), pairs(&[("3", "no_name")]));
    assert_eq!(
        names(&mentions),
        pairs(&[("2", "Шокаев Мустафа"), ("5", "Жумабаев Магжан")])
    );
}

#[test]
fn a_cell_past_the_cap_rejects_its_row_with_the_cell_cut() {
    let wd = Workdir::new();
    let long = "Перовск ".repeat(10_000);
    let text = format!("{HEADER}\n1,Шокаев Мустафа,{long},1890\n2,Дулатов Миржакып,Тургай,1885\n");
    wd.input("list.csv", text);
    let (mentions, rejects) = run_tables(&wd);
    assert_eq!(
        rows_and_reasons(&rejects),
        pairs(&[("2", "value_too_long")])
    );
    assert_eq!(rejects[0]["column"], "3");
    assert!(
        rejects[0]["message"].contains("65536 bytes"),
        "{}",
        rejects[0]["message"]
    );
    let cells: Vec<String> = serde_json::from_str(&rejects[0]["raw"]).unwrap();
    assert_eq!(cells[1], "Шокаев Мустафа");
    assert!(cells[2].ends_with("[… cut]"), "the cut cell is marked");
    assert!(cells[2].len() <= 65_536 + 16, "the stored cell is bounded");
    assert_eq!(names(&mentions), pairs(&[("3", "Дулатов Миржакып")]));
}

#[test]
fn a_huge_line_and_a_huge_open_quote_are_read_in_linear_time() {
    let wd = Workdir::new();
    let huge = "x".repeat(32 << 20);
    let text = format!(
        "{HEADER}\n1,Шокаев Мустафа,{huge},1890\n2,Дулатов Миржакып,\"{huge}\n\
         3,Жумабаев Магжан,Петропавловск,1893\n"
    );
    wd.input("list.csv", text);
    let started = std::time::Instant::now();
    let (mentions, rejects) = run_tables(&wd);
    assert!(started.elapsed().as_secs() < 30, "{:?}", started.elapsed());
    assert_eq!(
        rows_and_reasons(&rejects),
        pairs(&[("2", "value_too_long"), ("3", "malformed_row")])
    );
    assert_eq!(names(&mentions), pairs(&[("4", "Жумабаев Магжан")]));
    let rejects_bytes = std::fs::metadata(wd.join("output/rejects.csv"))
        .unwrap()
        .len();
    assert!(
        rejects_bytes < 1 << 20,
        "rejects.csv stays small: {rejects_bytes}"
    );
}

#[test]
fn a_row_past_the_column_cap_is_rejected() {
    let wd = Workdir::new();
    let wide = vec!["x"; 5000].join(",");
    let text = format!("{HEADER}\n1,Шокаев Мустафа,{wide}\n2,Дулатов Миржакып,Тургай,1885\n");
    wd.input("list.csv", text);
    let (mentions, rejects) = run_tables(&wd);
    assert_eq!(rows_and_reasons(&rejects), pairs(&[("2", "ragged_row")]));
    assert!(
        rejects[0]["message"].contains("5002 cells"),
        "{}",
        rejects[0]["message"]
    );
    assert_eq!(names(&mentions), pairs(&[("3", "Дулатов Миржакып")]));
}

fn run_json(wd: &Workdir) -> serde_json::Value {
    serde_json::from_str(&wd.read("output/run.json")).expect("run.json")
}

#[test]
fn two_columns_mapped_to_one_field_keep_both_values() {
    let wd = Workdir::new();
    let text = "№,ФИО,Дата рождения,Дата рождения\n1,Шокаев Мустафа,1890,05.05.1996\n\
                2,Дулатов Миржакып,,1885\n";
    wd.input("list.csv", text);
    let (mentions, rejects) = run_tables(&wd);
    assert!(rejects.is_empty(), "{rejects:?}");
    assert_eq!(mentions[0]["birth_raw"], "1890");
    let extra: serde_json::Value = serde_json::from_str(&mentions[0]["extra"]).unwrap();
    assert_eq!(extra["Дата рождения"], "05.05.1996");
    assert!(
        mentions[0]["warnings"].contains("columns 3 (\"Дата рождения\") and 4"),
        "{}",
        mentions[0]["warnings"]
    );
    assert_eq!(
        mentions[1]["birth_raw"], "1885",
        "the first column with a value gives it"
    );
    let run = run_json(&wd);
    let warnings = run["sources"][0]["detected"]["warnings"].to_string();
    assert!(warnings.contains("all map to birth_date"), "{warnings}");
}

#[test]
fn values_are_kept_as_written() {
    let wd = Workdir::new();
    let text = "№,ФИО,Год рождения,Обвинение,Приговор,Примечание,Примечание\n\
                1,  Шокаев Мустафа ,\" 1890 \",\"ст.  58-10\n58-11\",\" ВМН  \",а, б \n";
    wd.input("list.csv", text);
    let (mentions, _) = run_tables(&wd);
    let m = &mentions[0];
    assert_eq!(m["name_raw"], "  Шокаев Мустафа ");
    assert_eq!(m["birth_raw"], " 1890 ");
    assert_eq!(m["birth_earliest"], "1890-01-01");
    assert_eq!(m["charge"], "ст.  58-10\n58-11");
    assert_eq!(m["sentence"], " ВМН  ");
    assert_eq!(m["sentence_key"], "death");
    assert_eq!(m["extra"], r#"{"Примечание":"а","Примечание (2)":" б "}"#);
}

#[test]
fn a_repeated_header_line_is_rejected_not_read_as_a_person() {
    let wd = Workdir::new();
    let text = format!(
        "{HEADER}\n1,Шокаев Мустафа,Перовск,1890\n№ , фио,МЕСТО  РОЖДЕНИЯ,Год рождения\n\
         2,Дулатов Миржакып,Тургай,1885\n"
    );
    wd.input("list.csv", text);
    let (mentions, rejects) = run_tables(&wd);
    assert_eq!(
        rows_and_reasons(&rejects),
        pairs(&[("3", "repeated_header")])
    );
    assert!(rejects[0]["message"].starts_with("list.csv: row 3:"));
    assert_eq!(
        names(&mentions),
        pairs(&[("2", "Шокаев Мустафа"), ("4", "Дулатов Миржакып")])
    );
}

#[test]
fn markers_of_the_unknown_are_no_value() {
    let wd = Workdir::new();
    let text = "№,Фамилия,Имя,Год рождения,Место рождения,Национальность\n\
                1,нет данных,,1890,Перовск,казах\n\
                2,Шокаев,Мустафа,Н/Д,неизвестно,?\n\
                3,Дулатов,маълумот йўқ,1885,—,noma'lum\n\
                4, Нет  сведений ,мәлімет жоқ,,,\n";
    wd.input("list.csv", text);
    let (mentions, rejects) = run_tables(&wd);
    assert_eq!(
        rows_and_reasons(&rejects),
        pairs(&[("2", "no_name"), ("5", "no_name")])
    );
    assert_eq!(rejects[0]["column"], "2");
    let m = &mentions[0];
    assert_eq!(
        (m["surname"].as_str(), m["given"].as_str()),
        ("Шокаев", "Мустафа")
    );
    assert_eq!(
        (m["birth_raw"].as_str(), m["birth_earliest"].as_str()),
        ("Н/Д", "")
    );
    assert_eq!(m["birth_place_raw"], "неизвестно");
    assert_eq!(m["birth_place_modern"], "");
    assert_eq!(m["nationality"], "");
    assert_eq!(m["warnings"], "", "a marker is no error");
    let extra: serde_json::Value = serde_json::from_str(&m["extra"]).unwrap();
    assert_eq!(extra["Национальность"], "?", "the text is kept as written");
    let m = &mentions[1];
    assert_eq!(
        (m["surname"].as_str(), m["given"].as_str()),
        ("Дулатов", "")
    );
}

#[test]
fn symlinked_sources_are_read_and_skipped_entries_are_named() {
    let wd = Workdir::new();
    let store = wd.join("store");
    std::fs::create_dir_all(&store).unwrap();
    let target = store.join("real.csv");
    std::fs::write(
        &target,
        format!("{HEADER}\n1,Шокаев Мустафа,Перовск,1890\n"),
    )
    .unwrap();
    let input = wd.join("input");
    std::os::unix::fs::symlink(&target, input.join("linked.csv")).unwrap();
    std::os::unix::fs::symlink(store.join("gone.csv"), input.join("dangling.csv")).unwrap();
    std::os::unix::fs::symlink(input.join("loop.csv"), input.join("loop.csv")).unwrap();
    std::fs::create_dir_all(input.join("old")).unwrap();
    std::fs::write(
        input.join("old/list.csv"),
        format!("{HEADER}\n9,Дулатов Миржакып,Тургай,1885\n"),
    )
    .unwrap();
    wd.input(
        ".hidden.csv",
        format!("{HEADER}\n8,Жумабаев Магжан,Петропавловск,1893\n"),
    );
    let out = wd.run();
    let log = stderr(&out);
    let mentions = wd.table("output/mentions.csv");
    assert_eq!(names(&mentions), pairs(&[("2", "Шокаев Мустафа")]));
    assert_eq!(mentions[0]["source"], "linked.csv");
    let run = run_json(&wd);
    let sources = run["sources"].as_array().unwrap();
    let error_of = |name: &str| {
        sources
            .iter()
            .find(|s| s["name"] == name)
            .map(|s| s["error"].to_string())
            .unwrap_or_else(|| panic!("{name} listed in run.json: {run}"))
    };
    assert!(error_of("dangling.csv").contains("cannot read"));
    assert!(error_of("loop.csv").contains("cannot read"));
    assert!(log.contains("old: folder, not read"), "{log}");
    assert!(log.contains(".hidden.csv: hidden file, not read"), "{log}");
    assert_eq!(
        run["skipped"],
        serde_json::json!([
            {"name": ".hidden.csv", "reason": "hidden file"},
            {"name": "old", "reason": "folder"},
        ])
    );
}

#[test]
fn normalize_reports_an_undecodable_line_and_goes_on() {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let mut input = b"1890\n".to_vec();
    input.extend_from_slice(b"\xff\xfe 1891\n");
    input.extend_from_slice("12.03.1937\r\n".as_bytes());
    input.extend_from_slice("9".repeat(70_000).as_bytes());
    input.extend_from_slice(b"\n1900");
    let mut child = Command::new(env!("CARGO_BIN_EXE_rehab"))
        .args(["normalize", "date"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(&input).unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let mut rdr = csv::Reader::from_reader(out.stdout.as_slice());
    let rows: Vec<csv::StringRecord> = rdr.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 5);
    assert_eq!(&rows[0][1], "1890-01-01");
    assert_eq!(&rows[1][0], "");
    assert!(
        rows[1][7].starts_with("line 2: not valid UTF-8"),
        "{:?}",
        rows[1]
    );
    assert_eq!(&rows[2][0], "12.03.1937");
    assert_eq!(&rows[2][1], "1937-03-12");
    assert!(rows[3][7].starts_with("line 4: longer than 65536 bytes"));
    assert_eq!(&rows[4][1], "1900-01-01");
    assert!(stderr(&out).contains("line 2: not valid UTF-8"));
}

#[test]
fn a_stray_byte_in_a_text_file_rejects_its_row_not_the_file() {
    let wd = Workdir::new();
    let mut bad_byte = format!("{HEADER}\n1,Шокаев Мустафа,Перовск,1890\n2,Чакабаев ").into_bytes();
    bad_byte.push(0xff);
    bad_byte.extend("Ибрагимбек,,1889\n3,Дулатов Миржакып,,1885\n".as_bytes());
    wd.input("bad_byte.csv", bad_byte);
    let nul = format!("{HEADER}\n1,Байтурсынов\0 Ахмет,,1872\n2,Жумабаев Магжан,,1893\n");
    wd.input("nul.csv", nul);
    wd.input(
        "packed.csv",
        [0x1f, 0x8b, 0x08, 0x00, b'a', b',', b'b', b'\n'],
    );
    let (mentions, rejects) = run_tables(&wd);
    let of = |rows: &[Row], source: &str| -> Vec<String> {
        rows.iter()
            .filter(|r| r["source"] == source)
            .map(|r| r["row"].clone())
            .collect()
    };
    assert_eq!(of(&mentions, "bad_byte.csv"), ["2", "4"]);
    assert_eq!(of(&rejects, "bad_byte.csv"), ["3"]);
    assert_eq!(of(&mentions, "nul.csv"), ["3"]);
    assert_eq!(of(&rejects, "nul.csv"), ["2"]);
    for reject in &rejects {
        assert_eq!(
            (reject["reason"].as_str(), reject["column"].as_str()),
            ("malformed_row", "2")
        );
    }
    assert!(rejects[0]["message"].contains("not UTF-8"), "{rejects:?}");
    assert!(
        rejects[1]["message"].contains("control byte 0x00"),
        "{rejects:?}"
    );
    let run: serde_json::Value = serde_json::from_str(&wd.read("output/run.json")).unwrap();
    let packed = run["sources"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["name"] == "packed.csv")
        .unwrap();
    assert!(
        packed["error"]
            .as_str()
            .unwrap()
            .contains("not a text file"),
        "{packed}"
    );
}
