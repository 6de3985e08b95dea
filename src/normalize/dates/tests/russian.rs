//! Russian forms: month names, abbreviations, year words, qualifiers, decades and their parts.

use super::*;

#[test]
fn days_with_month_names() {
    check_table(
        Some(Lang::Ru),
        &[
            (
                "27 дек. 1941 г.",
                "1941-12-27 1941-12-27 day gregorian exact 1941-12-27",
            ),
            (
                "27 ноября 1917 года",
                "1917-11-27 1917-11-27 day unknown exact 1917-11-27",
            ),
            (
                "27 ноября 1917 г.",
                "1917-11-27 1917-11-27 day unknown exact 1917-11-27",
            ),
            (
                "1 января 1938 г.",
                "1938-01-01 1938-01-01 day gregorian exact 1938-01-01",
            ),
            (
                "3 февраля 1938",
                "1938-02-03 1938-02-03 day gregorian exact 1938-02-03",
            ),
            (
                "8 марта 1938 г.",
                "1938-03-08 1938-03-08 day gregorian exact 1938-03-08",
            ),
            (
                "14 апреля 1993 года",
                "1993-04-14 1993-04-14 day gregorian exact 1993-04-14",
            ),
            (
                "9 мая 1945",
                "1945-05-09 1945-05-09 day gregorian exact 1945-05-09",
            ),
            (
                "22 июня 1941 г.",
                "1941-06-22 1941-06-22 day gregorian exact 1941-06-22",
            ),
            (
                "30 июля 1937 г.",
                "1937-07-30 1937-07-30 day gregorian exact 1937-07-30",
            ),
            (
                "5 августа 1937 года",
                "1937-08-05 1937-08-05 day gregorian exact 1937-08-05",
            ),
            (
                "1 сентября 1939",
                "1939-09-01 1939-09-01 day gregorian exact 1939-09-01",
            ),
            (
                "25 октября 1917",
                "1917-10-25 1917-10-25 day unknown exact 1917-10-25",
            ),
            (
                "24 ноября 2020 г.",
                "2020-11-24 2020-11-24 day gregorian exact 2020-11-24",
            ),
            (
                "13 декабря 1937 г.",
                "1937-12-13 1937-12-13 day gregorian exact 1937-12-13",
            ),
            (
                "27 Дек. 1941 г.",
                "1941-12-27 1941-12-27 day gregorian exact 1941-12-27",
            ),
            (
                "27 ДЕКАБРЯ 1941 Г.",
                "1941-12-27 1941-12-27 day gregorian exact 1941-12-27",
            ),
            (
                "27 дек 1941",
                "1941-12-27 1941-12-27 day gregorian exact 1941-12-27",
            ),
            (
                "27 дек.1941г.",
                "1941-12-27 1941-12-27 day gregorian exact 1941-12-27",
            ),
            (
                "2 янв. 1938",
                "1938-01-02 1938-01-02 day gregorian exact 1938-01-02",
            ),
            (
                "2 февр. 1938",
                "1938-02-02 1938-02-02 day gregorian exact 1938-02-02",
            ),
            (
                "2 фев. 1938",
                "1938-02-02 1938-02-02 day gregorian exact 1938-02-02",
            ),
            (
                "2 мар. 1938",
                "1938-03-02 1938-03-02 day gregorian exact 1938-03-02",
            ),
            (
                "2 апр. 1938",
                "1938-04-02 1938-04-02 day gregorian exact 1938-04-02",
            ),
            (
                "2 июн. 1938",
                "1938-06-02 1938-06-02 day gregorian exact 1938-06-02",
            ),
            (
                "2 июл. 1938",
                "1938-07-02 1938-07-02 day gregorian exact 1938-07-02",
            ),
            (
                "2 авг. 1938",
                "1938-08-02 1938-08-02 day gregorian exact 1938-08-02",
            ),
            (
                "2 сент. 1938",
                "1938-09-02 1938-09-02 day gregorian exact 1938-09-02",
            ),
            (
                "2 сен. 1938",
                "1938-09-02 1938-09-02 day gregorian exact 1938-09-02",
            ),
            (
                "2 окт. 1938",
                "1938-10-02 1938-10-02 day gregorian exact 1938-10-02",
            ),
            (
                "2 нояб. 1938",
                "1938-11-02 1938-11-02 day gregorian exact 1938-11-02",
            ),
            (
                "2 ноя. 1938",
                "1938-11-02 1938-11-02 day gregorian exact 1938-11-02",
            ),
            (
                "02 сентября 1938 г.",
                "1938-09-02 1938-09-02 day gregorian exact 1938-09-02",
            ),
            (
                "5 сентебря 1938",
                "error: unknown word \"сентебря\" in a date",
            ),
        ],
    );
}

