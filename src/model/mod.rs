//! Plain data types that flow from one pipeline stage to the next.
//!
//! `ingest` produces [`RawRecord`]s, `normalize` turns them into [`Mention`]s, `link` groups
//! mentions into persons, `attach` derives [`Decision`]s, and `emit` writes all of them out.
//! Every normalised value keeps the raw text it came from.

use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::sync::Arc;

mod outcome;
mod unknown;
mod values;
mod warning;

pub use outcome::{Outcome, SourceReport, Timings};
pub use unknown::{
    check_line as check_unknown_marker_line, check_loaded as check_unknown_markers_loaded,
    is_unknown_marker,
};
pub use values::{
    Calendar, DateValue, Gender, NameParts, Place, PlaceLevel, Precision, Qualifier, Script,
    SentenceKey, SentenceKind,
};
pub use warning::{ReadError, RowWarning};

/// The text of a value: up to 24 bytes held in place, longer on the heap. Most archival values
/// (record ids, dates as written, name parts, keys) are short, and a million mentions hold tens
/// of millions of them.
pub type Text = compact_str::CompactString;

/// Where a record came from: the source file, its record id and the physical row.
#[derive(Debug, Clone, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Provenance {
    /// The input file name, which is the source name.
    pub source: Text,
    /// The record id: the source's identifier column, or the 1-based data row number.
    pub record_id: Text,
    /// The 1-based physical row (line for CSV, sheet row for XLSX) the record was read from.
    pub row: u64,
}

impl Provenance {
    /// The `source:record_id` key used in links files and reports.
    pub fn key(&self) -> String {
        self.key_display().to_string()
    }

    /// The `source:record_id` key, displayed without allocating.
    pub fn key_display(&self) -> impl fmt::Display + '_ {
        KeyDisplay(self)
    }
}

struct KeyDisplay<'a>(&'a Provenance);

impl fmt::Display for KeyDisplay<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.0.source, self.0.record_id)
    }
}

/// The language a source or a value is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// Russian.
    Ru,
    /// Kazakh.
    Kk,
    /// Uzbek (Latin or Cyrillic).
    Uz,
    /// Tajik.
    Tg,
    /// Kyrgyz.
    Ky,
    /// English and other Western romanised lists.
    En,
}

impl Lang {
    /// Parses a language code such as `ru` or `kk`.
    pub fn parse(code: &str) -> Option<Lang> {
        match code.trim().to_lowercase().as_str() {
            "ru" | "rus" | "russian" => Some(Lang::Ru),
            "kk" | "kaz" | "kazakh" => Some(Lang::Kk),
            "uz" | "uzb" | "uzbek" => Some(Lang::Uz),
            "tg" | "tgk" | "tajik" => Some(Lang::Tg),
            "ky" | "kir" | "kyrgyz" => Some(Lang::Ky),
            "en" | "eng" | "english" => Some(Lang::En),
            _ => None,
        }
    }

    /// The two-letter code.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Ru => "ru",
            Lang::Kk => "kk",
            Lang::Uz => "uz",
            Lang::Tg => "tg",
            Lang::Ky => "ky",
            Lang::En => "en",
        }
    }
}

/// A canonical field that a source column can map to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    /// The source's own identifier of the record.
    RecordId,
    /// A whole name in one field (ФИО).
    FullName,
    /// Surname (фамилия).
    Surname,
    /// Given name(s) (имя).
    Given,
    /// Patronymic (отчество) or father's name.
    Patronymic,
    /// Birth date or birth year.
    BirthDate,
    /// Birth place.
    BirthPlace,
    /// Sex or gender as written.
    Gender,
    /// Nationality (национальность).
    Nationality,
    /// Place of residence.
    Residence,
    /// Occupation or place of work.
    Occupation,
    /// Arrest date.
    ArrestDate,
    /// Charge, usually an article of the criminal code.
    Charge,
    /// The organ that sentenced (тройка, ОСО, ВКВС ...).
    SentencingOrgan,
    /// Sentencing date.
    SentenceDate,
    /// Sentence (ВМН, N лет ИТЛ, ссылка ...).
    Sentence,
    /// Date of death.
    DeathDate,
    /// The rehabilitation decision as written.
    Decision,
    /// Date of the rehabilitation decision.
    DecisionDate,
    /// The body that decided on rehabilitation.
    DecidingBody,
    /// The legal basis of the decision.
    LegalBasis,
    /// Case file number.
    CaseNumber,
    /// Free-text remarks.
    Notes,
    /// A biographical note in prose (`Справка`), read into the other fields.
    Biography,
}

