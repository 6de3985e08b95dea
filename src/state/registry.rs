//! The person-id registry: which person each mention belonged to in the last run.
//!
//! On disk (in `state/`): `registry.csv` (`source,record_id,content_hash,person_id`, sorted),
//! `aliases.csv` (`alias,person_id`: ids retired by a merge and the id they now resolve to) and
//! `state.json` (format version and the next id number to mint) and `retired.csv` (the rows of
//! retired ids, in the columns of `registry.csv`, so that an id whose rows come back is given
//! back; absent in registries of earlier versions).

use super::StateError;
use rayon::prelude::*;
use std::collections::BTreeMap;
use std::fs::{self, File};
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// The registry's format version, written to `state.json`.
pub const FORMAT: u64 = 1;

/// The largest id counter a registry may hold: far more ids than any archive mints, and far
/// enough from `u64::MAX` that minting never wraps around to reuse an id.
pub const MAX_NEXT_ID: u64 = 1_000_000_000_000_000;

/// The file names of the registry inside the state folder.
pub const FILES: [&str; 3] = ["state.json", "registry.csv", "aliases.csv"];

/// The file of remembered rows of retired ids.
pub const RETIRED_FILE: &str = "retired.csv";

const REGISTRY_HEADER: [&str; 4] = ["source", "record_id", "content_hash", "person_id"];
const ALIASES_HEADER: [&str; 2] = ["alias", "person_id"];

/// What the registry knows of one mention.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// The hash of the row's raw values when it was last seen.
    pub content_hash: u64,
    /// The person the mention belonged to (shared by the entries of one person).
    pub person_id: Arc<str>,
}

/// Mention keys (source, record id) mapped to person ids, with aliases and the id counter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Registry {
    /// Mentions of the last run, by source, then record id (each source name held once).
    pub entries: BTreeMap<String, BTreeMap<String, Entry>>,
    /// Ids given up in a merge → the id that kept the person.
    pub aliases: BTreeMap<String, String>,
    /// Rows of retired ids, by source, then record id: a row that comes back with the same
    /// content gets its id back while no one else holds it.
    pub retired: BTreeMap<String, BTreeMap<String, Entry>>,
    /// The number of the next id to mint (`P000001` is number 1).
    pub next_id: u64,
}

impl Default for Registry {
    fn default() -> Self {
        Registry {
            entries: BTreeMap::new(),
            aliases: BTreeMap::new(),
            retired: BTreeMap::new(),
            next_id: 1,
        }
    }
}

#[derive(serde::Serialize, serde::Deserialize)]
struct Meta {
    format: u64,
    next_id: u64,
}

impl Registry {
    /// The entry of one mention.
    pub fn get(&self, source: &str, record_id: &str) -> Option<&Entry> {
        self.entries.get(source)?.get(record_id)
    }

    /// Records one mention's entry.
    pub fn insert(&mut self, source: &str, record_id: &str, entry: Entry) {
        insert_into(&mut self.entries, source, record_id, entry);
    }

    /// Records many mentions' entries at once, as inserting them one by one in the given order
    /// would (a key given twice keeps its last entry), by sorting them in parallel and laying
    /// each source's map out in one pass.
    pub fn insert_all(&mut self, mut rows: Vec<(&str, &str, Entry)>) {
        rows.par_sort_by(|a, b| (a.0, a.1).cmp(&(b.0, b.1)));
        let mut rows = rows.into_iter().peekable();
        while let Some((source, record, entry)) = rows.next() {
            let records = self.entries.entry(source.to_string()).or_default();
            let mut run = vec![(record, entry)];
            while let Some((_, record, entry)) = rows.next_if(|next| next.0 == source) {
                match run.last_mut() {
                    Some(last) if last.0 == record => *last = (record, entry),
                    _ => run.push((record, entry)),
                }
            }
            let mut laid_out: BTreeMap<String, Entry> =
                run.into_iter().map(|(r, e)| (r.to_string(), e)).collect();
            // Keys held already take the new entry, as an insert would give them.
            records.append(&mut laid_out);
        }
    }

    /// The remembered row of a retired id.
    pub fn get_retired(&self, source: &str, record_id: &str) -> Option<&Entry> {
        self.retired.get(source)?.get(record_id)
    }

