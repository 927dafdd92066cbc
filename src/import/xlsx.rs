//! Reading a .xlsx into blocks. (To be written.)
use super::source::{ReadError, Source};
use std::path::Path;

pub fn read(path: &Path) -> Result<Source, ReadError> {
    Err(ReadError::Unsupported(path.display().to_string()))
}
