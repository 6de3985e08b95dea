//! The characters of text, written once for every reader: letters told fast, the apostrophes
//! sources write interchangeably, `ё`, case folding, the hyphens, dashes and quotes, and the
//! Cyrillic vowels.
//!
//! The Latin and Cyrillic letters archives write are told without the general Unicode tables,
//! every other character by them.

/// Every character sources write for an apostrophe: the ASCII `'`, the Uzbek Latin letter
/// marks (`ʻ` of `oʻ`, `gʻ`; `ʼ`), the quotes and accents typed for them (`‘ ’ \` ´`), the primes
/// (`ʹ ʺ ′`) and the reversed comma `ʽ`. Each one folds to `'`.
pub const APOSTROPHES: [char; 11] = [
    '\'', '\u{2bb}', '\u{2bc}', '\u{2b9}', '\u{2ba}', '\u{2bd}', '\u{2018}', '\u{2019}', '`',
    '\u{b4}', '\u{2032}',
];

/// The Russian vowel letters, lower case.
pub const RUSSIAN_VOWELS: [char; 10] = ['а', 'е', 'ё', 'и', 'о', 'у', 'ы', 'э', 'ю', 'я'];

/// The vowel letters Kazakh, Uzbek and Tajik Cyrillic add to the Russian ones, lower case.
pub const TURKIC_VOWELS: [char; 8] = ['ә', 'ө', 'ұ', 'ү', 'і', 'ў', 'ӯ', 'ӣ'];

/// Whether `c` is one of [`APOSTROPHES`].
#[inline]
pub fn is_apostrophe(c: char) -> bool {
    matches!(
        c,
        '\'' | '\u{2bb}'
            | '\u{2bc}'
            | '\u{2b9}'
            | '\u{2ba}'
            | '\u{2bd}'
            | '\u{2018}'
            | '\u{2019}'
            | '`'
            | '\u{b4}'
            | '\u{2032}'
    )
}

/// `'` for every apostrophe, any other character as it is.
#[inline]
pub fn fold_apostrophe(c: char) -> char {
    if is_apostrophe(c) { '\'' } else { c }
}

/// `ё` as `е` and `Ё` as `Е`, any other character as it is.
#[inline]
pub fn fold_yo(c: char) -> char {
    match c {
        'ё' => 'е',
        'Ё' => 'Е',
        c => c,
    }
}

/// `ё` as `е` and every apostrophe as `'`, case kept.
#[inline]
pub fn fold_sign(c: char) -> char {
    fold_yo(fold_apostrophe(c))
}

/// One character in lower case (the first character of its lower case where that is longer,
/// `İ` as `i`), answered at once for ASCII and the Russian letters.
#[inline]
pub fn lower(c: char) -> char {
    match c {
        _ if c.is_ascii() => c.to_ascii_lowercase(),
        'а'..='я' => c,
        'А'..='Я' => char::from_u32(c as u32 + 32).unwrap_or(c),
        _ => c.to_lowercase().next().unwrap_or(c),
    }
}

/// The lower case of `c` when it is one character (`İ` lowers to two, and matches no letter),
/// answered at once for ASCII and the Russian letters as [`lower`] answers them.
#[inline]
pub fn single_lower(c: char) -> Option<char> {
    if c.is_ascii() || ('А'..='я').contains(&c) {
        return Some(lower(c));
    }
    let mut lower = c.to_lowercase();
    match (lower.next(), lower.next()) {
        (Some(l), None) => Some(l),
        _ => None,
    }
}

/// A text in Unicode normal form C, borrowed when it is already so (as most texts are).
pub fn nfc(text: &str) -> std::borrow::Cow<'_, str> {
    use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};
    if text.is_ascii() || is_nfc_quick(text.chars()) == IsNormalized::Yes {
        std::borrow::Cow::Borrowed(text)
    } else {
        std::borrow::Cow::Owned(text.nfc().collect())
    }
}

/// The lower case of a text, as [`str::to_lowercase`] gives it, with ASCII and Russian letters
/// lowered without the general Unicode lookup.
pub fn lowercase(text: &str) -> String {
    if text.contains('Σ') {
        // A final capital sigma lowers by its place in the word.
        return text.to_lowercase();
    }
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        push_lower(c, &mut out);
    }
    out
}

