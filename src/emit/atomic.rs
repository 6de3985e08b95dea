//! An output folder replaced as a whole: written into a staging folder beside it, then swapped in,
//! so that a run killed at any moment leaves the previous complete outputs in place.
//!
//! A folder that cannot be renamed (a mount point, or one whose parent is not writable) is
//! staged inside itself and its contents replaced file by file instead (see [`super::inplace`]).

use super::{inplace, owned};
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// A staging folder that becomes the output folder on [`Staging::commit`], and is removed if
/// dropped before.
pub struct Staging {
    dir: PathBuf,
    target: PathBuf,
    committed: bool,
    in_place: bool,
}

impl Staging {
    /// Creates an empty staging folder beside `target`, after restoring a previous output folder
    /// that an interrupted swap may have left aside.
    pub fn new(target: &Path) -> io::Result<Staging> {
        recover(target)?;
        if target.is_dir() && inplace::is_mount_point(target) {
            return Staging::inside(target);
        }
        let dir = sibling(target, &format!("staging-{}", std::process::id()));
        match fresh_dir(&dir) {
            Ok(()) => Ok(Staging {
                dir,
                target: target.to_path_buf(),
                committed: false,
                in_place: false,
            }),
            Err(e) if target.is_dir() && cannot_write(&e) => Staging::inside(target),
            Err(e) => Err(e),
        }
    }

    /// A staging folder inside `target`, whose contents [`Staging::commit`] replaces file by file.
    pub fn inside(target: &Path) -> io::Result<Staging> {
        inplace::recover(target)?;
        let dir = inplace::staging_dir(target);
        fresh_dir(&dir)?;
        Ok(Staging {
            dir,
            target: target.to_path_buf(),
            committed: false,
            in_place: true,
        })
    }

    /// The staging folder to write into.
    pub fn path(&self) -> &Path {
        &self.dir
    }

    /// Writes the manifest of what the staging folder holds, then makes it the output folder in
    /// one step where the system allows it. Refuses to replace a folder holding anything
    /// `rehab` did not write.
    pub fn commit(mut self) -> io::Result<()> {
        owned::write_manifest(&self.dir)?;
        sync_dir(&self.dir)?;
        if let Err(e) = owned::check_owned(&self.target) {
            return Err(io::Error::other(e));
        }
        if self.in_place {
            inplace::swap(&self.dir, &self.target)?;
        } else if self.target.exists() {
            swap_in(&self.dir, &self.target)?;
        } else {
            fs::rename(&self.dir, &self.target)?;
        }
        sync_dir(&parent_of(&self.target))?;
        self.committed = true;
        Ok(())
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.committed {
            let _ = fs::remove_dir_all(&self.dir);
        }
    }
}

/// Creates `dir` empty, removing what a killed run of the same pid left there.
fn fresh_dir(dir: &Path) -> io::Result<()> {
    if dir.exists() {
        fs::remove_dir_all(dir)?;
    }
    fs::create_dir_all(dir)
}

/// Whether an error says the folder holding the target may not be written.
fn cannot_write(e: &io::Error) -> bool {
    matches!(
        e.kind(),
        io::ErrorKind::PermissionDenied | io::ErrorKind::ReadOnlyFilesystem
    )
}

/// A hidden path beside `target`: `.NAME.SUFFIX`.
fn sibling(target: &Path, suffix: &str) -> PathBuf {
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "output".into());
    parent_of(target).join(format!(".{name}.{suffix}"))
}

/// The folder holding `target` (`.` for a bare name).
fn parent_of(target: &Path) -> PathBuf {
    match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// Exchanges the two folders atomically (Linux `renameat2`), or falls back to two renames
/// with the old folder set aside under a name [`recover`] knows.
fn swap_in(staging: &Path, target: &Path) -> io::Result<()> {
    if exchange(staging, target).is_ok() {
        return fs::remove_dir_all(staging);
    }
    let aside = sibling(target, "previous");
    if aside.exists() {
        fs::remove_dir_all(&aside)?;
    }
    fs::rename(target, &aside)?;
    fs::rename(staging, target)?;
    fs::remove_dir_all(&aside)
}

#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> io::Result<()> {
    use rustix::fs::{CWD, RenameFlags, renameat_with};
    renameat_with(CWD, a, CWD, b, RenameFlags::EXCHANGE).map_err(io::Error::from)
}

#[cfg(not(target_os = "linux"))]
fn exchange(_a: &Path, _b: &Path) -> io::Result<()> {
    Err(io::Error::new(
        io::ErrorKind::Unsupported,
        "no atomic exchange",
    ))
}