impl Field {
    /// Every canonical field, in output order.
    pub const ALL: [Field; 24] = [
        Field::RecordId,
        Field::FullName,
        Field::Surname,
        Field::Given,
        Field::Patronymic,
        Field::BirthDate,
        Field::BirthPlace,
        Field::Gender,
        Field::Nationality,
        Field::Residence,
        Field::Occupation,
        Field::ArrestDate,
        Field::Charge,
        Field::SentencingOrgan,
        Field::SentenceDate,
        Field::Sentence,
        Field::DeathDate,
        Field::Decision,
        Field::DecisionDate,
        Field::DecidingBody,
        Field::LegalBasis,
        Field::CaseNumber,
        Field::Notes,
        Field::Biography,
    ];

    /// The field of the date of the event this field tells of (`Decision`, `DecidingBody` →
    /// `DecisionDate`; `Sentence`, `SentencingOrgan` → `SentenceDate`), where there is one.
    pub fn date_of_event(self) -> Option<Field> {
        match self {
            Field::Decision | Field::DecidingBody => Some(Field::DecisionDate),
            Field::Sentence | Field::SentencingOrgan => Some(Field::SentenceDate),
            _ => None,
        }
    }

    /// The snake_case name used in data files and configuration.
    pub fn name(self) -> &'static str {
        match self {
            Field::RecordId => "record_id",
            Field::FullName => "full_name",
            Field::Surname => "surname",
            Field::Given => "given",
            Field::Patronymic => "patronymic",
            Field::BirthDate => "birth_date",
            Field::BirthPlace => "birth_place",
            Field::Gender => "gender",
            Field::Nationality => "nationality",
            Field::Residence => "residence",
            Field::Occupation => "occupation",
            Field::ArrestDate => "arrest_date",
            Field::Charge => "charge",
            Field::SentencingOrgan => "sentencing_organ",
            Field::SentenceDate => "sentence_date",
            Field::Sentence => "sentence",
            Field::DeathDate => "death_date",
            Field::Decision => "decision",
            Field::DecisionDate => "decision_date",
            Field::DecidingBody => "deciding_body",
            Field::LegalBasis => "legal_basis",
            Field::CaseNumber => "case_number",
            Field::Notes => "notes",
            Field::Biography => "biography",
        }
    }

    /// Parses a snake_case field name.
    pub fn parse(name: &str) -> Option<Field> {
        Field::ALL.into_iter().find(|f| f.name() == name.trim())
    }

    /// Whether values of this field are dates.
    pub fn is_date(self) -> bool {
        matches!(
            self,
            Field::BirthDate
                | Field::ArrestDate
                | Field::SentenceDate
                | Field::DeathDate
                | Field::DecisionDate
        )
    }
}

impl fmt::Display for Field {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A typed cell value, as spreadsheets store it beside the displayed text.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Typed {
    /// A number cell (a year, or an Excel serial date in a General-format cell).
    Number(f64),
    /// A real date or date-time cell.
    DateTime(NaiveDateTime),
}

/// One cell as read from a source: its text, its column and, for spreadsheets, its typed value.
#[derive(Debug, Clone, PartialEq)]
pub struct RawValue {
    /// The text as written (for typed cells, a faithful rendering of the value).
    pub text: String,
    /// The column header as written in the source.
    pub column: String,
    /// The 1-based column number.
    pub col: usize,
    /// The spreadsheet's typed value, when there is one.
    pub typed: Option<Typed>,
}

/// One data row of a source, before normalisation.
#[derive(Debug, Clone, PartialEq)]
pub struct RawRecord {
    /// Where the row came from.
    pub prov: Provenance,
    /// The source's language, when known or configured.
    pub lang: Option<Lang>,
    /// Values of columns mapped to canonical fields, in column order.
    pub fields: Vec<(Field, RawValue)>,
    /// Values of columns that map to no canonical field: kept, never dropped.
    pub extra: Vec<RawValue>,
    /// Every cell of the row as text, in column order, for the rejects report.
    pub cells: Vec<String>,
    /// Problems found while the row was read (a value moved to `extra`, ...).
    pub warnings: Vec<RowWarning>,
}

impl RawValue {
    /// Whether the cell holds a value: not blank and no marker of the unknown (`нет данных`).
    pub fn has_value(&self) -> bool {
        !self.text.trim().is_empty() && !is_unknown_marker(&self.text)
    }
}

impl RawRecord {
    /// The first value of a canonical field; blank cells and markers of the unknown are none.
    pub fn get(&self, field: Field) -> Option<&RawValue> {
        self.fields
            .iter()
            .find(|(f, v)| *f == field && v.has_value())
            .map(|(_, v)| v)
    }

