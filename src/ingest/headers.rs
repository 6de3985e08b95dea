//! The header vocabulary: the words archives of every language of the region write over their
//! columns, each phrase claimed by one field (`schemas/headers.csv`), and the reading of a header
//! against it by words, stems and abbreviations (see [`words`]).

pub mod words;

use crate::model::{Field, Lang};
use crate::tables::{self, DataError, Loaded, Table};
use std::collections::{HashMap, HashSet};
use words::Word;

#[cfg(test)]
const BUILTIN: &str = include_str!("../../schemas/headers.csv");

/// How many leading rows are searched for the header row.
pub const HEADER_SEARCH_ROWS: usize = 30;

/// One phrase of the vocabulary.
#[derive(Debug, Clone)]
struct Entry {
    field: Field,
    lang: Option<Lang>,
    phrase: String,
    words: Vec<Word>,
}

/// Header phrases mapped to canonical fields, with the words that carry no meaning of a field.
pub struct HeaderDictionary {
    compact: HashMap<String, usize>,
    entries: Vec<Entry>,
    stopwords: HashSet<String>,
    /// The words of the phrases of two date fields or more (`дата`, `sanasi`, `күні`, `date`):
    /// the words that say a column holds the date of something.
    date_words: Vec<String>,
}

/// How sure a reading of a column is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Confidence {
    /// No reading: the column is kept as an extra.
    Unknown,
    /// A reading with doubts: part of the header unexplained, or values that fit it poorly.
    Low,
    /// The header says it in full, and the values do not contradict it.
    High,
}

impl Confidence {
    /// The word for it in reports.
    pub fn name(self) -> &'static str {
        match self {
            Confidence::Unknown => "unknown",
            Confidence::Low => "low",
            Confidence::High => "high",
        }
    }
}

/// What a header's words say of its column.
#[derive(Debug, Clone, PartialEq)]
pub struct HeaderMatch {
    /// The field the best phrase belongs to.
    pub field: Field,
    /// The phrase of the vocabulary matched, as written there.
    pub phrase: String,
    /// The language of that phrase.
    pub lang: Option<Lang>,
    /// The share of the header's meaningful words the phrase explains (0–1).
    pub coverage: f32,
    /// How closely the words matched (1: the same words; less: stems and abbreviations).
    pub likeness: f32,
    /// How sure the header alone makes the reading.
    pub confidence: Confidence,
    /// Another field whose phrase explains the header as well: the reading is in doubt.
    pub rival: Option<Field>,
    /// Which of the header's words the phrase matched (indices into [`words::split`]).
    pub matched: Vec<usize>,
}

static LOADED: Loaded<HeaderDictionary> = Loaded::new();

/// Loads the header vocabulary and stopwords in force, or says which line keeps them from
/// loading.
pub fn check_loaded() -> Result<(), DataError> {
    LOADED
        .try_get(HeaderDictionary::load)
        .map(|_| ())
        .map_err(Clone::clone)
}

