//! Delimited text sources (CSV, semicolon lists, TSV): dialect detection and row reading.

mod records;

use super::table::{Cell, RecordBuilder, RowOutcome};
use crate::model::RejectReason;
use records::Row;
pub use records::{CUT_MARK, Cursor, MAX_CELL_BYTES, MAX_ROW_BYTES, MAX_ROW_CELLS};

/// Delimiters tried, in order of preference on a tie.
const DELIMITERS: [u8; 4] = [b',', b';', b'\t', b'|'];
/// How many leading records the dialect detection looks at.
const SAMPLE_RECORDS: usize = 50;

/// The dialect of a delimited file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Dialect {
    /// The field delimiter.
    pub delimiter: u8,
    /// The quote character.
    pub quote: u8,
}

impl Dialect {
    /// A readable name of the delimiter (`,` `;` `tab` `|`).
    pub fn delimiter_name(&self) -> String {
        match self.delimiter {
            b'\t' => "tab".to_string(),
            d => (d as char).to_string(),
        }
    }
}

/// How many bytes at the start of a file the dialect detection reads.
pub const SNIFF_BYTES: usize = 64 * 1024;

/// Detects the delimiter: the one under which the leading records (within the first
/// [`SNIFF_BYTES`]) most consistently split into the same number (two or more) of fields.
/// Quoting is the standard double quote; a quote left open is found row by row (see
/// [`DelimitedRows`]).
pub fn detect_dialect(text: &str, delimiter: Option<u8>) -> Dialect {
    let delimiters: Vec<u8> = delimiter.map_or(DELIMITERS.to_vec(), |d| vec![d]);
    let dialect = |delimiter| Dialect {
        delimiter,
        quote: b'"',
    };
    let sample = prefix(text, SNIFF_BYTES);
    let mut best = (dialect(delimiters[0]), 0usize);
    for &d in &delimiters {
        let score = consistency(sample, d);
        if score > best.1 {
            best = (dialect(d), score);
        }
    }
    best.0
}

/// The longest prefix of `text` of at most `max` bytes that ends on a character boundary.
fn prefix(text: &str, max: usize) -> &str {
    let mut end = max.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// How many sampled records share the most common field count, when that count is at least two.
fn consistency(text: &str, delimiter: u8) -> usize {
    let mut counts: Vec<(usize, usize)> = Vec::new();
    let mut cur = Cursor::start();
    let widths = std::iter::from_fn(|| records::next_row(text, &mut cur, delimiter, None));
    for row in widths.take(SAMPLE_RECORDS) {
        let Row::Cells { overflow, .. } = row else {
            continue;
        };
        let width = overflow.cells;
        match counts.iter_mut().find(|(w, _)| *w == width) {
            Some((_, n)) => *n += 1,
            None => counts.push((width, 1)),
        }
    }
    counts
        .into_iter()
        .filter(|(w, _)| *w >= 2)
        .map(|(_, n)| n)
        .max()
        .unwrap_or(0)
}

/// One leading record: its cells, and where the record after it starts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LeadingRow {
    /// The cells as text.
    pub cells: Vec<String>,
    /// The 1-based physical line the record starts on.
    pub line: u64,
    /// Where the next record starts.
    pub next: Cursor,
}

/// The first `n` records of a file, for header detection and `inspect`.
pub fn leading_rows(text: &str, dialect: Dialect, n: usize) -> Vec<LeadingRow> {
    let mut cur = Cursor::start();
    let mut rows = Vec::new();
    while rows.len() < n {
        let Some(row) = records::next_row(text, &mut cur, dialect.delimiter, None) else {
            break;
        };
        let (line, cells) = match row {
            Row::Cells { line, cells, .. } | Row::OpenQuote { line, cells, .. } => (line, cells),
        };
        rows.push(LeadingRow {
            cells,
            line,
            next: cur,
        });
    }
    rows
}

/// Streams the data rows of a delimited text below its header record.
pub struct DelimitedRows {
    text: String,
    cursor: Cursor,
    builder: RecordBuilder,
    delimiter: u8,
    damaged: bool,
}

impl DelimitedRows {
    /// Rows of `text` from `start`, the record after the header; `damaged` when the text holds
    /// U+FFFD for bytes that could not be decoded (see [`Decoded`](super::encoding::Decoded)).
    pub fn new(
        text: String,
        dialect: Dialect,
        start: Cursor,
        builder: RecordBuilder,
        damaged: bool,
    ) -> Self {
        DelimitedRows {
            text,
            cursor: start,
            builder,
            delimiter: dialect.delimiter,
            damaged,
        }
    }

