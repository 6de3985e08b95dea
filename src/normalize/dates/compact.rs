//! Days written as eight digits `YYYYMMDD` (ISO 8601 basic format), as person registers and
//! database exports store them (FEBRL's `date_of_birth`: `19151111` is 1915-11-11).
//!
//! The rule:
//! - eight digits are always year, month, day in that order; `00` stands for an unknown month or
//!   day as in the other numeric forms (`19380500` is May 1938, `19380000` the year 1938);
//! - eight digits that are no such day (`19151311`, `19370230`) are an error that says so. They
//!   are never read in another order: `DDMMYYYY` without separators is not a form this reader
//!   accepts (`11111915` fails as month 19, though it would be 11.11.1915 in that order), since
//!   the two orders cannot be told apart when both give a day (`20051012`);
//! - six digits are not read at all: `YYYYMM` (`193805`) and `DDMMYY` (`150538`) look alike.
//!
//! An eight-digit number cannot be mistaken for another form the reader accepts: years have four
//! digits, days and months one or two, and the Excel serials of number cells stop at 73415.

use super::classify::{CItem, Cls};
use super::error::DateError;

/// The smallest number a spreadsheet number cell may hold to be read as `YYYYMMDD`.
pub const FIRST: u32 = 10_000_101;
/// The largest number a spreadsheet number cell may hold to be read as `YYYYMMDD`.
pub const LAST: u32 = 21_001_231;

/// The year, month and day of eight digits.
pub fn split(v: u32) -> (u32, u32, u32) {
    (v / 10_000, v / 100 % 100, v % 100)
}

/// The eight-digit number of a text, when it holds one.
pub fn digits_in(items: &[CItem]) -> Option<u32> {
    items.iter().find_map(|i| match i.cls {
        Cls::Num(v, 8) => Some(v),
        _ => None,
    })
}

/// Restates an error about the parts of a `YYYYMMDD` day as an error about the eight digits.
pub fn restate(digits: u32, e: DateError) -> DateError {
    match e {
        DateError::NoSuchDay { .. }
        | DateError::MonthOutOfRange(_)
        | DateError::DayOutOfRange(_)
        | DateError::ZeroPart
        | DateError::YearOutOfRange(_) => DateError::BadCompact {
            digits: format!("{digits:08}"),
            reason: e.to_string(),
        },
        e => e,
    }
}
