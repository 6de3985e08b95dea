//! A column's reading from its header's words and its values: the values confirm the header,
//! decide between two close readings, overrule a header they contradict, or give the reading
//! alone when the header says nothing.

use super::super::headers::{Confidence, HeaderMatch};
use super::profile::Profile;
use crate::model::Field;

/// Fewest values a profile needs before it confirms, contradicts or replaces a header.
const MIN_VALUES: usize = 5;

/// What a column's values say of a field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Fit {
    /// The values are of the field's kind.
    Agrees,
    /// The values say nothing either way (too few, or of no telling kind).
    Silent,
    /// The values are of another kind altogether.
    Contradicts,
}

/// The reading of one column before the table as a whole is looked at.
#[derive(Debug, Clone, PartialEq)]
pub struct Verdict {
    /// The field, if any.
    pub field: Option<Field>,
    /// How sure.
    pub confidence: Confidence,
    /// Why, in words, for `rehab inspect` and `run.json`.
    pub basis: String,
    /// A field the values alone suggest, to be used only if no other column gives it.
    pub from_values: Option<Field>,
}

/// Reads one column from its header match and the profile of its values.
pub fn verdict(header: Option<&HeaderMatch>, profile: &Profile) -> Verdict {
    let from_values = values_suggest(profile);
    let Some(m) = header.filter(|m| m.confidence > Confidence::Unknown || m.rival.is_some()) else {
        return by_values(from_values, profile);
    };
    if let Some(rival) = m.rival {
        return between(m.field, rival, profile, from_values);
    }
    if let Some(placed) = placed_variant(m.field, profile) {
        return Verdict {
            field: Some(placed),
            confidence: Confidence::Low,
            basis: format!(
                "header words match {:?} ({}) and the values are places: {placed}",
                m.phrase, m.field
            ),
            from_values: None,
        };
    }
    if let Some(dated) = dated_variant(m.field, profile) {
        return Verdict {
            field: Some(dated),
            confidence: Confidence::Low,
            basis: format!(
                "header words match {:?} ({}) and the values are dates: {dated}",
                m.phrase, m.field
            ),
            from_values: None,
        };
    }
    let fits = fit(m.field, profile);
    if let Some(other) = from_values
        .filter(|f| *f != m.field && fits != Fit::Agrees && overrules_header(*f, m.field))
    {
        return Verdict {
            field: Some(other),
            confidence: Confidence::Low,
            basis: format!(
                "header words match {:?} ({}), but the values are {}: {other}",
                m.phrase,
                m.field,
                describe(profile)
            ),
            from_values: None,
        };
    }
    match fits {
        Fit::Contradicts => {
            let mut v = by_values(from_values, profile);
            v.basis = format!(
                "the header reads as {} ({:?}) but the values are {}",
                m.field,
                m.phrase,
                describe(profile),
            );
            v
        }
        fit => Verdict {
            field: Some(m.field),
            confidence: match (m.confidence, fit) {
                (_, Fit::Agrees) | (Confidence::High, _) => Confidence::High,
                _ => Confidence::Low,
            },
            basis: format!(
                "header words match {:?}{}",
                m.phrase,
                match fit {
                    Fit::Agrees => "; the values agree",
                    _ => "",
                }
            ),
            from_values: None,
        },
    }
}

/// Two fields whose phrases explain the header equally well: the values decide, or the column
/// is kept as an extra.
fn between(a: Field, b: Field, profile: &Profile, from_values: Option<Field>) -> Verdict {
    let (fa, fb) = (fit(a, profile), fit(b, profile));
    let pick = match (fa, fb) {
        (Fit::Agrees, f) if f != Fit::Agrees => Some(a),
        (f, Fit::Agrees) if f != Fit::Agrees => Some(b),
        _ => None,
    };
    match pick {
        Some(field) => Verdict {
            field: Some(field),
            confidence: Confidence::Low,
            basis: format!("the header reads as {a} or {b}; the values fit {field}"),
            from_values: None,
        },
        None => Verdict {
            field: None,
            confidence: Confidence::Unknown,
            basis: format!("the header reads as {a} or {b} alike; kept as an extra"),
            from_values,
        },
    }
}

