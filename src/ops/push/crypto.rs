//! Web Push cryptography on ring: the message encryption of RFC 8291
//! (aes128gcm content coding, RFC 8188) and the VAPID JWT of RFC 8292. ring
//! is already in the tree through rustls; the `web-push` crate brought
//! OpenSSL for this alone, and was slower than Python's (see ARCHITECTURE).

use ring::agreement::{self, ECDH_P256, EphemeralPrivateKey, UnparsedPublicKey};
use ring::rand::SecureRandom;
use ring::signature::{ECDSA_P256_SHA256_FIXED_SIGNING, EcdsaKeyPair};
use ring::{aead, hkdf};

/// The record size announced in the header: one record per message.
pub(crate) const RECORD_SIZE: u32 = 4096;

/// An HKDF output length.
struct Len(usize);

impl hkdf::KeyType for Len {
    fn len(&self) -> usize {
        self.0
    }
}

fn expand(prk: &hkdf::Prk, info: &[&[u8]], out: &mut [u8]) -> Result<(), String> {
    prk.expand(info, Len(out.len()))
        .and_then(|okm| okm.fill(out))
        .map_err(|_| "HKDF expansion failed".to_string())
}

/// RFC 8291: `plaintext` encrypted for the subscription's `p256dh` key and
/// `auth` secret, as one aes128gcm record with its header (salt, record
/// size, the sender's ephemeral public key). `random` gives the ephemeral
/// key and the salt.
pub fn encrypt(
    ua_public: &[u8],
    auth: &[u8],
    plaintext: &[u8],
    random: &dyn SecureRandom,
) -> Result<Vec<u8>, String> {
    if plaintext.len() + 1 + 16 > RECORD_SIZE as usize {
        return Err(format!(
            "the payload is {} bytes, over one record",
            plaintext.len()
        ));
    }
    let private = EphemeralPrivateKey::generate(&ECDH_P256, random)
        .map_err(|_| "cannot make an ephemeral key".to_string())?;
    let as_public = private
        .compute_public_key()
        .map_err(|_| "cannot compute the ephemeral public key".to_string())?;
    let as_public = as_public.as_ref().to_vec();
    let mut salt = [0u8; 16];
    random
        .fill(&mut salt)
        .map_err(|_| "OS random source failed".to_string())?;
    let peer = UnparsedPublicKey::new(&ECDH_P256, ua_public);
    let (cek, nonce) = agreement::agree_ephemeral(private, &peer, |ecdh_secret| {
        // §3.3: the input keying material from the ECDH secret and `auth`.
        let prk_key = hkdf::Salt::new(hkdf::HKDF_SHA256, auth).extract(ecdh_secret);
        let mut ikm = [0u8; 32];
        expand(&prk_key, &[b"WebPush: info\0", ua_public, &as_public], &mut ikm)?;
        // RFC 8188 §2.2: the content encryption key and nonce from the salt.
        let prk = hkdf::Salt::new(hkdf::HKDF_SHA256, &salt).extract(&ikm);
        let mut cek = [0u8; 16];
        let mut nonce = [0u8; 12];
        expand(&prk, &[b"Content-Encoding: aes128gcm\0"], &mut cek)?;
        expand(&prk, &[b"Content-Encoding: nonce\0"], &mut nonce)?;
        Ok::<_, String>((cek, nonce))
    })
    .map_err(|_| "the subscription's p256dh key is not a P-256 point".to_string())??;
    let key = aead::LessSafeKey::new(
        aead::UnboundKey::new(&aead::AES_128_GCM, &cek).map_err(|_| "bad content key".to_string())?,
    );
    // The last (and only) record ends with the delimiter 0x02, no padding.
    let mut record = Vec::with_capacity(plaintext.len() + 17);
    record.extend_from_slice(plaintext);
    record.push(2);
    key.seal_in_place_append_tag(
        aead::Nonce::assume_unique_for_key(nonce),
        aead::Aad::empty(),
        &mut record,
    )
    .map_err(|_| "encryption failed".to_string())?;
    let mut body = Vec::with_capacity(16 + 4 + 1 + as_public.len() + record.len());
    body.extend_from_slice(&salt);
    body.extend_from_slice(&RECORD_SIZE.to_be_bytes());
    body.push(as_public.len() as u8);
    body.extend_from_slice(&as_public);
    body.extend_from_slice(&record);
    Ok(body)
}

