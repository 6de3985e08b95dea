//! The optional TOML configuration: per-source overrides of what detection decided, and the
//! linkage settings. The file is read and checked once ([`Config::load`]) into typed values; no
//! later stage parses a setting again.

use crate::model::{Field, Lang};
use encoding_rs::Encoding;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The whole configuration, read and checked.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Config {
    /// An archivists' links file of `same`/`different` judgements (relative to the config file).
    pub links: Option<PathBuf>,
    /// Linkage settings.
    pub link: LinkConfig,
    /// Overrides per source, keyed by the source's file name.
    pub sources: BTreeMap<String, SourceConfig>,
    /// Let a run replace the outputs although a source of the last run is missing, unreadable
    /// or shrank to fewer than half its accepted rows (as `--allow-shrink`).
    pub allow_shrink: Option<bool>,
    /// A folder of local additions to the tables of `schemas/` (relative to the config file);
    /// `--data-dir` wins over it.
    pub data_dir: Option<PathBuf>,
    /// Keep every scored pair for calibration (`rehab run --scored-pairs`; not a key of the
    /// file).
    pub keep_scored_pairs: bool,
    /// The PostgreSQL database a run's outputs are loaded into (`[postgres]`).
    pub postgres: PostgresConfig,
}

/// `[postgres]`: where `rehab run` and `rehab load` load the outputs (`--postgres` and
/// `REHAB_POSTGRES_URL` win over `url`, `--schema` over `schema`).
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PostgresConfig {
    /// The connection URL (`postgresql://user:password@host:port/db`) or `key=value` string.
    pub url: Option<String>,
    /// The schema to keep current (default `rehab`).
    pub schema: Option<String>,
}

/// The linkage settings a configuration gives (the keys of `[link]`), read once.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct LinkConfig {
    values: BTreeMap<LinkSetting, f64>,
}

impl<'de> Deserialize<'de> for LinkConfig {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let written = BTreeMap::<String, f64>::deserialize(deserializer)?;
        let mut values = BTreeMap::new();
        for (key, value) in written {
            let setting = LinkSetting::ALL.into_iter().find(|s| s.name() == key);
            let setting = setting.ok_or_else(|| {
                let names: Vec<&str> = LinkSetting::ALL.iter().map(|s| s.name()).collect();
                serde::de::Error::custom(format!(
                    "unknown field `{key}`, expected one of `{}`",
                    names.join("`, `")
                ))
            })?;
            values.insert(setting, value);
        }
        Ok(LinkConfig { values })
    }
}

/// The configuration file as written, before its values are read.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ConfigFile {
    links: Option<PathBuf>,
    #[serde(default)]
    link: LinkConfig,
    #[serde(default)]
    sources: BTreeMap<String, SourceFile>,
    allow_shrink: Option<bool>,
    data_dir: Option<PathBuf>,
    #[serde(default)]
    postgres: PostgresConfig,
}

/// Overrides for one source as written: every key is optional.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct SourceFile {
    encoding: Option<String>,
    delimiter: Option<String>,
    sheet: Option<String>,
    header_row: Option<usize>,
    language: Option<String>,
    #[serde(default)]
    columns: BTreeMap<String, String>,
    #[serde(default)]
    compare: Vec<String>,
}

/// Overrides for one source; every one is optional and replaces detection.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SourceConfig {
    /// The encoding (from a label such as `windows-1251`, `koi8-r`, `utf-8`).
    pub encoding: Option<&'static Encoding>,
    /// The delimiter (one ASCII character, or `tab`).
    pub delimiter: Option<u8>,
    /// Sheet name of a workbook.
    pub sheet: Option<String>,
    /// 1-based row number of the header.
    pub header_row: Option<usize>,
    /// Language of the source (`ru`, `kk`, `uz`, `tg`, `ky`, `en`).
    pub language: Option<Lang>,
    /// Header (trimmed) → canonical field, or `None` (`extra`) to keep the column unmapped.
    pub columns: BTreeMap<String, Option<Field>>,
    /// Headers (trimmed) of columns the linker compares whatever its choice from the data
    /// (a column it would take for a record id, or prose): they must be kept in `extra`.
    pub compare: Vec<String>,
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
        let file: ConfigFile = toml::from_str(&text).map_err(|e| ConfigError::Parse {
            path: path.to_path_buf(),
            message: e.to_string(),
        })?;
        file.link
            .check()
            .map_err(|(setting, message)| ConfigError::Setting {
                path: path.to_path_buf(),
                setting: format!("link.{setting}"),
                message,
            })?;
        let mut sources = BTreeMap::new();
        for (name, source) in file.sources {
            let source = SourceConfig::read(source).map_err(|message| ConfigError::Value {
                path: path.to_path_buf(),
                source_name: name.clone(),
                message,
            })?;
            sources.insert(name, source);
        }
        let dir = path.parent().unwrap_or(Path::new(""));
        Ok(Config {
            links: file.links.map(|links| dir.join(links)),
            link: file.link,
            sources,
            allow_shrink: file.allow_shrink,
            data_dir: file.data_dir.map(|data| dir.join(data)),
            keep_scored_pairs: false,
            postgres: file.postgres,
        })
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
            for header in &source.compare {
                if !found.iter().any(|h| h.trim() == header.as_str()) {
                    warnings.push(format!(
                        "configuration: [sources.{name:?}] compare: {header:?} is not a header \
                         of {name}; it is not compared"
                    ));
                }
            }
        }
        warnings
    }

    /// The columns every source asks the linker to compare, as `(source, header)`.
    pub fn compared_columns(&self) -> Vec<(String, String)> {
        self.sources
            .iter()
            .flat_map(|(name, source)| {
                source
                    .compare
                    .iter()
                    .map(move |header| (name.clone(), header.clone()))
            })
            .collect()
    }

    /// The overrides for a source, or none.
    pub fn source(&self, name: &str) -> SourceConfig {
        self.sources.get(name).cloned().unwrap_or_default()
    }
}

