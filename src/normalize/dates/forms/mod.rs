//! The shape of a whole date text: one point, a range of two points, or one day given in both
//! styles.
//!
//! - A range is split at `по`/`to`, at a long dash (`1937–1938`), at a hyphen with spaces on
//!   both sides, or at a hyphen between two month names (`март-апрель 1938`); its left end may
//!   leave out what the right end says (`10–15 мая 1937`, `лето–осень 1937`), and a right end
//!   with a month but no year takes the left end's year (`1937-yil mart-aprel`). A bare
//!   hyphen or slash splits only when both sides hold a four-digit year (`1937-1938`,
//!   `25.12.1890-03.01.1891`, EDTF `1937/1938`), or, for a slash, a two-digit year end
//!   (`1937/38`), so `1890-12-25` stays one day. `1937-38` is read as ISO `YYYY-MM` and fails as
//!   month 38: the hyphen form is refused rather than guessed.
//! - A day in both styles is `13 (25) декабря 1890`, `31 декабря 1890 (12 января 1891)` or
//!   `13/25.12.1890`; either side may be the Old Style one, and the two must name the same day
//!   (the New Style day is the Old Style one plus 12 days in the 19th century, 13 in 1900–2099;
//!   otherwise the error names both days). A year written once for both days of
//!   `19 декабря (1 января) 1917` belongs to the January day, the December one being in the year
//!   before.
//!   Two full days joined by a slash (`13.12.1890/25.12.1890`) are read the same way when the
//!   second is the first converted, and as a range otherwise.

pub mod point;

use super::classify::{CItem, Cls, Tokens};
use super::error::DateError;
use super::julian::julian_to_gregorian;
use super::lex::Sym;
use super::words::Role;
use chrono::{Datelike, NaiveDate};
use point::{Fields, Point, complete, fields, short_year_end};

/// The shape of a date text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expr {
    /// One point.
    Single(Point),
    /// A range between two points.
    Range(Point, Point),
    /// One day written in both styles: the Gregorian day.
    Dual(NaiveDate),
}

/// Reads the shape of a classified text.
pub fn read(items: &[CItem], text: &str) -> Result<Expr, DateError> {
    if has_double_dot(items) {
        return Err(DateError::unreadable(
            text,
            "an open interval has no first or last day",
        ));
    }
    if has_dangling_dash(items) {
        return Err(DateError::unreadable(text, "a range with one end only"));
    }
    if let Some(expr) = dual_in_parentheses(items, text)? {
        return Ok(expr);
    }
    if let Some(expr) = dual_with_slash(items, text)? {
        return Ok(expr);
    }
    if let Some(at) = strong_split(items) {
        return range(&items[..at], &items[at + 1..], true, text);
    }
    if items
        .iter()
        .any(|i| matches!(i.cls, Cls::Role(Role::RangeFrom | Role::RangeTo)))
    {
        return Err(DateError::unreadable(text, "a range with one end only"));
    }
    let mut first_error = None;
    for at in weak_splits(items) {
        match range(&items[..at], &items[at + 1..], false, text) {
            Ok(expr) => return Ok(two_days_with_slash(expr, items[at].cls)),
            Err(e) => {
                first_error.get_or_insert(e);
            }
        }
    }
    match (single(items, text), first_error) {
        (Ok(expr), _) => Ok(expr),
        (Err(_), Some(e)) => Err(e),
        (Err(e), None) => Err(e),
    }
}

/// `..1941` and `1941..`: EDTF open intervals, which have no first or last day.
fn has_double_dot(items: &[CItem]) -> bool {
    let dot = Cls::Sym(Sym::Dot);
    items
        .windows(2)
        .any(|w| w[0].cls == dot && w[1].cls == dot && !w[1].space_before)
}

/// `1937-`, `–1941`: a dash with nothing of the date on one side. A date part, or a word
/// such as `mid` or the decade ending `е`, counts; fillers and signs do not.
fn has_dangling_dash(items: &[CItem]) -> bool {
    let counts = |i: &CItem| match i.cls {
        Cls::Role(r) => !matches!(r, Role::Filler | Role::Approximate | Role::Uncertain),
        c => is_date_part(c),
    };
    items.iter().enumerate().any(|(k, i)| {
        matches!(i.cls, Cls::Sym(Sym::Hyphen | Sym::LongDash))
            && !joins_word(i, items.get(k + 1))
            && (!items[..k].iter().any(counts) || !items[k + 1..].iter().any(counts))
    })
}

/// A hyphen glued to the word after it joins a suffix (`1890-yil`, `27-avgust`).
fn joins_word(dash: &CItem, next: Option<&CItem>) -> bool {
    dash.cls == Cls::Sym(Sym::Hyphen)
        && !dash.space_before
        && next.is_some_and(|n| !n.space_before && matches!(n.cls, Cls::Role(_) | Cls::Month(_)))
}

