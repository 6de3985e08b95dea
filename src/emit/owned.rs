//! What `rehab` owns in an output folder, and where a folder really is.
//!
//! Every folder `rehab` replaces as a whole (the output folder, a `--state` folder) carries a
//! manifest, `.rehab-manifest`, listing the files it wrote, one relative path a line. A folder is
//! replaced only when everything in it is listed there (or, for a folder written before manifests
//! existed, only when it holds nothing but the names `rehab` writes); anything else is named and
//! the run refused, so that nothing `rehab` did not write is ever deleted.

use std::collections::BTreeSet;
use std::fs;
use std::io;
use std::path::{Component, Path, PathBuf};

/// The manifest's file name inside an owned folder.
pub const MANIFEST: &str = ".rehab-manifest";

/// Hidden names of `rehab`'s own work inside an owned folder (staging of an in-place swap).
pub const WORK_PREFIX: &str = ".rehab-";

/// The names `rehab` writes into an output folder: a folder holding only these (and files under
/// `state/` among [`STATE_FILES`]) is an earlier output even without a manifest; so is a
/// `--state` folder holding only [`STATE_FILES`].
const KNOWN_OUTPUTS: [&str; 17] = [
    "persons.csv",
    "mentions.csv",
    "decisions.csv",
    "attestations.csv",
    "checks.csv",
    "edges.csv",
    "rejects.csv",
    "id_changes.csv",
    "persons_report.csv",
    "review.csv",
    "datapackage.json",
    "rehab.sqlite",
    "report.html",
    super::report::xlsx::FILE,
    "run.json",
    "state",
    MANIFEST,
];

/// The files of a registry folder.
const STATE_FILES: [&str; 4] = ["state.json", "registry.csv", "aliases.csv", "retired.csv"];

/// Why a folder cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum FolderError {
    /// The output (or state) folder is the input folder, lies inside it or holds it.
    #[error(
        "{what} folder {given} ({real}) {relation} the input folder {input}: replacing it would \
         delete the sources; choose a folder apart from the input"
    )]
    Overlap {
        /// `output` or `state`.
        what: &'static str,
        /// The folder as given.
        given: String,
        /// Its real path.
        real: String,
        /// `is`, `lies inside` or `holds`.
        relation: &'static str,
        /// The input folder's real path.
        input: String,
    },
    /// The `--state` folder is the output folder or holds it.
    #[error(
        "state folder {state} {relation} the output folder {output}: saving the registry there \
         would replace the outputs; choose a folder apart, or leave out --state"
    )]
    StateHoldsOutput {
        /// The state folder's real path.
        state: String,
        /// `is` or `holds`.
        relation: &'static str,
        /// The output folder's real path.
        output: String,
    },
    /// The path names something that is not a folder.
    #[error("{path}: is not a folder; rehab would replace it")]
    NotAFolder {
        /// The path.
        path: String,
    },
    /// The folder holds files `rehab` did not write.
    #[error(
        "{folder}: holds {count} file(s) rehab did not write ({first}); rehab replaces this folder \
         as a whole and never deletes what it did not write: move them elsewhere, or choose \
         another folder"
    )]
    Foreign {
        /// The folder.
        folder: String,
        /// How many entries are foreign.
        count: usize,
        /// The first few, relative to the folder.
        first: String,
    },
    /// The folder could not be examined.
    #[error("{path}: {source}")]
    Io {
        /// The path.
        path: PathBuf,
        /// The I/O error.
        source: io::Error,
    },
}

/// The real path of `path`, whether or not it exists: symlinks resolved, `.` and `..` removed.
/// A path that does not exist yet is its nearest existing ancestor's real path plus the rest.
pub fn real_path(path: &Path) -> io::Result<PathBuf> {
    let absolute = std::path::absolute(path)?;
    let mut links = 0;
    resolve(Path::new("/"), &absolute, &mut links)
}

