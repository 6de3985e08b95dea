//! The date vocabulary: month names (`schemas/months.csv`), season names
//! (`schemas/seasons.csv`) and date words such as `около`, `ст. ст.`, `жылы` or `нач.`
//! (`schemas/date_words.csv`), loaded once, by [`vocabulary`] alone.
//!
//! A month or season name may carry a case ending listed in `date_words.csv` with the role
//! `suffix` (Kazakh `тамызда`, Uzbek `kuzida`, Tajik izofa `марти`): a word that is no listed
//! form is tried without each ending, longest first, and read when what remains (two letters or
//! more) is a listed form. So an inflected form needs no row of its own.
//!
//! Forms are folded the way the tokeniser folds words (lower case, `ё` → `е`, dotless `ı` → `i`,
//! every apostrophe variant → `'`), and multi-word forms (`по старому стилю`, `баш оона`) are keyed with single
//! spaces between their words.

use super::error::DateError;
use crate::model::Lang;
use crate::normalize::text;
use rustc_hash::FxHashMap as FastMap;
use std::sync::OnceLock;

/// The shortest stem, in letters, left after a case ending is taken off (Uzbek `ёз|да`).
const MIN_STEM: usize = 2;

/// What a date word does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Role {
    /// Carries nothing (`г.`, `года`, `ж.`, `yil`, `the`).
    Filler,
    /// The date is approximate (`около`, `c.`, `шамамен`).
    Approximate,
    /// The date is uncertain (`вероятно`).
    Uncertain,
    /// Old Style: the Julian calendar (`ст. ст.`, `O.S.`).
    OldStyle,
    /// New Style: the Gregorian calendar (`н. ст.`, `N.S.`).
    NewStyle,
    /// The early part of a year or decade (`нач.`).
    Early,
    /// The middle part of a year or decade (`сер.`).
    Middle,
    /// The late part of a year or decade (`кон.`).
    Late,
    /// Marks a decade (`1930-е`, `1930s`, `1930-yillar`).
    Decade,
    /// Opens a range (`с 1937 по 1938`).
    RangeFrom,
    /// Closes a range (`по`, `to`).
    RangeTo,
    /// A case ending glued to a month name (`тамызда`, `avgustda`).
    Suffix,
}

impl Role {
    fn parse(name: &str) -> Option<Role> {
        Some(match name {
            "filler" => Role::Filler,
            "approximate" => Role::Approximate,
            "uncertain" => Role::Uncertain,
            "old_style" => Role::OldStyle,
            "new_style" => Role::NewStyle,
            "early" => Role::Early,
            "middle" => Role::Middle,
            "late" => Role::Late,
            "decade" => Role::Decade,
            "range_from" => Role::RangeFrom,
            "range_to" => Role::RangeTo,
            "suffix" => Role::Suffix,
            _ => return None,
        })
    }
}

/// The loaded vocabulary.
#[derive(Debug, Default)]
pub struct Vocabulary {
    months: FastMap<String, Vec<(Lang, u8)>>,
    /// Season names, by EDTF season number (21–24).
    seasons: FastMap<String, Vec<(Lang, u8)>>,
    roles: FastMap<String, Role>,
    /// Case endings, longest first.
    suffixes: Vec<String>,
    /// The most words any form has.
    pub max_words: usize,
    /// Rows of the data files that could not be read, as `file:line: problem`.
    pub problems: Vec<String>,
}

/// The vocabulary shipped in `schemas/`, loaded on first use.
pub fn vocabulary() -> &'static Vocabulary {
    static VOCABULARY: OnceLock<Vocabulary> = OnceLock::new();
    VOCABULARY.get_or_init(|| {
        use crate::tables::{Table, text};
        Vocabulary::load(
            text(Table::Months),
            text(Table::DateWords),
            text(Table::Seasons),
        )
    })
}

/// Folds a form the way the tokeniser folds words, with single spaces between words.
pub fn fold(form: &str) -> String {
    let mut out = String::with_capacity(form.len());
    for word in form.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        for c in word.chars() {
            match c {
                'ı' => out.push('i'),
                c => text::push_folded(c, &mut out),
            }
        }
    }
    out
}

impl Vocabulary {
    /// Builds a vocabulary from the text of a months file, a date-words file and a seasons file.
    pub fn load(months_csv: &str, words_csv: &str, seasons_csv: &str) -> Vocabulary {
        let mut v = Vocabulary::default();
        for (line, row) in rows(months_csv, "months.csv", &mut v.problems) {
            match month_row(&row) {
                Some((form, lang, month)) => v.add_month(form, lang, month),
                None => v
                    .problems
                    .push(format!("months.csv:{line}: bad row {row:?}")),
            }
        }
        for (line, row) in rows(seasons_csv, "seasons.csv", &mut v.problems) {
            match season_row(&row) {
                Some((form, lang, code)) => {
                    let key = fold(form);
                    v.max_words = v.max_words.max(key.split(' ').count());
                    add_entry(&mut v.seasons, key, lang, code);
                }
                None => v
                    .problems
                    .push(format!("seasons.csv:{line}: bad row {row:?}")),
            }
        }
        for (line, row) in rows(words_csv, "date_words.csv", &mut v.problems) {
            match (row.first(), row.get(2).and_then(|r| Role::parse(r))) {
                (Some(form), Some(role)) => v.add_word(form, role, line),
                _ => v
                    .problems
                    .push(format!("date_words.csv:{line}: bad row {row:?}")),
            }
        }
        v.suffixes
            .sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
        v.suffixes.dedup();
        v
    }

