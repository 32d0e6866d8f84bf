//! `publik state info | backup | check`.

use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::config::Config;
use crate::store::{CheckProblem, Store, TableCount};

#[derive(Debug, Serialize)]
pub(crate) struct StateInfo {
    pub path: PathBuf,
    pub schema_version: u32,
    pub size_bytes: u64,
    /// The key queued action links are made from (kept outside the state).
    pub link_key: LinkKeyInfo,
    pub tables: Vec<TableCount>,
}

#[derive(Debug, Serialize)]
pub(crate) struct LinkKeyInfo {
    pub path: PathBuf,
    pub present: bool,
}

pub(crate) fn info(store: &Store, config: &Config) -> anyhow::Result<StateInfo> {
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

/// `state backup FILE`: a consistent copy, safe while other runs write.
pub(crate) fn backup(store: &Store, dest: &Path) -> anyhow::Result<()> {
    store.backup_to(dest)?;
    log::info!("state {} backed up to {}", store.path().display(), dest.display());
    Ok(())
}

#[derive(Debug, Serialize)]
pub(crate) struct CheckReport {
    pub path: PathBuf,
    pub ok: bool,
    pub problems: Vec<CheckProblem>,
}

/// `state check`: SQLite's integrity and foreign key checks.
pub(crate) fn check(store: &Store) -> anyhow::Result<CheckReport> {
    let problems = store.check()?;
    Ok(CheckReport {
        path: store.path().to_path_buf(),
        ok: problems.is_empty(),
        problems,
    })
}
