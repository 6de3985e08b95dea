//! The folder of local additions: read, checked line by line, and merged over the built-in text.

use super::specs::{Spec, Table};
use sha2::{Digest, Sha256};
use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};

/// Why a folder of local additions cannot be used. Every one stops the run (exit code 2).
#[derive(Debug, thiserror::Error)]
pub enum TablesError {
    /// The folder or one of its files could not be read.
    #[error("{path}: cannot read local tables: {source}")]
    Read {
        /// The folder or file.
        path: PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
    /// A file of the folder is no table, or no text.
    #[error("{path}: {message}")]
    File {
        /// The file.
        path: PathBuf,
        /// What is wrong.
        message: String,
    },
    /// A line of a local table is wrong: its header, its columns or a value.
    #[error("{path}:{line}: {message}")]
    Line {
        /// The file.
        path: PathBuf,
        /// The 1-based line number.
        line: usize,
        /// What is wrong.
        message: String,
    },
    /// Local tables were asked for after the tables were loaded with others (or none).
    #[error(
        "local tables from {wanted} asked for, but the tables are already loaded with local \
         tables from {in_force}"
    )]
    AlreadyInForce {
        /// The folder asked for (`none` when none).
        wanted: String,
        /// The folder the loaded tables were merged with.
        in_force: String,
    },
}

/// A local table a run used, as `run.json` records it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct LocalTable {
    /// The file name (`gazetteer.csv`).
    pub file: String,
    /// SHA-256 of the file's bytes, in hex.
    pub sha256: String,
    /// How many of its lines were merged over the built-in table.
    pub lines: usize,
}

/// One data line of a local table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LocalLine {
    /// The line as written.
    pub text: String,
    /// Its key: the key columns, folded as the loader folds them.
    pub key: String,
    /// Its 1-based line number in the file.
    pub number: usize,
}

/// The local additions of a run: the folder, its tables, and their data lines.
#[derive(Debug, Clone, Default)]
pub struct Overlay {
    /// The folder, when there is one.
    pub dir: Option<PathBuf>,
    /// The local tables, in file name order.
    pub tables: Vec<LocalTable>,
    /// The data lines of each local table.
    pub lines: BTreeMap<Table, Vec<LocalLine>>,
}

impl Overlay {
    /// Reads and checks every file of a folder of local additions. Hidden files (names starting
    /// with `.`) are passed over; any other file must be a table.
    pub fn read(dir: &Path) -> Result<Overlay, TablesError> {
        let read_err = |path: &Path| {
            let path = path.to_path_buf();
            move |source| TablesError::Read { path, source }
        };
        let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
            .map_err(read_err(dir))?
            .map(|entry| entry.map(|e| e.path()))
            .collect::<Result<_, _>>()
            .map_err(read_err(dir))?;
        paths.sort();
        let mut overlay = Overlay {
            dir: Some(dir.to_path_buf()),
            ..Overlay::default()
        };
        for path in paths {
            let name = path.file_name().map(|n| n.to_string_lossy().into_owned());
            let name = name.unwrap_or_default();
            if name.starts_with('.') {
                continue;
            }
            let table = Table::from_file(&name).filter(|_| path.is_file());
            let Some(table) = table else {
                return Err(unknown_file(path));
            };
            let bytes = std::fs::read(&path).map_err(read_err(&path))?;
            let lines = read_lines(table, &path, &bytes)?;
            check_keys_once(&path, &lines)?;
            overlay.tables.push(LocalTable {
                file: name,
                sha256: hex_sha256(&bytes),
                lines: lines.len(),
            });
            overlay.lines.insert(table, lines);
        }
        Ok(overlay)
    }
}

fn unknown_file(path: PathBuf) -> TablesError {
    let known: Vec<&str> = Table::ALL.iter().map(|t| t.file()).collect();
    TablesError::File {
        path,
        message: format!(
            "is no table rehab knows; a local additions folder holds only {}",
            known.join(", ")
        ),
    }
}