fn single(items: &[CItem], text: &str) -> Result<Expr, DateError> {
    let f = fields(items, text)?;
    complete(f, None, text).map(Expr::Single)
}

fn range(left: &[CItem], right: &[CItem], strong: bool, text: &str) -> Result<Expr, DateError> {
    let right_f = fields(right, text)?;
    let left_f = fields(left, text)?;
    let left_p = complete(left_f, strong.then_some(&right_f), text)?;
    let right_f: Fields = short_year_end(&left_p, &right_f).unwrap_or(right_f);
    let month_without_year = right_f.month.is_some() && right_f.year.is_none();
    let right_p = complete(
        right_f,
        (strong && month_without_year).then_some(&left_f),
        text,
    )?;
    Ok(Expr::Range(left_p, right_p))
}

/// The first strong range separator: `по`/`to`, a long dash, a spaced hyphen, or a hyphen
/// after a lone day before a named month (`10-15 мая 1937`).
fn strong_split(items: &[CItem]) -> Option<usize> {
    items
        .iter()
        .enumerate()
        .position(|(i, item)| match item.cls {
            Cls::Role(Role::RangeTo) | Cls::Sym(Sym::LongDash) => i > 0,
            Cls::Sym(Sym::Hyphen) => {
                let spaced = item.space_before && items.get(i + 1).is_some_and(|n| n.space_before);
                i > 0
                    && (spaced
                        || between_names(&items[..i], &items[i + 1..])
                        || day_before_named_month(&items[..i], &items[i + 1..]))
            }
            _ => false,
        })
}

/// `март-апрель`, `дек.-янв.`, `III-IV`, `лето-осень`: a hyphen between two month or season
/// names (abbreviation dots aside).
fn between_names(left: &[CItem], right: &[CItem]) -> bool {
    let named = |i: Option<&CItem>| {
        i.is_some_and(|i| matches!(i.cls, Cls::Month(_) | Cls::Roman(_) | Cls::Season(_)))
    };
    let before = left.iter().rev().find(|i| i.cls != Cls::Sym(Sym::Dot));
    named(before) && named(right.first())
}

fn day_before_named_month(left: &[CItem], right: &[CItem]) -> bool {
    let mut parts = left.iter().filter(|i| is_date_part(i.cls));
    let lone_day = matches!(
        (parts.next().map(|i| i.cls), parts.next()),
        (Some(Cls::Num(_, 1 | 2)), None)
    );
    let day_follows = matches!(right.first().map(|i| i.cls), Some(Cls::Num(_, 1 | 2)));
    lone_day
        && day_follows
        && has_year(right)
        && right.iter().any(|i| matches!(i.cls, Cls::Month(_)))
}

/// Bare hyphens and slashes with a year on both sides (or a two-digit year after a slash).
fn weak_splits(items: &[CItem]) -> impl Iterator<Item = usize> + '_ {
    items.iter().enumerate().filter_map(|(i, item)| {
        let slash = item.cls == Cls::Sym(Sym::Slash);
        let sep = slash || item.cls == Cls::Sym(Sym::Hyphen);
        let (left, right) = (&items[..i], &items[i + 1..]);
        let ok = sep && has_year(left) && (has_year(right) || slash && is_short_year(right));
        ok.then_some(i)
    })
}

fn has_year(items: &[CItem]) -> bool {
    items
        .iter()
        .any(|i| matches!(i.cls, Cls::Num(_, 4 | 8) | Cls::DecadeX(_)))
}

fn is_short_year(items: &[CItem]) -> bool {
    let mut parts = items
        .iter()
        .filter(|i| !matches!(i.cls, Cls::Sym(_) | Cls::Role(_)));
    matches!(
        (parts.next().map(|i| i.cls), parts.next()),
        (Some(Cls::Num(_, 2)), None)
    )
}

/// `13.12.1890/25.12.1890`: two days joined by a slash, the second the first in New Style.
fn two_days_with_slash(expr: Expr, sep: Cls) -> Expr {
    match expr {
        Expr::Range(Point::Day(ay, am, ad), Point::Day(by, bm, bd))
            if sep == Cls::Sym(Sym::Slash) =>
        {
            dual_day((ay, am, ad), (by, bm, bd), false).map_or(expr, Expr::Dual)
        }
        _ => expr,
    }
}

