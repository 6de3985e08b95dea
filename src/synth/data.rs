//! The tables behind the generator (`schemas/synth/*.csv`), parsed once.

use std::collections::HashMap;
use std::sync::OnceLock;

use serde::Deserialize;

use super::SynthError;

/// A name with its Russian archival form and its native-orthography form.
#[derive(Debug, Clone)]
pub struct NameForms {
    /// Russian archival form (only Russian letters).
    pub ru: String,
    /// The form in the culture's own Cyrillic orthography.
    pub native: String,
    /// Irregular Russian patronymic (masculine, feminine), if any.
    pub patronymic: Option<(String, String)>,
}

/// A name with the years it was in use (from, to); open ends as `None`.
pub type DatedName = (String, Option<i32>, Option<i32>);

/// A birth place with its dated Russian names and its forms in other languages.
#[derive(Debug, Clone)]
pub struct PlaceForms {
    /// Russian official names with the years they were used (from, to), open ends as `None`.
    pub ru_names: Vec<DatedName>,
    /// Kazakh form.
    pub kk: String,
    /// Uzbek Latin form.
    pub uz: String,
    /// English form.
    pub en: String,
}

/// Items with weights, drawn by inverse cumulative weight.
#[derive(Debug, Clone)]
pub struct Pool<T> {
    items: Vec<T>,
    cumulative: Vec<u64>,
}

impl<T> Pool<T> {
    fn new() -> Self {
        Pool {
            items: Vec::new(),
            cumulative: Vec::new(),
        }
    }

    fn push(&mut self, item: T, weight: u64) {
        let total = self.total() + weight.max(1);
        self.items.push(item);
        self.cumulative.push(total);
    }

    /// Sum of all weights.
    pub fn total(&self) -> u64 {
        self.cumulative.last().copied().unwrap_or(0)
    }

    /// Index of the item that owns the point `ticket` in `0..total()`.
    pub fn index_at(&self, ticket: u64) -> usize {
        let index = self.cumulative.partition_point(|&c| c <= ticket);
        index.min(self.items.len().saturating_sub(1))
    }

    /// The item at `index`, if any.
    pub fn get(&self, index: usize) -> Option<&T> {
        self.items.get(index)
    }

    /// The items, in table order.
    pub fn iter(&self) -> impl Iterator<Item = &T> {
        self.items.iter()
    }

    /// Number of items.
    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// True when the pool holds nothing.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }
}

/// Everything known about one culture.
#[derive(Debug, Clone)]
pub struct Culture {
    /// Culture key (`kazakh`, `uzbek`, ...).
    pub key: String,
    /// Nationality word: Russian, Kazakh, Uzbek Latin, English.
    pub nationality: [String; 4],
    /// Male given names.
    pub male: Pool<NameForms>,
    /// Female given names.
    pub female: Pool<NameForms>,
    /// Surnames (masculine forms).
    pub surnames: Pool<NameForms>,
    /// Birth places.
    pub places: Pool<PlaceForms>,
}

/// Month names of one month.
#[derive(Debug, Clone, Deserialize)]
pub struct MonthNames {
    /// Month number 1..=12.
    pub month: u32,
    /// Russian genitive (`декабря`).
    pub ru: String,
    /// Kazakh (`желтоқсан`).
    pub kk: String,
    /// Uzbek Latin (`dekabr`).
    pub uz: String,
    /// English (`December`).
    pub en: String,
    /// Roman numeral (`XII`).
    pub roman: String,
}

/// All tables.
#[derive(Debug)]
pub struct Tables {
    /// Cultures with their weights.
    pub cultures: Pool<Culture>,
    /// Months, index 0 = January.
    pub months: Vec<MonthNames>,
    /// Romanisation: key (letter, `е+`, `$ов`) → forms in [bgn, french, german, turkish, iso9].
    pub romanize: HashMap<String, [String; 5]>,
    /// Uzbek Latin letters by Cyrillic key.
    pub uz_latin: HashMap<String, String>,
    /// Letters a clerk may write instead of a given letter.
    pub confusions: HashMap<char, Vec<char>>,
    /// Addresses, occupations and places of work.
    pub particulars: super::particulars::tables::ParticularTables,
    /// Sentences: Russian wording, English gloss.
    pub sentences: Pool<(String, String)>,
    /// Criminal code articles.
    pub articles: Pool<String>,
    /// Native patronymic words by style (`kazakh`, `kyrgyz`, `uzbek`): (son of, daughter of).
    pub patronymic_words: HashMap<String, (String, String)>,
}

