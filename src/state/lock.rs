//! A lock file beside the output folder (`.output.lock`) so that two runs cannot overlap.
//!
//! The lock is an advisory `flock` held for the whole run; the file records the holder's pid and
//! start time. The system releases the lock when the holder dies, so a file that still names a
//! holder but is not locked was left by a killed run: it is taken over with a message.

use fs4::FileExt;
use std::fs::{self, File, OpenOptions};
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

/// Why the lock could not be taken.
#[derive(Debug, thiserror::Error)]
pub enum LockError {
    /// Another run holds the output folder.
    #[error("{path}: another run holds this output folder ({holder}); try again when it ends")]
    Busy {
        /// The lock file.
        path: PathBuf,
        /// What the lock file says about the holder.
        holder: String,
    },
    /// The lock file could not be created or locked.
    #[error("{path}: cannot lock: {source}")]
    Io {
        /// The lock file.
        path: PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
}

/// The held lock; released (and its file emptied) when dropped.
#[derive(Debug)]
pub struct RunLock {
    file: File,
    path: PathBuf,
}

/// The lock file of an output folder: `.NAME.lock` beside it.
pub fn lock_path(output: &Path) -> PathBuf {
    let name = output
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "output".into());
    let parent = output.parent().filter(|p| !p.as_os_str().is_empty());
    parent
        .unwrap_or(Path::new("."))
        .join(format!(".{name}.lock"))
}

impl RunLock {
    /// Takes the lock of `output` without waiting, clearing a stale one left by a killed run.
    ///
    /// `output` should be the folder's real path, so that two paths to one folder share one
    /// lock. Where the folder holding `output` may not be written (a read-only parent of a
    /// mount point), the lock is `.rehab-lock` inside `output` instead.
    pub fn acquire(output: &Path) -> Result<RunLock, LockError> {
        let beside = lock_path(output);
        let (path, mut file) = match open_lock(&beside) {
            Ok(file) => (beside, file),
            Err(e) if output.is_dir() && cannot_write(&e) => {
                let inside = output.join(".rehab-lock");
                match open_lock(&inside) {
                    Ok(file) => (inside, file),
                    Err(source) => {
                        return Err(LockError::Io {
                            path: inside,
                            source,
                        });
                    }
                }
            }
            Err(source) => {
                return Err(LockError::Io {
                    path: beside,
                    source,
                });
            }
        };
        let io = |source| LockError::Io {
            path: path.clone(),
            source,
        };
        match FileExt::try_lock(&file) {
            Ok(()) => {}
            Err(fs4::TryLockError::WouldBlock) => {
                let holder = read_holder(&mut file);
                return Err(LockError::Busy { path, holder });
            }
            Err(fs4::TryLockError::Error(e)) => return Err(io(e)),
        }
        let previous = read_holder(&mut file);
        if !previous.is_empty() {
            tracing::warn!(
                "{}: clearing a stale lock of a run that ended without releasing it ({previous}{})",
                path.display(),
                liveness(&previous)
            );
        }
        record_holder(&mut file).map_err(io)?;
        Ok(RunLock { file, path })
    }

    /// The lock file.
    pub fn path(&self) -> &Path {
        &self.path
    }
}

impl Drop for RunLock {
    fn drop(&mut self) {
        let _ = self.file.set_len(0);
        let _ = self.file.sync_all();
        let _ = FileExt::unlock(&self.file);
    }
}

/// Opens (creating) a lock file without truncating what it says.
fn open_lock(path: &Path) -> std::io::Result<File> {
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent)?;
    }
    OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(path)
}

fn cannot_write(e: &std::io::Error) -> bool {
    matches!(
        e.kind(),
        std::io::ErrorKind::PermissionDenied | std::io::ErrorKind::ReadOnlyFilesystem
    )
}

fn read_holder(file: &mut File) -> String {
    let mut text = String::new();
    let _ = file.seek(SeekFrom::Start(0));
    let _ = file.read_to_string(&mut text);
    text.trim().to_string()
}

fn record_holder(file: &mut File) -> std::io::Result<()> {
    let started = chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
    file.set_len(0)?;
    file.seek(SeekFrom::Start(0))?;
    writeln!(file, "pid {} started {started}", std::process::id())?;
    file.sync_all()
}

/// Whether the pid a stale lock names is still alive, as a note for the message.
fn liveness(holder: &str) -> &'static str {
    let pid = holder
        .strip_prefix("pid ")
        .and_then(|rest| rest.split_whitespace().next());
    match pid {
        Some(pid) if Path::new("/proc").join(pid).exists() => {
            "; that pid is alive but does not hold the lock"
        }
        Some(_) if Path::new("/proc/self").exists() => "; that pid is gone",
        _ => "",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_lock_is_refused_and_a_released_one_is_reusable() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("output");
        let first = RunLock::acquire(&out).unwrap();
        assert_eq!(first.path(), tmp.path().join(".output.lock"));
        let text = fs::read_to_string(first.path()).unwrap();
        assert!(text.starts_with(&format!("pid {} started ", std::process::id())));
        match RunLock::acquire(&out) {
            Err(LockError::Busy { holder, .. }) => assert_eq!(holder, text.trim()),
            other => panic!("expected Busy, got {other:?}"),
        }
        drop(first);
        assert_eq!(
            fs::read_to_string(tmp.path().join(".output.lock")).unwrap(),
            ""
        );
        assert!(RunLock::acquire(&out).is_ok());
    }

    #[test]
    fn a_stale_lock_file_is_taken_over() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("output");
        fs::write(
            lock_path(&out),
            "pid 999999999 started 2020-01-01T00:00:00Z\n",
        )
        .unwrap();
        let lock = RunLock::acquire(&out).unwrap();
        let text = fs::read_to_string(lock.path()).unwrap();
        assert!(text.contains(&format!("pid {}", std::process::id())));
    }
}
