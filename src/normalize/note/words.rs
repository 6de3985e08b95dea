//! What a single word of a note is, remembered per thread: notes repeat their words, and a word
//! is looked up in the sentence and nationality vocabularies once.

use crate::normalize::{nationality, sentence};
use std::cell::RefCell;
use std::collections::HashMap;

/// Words each thread remembers at most; the memory is emptied when full.
const CAPACITY: usize = 20_000;

/// What a word was found to be.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct WordFacts {
    /// It names a kind of sentence on its own (`ВМН`, `ИТЛ`).
    pub sentence: bool,
    /// It is a nationality (`казах`).
    pub nationality: bool,
}

/// The facts of a word (as written, signs around it included).
pub fn facts(word: &str) -> WordFacts {
    thread_local! {
        static SEEN: RefCell<HashMap<String, WordFacts>> = RefCell::new(HashMap::new());
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
    let bare = word.trim_matches(|c: char| !c.is_alphanumeric());
    let lettered = bare.chars().any(char::is_alphabetic);
    WordFacts {
        sentence: sentence::sentence_key(word).is_some(),
        nationality: lettered && nationality::nationality_key(bare).is_some(),
    }
}
