//! Hand-written tokeniser: numbers, words (folded for lookup), and the few signs dates use.
//!
//! Tokens live in a fixed array on the stack; folded words share one string buffer, so reading
//! a date allocates at most that one buffer.

use super::error::DateError;
use crate::normalize::text::{
    fold_yo, is_apostrophe, is_dash, is_hyphen, is_letter, is_letter_or_digit, is_quote,
    push_folded,
};
use unicode_normalization::UnicodeNormalization;

/// The most tokens a date may have; longer texts are no single date.
pub const MAX_TOKENS: usize = 40;
/// The longest text, in bytes, read as a date.
pub const MAX_BYTES: usize = 400;

/// A sign that separates or qualifies parts of a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sym {
    /// `.`
    Dot,
    /// `,`
    Comma,
    /// `/`
    Slash,
    /// `-` and its Unicode look-alikes.
    Hyphen,
    /// `–` or `—`.
    LongDash,
    /// `?`
    Question,
    /// `~`
    Tilde,
    /// `%`
    Percent,
    /// `(`
    Open,
    /// `)`
    Close,
}

/// One token of a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tok {
    /// A run of ASCII digits: its value and how many digits were written.
    Num {
        /// The value.
        val: u32,
        /// The number of digits, leading zeros included.
        digits: u8,
    },
    /// A word, folded (lower case, `ё` → `е`, apostrophes → `'`), as a range of the word buffer.
    Word {
        /// Start offset in [`Lexed::words`].
        start: u16,
        /// End offset in [`Lexed::words`].
        end: u16,
    },
    /// An EDTF decade with an unspecified last digit (`193X`): the first year.
    DecadeX(u32),
    /// A separating or qualifying sign.
    Sym(Sym),
}

/// A token with the layout around it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Item {
    /// The token.
    pub tok: Tok,
    /// Whether white space came right before it.
    pub space_before: bool,
}

/// The tokens of one text.
#[derive(Debug)]
pub struct Lexed {
    /// Token storage; only the first `len` are set.
    pub items: [Item; MAX_TOKENS],
    /// How many tokens were read.
    pub len: usize,
    /// Folded words, referred to by [`Tok::Word`].
    pub words: String,
}

const EMPTY: Item = Item {
    tok: Tok::Sym(Sym::Dot),
    space_before: false,
};

impl Lexed {
    /// The tokens read.
    pub fn items(&self) -> &[Item] {
        &self.items[..self.len]
    }

    /// The folded text of a word token.
    pub fn word(&self, start: u16, end: u16) -> &str {
        self.words
            .get(usize::from(start)..usize::from(end))
            .unwrap_or("")
    }

    fn push(&mut self, tok: Tok, space_before: bool) -> Result<(), DateError> {
        if self.len >= MAX_TOKENS {
            return Err(DateError::TooManyParts { cap: MAX_TOKENS });
        }
        self.items[self.len] = Item { tok, space_before };
        self.len += 1;
        Ok(())
    }
}

fn is_combining(c: char) -> bool {
    ('\u{0300}'..='\u{036F}').contains(&c)
}

fn sym_of(c: char) -> Option<Sym> {
    Some(match c {
        '.' => Sym::Dot,
        ',' => Sym::Comma,
        '/' => Sym::Slash,
        c if is_hyphen(c) => Sym::Hyphen,
        c if is_dash(c) => Sym::LongDash,
        '?' => Sym::Question,
        '~' => Sym::Tilde,
        '%' => Sym::Percent,
        '(' => Sym::Open,
        ')' => Sym::Close,
        _ => return None,
    })
}

/// Characters that carry nothing in a date: quotes and the brackets of supplied values.
fn is_ignorable(c: char) -> bool {
    c.is_whitespace() || matches!(c, '[' | ']') || is_quote(c)
}

/// Splits a text into tokens.
pub fn lex(text: &str) -> Result<Lexed, DateError> {
    if text.len() > MAX_BYTES {
        return Err(DateError::TooLong {
            count: text.len(),
            cap: MAX_BYTES,
        });
    }
    let mut out = Lexed {
        items: [EMPTY; MAX_TOKENS],
        len: 0,
        words: String::new(),
    };
    let mut chars = text.char_indices().peekable();
    let mut space = false;
    while let Some(&(pos, c)) = chars.peek() {
        if c.is_ascii_digit() {
            let tok = read_number(text, pos, &mut chars)?;
            out.push(tok, space)?;
        } else if is_letter(c) || starts_word_with_apostrophe(text, pos, c) {
            let tok = read_word(&mut out.words, &mut chars, text)?;
            out.push(tok, space)?;
        } else if let Some(sym) = sym_of(c) {
            chars.next();
            out.push(Tok::Sym(sym), space)?;
        } else if is_ignorable(c) || is_apostrophe(c) {
            chars.next();
            space = true;
            continue;
        } else {
            return Err(DateError::unreadable(text, "a character no date uses"));
        }
        space = false;
    }
    Ok(out)
}

fn starts_word_with_apostrophe(text: &str, pos: usize, c: char) -> bool {
    is_apostrophe(c)
        && text[pos + c.len_utf8()..]
            .chars()
            .next()
            .is_some_and(is_letter)
}

type Chars<'a> = std::iter::Peekable<std::str::CharIndices<'a>>;

fn read_number(text: &str, start: usize, chars: &mut Chars<'_>) -> Result<Tok, DateError> {
    let mut val: u32 = 0;
    let mut digits: u8 = 0;
    while let Some(&(_, c)) = chars.peek() {
        let Some(d) = c.to_digit(10).filter(|_| c.is_ascii_digit()) else {
            break;
        };
        chars.next();
        digits = digits.saturating_add(1);
        if digits > 9 {
            return Err(DateError::unreadable(text, "a number too long for a date"));
        }
        val = val * 10 + d;
    }
    if digits == 3 && decade_x_follows(text, start + 3) {
        chars.next();
        return Ok(Tok::DecadeX(val * 10));
    }
    Ok(Tok::Num { val, digits })
}

/// Whether an EDTF unspecified digit (`X`, also written `x` or Cyrillic `Х`) ends a number here.
fn decade_x_follows(text: &str, pos: usize) -> bool {
    let mut rest = text[pos..].chars();
    let is_x = matches!(rest.next(), Some('X' | 'x' | 'Х' | 'х'));
    is_x && !rest.next().is_some_and(is_letter_or_digit)
}

fn read_word(words: &mut String, chars: &mut Chars<'_>, text: &str) -> Result<Tok, DateError> {
    let start = words.len();
    let mut combining = false;
    while let Some(&(pos, c)) = chars.peek() {
        if is_apostrophe(c) {
            if !starts_word_with_apostrophe(text, pos, c) {
                break;
            }
            words.push('\'');
        } else if c == 'ı' {
            words.push('i');
        } else if is_combining(c) {
            combining = true;
            words.push(c);
        } else if is_letter(c) {
            push_folded(c, words);
        } else {
            break;
        }
        chars.next();
    }
    if combining {
        let composed: String = words[start..].nfc().map(fold_yo).collect();
        words.truncate(start);
        words.push_str(&composed);
    }
    let end = words.len();
    let too_long = || DateError::TooLong {
        count: text.len(),
        cap: MAX_BYTES,
    };
    Ok(Tok::Word {
        start: u16::try_from(start).map_err(|_| too_long())?,
        end: u16::try_from(end).map_err(|_| too_long())?,
    })
}
