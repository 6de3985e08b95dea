//! A row's biographical note read into its fields: each value the note reader finds gives the
//! row's field when no column of its own gives one and `mentions.csv` has a column for it, and
//! every value is kept with its span as evidence (`note_values`).

use super::note::{self, NoteValue};
use crate::model::{Field, Lang, NoteEvidence, RawRecord, RawValue, RowWarning};
use crate::normalize::dates;
use crate::normalize::text;

/// A record with the fields its note gives, and the evidence of every value read.
pub struct Filled {
    /// The record, with the note's values added as fields that had none.
    pub record: RawRecord,
    /// Every value read from the note, in note order.
    pub evidence: Vec<NoteEvidence>,
}

/// Reads the record's biographical note, if it has one, into the fields its columns leave empty.
/// A value in its own column wins; where the two disagree, a warning says so.
pub fn fill(rec: &RawRecord) -> Option<Filled> {
    let note = rec.get(Field::Biography)?.clone();
    let values = note::read(&note.text, rec.lang);
    let mut record = rec.clone();
    let mut evidence = Vec::with_capacity(values.len());
    for value in values {
        let used = match value.kind.field().filter(|f| super::handled(*f)) {
            Some(field) => give(&mut record, field, &value, &note, rec.lang),
            None => false,
        };
        evidence.push(NoteEvidence {
            kind: value.kind.name().to_string(),
            text: value.text,
            start: value.start,
            end: value.end,
            used,
        });
    }
    Some(Filled { record, evidence })
}

/// Gives `field` the note's value when the record has none; says whether it did.
fn give(
    record: &mut RawRecord,
    field: Field,
    value: &NoteValue,
    note: &RawValue,
    lang: Option<Lang>,
) -> bool {
    if let Some(own) = record.get(field) {
        if own.column != note.column && disagree(field, &own.text, &value.text, lang) {
            record.warnings.push(RowWarning::NoteDisagrees {
                field,
                column: (own.col, own.column.clone(), own.text.clone()),
                note: (note.col, value.start, value.end, value.text.clone()),
            });
        }
        return false;
    }
    record.fields.push((
        field,
        RawValue {
            text: value.text.clone(),
            column: note.column.clone(),
            col: note.col,
            typed: None,
        },
    ));
    true
}

/// Whether two values of a field cannot be the same: dates whose intervals do not meet, other
/// texts of which neither holds the other (letters and digits compared, case aside).
fn disagree(field: Field, own: &str, noted: &str, lang: Option<Lang>) -> bool {
    if field.is_date() {
        return match (dates::parse(own, lang), dates::parse(noted, lang)) {
            (Ok(Some(a)), Ok(Some(b))) => a.latest < b.earliest || b.latest < a.earliest,
            _ => false,
        };
    }
    let fold = |t: &str| -> String {
        t.chars()
            .filter(|&c| text::is_letter_or_digit(c))
            .flat_map(char::to_lowercase)
            .collect()
    };
    let (a, b) = (fold(own), fold(noted));
    !a.is_empty() && !b.is_empty() && !a.contains(&b) && !b.contains(&a)
}
