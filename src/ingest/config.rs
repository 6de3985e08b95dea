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
    /// Let a run replace the outputs although a source of the last run is missing, unreadable
    /// or shrank to fewer than half its accepted rows (as `--allow-shrink`).
    pub allow_shrink: Option<bool>,
    /// A folder of local additions to the tables of `schemas/` (relative to the config file);
    /// `--data-dir` wins over it.
    pub data_dir: Option<PathBuf>,
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
    /// A linkage setting is not a usable number, or the review band is inverted.
    #[error("{path}: setting {setting}: {message}")]
    Setting {
        /// The configuration file.
        path: PathBuf,
        /// The setting, as written in the file (`link.threshold`).
        setting: String,
        /// What is wrong.
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
        if let Some(dir) = path.parent() {
            config.links = config.links.map(|links| dir.join(links));
            config.data_dir = config.data_dir.map(|data| dir.join(data));
        }
        config
            .link
            .check()
            .map_err(|(setting, message)| ConfigError::Setting {
                path: path.to_path_buf(),
                setting: format!("link.{setting}"),
                message,
            })?;
        for (name, source) in &config.sources {
            source.check().map_err(|message| ConfigError::Value {
                path: path.to_path_buf(),
                source_name: name.clone(),
                message,
            })?;
        }
        Ok(config)
    }

    /// Overrides that match nothing in the input, as warnings: a `[sources."NAME"]` for a file
    /// the input folder does not hold, and a column override for a header its file lacks.
    /// `headers` maps each source read to its header cells (`None` when it could not be read).
    pub fn unmatched(&self, headers: &BTreeMap<String, Option<Vec<String>>>) -> Vec<String> {
        let mut warnings = Vec::new();
        for (name, source) in &self.sources {
            let Some(found) = headers.get(name) else {
                warnings.push(format!(
                    "configuration: [sources.{name:?}] names no file of the input folder; \
                     its overrides are not used"
                ));
                continue;
            };
            let Some(found) = found else { continue };
            for header in source.columns.keys() {
                if !found.iter().any(|h| h.trim() == header.trim()) {
                    warnings.push(format!(
                        "configuration: [sources.{name:?}] columns: {header:?} is not a header \
                         of {name}; the override is not used"
                    ));
                }
            }
        }
        warnings
    }

    /// The overrides for a source, or none.
    pub fn source(&self, name: &str) -> SourceConfig {
        self.sources.get(name).cloned().unwrap_or_default()
    }
}

/// A linkage setting a configuration may change (a key of `[link]`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkSetting {
    /// `threshold`.
    Threshold,
    /// `max_disagreement`.
    MaxDisagreement,
    /// `lone_threshold`.
    LoneThreshold,
    /// `review_low`.
    ReviewLow,
    /// `review_high`.
    ReviewHigh,
}

impl LinkSetting {
    /// Every setting, in the order of the file's documentation.
    pub const ALL: [LinkSetting; 5] = [
        LinkSetting::Threshold,
        LinkSetting::MaxDisagreement,
        LinkSetting::LoneThreshold,
        LinkSetting::ReviewLow,
        LinkSetting::ReviewHigh,
    ];

    /// The setting's key in `[link]`.
    pub fn name(self) -> &'static str {
        match self {
            LinkSetting::Threshold => "threshold",
            LinkSetting::MaxDisagreement => "max_disagreement",
            LinkSetting::LoneThreshold => "lone_threshold",
            LinkSetting::ReviewLow => "review_low",
            LinkSetting::ReviewHigh => "review_high",
        }
    }
}

impl LinkConfig {
    /// The value the configuration gives a setting, if any.
    pub fn get(&self, setting: LinkSetting) -> Option<f64> {
        match setting {
            LinkSetting::Threshold => self.threshold,
            LinkSetting::MaxDisagreement => self.max_disagreement,
            LinkSetting::LoneThreshold => self.lone_threshold,
            LinkSetting::ReviewLow => self.review_low,
            LinkSetting::ReviewHigh => self.review_high,
        }
    }

    /// The settings as (name, value), in the order of the file's documentation.
    pub fn settings(&self) -> [(&'static str, Option<f64>); 5] {
        LinkSetting::ALL.map(|s| (s.name(), self.get(s)))
    }

    /// Refuses a setting that would turn a check off without a word: a value that is not a
    /// finite number (`nan`, `inf`), a negative `max_disagreement`, or a review band whose lower
    /// bound lies above its upper one. Returns the setting's name and what is wrong.
    fn check(&self) -> Result<(), (&'static str, String)> {
        for (name, value) in self.settings() {
            if let Some(v) = value.filter(|v| !v.is_finite()) {
                return Err((name, format!("{v} is not a finite number")));
            }
        }
        if let Some(v) = self.max_disagreement.filter(|&v| v < 0.0) {
            return Err(("max_disagreement", format!("{v} is negative")));
        }
        if let (Some(low), Some(high)) = (self.review_low, self.review_high)
            && low > high
        {
            return Err((
                "review_low",
                format!("{low} lies above review_high {high}: the review band is inverted"),
            ));
        }
        Ok(())
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

    #[test]
    fn overrides_that_match_nothing_are_named() {
        let config = load(
            "[sources.\"gone.csv\"]\nencoding = \"koi8-r\"\n\
             [sources.\"a.csv\"]\ncolumns = { \"Архив\" = \"case_number\", \"ФИО\" = \"extra\" }\n",
        )
        .unwrap();
        let headers = BTreeMap::from([("a.csv".to_string(), Some(vec![" ФИО ".to_string()]))]);
        let warnings = config.unmatched(&headers);
        assert_eq!(warnings.len(), 2, "{warnings:?}");
        assert!(warnings[0].contains("\"a.csv\"") && warnings[0].contains("\"Архив\""));
        assert!(warnings[1].contains("gone.csv"));
    }

    #[test]
    fn settings_that_would_turn_a_check_off_are_refused() {
        for (text, setting) in [
            ("threshold = nan", "link.threshold"),
            ("threshold = inf", "link.threshold"),
            ("max_disagreement = -inf", "link.max_disagreement"),
            ("max_disagreement = -1.0", "link.max_disagreement"),
            ("lone_threshold = nan", "link.lone_threshold"),
            ("review_low = nan", "link.review_low"),
            ("review_high = inf", "link.review_high"),
            ("review_low = 3.0\nreview_high = 1.0", "link.review_low"),
        ] {
            let err = load(&format!("[link]\n{text}\n")).unwrap_err();
            assert!(
                matches!(&err, ConfigError::Setting { setting: s, .. } if s == setting),
                "{text}: {err}"
            );
        }
        let ok = load("[link]\nthreshold = -1.5\nreview_low = 1.0\nreview_high = 1.0\n");
        assert!(ok.is_ok());
    }
}
