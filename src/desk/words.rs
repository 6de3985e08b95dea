//! The desk's phrases and how they are said: each reason and verdict is a key with values, and a
//! catalogue of one language gives the words (`{name}` marks where a value goes). The English
//! catalogue is here, once: the command line speaks it and the web desk's other languages
//! translate its keys.

/// A catalogue of phrases in one language.
pub trait Words {
    /// The text of a key, `{name}` marking where a value goes; the key itself when unknown.
    fn text(&self, key: &'static str) -> &'static str;
}

/// The English catalogue.
#[derive(Debug, Clone, Copy, Default)]
pub struct English;

impl Words for English {
    fn text(&self, key: &'static str) -> &'static str {
        english(key).unwrap_or(key)
    }
}

/// A phrase of a catalogue with the values of its placeholders.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Phrase {
    /// The key (`why_surname_exact`, `verdict_merged`).
    pub key: &'static str,
    /// The values, by placeholder name (`column`, `note` ...).
    pub args: Vec<(&'static str, String)>,
}

impl Phrase {
    /// A phrase without values.
    pub fn new(key: &'static str) -> Phrase {
        Phrase {
            key,
            args: Vec::new(),
        }
    }

    /// A phrase with one value.
    pub fn with(key: &'static str, name: &'static str, value: &str) -> Phrase {
        Phrase {
            key,
            args: vec![(name, value.to_string())],
        }
    }

    /// The phrase in a catalogue's words.
    pub fn say(&self, words: &dyn Words) -> String {
        let pairs: Vec<(&str, &str)> = self.args.iter().map(|(n, v)| (*n, v.as_str())).collect();
        fill(words.text(self.key), &pairs)
    }
}

/// A text with each `{name}` replaced by its value.
pub fn fill(text: &str, values: &[(&str, &str)]) -> String {
    let mut out = text.to_string();
    for (name, value) in values {
        out = out.replace(&format!("{{{name}}}"), value);
    }
    out
}

/// The English text of a key of the desk's phrases.
pub fn english(key: &str) -> Option<&'static str> {
    ENGLISH
        .iter()
        .find(|(k, _)| *k == key)
        .map(|(_, text)| *text)
}

/// Every phrase of the desk in English: key, text.
pub const ENGLISH: &[(&str, &str)] = &[
    (
        "why_prior",
        "before any evidence, two mentions are rarely one person",
    ),
    (
        "why_name_evidence",
        "no surname, nor any other column, in common: counted hard against",
    ),
    ("why_surname_exact", "same surname"),
    ("why_surname_exact_scripts", "same surname in two scripts"),
    ("why_surname_close", "surnames spelt closely alike"),
    ("why_surname_similar", "surnames somewhat alike"),
    ("why_surname_differ", "different surnames"),
    ("why_given_exact", "same given name"),
    ("why_given_exact_scripts", "same given name in two scripts"),
    ("why_given_close", "given names spelt closely alike"),
    ("why_given_initial", "an initial that fits the given name"),
    ("why_given_differ", "different given names"),
    ("why_father_exact", "same father's name"),
    ("why_father_close", "fathers' names spelt closely alike"),
    (
        "why_father_initial",
        "an initial that fits the father's name",
    ),
    ("why_father_differ", "different fathers' names"),
    ("why_birth_same_day", "born the same day"),
    ("why_birth_overlap", "birth dates compatible"),
    (
        "why_birth_julian",
        "birth dates 12 or 13 days apart: one day in the old and new calendars",
    ),
    (
        "why_birth_year_slip",
        "born on the same day and month a year apart: a slip of the year",
    ),
    ("why_birth_one_year", "birth years one apart"),
    (
        "why_birth_days_differ",
        "born within a year but on other days",
    ),
    ("why_birth_far", "births far apart"),
    ("why_place_agree", "born in the same place"),
    ("why_place_differ", "born in different places"),
    ("why_nationality_agree", "same nationality"),
    ("why_nationality_differ", "different nationalities"),
    ("why_case_agree", "same case number"),
    ("why_case_differ", "different case numbers"),
    ("why_gender_agree", "same gender"),
    ("why_gender_differ", "genders differ"),
    (
        "why_source_same",
        "two entries of one list, which rarely names a person twice",
    ),
    ("why_source_differ", "from two different lists"),
    ("why_arrest_same_day", "arrested the same day"),
    ("why_arrest_overlap", "arrest dates compatible"),
    ("why_arrest_month", "arrests within a month of each other"),
    ("why_arrest_far", "arrests far apart"),
    ("why_decision_same_day", "rehabilitated the same day"),
    ("why_decision_overlap", "rehabilitation dates compatible"),
    (
        "why_decision_month",
        "rehabilitations within a month of each other",
    ),
    ("why_decision_far", "rehabilitations far apart"),
    ("why_sentence_agree", "same sentence"),
    ("why_sentence_kind", "same kind of sentence, another term"),
    ("why_sentence_differ", "different sentences"),
    ("why_column_exact", "same {column}"),
    ("why_column_close", "{column} spelt closely alike"),
    ("why_column_similar", "{column} somewhat alike"),
    ("why_column_differ", "different {column}"),
    ("why_other", "{field}: {level}"),
    ("why_values_one", "({a})"),
    ("why_values_two", "({a} vs {b})"),
    ("why_values_one_today", "({a}, today {today})"),
    ("why_values_two_today", "({a} vs {b}, today {today})"),
    (
        "verdict_merged",
        "put together: the score reached the threshold",
    ),
    (
        "verdict_merged_lone",
        "put together: the only person this mention's pairs lead to",
    ),
    (
        "verdict_merged_judged",
        "put together by an archivist's judgement `same`",
    ),
    ("verdict_already", "already together through other mentions"),
    (
        "verdict_apart_weak",
        "kept apart: the score stays below the threshold",
    ),
    (
        "verdict_apart_judged",
        "kept apart by an archivist's judgement `different`",
    ),
    (
        "verdict_apart_birth_years",
        "kept apart: birth years more than 2 apart",
    ),
    ("verdict_apart_genders", "kept apart: genders differ"),
    ("verdict_apart_fathers", "kept apart: patronymics differ"),
    (
        "verdict_apart_held",
        "kept apart: the mention fits two persons about equally",
    ),
    (
        "verdict_apart_incoherent",
        "kept apart: two mentions disagree too much",
    ),
    (
        "verdict_apart_same_source",
        "kept apart: two entries of one list",
    ),
    (
        "verdict_ambiguous_held",
        "ambiguous: fits two persons about equally, held apart",
    ),
    (
        "verdict_ambiguous_alone",
        "ambiguous: fits two persons about equally, left alone",
    ),
    ("verdict_other", "{note}"),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_is_said_once_and_unknown_keys_stay_keys() {
        let keys: std::collections::BTreeSet<&str> = ENGLISH.iter().map(|(k, _)| *k).collect();
        assert_eq!(keys.len(), ENGLISH.len(), "a key listed twice");
        assert_eq!(English.text("why_case_agree"), "same case number");
        assert_eq!(English.text("no_such_key"), "no_such_key");
        let phrase = Phrase::with("why_column_exact", "column", "Место работы");
        assert_eq!(phrase.say(&English), "same Место работы");
    }
}
