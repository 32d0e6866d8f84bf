//! The SQLite state file: opening (WAL, busy timeout, foreign keys, mode 0600),
//! schema migrations, and every SQL statement of the program.

mod appointments;
mod bounces;
mod claims;
mod copy;
pub(crate) mod db;
mod file_errors;
mod location;
mod maarch;
mod maintenance;
mod messages;
mod migrations;
mod newsletter;
mod nonces;
mod postgres;
mod push;
mod read_only;
mod restore;
mod site_owner;
mod workflow;

use std::cell::RefCell;
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use rusqlite::{Connection, OpenFlags};
use serde::Serialize;

pub(crate) use appointments::*;
pub(crate) use bounces::{BOUNCED_HARD, BOUNCED_SOFT, COMPLAINT};
pub(crate) use claims::{Lease, Ready};
pub(crate) use copy::{CopiedTable, CopyRefused};
pub(crate) use db::unavailable as database_unavailable;
use db::{Conn, args};
pub use db::{DbError, DbResult};
pub(crate) use file_errors::{permission_error, sqlite_open_error};
pub(crate) use location::StateLocation;
pub(crate) use maarch::*;
pub(crate) use maintenance::CheckProblem;
pub(crate) use messages::*;
pub(crate) use newsletter::*;
pub(crate) use postgres::check_url as check_postgres_url;
pub(crate) use push::*;
pub(crate) use read_only::OlderSchema;
pub(crate) use restore::{Restored, restore};
pub(crate) use workflow::*;

/// How long a writer waits for another process holding the lock
/// (overlapping cron runs) before giving up.
const BUSY_TIMEOUT_MS: u64 = 30_000;

pub struct Store {
    conn: Conn,
    /// The state file, or the PostgreSQL URL as `shown` (no password).
    path: PathBuf,
}

/// Reads through the store's one connection, also while a write transaction
/// of it is open: what a status's actions read during a jump is read inside
/// the jump's own transaction, never through a second connection.
pub struct Reader<'a> {
    conn: &'a Conn,
}

#[derive(Debug, Serialize)]
pub struct TableCount {
    pub table: String,
    pub rows: i64,
}

/// Where the tables are: `store.kind()` for messages and `state info`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum StoreKind {
    Sqlite,
    Postgresql,
}

impl StoreKind {
    pub fn as_str(self) -> &'static str {
        match self {
            StoreKind::Sqlite => "sqlite",
            StoreKind::Postgresql => "postgresql",
        }
    }
}

impl Store {
    /// Opens the state: a SQLite file (created, mode 0600, when missing) or
    /// a PostgreSQL database named by a `postgresql://` URL; brings its
    /// schema up to date. A newer schema is refused untouched.
    /// Whether the state's connection still works (see `Conn::is_usable`).
    pub(crate) fn is_usable(&self, timeout: std::time::Duration) -> bool {
        self.conn.is_usable(timeout)
    }

    pub(crate) fn open_at(location: &StateLocation) -> anyhow::Result<Store> {
        match location {
            StateLocation::Sqlite(path) => Store::open_sqlite(path),
            StateLocation::Postgres { url, password_file } => {
                Store::open_postgres(url, password_file.as_deref())
            }
        }
    }

    /// Opens (or creates) a SQLite state file.
    pub fn open(path: &Path) -> anyhow::Result<Store> {
        Store::open_sqlite(path)
    }

    fn open_postgres(url: &str, password_file: Option<&Path>) -> anyhow::Result<Store> {
        let client = postgres::connect(url, password_file)?;
        let shown = postgres::shown(url);
        let store = Store {
            conn: Conn::Postgres(Box::new(RefCell::new(db::PgConn::new(client)))),
            path: PathBuf::from(&shown),
        };
        // A row lock waited for as long as SQLite's busy timeout; a
        // statement never runs for ever (a run never hangs); a session cut
        // off inside a transaction (a worker partitioned away) is ended by
        // the server, releasing the rows it locked, within 30 s.
        store.conn.batch(&format!(
            "SET lock_timeout = '{BUSY_TIMEOUT_MS}ms'; SET statement_timeout = '10min'; \
             SET idle_in_transaction_session_timeout = '30s'"
        ))?;
        let version = store
            .schema_version()
            .with_context(|| format!("state {shown}: cannot read its schema version"))?;
        if version > migrations::LATEST {
            bail!(
                "state {shown} has schema version {version}, newer than this publik knows ({}); \
                 refusing to touch it: upgrade publik",
                migrations::LATEST
            );
        }
        if version < migrations::LATEST {
            migrations::migrate(&store.conn).with_context(|| format!("cannot migrate state {shown}"))?;
        }
        Ok(store)
    }

