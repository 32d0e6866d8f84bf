//! Many sites on one installation: a tenants directory with one directory
//! per site, named by its domain, holding its own `publik.yaml` (overriding
//! the shared config key by key) and its own state and link key.

mod claims;
pub(crate) mod trust;

pub(crate) use claims::{Claim, Conflict, conflicts, hostname};

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::Context;
use serde::Serialize;

use crate::config::{Config, DEFAULT_TENANTS_DIR, TENANT_CONFIG};
use crate::exit_codes::bad_field;
use crate::store::{StateLocation, Store};

/// What `tenant add` writes: the few keys a site usually sets itself.
const TENANT_TEMPLATE: &str = "\
# This site's settings. Every key of the shared config can be set here and
# overrides it key by key (see `publik config check` with --tenant); relative
# paths are relative to this directory. The state is ./publik.sqlite3 beside
# this file, or the PostgreSQL database `state:` names; never another site's.
#
#email:
#  from: \"Mairie <noreply@DOMAIN>\"
#serve:
#  public_url: https://DOMAIN
";

/// The tenants directory: `$PUBLIK_TENANTS_DIR`, else the shared config's
/// `tenants_dir`, else /var/lib/publik/tenants.
pub(crate) fn tenants_dir(shared: &Config) -> PathBuf {
    if let Some(dir) = std::env::var_os("PUBLIK_TENANTS_DIR").filter(|d| !d.is_empty()) {
        return PathBuf::from(dir);
    }
    match &shared.tenants_dir {
        Some(dir) => shared.resolve_path(dir),
        None => PathBuf::from(DEFAULT_TENANTS_DIR),
    }
}

/// A site's name is its domain: lowercase letters, digits, dots and dashes.
pub(crate) fn check_domain(domain: &str) -> anyhow::Result<()> {
    let valid = !domain.is_empty()
        && domain.len() <= 253
        && domain.split('.').all(|label| {
            !label.is_empty()
                && !label.starts_with('-')
                && label
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        });
    if valid {
        Ok(())
    } else {
        Err(bad_field(
            "tenant",
            format!("\"{domain}\" is not a domain name (lowercase, e.g. demarches.example.org)"),
        ))
    }
}

/// The directory of `domain`, which must exist.
pub(crate) fn dir_of(tenants_dir: &Path, domain: &str) -> anyhow::Result<PathBuf> {
    check_domain(domain)?;
    let dir = tenants_dir.join(domain);
    if !dir.is_dir() {
        return Err(bad_field(
            "tenant",
            format!(
                "no tenant \"{domain}\" in {} (see `publik tenant list`)",
                tenants_dir.display()
            ),
        ));
    }
    refuse_borrowed_directory(tenants_dir, domain)?;
    Ok(dir)
}

/// The sites, sorted: the directories named like a domain.
pub(crate) fn list(tenants_dir: &Path) -> anyhow::Result<Vec<String>> {
    let entries = match std::fs::read_dir(tenants_dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(e).with_context(|| format!("cannot read {}", tenants_dir.display())),
    };
    let mut domains = Vec::new();
    for entry in entries {
        let entry = entry.with_context(|| format!("cannot read {}", tenants_dir.display()))?;
        let Some(name) = entry.file_name().to_str().map(str::to_string) else {
            continue;
        };
        if entry.path().is_dir() && check_domain(&name).is_ok() {
            domains.push(name);
        }
    }
    domains.sort();
    Ok(domains)
}

/// A site as every command sees it: the main config merged with its own,
/// and where its state and link key are.
pub(crate) fn load(
    shared: Option<&Path>,
    tenants_dir: &Path,
    domain: &str,
) -> anyhow::Result<(Config, crate::site::Site)> {
    let dir = tenants_dir.join(domain);
    refuse_borrowed_directory(tenants_dir, domain)?;
    let config = Config::load_tenant(shared, &dir)?;
    let site = crate::site::Site::of_tenant(&config, &dir)?;
    Ok((config, site))
}

