//! Normalised values: dates with their precision, calendar and qualifier; names split into parts
//! with their keys; places resolved to today's place.

use super::Text;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// How precisely a date is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    /// A single day.
    Day,
    /// A month.
    Month,
    /// A year.
    Year,
    /// A decade (`1930-е`).
    Decade,
    /// An explicit range (`1937-1938`).
    Range,
}

impl Precision {
    /// The lower-case name used in the outputs.
    pub fn as_str(self) -> &'static str {
        match self {
            Precision::Day => "day",
            Precision::Month => "month",
            Precision::Year => "year",
            Precision::Decade => "decade",
            Precision::Range => "range",
        }
    }
}

/// The calendar a source date was written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Calendar {
    /// Gregorian (New Style, or any date after the 1918 switch).
    Gregorian,
    /// Julian (Old Style, marked `ст. ст.`); already converted in `earliest`/`latest`.
    Julian,
    /// Unmarked date before the 1918 switch: either calendar.
    Unknown,
}

impl Calendar {
    /// The lower-case name used in the outputs.
    pub fn as_str(self) -> &'static str {
        match self {
            Calendar::Gregorian => "gregorian",
            Calendar::Julian => "julian",
            Calendar::Unknown => "unknown",
        }
    }
}

/// How sure the source is of a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Qualifier {
    /// As written.
    Exact,
    /// `около`, `ок.`, `~`, `circa`.
    Approximate,
    /// `?`.
    Uncertain,
    /// Both approximate and uncertain.
    #[serde(rename = "approximate_uncertain")]
    ApproximateUncertain,
}

impl Qualifier {
    /// The lower-case name used in the outputs.
    pub fn as_str(self) -> &'static str {
        match self {
            Qualifier::Exact => "exact",
            Qualifier::Approximate => "approximate",
            Qualifier::Uncertain => "uncertain",
            Qualifier::ApproximateUncertain => "approximate_uncertain",
        }
    }
}

/// A normalised archival date: an interval in the proleptic Gregorian calendar.
///
/// [`DateValue::cells`] gives its output columns: earliest, latest, precision, calendar,
/// qualifier, EDTF.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct DateValue {
    /// First possible day (Gregorian).
    pub earliest: NaiveDate,
    /// Last possible day (Gregorian), never before `earliest`.
    pub latest: NaiveDate,
    /// How precisely the date is known.
    pub precision: Precision,
    /// The calendar the source used.
    pub calendar: Calendar,
    /// How sure the source is.
    pub qualifier: Qualifier,
    /// The Extended Date/Time Format string (Gregorian).
    pub edtf: Text,
}

impl DateValue {
    /// The output cells: earliest, latest, precision, calendar, qualifier, EDTF.
    pub fn cells(&self) -> [String; 6] {
        [
            self.earliest.to_string(),
            self.latest.to_string(),
            self.precision.as_str().to_string(),
            self.calendar.as_str().to_string(),
            self.qualifier.as_str().to_string(),
            self.edtf.to_string(),
        ]
    }
}

/// The writing system of a value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Script {
    /// Cyrillic letters only.
    Cyrillic,
    /// Latin letters only.
    Latin,
    /// Both.
    Mixed,
    /// No letters.
    None,
}

impl Script {
    /// The lower-case name used in the outputs.
    pub fn as_str(self) -> &'static str {
        match self {
            Script::Cyrillic => "cyrillic",
            Script::Latin => "latin",
            Script::Mixed => "mixed",
            Script::None => "none",
        }
    }
}

/// Gender as inferred from name forms or a gender column: a soft attribute.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Gender {
    /// Male.
    Male,
    /// Female.
    Female,
}

impl Gender {
    /// The lower-case name used in the outputs.
    pub fn as_str(self) -> &'static str {
        match self {
            Gender::Male => "male",
            Gender::Female => "female",
        }
    }
}

