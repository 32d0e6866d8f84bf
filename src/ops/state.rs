//! `publik state info`.

use std::path::PathBuf;

use serde::Serialize;

use crate::store::{Store, TableCount};

#[derive(Debug, Serialize)]
pub struct StateInfo {
    pub path: PathBuf,
    pub schema_version: u32,
    pub size_bytes: u64,
    pub tables: Vec<TableCount>,
}

pub fn info(store: &Store) -> anyhow::Result<StateInfo> {
    let path = store.path().to_path_buf();
    // The WAL holds recent commits too; count it as part of the state.
    let wal = PathBuf::from(format!("{}-wal", path.display()));
    let size_bytes = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0)
        + std::fs::metadata(&wal).map(|m| m.len()).unwrap_or(0);
    Ok(StateInfo {
        schema_version: store.schema_version()?,
        size_bytes,
        tables: store.table_counts()?,
        path,
    })
}
