//! Table-driven checks of the shipped gazetteer: real-looking values and the key they resolve to.

use super::Gazetteer;

/// (written value, expected key).
const CASES: &[(&str, &str)] = &[
    // Kyzylorda and its former names, in every script.
    ("Перовск", "kz-kyzylorda"),
    ("Ак-Мечеть", "kz-kyzylorda"),
    ("Акмечеть", "kz-kyzylorda"),
    ("Кзыл-Орда", "kz-kyzylorda"),
    ("Кызылорда", "kz-kyzylorda"),
    ("Қызылорда", "kz-kyzylorda"),
    ("Ak-Mechet", "kz-kyzylorda"),
    ("Perovsk", "kz-kyzylorda"),
    ("Qyzylorda", "kz-kyzylorda"),
    ("Kzyl-Orda", "kz-kyzylorda"),
    ("г. Кзыл-Орда", "kz-kyzylorda"),
    ("гор.Перовск", "kz-kyzylorda"),
    ("КЗЫЛ ОРДА", "kz-kyzylorda"),
    ("Перовский уезд", "kz-kyzylorda"),
    ("Перовского уезда", "kz-kyzylorda"),
    ("Сыр-Дарьинская обл., Перовский у., аул №5", "kz-kyzylorda"),
    ("Сыр-Дарьинской обл. Перовского уезда", "kz-kyzylorda"),
    ("уроженец г. Перовска", "kz-kyzylorda"),
    // Almaty
    ("Верный", "kz-almaty"),
    ("Vernyi", "kz-almaty"),
    ("Алма-Ата", "kz-almaty"),
    ("Алматы", "kz-almaty"),
    ("Alma-Ata", "kz-almaty"),
    ("г. Алма-Ата", "kz-almaty"),
    ("Верненский уезд", "kz-almaty"),
    ("Семиреченская обл., Верненский у.", "kz-almaty"),
    ("в Алма-Ате", "kz-almaty"),
    ("Алматы қаласы", "kz-almaty"),
    // Bishkek
    ("Пишпек", "kg-bishkek"),
    ("Фрунзе", "kg-bishkek"),
    ("Frunze", "kg-bishkek"),
    ("Бишкек", "kg-bishkek"),
    ("г. Фрунзе, Киргизская ССР", "kg-bishkek"),
    ("Пишпекский уезд", "kg-bishkek"),
    // Dushanbe
    ("Сталинабад", "tj-dushanbe"),
    ("Дюшамбе", "tj-dushanbe"),
    ("Душанбе", "tj-dushanbe"),
    ("г. Сталинабад Таджикской ССР", "tj-dushanbe"),
    // Astana
    ("Акмолинск", "kz-astana"),
    ("Целиноград", "kz-astana"),
    ("Акмола", "kz-astana"),
    ("Астана", "kz-astana"),
    ("Нур-Султан", "kz-astana"),
    ("Акмолинский уезд", "kz-astana"),
    // Renamed towns of Kazakhstan
    ("Семипалатинск", "kz-semey"),
    ("Семей", "kz-semey"),
    ("Гурьев", "kz-atyrau"),
    ("Атырау", "kz-atyrau"),
    ("Аулие-Ата", "kz-taraz"),
    ("Мирзоян", "kz-taraz"),
    ("Джамбул", "kz-taraz"),
    ("Тараз", "kz-taraz"),
    ("Аулиеатинский уезд", "kz-taraz"),
    ("Чимкент", "kz-shymkent"),
    ("Шымкент", "kz-shymkent"),
    ("Chimkent", "kz-shymkent"),
    ("Чимкентский уезд Сыр-Дарьинской области", "kz-shymkent"),
    ("Усть-Каменогорск", "kz-oskemen"),
    ("Өскемен", "kz-oskemen"),
    ("Oskemen", "kz-oskemen"),
    ("Петропавловск", "kz-petropavl"),
    ("Петропавл", "kz-petropavl"),
    ("Павлодар", "kz-pavlodar"),
    ("Кустанай", "kz-kostanay"),
    ("Костанай", "kz-kostanay"),
    ("Актюбинск", "kz-aktobe"),
    ("Актобе", "kz-aktobe"),
    ("Ақтөбе", "kz-aktobe"),
    ("Уральск", "kz-oral"),
    ("Орал", "kz-oral"),
    ("Караганда", "kz-karaganda"),
    ("Қарағанды", "kz-karaganda"),
    ("Талды-Курган", "kz-taldykorgan"),
    ("Кокчетав", "kz-kokshetau"),
    ("Көкшетау", "kz-kokshetau"),
    ("Туркестан", "kz-turkistan"),
    ("Түркістан", "kz-turkistan"),
    ("Казалинск", "kz-kazaly"),
    ("Казалинский уезд", "kz-kazaly"),
    ("Каркаралинск", "kz-karkaraly"),
    ("Копал", "kz-kapal"),
    ("Джаркент", "kz-zharkent"),
    ("Лбищенск", "kz-chapaev"),
    ("Форт-Шевченко", "kz-fort-shevchenko"),
    ("Шевченко", "kz-aktau"),
    // Uzbekistan
    ("Ташкент", "uz-tashkent"),
    ("Toshkent", "uz-tashkent"),
    ("Тошкент шаҳри", "uz-tashkent"),
    ("г.Ташкент, ул. Ленина, д. 5", "uz-tashkent"),
    ("Самарканд", "uz-samarkand"),
    ("Samarqand", "uz-samarkand"),
    ("Бухара", "uz-bukhara"),
    ("Buxoro", "uz-bukhara"),
    ("Хива", "uz-khiva"),
    ("Коканд", "uz-kokand"),
    ("Qoʻqon", "uz-kokand"),
    ("Qo'qon", "uz-kokand"),
    ("Кокандский уезд Ферганской обл.", "uz-kokand"),
    ("Андижан", "uz-andijan"),
    ("Andijon", "uz-andijan"),
    ("Наманган", "uz-namangan"),
    ("Новый Маргелан", "uz-fergana"),
    ("Скобелев", "uz-fergana"),
    ("Фергана", "uz-fergana"),
    ("Fargʻona", "uz-fergana"),
    ("Маргелан", "uz-margilan"),
    ("Нукус", "uz-nukus"),
    ("Термез", "uz-termez"),
    ("Termiz", "uz-termez"),
    ("Карши", "uz-karshi"),
    ("Бек-Буди", "uz-karshi"),
    ("Qarshi", "uz-karshi"),
    ("Навои", "uz-navoiy"),
    ("Кермине", "uz-navoiy"),
    ("Джизак", "uz-jizzakh"),
    ("Jizzax", "uz-jizzakh"),
    ("Мирзачуль", "uz-gulistan"),
    ("Гулистан", "uz-gulistan"),
    ("Ургенч", "uz-urgench"),
    ("Urganch", "uz-urgench"),
    ("Катта-Курган", "uz-kattakurgan"),
    ("Петро-Александровск", "uz-turtkul"),
    ("Olmazor qishlogʻi, Toshkent viloyati", "uz-tashkent-region"),
    // Kyrgyzstan
    ("Пржевальск", "kg-karakol"),
    ("Каракол", "kg-karakol"),
    ("Ош", "kg-osh"),
    ("Ошский уезд", "kg-osh"),
    ("Джалал-Абад", "kg-jalal-abad"),
    ("Жалал-Абад", "kg-jalal-abad"),
    ("Нарын", "kg-naryn"),
    ("Талас", "kg-talas"),
    ("Баткен", "kg-batken"),
    ("Токмак", "kg-tokmok"),
    ("Рыбачье", "kg-balykchy"),
    // Tajikistan
    ("Ленинабад", "tj-khujand"),
    ("Ходжент", "tj-khujand"),
    ("Худжанд", "tj-khujand"),
    ("Хуҷанд", "tj-khujand"),
    ("Ходжентский уезд Самаркандской обл.", "tj-khujand"),
    ("Курган-Тюбе", "tj-bokhtar"),
    ("Бохтар", "tj-bokhtar"),
    ("Куляб", "tj-kulob"),
    ("Кӯлоб", "tj-kulob"),
    ("Хорог", "tj-khorugh"),
    ("Ура-Тюбе", "tj-istaravshan"),
    ("Орджоникидзеабад", "tj-vahdat"),
    // Turkmenistan
    ("Красноводск", "tm-turkmenbashi"),
    ("Туркменбаши", "tm-turkmenbashi"),
    ("Türkmenbaşy", "tm-turkmenbashi"),
    ("Полторацк", "tm-ashgabat"),
    ("Асхабад", "tm-ashgabat"),
    ("Ашхабад", "tm-ashgabat"),
    ("Aşgabat", "tm-ashgabat"),
    ("Закаспийская обл., Асхабадский уезд", "tm-ashgabat"),
    ("Мерв", "tm-mary"),
    ("Мары", "tm-mary"),
    ("Мервский уезд", "tm-mary"),
    ("Ташауз", "tm-dashoguz"),
    ("Дашогуз", "tm-dashoguz"),
    ("Чарджуй", "tm-turkmenabat"),
    ("Чарджоу", "tm-turkmenabat"),
    ("Türkmenabat", "tm-turkmenabat"),
    ("Небит-Даг", "tm-balkanabat"),
    // Outside the region
    ("Москва", "ru-moscow"),
    ("Moscow", "ru-moscow"),
    ("Берлин", "de-berlin"),
    ("Berlin", "de-berlin"),
    ("Париж", "fr-paris"),
    ("Оренбург", "ru-orenburg"),
    ("Оренбургская губ.", "ru-orenburg-region"),
    ("Омск", "ru-omsk"),
    ("Ленинград", "ru-saint-petersburg"),
    ("Троицк", "ru-troitsk"),
    // Regions and states when nothing more specific is written
    ("Сыр-Дарьинская обл.", "hist-syr-darya"),
    ("Кзыл-Ординская обл.", "kz-kyzylorda-region"),
    ("Кызылординской области", "kz-kyzylorda-region"),
    ("Қызылорда облысы", "kz-kyzylorda-region"),
    ("Южно-Казахстанская обл.", "kz-turkistan-region"),
    ("Ташкентская обл.", "uz-tashkent-region"),
    ("Ферганская область", "uz-fergana-region"),
    ("Семипалатинская губерния", "kz-abai-region"),
    ("Ленинабадская обл.", "tj-sughd-region"),
    ("Казахская ССР", "kz"),
    ("Узбекская ССР", "uz"),
    ("Узбекистан", "uz"),
    ("Кыргызстан", "kg"),
    ("Бухарский эмират", "hist-bukhara-emirate"),
    // Addresses: the most specific known settlement wins
    (
        "Казахская ССР, Кзыл-Ординская обл., г. Кзыл-Орда",
        "kz-kyzylorda",
    ),
    ("Узбекская ССР, Ташкентская обл., г. Чирчик", "uz-chirchiq"),
    (
        "Ферганская обл., Кокандский у., кишлак Бешарык",
        "uz-kokand",
    ),
    ("с. Никольское, Чимкентского уезда", "kz-shymkent"),
    (
        "аул № 3 Казалинского уезда Сыр-Дарьинской области",
        "kz-kazaly",
    ),
    ("Туркестанский край, г. Ташкент", "uz-tashkent"),
    ("Toshkent shahri", "uz-tashkent"),
    ("Andijon viloyati, Asaka tumani", "uz-asaka"),
    ("Шымкент қаласы", "kz-shymkent"),
    ("Samarqand viloyati, Urgut tumani", "uz-urgut"),
    ("Ош облусу", "kg-osh-region"),
    ("Ural'sk", "kz-oral"),
    ("в г. Ташкенте", "uz-tashkent"),
    ("Zhambyl oblysy", "kz-jambyl-region"),
    ("Ак-Мечеть (Перовск)", "kz-kyzylorda"),
    (
        "Казахстан, Алма-Атинская обл., Талгарский р-н, с. Иссык",
        "kz-esik",
    ),
    ("Ташкентского уезда Сыр-Дарьинской обл.", "uz-tashkent"),
    ("Verny, Semirechye", "kz-almaty"),
];

