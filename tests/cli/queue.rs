//! The send queue over a real SMTP server on 127.0.0.1.

use crate::common;

use std::collections::HashMap;
use std::time::Duration;

use common::Env;
use common::smtp::{Options, SmtpServer};
use mail_parser::{MessageParser, MimeHeaders};
use serde_json::Value;

fn enqueue(env: &Env, to: &[&str], extra: &[&str]) -> Vec<i64> {
    let body = env.path("body.txt");
    if !body.exists() {
        env.write("body.txt", "Bonjour,\nvotre demande n°42 est enregistrée.\n");
    }
    let mut cmd = env.publik();
    cmd.args([
        "--json",
        "enqueue",
        "email",
        "--subject",
        "Votre demande",
        "--text",
    ])
    .arg(&body);
    for addr in to {
        cmd.args(["--to", addr]);
    }
    let out = cmd.args(extra).output().unwrap();
    assert!(
        out.status.success(),
        "enqueue failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    json["ids"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_i64().unwrap())
        .collect()
}

fn statuses(env: &Env) -> HashMap<String, String> {
    env.json(&["queue", "list"])
        .as_array()
        .unwrap()
        .iter()
        .map(|m| {
            (
                m["recipient"].as_str().unwrap().to_string(),
                m["status"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

fn message(env: &Env, id: i64) -> Value {
    env.json(&["queue", "show", &id.to_string()])
}

fn rfc3339(t: chrono::DateTime<chrono::Utc>) -> String {
    t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

#[test]
fn mail_arrives_as_composed() {
    let server = SmtpServer::start();
    let env = Env::new();
    env.smtp_config(server.port(), "");
    env.write(
        "body.html",
        "<p>Bonjour, votre demande est <b>enregistrée</b>.</p>",
    );
    env.write(
        "body.txt",
        "Bonjour,\nvotre demande est enregistrée.\n.\nUne ligne qui commence par un point.\n",
    );
    let pdf = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\nfake pdf content\n%%EOF\n".to_vec();
    std::fs::write(env.path("récépissé.pdf"), &pdf).unwrap();
    let ids = env.json(&[
        "enqueue",
        "email",
        "--to",
        "Élodie Martin <elodie@example.org>",
        "--to",
        "bob@example.org",
        "--cc",
        "agent@example.org",
        "--bcc",
        "archives@example.org",
        "--subject",
        "Votre demande n°42 : reçue à l'hôtel de ville",
        "--text",
        "body.txt",
        "--html",
        "body.html",
        "--attach",
        "récépissé.pdf",
        "--reply-to",
        "accueil@example.org",
        "--header",
        "X-Publik-Form: 42",
        "--tag",
        "demo",
    ])["ids"]
        .as_array()
        .unwrap()
        .len();
    assert_eq!(ids, 4, "one row per recipient");

    env.publik()
        .arg("send-queue")
        .assert()
        .success()
        .stdout("")
        .stderr("");
    let received = server.received();
    assert_eq!(received.len(), 4);
    let mut rcpts: Vec<String> = received.iter().map(|r| r.rcpt_to.join(",")).collect();
    rcpts.sort();
    assert_eq!(
        rcpts,
        [
            "agent@example.org",
            "archives@example.org",
            "bob@example.org",
            "elodie@example.org"
        ]
    );
    let mut message_ids = Vec::new();
    for r in &received {
        assert_eq!(r.mail_from, "noreply@example.org");
        let raw = String::from_utf8_lossy(&r.data).to_string();
        assert!(
            !raw.contains("archives@example.org"),
            "Bcc must not appear in headers"
        );
        let parsed = MessageParser::default().parse(&r.data).expect("parse");
        assert_eq!(
            parsed.subject(),
            Some("Votre demande n°42 : reçue à l'hôtel de ville")
        );
        assert_eq!(
            parsed.body_text(0).unwrap().replace("\r\n", "\n"),
            "Bonjour,\nvotre demande est enregistrée.\n.\nUne ligne qui commence par un point.\n"
        );
        assert_eq!(
            parsed.body_html(0).unwrap(),
            "<p>Bonjour, votre demande est <b>enregistrée</b>.</p>"
        );
        let attachment = parsed.attachment(0).expect("attachment");
        assert_eq!(attachment.attachment_name(), Some("récépissé.pdf"));
        assert_eq!(attachment.contents(), &pdf[..]);
        assert_eq!(attachment.content_type().unwrap().subtype(), Some("pdf"));
        assert_eq!(
            parsed.header_raw("Auto-Submitted").map(str::trim),
            Some("auto-generated")
        );
        assert_eq!(parsed.header_raw("X-Publik-Form").map(str::trim), Some("42"));
        assert!(parsed.date().is_some());
        let to: Vec<_> = parsed
            .to()
            .unwrap()
            .iter()
            .map(|a| a.address().unwrap().to_string())
            .collect();
        assert_eq!(to, ["elodie@example.org", "bob@example.org"]);
        assert_eq!(
            parsed.to().unwrap().first().unwrap().name(),
            Some("Élodie Martin")
        );
        assert_eq!(
            parsed.cc().unwrap().first().unwrap().address(),
            Some("agent@example.org")
        );
        assert_eq!(
            parsed.reply_to().unwrap().first().unwrap().address(),
            Some("accueil@example.org")
        );
        message_ids.push(parsed.message_id().unwrap().to_string());
    }
    message_ids.sort();
    message_ids.dedup();
    assert_eq!(message_ids.len(), 4, "one Message-ID per row");
    // Connections are kept for the run: at most one per lane
    // (email.smtp.connections, 4 by default), never one per message.
    assert!(server.connections() <= 4, "{} connections", server.connections());
    assert!(statuses(&env).values().all(|s| s == "sent"));

    let shown = message(&env, 1);
    assert_eq!(shown["status"], "sent");
    assert_eq!(shown["tag"], "demo");
    assert_eq!(
        shown["content"]["subject"],
        "Votre demande n°42 : reçue à l'hôtel de ville"
    );
    assert_eq!(shown["attachments"][0]["filename"], "récépissé.pdf");
    let events: Vec<&str> = shown["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["new_status"].as_str().unwrap())
        .collect();
    assert_eq!(events, ["pending", "sending", "sent"]);
    assert!(shown["events"][2]["detail"].as_str().unwrap().starts_with("250"));
}

#[test]
fn outcomes_are_classified_per_recipient() {
    let server = SmtpServer::start();
    let env = Env::new();
    env.smtp_config(server.port(), "");
    enqueue(
        &env,
        &[
            "ok1@example.org",
            "temp@example.org",
            "perm@example.org",
            "drop@example.org",
            "ok2@example.org",
        ],
        &[],
    );
    env.publik()
        .arg("send-queue")
        .assert()
        .success()
        .stdout("")
        .stderr("");
    let st = statuses(&env);
    assert_eq!(st["ok1@example.org"], "sent");
    assert_eq!(st["ok2@example.org"], "sent");
    assert_eq!(st["temp@example.org"], "error");
    assert_eq!(st["perm@example.org"], "failed");
    assert_eq!(
        st["drop@example.org"], "error",
        "a hang-up during DATA is temporary"
    );
    let temp = message(&env, 2);
    assert!(temp["last_error"].as_str().unwrap().contains("451"), "{temp}");
    assert!(temp["next_attempt_at"].is_string());
    let perm = message(&env, 3);
    assert!(perm["last_error"].as_str().unwrap().contains("550"), "{perm}");
    assert!(perm["next_attempt_at"].is_null());
    assert_eq!(server.count(), 2);
    // Reopened after each failure (lettre drops a connection after an error).
    assert!(server.connections() >= 3);
}

#[test]
fn backoff_retry_and_max_attempts() {
    let server = SmtpServer::start();
    let env = Env::new();
    env.smtp_config(
        server.port(),
        "  max_attempts: 3\n  backoff: { base: 10m, max: 1h }\n",
    );
    let now = chrono::Utc::now();
    enqueue(&env, &["flaky2@example.org", "temp@example.org"], &[]);
    env.publik().arg("send-queue").assert().success();
    let first = message(&env, 1);
    assert_eq!(first["status"], "error");
    assert_eq!(first["attempts"], 1);
    let next: chrono::DateTime<chrono::Utc> = first["next_attempt_at"].as_str().unwrap().parse().unwrap();
    let delay = (next - now).num_seconds();
    assert!(
        (295..=605).contains(&delay),
        "backoff after attempt 1 is 5-10 min with jitter: {delay}s"
    );

    // Not due yet: nothing happens.
    env.publik().arg("retry-queue").assert().success().stdout("");
    assert_eq!(message(&env, 1)["attempts"], 1);

    let at = |mins: i64| rfc3339(now + chrono::Duration::minutes(mins));
    env.publik()
        .env("PUBLIK_NOW", at(11))
        .arg("retry-queue")
        .assert()
        .success();
    let second = message(&env, 1);
    assert_eq!(
        (second["status"].as_str(), second["attempts"].as_i64()),
        (Some("error"), Some(2))
    );
    let next: chrono::DateTime<chrono::Utc> = second["next_attempt_at"].as_str().unwrap().parse().unwrap();
    let delay = (next - (now + chrono::Duration::minutes(11))).num_seconds();
    assert!((595..=1205).contains(&delay), "backoff doubles: {delay}s");

    env.publik()
        .env("PUBLIK_NOW", at(60))
        .arg("retry-queue")
        .assert()
        .success();
    let third = message(&env, 1);
    assert_eq!(
        (third["status"].as_str(), third["attempts"].as_i64()),
        (Some("sent"), Some(3))
    );
    let temp = message(&env, 2);
    assert_eq!(
        temp["status"], "failed",
        "third failure reaches max_attempts: {temp}"
    );
    assert!(
        temp["last_error"]
            .as_str()
            .unwrap()
            .contains("gave up after 3 attempts")
    );
    // send-queue never touches error rows; retry-queue never touches failed ones.
    env.publik()
        .env("PUBLIK_NOW", at(600))
        .arg("retry-queue")
        .assert()
        .success();
    assert_eq!(message(&env, 2)["attempts"], 3);
}

#[test]
fn not_before_expiry_and_priority() {
    let server = SmtpServer::start();
    let env = Env::new();
    env.smtp_config(server.port(), "");
    let now = chrono::Utc::now();
    let later = rfc3339(now + chrono::Duration::hours(2));
    enqueue(&env, &["later@example.org"], &["--not-before", &later]);
    enqueue(&env, &["expiring@example.org"], &["--expires-in", "1h"]);
    enqueue(&env, &["low@example.org"], &["--priority", "low"]);
    enqueue(&env, &["high@example.org"], &["--priority", "high"]);
    env.publik()
        .args(["send-queue", "--limit", "1"])
        .assert()
        .success();
    assert_eq!(
        server.received()[0].rcpt_to,
        ["high@example.org"],
        "priority first"
    );

    let in_3h = rfc3339(now + chrono::Duration::hours(3));
    env.publik()
        .env("PUBLIK_NOW", &in_3h)
        .arg("send-queue")
        .assert()
        .success();
    let st = statuses(&env);
    assert_eq!(st["expiring@example.org"], "failed");
    assert_eq!(st["later@example.org"], "sent");
    assert_eq!(st["low@example.org"], "sent");
    assert!(
        message(&env, 2)["last_error"]
            .as_str()
            .unwrap()
            .contains("expired")
    );
    let rcpts: Vec<String> = server.received().iter().map(|r| r.rcpt_to[0].clone()).collect();
    assert!(!rcpts.contains(&"expiring@example.org".to_string()));
}

#[test]
fn not_before_is_respected_by_plain_runs() {
    let server = SmtpServer::start();
    let env = Env::new();
    env.smtp_config(server.port(), "");
    enqueue(
        &env,
        &["later@example.org"],
        &["--not-before", "2099-01-01 08:00"],
    );
    env.publik().arg("send-queue").assert().success();
    assert_eq!(server.count(), 0);
    assert_eq!(statuses(&env)["later@example.org"], "pending");
}

#[test]
fn requeue_cancel_purge() {
    let server = SmtpServer::start();
    let env = Env::new();
    env.smtp_config(server.port(), "");
    enqueue(
        &env,
        &["perm@example.org", "ok@example.org"],
        &["--not-before", "2099-01-01"],
    );
    enqueue(&env, &["waiting@example.org"], &["--not-before", "2100-01-01"]);
    let now = chrono::Utc::now();
    let far = "2099-01-02T00:00:00Z";
    env.publik()
        .env("PUBLIK_NOW", far)
        .arg("send-queue")
        .assert()
        .success();
    assert_eq!(statuses(&env)["perm@example.org"], "failed");

    // Refusals change nothing.
    let before = env.counts();
    env.publik().args(["queue", "cancel", "2"]).assert().code(65); // sent
    env.publik().args(["queue", "requeue", "2"]).assert().code(65);
    env.publik().args(["queue", "cancel", "999"]).assert().code(65);
    assert_eq!(env.counts(), before);
    assert_eq!(statuses(&env)["ok@example.org"], "sent");

    env.publik()
        .args(["queue", "requeue", "1"])
        .assert()
        .success()
        .stdout("");
    let requeued = message(&env, 1);
    assert_eq!(
        (requeued["status"].as_str(), requeued["attempts"].as_i64()),
        (Some("pending"), Some(0))
    );
    assert!(
        requeued["events"]
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["new_status"] == "failed"),
        "history kept"
    );

    env.publik()
        .args(["queue", "cancel", "1", "3"])
        .assert()
        .success();
    assert_eq!(statuses(&env)["waiting@example.org"], "cancelled");
    env.publik()
        .args(["queue", "requeue", "--status", "cancelled"])
        .assert()
        .success();
    assert_eq!(statuses(&env)["waiting@example.org"], "pending");
    env.publik()
        .args(["queue", "cancel", "1", "3"])
        .assert()
        .success();

    // Nothing is old enough yet.
    env.publik()
        .args(["queue", "purge", "--older-than", "1d"])
        .assert()
        .success();
    assert_eq!(statuses(&env).len(), 3);
    let later = rfc3339(now + chrono::Duration::days(400) + chrono::Duration::days(365 * 73));
    let purged = env
        .publik()
        .env("PUBLIK_NOW", &later)
        .args([
            "--json",
            "queue",
            "purge",
            "--older-than",
            "1d",
            "--status",
            "cancelled",
        ])
        .output()
        .unwrap();
    let purged: Value = serde_json::from_slice(&purged.stdout).unwrap();
    assert_eq!(purged["deleted"], 2);
    let st = statuses(&env);
    assert_eq!(st.len(), 1);
    assert_eq!(st["ok@example.org"], "sent");
    env.publik()
        .args(["queue", "purge", "--older-than", "1d", "--status", "pending"])
        .assert()
        .code(65);
    env.publik()
        .env("PUBLIK_NOW", &later)
        .args(["queue", "purge", "--older-than", "1d"])
        .assert()
        .success();
    let info = env.counts();
    for table in info.as_array().unwrap() {
        if ["messages", "bodies", "events", "attachments"].contains(&table["table"].as_str().unwrap()) {
            assert_eq!(table["rows"], 0, "{table}");
        }
    }
}

#[test]
fn dry_run_changes_nothing() {
    let server = SmtpServer::start();
    let env = Env::new();
    env.smtp_config(server.port(), "");
    enqueue(&env, &["a@example.org", "b@example.org"], &[]);
    let before = env.counts();
    let out = env.publik().args(["send-queue", "--dry-run"]).assert().success();
    let stdout = String::from_utf8_lossy(&out.get_output().stdout).to_string();
    assert!(
        stdout.contains("would send 2") && stdout.contains("a@example.org"),
        "{stdout}"
    );
    let json = env.json(&["send-queue", "--dry-run"]);
    assert_eq!(json["would_send"].as_array().unwrap().len(), 2);
    assert_eq!(env.counts(), before);
    assert!(statuses(&env).values().all(|s| s == "pending"));
    assert_eq!(server.connections(), 0);
}

#[test]
fn rate_limit_and_time_limit_leave_the_rest_pending() {
    let server = SmtpServer::start();
    let env = Env::new();
    env.smtp_config(server.port(), "  rate: 2/h\n");
    enqueue(
        &env,
        &[
            "r1@example.org",
            "r2@example.org",
            "r3@example.org",
            "r4@example.org",
        ],
        &[],
    );
    // The third send would wait an hour: the time limit stops the run instead.
    env.publik()
        .args(["send-queue", "--time-limit", "2s"])
        .assert()
        .success()
        .stdout("")
        .stderr("");
    let st = statuses(&env);
    assert_eq!(st.values().filter(|s| *s == "sent").count(), 2, "{st:?}");
    assert_eq!(st.values().filter(|s| *s == "pending").count(), 2, "{st:?}");
    assert_eq!(server.count(), 2);
}

#[test]
fn time_limit_stops_claiming() {
    let server = SmtpServer::start_with(Options {
        delay_per_message: Duration::from_millis(400),
        ..Options::default()
    });
    let env = Env::new();
    env.smtp_config(server.port(), "");
    // 4 connections at 400 ms a message send about 10 in a second.
    let to: Vec<String> = (0..40).map(|i| format!("slow{i}@example.org")).collect();
    let to: Vec<&str> = to.iter().map(String::as_str).collect();
    enqueue(&env, &to, &[]);
    env.publik()
        .args(["send-queue", "--time-limit", "1s"])
        .assert()
        .success();
    let st = statuses(&env);
    let sent = st.values().filter(|s| *s == "sent").count();
    assert!((1..40).contains(&sent), "{st:?}");
    assert_eq!(st.values().filter(|s| *s == "pending").count(), 40 - sent);
    assert!(!st.values().any(|s| s == "sending"));
}

#[test]
fn smtp_down_exits_75_and_leaves_rows_untouched() {
    let port = {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        listener.local_addr().unwrap().port()
    };
    let env = Env::new();
    env.smtp_config(port, "");
    enqueue(&env, &["a@example.org", "b@example.org", "c@example.org"], &[]);
    let out = env.publik().arg("send-queue").assert().code(75);
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).to_string();
    assert!(
        stderr.starts_with("publik: error: email: cannot connect to SMTP server"),
        "{stderr}"
    );
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    for id in 1..=3 {
        let m = message(&env, id);
        assert_eq!(
            (m["status"].as_str(), m["attempts"].as_i64()),
            (Some("pending"), Some(0)),
            "{m}"
        );
    }
    // Once the server is back, the next run sends everything.
    let env2_server = SmtpServer::start();
    env.smtp_config(env2_server.port(), "");
    env.publik().arg("send-queue").assert().success();
    assert_eq!(env2_server.count(), 3);
}

#[test]
fn bad_input_is_refused_and_changes_nothing() {
    let env = Env::new();
    env.write("body.txt", "x");
    env.publik().args(["state", "upgrade"]).assert().success();
    let before = env.counts();
    let cases: Vec<(Vec<&str>, &str)> = vec![
        (vec!["--to", "not an address"], "--to"),
        (vec!["--to", "a@example.org", "--cc", "b@@example.org"], "--cc"),
        (
            vec!["--to", "a@example.org", "--subject", "two\nlines"],
            "--subject",
        ),
        (
            vec!["--to", "a@example.org", "--attach", "missing.pdf"],
            "missing.pdf",
        ),
        (
            vec!["--to", "a@example.org", "--not-before", "tomorrow-ish"],
            "--not-before",
        ),
        (
            vec!["--to", "a@example.org", "--header", "Subject: hijack"],
            "--header",
        ),
        (
            vec![
                "--to",
                "a@example.org",
                "--header",
                "X-Ok: a\r\nBcc: evil@example.org",
            ],
            "--header",
        ),
        (vec!["--to", "a@example.org", "--from", "nobody"], "--from"),
    ];
    for (args, needle) in cases {
        let mut cmd = env.publik();
        cmd.args(["enqueue", "email", "--text", "body.txt"]);
        if !args.contains(&"--subject") {
            cmd.args(["--subject", "s"]);
        }
        let out = cmd.args(&args).assert().code(65);
        let stderr = String::from_utf8_lossy(&out.get_output().stderr).to_string();
        assert!(stderr.contains(needle), "{needle} not in {stderr}");
        assert_eq!(stderr.lines().count(), 1, "{stderr}");
        assert_eq!(env.counts(), before, "{args:?} changed the state");
    }
    let out = env
        .publik()
        .args([
            "enqueue",
            "email",
            "--to",
            "a@example.org",
            "--subject",
            "s",
            "--text",
            "nope.txt",
        ])
        .assert()
        .code(65);
    assert!(String::from_utf8_lossy(&out.get_output().stderr).contains("nope.txt"));
    env.publik()
        .args([
            "enqueue",
            "email",
            "--to",
            "a@example.org",
            "--subject",
            "s",
            "--text",
            "body.txt",
            "--expires-in",
            "soon",
        ])
        .assert()
        .code(65);
    assert_eq!(env.counts(), before);
}

#[test]
fn stats_and_list_filters() {
    let server = SmtpServer::start();
    let env = Env::new();
    env.smtp_config(server.port(), "");
    enqueue(
        &env,
        &["a@example.org", "perm@example.org"],
        &["--tag", "newsletter"],
    );
    enqueue(&env, &["c@example.org"], &["--not-before", "2099-01-01"]);
    env.publik().arg("send-queue").assert().success();
    let stats = env.json(&["queue", "stats"]);
    let count = |status: &str| {
        stats["counts"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["status"] == status)
            .map(|c| c["count"].as_i64().unwrap())
    };
    assert_eq!(
        (count("sent"), count("failed"), count("pending")),
        (Some(1), Some(1), Some(1))
    );
    assert!(stats["oldest_pending_age_secs"].as_i64().unwrap() >= 0);
    let tagged = env.json(&["queue", "list", "--tag", "newsletter"]);
    assert_eq!(tagged.as_array().unwrap().len(), 2);
    let failed = env.json(&["queue", "list", "--status", "failed,error"]);
    assert_eq!(failed.as_array().unwrap().len(), 1);
    let one = env.json(&[
        "queue",
        "list",
        "--to",
        "A@example.org",
        "--channel",
        "email",
        "--since",
        "1h",
    ]);
    assert_eq!(one.as_array().unwrap().len(), 1);
    let table = env.publik().args(["queue", "list"]).output().unwrap();
    assert!(String::from_utf8_lossy(&table.stdout).contains("perm@example.org"));
    env.publik().args(["queue", "show", "42"]).assert().code(65);
}

#[test]
fn file_transport_is_the_default() {
    let env = Env::new();
    enqueue(&env, &["citoyen@example.org"], &[]);
    env.publik()
        .arg("send-queue")
        .assert()
        .success()
        .stdout("")
        .stderr("");
    let files: Vec<_> = std::fs::read_dir(env.path("outbox")).unwrap().collect();
    assert_eq!(files.len(), 1);
    let raw = std::fs::read(files[0].as_ref().unwrap().path()).unwrap();
    let parsed = MessageParser::default().parse(&raw).unwrap();
    assert_eq!(parsed.subject(), Some("Votre demande"));
    assert_eq!(statuses(&env)["citoyen@example.org"], "sent");
}

/// How many times each address received a message.
fn per_recipient(server: &SmtpServer) -> HashMap<String, usize> {
    let mut counts: HashMap<String, usize> = HashMap::new();
    for r in server.received() {
        *counts.entry(r.rcpt_to[0].clone()).or_default() += 1;
    }
    counts
}

/// The next of a xorshift sequence: random kill times, repeatable per pid.
fn xorshift(seed: &mut u64) {
    *seed ^= *seed << 13;
    *seed ^= *seed >> 7;
    *seed ^= *seed << 17;
}

/// kill -9 at random moments, several times: every message arrives at least
/// once, at most one duplicate per kill and SMTP connection (the rows in
/// flight), none left in `sending`.
#[test]
fn crash_safety_under_kill_9() {
    let server = SmtpServer::start_with(Options {
        delay_per_message: Duration::from_millis(2),
        ..Options::default()
    });
    let env = Env::new();
    // Ten times the keeper's renewal interval and more: a worker starved on
    // a busy machine still renews in time (a lost lease would double rows).
    env.smtp_config(server.port(), "  lease: 5s\n");
    common::enqueue_bulk(&env, 500);
    let mut seed = std::process::id() as u64 ^ 0x9e37_79b9_7f4a_7c15;
    let mut kills = 0;
    for _ in 0..5 {
        xorshift(&mut seed);
        let wait = Duration::from_millis(50 + seed % 250);
        let mut child = env.command().arg("send-queue").spawn().unwrap();
        std::thread::sleep(wait);
        if child.try_wait().unwrap().is_none() {
            child.kill().unwrap(); // SIGKILL
            kills += 1;
        }
        child.wait().unwrap();
    }
    assert!(kills >= 1, "no run was killed: the test proves nothing");
    std::thread::sleep(Duration::from_millis(5200)); // past the lease
    env.publik().arg("send-queue").assert().success();

    let per_rcpt = per_recipient(&server);
    assert_eq!(per_rcpt.len(), 500, "every message arrived");
    let duplicates: usize = per_rcpt.values().map(|n| n - 1).sum();
    assert!(
        duplicates <= kills * 4,
        "{duplicates} duplicates for {kills} kills over 4 connections"
    );
    let st = statuses(&env);
    assert!(
        st.values().all(|s| s == "sent"),
        "{:?}",
        st.values().filter(|s| *s != "sent").collect::<Vec<_>>()
    );
}

/// Four workers at once over 2 000 messages, killed with SIGKILL at random
/// moments and started again: every message arrives, at most one twice per
/// kill (one connection per worker: one message in flight), none is left
/// behind. The claim, leases and recovery on either store.
fn four_workers_killed_at_random(kind: common::Kind) {
    let server = SmtpServer::start_with(Options {
        delay_per_message: Duration::from_millis(4),
        ..Options::default()
    });
    let env = Env::on(kind);
    // Ten times the keeper's renewal interval and more: a worker starved on
    // a busy machine still renews in time (a lost lease would double rows).
    env.smtp_config(server.port(), "  lease: 5s\n");
    let mut config = std::fs::read_to_string(env.config()).unwrap();
    config = config.replace("    timeout: 5s\n", "    timeout: 5s\n    connections: 1\n");
    env.write("publik.yaml", &config);
    common::enqueue_bulk(&env, 2000);
    let spawn = || env.command().arg("send-queue").spawn().unwrap();
    let mut workers: Vec<std::process::Child> = (0..4).map(|_| spawn()).collect();
    let mut seed = std::process::id() as u64 ^ 0x9e37_79b9_7f4a_7c15;
    let mut kills = 0;
    for _ in 0..6 {
        xorshift(&mut seed);
        std::thread::sleep(Duration::from_millis(100 + seed % 300));
        let victim = (seed % 4) as usize;
        if workers[victim].try_wait().unwrap().is_none() {
            workers[victim].kill().unwrap(); // SIGKILL
            kills += 1;
        }
        workers[victim].wait().unwrap();
        workers[victim] = spawn();
    }
    for mut worker in workers {
        worker.wait().unwrap();
    }
    assert!(kills >= 1, "no worker was killed: the test proves nothing");
    std::thread::sleep(Duration::from_millis(5200)); // past the lease
    env.publik().arg("send-queue").assert().success();

    let per_rcpt = per_recipient(&server);
    assert_eq!(per_rcpt.len(), 2000, "every message arrived");
    let duplicates: usize = per_rcpt.values().map(|n| n - 1).sum();
    assert!(duplicates <= kills, "{duplicates} duplicates for {kills} kills");
    let stats = env.json(&["queue", "stats"]);
    assert_eq!(stats["counts"][0]["status"], "sent");
    assert_eq!(stats["counts"][0]["count"], 2000, "{stats}");
}

#[test]
fn four_workers_killed_at_random_on_sqlite() {
    four_workers_killed_at_random(common::Kind::Sqlite);
}

#[test]
fn four_workers_killed_at_random_on_postgresql() {
    four_workers_killed_at_random(common::Kind::Postgres);
}

/// Four runs at once over 2 000 messages: each arrives exactly once.
fn overlapping_runs_never_double_send(kind: common::Kind) {
    let server = SmtpServer::start_with(Options {
        count_only: false,
        ..Options::default()
    });
    let env = Env::on(kind);
    env.smtp_config(server.port(), "");
    common::enqueue_bulk(&env, 2000);
    let children: Vec<_> = (0..4)
        .map(|_| env.command().arg("send-queue").spawn().unwrap())
        .collect();
    for mut child in children {
        assert!(child.wait().unwrap().success());
    }
    let received = server.received();
    assert_eq!(received.len(), 2000);
    let mut seen = std::collections::HashSet::new();
    for r in &received {
        assert!(
            seen.insert(r.rcpt_to[0].clone()),
            "{} received twice",
            r.rcpt_to[0]
        );
    }
    assert!(server.connections() >= 2, "the runs overlapped");
    let stats = env.json(&["queue", "stats"]);
    assert_eq!(stats["counts"][0]["status"], "sent");
    assert_eq!(stats["counts"][0]["count"], 2000);
}

#[test]
fn overlapping_runs_never_double_send_on_sqlite() {
    overlapping_runs_never_double_send(common::Kind::Sqlite);
}

#[test]
fn overlapping_runs_never_double_send_on_postgresql() {
    overlapping_runs_never_double_send(common::Kind::Postgres);
}

/// A delivery that outlasts the lease (a big message, a slow relay) is
/// never taken over by the next run: one message, not two.
#[test]
fn a_long_delivery_keeps_its_lease() {
    let server = SmtpServer::start_with(Options {
        delay_per_message: Duration::from_secs(10),
        ..Options::default()
    });
    let env = Env::new();
    // Renewed every second: 3 s leave a busy machine two seconds of slack.
    env.smtp_config(server.port(), "  lease: 3s\n");
    // The relay's 10 s for DATA well within the SMTP timeout.
    let config = std::fs::read_to_string(env.config()).unwrap();
    env.write(
        "publik.yaml",
        &config.replace("    timeout: 5s\n", "    timeout: 60s\n"),
    );
    // 8 MB of short lines: composing it was quadratic (lettre inserts a CR
    // before each LF one at a time).
    env.write(
        "big.txt",
        &"Ligne de texte d'une pièce jointe collée.\n".repeat(8_000_000 / 42),
    );
    env.publik()
        .args([
            "enqueue",
            "email",
            "--to",
            "citoyen@example.org",
            "--subject",
            "Pièce",
            "--text",
            "big.txt",
        ])
        .assert()
        .success();
    let mut first = env.command().arg("send-queue").spawn().unwrap();
    // Past the lease, while the server still holds the end of DATA.
    std::thread::sleep(Duration::from_secs(5));
    let second = env.publik().arg("send-queue").assert().success();
    assert!(first.wait().unwrap().success());
    drop(second);
    std::thread::sleep(Duration::from_millis(200));
    assert_eq!(server.count(), 1, "sent once");
    let statuses = statuses(&env);
    assert_eq!(statuses.values().collect::<Vec<_>>(), ["sent"]);
}

/// `email.max_size` is checked at enqueue (exit 65, nothing queued), and an
/// attachment must be a regular file, not a device or a FIFO.
#[test]
fn oversized_messages_and_special_files_are_refused() {
    let env = Env::new();
    env.write("publik.yaml", "email:\n  max_size: 1MB\n");
    env.write("body.txt", "Bonjour\n");
    env.write("big.bin", &"x".repeat(800_000));
    env.write("big.txt", &"x".repeat(900_000));
    let fifo = env.path("fifo");
    assert!(
        std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    let fifo = fifo.display().to_string();
    // stderr of a refused enqueue (exit 65) with this text and attachment.
    let refused = |text: &str, attach: Option<&str>| {
        let mut cmd = env.publik();
        cmd.args([
            "enqueue",
            "email",
            "--to",
            "a@example.org",
            "--subject",
            "S",
            "--text",
            text,
        ]);
        if let Some(attach) = attach {
            cmd.args(["--attach", attach]);
        }
        let out = cmd.timeout(Duration::from_secs(10)).assert().code(65);
        String::from_utf8_lossy(&out.get_output().stderr).to_string()
    };
    let stderr = refused("body.txt", Some("big.bin"));
    assert!(stderr.contains("email.max_size (1MB)"), "{stderr}");
    assert!(refused("big.txt", None).contains("email.max_size"));
    let stderr = refused("body.txt", Some("/dev/zero"));
    assert!(stderr.contains("/dev/zero is not a regular file"), "{stderr}");
    assert!(refused("body.txt", Some(&fifo)).contains("not a regular file"));
    assert!(env.json(&["queue", "list"]).as_array().unwrap().is_empty());
}

/// A control character in a subject is refused, and the error shows it
/// escaped: a terminal never receives the raw bytes.
#[test]
fn control_characters_are_refused_and_never_echoed() {
    let env = Env::new();
    env.write("body.txt", "Bonjour\n");
    let out = env
        .publik()
        .args([
            "enqueue",
            "email",
            "--to",
            "a@example.org",
            "--subject",
            "Alerte\u{1b}[2J\u{7}",
            "--text",
            "body.txt",
        ])
        .assert()
        .code(65);
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).to_string();
    assert!(stderr.contains("control character"), "{stderr}");
    assert!(
        !stderr.contains('\u{1b}') && !stderr.contains('\u{7}'),
        "{stderr:?}"
    );
    let out = env
        .publik()
        .args([
            "enqueue",
            "email",
            "--to",
            "a\u{1b}]0;pwned\u{7}@example.org",
            "--subject",
            "S",
            "--text",
            "body.txt",
        ])
        .assert()
        .code(65);
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).to_string();
    assert!(!stderr.contains('\u{1b}'), "{stderr:?}");
    assert!(stderr.contains("\\u{1b}"), "{stderr:?}");
    assert!(env.json(&["queue", "list"]).as_array().unwrap().is_empty());
}

/// `queue check` follows the Nagios plugin conventions: one status line
/// with perfdata, exit 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN.
#[test]
fn queue_check_speaks_nagios() {
    let env = Env::new();
    env.publik().args(["state", "upgrade"]).assert().success();
    let check = |now: &str, extra: &[&str]| {
        let out = env
            .publik()
            .env("PUBLIK_NOW", now)
            .args(["queue", "check"])
            .args(extra)
            .output()
            .unwrap();
        (
            out.status.code().unwrap(),
            String::from_utf8_lossy(&out.stdout).to_string(),
        )
    };
    let (code, line) = check("2026-11-24T08:00:00Z", &[]);
    assert_eq!(code, 0, "{line}");
    assert!(
        line.starts_with("PUBLIK QUEUE OK - 0 pending") && line.contains("| pending=0 "),
        "{line}"
    );
    env.write("body.txt", "Bonjour\n");
    env.publik()
        .env("PUBLIK_NOW", "2026-11-24T08:00:00Z")
        .args([
            "enqueue",
            "email",
            "--to",
            "a@example.org",
            "--subject",
            "S",
            "--text",
            "body.txt",
        ])
        .assert()
        .success();
    // A message scheduled for later is not late.
    env.publik()
        .env("PUBLIK_NOW", "2026-11-24T08:00:00Z")
        .args([
            "enqueue",
            "email",
            "--to",
            "b@example.org",
            "--subject",
            "S",
            "--text",
            "body.txt",
        ])
        .args(["--not-before", "2026-11-25T08:00:00Z"])
        .assert()
        .success();
    let (code, line) = check("2026-11-24T08:10:00Z", &[]);
    assert_eq!(code, 0, "{line}");
    let (code, line) = check("2026-11-24T08:20:00Z", &[]);
    assert_eq!(code, 1, "{line}");
    assert!(
        line.contains("WARNING - 2 pending, oldest due 1200s")
            && line.contains("oldest_pending_s=1200s;900;3600;0"),
        "{line}"
    );
    let (code, line) = check("2026-11-24T09:30:00Z", &[]);
    assert_eq!(code, 2, "{line}");
    let (code, _) = check("2026-11-24T09:30:00Z", &["--crit-age", "2h", "--warn-age", "90m"]);
    assert_eq!(code, 1);
    // Failures in the last 24 hours.
    let server = SmtpServer::start();
    env.smtp_config(server.port(), "");
    enqueue(&env, &["perm@example.org"], &[]);
    env.publik().arg("send-queue").assert().success();
    let (code, line) = check(
        &chrono::Utc::now().to_rfc3339(),
        &["--warn-age", "30d", "--crit-age", "60d"],
    );
    assert_eq!(code, 1, "{line}");
    assert!(line.contains("1 failed in 24h"), "{line}");
    let out = env
        .publik()
        .args([
            "--json",
            "queue",
            "check",
            "--warn-age",
            "30d",
            "--crit-age",
            "60d",
            "--crit-failed",
            "1",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["state"], "CRITICAL");
    // The state cannot be read: UNKNOWN.
    let garbage = env.write(
        "garbage.sqlite3",
        "not a database at all, but long enough to be read as a header......",
    );
    let out = env
        .publik()
        .env("PUBLIK_STATE", garbage)
        .args(["queue", "check"])
        .output()
        .unwrap();
    let (code, line) = (
        out.status.code().unwrap(),
        String::from_utf8_lossy(&out.stdout).to_string(),
    );
    assert_eq!(code, 3, "{line}");
    assert!(line.starts_with("PUBLIK QUEUE UNKNOWN - "), "{line}");
}

/// The queue as OpenMetrics text, from `queue stats --format openmetrics`
/// and from `serve`'s `/metrics` (off unless enabled), read by a real
/// Prometheus parser; the counters survive `queue purge`.
#[test]
fn openmetrics_from_the_cli_and_serve() {
    let server = SmtpServer::start();
    let env = Env::new();
    env.smtp_config(server.port(), "");
    enqueue(&env, &["a@example.org", "b@example.org", "perm@example.org"], &[]);
    env.publik().arg("send-queue").assert().success();
    enqueue(&env, &["c@example.org"], &[]);
    let later = (chrono::Utc::now() + chrono::Duration::hours(1)).to_rfc3339();
    env.publik()
        .env("PUBLIK_NOW", later)
        .args(["queue", "purge", "--older-than", "1m"])
        .assert()
        .success();
    let out = env
        .publik()
        .args(["queue", "stats", "--format", "openmetrics"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.ends_with("# EOF\n"), "{text}");
    let lines = text.lines().map(|l| Ok(l.to_string()));
    let scrape = prometheus_parse::Scrape::parse(lines).unwrap();
    let value = |name: &str, labels: &[(&str, &str)]| {
        scrape
            .samples
            .iter()
            .find(|s| s.metric == name && labels.iter().all(|(k, v)| s.labels.get(k) == Some(*v)))
            .map(|s| match s.value {
                prometheus_parse::Value::Counter(v)
                | prometheus_parse::Value::Gauge(v)
                | prometheus_parse::Value::Untyped(v) => v,
                _ => f64::NAN,
            })
    };
    assert_eq!(
        value("publik_sent_total", &[("channel", "email")]),
        Some(2.0),
        "{text}"
    );
    assert_eq!(
        value("publik_failed_total", &[("channel", "email")]),
        Some(1.0),
        "{text}"
    );
    assert_eq!(
        value("publik_messages", &[("channel", "email"), ("status", "pending")]),
        Some(1.0),
        "{text}"
    );
    assert_eq!(
        value("publik_messages", &[("status", "sent")]),
        None,
        "purged, still counted above"
    );
    assert!(
        value("publik_oldest_pending_seconds", &[("channel", "email")]).is_some(),
        "{text}"
    );

    // serve: 404 until enabled, then the same text.
    let config = std::fs::read_to_string(env.config()).unwrap();
    let served = env.serve();
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .build()
        .into();
    assert_eq!(
        agent
            .get(&format!("{}/metrics", served.base))
            .call()
            .unwrap()
            .status()
            .as_u16(),
        404
    );
    drop(served);
    env.write("publik.yaml", &format!("{config}serve:\n  metrics: true\n"));
    let served = env.serve();
    let mut response = agent.get(&format!("{}/metrics", served.base)).call().unwrap();
    assert_eq!(response.status().as_u16(), 200);
    assert!(
        response.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("application/openmetrics-text"),
    );
    let body = response.body_mut().read_to_string().unwrap();
    assert!(body.contains("publik_sent_total{channel=\"email\"} 2"), "{body}");
}

/// `systemctl stop` mid-run: the message in hand is finished and recorded,
/// the rows not tried yet are `pending` at once (not `sending` until their
/// lease runs out), the run exits 0 saying so, and the next run sends the
/// rest: each message exactly once.
#[test]
fn sigterm_finishes_the_message_in_hand_and_gives_back_the_rest() {
    use std::os::unix::fs::PermissionsExt;
    let env = Env::new();
    let outbox = env.path("delivered");
    std::fs::create_dir(&outbox).unwrap();
    // A slow sendmail: a quarter of a second a message, each kept in a file.
    let script = env.write(
        "slow-sendmail",
        &format!(
            "#!/bin/sh\nsleep 0.25\ncat > \"{}/$(date +%s%N)\"\n",
            outbox.display()
        ),
    );
    std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).unwrap();
    env.write(
        "publik.yaml",
        &format!(
            "email:\n  from: \"Mairie <noreply@example.org>\"\n  transport: sendmail\n  sendmail:\n    command: {}\n",
            script.display()
        ),
    );
    common::enqueue_bulk(&env, 20);
    let delivered = || std::fs::read_dir(&outbox).unwrap().count();

    let child = env
        .command()
        .arg("send-queue")
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let started = std::time::Instant::now();
    while delivered() < 2 {
        assert!(started.elapsed() < Duration::from_secs(20), "no delivery");
        std::thread::sleep(Duration::from_millis(20));
    }
    let (status, stderr) = common::terminate(child);
    assert_eq!(status.code(), Some(0), "{status:?} {stderr}");
    assert!(stderr.contains("stopped by SIGTERM"), "{stderr}");

    let after_stop = statuses(&env);
    let count = |status: &str| after_stop.values().filter(|s| *s == status).count();
    assert_eq!(count("sending"), 0, "{after_stop:?}");
    assert_eq!(count("sent"), delivered(), "the one in hand was recorded");
    assert!(count("pending") > 0, "{after_stop:?}");
    assert_eq!(count("sent") + count("pending"), 20);
    let list = env.json(&["queue", "list", "--status", "pending"]);
    let id = list[0]["id"].as_i64().unwrap();
    let events = message(&env, id)["events"].to_string();
    assert!(events.contains("stopped by SIGTERM before sending"), "{events}");

    env.publik().arg("send-queue").assert().success();
    assert!(statuses(&env).values().all(|s| s == "sent"));
    assert_eq!(delivered(), 20, "each message exactly once");
}

/// Postfix's habits: `queue hold` keeps rows out of every run until
/// `queue release`; `queue delete` removes rows and their history; `-`
/// reads ids from standard input; `send-queue --id` sends just those, now.
#[test]
fn hold_release_delete_and_send_by_id() {
    let server = SmtpServer::start();
    let env = Env::new();
    env.smtp_config(server.port(), "");
    let ids = enqueue(
        &env,
        &["a@example.org", "b@example.org", "c@example.org", "d@example.org"],
        &[],
    );
    let (a, b, c, d) = (ids[0], ids[1], ids[2], ids[3]);
    let held = env.json(&["queue", "hold", &a.to_string(), &b.to_string()]);
    assert_eq!(held["ids"], serde_json::json!([a, b]));
    // Held rows cannot be cancelled or sent by id; an unknown id changes nothing.
    env.publik()
        .args(["queue", "cancel", &a.to_string()])
        .assert()
        .code(65);
    let out = env
        .publik()
        .args(["send-queue", "--id", &a.to_string()])
        .assert()
        .code(65);
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).to_string();
    assert!(stderr.contains("--id") && stderr.contains("held"), "{stderr}");
    env.publik()
        .args(["queue", "release", &a.to_string(), "999"])
        .assert()
        .code(65);
    assert_eq!(statuses(&env)["a@example.org"], "held");

    // send-queue --id: only that one.
    env.publik()
        .args(["send-queue", "--id", &c.to_string()])
        .assert()
        .success();
    assert_eq!(server.count(), 1);
    assert_eq!(statuses(&env)["c@example.org"], "sent");
    // A run sends what is not held.
    env.publik().arg("send-queue").assert().success();
    assert_eq!(server.count(), 2);
    let now = statuses(&env);
    assert_eq!(
        (now["a@example.org"].as_str(), now["b@example.org"].as_str()),
        ("held", "held")
    );
    assert_eq!(now["d@example.org"], "sent");
    let by_status = env.json(&["queue", "list", "--status", "held"]);
    assert_eq!(by_status.as_array().unwrap().len(), 2);

    // Ids from standard input, as `postsuper -d - < ids`.
    env.publik()
        .args(["queue", "release", "-"])
        .write_stdin(format!("{a}\n"))
        .assert()
        .success();
    env.publik()
        .args(["queue", "delete", "-"])
        .write_stdin(format!("{b} {d}\n"))
        .assert()
        .success();
    let left = statuses(&env);
    assert_eq!(left.len(), 2, "{left:?}");
    assert_eq!(left["a@example.org"], "pending");
    assert!(
        message(&env, a)["events"]
            .to_string()
            .contains("released by hand")
    );
    env.publik()
        .args(["queue", "show", &b.to_string()])
        .assert()
        .code(65);
    env.publik().arg("send-queue").assert().success();
    assert_eq!(server.count(), 3);

    // Bad ids: one message naming the word, nothing changed.
    let before = env.counts();
    let out = env
        .publik()
        .args(["queue", "delete", "-"])
        .write_stdin(format!("{a} x\n"))
        .assert()
        .code(65);
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).to_string();
    assert_eq!(stderr.trim(), "publik: error: \"x\" is not a message id");
    assert_eq!(env.counts(), before);
}

/// At a terminal, a long `send-queue` draws a progress bar on stderr; with
/// `-q`, or under cron (not a terminal), it draws nothing.
#[test]
fn a_progress_bar_only_at_a_terminal() {
    use std::os::unix::fs::PermissionsExt;
    let env = Env::new();
    let script = env.write("slow-sendmail", "#!/bin/sh\nsleep 0.3\ncat > /dev/null\n");
    std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).unwrap();
    env.write(
        "publik.yaml",
        &format!(
            "email:\n  from: \"Mairie <noreply@example.org>\"\n  transport: sendmail\n  sendmail:\n    command: {}\n",
            script.display()
        ),
    );
    common::enqueue_bulk(&env, 4);
    let drawn = env.at_terminal("send-queue", 100);
    assert!(drawn.contains("sending"), "{drawn:?}");
    common::enqueue_bulk(&env, 4);
    let quiet = env.at_terminal("-q send-queue", 100);
    assert!(!quiet.contains("sending"), "{quiet:?}");
    common::enqueue_bulk(&env, 2);
    let out = env.publik().arg("send-queue").output().unwrap();
    assert!(out.status.success() && out.stderr.is_empty(), "{out:?}");
}

/// `queue list`: a table shows 100 rows and says how many more; `--limit 0`
/// shows all; `--json` and `--json-lines` (one object a line, as
/// `postqueue -j`) give scripts every row; at a terminal the table fits
/// its width, piped it is whole.
#[test]
fn queue_list_pages_streams_and_fits_the_terminal() {
    let env = Env::new();
    common::enqueue_bulk(&env, 130);
    let table = env.publik().args(["queue", "list"]).output().unwrap();
    let text = String::from_utf8_lossy(&table.stdout).to_string();
    assert_eq!(text.lines().count(), 2 + 100 + 1, "{text}");
    assert!(
        text.ends_with("… 30 more (--limit N, or --limit 0 for all)\n"),
        "{text}"
    );
    let all = env
        .publik()
        .args(["queue", "list", "--limit", "0"])
        .output()
        .unwrap();
    assert_eq!(String::from_utf8_lossy(&all.stdout).lines().count(), 2 + 130);
    assert_eq!(env.json(&["queue", "list"]).as_array().unwrap().len(), 130);
    assert_eq!(
        env.json(&["queue", "list", "--limit", "5"])
            .as_array()
            .unwrap()
            .len(),
        5
    );
    assert_eq!(
        env.json(&["queue", "list", "--status", "held"]),
        serde_json::json!([])
    );

    let lines = env
        .publik()
        .args(["queue", "list", "--json-lines"])
        .output()
        .unwrap();
    let lines = String::from_utf8(lines.stdout).unwrap();
    let objects: Vec<Value> = lines.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(objects.len(), 130);
    assert_eq!(objects[129]["recipient"], "user129@example.org");
    assert!(lines.lines().next().unwrap().starts_with('{'));

    // At a 60-column terminal, no line is wider.
    let shown = env.at_terminal("queue list --limit 3", 60);
    assert_eq!(shown.lines().filter(|l| l.contains("| 0 ")).count(), 3, "{shown}");
    for line in shown.lines() {
        assert!(line.trim_end().chars().count() <= 60, "{line:?}");
    }
    let piped = String::from_utf8_lossy(&table.stdout).to_string();
    assert!(
        piped.lines().any(|l| l.chars().count() > 60),
        "piped: whole width"
    );
}
