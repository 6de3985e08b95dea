//! Delimited text sources (CSV, semicolon lists, TSV): dialect detection and row reading.

use super::table::{Cell, RecordBuilder, RowOutcome};
use crate::model::RejectReason;
use csv::{ReaderBuilder, StringRecord};
use std::io::Cursor;

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

/// Detects the delimiter: the one under which the leading records most consistently split into
/// the same number (two or more) of fields. Quoting is the standard double quote; a quote left
/// open is found row by row (see [`DelimitedRows`]).
pub fn detect_dialect(text: &str, delimiter: Option<u8>) -> Dialect {
    let delimiters: Vec<u8> = delimiter.map_or(DELIMITERS.to_vec(), |d| vec![d]);
    let dialect = |delimiter| Dialect {
        delimiter,
        quote: b'"',
    };
    let mut best = (dialect(delimiters[0]), 0usize);
    for &d in &delimiters {
        let score = consistency(text, dialect(d));
        if score > best.1 {
            best = (dialect(d), score);
        }
    }
    best.0
}

/// How many sampled records share the most common field count, when that count is at least two.
fn consistency(text: &str, dialect: Dialect) -> usize {
    let mut counts: Vec<(usize, usize)> = Vec::new();
    let mut rdr = reader(text.as_bytes(), dialect);
    for rec in rdr.records().take(SAMPLE_RECORDS).flatten() {
        let width = rec.len();
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

fn reader<R: std::io::Read>(input: R, dialect: Dialect) -> csv::Reader<R> {
    ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(dialect.delimiter)
        .quote(dialect.quote)
        .from_reader(input)
}

/// The first records of a file as text, for header detection and `inspect`.
pub fn leading_rows(text: &str, dialect: Dialect, n: usize) -> Vec<Vec<String>> {
    reader(text.as_bytes(), dialect)
        .records()
        .take(n)
        .map(|r| {
            r.map(|r| r.iter().map(str::to_string).collect())
                .unwrap_or_default()
        })
        .collect()
}

/// Streams the data rows of a delimited text below its header record.
pub struct DelimitedRows {
    reader: csv::Reader<Cursor<Vec<u8>>>,
    builder: RecordBuilder,
    record: StringRecord,
    skip: usize,
    dialect: Dialect,
    /// Rows recovered from a record that an unterminated quote made span several lines.
    pending: std::collections::VecDeque<RowOutcome>,
}

impl DelimitedRows {
    /// Rows of `text` after the 0-based header record `header_index`.
    pub fn new(
        text: String,
        dialect: Dialect,
        header_index: usize,
        builder: RecordBuilder,
    ) -> Self {
        DelimitedRows {
            reader: reader(Cursor::new(text.into_bytes()), dialect),
            builder,
            record: StringRecord::new(),
            skip: header_index + 1,
            dialect,
            pending: std::collections::VecDeque::new(),
        }
    }

    fn outcome(&mut self, line: u64) -> Option<RowOutcome> {
        let texts: Vec<String> = self.record.iter().map(str::to_string).collect();
        let width = self.builder.width();
        let surplus_is_empty = texts.iter().skip(width).all(|t| t.trim().is_empty());
        if texts.len() < width && texts.iter().any(|t| t.contains('\n')) {
            return self.recover_lines(line);
        }
        if texts.len() < width || !surplus_is_empty {
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
}

/// The cells of one line split at every delimiter, quotes taken literally.
fn split_unquoted(line: &str, delimiter: u8) -> Vec<String> {
    let mut rdr = ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .quoting(false)
        .delimiter(delimiter)
        .from_reader(line.as_bytes());
    match rdr.records().next() {
        Some(Ok(rec)) => rec.iter().map(str::to_string).collect(),
        _ => vec![line.to_string()],
    }
}

fn ragged_detail(texts: &[String], width: usize) -> String {
    let base = format!(
        "the row has {} cells where the header has {width}",
        texts.len()
    );
    match texts.iter().position(|t| t.contains('\n')) {
        Some(i) => format!(
            "{base}; cell {} spans several lines: an unterminated quote probably swallowed the rows below it",
            i + 1
        ),
        None => base,
    }
}

impl DelimitedRows {
    /// A quote left open made one record of several lines: the first line is rejected for its
    /// quote, and every following line is read again as a row of its own.
    fn recover_lines(&mut self, line: u64) -> Option<RowOutcome> {
        let start = self.record.position().map_or(0, |p| p.byte()) as usize;
        let bytes = self.reader.get_ref().get_ref();
        let end = self.reader.position().byte() as usize;
        let raw = String::from_utf8_lossy(&bytes[start.min(end)..end]).into_owned();
        let mut lines = raw.lines();
        let first = lines.next().unwrap_or_default().to_string();
        let detail = "a quote opened in this row is never closed; the row is kept raw and the rows \
                      below it are read on their own";
        let reason = RejectReason::MalformedRow;
        let cells = split_unquoted(&first, self.dialect.delimiter);
        let rejected = self.builder.reject(line, cells, reason, None, detail);
        for (offset, text) in lines.enumerate() {
            let row = line + offset as u64 + 1;
            let mut rdr = reader(text.as_bytes(), self.dialect);
            if let Some(Ok(rec)) = rdr.records().next() {
                self.record = rec;
                if let Some(outcome) = self.outcome(row) {
                    self.pending.push_back(outcome);
                }
            }
        }
        Some(rejected)
    }
}

impl Iterator for DelimitedRows {
    type Item = RowOutcome;

    fn next(&mut self) -> Option<RowOutcome> {
        if let Some(outcome) = self.pending.pop_front() {
            return Some(outcome);
        }
        loop {
            match self.reader.read_record(&mut self.record) {
                Ok(false) => return None,
                Ok(true) => {
                    let line = self.record.position().map_or(0, |p| p.line());
                    if self.skip > 0 {
                        self.skip -= 1;
                        continue;
                    }
                    if let Some(outcome) = self.outcome(line) {
                        return Some(outcome);
                    }
                }
                Err(e) => {
                    let line = e.position().map_or(0, |p| p.line());
                    let detail = format!("cannot split the row into cells: {e}");
                    let reason = RejectReason::MalformedRow;
                    return Some(self.builder.reject(line, Vec::new(), reason, None, &detail));
                }
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
