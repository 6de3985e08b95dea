//! Archival dates: every written form read into a Gregorian interval with precision.

use crate::model::{Calendar, DateValue, Lang, Precision, Qualifier, Typed};
use chrono::{Datelike, NaiveDate};
use thiserror::Error;

/// Why a date could not be read.
#[derive(Debug, Error, PartialEq, Eq)]
pub enum DateError {
    /// The text is no date form that is understood.
    #[error("unreadable date {0:?}")]
    Unreadable(String),
    /// The parts do not form a real day.
    #[error("no such day: {0:?}")]
    NoSuchDay(String),
}

/// Parses a date as written; `Ok(None)` for an empty text.
pub fn parse(text: &str, _lang: Option<Lang>) -> Result<Option<DateValue>, DateError> {
    let t = text
        .trim()
        .trim_end_matches("г.р.")
        .trim_end_matches("г.")
        .trim();
    if t.is_empty() {
        return Ok(None);
    }
    let nums: Vec<&str> = t.split(['.', '-', '/']).collect();
    let n = |s: &str| {
        s.trim()
            .parse::<u32>()
            .map_err(|_| DateError::Unreadable(text.into()))
    };
    match nums.as_slice() {
        [y] => year(n(y)? as i32, text).map(Some),
        [d, m, y] if y.len() == 4 => day(n(y)? as i32, n(m)?, n(d)?, text).map(Some),
        [y, m, d] if y.len() == 4 => day(n(y)? as i32, n(m)?, n(d)?, text).map(Some),
        _ => Err(DateError::Unreadable(text.into())),
    }
}

/// Parses a spreadsheet cell, using its typed value when there is one.
pub fn parse_cell(
    text: &str,
    typed: Option<Typed>,
    lang: Option<Lang>,
) -> Result<Option<DateValue>, DateError> {
    match typed {
        Some(Typed::DateTime(dt)) => {
            let d = dt.date();
            day(d.year(), d.month(), d.day(), text).map(Some)
        }
        Some(Typed::Number(x)) if x.fract() == 0.0 && (1000.0..=2100.0).contains(&x) => {
            year(x as i32, text).map(Some)
        }
        _ => parse(text, lang),
    }
}

fn calendar_of(d: NaiveDate) -> Calendar {
    if d < NaiveDate::from_ymd_opt(1918, 2, 14).unwrap_or_default() {
        Calendar::Unknown
    } else {
        Calendar::Gregorian
    }
}

fn year(y: i32, text: &str) -> Result<DateValue, DateError> {
    let first =
        NaiveDate::from_ymd_opt(y, 1, 1).ok_or_else(|| DateError::NoSuchDay(text.into()))?;
    let last =
        NaiveDate::from_ymd_opt(y, 12, 31).ok_or_else(|| DateError::NoSuchDay(text.into()))?;
    Ok(DateValue {
        earliest: first,
        latest: last,
        precision: Precision::Year,
        calendar: calendar_of(last),
        qualifier: Qualifier::Exact,
        edtf: format!("{y:04}"),
    })
}

fn day(y: i32, m: u32, d: u32, text: &str) -> Result<DateValue, DateError> {
    let date = NaiveDate::from_ymd_opt(y, m, d).ok_or_else(|| DateError::NoSuchDay(text.into()))?;
    Ok(DateValue {
        earliest: date,
        latest: date,
        precision: Precision::Day,
        calendar: calendar_of(date),
        qualifier: Qualifier::Exact,
        edtf: date.format("%Y-%m-%d").to_string(),
    })
}