/// Restores an output folder set aside by an interrupted two-rename swap, and removes staging
/// folders of runs that were killed.
pub fn recover(target: &Path) -> io::Result<()> {
    if target.is_dir() {
        inplace::recover(target)?;
    }
    let aside = sibling(target, "previous");
    if aside.exists() {
        if target.exists() {
            fs::remove_dir_all(&aside)?;
        } else {
            tracing::warn!("restoring {} from an interrupted run", target.display());
            fs::rename(&aside, target)?;
        }
    }
    Ok(())
}

/// Removes staging folders that killed runs left beside `target`, and returns how many there
/// were. Call it only while holding the run lock: a running writer's staging folder looks alike.
pub fn clean_stale(target: &Path) -> io::Result<usize> {
    let inside = inplace::clean_stale(target)?;
    Ok(inside + clean_stale_beside(target)?)
}

fn clean_stale_beside(target: &Path) -> io::Result<usize> {
    let prefix = sibling(target, "staging-");
    let (Some(parent), Some(prefix)) = (prefix.parent(), prefix.file_name()) else {
        return Ok(0);
    };
    remove_left_behind(parent, &prefix.to_string_lossy())
}

/// Removes the folders in `dir` whose names start with `prefix`, left there by killed runs; a
/// folder that does not exist holds none.
pub(super) fn remove_left_behind(dir: &Path, prefix: &str) -> io::Result<usize> {
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e)
            if matches!(
                e.kind(),
                io::ErrorKind::NotFound | io::ErrorKind::NotADirectory
            ) =>
        {
            return Ok(0);
        }
        Err(e) => return Err(e),
    };
    let mut removed = 0;
    for entry in entries {
        let entry = entry?;
        if entry.file_name().to_string_lossy().starts_with(prefix) {
            tracing::warn!(
                "removing {}, left by an interrupted run",
                entry.path().display()
            );
            fs::remove_dir_all(entry.path())?;
            removed += 1;
        }
    }
    Ok(removed)
}

fn sync_dir(dir: &Path) -> io::Result<()> {
    fs::File::open(dir)?.sync_all()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn commit_replaces_the_whole_folder_and_drop_leaves_it() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("output");
        let s = Staging::new(&out).unwrap();
        fs::write(s.path().join("a.csv"), "1").unwrap();
        s.commit().unwrap();
        assert_eq!(fs::read_to_string(out.join("a.csv")).unwrap(), "1");

        let s = Staging::new(&out).unwrap();
        fs::write(s.path().join("b.csv"), "2").unwrap();
        drop(s);
        assert!(out.join("a.csv").exists() && !out.join("b.csv").exists());

        let s = Staging::new(&out).unwrap();
        fs::write(s.path().join("b.csv"), "2").unwrap();
        s.commit().unwrap();
        assert!(!out.join("a.csv").exists() && out.join("b.csv").exists());
        let leftovers = fs::read_dir(tmp.path()).unwrap().count();
        assert_eq!(leftovers, 1);
    }

    #[test]
    fn a_folder_staged_inside_itself_is_replaced_file_by_file() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("output");
        let s = Staging::new(&out).unwrap();
        fs::write(s.path().join("a.csv"), "1").unwrap();
        s.commit().unwrap();
        let s = Staging::inside(&out).unwrap();
        assert!(s.path().starts_with(&out));
        fs::write(s.path().join("b.csv"), "2").unwrap();
        s.commit().unwrap();
        assert!(!out.join("a.csv").exists() && out.join("b.csv").exists());
        assert_eq!(
            fs::read_dir(&out).unwrap().count(),
            2,
            "b.csv and the manifest"
        );
        fs::write(out.join("note.txt"), "mine").unwrap();
        let s = Staging::inside(&out).unwrap();
        assert!(s.commit().is_err(), "a foreign file stops the swap");
        assert_eq!(fs::read_to_string(out.join("note.txt")).unwrap(), "mine");
        assert!(out.join("b.csv").exists());
    }

    #[test]
    fn stale_staging_folders_are_removed() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("output");
        fs::create_dir_all(out.join("x")).unwrap();
        let stale = sibling(&out, "staging-123");
        fs::create_dir_all(stale.join("state")).unwrap();
        fs::create_dir_all(tmp.path().join(".other.staging-1")).unwrap();
        assert_eq!(clean_stale(&out).unwrap(), 1);
        assert!(!stale.exists() && out.exists());
        assert!(tmp.path().join(".other.staging-1").exists());
    }

    #[test]
    fn an_interrupted_swap_is_undone() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("output");
        let aside = sibling(&out, "previous");
        fs::create_dir_all(&aside).unwrap();
        fs::write(aside.join("a.csv"), "old").unwrap();
        recover(&out).unwrap();
        assert_eq!(fs::read_to_string(out.join("a.csv")).unwrap(), "old");
    }
}
