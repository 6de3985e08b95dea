//! End-to-end checks of generated archives: determinism, truth coverage, encodings, XLSX cells.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;

use calamine::{Data, DataType, Reader, Xlsx, open_workbook};

use super::{SynthConfig, SynthSummary, generate};

fn generated(persons: u32, seed: u64) -> (tempfile::TempDir, SynthSummary) {
    let dir = tempfile::tempdir().expect("temp dir");
    let summary = generate(&SynthConfig { persons, seed }, dir.path()).expect("generate");
    (dir, summary)
}

fn files(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut out = BTreeMap::new();
    for sub in [dir.to_path_buf(), dir.join("input")] {
        for entry in fs::read_dir(&sub).expect("read dir") {
            let path = entry.expect("entry").path();
            if path.is_file() {
                out.insert(
                    path.display()
                        .to_string()
                        .replace(&dir.display().to_string(), ""),
                    fs::read(&path).expect("read"),
                );
            }
        }
    }
    out
}

/// `(source, record_id) → person` from truth.csv.
fn truth(dir: &Path) -> BTreeMap<(String, String), String> {
    let mut reader = csv::Reader::from_path(dir.join("truth.csv")).expect("truth");
    reader
        .records()
        .map(|r| {
            let r = r.expect("truth row");
            ((r[0].to_string(), r[1].to_string()), r[2].to_string())
        })
        .collect()
}

/// The first-column ids of a delimited file, decoded from `encoding`.
fn delimited_ids(
    path: &Path,
    encoding: &'static encoding_rs::Encoding,
    delimiter: u8,
) -> Vec<String> {
    let bytes = fs::read(path).expect("read source");
    let (text, _, had_errors) = encoding.decode(&bytes);
    assert!(!had_errors, "{} does not decode", path.display());
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    reader
        .records()
        .map(|r| r.expect("row")[0].to_string())
        .collect()
}

fn xlsx_rows(path: &Path) -> Vec<Vec<Data>> {
    let mut workbook: Xlsx<_> = open_workbook(path).expect("open xlsx");
    let range = workbook
        .worksheet_range_at(0)
        .expect("a sheet")
        .expect("sheet reads");
    range.rows().map(<[Data]>::to_vec).collect()
}

fn xlsx_data_rows(path: &Path) -> Vec<Vec<Data>> {
    let rows = xlsx_rows(path);
    let header = rows
        .iter()
        .position(|r| matches!(r.first(), Some(Data::String(s)) if s == "No."))
        .expect("header row");
    rows[header + 1..].to_vec()
}

#[test]
fn same_seed_gives_identical_files() {
    let (a, _) = generated(700, 11);
    let (b, _) = generated(700, 11);
    let (c, _) = generated(700, 12);
    let (files_a, files_b) = (files(a.path()), files(b.path()));
    assert_eq!(files_a.len(), 8);
    assert_eq!(files_a, files_b);
    assert_ne!(files_a.get("/truth.csv"), files(c.path()).get("/truth.csv"));
}

#[test]
fn truth_names_every_data_row() {
    let (dir, summary) = generated(1500, 5);
    let truth = truth(dir.path());
    let input = dir.path().join("input");
    let utf8 = encoding_rs::UTF_8;
    let sources: [(&str, Vec<String>); 7] = [
        (
            "kniga_pamyati.csv",
            delimited_ids(&input.join("kniga_pamyati.csv"), utf8, b','),
        ),
        (
            "nkvd_kartoteka.csv",
            delimited_ids(
                &input.join("nkvd_kartoteka.csv"),
                encoding_rs::WINDOWS_1251,
                b';',
            ),
        ),
        (
            "aqtalgandar_tizimi.csv",
            delimited_ids(&input.join("aqtalgandar_tizimi.csv"), utf8, b','),
        ),
        (
            "reabilitatsiya_royxati.csv",
            delimited_ids(&input.join("reabilitatsiya_royxati.csv"), utf8, b','),
        ),
        (
            "victims_en.tsv",
            delimited_ids(&input.join("victims_en.tsv"), utf8, b'\t'),
        ),
        (
            "spisok_koi8.csv",
            delimited_ids(&input.join("spisok_koi8.csv"), encoding_rs::KOI8_R, b','),
        ),
        (
            "register_romanized.xlsx",
            xlsx_data_rows(&input.join("register_romanized.xlsx"))
                .iter()
                .map(|r| r[0].to_string())
                .collect(),
        ),
    ];
    let mut rows_seen = 0;
    for (source, ids) in &sources {
        assert!(!ids.is_empty(), "{source} has rows");
        let unique: BTreeSet<&String> = ids.iter().collect();
        assert_eq!(unique.len(), ids.len(), "{source} ids are unique");
        for id in ids {
            assert!(
                truth.contains_key(&(source.to_string(), id.clone())),
                "{source}:{id} in truth"
            );
        }
        rows_seen += ids.len();
    }
    assert_eq!(rows_seen, truth.len());
    assert_eq!(summary.mentions() as usize, truth.len());
}

