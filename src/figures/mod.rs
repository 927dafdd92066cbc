//! Figures: their names ([`catalog`]) and, later, the cross-checks between them.

pub mod catalog;
pub mod checks;