/// The application server's VAPID key (RFC 8292), for ES256 JWTs.
pub struct VapidKey {
    pair: EcdsaKeyPair,
    public: Vec<u8>,
}

impl VapidKey {
    /// From the private scalar and the uncompressed public point.
    pub fn new(private: &[u8], public: &[u8]) -> Result<VapidKey, String> {
        let random = ring::rand::SystemRandom::new();
        let pair = EcdsaKeyPair::from_private_key_and_public_key(
            &ECDSA_P256_SHA256_FIXED_SIGNING,
            private,
            public,
            &random,
        )
        .map_err(|e| format!("not a P-256 key pair: {e}"))?;
        Ok(VapidKey {
            pair,
            public: public.to_vec(),
        })
    }

    /// The `Authorization` header for a push service at `audience` (its
    /// origin): `vapid t=JWT, k=PUBLIC_KEY`, the JWT valid until `expires`
    /// (seconds since the epoch).
    pub fn authorization(&self, audience: &str, subject: &str, expires: i64) -> Result<String, String> {
        let header = crate::token::base64url(br#"{"typ":"JWT","alg":"ES256"}"#);
        let claims = serde_json::json!({"aud": audience, "exp": expires, "sub": subject});
        let input = format!(
            "{header}.{}",
            crate::token::base64url(claims.to_string().as_bytes())
        );
        let random = ring::rand::SystemRandom::new();
        let signature = self
            .pair
            .sign(&random, input.as_bytes())
            .map_err(|_| "VAPID signature failed".to_string())?;
        Ok(format!(
            "vapid t={input}.{}, k={}",
            crate::token::base64url(signature.as_ref()),
            crate::token::base64url(&self.public)
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn b(text: &str) -> Vec<u8> {
        use base64::Engine;
        base64::engine::general_purpose::URL_SAFE_NO_PAD
            .decode(text)
            .unwrap()
    }

    /// RFC 8291 Appendix A: the sender's fixed key and salt give exactly the
    /// example message.
    #[test]
    #[allow(deprecated)]
    fn rfc_8291_example_message() {
        let as_private = b("yfWPiYE-n46HLnH0KqZOF1fJJU3MYrct3AELtAQ-oRw");
        let salt = b("DGv6ra1nlYgDCS1FRnbzlw");
        let random = ring::test::rand::FixedSliceSequenceRandom {
            bytes: &[&as_private, &salt],
            current: core::cell::UnsafeCell::new(0),
        };
        let ua_public =
            b("BCVxsr7N_eNgVRqvHtD0zTZsEc6-VV-JvLexhqUzORcxaOzi6-AYWXvTBHm4bjyPjs7Vd8pZGH6SRpkNtoIAiw4");
        let auth = b("BTBZMqHH6r4Tts7J_aSIgg");
        let body = encrypt(
            &ua_public,
            &auth,
            b"When I grow up, I want to be a watermelon",
            &random,
        )
        .unwrap();
        assert_eq!(
            crate::token::base64url(&body),
            "DGv6ra1nlYgDCS1FRnbzlwAAEABBBP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27mlmlMoZIIgDll6e3vCYLocInmYWAmS6TlzAC8wEqKK6PBru3jl7A_yl95bQpu6cVPTpK4Mqgkf1CXztLVBSt2Ks3oZwbuwXPXLWyouBWLVWGNWQexSgSxsj_Qulcy4a-fN"
        );
    }

    #[test]
    fn a_payload_over_one_record_is_refused() {
        let random = ring::rand::SystemRandom::new();
        let ua = b("BCVxsr7N_eNgVRqvHtD0zTZsEc6-VV-JvLexhqUzORcxaOzi6-AYWXvTBHm4bjyPjs7Vd8pZGH6SRpkNtoIAiw4");
        assert!(encrypt(&ua, &[0; 16], &[b'x'; 4080], &random).is_err());
        assert!(encrypt(&ua, &[0; 16], &[b'x'; 4000], &random).is_ok());
        assert!(encrypt(&[4; 65], &[0; 16], b"x", &random).is_err(), "not a point");
    }
}
