//! `state restore BACKUP`: a backup put back in place of a SQLite state.
//! Copying the file over the state is not a restore: SQLite replays the
//! live `-wal` over it, and the queue shows the live data again. Here the
//! state, its WAL and SHM are set aside together (the replaced state stays
//! whole and openable as `STATE.replaced-TIME`), then the checked backup
//! is copied in, synced, and renamed into place, while a lock on the
//! state's shared memory shuts out every other publik.

use std::fs::File;
use std::io::Write;
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};

use super::read_only::OlderSchema;
use super::{StateLocation, Store};

/// What a restore did.
#[derive(Debug, serde::Serialize)]
pub(crate) struct Restored {
    pub state: PathBuf,
    pub backup: PathBuf,
    pub schema_version: u32,
    /// Where the state it replaced is now, with its WAL.
    pub replaced: Option<PathBuf>,
}

/// Puts `backup` in place of the SQLite state `state`.
pub(crate) fn restore(state: &Path, backup: &Path, stamp: &str) -> anyhow::Result<Restored> {
    let schema_version = checked_backup(state, backup)?;
    // Held until the backup is in place: every publik opening the state
    // meanwhile waits (its busy timeout) or fails, none writes the old file.
    let lock = exclusive_lock(state)?;
    let replaced = set_aside(state, stamp)?;
    let owner = replaced
        .as_ref()
        .and_then(|aside| std::fs::metadata(aside).ok())
        .map(|m| (m.uid(), m.gid()));
    if let Err(e) = copy_into_place(backup, state, owner) {
        // The state goes back as it was: a failed restore replaces nothing.
        if let Some(aside) = &replaced {
            let _ = std::fs::rename(side(aside, "-wal"), side(state, "-wal"));
            let _ = std::fs::rename(aside, state);
        }
        return Err(e);
    }
    if let Some(shm) = lock {
        // The shared memory of the state set aside: SQLite makes a new one.
        let _ = std::fs::remove_file(side(state, "-shm"));
        drop(shm);
    }
    Ok(Restored {
        state: state.to_path_buf(),
        backup: backup.to_path_buf(),
        schema_version,
        replaced,
    })
}

/// The backup passes `state check` and is one self-contained file; its
/// schema version.
fn checked_backup(state: &Path, backup: &Path) -> anyhow::Result<u32> {
    if !backup.is_file() {
        bail!("backup {} is not a file", backup.display());
    }
    if let (Ok(a), Ok(b)) = (std::fs::metadata(state), std::fs::metadata(backup))
        && a.dev() == b.dev()
        && a.ino() == b.ino()
    {
        bail!("{} is the state itself: name a backup", backup.display());
    }
    if std::fs::metadata(side(backup, "-wal")).is_ok_and(|m| m.len() > 0) {
        bail!(
            "backup {} has a WAL beside it: it is a live state, not a backup (make backups with `publik state backup`)",
            backup.display()
        );
    }
    let store = Store::open_to_read(&StateLocation::Sqlite(backup.to_path_buf()), OlderSchema::Read)
        .with_context(|| format!("backup {} cannot be restored", backup.display()))?;
    let problems = store.check()?;
    if let Some(problem) = problems.first() {
        bail!(
            "backup {} does not pass `state check` ({} problem(s), first: {}): not restored",
            backup.display(),
            problems.len(),
            problem.detail
        );
    }
    Ok(store.schema_version()?)
}

/// An exclusive lock on the state's `-shm`. Every SQLite connection to a
/// WAL state holds a shared lock on it while open, so the lock is had only
/// when no publik (`serve`, a cron run) has the state open. None when the
/// state has no shared memory (no connection was ever opened in WAL mode).
fn exclusive_lock(state: &Path) -> anyhow::Result<Option<File>> {
    let shm_path = side(state, "-shm");
    let shm = match std::fs::OpenOptions::new().read(true).write(true).open(&shm_path) {
        Ok(file) => file,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(e).with_context(|| format!("cannot open {}", shm_path.display())),
    };
    match rustix::fs::fcntl_lock(&shm, rustix::fs::FlockOperation::NonBlockingLockExclusive) {
        Ok(()) => Ok(Some(shm)),
        Err(e) if e == rustix::io::Errno::AGAIN || e == rustix::io::Errno::ACCESS => bail!(
            "state {} is open in another publik (serve, a timer's run): stop them first \
             (systemctl stop publik-serve publik-send-queue.timer …), then restore",
            state.display()
        ),
        Err(e) => Err(std::io::Error::from(e)).with_context(|| format!("cannot lock {}", shm_path.display())),
    }
}

/// Moves the state and its WAL aside together, as one openable state.
fn set_aside(state: &Path, stamp: &str) -> anyhow::Result<Option<PathBuf>> {
    if !state.exists() {
        return Ok(None);
    }
    let aside = PathBuf::from(format!("{}.replaced-{stamp}", state.display()));
    if aside.exists() {
        bail!("{} exists already: move it away first", aside.display());
    }
    let wal = side(state, "-wal");
    if wal.exists() {
        std::fs::rename(&wal, side(&aside, "-wal"))
            .with_context(|| format!("cannot move {} aside", wal.display()))?;
    }
    std::fs::rename(state, &aside).with_context(|| format!("cannot move {} aside", state.display()))?;
    Ok(Some(aside))
}

/// The backup copied beside the state, synced, then renamed into place
/// (the directory synced too): never a half-copied state under its name.
fn copy_into_place(backup: &Path, state: &Path, owner: Option<(u32, u32)>) -> anyhow::Result<()> {
    let temporary = PathBuf::from(format!("{}.restoring-{}", state.display(), std::process::id()));
    let result = (|| -> anyhow::Result<()> {
        let mut from = File::open(backup).with_context(|| format!("cannot read {}", backup.display()))?;
        let mut to = crate::fs_private::create_new(&temporary, crate::fs_private::PRIVATE)
            .with_context(|| format!("cannot create {}", temporary.display()))?;
        std::io::copy(&mut from, &mut to).with_context(|| format!("cannot write {}", temporary.display()))?;
        to.flush()?;
        // Run as root on the service's state: the restored file stays the
        // service's, or it could not open it.
        if let Some((uid, gid)) = owner {
            std::os::unix::fs::fchown(&to, Some(uid), Some(gid))
                .with_context(|| format!("cannot give {} to its owner", temporary.display()))?;
        }
        to.sync_all()
            .with_context(|| format!("cannot sync {}", temporary.display()))?;
        std::fs::rename(&temporary, state)
            .with_context(|| format!("cannot move the backup to {}", state.display()))?;
        let dir = state
            .parent()
            .filter(|d| !d.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        File::open(dir)
            .and_then(|d| d.sync_all())
            .with_context(|| format!("cannot sync {}", dir.display()))
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&temporary);
    }
    result
}

/// `STATE-wal`, `STATE-shm`.
fn side(path: &Path, suffix: &str) -> PathBuf {
    PathBuf::from(format!("{}{suffix}", path.display()))
}
