//! What each site of an installation claims that no other may have: the
//! host `serve` answers for it, and its files (its `publik.yaml`, its state,
//! its link key: a token minted with one site's key must mean nothing on
//! another, and one site's commands must not land in another's queue). Files
//! are told apart by what they are (device and inode, else the resolved
//! path), not by how they are written: a hard link (`cp -al`) or a symbolic
//! link is the same file. Two sites claiming one is an error for `tenant
//! check` and `tenant add`, and `serve`, `--all-tenants` and `--tenant`
//! refuse the later claimant: the site named after the host first, then the
//! older site (its directory's creation), then the name, so that sorting
//! first wins nothing.

use std::collections::HashMap;
use std::os::unix::fs::MetadataExt;
use std::path::Path;
use std::time::SystemTime;

use serde::Serialize;

use crate::config::Config;

/// One site's claims.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Claim {
    pub domain: String,
    /// The host of its `serve.public_url`; its domain while that is the
    /// built-in default.
    pub host: String,
    /// The files (and database) only this site may use.
    pub files: Vec<ClaimedFile>,
    /// When its directory was made (the older site keeps what both claim).
    pub since: SystemTime,
}

/// A file a site uses: the setting naming it, as the site names it, and
/// what it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ClaimedFile {
    pub field: &'static str,
    pub shown: String,
    pub identity: String,
}

impl ClaimedFile {
    pub(crate) fn of(field: &'static str, path: &Path) -> ClaimedFile {
        ClaimedFile {
            field,
            shown: path.display().to_string(),
            identity: identity(path),
        }
    }
}

/// What a file is: its device and inode while it exists, else where it
/// would be made, its directory resolved.
fn identity(path: &Path) -> String {
    if let Ok(metadata) = std::fs::metadata(path) {
        return format!("inode {}:{}", metadata.dev(), metadata.ino());
    }
    let resolved = match (path.parent(), path.file_name()) {
        (Some(dir), Some(name)) => std::fs::canonicalize(if dir.as_os_str().is_empty() {
            Path::new(".")
        } else {
            dir
        })
        .map(|dir| dir.join(name)),
        _ => std::fs::canonicalize(path),
    };
    resolved
        .unwrap_or_else(|_| path.to_path_buf())
        .display()
        .to_string()
}

/// A claim refused: `domain`'s `field` names what `owner` has.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub(crate) struct Conflict {
    pub domain: String,
    pub field: &'static str,
    pub value: String,
    pub owner: String,
    /// How the owner names it, when not as `value` (a hard link, a
    /// symbolic link).
    pub owner_value: String,
}

impl Conflict {
    /// The refusal without the site's name (said where the site is named).
    pub(crate) fn refusal(&self) -> String {
        match self.owner_value == self.value {
            true => format!(
                "{}: \"{}\" is already {}'s; refused",
                self.field, self.value, self.owner
            ),
            false => format!(
                "{}: \"{}\" is the same file as {}'s \"{}\"; refused (give each site its own: \
                 cp, not cp -l or ln)",
                self.field, self.value, self.owner, self.owner_value
            ),
        }
    }

    /// A file's conflict, not a host's.
    pub(crate) fn is_file(&self) -> bool {
        self.field != "serve.public_url"
    }
}

impl std::fmt::Display for Conflict {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.domain, self.refusal())
    }
}

impl Claim {
    /// `domain`'s claims from its merged config; `dir` is its directory.
    pub(crate) fn of(domain: &str, dir: &Path, config: &Config, site: &crate::site::Site) -> Claim {
        let default_url = crate::config::ServeConfig::default().public_url;
        let host = match config.serve.public_url == default_url {
            true => domain.to_string(),
            false => url_host(&config.serve.public_url),
        };
        let since = std::fs::metadata(dir)
            .and_then(|m| m.created().or_else(|_| m.modified()))
            .unwrap_or(SystemTime::UNIX_EPOCH);
        Claim {
            domain: domain.to_string(),
            host,
            files: claimed_files(dir, site),
            since,
        }
    }
}

/// The files only the site of `dir` may use: its config, its state (a
/// file, or a database by server and name) and its link key.
pub(crate) fn claimed_files(dir: &Path, site: &crate::site::Site) -> Vec<ClaimedFile> {
    let state = match &site.state {
        crate::store::StateLocation::Sqlite(file) => ClaimedFile::of("state", file),
        crate::store::StateLocation::Postgres { url, .. } => ClaimedFile {
            field: "state",
            identity: database(url),
            shown: site.state.shown().display().to_string(),
        },
    };
    vec![
        state,
        ClaimedFile::of("serve.link_key_file", &site.link_key),
        ClaimedFile::of("publik.yaml", &dir.join(crate::config::TENANT_CONFIG)),
    ]
}

