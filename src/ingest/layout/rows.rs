//! Which leading rows are the header: one row, or two when group cells stand over their
//! sub-columns (`ФИО` over `фамилия | имя | отчество`, `Рождение` over `дата | место`), below any
//! title lines, notes or empty rows.

use super::super::headers::{Confidence, HEADER_SEARCH_ROWS, HeaderDictionary, HeaderMatch, words};
use super::is_name;

/// One column's header: its own cell, and the group cell over it in a two-row header.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeaderCell {
    /// The group cell standing over this column, in a two-row header.
    pub group: Option<String>,
    /// The column's own header cell, trimmed (empty under a group cell that covers two rows).
    pub own: String,
}

impl HeaderCell {
    /// The header as shown and kept: `group / own`, or whichever of them is written.
    pub fn display(&self) -> String {
        match (&self.group, self.own.is_empty()) {
            (Some(group), true) => group.clone(),
            (Some(group), false) => format!("{group} / {}", self.own),
            (None, _) => self.own.clone(),
        }
    }

    /// The text a repeated header row would show in this column.
    pub fn written(&self) -> &str {
        match (&self.group, self.own.is_empty()) {
            (Some(group), true) => group,
            _ => &self.own,
        }
    }

    /// What the header's words say: the own cell first; under a group, the group and the own
    /// words read together when the own cell alone says nothing sure (`Рождение` + `дата`).
    pub fn read(&self, dict: &HeaderDictionary) -> Option<HeaderMatch> {
        let Some(group) = &self.group else {
            return dict.read(&self.own);
        };
        if self.own.is_empty() {
            return dict.read(group);
        }
        let own = dict.read(&self.own);
        if own
            .as_ref()
            .is_some_and(|m| m.confidence > Confidence::Unknown && m.rival.is_none())
        {
            return own;
        }
        let group_words = words::split(group).len();
        let mut both = dict.read(&format!("{group} {}", self.own))?;
        if both.matched.iter().all(|&i| i < group_words) {
            both.confidence = both.confidence.min(Confidence::Low);
        }
        Some(both)
    }
}

/// The header rows found: 0-based indices among the leading rows, and the cells.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeaderRows {
    /// The first header row.
    pub first: usize,
    /// The last header row (the same as `first` for a one-row header).
    pub last: usize,
    /// One cell per column.
    pub cells: Vec<HeaderCell>,
}

/// The header at a configured row, read as one row.
pub fn at(rows: &[Vec<String>], index: usize) -> HeaderRows {
    HeaderRows {
        first: index,
        last: index,
        cells: single(&rows[index]),
    }
}

/// Finds the header among the first rows: of every row, and every pair of rows that reads as a
/// group row over a row of sub-headers, the one whose columns the vocabulary reads best; the
/// earliest, and one row rather than two, on a tie. `None` when no row has two known columns (or
/// one, in a one-column table).
pub fn find(rows: &[Vec<String>], dict: &HeaderDictionary) -> Option<HeaderRows> {
    let mut best: Option<(usize, HeaderRows)> = None;
    let limit = rows.len().min(HEADER_SEARCH_ROWS);
    for i in 0..limit {
        let one = at(rows, i);
        let mut options = vec![one];
        if i + 1 < rows.len() && could_be_two_rows(&rows[i], &rows[i + 1]) {
            options.push(HeaderRows {
                first: i,
                last: i + 1,
                cells: paired(&rows[i], &rows[i + 1]),
            });
        }
        for option in options {
            let Some(score) = score(&option, dict) else {
                continue;
            };
            if best.as_ref().is_none_or(|(s, _)| score > *s) {
                best = Some((score, option));
            }
        }
    }
    best.map(|(_, rows)| rows)
}

/// The score of a header reading: 3 for each sure column, 1 for each doubtful one; `None`
/// with fewer than two read columns, unless the one read column is sure and surely holds names
/// (the values may tell the rest) or is the row's only cell.
fn score(rows: &HeaderRows, dict: &HeaderDictionary) -> Option<usize> {
    let mut known = 0;
    let mut score = 0;
    let mut sure_name = false;
    for cell in &rows.cells {
        let Some(m) = cell.read(dict).filter(|m| m.rival.is_none()) else {
            continue;
        };
        match m.confidence {
            Confidence::High => (known, score) = (known + 1, score + 3),
            Confidence::Low => (known, score) = (known + 1, score + 1),
            Confidence::Unknown => continue,
        }
        sure_name |= m.confidence == Confidence::High && is_name(m.field);
    }
    let filled = rows
        .cells
        .iter()
        .filter(|c| !c.written().is_empty())
        .count();
    let sure = score == 3;
    (known >= 2 || (known == 1 && sure && (filled == 1 || sure_name))).then_some(score)
}

fn single(row: &[String]) -> Vec<HeaderCell> {
    row.iter()
        .map(|c| HeaderCell {
            group: None,
            own: c.trim().to_string(),
        })
        .collect()
}

/// Two rows can be a group row over sub-headers when each has two cells or more and the lower
/// one holds no digits (a data row does: dates, years, numbers).
fn could_be_two_rows(upper: &[String], lower: &[String]) -> bool {
    let filled = |r: &[String]| r.iter().filter(|c| !c.trim().is_empty()).count();
    filled(upper) >= 2
        && filled(lower) >= 2
        && lower
            .iter()
            .all(|c| !c.chars().any(|ch| ch.is_ascii_digit()))
}

/// The cells of a two-row header. A group cell stands over its own column and over the columns
/// to its right whose upper cell is empty, when its own lower cell holds a sub-header (a cell
/// merged down over both rows, with an empty cell below it, groups nothing).
fn paired(upper: &[String], lower: &[String]) -> Vec<HeaderCell> {
    let width = upper.len().max(lower.len());
    let cell = |r: &[String], i: usize| r.get(i).map_or("", |c| c.trim()).to_string();
    let mut group: Option<String> = None;
    (0..width)
        .map(|i| {
            let (up, own) = (cell(upper, i), cell(lower, i));
            if !up.is_empty() {
                group = (!own.is_empty()).then(|| up.clone());
                return HeaderCell {
                    group: Some(up),
                    own,
                };
            }
            HeaderCell {
                group: group.clone().filter(|_| !own.is_empty()),
                own,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(lines: &[&[&str]]) -> Vec<Vec<String>> {
        lines
            .iter()
            .map(|r| r.iter().map(|c| c.to_string()).collect())
            .collect()
    }

    #[test]
    fn a_group_row_over_sub_headers_is_one_header() {
        let table = rows(&[
            &["Список лиц", "", "", "", "", ""],
            &["№", "ФИО", "", "", "Рождение", ""],
            &["", "фамилия", "имя", "отчество", "дата", "место"],
            &["1", "Шокаев", "Мустафа", "", "1890", "Ак-Мечеть"],
        ]);
        let found = find(&table, HeaderDictionary::builtin()).unwrap();
        assert_eq!((found.first, found.last), (1, 2));
        let shown: Vec<String> = found.cells.iter().map(HeaderCell::display).collect();
        assert_eq!(
            shown,
            [
                "№",
                "ФИО / фамилия",
                "ФИО / имя",
                "ФИО / отчество",
                "Рождение / дата",
                "Рождение / место"
            ]
        );
    }

    #[test]
    fn one_row_wins_when_the_row_below_is_data() {
        let table = rows(&[
            &["Фамилия", "Имя", "Год рождения"],
            &["Шокаев", "Мустафа", "1890"],
        ]);
        let found = find(&table, HeaderDictionary::builtin()).unwrap();
        assert_eq!((found.first, found.last), (0, 0));
    }
}
