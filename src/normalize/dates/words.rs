//! The date vocabulary: month names (`schemas/months.csv`), season names
//! (`schemas/seasons.csv`) and date words such as `около`, `ст. ст.`, `жылы` or `нач.`
//! (`schemas/date_words.csv`), loaded once, by [`vocabulary`] alone.
//!
//! A month or season name may carry a case ending listed in `date_words.csv` with the role
//! `suffix` (Kazakh `тамызда`, Uzbek `kuzida`, Tajik izofa `марти`): a word that is no listed
//! form is tried without each ending, longest first, and read when what remains (two letters or
//! more) is a listed form. So an inflected form needs no row of its own. A filler takes the
//! endings too (`yilning`, `жылдың`), when the word is no month, season or Roman numeral.
//!
//! Forms are folded the way the tokeniser folds words (lower case, `ё` → `е`, dotless `ı` → `i`,
//! every apostrophe variant → `'`), and multi-word forms (`по старому стилю`, `баш оона`) are keyed with single
//! spaces between their words.

use super::error::DateError;
use crate::model::Lang;
use crate::normalize::text;
use crate::tables::{self, DataError, Loaded, Table};
use rustc_hash::FxHashMap as FastMap;

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
}

static VOCABULARY: Loaded<Vocabulary> = Loaded::new();

/// The vocabulary of `schemas/` in force, loaded on first use (see [`Loaded::get`]).
pub fn vocabulary() -> &'static Vocabulary {
    VOCABULARY.get(load)
}

/// Loads the month, season and date word tables in force, or says which line keeps them from
/// loading.
pub fn check_loaded() -> Result<(), DataError> {
    VOCABULARY.try_get(load).map(|_| ()).map_err(Clone::clone)
}

fn load() -> Result<Vocabulary, DataError> {
    Vocabulary::load(
        tables::text(Table::Months),
        tables::text(Table::DateWords),
        tables::text(Table::Seasons),
    )
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
    /// Builds a vocabulary from the text of a months file, a date-words file and a seasons file;
    /// a line a table's rule refuses, or a word given two roles, is the error.
    pub fn load(
        months_csv: &str,
        words_csv: &str,
        seasons_csv: &str,
    ) -> Result<Vocabulary, DataError> {
        let mut v = Vocabulary::default();
        for (form, lang, month) in tables::read_all(Table::Months, months_csv, read_month)? {
            v.add_month(&form, lang, month);
        }
        for (form, lang, code) in tables::read_all(Table::Seasons, seasons_csv, read_season)? {
            let key = fold(&form);
            v.max_words = v.max_words.max(key.split(' ').count());
            add_entry(&mut v.seasons, key, lang, code);
        }
        for line in tables::lines_of(Table::DateWords, words_csv)? {
            let (form, role) = read_word(&line.record).map_err(|m| line.refuse(m))?;
            v.add_word(&form, role).map_err(|m| line.refuse(m))?;
        }
        v.suffixes
            .sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
        v.suffixes.dedup();
        Ok(v)
    }

    fn add_month(&mut self, form: &str, lang: Lang, month: u8) {
        let key = fold(form);
        self.max_words = self.max_words.max(key.split(' ').count());
        add_entry(&mut self.months, key, lang, month);
    }

    fn add_word(&mut self, form: &str, role: Role) -> Result<(), String> {
        let key = fold(form);
        if role == Role::Suffix {
            self.suffixes.push(key);
            return Ok(());
        }
        self.max_words = self.max_words.max(key.split(' ').count());
        match self.roles.get(&key) {
            Some(old) if *old != role => Err(format!("{form:?} has two roles")),
            _ => {
                self.roles.insert(key, role);
                Ok(())
            }
        }
    }

    /// The role of a folded word or phrase.
    pub fn role(&self, key: &str) -> Option<Role> {
        self.roles.get(key).copied()
    }

    /// Whether a folded word is a filler with a case ending (Uzbek `yilning`, Kazakh `жылдың`,
    /// Kyrgyz `жылдын`: "of the year"): a word that carries nothing carries nothing inflected.
    pub fn is_inflected_filler(&self, key: &str) -> bool {
        self.suffixes.iter().any(|suffix| {
            key.strip_suffix(suffix.as_str()).is_some_and(|stem| {
                stem.chars().count() >= MIN_STEM && self.role(stem) == Some(Role::Filler)
            })
        })
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

/// One line of `seasons.csv` (`form,lang,season,kind`): the form, its language and its EDTF
/// season number (`spring` 21 ... `winter` 24).
fn read_season(rec: &csv::StringRecord) -> Result<(String, Lang, u8), String> {
    let form = form_of(rec)?;
    let lang = lang_of(rec)?;
    let code = match rec.get(2).unwrap_or("").trim() {
        "spring" => 21,
        "summer" => 22,
        "autumn" => 23,
        "winter" => 24,
        other => {
            return Err(format!(
                "season {other:?} is not spring, summer, autumn or winter"
            ));
        }
    };
    Ok((form, lang, code))
}

/// One line of `months.csv` (`form,lang,month,kind`): the form, its language and its month.
fn read_month(rec: &csv::StringRecord) -> Result<(String, Lang, u8), String> {
    let form = form_of(rec)?;
    let lang = lang_of(rec)?;
    let month = rec.get(2).unwrap_or("").trim();
    match month.parse::<u8>() {
        Ok(m) if (1..=12).contains(&m) => Ok((form, lang, m)),
        _ => Err(format!("month {month:?} is not a number from 1 to 12")),
    }
}

/// One line of `date_words.csv` (`phrase,lang,role`): the phrase and its role.
fn read_word(rec: &csv::StringRecord) -> Result<(String, Role), String> {
    let form = form_of(rec)?;
    let role = rec.get(2).unwrap_or("").trim();
    let role = Role::parse(role).ok_or_else(|| format!("role {role:?} is no date word role"))?;
    Ok((form, role))
}

fn form_of(rec: &csv::StringRecord) -> Result<String, String> {
    let form = rec.get(0).unwrap_or("");
    match form.trim().is_empty() {
        true => Err("the first column is empty".into()),
        false => Ok(form.to_string()),
    }
}

fn lang_of(rec: &csv::StringRecord) -> Result<Lang, String> {
    let lang = rec.get(1).unwrap_or("");
    Lang::parse(lang).ok_or_else(|| format!("lang {lang:?} is no language code rehab knows"))
}

/// The rule for one line of `months.csv`.
pub fn check_month_line(rec: &csv::StringRecord) -> Result<(), String> {
    read_month(rec).map(|_| ())
}

/// The rule for one line of `seasons.csv`.
pub fn check_season_line(rec: &csv::StringRecord) -> Result<(), String> {
    read_season(rec).map(|_| ())
}

/// The rule for one line of `date_words.csv`.
pub fn check_word_line(rec: &csv::StringRecord) -> Result<(), String> {
    read_word(rec).map(|_| ())
}
