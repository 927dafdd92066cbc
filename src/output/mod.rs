//! Writing the built site safely, and only what changed.
//!
//! The order of things, each step in its own module:
//! 1. [`lock`]: one build at a time per output folder;
//! 2. [`guard`]: where the site may be written (never over the sources, never over files
//!    gongkai did not write unless `--force` says so);
//! 3. staging: every new or changed file is written into a staging folder as it is rendered;
//!    a failed build removes the staging folder and the output is untouched;
//! 4. commit: the [`manifest`] beside the output first records, as a journal, every file of
//!    the new build and every old file that goes; then the files go in place:
//!    - a first build (or a `--force`d one) swaps the whole folder in one step;
//!    - a rebuild moves in only the files that changed (a file whose content hash, size and
//!      time on disk are what the manifest says is not written again, so upload tools and
//!      caches see only real changes) and removes the files of removed reports;
//!    - a mount point or a symlinked output is updated in place, with staging inside it;
//!
//!    and finally the manifest is marked complete. A build killed at any point leaves the old
//!    site, the new one, or a folder the next build repairs from the journal.
//!
//! Nothing outside the output folder is ever deleted: only paths the manifest lists (checked to
//! stay inside the folder, never through a symbolic link) are removed.

pub mod guard;
pub mod lock;
pub mod manifest;

use crate::diagnostics::Diagnostic;
use crate::messages::{Msg, Text};
use crate::msg;
use crate::render::OutputFile;
use guard::{INNER_STAGING, Owner, STAGING_MARK, Target};
use manifest::{Entry, State, safe_relative};
use rustc_hash::{FxHashMap, FxHashSet};
use std::collections::BTreeSet;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::UNIX_EPOCH;

/// What a commit did to the output folder.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Written {
    /// Files written (new or changed).
    pub written: usize,
    /// Files left as they were (same content).
    pub unchanged: usize,
    /// Files of the previous build that the new one no longer has.
    pub removed: usize,
}

/// A failed write, and the state it left the output folder in.
#[derive(Debug)]
pub struct WriteError {
    pub diagnostic: Diagnostic,
    /// False: the output is exactly as before. True: some files changed; the journal beside
    /// the output lets the next build finish the job.
    pub output_changed: bool,
}

impl WriteError {
    fn unchanged(diagnostic: Diagnostic) -> WriteError {
        WriteError {
            diagnostic,
            output_changed: false,
        }
    }
    fn changed(diagnostic: Diagnostic) -> WriteError {
        WriteError {
            diagnostic,
            output_changed: true,
        }
    }
}

/// How a build may treat the output folder.
#[derive(Clone, Copy, Default)]
pub struct Options<'a> {
    /// Replace a folder holding files gongkai did not write.
    pub force: bool,
    /// Told things the user should see at once (waiting for a lock, what `--force` removes).
    pub notify: Option<&'a (dyn Fn(&Text) + Sync)>,
    /// The site folder, whose sources may never be the output (None: no site, as in tests).
    pub root: Option<&'a Path>,
}

/// Writes `files` to `out` in one go (for tests and tools): begin, write, commit.
pub fn publish(out: &Path, files: &[OutputFile], options: Options) -> Result<Written, WriteError> {
    let staging = Staging::begin(out, options).map_err(WriteError::unchanged)?;
    for f in files {
        staging.write(f);
    }
    staging.commit()
}

/// A build being written: see the module documentation.
pub struct Staging {
    target: Target,
    /// Where new and changed files wait for the commit.
    dir: PathBuf,
    /// The previous build's files, when the output is gongkai's.
    previous: Option<FxHashMap<String, Entry>>,
    /// Every file of this build (written or unchanged).
    entries: Mutex<Vec<(String, Entry)>>,
    /// Files written into the staging folder (moved into the output on commit).
    staged: Mutex<Vec<String>>,
    /// Folders already created in the staging folder.
    dirs: Mutex<FxHashSet<PathBuf>>,
    /// The first write error; later writes are skipped.
    error: Mutex<Option<Diagnostic>>,
    /// Problems worth a warning that do not stop the build (ignored manifest lines).
    pub warnings: Vec<Diagnostic>,
    _lock: lock::OutputLock,
}

