//! What a single word of a note is, remembered per thread: notes repeat their words, and a word
//! is looked up in the sentence and nationality vocabularies once.

use crate::normalize::{nationality, sentence};
use rustc_hash::FxHashMap;
use std::cell::RefCell;

/// Words each thread remembers at most; the memory is emptied when full.
const CAPACITY: usize = 20_000;

/// What a word was found to be.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct WordFacts {
    /// It names a kind of sentence on its own (`ВМН`, `ИТЛ`).
    pub sentence: bool,
    /// It is a nationality (`казах`).
    pub nationality: bool,
    /// It may open a sentence written in several words (`высшая мера`).
    pub opens_sentence_phrase: bool,
}

/// The facts of a word (as written, signs around it included).
pub fn facts(word: &str) -> WordFacts {
    thread_local! {
        static SEEN: RefCell<FxHashMap<String, WordFacts>> = RefCell::new(FxHashMap::default());
    }
    SEEN.with(|seen| {
        if let Some(f) = seen.borrow().get(word) {
            return *f;
        }
        let f = look_up(word);
        let mut seen = seen.borrow_mut();
        if seen.len() >= CAPACITY {
            seen.clear();
        }
        seen.insert(word.to_string(), f);
        f
    })
}

fn look_up(word: &str) -> WordFacts {
    let bare = word.trim_matches(|c: char| !crate::normalize::text::is_letter_or_digit(c));
    let lettered = bare.chars().any(crate::normalize::text::is_letter);
    WordFacts {
        sentence: sentence::sentence_key(word).is_some(),
        nationality: lettered && nationality::nationality_key(bare).is_some(),
        opens_sentence_phrase: sentence::may_open_phrase(word),
    }
}
