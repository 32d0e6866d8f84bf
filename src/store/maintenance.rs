//! `state backup` and `state check`: what a sysadmin would otherwise do with
//! the `sqlite3` shell against a live state, done through publik's own
//! connection so that no foreign client touches the file. A PostgreSQL
//! state is backed up with the server's tools (`pg_dump`); its check reads
//! every table through and compares the schema with what publik expects.

use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use rusqlite::{Connection, OpenFlags};
use serde::Serialize;

use super::Store;
use super::db::{Conn, args};
use super::migrations::TABLES;

/// Pages copied per step of the online backup; between steps other
/// processes may write (the backup then restarts from the changed pages).
const BACKUP_PAGES_PER_STEP: i32 = 1024;

#[derive(Debug, Serialize)]
pub struct CheckProblem {
    /// `integrity`, `foreign_key` or `schema`.
    pub kind: &'static str,
    pub detail: String,
}

impl Store {
    /// Copies the state into `dest` with SQLite's online backup API: a
    /// consistent snapshot, safe while cron runs and `serve` write. The copy
    /// is written beside `dest` (mode 0600, rollback journal, one
    /// self-contained file) and renamed over it only once complete.
    pub fn backup_to(&self, dest: &Path) -> anyhow::Result<()> {
        let Conn::Sqlite(conn) = &self.conn else {
            bail!(
                "state {} is a PostgreSQL database: back it up with pg_dump (or `publik state migrate --to FILE`)",
                self.path.display()
            );
        };
        if dest.is_dir() {
            bail!("{} is a directory: name the backup file", dest.display());
        }
        if same_file(dest, &self.path) {
            bail!("{} is the state itself: name another file", dest.display());
        }
        // Named before a temporary file beside the backup is tried in it.
        let dir = match dest.parent() {
            Some(parent) if !parent.as_os_str().is_empty() => parent,
            _ => Path::new("."),
        };
        if !dir.is_dir() {
            bail!(
                "directory {} does not exist: create it first (the backup is {})",
                dir.display(),
                dest.display()
            );
        }
        let temporary = temporary_beside(dest)?;
        let result = backup_into(conn, &temporary);
        if result.is_err() {
            let _ = std::fs::remove_file(&temporary);
            return result;
        }
        std::fs::rename(&temporary, dest).with_context(|| {
            let _ = std::fs::remove_file(&temporary);
            format!("cannot move the backup to {}", dest.display())
        })
    }

