//! Sentences in a clause: a word (or two) naming a kind of sentence (`ВМН`, `ИТЛ`, `высшая
//! мера`), with its term in years written before or after it.

use super::{Clause, Event, Reader, ends_phrase, has_digit, words};
use crate::normalize::note::NoteKind;
use crate::normalize::sentence;
use crate::normalize::text;

impl Reader<'_> {
    /// Sentences: a word (or two) naming a kind of sentence, with the term written before it;
    /// not where the nearest event is another (`Умер в лагере`, `..., умер в ИТЛ`).
    pub(super) fn read_sentences(&self, c: &mut Clause) {
        let mut events = c.marks.iter().filter_map(|(_, e)| *e).peekable();
        if events.peek().is_some() && !events.any(|e| e == Event::Sentence) {
            return;
        }
        let mut i = c.range.start;
        while i < c.range.end {
            let Some(len) = self.sentence_anchor(c, i) else {
                i += 1;
                continue;
            };
            let phrase = |t: usize| self.phrase_of(c, t);
            if c.event_near(i, self.hits, &phrase)
                .is_some_and(|e| e != Event::Sentence)
            {
                i += len;
                continue;
            }
            let first = self.term_before(c, i);
            let end = self.term_after(c, i + len);
            c.take(first..end);
            c.found.push((NoteKind::Sentence, first..end));
            i = end;
        }
    }

    /// Where a sentence named at token `i` starts: at its term written before it, up to
    /// [`TERM_WORDS`] words back in its phrase (`10 лет ИТЛ`, `10 years of labour camp`).
    fn term_before(&self, c: &Clause, i: usize) -> usize {
        for k in 1..=TERM_WORDS.min(i - c.range.start) {
            let t = i - k;
            if !c.is_free(t) || ends_phrase(self.token_text(t)) {
                break;
            }
            if is_term_number(self.token_text(t)) {
                return t;
            }
            if has_digit(self.token_text(t)) {
                break;
            }
        }
        i
    }

    /// Just past a sentence whose words end before token `end`: past its term written after it,
    /// up to [`TERM_WORDS_AFTER`] words on in its phrase (`к высылке в Северный край на 3 года`).
    fn term_after(&self, c: &Clause, end: usize) -> usize {
        if end == 0 || ends_phrase(self.token_text(end - 1)) {
            return end;
        }
        for t in end..(end + TERM_WORDS_AFTER).min(c.range.end) {
            if !c.is_free(t) {
                break;
            }
            let word = self.token_text(t);
            if is_term_number(word) {
                let unit = self.tokens.get(t + 1).filter(|_| c.is_free(t + 1));
                return match unit.map(|u| u.text(self.note)) {
                    Some(u) if is_year_word(u) => t + 2,
                    _ => end,
                };
            }
            if has_digit(word) || ends_phrase(word) {
                break;
            }
        }
        end
    }

    /// How many words from `i` name a sentence (1 or 2), if they do.
    fn sentence_anchor(&self, c: &Clause, i: usize) -> Option<usize> {
        if !c.is_free(i) {
            return None;
        }
        let one = self.tokens[i];
        let one_text = one.text(self.note);
        let facts = words::facts(one_text);
        if facts.sentence {
            return Some(1);
        }
        if !facts.opens_sentence_phrase {
            return None;
        }
        let next = *self.tokens.get(i + 1).filter(|_| c.is_free(i + 1))?;
        let next_text = next.text(self.note);
        if has_digit(one_text) || has_digit(next_text) || words::facts(next_text).sentence {
            return None;
        }
        let two = &self.note[one.start..next.end];
        sentence::sentence_key(two).map(|_| 2)
    }
}

/// The words before a sentence looked through for its term at most.
const TERM_WORDS: usize = 4;
/// The words after a sentence looked through for its term at most.
const TERM_WORDS_AFTER: usize = 6;

/// Whether a word is the number of a term in years (`10`, `5-ти`): one or two digits.
fn is_term_number(word: &str) -> bool {
    let digits = word.bytes().take_while(u8::is_ascii_digit).count();
    (1..=2).contains(&digits) && !word[digits..].contains(|c: char| c.is_ascii_digit() || c == '.')
}

/// Whether a word names years (`лет`, `года`, `years`, `жылға`, `yil`).
fn is_year_word(word: &str) -> bool {
    let lower = text::lowercase(word);
    ["лет", "год", "year", "жыл", "yil", "йил"]
        .iter()
        .any(|unit| lower.starts_with(unit))
}
