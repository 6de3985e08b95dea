//! Reading the gazetteer table: one row per name form of a place.
//!
//! Columns: `key,country,kind,modern,form,lang,from,to,historic`. The place columns (`country`,
//! `kind`, `modern`) repeat on every row of a key and must agree.

use super::GazetteerError;
use std::collections::HashMap;

/// What sort of place an entry is; it decides how specific a match on it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum PlaceKind {
    /// A sovereign state or a former state-level unit (SSR, ASSR, khanate).
    Country,
    /// A first-level region: oblast, viloyat, velayat, governorate.
    Region,
    /// A city or town.
    Town,
    /// A village, aul, kishlak or station.
    Village,
}

impl PlaceKind {
    fn parse(text: &str) -> Option<PlaceKind> {
        match text {
            "country" => Some(PlaceKind::Country),
            "region" => Some(PlaceKind::Region),
            "city" | "town" => Some(PlaceKind::Town),
            "village" => Some(PlaceKind::Village),
            _ => None,
        }
    }

    /// Whether the kind is a settlement (town or village).
    pub fn is_settlement(self) -> bool {
        matches!(self, PlaceKind::Town | PlaceKind::Village)
    }
}

/// One place of today's map.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlaceEntry {
    /// Stable key, e.g. `kz-kyzylorda`.
    pub key: String,
    /// ISO 3166-1 alpha-2 code of today's country.
    pub country: String,
    /// What sort of place it is.
    pub kind: PlaceKind,
    /// Today's English name.
    pub modern: String,
}

/// One name form of a place, with the years it was in use.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormEntry {
    /// Index of the place in [`Table::places`].
    pub place: usize,
    /// The form as written in the table.
    pub text: String,
    /// Language and script tag (`ru`, `kk`, `uz-Latn`, `en` ...).
    pub lang: String,
    /// First year of use, when known.
    pub from: Option<i32>,
    /// Last year of use, when known.
    pub to: Option<i32>,
    /// Whether the form is no longer official.
    pub historic: bool,
}

impl FormEntry {
    /// Whether the form was in use in `year` (unknown bounds are open).
    pub fn in_use(&self, year: i32) -> bool {
        self.from.is_none_or(|f| year >= f) && self.to.is_none_or(|t| year <= t)
    }
}

/// The whole table: places and their forms in file order.
#[derive(Debug, Default)]
pub struct Table {
    /// Places in order of first appearance.
    pub places: Vec<PlaceEntry>,
    /// Forms in file order.
    pub forms: Vec<FormEntry>,
    /// For each place, whether every one of its forms is historic: a unit that is gone (an
    /// uyezd, an emirate), with no borders of today's map.
    pub gone: Vec<bool>,
}

const COLUMNS: [&str; 9] = [
    "key", "country", "kind", "modern", "form", "lang", "from", "to", "historic",
];

/// Parses the gazetteer CSV; a bad line gives an error naming the line.
pub fn parse_table(text: &str) -> Result<Table, GazetteerError> {
    let mut rdr = csv::ReaderBuilder::new()
        .comment(Some(b'#'))
        .trim(csv::Trim::All)
        .flexible(true)
        .from_reader(text.as_bytes());
    check_header(&mut rdr)?;
    let mut table = Table::default();
    let mut index: HashMap<String, usize> = HashMap::new();
    for result in rdr.records() {
        let rec = result.map_err(|e| csv_error(&e))?;
        let line = rec.position().map_or(0, |p| p.line());
        let bad = |message: String| GazetteerError::Line { line, message };
        let (place, mut form) = read_line(&rec).map_err(bad)?;
        form.place = intern_place(&mut table, &mut index, place).map_err(bad)?;
        table.forms.push(form);
    }
    table.gone = vec![true; table.places.len()];
    for form in table.forms.iter().filter(|f| !f.historic) {
        table.gone[form.place] = false;
    }
    Ok(table)
}

fn check_header(rdr: &mut csv::Reader<&[u8]>) -> Result<(), GazetteerError> {
    let header = rdr.headers().map_err(|e| csv_error(&e))?;
    let found: Vec<&str> = header.iter().collect();
    if found != COLUMNS {
        return Err(GazetteerError::Line {
            line: 1,
            message: format!("header must be {:?}, found {:?}", COLUMNS.join(","), found),
        });
    }
    Ok(())
}

