//! Requests to URLs someone else chose (a browser's push endpoint): only to
//! addresses on the public Internet, unless the host is one the site listed.
//! The check is in the resolver, so the address checked is the address
//! connected to (a name that changes its answer between a check and the
//! connection cannot slip through).

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use ureq::unversioned::resolver::{ResolvedSocketAddrs, Resolver};

/// Whether `ip` is an address of the public Internet: not loopback, private,
/// link-local (cloud metadata at 169.254.169.254), shared (CGNAT),
/// multicast, documentation or otherwise reserved.
pub(crate) fn is_public(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => is_public_v4(v4),
        IpAddr::V6(v6) => is_public_v6(v6),
    }
}

fn is_public_v4(ip: Ipv4Addr) -> bool {
    let [a, b, c, _] = ip.octets();
    !(ip.is_unspecified()
        || ip.is_loopback()
        || ip.is_private()
        || ip.is_link_local()
        || ip.is_multicast()
        || ip.is_broadcast()
        || ip.is_documentation()
        || a == 0
        || a >= 240
        || (a == 100 && (64..128).contains(&b))
        || (a == 192 && b == 0 && c == 0)
        || (a == 198 && (b == 18 || b == 19)))
}

fn is_public_v6(ip: Ipv6Addr) -> bool {
    if let Some(v4) = ip.to_ipv4_mapped() {
        return is_public_v4(v4);
    }
    let segments = ip.segments();
    // NAT64 (64:ff9b::/96) reaches the IPv4 address it embeds.
    if segments[..6] == [0x64, 0xff9b, 0, 0, 0, 0] {
        let [a, b] = segments[6].to_be_bytes();
        let [c, d] = segments[7].to_be_bytes();
        return is_public_v4(Ipv4Addr::new(a, b, c, d));
    }
    !(ip.is_unspecified()
        || ip.is_loopback()
        || ip.is_multicast()
        || (segments[0] & 0xfe00) == 0xfc00 // unique local
        || (segments[0] & 0xffc0) == 0xfe80 // link-local
        || (segments[0] == 0x2001 && segments[1] == 0x0db8) // documentation
        || segments[..4] == [0x100, 0, 0, 0] // discard
        || segments[..6] == [0, 0, 0, 0, 0, 0]) // IPv4-compatible, deprecated
}

/// Whether `host` is one of `allowed`: the name itself, or a subdomain of a
/// `*.example.org` entry. Case does not matter.
pub(crate) fn is_listed(host: &str, allowed: &[String]) -> bool {
    let host = host.trim_end_matches('.').to_ascii_lowercase();
    allowed.iter().any(|entry| {
        let entry = entry.trim_end_matches('.').to_ascii_lowercase();
        match entry.strip_prefix("*.") {
            Some(parent) => host.ends_with(&format!(".{parent}")),
            None => host == entry.trim_start_matches('[').trim_end_matches(']'),
        }
    })
}

/// Wraps a resolver: a host not in `allowed` must resolve to public
/// addresses only, or the request fails with `PermissionDenied`.
#[derive(Debug)]
pub(super) struct PublicOnly<R> {
    pub(super) inner: R,
    pub(super) allowed: Vec<String>,
}

impl<R: Resolver> Resolver for PublicOnly<R> {
    fn resolve(
        &self,
        uri: &ureq::http::Uri,
        config: &ureq::config::Config,
        timeout: ureq::unversioned::transport::NextTimeout,
    ) -> Result<ResolvedSocketAddrs, ureq::Error> {
        let addresses = self.inner.resolve(uri, config, timeout)?;
        let host = uri.host().unwrap_or_default();
        let host = host.trim_start_matches('[').trim_end_matches(']');
        if is_listed(host, &self.allowed) {
            return Ok(addresses);
        }
        if let Some(address) = addresses.iter().find(|a| !is_public(a.ip())) {
            return Err(ureq::Error::Io(std::io::Error::new(
                std::io::ErrorKind::PermissionDenied,
                format!("{host} resolves to {}, not a public address", address.ip()),
            )));
        }
        Ok(addresses)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_is_public() {
        for private in [
            "127.0.0.1",
            "10.0.0.1",
            "172.16.5.4",
            "192.168.1.1",
            "169.254.169.254",
            "100.64.0.1",
            "0.0.0.0",
            "224.0.0.1",
            "255.255.255.255",
            "192.0.2.10",
            "198.18.0.1",
            "::1",
            "::",
            "fe80::1",
            "fd00::1",
            "::ffff:127.0.0.1",
            "::ffff:10.1.2.3",
            "64:ff9b::a9fe:a9fe",
            "2001:db8::1",
            "ff02::1",
            "::127.0.0.1",
        ] {
            assert!(!is_public(private.parse().unwrap()), "{private}");
        }
        for public in [
            "142.250.74.36",
            "63.245.208.195",
            "2a00:1450:4007:80e::200a",
            "::ffff:8.8.8.8",
        ] {
            assert!(is_public(public.parse().unwrap()), "{public}");
        }
    }

    #[test]
    fn listed_hosts_and_wildcards() {
        let allowed = vec![
            "*.googleapis.com".to_string(),
            "127.0.0.1".to_string(),
            "[::1]".to_string(),
        ];
        assert!(is_listed("fcm.googleapis.com", &allowed));
        assert!(is_listed("FCM.GoogleAPIs.com.", &allowed));
        assert!(!is_listed("googleapis.com.evil.org", &allowed));
        assert!(!is_listed("evilgoogleapis.com", &allowed));
        assert!(is_listed("127.0.0.1", &allowed));
        assert!(is_listed("::1", &allowed));
        assert!(!is_listed("127.0.0.2", &allowed));
    }
}