/// A column read from its values alone: a suggestion the table may take.
fn by_values(from_values: Option<Field>, profile: &Profile) -> Verdict {
    let basis = match from_values {
        Some(f) => format!(
            "no header words match; the values are {} ({f})",
            describe(profile)
        ),
        None if profile.values == 0 => "no header words match; no values".to_string(),
        None => format!(
            "no header words match; the values are {}",
            describe(profile)
        ),
    };
    Verdict {
        field: None,
        confidence: Confidence::Unknown,
        basis,
        from_values,
    }
}

/// Whether values that clearly show `shown` overrule a header read as `read`: values of a kind
/// of their own (dates of birth, nationalities, sentences) do, unless the header names a field
/// of the same kind; biographical notes overrule a header of remarks (`Примечание`); names and codes never overrule a header, which knows better whether a
/// column of unique codes is the record id or the case number.
fn overrules_header(shown: Field, read: Field) -> bool {
    if shown == Field::Biography {
        return read == Field::Notes;
    }
    let kind_of_its_own = matches!(
        shown,
        Field::BirthDate | Field::DecisionDate | Field::Nationality | Field::Sentence
    );
    kind_of_its_own && !(shown.is_date() && read.is_date())
}

/// The place field of an event whose column holds places (`Born at` over `Ташкент`: the
/// birth place).
fn placed_variant(field: Field, p: &Profile) -> Option<Field> {
    (field == Field::BirthDate && p.values >= MIN_VALUES && p.places >= 0.6)
        .then_some(Field::BirthPlace)
}

/// The date field of an event whose column holds dates (`Реабилитирован` over `12.05.1989`:
/// the decision date).
fn dated_variant(field: Field, p: &Profile) -> Option<Field> {
    let dated = field.date_of_event()?;
    (p.values >= MIN_VALUES && p.dates + p.years >= 0.8).then_some(dated)
}

fn is_name_field(field: Field) -> bool {
    matches!(
        field,
        Field::FullName | Field::Surname | Field::Given | Field::Patronymic
    )
}

/// How the values of a column fit a field.
fn fit(field: Field, p: &Profile) -> Fit {
    if p.values < MIN_VALUES {
        return Fit::Silent;
    }
    let timely = p.dates + p.years;
    let (agrees, contradicts) = match field {
        f if f.is_date() => (
            timely >= 0.5,
            timely < 0.2 && (p.names >= 0.6 || p.places >= 0.6),
        ),
        f if is_name_field(f) => (p.names >= 0.3, timely >= 0.8 || p.codes >= 0.8),
        Field::BirthPlace | Field::Residence => (p.places >= 0.3, timely >= 0.8),
        Field::Nationality => (p.nationalities >= 0.5, timely >= 0.8),
        Field::Sentence => (p.sentences >= 0.3, timely >= 0.8),
        Field::Biography => (p.notes >= 0.5, timely >= 0.8 || p.names >= 0.6),
        Field::RecordId => (
            p.unique >= 0.95,
            p.names >= 0.6 || (timely >= 0.8 && !p.sequential),
        ),
        _ => (false, false),
    };
    match (agrees, contradicts) {
        (true, _) => Fit::Agrees,
        (false, true) => Fit::Contradicts,
        _ => Fit::Silent,
    }
}

