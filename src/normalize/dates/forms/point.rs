//! One date point: the numbers, month names and Roman months of a text, read by their order.
//!
//! The order of the parts is reduced to a signature (`Y` four-digit year, `n` one- or two-digit
//! number, `w` month name, `r` Roman month, `x` EDTF decade) and matched against the forms below.
//! Eight digits are a day written `YYYYMMDD` and count as `Ynn`. Separators (`.`, `/`, `-`, `,`)
//! and filler words carry no meaning inside one point.
//!
//! A day or month written as zero (`00.05.1938`, `1938-00-00`, `19380500`) is a part left
//! unknown: `00.05.1938` is May 1938 and `00.00.1938` the year 1938. Only the trailing parts may
//! be unknown; a known day in a zero month (`15.00.1938`) is an error.

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

/// A season, numbered as EDTF level 1 numbers it (21 spring, 22 summer, 23 autumn, 24 winter).
///
/// The months are the meteorological seasons of the northern hemisphere: spring March–May,
/// summer June–August, autumn September–November, and the winter *of* a year the December before
/// it with its January and February (`зимой 1938` is 1937-12-01..1938-02-28).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Season(u8);

impl Season {
    /// The season of an EDTF season number (21–24).
    pub fn from_code(code: u8) -> Option<Season> {
        (21..=24).contains(&code).then_some(Season(code))
    }

    /// The EDTF season number (21–24).
    pub fn code(self) -> u8 {
        self.0
    }

    /// The first month, with its year as an offset from the season's year (-1 for winter), and
    /// the last month of the season, in the season's year.
    pub fn months(self) -> ((i32, u32), u32) {
        match self.0 {
            21 => ((0, 3), 5),
            22 => ((0, 6), 8),
            23 => ((0, 9), 11),
            _ => ((-1, 12), 2),
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
    /// A season of a year.
    Season(i32, Season),
}

impl Point {
    /// How precisely the point is known.
    pub fn precision(self) -> Precision {
        match self {
            Point::Day(..) => Precision::Day,
            Point::Month(..) => Precision::Month,
            Point::Year(_) => Precision::Year,
            Point::Decade(_) => Precision::Decade,
            Point::Years(..) | Point::Months(..) | Point::Season(..) => Precision::Range,
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
    /// A season of the year.
    pub season: Option<Season>,
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
            Cls::Num(v, 8) => {
                let (y, m, d) = super::super::compact::split(v);
                push(&mut sig, &mut vals, &mut n, text, [(b'Y', y), (b'n', m)])?;
                (b'n', d)
            }
            Cls::Num(_, 6) => return Err(DateError::unreadable(text, SIX_DIGITS)),
            Cls::Num(..) => return Err(DateError::unreadable(text, "a year needs four digits")),
            Cls::Month(m) => (b'w', u32::from(m)),
            Cls::Roman(v) => (b'r', v),
            Cls::DecadeX(y) => {
                f.decade = true;
                (b'Y', y)
            }
            Cls::Season(code) => {
                f.season = Season::from_code(code);
                continue;
            }
            Cls::Role(role) => {
                mark(&mut f, role);
                continue;
            }
            Cls::Sym(_) => continue,
        };
        push(&mut sig, &mut vals, &mut n, text, [(code, val)])?;
    }
    if n > 0 || f.season.is_none() {
        assign(&mut f, &sig[..n], &vals, text)?;
    }
    if f.lone.is_some() {
        f.lone = Some((vals[0], lone_digits));
    }
    unknown_parts(&mut f)?;
    check_ranges(&f)?;
    Ok(f)
}

/// Why six digits are not read: `193805` (YYYYMM) and `150538` (DDMMYY) look alike.
const SIX_DIGITS: &str = "six digits are not read, since YYYYMM and DDMMYY look alike: \
                          write the month as 1938-05 or 05.1938";

/// Appends parts to the signature.
fn push<const N: usize>(
    sig: &mut [u8; 6],
    vals: &mut [u32; 6],
    n: &mut usize,
    text: &str,
    parts: [(u8, u32); N],
) -> Result<(), DateError> {
    for (code, val) in parts {
        if *n == sig.len() {
            return Err(DateError::unreadable(text, "too many numbers for one date"));
        }
        sig[*n] = code;
        vals[*n] = val;
        *n += 1;
    }
    Ok(())
}

/// Reads a day or month written as zero as unknown: `00.05.1938` is May 1938, `00.00.1938` the
/// year. A known day in a zero month, or a lone zero, is an error.
fn unknown_parts(f: &mut Fields) -> Result<(), DateError> {
    if f.lone.is_some() {
        return if f.day == Some(0) {
            Err(DateError::ZeroPart)
        } else {
            Ok(())
        };
    }
    if f.day == Some(0) {
        f.day = None;
    }
    if f.month == Some(0) {
        if f.day.is_some() {
            return Err(DateError::ZeroPart);
        }
        f.month = None;
    }
    Ok(())
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
    if let Some(season) = f.season {
        if !whole_year || f.decade || f.part.is_some() {
            return Err(DateError::unreadable(
                text,
                "a season is read with a year only, without a month, day or part",
            ));
        }
        return Ok(Point::Season(y, season));
    }
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
