//! The Julian (Old Style) calendar and its conversion to the proleptic Gregorian calendar.
//!
//! Russia kept the Julian calendar until Julian 1918-01-31, which was followed by Gregorian
//! 1918-02-14 (decree of the Council of People's Commissars of 24 January 1918). Between the two
//! calendars the difference is +12 days for Julian dates up to 1900-02-28 and +13 days from Julian
//! 1900-02-29 (a leap day only in the Julian calendar) until 2100-02-28. The conversion here goes
//! through the Julian Day Number, so it is exact for every date, not only near the switch.

use chrono::{Datelike, NaiveDate};

/// The first Gregorian day of the Gregorian calendar in Russia (after Julian 1918-01-31).
pub const SWITCH: NaiveDate = match NaiveDate::from_ymd_opt(1918, 2, 14) {
    Some(d) => d,
    None => NaiveDate::MIN,
};

/// Days from the Julian Day Number epoch to chrono's day 0 (0000-12-31 proleptic Gregorian).
const JDN_OF_CE_DAY_ZERO: i64 = 1_721_425;

/// Whether `year` is a leap year in the Julian calendar (every fourth year).
pub fn is_julian_leap(year: i32) -> bool {
    year.rem_euclid(4) == 0
}

/// The number of days of `month` (1–12) in `year` of the Julian calendar; 0 for a bad month.
pub fn julian_month_days(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_julian_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

/// The number of days of `month` (1–12) in `year` of the Gregorian calendar; 0 for a bad month.
pub fn gregorian_month_days(year: i32, month: u32) -> u32 {
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    match month {
        2 if leap => 29,
        2 => 28,
        m => julian_month_days(year, m),
    }
}

/// Converts a Julian (Old Style) date to the proleptic Gregorian calendar.
///
/// Returns `None` when the day does not exist in the Julian calendar or lies outside the years
/// 1–9999. `julian_to_gregorian(1900, 2, 29)` is 1900-03-13; `julian_to_gregorian(1918, 1, 31)` is
/// 1918-02-13, the eve of the switch.
pub fn julian_to_gregorian(year: i32, month: u32, day: u32) -> Option<NaiveDate> {
    if !(1..=9999).contains(&year) || day == 0 || day > julian_month_days(year, month) {
        return None;
    }
    let a = i64::from((14 - month) / 12);
    let y = i64::from(year) + 4800 - a;
    let m = i64::from(month) + 12 * a - 3;
    let jdn = i64::from(day) + (153 * m + 2) / 5 + 365 * y + y / 4 - 32083;
    let days = i32::try_from(jdn - JDN_OF_CE_DAY_ZERO).ok()?;
    NaiveDate::from_num_days_from_ce_opt(days)
}

/// Converts a proleptic Gregorian date to the Julian calendar, as `(year, month, day)`.
pub fn gregorian_to_julian(date: NaiveDate) -> (i32, u32, u32) {
    let jdn = i64::from(date.num_days_from_ce()) + JDN_OF_CE_DAY_ZERO;
    let c = jdn + 32082;
    let d = (4 * c + 3) / 1461;
    let e = c - 1461 * d / 4;
    let m = (5 * e + 2) / 153;
    let day = e - (153 * m + 2) / 5 + 1;
    let month = m + 3 - 12 * (m / 10);
    let year = d - 4800 + m / 10;
    // The three parts are small by construction: a day, a month and a year of chrono's range.
    (year as i32, month as u32, day as u32)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn g(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("valid test date")
    }

    #[test]
    fn conversion_edges() {
        let cases = [
            ((1582, 10, 4), g(1582, 10, 14)),
            ((1700, 2, 18), g(1700, 2, 28)),
            ((1800, 3, 1), g(1800, 3, 13)),
            ((1890, 12, 13), g(1890, 12, 25)),
            ((1899, 12, 31), g(1900, 1, 12)),
            ((1900, 2, 28), g(1900, 3, 12)),
            ((1900, 2, 29), g(1900, 3, 13)),
            ((1900, 3, 1), g(1900, 3, 14)),
            ((1917, 10, 25), g(1917, 11, 7)),
            ((1918, 1, 31), g(1918, 2, 13)),
            ((1918, 2, 1), g(1918, 2, 14)),
            ((1941, 12, 14), g(1941, 12, 27)),
            ((2100, 2, 28), g(2100, 3, 13)),
            ((2100, 2, 29), g(2100, 3, 14)),
        ];
        for ((y, m, d), want) in cases {
            assert_eq!(julian_to_gregorian(y, m, d), Some(want), "{y}-{m}-{d}");
            assert_eq!(gregorian_to_julian(want), (y, m, d), "{want}");
        }
    }

    #[test]
    fn switch_is_day_after_last_julian_day() {
        let last_julian = julian_to_gregorian(1918, 1, 31).expect("valid");
        assert_eq!(last_julian.succ_opt(), Some(SWITCH));
    }

    #[test]
    fn invalid_julian_days() {
        assert_eq!(julian_to_gregorian(1901, 2, 29), None);
        assert_eq!(julian_to_gregorian(1890, 4, 31), None);
        assert_eq!(julian_to_gregorian(1890, 13, 1), None);
        assert_eq!(julian_to_gregorian(1890, 0, 1), None);
        assert_eq!(julian_to_gregorian(1890, 1, 0), None);
        assert_eq!(julian_to_gregorian(0, 1, 1), None);
    }

    #[test]
    fn month_lengths() {
        assert_eq!(julian_month_days(1900, 2), 29);
        assert_eq!(gregorian_month_days(1900, 2), 28);
        assert_eq!(gregorian_month_days(2000, 2), 29);
        assert_eq!(gregorian_month_days(1937, 2), 28);
        assert_eq!(gregorian_month_days(1937, 11), 30);
    }
}
