//! `POST /api/mail/response/` on Publik signed URLs: a key too short to be
//! a secret is refused by `config check`; a nonce is used once per caller,
//! also across a restart of `serve` (it is kept in the state until its
//! timestamp's window closes), and one caller's nonce is no other's.

use crate::common::{self, Env};
use crate::maarch::{API_KEY, signed};

const OTHER_KEY: &str = "another-callers-shared-key";

/// `serve.api_callers` with two callers, over the Env's state.
fn two_callers(env: &Env) {
    env.write(
        "publik.yaml",
        &format!(
            "serve:\n{}  api_callers:\n    wcs.example.org:\n      key: {API_KEY}\n    \
             other.example.org:\n      key: {OTHER_KEY}\n",
            env.serve_config()
        ),
    );
}

/// The status of a signed call answering a mail publik does not have: 404
/// once the signature and nonce are accepted, 403 when refused.
fn call(served: &common::Served, query: &str) -> u16 {
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .build()
        .into();
    agent
        .post(&format!("{}/api/mail/response/?{query}", served.base))
        .send_json(serde_json::json!({"mail_number": "maarch-99", "content": "x"}))
        .unwrap()
        .status()
        .as_u16()
}

#[test]
fn a_nonce_is_used_once_per_caller_across_restarts_on_sqlite() {
    a_nonce_is_used_once_per_caller_across_restarts(common::Kind::Sqlite);
}

#[test]
fn a_nonce_is_used_once_per_caller_across_restarts_on_postgresql() {
    a_nonce_is_used_once_per_caller_across_restarts(common::Kind::Postgres);
}

fn a_nonce_is_used_once_per_caller_across_restarts(kind: common::Kind) {
    let env = Env::on(kind);
    two_callers(&env);
    let now = chrono::Utc::now();
    let first = signed("wcs.example.org", API_KEY, "n-1", now);
    let served = env.serve();
    assert_eq!(call(&served, &first), 404, "accepted, the mail looked up");
    assert_eq!(call(&served, &first), 403, "replayed");
    // The same nonce from another caller is that caller's own.
    let other = signed("other.example.org", OTHER_KEY, "n-1", now);
    assert_eq!(call(&served, &other), 404, "another caller's nonce");
    drop(served);

    // After a restart, within the timestamp's window: still used.
    let served = env.serve();
    assert_eq!(call(&served, &first), 403, "replayed after a restart");
    assert_eq!(call(&served, &other), 403, "replayed after a restart");
    let fresh = signed("wcs.example.org", API_KEY, "n-2", chrono::Utc::now());
    assert_eq!(call(&served, &fresh), 404);
}

/// An empty or short key makes a signature anyone can forge: refused,
/// naming the field, before anything is served.
#[test]
fn a_short_caller_key_is_refused() {
    let env = Env::new();
    for key in ["\"\"", "short-key-15byt", "\"  \""] {
        env.write(
            "publik.yaml",
            &format!("serve:\n  api_callers:\n    x:\n      key: {key}\n"),
        );
        let out = env.publik().args(["config", "check"]).output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(65), "key {key}: {stderr}");
        assert!(stderr.contains("serve.api_callers.x.key"), "{stderr}");
        assert!(stderr.contains("16 bytes"), "{stderr}");
    }
    env.write(
        "publik.yaml",
        "serve:\n  api_callers:\n    x:\n      key: sixteen-bytes-ok\n",
    );
    env.publik().args(["config", "check"]).assert().success();
}