/// A database by the server it is on and its name, whoever logs in and
/// however the URL spells them: read as the client reads it (`host=` and
/// `port=` in the query, the default port), an address however written
/// (IPv4 first: `localhost` is 127.0.0.1, as is `127.000.000.001` or
/// `::ffff:127.0.0.1`), other host names as written.
fn database(url: &str) -> String {
    use std::net::ToSocketAddrs;
    let Ok(config) = url.parse::<postgres::Config>() else {
        // Refused when opened; named as written meanwhile.
        return format!("database {}", url.to_ascii_lowercase());
    };
    let ports = config.get_ports();
    let server = config
        .get_hosts()
        .iter()
        .enumerate()
        .map(|(index, host)| {
            let port = ports.get(index).or(ports.first()).copied().unwrap_or(5432);
            match host {
                postgres::config::Host::Tcp(name) => {
                    // Only what this host answers alone (an address, however
                    // written, or `localhost`): every cron run reads the
                    // claims, and a name server must not slow or stall it. A
                    // state says whose it is anyway (`store/site_owner.rs`).
                    let local = name.eq_ignore_ascii_case("localhost")
                        || name.bytes().all(|b| b.is_ascii_digit() || b == b'.')
                        || name.contains(':');
                    let mut addresses: Vec<std::net::IpAddr> = if local {
                        (name.as_str(), port)
                            .to_socket_addrs()
                            .map(|found| found.map(|a| a.ip().to_canonical()).collect())
                            .unwrap_or_default()
                    } else {
                        Vec::new()
                    };
                    addresses.sort_by_key(|ip| (ip.is_ipv6(), *ip));
                    match addresses.first() {
                        Some(ip) => format!("{ip}:{port}"),
                        None => format!("{}:{port}", name.to_ascii_lowercase()),
                    }
                }
                postgres::config::Host::Unix(dir) => format!("{}:{port}", dir.display()),
            }
        })
        .collect::<Vec<_>>()
        .join(",");
    let name = config.get_dbname().or(config.get_user()).unwrap_or_default();
    format!("database {name} on {server}")
}

/// Every claim that loses to another's, in the order of `claims`.
pub(crate) fn conflicts(claims: &[Claim]) -> Vec<Conflict> {
    let mut found = Vec::new();
    let hosts = owners(claims.iter().map(|c| (c.host.clone(), c, c.host.clone())), |c| {
        c.domain != c.host
    });
    let files = owners(
        claims.iter().flat_map(|c| {
            c.files
                .iter()
                .map(move |f| (f.identity.clone(), c, f.shown.clone()))
        }),
        |_| true,
    );
    for claim in claims {
        let (owner, _) = &hosts[&claim.host];
        if *owner != claim.domain {
            found.push(Conflict {
                domain: claim.domain.clone(),
                field: "serve.public_url",
                value: claim.host.clone(),
                owner: owner.clone(),
                owner_value: claim.host.clone(),
            });
        }
        for file in &claim.files {
            let (owner, owner_value) = &files[&file.identity];
            if *owner != claim.domain {
                found.push(Conflict {
                    domain: claim.domain.clone(),
                    field: file.field,
                    value: file.shown.clone(),
                    owner: owner.clone(),
                    owner_value: owner_value.clone(),
                });
            }
        }
    }
    found
}

/// The owner of each value, and how it names it: the first claimant by
/// (`named_elsewhere` false first, age, name).
fn owners<'a>(
    claimed: impl Iterator<Item = (String, &'a Claim, String)>,
    named_elsewhere: impl Fn(&Claim) -> bool,
) -> HashMap<String, (String, String)> {
    let mut owners: HashMap<String, (&Claim, String)> = HashMap::new();
    let rank = |c: &Claim| (named_elsewhere(c), c.since, c.domain.clone());
    for (value, claim, shown) in claimed {
        owners
            .entry(value)
            .and_modify(|(owner, owner_shown)| {
                if rank(claim) < rank(owner) {
                    *owner = claim;
                    *owner_shown = shown.clone();
                }
            })
            .or_insert((claim, shown));
    }
    owners
        .into_iter()
        .map(|(value, (c, shown))| (value, (c.domain.clone(), shown)))
        .collect()
}

/// `Host: Demarches.Example.org:443` → `demarches.example.org`.
pub(crate) fn hostname(host: &str) -> String {
    let host = host.trim();
    let host = match host.rsplit_once(':') {
        Some((name, port)) if port.bytes().all(|b| b.is_ascii_digit()) && !name.ends_with(']') => name,
        _ => host,
    };
    host.trim_end_matches('.').to_ascii_lowercase()
}

