//! The queue's claims: rows taken atomically with a lease, the lease kept
//! alive or recovered, and each attempt's outcome recorded with its event.

use super::Store;
use super::db::{DbResult, ToArg, args};
use super::messages::{MESSAGE_COLUMNS, in_list, insert_event};
use crate::clock::{self, Timestamp};
use crate::store::{Channel, Message, Source, Status, Transition};

/// Which rows a run may take: its channels and source, or the rows chosen
/// by id (`only`, pending or error, whatever their schedule).
pub struct Ready<'a> {
    pub channels: &'a [Channel],
    pub source: Source,
    pub only: &'a [i64],
    /// When the run started: a row in error is taken only if it was due
    /// before, so that a row the run retried (due again at once on a
    /// `Retry-After: 0`) waits for the next run. None: a look (dry run).
    pub run_started: Option<Timestamp>,
}

/// An attempt's outcome on a row the run still holds (`sending`); a macro
/// so that PostgreSQL's one-statement form is a constant too (no string
/// built per message).
macro_rules! record_update {
    () => {
        "UPDATE messages SET status = ?2, lease_until = NULL, next_attempt_at = ?3, \
         sent_at = COALESCE(?4, sent_at), last_error = ?5, provider_id = COALESCE(?6, provider_id) \
         WHERE id = ?1 AND status = 'sending'"
    };
}

/// Rows whose lease ran out back to pending (a macro for the same reason).
macro_rules! recover_update {
    () => {
        "UPDATE messages SET status = 'pending', lease_until = NULL \
         WHERE status = 'sending' AND lease_until < ?1 RETURNING id"
    };
}

/// The update and its event: one statement, for PostgreSQL.
const RECORD_WITH_EVENT: &str = concat!(
    "WITH updated AS (",
    record_update!(),
    " RETURNING id) \
     INSERT INTO events (message_id, at, old_status, new_status, reason, detail, actor) \
     SELECT id, ?7, 'sending', ?2, ?8, ?9, ?10 FROM updated"
);

impl Store {
    /// Rows left in `sending` past their lease (a killed run) go back to
    /// `pending`; they may or may not have been sent.
    pub fn recover_expired_leases(&mut self, now: Timestamp, actor: &str) -> DbResult<Vec<i64>> {
        const REASON: &str = "lease expired: the run sending it stopped; it may have been sent";
        let now = clock::to_db(now);
        if self.conn.is_postgres() {
            // One statement, one round trip: every cron tick runs it.
            return self.conn.query_map(
                concat!(
                    "WITH recovered AS (",
                    recover_update!(),
                    "), logged AS (INSERT INTO events (message_id, at, old_status, new_status, reason, detail, actor) \
                     SELECT id, ?1, 'sending', 'pending', ?2, NULL, ?3 FROM recovered) \
                     SELECT id FROM recovered"
                ),
                args![now, REASON, actor],
                |row| row.get(0),
            );
        }
        let tx = self.conn.begin()?;
        let ids: Vec<i64> = tx.query_map(recover_update!(), args![now], |row| row.get(0))?;
        for id in &ids {
            insert_event(
                &tx,
                *id,
                &now,
                (Some(Status::Sending), Status::Pending),
                REASON,
                None,
                actor,
            )?;
        }
        tx.commit()?;
        Ok(ids)
    }

    fn ready_clause(ready: &Ready) -> String {
        let channels = in_list(ready.channels.iter().map(|c| c.as_str()));
        // The run's start, written in (constant for the run's statements).
        let started = ready.run_started.map(|at| format!("'{}'", clock::to_db(at)));
        if !ready.only.is_empty() {
            // Chosen by hand (`send-queue --id`): now, whatever the schedule
            // (the run takes each id once).
            let ids: Vec<String> = ready.only.iter().map(i64::to_string).collect();
            return format!(
                "(status = 'pending' OR status = 'error') AND channel IN ({channels}) AND id IN ({}) AND ?1 IS NOT NULL",
                ids.join(",")
            );
        }
        match ready.source {
            Source::Pending => format!(
                "status = 'pending' AND channel IN ({channels}) AND (not_before IS NULL OR not_before <= ?1)"
            ),
            // Due before the run started: a row it retried (due again at
            // once on a Retry-After: 0) waits for the next run.
            Source::Retry => match started {
                Some(at) => format!(
                    "status = 'error' AND channel IN ({channels}) AND (next_attempt_at IS NULL OR next_attempt_at < {at}) \
                     AND ?1 IS NOT NULL"
                ),
                None => format!(
                    "status = 'error' AND channel IN ({channels}) AND (next_attempt_at IS NULL OR next_attempt_at <= ?1)"
                ),
            },
        }
    }