    fn outcome(&mut self, row: Row) -> Option<RowOutcome> {
        let (line, texts, overflow) = match row {
            Row::OpenQuote { line, col, cells } => return Some(self.open_quote(line, col, cells)),
            Row::Cells {
                line,
                cells,
                overflow,
            } => (line, cells, overflow),
        };
        let width = self.builder.width();
        if overflow.cells > MAX_ROW_CELLS {
            let detail = format!(
                "the row has {} cells, more than the {MAX_ROW_CELLS} a row may hold; the cells \
                 past {MAX_ROW_CELLS} are not kept here",
                overflow.cells
            );
            let col = Some(MAX_ROW_CELLS + 1);
            return Some(
                self.builder
                    .reject(line, texts, RejectReason::RaggedRow, col, &detail),
            );
        }
        if let Some(col) = overflow.long_col {
            return Some(self.too_long(line, col, texts, overflow.row_too_long));
        }
        if texts.iter().all(|t| t.trim().is_empty()) {
            return None;
        }
        if let Some((col, detail)) = not_text(&texts, self.damaged) {
            let reason = RejectReason::MalformedRow;
            return Some(self.builder.reject(line, texts, reason, Some(col), &detail));
        }
        if !records::fits(&texts, overflow.cells, width) {
            let detail = ragged_detail(&texts, width);
            let col = Some(texts.len().min(width).max(1));
            return Some(
                self.builder
                    .reject(line, texts, RejectReason::RaggedRow, col, &detail),
            );
        }
        let cells = texts.into_iter().take(width).map(Cell::text).collect();
        self.builder.build(line, cells)
    }

    fn open_quote(&mut self, line: u64, col: usize, cells: Vec<String>) -> RowOutcome {
        let detail = "a quote opened in this cell is never closed; the row is kept raw and the \
                      rows below it are read on their own";
        let reason = RejectReason::MalformedRow;
        self.builder.reject(line, cells, reason, Some(col), detail)
    }

    fn too_long(&mut self, line: u64, col: usize, cells: Vec<String>, row: bool) -> RowOutcome {
        let detail = if row {
            format!(
                "the row's cells hold more than {MAX_ROW_BYTES} bytes together; the cells are \
                 kept here cut at that size, marked {CUT_MARK:?}"
            )
        } else {
            format!(
                "the cell is longer than {MAX_CELL_BYTES} bytes; it is kept here cut at that \
                 size, marked {CUT_MARK:?}"
            )
        };
        let reason = RejectReason::ValueTooLong;
        self.builder.reject(line, cells, reason, Some(col), &detail)
    }
}

/// The first cell holding a control byte, or a byte that was not text in the file's encoding
/// (U+FFFD in a damaged text), with what it holds: such a value cannot be kept as written.
fn not_text(texts: &[String], damaged: bool) -> Option<(usize, String)> {
    texts.iter().enumerate().find_map(|(i, text)| {
        let control = text.bytes().find(|&b| super::encoding::is_control(b));
        if let Some(b) = control {
            return Some((i + 1, format!("the cell holds the control byte 0x{b:02x}")));
        }
        (damaged && text.contains('\u{fffd}')).then(|| {
            let detail = "the cell holds bytes that are not UTF-8 (shown here as U+FFFD); the \
                          file is otherwise UTF-8";
            (i + 1, detail.to_string())
        })
    })
}

fn ragged_detail(texts: &[String], width: usize) -> String {
    format!(
        "the row has {} cells where the header has {width}",
        texts.len()
    )
}

impl Iterator for DelimitedRows {
    type Item = RowOutcome;

    fn next(&mut self) -> Option<RowOutcome> {
        loop {
            let width = Some(self.builder.width());
            let row = records::next_row(&self.text, &mut self.cursor, self.delimiter, width)?;
            if let Some(outcome) = self.outcome(row) {
                return Some(outcome);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn delimiters_are_detected() {
        let cases = [
            ("a,b,c\n1,2,3\n4,5,6\n", b','),
            (
                "Фамилия;Имя;Год\nИванов;Иван;1899\nЧакабаев;Ибрагим, бек;1889\n",
                b';',
            ),
            ("a\tb\n1\t2\n", b'\t'),
            ("\"x, y\";b\n\"1,2\";3\n", b';'),
        ];
        for (text, delim) in cases {
            assert_eq!(detect_dialect(text, None).delimiter, delim, "{text}");
        }
    }

    #[test]
    fn a_configured_delimiter_is_kept() {
        assert_eq!(detect_dialect("a,b;c\n", Some(b';')).delimiter, b';');
    }
}
