//! The SMS channel against a real HTTP gateway on 127.0.0.1.

use crate::common;

use std::time::Duration;

use common::Env;
use common::http::{HttpServer, Reply};
use serde_json::{Value, json};

/// A gateway that answers by the number's last digit: 1 → 500, 2 → 429 with
/// Retry-After: 120, 3 → 400 with a message, 4 → slow (past the timeout),
/// 7 → 503 with Retry-After: 0,
/// anything else → 201 with an id.
fn gateway() -> HttpServer {
    HttpServer::start(|request| {
        let body = request.body_text();
        let to = if request.method == "GET" || !body.starts_with('{') {
            let params = request.params(request.method != "GET" && request.url.split('?').nth(1).is_none());
            params
                .iter()
                .find(|(k, _)| k == "to" || k == "To")
                .map(|(_, v)| v.clone())
                .unwrap_or_default()
        } else {
            request.json()["to"].as_str().unwrap_or_default().to_string()
        };
        match to.chars().last() {
            Some('1') => Reply::json(500, json!({"message": "internal error"})),
            Some('2') => Reply::json(429, json!({"message": "slow down"})).with_header("Retry-After", "120"),
            Some('3') => Reply::json(400, json!({"message": "invalid destination number"})),
            Some('7') => Reply::json(503, json!({"message": "busy"})).with_header("Retry-After", "0"),
            Some('4') => Reply {
                delay: Duration::from_secs(3),
                ..Reply::json(201, json!({"id": "late"}))
            },
            _ => Reply::json(201, json!({"id": format!("prov-{to}")})),
        }
    })
}

fn config(env: &Env, url: &str, extra: &str) {
    env.write("sms-token", "t0ken\n");
    env.write(
        "publik.yaml",
        &format!(
            "sms:\n  sender: MAIRIE\n  gateway:\n    url: {url}\n    auth: {{ type: bearer, token_file: sms-token }}\n    fields: {{ to: \"{{to}}\", text: \"{{text}}\", from: \"{{sender}}\", ref: \"{{id}}\" }}\n    id_path: /id\n    timeout: 1s\n{extra}"
        ),
    );
}

fn enqueue(env: &Env, numbers: &[&str], text: &str) -> Vec<i64> {
    let mut cmd = env.publik();
    cmd.args(["--json", "enqueue", "sms", "--text", text]);
    for n in numbers {
        cmd.args(["--to", n]);
    }
    let out = cmd.output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    json["ids"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_i64().unwrap())
        .collect()
}

fn show(env: &Env, id: i64) -> Value {
    let out = env
        .publik()
        .args(["--json", "queue", "show", &id.to_string()])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn json_gateway_sends_normalized_numbers_and_stores_ids() {
    let server = gateway();
    let env = Env::new();
    config(&env, &server.url("/send"), "");
    let ids = enqueue(
        &env,
        &["06 12 34 56 78", "+33 7 30 00 00 09", "0612345678"],
        "Votre passeport est prêt à la mairie.",
    );
    assert_eq!(ids.len(), 2, "duplicates are one row");
    env.publik()
        .arg("send-queue")
        .assert()
        .success()
        .stdout("")
        .stderr("");
    let requests = server.requests();
    assert_eq!(requests.len(), 2);
    // Lanes send side by side: the first row's request, wherever it came.
    let first = requests
        .iter()
        .find(|r| r.json()["to"] == "+33612345678")
        .unwrap();
    assert_eq!(first.method, "POST");
    assert_eq!(first.url, "/send");
    assert_eq!(first.header("Authorization"), Some("Bearer t0ken"));
    assert_eq!(
        first.json(),
        json!({"to": "+33612345678", "text": "Votre passeport est prêt à la mairie.", "from": "MAIRIE", "ref": ids[0].to_string()})
    );
    let sent = show(&env, ids[0]);
    assert_eq!(sent["status"], "sent");
    assert_eq!(sent["provider_id"], "prov-+33612345678");
    assert_eq!(sent["content"]["kind"], "sms");
    assert_eq!(sent["content"]["encoding"], "UCS-2", "ê is not in GSM-7");
    assert_eq!(sent["content"]["segments"], 1);
    let text = env
        .publik()
        .args(["queue", "show", &ids[0].to_string()])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&text.stdout).contains("UCS-2, 1 segment"));
}

