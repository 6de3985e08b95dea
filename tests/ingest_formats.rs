//! Ingest of the layouts archives hand over, through the real binary: XLSX with title lines and
//! typed cells, Windows-1251 and KOI8-R lists, configuration overrides, and `rehab inspect`.

use crate::common::{Workdir, stderr};
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};

fn register_xlsx(path: &std::path::Path) {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    let date = Format::new().set_num_format("dd.mm.yyyy");
    sheet
        .write_string(0, 0, "Archive of the KNB, fond 1, opis 2")
        .unwrap();
    sheet
        .write_string(1, 0, "Register of criminal cases")
        .unwrap();
    let header = [
        "Case ref",
        "Surname",
        "Name",
        "Date of birth",
        "Place of birth",
        "Arrest date",
    ];
    for (c, h) in header.iter().enumerate() {
        sheet.write_string(3, c as u16, *h).unwrap();
    }
    sheet.write_string(4, 0, "R-101").unwrap();
    sheet.write_string(4, 1, "Tchokay").unwrap();
    sheet.write_string(4, 2, "Moustafa").unwrap();
    sheet.write_string(4, 3, "25.12.1890").unwrap();
    sheet.write_string(4, 4, "Perovsk").unwrap();
    sheet.write_string(5, 0, "R-102").unwrap();
    sheet.write_string(5, 1, "Chakabaev").unwrap();
    sheet.write_string(5, 2, "Ibragimbek").unwrap();
    sheet.write_number(5, 3, 1889).unwrap();
    let arrested = ExcelDateTime::from_ymd(1931, 6, 23).unwrap();
    sheet
        .write_datetime_with_format(5, 5, &arrested, &date)
        .unwrap();
    sheet.write_string(6, 0, "R-103").unwrap();
    sheet.write_string(6, 1, "Dulatov").unwrap();
    sheet.write_string(6, 2, "Mirjaqip").unwrap();
    let born = ExcelDateTime::from_ymd(1902, 3, 4).unwrap();
    sheet
        .write_datetime_with_format(6, 3, &born, &date)
        .unwrap();
    book.save(path).unwrap();
}

#[test]
fn xlsx_with_title_lines_and_typed_cells() {
    let wd = Workdir::new();
    register_xlsx(&wd.join("input/register.xlsx"));
    let out = wd.run();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let m = wd.table("output/mentions.csv");
    assert_eq!(m.len(), 3);
    assert_eq!(
        (m[0]["record_id"].as_str(), m[0]["row"].as_str()),
        ("R-101", "5")
    );
    assert_eq!(m[0]["birth_raw"], "25.12.1890");
    assert_eq!(m[0]["birth_earliest"], "1890-12-25");
    assert_eq!(m[0]["birth_precision"], "day");
    assert_eq!(m[1]["birth_raw"], "1889");
    assert_eq!(
        (
            m[1]["birth_earliest"].as_str(),
            m[1]["birth_latest"].as_str()
        ),
        ("1889-01-01", "1889-12-31")
    );
    assert_eq!(m[1]["arrest_earliest"], "1931-06-23");
    assert_eq!(
        (m[2]["birth_raw"].as_str(), m[2]["birth_precision"].as_str()),
        ("1902-03-04", "day")
    );
    let run: serde_json::Value = serde_json::from_str(&wd.read("output/run.json")).unwrap();
    let detected = &run["sources"][0]["detected"];
    assert_eq!(detected["header_row"], 4);
    assert_eq!(detected["format"], "xlsx");
}

#[test]
fn legacy_cyrillic_encodings_are_detected() {
    let wd = Workdir::new();
    let text = "Рег. №;Фамилия;Имя;Отчество;Год рождения;Решение;Дата реабилитации\n\
                К-1;Шокаев;Мустафа;Шокаевич;1890;реабилитирован;12.05.1989\n\
                К-2;Ахметов;Ахмет;Ахметович;1901;реабилитирован;01.03.1958\n";
    wd.input("commission.csv", encoding_rs::WINDOWS_1251.encode(text).0);
    let koi = "ФИО,Год рождения\nПетрова Мария Ивановна,1901\nСидоров Николай,1890\n";
    wd.input("koi.csv", encoding_rs::KOI8_R.encode(koi).0);
    let out = wd.run();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let m = wd.table("output/mentions.csv");
    let names: Vec<&str> = m.iter().map(|r| r["surname"].as_str()).collect();
    assert_eq!(names, vec!["Шокаев", "Ахметов", "Петрова", "Сидоров"]);
    let d = wd.table("output/decisions.csv");
    assert_eq!(d.len(), 2);
    assert_eq!(d[0]["decision_id"], "commission.csv:К-1");
    let run: serde_json::Value = serde_json::from_str(&wd.read("output/run.json")).unwrap();
    assert_eq!(run["sources"][0]["detected"]["encoding"], "windows-1251");
    assert_eq!(run["sources"][0]["detected"]["delimiter"], ";");
    assert_eq!(run["sources"][1]["detected"]["encoding"], "KOI8-R");
}

