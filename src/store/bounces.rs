//! Bounces: a delivery status notification's effect on the row it belongs
//! to (and, for a newsletter, on the member), in one transaction.

use super::Store;
use super::db::{DbResult, args};
use super::messages::insert_event;
use crate::clock;
use crate::queue_row::Status;

/// Monitoring's counters of what came back (`totals`, beside sent,
/// delivered and failed): bounces for good, delays, complaints.
pub(crate) const BOUNCED_HARD: &str = "bounced";
pub(crate) const BOUNCED_SOFT: &str = "delayed";
pub(crate) const COMPLAINT: &str = "complaint";

/// Adds one to a channel's counter in `totals`. PostgreSQL's counters are
/// split in shards (the trigger's); this adds to shard 0.
fn add_to_totals(tx: &super::db::Tx<'_>, channel: &str, outcome: &str) -> DbResult<()> {
    let key = if tx.is_postgres() {
        "(channel, outcome, shard)"
    } else {
        "(channel, outcome)"
    };
    tx.execute(
        &format!(
            "INSERT INTO totals (channel, outcome, count) VALUES (?1, ?2, 1) \
             ON CONFLICT {key} DO UPDATE SET count = totals.count + 1"
        ),
        args![channel, outcome],
    )?;
    Ok(())
}

/// A reported row's status, recipient, tag and channel.
type ReportedRow = (String, String, Option<String>, String);

/// Row `id` as a report about it needs it, locked.
fn reported_row(tx: &super::db::Tx<'_>, id: i64) -> DbResult<Option<ReportedRow>> {
    tx.query_opt(
        &format!(
            "SELECT status, recipient, tag, channel FROM messages WHERE id = ?1{}",
            tx.for_update()
        ),
        args![id],
        |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?)),
    )
}

/// What a bounce changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct BounceEffect {
    /// The row's status before.
    pub(crate) before: Status,
    /// The row went to `failed` (a permanent bounce of a sent row).
    pub(crate) failed: bool,
    /// Newsletter memberships of the address now `bounced`.
    pub(crate) members_bounced: usize,
}

impl Store {
    /// Records a bounce on row `id`: a permanent one fails a `sent` (or
    /// `delivered`) row and, for a newsletter row, marks its address
    /// `bounced` in every group; a transient one only goes in the history.
    /// None when there is no such row.
    pub(crate) fn apply_bounce(
        &mut self,
        id: i64,
        permanent: bool,
        reason: &str,
        detail: Option<&str>,
        actor: &str,
    ) -> DbResult<Option<BounceEffect>> {
        let now = clock::to_db(clock::now());
        let tx = self.conn.begin()?;
        let Some((status, recipient, tag, channel)) = reported_row(&tx, id)? else {
            return Ok(None);
        };
        add_to_totals(&tx, &channel, if permanent { BOUNCED_HARD } else { BOUNCED_SOFT })?;
        let before: Status = status.parse().unwrap_or(Status::Sent);
        let fails = permanent && matches!(before, Status::Sent | Status::Delivered);
        let mut members_bounced = 0;
        if fails {
            tx.execute(
                "UPDATE messages SET status = 'failed', last_error = ?2 WHERE id = ?1",
                args![id, reason],
            )?;
            insert_event(
                &tx,
                id,
                &now,
                (Some(before), Status::Failed),
                reason,
                detail,
                actor,
            )?;
            if tag.as_deref().is_some_and(|t| t.starts_with("newsletter:")) {
                members_bounced = tx.execute(
                    &format!(
                        "UPDATE group_members SET status = 'bounced', bounced_at = ?2 \
                         WHERE {} AND status = 'active'",
                        tx.same_address("email", "?1")
                    ),
                    args![recipient, now],
                )?;
            }
        } else {
            insert_event(&tx, id, &now, (Some(before), before), reason, detail, actor)?;
        }
        tx.commit()?;
        Ok(Some(BounceEffect {
            before,
            failed: fails,
            members_bounced,
        }))
    }

    /// Whether row `id`'s history already has an event with `reason`: a
    /// provider retrying an event, or a report read twice, must not record
    /// it again (whatever came in between).
    pub(crate) fn has_event(&self, id: i64, reason: &str) -> DbResult<bool> {
        self.conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM events WHERE message_id = ?1 AND reason = ?2)",
            args![id, reason],
            |row| row.get(0),
        )
    }

    /// A complaint or an unsubscribe reported about newsletter row `id`:
    /// its member leaves that group, and the row's history says why (once).
    /// Returns whether a membership changed; None when there is no such row.
    /// A complaint counts in the totals (`complaint`).
    pub(crate) fn unsubscribe_reported(
        &mut self,
        id: i64,
        reason: &str,
        complaint: bool,
        actor: &str,
    ) -> DbResult<Option<bool>> {
        let now = clock::to_db(clock::now());
        let tx = self.conn.begin()?;
        let Some((status, recipient, tag, channel)) = reported_row(&tx, id)? else {
            return Ok(None);
        };
        if complaint {
            add_to_totals(&tx, &channel, COMPLAINT)?;
        }
        let status: Status = status.parse().unwrap_or(Status::Sent);
        let mut changed = 0;
        if let Some(slug) = tag.as_deref().and_then(|t| t.strip_prefix("newsletter:")) {
            changed = tx.execute(
                &format!(
                    "UPDATE group_members SET status = 'unsubscribed', unsubscribed_at = ?3, \
                     unsubscribe_reason = ?4 \
                     WHERE {} AND status <> 'unsubscribed' \
                     AND group_id IN (SELECT id FROM groups WHERE slug = ?2)",
                    tx.same_address("email", "?1")
                ),
                args![
                    recipient,
                    slug,
                    now,
                    if complaint { "complaint" } else { "provider" }
                ],
            )?;
        }
        insert_event(&tx, id, &now, (Some(status), status), reason, None, actor)?;
        tx.commit()?;
        Ok(Some(changed > 0))
    }
}
