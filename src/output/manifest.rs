//! The build manifest: gongkai's record of what it published, kept beside the output folder
//! (`.<name>.manifest`) so that it is never uploaded.
//!
//! It is what makes an output folder gongkai's own: only paths it lists are ever removed.
//! It is also the commit journal. Before the first file of a build moves into the output, the
//! manifest is replaced (atomically) by one in the `committing` state that lists every file of
//! the new build and every old file that will go; a build killed at any point therefore leaves
//! a record from which the next build knows which files are its own and repairs the folder.

use crate::diagnostics::Diagnostic;
use std::fmt::Write as _;
use std::path::{Component, Path, PathBuf};

/// A published file as the manifest records it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Entry {
    pub size: u64,
    /// Modification time, nanoseconds since 1970 (0 if unknown: never matches).
    pub mtime: u128,
    /// XXH3-64 of the content.
    pub hash: u64,
}

/// Whether the last build finished putting its files in place.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum State {
    Complete,
    /// Interrupted (or still running): some files may be old, some new.
    Committing,
}

/// A parsed manifest.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Manifest {
    pub state: State,
    /// Files of the build, sorted by path.
    pub entries: Vec<(String, Entry)>,
    /// Files of the build before, which the interrupted one was removing.
    pub gone: Vec<String>,
    /// Lines that were ignored, with why (a path outside the output folder …).
    pub ignored: Vec<(usize, String)>,
}

const HEADER_V1: &str = "gongkai build manifest 1 (hash size mtime path)";
const HEADER: &str = "gongkai build manifest 2 (hash size mtime path)";

/// `path` as a relative path with no `..`, root or prefix component.
pub fn safe_relative(path: &str) -> Option<PathBuf> {
    let p = Path::new(path);
    let ok = !path.is_empty() && !path.contains('\\') && p.components().all(|c| matches!(c, Component::Normal(_)));
    ok.then(|| p.to_path_buf())
}

/// Parses a manifest; `None` when `text` is not one (wrong header). Lines naming a path
/// outside the output folder are ignored and listed, never trusted.
pub fn parse(text: &str) -> Option<Manifest> {
    let mut lines = text.lines().enumerate();
    let header = lines.next()?.1;
    if header != HEADER && header != HEADER_V1 {
        return None;
    }
    let mut m = Manifest {
        state: State::Complete,
        entries: Vec::new(),
        gone: Vec::new(),
        ignored: Vec::new(),
    };
    for (i, line) in lines {
        let n = i + 1;
        if let Some(state) = line.strip_prefix("state ") {
            m.state = match state {
                "complete" => State::Complete,
                "committing" => State::Committing,
                _ => return None,
            };
        } else if let Some(path) = line.strip_prefix("gone ") {
            match safe_relative(path) {
                Some(_) => m.gone.push(path.to_string()),
                None => m.ignored.push((n, path.to_string())),
            }
        } else {
            let mut parts = line.splitn(4, ' ');
            let hash = u64::from_str_radix(parts.next()?, 16).ok()?;
            let size = parts.next()?.parse().ok()?;
            let mtime = parts.next()?.parse().ok()?;
            let path = parts.next()?;
            match safe_relative(path) {
                Some(_) => m.entries.push((path.to_string(), Entry { size, mtime, hash })),
                None => m.ignored.push((n, path.to_string())),
            }
        }
    }
    m.entries.sort_by(|a, b| a.0.cmp(&b.0));
    Some(m)
}

/// The manifest's text.
pub fn render(state: State, entries: &[(String, Entry)], gone: &[String]) -> String {
    let mut text = String::with_capacity(entries.len() * 80 + gone.len() * 40 + 80);
    text.push_str(HEADER);
    text.push('\n');
    text.push_str(match state {
        State::Complete => "state complete\n",
        State::Committing => "state committing\n",
    });
    for (p, e) in entries {
        let _ = writeln!(text, "{:016x} {} {} {p}", e.hash, e.size, e.mtime);
    }
    for p in gone {
        let _ = writeln!(text, "gone {p}");
    }
    text
}

/// Replaces the manifest at `path` in one step (a temporary file renamed over it), so a reader
/// sees either the old record or the new one.
pub fn write(path: &Path, state: State, entries: &[(String, Entry)], gone: &[String]) -> Result<(), Diagnostic> {
    let tmp = path.with_extension("manifest.tmp");
    let io = |p: &Path, e: std::io::Error| {
        Diagnostic::error(p, crate::msg!(CannotWriteManifest, error = e))
            .help(crate::messages::Msg::CannotWriteManifestHelp)
    };
    std::fs::write(&tmp, render(state, entries, gone)).map_err(|e| io(&tmp, e))?;
    std::fs::rename(&tmp, path).map_err(|e| io(path, e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rejects_escaping_paths() {
        assert!(safe_relative("parks/a/index.html").is_some());
        for bad in ["../x", "/etc/passwd", "a/../../b", "", "a\\..\\b", "./a"] {
            assert!(safe_relative(bad).is_none(), "{bad}");
        }
    }

    #[test]
    fn round_trips_and_ignores_paths_outside() {
        let e = Entry {
            size: 3,
            mtime: 7,
            hash: 0xab,
        };
        let text = render(State::Committing, &[("a.html".into(), e)], &["b.html".into()]);
        let m = parse(&text).unwrap();
        assert_eq!(m.state, State::Committing);
        assert_eq!(m.entries, vec![("a.html".to_string(), e)]);
        assert_eq!(m.gone, vec!["b.html".to_string()]);
        let hostile = format!("{text}00000000000000ab 3 7 ../content/parks/a/2021.md\ngone /etc/passwd\n");
        let m = parse(&hostile).unwrap();
        assert_eq!(m.entries.len(), 1);
        assert_eq!(m.gone.len(), 1);
        assert_eq!(m.ignored.len(), 2);
        assert_eq!(m.ignored[0], (5, "../content/parks/a/2021.md".to_string()));
    }

    #[test]
    fn reads_the_first_version() {
        let m = parse("gongkai build manifest 1 (hash size mtime path)\n00000000000000ab 3 7 a.html\n").unwrap();
        assert_eq!(m.state, State::Complete);
        assert_eq!(m.entries.len(), 1);
        assert!(parse("garbage").is_none());
    }
}
