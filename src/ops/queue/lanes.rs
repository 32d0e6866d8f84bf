//! Delivering a group of claimed rows of one channel over its lanes: each
//! lane (an SMTP connection, an HTTP worker) runs in its own thread, takes
//! the next row when it is free, and records that row's outcome before it
//! takes another. The rate limit and the time limit are checked by the lane
//! just before it sends, so they hold across all lanes. Two rows to one
//! recipient never travel side by side: they arrive in the order queued (an
//! appointment's reschedule before its cancellation).

use std::collections::{HashMap, HashSet, VecDeque};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Condvar, Mutex};
use std::time::Instant;

use crate::config::QueueConfig;
use crate::progress::Progress;
use crate::store::{Body, Message};

use super::lease::{RunStore, locked};
use super::run::StopAsked;
use super::{Delivery, Halt, RunReport, Sender, Throttle, record_delivery};

/// What a group's delivery shares between its lanes.
pub(super) struct GroupContext<'r, 'a> {
    pub(super) store: &'r RunStore<'a>,
    pub(super) config: &'r QueueConfig,
    pub(super) report: &'r Mutex<RunReport>,
    /// `queue.rate`, then the channel's own rate: each held before a send.
    pub(super) throttles: [Option<&'r Mutex<Throttle>>; 2],
    pub(super) deadline: Option<Instant>,
    pub(super) actor: &'r str,
    pub(super) progress: &'r dyn Progress,
    pub(super) stop_asked: StopAsked,
}

/// How a group ended.
#[derive(Default)]
pub(super) struct GroupOutcome {
    /// Rows no lane sent (time limit, peer down), in their order.
    pub(super) untried: Vec<Message>,
    /// Every lane found the peer down: the reason.
    pub(super) peer_down: Option<String>,
    /// The time limit came or a signal asked for a stop: the run ends.
    pub(super) halt: Option<Halt>,
}

/// The rows not taken yet, and the recipients of the rows in flight.
#[derive(Default)]
struct Rows {
    waiting: VecDeque<Message>,
    in_flight: HashSet<String>,
}

/// Shared state of the lanes working on one group.
struct Work<'g> {
    rows: Mutex<Rows>,
    /// A row was done or given back: a lane waiting for a recipient may go.
    row_done: Condvar,
    bodies: &'g HashMap<i64, Body>,
    /// Set when the group must end: time limit, peer down, store error.
    stop: AtomicBool,
    /// Lanes still working; a lane that cannot reach the peer while others
    /// can retires (a relay limiting connections) instead of failing the run.
    active: AtomicUsize,
    peer_down: Mutex<Option<String>>,
    halt: Mutex<Option<Halt>>,
    error: Mutex<Option<anyhow::Error>>,
}

/// Delivers `group` (rows of one channel, bodies loaded) over `lanes`.
pub(super) fn deliver_group(
    lanes: &mut [Box<dyn Sender>],
    group: Vec<Message>,
    bodies: &HashMap<i64, Body>,
    context: &GroupContext,
) -> anyhow::Result<GroupOutcome> {
    let width = lanes.len().min(group.len()).max(1);
    let work = Work {
        rows: Mutex::new(Rows {
            waiting: group.into(),
            in_flight: HashSet::new(),
        }),
        row_done: Condvar::new(),
        bodies,
        stop: AtomicBool::new(false),
        active: AtomicUsize::new(width),
        peer_down: Mutex::new(None),
        halt: Mutex::new(None),
        error: Mutex::new(None),
    };
    if width == 1 {
        if let Some(lane) = lanes.first_mut() {
            run_lane(lane.as_mut(), &work, context);
        }
    } else {
        std::thread::scope(|scope| {
            for lane in lanes.iter_mut().take(width) {
                let work = &work;
                scope.spawn(move || run_lane(lane.as_mut(), work, context));
            }
        });
    }
    if let Some(error) = locked(&work.error).take() {
        return Err(error);
    }
    Ok(GroupOutcome {
        untried: locked(&work.rows).waiting.drain(..).collect(),
        peer_down: locked(&work.peer_down).take(),
        halt: locked(&work.halt).take(),
    })
}

