//! One run of the queue, as named steps: claim a batch, take a group of
//! one channel's rows (expired ones failed, bodies loaded), deliver it over
//! the channel's lanes, drop a channel that cannot send or whose peer is
//! down, halt on the time limit or a signal, and give back what was claimed
//! but not tried.

use std::collections::{HashMap, VecDeque};
use std::sync::Mutex;
use std::time::Instant;

use anyhow::Context;

use crate::clock;
use crate::config::QueueConfig;
use crate::progress::Progress;
use crate::queue_row::{Channel, Status};
use crate::store::{Body, Message, Ready, Store, Transition};

use super::lanes::{GroupContext, deliver_group};
use super::lease::{RunStore, Stop, keep_leases, locked};
use super::{Halt, PeerFailure, RunOptions, RunReport, Senders, Throttle};
use crate::exit_codes::bad_field;

/// Whether a stop was asked, and by which signal (`shutdown::requested`
/// in a real run).
pub(super) type StopAsked = fn() -> Option<&'static str>;

/// One run of the queue (send-queue, retry-queue).
pub(crate) fn run(
    store: &mut Store,
    config: &QueueConfig,
    senders: &mut dyn Senders,
    options: &RunOptions,
    progress: &dyn Progress,
) -> anyhow::Result<RunReport> {
    run_with(
        store,
        config,
        senders,
        options,
        progress,
        crate::shutdown::requested,
    )
}

pub(super) fn run_with(
    store: &mut Store,
    config: &QueueConfig,
    senders: &mut dyn Senders,
    options: &RunOptions,
    progress: &dyn Progress,
    stop_asked: StopAsked,
) -> anyhow::Result<RunReport> {
    check_only(store, &options.only)?;
    if options.dry_run {
        return dry_run(store, options);
    }
    let started = Instant::now();
    let started_at = clock::now();
    let report = RunReport {
        recovered: recover(store, &options.actor)?,
        ..RunReport::default()
    };
    let run_store = RunStore::new(store, config.lease)?;
    let stop = Stop::default();
    std::thread::scope(|scope| {
        // The keeper stops with the run however it ends, a lane's panic
        // included (the scope would otherwise wait for it forever).
        let _keeper_stops = StopOnDrop(&stop);
        let mut run = Run {
            store: &run_store,
            config,
            options,
            progress,
            stop_asked,
            deadline: options.time_limit.map(|limit| started + limit.std()),
            channels: options.channels.clone(),
            remaining: options.limit.unwrap_or(u32::MAX),
            only: options.only.clone(),
            started_at,
            throttle: config.rate.map(|rate| Mutex::new(Throttle::new(rate))),
            channel_throttles: HashMap::new(),
            bodies: HashMap::new(),
            report: Mutex::new(report),
        };
        let mut keeper_started = false;
        while let Some(mut batch) = run.claim_batch()? {
            if !keeper_started {
                // Only a run that holds rows needs its leases kept.
                scope.spawn(|| keep_leases(&run_store, &stop));
                keeper_started = true;
            }
            if run.deliver_batch(senders, &mut batch)? == Flow::Halt {
                break;
            }
        }
        Ok(run.report.into_inner().unwrap_or_else(|p| p.into_inner()))
    })
}

/// `--id`: every row named exists and is pending or in error, or nothing
/// is sent.
fn check_only(store: &Store, only: &[i64]) -> anyhow::Result<()> {
    for id in only {
        match store.message(*id).context("cannot read the queue")? {
            None => {
                return Err(bad_field(
                    "ids",
                    format!("no message with id {id}; nothing was sent"),
                ));
            }
            Some(m) if !matches!(m.status, Status::Pending | Status::Error) => {
                return Err(bad_field(
                    "ids",
                    format!(
                        "message {id} is {}: only pending or error messages can be sent by id; nothing was sent",
                        m.status
                    ),
                ));
            }
            Some(_) => {}
        }
    }
    Ok(())
}

/// The rows a run would send, changing nothing.
fn dry_run(store: &Store, options: &RunOptions) -> anyhow::Result<RunReport> {
    let would_send = store
        .peek(
            &Ready {
                channels: &options.channels,
                source: options.source,
                only: &options.only,
                run_started: None,
            },
            clock::now(),
            options.limit.unwrap_or(u32::MAX),
        )
        .context("cannot read the queue")?;
    Ok(RunReport {
        would_send,
        ..RunReport::default()
    })
}

