//! Splitting delimited text into records: quotes, every line ending, bounded cells and the
//! recovery of a quote left open.
//!
//! Records are read straight from the decoded text in one pass. A line ends at `\r\n`, `\n` or a
//! lone `\r`; rows are numbered by physical line. A cell keeps at most [`MAX_CELL_BYTES`] bytes and
//! a row at most [`MAX_ROW_CELLS`] cells and [`MAX_ROW_BYTES`] bytes; past a cap the text is still
//! scanned (so the next record starts in the right place) but no longer copied.

pub use crate::ingest::limits::{CUT_MARK, MAX_CELL_BYTES};
/// The most cells one row may hold; a wider row is rejected as `ragged_row`.
pub const MAX_ROW_CELLS: usize = 4096;
/// The most bytes the cells of one row may hold together; a longer row is `value_too_long`.
pub const MAX_ROW_BYTES: usize = 1024 * 1024;

/// Where the next record starts: a byte offset and its 1-based physical line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cursor {
    /// Byte offset into the text.
    pub pos: usize,
    /// The 1-based line at `pos`.
    pub line: u64,
}

impl Cursor {
    /// The start of a text.
    pub fn start() -> Cursor {
        Cursor { pos: 0, line: 1 }
    }
}

/// The caps a record went past while it was read.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Overflow {
    /// The first 1-based column whose cell was cut at [`MAX_CELL_BYTES`] or at the row budget.
    pub long_col: Option<usize>,
    /// Whether the row's cells together went past [`MAX_ROW_BYTES`].
    pub row_too_long: bool,
    /// How many cells the row has in all, also past [`MAX_ROW_CELLS`].
    pub cells: usize,
}

/// One row as read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Row {
    /// A record split into cells.
    Cells {
        /// The 1-based physical line the record starts on.
        line: u64,
        /// The cells, each cut at the caps (with [`CUT_MARK`]).
        cells: Vec<String>,
        /// The caps the record went past.
        overflow: Overflow,
    },
    /// A line whose quote is never closed: the line alone, split with quotes taken literally;
    /// the lines below it are read on their own.
    OpenQuote {
        /// The 1-based physical line.
        line: u64,
        /// The 1-based column whose quote is left open.
        col: usize,
        /// The line's cells, quotes kept.
        cells: Vec<String>,
    },
}

/// A quoted cell that spans line breaks: its content, and whether it ends the record.
struct Span {
    start: usize,
    end: usize,
    col: usize,
    last_cell: bool,
}

/// How a quoted cell ended.
#[derive(PartialEq, Eq)]
enum QuoteEnd {
    /// Closed, and followed by a delimiter, a line end or the end of the text.
    Clean,
    /// Closed, but followed by other text (taken literally, as in the csv crate).
    Stray,
    /// Never closed before the end of the text.
    Open,
}

/// A record before the open-quote decision.
struct Parsed {
    cells: Vec<String>,
    overflow: Overflow,
    next: Cursor,
    spans: Vec<Span>,
    broken_quote: Option<usize>,
}

/// Reads the next row at `cur` and moves `cur` past it; `None` at the end of the text. Empty
/// lines are skipped. With the header `width` known, a quoted cell spanning lines is trusted only
/// when its record fits the header and no line inside it looks like a row of its own.
pub fn next_row(text: &str, cur: &mut Cursor, delimiter: u8, width: Option<usize>) -> Option<Row> {
    skip_empty_lines(text, cur);
    if cur.pos >= text.len() {
        return None;
    }
    let parsed = parse_record(text, *cur, delimiter);
    let open_col = parsed
        .broken_quote
        .or_else(|| width.and_then(|w| doubtful_span(text, &parsed, w, delimiter)));
    if let Some(col) = open_col {
        return Some(open_quote_row(text, cur, delimiter, col));
    }
    let line = cur.line;
    *cur = parsed.next;
    Some(Row::Cells {
        line,
        cells: parsed.cells,
        overflow: parsed.overflow,
    })
}