#[test]
fn gateway_outcomes_follow_queue_rules() {
    let server = gateway();
    let env = Env::new();
    // One lane, the 429 last: every other outcome comes before its pause.
    config(&env, &server.url("/send"), "  concurrency: 1\n");
    let ids = enqueue(
        &env,
        &[
            "+33600000001",
            "+33600000003",
            "+33600000004",
            "+33600000005",
            "+33600000002",
        ],
        "Rappel : rendez-vous demain à 10h.",
    );
    let started = chrono::Utc::now();
    env.publik().arg("send-queue").assert().success();
    let status = |i: usize| show(&env, ids[[0, 4, 1, 2, 3][i]]);
    let e500 = status(0);
    assert_eq!(e500["status"], "error");
    assert!(e500["last_error"].as_str().unwrap().contains("500"), "{e500}");
    let e429 = status(1);
    assert_eq!(e429["status"], "error");
    let next: chrono::DateTime<chrono::Utc> = e429["next_attempt_at"].as_str().unwrap().parse().unwrap();
    let wait = (next - started).num_seconds();
    assert!((118..=130).contains(&wait), "Retry-After honoured: {wait}s");
    let e400 = status(2);
    assert_eq!(e400["status"], "failed");
    assert!(
        e400["last_error"]
            .as_str()
            .unwrap()
            .contains("invalid destination number"),
        "{e400}"
    );
    let slow = status(3);
    assert_eq!(slow["status"], "error");
    assert!(
        slow["last_error"].as_str().unwrap().contains("timed out"),
        "{slow}"
    );
    assert_eq!(status(4)["status"], "sent");
    // GSM-7 text: one segment.
    assert_eq!(status(4)["content"]["encoding"], "GSM-7");
}

/// SMS lanes (`sms.concurrency`) share the gateway: `sms.rate` holds across
/// them (12 SMS at 5/s take two seconds), and a 429 whose
/// Retry-After is too long to wait out stops every lane: the run exits 75,
/// the rows not sent are left untouched for the next run.
#[test]
fn sms_lanes_share_the_gateways_rate_and_pause() {
    let server = gateway();
    let env = Env::new();
    config(&env, &server.url("/send"), "  concurrency: 4\n  rate: 5/s\n");
    let numbers: Vec<String> = (0..12).map(|i| format!("+33600001{i:02}5")).collect();
    let numbers: Vec<&str> = numbers.iter().map(String::as_str).collect();
    enqueue(&env, &numbers, "Alerte crue.");
    let started = std::time::Instant::now();
    env.publik().arg("send-queue").assert().success();
    // 12 at 5/s: the first 5 at once, the next ones as the first leave the
    // window, the last two seconds after the first. A slow machine only
    // makes it longer; four lanes without the rate take a blink.
    let elapsed = started.elapsed();
    assert!(elapsed >= Duration::from_millis(1900), "{elapsed:?}");
    assert_eq!(server.requests().len(), 12);

    // Batches of two: the 429 and one row go side by side on two lanes; the
    // next batches' lanes (whichever) all find the pause.
    let server = gateway();
    let env = Env::new();
    config(
        &env,
        &server.url("/send"),
        "  concurrency: 4\nqueue:\n  batch: 2\n",
    );
    let mut numbers = vec!["+33600000002".to_string()];
    numbers.extend((0..8).map(|i| format!("+33600002{i:02}5")));
    let numbers: Vec<&str> = numbers.iter().map(String::as_str).collect();
    let ids = enqueue(&env, &numbers, "Alerte crue.");
    let out = env.publik().arg("send-queue").output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).to_string();
    assert_eq!(out.status.code(), Some(75), "{stderr}");
    assert!(
        stderr.contains("asked to wait") && stderr.contains("Retry-After"),
        "{stderr}"
    );
    assert_eq!(show(&env, ids[0])["status"], "error");
    assert_eq!(show(&env, ids[1])["status"], "sent", "beside the 429");
    for id in &ids[2..] {
        let row = show(&env, *id);
        assert!(
            row["status"] == "pending" && row["attempts"] == 0,
            "untouched: {row}"
        );
    }
    assert_eq!(server.requests().len(), 2);
}

