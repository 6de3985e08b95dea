//! Checks of the particulars columns: which sources carry them and how full they are, that a
//! person's address is written differently from source to source, that occupations now and
//! then change, and that the other cells and the truth are those of the archives before them.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;

use calamine::{Data, Reader, Xlsx, open_workbook};

use super::write::{OCCUPATION, RESIDENCE, WORKPLACE};
use super::{Particulars, particulars_stream};
use crate::synth::data::tables;
use crate::synth::person::PersonMaker;
use crate::synth::sink::TextEncoding;
use crate::synth::sources::{Format, Layout, sources};
use crate::synth::{SynthConfig, generate};

const KEYS: [&str; 3] = [RESIDENCE, OCCUPATION, WORKPLACE];

fn archive(persons: u32, seed: u64) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    generate(&SynthConfig { persons, seed }, dir.path()).expect("generate");
    dir
}

/// The rows of a generated file as text, header row first.
fn table(dir: &Path, layout: &Layout) -> Vec<Vec<String>> {
    let path = dir.join("input").join(layout.file_name);
    let Format::Delimited {
        delimiter,
        encoding,
    } = layout.format
    else {
        let mut book: Xlsx<_> = open_workbook(&path).expect("open xlsx");
        let range = book.worksheet_range_at(0).expect("sheet").expect("reads");
        let rows = range
            .rows()
            .map(|r| r.iter().map(Data::to_string).collect());
        let rows: Vec<Vec<String>> = rows.collect();
        let header = rows.iter().position(|r| r[0] == "No.").expect("header");
        return rows[header..].to_vec();
    };
    let decoder = match encoding {
        TextEncoding::Windows1251 => encoding_rs::WINDOWS_1251,
        TextEncoding::Koi8R => encoding_rs::KOI8_R,
        _ => encoding_rs::UTF_8,
    };
    let bytes = fs::read(&path).expect("read");
    let (text, _, _) = decoder.decode(&bytes);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let rows = reader.records().map(|r| r.expect("row"));
    rows.map(|r| r.iter().map(str::to_string).collect())
        .collect()
}