impl Work<'_> {
    /// The first waiting row whose recipient has no row in flight; waits
    /// while every waiting row's recipient is busy; None when the group is
    /// done or must end.
    fn take(&self) -> Option<Message> {
        let mut rows = locked(&self.rows);
        loop {
            if self.stop.load(Ordering::SeqCst) || rows.waiting.is_empty() {
                return None;
            }
            let free = rows
                .waiting
                .iter()
                .position(|m| !rows.in_flight.contains(&m.recipient));
            if let Some(message) = free.and_then(|at| rows.waiting.remove(at)) {
                rows.in_flight.insert(message.recipient.clone());
                return Some(message);
            }
            rows = self
                .row_done
                .wait(rows)
                .unwrap_or_else(|poisoned| poisoned.into_inner());
        }
    }

    /// The first waiting row whose recipient has no row in flight, without
    /// waiting for one (a lane's next row, begun with the current one).
    fn take_now(&self) -> Option<Message> {
        let mut rows = locked(&self.rows);
        if self.stop.load(Ordering::SeqCst) {
            return None;
        }
        let free = rows
            .waiting
            .iter()
            .position(|m| !rows.in_flight.contains(&m.recipient))?;
        let message = rows.waiting.remove(free)?;
        rows.in_flight.insert(message.recipient.clone());
        Some(message)
    }

    /// The recipient of a row just done is free again.
    fn done(&self, recipient: &str) {
        locked(&self.rows).in_flight.remove(recipient);
        self.row_done.notify_all();
    }

    /// The row goes back, first in line, untried.
    fn give_back(&self, message: Message) {
        let mut rows = locked(&self.rows);
        rows.in_flight.remove(&message.recipient);
        rows.waiting.push_front(message);
        drop(rows);
        self.row_done.notify_all();
    }

    fn end(&self) {
        self.stop.store(true, Ordering::SeqCst);
        self.row_done.notify_all();
    }
}

/// One lane: takes rows until none is left or the group must end. A lane
/// whose sender can begin its next row with the current one (SMTP
/// pipelining) takes that row early; it is the lane's next, or given back.
fn run_lane(lane: &mut dyn Sender, work: &Work, context: &GroupContext) {
    let give_back = |message: Message| work.give_back(message);
    let mut begun: Option<Message> = None;
    loop {
        let message = match begun.take() {
            // The group ends (another lane's error): the begun row goes back.
            Some(message) if work.stop.load(Ordering::SeqCst) => {
                lane.abandon();
                give_back(message);
                break;
            }
            Some(message) => message,
            None => match work.take() {
                Some(message) => message,
                None => break,
            },
        };
        if !wait_for_turn(work, context) {
            lane.abandon();
            give_back(message);
            break;
        }
        let Some(body) = work.bodies.get(&message.body_id) else {
            let error = anyhow::anyhow!("the body of message {} was not loaded", message.id);
            lane.abandon();
            give_back(message);
            *locked(&work.error) = Some(error);
            work.end();
            break;
        };
        let next = if lane.wants_next() { work.take_now() } else { None };
        let next_body = next.as_ref().and_then(|n| work.bodies.get(&n.body_id));
        let delivery = lane.deliver_then(&message, body, next.as_ref().zip(next_body));
        if let Delivery::PeerDown { reason } = delivery {
            let channel = message.channel;
            lane.abandon();
            give_back(message);
            if let Some(next) = next {
                give_back(next);
            }
            // The last lane standing speaks for the peer; the others retire.
            if work.active.fetch_sub(1, Ordering::SeqCst) == 1 {
                *locked(&work.peer_down) = Some(reason);
                work.end();
            } else {
                log::info!("{channel}: one connection fewer for this run: {reason}");
            }
            return;
        }
        let recipient = message.recipient.clone();
        let recorded = {
            let mut report = locked(context.report);
            record_delivery(
                context.store,
                context.config,
                &mut report,
                message,
                delivery,
                context.actor,
            )
        };
        work.done(&recipient);
        context.progress.advance(1);
        if let Err(error) = recorded {
            *locked(&work.error) = Some(error);
            work.end();
            if let Some(next) = next {
                lane.abandon();
                give_back(next);
            }
            break;
        }
        begun = next;
    }
    work.active.fetch_sub(1, Ordering::SeqCst);
    // A lane waiting for a recipient this one held must see the group end.
    work.row_done.notify_all();
}

/// Waits until the rate limit lets this lane send; false when the time limit
/// or a stop signal comes first (the group ends, its rows untried).
fn wait_for_turn(work: &Work, context: &GroupContext) -> bool {
    let halt = |halt: Halt| {
        *locked(&work.halt) = Some(halt);
        work.end();
        false
    };
    let time_up = |at: Instant| context.deadline.is_some_and(|d| at >= d);
    if let Some(signal) = (context.stop_asked)() {
        return halt(Halt::Signal(signal));
    }
    if time_up(Instant::now()) {
        return halt(Halt::TimeLimit);
    }
    if context.store.lease_lost(Instant::now()).is_some() {
        return halt(Halt::LeaseLost);
    }
    for throttle in context.throttles.into_iter().flatten() {
        // Held while waiting: the other lanes would wait for the same window.
        let mut throttle = locked(throttle);
        let wait = throttle.wait_needed(Instant::now());
        if !wait.is_zero() {
            if time_up(Instant::now() + wait) {
                return halt(Halt::TimeLimit);
            }
            // In slices: a stop signal must not wait for a slow rate's window.
            let until = Instant::now() + wait;
            while let Some(left) = until.checked_duration_since(Instant::now()) {
                if let Some(signal) = (context.stop_asked)() {
                    return halt(Halt::Signal(signal));
                }
                std::thread::sleep(left.min(std::time::Duration::from_millis(100)));
            }
        }
        throttle.record(Instant::now());
    }
    true
}
