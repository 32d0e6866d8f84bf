//! DKIM signatures (RFC 6376, Ed25519 per RFC 8463), relaxed/relaxed, made
//! at send time over the final message: links expanded, headers folded,
//! exactly the bytes the relay receives. ring signs; no OpenSSL.

use base64::Engine;
use ring::signature::{Ed25519KeyPair, RSA_PKCS1_SHA256, RsaKeyPair};
use sha2::{Digest, Sha256};

use crate::config::{DkimConfig, DkimKey};

enum Key {
    Rsa(RsaKeyPair),
    Ed25519(Ed25519KeyPair),
}

pub(crate) struct Signer {
    domain: String,
    selector: String,
    headers: Vec<String>,
    key: Key,
    random: ring::rand::SystemRandom,
}

fn base64(bytes: &[u8]) -> String {
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

impl Signer {
    pub(crate) fn new(config: &DkimConfig) -> anyhow::Result<Signer> {
        let rejected = |e: ring::error::KeyRejected| anyhow::anyhow!("email.dkim.private_key_file: {e}");
        let key = match &config.key {
            Some(DkimKey::RsaPkcs8(der)) => Key::Rsa(RsaKeyPair::from_pkcs8(der).map_err(rejected)?),
            Some(DkimKey::RsaPkcs1(der)) => Key::Rsa(RsaKeyPair::from_der(der).map_err(rejected)?),
            Some(DkimKey::Ed25519Pkcs8(der)) => {
                Key::Ed25519(Ed25519KeyPair::from_pkcs8_maybe_unchecked(der).map_err(rejected)?)
            }
            None => anyhow::bail!("email.dkim.private_key_file: the key was not read"),
        };
        Ok(Signer {
            domain: config.domain.clone(),
            selector: config.selector.clone(),
            headers: config.headers.clone(),
            key,
            random: ring::rand::SystemRandom::new(),
        })
    }

    /// The DNS TXT record that publishes the public key: its name and value.
    pub(crate) fn dns_record(&self) -> (String, String) {
        use ring::signature::KeyPair;
        let name = format!("{}._domainkey.{}", self.selector, self.domain);
        let value = match &self.key {
            Key::Rsa(key) => format!("v=DKIM1; k=rsa; p={}", base64(&rsa_spki(key.public().as_ref()))),
            Key::Ed25519(key) => format!("v=DKIM1; k=ed25519; p={}", base64(key.public_key().as_ref())),
        };
        (name, value)
    }

    /// `message` with a DKIM-Signature header in front, signed at `now`
    /// (seconds since the epoch).
    pub(crate) fn sign(&self, message: Vec<u8>, now: i64) -> Result<Vec<u8>, String> {
        let (head, body) = match super::fold::header_end(&message) {
            Some(at) => (&message[..at], &message[at + 2..]),
            None => (&message[..], &b""[..]),
        };
        let body_hash = base64(&Sha256::digest(relaxed_body(body)));
        let fields = fields(head);
        let mut signed = String::new();
        let mut names = Vec::new();
        for wanted in &self.headers {
            // Several instances of a field are signed from the bottom up.
            for (name, value) in fields
                .iter()
                .rev()
                .filter(|(name, _)| name.eq_ignore_ascii_case(wanted))
            {
                signed.push_str(&relaxed_header(name, value));
                names.push(wanted.as_str());
            }
        }
        let algorithm = match self.key {
            Key::Rsa(_) => "rsa-sha256",
            Key::Ed25519(_) => "ed25519-sha256",
        };
        let value = format!(
            " v=1; a={algorithm}; c=relaxed/relaxed;\r\n\td={}; s={}; t={now};\r\n\th={};\r\n\tbh={body_hash};\r\n\tb=",
            self.domain,
            self.selector,
            folded_list(&names)
        );
        // The signature covers its own header with an empty b=, without the final CRLF.
        let mut data = signed.into_bytes();
        data.extend_from_slice(
            relaxed_header("DKIM-Signature", &value)
                .trim_end_matches("\r\n")
                .as_bytes(),
        );
        let signature = match &self.key {
            Key::Rsa(key) => {
                let mut signature = vec![0; key.public().modulus_len()];
                key.sign(&RSA_PKCS1_SHA256, &self.random, &data, &mut signature)
                    .map_err(|_| "DKIM: RSA signing failed".to_string())?;
                signature
            }
            Key::Ed25519(key) => key.sign(&Sha256::digest(&data)).as_ref().to_vec(),
        };
        let encoded = base64(&signature);
        let folded: Vec<&str> = encoded
            .as_bytes()
            .chunks(70)
            .map(|chunk| std::str::from_utf8(chunk).unwrap_or_default())
            .collect();
        let mut out = format!("DKIM-Signature:{value}{}\r\n", folded.join("\r\n\t")).into_bytes();
        out.reserve(message.len());
        out.extend_from_slice(&message);
        Ok(out)
    }
}

/// `a:b:c`, folded after a colon before a line grows past 70 characters.
fn folded_list(names: &[&str]) -> String {
    let mut out = String::new();
    let mut line = 0;
    for (i, name) in names.iter().enumerate() {
        if i > 0 {
            out.push(':');
            line += 1;
            if line + name.len() > 68 {
                out.push_str("\r\n\t");
                line = 0;
            }
        }
        out.push_str(name);
        line += name.len();
    }
    out
}

/// The header fields of a header section: name and raw value (folding kept).
fn fields(head: &[u8]) -> Vec<(String, String)> {
    let text = String::from_utf8_lossy(head);
    let mut fields: Vec<(String, String)> = Vec::new();
    for line in text.split_inclusive("\r\n") {
        if line.starts_with([' ', '\t']) {
            if let Some((_, value)) = fields.last_mut() {
                value.push_str(line);
            }
        } else if let Some((name, value)) = line.split_once(':') {
            fields.push((name.to_string(), value.to_string()));
        }
    }
    fields
}

/// RFC 6376 §3.4.2: the name in lower case, the value unfolded, runs of
/// whitespace made one space, none around the colon or at the end.
fn relaxed_header(name: &str, value: &str) -> String {
    let unfolded = value.replace("\r\n", "");
    let value = unfolded
        .split([' ', '\t'])
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    format!("{}:{value}\r\n", name.trim().to_ascii_lowercase())
}

/// RFC 6376 §3.4.4: whitespace at line ends dropped and runs of it made one
/// space, empty lines at the end dropped, a final CRLF if anything is left.
fn relaxed_body(body: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(body.len());
    let mut blank_lines = 0;
    for line in body.split(|b| *b == b'\n') {
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        let mut canonical = Vec::with_capacity(line.len());
        let mut in_space = false;
        for &byte in line {
            if byte == b' ' || byte == b'\t' {
                in_space = true;
            } else {
                if in_space {
                    canonical.push(b' ');
                    in_space = false;
                }
                canonical.push(byte);
            }
        }
        if canonical.is_empty() {
            blank_lines += 1;
            continue;
        }
        for _ in 0..blank_lines {
            out.extend_from_slice(b"\r\n");
        }
        blank_lines = 0;
        out.extend_from_slice(&canonical);
        out.extend_from_slice(b"\r\n");
    }
    out
}

/// An RSAPublicKey (PKCS#1) wrapped as the SubjectPublicKeyInfo a DKIM
/// record's p= carries.
fn rsa_spki(pkcs1: &[u8]) -> Vec<u8> {
    fn der(tag: u8, content: &[u8]) -> Vec<u8> {
        let mut out = vec![tag];
        let len = content.len();
        if len < 0x80 {
            out.push(len as u8);
        } else {
            let bytes: Vec<u8> = len.to_be_bytes().into_iter().skip_while(|b| *b == 0).collect();
            out.push(0x80 | bytes.len() as u8);
            out.extend_from_slice(&bytes);
        }
        out.extend_from_slice(content);
        out
    }
    // SEQUENCE { OID 1.2.840.113549.1.1.1 (rsaEncryption), NULL }
    let algorithm = der(
        0x30,
        &[
            0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00,
        ],
    );
    let mut bits = vec![0u8];
    bits.extend_from_slice(pkcs1);
    der(0x30, &[algorithm, der(0x03, &bits)].concat())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relaxed_canonicalization_follows_rfc_6376() {
        // RFC 6376 §3.4.5's example.
        assert_eq!(relaxed_header("A", " X\r\n"), "a:X\r\n");
        assert_eq!(relaxed_header("B ", " Y\t\r\n\tZ  \r\n"), "b:Y Z\r\n");
        assert_eq!(relaxed_body(b" C \r\nD \t E\r\n\r\n\r\n"), b" C\r\nD E\r\n");
        assert_eq!(relaxed_body(b""), b"");
        assert_eq!(relaxed_body(b"\r\n\r\n"), b"");
        assert_eq!(relaxed_body(b"a\r\n\r\nb"), b"a\r\n\r\nb\r\n");
    }

    #[test]
    fn fields_keep_their_folding() {
        let f = fields(b"To: a@b.c,\r\n c@d.e\r\nSubject: x\r\n");
        assert_eq!(
            f,
            [
                ("To".into(), " a@b.c,\r\n c@d.e\r\n".into()),
                ("Subject".into(), " x\r\n".into())
            ]
        );
    }
}