    fn open_sqlite(path: &Path) -> anyhow::Result<Store> {
        // Only SQLite opens the file once it exists: closing any other
        // descriptor of it would drop every POSIX lock this process holds
        // on it (SQLite's "How To Corrupt", 2.2), and another process could
        // then checkpoint and delete the WAL under our feet.
        create_if_missing(path)?;
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(|e| sqlite_open_error(path, e))?;
        conn.busy_timeout(std::time::Duration::from_millis(BUSY_TIMEOUT_MS))?;
        conn.set_prepared_statement_cache_capacity(32);
        let store = Store {
            conn: Conn::Sqlite(conn),
            path: path.to_path_buf(),
        };
        // Read-only look first: a newer schema must leave the file byte-identical.
        let version = store
            .schema_version()
            .map_err(|e| file_errors::unreadable_state(path, e))?;
        if version > migrations::LATEST {
            bail!(
                "state file {} has schema version {version}, newer than this publik knows ({}); \
                 refusing to touch it: upgrade publik",
                path.display(),
                migrations::LATEST
            );
        }
        let Conn::Sqlite(conn) = &store.conn else {
            unreachable!("opened as SQLite above")
        };
        conn.pragma_update(None, "foreign_keys", "ON")?;
        if version < migrations::LATEST {
            if version > 0 {
                store.keep_copy_before_migration(version)?;
            }
            // WAL must be set outside a transaction; it is persistent.
            conn.pragma_update(None, "journal_mode", "WAL")
                .with_context(|| format!("cannot set WAL mode on {}", path.display()))?;
            migrations::migrate(&store.conn)
                .with_context(|| format!("cannot migrate state file {}", path.display()))?;
        }
        // NORMAL is durable across process crashes in WAL mode (only a power
        // loss may lose the last commits), and much faster than FULL.
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        // Up to 24 MB of page cache (allocated only as used): a newsletter
        // to 100 000 members fits without spilling pages to the WAL before
        // it commits; a bigger one spills, and memory stays flat (a 4
        // million-member import or send under 64 MB; BENCHMARKS.md).
        conn.pragma_update(None, "cache_size", -24_576)?;
        // Every cron run would otherwise checkpoint the WAL when it exits,
        // with fsyncs, for a few rows; SQLite's automatic checkpoint (every
        // 1000 pages) keeps the WAL bounded instead.
        conn.set_db_config(rusqlite::config::DbConfig::SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, true)?;
        Ok(store)
    }

    /// For a command that only reads through the whole state (a listing):
    /// a small page cache, since each page is read once; memory stays flat.
    pub fn for_scans(&self) -> DbResult<()> {
        match &self.conn {
            Conn::Sqlite(conn) => Ok(conn.pragma_update(None, "cache_size", -4096)?),
            Conn::Postgres(_) => Ok(()),
        }
    }

    /// The state file, or the PostgreSQL URL (without password or options).
    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn kind(&self) -> StoreKind {
        if self.conn.is_postgres() {
            StoreKind::Postgresql
        } else {
            StoreKind::Sqlite
        }
    }

