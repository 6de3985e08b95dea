//! Rows of cells → raw records: the part of ingest that CSV and XLSX share.

use super::layout::ColumnMap;
use crate::model::{
    Field, Lang, Provenance, RawRecord, RawValue, Reject, RejectReason, RowWarning, Text, Typed,
};
use std::collections::HashSet;

/// One cell as read: its text and, from spreadsheets, its typed value.
#[derive(Debug, Clone, PartialEq)]
pub struct Cell {
    /// The text as written.
    pub text: String,
    /// The typed value of a spreadsheet cell.
    pub typed: Option<Typed>,
}

impl Cell {
    /// A plain text cell.
    pub fn text(text: impl Into<String>) -> Cell {
        Cell {
            text: text.into(),
            typed: None,
        }
    }
}

/// What an ingested row became.
pub type RowOutcome = Result<RawRecord, Reject>;

/// Turns the data rows of one table into raw records, giving each a record id.
pub struct RecordBuilder {
    source: String,
    lang: Option<Lang>,
    columns: Vec<ColumnMap>,
    id_col: Option<usize>,
    seen_ids: HashSet<Text>,
    data_rows: u64,
}

impl RecordBuilder {
    /// A builder for a table with the given column mapping.
    pub fn new(source: &str, lang: Option<Lang>, columns: Vec<ColumnMap>) -> RecordBuilder {
        let id_col = columns
            .iter()
            .position(|c| c.field == Some(Field::RecordId));
        RecordBuilder {
            source: source.to_string(),
            lang,
            columns,
            id_col,
            seen_ids: HashSet::new(),
            data_rows: 0,
        }
    }

    /// The number of header columns.
    pub fn width(&self) -> usize {
        self.columns.len()
    }

    /// Builds the record of one row; `None` for a blank row, which is no data row.
    pub fn build(&mut self, row: u64, cells: Vec<Cell>) -> Option<RowOutcome> {
        if cells.iter().all(|c| c.text.trim().is_empty()) {
            return None;
        }
        let texts: Vec<String> = cells.iter().map(|c| c.text.clone()).collect();
        let prov = self.provenance(row, &texts);
        if self.repeats_header(&texts) {
            let detail = "the row repeats the header row (a page header copied into the data)";
            let reason = RejectReason::RepeatedHeader;
            return Some(Err(Reject::new(&prov, None, reason, detail, texts)));
        }
        if !self.seen_ids.insert(prov.record_id.clone()) {
            let detail = format!("record id {:?} repeats an earlier row", prov.record_id);
            let col = self.id_col.map(|i| i + 1);
            let reason = RejectReason::DuplicateRecordId;
            return Some(Err(Reject::new(&prov, col, reason, &detail, texts)));
        }
        Some(Ok(self.record(prov, cells, texts)))
    }

    /// Builds a reject for a row that could not be split into cells as the header says.
    pub fn reject(
        &mut self,
        row: u64,
        texts: Vec<String>,
        reason: RejectReason,
        col: Option<usize>,
        detail: &str,
    ) -> RowOutcome {
        let prov = self.provenance(row, &texts);
        self.seen_ids.insert(prov.record_id.clone());
        Err(Reject::new(&prov, col, reason, detail, texts))
    }

    fn provenance(&mut self, row: u64, texts: &[String]) -> Provenance {
        self.data_rows += 1;
        let id = self
            .id_col
            .and_then(|i| texts.get(i))
            .map(|t| t.trim())
            .filter(|t| !t.is_empty());
        let record_id = match (self.id_col, id) {
            (None, _) => self.data_rows.to_string(),
            (Some(_), Some(id)) => id.to_string(),
            (Some(_), None) => format!("#{}", self.data_rows),
        };
        Provenance {
            source: self.source.as_str().into(),
            record_id: record_id.into(),
            row,
        }
    }

    /// Whether a row's cells are the header's, trimmed and case-folded.
    fn repeats_header(&self, texts: &[String]) -> bool {
        let mut pairs = self.columns.iter().zip(texts);
        texts.len() >= self.columns.len()
            && self.columns.iter().any(|c| !c.written.trim().is_empty())
            && pairs.all(|(c, t)| fold_header(&c.written) == fold_header(t))
    }

    /// The record of a row. When two columns map to one field, the first that holds a value
    /// gives the field; the values of the others go to `extra` under their headers, with a
    /// warning.
    fn record(&self, prov: Provenance, cells: Vec<Cell>, texts: Vec<String>) -> RawRecord {
        let mut fields: Vec<(Field, RawValue)> = Vec::new();
        let mut extra = Vec::new();
        let mut warnings = Vec::new();
        for (map, cell) in self.columns.iter().zip(cells) {
            let value = RawValue {
                text: cell.text,
                column: map.header.clone(),
                col: map.col,
                typed: cell.typed,
            };
            let Some(field) = map.field else {
                extra.push(value);
                continue;
            };
            let taken = fields.iter().find(|(f, v)| *f == field && v.has_value());
            match taken {
                Some((_, first)) if !value.text.trim().is_empty() => {
                    warnings.push(moved_to_extra(field, first, &value));
                    extra.push(value);
                }
                _ => fields.push((field, value)),
            }
        }
        RawRecord {
            prov,
            lang: self.lang,
            fields,
            extra,
            cells: texts,
            warnings,
        }
    }
}

/// A header or cell folded for comparison: trimmed, lower case, white space runs as one space.
fn fold_header(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

fn moved_to_extra(field: Field, first: &RawValue, value: &RawValue) -> RowWarning {
    RowWarning::SharedField {
        field,
        first: (first.col, first.column.clone()),
        moved: (value.col, value.column.clone()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn builder(with_id: bool) -> RecordBuilder {
        let mut columns = vec![ColumnMap::given("ФИО", 1, Some(Field::FullName))];
        if with_id {
            columns.push(ColumnMap::given("№", 2, Some(Field::RecordId)));
        }
        RecordBuilder::new("list.csv", Some(Lang::Ru), columns)
    }

    #[test]
    fn ids_come_from_the_id_column_or_the_data_row_number() {
        let mut b = builder(false);
        assert!(b.build(2, vec![Cell::text(""), Cell::text(" ")]).is_none());
        let rec = b
            .build(3, vec![Cell::text("Шокаев Мустафа")])
            .unwrap()
            .unwrap();
        assert_eq!(rec.prov.record_id, "1");
        assert_eq!(rec.text(Field::FullName), "Шокаев Мустафа");

        let mut b = builder(true);
        let rec = b
            .build(2, vec![Cell::text("Шокаев"), Cell::text("17")])
            .unwrap()
            .unwrap();
        assert_eq!((rec.prov.record_id.as_str(), rec.prov.row), ("17", 2));
        let rec = b
            .build(3, vec![Cell::text("Чакабаев"), Cell::text("")])
            .unwrap()
            .unwrap();
        assert_eq!(rec.prov.record_id, "#2");
    }

    #[test]
    fn a_repeated_id_is_rejected_with_its_column() {
        let mut b = builder(true);
        b.build(2, vec![Cell::text("A"), Cell::text("5")]);
        let rej = b
            .build(3, vec![Cell::text("B"), Cell::text("5")])
            .unwrap()
            .unwrap_err();
        assert_eq!(rej.reason, RejectReason::DuplicateRecordId);
        assert_eq!(rej.col, Some(2));
        assert!(rej.message.starts_with("list.csv: row 3, column 2:"));
    }
}