/// The field a column's values show on their own, when they show one clearly.
fn values_suggest(p: &Profile) -> Option<Field> {
    if p.values < MIN_VALUES {
        return None;
    }
    if p.notes >= 0.5 {
        return Some(Field::Biography);
    }
    let timely = p.dates + p.years;
    let year = p.median_year.unwrap_or(0);
    if timely >= 0.8 && !p.sequential {
        return match year {
            ..1925 => Some(Field::BirthDate),
            1954.. if p.dates >= 0.5 => Some(Field::DecisionDate),
            _ => None,
        };
    }
    if p.nationalities >= 0.7 {
        return Some(Field::Nationality);
    }
    if p.sentences >= 0.6 {
        return Some(Field::Sentence);
    }
    if p.names >= 0.6 {
        return Some(Field::FullName);
    }
    (p.codes >= 0.9 && p.unique >= 0.98).then_some(Field::RecordId)
}

/// The profile in words: its largest shares.
pub fn describe(p: &Profile) -> String {
    if p.values == 0 {
        return "empty".to_string();
    }
    let shares = [
        ("dates", p.dates),
        ("years", p.years),
        ("places", p.places),
        ("names", p.names),
        ("nationalities", p.nationalities),
        ("sentences", p.sentences),
        ("decisions", p.decisions),
        ("codes", p.codes),
        ("biographical notes", p.notes),
    ];
    let mut shown: Vec<String> = shares
        .iter()
        .filter(|(_, s)| *s >= 0.2)
        .map(|(k, s)| format!("{:.0}% {k}", s * 100.0))
        .collect();
    if shown.is_empty() {
        shown.push("free text".to_string());
    }
    if let Some(y) = p.median_year {
        shown.push(format!("median year {y}"));
    }
    if p.unique >= 0.98 && p.values > 1 {
        shown.push("all distinct".to_string());
    }
    shown.join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn years() -> Profile {
        Profile {
            values: 20,
            years: 1.0,
            unique: 0.5,
            median_year: Some(1899),
            ..Profile::default()
        }
    }

    fn header(field: Field, confidence: Confidence) -> HeaderMatch {
        HeaderMatch {
            field,
            phrase: "x".into(),
            lang: None,
            coverage: 1.0,
            likeness: 1.0,
            confidence,
            rival: None,
            matched: vec![0],
        }
    }

    #[test]
    fn values_confirm_or_overrule_the_header() {
        let v = verdict(Some(&header(Field::BirthDate, Confidence::Low)), &years());
        assert_eq!(
            (v.field, v.confidence),
            (Some(Field::BirthDate), Confidence::High)
        );
        let v = verdict(Some(&header(Field::FullName, Confidence::High)), &years());
        assert_eq!(
            (v.field, v.confidence),
            (Some(Field::BirthDate), Confidence::Low)
        );
        assert!(v.basis.contains("100% years"), "{}", v.basis);
        let codes = Profile {
            values: 20,
            codes: 1.0,
            unique: 1.0,
            ..Profile::default()
        };
        let v = verdict(Some(&header(Field::CaseNumber, Confidence::High)), &codes);
        assert_eq!(v.field, Some(Field::CaseNumber));
        let v = verdict(
            Some(&header(Field::Charge, Confidence::Low)),
            &Profile::default(),
        );
        assert_eq!(
            (v.field, v.confidence),
            (Some(Field::Charge), Confidence::Low)
        );
    }

    #[test]
    fn a_silent_header_over_birth_years_suggests_a_birth_date() {
        let v = verdict(None, &years());
        assert_eq!((v.field, v.from_values), (None, Some(Field::BirthDate)));
        let arrests = Profile {
            median_year: Some(1937),
            ..years()
        };
        assert_eq!(verdict(None, &arrests).from_values, None);
    }

    #[test]
    fn close_readings_are_decided_by_values_or_kept_as_extra() {
        let mut m = header(Field::BirthPlace, Confidence::Unknown);
        m.rival = Some(Field::BirthDate);
        let v = verdict(Some(&m), &years());
        assert_eq!(v.field, Some(Field::BirthDate));
        let v = verdict(Some(&m), &Profile::default());
        assert_eq!((v.field, v.confidence), (None, Confidence::Unknown));
    }
}
