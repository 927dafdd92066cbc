//! Writing the built site safely.
//!
//! Files are written into a staging folder beside the output; only when every file is written
//! is the old output swapped out. A failed build leaves the published site untouched, and
//! files of removed reports never linger.

use crate::diagnostics::Diagnostic;
use crate::render::OutputFile;
use std::path::{Component, Path, PathBuf};

/// Writes `files` to `out`, replacing its previous contents only when all were written.
pub fn publish(out: &Path, files: &[OutputFile]) -> Result<(), Diagnostic> {
    let staging = Staging::begin(out)?;
    for f in files {
        staging.write(f);
    }
    staging.commit()
}

/// A build being written: files go into a staging folder beside the output as they are
/// rendered; [`Staging::commit`] swaps it in, [`Staging::abort`] removes it.
pub struct Staging {
    out: PathBuf,
    dir: PathBuf,
    /// The first write error; later writes are skipped.
    error: std::sync::Mutex<Option<Diagnostic>>,
}

impl Staging {
    /// Prepares an empty staging folder for `out`.
    pub fn begin(out: &Path) -> Result<Staging, Diagnostic> {
        let (staging, old) = side_paths(out);
        let parent = staging.parent().unwrap_or(Path::new("."));
        std::fs::create_dir_all(parent).map_err(|e| io(parent, "cannot create the folder", e))?;
        for stale in [&staging, &old] {
            if stale.exists() {
                std::fs::remove_dir_all(stale).map_err(|e| io(stale, "cannot remove a leftover folder", e))?;
            }
        }
        std::fs::create_dir_all(&staging).map_err(|e| io(&staging, "cannot create the folder", e))?;
        Ok(Staging {
            out: out.to_path_buf(),
            dir: staging,
            error: std::sync::Mutex::new(None),
        })
    }

    /// Writes one file (from any thread).
    pub fn write(&self, f: &OutputFile) {
        let mut error = self.error.lock().unwrap_or_else(|e| e.into_inner());
        if error.is_some() {
            return;
        }
        drop(error);
        if let Err(d) = write_one(&self.dir, f) {
            error = self.error.lock().unwrap_or_else(|e| e.into_inner());
            error.get_or_insert(d);
        }
    }

    /// Replaces the output with the staging folder, unless a write failed.
    pub fn commit(self) -> Result<(), Diagnostic> {
        if let Some(d) = self.error.lock().unwrap_or_else(|e| e.into_inner()).take() {
            let _ = std::fs::remove_dir_all(&self.dir);
            return Err(d);
        }
        swap(&self.out, &self.dir)
    }

    /// Discards the staging folder; the output is untouched.
    pub fn abort(self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

fn side_paths(out: &Path) -> (PathBuf, PathBuf) {
    let parent = out
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = out
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_else(|| "public".into());
    (
        parent.join(format!(".{name}.staging")),
        parent.join(format!(".{name}.old")),
    )
}

/// Moves `staging` into place at `out`, the previous output aside and then away.
fn swap(out: &Path, staging: &Path) -> Result<(), Diagnostic> {
    let (_, old) = side_paths(out);
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

fn write_one(dir: &Path, f: &OutputFile) -> Result<(), Diagnostic> {
    let rel = safe_relative(&f.path)
        .ok_or_else(|| Diagnostic::error(&f.path, "refusing to write outside the output folder"))?;
    let path = dir.join(rel);
    if let Some(p) = path.parent() {
        std::fs::create_dir_all(p).map_err(|e| io(p, "cannot create the folder", e))?;
    }
    std::fs::write(&path, &f.bytes).map_err(|e| io(&path, "cannot write the file", e))
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
        let f = |p: &str| OutputFile {
            path: p.into(),
            bytes: p.as_bytes().to_vec(),
        };
        publish(&out, &[f("a/index.html"), f("b.json")]).unwrap();
        publish(&out, &[f("a/index.html")]).unwrap();
        assert!(out.join("a/index.html").exists());
        assert!(!out.join("b.json").exists());
        assert!(!tmp.path().join(".public.staging").exists());
    }
}