/// A personal name split into parts, with the keys used for matching.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct NameParts {
    /// Surname as written, tidied (NFC, title case).
    pub surname: Text,
    /// Given name(s) as written, tidied.
    pub given: Text,
    /// Patronymic as written, tidied.
    pub patronymic: Text,
    /// The father's given name, derived from the patronymic.
    pub father: Text,
    /// Latin match key of the surname root.
    pub surname_key: Text,
    /// Latin match key of the given name (its equivalence class when known).
    pub given_key: Text,
    /// Latin match key of the father's name.
    pub father_key: Text,
    /// Coarse phonetic key of surname root and given name, for blocking.
    pub phonetic_key: Text,
    /// Gender inferred from the forms, if any.
    pub gender: Option<Gender>,
    /// Script of the input.
    pub script: Option<Script>,
}

impl NameParts {
    /// Whether no part of a name was found.
    pub fn is_empty(&self) -> bool {
        self.surname.is_empty() && self.given.is_empty() && self.patronymic.is_empty()
    }

    /// The output cells: surname, given, patronymic, father, surname_key, given_key,
    /// father_key, phonetic_key, gender, script.
    pub fn cells(&self) -> [String; 10] {
        self.cell_texts().map(str::to_string)
    }

    /// The output cells as [`NameParts::cells`] gives them, borrowed.
    pub fn cell_texts(&self) -> [&str; 10] {
        [
            &self.surname,
            &self.given,
            &self.patronymic,
            &self.father,
            &self.surname_key,
            &self.given_key,
            &self.father_key,
            &self.phonetic_key,
            self.gender.map_or("", Gender::as_str),
            self.script.map_or("", Script::as_str),
        ]
    }
}

/// A place resolved to today's name.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Place {
    /// Today's name in English (GeoNames' preferred form).
    pub modern: String,
    /// ISO 3166-1 alpha-2 country code of today's place.
    pub country: String,
    /// A stable key of the place.
    pub key: String,
    /// The gazetteer form the raw text matched.
    pub matched_form: String,
    /// The level of the address part the place was read from: a village named but unknown to
    /// the gazetteer leaves its district or region, and the level says so.
    pub level: PlaceLevel,
    /// The parts of the address no gazetteer name matched (or that were ambiguous), as written,
    /// `; `-separated: the unknown village of a district found. Empty when every part was found.
    pub unresolved: String,
    /// Parts that name places of different countries today (`Кокташ, Бухара`), said rather than
    /// settled silently; empty when the parts agree.
    pub conflict: String,
}

/// How specific the part of an address a place was read from is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PlaceLevel {
    /// A state or republic.
    Country,
    /// An oblast, viloyat, governorate.
    Region,
    /// An uyezd, district, volost.
    District,
    /// A town, village, aul, station.
    Settlement,
}

impl PlaceLevel {
    /// The name written in outputs.
    pub fn as_str(self) -> &'static str {
        match self {
            PlaceLevel::Country => "country",
            PlaceLevel::Region => "region",
            PlaceLevel::District => "district",
            PlaceLevel::Settlement => "settlement",
        }
    }
}

/// The kind of a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum SentenceKind {
    /// Death (`ВМН`, `расстрел`).
    Death,
    /// Camp or prison (`ИТЛ`, `лишение свободы`).
    Camp,
    /// Exile, banishment or special settlement (`ссылка`, `высылка`).
    Exile,
}

impl SentenceKind {
    /// Every kind, in the order they are tried when a sentence is read.
    pub const ALL: [SentenceKind; 3] =
        [SentenceKind::Death, SentenceKind::Camp, SentenceKind::Exile];

    /// The name used in the outputs and in `sentence_words.csv`.
    pub fn as_str(self) -> &'static str {
        match self {
            SentenceKind::Death => "death",
            SentenceKind::Camp => "camp",
            SentenceKind::Exile => "exile",
        }
    }
}

/// A sentence read as one key: its kind and, but for death, its term in years when written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct SentenceKey {
    /// The kind of sentence.
    pub kind: SentenceKind,
    /// The term in years (never for death).
    pub years: Option<u32>,
}

impl std::fmt::Display for SentenceKey {
    /// `death`, `camp`, `camp:10`, `exile:5`: the form of the outputs.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.years {
            Some(years) => write!(f, "{}:{years}", self.kind.as_str()),
            None => f.write_str(self.kind.as_str()),
        }
    }
}
