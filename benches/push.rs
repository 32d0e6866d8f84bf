//! Web Push benchmarks (issues #5, #17). Run with `cargo bench --bench push`.
//!
//! - per-message crypto on one core: publik's (ring) encryption, and
//!   encryption + VAPID signature, against pywebpush 2.5's `encode` and
//!   `encode` + py_vapid `sign` measured in the same run (installed in a
//!   venv under target/ by this bench; skipped with a note if pip cannot);
//! - 10 000 notifications to a loopback push service: `publik send-webpush`
//!   (keep-alive, webpush.concurrency 8, then 1), its CPU time per
//!   notification, against one connection per message (a new HTTP agent for
//!   each request) in the same run.

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
            "webpush:\n  private_key_file: vapid.pem\n  allowed_hosts: [127.0.0.1]\n  subject: \"mailto:admin@ville.example.org\"\n  max_subscriptions_per_user: {SUBSCRIBERS}\n  concurrency: {concurrency}\n"
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

/// pywebpush's crypto rates (encode, encode + sign) on this machine, from a
/// venv made under target/; None when pip cannot install it.
fn pywebpush(pem: &Path, payload: &str) -> Option<(f64, f64)> {
    let venv = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/bench-venv");
    let python = venv.join("bin/python3");
    if !python.exists() {
        let made = Command::new("python3")
            .args(["-m", "venv"])
            .arg(&venv)
            .status()
            .ok()?;
        let pip = venv.join("bin/pip");
        let installed = Command::new(pip)
            .args(["install", "-q", "pywebpush==2.5.0"])
            .status()
            .ok()?;
        if !made.success() || !installed.success() {
            return None;
        }
    }
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("benches/python/pywebpush_crypto.py");
    let out = Command::new(python)
        .arg(script)
        .arg(pem)
        .arg(payload)
        .output()
        .ok()?;
    let rates: serde_json::Value = serde_json::from_slice(&out.stdout).ok()?;
    Some((rates["encode"].as_f64()?, rates["encode_sign"].as_f64()?))
}

/// The CPU time (user + sys) of a child run to completion.
#[allow(clippy::zombie_processes)]
fn cpu_time(mut cmd: Command) -> Duration {
    let child = cmd.spawn().expect("spawn");
    let pid = child.id() as libc::pid_t;
    let mut status = 0;
    // SAFETY: plain FFI call with valid pointers to locals.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    assert_eq!(unsafe { libc::wait4(pid, &mut status, 0, &mut usage) }, pid);
    assert!(libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0);
    let time = |t: libc::timeval| Duration::new(t.tv_sec as u64, t.tv_usec as u32 * 1000);
    time(usage.ru_utime) + time(usage.ru_stime)
}

