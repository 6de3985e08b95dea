//! Tests of layout detection on whole tables.

use super::*;

fn rows(lines: &[&[&str]]) -> Vec<Vec<String>> {
    lines
        .iter()
        .map(|r| r.iter().map(|c| c.to_string()).collect())
        .collect()
}

fn detect_plain(table: &[Vec<String>]) -> Result<Layout, LayoutError> {
    let overrides = BTreeMap::new();
    let settings = Settings {
        header_row: None,
        overrides: &overrides,
        lang: None,
    };
    detect(table, &settings)
}

fn fields(layout: &Layout) -> Vec<Option<Field>> {
    layout.columns.iter().map(|c| c.field).collect()
}

#[test]
fn header_row_is_found_below_title_lines() {
    let table = rows(&[
        &["Архив КНБ РК", ""],
        &["", ""],
        &["Фамилия", "Год рождения"],
        &["Шокаев", "1890"],
    ]);
    let layout = detect_plain(&table).unwrap();
    assert_eq!((layout.first, layout.last), (2, 2));
    assert_eq!(detect_plain(&table[3..]), Err(LayoutError::NoHeader));
}

#[test]
fn lone_name_column_is_the_full_name_and_overrides_win() {
    let table = rows(&[&["Name", "Born", "Archive"]]);
    let mut overrides = BTreeMap::new();
    overrides.insert("Archive".to_string(), Some(Field::CaseNumber));
    let settings = Settings {
        header_row: None,
        overrides: &overrides,
        lang: None,
    };
    let layout = detect(&table, &settings).unwrap();
    assert_eq!(
        fields(&layout),
        [
            Some(Field::FullName),
            Some(Field::BirthDate),
            Some(Field::CaseNumber)
        ]
    );
    assert_eq!(layout.lang, Some(Lang::En));
}

fn listed(n: usize, row: impl Fn(usize) -> Vec<String>) -> Vec<Vec<String>> {
    (0..n).map(row).collect()
}

#[test]
fn a_silent_header_over_birth_years_is_read_as_the_birth_date() {
    let mut table = rows(&[&["ФИО", "Графа 3", "Графа 4"]]);
    let names = [
        "Шокаев Мустафа",
        "Ахмедов Карим",
        "Иванов Иван",
        "Нурланов Ерлан",
    ];
    table.extend(listed(12, |i| {
        vec![
            names[i % 4].to_string(),
            (1880 + (i * 7) % 30).to_string(),
            format!("{}.05.1937", 10 + i),
        ]
    }));
    let layout = detect_plain(&table).unwrap();
    assert_eq!(
        fields(&layout),
        [Some(Field::FullName), Some(Field::BirthDate), None]
    );
    let years = &layout.columns[1].reading;
    assert_eq!(years.confidence, Confidence::Low);
    assert!(years.basis.contains("years"), "{}", years.basis);
    let arrests = &layout.columns[2].reading;
    assert_eq!(arrests.confidence, Confidence::Unknown);
    assert!(arrests.profile.dates > 0.9);
}

#[test]
fn the_identifier_column_is_the_record_id_and_names_are_never_one() {
    let mut table = rows(&[&["№", "Шифр", "Имя"]]);
    table.extend(listed(10, |i| {
        vec![
            "1".to_string(),
            format!("Ф-{}", 100 + i),
            format!("Карим{}", ["", "а", "о"][i % 3]),
        ]
    }));
    let layout = detect_plain(&table).unwrap();
    assert_eq!(layout.columns[0].field, None, "{:?}", layout.columns[0]);
    assert_eq!(layout.columns[1].field, Some(Field::RecordId));

    let mut kazakh = rows(&[&["Р/с", "Аты-жөні"]]);
    kazakh.extend(listed(10, |i| {
        vec![format!("{}", i + 1), "Шоқай Мұстафа".into()]
    }));
    let layout = detect_plain(&kazakh).unwrap();
    assert_eq!(
        layout.columns[0].field,
        Some(Field::RecordId),
        "{:?}",
        layout.columns[0]
    );

    let mut unnamed = rows(&[&["Фамилия", "Код"]]);
    unnamed.extend(listed(10, |i| {
        vec!["Шокаев".into(), format!("rec-{i}-org")]
    }));
    let layout = detect_plain(&unnamed).unwrap();
    assert_eq!(layout.columns[1].field, Some(Field::RecordId));
}

#[test]
fn a_source_with_no_name_column_is_refused_whole() {
    let mut table = rows(&[&["Дата рождения", "Место рождения"]]);
    table.extend(listed(6, |i| {
        vec![format!("{}", 1890 + i), "Ташкент".into()]
    }));
    let err = detect_plain(&table).unwrap_err();
    assert!(matches!(err, LayoutError::NoName(_)), "{err:?}");
}

#[test]
fn a_two_row_header_reads_each_sub_column() {
    let table = rows(&[
        &["Список репрессированных", "", "", "", "", ""],
        &["№", "ФИО", "", "", "Рождение", ""],
        &["", "фамилия", "имя", "отчество", "дата", "место"],
        &["1", "Шокаев", "Мустафа", "", "1890", "Ак-Мечеть"],
    ]);
    let layout = detect_plain(&table).unwrap();
    assert_eq!((layout.first, layout.last), (1, 2));
    assert_eq!(
        fields(&layout),
        [
            Some(Field::RecordId),
            Some(Field::Surname),
            Some(Field::Given),
            Some(Field::Patronymic),
            Some(Field::BirthDate),
            Some(Field::BirthPlace)
        ]
    );
    assert_eq!(layout.columns[4].header, "Рождение / дата");
    assert_eq!(layout.columns[4].written, "дата");
}