#[test]
fn months_and_years() {
    check_table(
        Some(Lang::Ru),
        &[
            (
                "декабрь 1890",
                "1890-12-01 1890-12-31 month unknown exact 1890-12",
            ),
            (
                "Декабрь 1890 г.",
                "1890-12-01 1890-12-31 month unknown exact 1890-12",
            ),
            (
                "декабря 1890 г.",
                "1890-12-01 1890-12-31 month unknown exact 1890-12",
            ),
            (
                "в декабре 1890 г.",
                "1890-12-01 1890-12-31 month unknown exact 1890-12",
            ),
            (
                "февраль 1940",
                "1940-02-01 1940-02-29 month gregorian exact 1940-02",
            ),
            (
                "май 1937",
                "1937-05-01 1937-05-31 month gregorian exact 1937-05",
            ),
            (
                "авг. 1937 г.",
                "1937-08-01 1937-08-31 month gregorian exact 1937-08",
            ),
            (
                "в 1937 г.",
                "1937-01-01 1937-12-31 year gregorian exact 1937",
            ),
            (
                "1937 год",
                "1937-01-01 1937-12-31 year gregorian exact 1937",
            ),
            (
                "в 1937 году",
                "1937-01-01 1937-12-31 year gregorian exact 1937",
            ),
            ("1890 г.р.", "1890-01-01 1890-12-31 year unknown exact 1890"),
            (
                "1890 г. р.",
                "1890-01-01 1890-12-31 year unknown exact 1890",
            ),
        ],
    );
}

#[test]
fn approximate_and_uncertain() {
    check_table(
        Some(Lang::Ru),
        &[
            (
                "ок. 1890",
                "1890-01-01 1890-12-31 year unknown approximate 1890~",
            ),
            (
                "ок.1890 г.",
                "1890-01-01 1890-12-31 year unknown approximate 1890~",
            ),
            (
                "около 1890 г.",
                "1890-01-01 1890-12-31 year unknown approximate 1890~",
            ),
            (
                "Около 1890 года",
                "1890-01-01 1890-12-31 year unknown approximate 1890~",
            ),
            (
                "прибл. 1902",
                "1902-01-01 1902-12-31 year unknown approximate 1902~",
            ),
            (
                "примерно 1902 г.р.",
                "1902-01-01 1902-12-31 year unknown approximate 1902~",
            ),
            (
                "1890 г.?",
                "1890-01-01 1890-12-31 year unknown uncertain 1890?",
            ),
            (
                "1890?",
                "1890-01-01 1890-12-31 year unknown uncertain 1890?",
            ),
            (
                "вероятно 1890",
                "1890-01-01 1890-12-31 year unknown uncertain 1890?",
            ),
            (
                "около 1890?",
                "1890-01-01 1890-12-31 year unknown approximate_uncertain 1890%",
            ),
            (
                "ок. дек. 1937",
                "1937-12-01 1937-12-31 month gregorian approximate 1937-12~",
            ),
            (
                "около 5 мая 1937 г.",
                "1937-05-05 1937-05-05 day gregorian approximate 1937-05-05~",
            ),
            (
                "5 мая 1937 г. (?)",
                "1937-05-05 1937-05-05 day gregorian uncertain 1937-05-05?",
            ),
        ],
    );
}

