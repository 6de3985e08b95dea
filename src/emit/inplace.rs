//! Replacing the contents of an output folder that cannot itself be renamed (a mount point, or a
//! folder whose parent is not writable): the new outputs are staged in a hidden subfolder, then
//! moved in file by file.
//!
//! The steps, each a rename inside the folder:
//! 1. the complete staging folder is renamed to `.rehab-incoming`: from then on the swap is
//!    finished, never undone;
//! 2. every entry of the old outputs (but the manifest) is moved into `.rehab-previous.partial`,
//!    which is renamed to `.rehab-previous` once all are there;
//! 3. every new entry is moved in from `.rehab-incoming`, the manifest last;
//! 4. `.rehab-incoming` and `.rehab-previous` are removed.
//!
//! A run killed in steps 2 to 4 leaves a mix of old and new files; the next run (or anything
//! calling [`recover`]) finishes the swap before it reads the folder.

use super::owned::{MANIFEST, WORK_PREFIX};
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

const INCOMING: &str = ".rehab-incoming";
const PREVIOUS: &str = ".rehab-previous";
const PREVIOUS_PARTIAL: &str = ".rehab-previous.partial";

/// The hidden staging folder of this process inside `target`.
pub fn staging_dir(target: &Path) -> PathBuf {
    target.join(format!("{WORK_PREFIX}staging-{}", std::process::id()))
}

/// Replaces the contents of `target` with those of `staging` (a folder inside it).
pub fn swap(staging: &Path, target: &Path) -> io::Result<()> {
    let incoming = target.join(INCOMING);
    if incoming.exists() {
        finish(target)?;
    }
    fs::rename(staging, &incoming)?;
    sync_dir(target)?;
    finish(target)
}

/// Finishes a swap a killed run began, and removes what a finished one left.
pub fn recover(target: &Path) -> io::Result<()> {
    if target.join(INCOMING).is_dir() {
        tracing::warn!(
            "finishing the replacement of {} that an interrupted run began",
            target.display()
        );
        return finish(target);
    }
    for leftover in [PREVIOUS, PREVIOUS_PARTIAL] {
        let path = target.join(leftover);
        if path.exists() {
            fs::remove_dir_all(path)?;
        }
    }
    Ok(())
}

/// Removes the staging folders killed runs left inside `target`; returns how many.
pub fn clean_stale(target: &Path) -> io::Result<usize> {
    super::atomic::remove_left_behind(target, &format!("{WORK_PREFIX}staging-"))
}

/// Steps 2 to 4, from wherever a killed run stopped.
fn finish(target: &Path) -> io::Result<()> {
    let incoming = target.join(INCOMING);
    let previous = target.join(PREVIOUS);
    if !previous.exists() {
        let partial = target.join(PREVIOUS_PARTIAL);
        fs::create_dir_all(&partial)?;
        for name in entries(target)? {
            fs::rename(target.join(&name), partial.join(&name))?;
        }
        fs::rename(&partial, &previous)?;
        sync_dir(target)?;
    }
    for name in entries(&incoming)? {
        fs::rename(incoming.join(&name), target.join(&name))?;
    }
    let manifest = incoming.join(MANIFEST);
    if manifest.exists() {
        fs::rename(&manifest, target.join(MANIFEST))?;
    }
    sync_dir(target)?;
    fs::remove_dir_all(&incoming)?;
    fs::remove_dir_all(&previous)
}

/// The entries of a folder that are outputs: neither the manifest nor `rehab`'s hidden work.
fn entries(dir: &Path) -> io::Result<Vec<std::ffi::OsString>> {
    let mut names = Vec::new();
    for entry in fs::read_dir(dir)? {
        let name = entry?.file_name();
        let text = name.to_string_lossy();
        if text != MANIFEST && !text.starts_with(WORK_PREFIX) {
            names.push(name);
        }
    }
    names.sort();
    Ok(names)
}

fn sync_dir(dir: &Path) -> io::Result<()> {
    fs::File::open(dir)?.sync_all()
}

