//! The cell references of a worksheet (`<c r="B7">`, `<row r="7">`, `<dimension ref="A1:C9">`),
//! checked against the size of a sheet before the workbook reader places any cell by them.
//!
//! A reference past column XFD or row 1,048,576, or one that is no cell reference at all, cannot
//! name a cell of a sheet; a reader that trusted it would overflow its arithmetic or put the
//! value in the wrong cell, so the workbook is refused with the part and the reference named.

use crate::ingest::limits::MAX_COLUMNS;
use crate::ingest::xlsx::WorkbookError;
use quick_xml::events::{BytesStart, Event};
use std::io::{BufReader, Read};

/// The last row of a sheet.
const MAX_ROWS: u32 = 1_048_576;

/// Letters of the widest column name (`XFD`) and digits of the longest row number.
const MAX_LETTERS: usize = 3;
const MAX_DIGITS: usize = 7;

/// Reads one worksheet part and checks every `r` and `ref` attribute. XML the reader cannot
/// parse ends the check without an error: the workbook reader then judges the part itself.
pub fn check(part: impl Read, name: &str) -> Result<(), WorkbookError> {
    let mut reader = quick_xml::Reader::from_reader(BufReader::new(part));
    reader.config_mut().check_end_names = false;
    let mut buf = Vec::new();
    loop {
        match reader.read_event_into(&mut buf) {
            Ok(Event::Start(e) | Event::Empty(e)) => check_element(&e, name)?,
            Ok(Event::Eof) | Err(_) => return Ok(()),
            Ok(_) => {}
        }
        buf.clear();
    }
}

fn check_element(element: &BytesStart, name: &str) -> Result<(), WorkbookError> {
    for attr in element.attributes().with_checks(false).flatten() {
        let key = attr.key.as_ref();
        let value = attr.value.as_bytes();
        if (key == "r" || key == "ref") && !is_reference(value) {
            return Err(outside(name, value));
        }
    }
    Ok(())
}

/// Whether the value is a cell (`B7`), a row (`7`), a column (`B`) or a range of two of them.
fn is_reference(value: &[u8]) -> bool {
    let mut parts = value.split(|&b| b == b':');
    let first = parts.next().is_some_and(is_cell);
    let second = parts.next().is_none_or(is_cell);
    first && second && parts.next().is_none()
}

fn is_cell(text: &[u8]) -> bool {
    let letters = text.iter().take_while(|b| b.is_ascii_alphabetic()).count();
    let (column, row) = text.split_at(letters);
    if text.is_empty() || letters > MAX_LETTERS || row.len() > MAX_DIGITS {
        return false;
    }
    if !row.iter().all(u8::is_ascii_digit) {
        return false;
    }
    let column_ok = column.is_empty() || column_number(column) <= MAX_COLUMNS;
    let row_ok = row.is_empty() || (1..=MAX_ROWS).contains(&row_number(row));
    column_ok && row_ok
}

/// `A` is 1, `Z` 26, `AA` 27; at most three letters, so no overflow.
fn column_number(letters: &[u8]) -> u32 {
    letters.iter().fold(0, |n, b| {
        n * 26 + u32::from(b.to_ascii_uppercase() - b'A') + 1
    })
}

/// At most seven digits, so no overflow.
fn row_number(digits: &[u8]) -> u32 {
    digits.iter().fold(0, |n, b| n * 10 + u32::from(b - b'0'))
}

fn outside(name: &str, value: &[u8]) -> WorkbookError {
    let shown: String = String::from_utf8_lossy(value).chars().take(40).collect();
    WorkbookError::Unreadable(format!(
        "corrupt workbook: {name} names the cell {shown:?}, past column {MAX_COLUMNS} (XFD) or \
         row {MAX_ROWS}, or no cell reference at all"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_inside_a_sheet_pass_and_others_do_not() {
        for good in ["A1", "XFD1048576", "a1", "B", "7", "A1:C9", "B:B", "1:3"] {
            assert!(is_reference(good.as_bytes()), "{good}");
        }
        for bad in [
            "XFE1",
            "A1048577",
            "A0",
            "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAA1",
            "A99999999999999999999",
            "",
            "A1:B2:C3",
            "A1B",
            "R1C1",
            "$A$1",
        ] {
            assert!(!is_reference(bad.as_bytes()), "{bad}");
        }
    }

    #[test]
    fn a_sheet_naming_a_cell_past_xfd_is_refused_with_the_part_named() {
        let xml = br#"<worksheet><dimension ref="A1:B2"/><sheetData><row r="1"><c r="AAAAAAAAAAAAAAAAAAAAAAA1" t="inlineStr"><is><t>x r="Z0"</t></is></c></row></sheetData></worksheet>"#;
        let err = check(&xml[..], "xl/worksheets/sheet1.xml").unwrap_err();
        assert!(
            err.to_string().contains("xl/worksheets/sheet1.xml"),
            "{err}"
        );
        let text_only = br#"<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>r="Z0"</t></is></c></row></sheetData></worksheet>"#;
        assert!(check(&text_only[..], "s.xml").is_ok());
    }
}
