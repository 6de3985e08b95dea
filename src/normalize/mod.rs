//! Stage 2: raw records → mentions, with names, dates and places normalised beside their raw text.

pub mod biography;
pub mod bodies;
pub mod caps;
pub mod dates;
pub mod decision;
pub mod memo;
pub mod names;
pub mod nationality;
pub mod note;
pub mod places;
pub mod sentence;
pub mod text;
pub mod translit;

use crate::model::{
    DateValue, Field, Lang, Mention, NameParts, Norm, Place, RawRecord, ReadError, Reject,
    RejectReason, RowWarning, Text, Typed, is_unknown_marker,
};
use dates::DateError;
use memo::Memo;
use names::NameError;
use places::Gazetteer;
use places::PlaceError;
use std::sync::Arc;

/// What normalisation reads with: the gazetteer, and memos of values already read.
pub struct Normalizer {
    gazetteer: &'static Gazetteer,
    names: Memo<Result<Arc<NameParts>, NameError>>,
    places: Memo<Result<Option<Arc<Place>>, PlaceError>>,
    dates: Memo<Result<Option<DateValue>, DateError>>,
    bodies: Memo<Option<&'static str>>,
}

/// Entries each memo keeps at most.
const MEMO_CAPACITY: usize = 200_000;

impl Normalizer {
    /// A normaliser with the shipped gazetteer and empty memos.
    pub fn new() -> Normalizer {
        Normalizer {
            gazetteer: Gazetteer::builtin(),
            names: Memo::new(MEMO_CAPACITY),
            places: Memo::new(MEMO_CAPACITY),
            dates: Memo::new(MEMO_CAPACITY),
            bodies: Memo::new(MEMO_CAPACITY),
        }
    }

    /// Normalises one raw record, or says why it cannot be accepted.
    pub fn record(&self, rec: &RawRecord) -> Result<Mention, Reject> {
        normalize_record(rec, self)
    }

    fn name(&self, raw: &str, lang: Option<Lang>) -> Result<Arc<NameParts>, NameError> {
        let key = memo_key(raw, lang);
        self.names
            .get_or_compute(&key, || names::parse(raw, lang).map(Arc::new))
    }

    fn name_parts(&self, parts: [&str; 3], lang: Option<Lang>) -> Arc<NameParts> {
        let key = memo_key(&parts.join("\u{1e}"), lang);
        let read = || {
            Ok(Arc::new(names::from_parts(
                parts[0], parts[1], parts[2], lang,
            )))
        };
        self.names.get_or_compute(&key, read).unwrap_or_default()
    }

    /// A place, read with the names in use in `year` when the year is known.
    fn place(&self, raw: &str, year: Option<i32>) -> Result<Option<Arc<Place>>, PlaceError> {
        let key = format!("{}\u{1f}{raw}", year.unwrap_or(0));
        self.places.get_or_compute(&key, || {
            let found = match year {
                Some(y) => self.gazetteer.resolve_in_year(raw, y),
                None => self.gazetteer.resolve(raw),
            };
            found.map(|p| p.map(Arc::new))
        })
    }

    fn date(
        &self,
        raw: &str,
        typed: Option<Typed>,
        lang: Option<Lang>,
    ) -> Result<Option<DateValue>, DateError> {
        let read = || dates::parse_cell(raw, typed, lang);
        match typed {
            Some(_) => read(),
            None => self.dates.get_or_compute(&memo_key(raw, lang), read),
        }
    }
}

impl Normalizer {
    /// The key of the body (or, with `basis`, the act) a text names, read once per text.
    fn body_key(&self, text: &str, basis: bool) -> Option<&'static str> {
        if text.trim().is_empty() {
            return None;
        }
        let key = format!("{}\u{1f}{text}", u8::from(basis));
        self.bodies.get_or_compute(&key, || match basis {
            true => bodies::basis_key(text),
            false => bodies::body_key(text),
        })
    }
}

impl Default for Normalizer {
    fn default() -> Self {
        Normalizer::new()
    }
}

/// The memo key of a raw text read in a language.
fn memo_key(raw: &str, lang: Option<Lang>) -> String {
    format!("{}\u{1f}{raw}", lang.map_or("", Lang::code))
}

