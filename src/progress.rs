//! How far a long run is, for whoever shows it (a bar on a terminal); the
//! domain reports, the CLI draws (nothing, under cron).

/// Told as a long run goes. `Sync`: the queue's lanes report from their
/// threads.
pub(crate) trait Progress: Sync {
    /// The number of items, when known.
    fn total(&self, _items: u64) {}
    /// `n` more items done.
    fn advance(&self, _n: u64) {}
}
