//! Which site a request is for. One site (`publik serve`, or
//! `publik --tenant D serve`), or every tenant of the installation
//! (`publik --all-tenants serve`): the request's `Host`, as the reverse
//! proxy passes it, picks the tenant whose `serve.public_url` has that host
//! (its domain while that is the default). The tenants directory and each
//! site's publik.yaml are looked at again at most once a second: a site
//! added, removed or whose config changed is served as it now is, without a
//! restart. A site claiming another's host or link key is refused, loudly
//! (`ops::tenant::claims`), and so is one others than publik may change
//! (`ops::tenant::trust`), looked at again every scan.

use std::collections::{HashMap, HashSet};
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant, SystemTime};

use crate::config::{Config, TENANT_CONFIG};
use crate::ops::tenant::{Claim, hostname, trust};
use crate::store::Store;

/// A site's settings, where its link key is, and its state's one
/// connection.
pub(crate) struct Site {
    pub(crate) config: Config,
    pub(crate) link_key: PathBuf,
    pub(crate) store: SiteStore,
}

/// A site's state connection, opened again when it was lost (a PostgreSQL
/// server restarted drops every connection).
pub(crate) struct SiteStore {
    state: crate::store::StateLocation,
    /// The connection and when it last served.
    store: Mutex<Option<(Store, Instant)>>,
}

/// A connection idle longer than this is pinged before a request (a
/// server restarted meanwhile is found before a page fails on it); a busy
/// one is not, and a request that fails on a lost one gets 503 and the
/// next a new connection.
const PING_AFTER_IDLE: Duration = Duration::from_secs(1);
/// How long the ping may take: a stalled server is found before a page
/// waits on it.
const PING_TIMEOUT: Duration = Duration::from_secs(2);

impl SiteStore {
    pub(crate) fn new(state: crate::store::StateLocation, store: Store) -> SiteStore {
        SiteStore {
            state,
            store: Mutex::new(Some((store, Instant::now()))),
        }
    }

    /// Runs `f` on the connection, pinged first after a while idle and
    /// opened again if it was lost; Err when the database cannot be reached
    /// now.
    pub(crate) fn with<T>(&self, f: impl FnOnce(&mut Store) -> T) -> anyhow::Result<T> {
        let mut slot = self.store.lock().unwrap_or_else(|p| p.into_inner());
        let usable = slot
            .as_ref()
            .is_some_and(|(store, used)| used.elapsed() < PING_AFTER_IDLE || store.is_usable(PING_TIMEOUT));
        if !usable {
            *slot = None;
            *slot = Some((Store::open_at(&self.state)?, Instant::now()));
            log::info!("state {}: connected", self.state.shown().display());
        }
        match slot.as_mut() {
            Some((store, used)) => {
                *used = Instant::now();
                Ok(f(store))
            }
            None => Err(anyhow::anyhow!(
                "state {}: no connection",
                self.state.shown().display()
            )),
        }
    }

    /// The connection failed: the next request opens a new one.
    pub(crate) fn forget(&self) {
        *self.store.lock().unwrap_or_else(|p| p.into_inner()) = None;
    }
}

pub(crate) enum Sites {
    One(Arc<Site>),
    Tenants(Box<Tenants>),
}

/// Every tenant, opened on first use.
pub(crate) struct Tenants {
    shared: Option<PathBuf>,
    dir: PathBuf,
    known: Mutex<Known>,
}

/// A site's publik.yaml as last read: when it was changed and its size.
type Stamp = Option<(SystemTime, u64)>;

struct Opened {
    stamp: Stamp,
    site: Arc<Site>,
    claim: Claim,
    /// What it is believed by (`trust::site_files`), looked at every scan.
    files: Vec<PathBuf>,
}

#[derive(Default)]
struct Known {
    /// Sites opened, by domain.
    opened: HashMap<String, Opened>,
    /// Sites that failed to open, with the file they failed on (said once).
    failed: HashMap<String, Stamp>,
    /// Sites by the host they are served for.
    by_host: HashMap<String, Arc<Site>>,
    /// Refusals already said.
    said: HashSet<String>,
    last_scan: Option<Instant>,
}

/// How often requests may make the server look at the sites again.
const RESCAN_EVERY: Duration = Duration::from_secs(1);

