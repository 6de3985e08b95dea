//! Layouts no configuration describes, read through the real binary: header wordings the
//! vocabulary does not hold as written, two-row headers in CSV and XLSX, header rows below title
//! lines, columns read from their values, record ids, a source with no name column, the FEBRL
//! person registers, and `rehab inspect` explaining each reading.

use crate::common::{Workdir, source, stderr};
use rust_xlsxwriter::{Format, Workbook};
use serde_json::Value;
use std::collections::BTreeMap;

type Row = BTreeMap<String, String>;

/// The field each column of a source was read as, by header.
fn fields(run: &Value, name: &str) -> BTreeMap<String, String> {
    source(run, name)["detected"]["columns"]
        .as_array()
        .expect("columns")
        .iter()
        .map(|c| {
            let field = c["field"].as_str().unwrap_or("extra");
            (
                c["header"].as_str().unwrap_or("").to_string(),
                field.to_string(),
            )
        })
        .collect()
}

fn mention<'a>(mentions: &'a [Row], source: &str, record_id: &str) -> &'a Row {
    mentions
        .iter()
        .find(|m| m["source"] == source && m["record_id"] == record_id)
        .unwrap_or_else(|| panic!("{source}:{record_id} not among the mentions"))
}

fn run_ok(wd: &Workdir) -> (Vec<Row>, Vec<Row>) {
    let out = wd.run();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    (
        wd.table("output/mentions.csv"),
        wd.table("output/rejects.csv"),
    )
}

const UNSEEN_WORDINGS: &str = "\
Список лиц, подвергшихся репрессиям (по данным комиссии)
Составлен в 1994 г.

Инв. №,\"Фам., имя, отч-во\",Г. рожд.,Место рожд-я,Гражд-во,Место жительства до ареста,Кем осужден,Мера наказ.,Реабилитирован (дата)
Ф-101,Шокаев Мустафа,1890,Ак-Мечеть,казах,г. Ташкент,Тройка НКВД,ВМН,12.05.1989
Ф-102,Чакабаев Ибрагимбек,1889,Локай,узбек,Локай,ОСО при НКВД,10 лет ИТЛ,24.08.2021
Ф-103,Ахмедов Карим Алиевич,1901,Ташкент,узбек,Ташкент,Тройка НКВД,ВМН,16.01.1989
Ф-104,Нурланов Ерлан,1895,Верный,казах,Алма-Ата,Тройка НКВД,ВМН,16.01.1989
Ф-105,Иванов Иван Иванович,1899,Перовск,русский,Перовск,ОСО при НКВД,5 лет ИТЛ,12.05.1989
Ф-106,Каримов Алишер,1905,Бухара,узбек,Бухара,Тройка НКВД,8 лет ИТЛ,12.05.1989
";

#[test]
fn header_wordings_the_vocabulary_does_not_hold_are_read_by_their_words() {
    let wd = Workdir::new();
    wd.input("komissiya.csv", UNSEEN_WORDINGS);
    let (mentions, rejects) = run_ok(&wd);
    assert_eq!((mentions.len(), rejects.len()), (6, 0));
    let run = wd.run_json();
    let read = fields(&run, "komissiya.csv");
    let expected = [
        ("Инв. №", "record_id"),
        ("Фам., имя, отч-во", "full_name"),
        ("Г. рожд.", "birth_date"),
        ("Место рожд-я", "birth_place"),
        ("Гражд-во", "nationality"),
        ("Место жительства до ареста", "residence"),
        ("Кем осужден", "sentencing_organ"),
        ("Мера наказ.", "sentence"),
        ("Реабилитирован (дата)", "decision_date"),
    ];
    for (header, field) in expected {
        assert_eq!(
            read.get(header).map(String::as_str),
            Some(field),
            "{header}"
        );
    }
    assert_eq!(source(&run, "komissiya.csv")["detected"]["header_row"], 4);
    let m = mention(&mentions, "komissiya.csv", "Ф-102");
    assert_eq!(m["surname"], "Чакабаев");
    assert_eq!(m["birth_earliest"], "1889-01-01");
    assert_eq!(m["decision_date_earliest"], "2021-08-24");
    assert_eq!(m["sentence"], "10 лет ИТЛ");
}

