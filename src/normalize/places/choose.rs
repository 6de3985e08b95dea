//! Choosing the place a text names: each address part is looked up, its candidates ranked, and
//! the most specific part that names one place wins.
//!
//! Forms a part finds by its Russian stems are first narrowed to those spelt as written, when
//! there are any (a stem that only shares a form's match key is a guess).
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
use crate::model::{Place, PlaceLevel};
use crate::normalize::text;
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
    let (parts, found, written) = look_up_parts(g, address::split(text, &g.terms), year);
    let countries: Vec<&str> = found
        .iter()
        .filter_map(|f| match f {
            Some(Hit {
                found: Found::One(form),
                ..
            }) => Some(country_of(g, *form)),
            _ => None,
        })
        .collect();
    let mut read: Vec<Read> = Vec::with_capacity(parts.len());
    let mut ambiguous: Option<&Vec<usize>> = None;
    for (i, (part, f)) in parts.iter().zip(&found).enumerate() {
        let form = match f.as_ref().map(|hit| &hit.found) {
            Some(Found::One(form)) => Some(*form),
            Some(Found::Many(forms)) => {
                let settled = by_country(g, forms, &countries);
                if settled.is_none() {
                    ambiguous = Some(forms);
                }
                settled
            }
            None => None,
        };
        read.push(Read {
            level: form.map_or(part.level, |f| specificity(part.level, kind_of(g, f))),
            form,
            whole: f.as_ref().is_some_and(|hit| hit.whole),
            rest: match f {
                Some(hit) if i >= written => hit.rest(part),
                _ => String::new(),
            },
            words: part.raw.join(" "),
        });
    }
    let best = read
        .iter()
        .enumerate()
        .filter_map(|(i, r)| r.form.map(|f| ((r.level, r.whole, kind_of(g, f), i), f)))
        .max();
    match (best, ambiguous) {
        (Some(((level, _, _, i), form)), _) => Ok(g.place_of(form).map(|mut place| {
            place.level = output_level(level);
            place.unresolved = unresolved(&read, level);
            place.conflict = conflict(g, &read, i, form);
            place
        })),
        (None, Some(forms)) => Err(PlaceError::Ambiguous {
            text: text.trim().to_string(),
            candidates: keys_of(g, forms),
        }),
        (None, None) => Err(PlaceError::Unknown(text.trim().to_string())),
    }
}

/// Looks up every part (returned with the number of parts written); the words a part leaves over when only a shorter run of them matched
/// (`Кок-Таш` of `Кок-Таш Восточной Бухары`) are looked up as parts of their own, once (their own
/// left-over words stay in [`Read::rest`]), so the work stays bounded by the number of words.
fn look_up_parts<'t>(
    g: &Gazetteer,
    mut parts: Vec<Part<'t>>,
    year: Option<i32>,
) -> (Vec<Part<'t>>, Vec<Option<Hit>>, usize) {
    let written = parts.len();
    let mut found = Vec::with_capacity(parts.len());
    let mut i = 0;
    while i < parts.len() {
        let hit = lookup(g, &parts[i], year);
        if i < written
            && let Some(hit) = &hit
        {
            let words = parts[i].words.clone();
            for rest in [&words[..hit.window.start], &words[hit.window.end..]] {
                if !rest.is_empty() {
                    parts.push(Part {
                        raw: rest.to_vec(),
                        words: rest.to_vec(),
                        level: Level::Bare,
                    });
                }
            }
        }
        found.push(hit);
        i += 1;
    }
    (parts, found, written)
}

/// What one address part read as: its words, the form it found (if one place), whether all its
/// words matched it, and how specific it is (its marker's level, lowered to its place's kind when it found one).
struct Read {
    /// The part as written, markers included.
    words: String,
    form: Option<usize>,
    /// Whether the form matched all the part's words (not a shorter run, not approximately).
    whole: bool,
    /// The words a shorter run left over, for parts whose left-over words were not looked up.
    rest: String,
    level: Level,
}

/// The level a place value reports: a bare name that found a settlement is a settlement.
fn output_level(level: Level) -> PlaceLevel {
    match level {
        Level::Country => PlaceLevel::Country,
        Level::Region => PlaceLevel::Region,
        Level::District => PlaceLevel::District,
        Level::Bare | Level::Settlement => PlaceLevel::Settlement,
    }
}

