//! Workbook sources (XLSX, and legacy XLS where readable): every sheet, read sparsely, with
//! caps on the expanded size, the cells and the columns of a workbook.
//!
//! A workbook is read sheet by sheet in workbook order. Each visible worksheet with a
//! recognisable header row becomes a source of its own: the first keeps the file name as its
//! source name, the others are named `file.xlsx#Sheet name`, so that record ids stay unique within
//! each source and a workbook that gains a sheet renames none of the rows it already had. Hidden
//! sheets, chart sheets, empty sheets and sheets without a header are listed with the reason
//! they were not read. A configured `sheet` is the only one read, hidden or not.

mod cells;
mod guard;
mod rows;
mod sheet;

pub use rows::{SheetRows, leading_texts};
pub use sheet::{SheetCells, SparseCell, SparseRow};

use calamine::{Reader, SheetType, SheetVisible, Xlsx};
use sheet::CellBudget;
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
    /// No sheet has a row of known headers; each sheet with the reason it was not read.
    #[error("no sheet has a recognisable header row in its first rows (sheets: {0:?})")]
    NoHeader(Vec<String>),
    /// The workbook is past one of the caps of `ingest::limits`.
    #[error("{0}")]
    TooLarge(String),
}

/// One sheet of a workbook as ingest saw it.
#[derive(Debug, Clone, PartialEq)]
pub struct SheetInfo {
    /// The sheet's name.
    pub name: String,
    /// The source name its rows carry, when it was read.
    pub source: Option<String>,
    /// The 1-based header row, when it was read.
    pub header_row: Option<u64>,
    /// Why it was not read (`hidden`, `empty`, ...), when it was not.
    pub skipped: Option<String>,
}

/// A sheet of a workbook: its cells, or why they were not read.
#[derive(Debug, Clone, PartialEq)]
pub enum Sheet {
    /// A worksheet to look for a header in.
    Read(SheetCells),
    /// A sheet left out, with the reason.
    Skipped {
        /// The sheet's name.
        name: String,
        /// Why it was left out.
        reason: String,
    },
}

/// The source name of a workbook's sheet: the file name for the first sheet read, else
/// `file#sheet`.
pub fn sheet_source(file: &str, sheet: &str, first: bool) -> String {
    if first {
        file.to_string()
    } else {
        format!("{file}#{sheet}")
    }
}

/// Opens a workbook and reads the cells of every sheet to look at: the configured one, or every
/// visible worksheet.
pub fn read_workbook(bytes: Vec<u8>, wanted: Option<&str>) -> Result<Vec<Sheet>, WorkbookError> {
    if guard::is_zip(&bytes) {
        guard::check(&bytes)?;
        let mut book = Xlsx::new(Cursor::new(bytes)).map_err(|e| unreadable(false, &e))?;
        let plan = plan(book.sheets_metadata(), wanted)?;
        let mut budget = CellBudget::default();
        read_planned(plan, |name| sheet::read_xlsx(&mut book, name, &mut budget))
    } else if bytes.starts_with(&CFB_MAGIC) {
        let mut book = calamine::open_workbook_auto_from_rs(Cursor::new(bytes))
            .map_err(|e| unreadable(true, &e))?;
        let plan = plan(book.sheets_metadata(), wanted)?;
        let mut budget = CellBudget::default();
        read_planned(plan, |name| {
            let range = book
                .worksheet_range(name)
                .map_err(|e| unreadable(true, &e))?;
            sheet::from_range(name, &range, &mut budget)
        })
    } else {
        Err(WorkbookError::Unreadable(
            "corrupt or unreadable workbook: neither a zip archive (XLSX) nor a legacy Excel \
             file"
                .to_string(),
        ))
    }
}

fn read_planned(
    plan: Vec<(String, Option<String>)>,
    mut read: impl FnMut(&str) -> Result<SheetCells, WorkbookError>,
) -> Result<Vec<Sheet>, WorkbookError> {
    let mut sheets = Vec::with_capacity(plan.len());
    for (name, skip) in plan {
        let sheet = match skip {
            Some(reason) => Sheet::Skipped { name, reason },
            None => match read(&name)? {
                cells if cells.rows.is_empty() => Sheet::Skipped {
                    name,
                    reason: "empty".into(),
                },
                cells => Sheet::Read(cells),
            },
        };
        sheets.push(sheet);
    }
    Ok(sheets)
}

/// Each sheet with the reason it is left out, if it is.
fn plan(
    meta: &[calamine::Sheet],
    wanted: Option<&str>,
) -> Result<Vec<(String, Option<String>)>, WorkbookError> {
    if let Some(w) = wanted
        && !meta.iter().any(|s| s.name == w)
    {
        return Err(WorkbookError::NoSuchSheet {
            wanted: w.to_string(),
            available: meta.iter().map(|s| s.name.clone()).collect(),
        });
    }
    let skip = |s: &calamine::Sheet| match wanted {
        Some(w) if s.name == w => None,
        Some(_) => Some("not the configured sheet".to_string()),
        None if s.typ != SheetType::WorkSheet => Some("not a worksheet".to_string()),
        None if s.visible == SheetVisible::Visible => None,
        None => Some("hidden".to_string()),
    };
    Ok(meta.iter().map(|s| (s.name.clone(), skip(s))).collect())
}

fn unreadable(encrypted: bool, error: &dyn std::fmt::Display) -> WorkbookError {
    if encrypted {
        WorkbookError::Unreadable(format!(
            "the workbook is password-protected (encrypted) or not an XLSX ({error}); \
             save an unprotected .xlsx copy"
        ))
    } else {
        WorkbookError::Unreadable(format!("corrupt or unreadable workbook: {error}"))
    }
}