#[test]
fn configuration_overrides_detection_and_keeps_unknown_columns() {
    let wd = Workdir::new();
    wd.input(
        "odd.txt",
        "Список\nКто|Когда|Откуда|Примечание архивиста\nШокаев Мустафа|1890|Перовск|см. дело 5\n",
    );
    std::fs::write(
        wd.join("rehab.toml"),
        "[sources.\"odd.txt\"]\ndelimiter = \"|\"\nheader_row = 2\nlanguage = \"ru\"\n\
         columns = { \"Кто\" = \"full_name\", \"Когда\" = \"birth_date\", \"Откуда\" = \"birth_place\" }\n",
    )
    .unwrap();
    let out = wd.rehab(&["run", "--config", "rehab.toml"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let m = wd.table("output/mentions.csv");
    assert_eq!(m[0]["surname"], "Шокаев");
    assert_eq!(m[0]["birth_earliest"], "1890-01-01");
    assert_eq!(m[0]["extra"], r#"{"Примечание архивиста":"см. дело 5"}"#);
}

#[test]
fn inspect_shows_what_was_detected() {
    let wd = Workdir::new();
    register_xlsx(&wd.join("input/register.xlsx"));
    let out = wd.rehab(&["inspect", "input/register.xlsx"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("header row: 4"), "{text}");
    assert!(
        text.contains("Date of birth") && text.contains("→ birth_date"),
        "{text}"
    );
    assert!(
        text.contains("row 5 (record R-101)") && text.contains("row 6 (record R-102)"),
        "{text}"
    );
    assert!(text.contains("Number(1889.0)"), "{text}");
    assert!(text.contains("DateTime(1931-06-23T00:00:00)"), "{text}");
    let out = wd.rehab(&["inspect", "input/missing.csv"]);
    assert_eq!(out.status.code(), Some(2));
}

/// A birth-date column in the forms of registers and archive lists: `YYYYMMDD`, zero parts,
/// seasons, month ranges, both styles, quoted days, markers of the unknown; every row is kept.
#[test]
fn birth_dates_in_register_and_archive_forms() {
    let wd = Workdir::new();
    let rows = [
        ("Шокаев Мустафа", "19151111"),
        ("Ахметов Ахмет", "00.05.1938"),
        ("Байтурсынов Ахмет", "19380000"),
        ("Дулатов Миржакып", "зимой 1938"),
        ("Сейфуллин Сакен", "март-апрель 1938"),
        ("Жумабаев Магжан", "3 (16) марта 1917"),
        ("Рыскулов Турар", "«3» марта 1917 г."),
        ("Асфендияров Санжар", "не установлено"),
        ("Кулумбетов Узакбай", "1938, место неизвестно"),
        ("Тынышпаев Мухамеджан", "19151311"),
    ];
    let mut text = String::from("ФИО,Дата рождения\n");
    for (name, born) in rows {
        text.push_str(&format!("{name},\"{born}\"\n"));
    }
    wd.input("register.csv", text);
    let out = wd.run();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(wd.table("output/rejects.csv").is_empty());
    let m = wd.table("output/mentions.csv");
    assert_eq!(m.len(), rows.len());
    let got: Vec<String> = m
        .iter()
        .map(|r| {
            format!(
                "{} | {} {} {} {}",
                r["birth_raw"],
                r["birth_earliest"],
                r["birth_latest"],
                r["birth_precision"],
                r["birth_edtf"]
            )
        })
        .collect();
    let want = [
        "19151111 | 1915-11-11 1915-11-11 day 1915-11-11",
        "00.05.1938 | 1938-05-01 1938-05-31 month 1938-05",
        "19380000 | 1938-01-01 1938-12-31 year 1938",
        "зимой 1938 | 1937-12-01 1938-02-28 range 1938-24",
        "март-апрель 1938 | 1938-03-01 1938-04-30 range 1938-03/1938-04",
        "3 (16) марта 1917 | 1917-03-16 1917-03-16 day 1917-03-16",
        "«3» марта 1917 г. | 1917-03-03 1917-03-03 day 1917-03-03",
        "не установлено |    ",
        "1938, место неизвестно | 1938-01-01 1938-12-31 year 1938",
        "19151311 |    ",
    ];
    assert_eq!(got, want);
    let bad = &m[9]["warnings"];
    assert!(
        bad.contains("19151311 is not a date written YYYYMMDD: month 13"),
        "{bad}"
    );
    assert!(m[7]["warnings"].is_empty(), "{}", m[7]["warnings"]);
}

/// A number cell of eight digits in a date column is a day written `YYYYMMDD`; one that is no
/// day keeps its number as raw text with a warning, and the row is kept.
#[test]
fn xlsx_number_cells_written_yyyymmdd() {
    let wd = Workdir::new();
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    for (c, h) in ["Surname", "Name", "Date of birth"].iter().enumerate() {
        sheet.write_string(0, c as u16, *h).unwrap();
    }
    let rows = [
        ("Tchokay", "Moustafa", 19151111.0),
        ("Dulatov", "Mirjaqip", 19151311.0),
    ];
    for (r, (surname, name, born)) in rows.iter().enumerate() {
        let r = r as u32 + 1;
        sheet.write_string(r, 0, *surname).unwrap();
        sheet.write_string(r, 1, *name).unwrap();
        sheet.write_number(r, 2, *born).unwrap();
    }
    book.save(wd.join("input/register.xlsx")).unwrap();
    let out = wd.run();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(wd.table("output/rejects.csv").is_empty());
    let m = wd.table("output/mentions.csv");
    assert_eq!(m.len(), 2);
    assert_eq!(m[0]["birth_earliest"], "1915-11-11");
    assert_eq!(m[0]["birth_precision"], "day");
    assert_eq!(m[1]["birth_raw"], "19151311");
    assert_eq!(m[1]["birth_earliest"], "");
    assert!(
        m[1]["warnings"].contains("YYYYMMDD"),
        "{}",
        m[1]["warnings"]
    );
}