/// Rows left in `sending` by a killed run, back to work.
fn recover(store: &mut Store, actor: &str) -> anyhow::Result<u32> {
    let recovered = store
        .recover_expired_leases(clock::now(), actor)
        .context("cannot recover rows with an expired lease")?;
    if !recovered.is_empty() {
        log::warn!(
            "{} row(s) had an expired lease and went back to pending",
            recovered.len()
        );
    }
    Ok(recovered.len() as u32)
}

/// Signals the lease keeper when dropped.
struct StopOnDrop<'s>(&'s Stop);

impl Drop for StopOnDrop<'_> {
    fn drop(&mut self) {
        self.0.signal();
    }
}

/// What the run does after a batch.
#[derive(Debug, PartialEq, Eq)]
enum Flow {
    /// Claim the next batch.
    Next,
    /// Stop: the time limit came, or a signal.
    Halt,
}

/// A run in progress: what it may still take, and what it has done.
struct Run<'r, 'a> {
    store: &'r RunStore<'a>,
    config: &'r QueueConfig,
    options: &'r RunOptions,
    progress: &'r dyn Progress,
    stop_asked: StopAsked,
    deadline: Option<Instant>,
    /// The channels still sending: one whose peer is down or that cannot
    /// send leaves for the rest of the run.
    channels: Vec<Channel>,
    /// Rows this run may still claim (`--limit`).
    remaining: u32,
    /// The `--id` rows not taken yet.
    only: Vec<i64>,
    /// When the run started (a row in error due after it waits).
    started_at: clock::Timestamp,
    throttle: Option<Mutex<Throttle>>,
    /// Each channel's own rate (`Senders::rate`), made on its first group.
    channel_throttles: HashMap<Channel, Mutex<Throttle>>,
    /// Bodies of the rows in hand, loaded once per send.
    bodies: HashMap<i64, Body>,
    /// Shared with the lanes, which record outcomes as they go.
    report: Mutex<RunReport>,
}

impl Run<'_, '_> {
    /// The next ready rows, unless the run is done (limit, no channel left,
    /// a signal, the time limit, an empty queue).
    fn claim_batch(&mut self) -> anyhow::Result<Option<VecDeque<Message>>> {
        // `--id` rows all taken (an empty list would mean every row).
        let ids_done = !self.options.only.is_empty() && self.only.is_empty();
        if self.remaining == 0 || self.channels.is_empty() || ids_done {
            return Ok(None);
        }
        if let Some(signal) = (self.stop_asked)() {
            locked(&self.report).stopped_by = Some(signal);
            return Ok(None);
        }
        if self.deadline.is_some_and(|d| Instant::now() >= d) {
            log::info!("time limit reached: not claiming more rows");
            return Ok(None);
        }
        let batch = self
            .store
            .claim(
                &Ready {
                    channels: &self.channels,
                    source: self.options.source,
                    only: &self.only,
                    run_started: Some(self.started_at),
                },
                self.remaining.min(self.config.batch),
                &self.options.actor,
            )
            .context("cannot claim rows from the queue")?;
        if batch.is_empty() {
            return Ok(None);
        }
        self.remaining = self.remaining.saturating_sub(batch.len() as u32);
        // One attempt per row per run: an id taken is not taken again (a
        // row left in error waits for its backoff), unless given back.
        self.only.retain(|id| !batch.iter().any(|m| m.id == *id));
        Ok(Some(batch.into()))
    }

    /// Delivers a batch, one channel's group at a time, in the order claimed.
    fn deliver_batch(
        &mut self,
        senders: &mut dyn Senders,
        batch: &mut VecDeque<Message>,
    ) -> anyhow::Result<Flow> {
        while let Some(channel) = batch.front().map(|m| m.channel) {
            if let Some(rate) = senders.rate(channel) {
                self.channel_throttles
                    .entry(channel)
                    .or_insert_with(|| Mutex::new(Throttle::new(rate)));
            }
            let lanes = match senders.lanes(channel) {
                Ok(lanes) if !lanes.is_empty() => lanes,
                Ok(_) => anyhow::bail!("{channel}: no sender"),
                Err(e) => {
                    self.drop_unavailable(channel, batch, &e)?;
                    continue;
                }
            };
            let group = self.take_group(batch, channel)?;
            if group.is_empty() {
                continue;
            }
            let context = GroupContext {
                store: self.store,
                config: self.config,
                report: &self.report,
                throttles: [self.throttle.as_ref(), self.channel_throttles.get(&channel)],
                deadline: self.deadline,
                actor: &self.options.actor,
                progress: self.progress,
                stop_asked: self.stop_asked,
            };
            let outcome = deliver_group(lanes, group, &self.bodies, &context)?;
            for message in outcome.untried.into_iter().rev() {
                batch.push_front(message);
            }
            if let Some(halt) = outcome.halt {
                self.halt(halt, batch)?;
                return Ok(Flow::Halt);
            }
            if let Some(reason) = outcome.peer_down {
                self.drop_peer_down(channel, reason, batch)?;
                return Ok(Flow::Next);
            }
        }
        Ok(Flow::Next)
    }

