//! One connection type over SQLite (rusqlite) or PostgreSQL (the sync
//! `postgres` client), so that the store's SQL is written once (#19, in
//! progress: nothing uses it yet).
//!
//! SQL is written with `?1`…`?N` placeholders and in the dialect both
//! accept (RETURNING, `ON CONFLICT … DO NOTHING`); for PostgreSQL the
//! placeholders become `$1`…`$N`. Values cross as owned `Val`s: integers
//! are 64-bit on both sides (PostgreSQL columns are BIGINT), times are the
//! fixed-width text the store already uses.

/// A value bound to, or read from, a statement.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Val {
    Null,
    Int(i64),
    Real(f64),
    Text(String),
    Blob(Vec<u8>),
    Bool(bool),
}

impl From<i64> for Val {
    fn from(v: i64) -> Val {
        Val::Int(v)
    }
}

impl From<&str> for Val {
    fn from(v: &str) -> Val {
        Val::Text(v.to_string())
    }
}

impl From<String> for Val {
    fn from(v: String) -> Val {
        Val::Text(v)
    }
}

impl From<bool> for Val {
    fn from(v: bool) -> Val {
        Val::Bool(v)
    }
}

impl From<Vec<u8>> for Val {
    fn from(v: Vec<u8>) -> Val {
        Val::Blob(v)
    }
}

impl<T: Into<Val>> From<Option<T>> for Val {
    fn from(v: Option<T>) -> Val {
        v.map_or(Val::Null, Into::into)
    }
}

/// A value read back as a Rust type; SQLite's 0/1 reads as a bool.
pub(crate) trait FromVal: Sized {
    fn from_val(val: &Val) -> Result<Self, DbError>;
}

impl FromVal for i64 {
    fn from_val(val: &Val) -> Result<i64, DbError> {
        match val {
            Val::Int(v) => Ok(*v),
            other => Err(DbError::Type(format!("expected an integer, found {other:?}"))),
        }
    }
}

impl FromVal for String {
    fn from_val(val: &Val) -> Result<String, DbError> {
        match val {
            Val::Text(v) => Ok(v.clone()),
            other => Err(DbError::Type(format!("expected text, found {other:?}"))),
        }
    }
}

impl FromVal for bool {
    fn from_val(val: &Val) -> Result<bool, DbError> {
        match val {
            Val::Bool(v) => Ok(*v),
            Val::Int(v) => Ok(*v != 0),
            other => Err(DbError::Type(format!("expected a boolean, found {other:?}"))),
        }
    }
}

impl FromVal for Vec<u8> {
    fn from_val(val: &Val) -> Result<Vec<u8>, DbError> {
        match val {
            Val::Blob(v) => Ok(v.clone()),
            other => Err(DbError::Type(format!("expected bytes, found {other:?}"))),
        }
    }
}

impl<T: FromVal> FromVal for Option<T> {
    fn from_val(val: &Val) -> Result<Option<T>, DbError> {
        match val {
            Val::Null => Ok(None),
            other => T::from_val(other).map(Some),
        }
    }
}

/// One row, its values in column order.
#[derive(Debug)]
pub(crate) struct Row(Vec<Val>);

impl Row {
    pub(crate) fn get<T: FromVal>(&self, index: usize) -> Result<T, DbError> {
        let val = self
            .0
            .get(index)
            .ok_or_else(|| DbError::Type(format!("no column {index}")))?;
        T::from_val(val)
    }
}

#[derive(Debug)]
pub(crate) enum DbError {
    Sqlite(rusqlite::Error),
    Postgres(postgres::Error),
    Type(String),
}

impl std::fmt::Display for DbError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DbError::Sqlite(e) => e.fmt(f),
            DbError::Postgres(e) => e.fmt(f),
            DbError::Type(e) => f.write_str(e),
        }
    }
}

impl std::error::Error for DbError {}

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

fn sqlite_value(val: &Val) -> rusqlite::types::Value {
    use rusqlite::types::Value;
    match val {
        Val::Null => Value::Null,
        Val::Int(v) => Value::Integer(*v),
        Val::Real(v) => Value::Real(*v),
        Val::Text(v) => Value::Text(v.clone()),
        Val::Blob(v) => Value::Blob(v.clone()),
        Val::Bool(v) => Value::Integer(i64::from(*v)),
    }
}

fn sqlite_row(row: &rusqlite::Row, columns: usize) -> rusqlite::Result<Row> {
    use rusqlite::types::ValueRef;
    let mut values = Vec::with_capacity(columns);
    for index in 0..columns {
        values.push(match row.get_ref(index)? {
            ValueRef::Null => Val::Null,
            ValueRef::Integer(v) => Val::Int(v),
            ValueRef::Real(v) => Val::Real(v),
            ValueRef::Text(v) => Val::Text(String::from_utf8_lossy(v).into_owned()),
            ValueRef::Blob(v) => Val::Blob(v.to_vec()),
        });
    }
    Ok(Row(values))
}