/// The files of the previous build, from its record (`manifest`, the record's path, for
/// messages): an unchanged file is not written again, and one this build no longer has is
/// removed.
/// A line that is not a plain path inside the output folder is dropped, with a warning.
fn previous_files(m: &manifest::Manifest, manifest: &Path) -> (FxHashMap<String, Entry>, Vec<Diagnostic>) {
    let warnings = m
        .ignored
        .iter()
        .map(|(line, path)| {
            Diagnostic::warning(manifest, msg!(ManifestLineIgnored, path))
                .at(*line, 1)
                .help(Msg::ManifestLineIgnoredHelp)
        })
        .collect();
    let mut map: FxHashMap<String, Entry> = m.entries.iter().cloned().collect();
    // Files an interrupted build was removing are still ours to remove.
    for p in &m.gone {
        map.entry(p.clone()).or_insert(Entry {
            size: u64::MAX,
            mtime: 0,
            hash: 0,
        });
    }
    (map, warnings)
}

impl Staging {
    /// Locks the output, checks that gongkai may write there, and prepares an empty staging
    /// folder.
    pub fn begin(out: &Path, options: Options) -> Result<Staging, Diagnostic> {
        let named = guard::absolute(out)?;
        let notify = |text: Text| {
            if let Some(n) = options.notify {
                n(&text)
            }
        };
        let root = options.root;
        // Refusals come before the lock file is made: a refused build leaves no trace.
        let first = guard::resolve(root, &named, options.force)?;
        let held = lock::acquire(&first.side.lock, &|| {
            notify(msg!(WaitingForLock, output = named.display()))
        })?;
        // Again, now that no other build is writing: it may have made the folder ours.
        let target = guard::resolve(root, &named, options.force)?;
        if let Owner::Forced(names) = &target.owner {
            notify(msg!(
                ForceWillRemove,
                output = named.display(),
                n = names.len(),
                list = guard::list(names)
            ));
        }
        let (previous, warnings) = match &target.owner {
            Owner::Ours(m) => {
                let (files, warnings) = previous_files(m, &target.side.manifest);
                (Some(files), warnings)
            }
            Owner::Fresh | Owner::Forced(_) => (None, Vec::new()),
        };
        let dir = prepare_staging(&target)?;
        Ok(Staging {
            target,
            dir,
            previous,
            entries: Mutex::new(Vec::new()),
            staged: Mutex::new(Vec::new()),
            dirs: Mutex::default(),
            error: Mutex::new(None),
            warnings,
            _lock: held,
        })
    }

    /// The output folder files are published to (symbolic links resolved).
    pub fn output(&self) -> &Path {
        &self.target.dir
    }

    /// Writes one file (from any thread), unless the published copy is already identical.
    pub fn write(&self, f: &OutputFile) {
        if lock(&self.error).is_some() {
            return;
        }
        let result = safe_relative(&f.path)
            .ok_or_else(|| Diagnostic::error(&f.path, Msg::RefuseOutside).help(Msg::RefuseOutsideHelp))
            .and_then(|rel| {
                let hash = xxhash_rust::xxh3::xxh3_64(&f.bytes);
                let size = f.bytes.len() as u64;
                if let Some(old) = self.previous.as_ref().and_then(|p| p.get(&f.path))
                    && old.hash == hash
                    && old.size == size
                    && on_disk(&self.target.dir.join(&rel)) == Some((size, old.mtime))
                {
                    lock(&self.entries).push((f.path.clone(), *old));
                    return Ok(());
                }
                let mtime = self.write_staged(&rel, &f.bytes)?;
                lock(&self.entries).push((f.path.clone(), Entry { size, mtime, hash }));
                lock(&self.staged).push(f.path.clone());
                Ok(())
            });
        if let Err(d) = result {
            lock(&self.error).get_or_insert(d);
        }
    }

    /// Writes into the staging folder; returns the file's modification time.
    fn write_staged(&self, rel: &Path, bytes: &[u8]) -> Result<u128, Diagnostic> {
        let path = self.dir.join(rel);
        if let Some(p) = path.parent() {
            // One mkdir per folder, not one per file.
            if !lock(&self.dirs).contains(p) {
                std::fs::create_dir_all(p).map_err(|e| io(p, Msg::IoCreateFolder, e))?;
                lock(&self.dirs).insert(p.to_path_buf());
            }
        }
        let mut file = std::fs::File::create(&path).map_err(|e| io(&path, Msg::IoWriteFile, e))?;
        file.write_all(bytes).map_err(|e| io(&path, Msg::IoWriteFile, e))?;
        Ok(file.metadata().ok().map_or(0, |m| mtime_of(&m)))
    }

