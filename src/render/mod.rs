//! Renderers: turn the site model into output files (pages, data).

pub mod chart_specs;
pub mod css;
pub mod csv;
pub mod data;
pub mod feeds;
pub mod form;
pub mod glossary;
pub mod human;
pub mod overview;
pub mod package;
pub mod pages;
pub mod progress;
pub mod tables;
pub mod targets;
pub mod terms;
pub mod tidy;

/// One file of the built site.
#[derive(Clone, Debug)]
pub struct OutputFile {
    /// Path below the output folder, with `/` separators.
    pub path: String,
    pub bytes: Vec<u8>,
}
