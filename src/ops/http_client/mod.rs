//! What every outbound HTTP channel shares (SMS gateway, push services,
//! Maarch): one ureq agent set up the same way, and the reading of the
//! headers and URLs they all meet.

mod corked;
mod public_only;
mod redirect;

pub(crate) use public_only::{is_listed, is_public};
pub(crate) use redirect::{MAX_REDIRECTS, next_url};

use crate::clock;
use crate::duration::Duration;
use ureq::unversioned::transport::Connector;

/// An agent with a deadline over each whole request, statuses read rather
/// than turned into errors (a 410 or a gateway's error body means
/// something), and publik's User-Agent. Keep-alive per host, as ureq does.
/// For small request/reply exchanges (a gateway, a push service, w.c.s.).
pub(crate) fn agent(timeout: std::time::Duration) -> ureq::Agent {
    with_connectors(
        ureq::Agent::config_builder().timeout_global(Some(timeout)),
        CachingResolver::default(),
    )
}

/// `agent` for `lanes` threads sending at once (SMS lanes): as many
/// connections kept per host.
pub(crate) fn lanes_agent(timeout: std::time::Duration, lanes: usize) -> ureq::Agent {
    with_connectors(
        pooled(ureq::Agent::config_builder().timeout_global(Some(timeout)), lanes),
        CachingResolver::default(),
    )
}

/// Keeps a connection per lane per host (and across a few hosts).
fn pooled(
    config: ureq::config::ConfigBuilder<ureq::typestate::AgentScope>,
    lanes: usize,
) -> ureq::config::ConfigBuilder<ureq::typestate::AgentScope> {
    let lanes = lanes.max(3);
    config
        .max_idle_connections_per_host(lanes)
        .max_idle_connections(lanes * 4)
}

/// `agent`, for URLs someone else chose (push endpoints): a host not in
/// `allowed` is reached only at public addresses (`PermissionDenied`
/// otherwise), checked on the addresses connected to. `lanes` threads use
/// it at once: it keeps that many connections per host (ureq keeps 3, and
/// lanes beyond that reopened a connection for every request).
pub(crate) fn public_agent(timeout: std::time::Duration, allowed: Vec<String>, lanes: usize) -> ureq::Agent {
    with_connectors(
        pooled(ureq::Agent::config_builder().timeout_global(Some(timeout)), lanes),
        public_only::PublicOnly {
            inner: CachingResolver::default(),
            allowed,
        },
    )
}

/// An agent for replies that can be large (a scanned document): no
/// deadline over the whole request, `progress` at most to resolve and
/// connect, then between two reads or writes. A slow transfer that keeps
/// moving completes; a stalled one fails after `progress`. The reply's
/// size is bounded by its reader.
pub(crate) fn progress_agent(progress: std::time::Duration) -> ureq::Agent {
    with_connectors(
        ureq::Agent::config_builder()
            .timeout_resolve(Some(progress))
            .timeout_connect(Some(progress))
            .timeout_per_read(Some(progress))
            .timeout_per_write(Some(progress)),
        CachingResolver::default(),
    )
}

fn with_connectors(
    config: ureq::config::ConfigBuilder<ureq::typestate::AgentScope>,
    resolver: impl ureq::unversioned::resolver::Resolver,
) -> ureq::Agent {
    // No redirect is followed by the agent: it would carry the request's
    // headers (a gateway's key) to any host (see `redirect.rs`).
    let config = config
        .http_status_as_error(false)
        .max_redirects(0)
        .user_agent(concat!("publik/", env!("CARGO_PKG_VERSION")))
        .build();
    ureq::Agent::with_parts(
        config,
        ureq::unversioned::transport::DefaultConnector::default().chain(corked::Corking),
        resolver,
    )
}

/// Resolves each host once per agent (a run): ureq's resolver spawns a
/// thread for every lookup under a timeout, which was a measurable part
/// of each push notification's cost. A run is short; addresses do not move
/// under it.
#[derive(Debug, Default)]
struct CachingResolver {
    inner: ureq::unversioned::resolver::DefaultResolver,
    known:
        std::sync::Mutex<std::collections::HashMap<String, ureq::unversioned::resolver::ResolvedSocketAddrs>>,
}

impl ureq::unversioned::resolver::Resolver for CachingResolver {
    fn resolve(
        &self,
        uri: &ureq::http::Uri,
        config: &ureq::config::Config,
        timeout: ureq::unversioned::transport::NextTimeout,
    ) -> Result<ureq::unversioned::resolver::ResolvedSocketAddrs, ureq::Error> {
        let key = format!(
            "{}://{}",
            uri.scheme_str().unwrap_or(""),
            uri.authority().map_or("", |a| a.as_str())
        );
        if let Some(addresses) = self.known.lock().unwrap_or_else(|p| p.into_inner()).get(&key) {
            return Ok(addresses.clone());
        }
        let addresses = self.inner.resolve(uri, config, timeout)?;
        self.known
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .insert(key, addresses.clone());
        Ok(addresses)
    }
}

/// `Retry-After`: seconds, or an HTTP date.
pub(crate) fn parse_retry_after(value: &str) -> Option<Duration> {
    let value = value.trim();
    if let Ok(secs) = value.parse::<u64>() {
        return Some(Duration::from_secs(secs));
    }
    let date = chrono::DateTime::parse_from_rfc2822(value).ok()?;
    let secs = (date.with_timezone(&chrono::Utc) - clock::now())
        .num_seconds()
        .max(0);
    Some(Duration::from_secs(secs as u64))
}

/// `scheme://host[:port]` of a URL (the VAPID `aud`: RFC 8292 wants the
/// origin, port included).
pub(crate) fn origin(url: &str) -> Option<String> {
    let (scheme, rest) = url.split_once("://")?;
    let authority = rest.split(['/', '?', '#']).next()?;
    // An origin has no userinfo (a gateway's `user:pass@` must not show).
    let authority = authority.rsplit_once('@').map_or(authority, |(_, host)| host);
    (!authority.is_empty()).then(|| format!("{scheme}://{authority}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retry_after_forms() {
        assert_eq!(parse_retry_after("120"), Some(Duration::from_secs(120)));
        assert!(parse_retry_after("soon").is_none());
    }

    #[test]
    fn origin_keeps_the_port() {
        assert_eq!(
            origin("https://fcm.googleapis.com/fcm/send/abc").as_deref(),
            Some("https://fcm.googleapis.com")
        );
        assert_eq!(
            origin("http://127.0.0.1:8443/push/1").as_deref(),
            Some("http://127.0.0.1:8443")
        );
        assert_eq!(
            origin("https://user:pass@sms.example.org/send").as_deref(),
            Some("https://sms.example.org")
        );
    }
}
