//! One build at a time per output folder.
//!
//! Two builds writing the same folder at once interleave their files and each removes the
//! other's (both used to exit 0 with pages missing). A lock file beside the output
//! (`.<name>.lock`) is held for the whole write; a second build waits for it. The operating
//! system releases the lock when a build ends in any way, even `kill -9`, so a stale lock
//! cannot block later builds; the file itself stays (removing it would race with a waiter).

use crate::diagnostics::Diagnostic;
use std::fs::{File, TryLockError};
use std::path::Path;

/// A held lock; released when dropped.
#[derive(Debug)]
pub struct OutputLock(#[allow(dead_code)] File);

/// Takes the lock at `path`, calling `waiting` once if another build holds it.
pub fn acquire(path: &Path, waiting: &dyn Fn()) -> Result<OutputLock, Diagnostic> {
    let io = |e: std::io::Error| {
        Diagnostic::error(path, crate::msg!(CannotLockOutput, error = e))
            .help(crate::messages::Msg::CannotLockOutputHelp)
    };
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).map_err(io)?;
    }
    let file = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(path)
        .map_err(io)?;
    match file.try_lock() {
        Ok(()) => {}
        Err(TryLockError::WouldBlock) => {
            waiting();
            file.lock().map_err(io)?;
        }
        Err(TryLockError::Error(e)) => return Err(io(e)),
    }
    Ok(OutputLock(file))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicBool, Ordering};

    #[test]
    fn a_second_holder_waits() {
        let t = tempfile::tempdir().unwrap();
        let path = t.path().join(".public.lock");
        let first = acquire(&path, &|| panic!("nobody holds it yet")).unwrap();
        let waited = std::sync::Arc::new(AtomicBool::new(false));
        let w = waited.clone();
        let p = path.clone();
        let second = std::thread::spawn(move || {
            let _l = acquire(&p, &|| w.store(true, Ordering::SeqCst)).unwrap();
        });
        while !waited.load(Ordering::SeqCst) {
            std::thread::yield_now();
        }
        drop(first);
        second.join().unwrap();
    }
}
