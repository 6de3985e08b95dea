//! The header dictionary: column headers in every language of the archives, mapped to fields.

use crate::model::{Field, Lang};
use std::collections::HashMap;
use std::sync::OnceLock;
use unicode_normalization::UnicodeNormalization;

#[cfg(test)]
const BUILTIN: &str = include_str!("../../schemas/headers.csv");

/// How many leading rows are searched for the header row.
pub const HEADER_SEARCH_ROWS: usize = 30;

/// Header synonyms mapped to canonical fields, keyed by their normalised form.
pub struct HeaderDictionary {
    entries: HashMap<String, (Field, Option<Lang>)>,
}

/// How one source column maps to a canonical field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ColumnMap {
    /// The header as written.
    pub header: String,
    /// The 1-based column number.
    pub col: usize,
    /// The canonical field, or `None` for a column that is kept as an extra.
    pub field: Option<Field>,
}

impl HeaderDictionary {
    /// The dictionary shipped in `schemas/headers.csv`, loaded once.
    pub fn builtin() -> &'static HeaderDictionary {
        static DICT: OnceLock<HeaderDictionary> = OnceLock::new();
        DICT.get_or_init(|| {
            HeaderDictionary::from_csv(crate::tables::text(crate::tables::Table::Headers))
        })
    }

    /// Loads a dictionary from CSV text with columns `field,header,lang`; bad lines are skipped
    /// by the caller's tests, which check every shipped line parses.
    pub fn from_csv(text: &str) -> HeaderDictionary {
        let mut entries = HashMap::new();
        let mut rdr = csv::Reader::from_reader(text.as_bytes());
        for rec in rdr.records().flatten() {
            let (Some(field), Some(header)) = (rec.get(0).and_then(Field::parse), rec.get(1))
            else {
                continue;
            };
            let lang = rec.get(2).and_then(Lang::parse);
            entries.entry(header_key(header)).or_insert((field, lang));
        }
        HeaderDictionary { entries }
    }

    /// The field a header names, if the dictionary knows it.
    pub fn lookup(&self, header: &str) -> Option<(Field, Option<Lang>)> {
        let key = header_key(header);
        if let Some(hit) = self.entries.get(&key) {
            return Some(*hit);
        }
        let without_note = strip_parenthetical(header);
        (without_note != header)
            .then(|| self.entries.get(&header_key(&without_note)).copied())
            .flatten()
    }

    /// How many cells of a row are known headers.
    pub fn count_known(&self, cells: &[String]) -> usize {
        cells.iter().filter(|c| self.lookup(c).is_some()).count()
    }

    /// The 0-based index of the header row among the first rows: the earliest row with the most
    /// known headers, at least two (or one, for a one-column file).
    pub fn find_header_row(&self, rows: &[Vec<String>]) -> Option<usize> {
        let mut best: Option<(usize, usize)> = None;
        for (i, row) in rows.iter().take(HEADER_SEARCH_ROWS).enumerate() {
            let known = self.count_known(row);
            let enough = known >= 2 || (known == 1 && non_empty(row) == 1);
            if enough && best.is_none_or(|(_, n)| known > n) {
                best = Some((i, known));
            }
        }
        best.map(|(i, _)| i)
    }

    /// Maps every header cell to a field; `overrides` (header → field name or `ignore`) win.
    pub fn map_columns(
        &self,
        headers: &[String],
        overrides: &HashMap<String, Option<Field>>,
    ) -> Vec<ColumnMap> {
        let mut columns: Vec<ColumnMap> = headers
            .iter()
            .enumerate()
            .map(|(i, h)| ColumnMap {
                header: h.trim().to_string(),
                col: i + 1,
                field: match overrides.get(h.trim()) {
                    Some(over) => *over,
                    None => self.lookup(h).map(|(f, _)| f),
                },
            })
            .collect();
        promote_lone_given_name(&mut columns);
        columns
    }

    /// The language most of the known headers are written in.
    pub fn guess_lang(&self, headers: &[String]) -> Option<Lang> {
        let mut counts: Vec<(Lang, usize)> = Vec::new();
        for lang in headers
            .iter()
            .filter_map(|h| self.lookup(h))
            .filter_map(|(_, l)| l)
        {
            match counts.iter_mut().find(|(l, _)| *l == lang) {
                Some((_, n)) => *n += 1,
                None => counts.push((lang, 1)),
            }
        }
        counts.into_iter().max_by_key(|(_, n)| *n).map(|(l, _)| l)
    }
}

/// A lone `Name` column, with no surname and no full-name column, holds the whole name.
fn promote_lone_given_name(columns: &mut [ColumnMap]) {
    let has = |f: Field| columns.iter().any(|c| c.field == Some(f));
    if !has(Field::Given) || has(Field::Surname) || has(Field::FullName) {
        return;
    }
    if let Some(c) = columns.iter_mut().find(|c| c.field == Some(Field::Given)) {
        c.field = Some(Field::FullName);
    }
}

fn non_empty(row: &[String]) -> usize {
    row.iter().filter(|c| !c.trim().is_empty()).count()
}

fn strip_parenthetical(header: &str) -> String {
    match header.find(['(', '[']) {
        Some(i) if i > 0 => header[..i].trim().to_string(),
        _ => header.to_string(),
    }
}

/// Apostrophe look-alikes that Uzbek Latin writes in `oʻ` and `gʻ`, all dropped from keys.
const APOSTROPHES: [char; 7] = [
    '\u{2bb}', '\u{2bc}', '\u{2b9}', '\u{2018}', '\u{2019}', '`', '\u{b4}',
];

