//! Spreadsheet cells of date columns: real date cells, year numbers and Excel serial numbers.
//!
//! A number cell is read by this rule:
//! - a whole number 1000–2100 is a **year** (`1937` → 1937-01-01..1937-12-31);
//! - a number 2101–73415 is an **Excel serial day** (1900 date system, as calamine reports a
//!   General-format cell): 2101 is 1905-10-01 and 73415 is 2100-12-31; a fraction (the time of
//!   day) is dropped;
//! - a whole number 10000101–21001231 is a **day written `YYYYMMDD`** (`19151111` is 1915-11-11),
//!   read as the text of its digits (see the `compact` module): eight digits that are no day are
//!   an error, never a serial or a year;
//! - anything else is an error.
//!
//! The three ranges do not meet: years have four digits, serials at most five, and `YYYYMMDD`
//! eight.
//!
//! A real date cell is the day it shows, when its year lies in 1000–2100; any other is an error
//! and the cell keeps its serial number as raw text.
//!
//! Why: the serials 1000–2100 stand for days from 1902-09-26 to 1905-09-30, and the very same
//! numbers are the years archives write in number cells. A year cell is by far the more common
//! of the two in lists of birth and arrest years, so those numbers are read as years, and a day
//! in that window stored as a bare serial cannot be told apart; such cells must be formatted as
//! dates in the source. Serials below 1000 (1900-01-01..1902-09-25) are small counts far more
//! often than dates and are refused rather than guessed.

use super::compact;
use super::error::DateError;
use super::julian::SWITCH;
use crate::model::{Calendar, DateValue, Precision, Qualifier};
use chrono::{Datelike, NaiveDate};

/// The first number read as an Excel serial day (1905-10-01).
pub const FIRST_SERIAL: f64 = 2101.0;
/// The last number read as an Excel serial day (2100-12-31).
pub const LAST_SERIAL: f64 = 73415.0;

/// Reads a number cell as a year or an Excel serial day.
pub fn number(x: f64) -> Result<DateValue, DateError> {
    let whole = x.fract() == 0.0;
    if whole && (1000.0..=2100.0).contains(&x) {
        return year(x as i32).ok_or_else(|| bad(x));
    }
    if (FIRST_SERIAL..LAST_SERIAL + 1.0).contains(&x) {
        return serial(x.floor() as i64).map(day).ok_or_else(|| bad(x));
    }
    let compact = f64::from(compact::FIRST)..=f64::from(compact::LAST);
    if whole && compact.contains(&x) {
        return super::parse(&format!("{x:.0}"), None)?.ok_or_else(|| bad(x));
    }
    Err(bad(x))
}

/// The years a date cell may fall in: the years an archival record can carry, as for dates
/// written as text.
pub const CELL_YEARS: std::ops::RangeInclusive<i32> = 1000..=2100;

/// Reads a real date cell as the day it shows; a day outside [`CELL_YEARS`] (a serial such as
/// 2958466, year 10000, or a negative one) is an error, never a date out of range.
pub fn date(d: NaiveDate) -> Result<DateValue, DateError> {
    if !CELL_YEARS.contains(&d.year()) {
        return Err(DateError::YearOutOfRange(i64::from(d.year())));
    }
    Ok(day(d))
}

fn bad(x: f64) -> DateError {
    DateError::BadCellNumber(x.to_string())
}

/// The day of an Excel serial number (1900 date system, serial 61 and above).
fn serial(n: i64) -> Option<NaiveDate> {
    let base = NaiveDate::from_ymd_opt(1899, 12, 30)?;
    base.checked_add_days(chrono::Days::new(u64::try_from(n).ok()?))
}

fn calendar_of(first: NaiveDate) -> Calendar {
    if first < SWITCH {
        Calendar::Unknown
    } else {
        Calendar::Gregorian
    }
}

fn day(d: NaiveDate) -> DateValue {
    DateValue {
        earliest: d,
        latest: d,
        precision: Precision::Day,
        calendar: calendar_of(d),
        qualifier: Qualifier::Exact,
        edtf: compact_str::format_compact!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day()),
    }
}

fn year(y: i32) -> Option<DateValue> {
    let first = NaiveDate::from_ymd_opt(y, 1, 1)?;
    Some(DateValue {
        earliest: first,
        latest: NaiveDate::from_ymd_opt(y, 12, 31)?,
        precision: Precision::Year,
        calendar: calendar_of(first),
        qualifier: Qualifier::Exact,
        edtf: compact_str::format_compact!("{y:04}"),
    })
}
