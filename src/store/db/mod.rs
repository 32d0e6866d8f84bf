//! One connection type over SQLite (rusqlite) or PostgreSQL (the synchronous
//! `postgres` client), so that the store's SQL is written once.
//!
//! SQL is written with `?1`…`?N` placeholders in the dialect both accept
//! (RETURNING, `ON CONFLICT`, CASE instead of SQLite's two-argument
//! min/max); for PostgreSQL the placeholders become `$1`…`$N`. The few
//! statements that differ ask `Conn::is_postgres`. Arguments are borrowed
//! (`args![…]`) and converted to whatever type PostgreSQL inferred for the
//! parameter, so that Rust's i32/u32 meet BIGINT columns; rows are read
//! through `Row::get` the same way on both.

mod values;

use std::cell::RefCell;
use std::collections::HashMap;

pub(crate) use values::{Arg, Row, ToArg, Value, args};

#[derive(Debug)]
pub enum DbError {
    Sqlite(rusqlite::Error),
    Postgres(postgres::Error),
    /// A column could not be read as the type asked for.
    Column(usize, String),
    /// `query_row` found nothing.
    NoRows,
    /// A statement while another one's rows were being read (PostgreSQL's
    /// connection serves one at a time): a bug in the store.
    Busy,
}

pub type DbResult<T> = Result<T, DbError>;

impl std::fmt::Display for DbError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DbError::Sqlite(e) => e.fmt(f),
            // One line for cron: the innermost cause says it all.
            DbError::Postgres(e) if super::postgres::timed_out(e) => {
                write!(
                    f,
                    "the database did not answer in time: {}",
                    super::postgres::cause(e)
                )
            }
            DbError::Postgres(e) if super::postgres::unavailable(e) => {
                write!(
                    f,
                    "the database cannot be reached now: {}",
                    super::postgres::cause(e)
                )
            }
            DbError::Postgres(e) => match e.as_db_error() {
                // The server's own words, not only "db error".
                Some(db) => write!(f, "{}: {}", db.severity(), db.message()),
                None => e.fmt(f),
            },
            DbError::Column(index, e) => write!(f, "column {index}: {e}"),
            DbError::NoRows => f.write_str("no row found"),
            DbError::Busy => f.write_str("a statement ran while another's rows were read"),
        }
    }
}

impl std::error::Error for DbError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            DbError::Sqlite(e) => Some(e),
            // Said in full by Display (see there).
            DbError::Postgres(e) if super::postgres::unavailable(e) => None,
            DbError::Postgres(e) => Some(e),
            _ => None,
        }
    }
}

impl Conn {
    /// Whether the connection still works: always for SQLite; for
    /// PostgreSQL, not closed and answering a ping within `timeout` (a
    /// server restarted since drops every connection).
    pub(crate) fn is_usable(&self, timeout: std::time::Duration) -> bool {
        match self {
            Conn::Sqlite(_) => true,
            Conn::Postgres(cell) => cell
                .try_borrow_mut()
                .is_ok_and(|mut pg| !pg.client.is_closed() && pg.client.is_valid(timeout).is_ok()),
        }
    }
}

impl DbError {
    /// The database cannot be reached or used now (a server restarting,
    /// a connection lost): a temporary failure, not a fault of publik.
    pub(crate) fn is_unavailable(&self) -> bool {
        matches!(self, DbError::Postgres(e) if super::postgres::unavailable(e))
    }
}

/// Whether an error, or any of its causes, is a database that cannot be
/// reached or used now.
pub(crate) fn unavailable(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        cause
            .downcast_ref::<DbError>()
            .is_some_and(DbError::is_unavailable)
            || cause
                .downcast_ref::<postgres::Error>()
                .is_some_and(super::postgres::unavailable)
    })
}

impl From<rusqlite::Error> for DbError {
    fn from(e: rusqlite::Error) -> DbError {
        DbError::Sqlite(e)
    }
}

