//! Splitting a written place or address into parts, each with the level its markers announce:
//! `Сыр-Дарьинская обл., Перовский у., аул №5` → region `Сыр-Дарьинская`, district `Перовский`,
//! settlement `№5` (dropped: no name left).

use super::terms::{Level, Position, Terms};
use crate::normalize::text;

/// One part of an address: its name words, the level its marker announced, and its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Part<'t> {
    /// The name words, markers and numbers removed.
    pub words: Vec<&'t str>,
    /// The level announced by a marker, or [`Level::Bare`].
    pub level: Level,
    /// Every token of the part as written, markers and numbers included (`аул №5`).
    pub raw: Vec<&'t str>,
}

/// Characters that always separate parts of an address.
fn is_separator(c: char) -> bool {
    matches!(
        c,
        ',' | ';' | '(' | ')' | '[' | ']' | '/' | '\\' | '|' | '\n' | '\r'
    )
}

/// Splits a text into address parts, in written order; parts that are no place (streets) or
/// have neither a name nor a number left are dropped. A marked part named by a number only
/// (`аул №5`) is kept with no name words, so that its text is not lost.
pub fn split<'t>(text: &'t str, terms: &Terms) -> Vec<Part<'t>> {
    let mut parts = Vec::new();
    for segment in text.split(is_separator) {
        split_segment(segment, terms, &mut parts);
    }
    parts
}

struct Builder<'t, 'p> {
    current: Part<'t>,
    skipping: bool,
    out: &'p mut Vec<Part<'t>>,
}

impl<'t> Builder<'t, '_> {
    fn flush(&mut self) {
        let part = std::mem::replace(&mut self.current, fresh(Level::Bare));
        let numbered = part.level != Level::Bare && part.raw.iter().any(|t| is_number(t));
        if (!part.words.is_empty() || numbered) && !self.skipping {
            self.out.push(part);
        }
        self.skipping = false;
    }

    fn open(&mut self, level: Option<Level>, token: &'t str) {
        self.flush();
        self.current.raw.push(token);
        match level {
            Some(l) => self.current.level = l,
            None => self.skipping = true,
        }
    }

    /// A marker after a name: it closes the name before it with its level. In a part a prefix
    /// marker opened (`с. Ивановка Перовского уезда`), it takes only the last word.
    fn close(&mut self, level: Option<Level>, token: &'t str) {
        if self.current.level == Level::Bare || self.current.words.len() < 2 {
            self.current.raw.push(token);
            match level {
                Some(l) => self.current.level = l,
                None => self.skipping = true,
            }
            self.flush();
            return;
        }
        let last = self.current.words.pop();
        if let Some(at) = last.and_then(|w| self.current.raw.iter().rposition(|t| *t == w)) {
            self.current.raw.truncate(at);
        }
        self.flush();
        if let (Some(word), Some(l)) = (last, level) {
            self.out.push(Part {
                words: vec![word],
                level: l,
                raw: vec![word, token],
            });
        }
    }
}

fn fresh<'t>(level: Level) -> Part<'t> {
    Part {
        words: Vec::new(),
        level,
        raw: Vec::new(),
    }
}

fn split_segment<'t>(segment: &'t str, terms: &Terms, out: &mut Vec<Part<'t>>) {
    let mut b = Builder {
        current: fresh(Level::Bare),
        skipping: false,
        out,
    };
    for token in tokens(segment) {
        let lower = text::lowercase(token);
        match terms.marker(&lower) {
            Some(m) => match m.position {
                Position::Prefix => b.open(m.level, token),
                Position::Suffix => b.close(m.level, token),
                Position::Either if b.current.words.is_empty() => b.open(m.level, token),
                Position::Either => b.close(m.level, token),
            },
            None if is_noise(token) => b.current.raw.push(token),
            None => {
                b.current.words.push(token);
                b.current.raw.push(token);
            }
        }
    }
    b.flush();
}

/// Whitespace-separated tokens, each further split after a dot (`г.Ташкент` → `г.`, `Ташкент`).
fn tokens(segment: &str) -> impl Iterator<Item = &str> {
    segment
        .split_whitespace()
        .flat_map(|w| w.split_inclusive('.'))
        .map(|t| t.trim_matches(|c: char| matches!(c, '"' | '«' | '»' | '“' | '”' | '„' | ':')))
        .filter(|t| !t.is_empty() && *t != ".")
}

/// A number (`5`, `№5`, `№`): what names a numbered aul or kolkhoz.
fn is_number(token: &str) -> bool {
    token.starts_with('№') || token.chars().any(|c| c.is_ascii_digit())
}

/// Numbers, `№5`, and tokens without a letter carry no place name.
fn is_noise(token: &str) -> bool {
    token.starts_with('№') || !token.chars().any(text::is_letter)
}
