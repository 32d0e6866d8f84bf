//! The link key: a secret kept outside the state file, from which the action
//! links of queued emails are derived at send time. The state holds only a
//! placeholder per link (in the queued body) and the SHA-256 of the token (in
//! `action_tokens`), so a copy of the state file yields no usable link.
//!
//! token = base64url(HMAC-SHA256(key, nonce)); the placeholder names the key
//! (a short fingerprint) and the nonce. The nonce is 256 bits from the OS
//! random source, so each link carries as much fresh randomness as a plain
//! random token, and without the key it is worth nothing.
//!
//! Newsletter unsubscribe links work the same way: the row keeps a
//! placeholder `publik-unsubscribe-KEYID-ID-NONCE`, `unsubscribe_tokens` the
//! hash, and the token is id ‖ HMAC(key, "unsubscribe ID NONCE")[..24].
//!
//! Push tokens (`push_token.rs`) and VERP tags (`bounce_tag.rs`) are MACs
//! under the same key.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::Context;
use hmac::{Hmac, KeyInit, Mac};
use sha2::{Digest, Sha256};

mod bounce_tag;
mod push_token;

/// What a placeholder starts with; the rest is `KEYID-NONCE` in hex. Only
/// letters, digits and dashes, so that no escaping (HTML, URL) alters it.
const PLACEHOLDER_PREFIX: &str = "publik-action-link-";
const UNSUBSCRIBE_PREFIX: &str = "publik-unsubscribe-";

#[derive(Clone)]
pub(crate) struct LinkKey {
    path: PathBuf,
    /// HMAC keyed once: a newsletter mints a link per member.
    mac: Hmac<Sha256>,
    /// First 4 bytes of SHA-256(key), in hex: which key a placeholder needs.
    id: String,
}

/// Lower-case hex; a newsletter makes one per member, so no `format!`.
fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(bytes.len() * 2);
    for byte in bytes {
        out.push(char::from(DIGITS[usize::from(byte >> 4)]));
        out.push(char::from(DIGITS[usize::from(byte & 15)]));
    }
    out
}

impl LinkKey {
    fn from_bytes(path: &Path, key: [u8; 32]) -> anyhow::Result<LinkKey> {
        let id = hex(&Sha256::digest(key)[..4]);
        let mac =
            <Hmac<Sha256> as KeyInit>::new_from_slice(&key).map_err(|e| anyhow::anyhow!("link key: {e}"))?;
        Ok(LinkKey {
            path: path.to_path_buf(),
            mac,
            id,
        })
    }

    /// A key from its bytes, for tests of what it signs.
    #[cfg(test)]
    pub(crate) fn for_tests(key: [u8; 32]) -> LinkKey {
        LinkKey::from_bytes(Path::new("test.link-key"), key).expect("a 32-byte key")
    }

    /// Reads the key; an error names the file and what is wrong with it.
    pub(crate) fn load(path: &Path) -> anyhow::Result<LinkKey> {
        let text = crate::capped::text_file(path, crate::capped::MAX_KEY_FILE_BYTES)
            .with_context(|| format!("cannot read the link key {}", path.display()))?;
        let key: [u8; 32] = crate::token::decode_base64url(text.trim())
            .and_then(|bytes| bytes.try_into().ok())
            .ok_or_else(|| {
                anyhow::anyhow!(
                    "link key {} is not 43 base64url characters (32 bytes)",
                    path.display()
                )
            })?;
        LinkKey::from_bytes(path, key)
    }

    /// Reads the key, creating it (mode 0600) on first use. Two processes,
    /// or two threads (the lanes of a run), racing both end up with the one
    /// key written first.
    pub(crate) fn load_or_create(path: &Path) -> anyhow::Result<LinkKey> {
        if path.exists() {
            return LinkKey::load(path);
        }
        let mut key = [0u8; 32];
        getrandom::fill(&mut key).map_err(|e| anyhow::anyhow!("OS random source failed: {e}"))?;
        // Unique to this attempt: a shared name let one racer remove the
        // other's file before it was linked.
        let tmp = path.with_extension(format!("tmp{}-{}", std::process::id(), &hex(&key)[..8]));
        let written = crate::fs_private::create_new(&tmp, crate::fs_private::PRIVATE).and_then(|mut file| {
            file.write_all(format!("{}\n", crate::token::base64url(&key)).as_bytes())?;
            file.sync_all()
        });
        if let Err(e) = written {
            let _ = std::fs::remove_file(&tmp);
            return Err(e).with_context(|| format!("cannot create the link key {}", path.display()));
        }
        // A hard link never replaces an existing file: the loser of a race
        // reads the winner's key.
        let linked = std::fs::hard_link(&tmp, path);
        let _ = std::fs::remove_file(&tmp);
        match linked {
            Ok(()) => {
                log::info!("created the link key {}", path.display());
                LinkKey::from_bytes(path, key)
            }
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => LinkKey::load(path),
            Err(e) => Err(e).with_context(|| format!("cannot create the link key {}", path.display())),
        }
    }

    fn token(&self, nonce: &str) -> Result<String, String> {
        let mut mac = self.mac.clone();
        mac.update(nonce.as_bytes());
        Ok(crate::token::base64url(&mac.finalize().into_bytes()))
    }

    fn unsubscribe_secret(&self, token_id: i64, nonce: &str) -> [u8; 24] {
        let mut mac = self.mac.clone();
        mac.update(b"unsubscribe ");
        mac.update(token_id.to_string().as_bytes());
        mac.update(b" ");
        mac.update(nonce.as_bytes());
        let mut secret = [0u8; 24];
        secret.copy_from_slice(&mac.finalize().into_bytes()[..24]);
        secret
    }

