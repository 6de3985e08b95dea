//! Repression and rehabilitation bodies and the acts decisions cite, read as keys: `прокуратурой
//! КазССР`, `Прокуратура КазССР` and `ҚазКСР прокуратурасы` are all `prosecutor_kazssr`;
//! `O'zbekiston Respublikasi Oliy sudi` with any apostrophe and `Верховным судом Республики
//! Узбекистан` are `uz_supreme_court`. The bodies, their names, forms and periods are in
//! `schemas/bodies.csv`; abbreviations, stopwords, endings and outcome words in
//! `schemas/body_words.csv`.
//!
//! A name is compared as the set of its word stems ([`words::stems`]): every name and form of the
//! table, and the text read, go through the same folding, so a case ending, an abbreviation or
//! word order never tells two wordings apart. A text names the body one of whose names has the
//! most stems among those all present in the text (`тройка НКВД по Казахской ССР` is an NKVD
//! troika); a tie between two bodies is no key.

#[cfg(test)]
mod tests;
mod words;

use crate::tables::{self, DataError, Loaded, Table};
use chrono::NaiveDate;
use std::collections::HashMap;
pub use words::{Words, check_line as check_words_line, stems};

/// What an entry of the table names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    /// A body that sentenced or decided.
    Body,
    /// A legal act a decision cites.
    Basis,
}

impl Kind {
    fn parse(text: &str) -> Option<Kind> {
        match text {
            "body" => Some(Kind::Body),
            "basis" => Some(Kind::Basis),
            _ => None,
        }
    }
}

/// One body or act of `schemas/bodies.csv`.
#[derive(Debug, Clone, PartialEq)]
pub struct Body {
    /// The key (`nkvd_troika`).
    pub key: String,
    /// Body or act.
    pub kind: Kind,
    /// The body a chamber or board belongs to.
    pub parent: Option<String>,
    /// First day it existed (or was in force), when known.
    pub from: Option<NaiveDate>,
    /// Last day it existed, when it ended and that is known.
    pub to: Option<NaiveDate>,
    /// Canonical names in Russian, Kazakh, Uzbek Latin and English.
    pub names: [String; 4],
}

impl Body {
    /// The canonical English name.
    pub fn name_en(&self) -> &str {
        &self.names[3]
    }

    /// The canonical Russian name.
    pub fn name_ru(&self) -> &str {
        &self.names[0]
    }

    /// Whether the body existed at some day of `[earliest, latest]` (an unknown bound is open).
    pub fn existed_within(&self, earliest: NaiveDate, latest: NaiveDate) -> bool {
        self.from.is_none_or(|from| latest >= from) && self.to.is_none_or(|to| earliest <= to)
    }

    /// The period as text: `1937-07-30..1938-11-17`, an open end left empty.
    pub fn period(&self) -> String {
        let day = |d: Option<NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
        format!("{}..{}", day(self.from), day(self.to))
    }
}

/// A name or form of a body, as stems.
struct Form {
    body: usize,
    stems: usize,
}

/// The table read: bodies, their forms as stems, and which forms hold each stem.
pub struct Catalogue {
    bodies: Vec<Body>,
    by_key: HashMap<String, usize>,
    forms: Vec<Form>,
    postings: HashMap<String, Vec<usize>>,
    words: Words,
}

static CATALOGUE: Loaded<Catalogue> = Loaded::new();

/// The catalogue in force, loaded once.
pub fn catalogue() -> &'static Catalogue {
    CATALOGUE.get(load)
}

/// Loads `bodies.csv` and `body_words.csv` in force, or says which line keeps them from loading.
pub fn check_loaded() -> Result<(), DataError> {
    CATALOGUE.try_get(load).map(|_| ()).map_err(Clone::clone)
}

fn load() -> Result<Catalogue, DataError> {
    let words = Words::load()?;
    let text = tables::text(Table::Bodies);
    let lines = tables::lines_of(Table::Bodies, text)?;
    let mut catalogue = Catalogue {
        bodies: Vec::new(),
        by_key: HashMap::new(),
        forms: Vec::new(),
        postings: HashMap::new(),
        words,
    };
    for line in &lines {
        let (body, forms) = read_line(&line.record).map_err(|m| line.refuse(m))?;
        catalogue.add(body, &forms).map_err(|m| line.refuse(m))?;
    }
    for (body, line) in catalogue.bodies.iter().zip(&lines) {
        if let Some(parent) = &body.parent
            && !catalogue.by_key.contains_key(parent)
        {
            return Err(line.refuse(format!("parent {parent:?} is no key of the table")));
        }
    }
    Ok(catalogue)
}

impl Catalogue {
    fn add(&mut self, body: Body, forms: &[String]) -> Result<(), String> {
        let index = self.bodies.len();
        if self.by_key.insert(body.key.clone(), index).is_some() {
            return Err(format!("key {:?} is given twice", body.key));
        }
        for form in body.names.iter().chain(forms) {
            let stems = self.words.stems(form);
            if stems.is_empty() {
                continue;
            }
            let id = self.forms.len();
            self.forms.push(Form {
                body: index,
                stems: stems.len(),
            });
            for stem in stems {
                self.postings.entry(stem).or_default().push(id);
            }
        }
        self.bodies.push(body);
        Ok(())
    }

