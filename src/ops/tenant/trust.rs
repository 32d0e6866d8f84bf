//! Whose files publik believes, as sshd does for `authorized_keys`: a file
//! publik reads commands, secrets or its state from, and every directory
//! above it up to `/`, must be owned by a user who could run publik anyway
//! (root, the user running it, the `publik` system user) and be writable by
//! nobody else. Otherwise another local user could change what publik runs
//! (a site's `sendmail.command`) or plant a site of theirs under
//! `--all-tenants`, which runs as root or publik.
//!
//! The .deb makes /etc/publik/config.yaml root:publik 0640 and
//! /var/lib/publik publik:publik 0750 (packaging/): no group-writable file
//! or directory, so no exception for the package's group is needed. One
//! exception: a root-owned directory with the sticky bit (/tmp) lets others
//! add entries but not replace or remove ours, as sshd's `StrictModes` does
//! not allow but tmpfiles and most checkers do.

use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// The system user the package runs every job and `serve` as.
const PACKAGE_USER: &str = "publik";

/// The owners believed: root, this process's effective user, and the
/// package's user if it exists (so that root running a job by hand sees the
/// sites the units see).
struct Owners {
    uids: Vec<u32>,
    /// What a refused file's owner should be, said in the fix.
    fix_owner: String,
}

fn owners() -> &'static Owners {
    static OWNERS: OnceLock<Owners> = OnceLock::new();
    OWNERS.get_or_init(|| {
        let me = crate::accounts::effective_uid();
        let mut uids = vec![0, me];
        uids.extend(crate::accounts::user_id(PACKAGE_USER));
        uids.dedup();
        Owners {
            uids,
            fix_owner: crate::accounts::user_name(me).unwrap_or_else(|| me.to_string()),
        }
    })
}

/// Refuses `path` unless it, and every directory above it, is owned by a
/// believed owner and writable by nobody else. Symbolic links are followed
/// one component at a time, and each directory met on the way is judged,
/// those holding a link of the chain too: whoever may write one of them
/// could swap the link between this check and the use of the path. A path
/// that does not exist yet is judged by the directory it would be made in.
pub(crate) fn refuse_untrusted(path: &Path) -> anyhow::Result<()> {
    let written = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let mut links = 0;
    walk(&written, &mut links).map(drop)
}

/// Symbolic links followed in one path, at most (the kernel's own limit).
const MAX_LINKS: u32 = 40;

/// Resolves absolute `path` from `/`, judging every real file and
/// directory met; where it leads, or None where it leads nowhere yet.
fn walk(path: &Path, links: &mut u32) -> anyhow::Result<Option<PathBuf>> {
    use std::path::Component;
    let root = Path::new("/");
    let components: Vec<Component> = path.components().collect();
    let mut resolved = root.to_path_buf();
    judge(root, &std::fs::metadata(root)?, components.len() <= 1)?;
    for (index, component) in components.iter().enumerate() {
        let name = match component {
            Component::Normal(name) => name,
            // `resolved` holds no link: `..` is its parent.
            Component::ParentDir => {
                resolved.pop();
                continue;
            }
            Component::RootDir | Component::CurDir | Component::Prefix(_) => continue,
        };
        let next = resolved.join(name);
        let Ok(metadata) = std::fs::symlink_metadata(&next) else {
            // Not made yet: whoever may make it in its directory decides
            // what it will be. A sticky directory others may write (/tmp)
            // lets anyone make it.
            if open_to_all(&resolved) {
                return Err(Untrusted(format!(
                    "{} does not exist, and anyone may make it in {}: refused",
                    next.display(),
                    resolved.display()
                ))
                .into());
            }
            return Ok(None);
        };
        if metadata.file_type().is_symlink() {
            // A link is replaced by whoever may write its directory, and in
            // a sticky one (/tmp) by its owner too: that owner is judged.
            if !owners().uids.contains(&metadata.uid()) {
                return Err(Untrusted(format!(
                    "{} is a symbolic link owned by {}: refused; chown -h {} {}",
                    next.display(),
                    owner_name(metadata.uid()),
                    owners().fix_owner,
                    next.display()
                ))
                .into());
            }
            *links += 1;
            if *links > MAX_LINKS {
                return Err(Untrusted(format!(
                    "{} leads through more than {MAX_LINKS} symbolic links: refused",
                    path.display()
                ))
                .into());
            }
            let target = std::fs::read_link(&next)?;
            match walk(&resolved.join(target), links)? {
                Some(real) => resolved = real,
                None => return Ok(None),
            }
        } else {
            judge(&next, &metadata, index + 1 == components.len())?;
            resolved = next;
        }
    }
    Ok(Some(resolved))
}

