//! Rehabilitation decisions written in one cell, such as `12.05.1989 прокуратурой КазССР`:
//! the leading date and the deciding body read apart, the cell itself kept as written.

use super::dates;
use crate::model::{DateValue, Lang};

/// The parts of a decision cell: the date it begins with and the words after it.
#[derive(Debug, Clone, PartialEq)]
pub struct DecisionParts {
    /// The leading words that read as a date, as written.
    pub date_raw: String,
    /// That date.
    pub date: DateValue,
    /// The words after the date (usually the deciding body), tidied.
    pub rest: String,
}

/// Splits a decision cell at the longest run of leading words that reads as a date.
pub fn split_decision(text: &str, lang: Option<Lang>) -> Option<DecisionParts> {
    let words: Vec<&str> = text.split_whitespace().collect();
    let longest = (1..=words.len().min(6)).rev().find_map(|n| {
        let head = words[..n].join(" ");
        match dates::parse(&head, lang) {
            Ok(Some(date)) => Some((n, head, date)),
            _ => None,
        }
    })?;
    let (n, date_raw, date) = longest;
    Some(DecisionParts {
        date_raw,
        date,
        rest: words[n..].join(" "),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_leading_date_is_read_apart_from_the_body() {
        let parts = split_decision("05.01.1996 Военной прокуратурой", Some(Lang::Ru)).unwrap();
        assert_eq!(parts.date_raw, "05.01.1996");
        assert_eq!(parts.date.earliest.to_string(), "1996-01-05");
        assert_eq!(parts.rest, "Военной прокуратурой");
        let parts = split_decision("1989 прокуратурой КазССР", None).unwrap();
        assert_eq!(
            (parts.date_raw.as_str(), parts.rest.as_str()),
            ("1989", "прокуратурой КазССР")
        );
        assert_eq!(split_decision("1964", None).unwrap().rest, "");
    }

    #[test]
    fn a_cell_without_a_leading_date_gives_nothing() {
        assert_eq!(split_decision("реабилитирован", None), None);
        assert_eq!(split_decision("", None), None);
    }
}
