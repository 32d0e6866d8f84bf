//! publik: the communication jobs of a citizen-services platform, as one
//! binary over one SQLite state file and one YAML config file.
//!
//! Layers (arrows point down only): `cli` → `ops` → `store`, with `config`,
//! `render` and small helpers beside them. See ARCHITECTURE.md.

pub mod address;
pub mod cli;
pub mod clock;
pub mod config;
pub mod duration;
pub mod exit_codes;
pub mod html;
pub mod link_key;
pub mod logger;
pub mod ops;
pub mod phone;
pub mod render;
pub mod serve;
pub mod size;
pub mod store;
#[cfg(test)]
mod testing;
pub mod token;
