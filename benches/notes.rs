//! Reads twenty thousand varied biographical notes, each once, and prints the rate.
//!
//! Run with `cargo bench --bench notes`. The notes are generated deterministically (a fixed
//! xorshift seed) from parts in the orders and abbreviations of memory books and lists, so every
//! run reads the same texts.

use rehab::normalize::note::read;
#[path = "common/mod.rs"]
mod common;

use common::{RU_MONTHS, SEED, XorShift};
use std::hint::black_box;
use std::time::Instant;

const NOTES: usize = 20_000;

const KK_MONTHS: [&str; 12] = [
    "қаңтарда",
    "ақпанда",
    "наурызда",
    "сәуірде",
    "мамырда",
    "маусымда",
    "шілдеде",
    "тамызда",
    "қыркүйекте",
    "қазанда",
    "қарашада",
    "желтоқсанда",
];
const UZ_MONTHS: [&str; 12] = [
    "yanvarda",
    "fevralda",
    "martda",
    "aprelda",
    "mayda",
    "iyunda",
    "iyulda",
    "avgustda",
    "sentabrda",
    "oktabrda",
    "noyabrda",
    "dekabrda",
];
const NATIONS: [&str; 6] = [
    "казах",
    "русский",
    "узбек",
    "татарин",
    "армянин",
    "украинец",
];
const PLACES: [&str; 5] = [
    "Перовского уезда",
    "с. Ивановка Курской губ.",
    "г. Верный",
    "Ташкент",
    "Акмолинской обл.",
];
const ORGANS: [&str; 5] = [
    "тройкой УНКВД по Южно-Казахстанской обл.",
    "ВК ВС СССР",
    "ОСО при НКВД СССР",
    "тройкой при ПП ОГПУ в Казахстане",
    "военным трибуналом САВО",
];
const SENTENCES: [&str; 4] = ["ВМН", "10 годам ИТЛ", "8 лет ИТЛ", "5 годам ссылки"];

fn note(rng: &mut XorShift) -> String {
    let born = 1870 + rng.below(40);
    let year = 1930 + rng.below(9);
    let (d, m) = (1 + rng.below(28), rng.below(12));
    let rehab = 1955 + rng.below(40);
    let (nation, place) = (rng.pick(&NATIONS), rng.pick(&PLACES));
    let (organ, sentence) = (rng.pick(&ORGANS), rng.pick(&SENTENCES));
    match rng.below(4) {
        0 => format!(
            "Род. в {born}, {nation}, обр.: среднее, б/п. Проживал: {place}. Арест. {d:02}.{:02}.{year}. \
             Обв. по ст. 58-10 УК РСФСР. Приговор: {organ}, {:02}.{:02}.{year} – {sentence}. \
             Реабилитирован {d}.{:02}.{rehab}",
            m + 1,
            d,
            m + 1,
            m + 1
        ),
        1 => format!(
            "{born} г.р., уроженец {place}, {nation}, беспартийный; арестован {d} {} {year} г.; \
             {organ} {d} {} {year} г. приговорен к {sentence}; реабилитирован {d} {} {rehab} г.",
            RU_MONTHS[m], RU_MONTHS[m], RU_MONTHS[m]
        ),
        2 => format!(
            "{born} жылы {place} туған, қазақ. {year} жылы {d} {} тұтқындалған. {year} жылы {d} {} \
             атылған. {rehab} жылы {d} {} ақталған.",
            KK_MONTHS[m], KK_MONTHS[m], KK_MONTHS[m]
        ),
        _ => format!(
            "{born} yilda {place} tug'ilgan, o'zbek. {year} yil {d} {} qamoqqa olingan. NKVD uchligi \
             tomonidan {year} yil {d} {} otuvga hukm qilingan. {rehab} yil {d} {} oqlangan.",
            UZ_MONTHS[m], UZ_MONTHS[m], UZ_MONTHS[m]
        ),
    }
}

fn main() {
    let mut rng = XorShift(SEED);
    let notes: Vec<String> = (0..NOTES).map(|_| note(&mut rng)).collect();
    let bytes: usize = notes.iter().map(String::len).sum();
    // The tables are loaded once per process, before the clock starts.
    black_box(read(
        "арестован 3.09.1937, проживал: Москва, ул. Арбат",
        None,
    ));
    let mut values = 0usize;
    let start = Instant::now();
    for n in &notes {
        values += black_box(read(black_box(n), None)).len();
    }
    let secs = start.elapsed().as_secs_f64();
    let count = NOTES;
    println!(
        "notes: {count} distinct notes ({} bytes each on average) in {secs:.3} s = {:.0} notes/s ({} values per note)",
        bytes / NOTES,
        count as f64 / secs,
        values / count
    );
}