    /// The first value of a canonical field, or else its first non-blank cell (a marker of the
    /// unknown), for fields whose raw text is kept beside the normalised value.
    pub fn written(&self, field: Field) -> Option<&RawValue> {
        self.get(field).or_else(|| {
            self.fields
                .iter()
                .find(|(f, v)| *f == field && !v.text.trim().is_empty())
                .map(|(_, v)| v)
        })
    }

    /// The text of a canonical field, or "" when absent.
    pub fn text(&self, field: Field) -> &str {
        self.get(field).map(|v| v.text.as_str()).unwrap_or("")
    }
}

/// A normalised value beside the raw text it came from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Norm<T> {
    /// The raw text as written in the source.
    pub raw: Text,
    /// The normalised value, when the raw text could be read.
    pub value: Option<T>,
}

impl<T> Default for Norm<T> {
    fn default() -> Self {
        Norm::empty()
    }
}

impl<T> Norm<T> {
    /// An empty value: no raw text, nothing read.
    pub fn empty() -> Self {
        Norm {
            raw: Text::default(),
            value: None,
        }
    }

    /// The raw text as written with the value read from it, if any (why it could not be read
    /// is the row's [`RowWarning`]).
    pub fn new(raw: &str, value: Option<T>) -> Self {
        Norm {
            raw: Text::from(raw),
            value,
        }
    }
}

/// One accepted input row, normalised: the unit that linkage works on. Its default is a mention
/// with nothing written, for tests that fill the fields they need.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Mention {
    /// Where the row came from.
    pub prov: Provenance,
    /// The name as written (one field, or the parts joined with spaces).
    pub name_raw: Text,
    /// The name split into parts, with keys; shared by every mention written the same way.
    pub name: Arc<NameParts>,
    /// Birth date.
    pub birth: Norm<DateValue>,
    /// Birth place, resolved to a modern place when the gazetteer knows it; shared by every
    /// mention that names it the same way.
    pub birth_place: Norm<Arc<Place>>,
    /// Nationality as written.
    pub nationality: Text,
    /// Its key in `schemas/nationalities.csv` (`kazakh` for `казах`, `қазақ`, `qozoq`), when known.
    pub nationality_key: Option<&'static str>,
    /// Arrest date.
    pub arrest: Norm<DateValue>,
    /// Charge (article) as written.
    pub charge: Text,
    /// Sentencing organ as written.
    pub sentencing_organ: Text,
    /// Its key in `schemas/bodies.csv` (`nkvd_troika`), when known.
    pub sentencing_organ_key: Option<&'static str>,
    /// Sentence as written.
    pub sentence: Text,
    /// The sentence's kind and term (`death`, `camp:10`, `exile:5`), when recognised.
    pub sentence_key: Option<SentenceKey>,
    /// Date of death.
    pub death: Norm<DateValue>,
    /// Rehabilitation decision as written.
    pub decision: Text,
    /// Date of the rehabilitation decision.
    pub decision_date: Norm<DateValue>,
    /// Body that decided on rehabilitation.
    pub deciding_body: Text,
    /// Its key in `schemas/bodies.csv`, read from the body, else from the decision's text.
    pub deciding_body_key: Option<&'static str>,
    /// Legal basis of the decision.
    pub legal_basis: Text,
    /// Its key in `schemas/bodies.csv`, read from the basis, else from the decision's text.
    pub legal_basis_key: Option<&'static str>,
    /// Case file number as written.
    pub case_number: Text,
    /// Every other mapped and unmapped column, as `(header, text)`.
    pub extra: Vec<(Text, Text)>,
    /// The values read from the row's biographical note, with their spans.
    pub note_values: Vec<NoteEvidence>,
    /// Problems found in values that did not reject the row.
    pub warnings: Vec<RowWarning>,
}

