//! Test builders: mentions made directly from match keys, independent of the name normaliser.

use crate::model::{
    Calendar, DateValue, Gender, Mention, NameParts, Norm, Place, Precision, Provenance, Qualifier,
};
use chrono::NaiveDate;

/// A birth date for test mentions.
#[derive(Debug, Clone, Copy)]
pub(super) enum Born {
    /// Unknown.
    No,
    /// Known to the year.
    Year(i32),
    /// Known to the day.
    Day(i32, u32, u32),
}

/// Builds a mention directly from keys.
#[derive(Debug, Clone)]
pub(super) struct M {
    pub id: String,
    pub surname: String,
    pub given: String,
    pub father: String,
    pub born: Born,
    pub place: String,
    pub nationality: String,
    pub gender: Option<Gender>,
    pub case_number: String,
    pub arrest: Born,
    pub decided: Born,
}

impl M {
    /// A mention with a surname key and given key.
    pub fn new(id: &str, surname: &str, given: &str) -> M {
        M {
            id: id.into(),
            surname: surname.into(),
            given: given.into(),
            father: String::new(),
            born: Born::No,
            place: String::new(),
            nationality: String::new(),
            gender: None,
            case_number: String::new(),
            arrest: Born::No,
            decided: Born::No,
        }
    }
    pub fn arrested(mut self, b: Born) -> M {
        self.arrest = b;
        self
    }
    pub fn decided(mut self, b: Born) -> M {
        self.decided = b;
        self
    }
    pub fn father(mut self, f: &str) -> M {
        self.father = f.into();
        self
    }
    pub fn born(mut self, b: Born) -> M {
        self.born = b;
        self
    }
    pub fn place(mut self, p: &str) -> M {
        self.place = p.into();
        self
    }
    pub fn gender(mut self, g: Gender) -> M {
        self.gender = Some(g);
        self
    }
    pub fn nationality(mut self, n: &str) -> M {
        self.nationality = n.into();
        self
    }
    pub fn case(mut self, c: &str) -> M {
        self.case_number = c.into();
        self
    }

    /// The mention.
    pub fn build(&self) -> Mention {
        let (source, record_id) = self.id.split_once(':').unwrap_or(("t", self.id.as_str()));
        let name = NameParts {
            surname: self.surname.as_str().into(),
            given: self.given.as_str().into(),
            father: self.father.as_str().into(),
            surname_key: self.surname.as_str().into(),
            given_key: self.given.as_str().into(),
            father_key: self.father.as_str().into(),
            phonetic_key: format!(
                "{}{}",
                &self.surname.chars().take(3).collect::<String>(),
                &self.given.chars().take(1).collect::<String>()
            )
            .into(),
            gender: self.gender,
            ..NameParts::default()
        };
        let place = (!self.place.is_empty()).then(|| Place {
            modern: self.place.clone(),
            country: "KZ".into(),
            key: self.place.clone(),
            matched_form: self.place.clone(),
            level: crate::model::PlaceLevel::Settlement,
            unresolved: String::new(),
            conflict: String::new(),
        });
        Mention {
            prov: Provenance {
                source: source.into(),
                record_id: record_id.into(),
                row: 1,
            },
            name_raw: format!("{} {} {}", self.surname, self.given, self.father).into(),
            name: std::sync::Arc::new(name),
            birth: Norm::new("", date(self.born)),
            birth_place: Norm::new(&self.place, place.map(std::sync::Arc::new)),
            nationality: self.nationality.as_str().into(),
            arrest: dated(self.arrest),
            decision_date: dated(self.decided),
            case_number: self.case_number.as_str().into(),
            ..Mention::default()
        }
    }
}

/// A test date as a normalised value.
fn dated(born: Born) -> Norm<DateValue> {
    Norm::new("", date(born))
}

/// The date value of a test birth.
fn date(born: Born) -> Option<DateValue> {
    let (earliest, latest, precision) = match born {
        Born::No => return None,
        Born::Year(y) => (
            NaiveDate::from_ymd_opt(y, 1, 1)?,
            NaiveDate::from_ymd_opt(y, 12, 31)?,
            Precision::Year,
        ),
        Born::Day(y, m, d) => {
            let day = NaiveDate::from_ymd_opt(y, m, d)?;
            (day, day, Precision::Day)
        }
    };
    Some(DateValue {
        earliest,
        latest,
        precision,
        calendar: Calendar::Gregorian,
        qualifier: Qualifier::Exact,
        edtf: earliest.to_string().into(),
    })
}