/// One run makes at most one attempt per row: `send-queue --id` takes a
/// row in error once (it was tried until failed within the run), and a
/// `Retry-After: 0` makes a row due again for the next run, not this one.
#[test]
fn one_attempt_per_row_per_run() {
    let server = gateway();
    let env = Env::new();
    config(&env, &server.url("/send"), "");
    let ids = enqueue(&env, &["0600000001", "0600000007"], "Bonjour");
    env.publik().arg("send-queue").assert().success();
    let attempts = |id: i64| show(&env, id)["attempts"].as_u64().unwrap();
    assert_eq!((attempts(ids[0]), attempts(ids[1])), (1, 1));

    env.publik()
        .args(["send-queue", "--id", &ids[0].to_string()])
        .assert()
        .success();
    assert_eq!(attempts(ids[0]), 2);
    assert_eq!(show(&env, ids[0])["status"], "error");

    env.publik().arg("retry-queue").assert().success();
    assert_eq!(attempts(ids[1]), 2);
    assert_eq!(show(&env, ids[1])["status"], "error");
    env.publik().arg("retry-queue").assert().success();
    assert_eq!(attempts(ids[1]), 3);
}

#[test]
fn form_basic_auth_and_get_query_formats() {
    let server = gateway();
    let env = Env::new();
    env.write(
        "publik.yaml",
        &format!(
            "sms:\n  gateway:\n    url: {}\n    format: form\n    auth: {{ type: basic, username: mairie, password: s3cret }}\n    fields: {{ To: \"{{to}}\", Body: \"{{text}}\" }}\n    id_path: /id\n",
            server.url("/form")
        ),
    );
    enqueue(&env, &["06 99 99 99 99"], "Bonjour & à bientôt");
    env.publik().arg("send-queue").assert().success();
    let request = &server.requests()[0];
    assert_eq!(
        request.header("Authorization"),
        Some("Basic bWFpcmllOnMzY3JldA==")
    );
    assert!(
        request
            .header("Content-Type")
            .unwrap()
            .starts_with("application/x-www-form-urlencoded")
    );
    let params = request.params(true);
    assert!(
        params.contains(&("To".into(), "+33699999999".into())),
        "{params:?}"
    );
    assert!(
        params.contains(&("Body".into(), "Bonjour & à bientôt".into())),
        "{params:?}"
    );

    let server = gateway();
    let env = Env::new();
    env.write(
        "publik.yaml",
        &format!(
            "sms:\n  gateway:\n    url: {}\n    method: GET\n    format: query\n    auth: {{ type: header, header: X-Api-Key, token: k3y }}\n    fields: {{ to: \"{{to_digits}}\", message: \"{{text}}\" }}\n",
            server.url("/http2sms")
        ),
    );
    enqueue(&env, &["06 99 99 99 99"], "Bonjour");
    env.publik().arg("send-queue").assert().success();
    let request = &server.requests()[0];
    assert_eq!(request.method, "GET");
    assert_eq!(request.header("X-Api-Key"), Some("k3y"));
    let params = request.params(false);
    assert!(
        params.contains(&("to".into(), "33699999999".into())),
        "{params:?}"
    );
    assert!(params.contains(&("message".into(), "Bonjour".into())));
}

