//! Values crossing to and from either database: the arguments bound to a
//! statement (borrowed, converted to the type PostgreSQL inferred for each
//! parameter) and the columns read back (`Row::get`), the same Rust types
//! on both sides.

use postgres::types::{IsNull, Type};

use super::DbError;

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
