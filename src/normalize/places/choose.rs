//! Choosing the place a text names: each address part is looked up, its candidates ranked, and
//! the most specific part that names one place wins.
//!
//! Ranking of the forms one part matches, best first (ties go to the next rule):
//! 1. with a year, a form in use that year;
//! 2. a kind that fits the part's marker (a region for `обл.`, a settlement otherwise);
//! 3. a form spelt exactly as written (case aside) over one that only shares the match key
//!    (`Сыр-Дарьинская` is the Tsarist oblast, `Сырдарьинская` today's Uzbek region);
//! 4. a current name over a historic one.
//!
//! When the best forms still belong to several places, the countries of the other parts may
//! settle it; otherwise the part is ambiguous and skipped. Among the parts found, the most
//! specific wins (settlement marker > bare name > uyezd/district > region > country; a part
//! that found a region counts as a region); on a tie the later part wins. Approximate matches
//! are taken only when one place has the smallest edit distance.

use super::address::{self, Part};
use super::data::{FormEntry, PlaceKind};
use super::index::{Hits, form_stems, is_cyrillic, word_stems};
use super::terms::Level;
use super::{Gazetteer, PlaceError};
use crate::model::Place;
use unicode_normalization::UnicodeNormalization;

/// What one address part found.
enum Found {
    /// One place, through this form.
    One(usize),
    /// Several places equally good: their best forms, one per place, in file order.
    Many(Vec<usize>),
}

/// Resolves `text`, optionally for a year.
pub fn resolve(g: &Gazetteer, text: &str, year: Option<i32>) -> Result<Option<Place>, PlaceError> {
    if text.trim().is_empty() {
        return Ok(None);
    }
    Gazetteer::check_caps(text)?;
    let parts = address::split(text, &g.terms);
    let found: Vec<(Level, Found)> = parts
        .iter()
        .filter_map(|part| lookup(g, part, year).map(|f| (part.level, f)))
        .collect();
    let countries: Vec<&str> = found
        .iter()
        .filter_map(|(_, f)| match f {
            Found::One(form) => Some(country_of(g, *form)),
            Found::Many(_) => None,
        })
        .collect();
    let mut best: Option<(Level, usize)> = None;
    let mut ambiguous: Option<&Vec<usize>> = None;
    for (level, f) in &found {
        let form = match f {
            Found::One(form) => *form,
            Found::Many(forms) => match by_country(g, forms, &countries) {
                Some(form) => form,
                None => {
                    ambiguous = Some(forms);
                    continue;
                }
            },
        };
        let spec = specificity(*level, kind_of(g, form));
        if best.is_none_or(|(s, _)| spec >= s) {
            best = Some((spec, form));
        }
    }
    match (best, ambiguous) {
        (Some((_, form)), _) => Ok(g.place_of(form)),
        (None, Some(forms)) => Err(PlaceError::Ambiguous {
            text: text.trim().to_string(),
            candidates: keys_of(g, forms),
        }),
        (None, None) => Err(PlaceError::Unknown(text.trim().to_string())),
    }
}

/// The forms a part matches: exactly, by stem, by a shorter run of its words, approximately.
///
/// Runs of words are tried longest first, but never longer than the longest form of the
/// gazetteer: the work grows with the number of words, not with its cube.
fn lookup(g: &Gazetteer, part: &Part, year: Option<i32>) -> Option<Found> {
    let whole = part.words.join(" ");
    if let Some(found) = lookup_text(g, &whole, part.level, year) {
        return Some(found);
    }
    let n = part.words.len();
    let longest = n.saturating_sub(1).min(g.index.max_words());
    let mut text = String::new();
    for len in (1..=longest).rev() {
        for window in part.words.windows(len) {
            text.clear();
            join_into(&mut text, window);
            if text.chars().count() < 3 {
                continue;
            }
            if let Some(found) = lookup_text(g, &text, part.level, year) {
                return Some(found);
            }
        }
    }
    fuzzy(g, &whole)
}

/// Writes `words` joined by single spaces into `out`.
fn join_into(out: &mut String, words: &[&str]) {
    for (i, word) in words.iter().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        out.push_str(word);
    }
}

/// The text as written, lower case, with its literal Russian stems: a form spelt the same (case
/// aside), or sharing one of these stems, is a literal match.
struct Literal {
    lower: String,
    stems: Vec<String>,
}

impl Literal {
    fn of(g: &Gazetteer, text: &str) -> Literal {
        let stems = if is_cyrillic(text) {
            word_stems(text, &g.terms)
        } else {
            Vec::new()
        };
        Literal {
            lower: text.nfc().collect::<String>().to_lowercase(),
            stems,
        }
    }

