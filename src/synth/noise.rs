//! Clerical noise: typos, initials, missing fields, shifted years, capitals.

use chrono::{Datelike, NaiveDate, TimeDelta};
use rand::RngExt;
use rand_chacha::ChaCha8Rng;

use super::data::Tables;

/// How noisy a source is (probabilities per rendered mention).
#[derive(Debug, Clone, Copy)]
pub struct Noise {
    /// A name part gets one typo.
    pub typo: f64,
    /// Patronymic left out.
    pub no_patronymic: f64,
    /// Birth date left out.
    pub no_birth: f64,
    /// Birth place left out.
    pub no_place: f64,
    /// Birth year written one year off.
    pub year_off: f64,
    /// Given name written before the surname.
    pub swapped: f64,
    /// Given name and patronymic as initials.
    pub initials: f64,
    /// Surname in capitals.
    pub capitals: f64,
    /// The same person written twice in the source.
    pub duplicate: f64,
}

impl Noise {
    /// The default level of noise of a hand-compiled list.
    pub const TYPICAL: Noise = Noise {
        typo: 0.07,
        no_patronymic: 0.15,
        no_birth: 0.15,
        no_place: 0.25,
        year_off: 0.05,
        swapped: 0.08,
        initials: 0.05,
        capitals: 0.10,
        duplicate: 0.02,
    };
}

/// Share of written event dates (arrest, decision) with a clerk's slip.
const DATE_SLIP: f64 = 0.03;

/// An event date as a clerk copied it: now and then a day or a month off.
pub fn slipped(date: NaiveDate, rng: &mut ChaCha8Rng) -> NaiveDate {
    if !chance(rng, DATE_SLIP) {
        return date;
    }
    let sign = if rng.random_bool(0.5) { 1 } else { -1 };
    let moved = match rng.random_range(0..10) {
        0..=3 => date.checked_add_signed(TimeDelta::days(sign)),
        4..=6 => date.checked_add_signed(TimeDelta::days(10 * sign)),
        _ => date.with_month((date.month() as i64 + sign).clamp(1, 12) as u32),
    };
    moved.unwrap_or(date)
}

/// Rolls a die with probability `p`.
pub fn chance(rng: &mut ChaCha8Rng, p: f64) -> bool {
    rng.random_bool(p.clamp(0.0, 1.0))
}

fn confused(tables: &Tables, c: char, rng: &mut ChaCha8Rng) -> Option<char> {
    let lower = c.to_lowercase().next()?;
    let options = tables.confusions.get(&lower)?;
    let pick = *options.get(rng.random_range(0..options.len().max(1)))?;
    if c.is_uppercase() {
        pick.to_uppercase().next()
    } else {
        Some(pick)
    }
}

/// One typo in `word`: swapped neighbours, a dropped or doubled letter, or a confused letter.
/// `alphabet` limits confused letters (so a Windows-1251 source gets only Russian letters).
pub fn typo(
    tables: &Tables,
    word: &str,
    alphabet: fn(char) -> bool,
    rng: &mut ChaCha8Rng,
) -> String {
    let mut chars: Vec<char> = word.chars().collect();
    if chars.len() < 3 {
        return word.to_string();
    }
    let at = rng.random_range(1..chars.len());
    match rng.random_range(0..4) {
        0 => chars.swap(at - 1, at),
        1 => {
            chars.remove(at);
        }
        2 => chars.insert(at, chars[at]),
        _ => match confused(tables, chars[at], rng) {
            Some(c) if alphabet(c) => chars[at] = c,
            _ => chars.swap(at - 1, at),
        },
    }
    chars.into_iter().collect()
}

/// Any letter.
pub fn any_letter(_: char) -> bool {
    true
}

/// Letters of the Russian alphabet (and ASCII).
pub fn russian_letter(c: char) -> bool {
    c.is_ascii() || ('а'..='я').contains(&c) || ('А'..='Я').contains(&c) || c == 'ё' || c == 'Ё'
}

/// `Иван` → `И.`.
pub fn initial(word: &str) -> String {
    word.chars()
        .next()
        .map(|c| format!("{c}."))
        .unwrap_or_default()
}

/// Applies a typo with probability `noise.typo`.
pub fn maybe_typo(
    tables: &Tables,
    word: String,
    noise: &Noise,
    alphabet: fn(char) -> bool,
    rng: &mut ChaCha8Rng,
) -> String {
    if chance(rng, noise.typo) {
        typo(tables, &word, alphabet, rng)
    } else {
        word
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::synth::data::tables;
    use rand::SeedableRng;

    #[test]
    fn typo_changes_word_by_one_edit() {
        let t = tables().expect("tables");
        let mut rng = ChaCha8Rng::seed_from_u64(7);
        for _ in 0..200 {
            let out = typo(t, "Ахметов", russian_letter, &mut rng);
            let distance = strsim::levenshtein("Ахметов", &out);
            assert!(distance <= 2, "{out}");
            assert!(out.chars().all(russian_letter), "{out}");
        }
    }

    #[test]
    fn initials() {
        assert_eq!(initial("Иван"), "И.");
        assert_eq!(initial(""), "");
    }
}