fn csv_error(e: &csv::Error) -> GazetteerError {
    let line = e.position().map_or(0, |p| p.line());
    GazetteerError::Line {
        line,
        message: e.to_string(),
    }
}

/// The rule for one line: its place and its form (the form's place index not yet set).
fn read_line(rec: &csv::StringRecord) -> Result<(PlaceEntry, FormEntry), String> {
    if rec.len() != COLUMNS.len() {
        return Err(format!(
            "expected {} columns, found {}",
            COLUMNS.len(),
            rec.len()
        ));
    }
    Ok((read_place(rec)?, read_form(rec, 0)?))
}

/// Whether one line of the gazetteer reads, and what is wrong with it when not.
pub fn check_line(rec: &csv::StringRecord) -> Result<(), String> {
    read_line(rec).map(|_| ())
}

/// Whether a text is a language tag as the gazetteer writes them: `ru`, `kaa`, `uz-Latn`.
fn is_language_tag(tag: &str) -> bool {
    let (lang, script) = tag.split_once('-').unwrap_or((tag, "Zzzz"));
    (2..=3).contains(&lang.len())
        && lang.bytes().all(|b| b.is_ascii_lowercase())
        && script.len() == 4
        && script
            .bytes()
            .next()
            .is_some_and(|b| b.is_ascii_uppercase())
        && script.bytes().skip(1).all(|b| b.is_ascii_lowercase())
}

fn read_place(rec: &csv::StringRecord) -> Result<PlaceEntry, String> {
    let key = required(rec, 0, "key")?;
    let country = required(rec, 1, "country")?;
    if country.len() != 2 || !country.bytes().all(|b| b.is_ascii_uppercase()) {
        return Err(format!("country {country:?} is not an ISO alpha-2 code"));
    }
    let kind_text = required(rec, 2, "kind")?;
    let kind = PlaceKind::parse(kind_text)
        .ok_or_else(|| format!("kind {kind_text:?} is not country/region/city/town/village"))?;
    Ok(PlaceEntry {
        key: key.to_string(),
        country: country.to_string(),
        kind,
        modern: required(rec, 3, "modern")?.to_string(),
    })
}

fn intern_place(
    table: &mut Table,
    index: &mut HashMap<String, usize>,
    place: PlaceEntry,
) -> Result<usize, String> {
    if let Some(&idx) = index.get(&place.key) {
        let known = &table.places[idx];
        if *known != place {
            return Err(format!(
                "place {:?} disagrees with its earlier rows ({}, {:?}, {})",
                place.key, known.country, known.kind, known.modern
            ));
        }
        return Ok(idx);
    }
    index.insert(place.key.clone(), table.places.len());
    table.places.push(place);
    Ok(table.places.len() - 1)
}

fn read_form(rec: &csv::StringRecord, place: usize) -> Result<FormEntry, String> {
    let from = year(rec, 6, "from")?;
    let to = year(rec, 7, "to")?;
    if let (Some(f), Some(t)) = (from, to)
        && f > t
    {
        return Err(format!("period {f}..{t} ends before it starts"));
    }
    Ok(FormEntry {
        place,
        text: required(rec, 4, "form")?.to_string(),
        lang: language_tag(required(rec, 5, "lang")?)?.to_string(),
        from,
        to,
        historic: flag(rec.get(8).unwrap_or(""))?,
    })
}

fn language_tag(tag: &str) -> Result<&str, String> {
    if is_language_tag(tag) {
        Ok(tag)
    } else {
        Err(format!(
            "lang {tag:?} is not a language tag (`ru`, `kk`, `uz-Latn`...)"
        ))
    }
}

fn required<'r>(rec: &'r csv::StringRecord, i: usize, name: &str) -> Result<&'r str, String> {
    match rec.get(i) {
        Some(v) if !v.is_empty() => Ok(v),
        _ => Err(format!("column {name:?} is empty")),
    }
}

fn year(rec: &csv::StringRecord, i: usize, name: &str) -> Result<Option<i32>, String> {
    let text = rec.get(i).unwrap_or("");
    if text.is_empty() {
        return Ok(None);
    }
    text.parse::<i32>()
        .map(Some)
        .map_err(|_| format!("column {name:?}: {text:?} is not a year"))
}

fn flag(text: &str) -> Result<bool, String> {
    match text {
        "" | "no" | "0" | "false" => Ok(false),
        "yes" | "1" | "true" => Ok(true),
        other => Err(format!("column \"historic\": {other:?} is not yes/no")),
    }
}