impl HeaderDictionary {
    /// The vocabulary of `schemas/` with the local additions in force, loaded once (see
    /// [`Loaded::get`]).
    pub fn builtin() -> &'static HeaderDictionary {
        LOADED.get(HeaderDictionary::load)
    }

    fn load() -> Result<HeaderDictionary, DataError> {
        HeaderDictionary::from_csv_with_stopwords(
            tables::text(Table::Headers),
            tables::text(Table::HeaderStopwords),
        )
    }

    /// Loads a vocabulary from CSV text with columns `field,header,lang`, with no stopwords.
    pub fn from_csv(text: &str) -> Result<HeaderDictionary, DataError> {
        HeaderDictionary::from_csv_with_stopwords(text, "word,lang\n")
    }

    /// Loads a vocabulary and its stopwords (CSV `word,lang`); a line either table's rule
    /// refuses is the error.
    pub fn from_csv_with_stopwords(
        text: &str,
        stopwords: &str,
    ) -> Result<HeaderDictionary, DataError> {
        let stopwords = tables::read_all(Table::HeaderStopwords, stopwords, |rec| {
            Ok(rec.get(0).unwrap_or("").trim().to_lowercase())
        })?;
        let mut dict = HeaderDictionary {
            compact: HashMap::new(),
            entries: Vec::new(),
            stopwords: stopwords.into_iter().collect(),
            date_words: Vec::new(),
        };
        for line in tables::lines_of(Table::Headers, text)? {
            let rec = &line.record;
            let field = rec.get(0).unwrap_or("");
            let field = Field::parse(field)
                .ok_or_else(|| line.refuse(format!("field {field:?} is no field rehab knows")))?;
            let lang = rec.get(2).and_then(Lang::parse);
            dict.add(field, rec.get(1).unwrap_or(""), lang);
        }
        dict.date_words = dict.words_of_several_date_fields();
        Ok(dict)
    }

    fn add(&mut self, field: Field, phrase: &str, lang: Option<Lang>) {
        let words: Vec<Word> = words::split(phrase)
            .into_iter()
            .filter(|w| !w.note && !self.stopwords.contains(&w.text))
            .collect();
        if words.is_empty() {
            return;
        }
        let index = self.entries.len();
        self.compact
            .entry(words::compact(phrase, true))
            .or_insert(index);
        self.entries.push(Entry {
            field,
            lang,
            phrase: phrase.to_string(),
            words,
        });
    }

    /// The field a header names, if its words name one with no close rival.
    pub fn lookup(&self, header: &str) -> Option<(Field, Option<Lang>)> {
        self.read(header)
            .filter(|m| m.rival.is_none())
            .map(|m| (m.field, m.lang))
    }

    /// Reads a header: its whole written form first (`Ф.И.О.`, with its bracketed notes, then
    /// without them), then its words against every
    /// phrase of the vocabulary. The best phrase explains the most of the header's meaningful
    /// words, then has the most words, then the closest likeness.
    pub fn read(&self, header: &str) -> Option<HeaderMatch> {
        let words = words::split(header);
        let meaningful: Vec<usize> = (0..words.len())
            .filter(|&i| !words[i].note && !self.stopwords.contains(&words[i].text))
            .filter(|&i| words.len() == 1 || !words[i].text.chars().all(|c| c.is_ascii_digit()))
            .collect();
        if meaningful.is_empty() {
            return None;
        }
        let whole = [true, false]
            .iter()
            .find_map(|&notes| self.compact.get(&words::compact(header, notes)));
        if let Some(&i) = whole {
            return Some(self.whole(i, meaningful));
        }
        let mut best: Vec<Candidate> = Vec::new();
        for (index, entry) in self.entries.iter().enumerate() {
            let Some(c) = candidate(index, entry, &words, &meaningful) else {
                continue;
            };
            match best
                .iter_mut()
                .find(|b| self.entries[b.index].field == entry.field)
            {
                Some(b) if c.rank() > b.rank() => *b = c,
                Some(_) => {}
                None => best.push(c),
            }
        }
        best.sort_by(|a, b| {
            b.rank()
                .partial_cmp(&a.rank())
                .unwrap_or(std::cmp::Ordering::Equal)
        });
        if let Some(whole) = self.name_parts_together(&best, meaningful.len()) {
            return Some(whole);
        }
        if let Some(dated) = self.event_with_date_words(&best, &words, &meaningful) {
            return Some(dated);
        }
        let winner = best.first()?;
        Some(self.verdict(winner, best.get(1)))
    }

    /// A header that names two parts of a name or more (`Тегі, аты-жөні`, `Familiyasi, ismi,
    /// sharifi`) heads a column of whole names.
    fn name_parts_together(&self, best: &[Candidate], meaningful: usize) -> Option<HeaderMatch> {
        let parts: Vec<&Candidate> = best
            .iter()
            .filter(|c| is_name_part(self.entries[c.index].field))
            .collect();
        if parts.len() < 2 {
            return None;
        }
        let mut matched: Vec<usize> = parts.iter().flat_map(|c| c.matched.clone()).collect();
        matched.sort_unstable();
        matched.dedup();
        let coverage = matched.len() as f32 / meaningful as f32;
        if best.first().is_some_and(|w| w.coverage >= coverage) {
            return None;
        }
        let phrases: Vec<&str> = parts
            .iter()
            .map(|c| self.entries[c.index].phrase.as_str())
            .collect();
        Some(HeaderMatch {
            field: Field::FullName,
            phrase: phrases.join(" + "),
            lang: self.entries[parts[0].index].lang,
            coverage,
            likeness: parts.iter().map(|c| c.likeness).sum::<f32>() / parts.len() as f32,
            confidence: if coverage >= 1.0 {
                Confidence::High
            } else {
                Confidence::Low
            },
            rival: None,
            matched,
        })
    }

    /// A header that names an event and, beside it, only date words (`Оқланган санаси`,
    /// `Приговор, дата`) heads the column of that event's date.
    fn event_with_date_words(
        &self,
        best: &[Candidate],
        words: &[Word],
        meaningful: &[usize],
    ) -> Option<HeaderMatch> {
        let winner = best.first()?;
        let entry = &self.entries[winner.index];
        let field = entry.field.date_of_event()?;
        let rest: Vec<usize> = meaningful
            .iter()
            .copied()
            .filter(|i| !winner.matched.contains(i))
            .collect();
        let is_date_word = |i: &usize| {
            let word = &words[*i];
            self.date_words
                .iter()
                .any(|d| words::likeness(word, d) >= SURE_WORD)
        };
        if rest.is_empty() || !rest.iter().all(is_date_word) {
            return None;
        }
        Some(HeaderMatch {
            field,
            phrase: format!("{} + a date word", entry.phrase),
            lang: entry.lang,
            coverage: 1.0,
            likeness: winner.likeness,
            confidence: Confidence::High,
            rival: None,
            matched: meaningful.to_vec(),
        })
    }

    /// The words that phrases of two date fields or more share, sorted.
    fn words_of_several_date_fields(&self) -> Vec<String> {
        let mut fields_of: HashMap<&str, Vec<Field>> = HashMap::new();
        for entry in self.entries.iter().filter(|e| e.field.is_date()) {
            for word in &entry.words {
                let fields = fields_of.entry(word.text.as_str()).or_default();
                if !fields.contains(&entry.field) {
                    fields.push(entry.field);
                }
            }
        }
        let mut shared: Vec<String> = fields_of
            .into_iter()
            .filter(|(_, fields)| fields.len() >= 2)
            .map(|(word, _)| word.to_string())
            .collect();
        shared.sort();
        shared
    }

    fn whole(&self, index: usize, meaningful: Vec<usize>) -> HeaderMatch {
        let entry = &self.entries[index];
        HeaderMatch {
            field: entry.field,
            phrase: entry.phrase.clone(),
            lang: entry.lang,
            coverage: 1.0,
            likeness: 1.0,
            confidence: Confidence::High,
            rival: None,
            matched: meaningful,
        }
    }

    fn verdict(&self, winner: &Candidate, runner_up: Option<&Candidate>) -> HeaderMatch {
        let entry = &self.entries[winner.index];
        let close = runner_up.filter(|r| r.close_to(winner));
        let clear_margin = runner_up.is_none_or(|r| r.coverage * 2.0 <= winner.coverage);
        let confidence = if close.is_some() {
            Confidence::Unknown
        } else if winner.coverage >= 1.0
            || (winner.coverage >= 0.5 && entry.words.len() >= 2 && clear_margin)
        {
            Confidence::High
        } else if winner.coverage >= 0.5 || entry.words.len() >= 2 {
            Confidence::Low
        } else {
            Confidence::Unknown
        };
        HeaderMatch {
            field: entry.field,
            phrase: entry.phrase.clone(),
            lang: entry.lang,
            coverage: winner.coverage,
            likeness: winner.likeness,
            confidence,
            rival: close.map(|r| self.entries[r.index].field),
            matched: winner.matched.clone(),
        }
    }

    /// Pairs of phrases of different fields that read as each other: the same words claimed
    /// by two fields. Empty for a sound vocabulary.
    pub fn collisions(&self) -> Vec<(String, Field, String, Field)> {
        let mut found = Vec::new();
        for (i, a) in self.entries.iter().enumerate() {
            for b in &self.entries[i + 1..] {
                if a.field != b.field && a.words.len() == b.words.len() && same_words(a, b) {
                    found.push((a.phrase.clone(), a.field, b.phrase.clone(), b.field));
                }
            }
        }
        found
    }

    /// Whether a word carries no meaning of a field (`of`, `и`, `до` ...).
    pub fn is_stopword(&self, word: &str) -> bool {
        self.stopwords.contains(word)
    }
}