    pub fn reader(&self) -> Reader<'_> {
        Reader { conn: &self.conn }
    }

    pub fn schema_version(&self) -> DbResult<u32> {
        migrations::version(&self.conn)
    }

    /// Which publik last migrated the state, and when (from schema 16 on).
    pub(crate) fn last_migrated(&self) -> DbResult<Option<(String, String)>> {
        migrations::last_migrated(&self.conn)
    }

    pub fn latest_schema_version() -> u32 {
        migrations::LATEST
    }

    /// What the state takes on disk: the file and its WAL (recent commits
    /// are there too), or the PostgreSQL database.
    pub fn size_bytes(&self) -> DbResult<u64> {
        if self.conn.is_postgres() {
            let size: i64 =
                self.conn
                    .query_row("SELECT pg_database_size(current_database())", args![], |row| {
                        row.get(0)
                    })?;
            return Ok(u64::try_from(size).unwrap_or(0));
        }
        let wal = PathBuf::from(format!("{}-wal", self.path.display()));
        Ok(std::fs::metadata(&self.path).map(|m| m.len()).unwrap_or(0)
            + std::fs::metadata(&wal).map(|m| m.len()).unwrap_or(0))
    }

    /// The store's tables, in order.
    fn table_names(&self) -> DbResult<Vec<String>> {
        let sql = if self.conn.is_postgres() {
            "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename"
        } else {
            "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"
        };
        self.conn.query_map(sql, args![], |row| row.get(0))
    }

    /// Row counts of every table, for `state info`.
    pub fn table_counts(&self) -> DbResult<Vec<TableCount>> {
        let mut counts = Vec::new();
        for name in self.table_names()? {
            // Table names come from the catalog, not from the user.
            let rows: i64 =
                self.conn
                    .query_row(&format!("SELECT count(*) FROM \"{name}\""), args![], |row| {
                        row.get(0)
                    })?;
            counts.push(TableCount { table: name, rows });
        }
        Ok(counts)
    }
}

/// Creates the state file with mode 0600 if it does not exist yet (so that
/// SQLite's `-wal` and `-shm` files inherit the mode). Looks at an existing
/// one with `stat` only: no descriptor of it is ever opened outside SQLite.
fn create_if_missing(path: &Path) -> anyhow::Result<()> {
    if let Ok(metadata) = std::fs::metadata(path) {
        if metadata.is_dir() {
            bail!("state file {} is a directory", path.display());
        }
        return Ok(());
    }
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty())
        && !dir.is_dir()
    {
        bail!(
            "state file {}: directory {} does not exist",
            path.display(),
            dir.display()
        );
    }
    match crate::fs_private::create_new(path, crate::fs_private::PRIVATE) {
        Ok(_) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Ok(()),
        Err(e) => Err(e).with_context(|| format!("cannot create state file {}", path.display())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    #[test]
    fn creates_with_0600_and_latest_schema() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state.sqlite3");
        let store = Store::open(&path).unwrap();
        assert_eq!(store.schema_version().unwrap(), migrations::LATEST);
        let mode = std::fs::metadata(&path).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
        drop(store);
        // Re-opening is a no-op.
        Store::open(&path).unwrap();
    }

    #[test]
    fn refuses_non_sqlite_and_missing_dir() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("notes.txt");
        let text = "hello, this is not a database at all";
        std::fs::write(&path, text).unwrap();
        let err = Store::open(&path).err().unwrap().to_string();
        assert!(err.contains("not a SQLite database"), "{err}");
        assert_eq!(std::fs::read_to_string(&path).unwrap(), text, "left untouched");
        let big = "not a database\n".repeat(1000);
        std::fs::write(&path, &big).unwrap();
        let err = Store::open(&path).err().unwrap().to_string();
        assert!(err.contains("not a SQLite database"), "{err}");
        assert_eq!(std::fs::read_to_string(&path).unwrap(), big, "left untouched");
        let err = Store::open(dir.path()).err().unwrap().to_string();
        assert!(err.contains("is a directory"), "{err}");
        let err = Store::open(&dir.path().join("nope/state.sqlite3"))
            .err()
            .unwrap()
            .to_string();
        assert!(err.contains("does not exist"), "{err}");
    }

    /// Recording an outcome is the per-row cost of every send: SQLite
    /// must not build a temporary table for it (an IN list of constants in
    /// a CHECK or a trigger does, on every execution).
    #[test]
    fn a_status_change_builds_no_temporary_table() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("state.sqlite3")).unwrap();
        let Conn::Sqlite(conn) = &store.conn else {
            panic!("SQLite")
        };
        let mut plan = conn
            .prepare("EXPLAIN UPDATE messages SET status = 'sent', lease_until = NULL WHERE id = 1 AND status = 'sending'")
            .unwrap();
        let opcodes: Vec<String> = plan
            .query_map([], |row| row.get::<_, String>(1))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        assert!(
            opcodes.iter().any(|op| op == "Program"),
            "the totals trigger runs"
        );
        assert!(!opcodes.iter().any(|op| op == "OpenEphemeral"), "{opcodes:?}");
    }
}
