//! Keeping a run's leases alive: the run's one connection shared with a
//! keeper thread that renews the leases of the rows the run holds, so that
//! a delivery longer than `queue.lease` is never taken over by another run.

use std::collections::HashSet;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Condvar, Mutex, MutexGuard};
use std::time::Instant;

use crate::clock::{self, Timestamp};
use crate::duration::Duration;
use crate::queue_row::Source;
use crate::store::{Lease, Message, Ready, Store, Transition};

/// The store as a run uses it: shared with the thread that keeps the run's
/// leases alive, and knowing which rows the run holds (claimed, outcome not
/// recorded yet) and until when they are surely its own.
pub(super) struct RunStore<'a> {
    store: Mutex<&'a mut Store>,
    held: Mutex<HashSet<i64>>,
    /// This run's token on the rows it claims (`messages.lease_owner`).
    owner: String,
    lease: Duration,
    /// The end of the lease last set on every row in hand, measured from
    /// before its statement left: no other run can take them until then.
    sure_until: Mutex<Option<Instant>>,
    /// Why the last renewal failed, if it did.
    renew_error: Mutex<Option<String>>,
    /// A row in hand was found taken over by another run: the run's hold
    /// on the rest is not to be trusted either.
    taken_over: AtomicBool,
}

pub(super) fn locked<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    // A panic elsewhere leaves the data as consistent as SQLite keeps it.
    mutex.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

impl<'a> RunStore<'a> {
    pub(super) fn new(store: &'a mut Store, lease: Duration) -> anyhow::Result<RunStore<'a>> {
        Ok(RunStore {
            store: Mutex::new(store),
            held: Mutex::new(HashSet::new()),
            owner: crate::token::random_hex(12)?,
            lease,
            sure_until: Mutex::new(None),
            renew_error: Mutex::new(None),
            taken_over: AtomicBool::new(false),
        })
    }

    pub(super) fn lock(&self) -> MutexGuard<'_, &'a mut Store> {
        locked(&self.store)
    }

    fn lease_from(&self, now: Timestamp) -> Lease<'_> {
        Lease {
            owner: &self.owner,
            until: now + self.lease.chrono(),
        }
    }

    pub(super) fn claim(
        &self,
        ready: &Ready,
        limit: u32,
        actor: &str,
    ) -> crate::store::DbResult<Vec<Message>> {
        let mut store = self.lock();
        // The lease runs from the time written, whenever the statement arrives.
        let asked = Instant::now();
        let now = clock::now();
        let batch = store.claim(ready, now, &self.lease_from(now), limit, actor)?;
        let mut held = locked(&self.held);
        if held.is_empty() {
            // Rows still in hand keep the end their last renewal gave.
            *locked(&self.sure_until) = Some(asked + self.lease.std());
        }
        held.extend(batch.iter().map(|m| m.id));
        Ok(batch)
    }

    pub(super) fn record(
        &self,
        id: i64,
        change: &Transition,
        now: Timestamp,
        actor: &str,
    ) -> crate::store::DbResult<bool> {
        // The row leaves `held` before the store is free again: a renewal
        // in between would find it recorded, not renewable, and take that
        // for a row taken over.
        let mut store = self.lock();
        let recorded = store.record(id, change, now, actor, &self.owner);
        locked(&self.held).remove(&id);
        drop(store);
        if let Ok(false) = recorded {
            self.taken_over.store(true, Ordering::SeqCst);
        }
        recorded
    }

    pub(super) fn release(
        &self,
        ids: &[i64],
        source: Source,
        reason: &str,
        now: Timestamp,
        actor: &str,
    ) -> crate::store::DbResult<()> {
        let mut store = self.lock();
        let released = store.release(ids, source, reason, now, actor, &self.owner);
        let mut held = locked(&self.held);
        for id in ids {
            held.remove(id);
        }
        drop(held);
        drop(store);
        released
    }

    /// Pushes the lease of every row the run holds to a lease from now.
    fn renew(&self) -> crate::store::DbResult<()> {
        let mut store = self.lock();
        let ids: Vec<i64> = locked(&self.held).iter().copied().collect();
        if ids.is_empty() {
            return Ok(());
        }
        let asked = Instant::now();
        let renewed = store.renew_leases(&ids, &self.lease_from(clock::now()))?;
        if renewed < ids.len() {
            self.taken_over.store(true, Ordering::SeqCst);
        } else {
            *locked(&self.sure_until) = Some(asked + self.lease.std());
        }
        Ok(())
    }

