//! Cyrillic → Latin rendering by the tables in `schemas/synth/` (romanisation schemes, Uzbek Latin).

use std::collections::HashMap;

use super::data::Tables;

/// A historical romanisation scheme for Cyrillic names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scheme {
    /// BGN/PCGN 1947 (Shokay, Chokayev).
    Bgn,
    /// French usage (Tchokaïeff).
    French,
    /// German Duden (Tschokajew).
    German,
    /// Turkish (Çokay).
    Turkish,
    /// ISO 9 (Čokaev).
    Iso9,
}

impl Scheme {
    /// All schemes, in table column order.
    pub const ALL: [Scheme; 5] = [
        Scheme::Bgn,
        Scheme::French,
        Scheme::German,
        Scheme::Turkish,
        Scheme::Iso9,
    ];

    fn column(self) -> usize {
        self as usize
    }
}

const VOWELS: &str = "аеёиоуыэюяәөұүіўӣӯ";

fn is_vowel(c: char) -> bool {
    VOWELS.contains(c)
}

/// How a word is capitalised, to be restored after rendering.
#[derive(Clone, Copy, PartialEq)]
enum Case {
    Upper,
    Title,
    Lower,
}

fn case_of(word: &str) -> Case {
    let letters: Vec<char> = word.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.len() > 1 && letters.iter().all(|c| c.is_uppercase()) {
        Case::Upper
    } else if letters.first().is_some_and(|c| c.is_uppercase()) {
        Case::Title
    } else {
        Case::Lower
    }
}

fn apply_case(word: &str, case: Case) -> String {
    match case {
        Case::Upper => word.to_uppercase(),
        Case::Lower => word.to_string(),
        Case::Title => {
            let mut out = String::with_capacity(word.len());
            let mut start = true;
            for c in word.chars() {
                if start && c.is_alphabetic() {
                    out.extend(c.to_uppercase());
                    start = false;
                } else {
                    out.push(c);
                }
                if c == '-' {
                    start = true;
                }
            }
            out
        }
    }
}

/// Renders one lower-case word letter by letter; `ending` is the rendering of the word's final
/// `$ов`/`$ев` when the table has one.
fn render_word<F>(word: &str, lookup: F, ending: Option<(usize, String)>) -> String
where
    F: Fn(&str) -> Option<String>,
{
    let chars: Vec<char> = word.chars().collect();
    let stop = ending
        .as_ref()
        .map_or(chars.len(), |(n, _)| chars.len() - n);
    let mut out = String::with_capacity(word.len() + 4);
    let mut buf = [0u8; 4];
    for (i, &c) in chars[..stop].iter().enumerate() {
        let after_vowel =
            i == 0 || is_vowel(chars[i - 1]) || matches!(chars[i - 1], 'ъ' | 'ь' | '-');
        let key = if c == 'е' && after_vowel {
            "е+"
        } else {
            c.encode_utf8(&mut buf)
        };
        match lookup(key) {
            Some(latin) => out.push_str(&latin),
            None => out.push(c),
        }
    }
    if let Some((_, tail)) = ending {
        out.push_str(&tail);
    }
    out
}

fn for_each_word<F: Fn(&str) -> String>(text: &str, render: F) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for (i, word) in text.split(' ').enumerate() {
        if i > 0 {
            out.push(' ');
        }
        let case = case_of(word);
        out.push_str(&apply_case(&render(&word.to_lowercase()), case));
    }
    out
}

fn scheme_ending(
    table: &HashMap<String, [String; 5]>,
    word: &str,
    scheme: Scheme,
) -> Option<(usize, String)> {
    let chars: Vec<char> = word.chars().collect();
    let n = chars.len();
    if n < 4 || chars[n - 1] != 'в' {
        return None;
    }
    let key = match chars[n - 2] {
        'о' => "$ов",
        'е' if is_vowel(chars[n - 3]) => "$ев+",
        'е' => "$ев",
        _ => return None,
    };
    let form = table.get(key)?[scheme.column()].clone();
    (!form.is_empty()).then_some((2, form))
}

/// Romanises Cyrillic `text` by `scheme`, keeping each word's capitalisation.
pub fn romanize(tables: &Tables, text: &str, scheme: Scheme) -> String {
    let table = &tables.romanize;
    for_each_word(text, |word| {
        let ending = scheme_ending(table, word, scheme);
        render_word(
            word,
            |key| table.get(key).map(|forms| forms[scheme.column()].clone()),
            ending,
        )
    })
}

/// Renders Cyrillic `text` in the Uzbek Latin alphabet (oʻ and gʻ with U+02BB).
pub fn uzbek_latin(tables: &Tables, text: &str) -> String {
    for_each_word(text, |word| {
        render_word(word, |key| tables.uz_latin.get(key).cloned(), None)
    })
}

/// The apostrophe look-alikes Uzbek sources use for U+02BB.
pub const APOSTROPHES: [char; 6] = ['\u{02BB}', '\'', '\u{2018}', '\u{2019}', '\u{02BC}', '`'];

/// Replaces U+02BB in `text` with `mark`.
pub fn with_apostrophe(text: &str, mark: char) -> String {
    text.replace('\u{02BB}', mark.encode_utf8(&mut [0u8; 4]))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::synth::data::tables;

    #[test]
    fn schemes_render_shokaev() {
        let t = tables().expect("tables");
        assert_eq!(romanize(t, "Шокаев", Scheme::Bgn), "Shokayev");
        assert_eq!(romanize(t, "Чокаев", Scheme::French), "Tchokaïeff");
        assert_eq!(romanize(t, "Чокаев", Scheme::German), "Tschokajew");
        assert_eq!(romanize(t, "Шоқай", Scheme::Turkish), "Şokay");
        assert_eq!(romanize(t, "Чокаев", Scheme::Iso9), "Čokaev");
        assert_eq!(romanize(t, "ИВАНОВ Иван", Scheme::Bgn), "IVANOV Ivan");
    }

    #[test]
    fn uzbek_latin_forms() {
        let t = tables().expect("tables");
        assert_eq!(uzbek_latin(t, "Хўжаев Файзулла"), "Xoʻjayev Fayzulla");
        assert_eq!(uzbek_latin(t, "Ғафуров"), "Gʻafurov");
        assert_eq!(with_apostrophe("Gʻafurov", '\''), "G'afurov");
    }
}
