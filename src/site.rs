//! A site as the front ends (cli/, serve/) resolve it, once: where its
//! state is and where its link key is. Passed down to what needs either;
//! nothing below asks again whether a state is a file or a database.

use std::path::{Path, PathBuf};

use crate::config::{Config, TENANT_STATE};
use crate::exit_codes::bad_field;
use crate::store::StateLocation;

#[derive(Debug, Clone)]
pub(crate) struct Site {
    pub(crate) state: StateLocation,
    /// The key action links, unsubscribe links, push tokens and VERP tags
    /// are made with.
    pub(crate) link_key: PathBuf,
}

impl Site {
    /// The site whose state is `state`, with the config's link key: its
    /// `serve.link_key_file`, else `STATE.link-key` beside a SQLite state.
    /// A PostgreSQL state is shared by hosts, so its key must be a file the
    /// sysadmin names (and copies to each of them).
    pub(crate) fn new(config: &Config, state: StateLocation) -> anyhow::Result<Site> {
        if let StateLocation::Postgres { url, .. } = &state {
            crate::store::check_postgres_url(url)?;
        }
        let link_key = match (&config.serve.link_key_file, state.file()) {
            (Some(path), _) => config.resolve_path(path),
            (None, Some(file)) => {
                let mut name = file.as_os_str().to_os_string();
                name.push(".link-key");
                PathBuf::from(name)
            }
            (None, None) => {
                return Err(bad_field(
                    "serve.link_key_file",
                    "a PostgreSQL state needs it: the action-link key, one file copied to every host using the database",
                ));
            }
        };
        Ok(Site { state, link_key })
    }

    /// The site of a tenant's directory: the state its own config names,
    /// else `publik.sqlite3` in the directory.
    pub(crate) fn of_tenant(config: &Config, dir: &Path) -> anyhow::Result<Site> {
        Site::new(config, tenant_state(Some(config), dir))
    }
}

/// Where a tenant's state is: what its own config names, else
/// `publik.sqlite3` in its directory (also without a readable config).
pub(crate) fn tenant_state(config: Option<&Config>, dir: &Path) -> StateLocation {
    match config.and_then(|config| Some((config, config.state.as_ref()?))) {
        Some((config, written)) => written_in_config(config, written),
        None => StateLocation::Sqlite(dir.join(TENANT_STATE)),
    }
}

/// A state named in the config (`state:`): a file relative to the config,
/// or a URL with `state_password_file`.
pub(crate) fn written_in_config(config: &Config, written: &Path) -> StateLocation {
    StateLocation::parse(written, |file| config.resolve_path(file), password_file(config))
}

/// A state named on the command line (`--state`, `$PUBLIK_STATE`,
/// `--to`, `--database`): a file relative to the working directory.
pub(crate) fn written_by_user(config: &Config, written: &Path) -> StateLocation {
    StateLocation::parse(written, Path::to_path_buf, password_file(config))
}

/// `state_password_file`, resolved against the config's directory.
fn password_file(config: &Config) -> Option<PathBuf> {
    config
        .state_password_file
        .as_deref()
        .map(|file| config.resolve_path(file))
}
