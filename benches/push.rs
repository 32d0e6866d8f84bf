//! Web Push benchmarks (issue #5). Run with `cargo bench --bench push`.
//!
//! - encrypt (RFC 8291 aes128gcm) + sign (RFC 8292 VAPID) per second on one
//!   core, against encryption alone (ece) measured in the same run;
//! - 10 000 notifications to a loopback push service: `publik send-webpush`
//!   (keep-alive, webpush.concurrency 8, then 1), against one connection per
//!   message (a new HTTP agent for each request) in the same run.

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

const PUBLIK: &str = env!("CARGO_BIN_EXE_publik");
const SUBSCRIBERS: usize = 100;
const NOTIFICATIONS_EACH: usize = 100;

fn publik(dir: &Path, args: &[&str], stdin: Option<&str>) {
    use std::io::Write;
    let mut child = Command::new(PUBLIK)
        .current_dir(dir)
        .env("PUBLIK_STATE", dir.join("state.sqlite3"))
        .env("PUBLIK_CONFIG", dir.join("publik.yaml"))
        .env_remove("PUBLIK_NOW")
        .args(args)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::null())
        .spawn()
        .expect("spawn");
    if let Some(text) = stdin {
        child.stdin.take().unwrap().write_all(text.as_bytes()).unwrap();
    }
    drop(child.stdin.take());
    assert!(child.wait().unwrap().success(), "publik {args:?}");
}

