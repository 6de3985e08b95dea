//! The tables: their files, built-in texts, key columns and line rules.

use crate::ingest::headers;
use crate::model::check_unknown_marker_line;
use crate::normalize::{dates, names, nationality, note, places, sentence, translit};

/// What a table must say of one of its lines: `Ok`, or what is wrong with it.
pub type LineCheck = fn(&csv::StringRecord) -> Result<(), String>;

/// Everything known of one table.
pub struct Spec {
    /// The file name, in `schemas/` and in a local additions folder.
    pub file: &'static str,
    /// The built-in text, compiled in.
    pub builtin: &'static str,
    /// The columns whose values together identify a line (0-based).
    pub key: &'static [usize],
    /// Whether the loader trims the spaces around each field.
    pub trim: bool,
    /// How the loader folds a key column before comparing it.
    pub fold: fn(&str) -> String,
    /// The loader's own rule for one line.
    pub check: LineCheck,
}

/// The tables of `schemas/` the normalisers read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Table {
    /// Column headers → fields (`headers.csv`).
    Headers,
    /// Words of headers that name no field (`header_stopwords.csv`).
    HeaderStopwords,
    /// Place names (`gazetteer.csv`).
    Gazetteer,
    /// Words around place names (`place_terms.csv`).
    PlaceTerms,
    /// Given-name equivalence classes (`given_names.csv`).
    GivenNames,
    /// Patronymic markers (`patronymics.csv`).
    Patronymics,
    /// Surname suffixes (`surname_suffixes.csv`).
    SurnameSuffixes,
    /// Name particles and titles (`name_particles.csv`).
    NameParticles,
    /// Nationalities (`nationalities.csv`).
    Nationalities,
    /// Month names (`months.csv`).
    Months,
    /// Words of dates (`date_words.csv`).
    DateWords,
    /// Season names (`seasons.csv`).
    Seasons,
    /// Markers of the unknown (`unknown_markers.csv`).
    UnknownMarkers,
    /// Transliteration schemes (`translit.csv`).
    Translit,
    /// Words naming the kind of a sentence (`sentence_words.csv`).
    SentenceWords,
    /// Markers of what a clause of a biographical note says (`note_markers.csv`).
    NoteMarkers,
}

impl Table {
    /// Every table, in the order of [`Table`].
    pub const ALL: [Table; 16] = [
        Table::Headers,
        Table::HeaderStopwords,
        Table::Gazetteer,
        Table::PlaceTerms,
        Table::GivenNames,
        Table::Patronymics,
        Table::SurnameSuffixes,
        Table::NameParticles,
        Table::Nationalities,
        Table::Months,
        Table::DateWords,
        Table::Seasons,
        Table::UnknownMarkers,
        Table::Translit,
        Table::SentenceWords,
        Table::NoteMarkers,
    ];

    /// The table a file name names.
    pub fn from_file(name: &str) -> Option<Table> {
        Table::ALL.into_iter().find(|t| t.spec().file == name)
    }

    /// The file name of the table.
    pub fn file(self) -> &'static str {
        self.spec().file
    }

    /// Its header line: the first line of the built-in text that is no comment.
    pub fn header_line(self) -> &'static str {
        self.spec()
            .builtin
            .lines()
            .map(str::trim)
            .find(|l| !l.is_empty() && !l.starts_with('#'))
            .unwrap_or("")
    }

    /// Everything known of the table.
    pub fn spec(self) -> &'static Spec {
        &SPECS[self as usize]
    }
}

/// Case-folded, NFC, white space collapsed: how most loaders compare their keys.
pub fn plain_fold(value: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    let value: String = value.nfc().collect();
    let words: Vec<&str> = value.split_whitespace().collect();
    words.join(" ").to_lowercase()
}

macro_rules! schema {
    ($file:literal) => {
        include_str!(concat!("../../schemas/", $file))
    };
}

