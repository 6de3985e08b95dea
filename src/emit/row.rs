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

    /// Makes this row a copy of `other`, reusing its buffers.
    pub fn copy_from(&mut self, other: &Row) {
        self.text.clear();
        self.text.push_str(&other.text);
        self.ends.clear();
        self.ends.extend_from_slice(&other.ends);
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
        push_date_text(&mut self.text, date);
        self.end_cell();
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

/// Appends a date as `YYYY-MM-DD`, exactly as [`NaiveDate`] displays it.
pub fn push_date_text(text: &mut String, date: NaiveDate) {
    let (year, month, day) = (date.year(), date.month(), date.day());
    if let Ok(year) = u32::try_from(year)
        && year <= 9999
    {
        push_padded(text, year, 4);
        text.push('-');
        push_padded(text, month, 2);
        text.push('-');
        push_padded(text, day, 2);
    } else {
        // Writing into a String cannot fail.
        let _ = write!(text, "{date}");
    }
}

/// Appends the last `width` decimal digits of `n`, zeros in front.
fn push_padded(text: &mut String, n: u32, width: u32) {
    for place in (0..width).rev() {
        text.push(char::from(b'0' + (n / 10u32.pow(place) % 10) as u8));
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
        let mut copy = Row::from_iter(["old", "cells", "here"]);
        copy.copy_from(&row);
        assert_eq!(copy.to_vec(), row.to_vec());
        row.clear();
        assert!(row.is_empty());
        row.push("x");
        assert_eq!(row.to_vec(), ["x"]);
    }

    #[test]
    fn dates_are_written_as_chrono_displays_them() {
        let mut row = Row::new();
        let days = (-3000..15000).step_by(7).flat_map(|y| {
            [(1, 1), (2, 28), (6, 15), (9, 30), (10, 9), (12, 31)]
                .map(|(m, d)| NaiveDate::from_ymd_opt(y, m, d).unwrap())
        });
        for date in days {
            row.clear();
            row.push_date(date);
            assert_eq!(row.get(0).unwrap(), date.to_string());
        }
    }
}