/// Whether a field is one part of a name, or the whole.
/// The likeness from which a word alone stands for a word of the vocabulary.
const SURE_WORD: f32 = 0.7;

fn is_name_part(field: Field) -> bool {
    matches!(
        field,
        Field::FullName | Field::Surname | Field::Given | Field::Patronymic
    )
}

/// Whether every word of one phrase stands for a word of the other, both ways.
fn same_words(a: &Entry, b: &Entry) -> bool {
    let covers = |x: &Entry, y: &Entry| {
        x.words
            .iter()
            .all(|w| y.words.iter().any(|v| words::likeness(w, &v.text) > 0.0))
    };
    covers(a, b) && covers(b, a)
}

/// One phrase matched against a header.
struct Candidate {
    index: usize,
    coverage: f32,
    likeness: f32,
    length: usize,
    matched: Vec<usize>,
}

impl Candidate {
    fn rank(&self) -> (f32, usize, f32) {
        (self.coverage, self.length, self.likeness)
    }

    /// A rival as good as the winner: the same coverage and length, a likeness within 0.05.
    fn close_to(&self, winner: &Candidate) -> bool {
        self.coverage >= winner.coverage
            && self.length == winner.length
            && self.likeness + 0.05 >= winner.likeness
    }
}

/// Matches every word of a phrase to a distinct word of the header, each to its likeliest. A
/// one-letter abbreviation (`г.`) stands for a word only beside the other words of its phrase.
fn candidate(
    index: usize,
    entry: &Entry,
    words: &[Word],
    meaningful: &[usize],
) -> Option<Candidate> {
    let mut used: Vec<usize> = Vec::with_capacity(entry.words.len());
    let mut total = 0.0;
    for want in &entry.words {
        let best = meaningful
            .iter()
            .filter(|i| !used.contains(i))
            .map(|&i| (i, words::likeness(&words[i], &want.text)))
            .filter(|(_, l)| *l > 0.0)
            .fold(None, |acc: Option<(usize, f32)>, x| match acc {
                Some(a) if a.1 >= x.1 => Some(a),
                _ => Some(x),
            })?;
        used.push(best.0);
        total += best.1;
    }
    if entry.words.len() == 1 && total < SURE_WORD {
        return None;
    }
    if !initials_in_order(words, &used) {
        return None;
    }
    used.sort_unstable();
    Some(Candidate {
        index,
        coverage: used.len() as f32 / meaningful.len() as f32,
        likeness: total / entry.words.len() as f32,
        length: entry.words.len(),
        matched: used,
    })
}

