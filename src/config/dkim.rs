//! `email.dkim:`: the signing domain, selector and key of DKIM signatures.
//! The key file is read and checked when the config loads, so a key publik
//! cannot sign with is a config error (65), not a failed send.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::Fail;

/// Headers signed by default: what a forger would change, and the list
/// headers a mailbox provider shows as an unsubscribe button.
fn default_headers() -> Vec<String> {
    [
        "from",
        "to",
        "cc",
        "reply-to",
        "subject",
        "date",
        "message-id",
        "mime-version",
        "content-type",
        "list-id",
        "list-unsubscribe",
        "list-unsubscribe-post",
    ]
    .map(String::from)
    .to_vec()
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct DkimConfig {
    /// The signing domain (d=), usually the domain of `email.from`.
    pub domain: String,
    /// The selector (s=): the key is published at SELECTOR._domainkey.DOMAIN.
    pub selector: String,
    /// PEM private key: RSA (PKCS#8 or PKCS#1, 2048 bits or more) or Ed25519 (PKCS#8).
    pub private_key_file: PathBuf,
    /// Header fields signed, when present in the message (`from` always).
    #[serde(default = "default_headers")]
    pub headers: Vec<String>,
    /// The key, decoded and checked when the config loads.
    #[serde(skip)]
    pub key: Option<DkimKey>,
}

/// A private key publik can sign with (its DER, as ring reads it).
#[derive(Clone)]
pub enum DkimKey {
    RsaPkcs8(Vec<u8>),
    RsaPkcs1(Vec<u8>),
    Ed25519Pkcs8(Vec<u8>),
}

impl std::fmt::Debug for DkimKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            DkimKey::RsaPkcs8(_) | DkimKey::RsaPkcs1(_) => "DkimKey(rsa)",
            DkimKey::Ed25519Pkcs8(_) => "DkimKey(ed25519)",
        })
    }
}

impl DkimConfig {
    pub(super) fn validate(&mut self, base: Option<&Path>, fail: &Fail<'_>) -> anyhow::Result<()> {
        let label = |text: &str| {
            !text.is_empty()
                && text.split('.').all(|part| {
                    !part.is_empty()
                        && part
                            .bytes()
                            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
                })
        };
        if !label(&self.domain) {
            return Err(fail(
                "email.dkim.domain",
                format!("\"{}\" is not a domain name", self.domain),
            ));
        }
        if !label(&self.selector) {
            return Err(fail(
                "email.dkim.selector",
                format!("\"{}\" is not a selector", self.selector),
            ));
        }
        for name in &mut self.headers {
            *name = name.trim().to_ascii_lowercase();
            if name.is_empty() || !name.bytes().all(|b| b.is_ascii_graphic() && b != b':') {
                return Err(fail(
                    "email.dkim.headers",
                    format!("\"{name}\" is not a header name"),
                ));
            }
        }
        if !self.headers.iter().any(|h| h == "from") {
            self.headers.insert(0, "from".into());
        }
        let path = match base {
            Some(dir) if self.private_key_file.is_relative() => dir.join(&self.private_key_file),
            _ => self.private_key_file.clone(),
        };
        let field = "email.dkim.private_key_file";
        let pem = crate::capped::text_file(&path, crate::capped::MAX_KEY_FILE_BYTES)
            .map_err(|e| fail(field, format!("cannot read {}: {e}", path.display())))?;
        let key = read_key(&pem).map_err(|e| fail(field, format!("{}: {e}", path.display())))?;
        self.key = Some(key);
        Ok(())
    }
}

/// The key in a PEM file, checked by ring.
fn read_key(pem: &str) -> Result<DkimKey, String> {
    use ring::signature::{Ed25519KeyPair, RsaKeyPair};
    let (label, der) = pem_block(pem).ok_or("not a PEM private key")?;
    match label.as_str() {
        "RSA PRIVATE KEY" => match RsaKeyPair::from_der(&der) {
            Ok(_) => Ok(DkimKey::RsaPkcs1(der)),
            Err(e) => Err(format!("unusable RSA key ({e}); DKIM wants 2048 bits or more")),
        },
        "PRIVATE KEY" => {
            if Ed25519KeyPair::from_pkcs8_maybe_unchecked(&der).is_ok() {
                return Ok(DkimKey::Ed25519Pkcs8(der));
            }
            match RsaKeyPair::from_pkcs8(&der) {
                Ok(_) => Ok(DkimKey::RsaPkcs8(der)),
                Err(e) => Err(format!(
                    "neither an Ed25519 nor a usable RSA key ({e}); RSA wants 2048 bits or more"
                )),
            }
        }
        other => Err(format!(
            "a PEM \"{other}\", not a private key (openssl genpkey writes one)"
        )),
    }
}

/// The label and bytes of the first PEM block.
fn pem_block(pem: &str) -> Option<(String, Vec<u8>)> {
    use base64::Engine;
    let mut lines = pem.lines().map(str::trim);
    let label = lines
        .by_ref()
        .find_map(|l| {
            l.strip_prefix("-----BEGIN ")
                .and_then(|l| l.strip_suffix("-----"))
        })?
        .to_string();
    let end = format!("-----END {label}-----");
    let body: String = lines.take_while(|l| *l != end).collect();
    let der = base64::engine::general_purpose::STANDARD.decode(body).ok()?;
    Some((label, der))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_checked_when_read() {
        assert!(read_key("hello").unwrap_err().contains("not a PEM"));
        let cert = "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n";
        assert!(read_key(cert).unwrap_err().contains("CERTIFICATE"));
        let rng = ring::rand::SystemRandom::new();
        let pkcs8 = ring::signature::Ed25519KeyPair::generate_pkcs8(&rng).unwrap();
        use base64::Engine;
        let pem = format!(
            "-----BEGIN PRIVATE KEY-----\n{}\n-----END PRIVATE KEY-----\n",
            base64::engine::general_purpose::STANDARD.encode(pkcs8.as_ref())
        );
        assert!(matches!(read_key(&pem), Ok(DkimKey::Ed25519Pkcs8(_))));
    }
}
