//! A sheet's sparse rows → dense rows of the header's width → raw records or rejects.

use super::sheet::{SheetCells, SparseRow};
use crate::ingest::limits::{self, MAX_CELL_BYTES};
use crate::ingest::table::{Cell, RecordBuilder, RowOutcome};
use crate::model::{RejectReason, RowWarning};

/// The texts of the leading rows of a sheet, from its first row and column holding a value,
/// each row as wide as its last cell: the rows header detection looks at.
pub fn leading_texts(sheet: &SheetCells, origin: (u32, u32), wanted: usize) -> Vec<Vec<String>> {
    let (first_row, first_col) = origin;
    let last_row = u64::from(first_row) + wanted as u64;
    let mut out: Vec<Vec<String>> = Vec::new();
    for row in sheet
        .rows
        .iter()
        .take_while(|r| u64::from(r.row) < last_row)
    {
        out.resize((row.row - first_row) as usize, Vec::new());
        let width = row
            .cells
            .last()
            .map_or(0, |c| (c.col - first_col + 1) as usize);
        let mut texts = vec![String::new(); width];
        for c in &row.cells {
            texts[(c.col - first_col) as usize] = c.cell.text.clone();
        }
        out.push(texts);
    }
    out
}

/// Streams the data rows of a sheet below its header row.
pub struct SheetRows {
    rows: std::vec::IntoIter<SparseRow>,
    first_col: u32,
    builder: RecordBuilder,
}

impl SheetRows {
    /// Rows of `sheet` below `header_row` (1-based), columns counted from `first_col` (1-based).
    pub fn new(
        sheet: SheetCells,
        header_row: u64,
        first_col: u32,
        builder: RecordBuilder,
    ) -> SheetRows {
        let mut rows = sheet.rows;
        rows.retain(|r| u64::from(r.row) > header_row);
        SheetRows {
            rows: rows.into_iter(),
            first_col,
            builder,
        }
    }

    fn outcome(&mut self, row: SparseRow) -> Option<RowOutcome> {
        let width = self.builder.width();
        let mut dense = vec![Cell::text(""); width];
        let mut beyond = Vec::new();
        let mut formulas = Vec::new();
        for sc in row.cells {
            let idx = (sc.col - self.first_col) as usize;
            if idx < width {
                if sc.formula {
                    formulas.push(idx);
                }
                dense[idx] = sc.cell;
            } else if !sc.cell.text.trim().is_empty() {
                beyond.push((idx, sc.cell));
            }
        }
        let line = u64::from(row.row);
        let long = dense
            .iter()
            .enumerate()
            .chain(beyond.iter().map(|(i, c)| (*i, c)))
            .find(|(_, c)| limits::too_long(&c.text))
            .map(|(i, _)| i);
        if let Some(idx) = long {
            let texts = reject_texts(&dense, &beyond);
            let detail = format!("the value is longer than {MAX_CELL_BYTES} bytes");
            let reason = RejectReason::ValueTooLong;
            let col = idx + self.first_col as usize;
            return Some(self.builder.reject(line, texts, reason, Some(col), &detail));
        }
        if let Some((idx, _)) = beyond.first() {
            let col = idx + self.first_col as usize;
            let detail = format!("column {col} holds a value but has no header");
            let texts = reject_texts(&dense, &beyond);
            let reason = RejectReason::RaggedRow;
            return Some(self.builder.reject(line, texts, reason, Some(col), &detail));
        }
        let outcome = self.builder.build(line, dense)?;
        let first_col = self.first_col as usize;
        Some(outcome.map(|mut rec| {
            let cols: Vec<usize> = formulas.iter().map(|i| i + first_col).collect();
            warn_formulas(&mut rec, &cols);
            rec
        }))
    }
}

/// Warns of each value of `cols` (1-based sheet columns) that is a formula's text.
fn warn_formulas(rec: &mut crate::model::RawRecord, cols: &[usize]) {
    let values = rec.fields.iter().map(|(_, v)| v).chain(&rec.extra);
    let warnings: Vec<RowWarning> = values
        .filter(|v| cols.contains(&v.col))
        .map(|v| RowWarning::Formula {
            header: v.column.clone(),
            col: v.col,
        })
        .collect();
    rec.warnings.extend(warnings);
}

/// The texts of a rejected row: the header's columns, then the values past them (the empty cells
/// between are left out), each cut to the longest value kept.
fn reject_texts(dense: &[Cell], beyond: &[(usize, Cell)]) -> Vec<String> {
    dense
        .iter()
        .chain(beyond.iter().map(|(_, c)| c))
        .map(|c| limits::cut(&c.text))
        .collect()
}

impl Iterator for SheetRows {
    type Item = RowOutcome;

    fn next(&mut self) -> Option<RowOutcome> {
        while let Some(row) = self.rows.next() {
            if let Some(outcome) = self.outcome(row) {
                return Some(outcome);
            }
        }
        None
    }
}
