//! `report.xlsx`: the reports as one workbook for people who work in spreadsheet programs.
//!
//! One sheet per report: `persons` (as `persons_report.csv`), `decisions`, `checks`, `sources`
//! (each input file's counts), `rejects` and `id_changes`. Each sheet has its header row frozen,
//! a filter on every column and column widths from the content (at most [`MAX_WIDTH`]
//! characters). A full ISO date (`1938-02-17`) in a date column becomes a date cell shown as `yyyy-mm-dd`; a partial date
//! (`1938`), a date before 1900 (which Excel cannot hold) or anything else stays text. Counts are
//! numbers. Text cells pass through the same guard as the CSV reports
//! ([`super::csv::report_cell`]). Sheets are written row by row to temporary files, so memory
//! stays bounded; a sheet longer than Excel's row limit ends with a row naming how many rows the
//! CSV holds beyond it. The creation time and the compression level are fixed, so the same input
//! gives the same bytes.

use super::super::schema;
use super::super::tables;
use super::csv::{persons_report_header, persons_report_rows, report_cell};
use crate::model::Outcome;
use chrono::{Datelike, NaiveDate};
use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook, Worksheet, XlsxError};
use std::borrow::Cow;
use std::path::Path;

/// The workbook's file name in the output folder.
pub const FILE: &str = "report.xlsx";

/// The widest a column is set, in characters.
pub const MAX_WIDTH: usize = 60;

/// The number format of date cells.
pub const DATE_FORMAT: &str = "yyyy-mm-dd";

/// The deflate level of the workbook's zip container: level 2 compresses the sheets three times
/// faster than the usual 6 for a file about a fifth larger.
const ZIP_LEVEL: u8 = 2;

/// Rows of a worksheet in Excel, header included.
const EXCEL_ROWS: u32 = 1_048_576;

/// The longest text Excel keeps in one cell, in characters.
const EXCEL_CELL_CHARS: usize = 32_767;

/// How a column's cells are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Text,
    Integer,
    Date,
}

/// Writes `report.xlsx` at `path` from a run's outcome.
pub fn write_workbook(path: &Path, outcome: &Outcome) -> Result<(), XlsxError> {
    let _span = tracing::info_span!("xlsx").entered();
    let mut workbook = Workbook::new();
    workbook.set_zip_compression_level(ZIP_LEVEL);
    // A fixed creation time keeps the file identical from run to run.
    let created = ExcelDateTime::from_ymd(2000, 1, 1)?;
    workbook.set_properties(&DocProperties::new().set_creation_datetime(&created));
    let date = Format::new().set_num_format(DATE_FORMAT);

    let header = persons_report_header();
    let mut sheet = Sheet::new(&mut workbook, "persons", &header, "persons", &date)?;
    persons_report_rows(outcome, |cells| sheet.row(cells.iter().copied()))?;
    sheet.finish("persons_report.csv")?;

    table_sheet(&mut workbook, "decisions", outcome, &date)?;
    table_sheet(&mut workbook, "checks", outcome, &date)?;
    sources_sheet(&mut workbook, outcome, &date)?;
    table_sheet(&mut workbook, "rejects", outcome, &date)?;
    table_sheet(&mut workbook, "id_changes", outcome, &date)?;
    workbook.save(path)?;
    std::fs::File::open(path)?.sync_all()?;
    Ok(())
}

/// A sheet holding the output table `name` as its schema orders it.
fn table_sheet(
    workbook: &mut Workbook,
    name: &str,
    outcome: &Outcome,
    date: &Format,
) -> Result<(), XlsxError> {
    let header = schema::schema(name).map(|s| s.header()).unwrap_or_default();
    let mut sheet = Sheet::new(workbook, name, &header, name, date)?;
    let mut rows = tables::rows(name, outcome);
    while let Some(row) = rows.next_row() {
        sheet.row(row.cells())?;
    }
    sheet.finish(&format!("{name}.csv"))
}

/// The `sources` sheet: each input file's rows read, accepted and rejected, and why it could not
/// be read.
fn sources_sheet(
    workbook: &mut Workbook,
    outcome: &Outcome,
    date: &Format,
) -> Result<(), XlsxError> {
    let header = ["source", "rows", "accepted", "rejected", "error"];
    let kinds = [
        Kind::Text,
        Kind::Integer,
        Kind::Integer,
        Kind::Integer,
        Kind::Text,
    ];
    let mut sheet = Sheet::with_kinds(workbook, "sources", &header, kinds.to_vec(), date)?;
    for s in &outcome.sources {
        let counts = [
            s.rows.to_string(),
            s.accepted.to_string(),
            s.rejected.to_string(),
        ];
        let error = s.error.as_deref().unwrap_or("");
        sheet.row([s.name.as_str(), &counts[0], &counts[1], &counts[2], error])?;
    }
    sheet.finish("run.json")
}

/// One worksheet being filled row by row.
struct Sheet<'w> {
    sheet: &'w mut Worksheet,
    header: Vec<&'static str>,
    kinds: Vec<Kind>,
    widths: Vec<usize>,
    date: &'w Format,
    /// The next row to write.
    next: u32,
    /// Rows past Excel's limit, left out.
    left_out: u64,
}

impl<'w> Sheet<'w> {
    /// A sheet whose column kinds come from the Table Schema of `table` (a column it does not
    /// know is text).
    fn new(
        workbook: &'w mut Workbook,
        name: &str,
        header: &[&'static str],
        table: &str,
        date: &'w Format,
    ) -> Result<Sheet<'w>, XlsxError> {
        let kinds = header.iter().map(|c| column_kind(table, c)).collect();
        Sheet::with_kinds(workbook, name, header, kinds, date)
    }

