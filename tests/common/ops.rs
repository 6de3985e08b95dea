//! Shared by the operations tests: a work folder, generated archive lists, the real binary.

use rand::{RngExt, SeedableRng};
use rand_chacha::ChaCha8Rng;
use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// Surnames that are no spelling variants of one another (Омаров and Умаров would be).
const SURNAMES: [&str; 40] = [
    "Абаев",
    "Байтурсынов",
    "Дулатов",
    "Жансугуров",
    "Иванов",
    "Каримов",
    "Лебедев",
    "Мусаев",
    "Нурпеисов",
    "Орлов",
    "Петров",
    "Рахимов",
    "Сейфуллин",
    "Тимофеев",
    "Усманов",
    "Файзуллаев",
    "Хасанов",
    "Чокаев",
    "Шарипов",
    "Юсупов",
    "Алимов",
    "Бекмуратов",
    "Валиханов",
    "Гаспаринский",
    "Джандосов",
    "Есенов",
    "Зайцев",
    "Исмаилов",
    "Кенжебаев",
    "Ломов",
    "Мирзаев",
    "Ниязов",
    "Омаров",
    "Попов",
    "Рыскулов",
    "Садыков",
    "Турсунов",
    "Тулегенов",
    "Ходжаев",
    "Шамсиев",
];

const GIVEN: [&str; 30] = [
    "Ахмет",
    "Болат",
    "Газиз",
    "Данияр",
    "Ерлан",
    "Жумабек",
    "Ибрагим",
    "Камал",
    "Лев",
    "Мухтар",
    "Нурлан",
    "Омар",
    "Петр",
    "Рустам",
    "Сабит",
    "Талгат",
    "Ураз",
    "Федор",
    "Хамит",
    "Шакир",
    "Юлдаш",
    "Алексей",
    "Борис",
    "Василий",
    "Григорий",
    "Дмитрий",
    "Евгений",
    "Захар",
    "Илья",
    "Константин",
];

const PLACES: [&str; 5] = ["Верный", "Ташкент", "Пишпек", "Ак-Мечеть", "Семипалатинск"];

/// A generated person: name and birth date, unique as a (surname, given, year) triple.
#[derive(Debug, Clone)]
pub struct Person {
    pub surname: &'static str,
    pub given: &'static str,
    pub year: u32,
    pub month: u32,
    pub day: u32,
    pub place: &'static str,
}

/// `n` distinct persons: a person who shares a name pair with another was born at least four
/// years apart from them, so that none link; birth years spread over half a century, as in a
/// real list.
pub fn persons(n: usize, offset: usize) -> Vec<Person> {
    (offset..offset + n)
        .map(|i| {
            let pair = i % (SURNAMES.len() * GIVEN.len());
            let round = i / (SURNAMES.len() * GIVEN.len());
            Person {
                surname: SURNAMES[pair % SURNAMES.len()],
                given: GIVEN[pair / SURNAMES.len()],
                year: 1850 + (pair * 7 % 40) as u32 + 4 * round as u32,
                month: 1 + (i / 28 % 12) as u32,
                day: 1 + (i % 28) as u32,
                place: PLACES[i / 3 % PLACES.len()],
            }
        })
        .collect()
}

/// Writes a source of the given persons in the standard header layout; some rows carry a
/// rehabilitation decision.
pub fn write_source(path: &Path, persons: &[Person], seed: u64) {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let mut text =
        String::from("№,ФИО,Дата рождения,Место рождения,Дата реабилитации,Орган реабилитации\n");
    for (i, p) in persons.iter().enumerate() {
        let place = p.place;
        let (date, body) = if rng.random_range(0..3) == 0 {
            let year = rng.random_range(1955..1995);
            (format!("{year}"), "Военная коллегия Верховного суда СССР")
        } else {
            (String::new(), "")
        };
        text.push_str(&format!(
            "{},{} {},{:02}.{:02}.{},{place},{date},{body}\n",
            i + 1,
            p.surname,
            p.given,
            p.day,
            p.month,
            p.year
        ));
    }
    fs::write(path, text).unwrap();
}

/// The path of the built `rehab` binary.
pub fn binary() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_rehab"))
}

/// `rehab run --input IN --output OUT` plus extra arguments, with the given thread count.
pub fn run_cmd(input: &Path, output: &Path, extra: &[&str]) -> Command {
    let mut cmd = Command::new(binary());
    cmd.arg("run")
        .arg("--input")
        .arg(input)
        .arg("--output")
        .arg(output)
        .args(["--max-reject-ratio", "1"])
        .args(extra)
        .env("RUST_LOG", "warn");
    cmd
}

/// Runs and returns the output, failing with the log when the exit code is not `code`.
pub fn run_expect(mut cmd: Command, code: i32) -> Output {
    let out = cmd.output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(code),
        "stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

/// `person_id` of each mention, by `source:record_id`, from `mentions.csv`.
pub fn person_of_mentions(output: &Path) -> BTreeMap<String, String> {
    let mut rdr = csv::Reader::from_path(output.join("mentions.csv")).unwrap();
    let headers = rdr.headers().unwrap().clone();
    let col = |name: &str| headers.iter().position(|h| h == name).unwrap();
    let (s, r, p) = (col("source"), col("record_id"), col("person_id"));
    rdr.records()
        .map(|rec| {
            let rec = rec.unwrap();
            (format!("{}:{}", &rec[s], &rec[r]), rec[p].to_string())
        })
        .collect()
}

/// Data rows of a CSV file (which must parse completely).
pub fn csv_rows(path: &Path) -> usize {
    let mut rdr = csv::Reader::from_path(path).unwrap();
    let mut rows = 0;
    for record in rdr.records() {
        record.unwrap();
        rows += 1;
    }
    rows
}

/// Every file under `dir` (relative path → bytes), sorted.
pub fn snapshot(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut files = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in fs::read_dir(&d).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let rel = path.strip_prefix(dir).unwrap().display().to_string();
                files.insert(rel, fs::read(&path).unwrap());
            }
        }
    }
    files
}
