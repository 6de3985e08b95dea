//! Spreadsheet cell values → cells with their text and typed value.

use crate::ingest::table::Cell;
use crate::model::Typed;
use calamine::{Data, DataRef, ExcelDateTime};
use chrono::Datelike;

/// The years a date cell is shown as a date; outside them the serial number is kept as written.
const SHOWN_YEARS: std::ops::RangeInclusive<i32> = 1000..=9999;

/// Serials further from the epoch than this many days are no date any calendar here can show.
const MAX_SERIAL_DAYS: f64 = 3_000_000.0;

/// The cell of a streamed value; `None` for an empty one.
pub fn from_ref(data: &DataRef) -> Option<Cell> {
    let cell = match data {
        DataRef::Empty => return None,
        DataRef::String(s) => Cell::text(s.clone()),
        DataRef::SharedString(s) => Cell::text(*s),
        DataRef::Int(i) => number(*i as f64),
        DataRef::Float(f) => number(*f),
        DataRef::Bool(b) => Cell::text(if *b { "TRUE" } else { "FALSE" }),
        DataRef::DateTime(dt) => date_time(dt),
        DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => Cell::text(s.clone()),
        DataRef::Error(e) => Cell::text(format!("#{e:?}")),
    };
    (!cell.text.is_empty()).then_some(cell)
}

/// The cell of a value of a legacy workbook's range; `None` for an empty one.
pub fn from_data(data: &Data) -> Option<Cell> {
    let cell = match data {
        Data::Empty => return None,
        Data::String(s) => Cell::text(s.clone()),
        Data::Int(i) => number(*i as f64),
        Data::Float(f) => number(*f),
        Data::Bool(b) => Cell::text(if *b { "TRUE" } else { "FALSE" }),
        Data::DateTime(dt) => date_time(dt),
        Data::DateTimeIso(s) | Data::DurationIso(s) => Cell::text(s.clone()),
        Data::Error(e) => Cell::text(format!("#{e:?}")),
    };
    (!cell.text.is_empty()).then_some(cell)
}

/// A date cell: the day it shows when its year is one a date can be written in, else its serial
/// number as stored (the date reader then says why it is no date). A negative serial is no day in
/// Excel's calendar and is read as the number it is.
fn date_time(dt: &ExcelDateTime) -> Cell {
    let serial = dt.as_f64();
    let shown = (0.0..MAX_SERIAL_DAYS)
        .contains(&serial)
        .then(|| dt.as_datetime())
        .flatten();
    match shown {
        Some(t) if SHOWN_YEARS.contains(&t.year()) => Cell {
            text: render_datetime(t),
            typed: Some(Typed::DateTime(t)),
        },
        Some(t) => Cell {
            text: number(serial).text,
            typed: Some(Typed::DateTime(t)),
        },
        None => number(serial),
    }
}

fn number(x: f64) -> Cell {
    let text = if x.fract() == 0.0 && x.abs() < 1e15 {
        format!("{}", x as i64)
    } else if x.abs() >= 1e15 {
        format!("{x:e}")
    } else {
        format!("{x}")
    };
    Cell {
        text,
        typed: Some(Typed::Number(x)),
    }
}

fn render_datetime(t: chrono::NaiveDateTime) -> String {
    if t.time() == chrono::NaiveTime::MIN {
        t.format("%Y-%m-%d").to_string()
    } else {
        t.format("%Y-%m-%d %H:%M:%S").to_string()
    }
}
