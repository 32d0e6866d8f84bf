//! VERP tags and Message-ID tags: a row's id and a MAC of it under the link
//! key, in the return path and the Message-ID of its email, so that only a
//! real bounce can fail that row (knowing one row's gives no other's).

use super::{LinkKey, hex};
use hmac::Mac;

impl LinkKey {
    /// The tag of row `id` in its VERP return path (`bounces+TAG@…`): the id
    /// and a MAC of it, so that a forged bounce cannot fail someone else's
    /// mail.
    pub(crate) fn bounce_tag(&self, id: i64) -> String {
        let mut mac = self.mac.clone();
        mac.update(format!("bounce {id}").as_bytes());
        format!("{id}-{}", &hex(&mac.finalize().into_bytes())[..12])
    }

    /// The tag in row `id`'s Message-ID (`<publik.TAG.ID@domain>`).
    pub(crate) fn message_id_tag(&self, id: i64) -> String {
        let mut mac = self.mac.clone();
        mac.update(format!("message-id {id}").as_bytes());
        hex(&mac.finalize().into_bytes())[..24].to_string()
    }

    /// The row id a VERP tag names, if its MAC is right.
    pub(crate) fn bounce_id(&self, tag: &str) -> Option<i64> {
        let (id, _) = tag.split_once('-')?;
        let id: i64 = id.parse().ok()?;
        let expected = self.bounce_tag(id);
        // Compared in full; the MAC is not secret once a bounce shows it.
        (expected.eq_ignore_ascii_case(tag)).then_some(id)
    }
}