/// Per source, per particulars key, the cell of each record id.
type Cells = BTreeMap<(String, &'static str), BTreeMap<String, String>>;

fn particular_cells(dir: &Path) -> Cells {
    let mut out = Cells::new();
    for source in sources() {
        let layout = &source.layout;
        let rows = table(dir, layout);
        for (index, (key, _)) in layout.columns.iter().enumerate() {
            let Some(key) = KEYS.iter().find(|k| *k == key) else {
                continue;
            };
            let cells = (rows[1..].iter())
                .map(|r| (r[0].clone(), r.get(index).cloned().unwrap_or_default()))
                .collect();
            out.insert((layout.file_name.to_string(), key), cells);
        }
    }
    out
}

fn filled_share(cells: &BTreeMap<String, String>) -> f64 {
    let filled = cells.values().filter(|v| !v.is_empty()).count();
    filled as f64 / cells.len().max(1) as f64
}

#[test]
fn five_sources_carry_particulars_about_as_full_as_their_writing_says() {
    let dir = archive(2500, 31);
    let cells = particular_cells(dir.path());
    let carried: BTreeSet<(&str, &str)> = cells.keys().map(|(f, k)| (f.as_str(), *k)).collect();
    let expected = BTreeSet::from([
        ("kniga_pamyati.csv", RESIDENCE),
        ("kniga_pamyati.csv", OCCUPATION),
        ("kniga_pamyati.csv", WORKPLACE),
        ("nkvd_kartoteka.csv", OCCUPATION),
        ("nkvd_kartoteka.csv", WORKPLACE),
        ("register_romanized.xlsx", RESIDENCE),
        ("register_romanized.xlsx", OCCUPATION),
        ("register_romanized.xlsx", WORKPLACE),
        ("aqtalgandar_tizimi.csv", RESIDENCE),
        ("reabilitatsiya_royxati.csv", OCCUPATION),
    ]);
    assert_eq!(carried, expected);
    for source in sources() {
        let missing = source.layout.particulars.missing;
        for key in [RESIDENCE, OCCUPATION] {
            let Some(column) = cells.get(&(source.layout.file_name.to_string(), key)) else {
                continue;
            };
            let share = filled_share(column);
            let name = source.layout.file_name;
            assert!(
                (share - (1.0 - missing)).abs() < 0.05,
                "{name} {key}: {share}"
            );
        }
    }
    let workplaces = &cells[&("kniga_pamyati.csv".to_string(), WORKPLACE)];
    let share = filled_share(workplaces);
    assert!(share > 0.45 && share < 0.75, "workplaces filled: {share}");
    assert!(workplaces.values().any(|w| w.contains("им.")), "no eponym");
    assert!(
        workplaces.values().any(|w| w.contains("ССР")),
        "no commissariat"
    );
}

#[test]
fn a_persons_address_is_written_differently_from_source_to_source() {
    let dir = archive(2500, 32);
    let cells = particular_cells(dir.path());
    let mut truth = csv::Reader::from_path(dir.path().join("truth.csv")).expect("truth");
    let person_of: BTreeMap<(String, String), String> = (truth.records())
        .map(|r| r.expect("truth row"))
        .map(|r| ((r[0].to_string(), r[1].to_string()), r[2].to_string()))
        .collect();
    let mut addresses: BTreeMap<&str, Vec<(&str, &str)>> = BTreeMap::new();
    for ((file, key), column) in &cells {
        if *key != RESIDENCE {
            continue;
        }
        for (id, text) in column.iter().filter(|(_, t)| !t.is_empty()) {
            let person = &person_of[&(file.clone(), id.clone())];
            addresses.entry(person).or_default().push((file, text));
        }
    }
    let in_two_sources: Vec<&Vec<(&str, &str)>> = (addresses.values())
        .filter(|a| a.iter().map(|(f, _)| f).collect::<BTreeSet<_>>().len() >= 2)
        .collect();
    let differently = (in_two_sources.iter())
        .filter(|a| a.iter().map(|(_, t)| t).collect::<BTreeSet<_>>().len() >= 2)
        .count();
    assert!(in_two_sources.len() > 300, "{}", in_two_sources.len());
    let share = differently as f64 / in_two_sources.len() as f64;
    assert!(share > 0.8, "written differently: {share}");
}

#[test]
fn occupations_now_and_then_change_and_the_draw_is_the_persons_own() {
    let tables = tables().expect("tables");
    let mut maker = PersonMaker::new();
    let mut rng = rand::SeedableRng::seed_from_u64(5);
    let mut changed = 0;
    let persons = 4000;
    for _ in 0..persons {
        let person = maker.next_person(tables, &mut rng);
        let names = person.resolve(tables).expect("fits the tables");
        let draw =
            || Particulars::draw(&person, &names, tables, &mut particulars_stream(9, &person));
        let particulars = draw();
        assert_eq!(particulars, draw(), "person {}", person.id);
        if particulars.early.occupation != particulars.later.occupation {
            changed += 1;
        }
    }
    let share = f64::from(changed) / f64::from(persons);
    assert!(share > 0.02 && share < 0.1, "changed: {share}");
}

/// FNV-1a of `bytes`, to compare files with those of the archives written before particulars.
fn fingerprint(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

#[test]
fn the_other_cells_rows_and_truth_are_those_written_before_particulars() {
    let dir = archive(300, 7);
    let read = |name: &str| fs::read(dir.path().join(name)).expect("read");
    assert_eq!(fingerprint(&read("truth.csv")), 0xecf4_ab49_4c30_3b01);
    assert_eq!(
        fingerprint(&read("input/spisok_koi8.csv")),
        0xe3e7_5ac9_4d3e_62a3
    );
    assert_eq!(
        fingerprint(&read("input/victims_en.tsv")),
        0xf5be_9bfa_5667_91dd
    );
    let layouts: BTreeMap<&str, &Layout> = (sources().into_iter())
        .map(|s| (s.layout.file_name, &s.layout))
        .collect();
    let memorial = table(dir.path(), layouts["kniga_pamyati.csv"]);
    assert_eq!(
        memorial[1][..8],
        [
            "1",
            "Омарова Айша",
            "21 октября 1914 г. (ст. ст.)",
            "Петропавловск",
            "казах"
        ]
        .into_iter()
        .chain(["27.02.1937", "", "02.01.2021"])
        .collect::<Vec<_>>()
    );
    let cards = table(dir.path(), layouts["nkvd_kartoteka.csv"]);
    let second_card = "2;Саидов;Давлат;Джураевич;1906;Куляб;таджик;19.09.1938;;ВМН";
    assert_eq!(cards[2][..10].join(";"), second_card);
    assert_eq!(memorial[0].len(), 11);
    assert_eq!(cards[0].len(), 12);
}
