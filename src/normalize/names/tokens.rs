//! Splits a name field into words and initials, and joins particles and separate patronymic
//! markers to the word they belong to.

use super::data::{NameData, ParticleKind};
use super::given::given_key;
use super::patronymic::{Patronymic, from_suffix, marker_word};
use crate::normalize::text;
use crate::normalize::translit::{Hints, key_with};

/// One part of a name field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// The text as written (NFC), with joined particles.
    pub text: String,
    /// An initial (`М.`, `Sh.`, or a lone letter).
    pub initial: bool,
    /// Written in capitals while other words are not (`ШОКАЕВ Мустафа`).
    pub caps: bool,
    /// The token ended before a comma (`Шокаев, Мустафа`).
    pub comma: bool,
    /// Titles met before this token (`мулла`, `хаджи`), kept for display only.
    pub titles: Vec<String>,
    /// The patronymic this token carries, by a joined or a separate marker.
    pub patronymic: Option<Patronymic>,
}

impl Token {
    fn word(text: &str, initial: bool) -> Token {
        Token {
            text: text.to_string(),
            initial,
            caps: false,
            comma: false,
            titles: Vec::new(),
            patronymic: None,
        }
    }
}

/// Splits raw words (already NFC) into tokens.
pub fn tokenize(text: &str, hints: Hints, data: &NameData) -> Vec<Token> {
    let mut raw = Vec::new();
    for chunk in text.split_whitespace() {
        split_chunk(chunk, &mut raw);
    }
    mark_caps(&mut raw);
    join(raw, hints, data)
}

fn split_chunk(chunk: &str, out: &mut Vec<Token>) {
    let comma = chunk.ends_with([',', ';']);
    let chunk = chunk.trim_matches(|c: char| !text::is_letter_or_digit(c) && c != '.' && c != '\'');
    let chunk = chunk.trim_start_matches('.');
    if chunk.is_empty() {
        if let Some(last) = out.last_mut() {
            last.comma |= comma;
        }
        return;
    }
    let pieces: Vec<&str> = chunk.split('.').collect();
    let dotted = pieces.len() > 1;
    for (i, piece) in pieces.iter().enumerate() {
        let letters = piece.chars().filter(|&c| text::is_letter(c)).count();
        if letters == 0 {
            continue;
        }
        let followed_by_dot = dotted && i + 1 < pieces.len();
        let initial = letters == 1 || (followed_by_dot && letters <= 3);
        out.push(Token::word(piece, initial));
    }
    if let Some(last) = out.last_mut() {
        last.comma |= comma;
    }
}

fn is_all_caps(text: &str) -> bool {
    let mut letters = text.chars().filter(|&c| text::is_letter(c)).peekable();
    letters.peek().is_some() && letters.all(char::is_uppercase)
}

fn mark_caps(tokens: &mut [Token]) {
    let words = tokens.iter().filter(|t| !t.initial);
    let caps = words.clone().filter(|t| is_all_caps(&t.text)).count();
    if caps > 0 && caps < words.count() {
        for t in tokens.iter_mut().filter(|t| !t.initial) {
            t.caps = is_all_caps(&t.text);
        }
    }
}

fn join(raw: Vec<Token>, hints: Hints, data: &NameData) -> Vec<Token> {
    let mut out: Vec<Token> = Vec::new();
    let mut titles = Vec::new();
    let mut prefix: Option<String> = None;
    for mut tok in raw {
        if tok.initial {
            tok.titles = std::mem::take(&mut titles);
            out.push(tok);
            continue;
        }
        let key = key_with(&tok.text, hints);
        if let Some(gender) = marker_word(&tok.text, hints, data)
            && let Some(prev) = out
                .last_mut()
                .filter(|p| !p.initial && p.patronymic.is_none())
        {
            let father = prev.text.clone();
            prev.text = format!("{} {}", prev.text, tok.text);
            prev.patronymic = Some(Patronymic {
                father,
                gender,
                turkic: false,
            });
            prev.comma |= tok.comma;
            continue;
        }
        match data.particles.get(&key).map(|p| p.kind) {
            Some(ParticleKind::Title) => {
                titles.push(tok.text);
                continue;
            }
            Some(ParticleKind::Prefix) => {
                prefix = Some(tok.text);
                continue;
            }
            Some(ParticleKind::Suffix) => {
                if let Some(prev) = out.last_mut().filter(|p| joins_particle(p, hints, data)) {
                    prev.text = format!("{} {}", prev.text, tok.text);
                    prev.comma |= tok.comma;
                    continue;
                }
            }
            None => {}
        }
        tok.patronymic = from_suffix(&tok.text, hints, data);
        if let Some(p) = prefix.take() {
            if tok.patronymic.is_none() && given_key(&tok.text, hints, data).known {
                tok.text = format!("{p} {}", tok.text);
            } else {
                out.push(Token::word(&p, false));
            }
        }
        tok.titles = std::mem::take(&mut titles);
        out.push(tok);
    }
    if let Some(p) = prefix {
        out.push(Token::word(&p, false));
    }
    out
}

fn joins_particle(prev: &Token, hints: Hints, data: &NameData) -> bool {
    !prev.initial && prev.patronymic.is_none() && given_key(&prev.text, hints, data).known
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::names::data::builtin;

    fn texts(s: &str) -> Vec<String> {
        tokenize(s, Hints::detect(s), builtin())
            .into_iter()
            .map(|t| t.text)
            .collect()
    }

    #[test]
    fn splits_initials_and_commas() {
        assert_eq!(texts("Шокаев М.Ш."), ["Шокаев", "М", "Ш"]);
        assert_eq!(texts("Шокаев М. Ш."), ["Шокаев", "М", "Ш"]);
        assert_eq!(texts("Chokaev Sh.M."), ["Chokaev", "Sh", "M"]);
        let toks = tokenize("Шокаев, Мустафа", Hints::default(), builtin());
        assert!(toks[0].comma && !toks[1].comma);
    }

    #[test]
    fn joins_particles_and_markers() {
        assert_eq!(
            texts("Ibrahim Bek Chakabayev"),
            ["Ibrahim Bek", "Chakabayev"]
        );
        assert_eq!(
            texts("Tursunov Alisher Karim o'g'li"),
            ["Tursunov", "Alisher", "Karim o'g'li"]
        );
        assert_eq!(texts("мулла Абдурахман Ходжаев"), ["Абдурахман", "Ходжаев"]);
        assert_eq!(texts("Ходжа Ахмед Ясави"), ["Ходжа Ахмед", "Ясави"]);
        assert_eq!(texts("Хан Виктор"), ["Хан", "Виктор"]);
    }

    #[test]
    fn marks_capitals_only_among_mixed_case() {
        let toks = tokenize("ШОКАЕВ Мустафа", Hints::default(), builtin());
        assert!(toks[0].caps && !toks[1].caps);
        let toks = tokenize("ШОКАЕВ МУСТАФА", Hints::default(), builtin());
        assert!(!toks[0].caps);
    }
}
