//! The connections `serve` has in hand, at most `serve.max_connections`,
//! shared fairly between client addresses.
//!
//! A connection that has sent nothing yet does not keep its slot from a
//! request: when every slot is taken, a silent connection is closed for the
//! newcomer (32 idle sockets must not make everyone else get 503 for
//! `request_timeout`): the longest silent of the address holding the most
//! silent ones, so that silent connections opened again and again from one
//! address close only each other. Only connections that have started a
//! request make the server full.
//!
//! One address may have at most `share` connections still sending their
//! request (a quarter of the slots, at least 2): a slowloris dribbling its
//! heads from one address holds that many, and the other slots stay for
//! everyone else. Behind nginx every connection comes from 127.0.0.1, but
//! nginx passes a request on only once it has it whole (request buffering),
//! so its connections send their request at once and are never held by
//! this cap; the slow clients wait in nginx, bounded by its own
//! `client_header_timeout` and `client_body_timeout`.

use std::collections::HashMap;
use std::net::{IpAddr, TcpStream};
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Instant;

pub(super) struct Slots {
    max: usize,
    /// Connections one address may have still sending their request.
    share: usize,
    held: Mutex<Vec<Held>>,
    next_id: AtomicU64,
}

/// Where a connection is in its request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Phase {
    /// Nothing sent yet: gives way to a newcomer when the server is full.
    Silent,
    /// Sending its request: counts in its address's share.
    Sending,
    /// Its request read whole: being answered.
    Answering,
}

struct Held {
    id: u64,
    since: Instant,
    address: Option<IpAddr>,
    phase: Phase,
    /// A handle to close it by, when it must give way.
    stream: Option<TcpStream>,
}

/// A slot, given back when dropped (even by a panic).
pub(super) struct Slot<'a> {
    slots: &'a Slots,
    id: u64,
    /// When the connection was accepted: its request's deadline counts from here.
    pub(super) accepted: Instant,
}

impl Slots {
    pub(super) fn new(max: usize) -> Slots {
        let max = max.max(1);
        Slots {
            max,
            share: max.div_ceil(4).max(2),
            held: Mutex::new(Vec::new()),
            next_id: AtomicU64::new(0),
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Vec<Held>> {
        self.held.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// A slot for `stream`, closing a silent connection (`giving_way`) if
    /// all are taken; None when every slot is a request in progress.
    pub(super) fn take(&self, stream: &TcpStream) -> Option<Slot<'_>> {
        let accepted = Instant::now();
        let mut held = self.lock();
        if held.len() >= self.max {
            let idlest = giving_way(&held)?;
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
            since: accepted,
            address: stream.peer_addr().ok().map(|peer| peer.ip()),
            phase: Phase::Silent,
            stream: stream.try_clone().ok(),
        });
        Some(Slot {
            slots: self,
            id,
            accepted,
        })
    }
}

/// The silent connection to close for a newcomer: the longest silent of
/// the address holding the most silent ones (ties: the longest silent), so
/// that one address's flood closes only its own.
fn giving_way(held: &[Held]) -> Option<usize> {
    let silent = || held.iter().enumerate().filter(|(_, h)| h.phase == Phase::Silent);
    let mut per_address: HashMap<Option<IpAddr>, usize> = HashMap::new();
    for (_, h) in silent() {
        *per_address.entry(h.address).or_default() += 1;
    }
    silent()
        // The most silent ones, then the longest silent (earliest since).
        .max_by_key(|(_, h)| (per_address.get(&h.address), std::cmp::Reverse(h.since)))
        .map(|(at, _)| at)
}

impl Slot<'_> {
    /// The connection has started its request: it keeps its slot, unless
    /// its address already has its share sending theirs (false: refuse it).
    pub(super) fn spoke(&self) -> bool {
        let mut held = self.slots.lock();
        let Some(address) = held.iter().find(|h| h.id == self.id).map(|h| h.address) else {
            return false;
        };
        let sending = held
            .iter()
            .filter(|h| h.phase == Phase::Sending && address.is_some() && h.address == address)
            .count();
        if sending >= self.slots.share {
            return false;
        }
        if let Some(own) = held.iter_mut().find(|h| h.id == self.id) {
            own.phase = Phase::Sending;
            own.stream = None;
        }
        true
    }

    /// The request was read whole: it no longer counts in its address's share.
    pub(super) fn heard(&self) {
        if let Some(own) = self.slots.lock().iter_mut().find(|h| h.id == self.id) {
            own.phase = Phase::Answering;
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
        assert!(second.spoke());
        let (_new_client, new) = pair();
        let third = slots.take(&new).expect("the silent one gives way");
        // The silent connection was closed.
        let mut byte = [0u8; 1];
        assert_eq!(silent_client.read(&mut byte).unwrap(), 0);
        assert!(third.spoke());
        let (_late_client, late) = pair();
        assert!(slots.take(&late).is_none(), "every slot a request: full");
        drop(first); // its thread ends: removing it again is harmless
        drop(second);
        assert!(slots.take(&late).is_some());
    }

    /// Silent connections from one address give way among themselves: the
    /// other address's stays though silent longest; ties go to the longest
    /// silent; connections under way never give way.
    #[test]
    fn the_address_with_the_most_silent_connections_gives_way() {
        let start = Instant::now();
        let held = |address: [u8; 4], seconds: u64, phase: Phase| Held {
            id: 0,
            since: start + std::time::Duration::from_secs(seconds),
            address: Some(IpAddr::from(address)),
            phase,
            stream: None,
        };
        let (lone, flood) = ([127, 0, 0, 1], [127, 0, 0, 9]);
        let slots = [
            held(lone, 0, Phase::Silent),
            held(flood, 2, Phase::Silent),
            held(flood, 1, Phase::Silent),
            held(flood, 3, Phase::Silent),
        ];
        assert_eq!(giving_way(&slots), Some(2), "the flood's longest silent");
        let tie = [held(flood, 2, Phase::Silent), held(lone, 1, Phase::Silent)];
        assert_eq!(giving_way(&tie), Some(1), "a tie: the longest silent");
        let under_way = [
            held(flood, 0, Phase::Sending),
            held(flood, 1, Phase::Answering),
            held(flood, 2, Phase::Sending),
            held(lone, 3, Phase::Silent),
        ];
        assert_eq!(giving_way(&under_way), Some(3));
        assert_eq!(giving_way(&under_way[..3]), None, "full");
    }

    /// One address has at most its share of requests being sent; one read
    /// whole leaves the share, and other addresses are not counted.
    #[test]
    fn an_address_sends_at_most_its_share_of_requests_at_once() {
        let slots = Slots::new(8);
        assert_eq!(slots.share, 2);
        let pairs: Vec<_> = (0..4).map(|_| pair()).collect();
        let taken: Vec<_> = pairs.iter().map(|(_, s)| slots.take(s).unwrap()).collect();
        assert!(taken[0].spoke());
        assert!(taken[1].spoke());
        assert!(!taken[2].spoke(), "over the share");
        taken[0].heard();
        assert!(taken[3].spoke(), "one was read whole");
    }
}
