//! Publik's signed URLs, between its services: the query gets `algo`,
//! `timestamp`, `nonce`, `orig`, then `signature`, the base64 HMAC of the
//! query before it, with the key the two services share. publik signs its
//! calls to w.c.s. (SHA-256) and checks the calls made to its own API as
//! Entr'ouvert's signature.py does (SHA-256, 384 or 512).

use base64::Engine;
use hmac::{Hmac, KeyInit, Mac};
use sha2::{Sha256, Sha384, Sha512};

/// How far a signed timestamp may be from now, as Publik allows.
pub(crate) const MAX_SKEW_SECS: i64 = 30;

/// `query` signed for `orig` with `key` at `timestamp` (`%Y-%m-%dT%H:%M:%SZ`),
/// as Publik signs URLs.
pub(crate) fn sign_query(
    query: &str,
    key: &str,
    orig: &str,
    timestamp: &str,
    nonce: &str,
) -> anyhow::Result<String> {
    let mut signed = query.to_string();
    if !signed.is_empty() {
        signed.push('&');
    }
    signed.push_str(&format!(
        "algo=sha256&timestamp={}&nonce={}&orig={}",
        crate::urlencoded::encode(timestamp),
        crate::urlencoded::encode(nonce),
        crate::urlencoded::encode(orig)
    ));
    let mut mac = <Hmac<Sha256> as KeyInit>::new_from_slice(key.as_bytes())
        .map_err(|e| anyhow::anyhow!("wcs key: {e}"))?;
    mac.update(signed.as_bytes());
    let signature = base64::engine::general_purpose::STANDARD.encode(mac.finalize().into_bytes());
    // Python's quote(): `/` stays.
    let signature = crate::urlencoded::encode(&signature).replace("%2F", "/");
    Ok(format!("{signed}&signature={signature}"))
}

/// A call whose signature holds: who made it, its nonce, and until when
/// the nonce must be remembered (after that, its timestamp is refused).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct SignedCall {
    pub orig: String,
    pub nonce: String,
    pub nonce_until: chrono::DateTime<chrono::Utc>,
}