#[test]
fn persons_appear_in_one_to_five_sources_with_duplicates() {
    let (dir, summary) = generated(3000, 9);
    let mut sources_of: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut rows_of: BTreeMap<(String, String), u32> = BTreeMap::new();
    for ((source, _), person) in truth(dir.path()) {
        sources_of
            .entry(person.clone())
            .or_default()
            .insert(source.clone());
        *rows_of.entry((source, person)).or_default() += 1;
    }
    assert_eq!(sources_of.len(), 3000);
    assert!(sources_of.values().all(|s| (1..=5).contains(&s.len())));
    assert!(sources_of.values().any(|s| s.len() >= 4));
    let duplicated = rows_of.values().filter(|&&n| n > 1).count();
    let share = duplicated as f64 / rows_of.len() as f64;
    assert!((0.005..0.05).contains(&share), "duplicate share {share}");
    assert!(summary.mentions() > 2 * 3000);
}

#[test]
fn windows_1251_file_decodes_to_russian() {
    let (dir, _) = generated(400, 2);
    let bytes = fs::read(dir.path().join("input/nkvd_kartoteka.csv")).expect("read");
    assert!(std::str::from_utf8(&bytes).is_err(), "not UTF-8");
    let (text, _, had_errors) = encoding_rs::WINDOWS_1251.decode(&bytes);
    assert!(!had_errors);
    assert!(text.starts_with("Учетный номер;Фамилия;Имя;Отчество;"));
    assert!(text.contains("ов;"));
}

#[test]
fn utf8_list_has_bom_and_kazakh_list_has_kazakh_letters() {
    let (dir, _) = generated(800, 4);
    let memorial = fs::read(dir.path().join("input/kniga_pamyati.csv")).expect("read");
    assert!(memorial.starts_with(b"\xEF\xBB\xBF\xE2\x84\x96,\xD0\xA4\xD0\x98\xD0\x9E"));
    let kazakh = fs::read_to_string(dir.path().join("input/aqtalgandar_tizimi.csv")).expect("read");
    assert!(kazakh.contains("ұлы") && kazakh.chars().any(|c| "қңғүұөәі".contains(c)));
    let uzbek =
        fs::read_to_string(dir.path().join("input/reabilitatsiya_royxati.csv")).expect("read");
    assert!(uzbek.contains("-yil") && uzbek.contains("qizi"));
}

#[test]
fn xlsx_register_has_title_rows_and_typed_cells() {
    let (dir, _) = generated(2000, 8);
    let path = dir.path().join("input/register_romanized.xlsx");
    let rows = xlsx_rows(&path);
    assert!(rows[0][0].to_string().starts_with("Register of persons"));
    let data = xlsx_data_rows(&path);
    let birth: Vec<&Data> = data.iter().filter_map(|r| r.get(4)).collect();
    assert!(
        birth.iter().any(|c| matches!(c, Data::DateTime(_))),
        "date cells"
    );
    assert!(
        birth.iter().any(|c| matches!(c, Data::Float(_))),
        "year cells"
    );
    assert!(
        birth.iter().any(|c| matches!(c, Data::String(_))),
        "text dates"
    );
    let arrest = data
        .iter()
        .filter_map(|r| r.get(7))
        .find_map(|c| c.as_date());
    let year = arrest
        .map(|d| chrono::Datelike::year(&d))
        .expect("an arrest date cell");
    assert!((1929..=1941).contains(&year));
}

