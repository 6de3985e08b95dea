//! One date point: the numbers, month names and Roman months of a text, read by their order.
//!
//! The order of the parts is reduced to a signature (`Y` four-digit year, `n` one- or two-digit
//! number, `w` month name, `r` Roman month, `x` EDTF decade) and matched against the forms below.
//! Separators (`.`, `/`, `-`, `,`) and filler words carry no meaning inside one point.

use super::super::classify::{CItem, Cls};
use super::super::error::DateError;
use super::super::words::Role;
use crate::model::Precision;

/// A part of a year or decade (`нач.`, `сер.`, `кон.`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// The beginning.
    Early,
    /// The middle.
    Middle,
    /// The end.
    Late,
}

impl Part {
    /// The years of a decade this part covers, as offsets from its first year:
    /// early 0–3, middle 4–6, late 7–9.
    fn decade_years(self) -> (i32, i32) {
        match self {
            Part::Early => (0, 3),
            Part::Middle => (4, 6),
            Part::Late => (7, 9),
        }
    }

    /// The months of a year this part covers: early January–April, middle May–August, late
    /// September–December.
    fn year_months(self) -> (u32, u32) {
        match self {
            Part::Early => (1, 4),
            Part::Middle => (5, 8),
            Part::Late => (9, 12),
        }
    }
}

/// A complete date point as written, in the calendar it was written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Point {
    /// A day: year, month, day.
    Day(i32, u32, u32),
    /// A month of a year.
    Month(i32, u32),
    /// A year.
    Year(i32),
    /// A decade, by its first year.
    Decade(i32),
    /// A part of a decade: first and last year.
    Years(i32, i32),
    /// A part of a year: year, first and last month.
    Months(i32, u32, u32),
}

impl Point {
    /// How precisely the point is known.
    pub fn precision(self) -> Precision {
        match self {
            Point::Day(..) => Precision::Day,
            Point::Month(..) => Precision::Month,
            Point::Year(_) => Precision::Year,
            Point::Decade(_) => Precision::Decade,
            Point::Years(..) | Point::Months(..) => Precision::Range,
        }
    }
}

/// The parts found in one point, some possibly missing (the left end of `10–15 мая 1937`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Fields {
    /// The four-digit year.
    pub year: Option<i32>,
    /// The month.
    pub month: Option<u32>,
    /// The day.
    pub day: Option<u32>,
    /// A lone one- or two-digit number with its digit count: a day, or a short range end.
    pub lone: Option<(u32, u8)>,
    /// Marked as a decade (`1930-е`, `193X`).
    pub decade: bool,
    /// Marked as a part of a year or decade.
    pub part: Option<Part>,
}

/// Reads the fields of one point from its tokens.
pub fn fields(items: &[CItem], text: &str) -> Result<Fields, DateError> {
    let mut f = Fields::default();
    let mut sig = [0u8; 6];
    let mut vals = [0u32; 6];
    let mut lone_digits = 0u8;
    let mut n = 0;
    for item in items {
        let (code, val) = match item.cls {
            Cls::Num(v, 4) => (b'Y', v),
            Cls::Num(v, digits @ (1 | 2)) => {
                lone_digits = digits;
                (b'n', v)
            }
            Cls::Num(..) => return Err(DateError::unreadable(text, "a year needs four digits")),
            Cls::Month(m) => (b'w', u32::from(m)),
            Cls::Roman(v) => (b'r', v),
            Cls::DecadeX(y) => {
                f.decade = true;
                (b'Y', y)
            }
            Cls::Role(role) => {
                mark(&mut f, role);
                continue;
            }
            Cls::Sym(_) => continue,
        };
        if n == sig.len() {
            return Err(DateError::unreadable(text, "too many numbers for one date"));
        }
        sig[n] = code;
        vals[n] = val;
        n += 1;
    }
    assign(&mut f, &sig[..n], &vals, text)?;
    if f.lone.is_some() {
        f.lone = Some((vals[0], lone_digits));
    }
    check_ranges(&f)?;
    Ok(f)
}

fn mark(f: &mut Fields, role: Role) {
    match role {
        Role::Decade => f.decade = true,
        Role::Early => f.part = Some(Part::Early),
        Role::Middle => f.part = Some(Part::Middle),
        Role::Late => f.part = Some(Part::Late),
        _ => {}
    }
}

