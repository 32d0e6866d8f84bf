//! All output of the program: tables for people (tabled), JSON for scripts
//! (serde, stable keys, UTC RFC 3339 times). Nothing else writes to stdout.

use std::io::Write;

use serde::Serialize;
use tabled::builder::Builder;
use tabled::settings::Style;

use crate::clock::{self, Timestamp};

mod mail;
mod newsletter;
mod push;
mod queue;
mod state;
mod workflow;

pub(crate) use mail::*;
pub(crate) use newsletter::*;
pub(crate) use push::*;
pub(crate) use queue::*;
pub(crate) use state::*;
pub(crate) use workflow::*;

/// Writes text to stdout. A closed pipe (`publik … | head`) surfaces as an
/// `io::Error` of kind BrokenPipe, which `main` treats as a normal end.
/// How a command writes its result: chosen once, from `--json`, for the
/// whole run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Output {
    /// Tables and lines for people; nothing at all for a cron job's success.
    Text,
    /// JSON for scripts, stable.
    Json,
}

impl Output {
    /// A result only scripts need (the id of what was made, a count): JSON
    /// with `--json`, nothing otherwise (cron-quiet).
    pub fn record<T: Serialize + ?Sized>(self, value: &T) -> anyhow::Result<()> {
        match self {
            Output::Json => json(value),
            Output::Text => Ok(()),
        }
    }
}

pub(crate) fn out(text: &str) -> std::io::Result<()> {
    let mut stdout = std::io::stdout().lock();
    stdout.write_all(text.as_bytes())?;
    if !text.is_empty() && !text.ends_with('\n') {
        stdout.write_all(b"\n")?;
    }
    stdout.flush()
}

pub(crate) fn json<T: Serialize + ?Sized>(value: &T) -> anyhow::Result<()> {
    // One site of several (`--all-tenants`): one line per site, naming it.
    if let Some(tenant) = crate::thread_tenant::tenant() {
        let mut record = serde_json::to_value(value)?;
        match &mut record {
            serde_json::Value::Object(map) => {
                map.insert("tenant".into(), tenant.into());
            }
            other => *other = serde_json::json!({"tenant": tenant, "result": other.clone()}),
        }
        return Ok(out(&serde_json::to_string(&record)?)?);
    }
    let text = serde_json::to_string_pretty(value)?;
    Ok(out(&text)?)
}

fn table(header: &[&str], rows: Vec<Vec<String>>) -> String {
    table_of(header, rows).to_string()
}

fn table_of(header: &[&str], rows: Vec<Vec<String>>) -> tabled::Table {
    let mut builder = Builder::default();
    builder.push_record(header.iter().map(|h| h.to_string()));
    for row in rows {
        builder.push_record(row);
    }
    let mut table = builder.build();
    table.with(Style::psql());
    table
}

fn local(time: Option<Timestamp>) -> String {
    time.map(clock::to_local).unwrap_or_default()
}

/// How many rows a command removed (members, subscriptions).
#[derive(Serialize)]
pub(crate) struct Removed {
    pub removed: usize,
}

/// How many rows a clean-up deleted.
#[derive(Serialize)]
pub(crate) struct Deleted {
    pub deleted: usize,
}

/// The ids of the rows a command queued or changed.
#[derive(Serialize)]
pub(crate) struct Ids<'a> {
    pub ids: &'a [i64],
}

pub(crate) fn ids(ids: &[i64], output: Output) -> anyhow::Result<()> {
    if output == Output::Json {
        return json(&Ids { ids });
    }
    let text: Vec<String> = ids.iter().map(i64::to_string).collect();
    Ok(out(&text.join("\n"))?)
}
