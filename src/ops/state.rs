//! `publik state info | backup | check`.

use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::site::Site;
use crate::store::{CheckProblem, CopiedTable, CopyRefused, StateLocation, Store, StoreKind, TableCount};

#[derive(Debug, Serialize)]
pub(crate) struct StateInfo {
    /// The file, or the PostgreSQL URL (no password, no options).
    pub path: PathBuf,
    pub kind: StoreKind,
    pub schema_version: u32,
    /// This publik's schema: an older state is migrated by the first
    /// command that writes (`state upgrade`).
    pub latest_schema_version: u32,
    /// The publik that last migrated the state (`publik 0.4.0 (commit …)`)
    /// and when; None for a state migrated before it was recorded.
    pub migrated_by: Option<String>,
    pub migrated_at: Option<String>,
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

pub(crate) fn info(store: &Store, site: &Site) -> anyhow::Result<StateInfo> {
    let path = store.path().to_path_buf();
    let size_bytes = store.size_bytes()?;
    let link_key = site.link_key.clone();
    let migrated = store.last_migrated()?;
    Ok(StateInfo {
        kind: store.kind(),
        link_key: LinkKeyInfo {
            present: link_key.is_file(),
            path: link_key,
        },
        schema_version: store.schema_version()?,
        latest_schema_version: Store::latest_schema_version(),
        migrated_by: migrated.as_ref().map(|(by, _)| by.clone()),
        migrated_at: migrated.map(|(_, at)| at),
        size_bytes,
        tables: store.table_counts()?,
        path,
    })
}

#[derive(Debug, Serialize)]
pub(crate) struct MigrateReport {
    pub from: PathBuf,
    pub to: PathBuf,
    pub tables: Vec<CopiedTable>,
}

/// `state migrate --to TARGET`: the state copied into an empty one of the
/// other kind (or the same), counts compared before the copy commits. The
/// target is opened with the config's password file but without the
/// link-key requirement: the config names its new state only afterwards.
pub(crate) fn migrate(store: &Store, target: &StateLocation) -> anyhow::Result<MigrateReport> {
    if target.shown() == store.path() {
        return Err(crate::exit_codes::bad_field(
            "to",
            format!("{} is the state itself", target.shown().display()),
        ));
    }
    let destination = Store::open_at(target)?;
    match store.copy_into(&destination)? {
        Ok(tables) => Ok(MigrateReport {
            from: store.path().to_path_buf(),
            to: destination.path().to_path_buf(),
            tables,
        }),
        Err(CopyRefused::NotEmpty(table, rows)) => Err(crate::exit_codes::bad_field(
            "to",
            format!(
                "{} is not empty (table {table} has {rows} rows): the copy goes only into an empty state",
                destination.path().display()
            ),
        )),
        Err(CopyRefused::Mismatch(table)) => anyhow::bail!(
            "copy into {} rolled back: table {} has {} rows in the source, {} in the copy",
            destination.path().display(),
            table.table,
            table.source,
            table.target
        ),
    }
}

/// `state backup FILE`: a consistent copy, safe while other runs write.
pub(crate) fn backup(store: &Store, dest: &Path) -> anyhow::Result<()> {
    store.backup_to(dest)?;
    log::info!("state {} backed up to {}", store.path().display(), dest.display());
    Ok(())
}

#[derive(Debug, Serialize)]
pub(crate) struct StateCheckReport {
    pub path: PathBuf,
    pub ok: bool,
    pub problems: Vec<CheckProblem>,
}

/// `state check`: SQLite's integrity and foreign key checks.
pub(crate) fn check(store: &Store) -> anyhow::Result<StateCheckReport> {
    let problems = store.check()?;
    Ok(StateCheckReport {
        path: store.path().to_path_buf(),
        ok: problems.is_empty(),
        problems,
    })
}

/// `state restore BACKUP`: the backup, checked, in place of the state; the
/// state it replaces kept aside with its WAL.
pub(crate) fn restore(site: &Site, backup: &Path) -> anyhow::Result<crate::store::Restored> {
    let Some(state) = site.state.file() else {
        anyhow::bail!(
            "state {} is a PostgreSQL database: restore it with the server's tools (pg_restore)",
            site.state.shown().display()
        );
    };
    let stamp = crate::clock::now().format("%Y%m%dT%H%M%SZ").to_string();
    let restored = crate::store::restore(state, backup, &stamp)?;
    log::info!("state {} restored from {}", state.display(), backup.display());
    Ok(restored)
}