    /// The claim's UPDATE. The limit is written in, not bound: with a bound
    /// LIMIT in the subquery SQLite re-prepared the statement on every
    /// execution (its planner reads the value). On PostgreSQL the rows are
    /// chosen `FOR UPDATE SKIP LOCKED`: workers on other connections take
    /// other rows at once instead of waiting for each other's commit.
    fn claim_sql(ready: &Ready, limit: u32, postgres: bool) -> String {
        let skip_locked = if postgres { " FOR UPDATE SKIP LOCKED" } else { "" };
        format!(
            "UPDATE messages SET status = 'sending', lease_until = ?2, attempts = attempts + 1, last_attempt_at = ?1 \
             WHERE id IN (SELECT id FROM messages WHERE {} ORDER BY priority DESC, id LIMIT {limit}{skip_locked}) \
             RETURNING {MESSAGE_COLUMNS}",
            Self::ready_clause(ready)
        )
    }

    /// Atomically takes up to `limit` ready rows (priority first, then oldest),
    /// marking them `sending` with a lease: concurrent runs never get the same row.
    pub fn claim(
        &mut self,
        ready: &Ready,
        now: Timestamp,
        lease_until: Timestamp,
        limit: u32,
        actor: &str,
    ) -> DbResult<Vec<Message>> {
        if ready.channels.is_empty() || limit == 0 {
            return Ok(Vec::new());
        }
        let now_text = clock::to_db(now);
        let lease_until = clock::to_db(lease_until);
        let mut claimed = if self.conn.is_postgres() && ready.only.is_empty() {
            // Its claim skips locked rows and locks nothing else: no pre-check.
            self.claim_on_postgres(ready, &now_text, &lease_until, limit, actor)?
        } else {
            // An empty queue (most cron runs) must not take SQLite's write lock.
            let any_ready = format!(
                "SELECT EXISTS (SELECT 1 FROM messages WHERE {})",
                Self::ready_clause(ready)
            );
            if !self
                .conn
                .query_row(&any_ready, args![now_text], |row| row.get::<bool>(0))?
            {
                return Ok(Vec::new());
            }
            self.claim_in_transaction(ready, &now_text, &lease_until, limit, actor)?
        };
        // RETURNING does not keep the subquery's order.
        claimed.sort_by_key(|m| (-m.priority, m.id));
        Ok(claimed)
    }

    /// PostgreSQL: the rows and their events in one statement. The planner
    /// is held to the work index, walked in order until `limit` rows: from
    /// statistics that say pending rows are rare (none yet, or taken
    /// before a bulk enqueue) it chose to read every pending row and sort
    /// them for each batch, a drain quadratic in the queue's length.
    fn claim_on_postgres(
        &self,
        ready: &Ready,
        now: &str,
        lease_until: &str,
        limit: u32,
        actor: &str,
    ) -> DbResult<Vec<Message>> {
        let tx = self
            .conn
            .start("BEGIN; SET LOCAL enable_bitmapscan = off; SET LOCAL enable_seqscan = off")?;
        let sql = format!(
            "WITH claimed AS ({}), \
             logged AS (INSERT INTO events (message_id, at, old_status, new_status, reason, detail, actor) \
             SELECT id, ?1, ?3, 'sending', 'attempt ' || attempts, NULL, ?4 FROM claimed) \
             SELECT {MESSAGE_COLUMNS} FROM claimed",
            Self::claim_sql(ready, limit, true)
        );
        let claimed = tx.query_map(
            &sql,
            args![now, lease_until, ready.source.status().as_str(), actor],
            Message::from_row,
        )?;
        tx.commit()?;
        Ok(claimed)
    }

    /// The claim's UPDATE, then each row's event, in one transaction.
    fn claim_in_transaction(
        &self,
        ready: &Ready,
        now: &str,
        lease_until: &str,
        limit: u32,
        actor: &str,
    ) -> DbResult<Vec<Message>> {
        let sql = Self::claim_sql(ready, limit, self.conn.is_postgres());
        let tx = self.conn.begin()?;
        let mut chosen = std::collections::HashMap::new();
        for id in ready.only {
            if let Some(status) = tx
                .query_opt("SELECT status FROM messages WHERE id = ?1", args![id], |row| {
                    row.get::<String>(0)
                })?
                .and_then(|s| s.parse::<Status>().ok())
            {
                chosen.insert(*id, status);
            }
        }
        let claimed: Vec<Message> = tx.query_map(&sql, args![now, lease_until], Message::from_row)?;
        for message in &claimed {
            let reason = format!("attempt {}", message.attempts);
            // RETURNING gives the new row; rows chosen by id were pending
            // or error, as read before the update.
            let old = if ready.only.is_empty() {
                ready.source.status()
            } else {
                chosen.get(&message.id).copied().unwrap_or(Status::Pending)
            };
            insert_event(
                &tx,
                message.id,
                now,
                (Some(old), Status::Sending),
                &reason,
                None,
                actor,
            )?;
        }
        tx.commit()?;
        Ok(claimed)
    }

    /// What `claim` would take, without taking it (dry runs).
    pub fn peek(&self, ready: &Ready, now: Timestamp, limit: u32) -> DbResult<Vec<Message>> {
        if ready.channels.is_empty() {
            return Ok(Vec::new());
        }
        let sql = format!(
            "SELECT {MESSAGE_COLUMNS} FROM messages WHERE {} ORDER BY priority DESC, id LIMIT {limit}",
            Self::ready_clause(ready)
        );
        self.conn
            .query_map(&sql, args![clock::to_db(now)], Message::from_row)
    }

