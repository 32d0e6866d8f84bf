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

use std::cell::RefCell;
use std::collections::HashMap;

use postgres::types::{IsNull, Type};

/// Borrowed arguments of one statement: `args![id, status.as_str(), now]`.
macro_rules! args {
    ($($arg:expr),* $(,)?) => {
        &[$(&$arg as &dyn $crate::store::db::ToArg),*][..]
    };
}
pub(crate) use args;

/// A value bound to a statement, borrowed from the caller.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Arg<'a> {
    Null,
    Int(i64),
    Text(&'a str),
    Bytes(&'a [u8]),
    Bool(bool),
}

/// What may be bound to a statement.
pub(crate) trait ToArg {
    fn to_arg(&self) -> Arg<'_>;
}

impl ToArg for i64 {
    fn to_arg(&self) -> Arg<'_> {
        Arg::Int(*self)
    }
}

impl ToArg for i32 {
    fn to_arg(&self) -> Arg<'_> {
        Arg::Int(i64::from(*self))
    }
}

impl ToArg for u32 {
    fn to_arg(&self) -> Arg<'_> {
        Arg::Int(i64::from(*self))
    }
}

impl ToArg for bool {
    fn to_arg(&self) -> Arg<'_> {
        Arg::Bool(*self)
    }
}

impl ToArg for str {
    fn to_arg(&self) -> Arg<'_> {
        Arg::Text(self)
    }
}

impl ToArg for String {
    fn to_arg(&self) -> Arg<'_> {
        Arg::Text(self)
    }
}

impl ToArg for [u8] {
    fn to_arg(&self) -> Arg<'_> {
        Arg::Bytes(self)
    }
}

impl ToArg for Vec<u8> {
    fn to_arg(&self) -> Arg<'_> {
        Arg::Bytes(self)
    }
}

impl<const N: usize> ToArg for [u8; N] {
    fn to_arg(&self) -> Arg<'_> {
        Arg::Bytes(self)
    }
}

impl<T: ToArg + ?Sized> ToArg for &T {
    fn to_arg(&self) -> Arg<'_> {
        (**self).to_arg()
    }
}

impl<T: ToArg> ToArg for Option<T> {
    fn to_arg(&self) -> Arg<'_> {
        self.as_ref().map_or(Arg::Null, ToArg::to_arg)
    }
}

impl rusqlite::ToSql for Arg<'_> {
    fn to_sql(&self) -> rusqlite::Result<rusqlite::types::ToSqlOutput<'_>> {
        use rusqlite::types::{ToSqlOutput, Value, ValueRef};
        Ok(match *self {
            Arg::Null => ToSqlOutput::Owned(Value::Null),
            Arg::Int(v) => ToSqlOutput::Owned(Value::Integer(v)),
            Arg::Bool(v) => ToSqlOutput::Owned(Value::Integer(i64::from(v))),
            Arg::Text(v) => ToSqlOutput::Borrowed(ValueRef::Text(v.as_bytes())),
            Arg::Bytes(v) => ToSqlOutput::Borrowed(ValueRef::Blob(v)),
        })
    }
}

type BoxError = Box<dyn std::error::Error + Sync + Send>;

impl postgres::types::ToSql for Arg<'_> {
    fn to_sql(&self, ty: &Type, out: &mut bytes::BytesMut) -> Result<IsNull, BoxError> {
        match *self {
            Arg::Null => Ok(IsNull::Yes),
            Arg::Int(v) => match *ty {
                Type::INT8 => v.to_sql(ty, out),
                Type::INT4 => i32::try_from(v)?.to_sql(ty, out),
                Type::INT2 => i16::try_from(v)?.to_sql(ty, out),
                Type::BOOL => (v != 0).to_sql(ty, out),
                _ => Err(format!("cannot bind an integer to a {ty} parameter").into()),
            },
            Arg::Bool(v) => match *ty {
                Type::BOOL => v.to_sql(ty, out),
                Type::INT8 => i64::from(v).to_sql(ty, out),
                Type::INT4 => i32::from(v).to_sql(ty, out),
                _ => Err(format!("cannot bind a boolean to a {ty} parameter").into()),
            },
            Arg::Text(v) => v.to_sql(ty, out),
            Arg::Bytes(v) => v.to_sql(ty, out),
        }
    }

    fn accepts(_: &Type) -> bool {
        // Checked against the parameter's type in `to_sql`.
        true
    }

    postgres::types::to_sql_checked!();
}