    /// A member's unsubscribe link for token row `token_id`, from 16 random
    /// bytes: the placeholder to keep in the queued row, and the hash of the
    /// token it stands for.
    pub(crate) fn mint_unsubscribe(&self, token_id: i64, random: &[u8; 16]) -> (String, [u8; 32]) {
        let nonce = hex(random);
        let (_, hash) = crate::token::with_id(token_id, &self.unsubscribe_secret(token_id, &nonce));
        (
            format!("{UNSUBSCRIBE_PREFIX}{}-{token_id}-{nonce}", self.id),
            hash,
        )
    }

    /// The unsubscribe token a placeholder stands for.
    pub(crate) fn unsubscribe_token(&self, placeholder: &str) -> Result<String, String> {
        let malformed = || format!("malformed unsubscribe link placeholder \"{placeholder}\"");
        let mut parts = placeholder
            .strip_prefix(UNSUBSCRIBE_PREFIX)
            .ok_or_else(malformed)?
            .splitn(3, '-');
        let (Some(key_id), Some(token_id), Some(nonce)) = (parts.next(), parts.next(), parts.next()) else {
            return Err(malformed());
        };
        if key_id != self.id {
            return Err(format!(
                "the unsubscribe links of this newsletter were made with another link key than {} \
                 (key {key_id}, now {}); restore that key to send it",
                self.path.display(),
                self.id
            ));
        }
        let token_id: i64 = token_id.parse().map_err(|_| malformed())?;
        Ok(crate::token::with_id(token_id, &self.unsubscribe_secret(token_id, nonce)).0)
    }

    /// A new link: the placeholder to store in the message and the hash of
    /// the token it will become.
    pub(crate) fn mint(&self) -> anyhow::Result<(String, [u8; 32])> {
        let nonce = crate::token::random_hex(32)?;
        let token = self.token(&nonce).map_err(anyhow::Error::msg)?;
        Ok((
            format!("{PLACEHOLDER_PREFIX}{}-{nonce}", self.id),
            crate::token::hash(&token),
        ))
    }

    /// `text` with each of `placeholders` replaced by its token. Fails when a
    /// placeholder was made with another key (the link would not work).
    pub(crate) fn expand(&self, text: &str, placeholders: &[String]) -> Result<String, String> {
        let mut text = text.to_string();
        for placeholder in placeholders {
            let (key_id, nonce) = placeholder
                .strip_prefix(PLACEHOLDER_PREFIX)
                .and_then(|rest| rest.split_once('-'))
                .ok_or_else(|| format!("malformed action link placeholder \"{placeholder}\""))?;
            if key_id != self.id {
                return Err(format!(
                    "the action links of this email were made with another link key than {} \
                     (key {key_id}, now {}); restore that key to send it",
                    self.path.display(),
                    self.id
                ));
            }
            text = text.replace(placeholder.as_str(), &self.token(nonce)?);
        }
        Ok(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn threads_racing_to_create_the_key_share_one() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("state.link-key");
        let keys: Vec<String> = std::thread::scope(|scope| {
            let handles: Vec<_> = (0..8)
                .map(|_| scope.spawn(|| LinkKey::load_or_create(&path).map(|k| k.id.clone())))
                .collect();
            handles.into_iter().map(|h| h.join().unwrap().unwrap()).collect()
        });
        assert!(keys.windows(2).all(|w| w[0] == w[1]), "{keys:?}");
    }

    #[test]
    fn placeholders_expand_to_the_hashed_token() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("k");
        let key = LinkKey::load_or_create(&path).unwrap();
        let (placeholder, hash) = key.mint().unwrap();
        assert!(
            placeholder
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-')
        );
        let url = format!("https://x/actions/{placeholder}/");
        let expanded = key.expand(&url, std::slice::from_ref(&placeholder)).unwrap();
        let token = crate::ops::workflow::token_from(&expanded);
        assert!(crate::token::looks_valid(token), "{token}");
        assert_eq!(crate::token::hash(token), hash);
        // The same key read back gives the same token.
        let again = LinkKey::load(&path).unwrap();
        assert_eq!(
            again.expand(&url, std::slice::from_ref(&placeholder)).unwrap(),
            expanded
        );
        // Another key refuses it.
        let other = LinkKey::load_or_create(&dir.path().join("other")).unwrap();
        assert!(
            other
                .expand(&url, &[placeholder])
                .unwrap_err()
                .contains("another link key")
        );
    }

    #[test]
    fn unsubscribe_placeholders_give_the_hashed_token() {
        let dir = tempfile::tempdir().unwrap();
        let key = LinkKey::load_or_create(&dir.path().join("k")).unwrap();
        let (placeholder, hash) = key.mint_unsubscribe(42, &[7; 16]);
        assert!(
            placeholder
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-')
        );
        let token = key.unsubscribe_token(&placeholder).unwrap();
        assert_eq!(crate::token::hash(&token), hash);
        assert_eq!(crate::token::id_of(&token), Some(42));
        let other = LinkKey::load_or_create(&dir.path().join("other")).unwrap();
        assert!(
            other
                .unsubscribe_token(&placeholder)
                .unwrap_err()
                .contains("another link key")
        );
        assert!(key.unsubscribe_token("publik-unsubscribe-x").is_err());
    }

    #[test]
    fn key_file_is_private_and_checked() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("k");
        LinkKey::load_or_create(&path).unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            assert_eq!(
                std::fs::metadata(&path).unwrap().permissions().mode() & 0o777,
                0o600
            );
        }
        std::fs::write(&path, "short\n").unwrap();
        let err = LinkKey::load(&path).err().unwrap().to_string();
        assert!(err.contains("43 base64url"), "{err}");
    }
}