/// Appends `rest` to the real folder `base` component by component, following symlinks (at
/// most 40, to stop on a loop) and taking `..` as the real parent.
fn resolve(base: &Path, rest: &Path, links: &mut usize) -> io::Result<PathBuf> {
    let mut real = base.to_path_buf();
    for c in rest.components() {
        match c {
            Component::RootDir | Component::Prefix(_) => real = PathBuf::from(c.as_os_str()),
            Component::CurDir => {}
            Component::ParentDir => {
                real.pop();
            }
            Component::Normal(name) => {
                let next = real.join(name);
                match fs::read_link(&next) {
                    Ok(target) => {
                        *links += 1;
                        if *links > 40 {
                            return Err(io::Error::other("too many levels of symbolic links"));
                        }
                        real = resolve(&real, &target, links)?;
                    }
                    Err(_) => real = next,
                }
            }
        }
    }
    Ok(real)
}

/// Refuses a `what` folder (output or state) that is, lies inside or holds the input folder,
/// comparing real paths.
pub fn check_apart(input: &Path, folder: &Path, what: &'static str) -> Result<(), FolderError> {
    let io_err = |path: &Path| {
        let path = path.to_path_buf();
        move |source| FolderError::Io { path, source }
    };
    let real_input = real_path(input).map_err(io_err(input))?;
    let real = real_path(folder).map_err(io_err(folder))?;
    let relation = if real == real_input {
        "is"
    } else if real.starts_with(&real_input) {
        "lies inside"
    } else if real_input.starts_with(&real) {
        "holds"
    } else {
        return Ok(());
    };
    Err(FolderError::Overlap {
        what,
        given: folder.display().to_string(),
        real: real.display().to_string(),
        relation,
        input: real_input.display().to_string(),
    })
}

/// Refuses a `--state` folder (real path) that is the output folder (real path) or holds it.
pub fn check_state_apart(state: &Path, output: &Path) -> Result<(), FolderError> {
    let relation = if state == output {
        "is"
    } else if output.starts_with(state) {
        "holds"
    } else {
        return Ok(());
    };
    Err(FolderError::StateHoldsOutput {
        state: state.display().to_string(),
        relation,
        output: output.display().to_string(),
    })
}

/// Refuses a folder that holds anything `rehab` did not write (see the module notes), and a
/// path that names a file rather than a folder.
pub fn check_owned(folder: &Path) -> Result<(), FolderError> {
    if fs::symlink_metadata(folder).is_ok_and(|m| !m.is_dir()) {
        return Err(FolderError::NotAFolder {
            path: folder.display().to_string(),
        });
    }
    let foreign = foreign_entries(folder).map_err(|source| FolderError::Io {
        path: folder.to_path_buf(),
        source,
    })?;
    if foreign.is_empty() {
        return Ok(());
    }
    let first: Vec<&str> = foreign.iter().take(5).map(String::as_str).collect();
    let more = if foreign.len() > 5 { ", ..." } else { "" };
    Err(FolderError::Foreign {
        folder: folder.display().to_string(),
        count: foreign.len(),
        first: format!("{}{more}", first.join(", ")),
    })
}

/// Entries of `folder` (relative, `/`-separated, sorted) that `rehab` did not write; none when
/// the folder does not exist. A folder is owned when it holds only owned entries.
pub fn foreign_entries(folder: &Path) -> io::Result<Vec<String>> {
    if !folder.is_dir() {
        return Ok(Vec::new());
    }
    let owned = read_manifest(folder)?;
    let mut foreign = Vec::new();
    walk(folder, "", &mut |rel, is_dir| {
        let mine = match &owned {
            Some(listed) => listed.contains(rel) || (is_dir && holds_listed(listed, rel)),
            None => known_output(rel),
        };
        let nested_manifest = !is_dir && rel.rsplit('/').next() == Some(MANIFEST);
        let work = (!rel.contains('/') && rel.starts_with(WORK_PREFIX)) || nested_manifest;
        if !mine && !work {
            foreign.push(rel.to_string());
        }
        mine && is_dir
    })?;
    foreign.sort();
    Ok(foreign)
}

/// Whether a manifest lists a file under the folder `rel`.
fn holds_listed(listed: &BTreeSet<String>, rel: &str) -> bool {
    let prefix = format!("{rel}/");
    listed
        .range(prefix.clone()..)
        .next()
        .is_some_and(|p| p.starts_with(&prefix))
}