    /// Puts the new and changed files in place and removes the files of the previous build
    /// that this one does not have, unless a write failed. See the module documentation.
    pub fn commit(self) -> Result<Written, WriteError> {
        if let Some(d) = lock(&self.error).take() {
            let _ = std::fs::remove_dir_all(&self.dir);
            return Err(WriteError::unchanged(d));
        }
        let mut entries = self.entries.into_inner().unwrap_or_else(|e| e.into_inner());
        entries.sort_by(|a, b| a.0.cmp(&b.0));
        let mut staged = self.staged.into_inner().unwrap_or_else(|e| e.into_inner());
        staged.sort();
        let current: FxHashSet<&str> = entries.iter().map(|(p, _)| p.as_str()).collect();
        let mut gone: Vec<String> = self
            .previous
            .iter()
            .flat_map(|p| p.keys())
            .filter(|p| !current.contains(p.as_str()))
            .cloned()
            .collect();
        gone.sort();
        let side = &self.target.side;
        let out = &self.target.dir;
        if matches!(self.target.owner, Owner::Ours(_)) || self.target.in_place {
            // A file or link where the site needs a folder stops the build before anything moves.
            check_folders(out, &staged).map_err(WriteError::unchanged)?;
        }
        // The mark says the staging folder is ours until its files go in place; it is never
        // published.
        std::fs::remove_file(self.dir.join(STAGING_MARK))
            .map_err(|e| WriteError::unchanged(io(&self.dir, Msg::IoPrepareStaging, e)))?;
        // The journal: from here on the next build can tell every file that is ours.
        manifest::write(&side.manifest, State::Committing, &entries, &gone).map_err(WriteError::unchanged)?;
        fault_point("journal written");
        let mut written = Written {
            written: staged.len(),
            unchanged: entries.len() - staged.len(),
            removed: 0,
        };
        match &self.target.owner {
            Owner::Ours(_) => {
                move_in(&self.dir, out, &staged)?;
                written.removed = remove_gone(out, &gone)?;
            }
            Owner::Fresh | Owner::Forced(_) if self.target.in_place => {
                clear_foreign(out)?;
                move_in(&self.dir, out, &staged)?;
            }
            Owner::Fresh | Owner::Forced(_) => swap_in(&self.dir, out, &side.old)?,
        }
        let _ = std::fs::remove_dir_all(&self.dir);
        fault_point("files in place");
        injected_manifest_failure(&side.manifest).map_err(WriteError::changed)?;
        manifest::write(&side.manifest, State::Complete, &entries, &[]).map_err(WriteError::changed)?;
        Ok(written)
    }

