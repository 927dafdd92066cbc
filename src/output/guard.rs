//! Where a build may write, decided before anything is written.
//!
//! A mistyped `--output` must never cost a publisher their files. The output folder is
//! refused when it is the site folder, a folder above it, or inside `content/`, `themes/` or
//! `static/`; when it is a file; and when it already holds files that gongkai did not write
//! (no manifest of ours beside it), unless `--force` says they may go. A symlinked output is
//! followed to its target, which is updated in place, as is a mount point.

use super::manifest::{self, Manifest};
use crate::diagnostics::{Diagnostic, Kind};
use crate::messages::{Msg, Text};
use crate::msg;
use std::path::{Component, Path, PathBuf};

/// The name of the staging folder when it has to live inside the output folder (a mount point
/// or a symlinked output).
pub const INNER_STAGING: &str = ".gongkai-staging";

/// A file in a staging folder that says it is gongkai's own (removed before the folder's
/// files go in place, so it is never published).
pub const STAGING_MARK: &str = ".gongkai-staging-mark";

/// The resolved output folder and what is known about it.
#[derive(Debug)]
pub struct Target {
    /// The folder as given (absolute), for messages.
    pub named: PathBuf,
    /// Where the files go: `named` with symbolic links resolved. gongkai's own files (record,
    /// lock, staging) sit beside it, so one folder has one lock however it is named.
    pub dir: PathBuf,
    /// Update `dir` in place (mount point, symlinked output) rather than swapping it.
    pub in_place: bool,
    pub side: SidePaths,
    pub owner: Owner,
}

/// Whose the output folder is.
#[derive(Debug)]
pub enum Owner {
    /// It does not exist yet, or is empty.
    Fresh,
    /// gongkai's: its manifest is beside it.
    Ours(Manifest),
    /// Someone else's files, which `--force` allows to be replaced (top-level names).
    Forced(Vec<String>),
}

/// The files gongkai keeps beside the output folder.
#[derive(Debug, Clone)]
pub struct SidePaths {
    pub staging: PathBuf,
    pub old: PathBuf,
    pub manifest: PathBuf,
    pub lock: PathBuf,
}

impl SidePaths {
    /// Beside `out`: `.<name>.staging`, `.<name>.manifest`, `.<name>.lock`.
    pub fn of(out: &Path) -> SidePaths {
        let parent = out.parent().unwrap_or(Path::new("/"));
        let name = out
            .file_name()
            .map(|n| n.to_string_lossy().to_string())
            .unwrap_or_else(|| "public".into());
        SidePaths {
            staging: parent.join(format!(".{name}.staging")),
            old: parent.join(format!(".{name}.old")),
            manifest: parent.join(format!(".{name}.manifest")),
            lock: parent.join(format!(".{name}.lock")),
        }
    }
}

/// The absolute form of `out`, with `.` and `..` resolved and no trailing separator.
pub fn absolute(out: &Path) -> Result<PathBuf, Diagnostic> {
    let abs = std::path::absolute(out).map_err(|e| {
        Diagnostic::error(out, msg!(IoProblem, what = Msg::IoResolveOutput, error = e)).help(Msg::OutputPathHelp)
    })?;
    let mut clean = PathBuf::new();
    for c in abs.components() {
        match c {
            Component::ParentDir => {
                clean.pop();
            }
            Component::CurDir => {}
            other => clean.push(other),
        }
    }
    Ok(clean)
}