/// The normalised form of a header: NFC, lower case, `ё` as `е`, letters, digits and `№` only.
pub fn header_key(header: &str) -> String {
    header
        .nfc()
        .flat_map(char::to_lowercase)
        .map(|c| if c == 'ё' { 'е' } else { c })
        .filter(|c| (c.is_alphanumeric() && !APOSTROPHES.contains(c)) || *c == '№')
        .collect()
}

/// The rule for one line of `headers.csv` (`field,header,lang`): a known field, a header, and a
/// known language code or none.
pub fn check_line(rec: &csv::StringRecord) -> Result<(), String> {
    let field = rec.get(0).unwrap_or("");
    Field::parse(field).ok_or_else(|| format!("field {field:?} is no field rehab knows"))?;
    if header_key(rec.get(1).unwrap_or("")).is_empty() {
        return Err("column \"header\" is empty".into());
    }
    match rec.get(2).unwrap_or("") {
        "" => Ok(()),
        lang => Lang::parse(lang)
            .map(|_| ())
            .ok_or_else(|| format!("language {lang:?} is no language code rehab knows")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dict() -> &'static HeaderDictionary {
        HeaderDictionary::builtin()
    }

    #[test]
    fn every_shipped_line_names_a_known_field() {
        let mut rdr = csv::Reader::from_reader(BUILTIN.as_bytes());
        for (i, rec) in rdr.records().enumerate() {
            let rec = rec.unwrap();
            assert!(
                Field::parse(&rec[0]).is_some(),
                "line {}: {:?}",
                i + 2,
                &rec[0]
            );
            assert!(
                rec[2].is_empty() || Lang::parse(&rec[2]).is_some(),
                "line {}",
                i + 2
            );
        }
    }

    #[test]
    fn headers_of_real_lists_map_to_fields() {
        let cases = [
            ("ФИО", Field::FullName),
            ("Ф.И.О.", Field::FullName),
            ("Фамилия", Field::Surname),
            ("Имя", Field::Given),
            ("Отчество", Field::Patronymic),
            ("Год рождения", Field::BirthDate),
            ("Дата рождения", Field::BirthDate),
            ("Место рождения", Field::BirthPlace),
            ("Национальность", Field::Nationality),
            ("Дата ареста", Field::ArrestDate),
            ("Статья", Field::Charge),
            ("Приговор", Field::Sentence),
            ("Орган", Field::SentencingOrgan),
            ("Реабилитирован", Field::Decision),
            ("Дата реабилитации", Field::DecisionDate),
            ("Решение", Field::Decision),
            ("Основание", Field::LegalBasis),
            ("Аты-жөні", Field::FullName),
            ("Туған жылы", Field::BirthDate),
            ("Ақталған күні", Field::DecisionDate),
            ("Шешім", Field::Decision),
            ("F.I.Sh.", Field::FullName),
            ("Familiyasi", Field::Surname),
            ("Ismi", Field::Given),
            ("Otasining ismi", Field::Patronymic),
            ("Tug'ilgan yili", Field::BirthDate),
            ("Tugʻilgan yili", Field::BirthDate),
            ("Qaror sanasi", Field::DecisionDate),
            ("Sud", Field::DecidingBody),
            ("Surname", Field::Surname),
            ("Name", Field::Given),
            ("Date of birth", Field::BirthDate),
            ("Place of birth", Field::BirthPlace),
            ("Case no.", Field::CaseNumber),
            ("Arrest date", Field::ArrestDate),
            ("Article", Field::Charge),
            ("№", Field::RecordId),
            ("ID", Field::RecordId),
            ("Рег. №", Field::RecordId),
            ("Case ref", Field::RecordId),
            ("Реттік нөмірі", Field::RecordId),
            ("  ДАТА   АРЕСТА ", Field::ArrestDate),
            ("Год рождения (по документам)", Field::BirthDate),
        ];
        for (header, field) in cases {
            assert_eq!(dict().lookup(header).map(|x| x.0), Some(field), "{header}");
        }
        assert_eq!(dict().lookup("Источник"), None);
    }

    #[test]
    fn header_row_is_found_below_title_lines() {
        let rows: Vec<Vec<String>> = [
            vec!["Архив КНБ РК", ""],
            vec!["", ""],
            vec!["Фамилия", "Год рождения"],
            vec!["Шокаев", "1890"],
        ]
        .iter()
        .map(|r| r.iter().map(|s| s.to_string()).collect())
        .collect();
        assert_eq!(dict().find_header_row(&rows), Some(2));
        assert_eq!(dict().find_header_row(&rows[3..]), None);
    }

    #[test]
    fn lone_name_column_is_the_full_name_and_overrides_win() {
        let headers = vec![
            "Name".to_string(),
            "Born".to_string(),
            "Archive".to_string(),
        ];
        let mut over = HashMap::new();
        over.insert("Archive".to_string(), Some(Field::CaseNumber));
        let cols = dict().map_columns(&headers, &over);
        let fields: Vec<_> = cols.iter().map(|c| c.field).collect();
        assert_eq!(
            fields,
            vec![
                Some(Field::FullName),
                Some(Field::BirthDate),
                Some(Field::CaseNumber)
            ]
        );
        assert_eq!(dict().guess_lang(&headers), Some(Lang::En));
    }
}