    /// A sheet with its header written and frozen.
    fn with_kinds(
        workbook: &'w mut Workbook,
        name: &str,
        header: &[&'static str],
        kinds: Vec<Kind>,
        date: &'w Format,
    ) -> Result<Sheet<'w>, XlsxError> {
        let sheet = workbook.add_worksheet_with_constant_memory()?;
        sheet.set_name(name)?;
        for (col, title) in (0u16..).zip(header) {
            sheet.write_string(0, col, *title)?;
        }
        sheet.set_freeze_panes(1, 0)?;
        Ok(Sheet {
            sheet,
            header: header.to_vec(),
            kinds,
            widths: header.iter().map(|h| h.chars().count()).collect(),
            date,
            next: 1,
            left_out: 0,
        })
    }

    /// Writes one row of exact values, each cell by its column's kind.
    fn row<'c>(&mut self, cells: impl IntoIterator<Item = &'c str>) -> Result<(), XlsxError> {
        if self.next >= EXCEL_ROWS - 1 {
            self.left_out += 1;
            return Ok(());
        }
        for (col, cell) in (0u16..).zip(cells) {
            let i = usize::from(col);
            let kind = self.kinds.get(i).copied().unwrap_or(Kind::Text);
            let column = self.header.get(i).copied().unwrap_or("");
            let width = self.cell(col, kind, column, cell)?;
            if let Some(w) = self.widths.get_mut(i) {
                *w = (*w).max(width);
            }
        }
        self.next += 1;
        Ok(())
    }

    /// Writes one cell; returns its width in characters.
    fn cell(&mut self, col: u16, kind: Kind, column: &str, cell: &str) -> Result<usize, XlsxError> {
        let row = self.next;
        if cell.is_empty() {
            return Ok(0);
        }
        if kind == Kind::Date
            && let Some(date) = excel_date(cell)
        {
            self.sheet
                .write_datetime_with_format(row, col, &date, self.date)?;
            return Ok(DATE_FORMAT.len());
        }
        let safe = report_cell(column, cell);
        if kind == Kind::Integer
            && matches!(safe, Cow::Borrowed(_))
            && let Ok(n) = cell.parse::<i64>()
        {
            self.sheet.write_number(row, col, n as f64)?;
            return Ok(cell.len());
        }
        let text = excel_text(&safe);
        self.sheet.write_string(row, col, text.as_ref())?;
        Ok(text.chars().count())
    }

    /// Notes the rows left out, sets the filter and the column widths.
    fn finish(self, file: &str) -> Result<(), XlsxError> {
        let mut last = self.next - 1;
        if self.left_out > 0 {
            let note = format!("… {} more rows in {file}", self.left_out);
            self.sheet.write_string(self.next, 0, note)?;
            last = self.next;
        }
        let last_col = u16::try_from(self.header.len().saturating_sub(1)).unwrap_or(u16::MAX);
        self.sheet.autofilter(0, 0, last, last_col)?;
        for (col, width) in (0u16..).zip(&self.widths) {
            let chars = (*width).clamp(4, MAX_WIDTH);
            self.sheet.set_column_width(col, chars as f64 + 2.0)?;
        }
        Ok(())
    }
}

/// The kind of a column of `table` by its Table Schema.
fn column_kind(table: &str, column: &str) -> Kind {
    let field = schema::schema(table).and_then(|s| s.fields.iter().find(|f| f.name == column));
    match field.map(|f| f.kind.as_str()) {
        Some("integer") => Kind::Integer,
        Some("date") => Kind::Date,
        _ => Kind::Text,
    }
}

/// A full ISO date Excel can hold (years 1900 to 9999) as a date cell's value.
fn excel_date(text: &str) -> Option<ExcelDateTime> {
    if text.len() != 10 {
        return None;
    }
    let date = NaiveDate::parse_from_str(text, "%Y-%m-%d").ok()?;
    let year = u16::try_from(date.year()).ok().filter(|y| *y >= 1900)?;
    ExcelDateTime::from_ymd(year, date.month() as u8, date.day() as u8).ok()
}

/// Text cut to what one Excel cell holds, ending in `…` when cut.
fn excel_text(text: &str) -> Cow<'_, str> {
    if text.len() < EXCEL_CELL_CHARS {
        // Fewer bytes than a cell holds characters.
        return Cow::Borrowed(text);
    }
    match text.char_indices().nth(EXCEL_CELL_CHARS - 1) {
        Some((end, _)) => Cow::Owned(format!("{}…", &text[..end])),
        None => Cow::Borrowed(text),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_iso_dates_from_1900_are_dates_and_the_rest_text() {
        assert!(excel_date("1938-02-17").is_some());
        assert!(excel_date("1900-01-01").is_some());
        for text in [
            "1938",
            "1938-02",
            "1899-12-31",
            "17.02.1938",
            "1938-02-30",
            "",
        ] {
            assert!(excel_date(text).is_none(), "{text}");
        }
    }

    #[test]
    fn text_longer_than_a_cell_is_cut_with_a_mark() {
        let long = "я".repeat(EXCEL_CELL_CHARS + 5);
        let cut = excel_text(&long);
        assert_eq!(cut.chars().count(), EXCEL_CELL_CHARS);
        assert!(cut.ends_with('…'));
        assert_eq!(excel_text("Иванов"), "Иванов");
    }

    #[test]
    fn columns_take_their_kind_from_the_schema() {
        assert_eq!(column_kind("persons", "birth_earliest"), Kind::Date);
        assert_eq!(column_kind("persons", "mentions"), Kind::Integer);
        assert_eq!(column_kind("persons", "name"), Kind::Text);
        assert_eq!(column_kind("persons", "mention_keys"), Kind::Text);
    }
}
