//! A header cell folded and split into words, as a reader sees them: case, `ё`, apostrophes of
//! every kind, the dots and hyphens of abbreviations (`Г. рожд.`, `Отч-во`) and the number signs
//! (`№`, `No.`, `#`) all handled once, here.

use crate::normalize::text;
use unicode_normalization::UnicodeNormalization;

/// The word every number sign (`№`, `#`, `No.`, `Nr.`, `N`) folds to.
pub const NUMBER_SIGN: &str = "№";

/// One word of a header.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    /// The word folded: lower case, `ё` as `е`, apostrophes dropped; a hyphen kept inside.
    pub text: String,
    /// Written with a dot after it (`рожд.`): it may stand for any word it begins.
    pub dotted: bool,
    /// Written inside brackets: a note on the header, not its meaning.
    pub note: bool,
}

impl Word {
    /// The word with its inner hyphens removed (`аты-жөні` → `атыжөні`).
    pub fn joined(&self) -> String {
        self.text.replace('-', "")
    }

    /// The two ends of a contraction written with a hyphen (`отч-во` → `отч`, `во`).
    pub fn contraction(&self) -> Option<(&str, &str)> {
        let (head, tail) = self.text.split_once('-')?;
        (!head.is_empty() && !tail.is_empty() && !tail.contains('-')).then_some((head, tail))
    }
}

/// Splits a header into its words, in written order. Letters and digits make words; `№` and `#`
/// are words of their own; a dot marks the word before it as an abbreviation, as a slash marks
/// the short words on both its sides (`п/п`, `Р/с`); any other mark separates words, as does a
/// capital after a small letter (`dateOfBirth`). Brackets mark the words inside them as notes.
pub fn split(header: &str) -> Vec<Word> {
    let mut s = Splitter::default();
    let mut chars = header.nfc().peekable();
    let mut previous_lower = false;
    while let Some(written) = chars.next() {
        if previous_lower && written.is_uppercase() {
            s.push(false);
        }
        previous_lower = written.is_lowercase();
        let c = written.to_lowercase().next().unwrap_or(written);
        match c {
            c if text::is_apostrophe(c) => {}
            c if text::is_letter_or_digit(c) => s.current.push(text::fold_yo(c)),
            c if text::is_hyphen(c) && !s.current.is_empty() => {
                if chars.peek().is_some_and(|&n| text::is_letter_or_digit(n)) {
                    s.current.push('-');
                } else {
                    s.push(false);
                }
            }
            '.' => s.push(true),
            '/' => {
                let short = s.current.chars().count() <= 3;
                s.push(short);
                s.after_slash = true;
            }
            '№' | '#' => {
                s.push(false);
                s.number_sign();
            }
            '(' | '[' | '{' => {
                s.push(false);
                s.depth += 1;
            }
            ')' | ']' | '}' => {
                s.push(false);
                s.depth = s.depth.saturating_sub(1);
            }
            _ => s.push(false),
        }
    }
    s.push(false);
    s.words
}

/// The state of [`split`]: the words so far and the word being read.
#[derive(Default)]
struct Splitter {
    words: Vec<Word>,
    current: String,
    depth: usize,
    after_slash: bool,
}

impl Splitter {
    /// Ends the current word, dotted (an abbreviation) or not.
    fn push(&mut self, dotted: bool) {
        if self.current.is_empty() {
            return;
        }
        let text = std::mem::take(&mut self.current);
        let dotted = dotted || (self.after_slash && text.chars().count() <= 3);
        self.after_slash = false;
        let note = self.depth > 0;
        match text.as_str() {
            "n" | "nn" => self.number_sign(),
            "no" | "nr" if dotted => self.number_sign(),
            _ => self.words.push(Word { text, dotted, note }),
        }
    }

    /// A number sign; `№№` is one.
    fn number_sign(&mut self) {
        if self.words.last().is_some_and(|w| w.text == NUMBER_SIGN) {
            return;
        }
        self.words.push(number_sign(self.depth > 0));
    }
}

fn number_sign(note: bool) -> Word {
    Word {
        text: NUMBER_SIGN.to_string(),
        dotted: false,
        note,
    }
}

/// The header with every mark removed: letters, digits and `№` only (`Ф.И.О.` → `фио`),
/// its bracketed notes kept or left out.
pub fn compact(header: &str, with_notes: bool) -> String {
    split(header)
        .iter()
        .filter(|w| with_notes || !w.note)
        .map(Word::joined)
        .collect()
}