/// One value read from a biographical note: its kind, its span of the note, and whether it gave
/// the row's field (a value in its own column wins; a second event of one kind is kept here).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NoteEvidence {
    /// What the value is (`birth_date`, `party`, `arrest_date` ...).
    pub kind: String,
    /// The span as written.
    pub text: String,
    /// Its first byte in the note.
    pub start: usize,
    /// The byte after its last.
    pub end: usize,
    /// Whether it gave the row's field.
    pub used: bool,
}

impl Mention {
    /// Whether the row carries a rehabilitation decision.
    pub fn has_decision(&self) -> bool {
        !self.decision.is_empty()
            || !self.decision_date.raw.is_empty()
            || !self.deciding_body.is_empty()
    }
}

/// Why a row was not accepted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RejectReason {
    /// The row has a different number of cells than the header.
    RaggedRow,
    /// The CSV parser could not read the row (bad quoting, invalid bytes).
    MalformedRow,
    /// No name in any name column.
    NoName,
    /// Nothing to link the row on: a name that yields no key and no other identifying value.
    NothingToLink,
    /// The record id repeats an earlier row of the same source.
    DuplicateRecordId,
    /// A cell is longer than ingest reads in one value (see docs/OPERATIONS.md, limits).
    ValueTooLong,
    /// The row repeats the header row (a page header copied into the data).
    RepeatedHeader,
}

impl RejectReason {
    /// The reason code written to `rejects.csv`.
    pub fn code(self) -> &'static str {
        match self {
            RejectReason::RaggedRow => "ragged_row",
            RejectReason::MalformedRow => "malformed_row",
            RejectReason::NoName => "no_name",
            RejectReason::NothingToLink => "nothing_to_link",
            RejectReason::DuplicateRecordId => "duplicate_record_id",
            RejectReason::ValueTooLong => "value_too_long",
            RejectReason::RepeatedHeader => "repeated_header",
        }
    }
}

/// A row that was not accepted, with the reason and the raw cells.
#[derive(Debug, Clone, PartialEq)]
pub struct Reject {
    /// Where the row came from.
    pub prov: Provenance,
    /// The 1-based column at fault, when one is.
    pub col: Option<usize>,
    /// The reason code.
    pub reason: RejectReason,
    /// A message that names the file, row and column.
    pub message: String,
    /// The row's cells as read.
    pub cells: Vec<String>,
}

impl Reject {
    /// Builds a reject whose message names the file, row and (when known) column.
    pub fn new(
        prov: &Provenance,
        col: Option<usize>,
        reason: RejectReason,
        detail: &str,
        cells: Vec<String>,
    ) -> Reject {
        let place = match col {
            Some(c) => format!("{}: row {}, column {}", prov.source, prov.row, c),
            None => format!("{}: row {}", prov.source, prov.row),
        };
        Reject {
            prov: prov.clone(),
            col,
            reason,
            message: format!("{place}: {detail}"),
            cells,
        }
    }
}

/// A person: a cluster of mentions believed to be one human being.
#[derive(Debug, Clone, PartialEq)]
pub struct Person {
    /// The person id.
    pub id: String,
    /// Indices into the mention list, in mention order.
    pub mentions: Vec<usize>,
}

/// For each of `mentions` mentions, the index in `persons` of the person holding it (`None` for a
/// mention no person holds). Built once per run and read by every stage after the linker.
pub fn person_of_mentions(persons: &[Person], mentions: usize) -> Vec<Option<usize>> {
    let mut person_of = vec![None; mentions];
    for (p, person) in persons.iter().enumerate() {
        for &m in &person.mentions {
            if let Some(slot) = person_of.get_mut(m) {
                *slot = Some(p);
            }
        }
    }
    person_of
}

/// A rehabilitation decision of a person: one event, attested by one or more mentions that
/// agree on its date (within each one's precision) and body.
#[derive(Debug, Clone, PartialEq)]
pub struct Decision {
    /// `source:record_id` of its first attesting mention.
    pub id: String,
    /// The person the decision concerns.
    pub person_id: String,
    /// Index of that person in the person list.
    pub person: usize,
    /// The attesting mentions (indices), in mention order.
    pub attestations: Vec<usize>,
    /// The days every dated attestation allows (their intersection), when one is dated.
    pub date: Option<(chrono::NaiveDate, chrono::NaiveDate)>,
    /// The body's key, when an attestation names a known body.
    pub body_key: Option<&'static str>,
    /// The act's key, when an attestation cites a known act.
    pub basis_key: Option<&'static str>,
    /// What was decided (`rehabilitated`, `recognised_victim`, `refused`), when said.
    pub outcome: Option<&'static str>,
}