/// Resolves the output folder and decides whether gongkai may write there (`root`: the site
/// folder, whose sources are never an output). Runs with the output's lock held (the manifest
/// is read here).
pub fn resolve(root: Option<&Path>, named: &Path, force: bool) -> Result<Target, Diagnostic> {
    let meta = std::fs::symlink_metadata(named).ok();
    let is_link = meta.as_ref().is_some_and(|m| m.file_type().is_symlink());
    let dir = if is_link {
        std::fs::canonicalize(named).map_err(|e| {
            Diagnostic::error(named, msg!(OutputLinkUnreachable, error = e)).help(Msg::OutputLinkUnreachableHelp)
        })?
    } else if meta.is_some() {
        std::fs::canonicalize(named).map_err(|e| io(named, Msg::IoResolveOutput, e))?
    } else {
        canonical_prefix(named)
    };
    if dir.exists() && !dir.is_dir() {
        return Err(Diagnostic::error(named, Msg::OutputIsFile).help(Msg::OutputIsFileHelp));
    }
    if let Some(root) = root {
        refuse_site_folders(root, named, &dir)?;
    }
    let side = SidePaths::of(&dir);
    let owner = owner(named, &dir, &side, force)?;
    let in_place = is_link || is_mount_point(&dir);
    Ok(Target {
        named: named.to_path_buf(),
        dir,
        in_place,
        side,
        owner,
    })
}

/// `path` with its longest existing ancestor canonicalised (the rest does not exist yet).
fn canonical_prefix(path: &Path) -> PathBuf {
    let mut rest = Vec::new();
    let mut base = path;
    while !base.exists() {
        match (base.parent(), base.file_name()) {
            (Some(p), Some(n)) => {
                rest.push(n.to_os_string());
                base = p;
            }
            _ => break,
        }
    }
    let mut out = std::fs::canonicalize(base).unwrap_or_else(|_| base.to_path_buf());
    out.extend(rest.iter().rev());
    out
}

/// Refuses the site folder, anything above it, and anything inside its sources.
fn refuse_site_folders(root: &Path, named: &Path, dir: &Path) -> Result<(), Diagnostic> {
    let Ok(root) = std::fs::canonicalize(root) else {
        return Ok(());
    };
    if root.starts_with(dir) {
        let message = if root == dir {
            msg!(OutputIsSiteFolder, root = root.display())
        } else {
            msg!(OutputContainsSiteFolder, root = root.display())
        };
        return Err(Diagnostic::error(named, message).help(Msg::OwnFolderHelp));
    }
    for source in ["content", "themes", "static"] {
        let s = std::fs::canonicalize(root.join(source)).unwrap_or_else(|_| root.join(source));
        if dir.starts_with(&s) {
            return Err(Diagnostic::error(named, msg!(OutputInsideSources, source)).help(Msg::OwnFolderHelp));
        }
    }
    Ok(())
}

/// Whose the folder is; refuses someone else's files without `--force`.
fn owner(named: &Path, dir: &Path, side: &SidePaths, force: bool) -> Result<Owner, Diagnostic> {
    let manifest_text = std::fs::read_to_string(&side.manifest).ok();
    if let Some(m) = manifest_text.as_deref().and_then(manifest::parse) {
        return Ok(Owner::Ours(m));
    }
    let entries = foreign_entries(dir, is_mount_point(dir))?;
    if entries.is_empty() {
        return Ok(Owner::Fresh);
    }
    if force {
        return Ok(Owner::Forced(entries));
    }
    let damaged = if manifest_text.is_some() {
        msg!(RecordDamaged, record = side.manifest.display())
    } else {
        Text::Raw(String::new())
    };
    Err(Diagnostic::error(
        named,
        msg!(
            OutputHoldsForeign,
            entries = entries_count(entries.len()),
            damaged,
            list = list(&entries)
        ),
    )
    .help(Msg::OutputHoldsForeignHelp))
}

/// The entries of `dir` other than gongkai's own staging folder (and a mount point's
/// `lost+found`), sorted, with `/` after folders.
pub fn foreign_entries(dir: &Path, mount_point: bool) -> Result<Vec<String>, Diagnostic> {
    let read = match std::fs::read_dir(dir) {
        Ok(r) => r,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(io(dir, Msg::IoReadOutput, e).with_kind(Kind::CannotRead)),
    };
    let mut names = Vec::new();
    for entry in read {
        let entry = entry.map_err(|e| io(dir, Msg::IoReadOutput, e).with_kind(Kind::CannotRead))?;
        let name = entry.file_name().to_string_lossy().to_string();
        if name == INNER_STAGING || (mount_point && name == "lost+found") {
            continue;
        }
        let is_dir = entry.file_type().is_ok_and(|t| t.is_dir());
        names.push(if is_dir { format!("{name}/") } else { name });
    }
    names.sort();
    Ok(names)
}

