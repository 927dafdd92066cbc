//! Site search: an index built here, split into small compressed JSON shards, queried in the browser by
//! `search.js` (and by [`query`] in Rust, for tests and benchmarks).

pub mod index;
pub mod query;
pub mod store;
pub mod tokenize;
