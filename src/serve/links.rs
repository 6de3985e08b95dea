//! The links file the desk writes judgements to (read by the next run, see
//! [`crate::link::load_judgements`]). Each judgement is appended at once: under an exclusive lock on
//! the file's folder, the file is copied with the new row into a temporary file beside it, synced
//! and renamed over it, so a reader sees the old file or the new one, never half of one, and two
//! reviewers writing at the same moment both keep their judgement.

use crate::link::load_judgements;
use fs4::FileExt;
use std::collections::HashSet;
use std::fs::File;
use std::io::Write;
use std::path::{Path, PathBuf};

/// The header a new links file starts with.
const HEADER: [&str; 3] = ["a", "b", "judgement"];

/// A judgement on a pair of mentions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// The two mentions are one person.
    Same,
    /// They are different persons.
    Different,
}

impl Verdict {
    /// The word the links file holds.
    pub fn word(self) -> &'static str {
        match self {
            Verdict::Same => "same",
            Verdict::Different => "different",
        }
    }

    /// The verdict of a form's word.
    pub fn from_word(word: &str) -> Option<Verdict> {
        match word {
            "same" => Some(Verdict::Same),
            "different" => Some(Verdict::Different),
            _ => None,
        }
    }
}

/// Why the links file could not be read or written.
#[derive(Debug, thiserror::Error)]
pub enum LinksError {
    /// Reading, locking or replacing the file failed.
    #[error("{path}: {source}")]
    Io {
        /// The links file.
        path: PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
    /// The file is not a links file.
    #[error(transparent)]
    Format(#[from] crate::link::LinkError),
    /// The file lies inside the output folder, which the next run replaces whole.
    #[error(
        "{0}: the links file lies in the output folder, which the next run replaces; keep it elsewhere"
    )]
    InOutput(PathBuf),
}

/// A links file, existing or to be created.
#[derive(Debug, Clone)]
pub struct LinksFile {
    path: PathBuf,
}

/// A pair of mention keys in a fixed order, so that `a,b` and `b,a` are one pair.
pub fn pair_key(a: &str, b: &str) -> (String, String) {
    let (a, b) = (a.trim(), b.trim());
    match a <= b {
        true => (a.to_string(), b.to_string()),
        false => (b.to_string(), a.to_string()),
    }
}

impl LinksFile {
    /// The links file at `path`, checked: its folder exists, it lies outside the output folder,
    /// and if it exists it reads as a links file.
    pub fn open(path: &Path, output: &Path) -> Result<LinksFile, LinksError> {
        let io = |source| LinksError::Io {
            path: path.to_path_buf(),
            source,
        };
        let folder = folder_of(path);
        let real_folder = folder.canonicalize().map_err(io)?;
        let real_output = output.canonicalize().map_err(io)?;
        if real_folder.starts_with(&real_output) {
            return Err(LinksError::InOutput(path.to_path_buf()));
        }
        let file = LinksFile {
            path: real_folder.join(path.file_name().unwrap_or_default()),
        };
        file.judged()?;
        Ok(file)
    }

    /// The file's path.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The pairs judged so far (see [`pair_key`]); none when the file does not exist yet.
    pub fn judged(&self) -> Result<HashSet<(String, String)>, LinksError> {
        if !self.path.exists() {
            return Ok(HashSet::new());
        }
        let judgements = load_judgements(&self.path)?;
        Ok(judgements.iter().map(|j| pair_key(&j.a, &j.b)).collect())
    }

    /// Appends one judgement, atomically and under the folder's lock.
    pub fn append(&self, a: &str, b: &str, verdict: Verdict) -> Result<(), LinksError> {
        let io = |source| LinksError::Io {
            path: self.path.clone(),
            source,
        };
        let folder = folder_of(&self.path);
        let lock = File::open(folder).map_err(io)?;
        FileExt::lock(&lock).map_err(io)?;
        let result = self.replace_with_row(folder, a, b, verdict);
        let unlocked = FileExt::unlock(&lock).map_err(io);
        result.and(unlocked)
    }

