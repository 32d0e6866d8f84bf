//! Random tokens for links (unsubscribe, action links): 256 bits from the OS
//! random source, URL-safe base64; only their SHA-256 is stored.

use sha2::{Digest, Sha256};

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;

/// Unpadded base64url.
pub(crate) fn base64url(bytes: &[u8]) -> String {
    URL_SAFE_NO_PAD.encode(bytes)
}

/// `bytes` random bytes as lowercase hex (Message-ID nonces, calendar UIDs).
pub(crate) fn random_hex(bytes: usize) -> anyhow::Result<String> {
    let mut buf = vec![0u8; bytes];
    getrandom::fill(&mut buf).map_err(|e| anyhow::anyhow!("OS random source failed: {e}"))?;
    Ok(buf.iter().map(|b| format!("{b:02x}")).collect())
}

/// A new token and the hash to store.
pub(crate) fn generate() -> anyhow::Result<(String, [u8; 32])> {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes).map_err(|e| anyhow::anyhow!("OS random source failed: {e}"))?;
    let token = base64url(&bytes);
    let hash = hash(&token);
    Ok((token, hash))
}

pub(crate) fn hash(token: &str) -> [u8; 32] {
    Sha256::digest(token.as_bytes()).into()
}

/// Decodes unpadded base64url; None on any other character.
pub(crate) fn decode_base64url(text: &str) -> Option<Vec<u8>> {
    URL_SAFE_NO_PAD.decode(text).ok()
}

/// A token that names its own row: 8 bytes of id then 24 random bytes (192
/// bits), so the store appends in id order instead of scattering random keys.
pub(crate) fn with_id(id: i64, random: &[u8; 24]) -> (String, [u8; 32]) {
    let mut bytes = [0u8; 32];
    bytes[..8].copy_from_slice(&id.to_be_bytes());
    bytes[8..].copy_from_slice(random);
    let token = base64url(&bytes);
    let hash = hash(&token);
    (token, hash)
}

/// The id a `with_id` token names, if it looks like one.
pub(crate) fn id_of(token: &str) -> Option<i64> {
    if !looks_valid(token) {
        return None;
    }
    let bytes = decode_base64url(token)?;
    let id = i64::from_be_bytes(bytes.get(..8)?.try_into().ok()?);
    (id > 0).then_some(id)
}

/// A token as it can appear in a URL: 43 base64url characters.
pub(crate) fn looks_valid(token: &str) -> bool {
    token.len() == 43
        && token
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_43_url_safe_chars_and_distinct() {
        let (a, ha) = generate().unwrap();
        let (b, _) = generate().unwrap();
        assert_ne!(a, b);
        assert!(looks_valid(&a), "{a}");
        assert_eq!(hash(&a), ha);
        assert_eq!(base64url(b"\xfb\xff"), "-_8");
        assert_eq!(decode_base64url("-_8").unwrap(), b"\xfb\xff");
    }

    #[test]
    fn id_tokens_round_trip() {
        let (token, hash) = with_id(123_456, &[7u8; 24]);
        assert_eq!(token.len(), 43);
        assert_eq!(id_of(&token), Some(123_456));
        assert_eq!(super::hash(&token), hash);
        assert_eq!(id_of("short"), None);
    }
}
