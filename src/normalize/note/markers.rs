//! The markers of `schemas/note_markers.csv` and where a note holds them.
//!
//! A marker matches at the start of a word, compared case-folded (`ё` as `е`, every apostrophe
//! of Uzbek Latin as one) unless it is written in capitals (`ОСО`, `ВК ВС`), which match only
//! in capitals. A space of a marker matches any run of white space. A marker of four letters or
//! more ending in a letter also matches a word that goes on for at most two more letters (the
//! endings of gender and number: `арестован` → `арестована`); any other marker must end where
//! the word ends or before a sign.

use super::NoteKind;
use super::clause::Token;
use crate::model::Lang;
use crate::normalize::text::{self, fold_char, fold_sign};
use crate::tables::{self, DataError, Loaded, Table};
use rustc_hash::FxHashMap;

/// What a marker says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// A clause holding it says something of this kind.
    Kind(NoteKind),
    /// A word before the numbers of articles (`ст.`): a charge when numbers follow.
    Article,
    /// A word that is itself a value of this kind (`неграмотный`, `высшее`).
    Value(NoteKind),
    /// A word whose full stop ends no sentence (`г.`, `обл.`).
    Abbreviation,
    /// A word never at the edge of a value (`в`, `на`).
    Filler,
}

/// One marker of the table.
#[derive(Debug, Clone)]
struct Marker {
    /// Its characters, folded unless `exact`.
    chars: Vec<char>,
    /// Whether it matches only as written (in capitals).
    exact: bool,
    /// Whether it ends in a letter or digit (and so must end with its word, or nearly).
    ends_in_letter: bool,
    /// Whether a word may go on for two letters past it (an ending).
    inflects: bool,
    role: Role,
}

/// The markers, by their first two characters (folded; the second is `None` for a marker of one
/// character), longest first.
#[derive(Debug, Default)]
pub struct Markers {
    by_start: FxHashMap<(char, Option<char>), Vec<Marker>>,
}

/// The key of a text in [`Markers::by_start`]: its first two characters folded, white space as
/// a space.
fn start_key(mut chars: impl Iterator<Item = char>) -> Option<(char, Option<char>)> {
    let key = |c: char| if c.is_whitespace() { ' ' } else { fold_char(c) };
    let first = key(chars.next()?);
    Some((first, chars.next().map(key)))
}

/// Where a marker was found: the tokens it covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    /// The first token it covers.
    pub first: usize,
    /// Just past the last token it covers.
    pub last: usize,
    /// Just past its last byte in the note.
    pub end: usize,
    /// What it says.
    pub role: Role,
}

impl Markers {
    /// Whether a word (signs around it aside, but for a full stop: `с.` is no `с`) is a filler of
    /// the table (`в`, `по`).
    pub fn is_filler(&self, word: &str) -> bool {
        let sign = |c: char| !text::is_letter_or_digit(c);
        let word = word
            .trim_start_matches(sign)
            .trim_end_matches(|c: char| sign(c) && c != '.');
        self.candidates(word)
            .any(|m| m.role == Role::Filler && match_len(word, m) == Some(word.len()))
    }

    /// The markers that may match at the start of `text`, longest first.
    fn candidates(&self, text: &str) -> impl Iterator<Item = &Marker> {
        let key = start_key(text.chars());
        let two = key.and_then(|k| self.by_start.get(&k));
        let one = key.and_then(|(first, _)| self.by_start.get(&(first, None)));
        two.into_iter().chain(one).flatten()
    }
}

static TABLE: Loaded<Markers> = Loaded::new();

/// The markers of `note_markers.csv` (with local additions), loaded once.
pub fn table() -> &'static Markers {
    TABLE.get(load)
}

/// Loads `note_markers.csv` in force, or says which line keeps it from loading.
pub fn check_loaded() -> Result<(), DataError> {
    TABLE.try_get(load).map(|_| ()).map_err(Clone::clone)
}

fn load() -> Result<Markers, DataError> {
    let mut markers = Markers::default();
    for line in tables::lines(Table::NoteMarkers)? {
        let marker = read_line(&line.record).map_err(|m| line.refuse(m))?;
        let Some((first, second)) = start_key(marker.chars.iter().copied()) else {
            return Err(line.refuse("the marker has no characters"));
        };
        let key = (first, second.filter(|_| marker.chars.len() > 1));
        markers.by_start.entry(key).or_default().push(marker);
    }
    for list in markers.by_start.values_mut() {
        list.sort_by_key(|m| std::cmp::Reverse(m.chars.len()));
    }
    Ok(markers)
}