    fn replace_with_row(
        &self,
        folder: &Path,
        a: &str,
        b: &str,
        verdict: Verdict,
    ) -> Result<(), LinksError> {
        let io = |source| LinksError::Io {
            path: self.path.clone(),
            source,
        };
        let mut content = match std::fs::read(&self.path) {
            Ok(bytes) => bytes,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => csv_line(&HEADER),
            Err(e) => return Err(io(e)),
        };
        if !content.is_empty() && !content.ends_with(b"\n") {
            content.push(b'\n');
        }
        content.extend(row_for_header(&content, a, b, verdict));
        let mut temp = tempfile::Builder::new()
            .prefix(".rehab-links-")
            .tempfile_in(folder)
            .map_err(io)?;
        if let Ok(meta) = std::fs::metadata(&self.path) {
            temp.as_file()
                .set_permissions(meta.permissions())
                .map_err(io)?;
        }
        temp.write_all(&content).map_err(io)?;
        temp.as_file().sync_all().map_err(io)?;
        temp.persist(&self.path).map_err(|e| io(e.error))?;
        File::open(folder).and_then(|d| d.sync_all()).map_err(io)
    }
}

/// The folder a file lies in (`.` for a bare file name).
fn folder_of(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

/// The new row laid out under the file's own header: `a`, `b` and `judgement` where its header
/// puts them (a `review.csv` used as a links file has more columns).
fn row_for_header(content: &[u8], a: &str, b: &str, verdict: Verdict) -> Vec<u8> {
    let header: Vec<String> = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(content)
        .records()
        .next()
        .and_then(Result::ok)
        .map(|r| r.iter().map(|c| c.trim().to_lowercase()).collect())
        .unwrap_or_default();
    let at = |name: &str| header.iter().position(|h| h == name);
    match (at("a"), at("b"), at("judgement")) {
        (Some(ia), Some(ib), Some(ij)) => {
            let mut cells = vec![""; header.len()];
            cells[ia] = a;
            cells[ib] = b;
            cells[ij] = verdict.word();
            csv_line(&cells)
        }
        _ => csv_line(&[a, b, verdict.word()]),
    }
}

/// One CSV line, quoted where needed, ending in `\n`.
fn csv_line(cells: &[&str]) -> Vec<u8> {
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(Vec::new());
    // Writing to memory cannot fail.
    let _ = writer.write_record(cells);
    writer.into_inner().unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn judgements_of_many_writers_at_once_are_all_kept() {
        let dir = tempfile::tempdir().expect("temp dir");
        let output = dir.path().join("out");
        std::fs::create_dir(&output).expect("output");
        let links = LinksFile::open(&dir.path().join("links.csv"), &output).expect("links");
        std::thread::scope(|scope| {
            for writer in 0..6 {
                let links = links.clone();
                scope.spawn(move || {
                    for i in 0..15 {
                        let (a, b) = (format!("s.csv:{writer}"), format!("t,x.csv:{i}"));
                        links.append(&a, &b, Verdict::Same).expect("append");
                    }
                });
            }
        });
        let judgements = load_judgements(links.path()).expect("reads back");
        assert_eq!(judgements.len(), 90);
        assert_eq!(links.judged().expect("judged").len(), 90);
        assert!(judgements.iter().any(|j| j.b == "t,x.csv:14" && j.same));
        let leftovers: Vec<_> = std::fs::read_dir(dir.path())
            .expect("list")
            .filter_map(Result::ok)
            .filter(|e| e.file_name().to_string_lossy().starts_with(".rehab-links-"))
            .collect();
        assert!(leftovers.is_empty());
    }

    #[test]
    fn a_row_goes_under_the_files_own_columns() {
        let dir = tempfile::tempdir().expect("temp dir");
        let output = dir.path().join("out");
        std::fs::create_dir(&output).expect("output");
        let path = dir.path().join("review.csv");
        std::fs::write(&path, "note,judgement,b,a\nx,same,k:2,k:1").expect("write");
        let links = LinksFile::open(&path, &output).expect("links");
        links
            .append("k:3", "k:4", Verdict::Different)
            .expect("append");
        let text = std::fs::read_to_string(&path).expect("read");
        assert_eq!(
            text,
            "note,judgement,b,a\nx,same,k:2,k:1\n,different,k:4,k:3\n"
        );
        let inside = LinksFile::open(&output.join("links.csv"), &output);
        assert!(matches!(inside, Err(LinksError::InOutput(_))));
    }
}