impl From<postgres::Error> for DbError {
    fn from(e: postgres::Error) -> DbError {
        DbError::Postgres(e)
    }
}

/// `?N` placeholders as PostgreSQL's `$N`, string literals left alone.
pub(crate) fn to_postgres(sql: &str) -> String {
    let mut out = String::with_capacity(sql.len());
    let mut quoted = false;
    for c in sql.chars() {
        match c {
            '\'' => {
                quoted = !quoted;
                out.push(c);
            }
            '?' if !quoted => out.push('$'),
            _ => out.push(c),
        }
    }
    out
}

/// `(?1,?2),(?3,?4)…`: the VALUES of a multi-row INSERT of `rows` rows of
/// `width` columns, numbered as both databases take them.
pub(crate) fn row_placeholders(rows: usize, width: usize) -> String {
    let rows: Vec<String> = (0..rows)
        .map(|row| {
            let one: Vec<String> = (1..=width)
                .map(|column| format!("?{}", row * width + column))
                .collect();
            format!("({})", one.join(","))
        })
        .collect();
    rows.join(",")
}

/// Prepared statements kept per connection: PostgreSQL parses each once,
/// as SQLite's statement cache does.
const STATEMENT_CACHE: usize = 256;

pub(crate) struct PgConn {
    client: postgres::Client,
    statements: HashMap<String, postgres::Statement>,
}

impl PgConn {
    pub(crate) fn new(client: postgres::Client) -> PgConn {
        PgConn {
            client,
            statements: HashMap::new(),
        }
    }

    fn statement(&mut self, sql: &str) -> DbResult<postgres::Statement> {
        if let Some(statement) = self.statements.get(sql) {
            return Ok(statement.clone());
        }
        let statement = self.client.prepare(&to_postgres(sql))?;
        if self.statements.len() >= STATEMENT_CACHE {
            // Statements built from lists (ids chosen by hand) must not grow
            // a long-lived connection's cache for ever.
            self.statements.clear();
        }
        self.statements.insert(sql.to_string(), statement.clone());
        Ok(statement)
    }
}

/// A connection to a state, either kind.
pub(crate) enum Conn {
    Sqlite(rusqlite::Connection),
    /// In a RefCell: the client needs `&mut` for every statement, the store
    /// reads through `&self` as rusqlite allows. Boxed: a state is opened
    /// once per process, the enum stays small.
    Postgres(Box<RefCell<PgConn>>),
}

fn values<'a>(args: &'a [&'a dyn ToArg]) -> impl Iterator<Item = Arg<'a>> + 'a {
    args.iter().map(|a| a.to_arg())
}

impl Conn {
    pub(crate) fn is_postgres(&self) -> bool {
        matches!(self, Conn::Postgres(_))
    }

