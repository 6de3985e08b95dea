//! Workbooks: every sheet read, formulas kept as written, and caps on cells, columns, expanded
//! size and value length that keep one hostile workbook from stopping the night.

use crate::common::{Workdir, source, stderr};
use rust_xlsxwriter::{Format, Workbook};
use std::io::Write;
use std::time::{Duration, Instant};

const GOOD: &str = "ФИО,Год рождения\n\
    Шокаев Мустафа,1890\nАхметов Ахмет,1901\nДулатов Миржакип,1885\nБайтурсынов Ахмет,1872\n\
    Сейфуллин Сакен,1894\nЖумабаев Магжан,1893\nРыскулов Турар,1894\nХо\u{301}джаев Файзулла,1896\n\
    Икрамов Акмаль,1898\nАйманов Шакен,1914\n";

fn file_error(wd: &Workdir, name: &str) -> String {
    source(&wd.run_json(), name)["error"]
        .as_str()
        .unwrap_or("")
        .to_string()
}

fn good_is_published(wd: &Workdir) {
    let m = wd.table("output/mentions.csv");
    let good = m.iter().filter(|r| r["source"] == "good.csv").count();
    assert_eq!(
        good, 10,
        "the good file beside the hostile one is published"
    );
}

/// A workbook written by hand: each sheet as `(name, state, sheetData XML)`, with inline strings.
fn hand_xlsx(sheets: &[(&str, &str, &str)]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default();
    let mut put = |name: &str, text: &str| {
        zip.start_file(name, opts).unwrap();
        zip.write_all(text.as_bytes()).unwrap();
    };
    let mut types = String::new();
    let mut list = String::new();
    let mut rels = String::new();
    for (i, (name, state, _)) in sheets.iter().enumerate() {
        let n = i + 1;
        types.push_str(&format!(
            r#"<Override PartName="/xl/worksheets/sheet{n}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"#
        ));
        list.push_str(&format!(
            r#"<sheet name="{name}" sheetId="{n}" state="{state}" r:id="rId{n}"/>"#
        ));
        rels.push_str(&format!(
            r#"<Relationship Id="rId{n}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet{n}.xml"/>"#
        ));
    }
    put(
        "[Content_Types].xml",
        &format!(
            r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>{types}</Types>"#
        ),
    );
    put(
        "_rels/.rels",
        r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#,
    );
    put(
        "xl/workbook.xml",
        &format!(
            r#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>{list}</sheets></workbook>"#
        ),
    );
    put(
        "xl/_rels/workbook.xml.rels",
        &format!(
            r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{rels}</Relationships>"#
        ),
    );
    for (i, (_, _, data)) in sheets.iter().enumerate() {
        put(
            &format!("xl/worksheets/sheet{}.xml", i + 1),
            &format!(
                r#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">{data}</worksheet>"#
            ),
        );
    }
    zip.finish().unwrap().into_inner()
}