    /// The rows of `channel` at the front of the batch: those past their
    /// time failed here, the others returned with their bodies loaded.
    fn take_group(
        &mut self,
        batch: &mut VecDeque<Message>,
        channel: Channel,
    ) -> anyhow::Result<Vec<Message>> {
        let mut group: Vec<Message> = Vec::new();
        while batch.front().is_some_and(|m| m.channel == channel) {
            let Some(message) = batch.pop_front() else { break };
            let now = clock::now();
            let too_old = self
                .options
                .max_age
                .is_some_and(|age| message.created_at + age.chrono() <= now);
            if too_old || message.expires_at.is_some_and(|e| e <= now) {
                let change = Transition {
                    status: Status::Failed,
                    reason: if too_old {
                        "too old".into()
                    } else {
                        "expired before it could be sent".into()
                    },
                    detail: None,
                    next_attempt_at: None,
                    provider_id: None,
                };
                self.store.record(message.id, &change, now, &self.options.actor)?;
                locked(&self.report).expired += 1;
                self.progress.advance(1);
                continue;
            }
            if !self.bodies.contains_key(&message.body_id) {
                // Rows of one send are claimed together: keep few bodies around.
                if self.bodies.len() > 64 {
                    self.bodies.retain(|id, _| group.iter().any(|m| m.body_id == *id));
                }
                let body = self
                    .store
                    .lock()
                    .body(message.body_id)
                    .with_context(|| format!("cannot read the body of message {}", message.id))?;
                self.bodies.insert(message.body_id, body);
            }
            group.push(message);
        }
        Ok(group)
    }

    /// A channel that cannot send at all (not configured, a key missing):
    /// not a peer's fault nor the rows'. Its rows are given back (never
    /// claimed again in this run, never left to a lease); the others go on.
    fn drop_unavailable(
        &mut self,
        channel: Channel,
        batch: &mut VecDeque<Message>,
        error: &anyhow::Error,
    ) -> anyhow::Result<()> {
        let reason = format!("cannot send: {error:#}");
        self.channels.retain(|c| *c != channel);
        let (mut held, rest): (VecDeque<Message>, VecDeque<Message>) =
            batch.drain(..).partition(|m| m.channel == channel);
        *batch = rest;
        let count = held.len();
        self.give_back(&mut held, &reason)?;
        locked(&self.report).unavailable.push(PeerFailure {
            channel,
            reason: format!("{reason} ({count} message(s) left as they were)"),
        });
        Ok(())
    }

    /// The channel's peer is down: it leaves the run, and the rest of the
    /// batch is given back (the next batch is claimed without it).
    fn drop_peer_down(
        &mut self,
        channel: Channel,
        reason: String,
        batch: &mut VecDeque<Message>,
    ) -> anyhow::Result<()> {
        log::error!("{channel}: {reason}");
        locked(&self.report)
            .peers_down
            .push(PeerFailure { channel, reason });
        self.channels.retain(|c| *c != channel);
        self.give_back(batch, "peer down: not attempted")
    }

    /// The time limit or a signal: the rest of the batch is given back.
    /// Leases lost: given back if the database answers again; if not, the
    /// rows come back when their lease runs out.
    fn halt(&mut self, halt: Halt, batch: &mut VecDeque<Message>) -> anyhow::Result<()> {
        match halt {
            Halt::Signal(signal) => locked(&self.report).stopped_by = Some(signal),
            Halt::LeaseLost => {
                // Said by the command, once.
                locked(&self.report).lease_lost = self.store.lease_lost(Instant::now());
                if let Err(e) = self.give_back(batch, &halt.reason()) {
                    log::warn!("{e:#}");
                }
                return Ok(());
            }
            Halt::TimeLimit => {}
        }
        self.give_back(batch, &halt.reason())
    }

