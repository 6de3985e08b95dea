//! Dates as archives write them: Russian, Kazakh, Uzbek and English forms, Old Style dates.

use chrono::{Datelike, NaiveDate};

use super::data::{MonthNames, Tables};
use crate::normalize::dates::gregorian_to_julian;

/// The first Gregorian day of the New Style in Soviet Russia (14 February 1918).
pub fn new_style_start() -> NaiveDate {
    NaiveDate::from_ymd_opt(1918, 2, 14).unwrap_or(NaiveDate::MIN)
}

/// The Julian-calendar (Old Style) year, month and day of a Gregorian date: plain calendar
/// arithmetic, shared with the normaliser (see the rule in [`crate::synth`]).
pub fn julian(date: NaiveDate) -> (i64, u32, u32) {
    let (year, month, day) = gregorian_to_julian(date);
    (i64::from(year), month, day)
}

/// Moves a date by `years`, keeping 29 February as 28 February in common years.
pub fn shift_years(date: NaiveDate, years: i32) -> NaiveDate {
    let year = date.year() + years;
    date.with_year(year)
        .or_else(|| NaiveDate::from_ymd_opt(year, date.month(), 28))
        .unwrap_or(date)
}

fn month(tables: &Tables, number: u32) -> Option<&MonthNames> {
    tables.months.get(number.saturating_sub(1) as usize)
}

/// `25.12.1890`.
pub fn dotted(date: NaiveDate) -> String {
    format!("{:02}.{:02}.{}", date.day(), date.month(), date.year())
}

/// A Russian rendering; `style` picks the form (taken modulo the number of forms).
pub fn russian(tables: &Tables, date: NaiveDate, style: u32) -> String {
    let Some(names) = month(tables, date.month()) else {
        return dotted(date);
    };
    match style % 7 {
        0 => date.year().to_string(),
        1 => format!("{} г.р.", date.year()),
        2 => dotted(date),
        3 => format!("{}.{}.{}", date.day(), names.roman, date.year()),
        4 if date < new_style_start() => old_style(tables, date),
        4 | 5 => format!("{} {} {} г.", date.day(), names.ru, date.year()),
        _ => format!("{} г.", date.year()),
    }
}

/// `13 декабря 1890 г. (ст. ст.)`: the Julian date of a Gregorian date.
pub fn old_style(tables: &Tables, date: NaiveDate) -> String {
    let (year, month_number, day) = julian(date);
    match month(tables, month_number) {
        Some(names) => format!("{day} {} {year} г. (ст. ст.)", names.ru),
        None => dotted(date),
    }
}

/// A Kazakh rendering (`1890 ж.`, `25 желтоқсан 1890 ж.`).
pub fn kazakh(tables: &Tables, date: NaiveDate, style: u32) -> String {
    let Some(names) = month(tables, date.month()) else {
        return dotted(date);
    };
    match style % 5 {
        0 => date.year().to_string(),
        1 => format!("{} ж.", date.year()),
        2 => format!("{} {} {} ж.", date.day(), names.kk, date.year()),
        3 => format!("{} жылы {} {}", date.year(), date.day(), names.kk),
        _ => dotted(date),
    }
}

/// An Uzbek Latin rendering (`1890-yil`, `1890-yil 25-dekabr`).
pub fn uzbek(tables: &Tables, date: NaiveDate, style: u32) -> String {
    let Some(names) = month(tables, date.month()) else {
        return dotted(date);
    };
    match style % 4 {
        0 => date.year().to_string(),
        1 => format!("{}-yil", date.year()),
        2 => format!("{}-yil {}-{}", date.year(), date.day(), names.uz),
        _ => dotted(date),
    }
}

/// An English rendering (`25 December 1890`, `December 25, 1890`, `c. 1890`).
pub fn english(tables: &Tables, date: NaiveDate, style: u32) -> String {
    let Some(names) = month(tables, date.month()) else {
        return dotted(date);
    };
    match style % 5 {
        0 => date.year().to_string(),
        1 => format!("{} {} {}", date.day(), names.en, date.year()),
        2 => format!("{} {}, {}", names.en, date.day(), date.year()),
        3 => format!("c. {}", date.year()),
        _ => date.format("%Y-%m-%d").to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::synth::data::tables;

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
    }

    #[test]
    fn julian_offsets_change_in_1900() {
        assert_eq!(julian(ymd(1890, 12, 25)), (1890, 12, 13));
        assert_eq!(julian(ymd(1900, 3, 12)), (1900, 2, 28));
        assert_eq!(julian(ymd(1900, 3, 13)), (1900, 2, 29));
        assert_eq!(julian(ymd(1918, 2, 14)), (1918, 2, 1));
    }

    #[test]
    fn renders_forms() {
        let t = tables().expect("tables");
        let date = ymd(1890, 12, 25);
        assert_eq!(russian(t, date, 3), "25.XII.1890");
        assert_eq!(russian(t, date, 4), "13 декабря 1890 г. (ст. ст.)");
        assert_eq!(russian(t, ymd(1920, 1, 5), 4), "5 января 1920 г.");
        assert_eq!(kazakh(t, date, 2), "25 желтоқсан 1890 ж.");
        assert_eq!(uzbek(t, ymd(2021, 8, 27), 2), "2021-yil 27-avgust");
        assert_eq!(english(t, date, 2), "December 25, 1890");
        assert_eq!(shift_years(ymd(1892, 2, 29), 1), ymd(1893, 2, 28));
    }
}
