//! A state file that cannot be opened is said with what a sysadmin needs
//! to fix it: the file (or its directory), its owner and mode, and who
//! publik runs as. SQLite's own words ("unable to open database file")
//! name none of them.

use std::os::unix::fs::MetadataExt;
use std::path::Path;

/// `path`'s owner and mode, as `ls -l` would make them out; or its
/// directory's when the file is missing.
fn described(path: &Path) -> String {
    let (what, metadata) = match std::fs::metadata(path) {
        Ok(metadata) => (path.to_path_buf(), metadata),
        Err(_) => {
            let dir = path
                .parent()
                .filter(|d| !d.as_os_str().is_empty())
                .unwrap_or(Path::new("."));
            match std::fs::metadata(dir) {
                Ok(metadata) => (dir.to_path_buf(), metadata),
                Err(_) => return format!("{} cannot be looked at", path.display()),
            }
        }
    };
    format!(
        "{} is owned by {}:{}, mode {:o}; publik runs as {}",
        what.display(),
        user_name(metadata.uid()),
        group_name(metadata.gid()),
        metadata.mode() & 0o7777,
        user_name(crate::accounts::effective_uid()),
    )
}

/// An I/O error on the state file, with its owner and mode when it is
/// about permissions.
pub(crate) fn permission_error(path: &Path, error: std::io::Error) -> anyhow::Error {
    if error.kind() == std::io::ErrorKind::PermissionDenied {
        anyhow::anyhow!(
            "cannot open state file {}: permission denied ({})",
            path.display(),
            described(path)
        )
    } else {
        anyhow::Error::new(error).context(format!("cannot open state file {}", path.display()))
    }
}

/// SQLite could not open the state file: said with its owner and mode
/// when that is the likely cause.
pub(crate) fn sqlite_open_error(path: &Path, error: rusqlite::Error) -> anyhow::Error {
    let about_access = matches!(
        error.sqlite_error_code(),
        Some(
            rusqlite::ErrorCode::CannotOpen
                | rusqlite::ErrorCode::PermissionDenied
                | rusqlite::ErrorCode::ReadOnly
        )
    );
    if about_access {
        anyhow::anyhow!(
            "cannot open state file {}: {error} ({})",
            path.display(),
            described(path)
        )
    } else {
        anyhow::Error::new(error).context(format!("cannot open state file {}", path.display()))
    }
}

/// The name of user `uid`, else the number.
fn user_name(uid: u32) -> String {
    crate::accounts::user_name(uid).unwrap_or_else(|| uid.to_string())
}

fn group_name(gid: u32) -> String {
    crate::accounts::group_name(gid).unwrap_or_else(|| gid.to_string())
}

/// A file SQLite opened but cannot read as a state: not a database at
/// all, or a damaged one.
pub(crate) fn unreadable_state(path: &Path, error: super::DbError) -> anyhow::Error {
    match &error {
        super::DbError::Sqlite(inner)
            if inner.sqlite_error_code() == Some(rusqlite::ErrorCode::NotADatabase) =>
        {
            anyhow::anyhow!("state file {} is not a SQLite database", path.display())
        }
        _ => anyhow::Error::new(error).context(format!(
            "state file {} is not a usable SQLite database",
            path.display()
        )),
    }
}
