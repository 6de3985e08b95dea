//! One worksheet read sparsely: only the cells present are kept, whatever the dimension the sheet
//! declares or the address of its last cell, so a lone cell at `XFD1048576` costs one cell.

use super::WorkbookError;
use super::cells;
use crate::ingest::limits::{MAX_CELLS_PER_FILE, MAX_COLUMNS};
use crate::ingest::table::Cell;
use calamine::{Data, Range, Xlsx};
use std::io::{Read, Seek};

/// A non-empty cell and where it stands.
#[derive(Debug, Clone, PartialEq)]
pub struct SparseCell {
    /// The 1-based sheet column.
    pub col: u32,
    /// The value.
    pub cell: Cell,
    /// Whether the value is a formula's text, kept because the formula had no cached value.
    pub formula: bool,
}

/// The non-empty cells of one sheet row, in column order.
#[derive(Debug, Clone, PartialEq)]
pub struct SparseRow {
    /// The 1-based sheet row.
    pub row: u32,
    /// Its cells.
    pub cells: Vec<SparseCell>,
}

/// The non-empty cells of one sheet, by row.
#[derive(Debug, Clone, PartialEq)]
pub struct SheetCells {
    /// The sheet's name.
    pub name: String,
    /// The rows holding a cell, in row order.
    pub rows: Vec<SparseRow>,
}

impl SheetCells {
    fn from_cells(name: &str, mut cells: Vec<(u32, SparseCell)>) -> SheetCells {
        cells.sort_by_key(|(row, c)| (*row, c.col));
        let mut rows: Vec<SparseRow> = Vec::new();
        for (row, cell) in cells {
            match rows.last_mut() {
                Some(last) if last.row == row => last.cells.push(cell),
                _ => rows.push(SparseRow {
                    row,
                    cells: vec![cell],
                }),
            }
        }
        SheetCells {
            name: name.to_string(),
            rows,
        }
    }

    /// The first sheet row and column holding a value (1-based); `None` for an empty sheet.
    pub fn origin(&self) -> Option<(u32, u32)> {
        let first_row = self.rows.first()?.row;
        let first_col = self
            .rows
            .iter()
            .filter_map(|r| r.cells.first())
            .map(|c| c.col)
            .min()?;
        Some((first_row, first_col))
    }
}

/// Counts the cells read from one workbook against [`MAX_CELLS_PER_FILE`].
#[derive(Debug, Default)]
pub struct CellBudget {
    used: u64,
}

impl CellBudget {
    fn take(&mut self, sheet: &str) -> Result<(), WorkbookError> {
        self.used += 1;
        if self.used > MAX_CELLS_PER_FILE {
            return Err(WorkbookError::TooLarge(format!(
                "sheet {sheet:?}: the workbook holds more than {MAX_CELLS_PER_FILE} cells"
            )));
        }
        Ok(())
    }
}

/// Streams the cells of an XLSX sheet, keeping a formula's text where it has no cached value.
pub fn read_xlsx<RS: Read + Seek>(
    book: &mut Xlsx<RS>,
    name: &str,
    budget: &mut CellBudget,
) -> Result<SheetCells, WorkbookError> {
    let unreadable = |e: calamine::XlsxError| {
        WorkbookError::Unreadable(format!("corrupt or unreadable sheet {name:?}: {e}"))
    };
    let mut reader = book.worksheet_cells_reader(name).map_err(unreadable)?;
    let mut cells = Vec::new();
    while let Some(found) = reader.next_cell_with_formula().map_err(unreadable)? {
        let (row, col) = position(name, found.pos)?;
        let (cell, formula) = match (cells::from_ref(&found.value), found.formula) {
            (Some(cell), _) => (cell, false),
            (None, Some(f)) if !f.is_empty() => (Cell::text(format!("={f}")), true),
            (None, _) => continue,
        };
        budget.take(name)?;
        cells.push((row, SparseCell { col, cell, formula }));
    }
    Ok(SheetCells::from_cells(name, cells))
}

/// The cells of a legacy workbook's sheet, read by calamine as a range.
pub fn from_range(
    name: &str,
    range: &Range<Data>,
    budget: &mut CellBudget,
) -> Result<SheetCells, WorkbookError> {
    let (row0, col0) = range.start().unwrap_or((0, 0));
    let mut cells = Vec::new();
    for (r, c, data) in range.used_cells() {
        let Some(cell) = cells::from_data(data) else {
            continue;
        };
        let (row, col) = position(name, (row0 + r as u32, col0 + c as u32))?;
        budget.take(name)?;
        let formula = false;
        cells.push((row, SparseCell { col, cell, formula }));
    }
    Ok(SheetCells::from_cells(name, cells))
}

/// The 1-based row and column of a 0-based position, refused past [`MAX_COLUMNS`].
fn position(sheet: &str, (row, col): (u32, u32)) -> Result<(u32, u32), WorkbookError> {
    if col >= MAX_COLUMNS {
        return Err(WorkbookError::TooLarge(format!(
            "sheet {sheet:?}: a cell in row {} lies past column {MAX_COLUMNS} (XFD)",
            u64::from(row) + 1
        )));
    }
    Ok((row.saturating_add(1), col + 1))
}
