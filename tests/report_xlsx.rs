//! `report.xlsx` beside `persons_report.csv`, read back with calamine: its sheets, frozen header,
//! date cells, the spreadsheet guard and identical bytes from run to run.

use crate::common::{Workdir, read_table, stderr};
use calamine::{Data, DataType, Range, Reader, Xlsx, open_workbook};
use std::fs;
use std::path::Path;

/// A source whose file name starts with `=`, so that every cell naming it starts like a formula.
const RISKY_FILE: &str = "=c.csv";
const RISKY_ROWS: &str = "ФИО,Год рождения,Дата реабилитации\n\
Петров Пётр Петрович,1902,1956-03-12\n";

/// The sample archive and the risky file in a new folder, run into `out`.
fn sample_run() -> Workdir {
    let wd = Workdir::new();
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("input");
    for entry in fs::read_dir(sample).unwrap() {
        let path = entry.unwrap().path();
        wd.input(
            path.file_name().unwrap().to_str().unwrap(),
            fs::read(&path).unwrap(),
        );
    }
    wd.input(RISKY_FILE, RISKY_ROWS);
    let out = wd.rehab(&["run", "--input", "input", "--output", "out"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    wd
}

fn sheet(book: &mut Xlsx<std::io::BufReader<fs::File>>, name: &str) -> Range<Data> {
    book.worksheet_range(name).unwrap()
}

fn header(range: &Range<Data>) -> Vec<String> {
    range
        .rows()
        .next()
        .unwrap()
        .iter()
        .map(|c| c.to_string())
        .collect()
}

/// A cell as the CSV report writes it: dates as ISO text, counts as digits.
fn as_csv(cell: &Data) -> String {
    match cell {
        Data::DateTime(_) => cell.as_date().unwrap().format("%Y-%m-%d").to_string(),
        Data::Float(f) => format!("{f}"),
        Data::Empty => String::new(),
        other => other.to_string(),
    }
}

#[test]
fn the_workbook_holds_each_report_with_dates_numbers_and_guarded_text() {
    let wd = sample_run();
    let mut book: Xlsx<_> = open_workbook(wd.join("out/report.xlsx")).unwrap();
    assert_eq!(
        book.sheet_names(),
        [
            "persons",
            "decisions",
            "checks",
            "sources",
            "rejects",
            "id_changes"
        ]
    );

    // The persons sheet is persons_report.csv cell for cell, typed.
    let persons = sheet(&mut book, "persons");
    let titles = header(&persons);
    assert_eq!(titles[..2], ["person_id", "name"]);
    assert_eq!(titles.last().unwrap(), "mention_keys");
    let report = read_table(&wd.join("out/persons_report.csv"));
    assert_eq!(persons.height(), report.len() + 1);
    let (mut dates, mut old_dates, mut numbers) = (0, 0, 0);
    for (row, expected) in persons.rows().skip(1).zip(&report) {
        for (title, cell) in titles.iter().zip(row) {
            assert_eq!(
                as_csv(cell),
                expected[title],
                "{title} of {}",
                expected["person_id"]
            );
            match cell {
                Data::DateTime(_) => dates += 1,
                Data::String(s) if title.starts_with("birth_e") || title.starts_with("birth_l") => {
                    assert!(s.as_str() < "1900", "{s} is a date Excel holds");
                    old_dates += 1;
                }
                Data::Float(_) => numbers += 1,
                _ => {}
            }
        }
    }
    assert!(
        dates > 100 && numbers > 100,
        "{dates} dates, {numbers} numbers"
    );
    assert!(old_dates > 0, "births before 1900 stay text");

    // The person from the risky file: guarded as in the CSV report.
    let risky = persons
        .rows()
        .find(|r| r[1] == "Петров Пётр Петрович")
        .expect("the person of the risky file");
    let at = |name: &str| titles.iter().position(|t| t == name).unwrap();
    assert_eq!(risky[at("sources")].to_string(), "'=c.csv");
    assert_eq!(risky[at("mention_keys")].to_string(), "'=c.csv:1");
    assert!(matches!(risky[at("birth_earliest")], Data::DateTime(_)));
    assert_eq!(
        risky[at("birth_earliest")].as_date().unwrap().to_string(),
        "1902-01-01"
    );

    // Decision dates are real dates; the source list names the risky file guarded.
    let decisions = sheet(&mut book, "decisions");
    let dtitles = header(&decisions);
    let date_col = dtitles.iter().position(|t| t == "date_earliest").unwrap();
    let src_col = dtitles.iter().position(|t| t == "sources").unwrap();
    let decision = decisions
        .rows()
        .find(|r| r[src_col] == "'=c.csv")
        .expect("the risky file's decision");
    assert_eq!(
        decision[date_col].as_date().unwrap().to_string(),
        "1956-03-12"
    );
    assert!(matches!(decision[date_col], Data::DateTime(_)));

    let sources = sheet(&mut book, "sources");
    assert_eq!(
        header(&sources),
        ["source", "rows", "accepted", "rejected", "error"]
    );
    let row = sources.rows().find(|r| r[0] == "'=c.csv").unwrap();
    assert_eq!(row[1], Data::Float(1.0));

    let rejects = sheet(&mut book, "rejects");
    assert_eq!(
        rejects.height(),
        read_table(&wd.join("out/rejects.csv")).len() + 1
    );
    assert_eq!(header(&rejects)[..3], ["source", "record_id", "row"]);
    assert_eq!(header(&sheet(&mut book, "id_changes"))[0], "change");
    let checks = sheet(&mut book, "checks");
    assert_eq!(
        checks.height(),
        read_table(&wd.join("out/checks.csv")).len() + 1
    );
}

#[test]
fn every_sheet_has_its_header_frozen_and_a_filter() {
    let wd = sample_run();
    let bytes = fs::read(wd.join("out/report.xlsx")).unwrap();
    let mut zip = zip_entries(&bytes);
    for n in 1..=6 {
        let xml = zip.remove(&format!("xl/worksheets/sheet{n}.xml")).unwrap();
        assert!(
            xml.contains(
                r#"<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>"#
            ),
            "sheet {n}"
        );
        assert!(xml.contains("<autoFilter ref=\"A1:"), "sheet {n}");
        assert!(xml.contains("customWidth=\"1\""), "sheet {n}");
    }
}

/// The XML parts of a workbook by name.
fn zip_entries(bytes: &[u8]) -> std::collections::BTreeMap<String, String> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    (0..archive.len())
        .map(|i| {
            let mut file = archive.by_index(i).unwrap();
            let mut text = String::new();
            std::io::Read::read_to_string(&mut file, &mut text).unwrap();
            (file.name().unwrap().to_string(), text)
        })
        .collect()
}

#[test]
fn the_same_input_gives_the_same_workbook_bytes() {
    let wd = sample_run();
    let args = ["run", "--input", "input", "--output", "again"];
    let out = wd.rehab_with_env(&args, &[("RAYON_NUM_THREADS", "1")]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let first = fs::read(wd.join("out/report.xlsx")).unwrap();
    let second = fs::read(wd.join("again/report.xlsx")).unwrap();
    assert!(first == second, "report.xlsx differs between two runs");
}
