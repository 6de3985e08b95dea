//! Extended Date/Time Format (Library of Congress EDTF, ISO 8601-2) strings of read dates.
//!
//! `1890`, `1890-12`, `1890-12-25`, `193X` (decade), `1937/1938` (interval); a qualifier is put
//! after every date it applies to: `1890~` (approximate), `1890?` (uncertain), `1890%` (both),
//! `1937~/1938~`. A part of a decade or year is an interval (`1920/1923`, `1937-09/1937-12`); a
//! season is its EDTF level 1 season (`1938-21` spring, `-22` summer, `-23` autumn, `-24`
//! winter).
//! EDTF is Gregorian: a converted Old Style date is written as its Gregorian day, or as the
//! interval of its Gregorian days when coarser than a day.

use super::forms::Expr;
use super::forms::point::Point;
use crate::model::{Calendar, Qualifier};
use chrono::{Datelike, NaiveDate};
use std::fmt::Write;

/// The EDTF string of a read date with its Gregorian interval.
pub fn render(
    expr: Expr,
    calendar: Calendar,
    qualifier: Qualifier,
    earliest: NaiveDate,
    latest: NaiveDate,
) -> String {
    let q = suffix(qualifier);
    let mut out = String::with_capacity(24);
    let as_days = calendar == Calendar::Julian || matches!(expr, Expr::Dual(_));
    if as_days {
        write_day(&mut out, earliest);
        out.push_str(q);
        if latest != earliest {
            out.push('/');
            write_day(&mut out, latest);
            out.push_str(q);
        }
        return out;
    }
    let (first, last) = match expr {
        Expr::Single(p) => (p, p),
        Expr::Range(a, b) => (a, b),
        Expr::Dual(_) => return out,
    };
    start_of(&mut out, first);
    out.push_str(q);
    let end_differs = !matches!(expr, Expr::Single(p) if !is_interval(p));
    if end_differs {
        out.push('/');
        end_of(&mut out, last);
        out.push_str(q);
    }
    out
}

/// The EDTF qualifier sign.
pub fn suffix(qualifier: Qualifier) -> &'static str {
    match qualifier {
        Qualifier::Exact => "",
        Qualifier::Approximate => "~",
        Qualifier::Uncertain => "?",
        Qualifier::ApproximateUncertain => "%",
    }
}

fn is_interval(p: Point) -> bool {
    matches!(p, Point::Years(..) | Point::Months(..))
}

fn start_of(out: &mut String, p: Point) {
    match p {
        Point::Years(a, _) => write_year(out, a),
        Point::Months(y, a, _) => write_month(out, y, a),
        p => write_point(out, p),
    }
}

fn end_of(out: &mut String, p: Point) {
    match p {
        Point::Years(_, b) => write_year(out, b),
        Point::Months(y, _, b) => write_month(out, y, b),
        p => write_point(out, p),
    }
}

fn write_point(out: &mut String, p: Point) {
    match p {
        Point::Day(y, m, d) => {
            let _ = write!(out, "{y:04}-{m:02}-{d:02}");
        }
        Point::Month(y, m) => write_month(out, y, m),
        Point::Year(y) | Point::Years(y, _) | Point::Months(y, ..) => write_year(out, y),
        Point::Decade(y) => {
            let _ = write!(out, "{:03}X", y / 10);
        }
        Point::Season(y, season) => {
            let _ = write!(out, "{y:04}-{}", season.code());
        }
    }
}

fn write_year(out: &mut String, y: i32) {
    let _ = write!(out, "{y:04}");
}

fn write_month(out: &mut String, y: i32, m: u32) {
    let _ = write!(out, "{y:04}-{m:02}");
}

fn write_day(out: &mut String, d: NaiveDate) {
    let _ = write!(out, "{:04}-{:02}-{:02}", d.year(), d.month(), d.day());
}
