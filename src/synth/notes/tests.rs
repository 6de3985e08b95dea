//! The memory book: notes state the person's data in the genre's forms, the notes' truth
//! matches the notes, the same seed writes the same bytes, other files stay the same.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

use chrono::{Datelike, NaiveDate};
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;

use super::book::{FILE_NAME, NOTES_TRUTH};
use super::facts::Facts;
use super::render::note;
use super::{gendered, note_tables};
use crate::synth::data::tables;
use crate::synth::noise::Noise;
use crate::synth::person::PersonMaker;
use crate::synth::{SynthConfig, SynthOptions, generate_with};

fn archive(persons: u32, seed: u64, memory_book: bool) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let options = SynthOptions {
        memory_book,
        ..SynthOptions::default()
    };
    generate_with(&SynthConfig { persons, seed }, &options, dir.path()).expect("generate");
    dir
}

/// `record_id → note` of the memory book.
fn book_notes(dir: &Path) -> BTreeMap<String, String> {
    let mut reader = csv::Reader::from_path(dir.join("input").join(FILE_NAME)).expect("book");
    let headers = reader.headers().expect("header").clone();
    assert_eq!(
        headers.iter().collect::<Vec<_>>(),
        ["№", "ФИО", "Биографическая справка"]
    );
    reader
        .records()
        .map(|r| {
            let r = r.expect("row");
            (r[0].to_string(), r[2].to_string())
        })
        .collect()
}

/// `(record_id, kind) → value` of notes_truth.csv.
fn notes_truth(dir: &Path) -> BTreeMap<(String, String), String> {
    let mut reader = csv::Reader::from_path(dir.join(NOTES_TRUTH)).expect("notes truth");
    reader
        .records()
        .map(|r| {
            let r = r.expect("row");
            assert_eq!(&r[0], FILE_NAME);
            ((r[1].to_string(), r[2].to_string()), r[3].to_string())
        })
        .collect()
}

/// The forms a note may write a date in.
fn date_forms(iso: &str) -> Vec<String> {
    let date = NaiveDate::parse_from_str(iso, "%Y-%m-%d").expect("iso date");
    let t = tables().expect("tables");
    [2, 3, 5]
        .iter()
        .map(|&style| crate::synth::dates::russian(t, date, style))
        .collect()
}

#[test]
fn gendered_alternatives_resolve() {
    assert_eq!(gendered("арестован[|а] 1937", false), "арестован 1937");
    assert_eq!(gendered("арестован[|а] 1937", true), "арестована 1937");
    assert_eq!(gendered("колхозни[к|ца]", true), "колхозница");
    assert_eq!(gendered("без скобок", true), "без скобок");
}

#[test]
fn a_template_naming_an_unknown_value_is_an_error() {
    let good = super::Phrase {
        part: "arrest".into(),
        template: "арестован[|а] {arrest_date}".into(),
        weight: 1,
    };
    let bad = super::Phrase {
        template: "арестован {arest_date}".into(),
        ..good.clone()
    };
    assert!(super::check_placeholders([&good].into_iter()).is_ok());
    let error = super::check_placeholders([&good, &bad].into_iter()).expect_err("unknown name");
    assert!(error.to_string().contains("{arest_date}"), "{error}");
}