/// Normalises one raw record, or says why it cannot be accepted.
fn normalize_record(rec: &RawRecord, norm: &Normalizer) -> Result<Mention, Reject> {
    let filled = biography::fill(rec);
    let (rec, note_values) = match &filled {
        Some(f) => (&f.record, f.evidence.clone()),
        None => (rec, Vec::new()),
    };
    let (name_raw, name) = read_name(rec, norm)?;
    let mut warnings = rec.warnings.clone();
    let mut date = |field: Field| read_date(rec, field, norm, &mut warnings);
    let birth = date(Field::BirthDate);
    let arrest = date(Field::ArrestDate);
    let death = date(Field::DeathDate);
    let mut decision_date = date(Field::DecisionDate);
    let birth_year = birth.value.as_ref().and_then(single_year);
    let birth_place = read_place(rec, birth_year, norm, &mut warnings);
    if name.surname_key.is_empty() && name.given_key.is_empty() && birth.value.is_none() {
        let col = rec
            .get(Field::FullName)
            .or(rec.get(Field::Surname))
            .map(|v| v.col);
        let msg = format!(
            "name {name_raw:?} yields no match key and the row has no birth date to link on"
        );
        return Err(reject(rec, col, RejectReason::NothingToLink, msg));
    }
    let mut deciding_body = rec.text(Field::DecidingBody).to_string();
    let embedded = decision_date
        .raw
        .is_empty()
        .then(|| decision::split_decision(rec.text(Field::Decision), rec.lang))
        .flatten();
    if let Some(parts) = embedded {
        decision_date = Norm::new(&parts.date_raw, Some(parts.date));
        if deciding_body.is_empty() {
            deciding_body = parts.rest;
        }
    }
    let decision = rec.text(Field::Decision);
    let legal_basis = rec.text(Field::LegalBasis);
    let or_decision = |text: &str, basis: bool| match text.trim() {
        "" => norm.body_key(decision, basis),
        _ => norm.body_key(text, basis),
    };
    let deciding_body_key = or_decision(&deciding_body, false);
    let legal_basis_key = or_decision(legal_basis, true);
    Ok(Mention {
        prov: rec.prov.clone(),
        name_raw: name_raw.into(),
        name,
        birth,
        birth_place,
        nationality: rec.text(Field::Nationality).into(),
        nationality_key: nationality::nationality_key(rec.text(Field::Nationality)),
        arrest,
        charge: rec.text(Field::Charge).into(),
        sentencing_organ: rec.text(Field::SentencingOrgan).into(),
        sentencing_organ_key: norm.body_key(rec.text(Field::SentencingOrgan), false),
        sentence: rec.text(Field::Sentence).into(),
        sentence_key: sentence::sentence_key(rec.text(Field::Sentence)),
        death,
        decision: decision.into(),
        decision_date,
        deciding_body: deciding_body.into(),
        deciding_body_key,
        legal_basis: legal_basis.into(),
        legal_basis_key,
        case_number: rec.text(Field::CaseNumber).into(),
        extra: extra_columns(rec),
        note_values,
        warnings,
    })
}

/// Builds a reject of a record whose message names the file, row and (when known) column.
pub fn reject(rec: &RawRecord, col: Option<usize>, reason: RejectReason, detail: String) -> Reject {
    Reject::new(&rec.prov, col, reason, &detail, rec.cells.clone())
}

