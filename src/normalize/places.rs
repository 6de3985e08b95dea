//! Places: historical and variant names resolved to today's places through a gazetteer.

use super::translit::match_key;
use crate::model::Place;
use std::collections::HashMap;
use std::sync::OnceLock;
use thiserror::Error;

/// Why a place could not be resolved.
#[derive(Debug, Error, PartialEq, Eq)]
pub enum PlaceError {
    /// The gazetteer has no such name.
    #[error("unknown place {0:?}")]
    Unknown(String),
}

/// Names of places mapped to today's places.
pub struct Gazetteer {
    by_key: HashMap<String, Place>,
}

const BUILTIN: &str = include_str!("../../schemas/gazetteer.csv");

impl Gazetteer {
    /// The gazetteer shipped in `schemas/gazetteer.csv`, loaded once.
    pub fn builtin() -> &'static Gazetteer {
        static G: OnceLock<Gazetteer> = OnceLock::new();
        G.get_or_init(|| Gazetteer::from_csv(BUILTIN))
    }

    /// Loads a gazetteer from CSV text with columns `key,modern,country,form`.
    pub fn from_csv(text: &str) -> Gazetteer {
        let mut by_key = HashMap::new();
        let mut rdr = csv::Reader::from_reader(text.as_bytes());
        for rec in rdr.records().flatten() {
            let place = Place {
                key: rec[0].to_string(),
                modern: rec[1].to_string(),
                country: rec[2].to_string(),
                matched_form: rec[3].to_string(),
            };
            by_key.insert(match_key(&rec[3]), place);
        }
        Gazetteer { by_key }
    }

    /// Resolves a place name; `Ok(None)` for an empty text.
    pub fn resolve(&self, text: &str) -> Result<Option<Place>, PlaceError> {
        if text.trim().is_empty() {
            return Ok(None);
        }
        let cleaned = text
            .trim()
            .trim_start_matches("г.")
            .trim_start_matches("с.");
        self.by_key
            .get(&match_key(cleaned))
            .cloned()
            .map(Some)
            .ok_or_else(|| PlaceError::Unknown(text.to_string()))
    }
}
