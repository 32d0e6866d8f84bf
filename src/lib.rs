//! publik: the communication jobs of a citizen-services platform, as one
//! binary over one SQLite state file and one YAML config file.
//!
//! Layers (arrows point down only): `cli` → `ops` → `store`, with `config`,
//! `render` and small helpers beside them. See ARCHITECTURE.md.

pub(crate) mod address;
pub mod cli;
pub(crate) mod clock;
pub(crate) mod config;
pub(crate) mod duration;
pub mod exit_codes;
pub(crate) mod html;
pub(crate) mod link_key;
pub mod logger;
pub mod ops;
pub(crate) mod phone;
pub(crate) mod render;
pub(crate) mod serve;
pub(crate) mod size;
pub mod store;
#[cfg(test)]
mod testing;
pub(crate) mod token;