    /// Discards the staging folder; the output is untouched.
    pub fn abort(self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// An empty staging folder: beside the output, or inside it for a mount point or a symlinked
/// output (where a rename from outside would cross file systems or replace the link).
fn prepare_staging(target: &Target) -> Result<PathBuf, Diagnostic> {
    let dir = if target.in_place {
        target.dir.join(INNER_STAGING)
    } else {
        target.side.staging.clone()
    };
    if matches!(target.owner, Owner::Ours(_)) && target.side.old.exists() {
        // Left by a two-step swap that was interrupted: the previous site, ours to remove.
        std::fs::remove_dir_all(&target.side.old).map_err(|e| io(&target.side.old, Msg::IoRemoveOldSite, e))?;
    }
    if dir.exists() {
        let marked = dir.join(STAGING_MARK).is_file();
        let ours = marked || matches!(target.owner, Owner::Ours(_));
        if !ours {
            return Err(Diagnostic::error(&dir, Msg::ForeignStaging).help(Msg::ForeignStagingHelp));
        }
        std::fs::remove_dir_all(&dir).map_err(|e| io(&dir, Msg::IoRemoveOldStaging, e))?;
    }
    std::fs::create_dir_all(&dir).map_err(|e| io(&dir, Msg::IoCreateStaging, e))?;
    std::fs::write(dir.join(STAGING_MARK), "staging folder of a gongkai build\n")
        .map_err(|e| io(&dir, Msg::IoCreateStaging, e))?;
    Ok(dir)
}

/// Moves the staged files into the output folder.
fn move_in(staging: &Path, out: &Path, staged: &[String]) -> Result<(), WriteError> {
    std::fs::create_dir_all(out).map_err(|e| WriteError::unchanged(io(out, Msg::IoCreateOutput, e)))?;
    let mut made: FxHashSet<PathBuf> = FxHashSet::default();
    for (i, path) in staged.iter().enumerate() {
        let to = out.join(path);
        // check_folders ran before the journal: every existing folder on the way is real.
        if let Some(p) = to.parent()
            && made.insert(p.to_path_buf())
        {
            std::fs::create_dir_all(p).map_err(|e| WriteError::changed(io(p, Msg::IoCreateFolder, e)))?;
        }
        std::fs::rename(staging.join(path), &to).map_err(|e| WriteError::changed(io(&to, Msg::IoMoveFile, e)))?;
        if i % 64 == 0 {
            fault_point("moving files");
        }
    }
    Ok(())
}

/// Checks that no file or link stands where a staged file needs a folder inside `out`.
fn check_folders(out: &Path, staged: &[String]) -> Result<(), Diagnostic> {
    let parents: BTreeSet<&Path> = staged.iter().filter_map(|p| Path::new(p).parent()).collect();
    for rel in parents {
        if let Folders::Blocked(at) = folders(out, rel) {
            return Err(not_a_folder(&at));
        }
    }
    Ok(())
}

/// How the folders from `out` down to `out/rel` stand.
enum Folders {
    /// All there, none a link.
    Real,
    /// Real as far as they go; the rest does not exist yet.
    Missing,
    /// This one is a file or a symbolic link.
    Blocked(PathBuf),
}

fn folders(out: &Path, rel: &Path) -> Folders {
    let mut at = out.to_path_buf();
    for part in rel.components() {
        at.push(part);
        match std::fs::symlink_metadata(&at) {
            Ok(m) if m.is_dir() => {}
            Ok(_) => return Folders::Blocked(at),
            Err(_) => return Folders::Missing,
        }
    }
    Folders::Real
}

fn not_a_folder(at: &Path) -> Diagnostic {
    Diagnostic::error(at, Msg::NotAFolder).help(Msg::NotAFolderHelp)
}

/// Removes the files of the previous build that this one does not have: regular files only,
/// inside `out`, never through a link. Returns how many were removed.
fn remove_gone(out: &Path, gone: &[String]) -> Result<usize, WriteError> {
    let mut removed = 0;
    for (i, path) in gone.iter().enumerate() {
        if i % 64 == 0 {
            fault_point("removing files");
        }
        let Some(rel) = safe_relative(path) else { continue };
        let file = out.join(&rel);
        let inside = matches!(folders(out, rel.parent().unwrap_or(Path::new(""))), Folders::Real);
        let regular = std::fs::symlink_metadata(&file).is_ok_and(|m| m.is_file());
        if inside && regular {
            std::fs::remove_file(&file).map_err(|e| WriteError::changed(io(&file, Msg::IoRemoveGoneFile, e)))?;
            removed += 1;
            remove_empty_parents(out, &file);
        }
    }
    Ok(removed)
}

/// Removes what a first (or `--force`d) build replaces in an output updated in place: every
/// entry but the staging folder (and a mount point's `lost+found`).
fn clear_foreign(out: &Path) -> Result<(), WriteError> {
    let names = guard::foreign_entries(out, guard::is_mount_point(out)).map_err(WriteError::unchanged)?;
    for name in names {
        let path = out.join(name.trim_end_matches('/'));
        let result = match std::fs::symlink_metadata(&path) {
            Ok(m) if m.is_dir() => std::fs::remove_dir_all(&path),
            Ok(_) => std::fs::remove_file(&path),
            Err(_) => Ok(()),
        };
        result.map_err(|e| WriteError::changed(io(&path, Msg::IoRemoveForced, e)))?;
    }
    Ok(())
}

/// Removes the now empty folders between `file` and `root`.
fn remove_empty_parents(root: &Path, file: &Path) {
    let mut dir = file.parent();
    while let Some(d) = dir {
        if d == root || !d.starts_with(root) || std::fs::remove_dir(d).is_err() {
            break;
        }
        dir = d.parent();
    }
}

/// Puts `staging` in place of `out` in one step for readers: an atomic exchange where the
/// system has one, else two renames (the previous folder aside, then away).
fn swap_in(staging: &Path, out: &Path, old: &Path) -> Result<(), WriteError> {
    if !out.exists() {
        if let Some(p) = out.parent() {
            std::fs::create_dir_all(p).map_err(|e| WriteError::unchanged(io(p, Msg::IoCreateFolder, e)))?;
        }
        return std::fs::rename(staging, out).map_err(|e| WriteError::unchanged(io(out, Msg::IoMoveSite, e)));
    }
    if exchange(staging, out).is_ok() {
        fault_point("swapped");
        // The staging path now holds the previous site.
        return std::fs::remove_dir_all(staging).map_err(|e| WriteError::changed(io(staging, Msg::IoOldSiteStays, e)));
    }
    std::fs::rename(out, old).map_err(|e| WriteError::unchanged(io(out, Msg::IoMoveOldAside, e)))?;
    if let Err(e) = std::fs::rename(staging, out) {
        let _ = std::fs::rename(old, out);
        return Err(WriteError::unchanged(io(out, Msg::IoMoveSite, e)));
    }
    std::fs::remove_dir_all(old).map_err(|e| WriteError::changed(io(old, Msg::IoOldSiteStays, e)))
}

/// Swaps two folders atomically (Linux `renameat2(RENAME_EXCHANGE)`).
#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> std::io::Result<()> {
    use std::ffi::CString;
    use std::os::unix::ffi::OsStrExt;
    let c = |p: &Path| CString::new(p.as_os_str().as_bytes()).map_err(std::io::Error::other);
    let (a, b) = (c(a)?, c(b)?);
    // SAFETY: both are valid NUL-terminated paths that outlive the call.
    let rc = unsafe {
        libc::renameat2(
            libc::AT_FDCWD,
            a.as_ptr(),
            libc::AT_FDCWD,
            b.as_ptr(),
            libc::RENAME_EXCHANGE,
        )
    };
    if rc == 0 {
        Ok(())
    } else {
        Err(std::io::Error::last_os_error())
    }
}

#[cfg(not(target_os = "linux"))]
fn exchange(_a: &Path, _b: &Path) -> std::io::Result<()> {
    Err(std::io::Error::from(std::io::ErrorKind::Unsupported))
}

/// For the fault-injection test only: `GONGKAI_FAULT_AT=N` aborts the process (as `kill -9`
/// would, with no clean-up) at the N-th point of a commit. Reading one variable per point costs
/// nothing next to the file system work around it.
fn fault_point(_what: &str) {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static SEEN: AtomicUsize = AtomicUsize::new(0);
    let Some(at) = std::env::var("GONGKAI_FAULT_AT")
        .ok()
        .and_then(|v| v.parse::<usize>().ok())
    else {
        return;
    };
    if SEEN.fetch_add(1, Ordering::SeqCst) + 1 == at {
        std::process::abort();
    }
}

/// For the tests of the failure message only: `GONGKAI_FAULT_MANIFEST=1` makes the final
/// manifest write fail, after the files went in place (as a full disk would).
fn injected_manifest_failure(path: &Path) -> Result<(), Diagnostic> {
    if std::env::var_os("GONGKAI_FAULT_MANIFEST").is_some() {
        let e = std::io::Error::other("injected failure (GONGKAI_FAULT_MANIFEST)");
        return Err(Diagnostic::error(path, msg!(CannotWriteManifest, error = e)).help(Msg::CannotWriteManifestHelp));
    }
    Ok(())
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

/// Size and modification time of a file on disk.
fn on_disk(path: &Path) -> Option<(u64, u128)> {
    let m = std::fs::symlink_metadata(path).ok()?;
    m.is_file().then(|| (m.len(), mtime_of(&m)))
}

fn mtime_of(m: &std::fs::Metadata) -> u128 {
    m.modified()
        .ok()
        .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_nanos())
}

fn io(path: &Path, what: Msg, e: std::io::Error) -> Diagnostic {
    Diagnostic::error(path, msg!(IoProblem, what, error = e)).help(Msg::IoHelp)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f(p: &str, content: &str) -> OutputFile {
        OutputFile {
            path: p.into(),
            bytes: content.as_bytes().to_vec(),
        }
    }

    fn publish(out: &Path, files: &[OutputFile]) -> Result<Written, WriteError> {
        super::publish(out, files, Options::default())
    }

    #[test]
    fn replaces_and_removes_stale_files() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("public");
        let first = publish(&out, &[f("a/index.html", "a"), f("b/x/c.json", "b")]).unwrap();
        assert_eq!(first.written, 2);
        let second = publish(&out, &[f("a/index.html", "a")]).unwrap();
        assert_eq!((second.written, second.unchanged, second.removed), (0, 1, 1));
        assert!(out.join("a/index.html").exists());
        assert!(!out.join("b/x/c.json").exists());
        assert!(!out.join("b").exists(), "emptied folders are removed");
        assert!(!tmp.path().join(".public.staging").exists());
    }