/// A site's directory is its own: not a symbolic link to another's (`ln -s
/// a.example.org e.example.org` would give `--tenant e` a's state while each
/// of its files lies inside "its" directory), nor a mount point (a bind
/// mount of another's), which the tenants directory's entry tells: its
/// inode is the covered directory's, not the mounted one's.
fn refuse_borrowed_directory(tenants_dir: &Path, domain: &str) -> anyhow::Result<()> {
    use std::os::unix::fs::{DirEntryExt, MetadataExt};
    let dir = tenants_dir.join(domain);
    let Ok(metadata) = std::fs::symlink_metadata(&dir) else {
        return Ok(());
    };
    let borrowed = |what: &str| {
        Err(crate::exit_codes::bad_input(format!(
            "{} is {what}: a site's directory must be its own (copy a site with `cp -a`); refused",
            dir.display()
        )))
    };
    if metadata.file_type().is_symlink() {
        return borrowed("a symbolic link");
    }
    let entry = std::fs::read_dir(tenants_dir)
        .ok()
        .and_then(|entries| entries.flatten().find(|e| e.file_name() == domain));
    if entry.is_some_and(|entry| entry.ino() != metadata.ino()) {
        return borrowed("a mount point");
    }
    Ok(())
}

/// Sites that did not load, with why.
pub(crate) type LoadFailures = Vec<(String, anyhow::Error)>;

/// The claims of every site that loads, and the sites that do not with why.
pub(crate) fn claims(
    shared: Option<&Path>,
    tenants_dir: &Path,
) -> anyhow::Result<(Vec<Claim>, LoadFailures)> {
    let mut claims = Vec::new();
    let mut failed = Vec::new();
    for domain in list(tenants_dir)? {
        // Nothing of a site is read before its file is believed: another
        // user's (a FIFO, say) could stall every site's run.
        let own = tenants_dir.join(&domain).join(crate::config::TENANT_CONFIG);
        match trust::refuse_untrusted(&own).and_then(|()| load(shared, tenants_dir, &domain)) {
            Ok((config, site)) => claims.push(Claim::of(&domain, &tenants_dir.join(&domain), &config, &site)),
            Err(e) => failed.push((domain, e)),
        }
    }
    Ok((claims, failed))
}

/// `--tenant DOMAIN`: refuses the site if a file of its is another site's
/// (the older keeps it). The other sites are read only when one of its
/// files has other names (hard links) or lies outside its directory:
/// otherwise no other site can name it (`Config::load_tenant` confines
/// what a site's own file names).
pub(crate) fn refuse_shared(
    shared: Option<&Path>,
    tenants_dir: &Path,
    domain: &str,
    site: &crate::site::Site,
) -> anyhow::Result<()> {
    use std::os::unix::fs::MetadataExt;
    let dir = tenants_dir.join(domain);
    let mut paths = vec![dir.join(crate::config::TENANT_CONFIG), site.link_key.clone()];
    paths.extend(site.state.file().map(Path::to_path_buf));
    // A database is no file of the site's directory: any site may name it.
    let reachable = site.state.is_server()
        || paths.iter().any(|path| {
            std::fs::metadata(path).is_ok_and(|m| m.nlink() > 1) || !crate::config::lies_inside(&dir, path)
        });
    if !reachable {
        return Ok(());
    }
    let (claims, _) = claims(shared, tenants_dir)?;
    match conflicts(&claims)
        .into_iter()
        .find(|c| c.domain == domain && c.is_file())
    {
        Some(conflict) => Err(crate::exit_codes::bad_input(conflict.refusal())),
        None => Ok(()),
    }
}

/// `tenant check`: one line per site; a site whose config does not load,
/// that claims another's host or file, or that others may change, is an
/// error.
#[derive(Debug, Serialize)]
pub(crate) struct TenantCheck {
    pub domain: String,
    pub ok: bool,
    pub error: Option<String>,
}

/// Checks every site; the first error for the exit code.
pub(crate) fn check(
    shared: Option<&Path>,
    tenants_dir: &Path,
) -> anyhow::Result<(Vec<TenantCheck>, Option<anyhow::Error>)> {
    let (claims, failed) = claims(shared, tenants_dir)?;
    let refused = conflicts(&claims);
    let mut failed: std::collections::HashMap<String, anyhow::Error> = failed.into_iter().collect();
    let mut checks = Vec::new();
    let mut first_error = None;
    for domain in list(tenants_dir)? {
        let error = match failed.remove(&domain) {
            Some(e) => Some(e),
            None => refused
                .iter()
                .find(|c| c.domain == domain)
                .map(|c| crate::exit_codes::bad_input(c.to_string()))
                .or_else(|| untrusted(shared, tenants_dir, &domain)),
        };
        checks.push(TenantCheck {
            domain: domain.clone(),
            ok: error.is_none(),
            error: error.as_ref().map(|e| format!("{e:#}")),
        });
        if let Some(e) = error {
            first_error.get_or_insert(e.context(format!("tenant {domain}")));
        }
    }
    Ok((checks, first_error))
}