impl Sites {
    pub(crate) fn one(config: Config, site: crate::site::Site, store: Store) -> Sites {
        Sites::One(Arc::new(Site {
            config,
            link_key: site.link_key,
            store: SiteStore::new(site.state, store),
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
        Sites::Tenants(Box::new(tenants))
    }

    /// The site for a request's `Host` header; None: no such site here.
    pub(crate) fn for_host(&self, host: Option<&str>) -> Option<Arc<Site>> {
        match self {
            Sites::One(site) => Some(site.clone()),
            Sites::Tenants(tenants) => tenants.for_host(&hostname(host?)),
        }
    }
}

impl Tenants {
    fn for_host(&self, host: &str) -> Option<Arc<Site>> {
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

    /// Opens the sites new or changed since the last look, forgets those
    /// gone, and settles who is served for which host.
    fn scan(&self) {
        let mut known = self.lock();
        known.last_scan = Some(Instant::now());
        let domains = match crate::ops::tenant::list(&self.dir) {
            Ok(domains) => domains,
            Err(e) => {
                log::error!("{e:#}");
                return;
            }
        };
        known.opened.retain(|domain, _| domains.contains(domain));
        known.failed.retain(|domain, _| domains.contains(domain));
        // A tenants directory or a main config others may change: no site
        // is believed (each is looked at again once it is fixed).
        let everyone = std::iter::once(self.dir.clone()).chain(self.shared.clone());
        if let Err(e) = trust::refuse_any_untrusted(&everyone.collect::<Vec<_>>()) {
            known.say(format!("{e:#}; no site served"));
            known.opened.clear();
            known.failed.clear();
            known.by_host.clear();
            return;
        }
        for domain in &domains {
            // A site is believed while nobody else may change it: looked at
            // every scan, since a chmod changes no stamp.
            let files = known.opened.get(domain).map_or_else(
                || vec![self.dir.join(domain).join(TENANT_CONFIG)],
                |o| o.files.clone(),
            );
            if let Err(e) = trust::refuse_any_untrusted(&files) {
                known.say(format!("{domain}: not served: {e:#}"));
                known.opened.remove(domain);
                known.failed.remove(domain);
                continue;
            }
            let stamp = stamp(&self.dir.join(domain).join(TENANT_CONFIG));
            let unchanged = known.opened.get(domain).map(|o| &o.stamp) == Some(&stamp)
                || known.failed.get(domain) == Some(&stamp);
            if unchanged {
                continue;
            }
            known.opened.remove(domain);
            match self.open(domain) {
                Ok((site, claim, files)) => {
                    log::info!("{domain}: serving {}", claim.host);
                    known.failed.remove(domain);
                    known.opened.insert(
                        domain.clone(),
                        Opened {
                            stamp,
                            site: Arc::new(site),
                            claim,
                            files,
                        },
                    );
                }
                // Tried again next scan (a chmod changes no stamp), said once.
                Err(e) if e.downcast_ref::<trust::Untrusted>().is_some() => {
                    known.say(format!("{domain}: not served: {e:#}"));
                }
                Err(e) => {
                    log::error!("{domain}: not served: {e:#}");
                    known.failed.insert(domain.clone(), stamp);
                }
            }
        }
        let claims: Vec<Claim> = known.opened.values().map(|o| o.claim.clone()).collect();
        let refused = crate::ops::tenant::conflicts(&claims);
        for conflict in &refused {
            known.say(format!("{conflict}; not served"));
        }
        let by_host = known
            .opened
            .iter()
            .filter(|(domain, _)| !refused.iter().any(|c| &c.domain == *domain))
            .map(|(_, o)| (o.claim.host.clone(), o.site.clone()))
            .collect();
        known.by_host = by_host;
    }

    fn open(&self, domain: &str) -> anyhow::Result<(Site, Claim, Vec<PathBuf>)> {
        let (config, site) = crate::ops::tenant::load(self.shared.as_deref(), &self.dir, domain)?;
        let dir = self.dir.join(domain);
        let files = trust::site_files(&dir, &config, &site);
        trust::refuse_any_untrusted(&files)?;
        let claim = Claim::of(domain, &dir, &config, &site);
        let store = Store::open_at(&site.state)?;
        store.belongs_to(domain, true)?;
        Ok((
            Site {
                config,
                link_key: site.link_key,
                store: SiteStore::new(site.state, store),
            },
            claim,
            files,
        ))
    }
}

impl Known {
    /// An error said once for as long as the server runs.
    fn say(&mut self, error: String) {
        if !self.said.contains(&error) {
            log::error!("{error}");
            self.said.insert(error);
        }
    }
}

fn stamp(file: &std::path::Path) -> Stamp {
    let metadata = std::fs::metadata(file).ok()?;
    Some((metadata.modified().ok()?, metadata.len()))
}
