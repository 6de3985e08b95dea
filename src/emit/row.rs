//! One output row as its cells are written: every cell in one text buffer that is reused row
//! after row, so that writing a table allocates nothing per row or per cell.

use chrono::{Datelike, NaiveDate};
use std::fmt::{Display, Write};

/// The cells of one row, in column order.
#[derive(Debug, Default, Clone)]
pub struct Row {
    text: String,
    ends: Vec<usize>,
    scratch: Vec<u8>,
}

impl Row {
    /// An empty row.
    pub fn new() -> Row {
        Row::default()
    }

    /// Removes every cell, keeping the buffers.
    pub fn clear(&mut self) {
        self.text.clear();
        self.ends.clear();
    }

    /// Appends a cell.
    pub fn push(&mut self, cell: &str) {
        self.text.push_str(cell);
        self.end_cell();
    }

    /// Appends an empty cell.
    pub fn push_empty(&mut self) {
        self.end_cell();
    }

    /// Appends a cell holding `value` as it displays.
    pub fn push_display(&mut self, value: impl Display) {
        // Writing into a String cannot fail.
        let _ = write!(self.text, "{value}");
        self.end_cell();
    }

    /// Appends a date as `YYYY-MM-DD`, exactly as [`NaiveDate`] displays it.
    pub fn push_date(&mut self, date: NaiveDate) {
        let (year, month, day) = (date.year(), date.month(), date.day());
        if (0..=9999).contains(&year) {
            let _ = write!(self.text, "{year:04}-{month:02}-{day:02}");
            self.end_cell();
        } else {
            self.push_display(date);
        }
    }

    /// Appends a cell holding `value` as JSON (serde_json's compact form).
    pub fn push_json<T: serde::Serialize + ?Sized>(&mut self, value: &T) {
        self.scratch.clear();
        if serde_json::to_writer(&mut self.scratch, value).is_ok()
            && let Ok(text) = std::str::from_utf8(&self.scratch)
        {
            self.text.push_str(text);
        }
        self.end_cell();
    }

    /// Appends a cell built by `build`, which writes into the row's text.
    pub fn push_with(&mut self, build: impl FnOnce(&mut String)) {
        build(&mut self.text);
        self.end_cell();
    }

    fn end_cell(&mut self) {
        self.ends.push(self.text.len());
    }

    /// The number of cells.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// Whether the row has no cells.
    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// The cell at `index`.
    pub fn get(&self, index: usize) -> Option<&str> {
        let end = *self.ends.get(index)?;
        let start = index.checked_sub(1).map_or(0, |i| self.ends[i]);
        Some(&self.text[start..end])
    }

    /// The cells, in order.
    pub fn cells(&self) -> impl ExactSizeIterator<Item = &str> + Clone + '_ {
        (0..self.ends.len()).map(|i| {
            let start = i.checked_sub(1).map_or(0, |j| self.ends[j]);
            &self.text[start..self.ends[i]]
        })
    }

    /// The cells as owned strings.
    pub fn to_vec(&self) -> Vec<String> {
        self.cells().map(str::to_string).collect()
    }
}

impl<'s> FromIterator<&'s str> for Row {
    fn from_iter<I: IntoIterator<Item = &'s str>>(cells: I) -> Row {
        let mut row = Row::new();
        cells.into_iter().for_each(|c| row.push(c));
        row
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_come_back_as_pushed() {
        let mut row = Row::new();
        row.push("Шокаев");
        row.push_empty();
        row.push_display(1890);
        row.push_json(&[("a", "\"b\"")]);
        assert_eq!(row.to_vec(), ["Шокаев", "", "1890", r#"[["a","\"b\""]]"#]);
        assert_eq!(row.get(1), Some(""));
        assert_eq!(row.get(4), None);
        row.clear();
        assert!(row.is_empty());
        row.push("x");
        assert_eq!(row.to_vec(), ["x"]);
    }

    #[test]
    fn dates_are_written_as_chrono_displays_them() {
        let mut row = Row::new();
        for (y, m, d) in [
            (1890, 12, 25),
            (5, 1, 2),
            (9999, 12, 31),
            (-44, 3, 15),
            (12345, 6, 7),
        ] {
            let date = NaiveDate::from_ymd_opt(y, m, d).unwrap();
            row.clear();
            row.push_date(date);
            assert_eq!(row.get(0).unwrap(), date.to_string());
        }
    }
}
