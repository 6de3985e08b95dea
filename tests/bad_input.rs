//! Bad input: each file or row gets a clear message naming file, row and column, a bad file never
//! stops the other sources, and every data row ends in exactly one of mentions or rejects.

use crate::common::{Workdir, source, stderr};

const GOOD: &str = "№,ФИО,Год рождения\n1,Шокаев Мустафа,1890\n2,Чакабаев Ибрагимбек,1889\n";

fn file_error(wd: &Workdir, name: &str) -> String {
    source(&wd.run_json(), name)["error"]
        .as_str()
        .unwrap_or("")
        .to_string()
}

#[test]
fn unreadable_files_are_listed_and_the_good_source_still_runs() {
    let wd = Workdir::new();
    wd.input("good.csv", GOOD);
    wd.input("empty.csv", "");
    wd.input(
        "sjis.csv",
        b"\x83\x65\x83\x58\x83\x67,\x93\xfa\x96\x7b\x8c\xea\n\x82\xa0\x82\xa2,\x82\xa4\n"
            .repeat(20),
    );
    wd.input(
        "secret.xlsx",
        [
            &[0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1][..],
            &[0u8; 504],
        ]
        .concat(),
    );
    wd.input("broken.xlsx", b"PK\x03\x04 this is not a zip archive");
    wd.input("notes.pdf", b"%PDF-1.4");
    wd.input("title_only.csv", "Список лиц\nбез заголовков\n");
    let out = wd.run();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(wd.table("output/mentions.csv").len(), 2);
    assert!(file_error(&wd, "empty.csv").contains("empty"));
    assert!(
        file_error(&wd, "sjis.csv").contains("cannot tell the encoding"),
        "{}",
        file_error(&wd, "sjis.csv")
    );
    assert!(file_error(&wd, "secret.xlsx").contains("password-protected"));
    assert!(file_error(&wd, "broken.xlsx").contains("corrupt"));
    assert!(file_error(&wd, "notes.pdf").contains("unsupported format"));
    assert!(file_error(&wd, "title_only.csv").contains("no recognisable header"));
    for name in [
        "empty.csv",
        "sjis.csv",
        "secret.xlsx",
        "broken.xlsx",
        "title_only.csv",
    ] {
        assert!(stderr(&out).contains(name), "log names {name}");
    }
}

#[test]
fn bad_rows_go_to_rejects_with_file_row_and_column() {
    let wd = Workdir::new();
    let text = "№,ФИО,Год рождения,Место рождения\n\
                1,Шокаев Мустафа,1890,Перовск\n\
                2,,1900,Верный\n\
                3,Ахметов Ахмет,1901,Верный,лишнее\n\
                4,Байтурсынов Ахмет,30.02.1937,Тургай\n\
                3,Дулатов Миржакып,1885,\n\
                5,\"Жумабаев Магжан,1893,Петропавловск\n\
                6,Сейфуллин Сакен,1894,Акмолинск\n";
    wd.input("list.csv", text);
    let out = wd.run();
    assert!(out.status.code() == Some(1), "{}", stderr(&out));
    let rejects = wd.table("output/rejects.csv");
    let reasons: Vec<(&str, &str, &str)> = rejects
        .iter()
        .map(|r| {
            (
                r["record_id"].as_str(),
                r["row"].as_str(),
                r["reason"].as_str(),
            )
        })
        .collect();
    assert_eq!(
        reasons,
        vec![
            ("2", "3", "no_name"),
            ("3", "4", "ragged_row"),
            ("3", "6", "duplicate_record_id"),
            ("5", "7", "malformed_row"),
        ]
    );
    assert!(rejects[0]["message"].starts_with("list.csv: row 3, column 2:"));
    assert!(
        rejects[3]["message"].contains("never closed"),
        "{}",
        rejects[3]["message"]
    );
    let mentions = wd.table("output/mentions.csv");
    let ids: Vec<&str> = mentions.iter().map(|m| m["record_id"].as_str()).collect();
    assert_eq!(
        ids,
        vec!["1", "4", "6"],
        "the row after the open quote is read on its own"
    );
    let invalid = mentions
        .iter()
        .find(|m| m["record_id"] == "4")
        .expect("row 4 kept");
    assert_eq!(invalid["birth_raw"], "30.02.1937");
    assert_eq!(invalid["birth_earliest"], "");
    assert!(
        invalid["warnings"].contains("birth_date (column 3)"),
        "{}",
        invalid["warnings"]
    );
}

#[test]
fn a_header_only_file_gives_no_rows_and_no_error() {
    let wd = Workdir::new();
    wd.input("header_only.csv", "№;Фамилия;Имя\n");
    wd.input("good.csv", GOOD);
    let out = wd.run();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let run = wd.run_json();
    let s = source(&run, "header_only.csv");
    assert_eq!((s["rows"].as_u64(), s["error"].is_null()), (Some(0), true));
    assert!(stderr(&out).contains("header_only.csv: header found but no data rows"));
}

#[test]
fn a_missing_input_folder_or_bad_config_exits_with_code_2() {
    let wd = Workdir::new();
    let out = wd.rehab(&["run", "--input", "nowhere"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("nowhere"));
    std::fs::write(
        wd.join("bad.toml"),
        "[sources.\"a.csv\"]\ndelimiter = \";;\"\n",
    )
    .unwrap();
    let out = wd.rehab(&["run", "--config", "bad.toml"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("bad.toml") && stderr(&out).contains("delimiter"));
}
