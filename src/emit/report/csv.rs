//! CSVs meant for spreadsheet programs ("reports") versus exact data CSVs.
//!
//! Reports: `id_changes.csv`, `persons_report.csv` (and `review.csv` where a run writes one).
//! In reports a cell that a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`,
//! tab or carriage return) is prefixed with `'`, and `--excel-bom` starts the file with a UTF-8
//! byte order mark so that spreadsheet programs pick the right encoding. The data CSVs
//! (`persons`, `mentions`, `decisions`, `rejects`) always keep the exact values, without a mark.

use super::super::row::Row;
use crate::model::Outcome;
use std::borrow::Cow;
use std::fs::File;
use std::io::{self, Write};
use std::path::Path;

/// The UTF-8 byte order mark.
pub const BOM: &[u8] = b"\xEF\xBB\xBF";

/// The file name of the persons report.
pub const PERSONS_REPORT: &str = "persons_report.csv";

/// The spreadsheet-facing tables, by name without `.csv`.
pub const REPORTS: [&str; 3] = ["id_changes", "persons_report", "review"];

/// Columns of `persons.csv` repeated in the persons report, in order.
const PERSON_COLUMNS: [&str; 9] = [
    "person_id",
    "name",
    "name_latin",
    "birth_earliest",
    "birth_latest",
    "birth_place",
    "mentions",
    "sources",
    "decisions",
];

/// Whether a table is a spreadsheet-facing report.
pub fn is_report(name: &str) -> bool {
    REPORTS.contains(&name)
}

/// Columns whose values a report computes itself as numbers (counts and scores): only in these
/// may a cell start with `-` unmarked, and only when it is a plain decimal.
pub const NUMBER_COLUMNS: [&str; 4] = ["mentions", "sources", "decisions", "score"];

/// A cell made safe for spreadsheets (OWASP's rule for CSV injection): any text starting with
/// `=`, `+`, `-`, `@`, tab or carriage return gets a leading `'`, whatever follows, so that
/// `-inf`, `+7` or `-1+1` from a source are shown as written and never evaluated.
pub fn spreadsheet_cell(cell: &str) -> Cow<'_, str> {
    if formula_like(cell) {
        Cow::Owned(format!("'{cell}"))
    } else {
        Cow::Borrowed(cell)
    }
}

/// A cell of `column` made safe for spreadsheets: in one of [`NUMBER_COLUMNS`] a plain decimal
/// the report wrote (`-2.31`) stays as it is; everything else follows [`spreadsheet_cell`].
pub fn report_cell<'c>(column: &str, cell: &'c str) -> Cow<'c, str> {
    if !formula_like(cell) || (NUMBER_COLUMNS.contains(&column) && is_plain_decimal(cell)) {
        Cow::Borrowed(cell)
    } else {
        Cow::Owned(format!("'{cell}"))
    }
}

/// Whether a spreadsheet would run a cell as a formula: it starts with `=`, `+`, `-`, `@`, tab
/// or carriage return.
fn formula_like(cell: &str) -> bool {
    matches!(
        cell.as_bytes().first(),
        Some(b'=' | b'+' | b'-' | b'@' | b'\t' | b'\r')
    )
}

/// The cells of a report row made safe for spreadsheets, column by column (see
/// [`report_cell`]), as the bytes a CSV writer takes; a cell past the header counts as a column
/// without a name.
pub fn report_cells<'c, H: AsRef<str>>(
    header: &'c [H],
    cells: impl Iterator<Item = &'c str> + 'c,
) -> impl Iterator<Item = Cow<'c, [u8]>> + 'c {
    cells.enumerate().map(|(i, cell)| {
        let column = header.get(i).map_or("", AsRef::as_ref);
        match report_cell(column, cell) {
            Cow::Borrowed(text) => Cow::Borrowed(text.as_bytes()),
            Cow::Owned(text) => Cow::Owned(text.into_bytes()),
        }
    })
}

/// A row of a report made safe for spreadsheets, column by column (see [`report_cell`]).
pub fn report_row<H: AsRef<str>>(header: &[H], row: &[String]) -> Vec<String> {
    row.iter()
        .enumerate()
        .map(|(i, cell)| {
            let column = header.get(i).map_or("", AsRef::as_ref);
            report_cell(column, cell).into_owned()
        })
        .collect()
}

/// Whether a text is a decimal as the reports write numbers: an optional `-`, digits, and
/// optionally a dot and more digits (no `inf`, `NaN`, exponent or `+`).
fn is_plain_decimal(text: &str) -> bool {
    let digits = text.strip_prefix('-').unwrap_or(text);
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, "0"));
    let all_digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    all_digits(whole) && all_digits(fraction)
}

/// The columns of the persons report: the summary columns of `persons.csv`, then
/// `mention_keys`.
pub fn persons_report_header() -> Vec<&'static str> {
    let header = super::super::schema::schema("persons")
        .map(|s| s.header())
        .unwrap_or_default();
    let mut titles: Vec<&str> = PERSON_COLUMNS
        .iter()
        .filter_map(|c| header.iter().find(|h| *h == c).copied())
        .collect();
    titles.push("mention_keys");
    titles
}