/// How well a header word stands for a word of the vocabulary, from 0 (not at all) to 1 (the
/// same word). The forms a reader accepts:
/// - the same word, hyphens aside (`аты-жөні`, `атыжөні`);
/// - the same stem with other endings (`рождения` for `рождение`, `жительства` for
///   `жительство`, `names` for `name`);
/// - an abbreviation: a dotted beginning (`рожд.`, `г.`), or an undotted beginning of four
///   letters or more (`рожд`);
/// - a contraction written with a hyphen: the beginning and the end (`отч-во`, `рожд-я`).
pub fn likeness(header: &Word, vocabulary: &str) -> f32 {
    let written = header.joined();
    let meant = vocabulary.replace('-', "");
    if written == meant {
        return 1.0;
    }
    if same_stem(&written, &meant) {
        return 0.9;
    }
    if let Some((head, tail)) = header.contraction()
        && meant.starts_with(head)
        && meant.ends_with(tail)
        && meant.chars().count() > head.chars().count() + tail.chars().count()
    {
        return 0.8;
    }
    let n = written.chars().count();
    if meant.starts_with(&written) && (n >= 4 || header.dotted) {
        return if n == 1 { 0.6 } else { 0.8 };
    }
    0.0
}

/// Whether two words differ only in their endings: a shared beginning of four letters or more
/// that leaves at most four letters of either word and is three fifths of the longer one
/// (`group` is no `grounds`), so that case and number endings of every
/// language of the region match; a word of three letters matches itself with one letter more
/// (`жер`, `жері`; `год`, `года`).
fn same_stem(a: &str, b: &str) -> bool {
    let shared = a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count();
    let (la, lb) = (a.chars().count(), b.chars().count());
    if shared >= 4 {
        let most = la.max(lb);
        return la - shared <= 4 && lb - shared <= 4 && shared * 5 >= most * 3;
    }
    shared == 3 && la.min(lb) == 3 && la.max(lb) == 4
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(header: &str) -> Vec<String> {
        split(header).into_iter().map(|w| w.text).collect()
    }

    #[test]
    fn headers_split_into_folded_words() {
        assert_eq!(texts("Г. рожд."), ["г", "рожд"]);
        assert_eq!(texts("Дата рожд-я"), ["дата", "рожд-я"]);
        assert_eq!(texts("Tugʻilgan joyi"), ["tugilgan", "joyi"]);
        assert_eq!(texts("Tug'ilgan joyi"), ["tugilgan", "joyi"]);
        for apostrophe in text::APOSTROPHES {
            let header = format!("Tug{apostrophe}ilgan joyi");
            assert_eq!(texts(&header), ["tugilgan", "joyi"], "{header}");
        }
        assert_eq!(texts("Отч−во"), ["отч-во"]);
        assert_eq!(texts("Инв. №"), ["инв", "№"]);
        assert_eq!(texts("No. of case"), ["№", "of", "case"]);
        assert_eq!(texts("#"), ["№"]);
        assert_eq!(texts("№№ пп"), ["№", "пп"]);
        assert_eq!(texts("NN п/п"), ["№", "п", "п"]);
        assert!(split("Р/с").iter().all(|w| w.dotted));
        assert_eq!(texts("Ёл"), ["ел"]);
        assert_eq!(texts("Аты - жөні"), ["аты", "жөні"]);
        assert_eq!(texts("rec_id"), ["rec", "id"]);
        assert_eq!(texts("dateOfBirth"), ["date", "of", "birth"]);
        assert_eq!(compact("Ф.И.О.", true), "фио");
        assert_eq!(compact("Name (as written)", false), "name");
        assert_eq!(compact("Name (as written)", true), "nameaswritten");
        let words = split("Год (по документам)");
        assert!(!words[0].note && words[1].note && words[2].note);
        assert!(split("рожд.")[0].dotted && !split("рожд")[0].dotted);
    }

    #[test]
    fn abbreviations_stems_and_contractions_stand_for_their_words() {
        let w = |s: &str| split(s).remove(0);
        assert_eq!(likeness(&w("рождения"), "рождения"), 1.0);
        assert!(likeness(&w("рождение"), "рождения") > 0.8);
        assert!(likeness(&w("жительства"), "жительство") > 0.8);
        assert!(likeness(&w("рожд."), "рождения") > 0.7);
        assert!(likeness(&w("г."), "год") > 0.5);
        assert!(likeness(&w("отч-во"), "отчество") > 0.7);
        assert!(likeness(&w("гражд-во"), "гражданство") > 0.7);
        assert!(likeness(&w("рожд-я"), "рождения") > 0.7);
        assert!(likeness(&w("жері"), "жер") > 0.8);
        assert_eq!(likeness(&w("имени"), "имя"), 0.0);
        assert_eq!(likeness(&w("group"), "grounds"), 0.0);
        assert!(likeness(&w("names"), "name") > 0.8);
        assert_eq!(likeness(&w("г"), "год"), 0.0);
        assert_eq!(likeness(&w("дата"), "дать"), 0.0);
        assert_eq!(likeness(&w("место"), "имя"), 0.0);
        assert_eq!(likeness(&w("рождения"), "рождаемость"), 0.0);
    }
}
