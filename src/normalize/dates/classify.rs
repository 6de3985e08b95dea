//! Gives every word its meaning: a month (named or Roman), or a date word with a role.
//!
//! Multi-word forms are matched longest first, across the abbreviation dots between their words
//! (`ст. ст.`, `по ст. стилю`, `г.р.`). A decade ending (`-е`, `-х`, `s`) counts only right after
//! a number, so the Cyrillic `Х` of `10.Х.1937` is still read as the Roman numeral ten; after a
//! day (one or two digits) the same ending is an ordinal one (`3-е марта`) and carries nothing.

use super::error::DateError;
use super::lex::{Item, Lexed, MAX_TOKENS, Sym, Tok};
use super::words::{Role, Vocabulary};
use crate::model::Lang;

/// A token with its meaning.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cls {
    /// A number and how many digits it was written with.
    Num(u32, u8),
    /// A month given by name (1–12).
    Month(u8),
    /// A season given by name, as its EDTF number (21–24).
    Season(u8),
    /// A month given as a Roman numeral: any value, checked later.
    Roman(u32),
    /// An EDTF decade (`193X`): its first year.
    DecadeX(u32),
    /// A date word.
    Role(Role),
    /// A sign.
    Sym(Sym),
}

/// A classified token with the layout around it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CItem {
    /// The meaning.
    pub cls: Cls,
    /// Whether white space came right before it.
    pub space_before: bool,
}

/// The classified tokens of one text, on the stack.
#[derive(Debug, Clone, Copy)]
pub struct Tokens {
    items: [CItem; MAX_TOKENS],
    len: usize,
}

impl Tokens {
    /// An empty list.
    pub fn new() -> Self {
        Tokens {
            items: [CItem {
                cls: Cls::Sym(Sym::Dot),
                space_before: false,
            }; MAX_TOKENS],
            len: 0,
        }
    }

    /// Appends a token; a full list drops it (the lexer never yields more than fit).
    pub fn push(&mut self, item: CItem) {
        if let Some(slot) = self.items.get_mut(self.len) {
            *slot = item;
            self.len += 1;
        }
    }

    /// Appends every token of a slice.
    pub fn extend(&mut self, items: &[CItem]) {
        for item in items {
            self.push(*item);
        }
    }

    /// The tokens.
    pub fn as_slice(&self) -> &[CItem] {
        &self.items[..self.len]
    }
}

/// Classifies the tokens of a lexed text.
pub fn classify(
    lexed: &Lexed,
    vocab: &Vocabulary,
    lang: Option<Lang>,
) -> Result<Tokens, DateError> {
    let items = lexed.items();
    let mut out = Tokens::new();
    let mut key = String::new();
    let mut i = 0;
    while let Some(item) = items.get(i) {
        let cls = match item.tok {
            Tok::Num { val, digits } => Cls::Num(val, digits),
            Tok::DecadeX(y) => Cls::DecadeX(y),
            Tok::Sym(s) => Cls::Sym(s),
            Tok::Word { .. } => {
                let after_number = number_before(out.as_slice());
                let (cls, used) = word_meaning(lexed, i, vocab, lang, after_number, &mut key)?;
                out.push(CItem {
                    cls,
                    space_before: item.space_before,
                });
                i = used;
                continue;
            }
        };
        out.push(CItem {
            cls,
            space_before: item.space_before,
        });
        i += 1;
    }
    Ok(out)
}

/// The digit count of the number the last token is, possibly joined by a hyphen (`1930-е`,
/// `1930s`, `3-е`).
fn number_before(done: &[CItem]) -> Option<u8> {
    match done {
        [.., last] if matches!(last.cls, Cls::Num(..)) => digits(last.cls),
        [.., num, hyphen] if hyphen.cls == Cls::Sym(Sym::Hyphen) => digits(num.cls),
        _ => None,
    }
}

fn digits(cls: Cls) -> Option<u8> {
    match cls {
        Cls::Num(_, d) => Some(d),
        _ => None,
    }
}

/// The meaning of a date word: a decade ending after a day is an ordinal ending (`3-е`), and a
/// decade ending that is a Roman numeral is one unless a year comes right before it.
fn role_meaning(role: Role, phrase: &str, after_number: Option<u8>) -> Option<Role> {
    if role != Role::Decade {
        return Some(role);
    }
    let roman = roman_value(phrase).is_some();
    match after_number {
        Some(d) if d > 2 => Some(Role::Decade),
        Some(_) if roman => None,
        Some(_) => Some(Role::Filler),
        None if roman => None,
        None => Some(Role::Decade),
    }
}

