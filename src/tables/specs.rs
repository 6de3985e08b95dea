//! The tables: their files, built-in texts, key columns and line rules.

use crate::ingest::headers;
use crate::model::check_unknown_marker_line;
use crate::normalize::{bodies, dates, names, nationality, note, places, sentence, translit};

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
    /// Loads what the table feeds (with the tables it is read together with); run by
    /// [`super::check_all`].
    pub load: Load,
}

/// Loads a table's value once and says whether it loaded.
pub type Load = fn() -> Result<(), super::DataError>;

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
    /// Repression and rehabilitation bodies and legal acts (`bodies.csv`).
    Bodies,
    /// Abbreviations, stopwords, endings and outcome words of bodies' names (`body_words.csv`).
    BodyWords,
}

impl Table {
    /// Every table, in the order of [`Table`].
    pub const ALL: [Table; 18] = [
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
        Table::Bodies,
        Table::BodyWords,
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

static SPECS: [Spec; 18] = [
    Spec {
        file: "headers.csv",
        builtin: schema!("headers.csv"),
        key: &[1],
        trim: false,
        fold: headers::header_key,
        check: headers::check_line,
        load: headers::check_loaded,
    },
    Spec {
        file: "header_stopwords.csv",
        builtin: schema!("header_stopwords.csv"),
        key: &[0],
        trim: true,
        fold: plain_fold,
        check: headers::check_stopword_line,
        load: headers::check_loaded,
    },
    Spec {
        file: "gazetteer.csv",
        builtin: schema!("gazetteer.csv"),
        key: &[0, 4, 5],
        trim: true,
        fold: plain_fold,
        check: places::check_gazetteer_line,
        load: places::check_loaded,
    },
    Spec {
        file: "place_terms.csv",
        builtin: schema!("place_terms.csv"),
        key: &[0],
        trim: true,
        fold: plain_fold,
        check: places::check_term_line,
        load: places::check_loaded,
    },
    Spec {
        file: "given_names.csv",
        builtin: schema!("given_names.csv"),
        key: &[0],
        trim: false,
        fold: plain_fold,
        check: names::data::check_given_name_line,
        load: names::data::check_loaded,
    },
    Spec {
        file: "patronymics.csv",
        builtin: schema!("patronymics.csv"),
        key: &[0, 2],
        trim: false,
        fold: plain_fold,
        check: names::data::check_patronymic_line,
        load: names::data::check_loaded,
    },
    Spec {
        file: "surname_suffixes.csv",
        builtin: schema!("surname_suffixes.csv"),
        key: &[0, 1],
        trim: false,
        fold: plain_fold,
        check: names::data::check_surname_suffix_line,
        load: names::data::check_loaded,
    },
    Spec {
        file: "name_particles.csv",
        builtin: schema!("name_particles.csv"),
        key: &[0],
        trim: false,
        fold: plain_fold,
        check: names::data::check_particle_line,
        load: names::data::check_loaded,
    },
    Spec {
        file: "nationalities.csv",
        builtin: schema!("nationalities.csv"),
        key: &[1],
        trim: false,
        fold: plain_fold,
        check: nationality::check_line,
        load: nationality::check_loaded,
    },
    Spec {
        file: "months.csv",
        builtin: schema!("months.csv"),
        key: &[0, 1],
        trim: false,
        fold: plain_fold,
        check: dates::check_month_line,
        load: dates::check_loaded,
    },
    Spec {
        file: "date_words.csv",
        builtin: schema!("date_words.csv"),
        key: &[0, 1],
        trim: false,
        fold: plain_fold,
        check: dates::check_word_line,
        load: dates::check_loaded,
    },
    Spec {
        file: "seasons.csv",
        builtin: schema!("seasons.csv"),
        key: &[0, 1],
        trim: false,
        fold: plain_fold,
        check: dates::check_season_line,
        load: dates::check_loaded,
    },
    Spec {
        file: "unknown_markers.csv",
        builtin: schema!("unknown_markers.csv"),
        key: &[0],
        trim: false,
        fold: plain_fold,
        check: check_unknown_marker_line,
        load: crate::model::check_unknown_markers_loaded,
    },
    Spec {
        file: "translit.csv",
        builtin: schema!("translit.csv"),
        key: &[0, 1],
        trim: false,
        fold: plain_fold,
        check: translit::check_line,
        load: translit::check_loaded,
    },
    Spec {
        file: "sentence_words.csv",
        builtin: schema!("sentence_words.csv"),
        key: &[0],
        trim: false,
        fold: plain_fold,
        check: sentence::check_line,
        load: sentence::check_loaded,
    },
    Spec {
        file: "note_markers.csv",
        builtin: schema!("note_markers.csv"),
        key: &[0],
        trim: false,
        fold: plain_fold,
        check: note::check_marker_line,
        load: note::check_loaded,
    },
    Spec {
        file: "bodies.csv",
        builtin: schema!("bodies.csv"),
        key: &[0],
        trim: false,
        fold: plain_fold,
        check: bodies::check_line,
        load: bodies::check_loaded,
    },
    Spec {
        file: "body_words.csv",
        builtin: schema!("body_words.csv"),
        key: &[0, 1],
        trim: false,
        fold: plain_fold,
        check: bodies::check_words_line,
        load: bodies::check_loaded,
    },
];
