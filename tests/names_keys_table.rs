//! Table-driven checks of match keys and surname roots across traditions and schemes.
//! Each row lists spellings of one name that must share a key.

use rehab::normalize::translit::match_key;

fn check_groups(groups: &[&[&str]], key: fn(&str) -> String, what: &str) -> usize {
    let mut failures = Vec::new();
    let mut cases = 0;
    for group in groups {
        let first = key(group[0]);
        assert!(!first.is_empty(), "{what}: empty key for {}", group[0]);
        for form in *group {
            cases += 1;
            let k = key(form);
            if k != first {
                failures.push(format!("{form} -> {k}, {} -> {first}", group[0]));
            }
        }
    }
    assert!(failures.is_empty(), "{what}:\n{}", failures.join("\n"));
    cases
}

/// Russian names in BGN/PCGN, ISO 9, LoC, French, German and Turkish spellings.
const RUSSIAN: &[&[&str]] = &[
    &[
        "Щербаков",
        "Shcherbakov",
        "Ŝerbakov",
        "Chtcherbakov",
        "Schtscherbakow",
        "Şçerbakov",
    ],
    &["Жуков", "Zhukov", "Žukov", "Joukov", "Shukow", "Jukov"],
    &["Чернышёв", "Chernyshëv", "Černyšëv", "Tschernyschow"],
    &["Хрущёв", "Khrushchëv", "Hruŝëv", "Chruschtschow"],
    &["Цветков", "Tsvetkov", "Cvetkov", "T͡svetkov", "Zwetkow"],
    &["Юрий", "Yuriy", "Ûrij", "I͡uriĭ", "Iouri"],
    &["Ягода", "Yagoda", "Âgoda", "I͡agoda", "Iagoda"],
    &["Ежов", "Yezhov", "Ežov", "Ejov", "Jeshow"],
    &[
        "Сергеевич",
        "Sergeyevich",
        "Sergeevič",
        "Sergueïevitch",
        "Sergejewitsch",
    ],
    &[
        "Достоевский",
        "Dostoyevskiy",
        "Dostoevskij",
        "Dostoevskiĭ",
        "Dostojewski",
    ],
    &["Ильич", "Il'ich", "Ilʹič", "Ilitch", "Iljitsch"],
    &[
        "Тухачевский",
        "Tukhachevskiy",
        "Tuhačevskij",
        "Toukhatchevski",
        "Tuchatschewski",
    ],
    &["Бухарин", "Bukharin", "Buharin", "Boukharine"],
    &["Зиновьев", "Zinov'yev", "Zinovʹev", "Zinoviev", "Sinowjew"],
    &["Каменев", "Kamenev", "Kamenew", "Kameneff"],
    &["Рыков", "Rykov", "Rykow", "Rykoff"],
    &[
        "Ворошилов",
        "Voroshilov",
        "Vorošilov",
        "Vorochilov",
        "Woroschilow",
    ],
    &[
        "Фёдорович",
        "Fëdorovich",
        "Fëdorovič",
        "Fiodorovitch",
        "Fjodorowitsch",
    ],
    &["Николаевна", "Nikolayevna", "Nikolaevna", "Nikolajewna"],
    &["Ольга", "Ol'ga", "Olʹga", "Olga"],
];

/// Kazakh Cyrillic with Russian, Kazakh Latin 2018/2021, Turkish and older spellings.
const KAZAKH: &[&[&str]] = &[
    &[
        "Шоқай",
        "Шокай",
        "Shoqay",
        "Şoqai",
        "Çokay",
        "Shokay",
        "Chokay",
        "Tschokai",
        "Chokai",
    ],
    &["Мұстафа", "Мустафа", "Mustafa", "Moustafa", "Mūstafa"],
    &["Жүсіпбек", "Жусипбек", "Jüsipbek", "Zhusipbek", "Jusipbek"],
    &["Әлихан", "Алихан", "Älihan", "Alikhan", "Alihan"],
    &["Бөкейханов", "Bökeikhanov", "Bokeykhanov", "Bökeihanov"],
    &[
        "Байтұрсынов",
        "Байтурсынов",
        "Baitursynov",
        "Baytursynov",
        "Baitūrsynov",
        "Baytursınov",
    ],
    &["Дулатов", "Dulatov", "Doulatov", "Dulatow"],
    &[
        "Жұмабаев",
        "Жумабаев",
        "Jumabaev",
        "Zhumabayev",
        "Jūmabaev",
        "Dzhumabaev",
    ],
    &["Сейфуллин", "Seifullin", "Seyfullin", "Seifoulline"],
    &[
        "Досмұхамедов",
        "Досмухамедов",
        "Dosmukhamedov",
        "Dosmūhamedov",
        "Dosmuhamedov",
    ],
    &[
        "Қожахметов",
        "Кожахметов",
        "Qojahmetov",
        "Kozhakhmetov",
        "Kojahmetov",
    ],
    &[
        "Ерғали",
        "Ергали",
        "Erğali",
        "Yergali",
        "Ergali",
        "Yerghali",
    ],
    &["Жаңабай", "Zhangabay", "Jañabai"],
    &[
        "Сәрсенбаев",
        "Сарсенбаев",
        "Sarsenbayev",
        "Särsenbaev",
        "Sarsenbaev",
    ],
    &["Нұрғали", "Нургали", "Nurğali", "Nurgali", "Nurghali"],
    &["Қасымұлы", "Касымулы", "Qasymuly", "Kasymuly", "Qasımulı"],
    &["Тұрар", "Турар", "Tūrar", "Turar", "Tourar"],
    &[
        "Рысқұлов",
        "Рыскулов",
        "Ryskulov",
        "Rysqulov",
        "Rysqūlov",
        "Rıskulov",
    ],
    &["Әуезов", "Ауэзов", "Auezov", "Äuezov", "Aouezov"],
    &["Ораз", "Oraz", "Orass"],
    &["Кеңес", "Kenges", "Keñes", "Keṇes"],
    &[
        "Құдайберген",
        "Кудайберген",
        "Kudaibergen",
        "Qudaibergen",
        "Kudaybergen",
    ],
    &["Мағжан", "Magzhan", "Mağjan", "Maghzhan", "Magjan"],
];

