//! Reads one million mixed date values and prints the rate.
//!
//! Run with `cargo bench --bench dates`. The values are generated deterministically (a fixed
//! xorshift seed), so every run reads the same texts.

use rehab::normalize::dates::parse;
#[path = "common/mod.rs"]
mod common;

use common::{RU_MONTHS, SEED, XorShift};
use std::hint::black_box;
use std::time::Instant;

const COUNT: usize = 1_000_000;

const RU_ABBR: [&str; 12] = [
    "янв.",
    "февр.",
    "мар.",
    "апр.",
    "мая",
    "июн.",
    "июл.",
    "авг.",
    "сент.",
    "окт.",
    "нояб.",
    "дек.",
];
const KK_MONTHS: [&str; 12] = [
    "қаңтар",
    "ақпан",
    "наурыз",
    "сәуір",
    "мамыр",
    "маусым",
    "шілде",
    "тамыз",
    "қыркүйек",
    "қазан",
    "қараша",
    "желтоқсан",
];
const UZ_MONTHS: [&str; 12] = [
    "yanvar", "fevral", "mart", "aprel", "may", "iyun", "iyul", "avgust", "sentabr", "oktabr",
    "noyabr", "dekabr",
];
const EN_MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];
const ROMAN: [&str; 12] = [
    "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII",
];

fn value(rng: &mut XorShift) -> String {
    let y = 1860 + rng.below(100) as u32;
    let m = 1 + rng.below(12);
    let d = 1 + rng.below(28) as u32;
    let mi = m - 1;
    match rng.below(16) {
        0 => format!("{d:02}.{m:02}.{y}"),
        1 => format!("{y}-{m:02}-{d:02}"),
        2 => format!("{d} {} {y} г.", RU_MONTHS[mi]),
        3 => format!("{d} {} {y}", RU_ABBR[mi]),
        4 => format!("{y}"),
        5 => format!("ок. {y} г.р."),
        6 => format!("{d}.{}.{y}", ROMAN[mi]),
        7 => format!("{d} {} {y} ж.", KK_MONTHS[mi]),
        8 => format!("{y}-yil {d}-{}", UZ_MONTHS[mi]),
        9 => format!("{} {d}, {y}", EN_MONTHS[mi]),
        10 => format!("{}0-е гг.", y / 10),
        11 => format!("{y}–{}", y + 1),
        12 => format!("{d}.{m:02}.{y} ст. ст."),
        13 => format!("{m:02}.{y}"),
        14 => format!("{y}?"),
        _ => format!("{}.{m:02}.{y}", d + 30),
    }
}

fn main() {
    let mut rng = XorShift(SEED);
    let values: Vec<String> = (0..COUNT).map(|_| value(&mut rng)).collect();
    let (mut ok, mut errors) = (0usize, 0usize);
    let start = Instant::now();
    for v in &values {
        match black_box(parse(black_box(v), None)) {
            Ok(Some(_)) => ok += 1,
            _ => errors += 1,
        }
    }
    let secs = start.elapsed().as_secs_f64();
    println!(
        "dates: {COUNT} values in {secs:.3} s = {:.0} dates/s ({ok} read, {errors} errors)",
        COUNT as f64 / secs
    );
}
