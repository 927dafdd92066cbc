//! Figures: the cross-checks between them, run over the form's rules
//! ([`crate::schema::RULES`]), whose results stay with their report ([`Checked`]).

pub mod checks;
pub mod words;

use crate::content::Report;
use std::sync::Arc;

/// A report with the results of its cross-checks: computed once, when the report is read,
/// and kept together from then on, so that nothing has to match them up again.
#[derive(Clone, Debug)]
pub struct Checked {
    pub report: Arc<Report>,
    pub checks: Arc<[checks::Check]>,
}

impl Checked {
    /// Runs the cross-checks of `report`.
    pub fn new(report: Arc<Report>) -> Checked {
        let checks = checks::check_report(&report).into();
        Checked { report, checks }
    }
}