/// The host of a public URL, `https://demarches.example.org/…`.
pub(crate) fn url_host(url: &str) -> String {
    let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
    let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
    hostname(authority.rsplit_once('@').map_or(authority, |(_, host)| host))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_database_is_one_however_its_url_is_spelled() {
        let one = database("postgresql://postgres@127.0.0.1:55432/shared");
        for other in [
            "postgresql://bob:secret@localhost:55432/shared",
            "postgresql:///shared?host=127.0.0.1&port=55432&user=postgres",
            "postgres://postgres@[::ffff:127.0.0.1]:55432/shared",
            "postgresql://postgres@127.000.000.001:55432/shared?sslmode=disable",
        ] {
            assert_eq!(database(other), one, "{other}");
        }
        assert_ne!(database("postgresql://postgres@127.0.0.1:55433/shared"), one);
        assert_ne!(database("postgresql://postgres@127.0.0.1:55432/other"), one);
    }

    fn claim(domain: &str, host: &str, key: &str, since: u64) -> Claim {
        Claim {
            domain: domain.into(),
            host: host.into(),
            files: vec![key_file(key)],
            since: SystemTime::UNIX_EPOCH + std::time::Duration::from_secs(since),
        }
    }

    pub(super) fn key_file(key: &str) -> ClaimedFile {
        ClaimedFile {
            field: "serve.link_key_file",
            shown: key.into(),
            identity: key.into(),
        }
    }

    #[test]
    fn hosts_compare_without_port_or_case() {
        assert_eq!(hostname("Demarches.Example.org:8443"), "demarches.example.org");
        assert_eq!(hostname("example.org."), "example.org");
        assert_eq!(
            url_host("https://demarches.example.org/publik/"),
            "demarches.example.org"
        );
        assert_eq!(url_host("http://127.0.0.1:8080"), "127.0.0.1");
        assert_eq!(url_host("https://evil@b.example.org/"), "b.example.org");
    }

    #[test]
    fn the_site_named_after_a_host_keeps_it_whatever_the_order() {
        // a-evil sorts first and is older, yet claims b's host by its public_url.
        let claims = [
            claim("a-evil.example.org", "b.example.org", "/a.key", 1),
            claim("b.example.org", "b.example.org", "/b.key", 2),
        ];
        let found = conflicts(&claims);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].domain, "a-evil.example.org");
        assert_eq!(found[0].owner, "b.example.org");
        assert_eq!(found[0].field, "serve.public_url");
    }

    #[test]
    fn between_two_strangers_the_older_keeps_the_host_and_a_shared_key_is_the_olders() {
        let claims = [
            claim("x.example.org", "www.example.org", "/shared.key", 5),
            claim("y.example.org", "www.example.org", "/shared.key", 3),
        ];
        let found = conflicts(&claims);
        assert_eq!(found.len(), 2, "{found:?}");
        assert!(
            found
                .iter()
                .all(|c| c.domain == "x.example.org" && c.owner == "y.example.org")
        );
        assert_eq!(
            found[1].to_string(),
            "x.example.org: serve.link_key_file: \"/shared.key\" is already y.example.org's; refused"
        );
    }
}

#[cfg(test)]
mod properties {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(crate::testing::config())]

        /// Whatever the sites and their claims: each host and each key has
        /// exactly one site keeping it, a site named after a host keeps it,
        /// and the result does not depend on the order sites are listed.
        #[test]
        fn every_host_has_one_owner_and_order_does_not_matter(
            sites in proptest::collection::vec((0u8..4, 0u8..4, 0u8..3, 0u64..3), 1..8),
        ) {
            let names = ["a.example.org", "b.example.org", "c.example.org", "d.example.org"];
            let mut claims: Vec<Claim> = Vec::new();
            for (i, (name, host, key, since)) in sites.iter().enumerate() {
                let domain = format!("{i}{}", names[*name as usize]);
                let host = if *host == 0 { domain.clone() } else { names[*host as usize].to_string() };
                claims.push(Claim {
                    domain,
                    host,
                    files: vec![super::tests::key_file(&format!("/k{key}"))],
                    since: SystemTime::UNIX_EPOCH + std::time::Duration::from_secs(*since),
                });
            }
            let found = conflicts(&claims);
            let refused = |domain: &str, field: &str| found.iter().any(|c| c.domain == domain && c.field == field);
            for host in claims.iter().map(|c| &c.host) {
                let keepers = claims.iter().filter(|c| &c.host == host && !refused(&c.domain, "serve.public_url")).count();
                prop_assert_eq!(keepers, 1);
                if let Some(named) = claims.iter().find(|c| &c.domain == host) {
                    prop_assert!(!refused(&named.domain, "serve.public_url"));
                }
            }
            for key in claims.iter().map(|c| &c.files) {
                let keepers = claims.iter().filter(|c| &c.files == key && !refused(&c.domain, "serve.link_key_file")).count();
                prop_assert_eq!(keepers, 1);
            }
            let mut reversed = claims.clone();
            reversed.reverse();
            let mut again = conflicts(&reversed);
            let mut found = found.clone();
            found.sort_by(|a, b| (&a.domain, a.field).cmp(&(&b.domain, b.field)));
            again.sort_by(|a, b| (&a.domain, a.field).cmp(&(&b.domain, b.field)));
            prop_assert_eq!(found, again);
        }
    }
}