/// A query signed as Publik signs them, by a caller whose key `key_of`
/// gives, at a time within `MAX_SKEW_SECS` of `now` (the caller refuses a
/// nonce seen before). Errors say why, for the log only.
pub(crate) fn verify_query(
    query: &str,
    key_of: impl Fn(&str) -> Option<String>,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<SignedCall, String> {
    // As Entr'ouvert's signature.py reads it: the signed part ends at the
    // first `&signature=`; what follows the signature's value is ignored.
    let (signed, rest) = query.split_once("&signature=").ok_or("no signature")?;
    let signature = rest.split('&').next().unwrap_or_default();
    let params: std::collections::HashMap<String, String> = signed
        .split('&')
        .filter_map(|pair| pair.split_once('='))
        .map(|(k, v)| (k.to_string(), crate::urlencoded::decode(v)))
        .collect();
    let get = |name: &str| params.get(name).cloned().ok_or(format!("no {name}"));
    let algo = get("algo")?;
    let orig = get("orig")?;
    let nonce = get("nonce")?;
    let timestamp = chrono::NaiveDateTime::parse_from_str(&get("timestamp")?, "%Y-%m-%dT%H:%M:%SZ")
        .map_err(|_| "timestamp is not %Y-%m-%dT%H:%M:%SZ".to_string())?;
    if (now.naive_utc() - timestamp).num_seconds().abs() > MAX_SKEW_SECS {
        return Err(format!("timestamp {timestamp} is too far from now"));
    }
    let key = key_of(&orig).ok_or(format!("unknown orig {orig}"))?;
    let given = base64::engine::general_purpose::STANDARD
        .decode(crate::urlencoded::decode(signature))
        .map_err(|_| "signature is not base64".to_string())?;
    // The SHA-2 family, as hashlib offers it to Publik; never SHA-1 or MD5.
    macro_rules! mac_matches {
        ($digest:ty) => {
            <Hmac<$digest> as KeyInit>::new_from_slice(key.as_bytes())
                .map(|mut mac| {
                    mac.update(signed.as_bytes());
                    // Compared in constant time.
                    mac.verify_slice(&given).is_ok()
                })
                .unwrap_or(false)
        };
    }
    let genuine = match algo.as_str() {
        "sha256" => mac_matches!(Sha256),
        "sha384" => mac_matches!(Sha384),
        "sha512" => mac_matches!(Sha512),
        other => return Err(format!("algo {other} is not accepted (sha256, sha384, sha512)")),
    };
    if !genuine {
        return Err("bad signature".into());
    }
    // One second more: a call at the window's last second is still refused.
    let nonce_until = timestamp.and_utc() + chrono::Duration::seconds(MAX_SKEW_SECS + 1);
    Ok(SignedCall {
        orig,
        nonce,
        nonce_until,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_is_signed_verifies_and_nothing_else() {
        let now = chrono::DateTime::parse_from_rfc3339("2026-11-24T10:00:10Z")
            .unwrap()
            .with_timezone(&chrono::Utc);
        let signed = sign_query("a=1", "k3y", "wcs.example.org", "2026-11-24T10:00:00Z", "n0nce").unwrap();
        let key = |orig: &str| (orig == "wcs.example.org").then(|| "k3y".to_string());
        assert_eq!(
            verify_query(&signed, key, now).map(|call| (call.orig, call.nonce)),
            Ok(("wcs.example.org".into(), "n0nce".into()))
        );
        assert!(
            verify_query(&signed.replace("a=1", "a=2"), key, now).is_err(),
            "tampered"
        );
        assert!(
            verify_query(&signed, |_| Some("other".into()), now).is_err(),
            "wrong key"
        );
        let late = now + chrono::Duration::seconds(60);
        assert!(verify_query(&signed, key, late).is_err(), "stale");
    }

    /// Entr'ouvert's `sign_query` (signature.py), ported: the query, then
    /// `algo`, `timestamp`, `nonce` urlencoded, the HMAC with hashlib's
    /// `algo` in base64, quoted.
    fn reference_sign(query: &str, key: &str, algo: &str, timestamp: &str, nonce: &str) -> String {
        let mut new_query = query.to_string();
        if !new_query.is_empty() {
            new_query.push('&');
        }
        new_query.push_str(&format!(
            "algo={algo}&timestamp={}&nonce={nonce}",
            crate::urlencoded::encode(timestamp)
        ));
        macro_rules! digest {
            ($digest:ty) => {{
                let mut mac = <Hmac<$digest> as KeyInit>::new_from_slice(key.as_bytes()).unwrap();
                mac.update(new_query.as_bytes());
                mac.finalize().into_bytes().to_vec()
            }};
        }
        let raw = match algo {
            "sha256" => digest!(Sha256),
            "sha384" => digest!(Sha384),
            "sha512" => digest!(Sha512),
            _ => unreachable!(),
        };
        let signature = base64::engine::general_purpose::STANDARD.encode(raw);
        format!(
            "{new_query}&signature={}",
            crate::urlencoded::encode(&signature).replace("%2F", "/")
        )
    }

    /// URLs signed as w.c.s. signs them: every SHA-2 algorithm verifies,
    /// SHA-1 and MD5 never; the signed part ends at the first
    /// `&signature=` and a parameter after the signature is ignored, as
    /// signature.py does.
    #[test]
    fn urls_signed_by_the_reference_verify() {
        let now = chrono::DateTime::parse_from_rfc3339("2026-11-24T10:00:10Z")
            .unwrap()
            .with_timezone(&chrono::Utc);
        let key = |orig: &str| (orig == "wcs.example.org").then(|| "k3y".to_string());
        let query = "orig=wcs.example.org&mail_id=maarch-1";
        for algo in ["sha256", "sha384", "sha512"] {
            let signed = reference_sign(query, "k3y", algo, "2026-11-24T10:00:00Z", "a1b2");
            assert_eq!(
                verify_query(&signed, key, now).map(|call| (call.orig, call.nonce)),
                Ok(("wcs.example.org".into(), "a1b2".into())),
                "{algo}"
            );
            let followed = format!("{signed}&format=json");
            assert!(verify_query(&followed, key, now).is_ok(), "{algo}: {followed}");
            assert!(verify_query(&signed.replace("maarch-1", "maarch-2"), key, now).is_err());
        }
        // Refused by name, before any MAC is computed.
        for algo in ["sha1", "md5"] {
            let signed = reference_sign(query, "k3y", "sha256", "2026-11-24T10:00:00Z", "a1b2")
                .replace("algo=sha256", &format!("algo={algo}"));
            let refused = verify_query(&signed, key, now).unwrap_err();
            assert!(refused.contains("not accepted"), "{algo}: {refused}");
        }
    }

    #[test]
    fn signatures_follow_publiks_scheme() {
        let signed = sign_query("", "s3cr3t", "publik", "2026-11-24T10:00:00Z", "abc").unwrap();
        assert!(
            signed.starts_with(
                "algo=sha256&timestamp=2026-11-24T10%3A00%3A00Z&nonce=abc&orig=publik&signature="
            ),
            "{signed}"
        );
        let (query, signature) = signed.split_once("&signature=").unwrap();
        let mut mac = <Hmac<Sha256> as KeyInit>::new_from_slice(b"s3cr3t").unwrap();
        mac.update(query.as_bytes());
        let expected = base64::engine::general_purpose::STANDARD.encode(mac.finalize().into_bytes());
        assert_eq!(signature.replace("%2B", "+").replace("%3D", "="), expected);
    }
}
