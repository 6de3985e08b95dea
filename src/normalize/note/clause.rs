//! A note cut into words and clauses.
//!
//! A clause ends after a word ending in `;`, and after a word ending in a full stop when the next
//! word begins with a capital letter or a digit (`қазақ. 1937 жылы ...`), unless the stop is that
//! of an abbreviation (`г.`, `обл.`, an initial such as `И.`), of a marker opening its clause
//! (`Прож. Ташкент`) or of a marker written with its stop whose value follows (`Арест. 4.XII.1930`,
//! not `1890 г.р.`, whose value came before it). After an
//! abbreviation a clause still ends when the next word opens the marker of an event
//! (`1937 г. Реабилитирован`, not `1957 г. ВКВС СССР`).

use super::NoteKind;
use super::markers::{Hit, Role};
use super::reader::Event;
use std::ops::Range;

/// One word of a note: its byte offsets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// The first byte.
    pub start: usize,
    /// Just past the last byte.
    pub end: usize,
}

impl Token {
    /// Its text in the note.
    pub fn text(self, note: &str) -> &str {
        &note[self.start..self.end]
    }
}

/// The words of a note (runs of characters other than white space).
pub fn tokens(note: &str) -> Vec<Token> {
    let mut tokens = Vec::new();
    let mut start = None;
    for (at, c) in note.char_indices() {
        match (c.is_whitespace(), start) {
            (true, Some(s)) => {
                tokens.push(Token { start: s, end: at });
                start = None;
            }
            (false, None) => start = Some(at),
            _ => {}
        }
    }
    if let Some(s) = start {
        tokens.push(Token {
            start: s,
            end: note.len(),
        });
    }
    tokens
}

/// The clauses of a note, as ranges of token indices, in note order.
pub fn clauses(note: &str, tokens: &[Token], hits: &[Hit]) -> Vec<Range<usize>> {
    let mut role_at = vec![None; tokens.len()];
    let mut opens_hit = vec![false; tokens.len()];
    let mut own_stop = vec![false; tokens.len()];
    for hit in hits {
        opens_hit[hit.first] = matches!(hit.role,
            Role::Kind(k) if Event::of(k).is_some() || k == NoteKind::Source);
        for slot in &mut role_at[hit.first..hit.last] {
            *slot = Some((hit.role, hit.first));
        }
        let last = hit.last - 1;
        let before = hit.first.checked_sub(1).map(|b| tokens[b].text(note));
        let after_number = before.is_some_and(|b| has_digit(b) && !b.ends_with([',', ';']));
        own_stop[last] = hit.end >= tokens[last].end && !after_number;
    }
    let mut clauses = Vec::new();
    let mut start = 0;
    for i in 0..tokens.len() {
        let next = tokens.get(i + 1).map(|t| (t.text(note), opens_hit[i + 1]));
        let same_hit = role_at[i].is_some() && role_at.get(i + 1) == Some(&role_at[i]);
        let at = Word {
            text: tokens[i].text(note),
            role: role_at[i].map(|(role, first)| (role, first == start)),
            own_stop: own_stop[i],
        };
        if !same_hit && ends_clause(&at, next) {
            clauses.push(start..i + 1);
            start = i + 1;
        }
    }
    if start < tokens.len() {
        clauses.push(start..tokens.len());
    }
    clauses
}

/// Whether a word may open a sentence after a short word and a stop: it begins with a digit, or
/// with a capital and is not in capitals only (`ССР` in `Каз. ССР` opens none).
fn opens_sentence(word: &str) -> bool {
    let mut letters = word
        .chars()
        .filter(|c| crate::normalize::text::is_letter(*c));
    let Some(first) = letters.next() else {
        return word.starts_with(|c: char| c.is_ascii_digit());
    };
    let digit = word.starts_with(|c: char| c.is_ascii_digit());
    digit
        || first.is_uppercase()
            && (letters.clone().next().is_none() || letters.any(char::is_lowercase))
}

/// Whether a word (its stop aside) is an initial: one letter.
pub fn is_initial(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(crate::normalize::text::is_letter) && chars.next().is_none()
}

/// A word as the clause rule sees it: its text and, when a marker covers it, the marker's role
/// and whether the marker opens the clause.
struct Word<'a> {
    text: &'a str,
    role: Option<(Role, bool)>,
    /// Whether its full stop is the last character of a marker whose value follows it
    /// (`Арест. 4.XII.1930`; not `1890 г.р.`, whose value came before).
    own_stop: bool,
}

fn has_digit(word: &str) -> bool {
    word.bytes().any(|b| b.is_ascii_digit())
}

/// Whether a clause ends after `word`, followed by `next` (its text and whether a marker of a
/// kind starts there).
fn ends_clause(word: &Word, next: Option<(&str, bool)>) -> bool {
    let Some((next_text, next_opens)) = next else {
        return false;
    };
    let text = word.text.trim_end_matches(['»', '"', ')', '”']);
    if text.ends_with(';') {
        return true;
    }
    let opening = next_text
        .chars()
        .find(|c| crate::normalize::text::is_letter_or_digit(*c))
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
    if !text.ends_with('.') || !opening {
        return false;
    }
    let stem = text.trim_end_matches('.');
    let short = stem
        .chars()
        .filter(|c| crate::normalize::text::is_letter(*c))
        .count()
        <= 3;
    if short && !opens_sentence(next_text) {
        return next_opens;
    }
    let initial = is_initial(stem);
    let held = match word.role {
        Some((Role::Abbreviation | Role::Article, _)) => true,
        Some((Role::Kind(_), opens_clause)) => opens_clause || word.own_stop,
        _ => initial,
    };
    !held || next_opens
}