#[test]
fn decades_and_their_parts() {
    check_table(
        Some(Lang::Ru),
        &[
            (
                "1930-е гг.",
                "1930-01-01 1939-12-31 decade gregorian exact 193X",
            ),
            (
                "1930-е годы",
                "1930-01-01 1939-12-31 decade gregorian exact 193X",
            ),
            (
                "в 1930-х годах",
                "1930-01-01 1939-12-31 decade gregorian exact 193X",
            ),
            ("1890-е", "1890-01-01 1899-12-31 decade unknown exact 189X"),
            (
                "нач. 1920-х",
                "1920-01-01 1923-12-31 range gregorian exact 1920/1923",
            ),
            (
                "начало 1920-х гг.",
                "1920-01-01 1923-12-31 range gregorian exact 1920/1923",
            ),
            (
                "в начале 1920-х годов",
                "1920-01-01 1923-12-31 range gregorian exact 1920/1923",
            ),
            (
                "сер. 1930-х",
                "1934-01-01 1936-12-31 range gregorian exact 1934/1936",
            ),
            (
                "середина 1930-х гг.",
                "1934-01-01 1936-12-31 range gregorian exact 1934/1936",
            ),
            (
                "кон. 1930-х",
                "1937-01-01 1939-12-31 range gregorian exact 1937/1939",
            ),
            (
                "конец 1930-х гг.",
                "1937-01-01 1939-12-31 range gregorian exact 1937/1939",
            ),
            (
                "в конце 1930-х",
                "1937-01-01 1939-12-31 range gregorian exact 1937/1939",
            ),
            (
                "нач. 1900-х",
                "1900-01-01 1903-12-31 range unknown exact 1900/1903",
            ),
            (
                "нач. 1937 г.",
                "1937-01-01 1937-04-30 range gregorian exact 1937-01/1937-04",
            ),
            (
                "сер. 1937 г.",
                "1937-05-01 1937-08-31 range gregorian exact 1937-05/1937-08",
            ),
            (
                "кон. 1937 г.",
                "1937-09-01 1937-12-31 range gregorian exact 1937-09/1937-12",
            ),
            (
                "ок. нач. 1920-х",
                "1920-01-01 1923-12-31 range gregorian approximate 1920~/1923~",
            ),
            (
                "нач. 1920-х – кон. 1930-х",
                "1920-01-01 1939-12-31 range gregorian exact 1920/1939",
            ),
        ],
    );
}

#[test]
fn ranges() {
    check_table(
        Some(Lang::Ru),
        &[
            (
                "1937-1938 гг.",
                "1937-01-01 1938-12-31 range gregorian exact 1937/1938",
            ),
            (
                "1937–1938 гг.",
                "1937-01-01 1938-12-31 range gregorian exact 1937/1938",
            ),
            (
                "с 1937 по 1938 г.",
                "1937-01-01 1938-12-31 range gregorian exact 1937/1938",
            ),
            (
                "с 5 мая 1937 по 10 июня 1938",
                "1937-05-05 1938-06-10 range gregorian exact 1937-05-05/1938-06-10",
            ),
            (
                "10-15 мая 1937 г.",
                "1937-05-10 1937-05-15 range gregorian exact 1937-05-10/1937-05-15",
            ),
            (
                "май – июнь 1937 г.",
                "1937-05-01 1937-06-30 range gregorian exact 1937-05/1937-06",
            ),
            (
                "25 декабря 1937 – 3 января 1938",
                "1937-12-25 1938-01-03 range gregorian exact 1937-12-25/1938-01-03",
            ),
            (
                "1916–1918",
                "1916-01-01 1918-12-31 range unknown exact 1916/1918",
            ),
        ],
    );
}