/// Whether `path` is a mount point: on another device than its parent, or listed in
/// `/proc/self/mountinfo` (a bind mount within one file system).
pub fn is_mount_point(path: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    let Ok(real) = fs::canonicalize(path) else {
        return false;
    };
    let Some(parent) = real.parent() else {
        return true;
    };
    match (fs::metadata(&real), fs::metadata(parent)) {
        (Ok(a), Ok(b)) if a.dev() != b.dev() => return true,
        _ => {}
    }
    let Ok(table) = fs::read_to_string("/proc/self/mountinfo") else {
        return false;
    };
    table
        .lines()
        .filter_map(|line| line.split(' ').nth(4))
        .any(|point| Path::new(&unescape(point)) == real)
}

/// A mount point as `/proc/self/mountinfo` writes it: space, tab, newline and backslash as
/// three octal digits.
fn unescape(field: &str) -> String {
    let mut out = Vec::with_capacity(field.len());
    let bytes = field.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let octal = bytes.get(i + 1..i + 4).and_then(|d| {
            let text = std::str::from_utf8(d).ok()?;
            u8::from_str_radix(text, 8).ok()
        });
        match (bytes[i], octal) {
            (b'\\', Some(byte)) => {
                out.push(byte);
                i += 4;
            }
            (byte, _) => {
                out.push(byte);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(path: &Path, text: &str) {
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, text).unwrap();
    }

    #[test]
    fn the_contents_are_replaced_and_the_folder_stays() {
        use std::os::unix::fs::MetadataExt;
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("out");
        write(&out.join("a.csv"), "old");
        write(&out.join("state/registry.csv"), "old");
        write(&out.join(MANIFEST), "a.csv\nstate/registry.csv\n");
        let inode = fs::metadata(&out).unwrap().ino();
        let staging = staging_dir(&out);
        write(&staging.join("b.csv"), "new");
        write(&staging.join("state/registry.csv"), "new");
        write(&staging.join(MANIFEST), "b.csv\nstate/registry.csv\n");
        swap(&staging, &out).unwrap();
        assert_eq!(fs::metadata(&out).unwrap().ino(), inode, "the same folder");
        let mut names: Vec<String> = fs::read_dir(&out)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        assert_eq!(names, [MANIFEST, "b.csv", "state"]);
        assert_eq!(
            fs::read_to_string(out.join("state/registry.csv")).unwrap(),
            "new"
        );
    }

    #[test]
    fn a_swap_killed_half_way_is_finished() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("out");
        // Killed in step 3: the old outputs set aside, one new file moved in.
        write(&out.join(MANIFEST), "a.csv\nb.csv\n");
        write(&out.join(PREVIOUS).join("a.csv"), "old");
        write(&out.join(PREVIOUS).join("b.csv"), "old");
        write(&out.join("a.csv"), "new");
        write(&out.join(INCOMING).join("b.csv"), "new");
        write(&out.join(INCOMING).join(MANIFEST), "a.csv\nb.csv\nc.csv\n");
        write(&out.join(INCOMING).join("c.csv"), "new");
        recover(&out).unwrap();
        for name in ["a.csv", "b.csv", "c.csv"] {
            assert_eq!(fs::read_to_string(out.join(name)).unwrap(), "new", "{name}");
        }
        assert!(!out.join(PREVIOUS).exists() && !out.join(INCOMING).exists());
        assert!(
            fs::read_to_string(out.join(MANIFEST))
                .unwrap()
                .contains("c.csv")
        );

        // Killed in step 2: one old file set aside, one not yet.
        write(&out.join(PREVIOUS_PARTIAL).join("a.csv"), "old");
        fs::remove_file(out.join("a.csv")).unwrap();
        write(&out.join(INCOMING).join("a.csv"), "newer");
        write(&out.join(INCOMING).join(MANIFEST), "a.csv\n");
        recover(&out).unwrap();
        let names: Vec<_> = fs::read_dir(&out)
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names.len(), 2, "{names:?}");
        assert_eq!(fs::read_to_string(out.join("a.csv")).unwrap(), "newer");
    }

    #[test]
    fn mountinfo_escapes_are_read() {
        assert_eq!(unescape(r"/mnt/my\040disk\134x"), r"/mnt/my disk\x");
        assert!(is_mount_point(Path::new("/")));
        let tmp = tempfile::tempdir().unwrap();
        assert!(!is_mount_point(tmp.path()));
    }
}