fn skip_empty_lines(text: &str, cur: &mut Cursor) {
    let bytes = text.as_bytes();
    while let Some(len) = line_break_at(bytes, cur.pos) {
        cur.pos += len;
        cur.line += 1;
    }
}

/// The length of the line break at `pos` (2 for `\r\n`, 1 for `\n` or a lone `\r`), if any.
fn line_break_at(bytes: &[u8], pos: usize) -> Option<usize> {
    match bytes.get(pos) {
        Some(b'\r') if bytes.get(pos + 1) == Some(&b'\n') => Some(2),
        Some(b'\r' | b'\n') => Some(1),
        _ => None,
    }
}

/// Rejects the first line of a record whose quote is left open and moves `cur` to the next line.
fn open_quote_row(text: &str, cur: &mut Cursor, delimiter: u8, col: usize) -> Row {
    let bytes = text.as_bytes();
    let end = bytes[cur.pos..]
        .iter()
        .position(|&b| b == b'\r' || b == b'\n')
        .map_or(text.len(), |i| cur.pos + i);
    let cells = split_literal(&text[cur.pos..end], delimiter);
    let line = cur.line;
    cur.pos = end + line_break_at(bytes, end).unwrap_or(0);
    cur.line += 1;
    Row::OpenQuote { line, col, cells }
}

/// The cells of one line split at every delimiter, quotes taken literally, each cut at the cap.
fn split_literal(line: &str, delimiter: u8) -> Vec<String> {
    let mut cells = Vec::new();
    let mut budget = MAX_ROW_BYTES;
    for piece in line.split(delimiter as char).take(MAX_ROW_CELLS) {
        let mut cell = String::new();
        push_capped(&mut cell, piece, &mut budget);
        cells.push(cell);
    }
    cells
}

/// Whether a cell spanning lines is more likely a quote left open: the record does not fit the
/// header, or (for three columns or more) a line inside the quotes splits into a whole row.
fn doubtful_span(text: &str, parsed: &Parsed, width: usize, delimiter: u8) -> Option<usize> {
    let first = parsed.spans.first()?;
    if !fits(&parsed.cells, parsed.overflow.cells, width) {
        return Some(first.col);
    }
    if width < 3 {
        return None;
    }
    parsed
        .spans
        .iter()
        .find(|s| span_holds_a_row(text, s, width, delimiter))
        .map(|s| s.col)
}

fn span_holds_a_row(text: &str, span: &Span, width: usize, delimiter: u8) -> bool {
    let content = &text[span.start..span.end];
    let mut lines: Vec<&str> = content.split(['\r', '\n']).skip(1).collect();
    if !span.last_cell {
        lines.pop();
    }
    lines
        .iter()
        .any(|l| l.bytes().filter(|&b| b == delimiter).count() + 1 == width)
}

/// Whether a row of `count` cells fits a header of `width` columns: as many, or more whose
/// surplus is empty.
pub fn fits(cells: &[String], count: usize, width: usize) -> bool {
    count == width
        || (count > width
            && count == cells.len()
            && cells[width..].iter().all(|c| c.trim().is_empty()))
}

/// One cell being read: its text within the caps, and whether it was cut.
struct CellText {
    text: String,
    cut: bool,
    keep: bool,
}

impl CellText {
    fn push(&mut self, piece: &str, budget: &mut usize) {
        if self.keep && !self.cut && !push_capped(&mut self.text, piece, budget) {
            self.cut = true;
        }
    }
}