    /// Records the outcome of an attempt on a row this run holds.
    /// Returns false if the row was no longer ours (lease lost).
    pub fn record(&mut self, id: i64, change: &Transition, now: Timestamp, actor: &str) -> DbResult<bool> {
        let now = clock::to_db(now);
        let sent_at = matches!(change.status, Status::Sent).then_some(now.as_str());
        let last_error = (!matches!(change.status, Status::Sent)).then_some(change.reason.as_str());
        let next_attempt_at = change.next_attempt_at.map(clock::to_db);
        let status = change.status.as_str();
        let update: [&dyn ToArg; 6] = [
            &id,
            &status,
            &next_attempt_at,
            &sent_at,
            &last_error,
            &change.provider_id,
        ];
        if self.conn.is_postgres() {
            // One statement, one round trip, its own transaction: each
            // round trip to the server costs more than the work.
            let mut all = update.to_vec();
            all.extend([&now as &dyn ToArg, &change.reason, &change.detail, &actor]);
            let recorded = self.conn.execute(RECORD_WITH_EVENT, &all)?;
            return Ok(recorded == 1);
        }
        let tx = self.conn.begin()?;
        let updated = tx.execute(record_update!(), &update)?;
        if updated == 1 {
            insert_event(
                &tx,
                id,
                &now,
                (Some(Status::Sending), change.status),
                &change.reason,
                change.detail.as_deref(),
                actor,
            )?;
        }
        tx.commit()?;
        Ok(updated == 1)
    }

    /// Extends the leases of rows a run still holds (`sending`): a delivery in
    /// progress is never taken over by another run, however long it takes.
    pub fn renew_leases(&mut self, ids: &[i64], lease_until: Timestamp) -> DbResult<()> {
        let until = clock::to_db(lease_until);
        let tx = self.conn.begin()?;
        for id in ids {
            tx.execute(
                "UPDATE messages SET lease_until = ?2 WHERE id = ?1 AND status = 'sending'",
                args![id, until],
            )?;
        }
        tx.commit()
    }

    /// Gives back rows a run claimed but did not try (peer down, time limit):
    /// back to their previous status, the attempt not counted.
    pub fn release(
        &mut self,
        ids: &[i64],
        source: Source,
        reason: &str,
        now: Timestamp,
        actor: &str,
    ) -> DbResult<()> {
        let status = source.status();
        let now = clock::to_db(now);
        let tx = self.conn.begin()?;
        for id in ids {
            let updated = tx.execute(
                "UPDATE messages SET status = ?2, lease_until = NULL, \
                 attempts = CASE WHEN attempts > 0 THEN attempts - 1 ELSE 0 END \
                 WHERE id = ?1 AND status = 'sending'",
                args![id, status.as_str()],
            )?;
            if updated == 1 {
                insert_event(
                    &tx,
                    *id,
                    &now,
                    (Some(Status::Sending), status),
                    reason,
                    None,
                    actor,
                )?;
            }
        }
        tx.commit()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The every-minute cron tick and each claim run the same statements
    /// with a new `now`: SQLite must not re-prepare them for each value (it
    /// did, because the partial index on provider_id made the planner look
    /// at the bound time).
    #[test]
    fn a_new_time_does_not_reprepare_the_claim() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("state.sqlite3")).unwrap();
        let ready = Ready {
            channels: &[Channel::Email],
            source: Source::Pending,
            only: &[],
            run_started: Some(clock::now()),
        };
        let sql = format!(
            "SELECT EXISTS (SELECT 1 FROM messages WHERE {})",
            Store::ready_clause(&ready)
        );
        let crate::store::db::Conn::Sqlite(conn) = &store.conn else {
            panic!("SQLite")
        };
        for second in 0..3 {
            let now = clock::to_db(clock::now() + chrono::Duration::seconds(second));
            let mut statement = conn.prepare_cached(&sql).unwrap();
            statement.query_row([&now], |row| row.get::<_, bool>(0)).unwrap();
            assert_eq!(
                statement.get_status(rusqlite::StatementStatus::RePrepare),
                0,
                "{second}"
            );
        }
        let sql = Store::claim_sql(&ready, 10, false);
        for second in 0..3 {
            let now = clock::to_db(clock::now() + chrono::Duration::seconds(second));
            let mut statement = conn.prepare_cached(&sql).unwrap();
            let mut rows = statement.query(rusqlite::params![now, now]).unwrap();
            while rows.next().unwrap().is_some() {}
            drop(rows);
            assert_eq!(
                statement.get_status(rusqlite::StatementStatus::RePrepare),
                0,
                "update {second}"
            );
        }
        let now = clock::now();
        let mut store = store;
        assert!(store.claim(&ready, now, now, 10, "test").unwrap().is_empty());
    }
}
