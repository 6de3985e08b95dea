//! Scheme hints: what a whole text reveals about the romanisation it was written in.
//!
//! A few Latin letters mean different sounds in different schemes (`j` is `ж` in English, French,
//! Turkish, Uzbek and Kazakh Latin but `й` in ISO 9 and German; `ch` is `х` in German; `c` is `ц`
//! in ISO 9 but `дж` in Turkish). The letters a text uses elsewhere decide which reading applies.

use crate::normalize::text;

/// What the text as a whole says about its romanisation scheme.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Hints {
    /// German (Duden) spelling: `w`, `ß` or `sch` (but not Turkmen Latin, which writes `w` for `в`).
    pub german: bool,
    /// ISO 9 / GOST 7.79 spelling: letters with caron or circumflex that only ISO 9 uses.
    pub iso: bool,
    /// Kazakh Latin of 2018, with acute accents (`á ǵ ń ó ú`), where `ý` is `у`.
    pub kazakh2018: bool,
}

impl Hints {
    /// How many sets of hints there are.
    pub const COUNT: usize = 8;

    /// A number for this set of hints, below [`Hints::COUNT`].
    pub fn index(self) -> usize {
        usize::from(self.german) | usize::from(self.iso) << 1 | usize::from(self.kazakh2018) << 2
    }

    /// Scans a text once for the letters that mark a scheme.
    pub fn detect(text: &str) -> Hints {
        let mut hints = Hints::default();
        let mut prev = [' '; 2];
        let mut turkmen = false;
        for raw in text.chars() {
            let c = text::lower(raw);
            match c {
                'w' | 'ß' => hints.german = true,
                'á' | 'ǵ' | 'ń' | 'ó' | 'ú' => hints.kazakh2018 = true,
                // Turkmen Latin writes `w` for `в` beside `ý` and `ň`.
                'ý' | 'ň' => turkmen = true,
                'h' if prev == ['s', 'c'] => hints.german = true,
                'č' | 'š' | 'ž' | 'ŝ' | 'û' | 'â' | 'ʹ' | 'ʺ' | 'ǔ' | 'ì' | 'ù' | 'ô' | 'ġ'
                | 'ṇ' | 'ḥ' | 'ḩ' | '\u{30c}' => hints.iso = true,
                _ => {}
            }
            // A word-final `j` after a vowel is ISO 9 `й` (`Coj`, `Čokaj`).
            if prev[1] == 'j' && !text::is_letter(c) && "aeiouy".contains(prev[0]) {
                hints.iso = true;
            }
            prev = [prev[1], c];
        }
        if prev[1] == 'j' && "aeiouy".contains(prev[0]) {
            hints.iso = true;
        }
        hints.german &= !turkmen;
        hints
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_german_and_iso() {
        assert!(Hints::detect("Schokajew").german);
        assert!(Hints::detect("Tschokai Mustafa").german);
        assert!(!Hints::detect("Chokay").german);
        assert!(Hints::detect("Čokaev").iso);
        assert!(!Hints::detect("Chokaev").iso);
        assert!(Hints::detect("Coj").iso);
        assert!(Hints::detect("Coj Viktor").iso);
        assert!(!Hints::detect("Jusup").iso);
        assert!(!Hints::detect("Niýazow").german);
        assert!(Hints::detect("Áýezov").kazakh2018);
        assert!(!Hints::detect("Шокаев").german);
    }
}
