//! The vocabularies of addresses, occupations and places of work (`schemas/synth/`
//! `occupations.csv`, `workplaces.csv`, `republics.csv`, `streets.csv`, `villages.csv`,
//! `address_words.csv`), parsed once.

use std::collections::HashMap;

use serde::Deserialize;

use crate::synth::SynthError;
use crate::synth::data::rows;

/// Where a person lived and worked: in a town or in the countryside.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Setting {
    /// A village, aul or kishlak.
    Rural,
    /// A town.
    Urban,
}

/// One occupation with its written forms.
#[derive(Debug, Clone, Deserialize)]
pub struct Occupation {
    /// What the occupation is (one key may stand in both settings).
    pub key: String,
    /// Relative weight among the occupations of its setting.
    pub weight: u64,
    /// The setting the occupation is drawn for.
    pub setting: Setting,
    /// The kinds of place of work (`|`-separated keys of `workplaces.csv`), empty for none.
    pub workplaces: String,
    /// Russian, masculine.
    pub ru: String,
    /// Russian, feminine.
    pub ru_f: String,
    /// The Russian abbreviation clerks wrote, empty for none.
    pub ru_short: String,
    /// Kazakh.
    pub kk: String,
    /// Uzbek Latin.
    pub uz: String,
    /// English.
    pub en: String,
}

impl Occupation {
    /// The kinds of place of work the occupation has.
    pub fn workplace_kinds(&self) -> impl Iterator<Item = &str> {
        self.workplaces.split('|').filter(|k| !k.is_empty())
    }
}

/// One way of naming a place of work of a kind, full and abbreviated; `{e}` stands for an
/// eponym (genitive), `{n}` for a number, `{r}` for the republic, `{t}` for the town.
#[derive(Debug, Clone, Deserialize)]
pub struct Workplace {
    /// The kind (`kolkhoz`, `commissariat`, `school`, `factory`, `depot`, `hospital`).
    pub kind: String,
    /// The name in full.
    pub ru: String,
    /// The name as clerks shortened it.
    pub ru_short: String,
}

/// A republic's name in the genitive, full and abbreviated (`Казахской ССР`, `КазССР`).
#[derive(Debug, Clone, Deserialize)]
pub struct Republic {
    /// The culture whose persons live there.
    pub culture: String,
    /// Full genitive.
    pub ru: String,
    /// Abbreviation.
    pub ru_short: String,
}

/// What a street name is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum StreetKind {
    /// A name after a person (`Кирова`): a street, and the eponym of kolkhozes and factories.
    Named,
    /// A street with a plain name (`Советская`).
    Street,
    /// A quarter of an old town (`махалля Бешагач`).
    Quarter,
}

/// A street, quarter or eponym.
#[derive(Debug, Clone, Deserialize)]
pub struct Street {
    /// What it is.
    pub kind: StreetKind,
    /// The culture whose towns have it, empty for all.
    pub culture: String,
    /// Russian (the genitive of an eponym).
    pub ru: String,
    /// Kazakh.
    pub kk: String,
    /// English.
    pub en: String,
    /// The first year the name was given, empty for always.
    pub from: Option<i32>,
}

impl Street {
    /// Whether a person of `culture` could live or work by this name in `year`.
    pub fn fits(&self, culture: &str, year: i32) -> bool {
        (self.culture.is_empty() || self.culture == culture) && self.from.is_none_or(|f| f <= year)
    }
}

/// A village, aul or kishlak of a culture's region.
#[derive(Debug, Clone, Deserialize)]
pub struct Village {
    /// The culture whose persons live there.
    pub culture: String,
    /// The word for it (a key of `address_words.csv`: `aul`, `kishlak`, `village`).
    pub kind: String,
    /// Russian.
    pub ru: String,
    /// Kazakh.
    pub kk: String,
    /// English.
    pub en: String,
}

/// A word of addresses in full and abbreviated (`улица`, `ул.`; `көшесі`, `көш.`).
#[derive(Debug, Clone, Deserialize)]
pub struct AddressWord {
    /// The key the code names it by.
    pub word: String,
    /// Russian, full.
    pub ru: String,
    /// Russian, abbreviated.
    pub ru_short: String,
    /// Kazakh, full.
    pub kk: String,
    /// Kazakh, abbreviated.
    pub kk_short: String,
    /// English (empty where English writes no word).
    pub en: String,
}

/// All vocabularies of particulars.
#[derive(Debug, Clone)]
pub struct ParticularTables {
    /// Occupations.
    pub occupations: Vec<Occupation>,
    /// Names of places of work.
    pub workplaces: Vec<Workplace>,
    /// Republics by culture.
    pub republics: Vec<Republic>,
    /// Streets, quarters and eponyms.
    pub streets: Vec<Street>,
    /// Villages.
    pub villages: Vec<Village>,
    /// Address words by key.
    pub words: HashMap<String, AddressWord>,
}

impl ParticularTables {
    /// The address word `key`; the loader made sure every word the code names is there.
    pub fn word(&self, key: &str) -> &AddressWord {
        &self.words[key]
    }

    /// The republic of `culture`, if the table has it.
    pub fn republic(&self, culture: &str) -> Option<&Republic> {
        self.republics.iter().find(|r| r.culture == culture)
    }
}

/// The address words the writers name.
pub const WORDS: [&str; 9] = [
    "town", "street", "quarter", "house", "aul", "kishlak", "village", "kolkhoz", "named",
];

fn missing(file: &str, what: &str) -> SynthError {
    SynthError::Data(format!("{file}: no {what}"))
}

fn check(tables: &ParticularTables) -> Result<(), SynthError> {
    for word in WORDS {
        tables
            .words
            .get(word)
            .ok_or_else(|| missing("address_words.csv", word))?;
    }
    for occupation in &tables.occupations {
        for kind in occupation.workplace_kinds() {
            if !tables.workplaces.iter().any(|w| w.kind == kind) {
                return Err(missing("workplaces.csv", kind));
            }
        }
    }
    for village in &tables.villages {
        if !tables.words.contains_key(&village.kind) {
            return Err(missing("address_words.csv", &village.kind));
        }
    }
    Ok(())
}

/// Reads the vocabularies and checks that every word and kind they name is there.
pub fn load() -> Result<ParticularTables, SynthError> {
    let words: Vec<AddressWord> = rows(
        "address_words.csv",
        include_str!("../../../schemas/synth/address_words.csv"),
    )?;
    let tables = ParticularTables {
        occupations: rows(
            "occupations.csv",
            include_str!("../../../schemas/synth/occupations.csv"),
        )?,
        workplaces: rows(
            "workplaces.csv",
            include_str!("../../../schemas/synth/workplaces.csv"),
        )?,
        republics: rows(
            "republics.csv",
            include_str!("../../../schemas/synth/republics.csv"),
        )?,
        streets: rows(
            "streets.csv",
            include_str!("../../../schemas/synth/streets.csv"),
        )?,
        villages: rows(
            "villages.csv",
            include_str!("../../../schemas/synth/villages.csv"),
        )?,
        words: words.into_iter().map(|w| (w.word.clone(), w)).collect(),
    };
    check(&tables)?;
    Ok(tables)
}
