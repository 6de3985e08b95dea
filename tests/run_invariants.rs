//! Properties of every run: each data row lands in exactly one of mentions and rejects, the
//! outputs validate, and the same input gives byte-identical outputs whatever the thread count.

mod common;

use common::{Workdir, stderr};
use std::collections::BTreeSet;

const SURNAMES: [&str; 8] = [
    "Шокаев",
    "Ахметов",
    "Байтурсынов",
    "Дулатов",
    "Сейфуллин",
    "Жумабаев",
    "Рыскулов",
    "Ходжаев",
];
const GIVEN: [&str; 6] = ["Мустафа", "Ахмет", "Мыржакып", "Сакен", "Магжан", "Турар"];
const PLACES: [&str; 5] = ["Перовск", "г. Верный", "Пишпек", "Ак-Мечеть", "Ташкент"];

/// A list of `rows` rows in which every 37th row has no name and every 53rd is ragged.
fn list(rows: usize, seed: usize) -> String {
    let mut text = String::from("№,ФИО,Год рождения,Место рождения\n");
    for i in 0..rows {
        let k = i * 7 + seed;
        let name = if i % 37 == 5 {
            String::new()
        } else {
            format!("{} {}", SURNAMES[k % 8], GIVEN[(k / 8) % 6])
        };
        let tail = if i % 53 == 7 { ",лишнее" } else { "" };
        let year = 1880 + (k % 40);
        text.push_str(&format!("{i},{name},{year},{}{tail}\n", PLACES[k % 5]));
    }
    text
}

fn data_rows(text: &str) -> usize {
    text.lines().count() - 1
}

#[test]
fn every_row_lands_in_exactly_one_of_mentions_and_rejects() {
    let wd = Workdir::new();
    let a = list(600, 1);
    let b = list(400, 3).replace(',', ";");
    wd.input("a.csv", &a);
    wd.input("b.csv", encoding_rs::WINDOWS_1251.encode(&b).0);
    let out = wd.run();
    assert!(out.status.code() == Some(0), "{}", stderr(&out));
    let mentions = wd.table("output/mentions.csv");
    let rejects = wd.table("output/rejects.csv");
    let key =
        |r: &std::collections::BTreeMap<String, String>| (r["source"].clone(), r["row"].clone());
    let m: BTreeSet<_> = mentions.iter().map(key).collect();
    let r: BTreeSet<_> = rejects.iter().map(key).collect();
    assert_eq!(m.len() + r.len(), data_rows(&a) + data_rows(&b));
    assert!(m.is_disjoint(&r));
    assert_eq!(m.len(), mentions.len());
    let expected_rejects = (0..600).filter(|i| i % 37 == 5 || i % 53 == 7).count()
        + (0..400).filter(|i| i % 37 == 5 || i % 53 == 7).count();
    assert_eq!(rejects.len(), expected_rejects);
    let persons: BTreeSet<_> = wd
        .table("output/persons.csv")
        .into_iter()
        .map(|p| p["person_id"].clone())
        .collect();
    assert!(mentions.iter().all(|m| persons.contains(&m["person_id"])));
}

#[test]
fn outputs_are_byte_identical_whatever_the_thread_count() {
    let wd = Workdir::new();
    wd.input("a.csv", list(3000, 1));
    wd.input("b.csv", list(2000, 5));
    let mut outputs = Vec::new();
    for threads in ["1", "2", "3"] {
        let dir = format!("out{threads}");
        let out = wd.rehab_with_env(
            &["run", "--output", &dir],
            &[("RAYON_NUM_THREADS", threads)],
        );
        assert!(out.status.success(), "{}", stderr(&out));
        let files: Vec<Vec<u8>> = [
            "mentions.csv",
            "persons.csv",
            "decisions.csv",
            "rejects.csv",
            "datapackage.json",
        ]
        .iter()
        .map(|f| std::fs::read(wd.join(&format!("{dir}/{f}"))).unwrap())
        .collect();
        outputs.push(files);
    }
    assert_eq!(outputs[0], outputs[1]);
    assert_eq!(outputs[0], outputs[2]);
}