/// Why `--tenant` and `--all-tenants` would not believe a site that loads
/// (`trust`), if they would not.
fn untrusted(shared: Option<&Path>, tenants_dir: &Path, domain: &str) -> Option<anyhow::Error> {
    let dir = tenants_dir.join(domain);
    let mut files = vec![tenants_dir.to_path_buf()];
    files.extend(shared.map(Path::to_path_buf));
    if let Err(e) = trust::refuse_any_untrusted(&files) {
        return Some(e);
    }
    let (config, site) = load(shared, tenants_dir, domain).ok()?;
    trust::refuse_any_untrusted(&trust::site_files(&dir, &config, &site)).err()
}

#[derive(Debug, Serialize)]
pub(crate) struct TenantInfo {
    pub domain: String,
    pub dir: PathBuf,
    pub has_config: bool,
    /// The file exists, or the site's config names a server database
    /// (a listing connects to none: `--tenant D state check` does).
    pub has_state: bool,
    /// Where the site's state is: its file, or its database's URL.
    pub state: StateLocation,
}

pub(crate) fn info(tenants_dir: &Path, domain: &str) -> TenantInfo {
    let dir = tenants_dir.join(domain);
    let config = dir.join(TENANT_CONFIG);
    // Only the site's own file can name its state (the shared `state:` is
    // never a site's); a config that does not parse lists as the default.
    let own = crate::capped::text_file(&config, crate::yaml::MAX_FILE_BYTES as u64)
        .ok()
        .and_then(|text| Config::parse(&text, &config).ok());
    let state = crate::site::tenant_state(own.as_ref(), &dir);
    TenantInfo {
        domain: domain.to_string(),
        has_config: config.is_file(),
        has_state: state.file().is_none_or(Path::is_file),
        state,
        dir,
    }
}

/// `tenant add`: the site's directory (0750), a commented config and its
/// state: ./publik.sqlite3, or the database `database` names (its URL
/// written in the site's config, its schema made at once so that a wrong
/// URL, a server down or a missing link key file is said now and leaves no
/// site behind).
pub(crate) fn add(
    shared: Option<&Path>,
    tenants_dir: &Path,
    domain: &str,
    database: Option<&str>,
) -> anyhow::Result<TenantInfo> {
    check_domain(domain)?;
    // 0750 whatever the umask: a tenants directory others can write would
    // let them plant a site whose commands `--all-tenants` runs.
    crate::fs_private::create_dir_all(tenants_dir)
        .with_context(|| format!("cannot create {}", tenants_dir.display()))?;
    let dir = tenants_dir.join(domain);
    match crate::fs_private::create_dir(&dir) {
        Ok(()) => {}
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            return Err(bad_field(
                "domain",
                format!("tenant \"{domain}\" already exists in {}", dir.display()),
            ));
        }
        Err(e) => return Err(e).with_context(|| format!("cannot create {}", dir.display())),
    }
    let config = dir.join(TENANT_CONFIG);
    // 0600: a site's config may hold secrets (a relay's password).
    let mut file = crate::fs_private::create_new(&config, crate::fs_private::PRIVATE)
        .with_context(|| format!("cannot create {}", config.display()))?;
    let mut text = TENANT_TEMPLATE.replace("DOMAIN", domain);
    if let Some(url) = database {
        text.push_str(&format!("state: {url}\n"));
    }
    file.write_all(text.as_bytes())
        .with_context(|| format!("cannot write {}", config.display()))?;
    drop(file);
    // The site as every command will see it, claiming nothing another
    // site has, its state made ready now.
    let opened = claims(shared, tenants_dir)
        .and_then(|(claims, _)| {
            match conflicts(&claims)
                .into_iter()
                .find(|c| c.domain == domain || c.owner == domain)
            {
                Some(conflict) => Err(crate::exit_codes::bad_input(conflict.to_string())),
                None => Ok(()),
            }
        })
        .and_then(|()| load(shared, tenants_dir, domain))
        .and_then(|(_, site)| Store::open_at(&site.state))
        .and_then(|store| store.belongs_to(domain, true));
    if let Err(e) = opened {
        // Nothing of the new site was used yet: it goes, so that `add` can be run again.
        let _ = std::fs::remove_dir_all(&dir);
        return Err(e);
    }
    Ok(info(tenants_dir, domain))
}