#[test]
fn notes_state_the_true_birth_year_and_arrest_date() {
    let t = tables().expect("tables");
    let notes = note_tables().expect("note tables");
    let mut rng = ChaCha8Rng::seed_from_u64(5);
    let mut maker = PersonMaker::new();
    let noise = Noise {
        year_off: 0.0,
        typo: 0.0,
        ..Noise::TYPICAL
    };
    let (mut births, mut arrests) = (0, 0);
    for _ in 0..400 {
        let person = maker.next_person(t, &mut rng);
        let names = person.resolve(t).expect("resolves");
        let facts = Facts::of(5, &person, &names, t, notes);
        let written = note(&person, &names, &facts, t, notes, &noise, &mut rng);
        let kinds: Vec<&str> = written.states.iter().map(|(k, _)| *k).collect();
        let mut unique = kinds.clone();
        unique.sort_unstable();
        unique.dedup();
        assert_eq!(
            unique.len(),
            kinds.len(),
            "a kind stated twice: {written:?}"
        );
        for (kind, value) in &written.states {
            match *kind {
                "birth_date" => {
                    births += 1;
                    assert_eq!(&value[..4], person.birth.year().to_string(), "{written:?}");
                    assert!(written.text.contains(&value[..4]), "{written:?}");
                }
                "arrest_date" => {
                    arrests += 1;
                    let shown = date_forms(value);
                    assert!(
                        shown.iter().any(|f| written.text.contains(f)),
                        "{written:?}"
                    );
                    let date = NaiveDate::parse_from_str(value, "%Y-%m-%d").expect("iso");
                    assert!((date - person.arrest).num_days().abs() <= 31, "{written:?}");
                }
                _ => {}
            }
        }
    }
    assert!(births > 300, "{births} birth years in 400 notes");
    assert!(arrests > 280, "{arrests} arrest dates in 400 notes");
}

#[test]
fn notes_truth_matches_every_note() {
    let dir = archive(600, 17, true);
    let texts = book_notes(dir.path());
    let truth = notes_truth(dir.path());
    assert!(texts.len() > 200, "{} rows", texts.len());
    let mut kinds: BTreeMap<String, usize> = BTreeMap::new();
    for ((id, kind), value) in &truth {
        let text = texts
            .get(id)
            .expect("truth row of a written note")
            .to_lowercase();
        *kinds.entry(kind.clone()).or_default() += 1;
        let shown = if value.len() == 10 && value.as_bytes()[4] == b'-' {
            date_forms(value)
                .iter()
                .any(|f| text.contains(&f.to_lowercase()))
        } else {
            text.contains(&value.to_lowercase())
                || kind == "sentence"
                || kind == "sentencing_organ"
                || kind == "deciding_body"
                || kind == "party"
        };
        assert!(shown, "{kind}={value} not in {text}");
    }
    let two_articles = (truth.iter())
        .filter(|((_, kind), value)| kind == "charge" && value.contains(", "))
        .count();
    assert!(
        two_articles > 10,
        "{two_articles} notes charge two articles"
    );
    for kind in [
        "birth_date",
        "nationality",
        "arrest_date",
        "sentence",
        "sentence_date",
        "decision_date",
        "birth_place",
        "death_date",
        "sentencing_organ",
        "charge",
        "release",
    ] {
        let share = kinds.get(kind).copied().unwrap_or(0) as f64 / texts.len() as f64;
        let floor = if kind == "release" { 0.1 } else { 0.25 };
        assert!(share > floor, "{kind} in {share:.2} of notes");
    }
}

#[test]
fn same_seed_same_bytes_and_other_files_unchanged() {
    let a = archive(300, 23, true);
    let b = archive(300, 23, true);
    let plain = archive(300, 23, false);
    for name in [FILE_NAME, "../truth.csv", "../notes_truth.csv"] {
        let path = Path::new("input").join(name);
        assert_eq!(
            fs::read(a.path().join(&path)).expect("a"),
            fs::read(b.path().join(&path)).expect("b"),
            "{name}"
        );
    }
    for entry in fs::read_dir(plain.path().join("input")).expect("input") {
        let name = entry.expect("entry").file_name();
        let path = Path::new("input").join(&name);
        assert_eq!(
            fs::read(plain.path().join(&path)).expect("plain"),
            fs::read(a.path().join(&path)).expect("with book"),
            "{name:?}"
        );
    }
    assert!(!plain.path().join(NOTES_TRUTH).exists());
    assert!(!plain.path().join("input").join(FILE_NAME).exists());
}