/// A directory anyone may add entries to (a sticky /tmp): judged
/// believable as a parent, but what is not yet in it is anyone's to make.
fn open_to_all(dir: &Path) -> bool {
    std::fs::metadata(dir).is_ok_and(|m| m.permissions().mode() & 0o002 != 0)
}

/// A file or directory publik does not believe, and why (with the fix).
#[derive(Debug)]
pub(crate) struct Untrusted(String);

impl std::fmt::Display for Untrusted {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Untrusted {}

/// One file or directory: a believed owner, writable by it alone.
fn judge(path: &Path, metadata: &std::fs::Metadata, is_target: bool) -> anyhow::Result<()> {
    let owners = owners();
    let mode = metadata.permissions().mode();
    let owner = metadata.uid();
    let shown = || {
        format!(
            "{} (owner {}, mode {:o})",
            path.display(),
            owner_name(owner),
            mode & 0o7777
        )
    };
    if !owners.uids.contains(&owner) {
        return Err(Untrusted(format!(
            "{} is owned by another user than root, {PACKAGE_USER} or the one running publik: refused; \
             chown {} {}",
            shown(),
            owners.fix_owner,
            path.display()
        ))
        .into());
    }
    let shared_tmp = metadata.is_dir() && mode & 0o1000 != 0 && owner == 0 && !is_target;
    if mode & 0o022 != 0 && !shared_tmp {
        return Err(Untrusted(format!(
            "{} is writable by others than its owner: refused; chmod go-w {}",
            shown(),
            path.display()
        ))
        .into());
    }
    Ok(())
}

fn owner_name(uid: u32) -> String {
    crate::accounts::user_name(uid).unwrap_or_else(|| format!("uid {uid}"))
}

/// The files of a site `--all-tenants` and `serve` check before believing
/// it: its directory and config, its state (a file and its directory), its
/// link key, and the program its mail is piped to.
pub(crate) fn site_files(
    dir: &Path,
    config: &crate::config::Config,
    site: &crate::site::Site,
) -> Vec<PathBuf> {
    let mut files = vec![dir.join(crate::config::TENANT_CONFIG)];
    if let Some(state) = site.state.file() {
        files.push(state.to_path_buf());
    }
    files.push(site.link_key.clone());
    if config.email.effective_transport() == crate::config::TransportKind::Sendmail {
        files.push(config.resolve_path(&config.email.sendmail.command));
    }
    // The keys, secrets and certificates it believes: another user's would
    // sign its mail, speak for it to its peers, or let a relay of theirs
    // pass for its own.
    files.extend(
        secret_files(config)
            .into_iter()
            .map(|file| config.resolve_path(file)),
    );
    files
}

/// Every key, secret, password and certificate file a config names.
fn secret_files(config: &crate::config::Config) -> Vec<&Path> {
    let email = &config.email;
    let mut files: Vec<Option<&PathBuf>> = vec![
        config.state_password_file.as_ref(),
        email.smtp.password_file.as_ref(),
        email.smtp.ca_file.as_ref(),
        email.dkim.as_ref().map(|dkim| &dkim.private_key_file),
        email
            .events
            .as_ref()
            .and_then(|events| events.secret_file.as_ref()),
        config.maarch.password_file.as_ref(),
        config.webpush.private_key_file.as_ref(),
        config.sms.receipts.as_ref().and_then(|r| r.secret_file.as_ref()),
    ];
    if let Some(mailbox) = &email.bounce_mailbox {
        files.extend([mailbox.password_file.as_ref(), mailbox.ca_file.as_ref()]);
    }
    if let Some(gateway) = &config.sms.gateway {
        files.extend([
            gateway.auth.password_file.as_ref(),
            gateway.auth.token_file.as_ref(),
        ]);
    }
    files.extend(
        config
            .wcs
            .services
            .values()
            .map(|service| service.key_file.as_ref()),
    );
    files.extend(
        config
            .serve
            .api_callers
            .values()
            .map(|caller| caller.key_file.as_ref()),
    );
    files.into_iter().flatten().map(PathBuf::as_path).collect()
}

/// Refuses the first of `files` not to be believed.
pub(crate) fn refuse_any_untrusted(files: &[PathBuf]) -> anyhow::Result<()> {
    files.iter().try_for_each(|file| refuse_untrusted(file))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chmod(path: &Path, mode: u32) {
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
    }

    #[test]
    fn every_directory_above_a_file_counts_and_a_link_leads_to_its_target() {
        let dir = tempfile::tempdir().unwrap();
        let open = dir.path().join("open");
        std::fs::create_dir(&open).unwrap();
        let file = open.join("publik.yaml");
        std::fs::write(&file, "").unwrap();
        chmod(&file, 0o600);
        chmod(&open, 0o750);
        refuse_untrusted(&file).unwrap();
        // Not made yet: judged by its directory.
        refuse_untrusted(&open.join("publik.sqlite3")).unwrap();
        chmod(&open, 0o757);
        let refused = refuse_untrusted(&file).unwrap_err().to_string();
        assert!(
            refused.contains("open (owner root, mode 757) is writable by others"),
            "{refused}"
        );
        assert!(refuse_untrusted(&open.join("publik.sqlite3")).is_err());
        // A link from a private directory to the file below the open one.
        let private = dir.path().join("private");
        std::fs::create_dir(&private).unwrap();
        std::os::unix::fs::symlink(&file, private.join("link.yaml")).unwrap();
        assert!(refuse_untrusted(&private.join("link.yaml")).is_err());
        chmod(&open, 0o750);
        refuse_untrusted(&private.join("link.yaml")).unwrap();
    }

    /// A chain of links through a directory another user may write: that
    /// directory is judged although neither the path as written nor where
    /// it leads lies in it (its owner could swap the middle link between
    /// the check and the use).
    #[test]
    fn a_link_in_the_middle_of_a_chain_is_judged_by_its_directory() {
        let dir = tempfile::tempdir().unwrap();
        chmod(dir.path(), 0o755);
        let bin = dir.path().join("bin");
        let other = dir.path().join("other");
        std::fs::create_dir(&bin).unwrap();
        std::fs::create_dir(&other).unwrap();
        chmod(&bin, 0o755);
        chmod(&other, 0o757);
        let real = bin.join("real-sendmail");
        std::fs::write(&real, "#!/bin/sh\n").unwrap();
        chmod(&real, 0o755);
        std::os::unix::fs::symlink(&real, other.join("middle")).unwrap();
        std::os::unix::fs::symlink(other.join("middle"), bin.join("sendmail")).unwrap();
        let refused = refuse_untrusted(&bin.join("sendmail")).unwrap_err().to_string();
        assert!(refused.contains("other (owner"), "{refused}");
        chmod(&other, 0o755);
        refuse_untrusted(&bin.join("sendmail")).unwrap();
        // A loop of links is refused, not followed for ever.
        std::os::unix::fs::symlink(bin.join("loop-b"), bin.join("loop-a")).unwrap();
        std::os::unix::fs::symlink(bin.join("loop-a"), bin.join("loop-b")).unwrap();
        assert!(refuse_untrusted(&bin.join("loop-a")).is_err());
    }

    /// In a sticky directory others may write (/tmp), a link another user
    /// owns can be replaced by them at any time, and a name not yet made
    /// can be made by anyone: neither is believed.
    #[test]
    fn in_a_sticky_directory_only_what_a_believed_owner_made_counts() {
        let dir = tempfile::tempdir().unwrap();
        chmod(dir.path(), 0o755);
        let shared = dir.path().join("shared");
        std::fs::create_dir(&shared).unwrap();
        chmod(&shared, 0o1777);
        let real = dir.path().join("real");
        std::fs::write(&real, "").unwrap();
        chmod(&real, 0o600);
        let link = shared.join("link");
        std::os::unix::fs::symlink(&real, &link).unwrap();
        refuse_untrusted(&link).unwrap();
        // The same link, owned by another user (65534: nobody).
        std::os::unix::fs::lchown(&link, Some(65534), None).unwrap();
        let refused = refuse_untrusted(&link).unwrap_err().to_string();
        assert!(refused.contains("is a symbolic link owned by"), "{refused}");
        let refused = refuse_untrusted(&shared.join("not-made-yet"))
            .unwrap_err()
            .to_string();
        assert!(refused.contains("anyone may make it"), "{refused}");
    }
}
