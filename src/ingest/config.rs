//! The optional TOML configuration: per-source overrides of what detection decided.

use crate::model::{Field, Lang};
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

/// The whole configuration file.
#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// An archivists' links file of `same`/`different` judgements (relative to the config file).
    pub links: Option<PathBuf>,
    /// Linkage settings.
    #[serde(default)]
    pub link: LinkConfig,
    /// Overrides per source, keyed by the source's file name.
    #[serde(default)]
    pub sources: BTreeMap<String, SourceConfig>,
}

/// Linkage settings a configuration may change.
#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct LinkConfig {
    /// Score at or above which two mentions are merged.
    pub threshold: Option<f64>,
    /// Most evidence against, in bits, two mentions of one person may carry (a merge joining two
    /// mentions that disagree more is refused).
    pub max_disagreement: Option<f64>,
    /// Score from which a mention left alone joins the one person all its pairs lead to.
    pub lone_threshold: Option<f64>,
    /// Lower bound of the review band.
    pub review_low: Option<f64>,
    /// Upper bound of the review band.
    pub review_high: Option<f64>,
}

/// Overrides for one source; every field is optional and replaces detection.
#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct SourceConfig {
    /// Encoding label (`windows-1251`, `koi8-r`, `utf-8` ...).
    pub encoding: Option<String>,
    /// Delimiter: one character, or `tab`.
    pub delimiter: Option<String>,
    /// Sheet name of a workbook.
    pub sheet: Option<String>,
    /// 1-based row number of the header.
    pub header_row: Option<usize>,
    /// Language code of the source (`ru`, `kk`, `uz`, `tg`, `ky`, `en`).
    pub language: Option<String>,
    /// Header → canonical field name, or `extra` to keep the column unmapped.
    #[serde(default)]
    pub columns: BTreeMap<String, String>,
}

/// Why a configuration is unusable.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    /// The file could not be read.
    #[error("{path}: cannot read configuration: {source}")]
    Read {
        /// The configuration file.
        path: PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
    /// The TOML is malformed or has unknown keys.
    #[error("{path}: {message}")]
    Parse {
        /// The configuration file.
        path: PathBuf,
        /// What the TOML parser said, with line and column.
        message: String,
    },
    /// A value is not one of the allowed ones.
    #[error("{path}: source {source_name:?}: {message}")]
    Value {
        /// The configuration file.
        path: PathBuf,
        /// The source the bad value belongs to.
        source_name: String,
        /// What is wrong.
        message: String,
    },
}

impl Config {
    /// Reads and checks a configuration file; relative paths in it are resolved against its folder.
    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        let text = std::fs::read_to_string(path).map_err(|source| ConfigError::Read {
            path: path.to_path_buf(),
            source,
        })?;
        let mut config: Config = toml::from_str(&text).map_err(|e| ConfigError::Parse {
            path: path.to_path_buf(),
            message: e.to_string(),
        })?;
        if let (Some(links), Some(dir)) = (&config.links, path.parent()) {
            config.links = Some(dir.join(links));
        }
        for (name, source) in &config.sources {
            source.check().map_err(|message| ConfigError::Value {
                path: path.to_path_buf(),
                source_name: name.clone(),
                message,
            })?;
        }
        Ok(config)
    }

    /// The overrides for a source, or none.
    pub fn source(&self, name: &str) -> SourceConfig {
        self.sources.get(name).cloned().unwrap_or_default()
    }
}

impl SourceConfig {
    fn check(&self) -> Result<(), String> {
        self.delimiter_byte()?;
        self.lang()?;
        self.column_overrides()?;
        if let Some(enc) = &self.encoding {
            encoding_rs::Encoding::for_label(enc.as_bytes())
                .ok_or_else(|| format!("unknown encoding {enc:?}"))?;
        }
        if self.header_row == Some(0) {
            return Err("header_row counts from 1".into());
        }
        Ok(())
    }

    /// The delimiter as a byte, if one is configured.
    pub fn delimiter_byte(&self) -> Result<Option<u8>, String> {
        match self.delimiter.as_deref() {
            None => Ok(None),
            Some("tab") | Some("\t") => Ok(Some(b'\t')),
            Some(d) if d.len() == 1 => Ok(Some(d.as_bytes()[0])),
            Some(d) => Err(format!(
                "delimiter {d:?} must be one ASCII character or `tab`"
            )),
        }
    }

    /// The configured language, if any.
    pub fn lang(&self) -> Result<Option<Lang>, String> {
        match &self.language {
            None => Ok(None),
            Some(code) => Lang::parse(code)
                .map(Some)
                .ok_or_else(|| format!("unknown language {code:?}")),
        }
    }

    /// Column overrides: header → field, `None` for `extra`.
    pub fn column_overrides(&self) -> Result<HashMap<String, Option<Field>>, String> {
        self.columns
            .iter()
            .map(|(header, field)| {
                let mapped = match field.as_str() {
                    "extra" => None,
                    name => Some(
                        Field::parse(name)
                            .ok_or_else(|| format!("column {header:?}: unknown field {name:?}"))?,
                    ),
                };
                Ok((header.trim().to_string(), mapped))
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load(text: &str) -> Result<Config, ConfigError> {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("rehab.toml");
        std::fs::write(&path, text).unwrap();
        Config::load(&path)
    }

    #[test]
    fn overrides_are_read() {
        let config = load(
            r#"
            [sources."list.csv"]
            encoding = "koi8-r"
            delimiter = "tab"
            header_row = 3
            language = "kk"
            columns = { "Архив" = "case_number", "Источник" = "extra" }
            "#,
        )
        .unwrap();
        let src = config.source("list.csv");
        assert_eq!(src.delimiter_byte(), Ok(Some(b'\t')));
        assert_eq!(src.lang(), Ok(Some(Lang::Kk)));
        let cols = src.column_overrides().unwrap();
        assert_eq!(cols["Архив"], Some(Field::CaseNumber));
        assert_eq!(cols["Источник"], None);
        assert_eq!(config.source("other.csv"), SourceConfig::default());
    }

    #[test]
    fn bad_values_name_the_source_and_the_problem() {
        let err = load("[sources.\"a.csv\"]\ncolumns = { \"X\" = \"bogus\" }\n").unwrap_err();
        assert!(err.to_string().contains("a.csv") && err.to_string().contains("bogus"));
        let err = load("[sources.\"a.csv\"]\nnonsense = 1\n").unwrap_err();
        assert!(err.to_string().contains("nonsense"), "{err}");
    }
}
