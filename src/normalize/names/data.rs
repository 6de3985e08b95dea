//! Name knowledge loaded once from the data files under `schemas/`: given-name equivalence
//! classes, particles and titles, patronymic markers and surname suffixes.

use crate::model::Gender;
use crate::normalize::text;
use crate::normalize::translit::match_key;
use crate::tables::{self, DataError, Loaded, Table};
use std::collections::HashMap;

/// One given-name equivalence class.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameClass {
    /// The class id written in the data file (`ibrahim`).
    pub id: String,
    /// The first form of the class, used for display of the father's name.
    pub canonical: String,
    /// The match key of the first form: the key every member gets.
    pub key: String,
    /// The gender of the name, when the data file gives one.
    pub gender: Option<Gender>,
}

/// Where a particle stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParticleKind {
    /// Joined after a given name (`бек`, `хан`, `джан`, `бай`).
    Suffix,
    /// Before or after a name (`ходжа`).
    Prefix,
    /// A title that is not part of the name (`мулла`, `хаджи`).
    Title,
}

/// A particle group: all its forms share the key of the canonical form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Particle {
    /// The match key of the canonical form.
    pub key: String,
    /// Where it stands.
    pub kind: ParticleKind,
}

/// A patronymic marker: a suffix joined to the father's name or a separate word after it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PatronymicMarker {
    /// The marker, lower case, apostrophes unified.
    pub form: String,
    /// Whether it is a separate word (`o'g'li`) rather than a suffix (`-ович`).
    pub word: bool,
    /// The gender the marker shows.
    pub gender: Gender,
    /// Whether it is a Turkic marker (`-ұлы`, `-қызы`) that modern surnames also end in.
    pub turkic: bool,
    /// Whether it is a Russian marker (`-ович`, `-евна`).
    pub russian: bool,
    /// The marker's match key, to find it in any script (`-oviç`, `-ùly`, `-kysy`).
    pub key: String,
}

/// A surname suffix, as a match-key ending.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SurnameSuffix {
    /// The suffix's match key.
    pub key: String,
    /// The gender the suffix shows, if any.
    pub gender: Option<Gender>,
    /// The shortest root (in key letters) the suffix may be stripped from.
    pub min_root: usize,
}

/// Everything the name parser knows.
pub struct NameData {
    /// Given-name classes, in file order.
    pub classes: Vec<NameClass>,
    /// Match key of every form → index into `classes` (first row wins).
    pub by_key: HashMap<String, usize>,
    /// Match key of every particle form → particle.
    pub particles: HashMap<String, Particle>,
    /// Suffix particle keys `(form key, canonical key)` for stripping from given-name keys,
    /// longest first.
    pub particle_keys: Vec<(String, String)>,
    /// Canonical keys of prefix particles (`ходжа`), sorted.
    pub prefix_keys: Vec<String>,
    /// Patronymic markers, longest first.
    pub patronymics: Vec<PatronymicMarker>,
    /// Surname suffixes, longest key first.
    pub surname_suffixes: Vec<SurnameSuffix>,
}

static DATA: Loaded<NameData> = Loaded::new();

/// The name tables in force, loaded once (see [`Loaded::get`]).
pub fn builtin() -> &'static NameData {
    DATA.get(load)
}

/// Loads the name tables in force, or says which line keeps them from loading.
pub fn check_loaded() -> Result<(), DataError> {
    DATA.try_get(load).map(|_| ()).map_err(Clone::clone)
}

/// A gender column: `m`, `f`, or empty for either.
fn gender(code: &str) -> Result<Option<Gender>, String> {
    match code.trim() {
        "m" => Ok(Some(Gender::Male)),
        "f" => Ok(Some(Gender::Female)),
        "" => Ok(None),
        other => Err(format!("gender {other:?} is not m, f or empty")),
    }
}

fn column<'r>(rec: &'r csv::StringRecord, i: usize, name: &str) -> Result<&'r str, String> {
    match rec.get(i).map(str::trim) {
        Some(v) if !v.is_empty() => Ok(v),
        _ => Err(format!("column {name:?} is empty")),
    }
}

/// One line of `given_names.csv`: class id, gender, and the forms (the first is canonical).
fn read_class(rec: &csv::StringRecord) -> Result<(&str, Option<Gender>, Vec<&str>), String> {
    let id = column(rec, 0, "class")?;
    let gender = gender(rec.get(1).unwrap_or(""))?;
    let forms: Vec<&str> = column(rec, 2, "forms")?.split('|').map(str::trim).collect();
    if forms.iter().any(|f| match_key(f).is_empty()) {
        return Err("a form between the `|` has no letters".into());
    }
    Ok((id, gender, forms))
}

/// One line of `name_particles.csv`: canonical form, kind, and the forms.
fn read_particle(rec: &csv::StringRecord) -> Result<(String, ParticleKind, Vec<&str>), String> {
    let key = match_key(column(rec, 0, "canonical")?);
    let kind = match rec.get(1).unwrap_or("").trim() {
        "suffix" => ParticleKind::Suffix,
        "prefix" => ParticleKind::Prefix,
        "title" => ParticleKind::Title,
        other => return Err(format!("kind {other:?} is not suffix, prefix or title")),
    };
    gender(rec.get(2).unwrap_or(""))?;
    let forms = column(rec, 3, "forms")?.split('|').collect();
    Ok((key, kind, forms))
}