    /// Before a migration changes the state, a consistent copy of it as it
    /// was, beside it and named by its schema (`publik.sqlite3.schema-12`):
    /// rolling back is stop, copy it back, downgrade. A copy that another
    /// publik's migration overtook (its schema is no longer `version`) is
    /// dropped: that publik kept the right one.
    pub(super) fn keep_copy_before_migration(&self, version: u32) -> anyhow::Result<()> {
        let Conn::Sqlite(conn) = &self.conn else {
            return Ok(());
        };
        let dest = PathBuf::from(format!("{}.schema-{version}", self.path.display()));
        let temporary = temporary_beside(&dest)?;
        let copied = backup_into(conn, &temporary).and_then(|()| {
            let copy = Connection::open_with_flags(&temporary, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
            let copied: u32 = copy.query_row("PRAGMA user_version", [], |row| row.get(0))?;
            Ok(copied)
        });
        match copied {
            Ok(copied) if copied == version => std::fs::rename(&temporary, &dest)
                .with_context(|| format!("cannot move the copy before migration to {}", dest.display())),
            Ok(_) => {
                let _ = std::fs::remove_file(&temporary);
                Ok(())
            }
            Err(e) => {
                let _ = std::fs::remove_file(&temporary);
                Err(e.context(format!(
                    "cannot keep a copy of state {} (schema {version}) before migrating it; nothing was changed",
                    self.path.display()
                )))
            }
        }
    }

    /// SQLite's integrity check and foreign key check. Empty when all is well.
    pub fn check(&self) -> anyhow::Result<Vec<CheckProblem>> {
        let conn = match &self.conn {
            Conn::Sqlite(conn) => conn,
            Conn::Postgres(_) => return self.check_postgres(),
        };
        let mut problems = Vec::new();
        let mut integrity = conn.prepare("PRAGMA integrity_check")?;
        let mut rows = integrity.query([])?;
        while let Some(row) = rows.next()? {
            let line: String = row.get(0)?;
            if line != "ok" {
                problems.push(CheckProblem {
                    kind: "integrity",
                    detail: line,
                });
            }
        }
        let mut foreign = conn.prepare("PRAGMA foreign_key_check")?;
        let mut rows = foreign.query([])?;
        while let Some(row) = rows.next()? {
            let table: String = row.get(0)?;
            let rowid: Option<i64> = row.get(1)?;
            let parent: String = row.get(2)?;
            problems.push(CheckProblem {
                kind: "foreign_key",
                detail: format!(
                    "{table} row {} refers to a missing row of {parent}",
                    rowid.map_or_else(|| "?".to_string(), |id| id.to_string())
                ),
            });
        }
        Ok(problems)
    }

    /// PostgreSQL keeps its own integrity (foreign keys are enforced, pages
    /// checksummed when the cluster has them): the check reads every row
    /// of every table, which meets a damaged page, and looks for what a
    /// hand-made change could have dropped.
    fn check_postgres(&self) -> anyhow::Result<Vec<CheckProblem>> {
        let mut problems = Vec::new();
        let present = self.table_names()?;
        for table in TABLES
            .iter()
            .chain(&["schema_version", "schema_history", "site_owner"])
        {
            if !present.iter().any(|name| name == table) {
                problems.push(CheckProblem {
                    kind: "schema",
                    detail: format!("table {table} is missing"),
                });
                continue;
            }
            // Every column of every row: a damaged page fails here.
            if let Err(e) = self.conn.query_row(
                &format!("SELECT count(*) FROM {table} t WHERE t IS NOT NULL OR t IS NULL"),
                args![],
                |row| row.get::<i64>(0),
            ) {
                problems.push(CheckProblem {
                    kind: "integrity",
                    detail: format!("table {table}: {e}"),
                });
            }
        }
        let trigger: bool = self.conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM pg_trigger WHERE tgname = 'messages_totals')",
            args![],
            |row| row.get(0),
        )?;
        if !trigger {
            problems.push(CheckProblem {
                kind: "schema",
                detail: "trigger messages_totals is missing: monitoring's totals stopped counting".into(),
            });
        }
        Ok(problems)
    }
}

/// The online backup of `conn` into the new file `temporary`, made one
/// self-contained file and checked.
fn backup_into(conn: &Connection, temporary: &Path) -> anyhow::Result<()> {
    let mut copy = Connection::open_with_flags(
        temporary,
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .with_context(|| format!("cannot open {}", temporary.display()))?;
    {
        let backup = rusqlite::backup::Backup::new(conn, &mut copy)?;
        backup
            .run_to_completion(BACKUP_PAGES_PER_STEP, std::time::Duration::from_millis(10), None)
            .context("the online backup failed")?;
    }
    // A backup is one file: no WAL beside it to forget when copying it.
    let mode: String = copy.query_row("PRAGMA journal_mode = DELETE", [], |row| row.get(0))?;
    if !mode.eq_ignore_ascii_case("delete") {
        bail!("cannot switch the backup to a rollback journal (still {mode})");
    }
    let verdict: String = copy.query_row("PRAGMA quick_check", [], |row| row.get(0))?;
    if verdict != "ok" {
        bail!("the backup does not pass SQLite's quick_check: {verdict}");
    }
    copy.close().map_err(|(_, e)| e)?;
    Ok(())
}

/// Whether two paths name one file (`stat` only: no descriptor is opened).
fn same_file(a: &Path, b: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (std::fs::metadata(a), std::fs::metadata(b)) {
        (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
        _ => false,
    }
}

/// A new file (mode 0600: the state holds personal data) beside `dest`.
fn temporary_beside(dest: &Path) -> anyhow::Result<PathBuf> {
    let mut name = dest.as_os_str().to_os_string();
    name.push(format!(".tmp-{}", std::process::id()));
    let temporary = PathBuf::from(name);
    let _ = std::fs::remove_file(&temporary);
    crate::fs_private::create_new(&temporary, crate::fs_private::PRIVATE)
        .with_context(|| format!("cannot create {}", temporary.display()))?;
    Ok(temporary)
}
