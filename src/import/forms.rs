//! Figures from the standard forms, recognised by their heads. (Being written.)

use super::phrases::Found;
use super::source::Block;

/// The figures of every form table in `blocks`.
pub fn read(_blocks: &[Block]) -> Vec<Found> {
    Vec::new()
}