#[test]
fn russian_forms_fit_legacy_encodings() {
    let tables = super::data::tables().expect("tables");
    let mut words: Vec<&str> = Vec::new();
    for culture in tables.cultures.iter() {
        for pool in [&culture.male, &culture.female, &culture.surnames] {
            words.extend(pool.iter().map(|n| n.ru.as_str()));
        }
        for place in culture.places.iter() {
            words.extend(place.ru_names.iter().map(|(name, _, _)| name.as_str()));
        }
        words.push(culture.nationality[0].as_str());
    }
    words.extend(tables.months.iter().map(|m| m.ru.as_str()));
    assert!(words.len() > 300);
    for word in words {
        for encoding in [encoding_rs::WINDOWS_1251, encoding_rs::KOI8_R] {
            let (_, _, unmappable) = encoding.encode(word);
            assert!(!unmappable, "{word} in {}", encoding.name());
        }
    }
}

/// The bytes after the first line break.
fn after_first_line(bytes: &[u8]) -> &[u8] {
    let end = bytes
        .iter()
        .position(|&b| b == b'\n')
        .expect("a header line");
    &bytes[end + 1..]
}

/// The rows from the first whose id cell is 1.
fn xlsx_rows_from_first_id(path: &Path) -> Vec<Vec<Data>> {
    let rows = xlsx_rows(path);
    let first = rows
        .iter()
        .position(|r| matches!(r.first(), Some(Data::Float(id)) if *id == 1.0))
        .expect("a data row");
    rows[first..].to_vec()
}

#[test]
fn second_header_set_writes_the_same_rows_under_other_headers() {
    let config = SynthConfig {
        persons: 900,
        seed: 13,
    };
    let usual = tempfile::tempdir().expect("temp dir");
    let second = tempfile::tempdir().expect("temp dir");
    let a = generate(&config, usual.path()).expect("usual");
    let b = super::generate_with_headers(&config, super::HeaderSet::Second, second.path())
        .expect("second");
    assert_eq!(a, b);
    let (files_a, files_b) = (files(usual.path()), files(second.path()));
    assert_eq!(files_a.get("/truth.csv"), files_b.get("/truth.csv"));
    for (name, bytes) in &files_a {
        let other = &files_b[name];
        if name.ends_with(".xlsx") {
            let (path_a, path_b) = (
                usual.path().join(&name[1..]),
                second.path().join(&name[1..]),
            );
            assert_eq!(
                xlsx_rows_from_first_id(&path_a),
                xlsx_rows_from_first_id(&path_b)
            );
        } else if name.starts_with("/input/") {
            let rows = after_first_line(bytes);
            assert!(other.ends_with(rows), "{name}: data rows differ");
            assert_ne!(
                &other[..other.len() - rows.len()],
                &bytes[..bytes.len() - rows.len()]
            );
        }
    }
}

#[test]
fn second_header_set_writes_a_merged_two_row_header_in_the_register() {
    let config = SynthConfig {
        persons: 300,
        seed: 3,
    };
    let dir = tempfile::tempdir().expect("temp dir");
    super::generate_with_headers(&config, super::HeaderSet::Second, dir.path()).expect("second");
    let rows = xlsx_rows(&dir.path().join("input/register_romanized.xlsx"));
    let text = |row: usize, col: usize| rows[row].get(col).map(Data::to_string).unwrap_or_default();
    assert!(text(0, 0).starts_with("Persons repressed"));
    assert_eq!(
        [
            text(3, 0),
            text(3, 1),
            text(3, 2),
            text(3, 3),
            text(3, 4),
            text(3, 5)
        ],
        ["Ref.", "Name of person", "", "", "Birth", ""]
    );
    assert_eq!(
        [
            text(4, 0),
            text(4, 1),
            text(4, 2),
            text(4, 4),
            text(4, 5),
            text(4, 6)
        ],
        ["", "Family name(s)", "Given names", "date", "place", ""]
    );
    assert_eq!(rows[5].first(), Some(&Data::Float(1.0)));
}
