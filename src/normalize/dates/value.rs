//! From a read date shape and its marks to a [`DateValue`]: calendar, interval, qualifier.
//!
//! - Marked Old Style (`ст. ст.`, `O.S.`): the written parts are Julian and are converted;
//!   calendar `julian`.
//! - Marked New Style (`н. ст.`, `N.S.`): Gregorian as written; calendar `gregorian`.
//! - Unmarked: kept as written. The calendar is `unknown` when the interval starts before
//!   1918-02-14 (Russia's switch) and `gregorian` otherwise. An unmarked day that exists only
//!   in the Julian calendar (`29.02.1900`) before the switch can only be Old Style, and is read
//!   as such.

use super::classify::{CItem, Cls};
use super::edtf;
use super::error::DateError;
use super::forms::Expr;
use super::forms::point::Point;
use super::julian::{SWITCH, gregorian_month_days, julian_month_days, julian_to_gregorian};
use super::lex::Sym;
use super::words::Role;
use crate::model::{Calendar, DateValue, Precision, Qualifier};
use chrono::NaiveDate;

/// The marks of a whole date text: qualifiers and style.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Marks {
    /// `около`, `c.`, `~`.
    pub approximate: bool,
    /// `?`, `вероятно`.
    pub uncertain: bool,
    /// Old Style.
    pub old_style: bool,
    /// New Style.
    pub new_style: bool,
}

impl Marks {
    /// Collects the marks of a classified text.
    pub fn of(items: &[CItem]) -> Marks {
        let mut m = Marks::default();
        for item in items {
            match item.cls {
                Cls::Role(Role::Approximate) | Cls::Sym(Sym::Tilde) => m.approximate = true,
                Cls::Role(Role::Uncertain) | Cls::Sym(Sym::Question) => m.uncertain = true,
                Cls::Sym(Sym::Percent) => {
                    m.approximate = true;
                    m.uncertain = true;
                }
                Cls::Role(Role::OldStyle) => m.old_style = true,
                Cls::Role(Role::NewStyle) => m.new_style = true,
                _ => {}
            }
        }
        m
    }

    /// The qualifier these marks give.
    pub fn qualifier(self) -> Qualifier {
        match (self.approximate, self.uncertain) {
            (false, false) => Qualifier::Exact,
            (true, false) => Qualifier::Approximate,
            (false, true) => Qualifier::Uncertain,
            (true, true) => Qualifier::ApproximateUncertain,
        }
    }
}

/// Builds the value of a read date.
pub fn build(expr: Expr, marks: Marks) -> Result<DateValue, DateError> {
    if marks.old_style && marks.new_style {
        return Err(DateError::ConflictingStyles);
    }
    let qualifier = marks.qualifier();
    if let Expr::Dual(day) = expr {
        let edtf = edtf::render(expr, Calendar::Julian, qualifier, day, day);
        return Ok(value(
            day,
            day,
            Precision::Day,
            Calendar::Julian,
            qualifier,
            edtf,
        ));
    }
    let (calendar, (earliest, latest)) = match interval(expr, marks.old_style) {
        Ok(iv) if marks.old_style => (Calendar::Julian, iv),
        Ok(iv) if marks.new_style || iv.0 >= SWITCH => (Calendar::Gregorian, iv),
        Ok(iv) => (Calendar::Unknown, iv),
        Err(e) if marks.new_style => return Err(e),
        Err(e) => match interval(expr, true) {
            Ok(iv) if iv.1 < SWITCH && !marks.old_style => (Calendar::Julian, iv),
            _ => return Err(e),
        },
    };
    let precision = match expr {
        Expr::Single(p) => p.precision(),
        _ => Precision::Range,
    };
    let edtf = edtf::render(expr, calendar, qualifier, earliest, latest);
    Ok(value(
        earliest, latest, precision, calendar, qualifier, edtf,
    ))
}

fn value(
    earliest: NaiveDate,
    latest: NaiveDate,
    precision: Precision,
    calendar: Calendar,
    qualifier: Qualifier,
    edtf: String,
) -> DateValue {
    DateValue {
        earliest,
        latest,
        precision,
        calendar,
        qualifier,
        edtf: edtf.into(),
    }
}

/// The Gregorian interval of a shape, reading its parts as Julian when `julian`.
fn interval(expr: Expr, julian: bool) -> Result<(NaiveDate, NaiveDate), DateError> {
    match expr {
        Expr::Single(p) => span(p, julian),
        Expr::Dual(d) => Ok((d, d)),
        Expr::Range(a, b) => {
            let (a_first, a_last) = span(a, julian)?;
            let (b_first, b_last) = span(b, julian)?;
            if b_first < a_first || b_last < a_last {
                return Err(DateError::ReversedRange);
            }
            Ok((a_first, b_last))
        }
    }
}

/// The first and last Gregorian day of a point.
pub fn span(p: Point, julian: bool) -> Result<(NaiveDate, NaiveDate), DateError> {
    let day = |y, m, d| day(y, m, d, julian);
    let last = |y, m| month_days(y, m, julian);
    Ok(match p {
        Point::Day(y, m, d) => {
            let d = day(y, m, d)?;
            (d, d)
        }
        Point::Month(y, m) => (day(y, m, 1)?, day(y, m, last(y, m))?),
        Point::Year(y) => (day(y, 1, 1)?, day(y, 12, 31)?),
        Point::Decade(y) => (day(y, 1, 1)?, day(y + 9, 12, 31)?),
        Point::Years(a, b) => (day(a, 1, 1)?, day(b, 12, 31)?),
        Point::Months(y, a, b) => (day(y, a, 1)?, day(y, b, last(y, b))?),
        Point::Season(y, season) => {
            let ((offset, first), end) = season.months();
            (day(y + offset, first, 1)?, day(y, end, last(y, end))?)
        }
    })
}

fn month_days(y: i32, m: u32, julian: bool) -> u32 {
    if julian {
        julian_month_days(y, m)
    } else {
        gregorian_month_days(y, m)
    }
}

fn day(y: i32, m: u32, d: u32, julian: bool) -> Result<NaiveDate, DateError> {
    let found = if julian {
        julian_to_gregorian(y, m, d)
    } else {
        NaiveDate::from_ymd_opt(y, m, d)
    };
    found.ok_or(DateError::NoSuchDay {
        day: d,
        month: m,
        year: y,
        calendar: if julian { "Julian" } else { "Gregorian" },
        last: month_days(y, m, julian),
    })
}