    fn add_month(&mut self, form: &str, lang: Lang, month: u8) {
        let key = fold(form);
        self.max_words = self.max_words.max(key.split(' ').count());
        add_entry(&mut self.months, key, lang, month);
    }

    fn add_word(&mut self, form: &str, role: Role, line: usize) {
        let key = fold(form);
        if role == Role::Suffix {
            self.suffixes.push(key);
            return;
        }
        self.max_words = self.max_words.max(key.split(' ').count());
        match self.roles.get(&key) {
            Some(old) if *old != role => self
                .problems
                .push(format!("date_words.csv:{line}: {form:?} has two roles")),
            _ => {
                self.roles.insert(key, role);
            }
        }
    }

    /// The role of a folded word or phrase.
    pub fn role(&self, key: &str) -> Option<Role> {
        self.roles.get(key).copied()
    }

    /// The month (1–12) a folded form names, trying case endings when the form is unknown.
    ///
    /// A form listed for several languages with different months is resolved by `lang`;
    /// without it, that is an [`DateError::AmbiguousMonth`].
    pub fn month(&self, key: &str, lang: Option<Lang>) -> Result<Option<u8>, DateError> {
        self.inflected(&self.months, key, lang)
            .map_err(DateError::AmbiguousMonth)
    }

    /// The EDTF season number (21–24) a folded form names, trying case endings as for months.
    ///
    /// A form naming different seasons in different languages (`жаз`: Kazakh summer, Kyrgyz
    /// spring) is resolved by `lang`; without it, that is an [`DateError::AmbiguousSeason`].
    pub fn season(&self, key: &str, lang: Option<Lang>) -> Result<Option<u8>, DateError> {
        self.inflected(&self.seasons, key, lang)
            .map_err(DateError::AmbiguousSeason)
    }

    /// The value a folded form has in `map`, as written or without a case ending; `Err` holds a
    /// form that has different values in different languages and no `lang` to choose.
    fn inflected(
        &self,
        map: &FastMap<String, Vec<(Lang, u8)>>,
        key: &str,
        lang: Option<Lang>,
    ) -> Result<Option<u8>, String> {
        if let Some(found) = exact(map, key, lang)? {
            return Ok(Some(found));
        }
        for suffix in &self.suffixes {
            let Some(stem) = key.strip_suffix(suffix.as_str()) else {
                continue;
            };
            if stem.chars().count() >= MIN_STEM
                && let Some(found) = exact(map, stem, lang)?
            {
                return Ok(Some(found));
            }
        }
        Ok(None)
    }

    /// Folded forms that name different months in different languages, sorted.
    #[cfg(test)]
    pub fn collisions(&self) -> Vec<String> {
        let mut out: Vec<String> = self
            .months
            .iter()
            .filter(|(_, e)| e.iter().any(|&(_, m)| Some(m) != e.first().map(|f| f.1)))
            .map(|(k, _)| k.clone())
            .collect();
        out.sort();
        out
    }
}

/// The value a form has in `map` as written; `Err` holds a form with different values in
/// different languages when `lang` does not choose one.
fn exact(
    map: &FastMap<String, Vec<(Lang, u8)>>,
    key: &str,
    lang: Option<Lang>,
) -> Result<Option<u8>, String> {
    let Some(entries) = map.get(key) else {
        return Ok(None);
    };
    let Some(&(_, first)) = entries.first() else {
        return Ok(None);
    };
    if entries.iter().all(|&(_, m)| m == first) {
        return Ok(Some(first));
    }
    let chosen = lang.and_then(|l| entries.iter().find(|(el, _)| *el == l));
    match chosen {
        Some(&(_, m)) => Ok(Some(m)),
        None => Err(key.to_string()),
    }
}

fn add_entry(map: &mut FastMap<String, Vec<(Lang, u8)>>, key: String, lang: Lang, value: u8) {
    let entry = map.entry(key).or_default();
    if !entry.contains(&(lang, value)) {
        entry.push((lang, value));
    }
}

/// A row of `seasons.csv`: `form,lang,season,kind`, the season as `spring`, `summer`, `autumn`
/// or `winter`, read as its EDTF number.
fn season_row(row: &[String]) -> Option<(&str, Lang, u8)> {
    let form = row.first()?;
    let lang = Lang::parse(row.get(1)?)?;
    let code = match row.get(2)?.trim() {
        "spring" => 21,
        "summer" => 22,
        "autumn" => 23,
        "winter" => 24,
        _ => return None,
    };
    (!form.trim().is_empty()).then_some((form.as_str(), lang, code))
}

fn month_row(row: &[String]) -> Option<(&str, Lang, u8)> {
    let form = row.first()?;
    let lang = Lang::parse(row.get(1)?)?;
    let month: u8 = row.get(2)?.trim().parse().ok()?;
    (!form.trim().is_empty() && (1..=12).contains(&month)).then_some((form.as_str(), lang, month))
}

/// The data rows of a CSV text with their 1-based line numbers; unreadable rows are reported.
fn rows(csv_text: &str, name: &str, problems: &mut Vec<String>) -> Vec<(usize, Vec<String>)> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .from_reader(csv_text.as_bytes());
    let mut out = Vec::new();
    for (i, record) in reader.records().enumerate() {
        match record {
            Ok(r) => out.push((i + 2, r.iter().map(str::to_string).collect())),
            Err(e) => problems.push(format!("{name}:{}: {e}", i + 2)),
        }
    }
    out
}
