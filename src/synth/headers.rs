//! The header wordings a generated source is written under: the usual set of each layout, or a
//! second set (`schemas/synth/headers_second.csv`) of abbreviations, other wordings, two-row
//! headers and title lines that the header dictionary does not hold as entries.

use std::fmt;
use std::str::FromStr;

use serde::Deserialize;

use super::SynthError;
use super::sink::{HeaderBlock, HeaderColumn};
use super::sources::Layout;

/// The second set of header wordings, one row per column or title line.
const SECOND: &str = include_str!("../../schemas/synth/headers_second.csv");

/// The `column` value of a title line in the second set.
const TITLE: &str = "title";

/// Which header wordings the sources are written under.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum HeaderSet {
    /// Each layout's usual header (the default).
    #[default]
    Usual,
    /// The wordings of `schemas/synth/headers_second.csv`.
    Second,
}

impl FromStr for HeaderSet {
    type Err = SynthError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        match text {
            "usual" => Ok(HeaderSet::Usual),
            "second" => Ok(HeaderSet::Second),
            other => Err(SynthError::Data(format!(
                "unknown header set {other:?} (expected usual or second)"
            ))),
        }
    }
}

impl fmt::Display for HeaderSet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            HeaderSet::Usual => "usual",
            HeaderSet::Second => "second",
        })
    }
}

/// One line of `headers_second.csv`.
#[derive(Debug, Clone, Deserialize)]
pub struct SecondRow {
    /// The layout's file name.
    pub layout: String,
    /// The column key (as in the layout's `columns`), or `title` for a title line.
    pub column: String,
    /// The group cell over the column, empty for none.
    pub group: String,
    /// The column's header text, or the title line.
    pub header: String,
}

/// All lines of the second set.
pub fn second_rows() -> Result<Vec<SecondRow>, SynthError> {
    csv::Reader::from_reader(SECOND.as_bytes())
        .deserialize()
        .collect::<Result<Vec<SecondRow>, _>>()
        .map_err(|e| SynthError::Data(format!("headers_second.csv: {e}")))
}

/// The header block `layout` is written under in `set`.
pub fn header_block(layout: &Layout, set: HeaderSet) -> Result<HeaderBlock, SynthError> {
    match set {
        HeaderSet::Usual => {
            let headers: Vec<&str> = layout.columns.iter().map(|(_, h)| *h).collect();
            Ok(HeaderBlock::plain(layout.titles, &headers))
        }
        HeaderSet::Second => second_block(layout, &second_rows()?),
    }
}