/// A column's value read as a Rust type, from either database.
pub(crate) trait FromColumn: Sized {
    fn from_sqlite(value: rusqlite::types::ValueRef<'_>) -> Result<Self, String>;
    fn from_postgres(ty: &Type, raw: Option<&[u8]>) -> Result<Self, String>;
}

fn not_null(raw: Option<&[u8]>) -> Result<&[u8], String> {
    raw.ok_or_else(|| "unexpected NULL".to_string())
}

fn decode<'a, T: postgres::types::FromSql<'a>>(ty: &Type, raw: &'a [u8]) -> Result<T, String> {
    T::from_sql(ty, raw).map_err(|e| e.to_string())
}

impl FromColumn for i64 {
    fn from_sqlite(value: rusqlite::types::ValueRef<'_>) -> Result<i64, String> {
        value.as_i64().map_err(|e| e.to_string())
    }

    fn from_postgres(ty: &Type, raw: Option<&[u8]>) -> Result<i64, String> {
        let raw = not_null(raw)?;
        match *ty {
            Type::INT8 => decode::<i64>(ty, raw),
            Type::INT4 => decode::<i32>(ty, raw).map(i64::from),
            Type::INT2 => decode::<i16>(ty, raw).map(i64::from),
            Type::BOOL => decode::<bool>(ty, raw).map(i64::from),
            _ => Err(format!("expected an integer, found {ty}")),
        }
    }
}

impl FromColumn for i32 {
    fn from_sqlite(value: rusqlite::types::ValueRef<'_>) -> Result<i32, String> {
        i32::try_from(i64::from_sqlite(value)?).map_err(|e| e.to_string())
    }

    fn from_postgres(ty: &Type, raw: Option<&[u8]>) -> Result<i32, String> {
        i32::try_from(i64::from_postgres(ty, raw)?).map_err(|e| e.to_string())
    }
}

impl FromColumn for u32 {
    fn from_sqlite(value: rusqlite::types::ValueRef<'_>) -> Result<u32, String> {
        u32::try_from(i64::from_sqlite(value)?).map_err(|e| e.to_string())
    }

    fn from_postgres(ty: &Type, raw: Option<&[u8]>) -> Result<u32, String> {
        u32::try_from(i64::from_postgres(ty, raw)?).map_err(|e| e.to_string())
    }
}

impl FromColumn for bool {
    fn from_sqlite(value: rusqlite::types::ValueRef<'_>) -> Result<bool, String> {
        Ok(i64::from_sqlite(value)? != 0)
    }

    fn from_postgres(ty: &Type, raw: Option<&[u8]>) -> Result<bool, String> {
        Ok(i64::from_postgres(ty, raw)? != 0)
    }
}

impl FromColumn for String {
    fn from_sqlite(value: rusqlite::types::ValueRef<'_>) -> Result<String, String> {
        value.as_str().map(str::to_string).map_err(|e| e.to_string())
    }

    fn from_postgres(ty: &Type, raw: Option<&[u8]>) -> Result<String, String> {
        decode::<String>(ty, not_null(raw)?)
    }
}

impl FromColumn for Vec<u8> {
    fn from_sqlite(value: rusqlite::types::ValueRef<'_>) -> Result<Vec<u8>, String> {
        value.as_blob().map(<[u8]>::to_vec).map_err(|e| e.to_string())
    }

    fn from_postgres(ty: &Type, raw: Option<&[u8]>) -> Result<Vec<u8>, String> {
        decode::<Vec<u8>>(ty, not_null(raw)?)
    }
}

impl<T: FromColumn> FromColumn for Option<T> {
    fn from_sqlite(value: rusqlite::types::ValueRef<'_>) -> Result<Option<T>, String> {
        match value {
            rusqlite::types::ValueRef::Null => Ok(None),
            value => T::from_sqlite(value).map(Some),
        }
    }

