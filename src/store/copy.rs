//! `state migrate`: every row of one state copied into another, empty one,
//! SQLite to PostgreSQL or back, from one consistent snapshot of the
//! source and in one transaction on the target; the row counts of both are
//! compared before that transaction commits.

use serde::Serialize;

use super::Store;
use super::db::{Conn, DbResult, ToArg, Value, args, row_placeholders};
use super::migrations::TABLES;

/// Rows per INSERT: fewer statements, within both databases' limits on
/// parameters.
const ROWS_PER_INSERT: usize = 100;

/// One table's rows in the source and, once copied, in the target.
#[derive(Debug, Serialize)]
pub struct CopiedTable {
    pub table: &'static str,
    pub source: i64,
    pub target: i64,
}

/// Why a copy did not happen.
#[derive(Debug)]
pub enum CopyRefused {
    /// The target already holds rows: (table, rows).
    NotEmpty(String, i64),
    /// After the copy, a table's counts differ (the copy was rolled back).
    Mismatch(CopiedTable),
}

impl Store {
    /// Copies every row of this state into `target`, which must be empty.
    pub fn copy_into(&self, target: &Store) -> anyhow::Result<Result<Vec<CopiedTable>, CopyRefused>> {
        for table in target.table_counts()? {
            // A new state's own record of its schema is no data of a site's.
            let bookkeeping = matches!(
                table.table.as_str(),
                "schema_version" | "schema_history" | "site_owner"
            );
            if !bookkeeping && table.rows > 0 {
                return Ok(Err(CopyRefused::NotEmpty(table.table, table.rows)));
            }
        }
        let snapshot = self.conn.begin_snapshot()?;
        let tx = target.conn.begin()?;
        let mut copied = Vec::with_capacity(TABLES.len());
        for table in TABLES {
            let source = count(&snapshot, table)?;
            copy_table(&snapshot, &tx, table)?;
            let target_rows = count(&tx, table)?;
            let one = CopiedTable {
                table,
                source,
                target: target_rows,
            };
            if source != target_rows {
                return Ok(Err(CopyRefused::Mismatch(one)));
            }
            copied.push(one);
        }
        let forms_high_water = forms_high_water(&snapshot)?;
        set_forms_high_water(&tx, forms_high_water)?;
        if tx.is_postgres() {
            // Ids given by the copy: the next row takes the one after.
            for table in TABLES {
                if !columns(&tx, table)?.iter().any(|name| name == "id") {
                    continue;
                }
                // NULL for a table whose ids are not generated.
                tx.query_row(
                    &format!(
                        "SELECT CAST(setval(pg_get_serial_sequence('{table}', 'id'), GREATEST(max(id), 1), \
                         max(id) IS NOT NULL) AS TEXT) FROM {table}"
                    ),
                    args![],
                    |row| row.get::<Option<String>>(0),
                )?;
            }
        }
        tx.commit()?;
        Ok(Ok(copied))
    }
}

/// Rows of `table`; for `totals`, the messages they count (PostgreSQL
/// splits each counter in shards, SQLite keeps one row).
fn count(conn: &Conn, table: &str) -> DbResult<i64> {
    let sql = if table == "totals" {
        "SELECT CAST(COALESCE(sum(count), 0) AS BIGINT) FROM totals".to_string()
    } else {
        format!("SELECT count(*) FROM {table}")
    };
    conn.query_row(&sql, args![], |row| row.get(0))
}

fn columns(conn: &Conn, table: &str) -> DbResult<Vec<String>> {
    let sql = if conn.is_postgres() {
        "SELECT column_name::text FROM information_schema.columns \
         WHERE table_schema = current_schema() AND table_name = ?1 ORDER BY ordinal_position"
    } else {
        "SELECT name FROM pragma_table_info(?1) ORDER BY cid"
    };
    conn.query_map(sql, args![table], |row| row.get(0))
}

fn copy_table(source: &Conn, target: &Conn, table: &str) -> anyhow::Result<()> {
    let (select, names) = if table == "totals" {
        (
            "SELECT channel, outcome, CAST(sum(count) AS BIGINT) FROM totals GROUP BY channel, outcome"
                .to_string(),
            vec!["channel".to_string(), "outcome".to_string(), "count".to_string()],
        )
    } else {
        let wanted = columns(target, table)?;
        let names: Vec<String> = columns(source, table)?
            .into_iter()
            .filter(|name| wanted.contains(name))
            .collect();
        let list: Vec<String> = names.iter().map(|n| format!("\"{n}\"")).collect();
        (format!("SELECT {} FROM {table}", list.join(", ")), names)
    };
    let quoted: Vec<String> = names.iter().map(|n| format!("\"{n}\"")).collect();
    let insert = |rows: &[Vec<Value>]| -> DbResult<()> {
        let sql = format!(
            "INSERT INTO {table} ({}) VALUES {}",
            quoted.join(", "),
            row_placeholders(rows.len(), names.len())
        );
        let values: Vec<&dyn ToArg> = rows.iter().flatten().map(|v| v as &dyn ToArg).collect();
        target.execute(&sql, &values)?;
        Ok(())
    };
    let mut pending: Vec<Vec<Value>> = Vec::with_capacity(ROWS_PER_INSERT);
    source.query_each(&select, args![], |row| {
        let values = (0..row.len())
            .map(|index| row.get::<Value>(index))
            .collect::<DbResult<Vec<_>>>()?;
        pending.push(values);
        if pending.len() == ROWS_PER_INSERT {
            insert(&pending)?;
            pending.clear();
        }
        Ok::<_, super::DbError>(())
    })?;
    if !pending.is_empty() {
        insert(&pending)?;
    }
    Ok(())
}

/// The highest form id ever given (a deleted form's id is never reused).
fn forms_high_water(conn: &Conn) -> DbResult<i64> {
    let sql = if conn.is_postgres() {
        "SELECT COALESCE(pg_sequence_last_value(CAST(pg_get_serial_sequence('forms', 'id') AS regclass)), 0)"
    } else {
        "SELECT COALESCE((SELECT seq FROM sqlite_sequence WHERE name = 'forms'), 0)"
    };
    conn.query_row(sql, args![], |row| row.get(0))
}

fn set_forms_high_water(conn: &Conn, high_water: i64) -> DbResult<()> {
    if conn.is_postgres() {
        conn.query_row(
            "SELECT CAST(setval(pg_get_serial_sequence('forms', 'id'), GREATEST(?1, COALESCE(max(id), 0), 1), \
             GREATEST(?1, COALESCE(max(id), 0)) > 0) AS TEXT) FROM forms",
            args![high_water],
            |row| row.get::<String>(0),
        )?;
        return Ok(());
    }
    let raised = conn.execute(
        "UPDATE sqlite_sequence SET seq = CASE WHEN seq > ?1 THEN seq ELSE ?1 END WHERE name = 'forms'",
        args![high_water],
    )?;
    if raised == 0 && high_water > 0 {
        conn.execute(
            "INSERT INTO sqlite_sequence (name, seq) VALUES ('forms', ?1)",
            args![high_water],
        )?;
    }
    Ok(())
}