#[test]
fn delivery_receipts() {
    let server = gateway();
    let env = Env::new();
    config(&env, &server.url("/send"), "");
    let ids = enqueue(
        &env,
        &["+33600000005", "+33600000006", "+33600000001"],
        "Votre dossier est complet.",
    );
    env.publik().arg("send-queue").assert().success();
    let receipt = |args: &[&str]| {
        let mut cmd = env.publik();
        cmd.args(["sms", "receipt"]).args(args);
        cmd.assert()
    };
    receipt(&[
        "--provider-id",
        "prov-+33600000005",
        "--status",
        "delivered",
        "--at",
        "2026-11-22T10:00:00Z",
    ])
    .success()
    .stdout("");
    let delivered = show(&env, ids[0]);
    assert_eq!(delivered["status"], "delivered");
    assert_eq!(delivered["delivered_at"], "2026-11-22T10:00:00Z");
    // A repeated receipt is harmless.
    receipt(&["--provider-id", "prov-+33600000005", "--status", "delivered"]).success();
    receipt(&["--provider-id", "prov-+33600000006", "--status", "undelivered"]).success();
    let undelivered = show(&env, ids[1]);
    assert_eq!(undelivered["status"], "failed");
    assert!(
        undelivered["last_error"]
            .as_str()
            .unwrap()
            .contains("undelivered")
    );

    let before = env.counts();
    let out = receipt(&["--provider-id", "nope", "--status", "delivered"]).code(65);
    assert!(String::from_utf8_lossy(&out.get_output().stderr).contains("nope"));
    receipt(&["--provider-id", "prov-+33600000005", "--status", "expired"]).code(65);
    receipt(&[
        "--provider-id",
        "prov-+33600000005",
        "--status",
        "delivered",
        "--at",
        "yesterday",
    ])
    .code(65);
    assert_eq!(env.counts(), before);
    assert_eq!(show(&env, ids[0])["status"], "delivered");
    // The error row was never sent: only send-queue/retry-queue move it.
    assert_eq!(show(&env, ids[2])["status"], "error");
}

#[test]
fn gateway_down_exits_75_and_keeps_rows() {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let env = Env::new();
    config(&env, &format!("http://127.0.0.1:{port}/send"), "");
    let ids = enqueue(&env, &["+33600000005", "+33600000006"], "Bonjour");
    let out = env.publik().arg("send-queue").assert().code(75);
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).to_string();
    assert!(stderr.contains("cannot reach SMS gateway"), "{stderr}");
    for id in ids {
        let row = show(&env, id);
        assert_eq!(
            (row["status"].as_str(), row["attempts"].as_i64()),
            (Some("pending"), Some(0))
        );
    }
}

#[test]
fn bad_numbers_and_missing_gateway_change_nothing() {
    let server = gateway();
    let env = Env::new();
    config(&env, &server.url("/send"), "");
    env.publik().args(["state", "upgrade"]).assert().success();
    let before = env.counts();
    for bad in [
        "12345",
        "06 12 34",
        "+33 6 12 34 56 78 9",
        "+33 05 55 55",
        "call me",
    ] {
        let out = env
            .publik()
            .args([
                "enqueue",
                "sms",
                "--to",
                "06 12 34 56 78",
                "--to",
                bad,
                "--text",
                "x",
            ])
            .assert()
            .code(65);
        let stderr = String::from_utf8_lossy(&out.get_output().stderr).to_string();
        assert!(stderr.contains(bad), "{stderr}");
    }
    env.publik()
        .args(["enqueue", "sms", "--to", "0612345678", "--text", ""])
        .assert()
        .code(65);
    // A tag is checked as for email (it was taken as given).
    for tag in ["", "a\nb"] {
        let out = env
            .publik()
            .args([
                "enqueue",
                "sms",
                "--to",
                "0612345678",
                "--text",
                "x",
                "--tag",
                tag,
            ])
            .assert()
            .code(65);
        let stderr = String::from_utf8_lossy(&out.get_output().stderr).to_string();
        assert!(stderr.contains("--tag"), "{stderr}");
    }
    assert_eq!(env.counts(), before);

    let bare = Env::new();
    let out = bare
        .publik()
        .args(["enqueue", "sms", "--to", "0612345678", "--text", "x"])
        .assert()
        .code(65);
    assert!(String::from_utf8_lossy(&out.get_output().stderr).contains("sms.gateway"));
}