/// One line of `patronymics.csv`.
fn read_patronymic(rec: &csv::StringRecord) -> Result<PatronymicMarker, String> {
    let form = column(rec, 0, "form")?;
    let word = match rec.get(1).unwrap_or("").trim() {
        "word" => true,
        "suffix" => false,
        other => return Err(format!("kind {other:?} is not suffix or word")),
    };
    let gender = gender(rec.get(2).unwrap_or(""))?.ok_or("gender must be m or f")?;
    let tradition = column(rec, 3, "tradition")?;
    Ok(PatronymicMarker {
        form: text::lower_word(form),
        word,
        gender,
        turkic: tradition.starts_with("kk"),
        russian: tradition.starts_with("ru"),
        key: match_key(form),
    })
}

/// One line of `surname_suffixes.csv`.
fn read_surname_suffix(rec: &csv::StringRecord) -> Result<SurnameSuffix, String> {
    let key = match_key(column(rec, 0, "form")?);
    if key.is_empty() {
        return Err("the form has no letters".into());
    }
    let root = column(rec, 2, "min_root")?;
    let min_root = root
        .parse()
        .map_err(|_| format!("min_root {root:?} is not a whole number"))?;
    Ok(SurnameSuffix {
        key,
        gender: gender(rec.get(1).unwrap_or(""))?,
        min_root,
    })
}

/// The rule for one line of `given_names.csv`.
pub fn check_given_name_line(rec: &csv::StringRecord) -> Result<(), String> {
    read_class(rec).map(|_| ())
}

/// The rule for one line of `name_particles.csv`.
pub fn check_particle_line(rec: &csv::StringRecord) -> Result<(), String> {
    read_particle(rec).map(|_| ())
}

/// The rule for one line of `patronymics.csv`.
pub fn check_patronymic_line(rec: &csv::StringRecord) -> Result<(), String> {
    read_patronymic(rec).map(|_| ())
}

/// The rule for one line of `surname_suffixes.csv`.
pub fn check_surname_suffix_line(rec: &csv::StringRecord) -> Result<(), String> {
    read_surname_suffix(rec).map(|_| ())
}

fn load() -> Result<NameData, DataError> {
    let (classes, by_key) = load_classes()?;
    let (particles, particle_keys) = load_particles()?;
    let mut prefix_keys: Vec<String> = particles
        .values()
        .filter(|p| p.kind == ParticleKind::Prefix)
        .map(|p| p.key.clone())
        .filter(|k| !k.is_empty())
        .collect();
    prefix_keys.sort();
    prefix_keys.dedup();
    Ok(NameData {
        prefix_keys,
        classes,
        by_key,
        particles,
        particle_keys,
        patronymics: load_patronymics()?,
        surname_suffixes: load_surname_suffixes()?,
    })
}

type Classes = (Vec<NameClass>, HashMap<String, usize>);

fn load_classes() -> Result<Classes, DataError> {
    let mut classes = Vec::new();
    let mut by_key = HashMap::new();
    for line in tables::lines(Table::GivenNames)? {
        let (id, gender, forms) = read_class(&line.record).map_err(|m| line.refuse(m))?;
        let first = forms[0];
        let index = classes.len();
        classes.push(NameClass {
            id: id.to_string(),
            canonical: first.to_string(),
            key: match_key(first),
            gender,
        });
        for form in forms {
            let key = match_key(form);
            if !key.is_empty() {
                by_key.entry(key).or_insert(index);
            }
        }
    }
    Ok((classes, by_key))
}

type Particles = (HashMap<String, Particle>, Vec<(String, String)>);

fn load_particles() -> Result<Particles, DataError> {
    let mut particles = HashMap::new();
    let mut keys = Vec::new();
    for line in tables::lines(Table::NameParticles)? {
        let (key, kind, forms) = read_particle(&line.record).map_err(|m| line.refuse(m))?;
        for form in forms {
            let particle = Particle {
                key: key.clone(),
                kind,
            };
            particles.entry(match_key(form)).or_insert(particle);
            if kind == ParticleKind::Suffix {
                keys.push((match_key(form), key.clone()));
            }
        }
    }
    keys.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.cmp(b)));
    keys.dedup_by(|a, b| a.0 == b.0);
    keys.retain(|k| !k.0.is_empty());
    Ok((particles, keys))
}

fn load_patronymics() -> Result<Vec<PatronymicMarker>, DataError> {
    let text = tables::text(Table::Patronymics);
    let mut out = tables::read_all(Table::Patronymics, text, read_patronymic)?;
    out.sort_by_key(|m| std::cmp::Reverse(m.form.chars().count()));
    out.dedup();
    Ok(out)
}

fn load_surname_suffixes() -> Result<Vec<SurnameSuffix>, DataError> {
    let text = tables::text(Table::SurnameSuffixes);
    let mut out = tables::read_all(Table::SurnameSuffixes, text, read_surname_suffix)?;
    out.sort_by(|a, b| b.key.len().cmp(&a.key.len()).then(a.key.cmp(&b.key)));
    out.dedup_by(|a, b| a.key == b.key);
    Ok(out)
}