fn main() {
    use p256::elliptic_curve::sec1::ToEncodedPoint;
    use publik::internals::{VapidKey, push_encrypt};
    let key_dir = tempfile::tempdir().unwrap();
    let key_path = key_dir.path().join("k.pem");
    Command::new(PUBLIK)
        .args(["vapid", "generate", "--out"])
        .arg(&key_path)
        .env("PUBLIK_STATE", key_dir.path().join("s"))
        .output()
        .unwrap();
    let pem = std::fs::read_to_string(&key_path).unwrap();
    let secret = <p256::SecretKey as p256::pkcs8::DecodePrivateKey>::from_pkcs8_pem(&pem)
        .or_else(|_| p256::SecretKey::from_sec1_pem(&pem))
        .unwrap();
    let vapid = VapidKey::new(
        &secret.to_bytes(),
        secret.public_key().to_encoded_point(false).as_bytes(),
    )
    .unwrap();
    let (pair, auth) = ece::generate_keypair_and_auth_secret().unwrap();
    let ua_public = pair.pub_as_raw().unwrap();
    let random = ring::rand::SystemRandom::new();
    let payload = r#"{"title":"Votre demande a avance","body":"Le maire a valide la demande 42.","url":"https://demarches.example.org/suivi/42/"}"#;
    let n = 4000;
    let started = Instant::now();
    for _ in 0..n {
        push_encrypt(&ua_public, &auth, payload.as_bytes(), &random).unwrap();
    }
    let encrypt = n as f64 / started.elapsed().as_secs_f64();
    let started = Instant::now();
    for _ in 0..n {
        push_encrypt(&ua_public, &auth, payload.as_bytes(), &random).unwrap();
        vapid
            .authorization("https://push.example.org", "mailto:admin@ville.example.org", 1)
            .unwrap();
    }
    let encrypt_sign = n as f64 / started.elapsed().as_secs_f64();
    // Independent check: the receiver decrypts what publik encrypted.
    let body = push_encrypt(&ua_public, &auth, payload.as_bytes(), &random).unwrap();
    let components = pair.raw_components().unwrap();
    assert_eq!(
        ece::decrypt(&components, &auth, &body).unwrap(),
        payload.as_bytes()
    );

    let python = pywebpush(&key_path, payload);
    println!("per message, one core (200-byte payload):");
    println!("  publik encryption (ring):                  {encrypt:>7.0}/s");
    println!("  publik encryption + VAPID signature:       {encrypt_sign:>7.0}/s");
    match python {
        Some((encode, encode_sign)) => {
            println!("  pywebpush encode:                          {encode:>7.0}/s");
            println!("  pywebpush encode + py_vapid sign:          {encode_sign:>7.0}/s");
            println!(
                "  ratio encryption / pywebpush encode:       x{:.2} (target >= 2)",
                encrypt / encode
            );
            println!(
                "  ratio production (encryption, JWT reused) / pywebpush encode + sign: x{:.2} (target >= 2.5)",
                encrypt / encode_sign
            );
        }
        None => println!("  pywebpush: could not be installed in a venv (no ratio)"),
    }

    // 10 000 notifications to a loopback push service.
    let (port, count) = sink();
    let dir = tempfile::tempdir().unwrap();
    queue_notifications(dir.path(), port, 8);
    let parallel = timed_send(dir.path());
    queue_notifications(dir.path(), port, 1);
    let cpu = {
        let mut cmd = Command::new(PUBLIK);
        cmd.current_dir(dir.path())
            .env("PUBLIK_STATE", dir.path().join("state.sqlite3"))
            .env("PUBLIK_CONFIG", dir.path().join("publik.yaml"))
            .env_remove("PUBLIK_NOW")
            .arg("send-webpush");
        cpu_time(cmd)
    };
    let total = SUBSCRIBERS * NOTIFICATIONS_EACH;
    assert_eq!(count.load(std::sync::atomic::Ordering::SeqCst), 2 * total);

    // Baseline: the same messages, each on a new connection, one after the
    // other, with no queue around them.
    let started = Instant::now();
    for i in 0..total {
        let endpoint = format!("http://127.0.0.1:{port}/push/{}", i % SUBSCRIBERS);
        let body = push_encrypt(&ua_public, &auth, payload.as_bytes(), &random).unwrap();
        let authorization = vapid
            .authorization(
                &format!("http://127.0.0.1:{port}"),
                "mailto:admin@ville.example.org",
                2_000_000_000,
            )
            .unwrap();
        let agent: ureq::Agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .build()
            .into();
        agent
            .post(&endpoint)
            .header("TTL", "60")
            .header("Content-Encoding", "aes128gcm")
            .header("Authorization", &authorization)
            .send(&body[..])
            .unwrap();
    }
    let per_connection = started.elapsed();

    let rate = |d: Duration| total as f64 / d.as_secs_f64();
    let cpu_each = cpu.as_secs_f64() * 1e6 / total as f64;
    println!(
        "{total} notifications: publik concurrency 8 {:.0}/s; one connection per message, sequential {:.0}/s; ratio x{:.1}",
        rate(parallel),
        rate(per_connection),
        rate(parallel) / rate(per_connection),
    );
    match python {
        Some((_, encode_sign)) => println!(
            "send-webpush CPU (user + sys) per notification, concurrency 1: {cpu_each:.0} us; half of pywebpush encode + sign: {:.0} us (target: below it)",
            0.5e6 / encode_sign
        ),
        None => println!("send-webpush CPU (user + sys) per notification, concurrency 1: {cpu_each:.0} us"),
    }
}
