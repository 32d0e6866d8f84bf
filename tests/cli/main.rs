//! The integration tests: the real binary against a temporary state and
//! loopback servers. One test binary (as cargo's own testsuite), so that the
//! shared helpers in `common/` are compiled once.

mod common;

mod bounce;
mod bounded_input;
mod browser;
mod browser_push;
mod email_events;
mod foundation;
mod ics;
mod maarch;
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
mod sms;
mod smtp_tls;
mod state;
mod tenants;
mod wcs;
mod workflow;