/// An inline string cell.
fn s(at: &str, text: &str) -> String {
    format!(r#"<c r="{at}" t="inlineStr"><is><t>{text}</t></is></c>"#)
}

fn list_sheet(book: &mut Workbook, name: &str, rows: &[(&str, f64)]) {
    let sheet = book.add_worksheet().set_name(name).unwrap();
    sheet.write_string(0, 0, "ФИО").unwrap();
    sheet.write_string(0, 1, "Год рождения").unwrap();
    for (i, (who, year)) in rows.iter().enumerate() {
        sheet.write_string(i as u32 + 1, 0, *who).unwrap();
        sheet.write_number(i as u32 + 1, 1, *year).unwrap();
    }
}

fn several_sheets(path: &std::path::Path) {
    let mut book = Workbook::new();
    list_sheet(&mut book, "Архив", &[("Скрытов Иван", 1900.0)]);
    list_sheet(
        &mut book,
        "Список",
        &[("Шокаев Мустафа", 1890.0), ("Ахметов Ахмет", 1901.0)],
    );
    let notes = book.add_worksheet().set_name("Примечания").unwrap();
    notes.write_string(0, 0, "Составил: архивист").unwrap();
    book.add_worksheet().set_name("Пустой").unwrap();
    list_sheet(&mut book, "Второй список", &[("Дулатов Миржакип", 1885.0)]);
    book.worksheet_from_name("Архив").unwrap().set_hidden(true);
    book.worksheet_from_name("Список").unwrap().set_active(true);
    book.save(path).unwrap();
}

#[test]
fn every_sheet_with_a_header_is_read_and_the_others_are_reported() {
    let wd = Workdir::new();
    several_sheets(&wd.join("input/book.xlsx"));
    let out = wd.run();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let m = wd.table("output/mentions.csv");
    let got: Vec<(&str, &str, &str)> = m
        .iter()
        .map(|r| {
            (
                r["source"].as_str(),
                r["record_id"].as_str(),
                r["surname"].as_str(),
            )
        })
        .collect();
    assert_eq!(
        got,
        vec![
            ("book.xlsx", "1", "Шокаев"),
            ("book.xlsx", "2", "Ахметов"),
            ("book.xlsx#Второй список", "1", "Дулатов"),
        ]
    );
    let run = wd.run_json();
    let book = source(&run, "book.xlsx");
    assert_eq!(book["rows"], 3);
    let sheets = book["detected"]["sheets"].as_array().unwrap();
    let seen: Vec<(&str, Option<&str>, Option<&str>)> = sheets
        .iter()
        .map(|s| {
            (
                s["name"].as_str().unwrap(),
                s["source"].as_str(),
                s["skipped"].as_str(),
            )
        })
        .collect();
    assert_eq!(seen[0], ("Архив", None, Some("hidden")));
    assert_eq!(seen[1], ("Список", Some("book.xlsx"), None));
    assert_eq!(seen[2].1, None);
    assert!(
        seen[2].2.unwrap().contains("no recognisable header"),
        "{seen:?}"
    );
    assert_eq!(seen[3], ("Пустой", None, Some("empty")));
    assert_eq!(
        seen[4],
        ("Второй список", Some("book.xlsx#Второй список"), None)
    );
    let log = stderr(&out);
    assert!(log.contains("Архив") && log.contains("hidden"), "{log}");
}

#[test]
fn a_configured_sheet_is_the_only_one_read_even_when_hidden() {
    let wd = Workdir::new();
    several_sheets(&wd.join("input/book.xlsx"));
    std::fs::write(
        wd.join("rehab.toml"),
        "[sources.\"book.xlsx\"]\nsheet = \"Архив\"\n",
    )
    .unwrap();
    let out = wd.rehab(&["run", "--config", "rehab.toml"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let m = wd.table("output/mentions.csv");
    assert_eq!(m.len(), 1);
    assert_eq!(
        (m[0]["source"].as_str(), m[0]["surname"].as_str()),
        ("book.xlsx", "Скрытов")
    );
}

#[test]
fn a_workbook_whose_only_list_is_hidden_is_a_file_error_naming_it() {
    let wd = Workdir::new();
    wd.input("good.csv", GOOD);
    let header = format!(
        "<sheetData><row r=\"1\">{}{}</row><row r=\"2\">{}{}</row></sheetData>",
        s("A1", "ФИО"),
        s("B1", "Год рождения"),
        s("A2", "Скрытов Иван"),
        s("B2", "1900")
    );
    wd.input(
        "hidden.xlsx",
        hand_xlsx(&[
            ("Тайный", "veryHidden", &header),
            ("Пусто", "visible", "<sheetData/>"),
        ]),
    );
    let out = wd.run();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    good_is_published(&wd);
    let error = file_error(&wd, "hidden.xlsx");
    assert!(
        error.contains("Тайный (hidden)") && error.contains("Пусто (empty)"),
        "{error}"
    );
}

#[test]
fn formula_cells_without_a_cached_value_keep_their_text_and_warn() {
    let wd = Workdir::new();
    let data = format!(
        "<sheetData><row r=\"1\">{}{}</row>\
         <row r=\"2\"><c r=\"A2\" t=\"str\"><f>CONCATENATE(\"Шокаев\",\" \",\"Мустафа\")</f></c>{}</row>\
         <row r=\"3\">{}<c r=\"B3\"><f>DATE(1890,12,25)</f></c></row>\
         <row r=\"4\">{}<c r=\"B4\"><f>1900+1</f><v>1901</v></c></row></sheetData>",
        s("A1", "ФИО"),
        s("B1", "Дата рождения"),
        s("B2", "1890"),
        s("A3", "Дулатов Миржакип"),
        s("A4", "Ахметов Ахмет"),
    );
    wd.input("formulas.xlsx", hand_xlsx(&[("Лист1", "visible", &data)]));
    let out = wd.run();
    assert!(matches!(out.status.code(), Some(0 | 1)), "{}", stderr(&out));
    let m = wd.table("output/mentions.csv");
    let rejects = wd.table("output/rejects.csv");
    let name_formula = "=CONCATENATE(\"Шокаев\",\" \",\"Мустафа\")";
    let kept = m.iter().any(|r| r["name_raw"] == name_formula)
        || rejects
            .iter()
            .any(|r| r["raw"].contains("=CONCATENATE(\\\"Шокаев"));
    assert!(kept, "the formula text is kept: {m:?} {rejects:?}");
    if let Some(r) = m.iter().find(|r| r["name_raw"] == name_formula) {
        assert!(r["warnings"].contains("formula"), "{r:?}");
    }
    let dulatov = m
        .iter()
        .find(|r| r["surname"] == "Дулатов")
        .expect("Дулатов");
    assert_eq!(dulatov["birth_raw"], "=DATE(1890,12,25)");
    assert!(
        dulatov["warnings"].contains("Дата рождения (column 2): a formula"),
        "{dulatov:?}"
    );
    let ahmetov = m
        .iter()
        .find(|r| r["surname"] == "Ахметов")
        .expect("Ахметов");
    assert_eq!(ahmetov["birth_raw"], "1901");
    assert!(
        !ahmetov["warnings"].contains("formula"),
        "a cached value is used as it is"
    );
}

type Row = std::collections::BTreeMap<String, String>;

/// Checks that the good file and Шокаев's row of `source` are published, and returns the one
/// reject of `source`.
fn shokay_read_and_one_reject(wd: &Workdir, source: &str) -> Row {
    good_is_published(wd);
    let m = wd.table("output/mentions.csv");
    assert!(
        m.iter()
            .any(|r| r["source"] == source && r["surname"] == "Шокаев")
    );
    let rejects: Vec<Row> = wd
        .table("output/rejects.csv")
        .into_iter()
        .filter(|r| r["source"] == source)
        .collect();
    assert_eq!(rejects.len(), 1, "{rejects:?}");
    rejects.into_iter().next().unwrap()
}

/// A reject's row, column and reason.
fn at_and_why(reject: &Row) -> (&str, &str, &str) {
    (
        reject["row"].as_str(),
        reject["column"].as_str(),
        reject["reason"].as_str(),
    )
}

#[test]
fn a_lone_cell_at_xfd1048576_costs_one_cell() {
    let wd = Workdir::new();
    wd.input("good.csv", GOOD);
    let data = format!(
        "<dimension ref=\"A1:XFD1048576\"/><sheetData><row r=\"1\">{}{}</row><row r=\"2\">{}{}</row>\
         <row r=\"1048576\">{}</row></sheetData>",
        s("A1", "ФИО"),
        s("B1", "Год рождения"),
        s("A2", "Шокаев Мустафа"),
        s("B2", "1890"),
        s("XFD1048576", "x"),
    );
    wd.input("far.xlsx", hand_xlsx(&[("Лист1", "visible", &data)]));
    let lone = format!(
        "<dimension ref=\"XFD1048576\"/><sheetData><row r=\"1048576\">{}</row></sheetData>",
        s("XFD1048576", "x")
    );
    wd.input("lone.xlsx", hand_xlsx(&[("Лист1", "visible", &lone)]));
    let started = Instant::now();
    let out = wd.run();
    assert!(
        started.elapsed() < Duration::from_secs(20),
        "took {:?}",
        started.elapsed()
    );
    assert!(matches!(out.status.code(), Some(0 | 1)), "{}", stderr(&out));
    let far = shokay_read_and_one_reject(&wd, "far.xlsx");
    assert_eq!(at_and_why(&far), ("1048576", "16384", "ragged_row"));
    assert_eq!(far["raw"], r#"["","","x"]"#);
    assert!(file_error(&wd, "lone.xlsx").contains("no sheet has a recognisable header"));
}

#[test]
fn a_cell_past_column_xfd_is_a_file_error() {
    let wd = Workdir::new();
    wd.input("good.csv", GOOD);
    let data = format!(
        "<sheetData><row r=\"1\">{}{}</row></sheetData>",
        s("A1", "ФИО"),
        s("XFE1", "x")
    );
    wd.input("wide.xlsx", hand_xlsx(&[("Лист1", "visible", &data)]));
    let out = wd.run();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    good_is_published(&wd);
    let error = file_error(&wd, "wide.xlsx");
    assert!(error.contains("past column 16384"), "{error}");
}

/// A workbook with one huge inline-string cell, streamed into the zip so it is never in memory.
fn huge_cell_xlsx(cell_bytes: usize) -> Vec<u8> {
    let small = hand_xlsx(&[("Лист1", "visible", "<sheetData/>")]);
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(small)).unwrap();
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default();
    for i in 0..archive.len() {
        let file = archive.by_index(i).unwrap();
        if file.name().unwrap() != "xl/worksheets/sheet1.xml" {
            zip.raw_copy_file(file).unwrap();
        }
    }
    zip.start_file("xl/worksheets/sheet1.xml", opts).unwrap();
    let head = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData><row r=\"1\">{}{}</row><row r=\"2\">{}{}</row><row r=\"3\">{}<c r=\"B3\" t=\"inlineStr\"><is><t>",
        s("A1", "ФИО"),
        s("B1", "Примечание"),
        s("A2", "Шокаев Мустафа"),
        s("B2", "ok"),
        s("A3", "Ахметов Ахмет")
    );
    zip.write_all(head.as_bytes()).unwrap();
    let chunk = vec![b'a'; 1 << 20];
    let mut left = cell_bytes;
    while left > 0 {
        let n = left.min(chunk.len());
        zip.write_all(&chunk[..n]).unwrap();
        left -= n;
    }
    zip.write_all(b"</t></is></c></row></sheetData></worksheet>")
        .unwrap();
    zip.finish().unwrap().into_inner()
}

#[test]
fn a_cell_expanding_to_400_mib_is_refused_in_seconds() {
    let wd = Workdir::new();
    wd.input("good.csv", GOOD);
    let bomb = huge_cell_xlsx(400 << 20);
    assert!(bomb.len() < 2 << 20, "compressed to {} bytes", bomb.len());
    wd.input("bomb.xlsx", bomb);
    let started = Instant::now();
    let out = wd.run();
    assert!(
        started.elapsed() < Duration::from_secs(20),
        "took {:?}",
        started.elapsed()
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    good_is_published(&wd);
    let error = file_error(&wd, "bomb.xlsx");
    assert!(
        error.contains("a cell may hold at most 65536 bytes"),
        "{error}"
    );
    assert!(stderr(&out).contains("bomb.xlsx"));
}

#[test]
fn a_cell_longer_than_64_kib_rejects_its_row_with_the_raw_text_cut() {
    let wd = Workdir::new();
    wd.input("good.csv", GOOD);
    wd.input("long.xlsx", huge_cell_xlsx(100 * 1024));
    let out = wd.run();
    assert!(matches!(out.status.code(), Some(0 | 1)), "{}", stderr(&out));
    let long = shokay_read_and_one_reject(&wd, "long.xlsx");
    assert_eq!(at_and_why(&long), ("3", "2", "value_too_long"));
    let raw: Vec<String> = serde_json::from_str(&long["raw"]).unwrap();
    assert_eq!(raw[0], "Ахметов Ахмет");
    assert!(raw[1].ends_with(" [… cut]") && raw[1].len() == 65536 + " [… cut]".len());
}

#[test]
fn date_serials_out_of_range_keep_their_serial_and_warn() {
    let wd = Workdir::new();
    let mut book = Workbook::new();
    let date = Format::new().set_num_format("dd.mm.yyyy");
    let sheet = book.add_worksheet();
    sheet.write_string(0, 0, "ФИО").unwrap();
    sheet.write_string(0, 1, "Дата рождения").unwrap();
    let cases = [2958466.0, 2958465.0, 73415.0, 1.0, -1.0, 1e300, 33238.0];
    for (i, serial) in cases.iter().enumerate() {
        let row = i as u32 + 1;
        sheet
            .write_string(
                row,
                0,
                format!(
                    "Шокаев{} Мустафа",
                    ["", "а", "ов", "ин", "ев", "ан", "ук"][i]
                ),
            )
            .unwrap();
        sheet
            .write_number_with_format(row, 1, *serial, &date)
            .unwrap();
    }
    book.save(wd.join("input/dates.xlsx")).unwrap();
    let out = wd.run();
    assert!(matches!(out.status.code(), Some(0 | 1)), "{}", stderr(&out));
    let m = wd.table("output/mentions.csv");
    let birth: Vec<(&str, &str)> = m
        .iter()
        .map(|r| (r["birth_raw"].as_str(), r["birth_earliest"].as_str()))
        .collect();
    assert_eq!(
        birth,
        vec![
            ("2958466", ""),
            ("9999-12-31", ""),
            ("2100-12-31", "2100-12-31"),
            ("1900-01-01", "1900-01-01"),
            ("-1", ""),
            ("1e300", ""),
            ("1990-12-31", "1990-12-31"),
        ]
    );
    for r in m.iter().filter(|r| r["birth_earliest"].is_empty()) {
        assert!(r["warnings"].contains("birth_date"), "{r:?}");
    }
    assert!(
        m[0]["warnings"].contains("year 10000 is outside 1000–2100"),
        "{:?}",
        m[0]
    );
}

#[test]
fn each_sheet_keeps_its_ids_across_runs_and_a_lost_sheet_stops_the_run() {
    let wd = Workdir::new();
    several_sheets(&wd.join("input/book.xlsx"));
    let first = wd.run();
    assert_eq!(first.status.code(), Some(0), "{}", stderr(&first));
    let ids = |wd: &Workdir| -> Vec<(String, String)> {
        wd.table("output/mentions.csv")
            .iter()
            .map(|r| (r["source"].clone(), r["person_id"].clone()))
            .collect()
    };
    let before = ids(&wd);
    let again = wd.run();
    assert_eq!(again.status.code(), Some(0), "{}", stderr(&again));
    assert_eq!(ids(&wd), before);
    let mut book = Workbook::new();
    list_sheet(
        &mut book,
        "Список",
        &[("Шокаев Мустафа", 1890.0), ("Ахметов Ахмет", 1901.0)],
    );
    book.save(wd.join("input/book.xlsx")).unwrap();
    let lost = wd.run();
    assert_eq!(lost.status.code(), Some(1), "{}", stderr(&lost));
    assert!(
        stderr(&lost).contains("book.xlsx#Второй список: missing"),
        "{}",
        stderr(&lost)
    );
}

fn read_fuzz_input(name: &str) -> Vec<u8> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/fuzz");
    std::fs::read(dir.join(name)).expect("fuzz input")
}

/// Found by the `xlsx_ingest` fuzz target: a cell reference of many letters overflowed the
/// workbook reader's column arithmetic, also in a zip archive behind bytes of another signature
/// (`TK` for `PK`), which was once handed to the reader without the checks.
#[test]
fn a_reference_too_long_for_a_sheet_is_a_file_error_naming_it() {
    let wd = Workdir::new();
    wd.input("good.csv", GOOD);
    wd.input(
        "fuzzed.xlsx",
        read_fuzz_input("xlsx_overflowing_reference.xlsx"),
    );
    let data = format!(
        "<sheetData><row r=\"1\">{}</row><row r=\"2\">{}</row></sheetData>",
        s("A1", "ФИО"),
        s("A1048577", "Шокаев Мустафа")
    );
    wd.input("tall.xlsx", hand_xlsx(&[("Лист1", "visible", &data)]));
    let data = format!(
        "<sheetData><row r=\"1\">{}{}</row></sheetData>",
        s("A1", "ФИО"),
        s(&format!("{}1", "A".repeat(30)), "x")
    );
    let wide = hand_xlsx(&[("Лист1", "visible", &data)]);
    wd.input("wide.xlsx", &wide);
    wd.input("prefixed.xlsx", [&b"MZ\x90\x00"[..], &wide].concat());
    let second = read_fuzz_input("xlsx_broken_part_with_bad_dimension.xlsx");
    wd.input("fuzzed_prefixed.xlsx", second);
    let out = wd.run();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    good_is_published(&wd);
    assert!(file_error(&wd, "fuzzed.xlsx").contains("corrupt"));
    assert!(file_error(&wd, "fuzzed_prefixed.xlsx").contains("corrupt"));
    for name in ["tall.xlsx", "wide.xlsx", "prefixed.xlsx"] {
        let error = file_error(&wd, name);
        assert!(error.contains("corrupt workbook"), "{name}: {error}");
        assert!(error.contains("xl/worksheets/"), "{name}: {error}");
    }
    assert!(file_error(&wd, "tall.xlsx").contains("\"A1048577\""));
}
