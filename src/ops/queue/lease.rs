//! Keeping a run's leases alive: the run's one connection shared with a
//! keeper thread that renews the leases of the rows the run holds, so that
//! a delivery longer than `queue.lease` is never taken over by another run.

use std::collections::HashSet;
use std::sync::{Condvar, Mutex, MutexGuard};

use crate::clock::{self, Timestamp};
use crate::duration::Duration;
use crate::queue_row::Source;
use crate::store::{Message, Ready, Store, Transition};

/// The store as a run uses it: shared with the thread that keeps the run's
/// leases alive, and knowing which rows the run holds (claimed, outcome not
/// recorded yet).
pub(super) struct RunStore<'a> {
    pub(super) store: Mutex<&'a mut Store>,
    pub(super) held: Mutex<HashSet<i64>>,
}

pub(super) fn locked<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    // A panic elsewhere leaves the data as consistent as SQLite keeps it.
    mutex.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

impl<'a> RunStore<'a> {
    pub(super) fn lock(&self) -> MutexGuard<'_, &'a mut Store> {
        locked(&self.store)
    }

    pub(super) fn claim(
        &self,
        ready: &Ready,
        now: Timestamp,
        lease_until: Timestamp,
        limit: u32,
        actor: &str,
    ) -> crate::store::DbResult<Vec<Message>> {
        let batch = self.lock().claim(ready, now, lease_until, limit, actor)?;
        locked(&self.held).extend(batch.iter().map(|m| m.id));
        Ok(batch)
    }

    pub(super) fn record(
        &self,
        id: i64,
        change: &Transition,
        now: Timestamp,
        actor: &str,
    ) -> crate::store::DbResult<bool> {
        let recorded = self.lock().record(id, change, now, actor);
        locked(&self.held).remove(&id);
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
        let released = self.lock().release(ids, source, reason, now, actor);
        let mut held = locked(&self.held);
        for id in ids {
            held.remove(id);
        }
        released
    }

    /// Pushes the lease of every row the run holds to `lease` from now.
    pub(super) fn renew(&self, lease: Duration) -> crate::store::DbResult<()> {
        let ids: Vec<i64> = locked(&self.held).iter().copied().collect();
        if ids.is_empty() {
            return Ok(());
        }
        self.lock().renew_leases(&ids, clock::now() + lease.chrono())
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

/// Renews the leases of the rows the run holds every third of a lease, so
/// that a delivery longer than the lease (a big message, a slow relay) is
/// never taken over by the next run and sent twice. A killed run renews
/// nothing: its rows come back when their lease runs out, as before.
pub(super) fn keep_leases(store: &RunStore, lease: Duration, stop: &Stop) {
    let interval = (lease.std() / 3).max(std::time::Duration::from_millis(500));
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
        if let Err(e) = store.renew(lease) {
            log::warn!("cannot renew the leases of the rows in hand: {e}");
        }
        stopped = locked(&stop.stopped);
    }
}
