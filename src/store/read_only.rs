//! Opening a state only to read it: `state info`, `state check`, `queue
//! list|show|stats|check`. Such a command never creates, migrates or
//! changes a state: `state check --state BACKUP` must leave a backup of
//! an older schema as it was, or the copy a rollback needs is gone.

use std::path::Path;

use anyhow::{Context, bail};
use rusqlite::{Connection, OpenFlags};

use super::db::Conn;
use super::{BUSY_TIMEOUT_MS, StateLocation, Store, migrations, postgres};

/// What a reader does with a state of an older schema.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum OlderSchema {
    /// Reads it as it is (`state info`, `state check`: any schema).
    Read,
    /// Refuses it, saying how to upgrade (listings read today's columns).
    Refuse,
}

impl Store {
    /// The state at `location`, opened without creating, migrating or
    /// writing anything.
    pub(crate) fn open_to_read(location: &StateLocation, older: OlderSchema) -> anyhow::Result<Store> {
        let store = match location {
            StateLocation::Sqlite(path) => open_sqlite(path)?,
            StateLocation::Postgres { url, password_file } => Store {
                conn: Conn::Postgres(Box::new(std::cell::RefCell::new(super::db::PgConn::new(
                    postgres::connect(url, password_file.as_deref())?,
                )))),
                path: postgres::shown(url).into(),
            },
        };
        let version = store
            .schema_version()
            .with_context(|| format!("state {}: cannot read its schema version", store.path.display()))?;
        if version > migrations::LATEST {
            bail!(
                "state {} has schema version {version}, newer than this publik knows ({}): upgrade publik",
                store.path.display(),
                migrations::LATEST
            );
        }
        if version < migrations::LATEST && older == OlderSchema::Refuse {
            bail!(
                "state {} has schema {version} (this publik's is {}): run `publik state upgrade` \
                 or any command that writes to upgrade it (a copy of it is kept beside it first)",
                store.path.display(),
                migrations::LATEST
            );
        }
        Ok(store)
    }
}

fn open_sqlite(path: &Path) -> anyhow::Result<Store> {
    match std::fs::metadata(path) {
        Ok(metadata) if metadata.is_dir() => bail!("state file {} is a directory", path.display()),
        Ok(_) => {}
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => bail!(
            "no state file {}: nothing to read (a command that only reads creates none; \
             `publik init` or any command that queues creates it)",
            path.display()
        ),
        Err(e) => return Err(crate::store::permission_error(path, e)),
    }
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(|e| crate::store::sqlite_open_error(path, e))?;
    conn.busy_timeout(std::time::Duration::from_millis(BUSY_TIMEOUT_MS))?;
    let store = Store {
        conn: Conn::Sqlite(conn),
        path: path.to_path_buf(),
    };
    store
        .schema_version()
        .map_err(|e| crate::store::file_errors::unreadable_state(path, e))?;
    Ok(store)
}
