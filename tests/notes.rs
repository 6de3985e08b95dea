//! Sources of names and biographical notes, through the real binary: the note column found by
//! its header or its values, its values read into the row's fields with their spans, a column of
//! its own winning over the note, and the decision the note records.

use crate::common::{Workdir, stderr};
use serde_json::Value;

const MEMORY_BOOK: &str = "\
№,ФИО,Справка
1,Шокаев Мустафа,\"1890 г.р., уроженец Перовского уезда, казах, беспартийный; арестован 3 сентября 1937 г.; тройкой УНКВД по Южно-Казахстанской обл. 14 октября 1937 г. приговорен к ВМН; расстрелян 20 октября 1937 г.; реабилитирован 16 января 1989 г.\"
2,Саркисян Арам,\"Род. в 1902, армянин, обр.: высшее, б/п. Проживал: Баку. Кергезнефть, ст. инженер. Обв. по ст. 69, 70 УК АзССР. Приговор: ВК ВС СССР, 11.10.1937 – ВМН. Реабилитирован ВК ВС СССР 01.06.1957\"
";

fn note_values(cell: &str) -> Vec<Value> {
    serde_json::from_str::<Value>(cell)
        .expect("note_values is JSON")
        .as_array()
        .expect("an array")
        .clone()
}

#[test]
fn a_note_column_is_read_into_the_fields_of_its_row_with_spans() {
    let wd = Workdir::new();
    wd.input("kniga.csv", MEMORY_BOOK);
    let out = wd.run();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let mentions = wd.table("output/mentions.csv");
    assert_eq!(mentions.len(), 2);
    let m = &mentions[0];
    assert_eq!(m["birth_earliest"], "1890-01-01");
    assert_eq!(m["nationality_key"], "kazakh");
    assert_eq!(m["arrest_earliest"], "1937-09-03");
    assert_eq!(m["sentence_key"], "death");
    assert_eq!(m["decision_date_earliest"], "1989-01-16");
    let note = MEMORY_BOOK.lines().nth(1).unwrap();
    let note = &note[note.find('"').unwrap() + 1..note.len() - 1];
    for v in note_values(&m["note_values"]) {
        let (start, end) = (
            v["start"].as_u64().unwrap() as usize,
            v["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(
            Some(v["text"].as_str().unwrap()),
            note.get(start..end),
            "{v}"
        );
    }
    let second = &mentions[1];
    assert_eq!(second["birth_earliest"], "1902-01-01");
    assert_eq!(second["decision_date_earliest"], "1957-06-01");
    let kinds: Vec<String> = note_values(&second["note_values"])
        .iter()
        .map(|v| v["kind"].as_str().unwrap().to_string())
        .collect();
    assert!(kinds.iter().any(|k| k == "party"), "{kinds:?}");
    let decisions = wd.table("output/decisions.csv");
    assert_eq!(
        decisions.len(),
        2,
        "each note's rehabilitation is a decision"
    );
}

#[test]
fn a_column_of_its_own_wins_over_the_note_and_a_disagreement_is_a_warning() {
    let wd = Workdir::new();
    let book = "ФИО,Год рождения,Примечание\n\
        Шокаев Мустафа,1891,\"1890 г.р., казах; арестован 3 сентября 1937 г.; реабилитирован 16 января 1989 г.\"\n\
        Нурланов Ерлан,1895,\"1895 г.р., казах; арестован 5 октября 1937 г.; реабилитирован 16 января 1989 г.\"\n\
        Ахмедов Карим,1901,\"1901 г.р., узбек; арестован 1 июля 1938 г.; реабилитирован 12 мая 1989 г.\"\n\
        Иванов Иван,1899,\"1899 г.р., русский; арестован 2 июля 1938 г.; реабилитирован 12 мая 1989 г.\"\n\
        Каримов Алишер,1905,\"1905 г.р., узбек; арестован 3 июля 1938 г.; реабилитирован 12 мая 1989 г.\"\n";
    wd.input("kniga.csv", book);
    let out = wd.run();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let run = wd.run_json();
    let columns = &run["sources"][0]["detected"]["columns"];
    assert_eq!(columns[2]["field"], "biography", "{}", columns[2]);
    let mentions = wd.table("output/mentions.csv");
    let m = &mentions[0];
    assert_eq!(m["birth_raw"], "1891");
    assert!(
        m["warnings"].contains("the column's value is kept"),
        "{}",
        m["warnings"]
    );
    assert_eq!(m["arrest_earliest"], "1937-09-03");
    assert!(
        mentions[1]["warnings"].is_empty(),
        "{}",
        mentions[1]["warnings"]
    );
}
