//! The rows of `rehab.sqlite` as the desk reads them: one struct per table, one field per
//! column of its Table Schema (every value as text, empty for NULL), declared once by
//! [`table_row!`] with the list of its columns.

use rusqlite::types::ValueRef;

/// A stored value as text: NULL is empty, numbers as SQLite gives them.
pub(crate) fn text(value: ValueRef<'_>) -> String {
    match value {
        ValueRef::Null => String::new(),
        ValueRef::Integer(n) => n.to_string(),
        ValueRef::Real(x) => x.to_string(),
        ValueRef::Text(t) | ValueRef::Blob(t) => String::from_utf8_lossy(t).into_owned(),
    }
}

/// Declares the row struct of a table: its fields, the column list to select them in order and
/// the reading of one selected row.
macro_rules! table_row {
    ($(#[$doc:meta])* $name:ident = $table:literal { $($field:ident),+ $(,)? }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Default, PartialEq, Eq)]
        #[allow(missing_docs)]
        pub struct $name {
            $(pub $field: String,)+
        }

        impl $name {
            /// The table.
            pub const TABLE: &'static str = $table;
            /// The columns, in the order of the fields and of the table's schema.
            pub const COLUMNS: &'static [&'static str] = &[$(stringify!($field)),+];

            /// `SELECT` of every column from the table (aliased `t`), for a query to complete.
            pub(crate) fn select() -> String {
                let columns: Vec<String> =
                    Self::COLUMNS.iter().map(|c| format!("t.\"{c}\"")).collect();
                format!("SELECT {} FROM \"{}\" t", columns.join(", "), Self::TABLE)
            }

            /// The value of a column by its name, empty for a column the table does not have.
            pub fn get(&self, column: &str) -> &str {
                match column {
                    $(stringify!($field) => &self.$field,)+
                    _ => "",
                }
            }

            /// Reads a row selected by [`Self::select`].
            pub(crate) fn read(row: &rusqlite::Row<'_>) -> rusqlite::Result<Self> {
                let mut column = 0;
                let mut next = || -> rusqlite::Result<String> {
                    column += 1;
                    Ok(text(row.get_ref(column - 1)?))
                };
                Ok($name { $($field: next()?,)+ })
            }
        }
    };
}

table_row! {
    /// One row of `persons`: the person as the run reconciled them.
    PersonRow = "persons" {
        person_id,
        name,
        name_latin,
        surname_key,
        given_key,
        father_key,
        gender,
        birth_earliest,
        birth_latest,
        birth_place,
        birth_place_key,
        arrest_earliest,
        arrest_latest,
        sentence_key,
        sentencing_organ_key,
        death_earliest,
        death_latest,
        mentions,
        sources,
        decisions,
        timeline,
    }
}

table_row! {
    /// One row of `mentions`: an input row with its raw text beside the normalised values.
    MentionRow = "mentions" {
        source,
        record_id,
        row,
        person_id,
        name_raw,
        surname,
        given,
        patronymic,
        father,
        surname_key,
        given_key,
        father_key,
        phonetic_key,
        gender,
        script,
        birth_raw,
        birth_earliest,
        birth_latest,
        birth_precision,
        birth_calendar,
        birth_qualifier,
        birth_edtf,
        birth_place_raw,
        birth_place_modern,
        birth_place_country,
        birth_place_key,
        birth_place_level,
        birth_place_unresolved,
        nationality,
        nationality_key,
        arrest_raw,
        arrest_earliest,
        arrest_latest,
        arrest_precision,
        arrest_calendar,
        arrest_qualifier,
        arrest_edtf,
        charge,
        sentencing_organ,
        sentencing_organ_key,
        sentence,
        sentence_key,
        death_raw,
        death_earliest,
        death_latest,
        death_precision,
        death_calendar,
        death_qualifier,
        death_edtf,
        decision,
        decision_date_raw,
        decision_date_earliest,
        decision_date_latest,
        decision_date_precision,
        decision_date_calendar,
        decision_date_qualifier,
        decision_date_edtf,
        deciding_body,
        deciding_body_key,
        legal_basis,
        legal_basis_key,
        case_number,
        extra,
        note_values,
        warnings,
    }
}

table_row! {
    /// One row of `decisions`: a rehabilitation decision attached to a person.
    DecisionRow = "decisions" {
        decision_id,
        person_id,
        date_earliest,
        date_latest,
        date_precision,
        body_key,
        body_name,
        basis_key,
        basis_name,
        outcome,
        attestations,
        sources,
    }
}

table_row! {
    /// One row of `attestations`: a mention of a decision, as written.
    AttestationRow = "attestations" {
        decision_id,
        source,
        record_id,
        decision,
        date_raw,
        date_earliest,
        date_latest,
        date_precision,
        date_calendar,
        date_qualifier,
        date_edtf,
        deciding_body,
        body_key,
        legal_basis,
        basis_key,
    }
}

table_row! {
    /// One row of `checks`: a finding of an archival check.
    CheckRow = "checks" {
        rule,
        severity,
        person_id,
        source,
        record_id,
        message,
    }
}

table_row! {
    /// One row of `id_changes`: a person id minted, merged, split or retired by the run.
    IdChangeRow = "id_changes" {
        change,
        person_id,
        other_id,
        mentions,
    }
}

table_row! {
    /// One row of `edges`: a pair the linker merged, reviewed, kept apart or found ambiguous.
    EdgeRow = "edges" {
        kind,
        contested,
        person_a,
        source_a,
        record_id_a,
        person_b,
        source_b,
        record_id_b,
        score,
        probability,
        note,
        contributions,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_column_reads_by_its_name() {
        let m = MentionRow {
            name_raw: "Шокаев".into(),
            ..MentionRow::default()
        };
        assert_eq!((m.get("name_raw"), m.get("no_such_column")), ("Шокаев", ""));
    }

    #[test]
    fn every_row_has_the_columns_of_its_schema() {
        let tables: [(&str, &[&str]); 7] = [
            (PersonRow::TABLE, PersonRow::COLUMNS),
            (MentionRow::TABLE, MentionRow::COLUMNS),
            (DecisionRow::TABLE, DecisionRow::COLUMNS),
            (AttestationRow::TABLE, AttestationRow::COLUMNS),
            (CheckRow::TABLE, CheckRow::COLUMNS),
            (IdChangeRow::TABLE, IdChangeRow::COLUMNS),
            (EdgeRow::TABLE, EdgeRow::COLUMNS),
        ];
        for (table, columns) in tables {
            let schema = crate::emit::schema::schema(table).unwrap();
            assert_eq!(schema.header(), columns, "{table}");
        }
    }
}