/// One line of `note_markers.csv` (`marker,kind,lang`).
fn read_line(rec: &csv::StringRecord) -> Result<Marker, String> {
    let written = rec.get(0).unwrap_or("").trim();
    if written.is_empty() {
        return Err("column \"marker\" is empty".into());
    }
    let kind = rec.get(1).unwrap_or("").trim();
    let role = match kind {
        "abbreviation" => Role::Abbreviation,
        "article" => Role::Article,
        "filler" => Role::Filler,
        name => {
            let (value, name) = match name.strip_prefix("value:") {
                Some(kind) => (true, kind),
                None => (false, name),
            };
            let kind = NoteKind::from_name(name).ok_or_else(|| {
                format!(
                    "kind {name:?} is neither a kind of value nor article, abbreviation or filler"
                )
            })?;
            if value {
                Role::Value(kind)
            } else {
                Role::Kind(kind)
            }
        }
    };
    let lang = rec.get(2).unwrap_or("").trim();
    if lang != "*" && Lang::parse(lang).is_none() {
        return Err(format!("lang {lang:?} is not ru, kk, uz, tg, ky, en or *"));
    }
    let exact = written.chars().filter(|c| text::is_letter(*c)).count() >= 2
        && !written.chars().any(char::is_lowercase);
    let spaced = written.split_whitespace().collect::<Vec<_>>().join(" ");
    let chars = match exact {
        true => spaced.chars().map(fold_sign).collect(),
        false => spaced.chars().map(fold_char).collect(),
    };
    let ends_in_letter = spaced.chars().last().is_some_and(text::is_letter_or_digit);
    let inflects = !exact && spaced.chars().filter(|c| text::is_letter(*c)).count() >= 4;
    Ok(Marker {
        chars,
        exact,
        ends_in_letter,
        inflects,
        role,
    })
}

/// The rule for one line of `note_markers.csv`.
pub fn check_marker_line(rec: &csv::StringRecord) -> Result<(), String> {
    read_line(rec).map(|_| ())
}

/// The markers a note holds, in note order, none overlapping (the longest at each word).
pub fn hits(note: &str, tokens: &[Token], table: &Markers) -> Vec<Hit> {
    let mut hits = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        match longest_at(note, tokens, i, table) {
            Some(hit) => {
                i = hit.last;
                hits.push(hit);
            }
            None => i += 1,
        }
    }
    hits
}

/// The longest marker starting at token `i`.
fn longest_at(note: &str, tokens: &[Token], i: usize, table: &Markers) -> Option<Hit> {
    let text = &note[tokens[i].start..];
    let end = table
        .candidates(text)
        .find_map(|m| match_len(text, m).map(|n| (n, m.role)))?;
    let (len, role) = end;
    let end_byte = tokens[i].start + len;
    let last = tokens[i..]
        .iter()
        .position(|t| t.start >= end_byte)
        .map_or(tokens.len(), |n| i + n);
    Some(Hit {
        first: i,
        last,
        end: end_byte,
        role,
    })
}

/// The bytes of `text` a marker matches at its start, if it does.
fn match_len(text: &str, marker: &Marker) -> Option<usize> {
    let mut chars = text.char_indices().peekable();
    for &want in &marker.chars {
        let (_, got) = chars.next()?;
        if want == ' ' {
            if !got.is_whitespace() {
                return None;
            }
            while chars.next_if(|(_, c)| c.is_whitespace()).is_some() {}
            continue;
        }
        let got = if marker.exact {
            fold_sign(got)
        } else {
            fold_char(got)
        };
        if got != want {
            return None;
        }
    }
    let matched = chars.peek().map_or(text.len(), |(at, _)| *at);
    let rest = &text[matched..];
    if !marker.ends_in_letter {
        return Some(matched);
    }
    let more = rest
        .chars()
        .take(3)
        .take_while(|c| text::is_letter_or_digit(*c))
        .count();
    match more {
        0 => Some(matched),
        1 | 2 if marker.inflects => {
            let extra: usize = rest.chars().take(more).map(char::len_utf8).sum();
            Some(matched + extra)
        }
        _ => None,
    }
}
