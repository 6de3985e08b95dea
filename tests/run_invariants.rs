//! Properties of every run: each data row lands in exactly one of mentions and rejects, the
//! outputs validate, and the same input gives byte-identical outputs whatever the thread count.

use crate::common::{Workdir, stderr};
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
            "attestations.csv",
            "checks.csv",
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

#[test]
fn normalize_note_writes_one_row_per_value_with_its_span_and_normalised_form() {
    let wd = Workdir::new();
    let notes = [
        "Род. в 1902, армянин, обр.: высшее, б/п. Проживал: Баку. Обв. по ст. 69, 70 УК АзССР. Приговор: ВК ВС СССР, 11.10.1937 – ВМН. Реабилитирован ВК ВС СССР 01.06.1957",
        "",
        "1890 г.р., уроженец Перовского уезда, казах; арестован 3 сентября 1937 г.; тройкой УНКВД по Южно-Казахстанской обл. 14 октября 1937 г. приговорен к 10 годам ИТЛ; реабилитирован 16 января 1989 г.",
        "1895 жылы Семей уезінде туған, қазақ. 1937 жылы 3 қыркүйекте тұтқындалған. 1989 жылы 16 қаңтарда ақталған.",
    ];
    let out = wd.rehab_piped(&["normalize", "note"], &notes.join("\n"));
    let mut rdr = csv::Reader::from_reader(out.as_bytes());
    let header: Vec<String> = rdr.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(
        header,
        ["line", "kind", "text", "start", "end", "normalised"]
    );
    let rows: Vec<Vec<String>> = rdr
        .records()
        .map(|r| r.unwrap().iter().map(String::from).collect())
        .collect();
    for row in &rows {
        let note = notes[row[0].parse::<usize>().unwrap() - 1];
        let (start, end): (usize, usize) = (row[3].parse().unwrap(), row[4].parse().unwrap());
        assert_eq!(&note[start..end], row[2], "{row:?}");
    }
    let find = |line: &str, kind: &str| -> Vec<(String, String)> {
        rows.iter()
            .filter(|r| r[0] == line && r[1] == kind)
            .map(|r| (r[2].clone(), r[5].clone()))
            .collect()
    };
    let pair = |text: &str, norm: &str| vec![(text.to_string(), norm.to_string())];
    assert_eq!(find("1", "birth_date"), pair("1902", "1902"));
    assert_eq!(find("1", "nationality"), pair("армянин", "armenian"));
    assert_eq!(
        find("1", "charge"),
        pair("ст. 69, 70 УК АзССР", "ст. 69, 70 УК АзССР")
    );
    assert_eq!(find("1", "sentence"), pair("ВМН", "death"));
    assert_eq!(find("1", "sentence_date"), pair("11.10.1937", "1937-10-11"));
    assert_eq!(find("1", "deciding_body"), pair("ВК ВС СССР", "ВК ВС СССР"));
    assert_eq!(find("1", "decision_date"), pair("01.06.1957", "1957-06-01"));
    assert!(
        rows.iter().all(|r| r[0] != "2"),
        "an empty note has no values"
    );
    assert_eq!(
        find("3", "birth_place"),
        pair("Перовского уезда", "kz-kyzylorda")
    );
    assert_eq!(find("3", "sentence"), pair("10 годам ИТЛ", "camp:10"));
    assert_eq!(
        find("3", "arrest_date"),
        pair("3 сентября 1937 г.", "1937-09-03")
    );
    assert_eq!(find("4", "birth_place"), pair("Семей уезінде", "kz-semey"));
    assert_eq!(find("4", "nationality"), pair("қазақ", "kazakh"));
    assert_eq!(
        find("4", "arrest_date"),
        pair("1937 жылы 3 қыркүйекте", "1937-09-03")
    );
    assert_eq!(
        find("4", "decision_date"),
        pair("1989 жылы 16 қаңтарда", "1989-01-16")
    );
}

#[test]
fn run_json_times_each_stage_and_step_and_says_the_memory_held_after_each() {
    let wd = Workdir::new();
    wd.input("a.csv", list(300, 2));
    let out = wd.run();
    assert!(out.status.code() == Some(0), "{}", stderr(&out));
    let run = wd.run_json();
    let times = &run["timings_seconds"];
    for stage in ["ingest", "normalize", "link", "attach", "total"] {
        assert!(times[stage].as_f64().is_some(), "{stage}: {times}");
    }
    let steps = [
        "features",
        "blocking",
        "comparing",
        "training",
        "scoring",
        "clustering",
        "reporting",
    ];
    for step in steps {
        assert!(times["link_steps"][step].as_f64().is_some(), "{step}");
    }
    if cfg!(target_os = "linux") {
        let cpu = &run["cpu_seconds"];
        for stage in ["read", "link", "attach", "write"] {
            assert!(
                cpu[stage].as_f64().is_some_and(|s| s >= 0.0),
                "{stage}: {cpu}"
            );
        }
        for step in steps {
            assert!(cpu["link_steps"][step].as_f64().is_some(), "{step}: {cpu}");
        }
        let sum: f64 = ["read", "link", "attach", "write"]
            .map(|s| cpu[s].as_f64().unwrap())
            .iter()
            .sum();
        assert!(sum > 0.0, "{cpu}");
    }
    for writer in ["csv", "sqlite", "report"] {
        let wall = times["emit"][writer].as_f64().unwrap();
        assert!(wall > 0.0, "{writer}: {times}");
        if cfg!(target_os = "linux") {
            let cpu = times["emit_cpu"][writer].as_f64().unwrap();
            assert!(cpu > 0.0 && cpu <= wall + 0.01, "{writer}: {times}");
        }
    }
    let memory = &run["memory_mib"];
    let mib = |point: &serde_json::Value, what: &str| point[what].as_u64().unwrap();
    let mut peak_so_far = 0;
    for stage in ["read", "link", "attach", "write"] {
        let point = &memory[stage];
        assert!(mib(point, "resident") > 0, "{stage}: {memory}");
        assert!(mib(point, "peak") >= mib(point, "resident"), "{stage}");
        assert!(
            mib(point, "peak") >= peak_so_far,
            "{stage}: the peak never falls"
        );
        peak_so_far = mib(point, "peak");
    }
    for step in steps {
        let point = &memory["link_steps"][step];
        assert!(mib(point, "peak") >= mib(point, "resident"), "{step}");
        assert!(mib(point, "peak") <= mib(&memory["link"], "peak"), "{step}");
    }
}