    /// Claimed rows, untried, back to the status they were claimed from.
    fn give_back(&mut self, rows: &mut VecDeque<Message>, reason: &str) -> anyhow::Result<()> {
        let ids: Vec<i64> = rows.drain(..).map(|m| m.id).collect();
        if ids.is_empty() {
            return Ok(());
        }
        if !self.options.only.is_empty() {
            self.only.extend(&ids);
        }
        self.store
            .release(
                &ids,
                self.options.source,
                reason,
                clock::now(),
                &self.options.actor,
            )
            .context("cannot give back claimed rows")?;
        locked(&self.report).released += ids.len() as u32;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::{AtomicBool, Ordering};

    use super::*;
    use crate::duration::Duration;
    use crate::ops::queue::{Delivery, Lanes, RowOptions, Sender};
    use crate::queue_row::Source;
    use crate::store::NewBody;

    struct Quiet;
    impl Progress for Quiet {}

    /// How a fake lane answers a row.
    type Answer = fn(&Message) -> Delivery;

    /// A lane answering each row with what its `Answer` says; no network.
    struct Scripted(Answer);

    impl Sender for Scripted {
        fn deliver(&mut self, message: &Message, _body: &Body) -> Delivery {
            (self.0)(message)
        }
    }

    /// Lanes per channel; a channel without lanes cannot send.
    struct Fake(HashMap<Channel, Lanes>);

    impl Senders for Fake {
        fn lanes(&mut self, channel: Channel) -> anyhow::Result<&mut Lanes> {
            self.0.get_mut(&channel).context("not configured")
        }
    }

    fn fake(lanes: Vec<(Channel, usize, Answer)>) -> Fake {
        Fake(
            lanes
                .into_iter()
                .map(|(channel, width, answer)| {
                    let lanes: Lanes = (0..width)
                        .map(|_| Box::new(Scripted(answer)) as Box<dyn Sender>)
                        .collect();
                    (channel, lanes)
                })
                .collect(),
        )
    }

    fn sent(_: &Message) -> Delivery {
        Delivery::Sent {
            provider_id: None,
            reply: "250 ok".into(),
        }
    }

    fn down(_: &Message) -> Delivery {
        Delivery::PeerDown {
            reason: "connection refused".into(),
        }
    }

    /// A state in a temporary directory with `count` rows of each channel.
    fn state(channels: &[Channel], count: usize) -> (tempfile::TempDir, Store, Vec<i64>) {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("state.sqlite3")).unwrap();
        let mut ids = Vec::new();
        for channel in channels {
            let body = NewBody {
                channel: *channel,
                content: "{}".into(),
                attachments: Vec::new(),
            };
            let rows: Vec<_> = (0..count)
                .map(|i| RowOptions::default().row(format!("{channel}-{i}@example.org"), None))
                .collect();
            ids.extend(store.enqueue(&body, &rows, "test").unwrap());
        }
        (dir, store, ids)
    }

    fn options(channels: &[Channel]) -> RunOptions {
        RunOptions {
            source: Source::Pending,
            channels: channels.to_vec(),
            limit: None,
            time_limit: None,
            dry_run: false,
            max_age: None,
            actor: "test".into(),
            only: Vec::new(),
        }
    }