/// A linkage setting a configuration may change (a key of `[link]`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum LinkSetting {
    /// `threshold`: score at or above which two mentions are merged.
    Threshold,
    /// `max_disagreement`: most evidence against, in bits, two mentions of one person may carry
    /// (a merge joining two mentions that disagree more is refused).
    MaxDisagreement,
    /// `lone_threshold`: score from which a mention left alone joins the one person all its
    /// pairs lead to.
    LoneThreshold,
    /// `review_low`: lower bound of the review band.
    ReviewLow,
    /// `review_high`: upper bound of the review band.
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
        self.values.get(&setting).copied()
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
        if let Some(v) = self.get(LinkSetting::MaxDisagreement).filter(|&v| v < 0.0) {
            return Err(("max_disagreement", format!("{v} is negative")));
        }
        let band = [LinkSetting::ReviewLow, LinkSetting::ReviewHigh].map(|s| self.get(s));
        if let [Some(low), Some(high)] = band
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
    /// Reads the overrides as written, or says which one is wrong.
    fn read(file: SourceFile) -> Result<SourceConfig, String> {
        if file.header_row == Some(0) {
            return Err("header_row counts from 1".into());
        }
        Ok(SourceConfig {
            encoding: file.encoding.as_deref().map(encoding).transpose()?,
            delimiter: file.delimiter.as_deref().map(delimiter).transpose()?,
            sheet: file.sheet,
            header_row: file.header_row,
            language: file.language.as_deref().map(language).transpose()?,
            columns: file
                .columns
                .iter()
                .map(|(header, field)| Ok((header.trim().to_string(), column(header, field)?)))
                .collect::<Result<_, String>>()?,
            compare: file
                .compare
                .iter()
                .map(|header| match header.trim() {
                    "" => Err("compare: a header is empty".to_string()),
                    header => Ok(header.to_string()),
                })
                .collect::<Result<_, String>>()?,
        })
    }
}

fn encoding(label: &str) -> Result<&'static Encoding, String> {
    Encoding::for_label(label.trim().as_bytes())
        .ok_or_else(|| format!("unknown encoding {label:?}"))
}

fn delimiter(written: &str) -> Result<u8, String> {
    match written {
        "tab" | "\t" => Ok(b'\t'),
        d if d.len() == 1 => Ok(d.as_bytes()[0]),
        d => Err(format!(
            "delimiter {d:?} must be one ASCII character or `tab`"
        )),
    }
}

fn language(code: &str) -> Result<Lang, String> {
    Lang::parse(code).ok_or_else(|| format!("unknown language {code:?}"))
}

fn column(header: &str, field: &str) -> Result<Option<Field>, String> {
    match field {
        "extra" => Ok(None),
        name => Field::parse(name)
            .map(Some)
            .ok_or_else(|| format!("column {header:?}: unknown field {name:?}")),
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
    fn the_postgres_section_is_read_and_checked() {
        let config =
            load("[postgres]\nurl = \"postgresql://loader@db/archive\"\nschema = \"portal\"\n")
                .unwrap();
        assert_eq!(
            config.postgres.url.as_deref(),
            Some("postgresql://loader@db/archive")
        );
        assert_eq!(config.postgres.schema.as_deref(), Some("portal"));
        assert!(load("[postgres]\nuri = \"x\"\n").is_err());
        assert_eq!(load("").unwrap().postgres, PostgresConfig::default());
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
            compare = [" Паспорт ", "Место работы"]
            "#,
        )
        .unwrap();
        let src = config.source("list.csv");
        assert_eq!(src.compare, ["Паспорт", "Место работы"]);
        assert_eq!(
            config.compared_columns(),
            [
                ("list.csv".to_string(), "Паспорт".to_string()),
                ("list.csv".to_string(), "Место работы".to_string())
            ]
        );
        assert_eq!(src.encoding, Some(encoding_rs::KOI8_R));
        assert_eq!(src.delimiter, Some(b'\t'));
        assert_eq!(src.header_row, Some(3));
        assert_eq!(src.language, Some(Lang::Kk));
        let cols = &src.columns;
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
        for (text, needle) in [
            ("encoding = \"cp-nope\"", "cp-nope"),
            ("delimiter = \";;\"", "delimiter"),
            ("language = \"xx\"", "xx"),
            ("header_row = 0", "header_row"),
        ] {
            let err = load(&format!("[sources.\"a.csv\"]\n{text}\n")).unwrap_err();
            assert!(matches!(err, ConfigError::Value { .. }), "{text}: {err}");
            assert!(err.to_string().contains(needle), "{text}: {err}");
        }
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

    #[test]
    fn link_settings_are_read_by_name_and_an_unknown_one_is_refused() {
        let config = load("[link]\nthreshold = 3\nreview_high = 4.5\n").unwrap();
        assert_eq!(config.link.get(LinkSetting::Threshold), Some(3.0));
        assert_eq!(config.link.get(LinkSetting::ReviewHigh), Some(4.5));
        assert_eq!(config.link.get(LinkSetting::ReviewLow), None);
        let err = load("[link]\nthreshhold = 3.0\n").unwrap_err();
        assert!(matches!(err, ConfigError::Parse { .. }), "{err}");
        assert!(err.to_string().contains("threshhold"), "{err}");
    }
}
