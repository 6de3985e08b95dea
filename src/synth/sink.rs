//! Writers for generated sources: delimited text in several encodings, and XLSX registers.

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::Path;

use chrono::{Datelike, NaiveDate};
use encoding_rs::Encoding;
use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook, Worksheet};

use super::SynthError;

/// One cell of a generated row.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// Text.
    Text(String),
    /// A number cell (XLSX) or its text (CSV).
    Number(f64),
    /// A date cell (XLSX) or `dd.mm.yyyy` (CSV).
    Date(NaiveDate),
    /// Nothing.
    Empty,
}

impl Cell {
    /// Text cell, or `Empty` for an empty string.
    pub fn text(value: impl Into<String>) -> Cell {
        let value = value.into();
        if value.is_empty() {
            Cell::Empty
        } else {
            Cell::Text(value)
        }
    }

    fn as_text(&self) -> String {
        match self {
            Cell::Text(text) => text.clone(),
            Cell::Number(n) => n.to_string(),
            Cell::Date(d) => format!("{:02}.{:02}.{}", d.day(), d.month(), d.year()),
            Cell::Empty => String::new(),
        }
    }
}

/// The lines above the data of a source: title lines, then one header row, or two when some
/// columns sit under a group cell.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct HeaderBlock {
    /// Title lines above the header, one cell each.
    pub titles: Vec<String>,
    /// The columns, id column first.
    pub columns: Vec<HeaderColumn>,
}

/// The header of one column: its own text, and the group cell above it if any.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct HeaderColumn {
    /// Group cell over this column and its neighbours of the same group (two-row headers).
    pub group: Option<String>,
    /// The column's own header text (the lower row under a group).
    pub header: String,
}

/// A header cell spanning `first..=last` columns and `rows` rows.
#[derive(Debug, Clone, PartialEq)]
struct Span<'a> {
    row: usize,
    first: usize,
    last: usize,
    rows: usize,
    text: &'a str,
}

impl HeaderBlock {
    /// A one-row header of `headers` under `titles`.
    pub fn plain(titles: &[&str], headers: &[&str]) -> HeaderBlock {
        HeaderBlock {
            titles: titles.iter().map(|t| t.to_string()).collect(),
            columns: headers
                .iter()
                .map(|h| HeaderColumn {
                    group: None,
                    header: h.to_string(),
                })
                .collect(),
        }
    }

    /// True when some column sits under a group cell (the header takes two rows).
    pub fn two_rows(&self) -> bool {
        self.columns.iter().any(|c| c.group.is_some())
    }

    /// The header cells with their spans: a group cell over its run of columns in the upper
    /// row with its column headers below, a single column in the upper row over an empty cell.
    fn spans(&self) -> Vec<Span<'_>> {
        if !self.two_rows() {
            return (self.columns.iter().enumerate())
                .map(|(i, c)| Span {
                    row: 0,
                    first: i,
                    last: i,
                    rows: 1,
                    text: &c.header,
                })
                .collect();
        }
        let mut spans: Vec<Span<'_>> = Vec::new();
        for (i, column) in self.columns.iter().enumerate() {
            let Some(group) = column.group.as_deref() else {
                spans.push(Span {
                    row: 0,
                    first: i,
                    last: i,
                    rows: 2,
                    text: &column.header,
                });
                continue;
            };
            let continues = i > 0 && self.columns[i - 1].group.as_deref() == Some(group);
            match spans.iter_mut().rev().find(|s| s.row == 0) {
                Some(open) if continues => open.last = i,
                _ => spans.push(Span {
                    row: 0,
                    first: i,
                    last: i,
                    rows: 1,
                    text: group,
                }),
            }
            spans.push(Span {
                row: 1,
                first: i,
                last: i,
                rows: 1,
                text: &column.header,
            });
        }
        spans
    }

    /// The header rows as plain cells (empty where a span covers), for delimited text.
    pub fn rows(&self) -> Vec<Vec<String>> {
        let count = if self.two_rows() { 2 } else { 1 };
        let mut rows = vec![vec![String::new(); self.columns.len()]; count];
        for span in self.spans() {
            rows[span.row][span.first] = span.text.to_string();
        }
        rows
    }
}

/// Where the rows of one source go.
pub trait Sink {
    /// Writes one data row with its id.
    fn write_row(&mut self, id: u64, cells: &[Cell]) -> Result<(), SynthError>;
    /// Flushes and closes the file.
    fn finish(self: Box<Self>) -> Result<(), SynthError>;
}

/// Re-encodes UTF-8 text to a legacy encoding, holding back a split character.
struct Encoder<W: Write> {
    inner: W,
    encoding: Option<&'static Encoding>,
    pending: Vec<u8>,
}

impl<W: Write> Write for Encoder<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let Some(encoding) = self.encoding else {
            return self.inner.write_all(buf).map(|_| buf.len());
        };
        self.pending.extend_from_slice(buf);
        let valid = match std::str::from_utf8(&self.pending) {
            Ok(text) => text.len(),
            Err(e) => e.valid_up_to(),
        };
        let text = std::str::from_utf8(&self.pending[..valid]).map_err(io::Error::other)?;
        let (bytes, _, unmappable) = encoding.encode(text);
        if unmappable {
            let message = format!("text not representable in {}: {text:?}", encoding.name());
            return Err(io::Error::new(io::ErrorKind::InvalidData, message));
        }
        self.inner.write_all(&bytes)?;
        self.pending.drain(..valid);
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

