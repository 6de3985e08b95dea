//! Table-driven checks that records of one person, written in different orders, scripts and
//! schemes or in separate fields, share their name keys.

use rehab::normalize::names::{from_parts, parse};

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
