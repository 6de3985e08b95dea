//! The words of bodies' names folded to stems: case-folded, apostrophes dropped, abbreviations
//! expanded, stopwords dropped, endings cut (`schemas/body_words.csv`).

use crate::normalize::text;
use crate::tables::{self, DataError, Table};
use std::collections::{BTreeSet, HashMap, HashSet};

/// Letters that must stay when an ending is cut.
const MIN_STEM: usize = 3;

/// How deep abbreviations expand into abbreviations.
const MAX_EXPANSION: usize = 3;

/// The words of `body_words.csv`.
#[derive(Debug, Default)]
pub struct Words {
    abbreviations: HashMap<String, Vec<String>>,
    /// The abbreviations by their stems, for one written with a case ending (`Генпрокуратурой`).
    abbreviation_stems: HashMap<String, Vec<String>>,
    stopwords: HashSet<String>,
    /// Cyrillic endings, longest first.
    cyrillic: Vec<String>,
    /// Latin endings, longest first.
    latin: Vec<String>,
    /// Outcome words (folded) and their keys, in table order.
    outcomes: Vec<(String, &'static str)>,
}

/// The outcomes a decision may name.
const OUTCOMES: [&str; 3] = ["rehabilitated", "recognised_victim", "refused"];

/// What one line of `body_words.csv` says.
enum Entry {
    Abbreviation(String, Vec<String>),
    Stopword(String),
    Ending(String, bool),
    Outcome(String, &'static str),
}

impl Words {
    /// Reads `body_words.csv` in force.
    pub fn load() -> Result<Words, DataError> {
        let text = tables::text(Table::BodyWords);
        let mut words = Words::default();
        for entry in tables::read_all(Table::BodyWords, text, read_line)? {
            match entry {
                Entry::Abbreviation(word, meaning) => {
                    words.abbreviations.insert(word, meaning);
                }
                Entry::Stopword(word) => {
                    words.stopwords.insert(word);
                }
                Entry::Ending(ending, true) => words.cyrillic.push(ending),
                Entry::Ending(ending, false) => words.latin.push(ending),
                Entry::Outcome(word, key) => words.outcomes.push((word, key)),
            }
        }
        for endings in [&mut words.cyrillic, &mut words.latin] {
            endings.sort_by_key(|e| std::cmp::Reverse(e.chars().count()));
        }
        let mut stems: Vec<(String, &String, Vec<String>)> = words
            .abbreviations
            .iter()
            .map(|(word, meaning)| (words.stem(word), word, meaning.clone()))
            .collect();
        stems.sort_unstable();
        let mut by_stem = HashMap::new();
        for (stem, _, meaning) in stems {
            by_stem.entry(stem).or_insert(meaning);
        }
        words.abbreviation_stems = by_stem;
        Ok(words)
    }

    /// The set of stems of a text, sorted.
    pub fn stems(&self, text: &str) -> BTreeSet<String> {
        let mut out = BTreeSet::new();
        for word in split(text) {
            self.expand(&word, 0, &mut out);
        }
        out
    }

    fn expand(&self, word: &str, depth: usize, out: &mut BTreeSet<String>) {
        let stem = self.stem(word);
        let meaning = self
            .abbreviations
            .get(word)
            .or_else(|| self.abbreviation_stems.get(&stem));
        if depth < MAX_EXPANSION
            && let Some(meaning) = meaning
        {
            for part in meaning {
                self.expand(part, depth + 1, out);
            }
            return;
        }
        if self.stopwords.contains(word) {
            return;
        }
        out.insert(stem);
    }

    /// A word without its endings, cut one after another while three letters stay.
    pub fn stem(&self, word: &str) -> String {
        let endings = if word.chars().any(is_cyrillic) {
            &self.cyrillic
        } else {
            &self.latin
        };
        let mut stem = word.to_string();
        if stem.chars().all(|c| c.is_ascii_digit()) {
            return stem;
        }
        while let Some(cut) = endings.iter().find_map(|e| {
            let rest = stem.strip_suffix(e.as_str())?;
            (rest.chars().count() >= MIN_STEM).then(|| rest.to_string())
        }) {
            stem = cut;
        }
        stem
    }

    /// The outcome a decision's text names: the first outcome word it holds.
    pub fn outcome(&self, text: &str) -> Option<&'static str> {
        let folded = split(text).collect::<Vec<_>>().join(" ");
        self.outcomes
            .iter()
            .find(|(word, _)| folded.contains(word.as_str()))
            .map(|(_, key)| *key)
    }
}

/// The stems of a text with the words in force (see [`Words::stems`]).
pub fn stems(text: &str) -> BTreeSet<String> {
    super::catalogue().words().stems(text)
}

fn is_cyrillic(c: char) -> bool {
    ('\u{400}'..='\u{4ff}').contains(&c)
}

/// The words of a text, folded (case, `ё`) and without apostrophes; any other character that
/// is no letter or digit separates words.
fn split(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !text::is_letter_or_digit(c) && !text::is_apostrophe(c))
        .map(|w| {
            text::fold_word(w)
                .chars()
                .filter(|&c| c != '\'')
                .collect::<String>()
        })
        .filter(|w| !w.is_empty())
}

/// One word folded as the text read is folded.
fn fold_one(text: &str) -> Result<String, String> {
    let words: Vec<String> = split(text).collect();
    match words.as_slice() {
        [word] => Ok(word.clone()),
        _ => Err(format!("{text:?} is not one word")),
    }
}

fn read_line(rec: &csv::StringRecord) -> Result<Entry, String> {
    let cell = |i: usize| rec.get(i).unwrap_or("").trim();
    let (word, kind, meaning) = (cell(0), cell(1), cell(2));
    match kind {
        "abbreviation" => {
            let parts: Vec<String> = split(meaning).collect();
            if parts.is_empty() {
                return Err(format!("abbreviation {word:?} has no meaning"));
            }
            Ok(Entry::Abbreviation(fold_one(word)?, parts))
        }
        "stopword" => Ok(Entry::Stopword(fold_one(word)?)),
        "ending" => match meaning {
            "cyrillic" | "latin" => Ok(Entry::Ending(fold_one(word)?, meaning == "cyrillic")),
            other => Err(format!(
                "the script of an ending is cyrillic or latin, not {other:?}"
            )),
        },
        "outcome" => {
            let key = OUTCOMES
                .into_iter()
                .find(|k| *k == meaning)
                .ok_or_else(|| format!("outcome {meaning:?} is not {}", OUTCOMES.join(", ")))?;
            let folded = split(word).collect::<Vec<_>>().join(" ");
            if folded.is_empty() {
                return Err("an outcome needs a word".into());
            }
            Ok(Entry::Outcome(folded, key))
        }
        other => Err(format!(
            "kind {other:?} is not abbreviation, stopword, ending or outcome"
        )),
    }
}

/// The rule for one line of `body_words.csv`.
pub fn check_line(rec: &csv::StringRecord) -> Result<(), String> {
    read_line(rec).map(|_| ())
}
