//! Character classes on the hot paths of reading text: the Latin and Cyrillic letters archives
//! write are told without the general Unicode tables, every other character by them.

/// Whether `c` is a letter (as [`char::is_alphabetic`]), answered at once for ASCII and the
/// Cyrillic block.
#[inline]
pub fn is_letter(c: char) -> bool {
    match c as u32 {
        0..=0x7F => c.is_ascii_alphabetic(),
        0x400..=0x481 | 0x48A..=0x52F => true,
        0x482..=0x489 => false,
        _ => c.is_alphabetic(),
    }
}

/// Whether `c` is a letter or a digit (as [`char::is_alphanumeric`]), answered at once for
/// ASCII and the Cyrillic block.
#[inline]
pub fn is_letter_or_digit(c: char) -> bool {
    match c as u32 {
        0..=0x7F => c.is_ascii_alphanumeric(),
        0x400..=0x52F => is_letter(c),
        _ => c.is_alphanumeric(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_character_is_classed_as_the_unicode_tables_class_it() {
        for c in (0..0x3_0000u32).filter_map(char::from_u32) {
            assert_eq!(is_letter(c), c.is_alphabetic(), "{c:?}");
            assert_eq!(is_letter_or_digit(c), c.is_alphanumeric(), "{c:?}");
        }
    }
}