    fn postgres(cell: &RefCell<PgConn>) -> DbResult<std::cell::RefMut<'_, PgConn>> {
        cell.try_borrow_mut().map_err(|_| DbError::Busy)
    }

    /// Runs one statement; the number of rows it changed.
    pub(crate) fn execute(&self, sql: &str, args: &[&dyn ToArg]) -> DbResult<usize> {
        match self {
            Conn::Sqlite(conn) => Ok(conn
                .prepare_cached(sql)?
                .execute(rusqlite::params_from_iter(values(args)))?),
            Conn::Postgres(cell) => {
                let mut pg = Self::postgres(cell)?;
                let statement = pg.statement(sql)?;
                let owned: Vec<Arg> = values(args).collect();
                let refs: Vec<&(dyn postgres::types::ToSql + Sync)> = owned
                    .iter()
                    .map(|a| a as &(dyn postgres::types::ToSql + Sync))
                    .collect();
                let changed = pg.client.execute(&statement, &refs)?;
                Ok(usize::try_from(changed).unwrap_or(usize::MAX))
            }
        }
    }

    /// Hands each row to `each` as it is read: memory stays flat.
    pub(crate) fn query_each<E: From<DbError>>(
        &self,
        sql: &str,
        args: &[&dyn ToArg],
        mut each: impl FnMut(&Row) -> Result<(), E>,
    ) -> Result<(), E> {
        match self {
            Conn::Sqlite(conn) => {
                let mut statement = conn.prepare_cached(sql).map_err(DbError::from)?;
                let mut rows = statement
                    .query(rusqlite::params_from_iter(values(args)))
                    .map_err(DbError::from)?;
                while let Some(row) = rows.next().map_err(DbError::from)? {
                    each(&Row::Sqlite(row))?;
                }
                Ok(())
            }
            Conn::Postgres(cell) => {
                use postgres::fallible_iterator::FallibleIterator;
                let mut pg = Self::postgres(cell)?;
                let statement = pg.statement(sql)?;
                let owned: Vec<Arg> = values(args).collect();
                let mut rows = pg.client.query_raw(&statement, owned).map_err(DbError::from)?;
                while let Some(row) = rows.next().map_err(DbError::from)? {
                    each(&Row::Postgres(&row))?;
                }
                Ok(())
            }
        }
    }

    /// Every row, each made into a `T`.
    pub(crate) fn query_map<T>(
        &self,
        sql: &str,
        args: &[&dyn ToArg],
        mut make: impl FnMut(&Row) -> DbResult<T>,
    ) -> DbResult<Vec<T>> {
        let mut all = Vec::new();
        self.query_each(sql, args, |row| {
            all.push(make(row)?);
            Ok::<_, DbError>(())
        })?;
        Ok(all)
    }

    /// The first row made into a `T`, if there is one.
    pub(crate) fn query_opt<T>(
        &self,
        sql: &str,
        args: &[&dyn ToArg],
        make: impl FnOnce(&Row) -> DbResult<T>,
    ) -> DbResult<Option<T>> {
        let mut make = Some(make);
        let mut first = None;
        self.query_each(sql, args, |row| {
            if let Some(make) = make.take() {
                first = Some(make(row)?);
            }
            Ok::<_, DbError>(())
        })?;
        Ok(first)
    }

    /// The first row made into a `T`; `DbError::NoRows` without one.
    pub(crate) fn query_row<T>(
        &self,
        sql: &str,
        args: &[&dyn ToArg],
        make: impl FnOnce(&Row) -> DbResult<T>,
    ) -> DbResult<T> {
        self.query_opt(sql, args, make)?.ok_or(DbError::NoRows)
    }

    /// Statements separated by `;`, without arguments (schema, transactions).
    pub(crate) fn batch(&self, sql: &str) -> DbResult<()> {
        match self {
            Conn::Sqlite(conn) => Ok(conn.execute_batch(sql)?),
            Conn::Postgres(cell) => Ok(Self::postgres(cell)?.client.batch_execute(sql)?),
        }
    }

    /// Starts a write transaction, rolled back unless committed. SQLite's
    /// is IMMEDIATE: the write lock is taken first, so that two runs never
    /// both read and then fail to write. PostgreSQL's locks rows as they
    /// are changed (READ COMMITTED); where the store reads before writing
    /// it asks for `FOR UPDATE` (see `for_update`).
    pub(crate) fn begin(&self) -> DbResult<Tx<'_>> {
        self.start(if self.is_postgres() {
            "BEGIN"
        } else {
            "BEGIN IMMEDIATE"
        })
    }

    /// Starts a read-only transaction: everything read in it is one
    /// consistent snapshot, whatever others commit meanwhile.
    pub(crate) fn begin_snapshot(&self) -> DbResult<Tx<'_>> {
        self.start(if self.is_postgres() {
            "BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY"
        } else {
            "BEGIN DEFERRED"
        })
    }

    /// Starts a transaction with `begin`: BEGIN, and on PostgreSQL maybe
    /// `SET LOCAL` settings sent with it (one round trip).
    pub(crate) fn start(&self, begin: &str) -> DbResult<Tx<'_>> {
        if let Err(e) = self.batch(begin) {
            // BEGIN may have run before what failed after it.
            let _ = self.batch("ROLLBACK");
            return Err(e);
        }
        Ok(Tx {
            conn: self,
            open: true,
        })
    }

    /// `column = param` for e-mail addresses, blind to ASCII case as
    /// addresses are compared: SQLite's NOCASE, PostgreSQL's `lower()`
    /// (which its indexes on `lower(email)` serve).
    pub(crate) fn same_address(&self, column: &str, param: &str) -> String {
        if self.is_postgres() {
            format!("lower({column}) = lower({param})")
        } else {
            format!("{column} = {param} COLLATE NOCASE")
        }
    }

    /// ` FOR UPDATE` on PostgreSQL: a row read in a transaction in order to
    /// change it stays as read until the commit. SQLite's write lock,
    /// taken by `begin`, already holds every row.
    pub(crate) fn for_update(&self) -> &'static str {
        if self.is_postgres() { " FOR UPDATE" } else { "" }
    }
}

