//! `rehab`: links the records of victims of Soviet political repression across archives.
//!
//! Data flows one way: [`ingest`] (files → raw rows with provenance) → [`normalize`] (names, dates,
//! places) → [`link`] (mentions → persons) → [`attach`] (decisions → persons) → [`emit`]
//! (validated outputs).

// A rejected row is data carried to rejects.csv, not an error to pass up cheaply.
#![allow(clippy::result_large_err)]
#![warn(missing_docs)]

pub mod attach;
pub mod checks;
pub mod desk;
pub mod emit;
pub mod ingest;
pub mod link;
pub mod load;
pub mod memory;
pub mod model;
pub mod normalize;
pub mod pipeline;
pub mod score;
pub mod serve;
pub mod state;
pub mod summary;
pub mod synth;
pub mod tables;