/// The parts that found no one place and are not less specific than the part that won, as
/// written, and the words a part matched by a shorter run left over: what the place value
/// leaves unresolved below (or beside) it.
fn unresolved(read: &[Read], won: Level) -> String {
    let words: Vec<&str> = read
        .iter()
        .filter_map(|r| match r.form {
            None if r.level >= won => Some(r.words.as_str()),
            Some(_) if !r.rest.is_empty() => Some(r.rest.as_str()),
            _ => None,
        })
        .collect();
    words.join("; ")
}

/// Says when a larger unit the text names lies in another country today than the place chosen
/// (`Кокташ, Ташкентская обл.`: a town of Tajikistan in a region of Uzbekistan). Units that are
/// gone (every name historic: uyezds, emirates, Tsarist oblasts) straddled today's borders and
/// are not held against the place.
fn conflict(g: &Gazetteer, read: &[Read], won: usize, chosen: usize) -> String {
    let country = country_of(g, chosen);
    let clashes: Vec<String> = read
        .iter()
        .enumerate()
        .filter(|&(i, r)| i != won && r.level <= read[won].level)
        .filter_map(|(_, r)| r.form)
        .filter(|&f| !g.table.gone[entry(g, f).place] && !same_place(g, f, chosen))
        .filter(|&f| country_of(g, f) != country)
        .map(|f| format!("{} ({})", entry(g, f).text, country_of(g, f)))
        .collect();
    if clashes.is_empty() {
        return String::new();
    }
    format!(
        "{} ({country}) does not lie in {}",
        entry(g, chosen).text,
        clashes.join(", ")
    )
}

/// The forms a part matches: exactly, by stem, by a shorter run of its words, approximately;
/// and whether they matched all its words (exactly or by stem).
///
/// Runs of words are tried longest first, but never longer than the longest form of the
/// gazetteer: the work grows with the number of words, not with its cube.
fn lookup(g: &Gazetteer, part: &Part, year: Option<i32>) -> Option<Hit> {
    if part.words.is_empty() {
        return None;
    }
    let n = part.words.len();
    let whole = part.words.join(" ");
    if let Some(found) = lookup_text(g, &whole, part.level, year) {
        return Some(Hit::new(found, true, 0..n));
    }
    let longest = n.saturating_sub(1).min(g.index.max_words());
    let mut text = String::new();
    for len in (1..=longest).rev() {
        for (at, window) in part.words.windows(len).enumerate() {
            text.clear();
            join_into(&mut text, window);
            if text.chars().count() < 3 {
                continue;
            }
            if let Some(found) = lookup_text(g, &text, part.level, year) {
                return Some(Hit::new(found, false, at..at + len));
            }
        }
    }
    fuzzy(g, &whole).map(|found| Hit::new(found, false, 0..n))
}

/// What a part found, whether all its words matched, and which of its words did.
struct Hit {
    found: Found,
    whole: bool,
    window: std::ops::Range<usize>,
}

impl Hit {
    fn new(found: Found, whole: bool, window: std::ops::Range<usize>) -> Hit {
        Hit {
            found,
            whole,
            window,
        }
    }

    /// The words of the part outside the run that matched.
    fn rest(&self, part: &Part) -> String {
        let words = &part.words;
        let rest: Vec<&str> = words[..self.window.start]
            .iter()
            .chain(&words[self.window.end..])
            .copied()
            .collect();
        rest.join(" ")
    }
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
            lower: text::lowercase(&text.nfc().collect::<String>()),
            stems,
        }
    }

    fn matches(&self, g: &Gazetteer, form: &str) -> bool {
        if text::lowercase(&form.nfc().collect::<String>()) == self.lower {
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
    rank(g, &spelt_first(g, hits, text), text, level, year)
}

/// The forms of `hits` spelt as `text` is (the same, or sharing a literal stem: see
/// [`Literal`]) when there are any: a stem that only shares its match key with a form is a
/// guess the spelling overrules (`Сырдарьинский` is the Syr Darya's, not `Сердар` in
/// Turkmenistan, whose key `сырдар` shares).
fn spelt_first(g: &Gazetteer, hits: Hits, text: &str) -> Hits {
    let literal = Literal::of(g, text);
    let spelt: Hits = hits
        .iter()
        .copied()
        .filter(|&i| literal.matches(g, &entry(g, i).text))
        .collect();
    if spelt.is_empty() { hits } else { spelt }
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
