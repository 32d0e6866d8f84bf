//! Which row a report proves it is about: publik's Message-IDs are
//! `publik.TAG.ID@domain`, TAG a MAC of the row id under the link key, so a
//! report (or a provider's event) quoting one names that row and no other.

use crate::link_key::LinkKey;

/// `<publik.TAG.ID@domain>` (or `publik.TAG.ID`, as a provider's custom
/// header carries it) → (TAG, ID).
pub(super) fn publik_message_id(text: &str) -> Option<(&str, i64)> {
    let inner = text.trim().trim_start_matches('<').trim_end_matches('>');
    let local = inner.rsplit_once('@').map_or(inner, |(local, _)| local);
    let rest = local.strip_prefix("publik.")?;
    let (nonce, id) = rest.rsplit_once('.')?;
    Some((nonce, id.parse().ok()?))
}

/// The row `text` (a Message-ID, or a provider's echo of its local part)
/// names, if its tag is that row's MAC under `key`.
pub(super) fn message_id_row(key: &LinkKey, text: &str) -> Option<i64> {
    let (tag, id) = publik_message_id(text)?;
    // Compared in full; the tag is no secret once a report shows it.
    key.message_id_tag(id).eq_ignore_ascii_case(tag).then_some(id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn publik_message_ids_name_their_row() {
        assert_eq!(
            publik_message_id("<publik.AbC-d_9.42@example.org>"),
            Some(("AbC-d_9", 42))
        );
        assert_eq!(publik_message_id("<other.42@example.org>"), None);
    }

    #[test]
    fn only_the_rows_own_tag_proves_it() {
        let key = LinkKey::for_tests([3; 32]);
        let genuine = format!("<publik.{}.42@example.org>", key.message_id_tag(42));
        assert_eq!(message_id_row(&key, &genuine), Some(42));
        let other = format!("publik.{}.43", key.message_id_tag(42));
        assert_eq!(message_id_row(&key, &other), None);
    }
}
