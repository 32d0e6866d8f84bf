//! `publik queue requeue|cancel|hold|release|delete|purge`: the queue
//! changed by hand, each change all or nothing.

use anyhow::Context;
use serde::Serialize;

use crate::clock::{self, Timestamp};
use crate::duration::Duration;
use crate::exit_codes::{bad_field, bad_input};
use crate::queue_row::Status;
use crate::store::{ChangeRefused, Store};

fn refused(action: &str, refusal: ChangeRefused, allowed: &[Status]) -> anyhow::Error {
    match refusal {
        ChangeRefused::Unknown(id) => bad_input(format!("no message with id {id}; nothing was changed")),
        ChangeRefused::WrongStatus(id, status) => {
            let allowed: Vec<&str> = allowed.iter().map(|s| s.as_str()).collect();
            bad_input(format!(
                "message {id} is {status}: only {} messages can be {action}; nothing was changed",
                allowed.join(" or ")
            ))
        }
    }
}

const REQUEUEABLE: [Status; 3] = [Status::Error, Status::Failed, Status::Cancelled];
const CANCELLABLE: [Status; 2] = [Status::Pending, Status::Error];

/// A status change made by hand, to rows given by id or by status: each
/// row must be in one of `allowed`, or nothing changes.
struct ByHand {
    allowed: &'static [Status],
    to: Status,
    /// "requeued", "held": in the refusals.
    done: &'static str,
    /// The reason in each row's history.
    reason: &'static str,
}

fn change_by_hand(
    store: &mut Store,
    change: &ByHand,
    ids: &[i64],
    statuses: &[Status],
    actor: &str,
) -> anyhow::Result<Vec<i64>> {
    let allowed: Vec<&str> = change.allowed.iter().map(|s| s.as_str()).collect();
    if let Some(status) = statuses.iter().find(|s| !change.allowed.contains(s)) {
        return Err(bad_field(
            "status",
            format!(
                "{status} messages cannot be {} ({})",
                change.done,
                allowed.join(" or ")
            ),
        ));
    }
    let ids = if statuses.is_empty() {
        ids.to_vec()
    } else {
        store.ids_with_status(statuses)?
    };
    store
        .change_status(&ids, change.allowed, change.to, change.reason, actor)?
        .map_err(|r| refused(change.done, r, change.allowed))?;
    Ok(ids)
}

/// Puts rows back to `pending` with a fresh attempt count; the history keeps
/// the earlier attempts. Either `ids` or `statuses` selects the rows.
pub(crate) fn requeue(
    store: &mut Store,
    ids: &[i64],
    statuses: &[Status],
    actor: &str,
) -> anyhow::Result<Vec<i64>> {
    let change = ByHand {
        allowed: &REQUEUEABLE,
        to: Status::Pending,
        done: "requeued",
        reason: "requeued by hand",
    };
    change_by_hand(store, &change, ids, statuses, actor)
}

pub(crate) fn cancel(store: &mut Store, ids: &[i64], actor: &str) -> anyhow::Result<Vec<i64>> {
    let change = ByHand {
        allowed: &CANCELLABLE,
        to: Status::Cancelled,
        done: "cancelled",
        reason: "cancelled by hand",
    };
    change_by_hand(store, &change, ids, &[], actor)
}

const HOLDABLE: [Status; 2] = [Status::Pending, Status::Error];
const RELEASABLE: [Status; 1] = [Status::Held];
/// Every status but `sending`: a row in a run's hands is left to it.
const DELETABLE: [Status; 7] = [
    Status::Pending,
    Status::Sent,
    Status::Error,
    Status::Failed,
    Status::Delivered,
    Status::Cancelled,
    Status::Held,
];

/// Puts rows on hold (Postfix's `postsuper -h`): no run takes them until
/// they are released. Either `ids` or `statuses` selects the rows.
pub(crate) fn hold(
    store: &mut Store,
    ids: &[i64],
    statuses: &[Status],
    actor: &str,
) -> anyhow::Result<Vec<i64>> {
    let change = ByHand {
        allowed: &HOLDABLE,
        to: Status::Held,
        done: "held",
        reason: "held by hand",
    };
    change_by_hand(store, &change, ids, statuses, actor)
}

/// Held rows back to `pending` (`postsuper -H`), attempts starting again.
pub(crate) fn release_held(store: &mut Store, ids: &[i64], actor: &str) -> anyhow::Result<Vec<i64>> {
    let change = ByHand {
        allowed: &RELEASABLE,
        to: Status::Pending,
        done: "released",
        reason: "released by hand",
    };
    change_by_hand(store, &change, ids, &[], actor)
}

/// Deletes rows and their history (`postsuper -d`), whatever their status
/// but `sending`.
pub(crate) fn delete(store: &mut Store, ids: &[i64]) -> anyhow::Result<Vec<i64>> {
    store
        .delete_messages(ids, &DELETABLE)?
        .map_err(|r| refused("deleted", r, &DELETABLE))?;
    Ok(ids.to_vec())
}

pub(crate) const PURGEABLE_DEFAULT: [Status; 4] =
    [Status::Sent, Status::Delivered, Status::Failed, Status::Cancelled];

#[derive(Debug, Serialize)]
pub(crate) struct PurgeReport {
    pub deleted: usize,
    pub before: Timestamp,
}

pub(crate) fn purge(
    store: &mut Store,
    older_than: Duration,
    statuses: &[Status],
) -> anyhow::Result<PurgeReport> {
    for status in statuses {
        if matches!(status, Status::Pending | Status::Sending | Status::Error) {
            return Err(bad_field(
                "status",
                format!("{status} messages are still in the works and cannot be purged (cancel them first)"),
            ));
        }
    }
    let statuses = if statuses.is_empty() {
        &PURGEABLE_DEFAULT[..]
    } else {
        statuses
    };
    let before = clock::now() - older_than.chrono();
    let deleted = store.purge(statuses, before).context("cannot purge the queue")?;
    Ok(PurgeReport { deleted, before })
}
