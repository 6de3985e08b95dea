//! Table-driven checks of the name parser: order, initials, capitals, commas, patronymics of
//! every tradition, particles, titles and gender.

use rehab::model::Gender;
use rehab::normalize::names::{from_parts, parse};

const M: Option<Gender> = Some(Gender::Male);
const F: Option<Gender> = Some(Gender::Female);

/// (input, surname, given, patronymic, father, gender)
const ROWS: &[(&str, &str, &str, &str, &str, Option<Gender>)] = &[
    // Russian order and its variants
    (
        "Шокаев Мустафа Ибрагимович",
        "Шокаев",
        "Мустафа",
        "Ибрагимович",
        "Ибрагим",
        M,
    ),
    (
        "Мустафа Ибрагимович Шокаев",
        "Шокаев",
        "Мустафа",
        "Ибрагимович",
        "Ибрагим",
        M,
    ),
    (
        "ШОКАЕВ Мустафа Ибрагимович",
        "Шокаев",
        "Мустафа",
        "Ибрагимович",
        "Ибрагим",
        M,
    ),
    (
        "Шокаев, Мустафа Ибрагимович",
        "Шокаев",
        "Мустафа",
        "Ибрагимович",
        "Ибрагим",
        M,
    ),
    ("Шокаев М. И.", "Шокаев", "М.", "И.", "", M),
    ("Шокаев М.И.", "Шокаев", "М.", "И.", "", M),
    ("ШОКАЕВ М.И.", "Шокаев", "М.", "И.", "", M),
    ("М.И. Шокаев", "Шокаев", "М.", "И.", "", M),
    ("Шокаев Мустафа", "Шокаев", "Мустафа", "", "", M),
    ("Мустафа Шокаев", "Шокаев", "Мустафа", "", "", M),
    ("Chokaev Mustafa", "Chokaev", "Mustafa", "", "", M),
    ("Mustafa Chokay", "Chokay", "Mustafa", "", "", M),
    ("CHOKAY Mustafa", "Chokay", "Mustafa", "", "", M),
    ("Tchokaïeff, Moustafa", "Tchokaïeff", "Moustafa", "", "", M),
    (
        "Ходжаев Файзулла Убайдуллаевич",
        "Ходжаев",
        "Файзулла",
        "Убайдуллаевич",
        "Убайдулла",
        M,
    ),
    (
        "Файзулла Убайдуллаевич Ходжаев",
        "Ходжаев",
        "Файзулла",
        "Убайдуллаевич",
        "Убайдулла",
        M,
    ),
    (
        "Икрамов Акмаль Икрамович",
        "Икрамов",
        "Акмаль",
        "Икрамович",
        "Икрам",
        M,
    ),
    (
        "Рыскулов Турар Рыскулович",
        "Рыскулов",
        "Турар",
        "Рыскулович",
        "Рыскул",
        M,
    ),
    (
        "Байтурсынов Ахмет Байтурсынович",
        "Байтурсынов",
        "Ахмет",
        "Байтурсынович",
        "Байтурсын",
        M,
    ),
    (
        "Сейфуллин Сакен Сейфуллаевич",
        "Сейфуллин",
        "Сакен",
        "Сейфуллаевич",
        "Сейфулла",
        M,
    ),
    (
        "Иванов Сергей Алексеевич",
        "Иванов",
        "Сергей",
        "Алексеевич",
        "Алексей",
        M,
    ),
    (
        "Петрова Анна Васильевна",
        "Петрова",
        "Анна",
        "Васильевна",
        "Василий",
        F,
    ),
    (
        "Ильина Мария Кузьминична",
        "Ильина",
        "Мария",
        "Кузьминична",
        "Кузьма",
        F,
    ),
    ("Сидоров Пётр Ильич", "Сидоров", "Пётр", "Ильич", "Илья", M),
    (
        "Каримова Фатима Алиевна",
        "Каримова",
        "Фатима",
        "Алиевна",
        "Али",
        F,
    ),
    ("Алиева Зайнаб", "Алиева", "Зайнаб", "", "", F),
    ("Aliyeva Zaynab", "Aliyeva", "Zaynab", "", "", F),
    ("Tursunova Gulnora", "Tursunova", "Gulnora", "", "", F),
    (
        "Ibragimov Ivan Ivanovich",
        "Ibragimov",
        "Ivan",
        "Ivanovich",
        "Ivan",
        M,
    ),
    (
        "Ivan Ivanovitch Ibraguimoff",
        "Ibraguimoff",
        "Ivan",
        "Ivanovitch",
        "Ivan",
        M,
    ),
    (
        "Iwanow Sergej Alexejewitsch",
        "Iwanow",
        "Sergej",
        "Alexejewitsch",
        "Alexej",
        M,
    ),
    (
        "Ivanov Sergej Aleksejevič",
        "Ivanov",
        "Sergej",
        "Aleksejevič",
        "Aleksej",
        M,
    ),
    // Kazakh
    ("Мұстафа Шоқайұлы", "Шоқайұлы", "Мұстафа", "", "Шоқай", M),
    (
        "Шоқай Мұстафа Ибрагимұлы",
        "Шоқай",
        "Мұстафа",
        "Ибрагимұлы",
        "Ибрагим",
        M,
    ),
    (
        "Шоқай Мұстафа Ибрагим ұлы",
        "Шоқай",
        "Мұстафа",
        "Ибрагим Ұлы",
        "Ибрагим",
        M,
    ),
    (
        "Жансүгіров Ілияс Жансүгірұлы",
        "Жансүгіров",
        "Ілияс",
        "Жансүгірұлы",
        "Жансүгір",
        M,
    ),
    (
        "Сәрсенова Айша Сәрсенқызы",
        "Сәрсенова",
        "Айша",
        "Сәрсенқызы",
        "Сәрсен",
        F,
    ),
    ("Айша Сәрсенқызы", "Сәрсенқызы", "Айша", "", "Сәрсен", F),
    (
        "Qasymov Erğali Oralūly",
        "Qasymov",
        "Erğali",
        "Oralūly",
        "Oral",
        M,
    ),
    (
        "Bökeikhanov Älikhan Nūrmūhamedūly",
        "Bökeikhanov",
        "Älikhan",
        "Nūrmūhamedūly",
        "Nūrmūhamed",
        M,
    ),
    // Uzbek
    (
        "Tursunov Alisher Karim o'g'li",
        "Tursunov",
        "Alisher",
        "Karim O'g'li",
        "Karim",
        M,
    ),
    (
        "Tursunov Alisher Karim oʻgʻli",
        "Tursunov",
        "Alisher",
        "Karim Oʻgʻli",
        "Karim",
        M,
    ),
    (
        "Tursunova Nodira Karim qizi",
        "Tursunova",
        "Nodira",
        "Karim Qizi",
        "Karim",
        F,
    ),
    (
        "Турсунов Алишер Карим ўғли",
        "Турсунов",
        "Алишер",
        "Карим Ўғли",
        "Карим",
        M,
    ),
    (
        "Турсунова Нодира Карим қизи",
        "Турсунова",
        "Нодира",
        "Карим Қизи",
        "Карим",
        F,
    ),
    (
        "Ibrohimbek Chakabayev",
        "Chakabayev",
        "Ibrohimbek",
        "",
        "",
        M,
    ),
    (
        "Chakabayev Ibrahim Bek",
        "Chakabayev",
        "Ibrahim Bek",
        "",
        "",
        M,
    ),
    ("Ибрагим-бек Чакабаев", "Чакабаев", "Ибрагим-Бек", "", "", M),
    ("Xo'jayev Fayzulla", "Xo'jayev", "Fayzulla", "", "", M),
    ("Алиев Вали оглы", "Алиев", "", "Вали Оглы", "Вали", M),
    (
        "Алиев Гасан Вали оглы",
        "Алиев",
        "Гасан",
        "Вали Оглы",
        "Вали",
        M,
    ),
    // Kyrgyz
    (
        "Жусуп Баласагын уулу",
        "",
        "Жусуп",
        "Баласагын Уулу",
        "Баласагын",
        M,
    ),
    (
        "Токтогулов Жусуп Токон уулу",
        "Токтогулов",
        "Жусуп",
        "Токон Уулу",
        "Токон",
        M,
    ),
    (
        "Асанова Бермет Кадыр кызы",
        "Асанова",
        "Бермет",
        "Кадыр Кызы",
        "Кадыр",
        F,
    ),
    // Tajik
    (
        "Рахмонзода Ҷӯра Ғуломович",
        "Рахмонзода",
        "Ҷӯра",
        "Ғуломович",
        "Ғулом",
        M,
    ),
    ("Айнӣ Садриддин", "Айнӣ", "Садриддин", "", "", M),
    ("Rahmonzoda Jura", "Rahmonzoda", "Jura", "", "", M),
    // titles and particles
    (
        "мулла Абдурахман Ходжаев",
        "Ходжаев",
        "Мулла Абдурахман",
        "",
        "",
        M,
    ),
    ("Ходжа Ахмед Ясави", "Ясави", "Ходжа Ахмед", "", "", M),
    ("Алимджан Тахиров", "Тахиров", "Алимджан", "", "", M),
];

