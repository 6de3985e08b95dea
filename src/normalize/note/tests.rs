//! Properties of the note reader on any input, and the rules of the marker table.

use super::*;
use proptest::prelude::*;

fn check_spans(note: &str) {
    let capped = capped(note);
    let mut last_start = 0;
    for v in read(note, None) {
        assert!(
            v.start < v.end && v.end <= capped.len(),
            "{v:?} in {note:?}"
        );
        assert!(note.is_char_boundary(v.start) && note.is_char_boundary(v.end));
        assert_eq!(v.text, &note[v.start..v.end]);
        assert!(v.start >= last_start, "values in note order: {v:?}");
        last_start = v.start;
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn any_text_reads_without_panic_into_spans_of_the_note(note in "\\PC{0,200}") {
        check_spans(&note);
    }

    #[test]
    fn texts_of_the_genre_read_into_spans_of_the_note(
        words in prop::collection::vec(prop::sample::select(vec![
            "Род.", "в", "1902", "г.р.,", "арестован", "3", "сентября", "1937", "г.;", "ВМН.",
            "Реабилит.", "ВК", "ВС", "СССР", "тройкой", "по", "ст.", "58-10", "УК", ";", ".",
            "казах,", "б/п.", "Проживал:", "Баку.", "10", "лет", "ИТЛ", "Освобожден", "И.",
            "обл.", "–", "туған", "ақталған", "qamoqqa", "olingan", "1937-yil", "ё", "İ", "ǅ",
        ]), 0..40)
    ) {
        check_spans(&words.join(" "));
    }
}

#[test]
fn only_the_first_characters_of_a_long_note_are_read() {
    let note = format!(
        "{}; арестован 3 сентября 1937 г.",
        "х ".repeat(MAX_NOTE_CHARS)
    );
    let values = read(&note, None);
    assert!(
        values.iter().all(|v| v.kind != NoteKind::ArrestDate),
        "{values:?}"
    );
    assert!(
        values
            .iter()
            .all(|v| note[..v.end].chars().count() <= MAX_NOTE_CHARS)
    );
    let note = format!(
        "арестован 3 сентября 1937 г. {}",
        "х ".repeat(MAX_NOTE_CHARS)
    );
    assert_eq!(read(&note, None)[0].kind, NoteKind::ArrestDate);
}

#[test]
fn markers_are_counted_and_abbreviations_and_fillers_are_not() {
    assert_eq!(
        marker_count("арестован 3.09.1937; реабилитирован в 1989 г."),
        2
    );
    assert_eq!(marker_count("Иванов Иван Иванович"), 0);
    assert_eq!(marker_count("г. Алма-Ата, ул. Ленина"), 0);
    assert_eq!(marker_count("1890 г.р., б/п, ВМН"), 2);
    assert_eq!(marker_count("ОСО при НКВД СССР"), 1, "a marker in capitals");
    assert_eq!(marker_count("особо опасный"), 0, "matches only in capitals");
}

#[test]
fn every_kind_has_a_name_read_back() {
    for kind in NoteKind::ALL {
        assert_eq!(NoteKind::from_name(kind.name()), Some(kind));
    }
    assert_eq!(
        NoteKind::Sentence.field(),
        Some(crate::model::Field::Sentence)
    );
    assert_eq!(NoteKind::Party.field(), None);
}

#[test]
fn a_marker_line_names_a_known_kind_and_language() {
    let line = |fields: &[&str]| check_marker_line(&csv::StringRecord::from(fields.to_vec()));
    assert!(line(&["арестован", "arrest_date", "ru"]).is_ok());
    assert!(line(&["г.", "abbreviation", "ru"]).is_ok());
    assert!(
        line(&["арестован", "arrest", "ru"])
            .unwrap_err()
            .contains("arrest")
    );
    assert!(line(&["арестован", "arrest_date", "xx"]).is_err());
    assert!(line(&["", "arrest_date", "ru"]).is_err());
}
