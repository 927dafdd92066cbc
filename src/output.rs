//! Writing the built site safely, and only what changed.
//!
//! Nothing in the output folder changes until every file has been rendered: new and changed
//! files are written into a staging folder beside the output, and only a successful build
//! moves them in. A failed build leaves the published site untouched.
//!
//! A manifest beside the output (`.<name>.manifest`, outside the folder so it is never
//! uploaded) records each published file's size, modification time and content hash. On a
//! rebuild a file whose content hash matches, and whose size and time on disk are still what
//! the manifest says, is not written again: a rebuild with no change writes nothing, and the
//! web server's caches and upload tools see only real changes. Files of removed reports are
//! deleted. Without a usable manifest (first build, or an interrupted one) the whole folder is
//! written into staging and swapped in.

use crate::diagnostics::Diagnostic;
use crate::render::OutputFile;
use rustc_hash::{FxHashMap, FxHashSet};
use std::io::Write;
use std::path::{Component, Path, PathBuf};
use std::sync::Mutex;
use std::time::UNIX_EPOCH;

/// Writes `files` to `out`, replacing its previous contents only when all were written.
pub fn publish(out: &Path, files: &[OutputFile]) -> Result<Written, Diagnostic> {
    let staging = Staging::begin(out)?;
    for f in files {
        staging.write(f);
    }
    staging.commit()
}

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

/// A published file as the manifest records it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Entry {
    size: u64,
    /// Modification time, nanoseconds since 1970 (0 if unknown: never matches).
    mtime: u128,
    /// XXH3-64 of the content.
    hash: u64,
}

/// A build being written: see the module documentation.
pub struct Staging {
    out: PathBuf,
    dir: PathBuf,
    /// The previous build's manifest, when the output can be updated in place.
    previous: Option<FxHashMap<String, Entry>>,
    /// Every file of this build (written or unchanged).
    entries: Mutex<Vec<(String, Entry)>>,
    /// Files written into the staging folder (moved into the output on commit).
    staged: Mutex<Vec<String>>,
    /// Folders already created in the staging folder.
    dirs: Mutex<FxHashSet<PathBuf>>,
    /// The first write error; later writes are skipped.
    error: Mutex<Option<Diagnostic>>,
}

impl Staging {
    /// Prepares an empty staging folder for `out` and reads the previous manifest.
    pub fn begin(out: &Path) -> Result<Staging, Diagnostic> {
        let side = SidePaths::of(out);
        let parent = side.staging.parent().unwrap_or(Path::new("."));
        std::fs::create_dir_all(parent).map_err(|e| io(parent, "cannot create the folder", e))?;
        for stale in [&side.staging, &side.old] {
            if stale.exists() {
                std::fs::remove_dir_all(stale).map_err(|e| io(stale, "cannot remove a leftover folder", e))?;
            }
        }
        std::fs::create_dir_all(&side.staging).map_err(|e| io(&side.staging, "cannot create the folder", e))?;
        let previous = if out.is_dir() {
            std::fs::read_to_string(&side.manifest)
                .ok()
                .and_then(|text| parse_manifest(&text))
        } else {
            None
        };
        Ok(Staging {
            out: out.to_path_buf(),
            dir: side.staging,
            previous,
            entries: Mutex::new(Vec::new()),
            staged: Mutex::new(Vec::new()),
            dirs: Mutex::default(),
            error: Mutex::new(None),
        })
    }