#[test]
fn parses_every_row() {
    let mut failures = Vec::new();
    for (input, surname, given, patronymic, father, gender) in ROWS {
        let n = parse(input, None).unwrap_or_default();
        let got = (
            n.surname.as_str(),
            n.given.as_str(),
            n.patronymic.as_str(),
            n.father.as_str(),
            n.gender,
        );
        if got != (*surname, *given, *patronymic, *father, *gender) {
            failures.push(format!("{input}: got {got:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Records of one person written differently: all must share surname_key and given_key.
const SAME_PERSON: &[&[&str]] = &[
    &[
        "Шокаев Мустафа Ибрагимович",
        "Мустафа Шоқай",
        "Mustafa Chokay",
        "CHOKAEV Mustafa",
        "Tchokaïeff, Moustafa",
        "Tschokai Mustafa",
        "Çokayoğlu Mustafa",
        "Mustafo Choʻqay",
        "Мұстафа Шоқайұлы",
        "Мустафа Чокаев",
        "Shokay Mustafa",
        "Čokaev Mustafa",
        "Chokayev Mustafa",
    ],
    &[
        "Ибрагим-бек Чакабаев",
        "Ibrohimbek Chakabayev",
        "Chakabayev Ibrahim Bek",
        "Ибрагимбек Чакабаев",
    ],
    &[
        "Ходжаев Файзулла",
        "Xo'jayev Fayzulla",
        "Khodzhaev Faizulla",
        "Hodjaev Fayzoulla",
        "Хўжаев Файзулла",
    ],
    &[
        "Жусупов Юсуф",
        "Yusupov Jusup",
        "Жүсіпов Жүсіп",
        "Iousoupoff Youssouf",
    ],
    &[
        "Рахмонов Ҷӯра",
        "Rahmonzoda Jura",
        "Рахманов Джура",
        "Rakhmonov Dzhura",
    ],
    &[
        "Досмухамедов Жаханша",
        "Dosmukhamedov Jahansha",
        "Досмұхамедов Жаһанша",
    ],
    &[
        "Алиева Фатима Каримовна",
        "Aliyeva Fotima",
        "Oliyeva Fatima",
        "Әлиева Патима",
    ],
];

#[test]
fn one_person_shares_keys() {
    let mut failures = Vec::new();
    for group in SAME_PERSON {
        let first = parse(group[0], None).unwrap_or_default();
        for form in *group {
            let n = parse(form, None).unwrap_or_default();
            if (&n.surname_key, &n.given_key) != (&first.surname_key, &first.given_key) {
                failures.push(format!(
                    "{form}: {} {} vs {} {}",
                    n.surname_key, n.given_key, first.surname_key, first.given_key
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn separate_fields_give_the_same_keys() {
    let cases = [
        (
            "Шокаев",
            "Мустафа",
            "Ибрагимович",
            "Шокаев Мустафа Ибрагимович",
        ),
        (
            "Tursunov",
            "Alisher",
            "Karim o'g'li",
            "Tursunov Alisher Karim o'g'li",
        ),
        (
            "Сәрсенова",
            "Айша",
            "Сәрсенқызы",
            "Сәрсенова Айша Сәрсенқызы",
        ),
        ("Chakabayev", "Ibrahim Bek", "", "Chakabayev Ibrahim Bek"),
    ];
    for (s, g, p, whole) in cases {
        let a = from_parts(s, g, p, None);
        let b = parse(whole, None).unwrap_or_default();
        assert_eq!(
            (&a.surname_key, &a.given_key, &a.father_key, a.gender),
            (&b.surname_key, &b.given_key, &b.father_key, b.gender),
            "{whole}"
        );
    }
}