/// Text encodings of delimited sources.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextEncoding {
    /// UTF-8 without BOM.
    Utf8,
    /// UTF-8 with a byte order mark.
    Utf8Bom,
    /// Windows-1251.
    Windows1251,
    /// KOI8-R.
    Koi8R,
}

/// A delimited text source.
pub struct DelimitedSink {
    writer: csv::Writer<Encoder<BufWriter<File>>>,
}

impl DelimitedSink {
    /// Creates `path` and writes the title lines (padded with empty cells to the header's width)
    /// and the header rows.
    pub fn create(
        path: &Path,
        delimiter: u8,
        encoding: TextEncoding,
        header: &HeaderBlock,
    ) -> Result<Self, SynthError> {
        let mut file = BufWriter::new(File::create(path)?);
        if encoding == TextEncoding::Utf8Bom {
            file.write_all(b"\xEF\xBB\xBF")?;
        }
        let encoding = match encoding {
            TextEncoding::Utf8 | TextEncoding::Utf8Bom => None,
            TextEncoding::Windows1251 => Some(encoding_rs::WINDOWS_1251),
            TextEncoding::Koi8R => Some(encoding_rs::KOI8_R),
        };
        let encoder = Encoder {
            inner: file,
            encoding,
            pending: Vec::new(),
        };
        let mut writer = csv::WriterBuilder::new()
            .delimiter(delimiter)
            .terminator(csv::Terminator::CRLF)
            .from_writer(encoder);
        let width = header.columns.len().max(1);
        for title in &header.titles {
            let mut line = vec![String::new(); width];
            line[0].clone_from(title);
            writer.write_record(&line)?;
        }
        for row in header.rows() {
            writer.write_record(&row)?;
        }
        Ok(DelimitedSink { writer })
    }
}

impl Sink for DelimitedSink {
    fn write_row(&mut self, id: u64, cells: &[Cell]) -> Result<(), SynthError> {
        self.writer.write_field(id.to_string())?;
        for cell in cells {
            self.writer.write_field(cell.as_text())?;
        }
        self.writer.write_record(None::<&[u8]>)?;
        Ok(())
    }

    fn finish(mut self: Box<Self>) -> Result<(), SynthError> {
        self.writer.flush()?;
        Ok(())
    }
}

/// An XLSX register: title rows above the header, data rows below.
pub struct XlsxSink {
    path: std::path::PathBuf,
    sheet: Worksheet,
    next_row: u32,
    date_format: Format,
}

impl XlsxSink {
    /// Starts a sheet with the title lines (one per row), an empty row, then the header rows; a
    /// cell spanning several columns or both header rows is merged.
    pub fn create(path: &Path, header: &HeaderBlock) -> Result<Self, SynthError> {
        let mut sheet = Worksheet::new();
        sheet.set_name("Список")?;
        let bold = Format::new().set_bold();
        for (row, title) in header.titles.iter().enumerate() {
            sheet.write_string_with_format(row as u32, 0, title, &bold)?;
        }
        let header_row = header.titles.len() as u32 + 1;
        for span in header.spans() {
            let (row, first) = (header_row + span.row as u32, span.first as u16);
            let (last_row, last) = (row + span.rows as u32 - 1, span.last as u16);
            if (row, first) == (last_row, last) {
                sheet.write_string_with_format(row, first, span.text, &bold)?;
            } else {
                sheet.merge_range(row, first, last_row, last, span.text, &bold)?;
            }
        }
        for col in 0..header.columns.len() {
            sheet.set_column_width(col as u16, 18)?;
        }
        let header_rows = if header.two_rows() { 2 } else { 1 };
        Ok(XlsxSink {
            path: path.to_path_buf(),
            sheet,
            next_row: header_row + header_rows,
            date_format: Format::new().set_num_format("dd.mm.yyyy"),
        })
    }

    fn write_cell(&mut self, col: u16, cell: &Cell) -> Result<(), SynthError> {
        let row = self.next_row;
        match cell {
            Cell::Text(text) => {
                self.sheet.write_string(row, col, text)?;
            }
            Cell::Number(n) => {
                self.sheet.write_number(row, col, *n)?;
            }
            Cell::Date(d) => {
                let (Ok(year), Ok(month), Ok(day)) = (
                    u16::try_from(d.year()),
                    u8::try_from(d.month()),
                    u8::try_from(d.day()),
                ) else {
                    return Err(SynthError::Data(format!("date out of range: {d}")));
                };
                let date = ExcelDateTime::from_ymd(year, month, day)?;
                self.sheet
                    .write_datetime_with_format(row, col, &date, &self.date_format)?;
            }
            Cell::Empty => {}
        }
        Ok(())
    }
}

impl Sink for XlsxSink {
    fn write_row(&mut self, id: u64, cells: &[Cell]) -> Result<(), SynthError> {
        self.write_cell(0, &Cell::Number(id as f64))?;
        for (col, cell) in cells.iter().enumerate() {
            self.write_cell(col as u16 + 1, cell)?;
        }
        self.next_row += 1;
        Ok(())
    }

    fn finish(self: Box<Self>) -> Result<(), SynthError> {
        let XlsxSink { path, sheet, .. } = *self;
        let mut workbook = Workbook::new();
        // A fixed creation time keeps the file identical from run to run.
        let created = ExcelDateTime::from_ymd(2000, 1, 1)?;
        workbook.set_properties(&DocProperties::new().set_creation_datetime(&created));
        workbook.push_worksheet(sheet);
        workbook.save(&path)?;
        Ok(())
    }
}