    fn never() -> Option<&'static str> {
        None
    }

    fn status(store: &Store, id: i64) -> Status {
        store.message(id).unwrap().unwrap().status
    }

    fn run_on(
        store: &mut Store,
        senders: &mut Fake,
        options: &RunOptions,
        stop_asked: StopAsked,
    ) -> RunReport {
        let config = QueueConfig {
            batch: 4,
            ..QueueConfig::default()
        };
        run_with(store, &config, senders, options, &Quiet, stop_asked).unwrap()
    }

    #[test]
    fn every_row_goes_over_the_lanes() {
        let (_dir, mut store, ids) = state(&[Channel::Email], 10);
        let mut senders = fake(vec![(Channel::Email, 3, sent)]);
        let report = run_on(&mut store, &mut senders, &options(&[Channel::Email]), never);
        assert_eq!(report.sent, 10);
        assert!(ids.iter().all(|id| status(&store, *id) == Status::Sent));
    }

    /// A peer down: its channel leaves the run, its rows are given back
    /// untried; another channel goes on.
    #[test]
    fn a_peer_down_drops_its_channel_and_the_others_go_on() {
        let (_dir, mut store, ids) = state(&[Channel::Email, Channel::Sms], 6);
        let mut senders = fake(vec![(Channel::Email, 2, down), (Channel::Sms, 1, sent)]);
        let report = run_on(
            &mut store,
            &mut senders,
            &options(&[Channel::Email, Channel::Sms]),
            never,
        );
        assert_eq!(report.peers_down.len(), 1);
        assert_eq!(report.peers_down[0].channel, Channel::Email);
        assert_eq!(report.sent, 6);
        for id in &ids[..6] {
            let row = store.message(*id).unwrap().unwrap();
            assert_eq!((row.status, row.attempts), (Status::Pending, 0), "email row {id}");
        }
        assert!(ids[6..].iter().all(|id| status(&store, *id) == Status::Sent));
    }

    /// A channel that cannot send (not configured): its rows stay pending,
    /// said once; the others are sent.
    #[test]
    fn an_unavailable_channel_leaves_its_rows_pending() {
        let (_dir, mut store, ids) = state(&[Channel::Sms, Channel::Email], 5);
        let mut senders = fake(vec![(Channel::Email, 1, sent)]);
        let report = run_on(
            &mut store,
            &mut senders,
            &options(&[Channel::Email, Channel::Sms]),
            never,
        );
        assert_eq!(report.unavailable.len(), 1);
        assert_eq!(report.unavailable[0].channel, Channel::Sms);
        assert!(report.unavailable[0].reason.contains("not configured"));
        assert_eq!(report.sent, 5);
        assert!(ids[..5].iter().all(|id| status(&store, *id) == Status::Pending));
        assert!(ids[5..].iter().all(|id| status(&store, *id) == Status::Sent));
    }

    /// The time limit: no row is tried after it; those claimed are given back.
    #[test]
    fn the_time_limit_gives_the_untried_rows_back() {
        fn slow(message: &Message) -> Delivery {
            std::thread::sleep(std::time::Duration::from_millis(1100));
            sent(message)
        }
        let (_dir, mut store, ids) = state(&[Channel::Email], 6);
        let mut senders = fake(vec![(Channel::Email, 1, slow)]);
        let mut limited = options(&[Channel::Email]);
        limited.time_limit = Some(Duration::from_secs(1));
        let report = run_on(&mut store, &mut senders, &limited, never);
        // However fast the machine: at most the row started before the
        // limit is sent (its delivery outlasts the limit).
        assert!(report.sent <= 1, "{report:?}");
        assert_eq!(report.sent + report.released, 4, "one batch claimed: {report:?}");
        let pending = ids
            .iter()
            .filter(|id| status(&store, **id) == Status::Pending)
            .count();
        assert_eq!(pending as u32, 6 - report.sent);
    }

    static ASKED: AtomicBool = AtomicBool::new(false);

    fn asked() -> Option<&'static str> {
        ASKED.load(Ordering::SeqCst).then_some("SIGTERM")
    }

    /// A signal between two rows: the row in hand is finished and recorded,
    /// the rest given back, and the report names the signal.
    #[test]
    fn a_signal_finishes_the_row_in_hand_and_gives_back_the_rest() {
        fn sent_then_signal(message: &Message) -> Delivery {
            ASKED.store(true, Ordering::SeqCst);
            sent(message)
        }
        let (_dir, mut store, ids) = state(&[Channel::Email], 3);
        let mut senders = fake(vec![(Channel::Email, 1, sent_then_signal)]);
        let report = run_on(&mut store, &mut senders, &options(&[Channel::Email]), asked);
        assert_eq!(report.stopped_by, Some("SIGTERM"));
        assert_eq!((report.sent, report.released), (1, 2), "{report:?}");
        assert_eq!(status(&store, ids[0]), Status::Sent);
        assert!(ids[1..].iter().all(|id| status(&store, *id) == Status::Pending));
    }

    /// A lane that panics ends the run (the panic goes on up) instead of
    /// leaving it waiting forever for its lease keeper; the row stays in
    /// its lease, to be recovered, not marked sent.
    #[test]
    fn a_panicking_lane_ends_the_run() {
        fn panics(_: &Message) -> Delivery {
            panic!("a defect in a sender");
        }
        let (dir, store, ids) = state(&[Channel::Email], 2);
        drop(store);
        let path = dir.path().join("state.sqlite3");
        let (done, ended) = std::sync::mpsc::channel();
        let runner = std::thread::spawn(move || {
            let mut store = Store::open(&path).unwrap();
            let mut senders = fake(vec![(Channel::Email, 2, panics)]);
            let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                run_on(&mut store, &mut senders, &options(&[Channel::Email]), never)
            }));
            let _ = done.send(result.is_err());
        });
        let panicked = ended
            .recv_timeout(std::time::Duration::from_secs(60))
            .expect("the run never ended");
        assert!(panicked);
        runner.join().unwrap();
        let store = Store::open(&dir.path().join("state.sqlite3")).unwrap();
        assert!(ids.iter().all(|id| status(&store, *id) == Status::Sending));
    }
}
