//! The send queue: bodies (stored once per send), one message row per
//! recipient and channel, and the append-only events history.

use std::str::FromStr;

use serde::Serialize;

use super::Store;
use super::db::{Conn, DbError, DbResult, Row, ToArg, args};
use crate::clock::{self, Timestamp};
pub(crate) use crate::queue_row::{Channel, Source, Status};

pub struct NewAttachment {
    pub filename: String,
    pub content_type: String,
    pub data: Vec<u8>,
}

/// What is shared by the rows of one send.
pub struct NewBody {
    pub channel: Channel,
    pub content: String,
    pub attachments: Vec<NewAttachment>,
}

pub struct NewRow {
    pub recipient: String,
    pub vars: Option<String>,
    pub priority: i32,
    pub tag: Option<String>,
    pub not_before: Option<Timestamp>,
    pub expires_at: Option<Timestamp>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Message {
    pub id: i64,
    pub channel: Channel,
    pub body_id: i64,
    pub recipient: String,
    #[serde(skip)]
    pub vars: Option<String>,
    pub status: Status,
    pub priority: i32,
    pub tag: Option<String>,
    pub attempts: u32,
    pub created_at: Timestamp,
    pub not_before: Option<Timestamp>,
    pub expires_at: Option<Timestamp>,
    pub last_attempt_at: Option<Timestamp>,
    pub next_attempt_at: Option<Timestamp>,
    pub lease_until: Option<Timestamp>,
    pub sent_at: Option<Timestamp>,
    pub delivered_at: Option<Timestamp>,
    pub last_error: Option<String>,
    pub provider_id: Option<String>,
}

pub(super) const MESSAGE_COLUMNS: &str = "id, channel, body_id, recipient, vars, status, priority, tag, attempts, \
     created_at, not_before, expires_at, last_attempt_at, next_attempt_at, lease_until, sent_at, \
     delivered_at, last_error, provider_id";

fn time_col(row: &Row, idx: usize) -> DbResult<Option<Timestamp>> {
    let text: Option<String> = row.get(idx)?;
    Ok(text.as_deref().and_then(clock::from_db))
}

fn parse_col<T: FromStr<Err = String>>(row: &Row, idx: usize) -> DbResult<T> {
    let text: String = row.get(idx)?;
    text.parse().map_err(|e: String| DbError::Column(idx, e))
}

impl Message {
    pub(super) fn from_row(row: &Row) -> DbResult<Message> {
        Ok(Message {
            id: row.get(0)?,
            channel: parse_col(row, 1)?,
            body_id: row.get(2)?,
            recipient: row.get(3)?,
            vars: row.get(4)?,
            status: parse_col(row, 5)?,
            priority: row.get(6)?,
            tag: row.get(7)?,
            attempts: row.get(8)?,
            created_at: time_col(row, 9)?.unwrap_or_default(),
            not_before: time_col(row, 10)?,
            expires_at: time_col(row, 11)?,
            last_attempt_at: time_col(row, 12)?,
            next_attempt_at: time_col(row, 13)?,
            lease_until: time_col(row, 14)?,
            sent_at: time_col(row, 15)?,
            delivered_at: time_col(row, 16)?,
            last_error: row.get(17)?,
            provider_id: row.get(18)?,
        })
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Attachment {
    pub id: i64,
    pub filename: String,
    pub content_type: String,
    #[serde(skip)]
    pub data: Vec<u8>,
    pub size: usize,
}

#[derive(Debug, Clone)]
pub struct Body {
    pub id: i64,
    pub channel: Channel,
    pub content: String,
    pub attachments: Vec<Attachment>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Event {
    pub at: Timestamp,
    pub old_status: Option<Status>,
    pub new_status: Status,
    pub reason: String,
    pub detail: Option<String>,
    pub actor: String,
}

/// The outcome of one attempt, as decided by the queue logic.
#[derive(Debug, Clone)]
pub struct Transition {
    pub status: Status,
    pub reason: String,
    /// The peer's reply (SMTP response, HTTP body), kept in the history.
    pub detail: Option<String>,
    pub next_attempt_at: Option<Timestamp>,
    pub provider_id: Option<String>,
}

#[derive(Debug, Default)]
pub struct ListFilter {
    pub statuses: Vec<Status>,
    pub channel: Option<Channel>,
    pub recipient: Option<String>,
    pub tag: Option<String>,
    pub since: Option<Timestamp>,
    pub limit: Option<u32>,
}

#[derive(Debug, Serialize)]
pub struct StatusCount {
    pub channel: Channel,
    pub status: Status,
    pub count: i64,
}

/// Why a requeue or cancel was refused: the row and its status.
#[derive(Debug)]
pub enum ChangeRefused {
    Unknown(i64),
    WrongStatus(i64, Status),
}

/// The statuses of rows `ids`, or why one of them may not change: unknown,
/// or in a status not `allowed`.
fn statuses_allowed(
    tx: &Conn,
    ids: &[i64],
    allowed: &[Status],
) -> DbResult<Result<Vec<Status>, ChangeRefused>> {
    let mut olds = Vec::with_capacity(ids.len());
    let sql = format!("SELECT status FROM messages WHERE id = ?1{}", tx.for_update());
    for id in ids {
        let status: Option<String> = tx.query_opt(&sql, args![id], |row| row.get(0))?;
        match status.map(|s| s.parse::<Status>()) {
            None => return Ok(Err(ChangeRefused::Unknown(*id))),
            Some(Ok(status)) if allowed.contains(&status) => olds.push(status),
            Some(Ok(status)) => return Ok(Err(ChangeRefused::WrongStatus(*id, status))),
            Some(Err(e)) => return Err(DbError::Column(0, e)),
        }
    }
    Ok(Ok(olds))
}

pub(super) fn in_list(values: impl IntoIterator<Item = &'static str>) -> String {
    let quoted: Vec<String> = values.into_iter().map(|v| format!("'{v}'")).collect();
    quoted.join(",")
}

pub(super) fn insert_event(
    tx: &Conn,
    message_id: i64,
    at: &str,
    (old, new): (Option<Status>, Status),
    reason: &str,
    detail: Option<&str>,
    actor: &str,
) -> DbResult<()> {
    tx.execute(
        "INSERT INTO events (message_id, at, old_status, new_status, reason, detail, actor) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        args![
            message_id,
            at,
            old.map(Status::as_str),
            new.as_str(),
            reason,
            detail,
            actor
        ],
    )?;
    Ok(())
}

/// Inserts a body and its attachments; returns its id.
pub(super) fn insert_body(tx: &Conn, body: &NewBody, now: &str, actor: &str) -> DbResult<i64> {
    let body_id: i64 = tx.query_row(
        "INSERT INTO bodies (channel, content, created_at, created_by) VALUES (?1, ?2, ?3, ?4) RETURNING id",
        args![body.channel.as_str(), body.content, now, actor],
        |row| row.get(0),
    )?;
    for attachment in &body.attachments {
        tx.execute(
            "INSERT INTO attachments (body_id, filename, content_type, data) VALUES (?1, ?2, ?3, ?4)",
            args![
                body_id,
                attachment.filename,
                attachment.content_type,
                attachment.data
            ],
        )?;
    }
    Ok(body_id)
}

/// Inserts one pending row; returns its id. Its "queued" history entry is
/// derived from `created_at` and the body's `created_by`, not stored.
pub(super) fn insert_message(
    tx: &Conn,
    channel: Channel,
    body_id: i64,
    row: &NewRow,
    now: &str,
) -> DbResult<i64> {
    tx.query_row(
        "INSERT INTO messages (channel, body_id, recipient, vars, priority, tag, created_at, not_before, expires_at) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) RETURNING id",
        args![
        channel.as_str(),
        body_id,
        row.recipient,
        row.vars,
        row.priority,
        row.tag,
        now,
        row.not_before.map(clock::to_db),
            row.expires_at.map(clock::to_db),
        ],
        |row| row.get(0),
    )
}

impl Store {
    /// Queues one send: its body once, then one row per recipient, all or nothing.
    pub fn enqueue(&mut self, body: &NewBody, rows: &[NewRow], actor: &str) -> DbResult<Vec<i64>> {
        let now = clock::to_db(clock::now());
        let tx = self.conn.begin()?;
        let body_id = insert_body(&tx, body, &now, actor)?;
        let ids = rows
            .iter()
            .map(|row| insert_message(&tx, body.channel, body_id, row, &now))
            .collect::<DbResult<Vec<_>>>()?;
        tx.commit()?;
        Ok(ids)
    }

    pub fn body(&self, id: i64) -> DbResult<Body> {
        let (channel, content): (String, String) = self.conn.query_row(
            "SELECT channel, content FROM bodies WHERE id = ?1",
            args![id],
            |row| Ok((row.get(0)?, row.get(1)?)),
        )?;
        let channel = channel.parse().map_err(|e: String| DbError::Column(0, e))?;
        let attachments = self.conn.query_map(
            "SELECT id, filename, content_type, data FROM attachments WHERE body_id = ?1 ORDER BY id",
            args![id],
            |row| {
                let data: Vec<u8> = row.get(3)?;
                Ok(Attachment {
                    id: row.get(0)?,
                    filename: row.get(1)?,
                    content_type: row.get(2)?,
                    size: data.len(),
                    data,
                })
            },
        )?;
        Ok(Body {
            id,
            channel,
            content,
            attachments,
        })
    }

    pub fn message(&self, id: i64) -> DbResult<Option<Message>> {
        self.conn.query_opt(
            &format!("SELECT {MESSAGE_COLUMNS} FROM messages WHERE id = ?1"),
            args![id],
            Message::from_row,
        )
    }

    pub fn events(&self, message_id: i64) -> DbResult<Vec<Event>> {
        self.conn.query_map(
            "SELECT m.created_at, NULL, 'pending', 'queued', NULL, b.created_by, CAST(0 AS BIGINT) FROM messages m \
             JOIN bodies b ON b.id = m.body_id WHERE m.id = ?1 \
             UNION ALL SELECT at, old_status, new_status, reason, detail, actor, id FROM events \
             WHERE message_id = ?1 ORDER BY 7",
            args![message_id],
            |row| {
                let old: Option<String> = row.get(1)?;
                Ok(Event {
                    at: time_col(row, 0)?.unwrap_or_default(),
                    old_status: old.and_then(|s| s.parse().ok()),
                    new_status: parse_col(row, 2)?,
                    reason: row.get(3)?,
                    detail: row.get(4)?,
                    actor: row.get(5)?,
                })
            },
        )
    }

    /// The rows `filter` selects, oldest first, handed to `each` one at a
    /// time: memory stays flat whatever the queue holds.
    pub fn list_each<E: From<DbError>>(
        &self,
        filter: &ListFilter,
        mut each: impl FnMut(Message) -> Result<(), E>,
    ) -> Result<(), E> {
        let (clause, values) = self.list_clause(filter);
        let mut sql = format!("SELECT {MESSAGE_COLUMNS} FROM messages{clause} ORDER BY id");
        if let Some(limit) = filter.limit {
            sql.push_str(&format!(" LIMIT {limit}"));
        }
        let values: Vec<&dyn ToArg> = values.iter().map(|v| v as &dyn ToArg).collect();
        self.conn
            .query_each(&sql, &values, |row| each(Message::from_row(row)?))
    }

    /// How many rows `filter` selects, its limit aside.
    pub fn count(&self, filter: &ListFilter) -> DbResult<i64> {
        let (clause, values) = self.list_clause(filter);
        let values: Vec<&dyn ToArg> = values.iter().map(|v| v as &dyn ToArg).collect();
        self.conn.query_row(
            &format!("SELECT count(*) FROM messages{clause}"),
            &values,
            |row| row.get(0),
        )
    }

    /// ` WHERE …` for a filter (empty when it selects everything).
    fn list_clause(&self, filter: &ListFilter) -> (String, Vec<String>) {
        let mut clauses: Vec<String> = Vec::new();
        let mut values: Vec<String> = Vec::new();
        if !filter.statuses.is_empty() {
            clauses.push(format!(
                "status IN ({})",
                in_list(filter.statuses.iter().map(|s| s.as_str()))
            ));
        }
        if let Some(channel) = filter.channel {
            values.push(channel.as_str().into());
            clauses.push(format!("channel = ?{}", values.len()));
        }
        if let Some(recipient) = &filter.recipient {
            values.push(recipient.clone());
            clauses.push(self.conn.same_address("recipient", &format!("?{}", values.len())));
        }
        if let Some(tag) = &filter.tag {
            values.push(tag.clone());
            clauses.push(format!("tag = ?{}", values.len()));
        }
        if let Some(since) = filter.since {
            values.push(clock::to_db(since));
            clauses.push(format!("created_at >= ?{}", values.len()));
        }
        if clauses.is_empty() {
            return (String::new(), values);
        }
        (format!(" WHERE {}", clauses.join(" AND ")), values)
    }

    pub fn status_counts(&self) -> DbResult<Vec<StatusCount>> {
        self.conn.query_map(
            "SELECT channel, status, count(*) FROM messages GROUP BY channel, status ORDER BY channel, status",
            args![],
            |row| {
                Ok(StatusCount {
                    channel: parse_col(row, 0)?,
                    status: parse_col(row, 1)?,
                    count: row.get(2)?,
                })
            },
        )
    }

    /// What monitoring watches, for one channel or all: rows pending, when
    /// the longest-waiting due one became due, rows failed since `since`.
    pub fn health(
        &self,
        channel: Option<Channel>,
        now: Timestamp,
        since: Timestamp,
    ) -> DbResult<(i64, Option<Timestamp>, i64)> {
        let channel = channel.map(Channel::as_str);
        let (pending, oldest): (i64, Option<String>) = self.conn.query_row(
            "SELECT count(*), min(CASE WHEN not_before IS NULL OR not_before <= ?2 \
             THEN (CASE WHEN not_before > created_at THEN not_before ELSE created_at END) END) \
             FROM messages WHERE status = 'pending' AND (CAST(?1 AS TEXT) IS NULL OR channel = ?1)",
            args![channel, clock::to_db(now)],
            |row| Ok((row.get(0)?, row.get(1)?)),
        )?;
        let failed: i64 = self.conn.query_row(
            "SELECT count(*) FROM messages WHERE status = 'failed' AND (CAST(?1 AS TEXT) IS NULL OR channel = ?1) \
             AND COALESCE(last_attempt_at, created_at) >= ?2",
            args![channel, clock::to_db(since)],
            |row| row.get(0),
        )?;
        Ok((pending, oldest.as_deref().and_then(clock::from_db), failed))
    }

    /// Messages that ever reached sent, delivered or failed, per channel
    /// (kept across purges): (channel, outcome, count).
    pub fn totals(&self) -> DbResult<Vec<(Channel, String, i64)>> {
        // PostgreSQL's counters are split in shards (see the migrations).
        self.conn.query_map(
            "SELECT channel, outcome, CAST(sum(count) AS BIGINT) FROM totals \
             GROUP BY channel, outcome ORDER BY channel, outcome",
            args![],
            |row| Ok((parse_col(row, 0)?, row.get(1)?, row.get(2)?)),
        )
    }

    /// Per channel, when its longest-waiting due message became due.
    pub fn oldest_due(&self, now: Timestamp) -> DbResult<Vec<(Channel, Timestamp)>> {
        self.conn.query_map(
            "SELECT channel, min(CASE WHEN not_before > created_at THEN not_before ELSE created_at END) \
             FROM messages WHERE status = 'pending' AND (not_before IS NULL OR not_before <= ?1) \
             GROUP BY channel ORDER BY channel",
            args![clock::to_db(now)],
            |row| {
                let at: String = row.get(1)?;
                Ok((parse_col(row, 0)?, clock::from_db(&at).unwrap_or_default()))
            },
        )
    }

    pub fn oldest_pending(&self) -> DbResult<Option<Timestamp>> {
        let text: Option<String> = self.conn.query_row(
            "SELECT min(created_at) FROM messages WHERE status = 'pending'",
            args![],
            |row| row.get(0),
        )?;
        Ok(text.as_deref().and_then(clock::from_db))
    }

    /// Moves rows to `to` if every one is currently in one of `allowed`;
    /// otherwise changes nothing and says which row is in the way.
    pub fn change_status(
        &mut self,
        ids: &[i64],
        allowed: &[Status],
        to: Status,
        reason: &str,
        actor: &str,
    ) -> DbResult<Result<usize, ChangeRefused>> {
        let now = clock::to_db(clock::now());
        let tx = self.conn.begin()?;
        let olds = match statuses_allowed(&tx, ids, allowed)? {
            Ok(olds) => olds,
            Err(refused) => return Ok(Err(refused)),
        };
        let reset_attempts = to == Status::Pending;
        for (id, old) in ids.iter().zip(olds) {
            tx.execute(
                "UPDATE messages SET status = ?2, next_attempt_at = NULL, lease_until = NULL, \
                 attempts = CASE WHEN ?3 THEN 0 ELSE attempts END WHERE id = ?1",
                args![id, to.as_str(), reset_attempts],
            )?;
            insert_event(&tx, *id, &now, (Some(old), to), reason, None, actor)?;
        }
        tx.commit()?;
        Ok(Ok(ids.len()))
    }

    /// Deletes rows (any status `allowed`), their history, and their bodies
    /// when no other row uses them; all or nothing.
    pub fn delete_messages(
        &mut self,
        ids: &[i64],
        allowed: &[Status],
    ) -> DbResult<Result<usize, ChangeRefused>> {
        let tx = self.conn.begin()?;
        if let Err(refused) = statuses_allowed(&tx, ids, allowed)? {
            return Ok(Err(refused));
        }
        for id in ids {
            let body_id: Option<i64> = tx.query_opt(
                "DELETE FROM messages WHERE id = ?1 RETURNING body_id",
                args![id],
                |row| row.get(0),
            )?;
            if let Some(body_id) = body_id {
                tx.execute(
                    "DELETE FROM bodies WHERE id = ?1 AND NOT EXISTS (SELECT 1 FROM messages WHERE body_id = ?1)",
                    args![body_id],
                )?;
            }
        }
        tx.commit()?;
        Ok(Ok(ids.len()))
    }

    /// The row a provider knows by `provider_id` (delivery receipts).
    pub fn message_by_provider_id(&self, channel: Channel, provider_id: &str) -> DbResult<Option<Message>> {
        self.conn.query_opt(
            &format!(
                "SELECT {MESSAGE_COLUMNS} FROM messages WHERE provider_id = ?1 AND channel = ?2 ORDER BY id DESC LIMIT 1"
            ),
            args![provider_id, channel.as_str()],
            Message::from_row,
        )
    }

    /// Applies a delivery receipt to a `sent` row: `delivered` (with its time)
    /// or `failed`. Returns false if the row was not `sent` any more.
    pub fn apply_receipt(
        &mut self,
        id: i64,
        to: Status,
        at: Timestamp,
        reason: &str,
        actor: &str,
    ) -> DbResult<bool> {
        let now = clock::to_db(clock::now());
        let tx = self.conn.begin()?;
        let delivered_at = (to == Status::Delivered).then(|| clock::to_db(at));
        let last_error = (to != Status::Delivered).then_some(reason);
        let updated = tx.execute(
            "UPDATE messages SET status = ?2, delivered_at = COALESCE(?3, delivered_at), \
             last_error = COALESCE(?4, last_error) WHERE id = ?1 AND status = 'sent'",
            args![id, to.as_str(), delivered_at, last_error],
        )?;
        if updated == 1 {
            insert_event(&tx, id, &now, (Some(Status::Sent), to), reason, None, actor)?;
        }
        tx.commit()?;
        Ok(updated == 1)
    }

    /// Ids of rows in the given statuses (to requeue by status).
    pub fn ids_with_status(&self, statuses: &[Status]) -> DbResult<Vec<i64>> {
        let sql = format!(
            "SELECT id FROM messages WHERE status IN ({}) ORDER BY id",
            in_list(statuses.iter().map(|s| s.as_str()))
        );
        self.conn.query_map(&sql, args![], |row| row.get(0))
    }

    /// Deletes rows in `statuses` whose last activity is before `before`,
    /// their history, and bodies no row uses any more. Returns rows deleted.
    pub fn purge(&mut self, statuses: &[Status], before: Timestamp) -> DbResult<usize> {
        let tx = self.conn.begin()?;
        let sql = format!(
            "DELETE FROM messages WHERE status IN ({}) \
             AND COALESCE(delivered_at, sent_at, last_attempt_at, created_at) < ?1",
            in_list(statuses.iter().map(|s| s.as_str()))
        );
        let deleted = tx.execute(&sql, args![clock::to_db(before)])?;
        tx.execute(
            "DELETE FROM bodies WHERE NOT EXISTS (SELECT 1 FROM messages WHERE messages.body_id = bodies.id)",
            args![],
        )?;
        tx.commit()?;
        Ok(deleted)
    }
}