fn postgres_row(row: &postgres::Row) -> Result<Row, DbError> {
    use postgres::types::Type;
    let mut values = Vec::with_capacity(row.len());
    for (index, column) in row.columns().iter().enumerate() {
        let ty = column.type_();
        let val = if *ty == Type::INT8 {
            row.try_get::<_, Option<i64>>(index)?.map_or(Val::Null, Val::Int)
        } else if *ty == Type::INT4 {
            row.try_get::<_, Option<i32>>(index)?
                .map_or(Val::Null, |v| Val::Int(v.into()))
        } else if *ty == Type::BOOL {
            row.try_get::<_, Option<bool>>(index)?
                .map_or(Val::Null, Val::Bool)
        } else if *ty == Type::BYTEA {
            row.try_get::<_, Option<Vec<u8>>>(index)?
                .map_or(Val::Null, Val::Blob)
        } else if *ty == Type::FLOAT8 {
            row.try_get::<_, Option<f64>>(index)?.map_or(Val::Null, Val::Real)
        } else {
            row.try_get::<_, Option<String>>(index)?
                .map_or(Val::Null, Val::Text)
        };
        values.push(val);
    }
    Ok(Row(values))
}

/// Parameters as the postgres client takes them.
fn postgres_params(params: &[Val]) -> Vec<Box<dyn postgres::types::ToSql + Sync>> {
    params
        .iter()
        .map(|val| -> Box<dyn postgres::types::ToSql + Sync> {
            match val {
                Val::Null => Box::new(Option::<String>::None),
                Val::Int(v) => Box::new(*v),
                Val::Real(v) => Box::new(*v),
                Val::Text(v) => Box::new(v.clone()),
                Val::Blob(v) => Box::new(v.clone()),
                Val::Bool(v) => Box::new(*v),
            }
        })
        .collect()
}

/// A connection to a state, either kind.
pub(crate) enum Conn {
    Sqlite(rusqlite::Connection),
    Postgres(postgres::Client),
}

impl Conn {
    /// Runs one statement; the rows it changed.
    pub(crate) fn execute(&mut self, sql: &str, params: &[Val]) -> Result<u64, DbError> {
        match self {
            Conn::Sqlite(conn) => {
                let values: Vec<_> = params.iter().map(sqlite_value).collect();
                Ok(conn
                    .prepare_cached(sql)?
                    .execute(rusqlite::params_from_iter(values))? as u64)
            }
            Conn::Postgres(client) => {
                let owned = postgres_params(params);
                let refs: Vec<&(dyn postgres::types::ToSql + Sync)> =
                    owned.iter().map(|b| b.as_ref()).collect();
                Ok(client.execute(to_postgres(sql).as_str(), &refs)?)
            }
        }
    }

    /// Hands each row to `each`, as they are read.
    pub(crate) fn query_each(
        &mut self,
        sql: &str,
        params: &[Val],
        mut each: impl FnMut(Row) -> Result<(), DbError>,
    ) -> Result<(), DbError> {
        match self {
            Conn::Sqlite(conn) => {
                let values: Vec<_> = params.iter().map(sqlite_value).collect();
                let mut statement = conn.prepare_cached(sql)?;
                let columns = statement.column_count();
                let mut rows = statement.query(rusqlite::params_from_iter(values))?;
                while let Some(row) = rows.next()? {
                    each(sqlite_row(row, columns)?)?;
                }
                Ok(())
            }
            Conn::Postgres(client) => {
                use postgres::fallible_iterator::FallibleIterator;
                let owned = postgres_params(params);
                let refs: Vec<&(dyn postgres::types::ToSql + Sync)> =
                    owned.iter().map(|b| b.as_ref()).collect();
                let mut rows = client.query_raw(to_postgres(sql).as_str(), refs)?;
                while let Some(row) = rows.next()? {
                    each(postgres_row(&row)?)?;
                }
                Ok(())
            }
        }
    }

    /// The first row, if any.
    pub(crate) fn query_opt(&mut self, sql: &str, params: &[Val]) -> Result<Option<Row>, DbError> {
        let mut first = None;
        self.query_each(sql, params, |row| {
            if first.is_none() {
                first = Some(row);
            }
            Ok(())
        })?;
        Ok(first)
    }

    /// Statements separated by `;`, no parameters (schema migrations).
    pub(crate) fn batch(&mut self, sql: &str) -> Result<(), DbError> {
        match self {
            Conn::Sqlite(conn) => Ok(conn.execute_batch(sql)?),
            Conn::Postgres(client) => Ok(client.batch_execute(sql)?),
        }
    }

    pub(crate) fn dialect(&self) -> &'static str {
        match self {
            Conn::Sqlite(_) => "sqlite",
            Conn::Postgres(_) => "postgresql",
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
    fn sqlite_round_trip() {
        let mut conn = Conn::Sqlite(rusqlite::Connection::open_in_memory().unwrap());
        conn.batch("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT NOT NULL, data BLOB, flag INTEGER)")
            .unwrap();
        let inserted = conn
            .execute(
                "INSERT INTO t (name, data, flag) VALUES (?1, ?2, ?3) ON CONFLICT DO NOTHING",
                &["zoé".into(), Val::Blob(vec![0, 1]), true.into()],
            )
            .unwrap();
        assert_eq!(inserted, 1);
        let row = conn
            .query_opt(
                "SELECT id, name, data, flag, NULL FROM t WHERE name = ?1",
                &["zoé".into()],
            )
            .unwrap()
            .unwrap();
        assert_eq!(row.get::<i64>(0).unwrap(), 1);
        assert_eq!(row.get::<String>(1).unwrap(), "zoé");
        assert_eq!(row.get::<Vec<u8>>(2).unwrap(), vec![0, 1]);
        assert!(row.get::<bool>(3).unwrap());
        assert_eq!(row.get::<Option<String>>(4).unwrap(), None);
    }
}
