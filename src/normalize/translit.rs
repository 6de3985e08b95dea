//! Transliteration of every script and romanisation scheme to one Latin match key.

use unicode_normalization::UnicodeNormalization;

/// The canonical Latin match key of a text: lower case, letters only, one scheme.
pub fn match_key(text: &str) -> String {
    let mut out = String::new();
    for ch in text.nfc().flat_map(char::to_lowercase) {
        match ch {
            'а' => out.push('a'),
            'б' => out.push('b'),
            'в' => out.push('v'),
            'г' | 'ғ' => out.push('g'),
            'д' => out.push('d'),
            'е' | 'ё' | 'э' => out.push('e'),
            'ж' => out.push('j'),
            'з' => out.push('z'),
            'и' | 'й' | 'і' | 'ы' => out.push('i'),
            'к' | 'қ' => out.push('k'),
            'л' => out.push('l'),
            'м' => out.push('m'),
            'н' | 'ң' => out.push('n'),
            'о' | 'ө' => out.push('o'),
            'п' => out.push('p'),
            'р' => out.push('r'),
            'с' => out.push('s'),
            'т' => out.push('t'),
            'у' | 'ұ' | 'ү' => out.push('u'),
            'ф' => out.push('f'),
            'х' | 'һ' => out.push('h'),
            'ц' => out.push_str("ts"),
            'ч' => out.push_str("ch"),
            'ш' | 'щ' => out.push_str("sh"),
            'ю' => out.push_str("yu"),
            'я' => out.push_str("ya"),
            c if c.is_ascii_alphabetic() => out.push(c),
            _ => {}
        }
    }
    out
}

/// A coarse phonetic key for blocking: vowels dropped after the first letter, doubles folded.
pub fn phonetic_key(text: &str) -> String {
    let key = match_key(text);
    let mut out = String::new();
    for (i, c) in key.chars().enumerate() {
        if i > 0 && "aeiouy".contains(c) {
            continue;
        }
        if out.ends_with(c) {
            continue;
        }
        out.push(c);
    }
    out
}