    fn from_postgres(ty: &Type, raw: Option<&[u8]>) -> Result<Option<T>, String> {
        raw.map(|raw| T::from_postgres(ty, Some(raw))).transpose()
    }
}

/// A value of any column, owned (copying a table whatever its columns).
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Value {
    Null,
    Int(i64),
    Text(String),
    Bytes(Vec<u8>),
}

impl FromColumn for Value {
    fn from_sqlite(value: rusqlite::types::ValueRef<'_>) -> Result<Value, String> {
        use rusqlite::types::ValueRef;
        Ok(match value {
            ValueRef::Null => Value::Null,
            ValueRef::Integer(v) => Value::Int(v),
            ValueRef::Real(v) => Value::Text(v.to_string()),
            ValueRef::Text(v) => Value::Text(String::from_utf8_lossy(v).into_owned()),
            ValueRef::Blob(v) => Value::Bytes(v.to_vec()),
        })
    }

    fn from_postgres(ty: &Type, raw: Option<&[u8]>) -> Result<Value, String> {
        let Some(raw) = raw else {
            return Ok(Value::Null);
        };
        match *ty {
            Type::INT8 | Type::INT4 | Type::INT2 | Type::BOOL => {
                i64::from_postgres(ty, Some(raw)).map(Value::Int)
            }
            Type::BYTEA => Ok(Value::Bytes(raw.to_vec())),
            _ => String::from_postgres(ty, Some(raw)).map(Value::Text),
        }
    }
}

impl ToArg for Value {
    fn to_arg(&self) -> Arg<'_> {
        match self {
            Value::Null => Arg::Null,
            Value::Int(v) => Arg::Int(*v),
            Value::Text(v) => Arg::Text(v),
            Value::Bytes(v) => Arg::Bytes(v),
        }
    }
}

/// A column as PostgreSQL sent it, decoded by `FromColumn`.
struct RawColumn<'a>(Option<&'a [u8]>);

impl<'a> postgres::types::FromSql<'a> for RawColumn<'a> {
    fn from_sql(_: &Type, raw: &'a [u8]) -> Result<RawColumn<'a>, BoxError> {
        Ok(RawColumn(Some(raw)))
    }

    fn from_sql_null(_: &Type) -> Result<RawColumn<'a>, BoxError> {
        Ok(RawColumn(None))
    }

    fn accepts(_: &Type) -> bool {
        true
    }
}

/// One row being read.
pub(crate) enum Row<'a> {
    Sqlite(&'a rusqlite::Row<'a>),
    Postgres(&'a postgres::Row),
}

impl Row<'_> {
    pub(crate) fn len(&self) -> usize {
        match self {
            Row::Sqlite(row) => row.as_ref().column_count(),
            Row::Postgres(row) => row.len(),
        }
    }

    pub(crate) fn get<T: FromColumn>(&self, index: usize) -> Result<T, DbError> {
        let converted = match self {
            Row::Sqlite(row) => T::from_sqlite(row.get_ref(index)?),
            Row::Postgres(row) => {
                let ty = row
                    .columns()
                    .get(index)
                    .ok_or_else(|| DbError::Column(index, "no such column".into()))?
                    .type_()
                    .clone();
                let raw: RawColumn = row.try_get(index)?;
                T::from_postgres(&ty, raw.0)
            }
        };
        converted.map_err(|e| DbError::Column(index, e))
    }
}

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
            DbError::Postgres(e) => Some(e),
            _ => None,
        }
    }
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
        self.batch(if self.is_postgres() {
            "BEGIN"
        } else {
            "BEGIN IMMEDIATE"
        })?;
        Ok(Tx {
            conn: self,
            open: true,
        })
    }

    /// Starts a read-only transaction: everything read in it is one
    /// consistent snapshot, whatever others commit meanwhile.
    pub(crate) fn begin_snapshot(&self) -> DbResult<Tx<'_>> {
        self.batch(if self.is_postgres() {
            "BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY"
        } else {
            "BEGIN DEFERRED"
        })?;
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
