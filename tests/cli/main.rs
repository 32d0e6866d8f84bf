//! The integration tests: the real binary against a temporary state and
//! loopback servers. One test binary (as cargo's own testsuite), so that the
//! shared helpers in `common/` are compiled once.

mod common;

mod auto_replies;
mod bounce;
mod bounce_mailbox;
mod bounded_input;
mod browser;
mod browser_push;
mod email_event_batches;
mod email_events;
mod foundation;
mod ics;
mod maarch;
mod many_towns;
mod modes;
mod newsletter;
mod nginx;
mod package;
mod postgres;
mod push;
mod push_endpoints;
mod queue;
mod relay;
mod secrets;
mod serve;
mod signed_api;
mod sms;
mod smtp_tls;
mod state;
mod tenants;
mod trust;
mod upgrade;
mod wcs;
mod workflow;