    #[test]
    fn a_rebuild_writes_only_changed_files() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("public");
        publish(&out, &[f("a.html", "one"), f("b.html", "two"), f("c.html", "three")]).unwrap();
        let before = std::fs::metadata(out.join("a.html")).unwrap().modified().unwrap();
        let w = publish(&out, &[f("a.html", "one"), f("b.html", "TWO"), f("d.html", "four")]).unwrap();
        assert_eq!((w.written, w.unchanged, w.removed), (2, 1, 1));
        assert_eq!(std::fs::read_to_string(out.join("b.html")).unwrap(), "TWO");
        assert_eq!(std::fs::read_to_string(out.join("d.html")).unwrap(), "four");
        assert!(!out.join("c.html").exists());
        assert_eq!(
            std::fs::metadata(out.join("a.html")).unwrap().modified().unwrap(),
            before
        );
    }

    #[test]
    fn a_published_file_changed_by_hand_is_rewritten() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("public");
        publish(&out, &[f("a.html", "one"), f("b.html", "two")]).unwrap();
        std::fs::write(out.join("a.html"), "edited by hand").unwrap();
        std::fs::remove_file(out.join("b.html")).unwrap();
        let w = publish(&out, &[f("a.html", "one"), f("b.html", "two")]).unwrap();
        assert_eq!(w.written, 2);
        assert_eq!(std::fs::read_to_string(out.join("a.html")).unwrap(), "one");
        assert_eq!(std::fs::read_to_string(out.join("b.html")).unwrap(), "two");
    }

    #[test]
    fn files_gongkai_did_not_write_are_kept() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("public");
        publish(&out, &[f("a.html", "one"), f("old.html", "x")]).unwrap();
        std::fs::write(out.join("portal.html"), "not ours").unwrap();
        let w = publish(&out, &[f("a.html", "one")]).unwrap();
        assert_eq!(w.removed, 1);
        assert_eq!(std::fs::read_to_string(out.join("portal.html")).unwrap(), "not ours");
    }

    #[test]
    fn a_broken_manifest_makes_the_folder_foreign() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("public");
        publish(&out, &[f("a.html", "one")]).unwrap();
        std::fs::write(tmp.path().join(".public.manifest"), "garbage").unwrap();
        let e = publish(&out, &[f("a.html", "one")]).unwrap_err();
        assert!(e.diagnostic.message.contains("did not write"), "{}", e.diagnostic);
        assert!(!e.output_changed);
        let forced = super::publish(
            &out,
            &[f("a.html", "one")],
            Options {
                force: true,
                ..Options::default()
            },
        )
        .unwrap();
        assert_eq!(forced.written, 1);
        let again = publish(&out, &[f("a.html", "one")]).unwrap();
        assert_eq!(again.unchanged, 1, "the manifest was rewritten");
    }

    #[test]
    fn a_failed_write_leaves_the_output_alone() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("public");
        publish(&out, &[f("a.html", "one")]).unwrap();
        let staging = Staging::begin(&out, Options::default()).unwrap();
        staging.write(&f("a.html", "changed"));
        staging.write(&f("../escape.html", "x"));
        let e = staging.commit().unwrap_err();
        assert!(!e.output_changed);
        assert_eq!(std::fs::read_to_string(out.join("a.html")).unwrap(), "one");
        assert!(!tmp.path().join(".public.staging").exists());
    }

    #[test]
    fn never_writes_or_removes_through_a_link() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("public");
        let elsewhere = tmp.path().join("elsewhere");
        std::fs::create_dir_all(&elsewhere).unwrap();
        std::fs::write(elsewhere.join("x.html"), "keep").unwrap();
        publish(&out, &[f("parks/x.html", "one")]).unwrap();
        std::fs::remove_dir_all(out.join("parks")).unwrap();
        std::os::unix::fs::symlink(&elsewhere, out.join("parks")).unwrap();
        // The manifest says parks/x.html is ours; the link must not let it reach elsewhere/.
        let w = publish(&out, &[f("b.html", "two")]).unwrap();
        assert_eq!(w.removed, 0);
        assert_eq!(std::fs::read_to_string(elsewhere.join("x.html")).unwrap(), "keep");
        let e = publish(&out, &[f("parks/x.html", "new")]).unwrap_err();
        assert!(
            e.diagnostic.message.contains("does not write through links"),
            "{}",
            e.diagnostic
        );
        assert!(!e.output_changed, "found before anything moved");
        assert_eq!(std::fs::read_to_string(elsewhere.join("x.html")).unwrap(), "keep");
    }
}
