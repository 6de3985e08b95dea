//! Transliteration of every script and romanisation scheme to one Latin match key.
//!
//! [`match_key`] reads Russian, Kazakh, Kyrgyz, Uzbek and Tajik Cyrillic, Uzbek and Kazakh Latin,
//! and the historical romanisations (BGN/PCGN, ISO 9, Library of Congress, French, German,
//! Turkish) into one class alphabet, so that spellings that differ only by scheme get one key.
//! [`phonetic_key`] is a coarser key for blocking. [`render`] writes Cyrillic in each scheme.

mod canon;
mod emit;
mod hints;
mod reader;
mod render;

pub use hints::Hints;
pub use render::{Scheme, check_line, check_loaded, render};
use rustc_hash::FxHashMap;
use std::cell::RefCell;

/// The canonical Latin match key of a text: one class letter per sound, every scheme folded.
pub fn match_key(text: &str) -> String {
    key_with(text, Hints::detect(text))
}

/// Texts whose keys each thread keeps, per set of hints; a full set is emptied and refilled.
const KEYS_KEPT: usize = 65_536;

thread_local! {
    /// The keys this thread has read, by hints and text: archives repeat the same words, and
    /// names are read word by word several times over.
    static KEYS: RefCell<[FxHashMap<String, String>; Hints::COUNT]> = RefCell::default();
}

/// The match key of a text read with scheme hints taken from elsewhere (the whole record).
pub fn key_with(text: &str, hints: Hints) -> String {
    KEYS.with(|keys| {
        let mut keys = keys.borrow_mut();
        let kept = &mut keys[hints.index()];
        if let Some(key) = kept.get(text) {
            return key.clone();
        }
        let key = read_key(text, hints);
        if kept.len() >= KEYS_KEPT {
            kept.clear();
        }
        kept.insert(text.to_string(), key.clone());
        key
    })
}

/// The match key of a text, read letter by letter.
fn read_key(text: &str, hints: Hints) -> String {
    let mut out = Vec::with_capacity(text.len());
    let mut word_key = Vec::with_capacity(32);
    let mut buf = Vec::with_capacity(32);
    reader::for_each_word(text, &mut buf, |word| {
        word_key.clear();
        emit::emit_word(word, hints, &mut word_key);
        // Each word settles on its own, so one word's glide never depends on the next word.
        canon::settle(&mut word_key);
        out.extend_from_slice(&word_key);
    });
    canon::fold(&mut out);
    bytes_to_key(out)
}

/// A coarse phonetic key for blocking: vowels folded after the first letter, voiced and voiceless
/// consonants in one class (`b p`, `d t`, `g k`, `s c`, `j x`, `v f`), doubles folded.
pub fn phonetic_key(text: &str) -> String {
    phonetic_of_key(&match_key(text))
}

/// The phonetic key of an existing match key.
pub fn phonetic_of_key(key: &str) -> String {
    let mut out = Vec::with_capacity(key.len());
    for (i, b) in key.bytes().enumerate() {
        let class = match b {
            b'a' | b'e' | b'u' | b'y' if i == 0 => b'a',
            b'a' | b'e' | b'u' | b'y' => continue,
            b'b' => b'p',
            b'd' => b't',
            b'g' => b'k',
            b'c' => b's',
            b'j' => b'x',
            b'v' => b'f',
            other => other,
        };
        out.push(class);
    }
    canon::fold(&mut out);
    bytes_to_key(out)
}

fn bytes_to_key(bytes: Vec<u8>) -> String {
    String::from_utf8(bytes).unwrap_or_default()
}

/// Whether a character is a Cyrillic letter.
pub fn is_cyrillic(c: char) -> bool {
    emit::is_cyrillic(c)
}

#[cfg(test)]
mod tests;
