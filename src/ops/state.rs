//! `publik state info`.

use std::path::PathBuf;

use serde::Serialize;

use crate::config::Config;
use crate::store::{Store, TableCount};

#[derive(Debug, Serialize)]
pub struct StateInfo {
    pub path: PathBuf,
    pub schema_version: u32,
    pub size_bytes: u64,
    /// The key queued action links are made from (kept outside the state).
    pub link_key: LinkKeyInfo,
    pub tables: Vec<TableCount>,
}

#[derive(Debug, Serialize)]
pub struct LinkKeyInfo {
    pub path: PathBuf,
    pub present: bool,
}

pub fn info(store: &Store, config: &Config) -> anyhow::Result<StateInfo> {
    let path = store.path().to_path_buf();
    // The WAL holds recent commits too; count it as part of the state.
    let wal = PathBuf::from(format!("{}-wal", path.display()));
    let size_bytes = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0)
        + std::fs::metadata(&wal).map(|m| m.len()).unwrap_or(0);
    let link_key = crate::link_key::path_for(config, &path);
    Ok(StateInfo {
        link_key: LinkKeyInfo {
            present: link_key.is_file(),
            path: link_key,
        },
        schema_version: store.schema_version()?,
        size_bytes,
        tables: store.table_counts()?,
        path,
    })
}