/// Appends the lower case of `c` (every character of it) to `out`.
#[inline]
pub fn push_lower(c: char, out: &mut String) {
    match c {
        _ if c.is_ascii() => out.push(c.to_ascii_lowercase()),
        'а'..='я' => out.push(c),
        'А'..='Я' => out.push(lower(c)),
        _ => out.extend(c.to_lowercase()),
    }
}

/// The letters and digits of a text in lower case, everything else dropped (`П-123` →
/// `п123`): how codes and case numbers compare.
pub fn letters_and_digits_lower(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars().filter(|&c| is_letter_or_digit(c)) {
        push_lower(c, &mut out);
    }
    out
}

/// One character as readers compare words: lower case, `ё` as `е`, every apostrophe as `'`.
#[inline]
pub fn fold_char(c: char) -> char {
    match c {
        'a'..='z' | '0'..='9' | 'а'..='я' => c,
        '`' => '\'',
        _ if c.is_ascii() => c.to_ascii_lowercase(),
        'А'..='Я' => char::from_u32(c as u32 + 32).unwrap_or(c),
        _ => fold_sign(c.to_lowercase().next().unwrap_or(c)),
    }
}

/// Appends the lower case of `c` (every character of it) to `out`, with `ё` as `е` and every
/// apostrophe as `'`.
#[inline]
pub fn push_folded(c: char, out: &mut String) {
    out.extend(folded(c));
}

/// The characters [`push_folded`] appends for `c`.
#[inline]
pub fn folded(c: char) -> impl Iterator<Item = char> {
    let (one, many) = if c.is_ascii() || ('А'..='я').contains(&c) {
        (Some(fold_char(c)), None)
    } else {
        (None, Some(c.to_lowercase().map(fold_sign)))
    };
    one.into_iter().chain(many.into_iter().flatten())
}

/// A word in lower case with every apostrophe as `'`, `ё` kept (name tables tell `ё` apart).
pub fn lower_word(text: &str) -> String {
    text.chars()
        .flat_map(char::to_lowercase)
        .map(fold_apostrophe)
        .collect()
}

/// A word as readers compare words: lower case, `ё` as `е`, every apostrophe as `'`.
pub fn fold_word(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        push_folded(c, &mut out);
    }
    out
}

/// Whether `c` is a hyphen joining the parts of a word or a range (`-`, `‐`, `‑`, `‒`, `−`).
#[inline]
pub fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2212}')
}

/// Whether `c` is a long dash (`–`, `—`).
#[inline]
pub fn is_dash(c: char) -> bool {
    matches!(c, '\u{2013}' | '\u{2014}')
}

/// Whether `c` is a double quotation mark (`"`, `«`, `»`, `„`, `“`, `”`).
#[inline]
pub fn is_quote(c: char) -> bool {
    matches!(c, '"' | '«' | '»' | '„' | '“' | '”')
}

/// Whether `c` is a lower-case Cyrillic vowel letter, Russian or Turkic.
pub fn is_cyrillic_vowel(c: char) -> bool {
    RUSSIAN_VOWELS.contains(&c) || TURKIC_VOWELS.contains(&c)
}

/// Whether `c` is a lower-case Russian vowel letter.
pub fn is_russian_vowel(c: char) -> bool {
    RUSSIAN_VOWELS.contains(&c)
}

/// Whether `c` is a letter (as [`char::is_alphabetic`]), answered at once for ASCII, the Latin
/// letters with marks of Uzbek, Kazakh and Turkish spellings, and the Cyrillic block.
#[inline]
pub fn is_letter(c: char) -> bool {
    match c as u32 {
        0..=0x7F => c.is_ascii_alphabetic(),
        0xD7 | 0xF7 => false,
        0xC0..=0x24F => true,
        0x400..=0x481 | 0x48A..=0x52F => true,
        0x482..=0x489 => false,
        _ => c.is_alphabetic(),
    }
}

/// Whether `c` is a letter or a digit (as [`char::is_alphanumeric`]), answered at once where
/// [`is_letter`] is.
#[inline]
pub fn is_letter_or_digit(c: char) -> bool {
    match c as u32 {
        0..=0x7F => c.is_ascii_alphanumeric(),
        0xC0..=0x24F | 0x400..=0x52F => is_letter(c),
        _ => c.is_alphanumeric(),
    }
}

#[cfg(test)]
mod tests;