/// The checked data lines of one local table file.
pub fn read_lines(table: Table, path: &Path, bytes: &[u8]) -> Result<Vec<LocalLine>, TablesError> {
    let spec = table.spec();
    let lines = data_lines(table, path, bytes)?;
    Ok(lines
        .into_iter()
        .map(|line| LocalLine {
            text: line.text.trim_end_matches('\r').to_string(),
            key: key_of(spec, &line.record),
            number: line.number,
        })
        .collect())
}

/// One data line of a table text, read as its loader reads it.
pub struct DataLine<'a> {
    /// The line as written.
    pub text: &'a str,
    /// Its 1-based line number.
    pub number: usize,
    /// Its fields.
    pub record: csv::StringRecord,
}

/// The data lines of a table text: after the header line (which must be the table's), each line
/// that is not blank or a `#` comment, with the table's column count and line rule checked.
pub fn data_lines<'a>(
    table: Table,
    path: &Path,
    bytes: &'a [u8],
) -> Result<Vec<DataLine<'a>>, TablesError> {
    let text = std::str::from_utf8(bytes).map_err(|e| TablesError::File {
        path: path.to_path_buf(),
        message: format!("is not UTF-8 text ({e})"),
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let spec = table.spec();
    let expected = table.header_line();
    let columns = expected.split(',').count();
    let mut header_seen = false;
    let mut out = Vec::new();
    let mut reader = LineReader::new();
    for (i, line) in text.lines().enumerate() {
        let number = i + 1;
        let bad = |message: String| TablesError::Line {
            path: path.to_path_buf(),
            line: number,
            message,
        };
        if !is_data(line) {
            continue;
        }
        if !header_seen {
            if line.trim() != expected {
                return Err(bad(format!(
                    "the header line must be `{expected}`, found `{}`",
                    line.trim()
                )));
            }
            header_seen = true;
            continue;
        }
        let record = reader.read(line, spec.trim).map_err(&bad)?;
        if record.len() != columns {
            return Err(bad(format!(
                "{} columns where `{expected}` has {columns}",
                record.len()
            )));
        }
        (spec.check)(&record).map_err(&bad)?;
        out.push(DataLine {
            text: line,
            number,
            record,
        });
    }
    if !header_seen {
        return Err(TablesError::Line {
            path: path.to_path_buf(),
            line: 1,
            message: format!("no header line; it must be `{expected}`"),
        });
    }
    Ok(out)
}

/// Refuses a local table that gives one key twice: which line should win would be unclear.
pub fn check_keys_once(path: &Path, lines: &[LocalLine]) -> Result<(), TablesError> {
    let mut seen: BTreeMap<&str, usize> = BTreeMap::new();
    for line in lines {
        if let Some(first) = seen.insert(&line.key, line.number) {
            return Err(TablesError::Line {
                path: path.to_path_buf(),
                line: line.number,
                message: format!("gives the key of line {first} again"),
            });
        }
    }
    Ok(())
}

/// Whether a line carries a row (or the header): not blank, not a `#` comment.
fn is_data(line: &str) -> bool {
    let line = line.trim();
    !line.is_empty() && !line.starts_with('#')
}

/// Reads single lines as CSV the way the tables' loaders read them, with one parser for every
/// line of a table (making a CSV reader costs more than reading a short line with it).
struct LineReader {
    parser: csv_core::Reader,
    output: Vec<u8>,
    ends: Vec<usize>,
}

impl LineReader {
    fn new() -> LineReader {
        LineReader {
            parser: csv_core::Reader::new(),
            output: vec![0; 256],
            ends: vec![0; 16],
        }
    }

    /// The fields of the first record of `line`, each trimmed of spaces when `trim` is set.
    fn read(&mut self, line: &str, trim: bool) -> Result<csv::StringRecord, String> {
        use csv_core::ReadRecordResult::{End, InputEmpty, OutputEndsFull, OutputFull, Record};
        self.parser.reset();
        let (mut input, mut written, mut fields) = (line.as_bytes(), 0, 0);
        loop {
            let (result, read, out, ends) = self.parser.read_record(
                input,
                &mut self.output[written..],
                &mut self.ends[fields..],
            );
            input = &input[read..];
            written += out;
            fields += ends;
            match result {
                InputEmpty => {}
                OutputFull => self.output.resize(self.output.len() * 2, 0),
                OutputEndsFull => self.ends.resize(self.ends.len() * 2, 0),
                Record => return self.record(fields, trim),
                End => return Err("an empty line".into()),
            }
        }
    }

    /// The record of the first `fields` fields parsed.
    fn record(&self, fields: usize, trim: bool) -> Result<csv::StringRecord, String> {
        let used = self.ends[..fields].last().copied().unwrap_or(0);
        let mut record = csv::StringRecord::with_capacity(used, fields);
        let mut start = 0;
        for &end in &self.ends[..fields] {
            let field = std::str::from_utf8(&self.output[start..end])
                .map_err(|e| format!("not CSV: {e}"))?;
            record.push_field(if trim { field.trim() } else { field });
            start = end;
        }
        Ok(record)
    }
}

/// The key of a line: its key columns, each folded as the loader folds it.
fn key_of(spec: &Spec, record: &csv::StringRecord) -> String {
    let parts: Vec<String> = spec
        .key
        .iter()
        .map(|&i| (spec.fold)(record.get(i).unwrap_or("")))
        .collect();
    parts.join("\u{1f}")
}

/// The built-in text with every line a local line replaces left out, and the local lines after
/// it.
pub fn merge(spec: &Spec, local: &[LocalLine]) -> String {
    let replaced: HashSet<&str> = local.iter().map(|l| l.key.as_str()).collect();
    let mut out = String::with_capacity(spec.builtin.len() + local.len() * 64);
    let mut header_seen = false;
    let mut reader = LineReader::new();
    for line in spec.builtin.lines() {
        if is_data(line) {
            let is_row = header_seen;
            header_seen = true;
            let key = reader.read(line, spec.trim).map(|r| key_of(spec, &r));
            if is_row && key.is_ok_and(|k| replaced.contains(k.as_str())) {
                continue;
            }
        }
        out.push_str(line);
        out.push('\n');
    }
    for line in local {
        out.push_str(&line.text);
        out.push('\n');
    }
    out
}

fn hex_sha256(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::LineReader;
    use proptest::prelude::*;

    /// A line as the `csv` crate reads it, one reader for the line.
    fn read_by_csv(line: &str, trim: bool) -> Option<csv::StringRecord> {
        let trim = if trim {
            csv::Trim::All
        } else {
            csv::Trim::None
        };
        let mut rdr = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .trim(trim)
            .from_reader(line.as_bytes());
        let mut record = csv::StringRecord::new();
        rdr.read_record(&mut record).ok()?.then_some(record)
    }

    proptest! {
        #[test]
        fn one_parser_reads_every_line_as_a_reader_of_its_own_does(
            lines in prop::collection::vec("[a-zА-я ,\"\u{a0}\r]{0,40}", 1..8),
            trim in any::<bool>(),
        ) {
            let mut reader = LineReader::new();
            for line in &lines {
                prop_assert_eq!(reader.read(line, trim).ok(), read_by_csv(line, trim));
            }
        }
    }

    #[test]
    fn a_line_longer_than_the_buffers_is_read_whole() {
        let line = format!("{},\"{}\"", "x".repeat(1000), "y, ".repeat(300));
        let record = LineReader::new().read(&line, true).unwrap();
        assert_eq!(record.len(), 2);
        assert_eq!(&record[1], "y, ".repeat(300).trim());
    }
}
