//! A Web Push service on 127.0.0.1 (`keep_alive.rs`). For every request it checks
//! the VAPID JWT (ES256 signature against the `k=` key, `aud`, `exp`, `sub`)
//! and decrypts the aes128gcm body with the subscriber's keys; it answers with
//! the status named in the endpoint path (`/push/410/…` → 410).

#![allow(dead_code)]

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use p256::ecdsa::signature::Verifier;
use serde_json::Value;

#[derive(Debug, Clone)]
pub struct Received {
    pub path: String,
    pub headers: Vec<(String, String)>,
    /// The decrypted payload, or why it could not be checked.
    pub plaintext: Result<String, String>,
    /// VAPID check: the claims, or why it failed.
    pub vapid: Result<Value, String>,
}

impl Received {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

pub struct Subscriber {
    pub endpoint: String,
    pub p256dh: String,
    pub auth: String,
    components: ece::EcKeyComponents,
    auth_bytes: Vec<u8>,
}

impl Subscriber {
    /// A browser's PushSubscription.toJSON().
    pub fn json(&self) -> String {
        serde_json::json!({"endpoint": self.endpoint, "expirationTime": null, "keys": {"p256dh": self.p256dh, "auth": self.auth}})
            .to_string()
    }
}

fn b64url(bytes: &[u8]) -> String {
    use base64::Engine;
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

fn unb64url(text: &str) -> Option<Vec<u8>> {
    use base64::Engine;
    base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(text.trim_end_matches('='))
        .ok()
}

#[derive(Default)]
struct State {
    /// Milliseconds each answer waits (a slow push service).
    delay_ms: std::sync::atomic::AtomicU64,
    received: Mutex<Vec<Received>>,
    keys: Mutex<HashMap<String, (ece::EcKeyComponents, Vec<u8>)>>,
}

pub struct PushService {
    pub port: u16,
    pub subject: String,
    state: Arc<State>,
}

impl PushService {
    pub fn start(subject: &str) -> PushService {
        let state = Arc::new(State::default());
        let shared = state.clone();
        let expected_sub = subject.to_string();
        let port_cell = Arc::new(std::sync::OnceLock::new());
        let known_port = port_cell.clone();
        let port = super::keep_alive::start(Arc::new(move |request| {
            handle(&shared, *known_port.get().unwrap(), &expected_sub, request)
        }));
        port_cell.set(port).unwrap();
        PushService {
            port,
            subject: subject.into(),
            state,
        }
    }

    /// A new browser subscription whose endpoint answers `status`.
    pub fn subscriber(&self, status: u16, name: &str) -> Subscriber {
        let (pair, auth) = ece::generate_keypair_and_auth_secret().unwrap();
        let endpoint = format!("http://127.0.0.1:{}/push/{status}/{name}", self.port);
        let components = pair.raw_components().unwrap();
        self.state.keys.lock().unwrap().insert(
            format!("/push/{status}/{name}"),
            (components.clone(), auth.to_vec()),
        );
        Subscriber {
            endpoint,
            p256dh: b64url(&pair.pub_as_raw().unwrap()),
            auth: b64url(&auth),
            components,
            auth_bytes: auth.to_vec(),
        }
    }

    pub fn set_delay(&self, delay: std::time::Duration) {
        self.state
            .delay_ms
            .store(delay.as_millis() as u64, std::sync::atomic::Ordering::SeqCst);
    }

    pub fn received(&self) -> Vec<Received> {
        self.state.received.lock().unwrap().clone()
    }
}

fn check_vapid(header: Option<&str>, origin: &str, subject: &str) -> Result<Value, String> {
    let header = header.ok_or("no Authorization header")?;
    let rest = header.strip_prefix("vapid ").ok_or("not a vapid Authorization")?;
    let mut token = None;
    let mut key = None;
    for part in rest.split(',') {
        let part = part.trim();
        if let Some(t) = part.strip_prefix("t=") {
            token = Some(t);
        } else if let Some(k) = part.strip_prefix("k=") {
            key = Some(k);
        }
    }
    let (token, key) = (token.ok_or("no t=")?, key.ok_or("no k=")?);
    let key = p256::ecdsa::VerifyingKey::from_sec1_bytes(&unb64url(key).ok_or("k is not base64url")?)
        .map_err(|e| format!("k is not a P-256 key: {e}"))?;
    let mut parts = token.split('.');
    let (header, claims, signature) = (
        parts.next().ok_or("jwt")?,
        parts.next().ok_or("jwt")?,
        parts.next().ok_or("jwt")?,
    );
    let jose: Value =
        serde_json::from_slice(&unb64url(header).ok_or("jwt header")?).map_err(|e| e.to_string())?;
    if jose["alg"] != "ES256" {
        return Err(format!("alg {}", jose["alg"]));
    }
    let signature = p256::ecdsa::Signature::from_slice(&unb64url(signature).ok_or("jwt signature")?)
        .map_err(|e| format!("signature: {e}"))?;
    key.verify(format!("{header}.{claims}").as_bytes(), &signature)
        .map_err(|_| "bad signature".to_string())?;
    let claims: Value =
        serde_json::from_slice(&unb64url(claims).ok_or("jwt claims")?).map_err(|e| e.to_string())?;
    if claims["aud"] != origin {
        return Err(format!("aud {} is not {origin}", claims["aud"]));
    }
    if claims["sub"] != subject {
        return Err(format!("sub {} is not {subject}", claims["sub"]));
    }
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64;
    let exp = claims["exp"].as_i64().ok_or("no exp")?;
    if exp <= now || exp > now + 12 * 3600 + 60 {
        return Err(format!("exp {exp} is not within 12 h"));
    }
    Ok(claims)
}

fn handle(
    state: &State,
    port: u16,
    subject: &str,
    request: super::keep_alive::Incoming,
) -> super::keep_alive::Outgoing {
    std::thread::sleep(std::time::Duration::from_millis(
        state.delay_ms.load(std::sync::atomic::Ordering::SeqCst),
    ));
    let body = request.body;
    let path = request.url;
    let headers = request.headers;
    let find = |name: &str| {
        headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    };
    let vapid = check_vapid(
        find("Authorization"),
        &format!("http://127.0.0.1:{port}"),
        subject,
    );
    let plaintext = match state.keys.lock().unwrap().get(&path) {
        Some((components, auth)) => ece::decrypt(components, auth, &body)
            .map_err(|e| format!("cannot decrypt: {e}"))
            .and_then(|p| String::from_utf8(p).map_err(|e| e.to_string())),
        None => Err("unknown subscriber".into()),
    };
    state.received.lock().unwrap().push(Received {
        path: path.clone(),
        headers: headers.clone(),
        plaintext,
        vapid,
    });
    let status: u16 = path.split('/').nth(2).and_then(|s| s.parse().ok()).unwrap_or(201);
    let mut response_headers = Vec::new();
    if status == 429 {
        response_headers.push(("Retry-After".to_string(), "120".to_string()));
    }
    super::keep_alive::Outgoing {
        status,
        headers: response_headers,
        body: format!("status {status}").into_bytes(),
    }
}