#[test]
fn config_check_connect_reaches_the_gateway() {
    let server = gateway();
    let env = Env::new();
    config(&env, &server.url("/send"), "");
    let report = env.json(&["config", "check", "--connect"]);
    let sms = report["checks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["channel"] == "sms")
        .unwrap()
        .clone();
    assert!(
        sms["connect"].as_str().unwrap().contains("accepts connections"),
        "{sms}"
    );
    assert!(
        !report.to_string().contains("t0ken"),
        "the token is never printed"
    );
    assert!(server.requests().is_empty(), "no SMS sent by a probe");
    let closed = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    config(&env, &format!("http://127.0.0.1:{closed}/send"), "");
    env.publik()
        .args(["config", "check", "--connect"])
        .assert()
        .code(75);
}

/// Secrets in gateway fields and headers come from a file or the
/// environment, reach the gateway, and never show in `config check`;
/// inline secret-looking values are masked too. The OVH preset uses a file.
#[test]
fn secret_fields_and_headers_come_from_files_or_the_environment() {
    let server = gateway();
    let env = Env::new();
    env.write("ovh-password", "s3cr3t-pw\n");
    env.write(
        "publik.yaml",
        &format!(
            "sms:\n  gateway:\n    url: {}\n    fields: {{ to: \"{{to}}\", text: \"{{text}}\", password_file: ovh-password, apikey: inline-k3y }}\n    headers: {{ X-Api-Key_env: SMS_API_KEY }}\n",
            server.url("/send")
        ),
    );
    let check = env
        .publik()
        .env("SMS_API_KEY", "h3ader-k3y")
        .args(["config", "check"])
        .output()
        .unwrap();
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stderr)
    );
    let shown = String::from_utf8_lossy(&check.stdout).to_string();
    for secret in ["s3cr3t-pw", "h3ader-k3y", "inline-k3y"] {
        assert!(!shown.contains(secret), "{secret} shown:\n{shown}");
    }
    assert!(shown.contains("password_file: ovh-password"), "{shown}");
    let ids = {
        let out = env
            .publik()
            .env("SMS_API_KEY", "h3ader-k3y")
            .args([
                "--json",
                "enqueue",
                "sms",
                "--to",
                "0612345678",
                "--text",
                "Bonjour",
            ])
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        serde_json::from_slice::<Value>(&out.stdout).unwrap()["ids"].clone()
    };
    assert_eq!(ids.as_array().unwrap().len(), 1);
    env.publik()
        .env("SMS_API_KEY", "h3ader-k3y")
        .arg("send-queue")
        .assert()
        .success();
    let request = &server.requests()[0];
    assert_eq!(request.header("X-Api-Key"), Some("h3ader-k3y"));
    assert_eq!(
        request.json(),
        json!({"to": "+33612345678", "text": "Bonjour", "password": "s3cr3t-pw", "apikey": "inline-k3y"})
    );
    // Without the variable: the key named, exit 65.
    let out = env
        .publik()
        .env_remove("SMS_API_KEY")
        .args(["config", "check"])
        .assert()
        .code(65);
    assert!(String::from_utf8_lossy(&out.get_output().stderr).contains("sms.gateway.headers.X-Api-Key_env"));

    // The OVH preset, with its password file, loads.
    let preset = include_str!("../../examples/sms/ovh-http2sms.yaml")
        .replace("/etc/publik/ovh-sms-password", "ovh-password");
    env.write("publik.yaml", &preset);
    let check = env.publik().args(["config", "check"]).output().unwrap();
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stderr)
    );
    assert!(!String::from_utf8_lossy(&check.stdout).contains("s3cr3t-pw"));
}