/// Whether `rel` is a name `rehab` wrote before manifests existed.
fn known_output(rel: &str) -> bool {
    match rel.split_once('/') {
        None => KNOWN_OUTPUTS.contains(&rel) || STATE_FILES.contains(&rel),
        Some(("state", file)) => STATE_FILES.contains(&file),
        Some(_) => false,
    }
}

/// Calls `visit(relative path, is a directory)` on every entry under `dir`, without following
/// symlinks; descends into a directory when `visit` returns true.
fn walk(dir: &Path, rel: &str, visit: &mut dyn FnMut(&str, bool) -> bool) -> io::Result<()> {
    let mut entries: Vec<_> = fs::read_dir(dir)?.collect::<io::Result<_>>()?;
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        let name = entry.file_name().to_string_lossy().into_owned();
        let path = if rel.is_empty() {
            name
        } else {
            format!("{rel}/{name}")
        };
        let is_dir = entry.file_type()?.is_dir();
        if visit(&path, is_dir) && is_dir {
            walk(&entry.path(), &path, visit)?;
        }
    }
    Ok(())
}

/// The files a manifest lists, or `None` when the folder has none.
pub fn read_manifest(folder: &Path) -> io::Result<Option<BTreeSet<String>>> {
    match fs::read_to_string(folder.join(MANIFEST)) {
        Ok(text) => Ok(Some(text.lines().map(str::to_string).collect())),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(e),
    }
}

/// Writes the manifest of a staged folder: every file under it, itself included, sorted.
pub fn write_manifest(folder: &Path) -> io::Result<()> {
    let mut files = BTreeSet::from([MANIFEST.to_string()]);
    walk(folder, "", &mut |rel, is_dir| {
        if !is_dir {
            files.insert(rel.to_string());
        }
        true
    })?;
    let mut text = String::new();
    for f in &files {
        text.push_str(f);
        text.push('\n');
    }
    let mut file = fs::File::create(folder.join(MANIFEST))?;
    io::Write::write_all(&mut file, text.as_bytes())?;
    file.sync_all()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folders_overlapping_the_input_are_refused() {
        let tmp = tempfile::tempdir().unwrap();
        let input = tmp.path().join("in");
        fs::create_dir_all(&input).unwrap();
        for (folder, relation) in [
            (input.clone(), "is"),
            (input.join("out/new"), "lies inside"),
            (tmp.path().to_path_buf(), "holds"),
            (input.join("x/../.."), "holds"),
        ] {
            match check_apart(&input, &folder, "output") {
                Err(FolderError::Overlap { relation: r, .. }) => assert_eq!(r, relation),
                other => panic!("{}: {other:?}", folder.display()),
            }
        }
        assert!(check_apart(&input, &tmp.path().join("out"), "output").is_ok());
        let link = tmp.path().join("link");
        std::os::unix::fs::symlink(&input, &link).unwrap();
        assert!(check_apart(&input, &link.join("sub"), "output").is_err());
        let dangling = tmp.path().join("dangling");
        std::os::unix::fs::symlink(input.join("later"), &dangling).unwrap();
        assert!(check_apart(&input, &dangling, "output").is_err());
    }

    #[test]
    fn only_what_the_manifest_lists_is_owned() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path();
        fs::create_dir_all(dir.join("state")).unwrap();
        fs::write(dir.join("run.json"), "{}").unwrap();
        fs::write(dir.join("state/state.json"), "{}").unwrap();
        assert!(
            foreign_entries(dir).unwrap().is_empty(),
            "an earlier output"
        );
        fs::write(dir.join("notes.txt"), "mine").unwrap();
        assert_eq!(foreign_entries(dir).unwrap(), ["notes.txt"]);
        fs::remove_file(dir.join("notes.txt")).unwrap();
        write_manifest(dir).unwrap();
        fs::create_dir_all(dir.join("state/old")).unwrap();
        fs::write(dir.join("mentions.csv"), "").unwrap();
        assert_eq!(
            foreign_entries(dir).unwrap(),
            ["mentions.csv", "state/old"],
            "a known name the manifest does not list is not owned"
        );
        assert!(matches!(
            check_owned(dir),
            Err(FolderError::Foreign { count: 2, .. })
        ));
    }
}