const TWO_ROW_CSV: &str = "\
Qatag'on qurbonlari ro'yxati,,,,,
T/r,\"Familiyasi, ismi, sharifi\",Tug'ilgan,,Millati,Oqlangan
,,yili,joyi,,
1,Chaqaboyev Ibrohimbek,1889,Loqay,o'zbek,24.08.2021
2,Ahmedov Karim Ali o'g'li,1901,Toshkent,o'zbek,16.01.1989
3,Qodirov Abdulla,1894,Buxoro,o'zbek,16.01.1989
";

#[test]
fn a_two_row_csv_header_reads_each_sub_column_under_its_group() {
    let wd = Workdir::new();
    wd.input("royxat.csv", TWO_ROW_CSV);
    let (mentions, rejects) = run_ok(&wd);
    assert_eq!((mentions.len(), rejects.len()), (3, 0), "{rejects:?}");
    let run = wd.run_json();
    let detected = &source(&run, "royxat.csv")["detected"];
    assert_eq!(
        (
            detected["header_row"].as_u64(),
            detected["header_rows"].as_u64()
        ),
        (Some(3), Some(2))
    );
    let read = fields(&run, "royxat.csv");
    assert_eq!(read["Tug'ilgan / yili"], "birth_date");
    assert_eq!(read["Tug'ilgan / joyi"], "birth_place");
    assert_eq!(read["Familiyasi, ismi, sharifi"], "full_name");
    let m = mention(&mentions, "royxat.csv", "1");
    assert_eq!(
        (m["birth_raw"].as_str(), m["birth_place_raw"].as_str()),
        ("1889", "Loqay")
    );
}

fn two_row_register(path: &std::path::Path) {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    let plain = Format::new();
    sheet
        .write_string(0, 0, "Register of persons repressed")
        .unwrap();
    sheet.merge_range(2, 0, 3, 0, "Ref.", &plain).unwrap();
    sheet.merge_range(2, 1, 2, 2, "Person", &plain).unwrap();
    sheet.merge_range(2, 3, 2, 4, "Birth", &plain).unwrap();
    sheet.merge_range(2, 5, 3, 5, "Remarks", &plain).unwrap();
    for (c, sub) in [
        (1, "family name"),
        (2, "given names"),
        (3, "date"),
        (4, "place"),
    ] {
        sheet.write_string(3, c, sub).unwrap();
    }
    let rows = [
        ["K-1", "Tchokay", "Moustafa", "25.12.1890", "Perovsk", ""],
        [
            "K-2",
            "Chakabaev",
            "Ibragimbek",
            "1889",
            "Lokai",
            "Oliy sud 2021",
        ],
    ];
    for (r, row) in rows.iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            sheet.write_string(4 + r as u32, c as u16, *v).unwrap();
        }
    }
    book.save(path).unwrap();
}

#[test]
fn a_two_row_workbook_header_with_merged_group_cells_is_read() {
    let wd = Workdir::new();
    two_row_register(&wd.join("input/register.xlsx"));
    let (mentions, rejects) = run_ok(&wd);
    assert_eq!((mentions.len(), rejects.len()), (2, 0), "{rejects:?}");
    let run = wd.run_json();
    let read = fields(&run, "register.xlsx");
    assert_eq!(read["Ref."], "record_id");
    assert_eq!(read["Person / family name"], "surname");
    assert_eq!(read["Person / given names"], "given");
    assert_eq!(read["Birth / date"], "birth_date");
    assert_eq!(read["Birth / place"], "birth_place");
    assert_eq!(read["Remarks"], "notes");
    let m = mention(&mentions, "register.xlsx", "K-1");
    assert_eq!(
        (m["surname"].as_str(), m["birth_earliest"].as_str()),
        ("Tchokay", "1890-12-25")
    );
}

