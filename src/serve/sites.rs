//! Which site a request is for. One site (`publik serve`, or
//! `publik --tenant D serve`), or every tenant of the installation
//! (`publik --all-tenants serve`): the request's `Host`, as the reverse
//! proxy passes it, picks the tenant whose `serve.public_url` has that host.
//! A tenant added while the server runs is found on the first request for
//! its host (the tenants directory is read again, at most once a second).

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crate::config::Config;
use crate::store::Store;

/// A site's settings, where its link key is, and its state's one
/// connection.
pub(crate) struct Site {
    pub(crate) config: Config,
    pub(crate) link_key: PathBuf,
    pub(crate) store: Mutex<Store>,
}

pub(crate) enum Sites {
    One(Arc<Site>),
    Tenants(Tenants),
}

/// Every tenant, opened on first use.
pub(crate) struct Tenants {
    shared: Option<PathBuf>,
    dir: PathBuf,
    known: Mutex<Known>,
}

#[derive(Default)]
struct Known {
    /// Sites by host, as opened.
    by_host: HashMap<String, Arc<Site>>,
    /// Domains already looked at (opened, or failed: said once).
    seen: Vec<String>,
    last_scan: Option<Instant>,
}

/// How often an unknown host may make the server read the directory again.
const RESCAN_EVERY: Duration = Duration::from_secs(1);

impl Sites {
    pub(crate) fn one(config: Config, site: crate::site::Site, store: Store) -> Sites {
        Sites::One(Arc::new(Site {
            config,
            link_key: site.link_key,
            store: Mutex::new(store),
        }))
    }

    /// Every tenant in `dir`, each config laid over the `shared` file's.
    pub(crate) fn tenants(shared: Option<PathBuf>, dir: PathBuf) -> Sites {
        let tenants = Tenants {
            shared,
            dir,
            known: Mutex::new(Known::default()),
        };
        tenants.scan();
        Sites::Tenants(tenants)
    }

    /// The site for a request's `Host` header; None: no such site here.
    pub(crate) fn for_host(&self, host: Option<&str>) -> Option<Arc<Site>> {
        match self {
            Sites::One(site) => Some(site.clone()),
            Sites::Tenants(tenants) => tenants.for_host(&hostname(host?)),
        }
    }
}

/// `Host: Demarches.Example.org:443` → `demarches.example.org`.
fn hostname(host: &str) -> String {
    let host = host.trim();
    let host = match host.rsplit_once(':') {
        Some((name, port)) if port.bytes().all(|b| b.is_ascii_digit()) && !name.ends_with(']') => name,
        _ => host,
    };
    host.trim_end_matches('.').to_ascii_lowercase()
}

/// The host of a public URL, `https://demarches.example.org/…`.
fn url_host(url: &str) -> String {
    let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
    hostname(rest.split(['/', '?', '#']).next().unwrap_or_default())
}

impl Tenants {
    fn for_host(&self, host: &str) -> Option<Arc<Site>> {
        if let Some(site) = self.lock().by_host.get(host) {
            return Some(site.clone());
        }
        let due = self
            .lock()
            .last_scan
            .is_none_or(|at| at.elapsed() >= RESCAN_EVERY);
        if due {
            self.scan();
        }
        self.lock().by_host.get(host).cloned()
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Known> {
        self.known.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Opens the tenants not seen yet.
    fn scan(&self) {
        self.lock().last_scan = Some(Instant::now());
        let domains = match crate::ops::tenant::list(&self.dir) {
            Ok(domains) => domains,
            Err(e) => {
                log::error!("{e:#}");
                return;
            }
        };
        for domain in domains {
            if self.lock().seen.contains(&domain) {
                continue;
            }
            self.lock().seen.push(domain.clone());
            match self.open(&domain) {
                Ok(site) => {
                    let host = url_host(&site.config.serve.public_url);
                    log::info!("{domain}: serving {host}");
                    match self.lock().by_host.entry(host) {
                        std::collections::hash_map::Entry::Occupied(taken) => log::error!(
                            "{domain}: {} is already another tenant's serve.public_url; not served",
                            taken.key()
                        ),
                        std::collections::hash_map::Entry::Vacant(free) => {
                            free.insert(Arc::new(site));
                        }
                    }
                }
                Err(e) => log::error!("{domain}: not served: {e:#}"),
            }
        }
    }

    fn open(&self, domain: &str) -> anyhow::Result<Site> {
        let dir = self.dir.join(domain);
        let config = Config::load_tenant(self.shared.as_deref(), &dir)?;
        let site = crate::site::Site::of_tenant(&config, &dir)?;
        let store = Store::open_at(&site.state)?;
        Ok(Site {
            config,
            link_key: site.link_key,
            store: Mutex::new(store),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hosts_compare_without_port_or_case() {
        assert_eq!(hostname("Demarches.Example.org:8443"), "demarches.example.org");
        assert_eq!(hostname("example.org."), "example.org");
        assert_eq!(
            url_host("https://demarches.example.org/publik/"),
            "demarches.example.org"
        );
        assert_eq!(url_host("http://127.0.0.1:8080"), "127.0.0.1");
    }
}
