//! Web Push against a push service on 127.0.0.1 that verifies VAPID and
//! decrypts every notification.

use crate::common;

use common::Env;
use common::push::PushService;
use serde_json::Value;

const SUBJECT: &str = "mailto:admin@ville.example.org";

fn setup(env: &Env) -> String {
    env.write(
        "publik.yaml",
        &format!("webpush:\n  private_key_file: vapid.pem\n  allowed_hosts: [127.0.0.1]\n  subject: \"{SUBJECT}\"\n  ttl: 2h\n"),
    );
    let out = env
        .publik()
        .args(["vapid", "generate", "--out", "vapid.pem"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap().trim().to_string()
}

fn subscribe(env: &Env, user: &str, json: &str) -> assert_cmd::assert::Assert {
    env.publik()
        .args(["push", "subscribe", "--user", user])
        .write_stdin(json.to_string())
        .assert()
}

#[test]
fn vapid_keys() {
    let env = Env::new();
    let public = setup(&env);
    assert_eq!(public.len(), 87, "65 bytes in base64url: {public}");
    use std::os::unix::fs::PermissionsExt;
    assert_eq!(
        std::fs::metadata(env.path("vapid.pem"))
            .unwrap()
            .permissions()
            .mode()
            & 0o777,
        0o600
    );
    let shown = env.publik().args(["vapid", "show"]).output().unwrap();
    assert_eq!(String::from_utf8(shown.stdout).unwrap().trim(), public);
    env.publik()
        .args(["vapid", "generate", "--out", "vapid.pem"])
        .assert()
        .code(1);

    let bad = Env::new();
    bad.write("publik.yaml", "webpush:\n  subject: \"mailto:admin@localhost\"\n");
    let out = bad.publik().args(["config", "check"]).assert().code(65);
    assert!(String::from_utf8_lossy(&out.get_output().stderr).contains("webpush.subject"));
    let missing = Env::new();
    missing.write(
        "publik.yaml",
        &format!("webpush:\n  private_key_file: nope.pem\n  subject: \"{SUBJECT}\"\n"),
    );
    missing.publik().args(["vapid", "show"]).assert().code(65);
}

#[test]
fn notifications_are_encrypted_signed_and_classified() {
    let service = PushService::start(SUBJECT);
    let env = Env::new();
    setup(&env);
    let phone = service.subscriber(201, "phone");
    let laptop = service.subscriber(201, "laptop");
    let gone = service.subscriber(410, "old-tablet");
    let busy = service.subscriber(429, "busy");
    let broken = service.subscriber(500, "broken");
    let big = service.subscriber(413, "big");
    let unknown = service.subscriber(404, "unknown");
    for s in [&phone, &laptop, &gone, &busy, &broken, &big, &unknown] {
        subscribe(&env, "citoyen-42", &s.json()).success().stdout("");
    }
    subscribe(&env, "citoyen-42", &phone.json()).success(); // the same endpoint is stored once
    assert_eq!(
        env.json(&["push", "list", "--user", "citoyen-42"])
            .as_array()
            .unwrap()
            .len(),
        7
    );

    let ids = env.json(&[
        "notify",
        "--user",
        "citoyen-42",
        "--title",
        "Votre demande a avancé",
        "--body",
        "Le maire a validé la demande n°42.",
        "--url",
        "https://demarches.example.org/suivi/42/",
        "--tag",
        "demande-42",
        "--action",
        "open:Voir",
        "--urgency",
        "high",
    ]);
    assert_eq!(
        ids["ids"].as_array().unwrap().len(),
        7,
        "one row per subscription"
    );
    let started = chrono::Utc::now();
    env.publik()
        .arg("send-webpush")
        .assert()
        .success()
        .stdout("")
        .stderr("");

    let received = service.received();
    assert_eq!(received.len(), 7, "{}", env.json(&["queue", "list"]));
    for r in &received {
        assert!(r.vapid.is_ok(), "{}: {:?}", r.path, r.vapid);
        let payload: Value = serde_json::from_str(r.plaintext.as_ref().unwrap()).unwrap();
        assert_eq!(payload["title"], "Votre demande a avancé");
        assert_eq!(payload["url"], "https://demarches.example.org/suivi/42/");
        assert_eq!(payload["actions"][0]["action"], "open");
        assert_eq!(r.header("TTL"), Some("7200"));
        assert_eq!(r.header("Urgency"), Some("high"));
        assert_eq!(r.header("Content-Encoding"), Some("aes128gcm"));
        assert_eq!(r.header("Topic").unwrap().len(), 32);
    }
    let rows = env.json(&["queue", "list", "--channel", "push"]);
    let status_of = |name: &str| {
        rows.as_array()
            .unwrap()
            .iter()
            .find(|r| r["recipient"].as_str().unwrap().ends_with(name))
            .unwrap()
            .clone()
    };
    assert_eq!(status_of("/phone")["status"], "sent");
    assert_eq!(status_of("/laptop")["status"], "sent");
    assert_eq!(status_of("/old-tablet")["status"], "failed");
    assert_eq!(status_of("/big")["status"], "failed");
    assert_eq!(status_of("/unknown")["status"], "failed");
    assert_eq!(status_of("/broken")["status"], "error");
    let busy_row = status_of("/busy");
    assert_eq!(busy_row["status"], "error");
    let next: chrono::DateTime<chrono::Utc> = busy_row["next_attempt_at"].as_str().unwrap().parse().unwrap();
    assert!(
        ((next - started).num_seconds() - 120).abs() <= 10,
        "Retry-After honoured"
    );
    let left = env.json(&["push", "list", "--user", "citoyen-42"]);
    assert_eq!(
        left.as_array().unwrap().len(),
        5,
        "the 410 subscription is removed"
    );
}

#[test]
fn key_problems_are_loud_and_old_notifications_are_skipped() {
    let service = PushService::start("mailto:someone-else@ville.example.org");
    let env = Env::new();
    setup(&env);
    let forbidden = service.subscriber(403, "forbidden");
    subscribe(&env, "u", &forbidden.json()).success();
    env.publik()
        .args(["notify", "--user", "u", "--title", "Bonjour"])
        .assert()
        .success();
    let out = env.publik().arg("send-webpush").assert().code(1);
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).to_string();
    assert!(stderr.contains("VAPID"), "{stderr}");
    assert_eq!(stderr.lines().count(), 1);

    let ok = service.subscriber(201, "ok");
    subscribe(&env, "v", &ok.json()).success();
    env.publik()
        .args(["notify", "--user", "v", "--title", "Ancienne"])
        .assert()
        .success();
    let later = (chrono::Utc::now() + chrono::Duration::hours(3)).to_rfc3339();
    env.publik()
        .env("PUBLIK_NOW", &later)
        .args(["send-webpush", "--max-age", "1h"])
        .assert()
        .success();
    let rows = env.json(&["queue", "list", "--channel", "push", "--status", "failed"]);
    assert!(
        rows.as_array()
            .unwrap()
            .iter()
            .any(|r| r["last_error"] == "too old"),
        "{rows}"
    );
    assert_eq!(
        service
            .received()
            .iter()
            .filter(|r| r.path.ends_with("/ok"))
            .count(),
        0
    );
}

#[test]
fn bad_subscriptions_and_payloads_change_nothing() {
    let service = PushService::start(SUBJECT);
    let env = Env::new();
    setup(&env);
    let good = service.subscriber(201, "good");
    subscribe(&env, "u", &good.json()).success();
    let before = env.counts();
    let cases = [
        (
            good.json().replace("http://127.0.0.1", "http://push.example.org"),
            "endpoint",
        ),
        (good.json().replace(&good.p256dh, "BAAA"), "keys.p256dh"),
        (good.json().replace(&good.auth, "c2hvcnQ"), "keys.auth"),
        ("{not json".to_string(), "subscription"),
    ];
    for (json, field) in cases {
        let out = subscribe(&env, "u", &json).code(65);
        let stderr = String::from_utf8_lossy(&out.get_output().stderr).to_string();
        assert!(stderr.contains(field), "{field} not in {stderr}");
    }
    let long = "é".repeat(2000);
    let out = env
        .publik()
        .args(["notify", "--user", "u", "--title", "t", "--body", &long])
        .assert()
        .code(65);
    assert!(String::from_utf8_lossy(&out.get_output().stderr).contains("payload"));
    env.publik()
        .args(["notify", "--user", "u", "--title", "t", "--action", "nolabel"])
        .assert()
        .code(65);
    assert_eq!(env.counts(), before);
}

/// RFC 8291 Appendix A: the receiver's keys decrypt the example message.
#[test]
fn rfc8291_test_vector_decrypts() {
    use base64::Engine;
    let b = |s: &str| {
        base64::engine::general_purpose::URL_SAFE_NO_PAD
            .decode(s)
            .unwrap()
    };
    let components = ece::EcKeyComponents::new(
        b("q1dXpw3UpT5VOmu_cf_v6ih07Aems3njxI-JWgLcM94"),
        b("BCVxsr7N_eNgVRqvHtD0zTZsEc6-VV-JvLexhqUzORcxaOzi6-AYWXvTBHm4bjyPjs7Vd8pZGH6SRpkNtoIAiw4"),
    );
    let auth = b("BTBZMqHH6r4Tts7J_aSIgg");
    let message = b(
        "DGv6ra1nlYgDCS1FRnbzlwAAEABBBP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27mlmlMoZIIgDll6e3vCYLocInmYWAmS6TlzAC8wEqKK6PBru3jl7A_yl95bQpu6cVPTpK4Mqgkf1CXztLVBSt2Ks3oZwbuwXPXLWyouBWLVWGNWQexSgSxsj_Qulcy4a-fN",
    );
    let plaintext = ece::decrypt(&components, &auth, &message).unwrap();
    assert_eq!(plaintext, b"When I grow up, I want to be a watermelon");
}

#[test]
fn oldest_subscription_is_dropped_beyond_the_limit() {
    let service = PushService::start(SUBJECT);
    let env = Env::new();
    setup(&env);
    env.write(
        "publik.yaml",
        &format!("webpush:\n  private_key_file: vapid.pem\n  allowed_hosts: [127.0.0.1]\n  subject: \"{SUBJECT}\"\n  max_subscriptions_per_user: 2\n"),
    );
    let devices: Vec<_> = (0..3)
        .map(|i| service.subscriber(201, &format!("device-{i}")))
        .collect();
    for device in &devices {
        subscribe(&env, "u", &device.json()).success();
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    let left = env.json(&["push", "list", "--user", "u"]);
    let endpoints: Vec<&str> = left
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["endpoint"].as_str().unwrap())
        .collect();
    assert_eq!(
        endpoints,
        [devices[1].endpoint.as_str(), devices[2].endpoint.as_str()]
    );
    env.publik()
        .args([
            "push",
            "unsubscribe",
            "--user",
            "u",
            "--endpoint",
            &devices[1].endpoint,
        ])
        .assert()
        .success();
    env.publik()
        .args(["push", "unsubscribe", "--user", "u", "--all"])
        .assert()
        .success();
    assert_eq!(env.json(&["push", "list"]).as_array().unwrap().len(), 0);
}

/// `serve`'s `POST /push/subscribe/`: a site's page subscribes its user's
/// browser with a token from `push token`, which alone names the user;
/// a bad or expired token is 403; a notify then reaches that browser;
/// `/push/unsubscribe/` removes it.
#[test]
fn a_page_subscribes_its_user_through_serve() {
    let service = PushService::start(SUBJECT);
    let env = Env::new();
    setup(&env);
    let config = std::fs::read_to_string(env.config()).unwrap();
    env.write(
        "publik.yaml",
        &format!("{config}serve:\n  push_subscriptions: true\n"),
    );
    let token = String::from_utf8(
        env.publik()
            .args(["push", "token", "--user", "alice"])
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap()
    .trim()
    .to_string();
    let expired = String::from_utf8(
        env.publik()
            .env("PUBLIK_NOW", "2020-01-01T00:00:00Z")
            .args(["push", "token", "--user", "alice"])
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap()
    .trim()
    .to_string();
    let browser = service.subscriber(201, "phone");
    let served = env.serve();
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .build()
        .into();
    let post = |path: &str, token: &str, body: &str| {
        agent
            .post(&format!("{}{path}?token={token}", served.base))
            .header("Content-Type", "application/json")
            .send(body.as_bytes())
            .unwrap()
            .status()
            .as_u16()
    };
    assert_eq!(post("/push/subscribe/", "forged.123.abc", &browser.json()), 403);
    assert_eq!(post("/push/subscribe/", &expired, &browser.json()), 403);
    let bob = token.replacen(&token[..token.find('.').unwrap()], "Ym9i", 1);
    assert_eq!(
        post("/push/subscribe/", &bob, &browser.json()),
        403,
        "another user's name with alice's MAC"
    );
    assert_eq!(post("/push/subscribe/", &token, &browser.json()), 200);
    assert_eq!(post("/push/subscribe/", &token, "{not json"), 400);
    let list = env.json(&["push", "list", "--user", "alice"]);
    assert_eq!(list.as_array().unwrap().len(), 1, "{list}");
    env.publik()
        .args(["notify", "--user", "alice", "--title", "Bonjour"])
        .assert()
        .success();
    env.publik().arg("send-webpush").assert().success();
    let received = service.received();
    assert_eq!(received.len(), 1);
    assert!(received[0].plaintext.as_ref().unwrap().contains("Bonjour"));
    let endpoint = serde_json::json!({"endpoint": browser.endpoint}).to_string();
    assert_eq!(post("/push/unsubscribe/", &token, &endpoint), 200);
    assert!(
        env.json(&["push", "list", "--user", "alice"])
            .as_array()
            .unwrap()
            .is_empty()
    );
}

/// `systemctl stop` during `send-webpush`: the notification in hand is
/// recorded, the untried ones are pending at once, the run exits 0, and
/// the next run sends the rest: each device gets it once.
#[test]
fn sigterm_stops_send_webpush_between_two_notifications() {
    let service = PushService::start(SUBJECT);
    service.set_delay(std::time::Duration::from_millis(150));
    let env = Env::new();
    setup(&env);
    let config = std::fs::read_to_string(env.config()).unwrap();
    env.write(
        "publik.yaml",
        &format!("{config}  concurrency: 1\n  max_subscriptions_per_user: 20\n"),
    );
    for i in 0..8 {
        let device = service.subscriber(201, &format!("device-{i}"));
        subscribe(&env, "citoyen-7", &device.json()).success();
    }
    env.publik()
        .args(["notify", "--user", "citoyen-7", "--title", "Rendez-vous confirmé"])
        .assert()
        .success();
    let child = env
        .command()
        .arg("send-webpush")
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let started = std::time::Instant::now();
    while service.received().is_empty() {
        assert!(
            started.elapsed() < std::time::Duration::from_secs(20),
            "nothing sent"
        );
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    let (status, stderr) = common::terminate(child);
    assert_eq!(status.code(), Some(0), "{status:?} {stderr}");
    assert!(stderr.contains("stopped by SIGTERM"), "{stderr}");
    let rows = env.json(&["queue", "list", "--channel", "push"]);
    let count = |status: &str| {
        rows.as_array()
            .unwrap()
            .iter()
            .filter(|r| r["status"] == status)
            .count()
    };
    assert_eq!(count("sending"), 0, "{rows}");
    assert_eq!(count("sent"), service.received().len());
    assert!(count("pending") > 0, "{rows}");

    service.set_delay(std::time::Duration::ZERO);
    env.publik().arg("send-webpush").assert().success();
    let mut paths: Vec<String> = service.received().iter().map(|r| r.path.clone()).collect();
    paths.sort();
    paths.dedup();
    assert_eq!(service.received().len(), 8, "each device once");
    assert_eq!(paths.len(), 8);
}

/// A push service that cannot be reached (an endpoint anyone with a token
/// can register) holds only its own rows: the others are sent, the run
/// exits 0, the row's attempt counts, and after `queue.max_attempts` the
/// subscription is removed as a 410 would.
#[test]
fn an_unreachable_push_service_holds_only_its_own_rows() {
    let service = PushService::start(SUBJECT);
    let env = Env::new();
    setup(&env);
    env.write(
        "publik.yaml",
        &format!(
            "webpush:\n  private_key_file: vapid.pem\n  allowed_hosts: [127.0.0.1]\n  subject: \"{SUBJECT}\"\nqueue:\n  max_attempts: 2\n"
        ),
    );
    let phone = service.subscriber(201, "phone");
    let dead = service.subscriber(201, "dead");
    let dead_json = dead.json().replace(
        &format!("127.0.0.1:{}", service.port),
        &format!("127.0.0.1:{}", common::free_port()),
    );
    subscribe(&env, "u", &dead_json).success();
    subscribe(&env, "u", &phone.json()).success();
    let notify = |title: &str| {
        env.publik()
            .args(["notify", "--user", "u", "--title", title])
            .assert()
            .success();
    };
    notify("Un");
    let run = |command: &str, offset_minutes: i64| {
        let at = (chrono::Utc::now() + chrono::Duration::minutes(offset_minutes)).to_rfc3339();
        env.publik().env("PUBLIK_NOW", at).arg(command).output().unwrap()
    };
    let out = run("send-webpush", 0);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(service.received().len(), 1, "the phone's notification went out");
    let rows = env.json(&["queue", "list", "--channel", "push", "--status", "error"]);
    assert_eq!(rows.as_array().unwrap().len(), 1, "{rows}");
    assert_eq!(rows[0]["attempts"], 1, "{rows}");
    assert!(
        rows[0]["last_error"]
            .as_str()
            .unwrap()
            .contains("cannot reach the push service"),
        "{rows}"
    );

    notify("Deux");
    let out = run("send-webpush", 1);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        service.received().len(),
        2,
        "the phone's second notification went out"
    );
    // The second attempt, after the backoff: given up, the subscription removed.
    let out = run("retry-queue", 60);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let left = env.json(&["push", "list", "--user", "u"]);
    assert_eq!(left.as_array().unwrap().len(), 1, "{left}");
    assert_eq!(left[0]["endpoint"], phone.endpoint.as_str());
}

/// Only https endpoints at public addresses are taken (no loopback, private
/// network, cloud metadata, plain http), unless `webpush.allowed_hosts`
/// names the host; checked again when sending, where a subscription now
/// outside the rules is removed without a request.
#[test]
fn endpoints_at_private_addresses_are_refused_at_subscribe_and_at_send() {
    let service = PushService::start(SUBJECT);
    let env = Env::new();
    setup(&env);
    let strict = format!("webpush:\n  private_key_file: vapid.pem\n  subject: \"{SUBJECT}\"\n");
    env.write("publik.yaml", &strict);
    let phone = service.subscriber(201, "phone");
    let local = format!("127.0.0.1:{}", service.port);
    for endpoint in [
        "https://127.0.0.1:1/x".to_string(),
        "https://10.0.0.1/x".to_string(),
        "https://169.254.169.254/latest/meta-data/".to_string(),
        "https://[::1]/x".to_string(),
        "https://127.0.0.1.nip.io/x".to_string(),
        "https://localhost/x".to_string(),
        phone.endpoint.clone(),
        phone.endpoint.replace("http://", "https://"),
    ] {
        let json = phone.json().replace(&phone.endpoint, &endpoint);
        let out = subscribe(&env, "u", &json).code(65);
        let stderr = String::from_utf8_lossy(&out.get_output().stderr).to_string();
        assert!(stderr.contains("endpoint"), "{endpoint}: {stderr}");
    }
    assert!(env.json(&["push", "list"]).as_array().unwrap().is_empty());

    // Listed, it is taken; no longer listed, it is not sent to.
    env.write(
        "publik.yaml",
        &strict.replace("webpush:\n", "webpush:\n  allowed_hosts: [127.0.0.1]\n"),
    );
    subscribe(&env, "u", &phone.json()).success();
    env.publik()
        .args(["notify", "--user", "u", "--title", "Bonjour"])
        .assert()
        .success();
    env.write("publik.yaml", &strict);
    env.publik().arg("send-webpush").assert().success();
    assert!(service.received().is_empty(), "nothing posted to {local}");
    let failed = env.json(&["queue", "list", "--channel", "push", "--status", "failed"]);
    assert!(
        failed[0]["last_error"]
            .as_str()
            .unwrap()
            .contains("endpoint refused"),
        "{failed}"
    );
    assert!(env.json(&["push", "list"]).as_array().unwrap().is_empty());
}

/// An endpoint is the subscription of the user who registered it until they
/// unsubscribe: another token holder cannot move it to themselves.
#[test]
fn an_endpoint_stays_with_the_user_who_registered_it() {
    let service = PushService::start(SUBJECT);
    let env = Env::new();
    setup(&env);
    let phone = service.subscriber(201, "phone");
    subscribe(&env, "alice", &phone.json()).success();
    subscribe(&env, "alice", &phone.json()).success(); // her own renewal
    let out = subscribe(&env, "mallory", &phone.json()).code(65);
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).to_string();
    assert!(
        stderr.contains("endpoint") && stderr.contains("another user"),
        "{stderr}"
    );
    let all = env.json(&["push", "list"]);
    assert_eq!(all.as_array().unwrap().len(), 1, "{all}");
    assert_eq!(all[0]["user"], "alice");
    env.publik()
        .args([
            "push",
            "unsubscribe",
            "--user",
            "alice",
            "--endpoint",
            &phone.endpoint,
        ])
        .assert()
        .success();
    subscribe(&env, "bob", &phone.json()).success();
    assert_eq!(env.json(&["push", "list"])[0]["user"], "bob");
}
