//! The connections `serve` has in hand, at most `serve.max_connections`.
//! A connection that has sent nothing yet does not keep its slot from a
//! request: when every slot is taken, the silent connection held longest is
//! closed for the newcomer (32 idle sockets must not make everyone else get
//! 503 for `request_timeout`). Only connections that have started a request
//! make the server full.

use std::net::TcpStream;
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Instant;

pub(super) struct Slots {
    max: usize,
    held: Mutex<Vec<Held>>,
    next_id: AtomicU64,
}

struct Held {
    id: u64,
    since: Instant,
    silent: bool,
    /// A handle to close it by, when it must give way.
    stream: Option<TcpStream>,
}

/// A slot, given back when dropped (even by a panic).
pub(super) struct Slot<'a> {
    slots: &'a Slots,
    id: u64,
}

impl Slots {
    pub(super) fn new(max: usize) -> Slots {
        Slots {
            max: max.max(1),
            held: Mutex::new(Vec::new()),
            next_id: AtomicU64::new(0),
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Vec<Held>> {
        self.held.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// A slot for `stream`, closing the longest-silent connection if all are
    /// taken; None when every slot is a request in progress.
    pub(super) fn take(&self, stream: &TcpStream) -> Option<Slot<'_>> {
        let mut held = self.lock();
        if held.len() >= self.max {
            let idlest = held
                .iter()
                .enumerate()
                .filter(|(_, h)| h.silent)
                .min_by_key(|(_, h)| h.since)
                .map(|(at, _)| at)?;
            let evicted = held.swap_remove(idlest);
            if let Some(stream) = evicted.stream {
                // Its thread's read fails at once and the thread ends.
                let _ = stream.shutdown(std::net::Shutdown::Both);
            }
            log::debug!(
                "closed a connection silent since {:?} for a new one",
                evicted.since.elapsed()
            );
        }
        let id = self.next_id.fetch_add(1, Ordering::Relaxed);
        held.push(Held {
            id,
            since: Instant::now(),
            silent: true,
            stream: stream.try_clone().ok(),
        });
        Some(Slot { slots: self, id })
    }
}

impl Slot<'_> {
    /// The connection has started its request: it keeps its slot.
    pub(super) fn spoke(&self) {
        if let Some(held) = self.slots.lock().iter_mut().find(|h| h.id == self.id) {
            held.silent = false;
            held.stream = None;
        }
    }
}

impl Drop for Slot<'_> {
    fn drop(&mut self) {
        self.slots.lock().retain(|h| h.id != self.id);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pair() -> (TcpStream, TcpStream) {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let client = TcpStream::connect(listener.local_addr().unwrap()).unwrap();
        let (server, _) = listener.accept().unwrap();
        (client, server)
    }

    #[test]
    fn a_silent_connection_gives_way_and_a_speaking_one_does_not() {
        use std::io::Read;
        let slots = Slots::new(2);
        let (mut silent_client, silent) = pair();
        let (_speaking_client, speaking) = pair();
        let first = slots.take(&silent).unwrap();
        let second = slots.take(&speaking).unwrap();
        second.spoke();
        let (_new_client, new) = pair();
        let third = slots.take(&new).expect("the silent one gives way");
        // The silent connection was closed.
        let mut byte = [0u8; 1];
        assert_eq!(silent_client.read(&mut byte).unwrap(), 0);
        third.spoke();
        let (_late_client, late) = pair();
        assert!(slots.take(&late).is_none(), "every slot a request: full");
        drop(first); // its thread ends: removing it again is harmless
        drop(second);
        assert!(slots.take(&late).is_some());
    }
}