/// The block of `layout` in the second set; its columns must be the layout's, in order.
fn second_block(layout: &Layout, rows: &[SecondRow]) -> Result<HeaderBlock, SynthError> {
    let name = layout.file_name;
    let mine = rows.iter().filter(|r| r.layout == name);
    let (titles, columns): (Vec<&SecondRow>, Vec<&SecondRow>) =
        mine.partition(|r| r.column == TITLE);
    let keys: Vec<&str> = columns.iter().map(|r| r.column.as_str()).collect();
    let expected: Vec<&str> = layout.columns.iter().map(|(k, _)| *k).collect();
    if keys != expected {
        return Err(SynthError::Data(format!(
            "headers_second.csv: {name} has columns {keys:?}, the layout writes {expected:?}"
        )));
    }
    Ok(HeaderBlock {
        titles: titles.iter().map(|r| r.header.clone()).collect(),
        columns: columns
            .iter()
            .map(|r| HeaderColumn {
                group: (!r.group.is_empty()).then(|| r.group.clone()),
                header: r.header.clone(),
            })
            .collect(),
    })
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;
    use crate::ingest::headers::header_key;
    use crate::synth::sources::sources;

    fn layouts() -> Vec<&'static Layout> {
        sources().into_iter().map(|s| &s.layout).collect()
    }

    fn dictionary_keys() -> HashSet<String> {
        let text = include_str!("../../schemas/headers.csv");
        let mut reader = csv::Reader::from_reader(text.as_bytes());
        reader
            .records()
            .map(|r| header_key(&r.expect("dictionary line")[1]))
            .collect()
    }

    #[test]
    fn no_second_wording_is_a_dictionary_entry() {
        let known = dictionary_keys();
        assert!(known.contains(&header_key("Дата рождения")));
        for row in second_rows().expect("second set") {
            for text in [&row.header, &row.group] {
                assert!(
                    !known.contains(&header_key(text)),
                    "{}: {text:?} is an entry of headers.csv",
                    row.layout
                );
            }
        }
    }

    #[test]
    fn every_layout_has_a_second_block_with_its_columns() {
        for layout in layouts() {
            let block = header_block(layout, HeaderSet::Second).expect("block");
            assert_eq!(block.columns.len(), layout.columns.len());
            assert!(!block.titles.is_empty(), "{}", layout.file_name);
            let usual = header_block(layout, HeaderSet::Usual).expect("usual");
            for (second, (_, plain)) in block.columns.iter().zip(layout.columns) {
                assert_ne!(&second.header, plain, "{}", layout.file_name);
            }
            assert_eq!(usual.titles.len(), layout.titles.len());
        }
    }

    #[test]
    fn two_row_headers_in_delimited_and_xlsx_layouts() {
        let two_rows: Vec<&str> = layouts()
            .iter()
            .filter(|l| {
                header_block(l, HeaderSet::Second)
                    .expect("block")
                    .two_rows()
            })
            .map(|l| l.file_name)
            .collect();
        assert!(
            two_rows.iter().any(|n| n.ends_with(".xlsx")),
            "{two_rows:?}"
        );
        assert!(two_rows.iter().any(|n| n.ends_with(".csv")), "{two_rows:?}");
    }

    #[test]
    fn a_group_cell_heads_its_run_and_single_columns_stand_in_the_upper_row() {
        let nkvd = layouts()
            .into_iter()
            .find(|l| l.file_name == "nkvd_kartoteka.csv")
            .expect("layout");
        let rows = header_block(nkvd, HeaderSet::Second).expect("block").rows();
        assert_eq!(rows.len(), 2);
        assert_eq!(
            rows[0][..5],
            ["Арх. №", "Ф. И. О. (полностью)", "", "", "Г. рожд."]
        );
        assert_eq!(rows[1][..5], ["", "фам.", "имя (полн.)", "отч-во", ""]);
        assert!(rows[1][5..].iter().all(String::is_empty));
    }

    #[test]
    fn a_misnamed_column_is_an_error() {
        let mut rows = second_rows().expect("second set");
        let row = rows
            .iter_mut()
            .find(|r| r.layout == "victims_en.tsv" && r.column == "sentence")
            .expect("row");
        row.column = "verdict".into();
        let english = layouts()
            .into_iter()
            .find(|l| l.file_name == "victims_en.tsv")
            .expect("layout");
        let err = second_block(english, &rows).expect_err("mismatch");
        assert!(err.to_string().contains("victims_en.tsv"), "{err}");
    }

    #[test]
    fn particulars_headers_read_as_residence_and_occupation_and_workplace_stays_extra() {
        use crate::ingest::headers::{Confidence, HeaderDictionary};
        use crate::model::Field;
        let dictionary = HeaderDictionary::from_csv_with_stopwords(
            include_str!("../../schemas/headers.csv"),
            include_str!("../../schemas/header_stopwords.csv"),
        )
        .expect("vocabulary");
        let mut read = 0;
        for layout in layouts() {
            for set in [HeaderSet::Usual, HeaderSet::Second] {
                let block = header_block(layout, set).expect("block");
                for ((key, _), column) in layout.columns.iter().zip(&block.columns) {
                    let reading = dictionary.read(&column.header);
                    let field = match *key {
                        "residence" => Field::Residence,
                        "occupation" => Field::Occupation,
                        "workplace" => {
                            let confidence = reading.map_or(Confidence::Unknown, |m| m.confidence);
                            assert_eq!(confidence, Confidence::Unknown, "{}", column.header);
                            continue;
                        }
                        _ => continue,
                    };
                    let reading = reading.expect("a reading");
                    assert_eq!(reading.field, field, "{}", column.header);
                    assert_eq!(reading.confidence, Confidence::High, "{}", column.header);
                    read += 1;
                }
            }
        }
        assert_eq!(read, 14);
    }

    #[test]
    fn header_set_names_parse() {
        assert_eq!("second".parse::<HeaderSet>().ok(), Some(HeaderSet::Second));
        assert_eq!("usual".parse::<HeaderSet>().ok(), Some(HeaderSet::Usual));
        assert!("other".parse::<HeaderSet>().is_err());
    }
}