    /// Fencing: a lane starts a delivery only while the rows in hand are
    /// surely this run's for a third of a lease more. Past that (renewals
    /// failing: the database unreachable), another run may soon take them
    /// over, and whatever this run sent then would go twice. Returns why.
    pub(super) fn lease_lost(&self, at: Instant) -> Option<String> {
        if self.taken_over.load(Ordering::SeqCst) {
            return Some(format!(
                "rows in hand were taken over by another worker after their lease ran out (queue.lease {}): \
                 this run was cut off from the database; stopped sending",
                self.lease
            ));
        }
        let sure_until = (*locked(&self.sure_until))?;
        let margin = self.lease.std() / 3;
        if at + margin < sure_until {
            return None;
        }
        let cause = locked(&self.renew_error)
            .clone()
            .unwrap_or_else(|| "no answer".into());
        Some(format!(
            "the leases of the rows in hand could not be renewed ({cause}): stopped sending before \
             another worker may take them over (queue.lease {}); they go back to the queue when their lease runs out",
            self.lease
        ))
    }
}

/// Tells the lease keeper that the run is over.
#[derive(Default)]
pub(super) struct Stop {
    stopped: Mutex<bool>,
    wake: Condvar,
}

impl Stop {
    pub(super) fn signal(&self) {
        *locked(&self.stopped) = true;
        self.wake.notify_all();
    }
}

/// Renews the leases of the rows the run holds every quarter of a lease, so
/// that a delivery longer than the lease (a big message, a slow relay) is
/// never taken over by the next run and sent twice; one renewal may fail
/// before the lanes stop (`RunStore::lease_lost`). A killed run renews
/// nothing: its rows come back when their lease runs out, as before.
pub(super) fn keep_leases(store: &RunStore, stop: &Stop) {
    let interval = (store.lease.std() / 4).max(std::time::Duration::from_millis(250));
    let mut stopped = locked(&stop.stopped);
    loop {
        stopped = match stop
            .wake
            .wait_timeout_while(stopped, interval, |stopped| !*stopped)
        {
            Ok((guard, _)) => guard,
            Err(poisoned) => poisoned.into_inner().0,
        };
        if *stopped {
            return;
        }
        drop(stopped);
        let renewed = store.renew();
        let mut renew_error = locked(&store.renew_error);
        match renewed {
            Ok(()) => *renew_error = None,
            Err(e) => {
                // Said once per failing spell, not every quarter lease.
                if renew_error.is_none() {
                    log::warn!("cannot renew the leases of the rows in hand: {e}");
                }
                *renew_error = Some(e.to_string());
            }
        }
        drop(renew_error);
        stopped = locked(&stop.stopped);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::queue_row::{Channel, Status};
    use crate::store::{NewBody, NewRow};

    /// Renewals racing with records never take a recorded row for one
    /// taken over by another run (which would stop the run for nothing).
    #[test]
    fn renewals_beside_records_keep_the_lease() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("state.sqlite3")).unwrap();
        let body = NewBody {
            channel: Channel::Email,
            content: "{}".into(),
            attachments: Vec::new(),
        };
        let rows: Vec<NewRow> = (0..1000)
            .map(|i| NewRow {
                recipient: format!("u{i}@example.org"),
                vars: None,
                priority: 0,
                tag: None,
                not_before: None,
                expires_at: None,
            })
            .collect();
        store.enqueue(&body, &rows, "test").unwrap();
        let run = RunStore::new(&mut store, Duration::from_secs(600)).unwrap();
        let ready = Ready {
            channels: &[Channel::Email],
            source: Source::Pending,
            only: &[],
            run_started: None,
        };
        let batch = run.claim(&ready, 1000, "test").unwrap();
        let done = AtomicBool::new(false);
        let sent = Transition {
            status: Status::Sent,
            reason: "sent".into(),
            detail: None,
            next_attempt_at: None,
            provider_id: None,
        };
        std::thread::scope(|scope| {
            scope.spawn(|| {
                while !done.load(Ordering::SeqCst) {
                    run.renew().unwrap();
                }
            });
            for message in &batch {
                assert!(run.record(message.id, &sent, clock::now(), "test").unwrap());
            }
            done.store(true, Ordering::SeqCst);
        });
        assert_eq!(run.lease_lost(Instant::now()), None);
    }
}