    /// Remembers the row of a retired id.
    pub fn insert_retired(&mut self, source: &str, record_id: &str, entry: Entry) {
        insert_into(&mut self.retired, source, record_id, entry);
    }

    /// Every entry as (source, record id, entry), in key order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &str, &Entry)> {
        iter_of(&self.entries)
    }

    /// Every remembered row of a retired id, in key order.
    pub fn iter_retired(&self) -> impl Iterator<Item = (&str, &str, &Entry)> {
        iter_of(&self.retired)
    }

    /// Reads the registry from `dir`; an absent `state.json` means a first run (empty registry).
    pub fn load(dir: &Path) -> Result<Registry, StateError> {
        let meta_path = dir.join(FILES[0]);
        let text = match fs::read_to_string(&meta_path) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Registry::default()),
            Err(source) => return Err(io_err(&meta_path, source)),
        };
        let meta: Meta = serde_json::from_str(&text).map_err(|e| corrupt(&meta_path, e))?;
        if meta.format != FORMAT {
            let message = format!("format {} is not {FORMAT}", meta.format);
            return Err(corrupt(&meta_path, message));
        }
        if meta.next_id > MAX_NEXT_ID {
            let message = format!("next_id {} is beyond {MAX_NEXT_ID}", meta.next_id);
            return Err(corrupt(&meta_path, message));
        }
        let mut registry = Registry {
            next_id: meta.next_id.max(1),
            ..Registry::default()
        };
        let mut ids: BTreeMap<String, Arc<str>> = BTreeMap::new();
        registry.entries = read_entries(&dir.join(FILES[1]), &mut ids)?;
        let retired = dir.join(RETIRED_FILE);
        if retired.exists() {
            registry.retired = read_entries(&retired, &mut ids)?;
        }
        let path = dir.join(FILES[2]);
        for row in read_rows(&path, &ALIASES_HEADER)? {
            let mut it = row.into_iter();
            let (alias, id) = (it.next().unwrap_or_default(), it.next().unwrap_or_default());
            registry.aliases.insert(alias, id);
        }
        registry.check_counter(&meta_path)?;
        Ok(registry)
    }

    /// Refuses a counter at or below an id the registry already holds: minting from it would
    /// give a second person an id in use or retired.
    fn check_counter(&self, meta_path: &Path) -> Result<(), StateError> {
        let held = self.iter().map(|(_, _, e)| &*e.person_id).chain(
            self.aliases
                .iter()
                .flat_map(|(a, p)| [a.as_str(), p.as_str()]),
        );
        let highest = held.filter_map(id_number).max();
        match highest {
            Some(n) if n >= self.next_id => Err(corrupt(
                meta_path,
                format!(
                    "next_id {} is not above {}, an id in use",
                    self.next_id,
                    format_id(n)
                ),
            )),
            _ => Ok(()),
        }
    }

    /// A new id from the counter. [`Registry::load`] keeps the counter below [`MAX_NEXT_ID`], so
    /// it never wraps.
    pub fn mint(&mut self) -> String {
        let id = format_id(self.next_id);
        self.next_id = self.next_id.saturating_add(1);
        id
    }

    /// Writes the registry into `dir` (created when missing), in key order.
    pub fn save(&self, dir: &Path) -> Result<(), StateError> {
        fs::create_dir_all(dir).map_err(|e| io_err(dir, e))?;
        let meta = Meta {
            format: FORMAT,
            next_id: self.next_id,
        };
        let mut json = serde_json::to_string_pretty(&meta).unwrap_or_default();
        json.push('\n');
        let path = dir.join(FILES[0]);
        write_synced(&path, json.as_bytes()).map_err(|e| io_err(&path, e))?;
        write_rows(
            &dir.join(FILES[1]),
            &REGISTRY_HEADER,
            entry_rows(self.iter()),
        )?;
        let retired = entry_rows(self.iter_retired());
        write_rows(&dir.join(RETIRED_FILE), &REGISTRY_HEADER, retired)?;
        let rows = self.aliases.iter().map(|(a, p)| [a.clone(), p.clone()]);
        write_rows(&dir.join(FILES[2]), &ALIASES_HEADER, rows)
    }

    /// The current id of `id`: itself, or what it became through merges.
    pub fn resolve<'a>(&'a self, id: &'a str) -> &'a str {
        let mut current = id;
        for _ in 0..=self.aliases.len() {
            match self.aliases.get(current) {
                Some(next) if next != current => current = next,
                _ => break,
            }
        }
        current
    }

    /// The number of distinct person ids the registry's mentions carry.
    pub fn person_count(&self) -> usize {
        let ids: std::collections::BTreeSet<&str> =
            self.iter().map(|(_, _, e)| &*e.person_id).collect();
        ids.len()
    }
}