const RECEIPT_SECRET: &str = "r3ceipt-s3cret-0123456789";

/// `POST /sms/receipt/` in `serve`: a provider's delivery receipts, JSON or
/// form fields mapped by the config, the secret in the path or a header;
/// an unknown id or an intermediate status is 200 (providers retry on
/// errors); a bad secret is 403; off unless configured.
#[test]
fn receipts_arrive_through_serve() {
    let server = gateway();
    let env = Env::new();
    config(&env, &server.url("/send"), "");
    let served = env.serve();
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .build()
        .into();
    let post_json = |path: &str, body: Value| {
        agent
            .post(&format!("{}{path}", served.base))
            .send_json(body)
            .unwrap()
            .status()
            .as_u16()
    };
    assert_eq!(post_json("/sms/receipt/x/", json!({})), 404, "not configured");
    drop(served);
    let base = std::fs::read_to_string(env.config()).unwrap();
    env.write(
        "publik.yaml",
        &format!(
            "{base}  receipts:\n    secret: {RECEIPT_SECRET}\n    auth_header: X-Api-Key\n    id_field: msgid\n    status_field: stat\n    statuses: {{ DELIVRD: delivered, UNDELIV: undelivered, EXPIRED: expired }}\n"
        ),
    );
    let ids = enqueue(&env, &["+33600000005", "+33600000006"], "Bonjour");
    env.publik().arg("send-queue").assert().success();
    let served = env.serve();
    let url = |path: &str| format!("{}{path}", served.base);
    let post_json = |path: &str, body: Value| agent.post(&url(path)).send_json(body).unwrap();
    let mut ok = post_json(
        &format!("/sms/receipt/{RECEIPT_SECRET}/"),
        json!({"msgid": "prov-+33600000005", "stat": "delivrd"}),
    );
    assert_eq!(ok.status().as_u16(), 200);
    assert_eq!(ok.body_mut().read_json::<Value>().unwrap(), json!({"err": 0}));
    assert_eq!(show(&env, ids[0])["status"], "delivered");
    // Form fields, the secret in the header.
    let form = agent
        .post(&url("/sms/receipt/"))
        .header("X-Api-Key", RECEIPT_SECRET)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .send("msgid=prov-%2B33600000006&stat=UNDELIV")
        .unwrap();
    assert_eq!(form.status().as_u16(), 200);
    assert_eq!(show(&env, ids[1])["status"], "failed");
    // An intermediate status and an unknown id change nothing, answer 200.
    assert_eq!(
        post_json(
            &format!("/sms/receipt/{RECEIPT_SECRET}/"),
            json!({"msgid": "nope", "stat": "DELIVRD"})
        )
        .status()
        .as_u16(),
        200
    );
    // Bad secrets: 403, with no detail.
    let mut bad = post_json(
        "/sms/receipt/wrong-secret/",
        json!({"msgid": "prov-+33600000005", "stat": "DELIVRD"}),
    );
    assert_eq!(bad.status().as_u16(), 403);
    assert_eq!(bad.body_mut().read_json::<Value>().unwrap(), json!({"err": 1}));
    assert_eq!(post_json("/sms/receipt/", json!({})).status().as_u16(), 403);
    assert_eq!(
        post_json(
            &format!("/sms/receipt/{RECEIPT_SECRET}/"),
            json!({"stat": "DELIVRD"})
        )
        .status()
        .as_u16(),
        400
    );
    // Each receipt is in the history.
    let history = show(&env, ids[0])["events"].to_string();
    assert!(history.contains("serve: SMS receipt"), "{history}");
}
