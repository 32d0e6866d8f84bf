//! Where a push subscription may make publik send: a browser (or anyone with
//! a push token) names the endpoint, and publik POSTs there with the site's
//! VAPID signature. So only https, only public addresses (no loopback,
//! private network or cloud metadata service), unless the site lists the
//! host in `webpush.allowed_hosts`; with a list, only the hosts listed.
//! Checked at subscribe (with a DNS lookup) and again at send time, where
//! the agent's resolver checks the very addresses it connects to.

use std::net::{IpAddr, ToSocketAddrs};

use crate::ops::http_client::{is_listed, is_public};

/// The one spelling of an endpoint: scheme and host in lower case, no
/// default port, no empty query, no fragment (a client never sends it).
/// Subscriptions are stored and looked up by it, so that `HTTPS://`,
/// `:443` or a trailing `#` is not another device. `None`: not a URL.
pub(crate) fn normalized(endpoint: &str) -> Option<String> {
    let without_fragment = endpoint.split('#').next().unwrap_or_default();
    let uri: ureq::http::Uri = without_fragment.parse().ok()?;
    let scheme = uri.scheme_str()?.to_ascii_lowercase();
    let host = uri.host()?.to_ascii_lowercase();
    let port = match (scheme.as_str(), uri.port_u16()) {
        ("https", Some(443)) | ("http", Some(80)) | (_, None) => String::new(),
        (_, Some(port)) => format!(":{port}"),
    };
    let path = uri.path();
    let query = uri
        .query()
        .filter(|q| !q.is_empty())
        .map(|q| format!("?{q}"))
        .unwrap_or_default();
    Some(format!("{scheme}://{host}{port}{path}{query}"))
}

/// Why `endpoint` is refused, if it is; `lookup` resolves a name to check
/// its addresses (at subscribe; at send time the agent does it).
pub(crate) fn refusal(endpoint: &str, allowed: &[String], lookup: bool) -> Option<String> {
    let uri: ureq::http::Uri = match endpoint.parse() {
        Ok(uri) => uri,
        Err(_) => return Some("is not a URL".into()),
    };
    let host = uri.host().unwrap_or_default();
    let host = host.trim_start_matches('[').trim_end_matches(']');
    if host.is_empty() {
        return Some("is not a URL with a host".into());
    }
    if uri.authority().is_some_and(|a| a.as_str().contains('@')) {
        return Some("must not carry a user or password".into());
    }
    let ip: Option<IpAddr> = host.parse().ok();
    let listed = is_listed(host, allowed);
    let loopback = ip.is_some_and(|ip| ip.is_loopback()) || host.eq_ignore_ascii_case("localhost");
    match uri.scheme_str() {
        Some("https") => {}
        // Plain http only to a push service on this machine the site listed (tests, development).
        Some("http") if listed && loopback => {}
        _ => return Some("must be an https URL".into()),
    }
    if listed {
        return None;
    }
    if !allowed.is_empty() {
        return Some(format!("{host} is not in webpush.allowed_hosts"));
    }
    if let Some(ip) = ip {
        return (!is_public(ip)).then(|| format!("{ip} is not a public address"));
    }
    let lower = host.to_ascii_lowercase();
    if lower == "localhost" || lower.ends_with(".localhost") || !lower.contains('.') {
        return Some(format!("{host} is not a public host name"));
    }
    if !lookup {
        return None;
    }
    let port = uri.port_u16().unwrap_or(443);
    // What the name resolves to, or why not, is the operator's to know
    // (`-v`), not the subscriber's: it maps the site's network.
    let detail = match (host, port).to_socket_addrs() {
        Err(e) => Some(format!("{host} cannot be resolved: {e}")),
        Ok(addresses) => {
            let addresses: Vec<_> = addresses.collect();
            if addresses.is_empty() {
                Some(format!("{host} has no address"))
            } else {
                addresses
                    .iter()
                    .find(|a| !is_public(a.ip()))
                    .map(|a| format!("{host} resolves to {}, not a public address", a.ip()))
            }
        }
    };
    detail.map(|detail| {
        log::info!("push endpoint refused: {detail}");
        NOT_PUBLIC.to_string()
    })
}

/// All a subscriber learns of an endpoint refused after a DNS look-up.
const NOT_PUBLIC: &str = "is not a public push service";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_endpoint_has_one_spelling() {
        let canonical = "https://fcm.googleapis.com/fcm/send/abc";
        for spelling in [
            canonical,
            "HTTPS://FCM.googleapis.com/fcm/send/abc",
            "https://fcm.googleapis.com:443/fcm/send/abc",
            "https://fcm.googleapis.com/fcm/send/abc?",
            "https://fcm.googleapis.com/fcm/send/abc#",
            "https://fcm.googleapis.com/fcm/send/abc#frag",
        ] {
            assert_eq!(normalized(spelling).as_deref(), Some(canonical), "{spelling}");
        }
        assert_eq!(
            normalized("https://push.example.org:8443/x?a=B").as_deref(),
            Some("https://push.example.org:8443/x?a=B")
        );
        assert_eq!(normalized("not a url"), None);
    }

    #[test]
    fn private_and_plain_endpoints_are_refused() {
        for endpoint in [
            "https://127.0.0.1:1/x",
            "https://10.0.0.1/x",
            "https://169.254.169.254/latest/meta-data/",
            "https://[::1]/x",
            "https://[fd00::1]/x",
            "https://[::ffff:127.0.0.1]/x",
            "http://127.0.0.1:8080/x",
            "http://fcm.googleapis.com/fcm/send/x",
            "https://localhost/x",
            "https://push.localhost/x",
            "https://intranet/x",
            "https://user:pass@fcm.googleapis.com/x",
            "ftp://fcm.googleapis.com/x",
            "not a url",
        ] {
            assert!(refusal(endpoint, &[], false).is_some(), "{endpoint}");
        }
        assert_eq!(
            refusal("https://fcm.googleapis.com/fcm/send/abc", &[], false),
            None
        );
        assert_eq!(refusal("https://142.250.74.36/x", &[], false), None);
    }

    #[test]
    fn a_list_admits_only_its_hosts_and_plain_http_only_on_loopback() {
        let allowed = vec!["*.push.services.mozilla.com".to_string(), "127.0.0.1".to_string()];
        assert_eq!(
            refusal(
                "https://updates.push.services.mozilla.com/wpush/v2/x",
                &allowed,
                false
            ),
            None
        );
        assert!(refusal("https://fcm.googleapis.com/fcm/send/x", &allowed, false).is_some());
        assert_eq!(refusal("http://127.0.0.1:8080/push/1", &allowed, false), None);
        assert!(refusal("http://updates.push.services.mozilla.com/x", &allowed, false).is_some());
        assert!(refusal("https://127.0.0.2/x", &allowed, false).is_some());
    }
}
