//! Web Push subscriptions: one per browser/device (endpoint), per user.

use serde::Serialize;

use super::db::{DbResult, Row, args};
use super::{Reader, Store};
use crate::clock::{self, Timestamp};

#[derive(Debug, Clone, Serialize)]
pub struct Subscription {
    pub id: i64,
    pub user: String,
    pub endpoint: String,
    pub p256dh: String,
    pub auth: String,
    pub expiration_time: Option<i64>,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
}

fn from_row(row: &Row) -> DbResult<Subscription> {
    let created: String = row.get(6)?;
    let updated: String = row.get(7)?;
    Ok(Subscription {
        id: row.get(0)?,
        user: row.get(1)?,
        endpoint: row.get(2)?,
        p256dh: row.get(3)?,
        auth: row.get(4)?,
        expiration_time: row.get(5)?,
        created_at: clock::from_db(&created).unwrap_or_default(),
        updated_at: clock::from_db(&updated).unwrap_or_default(),
    })
}

const COLUMNS: &str = "id, \"user\", endpoint, p256dh, auth, expiration_time, created_at, updated_at";

/// What `subscribe` did.
#[derive(Debug, PartialEq, Eq)]
pub enum Subscribed {
    /// Saved (new, or the user's own renewed), dropping the user's oldest beyond the limit.
    Saved { created: bool, dropped: usize },
    /// The endpoint is another user's until they unsubscribe: nothing changed.
    OtherUsers,
}

impl Store {
    /// Saves a subscription (the same endpoint is stored once: re-subscribing
    /// updates it, for the user who registered it only) and drops the
    /// user's oldest beyond `max_per_user`.
    pub fn subscribe(
        &mut self,
        user: &str,
        endpoint: &str,
        p256dh: &str,
        auth: &str,
        expiration_time: Option<i64>,
        max_per_user: u32,
    ) -> DbResult<Subscribed> {
        let now = clock::to_db(clock::now());
        let tx = self.conn.begin()?;
        let owner: Option<String> = tx.query_opt(
            "SELECT \"user\" FROM push_subscriptions WHERE endpoint = ?1",
            args![endpoint],
            |row| row.get(0),
        )?;
        if owner.as_deref().is_some_and(|owner| owner != user) {
            return Ok(Subscribed::OtherUsers);
        }
        let updated = tx.execute(
            "UPDATE push_subscriptions SET p256dh = ?3, auth = ?4, expiration_time = ?5, updated_at = ?6 \
             WHERE endpoint = ?2 AND \"user\" = ?1",
            args![user, endpoint, p256dh, auth, expiration_time, now],
        )?;
        if updated == 0 {
            tx.execute(
                "INSERT INTO push_subscriptions (\"user\", endpoint, p256dh, auth, expiration_time, created_at, updated_at) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)",
                args![user, endpoint, p256dh, auth, expiration_time, now],
            )?;
        }
        let dropped = tx.execute(
            &format!(
                "DELETE FROM push_subscriptions WHERE \"user\" = ?1 AND id NOT IN \
                 (SELECT id FROM push_subscriptions WHERE \"user\" = ?1 ORDER BY created_at DESC, id DESC LIMIT {max_per_user})"
            ),
            args![user],
        )?;
        tx.commit()?;
        Ok(Subscribed::Saved {
            created: updated == 0,
            dropped,
        })
    }

    /// Removes a user's subscription (one endpoint, or all of them).
    pub fn unsubscribe_push(&mut self, user: &str, endpoint: Option<&str>) -> DbResult<usize> {
        match endpoint {
            Some(endpoint) => self.conn.execute(
                "DELETE FROM push_subscriptions WHERE \"user\" = ?1 AND endpoint = ?2",
                args![user, endpoint],
            ),
            None => self
                .conn
                .execute("DELETE FROM push_subscriptions WHERE \"user\" = ?1", args![user]),
        }
    }

    /// Removes a recipient its peer says is gone: for push, the subscription
    /// of that endpoint (404/410). Other channels have no recipient table.
    pub fn forget_recipient(&mut self, channel: super::Channel, recipient: &str) -> DbResult<usize> {
        match channel {
            super::Channel::Push => self.conn.execute(
                "DELETE FROM push_subscriptions WHERE endpoint = ?1",
                args![recipient],
            ),
            _ => Ok(0),
        }
    }

    pub fn subscriptions(&self, user: Option<&str>) -> DbResult<Vec<Subscription>> {
        self.reader().subscriptions(user)
    }
}

impl Reader<'_> {
    pub fn subscriptions(&self, user: Option<&str>) -> DbResult<Vec<Subscription>> {
        self.conn.query_map(
            &format!(
                "SELECT {COLUMNS} FROM push_subscriptions WHERE (CAST(?1 AS TEXT) IS NULL OR \"user\" = ?1) \
                 ORDER BY \"user\", created_at, id"
            ),
            args![user],
            from_row,
        )
    }
}
