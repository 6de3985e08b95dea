//! Parser tests; the large table-driven suites live in `tests/names_*.rs`.

use super::*;

fn p(text: &str) -> NameParts {
    parse(text, None).unwrap_or_default()
}

#[test]
fn reads_every_order() {
    for text in [
        "Шокаев Мустафа Ибрагимович",
        "Мустафа Ибрагимович Шокаев",
        "ШОКАЕВ Мустафа Ибрагимович",
        "Шокаев, Мустафа Ибрагимович",
    ] {
        let n = p(text);
        assert_eq!(n.surname, "Шокаев", "{text}");
        assert_eq!(n.given, "Мустафа", "{text}");
        assert_eq!(n.patronymic, "Ибрагимович", "{text}");
        assert_eq!(n.father, "Ибрагим", "{text}");
        assert_eq!(n.gender, Some(Gender::Male));
    }
}

#[test]
fn reads_initials() {
    let n = p("ШОКАЕВ М.Ш.");
    assert_eq!((n.surname.as_str(), n.given.as_str()), ("Шокаев", "М."));
    assert_eq!(n.patronymic, "Ш.");
    assert_eq!(n.given_key, "m");
    let n = p("М. Ш. Шокаев");
    assert_eq!(n.surname, "Шокаев");
}

#[test]
fn no_letters_is_an_error() {
    assert_eq!(
        parse(" 12, - ", None),
        Err(NameError::NoLetters(" 12, - ".into()))
    );
}

#[test]
fn from_parts_matches_parse() {
    let a = from_parts("Шокаев", "Мустафа", "Ибрагимович", None);
    let b = p("Шокаев Мустафа Ибрагимович");
    assert_eq!(a, b);
}

#[test]
fn script_is_detected() {
    assert_eq!(script_of("Шокаев"), Script::Cyrillic);
    assert_eq!(script_of("Chokay"), Script::Latin);
    assert_eq!(script_of("Шокаев Chokay"), Script::Mixed);
    assert_eq!(script_of("123"), Script::None);
}

#[test]
fn swapped_name_columns_are_read_back() {
    let swapped = from_parts("Осмонкул", "Жусупов", "Жолдошевич", None);
    assert_eq!(swapped.surname, "Жусупов");
    assert_eq!(swapped.given, "Осмонкул");
    let no_patronymic = from_parts("Ахмет", "Жусупов", "", None);
    assert_eq!(no_patronymic.surname, "Жусупов");
    let plain = from_parts("Иванов", "Иван", "Иванович", None);
    assert_eq!(
        (plain.surname.as_str(), plain.given.as_str()),
        ("Иванов", "Иван")
    );
    let both_names = from_parts("Ахмет", "Касым", "", None);
    assert_eq!(both_names.surname, "Ахмет");
}

#[test]
fn names_past_the_caps_are_not_read_and_say_which_cap() {
    let long = "Иванов".repeat(50);
    assert_eq!(
        parse(&long, None),
        Err(NameError::TooLong {
            count: 300,
            cap: MAX_NAME_CHARS,
            unit: "characters"
        })
    );
    let many = vec!["Иван"; MAX_NAME_WORDS + 1].join(" ");
    assert_eq!(
        check_caps(&many),
        Err(NameError::TooLong {
            count: MAX_NAME_WORDS + 1,
            cap: MAX_NAME_WORDS,
            unit: "words"
        })
    );
    assert!(parse(&vec!["Иван"; MAX_NAME_WORDS].join(" "), None).is_ok());
}