/// Reads one record at `cur`, quotes honoured.
fn parse_record(text: &str, cur: Cursor, delimiter: u8) -> Parsed {
    let bytes = text.as_bytes();
    let mut p = Parsed {
        cells: Vec::new(),
        overflow: Overflow::default(),
        next: cur,
        spans: Vec::new(),
        broken_quote: None,
    };
    let mut budget = MAX_ROW_BYTES;
    let mut pos = cur.pos;
    let mut line = cur.line;
    loop {
        p.overflow.cells += 1;
        let col = p.overflow.cells;
        let mut cell = CellText {
            text: String::new(),
            cut: false,
            keep: col <= MAX_ROW_CELLS,
        };
        if bytes.get(pos) == Some(&b'"') {
            let start_line = line;
            let quoted = read_quoted(text, pos + 1, delimiter, &mut line, &mut |s| {
                cell.push(s, &mut budget)
            });
            if line > start_line {
                p.spans.push(Span {
                    start: pos + 1,
                    end: quoted.content_end,
                    col,
                    last_cell: is_record_end(bytes, quoted.after),
                });
                if quoted.end != QuoteEnd::Clean {
                    p.broken_quote.get_or_insert(col);
                }
            }
            pos = quoted.after;
        }
        let stop = bytes[pos..]
            .iter()
            .position(|&b| b == delimiter || b == b'\r' || b == b'\n')
            .map_or(text.len(), |i| pos + i);
        cell.push(&text[pos..stop], &mut budget);
        pos = stop;
        if cell.cut {
            p.overflow.long_col.get_or_insert(col);
        }
        if cell.keep {
            p.cells.push(cell.text);
        }
        if bytes.get(pos) == Some(&delimiter) {
            pos += 1;
            continue;
        }
        if let Some(len) = line_break_at(bytes, pos) {
            pos += len;
            line += 1;
        }
        break;
    }
    p.overflow.row_too_long = budget == 0;
    p.next = Cursor { pos, line };
    p
}

fn is_record_end(bytes: &[u8], pos: usize) -> bool {
    matches!(bytes.get(pos), None | Some(b'\r' | b'\n'))
}

/// Where a quoted cell ended.
struct Quoted {
    /// Just past the closing quote, or the end of the text.
    after: usize,
    /// The end of the content (the closing quote's position).
    content_end: usize,
    end: QuoteEnd,
}

/// Reads a quoted cell's content from just after its opening quote: `""` is one quote, line
/// breaks are counted.
fn read_quoted(
    text: &str,
    mut pos: usize,
    delimiter: u8,
    line: &mut u64,
    sink: &mut dyn FnMut(&str),
) -> Quoted {
    let bytes = text.as_bytes();
    loop {
        let Some(i) = bytes[pos..]
            .iter()
            .position(|&b| b == b'"' || b == b'\r' || b == b'\n')
        else {
            sink(&text[pos..]);
            let end = text.len();
            return Quoted {
                after: end,
                content_end: end,
                end: QuoteEnd::Open,
            };
        };
        let at = pos + i;
        sink(&text[pos..at]);
        if let Some(len) = line_break_at(bytes, at) {
            sink(&text[at..at + len]);
            *line += 1;
            pos = at + len;
            continue;
        }
        if bytes.get(at + 1) == Some(&b'"') {
            sink("\"");
            pos = at + 2;
            continue;
        }
        let end = match bytes.get(at + 1) {
            None | Some(b'\r' | b'\n') => QuoteEnd::Clean,
            Some(&b) if b == delimiter => QuoteEnd::Clean,
            Some(_) => QuoteEnd::Stray,
        };
        return Quoted {
            after: at + 1,
            content_end: at,
            end,
        };
    }
}

/// Appends `piece` to `cell` within [`MAX_CELL_BYTES`] and the row's byte budget; `false` (and
/// the cell ends with [`CUT_MARK`]) when part of it had to be left out.
fn push_capped(cell: &mut String, piece: &str, budget: &mut usize) -> bool {
    let room = MAX_CELL_BYTES.saturating_sub(cell.len()).min(*budget);
    if piece.len() <= room {
        cell.push_str(piece);
        *budget -= piece.len();
        return true;
    }
    let mut cut = room;
    while !piece.is_char_boundary(cut) {
        cut -= 1;
    }
    cell.push_str(&piece[..cut]);
    *budget -= cut;
    cell.push_str(CUT_MARK);
    false
}