    fn matches(&self, g: &Gazetteer, form: &str) -> bool {
        if form.nfc().collect::<String>().to_lowercase() == self.lower {
            return true;
        }
        !self.stems.is_empty()
            && form_stems(form, &g.terms)
                .iter()
                .any(|s| self.stems.contains(s))
    }
}

fn lookup_text(g: &Gazetteer, text: &str, level: Level, year: Option<i32>) -> Option<Found> {
    if let Some(hits) = g.index.exact(text) {
        return rank(g, hits, text, level, year);
    }
    if !is_cyrillic(text) {
        return None;
    }
    let hits = g.index.stem(&word_stems(text, &g.terms));
    rank(g, &hits, text, level, year)
}

/// Keeps the best-ranked forms; one place → `One`, several → `Many`.
fn rank(g: &Gazetteer, hits: &Hits, text: &str, level: Level, year: Option<i32>) -> Option<Found> {
    let first = *hits.first()?;
    let one_place = hits.iter().all(|&i| same_place(g, first, i));
    let literal = (!one_place).then(|| Literal::of(g, text));
    let score = |&i: &usize| {
        let form = entry(g, i);
        let in_year = year.is_some_and(|y| form.in_use(y));
        let fit = kind_fit(level, kind_of(g, i));
        let spelt = literal.as_ref().is_some_and(|l| l.matches(g, &form.text));
        (in_year, fit, spelt, !form.historic)
    };
    let scores: Vec<_> = hits.iter().map(score).collect();
    let top = *scores.iter().max()?;
    let mut best: Vec<usize> = Vec::new();
    for (&i, _) in hits.iter().zip(&scores).filter(|(_, s)| **s == top) {
        if !best.iter().any(|&b| same_place(g, b, i)) {
            best.push(i);
        }
    }
    match best.as_slice() {
        [one] => Some(Found::One(*one)),
        _ => Some(Found::Many(best)),
    }
}

/// The approximate match: only when a single place holds the smallest distance.
fn fuzzy(g: &Gazetteer, text: &str) -> Option<Found> {
    let near = g.index.near(text);
    let min = near.iter().map(|(d, _)| *d).min()?;
    let mut best: Option<usize> = None;
    for (_, hits) in near.iter().filter(|(d, _)| *d == min) {
        for &i in hits.iter() {
            match best {
                None => best = Some(i),
                Some(b) if same_place(g, b, i) => best = Some(b.min(i)),
                Some(_) => return None,
            }
        }
    }
    best.map(Found::One)
}

/// How well a place kind fits the level a marker announced (higher is better).
fn kind_fit(level: Level, kind: PlaceKind) -> u8 {
    match (level, kind) {
        (Level::Country, PlaceKind::Country) | (Level::Region, PlaceKind::Region) => 2,
        (Level::Country | Level::Region, k) => u8::from(!k.is_settlement()),
        (_, k) if k.is_settlement() => 2,
        (_, PlaceKind::Region) => 1,
        _ => 0,
    }
}

/// How specific a found part is: the lower of its marker's level and its place's kind.
fn specificity(level: Level, kind: PlaceKind) -> Level {
    let by_kind = match kind {
        PlaceKind::Country => Level::Country,
        PlaceKind::Region => Level::Region,
        PlaceKind::Town | PlaceKind::Village => Level::Settlement,
    };
    level.min(by_kind)
}

fn by_country(g: &Gazetteer, forms: &[usize], countries: &[&str]) -> Option<usize> {
    let mut fitting = forms
        .iter()
        .filter(|&&f| countries.contains(&country_of(g, f)));
    let first = fitting.next()?;
    fitting.next().is_none().then_some(*first)
}

fn entry(g: &Gazetteer, form: usize) -> &FormEntry {
    &g.table.forms[form]
}

fn same_place(g: &Gazetteer, a: usize, b: usize) -> bool {
    entry(g, a).place == entry(g, b).place
}

fn kind_of(g: &Gazetteer, form: usize) -> PlaceKind {
    g.table.places[entry(g, form).place].kind
}

fn country_of(g: &Gazetteer, form: usize) -> &str {
    &g.table.places[entry(g, form).place].country
}

fn keys_of(g: &Gazetteer, forms: &[usize]) -> String {
    let keys: Vec<&str> = forms
        .iter()
        .map(|&f| g.table.places[entry(g, f).place].key.as_str())
        .collect();
    keys.join(", ")
}