    /// Writes one file (from any thread), unless the published copy is already identical.
    pub fn write(&self, f: &OutputFile) {
        if lock(&self.error).is_some() {
            return;
        }
        let result = safe_relative(&f.path)
            .ok_or_else(|| Diagnostic::error(&f.path, "refusing to write outside the output folder"))
            .and_then(|rel| {
                let hash = xxhash_rust::xxh3::xxh3_64(&f.bytes);
                let size = f.bytes.len() as u64;
                if let Some(old) = self.previous.as_ref().and_then(|p| p.get(&f.path)) {
                    if old.hash == hash && old.size == size && on_disk(&self.out.join(&rel)) == Some((size, old.mtime))
                    {
                        lock(&self.entries).push((f.path.clone(), *old));
                        return Ok(());
                    }
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
                std::fs::create_dir_all(p).map_err(|e| io(p, "cannot create the folder", e))?;
                lock(&self.dirs).insert(p.to_path_buf());
            }
        }
        let mut file = std::fs::File::create(&path).map_err(|e| io(&path, "cannot write the file", e))?;
        file.write_all(bytes)
            .map_err(|e| io(&path, "cannot write the file", e))?;
        Ok(file.metadata().ok().map_or(0, |m| mtime_of(&m)))
    }

    /// Moves the new and changed files into the output and removes the files of the previous
    /// build that this one does not have, unless a write failed.
    pub fn commit(self) -> Result<Written, Diagnostic> {
        let side = SidePaths::of(&self.out);
        if let Some(d) = lock(&self.error).take() {
            let _ = std::fs::remove_dir_all(&self.dir);
            return Err(d);
        }
        let mut entries = self.entries.into_inner().unwrap_or_else(|e| e.into_inner());
        entries.sort_by(|a, b| a.0.cmp(&b.0));
        let staged = self.staged.into_inner().unwrap_or_else(|e| e.into_inner());
        let mut written = Written {
            written: staged.len(),
            unchanged: entries.len() - staged.len(),
            removed: 0,
        };
        match &self.previous {
            None => {
                // A manifest that outlives a failed swap would describe the wrong files.
                let _ = std::fs::remove_file(&side.manifest);
                swap(&self.out, &self.dir)?;
            }
            Some(previous) => {
                // Until the new manifest is written the old one no longer describes the
                // output: without one, an interrupted update is followed by a full build.
                std::fs::remove_file(&side.manifest)
                    .map_err(|e| io(&side.manifest, "cannot replace the build manifest", e))?;
                let mut made: FxHashSet<PathBuf> = FxHashSet::default();
                for path in &staged {
                    let to = self.out.join(path);
                    if let Some(p) = to.parent() {
                        if made.insert(p.to_path_buf()) {
                            std::fs::create_dir_all(p).map_err(|e| io(p, "cannot create the folder", e))?;
                        }
                    }
                    std::fs::rename(self.dir.join(path), &to)
                        .map_err(|e| io(&to, "cannot move the new file in place", e))?;
                }
                let current: FxHashSet<&str> = entries.iter().map(|(p, _)| p.as_str()).collect();
                let mut gone: Vec<&String> = previous.keys().filter(|p| !current.contains(p.as_str())).collect();
                gone.sort();
                for path in gone {
                    let file = self.out.join(path);
                    if std::fs::remove_file(&file).is_ok() {
                        written.removed += 1;
                        remove_empty_parents(&self.out, &file);
                    }
                }
                let _ = std::fs::remove_dir_all(&self.dir);
            }
        }
        write_manifest(&side.manifest, &entries)?;
        Ok(written)
    }

    /// Discards the staging folder; the output is untouched.
    pub fn abort(self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

/// The folders and files gongkai keeps beside the output folder.
struct SidePaths {
    staging: PathBuf,
    old: PathBuf,
    manifest: PathBuf,
}

impl SidePaths {
    fn of(out: &Path) -> SidePaths {
        let parent = out
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        let name = out
            .file_name()
            .map(|n| n.to_string_lossy().to_string())
            .unwrap_or_else(|| "public".into());
        SidePaths {
            staging: parent.join(format!(".{name}.staging")),
            old: parent.join(format!(".{name}.old")),
            manifest: parent.join(format!(".{name}.manifest")),
        }
    }
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

const MANIFEST_HEADER: &str = "gongkai build manifest 1 (hash size mtime path)";

fn parse_manifest(text: &str) -> Option<FxHashMap<String, Entry>> {
    let mut lines = text.lines();
    if lines.next()? != MANIFEST_HEADER {
        return None;
    }
    let mut map = FxHashMap::default();
    for line in lines {
        let mut parts = line.splitn(4, ' ');
        let hash = u64::from_str_radix(parts.next()?, 16).ok()?;
        let size = parts.next()?.parse().ok()?;
        let mtime = parts.next()?.parse().ok()?;
        map.insert(parts.next()?.to_string(), Entry { size, mtime, hash });
    }
    Some(map)
}

fn write_manifest(path: &Path, entries: &[(String, Entry)]) -> Result<(), Diagnostic> {
    use std::fmt::Write as _;
    let mut text = String::with_capacity(entries.len() * 80 + 64);
    text.push_str(MANIFEST_HEADER);
    text.push('\n');
    for (p, e) in entries {
        let _ = writeln!(text, "{:016x} {} {} {p}", e.hash, e.size, e.mtime);
    }
    let tmp = path.with_extension("manifest.tmp");
    std::fs::write(&tmp, text).map_err(|e| io(&tmp, "cannot write the build manifest", e))?;
    std::fs::rename(&tmp, path).map_err(|e| io(path, "cannot write the build manifest", e))
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

/// Moves `staging` into place at `out`, the previous output aside and then away.
fn swap(out: &Path, staging: &Path) -> Result<(), Diagnostic> {
    let old = SidePaths::of(out).old;
    if out.exists() {
        std::fs::rename(out, &old).map_err(|e| io(out, "cannot move the previous site aside", e))?;
    }
    if let Err(e) = std::fs::rename(staging, out) {
        let _ = std::fs::rename(&old, out);
        return Err(io(out, "cannot move the new site in place", e));
    }
    if old.exists() {
        std::fs::remove_dir_all(&old).map_err(|e| io(&old, "cannot remove the previous site", e))?;
    }
    Ok(())
}

/// `path` as a relative path with no `..`, root or prefix component.
fn safe_relative(path: &str) -> Option<PathBuf> {
    let p = Path::new(path);
    let ok = !path.is_empty() && p.components().all(|c| matches!(c, Component::Normal(_)));
    ok.then(|| p.to_path_buf())
}

fn io(path: &Path, what: &str, e: std::io::Error) -> Diagnostic {
    Diagnostic::error(path, format!("{what}: {e}"))
        .help("check that the folder exists, is writable and is not open in another program")
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

    #[test]
    fn rejects_escaping_paths() {
        assert!(safe_relative("parks/a/index.html").is_some());
        for bad in ["../x", "/etc/passwd", "a/../../b", ""] {
            assert!(safe_relative(bad).is_none(), "{bad}");
        }
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
    fn a_missing_or_broken_manifest_means_a_full_swap() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("public");
        publish(&out, &[f("a.html", "one")]).unwrap();
        std::fs::write(out.join("stray.html"), "not ours").unwrap();
        std::fs::write(tmp.path().join(".public.manifest"), "garbage").unwrap();
        let w = publish(&out, &[f("a.html", "one")]).unwrap();
        assert_eq!(w.written, 1);
        assert!(!out.join("stray.html").exists());
        let again = publish(&out, &[f("a.html", "one")]).unwrap();
        assert_eq!(again.unchanged, 1, "the manifest was rewritten");
    }

    #[test]
    fn a_failed_write_leaves_the_output_alone() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("public");
        publish(&out, &[f("a.html", "one")]).unwrap();
        let staging = Staging::begin(&out).unwrap();
        staging.write(&f("a.html", "changed"));
        staging.write(&f("../escape.html", "x"));
        assert!(staging.commit().is_err());
        assert_eq!(std::fs::read_to_string(out.join("a.html")).unwrap(), "one");
        assert!(!tmp.path().join(".public.staging").exists());
    }
}