static SPECS: [Spec; 16] = [
    Spec {
        file: "headers.csv",
        builtin: schema!("headers.csv"),
        key: &[1],
        trim: false,
        fold: headers::header_key,
        check: headers::check_line,
    },
    Spec {
        file: "header_stopwords.csv",
        builtin: schema!("header_stopwords.csv"),
        key: &[0],
        trim: true,
        fold: plain_fold,
        check: headers::check_stopword_line,
    },
    Spec {
        file: "gazetteer.csv",
        builtin: schema!("gazetteer.csv"),
        key: &[0, 4, 5],
        trim: true,
        fold: plain_fold,
        check: places::check_gazetteer_line,
    },
    Spec {
        file: "place_terms.csv",
        builtin: schema!("place_terms.csv"),
        key: &[0],
        trim: true,
        fold: plain_fold,
        check: places::check_term_line,
    },
    Spec {
        file: "given_names.csv",
        builtin: schema!("given_names.csv"),
        key: &[0],
        trim: false,
        fold: plain_fold,
        check: names::data::check_given_name_line,
    },
    Spec {
        file: "patronymics.csv",
        builtin: schema!("patronymics.csv"),
        key: &[0, 2],
        trim: false,
        fold: plain_fold,
        check: names::data::check_patronymic_line,
    },
    Spec {
        file: "surname_suffixes.csv",
        builtin: schema!("surname_suffixes.csv"),
        key: &[0, 1],
        trim: false,
        fold: plain_fold,
        check: names::data::check_surname_suffix_line,
    },
    Spec {
        file: "name_particles.csv",
        builtin: schema!("name_particles.csv"),
        key: &[0],
        trim: false,
        fold: plain_fold,
        check: names::data::check_particle_line,
    },
    Spec {
        file: "nationalities.csv",
        builtin: schema!("nationalities.csv"),
        key: &[1],
        trim: false,
        fold: plain_fold,
        check: nationality::check_line,
    },
    Spec {
        file: "months.csv",
        builtin: schema!("months.csv"),
        key: &[0, 1],
        trim: false,
        fold: plain_fold,
        check: check_month_line,
    },
    Spec {
        file: "date_words.csv",
        builtin: schema!("date_words.csv"),
        key: &[0, 1],
        trim: false,
        fold: plain_fold,
        check: check_word_line,
    },
    Spec {
        file: "seasons.csv",
        builtin: schema!("seasons.csv"),
        key: &[0, 1],
        trim: false,
        fold: plain_fold,
        check: check_season_line,
    },
    Spec {
        file: "unknown_markers.csv",
        builtin: schema!("unknown_markers.csv"),
        key: &[0],
        trim: false,
        fold: plain_fold,
        check: check_unknown_marker_line,
    },
    Spec {
        file: "translit.csv",
        builtin: schema!("translit.csv"),
        key: &[0, 1],
        trim: false,
        fold: plain_fold,
        check: translit::check_line,
    },
    Spec {
        file: "sentence_words.csv",
        builtin: schema!("sentence_words.csv"),
        key: &[0],
        trim: false,
        fold: plain_fold,
        check: sentence::check_line,
    },
    Spec {
        file: "note_markers.csv",
        builtin: schema!("note_markers.csv"),
        key: &[0],
        trim: false,
        fold: plain_fold,
        check: note::check_marker_line,
    },
];

/// The rule for one line of `months.csv`: the date vocabulary loader's, on that line alone.
fn check_month_line(rec: &csv::StringRecord) -> Result<(), String> {
    let text = one_line_table(Table::Months, rec);
    first_problem(dates::vocabulary_problems_of(
        &text,
        Table::DateWords.header_line(),
        Table::Seasons.header_line(),
    ))
}

/// The rule for one line of `date_words.csv`: the date vocabulary loader's, on that line alone.
fn check_word_line(rec: &csv::StringRecord) -> Result<(), String> {
    let text = one_line_table(Table::DateWords, rec);
    first_problem(dates::vocabulary_problems_of(
        Table::Months.header_line(),
        &text,
        Table::Seasons.header_line(),
    ))
}

/// The rule for one line of `seasons.csv`: the date vocabulary loader's, on that line alone.
fn check_season_line(rec: &csv::StringRecord) -> Result<(), String> {
    let text = one_line_table(Table::Seasons, rec);
    first_problem(dates::vocabulary_problems_of(
        Table::Months.header_line(),
        Table::DateWords.header_line(),
        &text,
    ))
}

/// A table of the header line and one record.
fn one_line_table(table: Table, rec: &csv::StringRecord) -> String {
    let mut writer = csv::Writer::from_writer(Vec::new());
    let line = writer
        .write_record(rec)
        .ok()
        .and_then(|()| writer.into_inner().ok())
        .map(|bytes| String::from_utf8_lossy(&bytes).into_owned())
        .unwrap_or_default();
    format!("{}\n{line}", table.header_line())
}

/// The problem of a one-line table, without the `file:line:` the loader puts before it.
fn first_problem(problems: Vec<String>) -> Result<(), String> {
    match problems.into_iter().next() {
        None => Ok(()),
        Some(p) => Err(p.splitn(3, ':').nth(2).unwrap_or(&p).trim().to_string()),
    }
}