/// True when `dir` is the root of a mounted file system (its parent is on another device).
#[cfg(unix)]
pub fn is_mount_point(dir: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    let (Some(parent), Ok(m)) = (dir.parent(), std::fs::metadata(dir)) else {
        return false;
    };
    std::fs::metadata(parent).is_ok_and(|p| p.dev() != m.dev())
}

#[cfg(not(unix))]
pub fn is_mount_point(_dir: &Path) -> bool {
    false
}

/// "portal.html, uploads/, …" (at most ten names).
pub fn list(names: &[String]) -> Text {
    let text = names.iter().take(10).cloned().collect::<Vec<_>>().join(", ");
    if names.len() > 10 {
        msg!(ListAndMore, list = text, n = names.len() - 10)
    } else {
        Text::Raw(text)
    }
}

/// "1 entry", "3 entries".
fn entries_count(n: usize) -> Text {
    if n == 1 { Msg::OneEntry.into() } else { msg!(Entries, n) }
}

fn io(path: &Path, what: Msg, e: std::io::Error) -> Diagnostic {
    Diagnostic::error(path, msg!(IoProblem, what, error = e)).help(Msg::IoHelp)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site() -> tempfile::TempDir {
        let t = tempfile::tempdir().unwrap();
        for d in ["content/parks", "themes/default", "static"] {
            std::fs::create_dir_all(t.path().join(d)).unwrap();
        }
        t
    }

    #[test]
    fn refuses_the_site_and_its_sources() {
        let t = site();
        let root = t.path();
        let real = std::fs::canonicalize(root).unwrap();
        let site = |what: &str| {
            format!(
                "the output folder {what} ({}): building there would replace your reports and settings",
                real.display()
            )
        };
        let sources = |folder: &str| {
            format!(
                "the output folder is inside the site's `{folder}/` folder: building there would replace your source files"
            )
        };
        for (bad, message) in [
            (".", site("is the site folder itself")),
            ("..", site("contains the site folder")),
            ("content", sources("content")),
            ("content/parks/x", sources("content")),
            ("themes", sources("themes")),
            ("static/x", sources("static")),
            ("content/../content", sources("content")),
        ] {
            let out = absolute(&root.join(bad)).unwrap();
            let e = resolve(Some(root), &out, true).unwrap_err();
            assert_eq!(e.message, message, "{bad}");
        }
        assert!(matches!(
            resolve(Some(root), &root.join("public"), false).unwrap().owner,
            Owner::Fresh
        ));
    }

    #[test]
    fn refuses_a_file_and_foreign_files() {
        let t = site();
        let root = t.path();
        std::fs::write(root.join("notes.txt"), "x").unwrap();
        let e = resolve(Some(root), &root.join("notes.txt"), true).unwrap_err();
        assert_eq!(
            e.message,
            "the output folder is a file, not a folder: gongkai will not replace it"
        );
        let web = root.join("www");
        std::fs::create_dir_all(web.join("uploads")).unwrap();
        std::fs::write(web.join("portal.html"), "x").unwrap();
        let e = resolve(Some(root), &web, false).unwrap_err();
        assert_eq!(
            e.message,
            "the output folder already holds 2 entries that gongkai did not write: portal.html, uploads/"
        );
        match resolve(Some(root), &web, true).unwrap().owner {
            Owner::Forced(names) => assert_eq!(names, vec!["portal.html", "uploads/"]),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn absolute_resolves_dots() {
        assert_eq!(absolute(Path::new("/a/b/../c/./d")).unwrap(), PathBuf::from("/a/c/d"));
    }
}