fn read_name(rec: &RawRecord, norm: &Normalizer) -> Result<(String, Arc<NameParts>), Reject> {
    check_name_caps(rec)?;
    if let Some(full) = rec.get(Field::FullName) {
        let raw = full.text.clone();
        return match norm.name(&raw, rec.lang) {
            Ok(parts) => Ok((raw, parts)),
            Err(e) => Err(reject(
                rec,
                Some(full.col),
                RejectReason::NoName,
                e.to_string(),
            )),
        };
    }
    let written = [Field::Surname, Field::Given, Field::Patronymic].map(|f| rec.text(f));
    let parts = written.map(str::trim);
    if parts.iter().all(|p| p.is_empty()) {
        let col = rec
            .fields
            .iter()
            .find(|(f, _)| matches!(f, Field::FullName | Field::Surname))
            .map(|(_, v)| v.col);
        let detail = "the row has no name".to_string();
        return Err(reject(rec, col, RejectReason::NoName, detail));
    }
    let raw = written
        .iter()
        .filter(|p| !p.trim().is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join(" ");
    Ok((raw, norm.name_parts(parts, rec.lang)))
}

/// Rejects a record whose name value (whole or in parts) is past the caps of [`names::check_caps`]:
/// such a text is no name to link on; the row is kept whole in rejects.csv.
fn check_name_caps(rec: &RawRecord) -> Result<(), Reject> {
    for field in [
        Field::FullName,
        Field::Surname,
        Field::Given,
        Field::Patronymic,
    ] {
        let Some(v) = rec.get(field) else {
            continue;
        };
        if let Err(e) = names::check_caps(v.text.trim()) {
            let detail = format!("{field} (column {}): {e}", v.col);
            return Err(reject(rec, Some(v.col), RejectReason::ValueTooLong, detail));
        }
    }
    Ok(())
}

fn read_date(
    rec: &RawRecord,
    field: Field,
    norm: &Normalizer,
    warnings: &mut Vec<RowWarning>,
) -> Norm<DateValue> {
    let Some(v) = rec.written(field) else {
        return Norm::empty();
    };
    if !v.has_value() {
        return Norm::new(&v.text, None);
    }
    let value = norm.date(&v.text, v.typed, rec.lang).unwrap_or_else(|e| {
        warnings.push(RowWarning::Unreadable {
            field,
            col: v.col,
            reason: ReadError::Date(e),
        });
        None
    });
    Norm::new(&v.text, value)
}

/// The year of a date known to lie within one year.
fn single_year(date: &DateValue) -> Option<i32> {
    use chrono::Datelike;
    (date.earliest.year() == date.latest.year()).then(|| date.earliest.year())
}

fn read_place(
    rec: &RawRecord,
    year: Option<i32>,
    norm: &Normalizer,
    warnings: &mut Vec<RowWarning>,
) -> Norm<Arc<Place>> {
    let Some(v) = rec.written(Field::BirthPlace) else {
        return Norm::empty();
    };
    if !v.has_value() {
        return Norm::new(&v.text, None);
    }
    let value = norm.place(&v.text, year).unwrap_or_else(|e| {
        warnings.push(RowWarning::Unreadable {
            field: Field::BirthPlace,
            col: v.col,
            reason: ReadError::Place(e),
        });
        None
    });
    if let Some(place) = &value {
        if !place.unresolved.is_empty() {
            warnings.push(RowWarning::PlaceUnresolved {
                col: v.col,
                unresolved: place.unresolved.clone(),
                level: place.level,
                modern: place.modern.clone(),
            });
        }
        if !place.conflict.is_empty() {
            warnings.push(RowWarning::PlaceConflict {
                col: v.col,
                conflict: place.conflict.clone(),
            });
        }
    }
    Norm::new(&v.text, value)
}

/// The values kept in `extra`: mapped fields no output column holds, unmapped columns, and a
/// marker of the unknown written in a field without a raw column; keys made unique.
fn extra_columns(rec: &RawRecord) -> Vec<(Text, Text)> {
    let mapped = rec.fields.iter().filter_map(|(f, v)| {
        let kept = !handled(*f) || (has_no_raw_column(*f) && is_unknown_marker(&v.text));
        kept.then_some(v)
    });
    let values = mapped
        .chain(rec.extra.iter())
        .filter(|v| !v.text.trim().is_empty());
    unique_keys(values.map(|v| (v.column.as_str(), v.col, v.text.clone())))
}

/// Whether an output column of mentions holds the field.
pub(crate) fn handled(f: Field) -> bool {
    matches!(
        f,
        Field::RecordId
            | Field::FullName
            | Field::Surname
            | Field::Given
            | Field::Patronymic
            | Field::BirthDate
            | Field::BirthPlace
            | Field::Nationality
            | Field::ArrestDate
            | Field::Charge
            | Field::SentencingOrgan
            | Field::Sentence
            | Field::DeathDate
            | Field::Decision
            | Field::DecisionDate
            | Field::DecidingBody
            | Field::LegalBasis
            | Field::CaseNumber
    )
}

/// Whether a handled field's text goes to mentions only when it is a value (no `*_raw` column).
fn has_no_raw_column(f: Field) -> bool {
    !f.is_date() && f != Field::BirthPlace
}

/// `(header, text)` pairs whose keys are unique: a repeated header becomes `header (2)`,
/// `header (3)`...; an empty header `column N`.
fn unique_keys<'a>(values: impl Iterator<Item = (&'a str, usize, String)>) -> Vec<(Text, Text)> {
    let mut seen = std::collections::HashSet::new();
    let mut next_number: std::collections::HashMap<String, usize> = Default::default();
    let mut pairs = Vec::new();
    for (header, col, text) in values {
        let base = match header.trim() {
            "" => format!("column {col}"),
            h => h.to_string(),
        };
        let mut key = base.clone();
        while !seen.insert(key.clone()) {
            let n = next_number.entry(base.clone()).or_insert(2);
            key = format!("{base} ({n})");
            *n += 1;
        }
        pairs.push((key.into(), text.into()));
    }
    // A million mentions hold these for the whole run: no room beyond the row's own columns.
    pairs.shrink_to_fit();
    pairs
}
