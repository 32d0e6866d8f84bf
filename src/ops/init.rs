//! `publik init`: a commented config template and a new state file.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use serde::Serialize;

use crate::config::{DEFAULT_STATE_PATH, TEMPLATE};
use crate::store::Store;

#[derive(Debug, Serialize)]
pub(crate) struct InitReport {
    /// The directory, when init made it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub created_dir: Option<PathBuf>,
    pub config: PathBuf,
    pub state: PathBuf,
    /// The key action links are made from (`STATE.link-key`).
    pub link_key: PathBuf,
}

/// Writes `DIR/publik.yaml`, creates `DIR/publik.sqlite3` (or the file
/// `state`) and the link key beside it. Refuses to overwrite the config or the state.
/// The config names the state by its absolute path: run from any directory
/// (a systemd unit runs in `/`), it finds the same state.
pub(crate) fn init(dir: &Path, state: Option<&Path>) -> anyhow::Result<InitReport> {
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
    let created_dir = !dir.exists();
    if created_dir {
        // As `mkdir -p`; a new directory is the owner's and its group's only
        // (the config may hold inline secrets).
        crate::fs_private::create_dir_all(dir)
            .with_context(|| format!("cannot create directory {}", dir.display()))?;
    } else if !dir.is_dir() {
        bail!("{} is not a directory", dir.display());
    }
    let state = absolute(&state)?;
    // A JSON string is a YAML double-quoted scalar: any path reads back as is.
    let state_line = format!(
        "state: {}",
        serde_json::to_string(&state.to_string_lossy()).context("cannot quote the state path")?
    );
    let text = TEMPLATE.replacen("state: null", &state_line, 1);
    // 0600: the config may hold inline secrets (an SMTP password).
    let mut file = crate::fs_private::create_new(&config, crate::fs_private::PRIVATE)
        .with_context(|| format!("cannot create {}", config.display()))?;
    file.write_all(text.as_bytes())
        .with_context(|| format!("cannot write {}", config.display()))?;
    Store::open(&state)?;
    let site = crate::site::Site::new(
        &crate::config::Config::default(),
        crate::store::StateLocation::Sqlite(state.clone()),
    )?;
    let link_key = site.link_key;
    crate::link_key::LinkKey::load_or_create(&link_key)?;
    Ok(InitReport {
        created_dir: created_dir.then(|| dir.to_path_buf()),
        config,
        state,
        link_key,
    })
}

/// `path` from the root, through its directory's real path (the file does
/// not exist yet).
fn absolute(path: &Path) -> anyhow::Result<PathBuf> {
    let dir = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    let dir =
        std::fs::canonicalize(dir).with_context(|| format!("cannot find directory {}", dir.display()))?;
    Ok(match path.file_name() {
        Some(name) => dir.join(name),
        None => dir,
    })
}
