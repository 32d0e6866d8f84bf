//! publik: the communication jobs of a citizen-services platform, as one
//! binary over one SQLite state file and one YAML config file.
//!
//! Layers (arrows point down only): `cli` → `ops` → `store`, with `config`,
//! `render` and small helpers beside them. See ARCHITECTURE.md.

#![warn(unreachable_pub)]

/// This publik as `--version` and `state info` name it: the release and
/// the commit it was built from (build.rs).
pub(crate) const PUBLIK_VERSION: &str = concat!(
    "publik ",
    env!("CARGO_PKG_VERSION"),
    " (",
    env!("PUBLIK_BUILD_COMMIT"),
    ")"
);

pub(crate) mod accounts;
pub(crate) mod address;
pub(crate) mod capped;
pub mod cli;
pub(crate) mod clock;
pub(crate) mod config;
pub(crate) mod duration;
pub mod exit_codes;
pub(crate) mod fs_private;
pub(crate) mod html;
pub(crate) mod link_key;
pub mod logger;
pub(crate) mod ops;
pub(crate) mod phone;
pub(crate) mod progress;
pub(crate) mod queue_row;
pub(crate) mod render;
pub(crate) mod serve;
pub(crate) mod shutdown;
pub(crate) mod signed_url;
pub(crate) mod site;
pub(crate) mod size;
pub(crate) mod store;
#[cfg(test)]
mod testing;
pub(crate) mod thread_tenant;
pub(crate) mod token;
pub(crate) mod urlencoded;
pub(crate) mod yaml;

/// What the benches and the integration tests reach inside; not an API.
#[doc(hidden)]
pub mod internals {
    pub use crate::ops::ics::{Attendee, EventData, Method, render};
    pub use crate::ops::push::crypto::{VapidKey, encrypt as push_encrypt};
    pub use crate::store::{DbError, DbResult, Store};
}