/// Fills the fields from the signature of the parts.
fn assign(f: &mut Fields, sig: &[u8], v: &[u32; 6], text: &str) -> Result<(), DateError> {
    let year = |x: u32| Some(x as i32);
    let (y, m, d) = match sig {
        b"Y" => (year(v[0]), None, None),
        b"nnY" | b"nrY" | b"nwY" => (year(v[2]), Some(v[1]), Some(v[0])),
        b"Ynn" | b"Ywn" => (year(v[0]), Some(v[1]), Some(v[2])),
        b"Ynw" => (year(v[0]), Some(v[2]), Some(v[1])),
        b"wnY" => (year(v[2]), Some(v[0]), Some(v[1])),
        b"nY" | b"rY" | b"wY" => (year(v[1]), Some(v[0]), None),
        b"Yn" | b"Yw" | b"Yr" => (year(v[0]), Some(v[1]), None),
        b"n" => {
            f.lone = Some((v[0], 0));
            (None, None, Some(v[0]))
        }
        b"nn" if v[1] > 12 => return Err(DateError::TwoDigitYear(v[1])),
        b"wn" if v[1] > 31 => return Err(DateError::TwoDigitYear(v[1])),
        b"rn" => return Err(DateError::TwoDigitYear(v[1])),
        b"nn" | b"nr" | b"nw" => (None, Some(v[1]), Some(v[0])),
        b"wn" => (None, Some(v[0]), Some(v[1])),
        b"w" | b"r" => (None, Some(v[0]), None),
        b"nnn" | b"nrn" | b"nwn" | b"wnn" => return Err(DateError::TwoDigitYear(v[2])),
        b"" => return Err(DateError::unreadable(text, "no day, month or year in it")),
        _ => {
            return Err(DateError::unreadable(
                text,
                "the parts are in no known order",
            ));
        }
    };
    f.year = y;
    f.month = m;
    f.day = d;
    Ok(())
}

fn check_ranges(f: &Fields) -> Result<(), DateError> {
    if f.day == Some(0) || f.month == Some(0) {
        return Err(DateError::ZeroPart);
    }
    if let Some(m) = f.month.filter(|m| *m > 12) {
        return Err(DateError::MonthOutOfRange(m));
    }
    if let Some(d) = f.day.filter(|d| *d > 31 && f.lone.is_none()) {
        return Err(DateError::DayOutOfRange(d));
    }
    match f.year {
        Some(y) if !(1000..=2100).contains(&y) => Err(DateError::YearOutOfRange(i64::from(y))),
        _ => Ok(()),
    }
}

/// Completes fields into a point, taking a missing year and month from `from` (the right end of
/// a range: `10–15 мая 1937`, `май–июнь 1937`).
pub fn complete(mut f: Fields, from: Option<&Fields>, text: &str) -> Result<Point, DateError> {
    if let Some(from) = from
        && f.year.is_none()
    {
        f.year = from.year;
        if f.month.is_none() && f.day.is_some() {
            f.month = from.month;
        }
    }
    let Some(y) = f.year else {
        return Err(match f.lone {
            Some((v, 2)) => DateError::TwoDigitYear(v),
            _ => DateError::unreadable(text, "no year in it"),
        });
    };
    if f.day.is_some() && f.month.is_none() {
        return Err(DateError::unreadable(text, "a day without a month"));
    }
    point(&f, y, text)
}

fn point(f: &Fields, y: i32, text: &str) -> Result<Point, DateError> {
    let whole_year = f.month.is_none() && f.day.is_none();
    if f.decade {
        if !whole_year {
            return Err(DateError::unreadable(text, "a decade with a month or day"));
        }
        if y % 10 != 0 {
            return Err(DateError::BadDecade(y));
        }
        return Ok(match f.part {
            Some(part) => {
                let (a, b) = part.decade_years();
                Point::Years(y + a, y + b)
            }
            None => Point::Decade(y),
        });
    }
    match (f.month, f.day, f.part) {
        (None, _, Some(part)) => {
            let (a, b) = part.year_months();
            Ok(Point::Months(y, a, b))
        }
        (Some(_), _, Some(_)) => Err(DateError::unreadable(
            text,
            "only parts of years and decades are read",
        )),
        (Some(m), Some(d), None) => Ok(Point::Day(y, m, d)),
        (Some(m), None, None) => Ok(Point::Month(y, m)),
        (None, _, None) => Ok(Point::Year(y)),
    }
}

/// Reads the right end of a short range (`1937–38`, `1937/38`): the two digits replace the last
/// two of the left end's year.
pub fn short_year_end(left: &Point, right: &Fields) -> Option<Fields> {
    let (Point::Year(y), Some((n, 2))) = (left, right.lone) else {
        return None;
    };
    Some(Fields {
        year: Some(y - y % 100 + n as i32),
        lone: None,
        day: None,
        ..*right
    })
}
