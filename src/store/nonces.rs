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
