//! `publik serve`: the small HTTP server behind the site's reverse proxy that
//! serves publik's landing pages. GET and HEAD only show; POST acts.
//! Routes: `/unsubscribe/TOKEN` (newsletter links, RFC 8058 one-click POST)
//! and `/actions/TOKEN/` (workflow action links).

use std::net::{TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use anyhow::Context;

use crate::config::Config;

mod http;
mod inbound;
mod pages;
mod sites;
mod slots;

pub(crate) use sites::Sites;

use http::{Limits, Response};
use pages::{Page, error_page, headers, html_page, route};

/// Bodies larger than this are refused (the forms post a few bytes).
const MAX_BODY_BYTES: usize = 16 * 1024;
/// A provider's batch of events (`inbound::takes_batches`): 1 000 events,
/// documented as a batch's most, are ~400 KB from Mailjet (~400 bytes an
/// event) and ~350 KB from Brevo; room for longer reasons and headers.
const MAX_BATCH_BODY_BYTES: usize = 2 * 1024 * 1024;

/// Request line and headers: browsers send 1-2 KB.
const MAX_HEAD_BYTES: usize = 16 * 1024;

/// The body a request for `path` may have.
fn max_body_bytes(path: &str) -> usize {
    if inbound::takes_batches(path) {
        MAX_BATCH_BODY_BYTES
    } else {
        MAX_BODY_BYTES
    }
}

/// The path as logs may show it: tokens are secrets.
fn loggable(path: &str) -> String {
    match path.trim_start_matches('/').split_once('/') {
        Some((first, _)) => format!("/{first}/…"),
        None => path.to_string(),
    }
}

fn respond(stream: &mut TcpStream, page: Page, head: bool, timeout: Duration) {
    let mut headers = headers();
    if page.status == 405 {
        headers.push(("Allow", "GET, HEAD, POST".into()));
    }
    let response = Response {
        status: page.status,
        headers,
        body: html_page(&page.title, &page.body).into_bytes(),
    };
    send(stream, &response, head, timeout);
}

/// Writes an answer; a client gone meanwhile is only worth a debug line.
fn send(stream: &mut TcpStream, response: &Response, head: bool, timeout: Duration) {
    if let Err(e) = http::write_response(stream, response, head, timeout) {
        log::debug!("answering a client failed: {e}");
    }
}

/// One connection: one request read within the limits, one answer. Until
/// its first byte, the connection may give its slot to another.
fn handle(stream: &mut TcpStream, slot: &slots::Slot, sites: &Sites, limits: &Limits) {
    // The whole request, head and body, within the timeout from accept.
    let remaining = || limits.timeout.saturating_sub(slot.accepted.elapsed());
    if remaining().is_zero() {
        return;
    }
    let _ = stream.set_read_timeout(Some(remaining()));
    match stream.peek(&mut [0u8; 1]) {
        Ok(1..) => {
            if !slot.spoke() {
                log::warn!(
                    "{}: too many requests under way from this address; answered 429",
                    stream.peer_addr().map(|a| a.ip().to_string()).unwrap_or_default()
                );
                respond(stream, error_page(429), false, Duration::from_secs(1));
                return;
            }
        }
        // Closed, silent for the whole timeout, or closed for a newcomer.
        _ => return,
    }
    let limits = &Limits {
        timeout: remaining(),
        ..*limits
    };
    let request = match http::read_request(stream, limits) {
        Ok(request) => {
            slot.heard();
            request
        }
        Err(refused) => {
            if let Some(status) = refused.error.status() {
                log::debug!("refused a request ({status}): {:?}", refused.error);
                // A channel's callback reads JSON, whatever the answer.
                match refused.path.as_deref().filter(|path| inbound::answers_json(path)) {
                    Some(_) => send(stream, &inbound::json_error(status), false, limits.timeout),
                    None => respond(stream, error_page(status), false, limits.timeout),
                }
                http::drain(stream, 1 << 20, Duration::from_secs(1));
            }
            return;
        }
    };
    // Several tenants: the Host the reverse proxy passes picks the site.
    let site = sites.for_host(request.header("host"));
    // Monitoring's scrape: off unless enabled, and for this machine only:
    // a request a proxy passed on (it names the client) comes from afar,
    // even though the proxy's connection is on loopback.
    let proxied = ["x-forwarded-for", "forwarded", "x-real-ip"]
        .iter()
        .any(|name| request.header(name).is_some());
    if request.path == "/metrics"
        && request.method == "GET"
        && !proxied
        && let Some(site) = site.as_ref().filter(|s| s.config.serve.metrics)
        && stream.peer_addr().is_ok_and(|peer| peer.ip().is_loopback())
    {
        let text = site
            .store
            .with(|store| crate::ops::inspect::openmetrics(store))
            .and_then(|text| text);
        let response = match text {
            Ok(text) => Response {
                status: 200,
                headers: vec![(
                    "Content-Type",
                    "application/openmetrics-text; version=1.0.0; charset=utf-8".into(),
                )],
                body: text.into_bytes(),
            },
            Err(e) => {
                log::error!("GET /metrics: {e:#}");
                Response {
                    status: 500,
                    headers: Vec::new(),
                    body: Vec::new(),
                }
            }
        };
        send(stream, &response, false, limits.timeout);
        return;
    }
    let Some(site) = site else {
        respond(
            stream,
            pages::unknown_site(),
            request.method == "HEAD",
            limits.timeout,
        );
        return;
    };
    // The channels' callbacks answer JSON, the rest pages; a bad request or
    // a failing state never stops the server, and a database that cannot
    // be reached now is a 503 (its connection opened again once it is back).
    let answer =
        site.store.with(
            |store| match inbound::route(store, &site.config, &site.link_key, &request)? {
                Some(response) => Ok(Answer::Json(response)),
                None => route(store, &site.config, &site.link_key, &request).map(Answer::Page),
            },
        );
    let page = match answer.and_then(|answer| answer) {
        Ok(Answer::Json(response)) => {
            log::debug!(
                "{} {} {}",
                request.method,
                loggable(&request.path),
                response.status
            );
            send(stream, &response, false, limits.timeout);
            return;
        }
        Ok(Answer::Page(page)) => page,
        Err(e) if crate::store::database_unavailable(&e) || e.is::<crate::exit_codes::PeerDown>() => {
            site.store.forget();
            log::error!("{} {}: {e:#}", request.method, loggable(&request.path));
            error_page(503)
        }
        Err(e) => {
            log::error!("{} {}: {e:#}", request.method, loggable(&request.path));
            error_page(500)
        }
    };
    log::debug!("{} {} {}", request.method, loggable(&request.path), page.status);
    if page.status >= 500 && inbound::answers_json(&request.path) {
        send(stream, &inbound::json_error(page.status), false, limits.timeout);
        return;
    }
    respond(stream, page, request.method == "HEAD", limits.timeout);
}

/// What a site answered: JSON for a channel's callback, else a page.
enum Answer {
    Json(Response),
    Page(Page),
}

/// Serves until SIGTERM or SIGINT, then finishes the requests in hand (each
/// bounded by `serve.request_timeout`) and returns. One thread per
/// connection, at most `serve.max_connections` (`slots.rs`: a silent one
/// gives way, one address sends a quarter of them at most); more requests
/// get a 503 page (429 past an address's share).
/// `config` gives the server's own settings (limits, listen address); each
/// site's pages use the site's.
pub(crate) fn serve(sites: Sites, config: &Config, listen: &str) -> anyhow::Result<()> {
    let listener = TcpListener::bind(listen).with_context(|| format!("cannot listen on {listen}"))?;
    let local = listener.local_addr()?;
    let limits = Limits {
        timeout: config.serve.request_timeout.std(),
        max_head_bytes: MAX_HEAD_BYTES,
        max_body_bytes,
    };
    let max_connections = config.serve.max_connections as usize;
    let stop = AtomicBool::new(false);
    let slots = slots::Slots::new(max_connections);
    let mut signals =
        signal_hook::iterator::Signals::new([signal_hook::consts::SIGTERM, signal_hook::consts::SIGINT])
            .context("cannot handle SIGTERM")?;
    let signals_handle = signals.handle();
    log::info!("listening on {local}");
    std::thread::scope(|scope| {
        scope.spawn(|| {
            if signals.forever().next().is_some() {
                stop.store(true, Ordering::SeqCst);
                // Wakes the blocking accept below.
                let _ = TcpStream::connect(local);
            }
        });
        // One thread per connection, or a 503 page when all are busy.
        let dispatch = |mut stream: TcpStream| {
            let Some(slot) = slots.take(&stream) else {
                log::error!("{max_connections} requests in hand (serve.max_connections): answered 503");
                respond(&mut stream, error_page(503), false, Duration::from_secs(1));
                return;
            };
            let (sites, limits) = (&sites, &limits);
            scope.spawn(move || {
                // Declared after the stream, so dropped before it: the slot
                // is free by the time the client sees the connection close.
                let mut stream = stream;
                let slot = slot;
                let handled = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                    handle(&mut stream, &slot, sites, limits)
                }));
                if handled.is_err() {
                    log::error!("a request handler panicked; the server goes on");
                }
            });
        };
        for stream in listener.incoming() {
            match stream {
                Ok(stream) => dispatch(stream),
                Err(e) => {
                    log::warn!("accepting a connection failed: {e}");
                    // Out of file descriptors, say: do not spin.
                    std::thread::sleep(Duration::from_millis(50));
                }
            }
            if stop.load(Ordering::SeqCst) {
                break;
            }
        }
        // Clients that connected before the stop are served too (the
        // wake-up connection reads as closed and gets no answer).
        if listener.set_nonblocking(true).is_ok() {
            while let Ok((stream, _)) = listener.accept() {
                if stream.set_nonblocking(false).is_ok() {
                    dispatch(stream);
                }
            }
        }
        signals_handle.close();
    });
    log::info!("stopped");
    Ok(())
}