/// `13 (25) декабря 1890` and `31 декабря 1890 (12 января 1891)`.
fn dual_in_parentheses(items: &[CItem], text: &str) -> Result<Option<Expr>, DateError> {
    let Some(open) = items.iter().position(|i| i.cls == Cls::Sym(Sym::Open)) else {
        return Ok(None);
    };
    let Some(len) = items[open..]
        .iter()
        .position(|i| i.cls == Cls::Sym(Sym::Close))
    else {
        return Err(DateError::unreadable(text, "an unclosed parenthesis"));
    };
    let close = open + len;
    let inside = &items[open + 1..close];
    let after = &items[close + 1..];
    let outside_has_date = items[..open]
        .iter()
        .chain(after)
        .any(|i| is_date_part(i.cls));
    if !inside.iter().any(|i| is_date_part(i.cls)) || !outside_has_date {
        return Ok(None);
    }
    let mut first = Tokens::new();
    first.extend(&items[..open]);
    first.extend(after);
    let mut second = Tokens::new();
    second.extend(inside);
    second.extend(after);
    let (a, b) = (
        both_day(first.as_slice(), text)?,
        both_day(second.as_slice(), text)?,
    );
    let shared_year = !has_year(&items[..open]) && !has_year(inside);
    dual_day(a, b, shared_year).map(|d| Some(Expr::Dual(d)))
}

fn both_day(items: &[CItem], text: &str) -> Result<Ymd, DateError> {
    match single(items, text)? {
        Expr::Single(Point::Day(y, m, d)) => Ok((y, m, d)),
        _ => Err(DateError::unreadable(
            text,
            "a date in both styles must give a full day in each",
        )),
    }
}

/// `13/25.12.1890` and `13/25 декабря 1890`: two days before one month and year.
fn dual_with_slash(items: &[CItem], text: &str) -> Result<Option<Expr>, DateError> {
    let Some(first_num) = items.iter().position(|i| is_date_part(i.cls)) else {
        return Ok(None);
    };
    let small = |i: usize| matches!(items.get(i).map(|x| x.cls), Some(Cls::Num(_, 1 | 2)));
    let slash = items.get(first_num + 1).map(|x| x.cls) == Some(Cls::Sym(Sym::Slash));
    if !(small(first_num) && slash && small(first_num + 2)) {
        return Ok(None);
    }
    let mut second = Tokens::new();
    second.extend(&items[..first_num]);
    second.extend(&items[first_num + 2..]);
    let Ok(Expr::Single(Point::Day(by, bm, bd))) = single(second.as_slice(), text) else {
        return Ok(None);
    };
    let mut first = Tokens::new();
    first.extend(&items[..=first_num]);
    first.extend(&items[first_num + 3..]);
    let a = both_day(first.as_slice(), text)?;
    dual_day(a, (by, bm, bd), true).map(|d| Some(Expr::Dual(d)))
}

fn is_date_part(cls: Cls) -> bool {
    matches!(
        cls,
        Cls::Num(..) | Cls::Month(_) | Cls::Season(_) | Cls::Roman(_) | Cls::DecadeX(_)
    )
}

/// A day as year, month and day.
type Ymd = (i32, u32, u32);

/// The Gregorian day of a pair of days in both styles, in either order. With `shared_year`
/// (one year written for both), a December day paired with a January day lies in the year before.
fn dual_day(a: Ymd, b: Ymd, shared_year: bool) -> Result<NaiveDate, DateError> {
    let (mut a, mut b) = (a, b);
    if shared_year && a.0 == b.0 {
        match (a.1, b.1) {
            (12, 1) => a.0 -= 1,
            (1, 12) => b.0 -= 1,
            _ => {}
        }
    }
    same_day(a, b)
        .or_else(|| same_day(b, a))
        .ok_or_else(|| mismatch(a, b))
}

/// The Gregorian day `new` when it is the Julian day `old` converted.
fn same_day(old: Ymd, new: Ymd) -> Option<NaiveDate> {
    let new = NaiveDate::from_ymd_opt(new.0, new.1, new.2)?;
    (julian_to_gregorian(old.0, old.1, old.2)? == new).then_some(new)
}

/// The error for two days that are not one day in both styles, reading the first as Old Style.
fn mismatch(first: Ymd, second: Ymd) -> DateError {
    let show = |(y, m, d): Ymd| format!("{d:02}.{m:02}.{y}");
    let expected = julian_to_gregorian(first.0, first.1, first.2).map_or_else(
        || "no day".to_string(),
        |g| show((g.year(), g.month(), g.day())),
    );
    DateError::DualMismatch {
        first: show(first),
        second: show(second),
        expected,
        offset: julian_offset(first.0, first.1),
    }
}

/// The days by which the Gregorian calendar runs ahead of the Julian one in a Julian month:
/// it grows by one after February of each century year not divisible by 400.
fn julian_offset(year: i32, month: u32) -> i64 {
    let y = i64::from(if month <= 2 { year - 1 } else { year });
    y.div_euclid(100) - y.div_euclid(400) - 2
}