#[test]
fn a_column_whose_header_says_nothing_is_read_from_its_values() {
    let names = [
        "Шокаев Мустафа",
        "Ахмедов Карим",
        "Иванов Иван",
        "Нурланов Ерлан",
    ];
    let mut csv = String::from("ФИО,Графа 2,Графа 3\n");
    for i in 0..12 {
        let year = 1880 + (i * 7) % 30;
        csv.push_str(&format!("{},{year},{}.05.1937\n", names[i % 4], 10 + i));
    }
    let wd = Workdir::new();
    wd.input("spisok.csv", &csv);
    let (mentions, rejects) = run_ok(&wd);
    assert_eq!((mentions.len(), rejects.len()), (12, 0));
    let run = wd.run_json();
    let columns = source(&run, "spisok.csv")["detected"]["columns"]
        .as_array()
        .unwrap()
        .clone();
    assert_eq!(columns[1]["field"], "birth_date");
    assert_eq!(columns[1]["confidence"], "low");
    assert_eq!(columns[1]["values"]["years"], 1.0);
    assert_eq!(
        columns[2]["field"],
        Value::Null,
        "arrest, sentence or death dates: no guess"
    );
    assert_eq!(columns[2]["confidence"], "unknown");
    assert_eq!(mentions[0]["birth_earliest"], "1880-01-01");
    assert!(
        mentions[0]["extra"].contains("10.05.1937"),
        "{}",
        mentions[0]["extra"]
    );
}

#[test]
fn a_source_with_no_name_column_is_refused_as_a_file_not_row_by_row() {
    let wd = Workdir::new();
    wd.input("good.csv", "ФИО,Год рождения\nШокаев Мустафа,1890\n");
    wd.input(
        "dates_only.csv",
        "Дата рождения,Место рождения\n1890,Ташкент\n1891,Бухара\n",
    );
    let (mentions, rejects) = run_ok(&wd);
    assert_eq!((mentions.len(), rejects.len()), (1, 0));
    let run = wd.run_json();
    let error = source(&run, "dates_only.csv")["error"]
        .as_str()
        .unwrap_or("")
        .to_string();
    assert!(error.contains("no column holds names"), "{error}");
    assert!(
        error.contains("birth_date"),
        "the columns as read are named: {error}"
    );
}

#[test]
fn febrl_registers_keep_their_record_ids_and_compact_birth_dates() {
    let wd = Workdir::new();
    for name in ["febrl4_a.csv", "febrl4_b.csv"] {
        let text = std::fs::read(format!(
            "{}/tests/data/febrl/{name}",
            env!("CARGO_MANIFEST_DIR")
        ));
        wd.input(name, text.expect("fixture"));
    }
    let (mentions, rejects) = run_ok(&wd);
    assert_eq!(mentions.len() + rejects.len(), 120);
    assert!(
        rejects.iter().all(|r| r["reason"] == "no_name"),
        "{rejects:?}"
    );
    assert!(mentions.iter().all(|m| m["record_id"].starts_with("rec-")));
    let born = mentions
        .iter()
        .filter(|m| !m["birth_earliest"].is_empty())
        .count();
    assert!(born >= 110, "{born} of {} birth dates read", mentions.len());
    let run = wd.run_json();
    let read = fields(&run, "febrl4_a.csv");
    for (header, field) in [
        ("rec_id", "record_id"),
        ("given_name", "given"),
        ("surname", "surname"),
        ("date_of_birth", "birth_date"),
    ] {
        assert_eq!(read[header], field, "{header}");
    }
    assert_eq!(
        read["soc_sec_id"], "extra",
        "a unique number under a header that names no field"
    );
}

#[test]
fn inspect_shows_each_reading_with_its_confidence_and_evidence() {
    let wd = Workdir::new();
    let path = wd.input("komissiya.csv", UNSEEN_WORDINGS);
    let out = wd.rehab(&["inspect", path.to_str().unwrap(), "--rows", "1"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("Г. рожд.") && text.contains("→ birth_date [high]"),
        "{text}"
    );
    assert!(text.contains("header words match \"Год рожд.\""), "{text}");
    assert!(text.contains("values: 6 looked at"), "{text}");
    let out = wd.rehab(&["inspect", path.to_str().unwrap(), "--json"]);
    let doc: Value = serde_json::from_slice(&out.stdout).expect("json");
    let first = &doc["columns"][0];
    assert_eq!(
        (first["field"].as_str(), first["confidence"].as_str()),
        (Some("record_id"), Some("high"))
    );
    assert_eq!(first["values"]["unique"], 1.0);
}