/// Whether the header words matched (in the order of the phrase's words) keep the phrase's
/// order when every one of them is a single character: initials are written in order, so `Р/с`
/// is `Реттік саны`, not `Сведения о реабилитации` read backwards. Signs (`№`) may stand
/// anywhere (`П/п №`).
fn initials_in_order(words: &[Word], used: &[usize]) -> bool {
    let single = |i: &usize| words[*i].text.chars().count() == 1;
    if !used.iter().all(single) {
        return true;
    }
    let letters: Vec<usize> = used
        .iter()
        .copied()
        .filter(|&i| words[i].text.chars().all(char::is_alphabetic))
        .collect();
    letters.windows(2).all(|w| w[0] < w[1])
}

/// The rule for one line of `headers.csv` (`field,header,lang`): a known field, a header with
/// a word in it, and a known language code or none.
pub fn check_line(rec: &csv::StringRecord) -> Result<(), String> {
    let field = rec.get(0).unwrap_or("");
    Field::parse(field).ok_or_else(|| format!("field {field:?} is no field rehab knows"))?;
    if header_key(rec.get(1).unwrap_or("")).is_empty() {
        return Err("column \"header\" has no word in it".into());
    }
    check_lang(rec.get(2).unwrap_or(""))
}

/// The rule for one line of `header_stopwords.csv` (`word,lang`): one word, as [`words::split`]
/// reads it, and a known language code or none.
pub fn check_stopword_line(rec: &csv::StringRecord) -> Result<(), String> {
    let word = rec.get(0).unwrap_or("").trim();
    match words::split(word).as_slice() {
        [w] if w.text == word.to_lowercase() => {}
        _ => return Err(format!("{word:?} is not one word of letters")),
    }
    check_lang(rec.get(1).unwrap_or(""))
}

fn check_lang(lang: &str) -> Result<(), String> {
    match lang.trim() {
        "" => Ok(()),
        lang => Lang::parse(lang)
            .map(|_| ())
            .ok_or_else(|| format!("language {lang:?} is no language code rehab knows")),
    }
}

/// The normalised form of a header: its words joined, notes included, marks removed
/// (`Ф.И.О.` → `фио`).
pub fn header_key(header: &str) -> String {
    words::compact(header, true)
}

#[cfg(test)]
mod tests;
