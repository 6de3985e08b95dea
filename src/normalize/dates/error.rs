//! Why a date could not be read: every reason is meant for an archivist's eyes.

use thiserror::Error;

/// Why a date could not be read. Invalid values are reported, never guessed.
#[derive(Debug, Clone, Error, PartialEq, Eq)]
pub enum DateError {
    /// The text is no date form that is understood.
    #[error("unreadable date {text:?}: {reason}")]
    Unreadable {
        /// The text as written.
        text: String,
        /// What is wrong with it.
        reason: &'static str,
    },
    /// A word that is neither a month name nor a known date word.
    #[error("unknown word {0:?} in a date")]
    UnknownWord(String),
    /// A word that names different months in different languages, and no language was given.
    #[error("{0:?} names different months in different languages; give the source language")]
    AmbiguousMonth(String),
    /// A word that names different seasons in different languages (Kazakh `жаз` is summer,
    /// Kyrgyz `жаз` spring), and no language was given.
    #[error("{0:?} names different seasons in different languages; give the source language")]
    AmbiguousSeason(String),
    /// The parts do not form a real day (`30.02.1937`).
    #[error(
        "no such day: {day:02}.{month:02}.{year} ({calendar} month {month} of {year} has {last} days)"
    )]
    NoSuchDay {
        /// The day as written.
        day: u32,
        /// The month as written.
        month: u32,
        /// The year as written.
        year: i32,
        /// The calendar the day was checked in.
        calendar: &'static str,
        /// The last day of that month.
        last: u32,
    },
    /// A month number outside 1–12 (`31.XIII.1937`).
    #[error("month {0} is out of range 1–12")]
    MonthOutOfRange(u32),
    /// A day number outside 1–31.
    #[error("day {0} is out of range 1–31")]
    DayOutOfRange(u32),
    /// A known day whose month is written as zero (`15.00.1937`): a zero month stands for an
    /// unknown month, and a day of an unknown month is no date.
    #[error("a day in a month written as zero: the month is unknown, so the day cannot be placed")]
    ZeroPart,
    /// Eight digits that are no day written `YYYYMMDD` (`19151311`).
    #[error("{digits} is not a date written YYYYMMDD: {reason}")]
    BadCompact {
        /// The eight digits as written.
        digits: String,
        /// What is wrong with them as year, month and day.
        reason: String,
    },
    /// A year outside the range an archival record can carry.
    #[error("year {0} is outside 1000–2100")]
    YearOutOfRange(i64),
    /// A two-digit year, whose century cannot be known.
    #[error("two-digit year {0:02}: the century is unknown, write four digits")]
    TwoDigitYear(u32),
    /// A decade that does not start at a year ending in 0 (`1935-е`).
    #[error("a decade starts at a year ending in 0, not at {0}")]
    BadDecade(i32),
    /// A range whose end lies before its start (`1938-1937`).
    #[error("the range ends before it starts")]
    ReversedRange,
    /// A date given in both styles whose two days are not the same day (`13 (24) декабря 1890`):
    /// the New Style day must be the Old Style day plus the calendars' difference then.
    #[error(
        "the days {first} and {second} are not one day in both styles: \
         Old Style {first} is {expected} in New Style ({offset} days later)"
    )]
    DualMismatch {
        /// The day written first, as `DD.MM.YYYY`.
        first: String,
        /// The day written second, as `DD.MM.YYYY`.
        second: String,
        /// The New Style day of the first, as `DD.MM.YYYY`, or `no day` when the first is no
        /// Julian day.
        expected: String,
        /// The days between the calendars at the first day (12 or 13 for modern dates).
        offset: i64,
    },
    /// A date marked both Old Style and New Style.
    #[error("the date is marked both Old Style and New Style")]
    ConflictingStyles,
    /// The text is longer than the cap for one date and was not read; it is kept as written.
    #[error("not read as a date: {count} bytes, past the cap of {cap} bytes for one date")]
    TooLong {
        /// The length of the text, in bytes.
        count: usize,
        /// The cap, in bytes.
        cap: usize,
    },
    /// The text has more parts (numbers, words, signs) than the cap for one date and was not
    /// read; it is kept as written.
    #[error(
        "not read as a date: more than {cap} parts (numbers, words, signs), the cap for one date"
    )]
    TooManyParts {
        /// The cap, in parts.
        cap: usize,
    },
    /// A number cell that is neither a year nor a plausible Excel date serial.
    #[error(
        "number {0} is neither a year (1000–2100), an Excel date serial (2101–73415) nor a day \
         written YYYYMMDD (10000101–21001231)"
    )]
    BadCellNumber(String),
}

impl DateError {
    /// A [`DateError::Unreadable`] error for `text`, with the reason.
    pub fn unreadable(text: &str, reason: &'static str) -> Self {
        DateError::Unreadable {
            text: text.trim().to_string(),
            reason,
        }
    }
}