/// Calls `each` with the cells of every row of the persons report, in the order of
/// [`persons_report_header`]: each person's summary and the keys of their mentions (exact values;
/// the writer makes them safe for its format). Stops at the first error.
pub fn persons_report_rows<E>(
    outcome: &Outcome,
    mut each: impl FnMut(&[&str]) -> Result<(), E>,
) -> Result<(), E> {
    let header = super::super::schema::schema("persons")
        .map(|s| s.header())
        .unwrap_or_default();
    let picks: Vec<usize> = PERSON_COLUMNS
        .iter()
        .filter_map(|c| header.iter().position(|h| h == c))
        .collect();
    let mut rows = super::super::tables::rows("persons", outcome);
    let mut keys = String::new();
    for person in &outcome.persons {
        let Some(row) = rows.next_row() else { break };
        keys.clear();
        for (n, m) in person
            .mentions
            .iter()
            .filter_map(|&i| outcome.mentions.get(i))
            .enumerate()
        {
            if n > 0 {
                keys.push_str("; ");
            }
            keys.push_str(&m.prov.source);
            keys.push(':');
            keys.push_str(&m.prov.record_id);
        }
        let cells: Vec<&str> = picks
            .iter()
            .filter_map(|&i| row.get(i))
            .chain([keys.as_str()])
            .collect();
        each(&cells)?;
    }
    Ok(())
}

/// A CSV writer for a report file, starting with a byte order mark when `bom` asks for one.
fn report_writer(path: &Path, bom: bool) -> io::Result<::csv::Writer<File>> {
    let mut file = File::create(path)?;
    if bom {
        file.write_all(BOM)?;
    }
    Ok(::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::Any(b'\n'))
        .buffer_capacity(super::super::CSV_BUFFER)
        .from_writer(file))
}

/// Writes `persons_report.csv`: each person's summary and the keys of their mentions.
pub fn write_persons_report(path: &Path, outcome: &Outcome, bom: bool) -> io::Result<()> {
    let mut wtr = report_writer(path, bom)?;
    let titles = persons_report_header();
    wtr.write_record(&titles)?;
    persons_report_rows(outcome, |cells| {
        wtr.write_record(report_cells(&titles, cells.iter().copied()))
    })?;
    wtr.into_inner().map_err(|e| e.into_error())?.sync_all()
}

/// Writes a report CSV, every cell made safe for spreadsheets: one row per item, each written
/// by `fill` into a reused [`Row`].
pub fn write_report<T>(
    path: &Path,
    header: &[&str],
    items: impl IntoIterator<Item = T>,
    mut fill: impl FnMut(T, &mut Row),
    bom: bool,
) -> io::Result<()> {
    let mut wtr = report_writer(path, bom)?;
    wtr.write_record(header)?;
    let mut row = Row::new();
    for item in items {
        fill(item, &mut row);
        wtr.write_record(report_cells(header, row.cells()))?;
    }
    wtr.into_inner().map_err(|e| e.into_error())?.sync_all()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_like_cells_are_neutralised_and_others_kept() {
        let risky = ["=SUM(A1)", "+7+cmd", "-1+1", "@cmd", "\tx", "\rx", "=1"];
        let from_sources = [
            "-inf",
            "-INF",
            "+inf",
            "-infinity",
            "-NaN",
            "+7",
            "-2.31",
            "-1e5",
        ];
        for cell in risky.into_iter().chain(from_sources) {
            assert_eq!(spreadsheet_cell(cell), format!("'{cell}"));
            assert_eq!(report_cell("name", cell), format!("'{cell}"));
        }
        for safe in ["Иванов", "", "P000001", "a=b", "inf", "1937"] {
            assert_eq!(spreadsheet_cell(safe), safe);
        }
    }

    #[test]
    fn numbers_the_report_wrote_stay_numbers_only_in_number_columns() {
        for number in ["-2.31", "0.50", "12", "-3"] {
            assert_eq!(report_cell("score", number), number);
        }
        assert_eq!(report_cell("birth_place", "-2.31"), "'-2.31");
        assert_eq!(report_cell("birth_place", "12"), "12");
        for not_plain in ["-inf", "-NaN", "+2", "-1e5", "-", "-.5", "-2.", "=1"] {
            assert_eq!(report_cell("score", not_plain), format!("'{not_plain}"));
        }
    }

    #[test]
    fn a_report_row_is_made_safe_column_by_column() {
        let header = ["person_id", "name", "mentions"];
        let row = ["P000001".to_string(), "-inf".to_string(), "3".to_string()];
        assert_eq!(report_row(&header, &row), ["P000001", "'-inf", "3"]);
    }

    #[test]
    fn reports_and_data_are_told_apart() {
        assert!(is_report("id_changes") && is_report("persons_report"));
        assert!(!is_report("persons") && !is_report("mentions") && !is_report("rejects"));
    }
}
