//! Every file and directory publik makes, its mode said here and not left
//! to the umask: a cron job or unit started under `umask 000` must not
//! leave personal data, keys or live links to every local user. Files are
//! 0600 (0640 where a group reads them: man pages), directories 0750.

use std::fs::{DirBuilder, File, OpenOptions};
use std::io::Write;
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt, PermissionsExt};
use std::path::Path;

/// The owner's only: state, keys, messages, calendars, configs.
pub(crate) const PRIVATE: u32 = 0o600;
/// Also its group's to read: what is no secret (man pages).
pub(crate) const GROUP_READABLE: u32 = 0o640;
/// Every directory publik makes.
const DIRECTORY: u32 = 0o750;

/// Creates `path`, or empties it, with exactly `mode` (an existing file's
/// mode too: whatever it was, it is what publik writes now).
pub(crate) fn create_file(path: &Path, mode: u32) -> std::io::Result<File> {
    let file = OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(true)
        .mode(mode)
        .open(path)?;
    file.set_permissions(std::fs::Permissions::from_mode(mode))?;
    Ok(file)
}

/// A new file with `mode`; fails if `path` exists.
pub(crate) fn create_new(path: &Path, mode: u32) -> std::io::Result<File> {
    OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(mode)
        .open(path)
}

/// `bytes` into `path` (made or emptied) with exactly `mode`.
pub(crate) fn write(path: &Path, bytes: impl AsRef<[u8]>, mode: u32) -> std::io::Result<()> {
    create_file(path, mode)?.write_all(bytes.as_ref())
}

/// `mkdir -p`: each directory made is 0750.
pub(crate) fn create_dir_all(path: &Path) -> std::io::Result<()> {
    DirBuilder::new().recursive(true).mode(DIRECTORY).create(path)
}

/// One new directory, 0750; fails if it exists.
pub(crate) fn create_dir(path: &Path) -> std::io::Result<()> {
    DirBuilder::new().mode(DIRECTORY).create(path)
}