/// An open transaction; derefs to its connection.
pub(crate) struct Tx<'a> {
    conn: &'a Conn,
    open: bool,
}

impl Tx<'_> {
    pub(crate) fn commit(mut self) -> DbResult<()> {
        self.open = false;
        self.conn.batch("COMMIT")
    }
}

impl std::ops::Deref for Tx<'_> {
    type Target = Conn;

    fn deref(&self) -> &Conn {
        self.conn
    }
}

impl Drop for Tx<'_> {
    fn drop(&mut self) {
        if self.open {
            // An error here leaves the connection to be dropped anyway.
            let _ = self.conn.batch("ROLLBACK");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_become_dollars_outside_literals() {
        assert_eq!(
            to_postgres("SELECT a FROM t WHERE b = ?1 AND c = '?2' AND d IN (?2, ?3)"),
            "SELECT a FROM t WHERE b = $1 AND c = '?2' AND d IN ($2, $3)"
        );
    }

    #[test]
    fn multi_row_placeholders_are_numbered() {
        assert_eq!(row_placeholders(2, 3), "(?1,?2,?3),(?4,?5,?6)");
    }

    #[test]
    fn sqlite_round_trip_and_rollback() {
        let conn = Conn::Sqlite(rusqlite::Connection::open_in_memory().unwrap());
        conn.batch("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT NOT NULL, data BLOB, flag INTEGER)")
            .unwrap();
        let name = String::from("zoé");
        let inserted = conn
            .execute(
                "INSERT INTO t (name, data, flag) VALUES (?1, ?2, ?3) ON CONFLICT DO NOTHING",
                args![name, &[0u8, 1][..], true],
            )
            .unwrap();
        assert_eq!(inserted, 1);
        let (id, read, data, flag, none) = conn
            .query_row(
                "SELECT id, name, data, flag, NULL FROM t WHERE name = ?1",
                args!["zoé"],
                |row| {
                    Ok((
                        row.get::<i64>(0)?,
                        row.get::<String>(1)?,
                        row.get::<Vec<u8>>(2)?,
                        row.get::<bool>(3)?,
                        row.get::<Option<String>>(4)?,
                    ))
                },
            )
            .unwrap();
        assert_eq!(
            (id, read.as_str(), data, flag, none),
            (1, "zoé", vec![0, 1], true, None)
        );
        {
            let tx = conn.begin().unwrap();
            tx.execute("DELETE FROM t", args![]).unwrap();
        }
        let count: i64 = conn
            .query_row("SELECT count(*) FROM t", args![], |row| row.get(0))
            .unwrap();
        assert_eq!(count, 1, "an uncommitted transaction is rolled back");
        assert!(matches!(
            conn.query_row("SELECT id FROM t WHERE id = 7", args![], |row| row.get::<i64>(0)),
            Err(DbError::NoRows)
        ));
    }
}
