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

/// A run's hold on the rows it claims: who (a token of its own, so that a
/// run cut off past its lease cannot record, renew or give back rows another
/// run has taken over) and until when.
pub struct Lease<'a> {
    pub owner: &'a str,
    pub until: Timestamp,
}

/// An attempt's outcome on a row the run still holds (`sending`); a macro
/// so that PostgreSQL's one-statement form is a constant too (no string
/// built per message).
macro_rules! record_update {
    () => {
        "UPDATE messages SET status = ?2, lease_until = NULL, next_attempt_at = ?3, \
         sent_at = COALESCE(?4, sent_at), last_error = ?5, provider_id = COALESCE(?6, provider_id), \
         lease_owner = NULL WHERE id = ?1 AND status = 'sending' AND lease_owner = ?7"
    };
}

/// Rows whose lease ran out back to pending (a macro for the same reason).
macro_rules! recover_update {
    ($skip_locked:literal) => {
        concat!(
            "UPDATE messages SET status = 'pending', lease_until = NULL, lease_owner = NULL \
             WHERE id IN (SELECT id FROM messages WHERE status = 'sending' AND lease_until < ?1",
            $skip_locked,
            ") RETURNING id"
        )
    };
}

/// The update and its event: one statement, for PostgreSQL.
const RECORD_WITH_EVENT: &str = concat!(
    "WITH updated AS (",
    record_update!(),
    " RETURNING id) \
     INSERT INTO events (message_id, at, old_status, new_status, reason, detail, actor) \
     SELECT id, ?8, 'sending', ?2, ?9, ?10, ?11 FROM updated"
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
                    // A row locked by a worker cut off mid-transaction waits
                    // for the server to end that session, not this tick.
                    recover_update!(" FOR UPDATE SKIP LOCKED"),
                    "), logged AS (INSERT INTO events (message_id, at, old_status, new_status, reason, detail, actor) \
                     SELECT id, ?1, 'sending', 'pending', ?2, NULL, ?3 FROM recovered) \
                     SELECT id FROM recovered"
                ),
                args![now, REASON, actor],
                |row| row.get(0),
            );
        }
        let tx = self.conn.begin()?;
        let ids: Vec<i64> = tx.query_map(recover_update!(""), args![now], |row| row.get(0))?;
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
            "UPDATE messages SET status = 'sending', lease_until = ?2, lease_owner = ?3, attempts = attempts + 1, \
             last_attempt_at = ?1 \
             WHERE id IN (SELECT id FROM messages WHERE {} ORDER BY priority DESC, id LIMIT {limit}{skip_locked}) \
             RETURNING {MESSAGE_COLUMNS}",
            Self::ready_clause(ready)
        )
    }

    /// Atomically takes up to `limit` ready rows (priority first, then oldest),
    /// marking them `sending` with a lease held by `lease.owner`: concurrent
    /// runs never get the same row.
    pub fn claim(
        &mut self,
        ready: &Ready,
        now: Timestamp,
        lease: &Lease,
        limit: u32,
        actor: &str,
    ) -> DbResult<Vec<Message>> {
        if ready.channels.is_empty() || limit == 0 {
            return Ok(Vec::new());
        }
        let now_text = clock::to_db(now);
        let mut claimed = if self.conn.is_postgres() && ready.only.is_empty() {
            // Its claim skips locked rows and locks nothing else: no pre-check.
            self.claim_on_postgres(ready, &now_text, lease, limit, actor)?
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
            self.claim_in_transaction(ready, &now_text, lease, limit, actor)?
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
        lease: &Lease,
        limit: u32,
        actor: &str,
    ) -> DbResult<Vec<Message>> {
        let tx = self
            .conn
            .start("BEGIN; SET LOCAL enable_bitmapscan = off; SET LOCAL enable_seqscan = off")?;
        let sql = format!(
            "WITH claimed AS ({}), \
             logged AS (INSERT INTO events (message_id, at, old_status, new_status, reason, detail, actor) \
             SELECT id, ?1, ?4, 'sending', 'attempt ' || attempts, NULL, ?5 FROM claimed) \
             SELECT {MESSAGE_COLUMNS} FROM claimed",
            Self::claim_sql(ready, limit, true)
        );
        let claimed = tx.query_map(
            &sql,
            args![
                now,
                clock::to_db(lease.until),
                lease.owner,
                ready.source.status().as_str(),
                actor
            ],
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
        lease: &Lease,
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
        let claimed: Vec<Message> = tx.query_map(
            &sql,
            args![now, clock::to_db(lease.until), lease.owner],
            Message::from_row,
        )?;
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

    /// Records the outcome of an attempt on a row `owner` holds.
    /// Returns false if the row was no longer its own (lease lost, the row
    /// taken over by another run).
    pub fn record(
        &mut self,
        id: i64,
        change: &Transition,
        now: Timestamp,
        actor: &str,
        owner: &str,
    ) -> DbResult<bool> {
        let now = clock::to_db(now);
        let sent_at = matches!(change.status, Status::Sent).then_some(now.as_str());
        let last_error = (!matches!(change.status, Status::Sent)).then_some(change.reason.as_str());
        let next_attempt_at = change.next_attempt_at.map(clock::to_db);
        let status = change.status.as_str();
        let update: [&dyn ToArg; 7] = [
            &id,
            &status,
            &next_attempt_at,
            &sent_at,
            &last_error,
            &change.provider_id,
            &owner,
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

    /// Extends the leases of rows a run still holds (`sending`, its own): a
    /// delivery in progress is never taken over by another run, however long
    /// it takes. Returns how many were still its own.
    pub fn renew_leases(&mut self, ids: &[i64], lease: &Lease) -> DbResult<usize> {
        // One statement: a worker cut off mid-way holds no transaction open
        // (its row locks would hold up the run taking over).
        let ids: Vec<String> = ids.iter().map(i64::to_string).collect();
        self.conn.execute(
            &format!(
                "UPDATE messages SET lease_until = ?1 WHERE id IN ({}) AND status = 'sending' AND lease_owner = ?2",
                ids.join(",")
            ),
            args![clock::to_db(lease.until), lease.owner],
        )
    }

    /// Gives back rows a run claimed but did not try (peer down, time limit):
    /// back to their previous status, the attempt not counted. Only rows
    /// still `owner`'s: one another run took over stays with it.
    pub fn release(
        &mut self,
        ids: &[i64],
        source: Source,
        reason: &str,
        now: Timestamp,
        actor: &str,
        owner: &str,
    ) -> DbResult<()> {
        let status = source.status();
        let now = clock::to_db(now);
        let tx = self.conn.begin()?;
        for id in ids {
            let updated = tx.execute(
                "UPDATE messages SET status = ?2, lease_until = NULL, lease_owner = NULL, \
                 attempts = CASE WHEN attempts > 0 THEN attempts - 1 ELSE 0 END \
                 WHERE id = ?1 AND status = 'sending' AND lease_owner = ?3",
                args![id, status.as_str(), owner],
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
            let mut rows = statement.query(rusqlite::params![now, now, "owner"]).unwrap();
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
        let lease = Lease {
            owner: "test",
            until: now,
        };
        assert!(store.claim(&ready, now, &lease, 10, "test").unwrap().is_empty());
    }

    /// A run cut off past its lease, whose rows another run took over,
    /// can no longer record, renew or give back any of them.
    #[test]
    fn a_row_taken_over_is_no_longer_the_first_runs() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("state.sqlite3")).unwrap();
        let body = crate::store::NewBody {
            channel: Channel::Email,
            content: "{}".into(),
            attachments: Vec::new(),
        };
        let row = crate::store::NewRow {
            recipient: "a@example.org".into(),
            vars: None,
            priority: 0,
            tag: None,
            not_before: None,
            expires_at: None,
        };
        let id = store.enqueue(&body, &[row], "test").unwrap()[0];
        let ready = Ready {
            channels: &[Channel::Email],
            source: Source::Pending,
            only: &[],
            run_started: None,
        };
        let t0 = clock::now();
        let lease_at = |owner, at: Timestamp| Lease {
            owner,
            until: at + chrono::Duration::seconds(3),
        };
        assert_eq!(
            store
                .claim(&ready, t0, &lease_at("first", t0), 10, "first")
                .unwrap()
                .len(),
            1
        );
        let later = t0 + chrono::Duration::seconds(10);
        assert_eq!(store.recover_expired_leases(later, "second").unwrap(), [id]);
        assert_eq!(
            store
                .claim(&ready, later, &lease_at("second", later), 10, "second")
                .unwrap()
                .len(),
            1
        );
        let sent = Transition {
            status: Status::Sent,
            reason: "sent".into(),
            detail: None,
            next_attempt_at: None,
            provider_id: None,
        };
        assert_eq!(store.renew_leases(&[id], &lease_at("first", later)).unwrap(), 0);
        store
            .release(&[id], Source::Pending, "given back", later, "first", "first")
            .unwrap();
        assert!(!store.record(id, &sent, later, "first", "first").unwrap());
        assert_eq!(store.message(id).unwrap().unwrap().status, Status::Sending);
        assert_eq!(store.renew_leases(&[id], &lease_at("second", later)).unwrap(), 1);
        assert!(store.record(id, &sent, later, "second", "second").unwrap());
        assert_eq!(store.message(id).unwrap().unwrap().status, Status::Sent);
    }
}
