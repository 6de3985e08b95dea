//! Prebuilt lookup maps over the gazetteer forms: exact match keys, Russian stems (for adjective
//! and case forms) and length buckets for the fuzzy fallback.

use super::data::Table;
use super::terms::Terms;
use crate::normalize::text;
use crate::normalize::translit::match_key;
use std::collections::{BTreeMap, HashMap};
use unicode_normalization::UnicodeNormalization;

/// Indexes of forms in [`Table::forms`], in file order.
pub type Hits = Vec<usize>;

/// Shortest stem that is indexed, in letters; shorter stems match too much.
const MIN_STEM: usize = 3;
/// Shortest match key that may be matched approximately, in letters.
const MIN_FUZZY: usize = 7;

/// The maps from keys to forms.
#[derive(Debug, Default)]
pub struct Index {
    exact: HashMap<String, Hits>,
    stems: HashMap<String, Hits>,
    /// Keys long enough for the fuzzy fallback, sorted.
    fuzzy_keys: Vec<(String, Hits)>,
    /// Every variant of a fuzzy key with up to two letters deleted → indexes in `fuzzy_keys`.
    deletions: HashMap<String, Vec<usize>>,
    /// The most words a run of written words may have to match a form: the most pieces any form
    /// has between the spaces, hyphens and dots its match key drops, and two more for a name
    /// written apart (`Таш кент`).
    max_words: usize,
    /// The longest fuzzy key, in letters.
    max_fuzzy_len: usize,
}

/// The match key of a place name: NFC, apostrophes unified to `ʻ`, spaces, hyphens and dots
/// removed, then [`match_key`].
pub fn place_key(text: &str) -> String {
    let mut folded = String::with_capacity(text.len());
    for c in text.nfc() {
        match c {
            ' ' | '\u{a0}' | '_' | '.' => {}
            c if text::is_hyphen(c) || text::is_dash(c) => {}
            c if text::is_apostrophe(c) => folded.push('ʻ'),
            c => folded.push(c),
        }
    }
    match_key(&folded)
}

/// Whether a text has a Cyrillic letter (only such texts are read for Russian stems).
pub fn is_cyrillic(text: &str) -> bool {
    text.chars().any(|c| ('\u{400}'..='\u{4ff}').contains(&c))
}

/// Drops the soft tail (vowels, soft sign) from the end of a lower-case word.
fn strip_tail<'a>(word: &'a str, terms: &Terms) -> &'a str {
    word.trim_end_matches(|c| terms.soft_tail.contains(&c))
}

/// The stems a gazetteer form is known by: the form without its soft tail, and for names in
/// `-ск` also the part before it (`Перовск` → `Перов`, matched by `Перовский`).
pub fn form_stems(form: &str, terms: &Terms) -> Vec<String> {
    let lower = text::lowercase(form);
    let mut stems = vec![strip_tail(&lower, terms).to_string()];
    if let Some(base) = lower.strip_suffix("ск") {
        stems.push(strip_tail(base, terms).to_string());
    }
    stems
}

/// The stems a written word may stand for, best first: the word without its soft tail, then
/// without each ending it has, then also without a linking syllable.
pub fn word_stems(word: &str, terms: &Terms) -> Vec<String> {
    let lower = text::lowercase(word);
    let mut out = vec![strip_tail(&lower, terms).to_string()];
    for ending in &terms.endings {
        let Some(base) = lower.strip_suffix(ending.as_str()) else {
            continue;
        };
        out.push(strip_tail(base, terms).to_string());
        for link in &terms.links {
            if let Some(shorter) = base.strip_suffix(link.as_str()) {
                out.push(strip_tail(shorter, terms).to_string());
            }
        }
    }
    let mut unique: Vec<String> = Vec::with_capacity(out.len());
    for stem in out {
        if stem.chars().count() >= 2 && !unique.contains(&stem) {
            unique.push(stem);
        }
    }
    unique
}

