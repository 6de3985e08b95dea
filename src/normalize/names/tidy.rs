//! Display forms of name parts: NFC, white space folded, title case per word and hyphen part.

use crate::normalize::text;

/// Tidies a name part for display: NFC, single spaces, title case (`ШОКАЕВ` → `Шокаев`,
/// `ибрагим-бек` → `Ибрагим-Бек`, `xo'jayev` → `Xo'jayev`).
pub fn display(text: &str) -> String {
    let nfc = text::nfc(text);
    let mut out = String::with_capacity(nfc.len());
    for (i, word) in nfc.split_whitespace().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        title_word(word, &mut out);
    }
    out
}

fn title_word(word: &str, out: &mut String) {
    let mut start = true;
    for c in word.chars() {
        if start {
            out.extend(c.to_uppercase());
        } else {
            text::push_lower(c, out);
        }
        start = c == '-';
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_cases_words() {
        assert_eq!(display("ШОКАЕВ"), "Шокаев");
        assert_eq!(display("  ибрагим-бек  "), "Ибрагим-Бек");
        assert_eq!(display("XOʻJAYEV"), "Xoʻjayev");
        assert_eq!(display("o'g'li"), "O'g'li");
        assert_eq!(display("Мұстафа"), "Мұстафа");
    }
}
