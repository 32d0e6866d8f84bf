//! The nonces of signed API calls (`serve`'s `/api/mail/response/`), per
//! caller, kept until their timestamp's window closes: a call replayed is
//! refused, also after a restart, and one caller's nonce is no other's.

use super::Store;
use super::db::{DbResult, args};
use crate::clock::{self, Timestamp};

impl Store {
    /// Records `caller`'s `nonce`, to be remembered until `until`; false
    /// when it was recorded already (a replay). Nonces whose window has
    /// closed are dropped first. Committed before the call acts: a nonce
    /// recorded lets its call act once at most.
    pub(crate) fn first_use_of_nonce(
        &mut self,
        caller: &str,
        nonce: &str,
        until: Timestamp,
    ) -> DbResult<bool> {
        let tx = self.conn.begin()?;
        tx.execute(
            "DELETE FROM api_nonces WHERE expires_at < ?1",
            args![clock::to_db(clock::now())],
        )?;
        let recorded = tx.execute(
            "INSERT INTO api_nonces (caller, nonce, expires_at) VALUES (?1, ?2, ?3) \
             ON CONFLICT (caller, nonce) DO NOTHING",
            args![caller, nonce, clock::to_db(until)],
        )?;
        tx.commit()?;
        Ok(recorded == 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_nonce_is_used_once_per_caller_until_its_window_closes() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(&dir.path().join("state.sqlite3")).unwrap();
        let later = clock::now() + chrono::Duration::seconds(60);
        assert!(store.first_use_of_nonce("wcs", "n1", later).unwrap());
        assert!(!store.first_use_of_nonce("wcs", "n1", later).unwrap(), "replayed");
        assert!(
            store.first_use_of_nonce("other", "n1", later).unwrap(),
            "another caller's"
        );
        // A window already closed: the row goes with the next call.
        let closed = clock::now() - chrono::Duration::seconds(1);
        assert!(store.first_use_of_nonce("wcs", "old", closed).unwrap());
        assert!(store.first_use_of_nonce("wcs", "n2", later).unwrap());
        let rows: i64 = store
            .conn
            .query_row("SELECT count(*) FROM api_nonces", args![], |row| row.get(0))
            .unwrap();
        assert_eq!(rows, 3, "n1 twice and n2; the closed one dropped");
    }
}
