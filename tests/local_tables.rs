//! Local additions to the built-in tables (`--data-dir`, `data_dir`), from the real binary.

use crate::common::{Workdir, stderr};
use std::fs;

/// A source whose header words no built-in table knows.
const ODD_HEADERS: &str = "Нумар,Прозвание,Родился\n1,Иванов Иван Иванович,1900\n";

fn local(wd: &Workdir, file: &str, text: &str) {
    fs::create_dir_all(wd.join("local")).unwrap();
    fs::write(wd.join("local").join(file), text).unwrap();
}

fn run_json(wd: &Workdir) -> serde_json::Value {
    serde_json::from_str(&wd.read("output/run.json")).unwrap()
}

#[test]
fn unknown_header_words_are_read_once_a_local_headers_table_names_them() {
    let wd = Workdir::new();
    wd.input("odd.csv", ODD_HEADERS);
    let without = wd.rehab(&["run", "--allow-shrink"]);
    assert!(
        stderr(&without).contains("UNREADABLE"),
        "{}",
        stderr(&without)
    );
    assert!(
        stderr(&without).contains("local additions"),
        "{}",
        stderr(&without)
    );
    local(
        &wd,
        "headers.csv",
        "field,header,lang\nrecord_id,Нумар,\nfull_name,Прозвание,ru\nbirth_date,Родился,ru\n",
    );
    let with = wd.rehab(&["run", "--data-dir", "local", "--allow-shrink"]);
    assert_eq!(with.status.code(), Some(0), "{}", stderr(&with));
    let mentions = wd.table("output/mentions.csv");
    assert_eq!(mentions.len(), 1);
    assert_eq!(mentions[0]["surname"], "Иванов");
    assert_eq!(mentions[0]["birth_raw"], "1900");
}

#[test]
fn a_local_gazetteer_line_resolves_an_unknown_village_and_the_config_names_the_folder() {
    let wd = Workdir::new();
    wd.input(
        "a.csv",
        "№,ФИО,Год рождения,Место рождения\n1,Иванов Иван Иванович,1900,аул Жанатурмыс\n",
    );
    wd.rehab(&["run"]);
    let before = wd.table("output/mentions.csv");
    assert_eq!(before[0]["birth_place_key"], "");
    local(
        &wd,
        "gazetteer.csv",
        "# our villages\nkey,country,kind,modern,form,lang,from,to,historic\n\
         kz-zhanaturmys,KZ,village,Zhanaturmys,Жанатурмыс,ru,,,no\n",
    );
    fs::write(wd.join("rehab.toml"), "data_dir = \"local\"\n").unwrap();
    let out = wd.rehab(&["run", "--config", "rehab.toml"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let after = wd.table("output/mentions.csv");
    assert_eq!(after[0]["birth_place_key"], "kz-zhanaturmys");
    assert_eq!(after[0]["birth_place_modern"], "Zhanaturmys");
    let places = wd.rehab_piped(
        &["normalize", "place", "--data-dir", "local"],
        "Жанатурмыс\n",
    );
    assert!(places.contains("kz-zhanaturmys"), "{places}");
}

#[test]
fn a_malformed_local_line_stops_the_run_with_2_and_keeps_the_outputs() {
    let wd = Workdir::new();
    wd.input("a.csv", "№,ФИО,Год рождения\n1,Иванов Иван Иванович,1900\n");
    assert_eq!(wd.run().status.code(), Some(0));
    let before = wd.read("output/mentions.csv");
    local(
        &wd,
        "gazetteer.csv",
        "key,country,kind,modern,form,lang,from,to,historic\n\
         kz-a,KZ,village,A,Аа,ru,,,no\n\
         kz-b,Kazakhstan,village,B,Бб,ru,,,no\n",
    );
    let out = wd.rehab(&["run", "--data-dir", "local"]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("gazetteer.csv:3"), "{err}");
    assert!(err.contains("Kazakhstan"), "{err}");
    assert_eq!(wd.read("output/mentions.csv"), before);
    fs::remove_file(wd.join("local/gazetteer.csv")).unwrap();
    local(&wd, "villages.csv", "key\n");
    let out = wd.rehab(&["inspect", "input/a.csv", "--data-dir", "local"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("villages.csv"), "{}", stderr(&out));
}

#[test]
fn run_json_lists_the_local_tables_with_their_sha256() {
    let wd = Workdir::new();
    wd.input("a.csv", "№,ФИО,Год рождения\n1,Иванов Иван Иванович,1900\n");
    let months = "form,lang,month,kind\nгенваря,ru,1,name\n";
    local(&wd, "months.csv", months);
    local(
        &wd,
        "unknown_markers.csv",
        "marker,lang\nнеизв. сведений,ru\n",
    );
    let out = wd.rehab(&["run", "--data-dir", "local"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let json = run_json(&wd);
    let files = json["local_tables"]["files"].as_array().unwrap();
    let names: Vec<&str> = files.iter().map(|f| f["file"].as_str().unwrap()).collect();
    assert_eq!(names, ["months.csv", "unknown_markers.csv"]);
    use sha2::Digest;
    let hex: String = sha2::Sha256::digest(months.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    assert_eq!(files[0]["sha256"], hex);
    assert_eq!(files[0]["lines"], 1);
    assert_eq!(json["local_tables"]["folder"], "local");
}

#[test]
fn a_local_line_the_whole_table_refuses_stops_the_run_with_3_naming_the_line() {
    let wd = Workdir::new();
    wd.input("a.csv", "№,ФИО,Год рождения\n1,Иванов Иван Иванович,1900\n");
    assert_eq!(wd.run().status.code(), Some(0));
    let before = wd.read("output/mentions.csv");
    // Each line is well formed; together with the built-in `года,ru,filler` it gives one word
    // two roles, which only the loader of the whole table sees.
    local(&wd, "date_words.csv", "phrase,lang,role\nгода,kk,late\n");
    let out = wd.rehab(&["run", "--data-dir", "local"]);
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("schemas/date_words.csv:"), "{err}");
    assert!(err.contains("two roles"), "{err}");
    assert_eq!(wd.read("output/mentions.csv"), before);
}