#[test]
fn normalize_commands_write_one_row_per_line() {
    let wd = Workdir::new();
    let run = |args: &[&str], input: &str| {
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_rehab"))
            .args(args)
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .current_dir(wd.path())
            .spawn()
            .unwrap();
        use std::io::Write;
        child
            .stdin
            .take()
            .unwrap()
            .write_all(input.as_bytes())
            .unwrap();
        let out = child.wait_with_output().unwrap();
        assert!(out.status.success());
        String::from_utf8(out.stdout).unwrap()
    };
    let dates = run(&["normalize", "date"], "25.12.1890\n\n30.02.1937\n1890\n");
    let lines: Vec<&str> = dates.lines().collect();
    assert_eq!(
        lines[0],
        "input,earliest,latest,precision,calendar,qualifier,edtf,error"
    );
    assert_eq!(
        lines[1],
        "25.12.1890,1890-12-25,1890-12-25,day,unknown,exact,1890-12-25,"
    );
    assert_eq!(lines[2], ",,,,,,,");
    assert!(
        lines[3].starts_with("30.02.1937,,,,,,,") && lines[3].len() > 20,
        "{}",
        lines[3]
    );
    assert_eq!(
        lines[4],
        "1890,1890-01-01,1890-12-31,year,unknown,exact,1890,"
    );
    assert_eq!(lines.len(), 5);
    let places = run(&["normalize", "place"], "Перовск\nАтлантида\n");
    let lines: Vec<&str> = places.lines().collect();
    assert_eq!(
        lines[0],
        "input,modern,country,key,matched_form,level,unresolved,conflict,error"
    );
    assert!(
        lines[1].starts_with("Перовск,Kyzylorda,KZ,kz-kyzylorda,"),
        "{}",
        lines[1]
    );
    assert!(lines[2].starts_with("Атлантида,,,,,,,,") && lines[2].len() > 20);
    let names = run(&["normalize", "name"], "Шокаев Мустафа\n");
    assert!(
        names
            .lines()
            .nth(1)
            .unwrap()
            .starts_with("Шокаев Мустафа,Шокаев,Мустафа,"),
        "{names}"
    );
}

#[test]
fn an_address_resolves_to_its_most_specific_known_part_and_keeps_the_rest() {
    let wd = Workdir::new();
    wd.input(
        "a.csv",
        "№,ФИО,Год рождения,Место рождения\n\
         1,Шокаев Мустафа,1890,\"Koktash, Eastern Bukhara\"\n\
         2,Ахметов Ахмет,1891,\"с. Ивановка, Перовский уезд\"\n\
         3,Дулатов Мыржакып,1892,\"Казахстан, Кзыл-Ординская обл., Казалинский р-н, аул 5\"\n\
         4,Рыскулов Турар,1893,\"Кокташ, Ташкентская обл.\"\n",
    );
    let out = wd.run();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let rows = wd.table("output/mentions.csv");
    let got: Vec<(&str, &str, &str)> = rows
        .iter()
        .map(|r| {
            (
                r["birth_place_key"].as_str(),
                r["birth_place_level"].as_str(),
                r["birth_place_unresolved"].as_str(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("tj-koktash", "settlement", ""),
            ("kz-kyzylorda", "district", "с. Ивановка"),
            ("kz-kazaly", "district", "аул 5"),
            ("tj-koktash", "settlement", ""),
        ]
    );
    assert!(
        rows[1]["warnings"].contains("с. Ивановка"),
        "{}",
        rows[1]["warnings"]
    );
    assert!(
        rows[3]["warnings"].contains("(UZ)"),
        "{}",
        rows[3]["warnings"]
    );
    assert!(
        !rows[0]["warnings"].contains("birth_place"),
        "{}",
        rows[0]["warnings"]
    );
}
