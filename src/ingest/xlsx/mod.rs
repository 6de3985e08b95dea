//! Workbook sources (XLSX, and legacy XLS where readable): sheet and header detection, typed cells.

use super::headers::HeaderDictionary;
use super::table::{Cell, RecordBuilder, RowOutcome};
use crate::model::Typed;
use calamine::{Data, Range, Reader};
use std::io::Cursor;

/// The signature of an OLE compound file: a legacy .xls, or an encrypted (password-protected) .xlsx.
const CFB_MAGIC: [u8; 4] = [0xd0, 0xcf, 0x11, 0xe0];

/// Why a workbook could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum WorkbookError {
    /// The bytes are no readable workbook.
    #[error("{0}")]
    Unreadable(String),
    /// The configured sheet does not exist.
    #[error("no sheet named {wanted:?}; the workbook has {available:?}")]
    NoSuchSheet {
        /// The configured name.
        wanted: String,
        /// The sheets there are.
        available: Vec<String>,
    },
    /// No sheet has a row of known headers.
    #[error("no sheet has a recognisable header row in its first rows (sheets: {0:?})")]
    NoHeader(Vec<String>),
}

/// One sheet's cells, read whole (workbooks are zipped XML and are read at once).
pub struct Sheet {
    /// The sheet's name.
    pub name: String,
    /// Every sheet name in the workbook.
    pub all_names: Vec<String>,
    /// The rows, as cells with text and typed values.
    pub rows: Vec<Vec<Cell>>,
    /// The 1-based sheet row of `rows[0]`.
    pub first_row: u64,
    /// The 1-based sheet column of each row's first cell.
    pub first_col: usize,
}

/// Opens a workbook and picks the configured sheet, or the first one with a known header row.
pub fn read_sheet(
    bytes: Vec<u8>,
    wanted: Option<&str>,
    dict: &HeaderDictionary,
) -> Result<Sheet, WorkbookError> {
    let encrypted = bytes.starts_with(&CFB_MAGIC);
    let mut book = calamine::open_workbook_auto_from_rs(Cursor::new(bytes))
        .map_err(|e| unreadable(encrypted, &e.to_string()))?;
    let names = book.sheet_names();
    let candidates: Vec<String> = match wanted {
        Some(w) if names.iter().any(|n| n == w) => vec![w.to_string()],
        Some(w) => {
            return Err(WorkbookError::NoSuchSheet {
                wanted: w.to_string(),
                available: names,
            });
        }
        None => names.clone(),
    };
    for name in &candidates {
        let range = book
            .worksheet_range(name)
            .map_err(|e| unreadable(encrypted, &e.to_string()))?;
        let sheet = to_sheet(name, &names, &range);
        let head: Vec<Vec<String>> = sheet.rows.iter().take(30).map(|r| texts(r)).collect();
        if wanted.is_some() || dict.find_header_row(&head).is_some() {
            return Ok(sheet);
        }
    }
    Err(WorkbookError::NoHeader(names))
}

fn unreadable(encrypted: bool, message: &str) -> WorkbookError {
    if encrypted {
        WorkbookError::Unreadable(format!(
            "the workbook is password-protected (encrypted) or not an XLSX ({message}); \
             save an unprotected .xlsx copy"
        ))
    } else {
        WorkbookError::Unreadable(format!("corrupt or unreadable workbook: {message}"))
    }
}

fn to_sheet(name: &str, names: &[String], range: &Range<Data>) -> Sheet {
    let (row0, col0) = range.start().unwrap_or((0, 0));
    Sheet {
        name: name.to_string(),
        all_names: names.to_vec(),
        rows: range.rows().map(|r| r.iter().map(cell).collect()).collect(),
        first_row: u64::from(row0) + 1,
        first_col: col0 as usize + 1,
    }
}

/// The text of each cell of a row.
pub fn texts(row: &[Cell]) -> Vec<String> {
    row.iter().map(|c| c.text.clone()).collect()
}

fn cell(data: &Data) -> Cell {
    match data {
        Data::Empty => Cell::text(""),
        Data::String(s) => Cell::text(s.clone()),
        Data::Int(i) => number(*i as f64),
        Data::Float(f) => number(*f),
        Data::Bool(b) => Cell::text(if *b { "TRUE" } else { "FALSE" }),
        Data::DateTime(dt) => match dt.as_datetime() {
            Some(t) => Cell {
                text: render_datetime(t),
                typed: Some(Typed::DateTime(t)),
            },
            None => number(dt.as_f64()),
        },
        Data::DateTimeIso(s) | Data::DurationIso(s) => Cell::text(s.clone()),
        Data::Error(e) => Cell::text(format!("#{e:?}")),
    }
}

fn number(x: f64) -> Cell {
    let text = if x.fract() == 0.0 && x.abs() < 1e15 {
        format!("{}", x as i64)
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

/// Streams the data rows of a sheet below its header row.
pub struct SheetRows {
    rows: std::vec::IntoIter<Vec<Cell>>,
    next_row: u64,
    builder: RecordBuilder,
}

impl SheetRows {
    /// Rows of `sheet` after the 0-based header index.
    pub fn new(sheet: Sheet, header_index: usize, builder: RecordBuilder) -> SheetRows {
        let mut rows = sheet.rows.into_iter();
        rows.by_ref().take(header_index + 1).for_each(drop);
        SheetRows {
            rows,
            next_row: sheet.first_row + header_index as u64 + 1,
            builder,
        }
    }
}

impl Iterator for SheetRows {
    type Item = RowOutcome;

    fn next(&mut self) -> Option<RowOutcome> {
        for mut cells in self.rows.by_ref() {
            let row = self.next_row;
            self.next_row += 1;
            let width = self.builder.width();
            if let Some(stray) = cells
                .iter()
                .skip(width)
                .position(|c| !c.text.trim().is_empty())
            {
                let col = width + stray + 1;
                let detail = format!("column {col} holds a value but has no header");
                let reason = crate::model::RejectReason::RaggedRow;
                return Some(
                    self.builder
                        .reject(row, texts(&cells), reason, Some(col), &detail),
                );
            }
            cells.resize(width, Cell::text(""));
            if let Some(outcome) = self.builder.build(row, cells) {
                return Some(outcome);
            }
        }
        None
    }
}
