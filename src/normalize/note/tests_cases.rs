//! Case table: notes of the genre as memory books and lists write them, with the values read.

use super::*;

/// One note and the values expected of it, in note order: `(kind name, text)`.
type Case = (&'static str, &'static [(&'static str, &'static str)]);

const CASES: &[Case] = &[
    (
        "Род. в 1902, армянин, обр.: высшее, б/п. Проживал: Баку. Кергезнефть, ст. инженер. Обв. по ст. 69, 70 УК АзССР. Приговор: ВК ВС СССР, 11.10.1937 – ВМН. Реабилитирован ВК ВС СССР 01.06.1957",
        &[
            ("birth_date", "1902"),
            ("nationality", "армянин"),
            ("education", "высшее"),
            ("party", "б/п"),
            ("residence", "Баку"),
            ("occupation", "Кергезнефть, ст. инженер"),
            ("charge", "ст. 69, 70 УК АзССР"),
            ("sentencing_organ", "ВК ВС СССР"),
            ("sentence_date", "11.10.1937"),
            ("sentence", "ВМН"),
            ("deciding_body", "ВК ВС СССР"),
            ("decision_date", "01.06.1957"),
        ],
    ),
    (
        "1890 г.р., уроженец Перовского уезда, казах, беспартийный; арестован 3 сентября 1937 г.; тройкой УНКВД по Южно-Казахстанской обл. 14 октября 1937 г. приговорен к ВМН; расстрелян 20 октября 1937 г.; реабилитирован 16 января 1989 г.",
        &[
            ("birth_date", "1890"),
            ("birth_place", "Перовского уезда"),
            ("nationality", "казах"),
            ("party", "беспартийный"),
            ("arrest_date", "3 сентября 1937 г."),
            (
                "sentencing_organ",
                "тройкой УНКВД по Южно-Казахстанской обл.",
            ),
            ("sentence_date", "14 октября 1937 г."),
            ("sentence", "ВМН"),
            ("death_date", "20 октября 1937 г."),
            ("decision_date", "16 января 1989 г."),
        ],
    ),
    (
        "Родился в 1899 г., Тульская губ., Белевский у., с. Ивановка; русский; образование среднее; б/п; счетовод Наркомзема. Проживал: Москва, ул. Арбат, д. 5, кв. 3. Арестован 14 июля 1937 г. Приговорен: ВКВС СССР 20 августа 1937 г., обв.: участие в к.-р. террористической организации. Расстрелян 20 августа 1937 г. Реабилитирован 25 апреля 1957 г.",
        &[
            ("birth_date", "1899 г."),
            ("birth_place", "Тульская губ., Белевский у., с. Ивановка"),
            ("nationality", "русский"),
            ("education", "среднее"),
            ("party", "б/п"),
            ("occupation", "счетовод Наркомзема"),
            ("residence", "Москва, ул. Арбат, д. 5, кв. 3"),
            ("arrest_date", "14 июля 1937 г."),
            ("sentencing_organ", "ВКВС СССР"),
            ("sentence_date", "20 августа 1937 г."),
            ("charge", "участие в к.-р. террористической организации"),
            ("death_date", "20 августа 1937 г."),
            ("decision_date", "25 апреля 1957 г."),
        ],
    ),
    (
        "Осужд. 14.10.1937 тройкой при УНКВД по Карагандинской обл. по ст. 58-2-8-11 УК РСФСР к ВМН. Расстрелян 20.10.1937.",
        &[
            ("sentence_date", "14.10.1937"),
            (
                "sentencing_organ",
                "тройкой при УНКВД по Карагандинской обл.",
            ),
            ("charge", "ст. 58-2-8-11 УК РСФСР"),
            ("sentence", "ВМН"),
            ("death_date", "20.10.1937"),
        ],
    ),
    (
        "Реабилитирован 12.05.1989 прокуратурой Карагандинской обл. на основании Указа ПВС СССР от 16.01.1989.",
        &[
            ("decision_date", "12.05.1989"),
            ("deciding_body", "прокуратурой Карагандинской обл."),
            ("legal_basis", "на основании Указа ПВС СССР от 16.01.1989"),
        ],
    ),
    (
        "Арестован 5 марта 1938 г. Приговорен ОСО при НКВД СССР 10.02.1939 к 10 годам ИТЛ. Освобожден в 1947 г. Умер в 1962 г. Реабилитирован в 1958 г.",
        &[
            ("arrest_date", "5 марта 1938 г."),
            ("sentencing_organ", "ОСО при НКВД СССР"),
            ("sentence_date", "10.02.1939"),
            ("sentence", "10 годам ИТЛ"),
            ("release", "1947 г."),
            ("death_date", "1962 г."),
            ("decision_date", "1958 г."),
        ],
    ),
    (
        "Родилась в 1905 г. в г. Верный; казашка; домохозяйка. Арестована 2 февраля 1938 г. Осуждена 23.11.1938 тройкой НКВД Каз. ССР на 8 лет ИТЛ как ЧСИР. Реабилитирована 14.09.1956.",
        &[
            ("birth_date", "1905 г."),
            ("birth_place", "г. Верный"),
            ("nationality", "казашка"),
            ("occupation", "домохозяйка"),
            ("arrest_date", "2 февраля 1938 г."),
            ("sentence_date", "23.11.1938"),
            ("sentencing_organ", "тройкой НКВД Каз. ССР"),
            ("sentence", "8 лет ИТЛ"),
            ("decision_date", "14.09.1956"),
        ],
    ),
    (
        "Умер в лагере 12.03.1942.",
        &[("death_place", "лагере"), ("death_date", "12.03.1942")],
    ),
    (
        "1895 жылы Семей уезінде туған, қазақ. 1937 жылы 3 қыркүйекте тұтқындалған. 1937 жылы 20 қазанда атылған. 1989 жылы 16 қаңтарда ақталған.",
        &[
            ("birth_date", "1895 жылы"),
            ("birth_place", "Семей уезінде"),
            ("nationality", "қазақ"),
            ("arrest_date", "1937 жылы 3 қыркүйекте"),
            ("death_date", "1937 жылы 20 қазанда"),
            ("decision_date", "1989 жылы 16 қаңтарда"),
        ],
    ),
    (
        "1899 yilda Toshkent shahrida tug'ilgan, o'zbek. 1937 yil 5 avgustda qamoqqa olingan. NKVD uchligi tomonidan 1937 yil 2 oktabrda otuvga hukm qilingan. 1937 yil 10 oktabrda otilgan. 1958 yil 12 mayda oqlangan.",
        &[
            ("birth_date", "1899 yilda"),
            ("birth_place", "Toshkent shahrida"),
            ("nationality", "o'zbek"),
            ("arrest_date", "1937 yil 5 avgustda"),
            ("sentencing_organ", "NKVD uchligi"),
            ("sentence_date", "1937 yil 2 oktabrda"),
            ("sentence", "otuvga"),
            ("death_date", "1937 yil 10 oktabrda"),
            ("decision_date", "1958 yil 12 mayda"),
        ],
    ),
];

fn read_pairs(note: &str) -> Vec<(&'static str, String)> {
    read(note, None)
        .into_iter()
        .map(|v| (v.kind.name(), v.text))
        .collect()
}

#[test]
fn notes_of_the_genre_read_into_their_values() {
    let mut failures = Vec::new();
    for (note, expected) in CASES {
        let got = read_pairs(note);
        let want: Vec<(&str, String)> = expected.iter().map(|(k, t)| (*k, t.to_string())).collect();
        if got != want {
            failures.push(format!("{note}\n  got:  {got:?}\n  want: {want:?}"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} notes:\n{}",
        failures.len(),
        CASES.len(),
        failures.join("\n")
    );
}