impl Index {
    /// Builds the maps over every form of the table.
    pub fn build(table: &Table, terms: &Terms) -> Index {
        let mut index = Index::default();
        for (i, form) in table.forms.iter().enumerate() {
            let key = place_key(&form.text);
            if key.is_empty() {
                continue;
            }
            index.max_words = index.max_words.max(pieces(&form.text) + 2);
            push_unique(index.exact.entry(key).or_default(), i);
            if is_cyrillic(&form.text) {
                for stem in form_stems(&form.text, terms) {
                    if stem.chars().count() >= MIN_STEM {
                        push_unique(index.stems.entry(place_key(&stem)).or_default(), i);
                    }
                }
            }
        }
        let sorted: BTreeMap<&String, &Hits> = index.exact.iter().collect();
        for (key, hits) in sorted {
            if key.chars().count() + 2 < MIN_FUZZY {
                continue;
            }
            let at = index.fuzzy_keys.len();
            index.max_fuzzy_len = index.max_fuzzy_len.max(key.chars().count());
            for variant in deletions(key, 2) {
                push_unique(index.deletions.entry(variant).or_default(), at);
            }
            index.fuzzy_keys.push((key.clone(), hits.clone()));
        }
        index
    }

    /// The most words a run of written words may have to match a form.
    pub fn max_words(&self) -> usize {
        self.max_words
    }

    /// Forms whose match key equals that of `text`.
    pub fn exact(&self, text: &str) -> Option<&Hits> {
        self.exact.get(&place_key(text))
    }

    /// Forms whose stem (or whole form) equals one of the stems of a Cyrillic `text`, in the
    /// order of the stems; empty when none.
    pub fn stem(&self, stems: &[String]) -> Hits {
        let mut out = Hits::new();
        for stem in stems {
            let key = place_key(stem);
            let found = self.stems.get(&key).into_iter().chain(self.exact.get(&key));
            for &i in found.flatten() {
                push_unique(&mut out, i);
            }
        }
        out
    }

    /// Keys within a small edit distance of `text`'s key, with their distance: one edit for keys
    /// under ten letters, two from ten letters on; nothing for keys under seven letters. Found
    /// through the deletion index (symmetric delete), so the cost does not grow with the table.
    pub fn near(&self, text: &str) -> Vec<(usize, &Hits)> {
        let key = place_key(text);
        let len = key.chars().count();
        if len < MIN_FUZZY {
            return Vec::new();
        }
        let max = if len >= 10 { 2 } else { 1 };
        if len > self.max_fuzzy_len + max {
            return Vec::new();
        }
        let mut seen: Vec<usize> = Vec::new();
        for variant in deletions(&key, max) {
            if let Some(found) = self.deletions.get(&variant) {
                for &k in found {
                    push_unique(&mut seen, k);
                }
            }
        }
        seen.sort_unstable();
        seen.iter()
            .filter_map(|&k| {
                let (candidate, hits) = &self.fuzzy_keys[k];
                let d = strsim::levenshtein(&key, candidate);
                (d <= max).then_some((d, hits))
            })
            .collect()
    }
}

/// The pieces of a form between the characters its match key drops.
fn pieces(form: &str) -> usize {
    form.split(|c: char| c.is_whitespace() || matches!(c, '-' | '‐' | '‑' | '–' | '—' | '_' | '.'))
        .filter(|p| !p.is_empty())
        .count()
}

/// The text itself and every variant with up to `max` letters deleted, sorted, no repeats.
fn deletions(key: &str, max: usize) -> Vec<String> {
    let mut out = vec![key.to_string()];
    let mut start = 0;
    for _ in 0..max {
        let end = out.len();
        for w in start..end {
            let word = out[w].clone();
            for (i, c) in word.char_indices() {
                let mut v = String::with_capacity(word.len());
                v.push_str(&word[..i]);
                v.push_str(&word[i + c.len_utf8()..]);
                out.push(v);
            }
        }
        start = end;
    }
    out.sort_unstable();
    out.dedup();
    out
}

fn push_unique(hits: &mut Hits, form: usize) {
    if !hits.contains(&form) {
        hits.push(form);
    }
}
