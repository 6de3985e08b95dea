//! Words around place names: administrative markers (`г.`, `уезд`, `обл.` ...) and the Russian
//! endings that turn a place name into an adjective or a case form, read from
//! `schemas/place_terms.csv`.

use super::GazetteerError;
use std::collections::HashMap;

/// How specific a part of an address is, from the whole country down to a settlement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Level {
    /// A state or republic.
    Country,
    /// An oblast, viloyat, governorate.
    Region,
    /// An uyezd, district, volost.
    District,
    /// A name with no marker.
    Bare,
    /// A town, village, aul, station.
    Settlement,
}

/// Where a marker stands relative to the name it qualifies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Position {
    /// Before the name (`г. Ташкент`).
    Prefix,
    /// After the name (`Перовский уезд`).
    Suffix,
    /// Either side; it binds to the name before it when there is one.
    Either,
}

/// A marker word: which level it announces and where it stands. `level: None` marks words that
/// open a part to skip (streets, houses).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Marker {
    /// The level announced, or `None` for a part that is no place (street, house).
    pub level: Option<Level>,
    /// Where it stands.
    pub position: Position,
}

/// All words and endings, ready for lookups.
#[derive(Debug, Default)]
pub struct Terms {
    markers: HashMap<String, Marker>,
    /// Adjective and case endings, longest first.
    pub endings: Vec<String>,
    /// Linking syllables between a stem and an adjective ending (`Алма-Ат-ин-ский`).
    pub links: Vec<String>,
    /// Letters dropped from the end of every stem (vowels, soft sign).
    pub soft_tail: Vec<char>,
}

const COLUMNS: [&str; 5] = ["term", "role", "position", "lang", "meaning"];

impl Terms {
    /// Parses the terms table; a bad line gives an error naming the line.
    pub fn parse(text: &str) -> Result<Terms, GazetteerError> {
        let mut rdr = csv::ReaderBuilder::new()
            .comment(Some(b'#'))
            .trim(csv::Trim::All)
            .flexible(true)
            .from_reader(text.as_bytes());
        let bad = |line: u64, message: String| GazetteerError::TermLine { line, message };
        let header = rdr.headers().map_err(|e| bad(1, e.to_string()))?;
        if header.iter().collect::<Vec<_>>() != COLUMNS {
            return Err(bad(1, format!("header must be {:?}", COLUMNS.join(","))));
        }
        let mut terms = Terms::default();
        for result in rdr.records() {
            let rec = result.map_err(|e| bad(line_of(&e), e.to_string()))?;
            let line = rec.position().map_or(0, |p| p.line());
            terms.add(&rec).map_err(|m| bad(line, m))?;
        }
        terms
            .endings
            .sort_by(|a, b| b.chars().count().cmp(&a.chars().count()).then(a.cmp(b)));
        Ok(terms)
    }

    /// Adds one line of the table, or says what is wrong with it.
    pub fn add(&mut self, rec: &csv::StringRecord) -> Result<(), String> {
        let term = rec.get(0).unwrap_or("").to_lowercase();
        if term.is_empty() {
            return Err("column \"term\" is empty".into());
        }
        let role = rec.get(1).unwrap_or("");
        match role {
            "ending" => self.endings.push(term),
            "link" => self.links.push(term),
            "soft_tail" => self.soft_tail.extend(term.chars()),
            _ => {
                let level = marker_level(role)?;
                let position = marker_position(rec.get(2).unwrap_or(""))?;
                let key = term.trim_end_matches('.').to_string();
                self.markers.insert(key, Marker { level, position });
            }
        }
        Ok(())
    }

    /// The marker a token is, if any (case-insensitive, a trailing dot ignored).
    pub fn marker(&self, token_lower: &str) -> Option<Marker> {
        self.markers.get(token_lower.trim_end_matches('.')).copied()
    }
}

fn line_of(e: &csv::Error) -> u64 {
    e.position().map_or(0, |p| p.line())
}

fn marker_level(role: &str) -> Result<Option<Level>, String> {
    Ok(Some(match role {
        "country" => Level::Country,
        "region" => Level::Region,
        "district" => Level::District,
        "settlement" => Level::Settlement,
        "skip" => return Ok(None),
        other => {
            return Err(format!(
                "role {other:?} is not country/region/district/settlement/skip/ending/link/soft_tail"
            ));
        }
    }))
}

fn marker_position(text: &str) -> Result<Position, String> {
    match text {
        "prefix" => Ok(Position::Prefix),
        "suffix" => Ok(Position::Suffix),
        "either" => Ok(Position::Either),
        other => Err(format!("position {other:?} is not prefix/suffix/either")),
    }
}