#[test]
fn shipped_gazetteer_resolves_the_table() {
    let g = Gazetteer::builtin();
    let mut failures = Vec::new();
    for (text, key) in CASES {
        match g.resolve(text) {
            Ok(Some(p)) if p.key == *key => {}
            other => failures.push(format!("{text:?}: expected {key}, got {other:?}")),
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(CASES.len() >= 100);
}

/// (written address, expected key, level, unresolved parts, country of a larger unit that
/// conflicts or ""). Parts come smallest first or largest first.
const ADDRESSES: &[(&str, &str, &str, &str, &str)] = &[
    // The settlement wins over the larger units, in either order.
    (
        "Koktash, Eastern Bukhara",
        "tj-koktash",
        "settlement",
        "",
        "",
    ),
    (
        "Кокташ, Восточная Бухара",
        "tj-koktash",
        "settlement",
        "",
        "",
    ),
    (
        "Восточная Бухара, Кокташ",
        "tj-koktash",
        "settlement",
        "",
        "",
    ),
    (
        "Кок-Таш Восточной Бухары",
        "tj-koktash",
        "settlement",
        "",
        "",
    ),
    ("Кокташ, Таджикская ССР", "tj-koktash", "settlement", "", ""),
    (
        "Сыр-Дарьинская обл., Перовский у., аул Ак-Мечеть",
        "kz-kyzylorda",
        "settlement",
        "",
        "",
    ),
    (
        "Казахстан, Алма-Атинская обл., Талгарский р-н, с. Иссык",
        "kz-esik",
        "settlement",
        "",
        "",
    ),
    (
        "с. Иссык, Талгарский р-н, Алма-Атинская обл.",
        "kz-esik",
        "settlement",
        "",
        "",
    ),
    // An unknown village: the district above it, its text kept.
    (
        "с. Ивановка, Перовский уезд",
        "kz-kyzylorda",
        "district",
        "с. Ивановка",
        "",
    ),
    (
        "Перовский уезд, с. Ивановка",
        "kz-kyzylorda",
        "district",
        "с. Ивановка",
        "",
    ),
    (
        "Ивановка Перовского уезда",
        "kz-kyzylorda",
        "district",
        "Ивановка",
        "",
    ),
    (
        "Казахстан, Кзыл-Ординская обл., Казалинский р-н, аул 5",
        "kz-kazaly",
        "district",
        "аул 5",
        "",
    ),
    (
        "Ферганская обл., Кокандский у., кишлак Бешарыкча",
        "uz-kokand",
        "district",
        "кишлак Бешарыкча",
        "",
    ),
    // No district either: the region, then the state.
    (
        "аул Жанатурмыс, Кзыл-Ординская обл.",
        "kz-kyzylorda-region",
        "region",
        "аул Жанатурмыс",
        "",
    ),
    (
        "Ташкентская обл., кишлак Тутлыкуль",
        "uz-tashkent-region",
        "region",
        "кишлак Тутлыкуль",
        "",
    ),
    (
        "Казахская ССР, аул Караозек",
        "kz",
        "country",
        "аул Караозек",
        "",
    ),
    // A part that names a place of another country than the larger unit: said, not settled.
    (
        "Кокташ, Ташкентская обл.",
        "tj-koktash",
        "settlement",
        "",
        "UZ",
    ),
    (
        "Кокташ, Узбекская ССР",
        "tj-koktash",
        "settlement",
        "",
        "UZ",
    ),
    (
        "г. Ташкент, Казахская ССР",
        "uz-tashkent",
        "settlement",
        "",
        "KZ",
    ),
    ("Koktash, Bukhara", "tj-koktash", "settlement", "", "UZ"),
    // Gone units (uyezds, Tsarist oblasts) straddled today's borders: no conflict.
    (
        "Ташкентского уезда Сыр-Дарьинской обл.",
        "uz-tashkent",
        "district",
        "",
        "",
    ),
    (
        "Кокташ, Бухарский эмират",
        "tj-koktash",
        "settlement",
        "",
        "",
    ),
];

#[test]
fn addresses_resolve_to_their_most_specific_known_part() {
    let g = Gazetteer::builtin();
    let mut failures = Vec::new();
    for &(text, key, level, unresolved, conflict) in ADDRESSES {
        let got = g.resolve(text);
        let Ok(Some(p)) = &got else {
            failures.push(format!("{text:?}: expected {key}, got {got:?}"));
            continue;
        };
        let conflict_ok = match conflict {
            "" => p.conflict.is_empty(),
            country => p.conflict.contains(&format!("({country})")),
        };
        if p.key != key || p.level.as_str() != level || p.unresolved != unresolved || !conflict_ok {
            failures.push(format!(
                "{text:?}: expected {key} {level} {unresolved:?} conflict {conflict:?}, got {} {} \
                 {:?} conflict {:?}",
                p.key,
                p.level.as_str(),
                p.unresolved,
                p.conflict
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
