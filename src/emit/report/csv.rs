//! CSVs meant for spreadsheet programs ("reports") versus exact data CSVs.
//!
//! Reports: `id_changes.csv`, `persons_report.csv` (and `review.csv` where a run writes one).
//! In reports a cell that a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`,
//! tab or carriage return) is prefixed with `'`, and `--excel-bom` starts the file with a UTF-8
//! byte order mark so that spreadsheet programs pick the right encoding. The data CSVs
//! (`persons`, `mentions`, `decisions`, `rejects`) always keep the exact values, without a mark.

use crate::pipeline::Outcome;
use std::borrow::Cow;
use std::fs::File;
use std::io::{self, BufWriter, Write};
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

/// A cell made safe for spreadsheets: formula-like text gets a leading `'`; a plain number such
/// as `-2.5` is no formula and stays as it is.
pub fn spreadsheet_cell(cell: &str) -> Cow<'_, str> {
    let formula_like = matches!(
        cell.chars().next(),
        Some('=' | '+' | '-' | '@' | '\t' | '\r')
    );
    if formula_like && cell.parse::<f64>().is_err() {
        Cow::Owned(format!("'{cell}"))
    } else {
        Cow::Borrowed(cell)
    }
}

/// Writes `persons_report.csv`: each person's summary and the keys of their mentions.
pub fn write_persons_report(path: &Path, outcome: &Outcome, bom: bool) -> io::Result<()> {
    let mut file = BufWriter::with_capacity(1 << 20, File::create(path)?);
    if bom {
        file.write_all(BOM)?;
    }
    let mut wtr = ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::Any(b'\n'))
        .from_writer(file);
    let header = super::super::schema::schema("persons")
        .map(|s| s.header())
        .unwrap_or_default();
    let picks: Vec<usize> = PERSON_COLUMNS
        .iter()
        .filter_map(|c| header.iter().position(|h| h == c))
        .collect();
    let mut titles: Vec<&str> = picks.iter().map(|&i| header[i]).collect();
    titles.push("mention_keys");
    wtr.write_record(&titles)?;
    let rows = super::super::tables::rows("persons", outcome);
    for (person, row) in outcome.persons.iter().zip(rows) {
        let keys: Vec<String> = person
            .mentions
            .iter()
            .filter_map(|&i| outcome.mentions.get(i).map(|m| m.prov.key()))
            .collect();
        let mut cells: Vec<String> = picks.iter().filter_map(|&i| row.get(i).cloned()).collect();
        cells.push(keys.join("; "));
        wtr.write_record(cells.iter().map(|c| spreadsheet_cell(c).into_owned()))?;
    }
    let file = wtr.into_inner().map_err(|e| e.into_error())?;
    file.into_inner().map_err(|e| e.into_error())?.sync_all()
}

/// Writes a report CSV, every cell made safe for spreadsheets.
pub fn write_report(
    path: &Path,
    header: &[&str],
    rows: &[Vec<String>],
    bom: bool,
) -> io::Result<()> {
    let mut file = BufWriter::new(File::create(path)?);
    if bom {
        file.write_all(BOM)?;
    }
    let mut wtr = ::csv::WriterBuilder::new()
        .terminator(::csv::Terminator::Any(b'\n'))
        .from_writer(file);
    wtr.write_record(header)?;
    for row in rows {
        wtr.write_record(row.iter().map(|c| spreadsheet_cell(c).into_owned()))?;
    }
    let file = wtr.into_inner().map_err(|e| e.into_error())?;
    file.into_inner().map_err(|e| e.into_error())?.sync_all()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_like_cells_are_neutralised_and_others_kept() {
        for risky in ["=SUM(A1)", "+7+cmd", "-1+1", "@cmd", "\tx", "\rx", "=1"] {
            assert_eq!(spreadsheet_cell(risky), format!("'{risky}"));
        }
        for safe in ["Иванов", "", "P000001", "a=b", "-2.31", "+7"] {
            assert_eq!(spreadsheet_cell(safe), safe);
        }
    }

    #[test]
    fn reports_and_data_are_told_apart() {
        assert!(is_report("id_changes") && is_report("persons_report"));
        assert!(!is_report("persons") && !is_report("mentions") && !is_report("rejects"));
    }
}
