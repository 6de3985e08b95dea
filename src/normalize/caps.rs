//! The caps on the work one value may cause, counted in characters and words: one rule for every
//! normaliser that has such caps (names, places).

/// A value past a cap: what it held, the cap, and what was counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Excess {
    /// How many `unit`s the value holds.
    pub count: usize,
    /// The cap, in `unit`s.
    pub cap: usize,
    /// What was counted: `characters` or `words`.
    pub unit: &'static str,
}

/// The first cap `text` passes: more than `max_chars` characters, or more than `max_words` words.
pub fn excess(text: &str, max_chars: usize, max_words: usize) -> Option<Excess> {
    let chars = text.chars().count();
    if chars > max_chars {
        return Some(Excess {
            count: chars,
            cap: max_chars,
            unit: "characters",
        });
    }
    let words = text.split_whitespace().count();
    (words > max_words).then_some(Excess {
        count: words,
        cap: max_words,
        unit: "words",
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn characters_are_counted_before_words() {
        assert_eq!(excess("Шокаев Мустафа", 14, 2), None);
        let chars = excess("Шокаев Мустафа", 13, 1).unwrap();
        assert_eq!((chars.count, chars.cap, chars.unit), (14, 13, "characters"));
        let words = excess("Шокаев Мустафа", 14, 1).unwrap();
        assert_eq!((words.count, words.cap, words.unit), (2, 1, "words"));
    }
}
