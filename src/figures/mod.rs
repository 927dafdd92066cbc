//! Figures: the cross-checks between them, run over the form's rules ([`crate::schema::RULES`]).

pub mod checks;
