//! Where a state is: a SQLite file, or a PostgreSQL database named by a
//! `postgresql://` URL with the file holding its password. Read once from
//! what a user wrote (`state:`, `--state`, `$PUBLIK_STATE`, `--to`,
//! `--database`); nothing else asks whether a path is a URL.

use std::path::{Path, PathBuf};

use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum StateLocation {
    Sqlite(PathBuf),
    Postgres {
        url: String,
        /// `state_password_file`, resolved; else libpq's passfile rules.
        password_file: Option<PathBuf>,
    },
}

impl StateLocation {
    /// What a user wrote: a URL as is, a file made absolute or relative
    /// to where it was written by `resolve` (the config's directory).
    pub(crate) fn parse(
        written: &Path,
        resolve: impl FnOnce(&Path) -> PathBuf,
        password_file: Option<PathBuf>,
    ) -> StateLocation {
        let text = written.to_string_lossy();
        if text.starts_with("postgresql://") || text.starts_with("postgres://") {
            StateLocation::Postgres {
                url: text.into_owned(),
                password_file,
            }
        } else {
            StateLocation::Sqlite(resolve(written))
        }
    }

    /// A database on a server (shared by hosts), not a file of this one.
    pub(crate) fn is_server(&self) -> bool {
        matches!(self, StateLocation::Postgres { .. })
    }

    /// The file, for a SQLite state.
    pub(crate) fn file(&self) -> Option<&Path> {
        match self {
            StateLocation::Sqlite(path) => Some(path),
            StateLocation::Postgres { .. } => None,
        }
    }

    /// As messages and listings show it: the file, or the URL without its
    /// query or password.
    pub(crate) fn shown(&self) -> PathBuf {
        match self {
            StateLocation::Sqlite(path) => path.clone(),
            StateLocation::Postgres { url, .. } => PathBuf::from(super::postgres::shown(url)),
        }
    }
}

/// Listed as it is shown.
impl Serialize for StateLocation {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.shown().serialize(serializer)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_and_files() {
        let beside = |path: &Path| Path::new("/etc/publik").join(path);
        assert_eq!(
            StateLocation::parse(Path::new("publik.sqlite3"), beside, None),
            StateLocation::Sqlite(PathBuf::from("/etc/publik/publik.sqlite3"))
        );
        let db = StateLocation::parse(
            Path::new("postgresql://bob:pw@db/publik?sslmode=require"),
            beside,
            None,
        );
        assert!(db.is_server());
        assert_eq!(db.shown(), PathBuf::from("postgresql://bob@db/publik"));
        assert!(StateLocation::parse(Path::new("postgres://db/p"), beside, None).is_server());
    }
}