impl Tables {
    /// The word after the father's name in a native patronymic of `style`, or `""` if unknown.
    pub fn patronymic_word(&self, style: &str, female: bool) -> &str {
        self.patronymic_words
            .get(style)
            .map_or("", |(son, daughter)| if female { daughter } else { son })
    }
}

#[derive(Deserialize)]
struct SentenceRow {
    ru: String,
    en: String,
    weight: u64,
}

#[derive(Deserialize)]
struct ArticleRow {
    article: String,
    weight: u64,
}

#[derive(Deserialize)]
struct CultureRow {
    culture: String,
    weight: u64,
    ru: String,
    kk: String,
    uz: String,
    en: String,
}

#[derive(Deserialize)]
struct NameRow {
    culture: String,
    kind: String,
    ru: String,
    native: String,
    weight: u64,
    patronymic: String,
}

#[derive(Deserialize)]
struct PlaceRow {
    culture: String,
    weight: u64,
    ru_names: String,
    kk: String,
    uz: String,
    en: String,
}

/// The rows of the table `file` (its text `text`), or an error naming the file.
pub(crate) fn rows<T: for<'de> Deserialize<'de>>(
    file: &str,
    text: &str,
) -> Result<Vec<T>, SynthError> {
    csv::Reader::from_reader(text.as_bytes())
        .deserialize()
        .collect::<Result<Vec<T>, _>>()
        .map_err(|e| SynthError::Data(format!("{file}: {e}")))
}

fn raw_rows(file: &str, text: &str) -> Result<Vec<Vec<String>>, SynthError> {
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    reader
        .records()
        .map(|r| r.map(|rec| rec.iter().map(str::to_string).collect()))
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| SynthError::Data(format!("{file}: {e}")))
}

fn parse_year(text: &str) -> Result<Option<i32>, SynthError> {
    if text.is_empty() {
        return Ok(None);
    }
    text.parse()
        .map(Some)
        .map_err(|_| SynthError::Data(format!("places.csv: bad year {text:?}")))
}

fn parse_place_names(text: &str) -> Result<Vec<DatedName>, SynthError> {
    text.split('|')
        .map(|part| {
            let (name, span) = part.split_once('@').unwrap_or((part, "-"));
            let (from, to) = span.split_once('-').unwrap_or((span, ""));
            Ok((name.to_string(), parse_year(from)?, parse_year(to)?))
        })
        .collect()
}

fn load_cultures() -> Result<Pool<Culture>, SynthError> {
    let names: Vec<NameRow> = rows("names.csv", include_str!("../../schemas/synth/names.csv"))?;
    let places: Vec<PlaceRow> = rows("places.csv", include_str!("../../schemas/synth/places.csv"))?;
    let cultures: Vec<CultureRow> = rows(
        "cultures.csv",
        include_str!("../../schemas/synth/cultures.csv"),
    )?;
    let mut pool = Pool::new();
    for row in cultures {
        let mut culture = Culture {
            key: row.culture.clone(),
            nationality: [row.ru, row.kk, row.uz, row.en],
            male: Pool::new(),
            female: Pool::new(),
            surnames: Pool::new(),
            places: Pool::new(),
        };
        for name in names.iter().filter(|n| n.culture == row.culture) {
            let patronymic = name
                .patronymic
                .split_once('/')
                .map(|(m, f)| (m.to_string(), f.to_string()));
            let forms = NameForms {
                ru: name.ru.clone(),
                native: name.native.clone(),
                patronymic,
            };
            let target = match name.kind.as_str() {
                "m" => &mut culture.male,
                "f" => &mut culture.female,
                "s" => &mut culture.surnames,
                other => return Err(SynthError::Data(format!("names.csv: kind {other:?}"))),
            };
            target.push(forms, name.weight);
        }
        for place in places.iter().filter(|p| p.culture == row.culture) {
            let forms = PlaceForms {
                ru_names: parse_place_names(&place.ru_names)?,
                kk: place.kk.clone(),
                uz: place.uz.clone(),
                en: place.en.clone(),
            };
            culture.places.push(forms, place.weight);
        }
        if culture.male.is_empty() || culture.female.is_empty() || culture.surnames.is_empty() {
            return Err(SynthError::Data(format!(
                "names.csv: culture {} incomplete",
                row.culture
            )));
        }
        if culture.places.is_empty() {
            return Err(SynthError::Data(format!(
                "places.csv: no places for {}",
                row.culture
            )));
        }
        pool.push(culture, row.weight);
    }
    Ok(pool)
}

