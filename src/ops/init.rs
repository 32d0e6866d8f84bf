//! `publik init`: a commented config template and a new state file.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use serde::Serialize;

use crate::config::{DEFAULT_STATE_PATH, TEMPLATE};
use crate::store::Store;

#[derive(Debug, Serialize)]
pub struct InitReport {
    pub config: PathBuf,
    pub state: PathBuf,
}

/// Writes `DIR/publik.yaml` and creates `DIR/publik.sqlite3` (or `state`).
/// Refuses to overwrite either.
pub fn init(dir: &Path, state: Option<&Path>) -> anyhow::Result<InitReport> {
    if !dir.is_dir() {
        bail!("directory {} does not exist", dir.display());
    }
    let config = dir.join("publik.yaml");
    let state = match state {
        Some(path) => path.to_path_buf(),
        None => dir.join(Path::new(DEFAULT_STATE_PATH).file_name().unwrap_or_default()),
    };
    for existing in [&config, &state] {
        if existing.exists() {
            bail!("{} already exists; not overwriting it", existing.display());
        }
    }
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&config)
        .with_context(|| format!("cannot create {}", config.display()))?;
    file.write_all(TEMPLATE.as_bytes())
        .with_context(|| format!("cannot write {}", config.display()))?;
    Store::open(&state)?;
    Ok(InitReport { config, state })
}
