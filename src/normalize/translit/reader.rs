//! Reads a text into lower-case words of letters, keeping apostrophe look-alikes and the few
//! combining marks that carry meaning (tie bar, comma below), without allocating per character.

use crate::normalize::text;
use unicode_normalization::UnicodeNormalization;

/// The apostrophe that stands for every look-alike inside a word ([`text::APOSTROPHES`]).
pub const APOS: char = '\'';
/// The combining double inverted breve (tie) Library of Congress writes over `i͡a`, `t͡s`.
pub const TIE: char = '\u{361}';
/// The combining comma below ISO 9 writes under `c̦` (Tajik `ҷ`).
pub const COMMA_BELOW: char = '\u{326}';

/// Calls `each_word` with every word of `text`, lower-cased, in order.
pub fn for_each_word(text: &str, buf: &mut Vec<char>, mut each_word: impl FnMut(&[char])) {
    buf.clear();
    let needs_nfc = text.chars().any(is_combining);
    let mut push = |c: char, buf: &mut Vec<char>| match classify(c) {
        Kind::Letter => push_lower(c, buf),
        Kind::Apostrophe => {
            if !buf.is_empty() {
                buf.push(APOS);
            }
        }
        Kind::Mark => {
            if c == TIE || c == COMMA_BELOW {
                buf.push(c);
            }
        }
        Kind::Separator => {
            if !buf.is_empty() {
                each_word(buf);
                buf.clear();
            }
        }
    };
    if needs_nfc {
        for c in text.nfc() {
            push(c, buf);
        }
    } else {
        for c in text.chars() {
            push(c, buf);
        }
    }
    if !buf.is_empty() {
        each_word(buf);
        buf.clear();
    }
}

enum Kind {
    Letter,
    Apostrophe,
    Mark,
    Separator,
}

fn classify(c: char) -> Kind {
    match c {
        c if text::is_apostrophe(c) => Kind::Apostrophe,
        c if is_combining(c) => Kind::Mark,
        c if text::is_letter(c) => Kind::Letter,
        _ => Kind::Separator,
    }
}

fn is_combining(c: char) -> bool {
    ('\u{300}'..='\u{36f}').contains(&c)
}

fn push_lower(c: char, buf: &mut Vec<char>) {
    if c.is_ascii() || ('А'..='я').contains(&c) {
        buf.push(text::lower(c));
    } else {
        // `İ` lowers to `i` plus a combining dot, which is dropped.
        buf.extend(c.to_lowercase().filter(|l| !is_combining(*l)));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<String> {
        let mut out = Vec::new();
        let mut buf = Vec::new();
        for_each_word(text, &mut buf, |w| out.push(w.iter().collect()));
        out
    }

    #[test]
    fn splits_and_lowers() {
        assert_eq!(words("ШОКАЕВ, Мустафа"), ["шокаев", "мустафа"]);
        assert_eq!(words("Xoʻjayev  Toʼxta"), ["xo'jayev", "to'xta"]);
        assert_eq!(words("İbrahim-bek"), ["ibrahim", "bek"]);
        assert_eq!(words("Čokaev"), ["čokaev"]);
        assert_eq!(words("C\u{30c}okaev"), ["čokaev"]);
        assert_eq!(words("  ,. "), Vec::<String>::new());
    }
}