fn b64url(bytes: &[u8]) -> String {
    use base64::Engine;
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

/// A push service that accepts everything (201), with four worker threads.
fn sink() -> (u16, std::sync::Arc<std::sync::atomic::AtomicUsize>) {
    let server = std::sync::Arc::new(tiny_http::Server::http("127.0.0.1:0").unwrap());
    let port = server.server_addr().to_ip().unwrap().port();
    let count = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
    for _ in 0..4 {
        let server = server.clone();
        let count = count.clone();
        std::thread::spawn(move || {
            while let Ok(mut request) = server.recv() {
                let mut body = Vec::new();
                let _ = request.as_reader().read_to_end(&mut body);
                count.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
                let _ = request.respond(tiny_http::Response::empty(201));
            }
        });
    }
    (port, count)
}

fn queue_notifications(dir: &Path, port: u16, concurrency: u32) {
    std::fs::write(
        dir.join("publik.yaml"),
        format!(
            "webpush:\n  private_key_file: vapid.pem\n  subject: \"mailto:admin@ville.example.org\"\n  max_subscriptions_per_user: {SUBSCRIBERS}\n  concurrency: {concurrency}\n"
        ),
    )
    .unwrap();
    if !dir.join("vapid.pem").exists() {
        publik(dir, &["vapid", "generate", "--out", "vapid.pem"], None);
        for i in 0..SUBSCRIBERS {
            let (pair, auth) = ece::generate_keypair_and_auth_secret().unwrap();
            let json = serde_json::json!({
                "endpoint": format!("http://127.0.0.1:{port}/push/{i}"),
                "keys": {"p256dh": b64url(&pair.pub_as_raw().unwrap()), "auth": b64url(&auth)},
            });
            publik(
                dir,
                &["push", "subscribe", "--user", "bench"],
                Some(&json.to_string()),
            );
        }
    }
    for i in 0..NOTIFICATIONS_EACH {
        publik(
            dir,
            &[
                "notify",
                "--user",
                "bench",
                "--title",
                &format!("Notification {i}"),
                "--body",
                "Votre demande a avancé.",
            ],
            None,
        );
    }
}

fn timed_send(dir: &Path) -> Duration {
    let started = Instant::now();
    publik(dir, &["send-webpush"], None);
    started.elapsed()
}

fn main() {
    use web_push::{ContentEncoding, SubscriptionInfo, VapidSignatureBuilder, WebPushMessageBuilder};
    // Encrypt + sign, one core.
    let key_dir = tempfile::tempdir().unwrap();
    let key_path = key_dir.path().join("k.pem");
    Command::new(PUBLIK)
        .args(["vapid", "generate", "--out"])
        .arg(&key_path)
        .env("PUBLIK_STATE", key_dir.path().join("s"))
        .output()
        .unwrap();
    let pem = std::fs::read_to_string(&key_path).unwrap();
    let (pair, auth) = ece::generate_keypair_and_auth_secret().unwrap();
    let info = SubscriptionInfo::new(
        "https://push.example.org/x".to_string(),
        b64url(&pair.pub_as_raw().unwrap()),
        b64url(&auth),
    );
    let payload = br#"{"title":"Votre demande a avance","body":"Le maire a valide la demande 42.","url":"https://demarches.example.org/suivi/42/"}"#;
    let n = 2000;
    let vapid = VapidSignatureBuilder::from_pem_no_sub(pem.as_bytes()).unwrap();
    let started = Instant::now();
    for _ in 0..n {
        let mut signature = vapid.clone().add_sub_info(&info);
        signature.add_claim("sub", "mailto:admin@ville.example.org");
        let mut builder = WebPushMessageBuilder::new(&info);
        builder.set_payload(ContentEncoding::Aes128Gcm, payload);
        builder.set_vapid_signature(signature.build().unwrap());
        builder.build().unwrap();
    }
    let both = n as f64 / started.elapsed().as_secs_f64();
    let started = Instant::now();
    for _ in 0..n {
        ece::encrypt(&pair.pub_as_raw().unwrap(), &auth, payload).unwrap();
    }
    let encrypt_only = n as f64 / started.elapsed().as_secs_f64();

    // 10 000 notifications to a loopback push service.
    let (port, count) = sink();
    let dir = tempfile::tempdir().unwrap();
    queue_notifications(dir.path(), port, 8);
    let parallel = timed_send(dir.path());
    queue_notifications(dir.path(), port, 1);
    let sequential = timed_send(dir.path());
    let total = SUBSCRIBERS * NOTIFICATIONS_EACH;
    assert_eq!(count.load(std::sync::atomic::Ordering::SeqCst), 2 * total);
    let _ = Duration::ZERO;

    // Baseline: the same messages (encrypted and signed the same way), each
    // on a new connection, one after the other, with no queue around them.
    let started = Instant::now();
    for i in 0..total {
        let target = SubscriptionInfo::new(
            format!("http://127.0.0.1:{port}/push/{}", i % SUBSCRIBERS),
            info.keys.p256dh.clone(),
            info.keys.auth.clone(),
        );
        let mut signature = vapid.clone().add_sub_info(&target);
        signature.add_claim("sub", "mailto:admin@ville.example.org");
        let mut builder = WebPushMessageBuilder::new(&target);
        builder.set_payload(ContentEncoding::Aes128Gcm, payload);
        builder.set_vapid_signature(signature.build().unwrap());
        let request = web_push::request_builder::build_request::<Vec<u8>>(builder.build().unwrap());
        let agent: ureq::Agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .build()
            .into();
        agent
            .post(&target.endpoint)
            .send(&request.into_body()[..])
            .unwrap();
    }
    let per_connection = started.elapsed();

    let rate = |d: Duration| total as f64 / d.as_secs_f64();
    println!(
        "encrypt + sign: {both:.0}/s on one core; encryption alone {encrypt_only:.0}/s; ratio {:.0}%",
        100.0 * both / encrypt_only
    );
    println!(
        "{total} notifications: publik concurrency 8 {:.0}/s, concurrency 1 {:.0}/s; one connection per message, sequential {:.0}/s; ratio x{:.1} (8) and x{:.1} (1)",
        rate(parallel),
        rate(sequential),
        rate(per_connection),
        rate(parallel) / rate(per_connection),
        rate(sequential) / rate(per_connection)
    );
}