    /// The body or act of a key.
    pub fn get(&self, key: &str) -> Option<&Body> {
        self.by_key.get(key).map(|&i| &self.bodies[i])
    }

    /// Every body and act, in table order.
    pub fn all(&self) -> &[Body] {
        &self.bodies
    }

    /// The words used to fold names.
    pub fn words(&self) -> &Words {
        &self.words
    }

    /// The entry of `kind` a text names: of the names all of whose stems the text holds, the
    /// one with the most stems; `None` when none fits or two entries fit equally.
    pub fn find(&self, text: &str, kind: Kind) -> Option<&Body> {
        let stems = self.words.stems(text);
        let mut hits: HashMap<usize, usize> = HashMap::new();
        for stem in &stems {
            for &form in self.postings.get(stem).into_iter().flatten() {
                *hits.entry(form).or_default() += 1;
            }
        }
        let mut best: Option<(usize, usize)> = None;
        let mut tied = false;
        let mut complete: Vec<(usize, usize)> = hits
            .into_iter()
            .filter(|&(form, n)| n == self.forms[form].stems)
            .map(|(form, n)| (n, self.forms[form].body))
            .filter(|&(_, body)| self.bodies[body].kind == kind)
            .collect();
        complete.sort_unstable();
        for (n, body) in complete {
            match best {
                Some((m, b)) if m == n && b != body => tied = true,
                Some((m, _)) if m == n => {}
                _ => {
                    best = Some((n, body));
                    tied = false;
                }
            }
        }
        match (best, tied) {
            (Some((_, body)), false) => Some(&self.bodies[body]),
            _ => None,
        }
    }

    /// Whether two keys name one body: equal, or one a chamber of the other.
    pub fn compatible(&self, a: &str, b: &str) -> bool {
        a == b || self.ancestors(a).any(|k| k == b) || self.ancestors(b).any(|k| k == a)
    }

    fn ancestors<'a>(&'a self, key: &str) -> impl Iterator<Item = &'a str> + 'a {
        let mut next = self.get(key).and_then(|b| b.parent.as_deref());
        std::iter::from_fn(move || {
            let key = next?;
            next = self.get(key).and_then(|b| b.parent.as_deref());
            Some(key)
        })
        .take(8)
    }
}

/// The key of the body a text names (`прокуратурой КазССР` → `prosecutor_kazssr`).
pub fn body_key(text: &str) -> Option<&'static str> {
    key_of(text, Kind::Body)
}

/// The key of the act a text cites (`Указ ПВС СССР от 16.01.1989` → `ussr_decree_1989`).
pub fn basis_key(text: &str) -> Option<&'static str> {
    key_of(text, Kind::Basis)
}

fn key_of(text: &str, kind: Kind) -> Option<&'static str> {
    if text.trim().is_empty() {
        return None;
    }
    catalogue().find(text, kind).map(|b| b.key.as_str())
}

/// The body or act of a key.
pub fn body(key: &str) -> Option<&'static Body> {
    catalogue().get(key)
}

/// What a decision's text says was decided (`rehabilitated`, `recognised_victim`, `refused`).
pub fn outcome(text: &str) -> Option<&'static str> {
    catalogue().words.outcome(text)
}

/// One line of `bodies.csv`: the body and its further forms.
fn read_line(rec: &csv::StringRecord) -> Result<(Body, Vec<String>), String> {
    let cell = |i: usize| rec.get(i).unwrap_or("").trim();
    let key = cell(0);
    if key.is_empty()
        || !key
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
    {
        return Err(format!(
            "key {key:?} is not lower-case ASCII letters, digits and _"
        ));
    }
    let kind =
        Kind::parse(cell(1)).ok_or_else(|| format!("kind {:?} is not body or basis", cell(1)))?;
    let day = |i: usize, name: &str| -> Result<Option<NaiveDate>, String> {
        let text = cell(i);
        if text.is_empty() {
            return Ok(None);
        }
        NaiveDate::parse_from_str(text, "%Y-%m-%d")
            .map(Some)
            .map_err(|_| format!("{name} {text:?} is not a date YYYY-MM-DD"))
    };
    let (from, to) = (day(3, "from")?, day(4, "to")?);
    if let (Some(f), Some(t)) = (from, to)
        && f > t
    {
        return Err(format!("from {f} is after to {t}"));
    }
    let names = [5, 6, 7, 8].map(|i| cell(i).to_string());
    if names.iter().any(String::is_empty) {
        return Err("each of ru, kk, uz and en must name it".into());
    }
    let forms = cell(9)
        .split('|')
        .map(str::trim)
        .filter(|f| !f.is_empty())
        .map(String::from)
        .collect();
    let parent = Some(cell(2)).filter(|p| !p.is_empty()).map(String::from);
    let body = Body {
        key: key.to_string(),
        kind,
        parent,
        from,
        to,
        names,
    };
    Ok((body, forms))
}

/// The rule for one line of `bodies.csv`.
pub fn check_line(rec: &csv::StringRecord) -> Result<(), String> {
    read_line(rec).map(|_| ())
}