/// Uzbek Cyrillic and Latin with every apostrophe look-alike, and Russian forms.
const UZBEK: &[&[&str]] = &[
    &[
        "Ходжаев",
        "Хўжаев",
        "Xo'jayev",
        "Xoʻjayev",
        "Xo‘jayev",
        "Xo’jayev",
        "Xo`jayev",
        "Xoʼjayev",
        "Khodzhaev",
        "Hodjaev",
        "Khodjaev",
        "Chodschajew",
    ],
    &[
        "Ибрагимбек",
        "Ibrohimbek",
        "Ibragimbek",
        "Ibrahim Bek",
        "Ибрагим-бек",
        "Иброҳимбек",
    ],
    &["Файзулла", "Fayzulla", "Faizulla", "Fayzoulla", "Faisulla"],
    &["Ғулом", "G'ulom", "Gʻulom", "G‘ulom", "Ghulom", "Gulom"],
    &[
        "Чакабаев",
        "Chakabayev",
        "Chakabaev",
        "Tchakabaev",
        "Çakabayev",
        "Tschakabajew",
    ],
    &["Шарофиддин", "Sharofiddin", "Şarofiddin", "Charofiddin"],
    &["Тошкент", "Toshkent", "Toşkent", "Tochkent"],
    &["Қўқон", "Qo'qon", "Qoʻqon", "Kokon", "Qo‘qon"],
    &[
        "Юлдашев",
        "Yuldashev",
        "Iouldachev",
        "Juldaschew",
        "Yuldaşev",
    ],
    &["Усмонов", "Usmonov", "Ousmonov", "Usmonow"],
    &["Жўраев", "Jo'rayev", "Joʻrayev", "Dzhoraev"],
    &["Акмал Икромов", "Akmal Ikromov", "Akmal Ikromow"],
    &["Исҳоқ", "Is'hoq", "Isʼhoq"],
    &["Нематуллаев", "Nematullayev", "Nematullaev", "Nematoullaev"],
    &["Саодат", "Saodat", "Saodat"],
    &["Шаҳноза", "Shahnoza", "Şahnoza", "Schahnosa"],
];

/// Tajik Cyrillic (`ғ ӣ қ ӯ ҳ ҷ`) and its romanisations.
const TAJIK: &[&[&str]] = &[
    &[
        "Ҷӯраев",
        "Джураев",
        "Juraev",
        "Jurayev",
        "Dzhuraev",
        "Djouraev",
        "C̦ūraev",
    ],
    &[
        "Раҳмонзода",
        "Рахмонзода",
        "Rahmonzoda",
        "Rakhmonzoda",
        "Rahmonsoda",
        "Raxmonzoda",
    ],
    &[
        "Маҳмадалӣ",
        "Махмадали",
        "Mahmadali",
        "Makhmadali",
        "Mahmadalī",
    ],
    &[
        "Ғафуров",
        "Гафуров",
        "Ghafurov",
        "Gafurov",
        "G'afurov",
        "Ğafurov",
    ],
    &["Қодирӣ", "Кодири", "Qodiri", "Kodiri", "Qodirī"],
    &["Айнӣ", "Айни", "Ayni", "Aini", "Aynī"],
    &["Лоҳутӣ", "Лахути", "Lohuti", "Lokhuti"],
    &["Саъдӣ", "Саади", "Sa'di", "Saadi", "Sadi"],
];

/// Kyrgyz and Turkmen forms.
const KYRGYZ_TURKMEN: &[&[&str]] = &[
    &["Жусуп", "Jusup", "Zhusup", "Dzhusup"],
    &["Үсөн", "Усон", "Üsön", "Uson"],
    &["Тоқтоғұл", "Токтогул", "Toktogul", "Toqtoğul"],
    &["Кубанычбек", "Kubanychbek", "Kubanıçbek", "Qubanychbek"],
    &[
        "Бердымухамедов",
        "Berdymukhamedov",
        "Berdimuhamedow",
        "Berdymuhamedov",
    ],
    &["Гурбангулы", "Gurbanguly", "Gurbangulı"],
    &["Ниязов", "Niyazov", "Niýazow", "Niiazov", "Nijasow"],
    &["Атабаев", "Atabayev", "Atabaev", "Atabaýew"],
];

#[test]
fn match_keys_agree_across_schemes() {
    let mut n = 0;
    for table in [RUSSIAN, KAZAKH, UZBEK, TAJIK, KYRGYZ_TURKMEN] {
        n += check_groups(table, match_key, "match key");
    }
    assert!(n > 250, "{n} cases");
}