/// A person id from its number: `P` and at least six digits.
pub fn format_id(number: u64) -> String {
    format!("P{number:06}")
}

/// The number of an id written by [`format_id`].
pub fn id_number(id: &str) -> Option<u64> {
    id.strip_prefix('P')?.parse().ok()
}

/// Orders ids by age: shorter first, then by text, so `P000009` is older than `P000010`.
pub fn age_key(id: &str) -> (usize, &str) {
    (id.len(), id)
}

type Entries = BTreeMap<String, BTreeMap<String, Entry>>;

fn insert_into(entries: &mut Entries, source: &str, record_id: &str, entry: Entry) {
    let record = (record_id.to_string(), entry);
    match entries.get_mut(source) {
        Some(records) => {
            records.insert(record.0, record.1);
        }
        None => {
            entries.insert(source.to_string(), BTreeMap::from([record]));
        }
    }
}

fn iter_of(entries: &Entries) -> impl Iterator<Item = (&str, &str, &Entry)> {
    entries.iter().flat_map(|(source, records)| {
        records
            .iter()
            .map(move |(record, entry)| (source.as_str(), record.as_str(), entry))
    })
}

fn entry_rows<'a>(
    entries: impl Iterator<Item = (&'a str, &'a str, &'a Entry)>,
) -> impl Iterator<Item = [String; 4]> {
    entries.map(|(s, r, e)| {
        let hash = format!("{:016x}", e.content_hash);
        [s.to_string(), r.to_string(), hash, e.person_id.to_string()]
    })
}

/// Reads a file of entries (`registry.csv`, `retired.csv`), sharing person id strings.
fn read_entries(path: &Path, ids: &mut BTreeMap<String, Arc<str>>) -> Result<Entries, StateError> {
    let mut entries = Entries::new();
    for row in read_rows(path, &REGISTRY_HEADER)? {
        let [source, record_id, content_hash, person_id] = take4(row);
        let content_hash = u64::from_str_radix(&content_hash, 16)
            .map_err(|e| corrupt(path, format!("content hash {content_hash:?}: {e}")))?;
        let person_id = Arc::clone(
            ids.entry(person_id)
                .or_insert_with_key(|id| Arc::from(id.as_str())),
        );
        let entry = Entry {
            content_hash,
            person_id,
        };
        insert_into(&mut entries, &source, &record_id, entry);
    }
    Ok(entries)
}

fn take4(row: Vec<String>) -> [String; 4] {
    let mut it = row.into_iter();
    [(); 4].map(|_| it.next().unwrap_or_default())
}

fn read_rows(path: &Path, header: &[&str]) -> Result<Vec<Vec<String>>, StateError> {
    let file = File::open(path).map_err(|e| io_err(path, e))?;
    let mut rdr = csv::Reader::from_reader(std::io::BufReader::with_capacity(1 << 20, file));
    let found = rdr.headers().map_err(|e| corrupt(path, e))?.clone();
    if found.iter().ne(header.iter().copied()) {
        return Err(corrupt(path, format!("header is not {}", header.join(","))));
    }
    let mut rows = Vec::new();
    for (i, rec) in rdr.records().enumerate() {
        let rec = rec.map_err(|e| corrupt(path, format!("row {}: {e}", i + 2)))?;
        if rec.len() != header.len() || rec.iter().any(str::is_empty) {
            return Err(corrupt(path, format!("row {}: incomplete", i + 2)));
        }
        rows.push(rec.iter().map(str::to_string).collect());
    }
    Ok(rows)
}

fn write_rows<const N: usize>(
    path: &Path,
    header: &[&str; N],
    rows: impl Iterator<Item = [String; N]>,
) -> Result<(), StateError> {
    let write = || -> std::io::Result<()> {
        let file = BufWriter::with_capacity(1 << 20, File::create(path)?);
        let mut wtr = csv::WriterBuilder::new()
            .terminator(csv::Terminator::Any(b'\n'))
            .from_writer(file);
        wtr.write_record(header)?;
        for row in rows {
            wtr.write_record(&row)?;
        }
        let file = wtr.into_inner().map_err(|e| e.into_error())?;
        file.into_inner().map_err(|e| e.into_error())?.sync_all()
    };
    write().map_err(|e| io_err(path, e))
}