/// Reads the meaning of the word at `start`, returning it and the index after the words used.
fn word_meaning(
    lexed: &Lexed,
    start: usize,
    vocab: &Vocabulary,
    lang: Option<Lang>,
    after_number: Option<u8>,
    key: &mut String,
) -> Result<(Cls, usize), DateError> {
    let mut ends = [(0usize, 0usize); 6];
    let count = phrase_keys(
        lexed,
        start,
        vocab.max_words.min(ends.len()),
        key,
        &mut ends,
    );
    for n in (1..=count).rev() {
        let (key_end, next) = ends[n - 1];
        let phrase = &key[..key_end];
        if let Some(role) = vocab.role(phrase)
            && let Some(role) = role_meaning(role, phrase, after_number)
        {
            return Ok((Cls::Role(role), next));
        }
        if let Some(month) = vocab.month(phrase, lang)? {
            return Ok((Cls::Month(month), next));
        }
        if let Some(season) = vocab.season(phrase, lang)? {
            return Ok((Cls::Season(season), next));
        }
    }
    let word = &key[..ends[0].0];
    if let Some(v) = roman_value(word) {
        return Ok((Cls::Roman(v), ends[0].1));
    }
    if vocab.is_inflected_filler(word)
        && let Some(role) = role_meaning(Role::Filler, word, after_number)
    {
        return Ok((Cls::Role(role), ends[0].1));
    }
    Err(DateError::UnknownWord(word.to_string()))
}

/// Writes the keys of the phrases starting at `start` into `key`: `ends[n - 1]` holds the end of
/// the n-word key and the token index after its last word. Returns how many words were found.
fn phrase_keys(
    lexed: &Lexed,
    start: usize,
    max_words: usize,
    key: &mut String,
    ends: &mut [(usize, usize)],
) -> usize {
    key.clear();
    let items = lexed.items();
    let mut count = 0;
    let mut i = start;
    while count < max_words.max(1) {
        let Some(Item {
            tok: Tok::Word { start: s, end: e },
            ..
        }) = items.get(i)
        else {
            break;
        };
        if count > 0 {
            key.push(' ');
        }
        key.push_str(lexed.word(*s, *e));
        i += 1;
        let next_word = skip_dots(items, i);
        ends[count] = (key.len(), i);
        count += 1;
        i = next_word;
    }
    count
}

/// The index of the first token at or after `i` that is not an abbreviation dot or hyphen.
fn skip_dots(items: &[Item], mut i: usize) -> usize {
    while let Some(item) = items.get(i) {
        match item.tok {
            Tok::Sym(Sym::Dot | Sym::Hyphen) => i += 1,
            _ => break,
        }
    }
    i
}

/// The value of a Roman numeral of I, V and X (Latin, or the Cyrillic `І` and `Х` look-alikes),
/// written canonically; `None` for anything else.
pub fn roman_value(word: &str) -> Option<u32> {
    let mut digits = [0u32; 8];
    let mut n = 0;
    for c in word.chars() {
        let v = match c {
            'i' | 'і' => 1,
            'v' => 5,
            'x' | 'х' => 10,
            _ => return None,
        };
        *digits.get_mut(n)? = v;
        n += 1;
    }
    let digits = &digits[..n];
    let mut total = 0;
    for (k, &v) in digits.iter().enumerate() {
        match digits.get(k + 1) {
            Some(&next) if next > v => total -= v as i32,
            _ => total += v as i32,
        }
    }
    let value = u32::try_from(total).ok().filter(|v| *v > 0)?;
    (roman_text(value) == digits).then_some(value)
}

/// The canonical Roman digits of a value below 40.
fn roman_text(value: u32) -> Vec<u32> {
    let mut out = vec![10; (value / 10) as usize];
    let unit: &[u32] = match value % 10 {
        1 => &[1],
        2 => &[1, 1],
        3 => &[1, 1, 1],
        4 => &[1, 5],
        5 => &[5],
        6 => &[5, 1],
        7 => &[5, 1, 1],
        8 => &[5, 1, 1, 1],
        9 => &[1, 10],
        _ => &[],
    };
    out.extend_from_slice(unit);
    out
}
