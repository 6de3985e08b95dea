//! What a thread has read of single words, kept per set of scheme hints: archives repeat their
//! surnames and patronymics (a few thousand in a million names), and reading one against every
//! marker and suffix is most of the cost of a name. A result is a function of the word, the hints
//! and the name data alone, so keeping it changes no output.

use super::data::NameData;
use crate::normalize::translit::Hints;
use rustc_hash::FxHashMap;

/// Words kept per set of hints; a full set is emptied and refilled.
const WORDS_KEPT: usize = 65_536;

/// One thread's readings of words, for one set of name data.
pub(crate) struct Kept<V> {
    /// The address of the name data the words were read with.
    data: usize,
    /// Per set of hints, word → its reading.
    words: [FxHashMap<String, V>; Hints::COUNT],
}

impl<V> Default for Kept<V> {
    fn default() -> Self {
        Kept {
            data: 0,
            words: Default::default(),
        }
    }
}

impl<V: Clone> Kept<V> {
    /// The reading of `word` with `hints` and `data`: kept, or `read` and kept.
    pub(crate) fn get(
        &mut self,
        word: &str,
        hints: Hints,
        data: &NameData,
        read: impl FnOnce() -> V,
    ) -> V {
        let data_at = std::ptr::from_ref(data) as usize;
        if self.data != data_at {
            *self = Kept {
                data: data_at,
                ..Kept::default()
            };
        }
        let kept = &mut self.words[hints.index()];
        if let Some(found) = kept.get(word) {
            return found.clone();
        }
        let found = read();
        if kept.len() >= WORDS_KEPT {
            kept.clear();
        }
        kept.insert(word.to_string(), found.clone());
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::names::data::builtin;

    #[test]
    fn a_word_is_read_once_per_set_of_hints() {
        let mut kept: Kept<usize> = Kept::default();
        let mut reads = 0;
        let mut read = |word: &str, hints: Hints| {
            kept.get(word, hints, builtin(), || {
                reads += 1;
                word.len()
            })
        };
        assert_eq!(read("Ахметов", Hints::default()), 14);
        assert_eq!(read("Ахметов", Hints::default()), 14);
        let german = Hints {
            german: true,
            ..Hints::default()
        };
        assert_eq!(read("Ахметов", german), 14);
        assert_eq!(read("Tschokai", german), 8);
        assert_eq!(reads, 3);
    }
}