fn write_synced(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut file = File::create(path)?;
    file.write_all(bytes)?;
    file.sync_all()
}

fn io_err(path: &Path, source: std::io::Error) -> StateError {
    StateError::Io {
        path: PathBuf::from(path),
        source,
    }
}

fn corrupt(path: &Path, message: impl std::fmt::Display) -> StateError {
    StateError::Corrupt {
        path: PathBuf::from(path),
        message: message.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn inserting_all_at_once_equals_inserting_one_by_one(
            held in proptest::collection::vec((0u8..3, 0u8..6, 0u64..4), 0..8),
            rows in proptest::collection::vec((0u8..3, 0u8..6, 0u64..4), 0..40),
        ) {
            let entry = |hash: u64| Entry { content_hash: hash, person_id: format_id(hash).into() };
            let keys = |&(s, r, h): &(u8, u8, u64)| (format!("s{s}"), format!("r{r}"), h);
            let (held, rows): (Vec<_>, Vec<_>) =
                (held.iter().map(keys).collect(), rows.iter().map(keys).collect());
            let mut one_by_one = Registry::default();
            for (s, r, h) in held.iter().chain(&rows) {
                one_by_one.insert(s, r, entry(*h));
            }
            let mut at_once = Registry::default();
            for (s, r, h) in &held {
                at_once.insert(s, r, entry(*h));
            }
            at_once.insert_all(rows.iter().map(|(s, r, h)| (s.as_str(), r.as_str(), entry(*h))).collect());
            prop_assert_eq!(at_once, one_by_one);
        }
    }

    #[test]
    fn a_saved_registry_loads_back_equal() {
        let tmp = tempfile::tempdir().unwrap();
        let mut reg = Registry::default();
        let entry = Entry {
            content_hash: 0xab12,
            person_id: format_id(7).into(),
        };
        reg.insert("a.csv", "1", entry);
        reg.aliases.insert(format_id(9), format_id(7));
        let gone = Entry {
            content_hash: 0xcd,
            person_id: format_id(3).into(),
        };
        reg.insert_retired("b.csv", "4", gone);
        reg.next_id = 10;
        reg.save(tmp.path()).unwrap();
        assert_eq!(Registry::load(tmp.path()).unwrap(), reg);
        assert_eq!(reg.resolve("P000009"), "P000007");
    }

    #[test]
    fn a_missing_registry_is_empty_and_a_damaged_one_is_an_error() {
        let tmp = tempfile::tempdir().unwrap();
        assert_eq!(Registry::load(tmp.path()).unwrap(), Registry::default());
        Registry::default().save(tmp.path()).unwrap();
        fs::write(tmp.path().join("registry.csv"), "x,y\n1,2\n").unwrap();
        assert!(matches!(
            Registry::load(tmp.path()),
            Err(StateError::Corrupt { .. })
        ));
    }

    #[test]
    fn a_counter_that_would_wrap_or_reuse_an_id_is_damage() {
        let tmp = tempfile::tempdir().unwrap();
        let mut reg = Registry::default();
        let entry = Entry {
            content_hash: 1,
            person_id: format_id(7).into(),
        };
        reg.insert("a.csv", "1", entry);
        for next_id in [u64::MAX, MAX_NEXT_ID + 1, 7, 3] {
            reg.next_id = next_id;
            reg.save(tmp.path()).unwrap();
            let err = Registry::load(tmp.path()).unwrap_err();
            assert!(
                matches!(err, StateError::Corrupt { .. }),
                "{next_id}: {err}"
            );
            assert!(err.to_string().contains("next_id"), "{err}");
        }
        reg.next_id = 8;
        reg.save(tmp.path()).unwrap();
        assert_eq!(Registry::load(tmp.path()).unwrap().mint(), "P000008");
    }

    #[test]
    fn ids_order_by_age() {
        assert!(age_key(&format_id(9)) < age_key(&format_id(10)));
        assert!(age_key(&format_id(999_999)) < age_key(&format_id(1_000_000)));
    }
}