fn load_romanize() -> Result<HashMap<String, [String; 5]>, SynthError> {
    let text = include_str!("../../schemas/synth/romanize.csv");
    let mut table = HashMap::new();
    for row in raw_rows("romanize.csv", text)? {
        if let [key, a, b, c, d, e] = row.as_slice() {
            table.insert(
                key.clone(),
                [a.clone(), b.clone(), c.clone(), d.clone(), e.clone()],
            );
        } else {
            return Err(SynthError::Data("romanize.csv: expected 6 columns".into()));
        }
    }
    Ok(table)
}

fn load_pairs(file: &str, text: &str) -> Result<Vec<(String, String)>, SynthError> {
    raw_rows(file, text)?
        .into_iter()
        .map(|row| match row.as_slice() {
            [a, b] => Ok((a.clone(), b.clone())),
            _ => Err(SynthError::Data(format!("{file}: expected 2 columns"))),
        })
        .collect()
}

fn load_confusions() -> Result<HashMap<char, Vec<char>>, SynthError> {
    let text = include_str!("../../schemas/synth/confusions.csv");
    let mut table: HashMap<char, Vec<char>> = HashMap::new();
    for (a, b) in load_pairs("confusions.csv", text)? {
        let (Some(a), Some(b)) = (a.chars().next(), b.chars().next()) else {
            return Err(SynthError::Data("confusions.csv: empty letter".into()));
        };
        table.entry(a).or_default().push(b);
        table.entry(b).or_default().push(a);
    }
    Ok(table)
}

fn load() -> Result<Tables, SynthError> {
    let months: Vec<MonthNames> =
        rows("months.csv", include_str!("../../schemas/synth/months.csv"))?;
    if months.len() != 12
        || months
            .iter()
            .enumerate()
            .any(|(i, m)| m.month as usize != i + 1)
    {
        return Err(SynthError::Data(
            "months.csv: need months 1..12 in order".into(),
        ));
    }
    let uz_text = include_str!("../../schemas/synth/uz_latin.csv");
    let mut sentences = Pool::new();
    let sentence_rows: Vec<SentenceRow> = rows(
        "sentences.csv",
        include_str!("../../schemas/synth/sentences.csv"),
    )?;
    for row in sentence_rows {
        sentences.push((row.ru, row.en), row.weight);
    }
    let mut articles = Pool::new();
    let article_rows: Vec<ArticleRow> = rows(
        "articles.csv",
        include_str!("../../schemas/synth/articles.csv"),
    )?;
    for row in article_rows {
        articles.push(row.article, row.weight);
    }
    if sentences.is_empty() || articles.is_empty() {
        return Err(SynthError::Data("sentences.csv/articles.csv: empty".into()));
    }
    let patronymic_words = raw_rows(
        "patronymics.csv",
        include_str!("../../schemas/synth/patronymics.csv"),
    )?
    .into_iter()
    .map(|row| match row.as_slice() {
        [style, son, daughter] => Ok((style.clone(), (son.clone(), daughter.clone()))),
        _ => Err(SynthError::Data(
            "patronymics.csv: expected 3 columns".into(),
        )),
    })
    .collect::<Result<HashMap<_, _>, _>>()?;
    Ok(Tables {
        patronymic_words,
        sentences,
        articles,
        cultures: load_cultures()?,
        months,
        romanize: load_romanize()?,
        uz_latin: load_pairs("uz_latin.csv", uz_text)?.into_iter().collect(),
        confusions: load_confusions()?,
        particulars: super::particulars::tables::load()?,
    })
}

/// The parsed tables (parsed on first use).
pub fn tables() -> Result<&'static Tables, SynthError> {
    static TABLES: OnceLock<Result<Tables, SynthError>> = OnceLock::new();
    TABLES
        .get_or_init(load)
        .as_ref()
        .map_err(|e| SynthError::Data(e.to_string()))
}
