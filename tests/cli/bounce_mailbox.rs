//! `publik fetch-bounces`: the bounce mailbox read over IMAP, against a
//! real server (Dovecot) and against hostile ones of the tests' own.

use crate::bounce::{arf_report, newsletter_sent, original, postfix_dsn, sent, status_of};
use crate::common;

use std::time::Duration;

use common::Env;
use common::imap::{HostileImap, Misbehaviour};
use serde_json::Value;

/// The bounce mailbox config for a Dovecot on loopback.
pub(crate) fn mailbox_config(env: &Env, dovecot: &common::dovecot::Dovecot, tls: &str, after: &str) {
    env.write("mailbox-ca.pem", &dovecot.cert_pem);
    let port = if tls == "implicit" {
        dovecot.imaps_port
    } else {
        dovecot.imap_port
    };
    let config = std::fs::read_to_string(env.config()).unwrap();
    env.write(
        "publik.yaml",
        &config.replacen(
            "email:\n",
            &format!(
                "email:\n  bounce_mailbox:\n    host: 127.0.0.1\n    port: {port}\n    tls: {tls}\n    user: {}\n    \
                 password: {}\n    ca_file: mailbox-ca.pem\n    after: {after}\n    timeout: 10s\n",
                common::dovecot::USER,
                common::dovecot::PASSWORD
            ),
            1,
        ),
    );
}

pub(crate) fn fetch_bounces(env: &Env) -> (Value, String) {
    let out = env
        .publik()
        .args(["--json", "fetch-bounces"])
        .timeout(Duration::from_secs(60))
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).to_string();
    assert!(out.status.success(), "{stderr}");
    (serde_json::from_slice(&out.stdout).unwrap(), stderr)
}

/// `fetch-bounces` against a real IMAP server (Dovecot, TLS from the first
/// byte, a self-signed certificate trusted through ca_file): Postfix's DSNs
/// (5.x.x failed, 4.x.x delayed, 4.x.x with Action: failed) are applied and
/// moved, an auto-reply is ignored and moved, garbage is left and said
/// once; a DSN read again changes nothing.
#[test]
fn the_bounce_mailbox_is_read_and_each_message_moved() {
    let dovecot = common::dovecot::Dovecot::start();
    let env = Env::new();
    let server = sent(&env, true);
    env.publik()
        .args([
            "enqueue",
            "email",
            "--subject",
            "Votre demande",
            "--text",
            "body.txt",
        ])
        .args(["--to", "carol@example.net"])
        .assert()
        .success();
    env.publik().arg("send-queue").assert().success();
    mailbox_config(&env, &dovecot, "implicit", "move");
    let dsn = |rcpt: &str, action: &str, status: &str| {
        let (return_path, message_id) = original(&server, rcpt);
        postfix_dsn(&return_path, rcpt, &message_id, action, status)
    };
    dovecot.deliver(&dsn("alice@example.net", "failed", "5.1.1"));
    dovecot.deliver(&dsn("bob@example.net", "delayed", "4.4.1"));
    dovecot.deliver(&dsn("carol@example.net", "failed", "4.4.7"));
    dovecot.deliver(
        "From: Alice <alice@example.net>\nTo: bounces@mairie.example.org\nSubject: Absence du bureau\n\
         Auto-Submitted: auto-replied\nMessage-ID: <ooo-1@example.net>\n\nJe suis absente jusqu'au 7.\n",
    );
    dovecot.deliver("garbage without any header line\n\u{1}\u{2}\n");
    let (report, stderr) = fetch_bounces(&env);
    assert_eq!(
        report,
        serde_json::json!({"read": 5, "bounces": 3, "complaints": 0, "ignored": 1, "unreadable": 1, "left": 0}),
        "{stderr}"
    );
    assert_eq!(stderr.lines().count(), 1, "the garbage, said once: {stderr}");
    assert!(stderr.contains("not a mail message"), "{stderr}");
    assert_eq!(status_of(&env, "alice@example.net").0, "failed");
    let (bob, bob_shown) = status_of(&env, "bob@example.net");
    assert_eq!(bob, "sent");
    assert!(bob_shown.to_string().contains("delivery delayed"), "{bob_shown}");
    assert_eq!(
        status_of(&env, "carol@example.net").0,
        "failed",
        "Action: failed is final"
    );
    assert_eq!(dovecot.count("INBOX"), 1, "the garbage stays");
    assert_eq!(dovecot.count("publik-done"), 4);

    // Nothing new: the garbage is not read (nor said) again.
    let (report, stderr) = fetch_bounces(&env);
    assert_eq!(report["read"], 0, "{report}");
    assert_eq!(stderr, "");

    // The same DSN again (delivered twice): read, changes nothing.
    let before = status_of(&env, "alice@example.net").1["events"].clone();
    dovecot.deliver(&dsn("alice@example.net", "failed", "5.1.1"));
    let (report, _) = fetch_bounces(&env);
    assert_eq!(report["read"], 1);
    assert_eq!(status_of(&env, "alice@example.net").1["events"], before);
    assert_eq!(
        env.json(&["queue", "stats"])["returned"],
        serde_json::json!([{"channel": "email", "bounced": 2, "delayed": 1, "complaints": 0}])
    );

    // Bounded: --limit reads that many, the rest waits for the next run.
    for _ in 0..3 {
        dovecot.deliver(&dsn("bob@example.net", "delayed", "4.4.1"));
    }
    let out = env
        .publik()
        .args(["--json", "fetch-bounces", "--limit", "2"])
        .output()
        .unwrap();
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        (report["read"].clone(), report["left"].clone()),
        (2.into(), 1.into()),
        "{report}"
    );
    assert_eq!(fetch_bounces(&env).0["read"], 1);
}

/// STARTTLS, messages deleted after reading, a feedback report through the
/// mailbox; and a mailbox that cannot be reached is 75, said once.
#[test]
fn the_bounce_mailbox_over_starttls_deletes_and_takes_complaints() {
    let dovecot = common::dovecot::Dovecot::start();
    let env = Env::new();
    let server = newsletter_sent(&env, true);
    mailbox_config(&env, &dovecot, "starttls", "delete");
    let (return_path, message_id) = original(&server, "bob@example.org");
    dovecot.deliver(&arf_report(&return_path, &message_id, "bob@example.org"));
    let (report, _) = fetch_bounces(&env);
    assert_eq!(report["complaints"], 1, "{report}");
    assert_eq!(
        env.json(&["group", "members", "nord"])[0]["status"],
        "unsubscribed"
    );
    assert_eq!(dovecot.count("INBOX"), 0, "deleted");

    drop(dovecot);
    let out = env.publik().arg("fetch-bounces").output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).to_string();
    assert_eq!(out.status.code(), Some(75), "{stderr}");
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains("bounce mailbox 127.0.0.1:"), "{stderr}");
}

/// The shipped timer runs `fetch-bounces` where no mailbox is set: nothing
/// to do, said nowhere, exit 0 (as `feed-mail-maarch` without Maarch).
#[test]
fn fetch_bounces_without_a_mailbox_does_nothing_quietly() {
    let env = Env::new();
    env.publik()
        .arg("fetch-bounces")
        .assert()
        .success()
        .stdout("")
        .stderr("");
    assert_eq!(
        env.json(&["fetch-bounces"]),
        serde_json::json!({"read": 0, "bounces": 0, "complaints": 0, "ignored": 0, "unreadable": 0, "left": 0})
    );
}

/// A site whose bounce mailbox is `server`, each command given `timeout`.
fn site_reading(server: &HostileImap, timeout: &str) -> Env {
    let env = Env::new();
    env.smtp_config(9, "");
    server.configure(&env, timeout);
    env
}

/// `publik fetch-bounces ARGS` killed if it runs a minute or passes 1 GB:
/// its exit code (None if killed), stderr and peak memory in kB.
fn fetch_guarded(env: &Env, args: &[&str]) -> (Option<i32>, String, u64) {
    let stderr_file = env.path("fetch-bounces.stderr");
    let mut cmd = env.command();
    cmd.arg("fetch-bounces")
        .args(args)
        .stdout(std::process::Stdio::null())
        .stderr(std::fs::File::create(&stderr_file).unwrap());
    let (status, peak_kb) = common::run_guarded_with_peak_memory(cmd, Duration::from_secs(60), 1024 * 1024);
    (status.and_then(|s| s.code()), common::read(&stderr_file), peak_kb)
}

/// A mailbox answering SEARCH with `* SEARCH` lines without end (it once
/// grew publik to 3 GB and an abort): cut off, 75 said in one line, in
/// bounded memory.
#[test]
fn a_flood_of_search_replies_is_cut_off_in_bounded_memory() {
    let server = HostileImap::start(Misbehaviour::FloodSearch, "");
    let env = site_reading(&server, "10s");
    let (code, stderr, peak_kb) = fetch_guarded(&env, &["--time-limit", "3s"]);
    assert_eq!(code, Some(75), "peak {peak_kb} kB: {stderr}");
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(peak_kb < 64 * 1024, "peak {peak_kb} kB");
}

/// A FETCH answered with 4 MB literals one after another: cut off, 75 in
/// one line, in bounded memory.
#[test]
fn chained_huge_literals_are_cut_off_in_bounded_memory() {
    let server = HostileImap::start(Misbehaviour::ChainedLiterals, "");
    let env = site_reading(&server, "10s");
    let (code, stderr, peak_kb) = fetch_guarded(&env, &["--time-limit", "3s"]);
    assert_eq!(code, Some(75), "peak {peak_kb} kB: {stderr}");
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(peak_kb < 64 * 1024, "peak {peak_kb} kB");
}

/// A greeting one byte a second beats every read's timeout but not the
/// run's --time-limit: 75, said in one line naming it.
#[test]
fn a_trickling_greeting_ends_at_the_time_limit() {
    let server = HostileImap::start(Misbehaviour::TrickleGreeting, "");
    let env = site_reading(&server, "10s");
    let (code, stderr, _) = fetch_guarded(&env, &["--time-limit", "5s"]);
    assert_eq!(code, Some(75), "{stderr}");
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains("--time-limit 5s"), "{stderr}");
}

/// A silent mailbox: the timeout is said as the setting that bounds it,
/// not as an OS error.
#[test]
fn a_silent_mailbox_is_said_to_give_no_answer_within_its_timeout() {
    let server = HostileImap::start(Misbehaviour::Silent, "");
    let env = site_reading(&server, "2s");
    let (code, stderr, _) = fetch_guarded(&env, &[]);
    assert_eq!(code, Some(75), "{stderr}");
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(
        stderr.contains("no answer in 2s (email.bounce_mailbox.timeout)"),
        "{stderr}"
    );
    assert!(!stderr.contains("os error"), "{stderr}");
}

/// A FETCH of flags the server sends unasked, before the message: the
/// message is still read, applied and moved.
#[test]
fn an_unsolicited_fetch_does_not_hide_the_message() {
    let env = Env::new();
    let smtp = sent(&env, true);
    let (return_path, message_id) = original(&smtp, "alice@example.net");
    let dsn = postfix_dsn(&return_path, "alice@example.net", &message_id, "failed", "5.1.1");
    let server = HostileImap::start(Misbehaviour::UnsolicitedFetch, &dsn);
    server.configure(&env, "10s");
    let (report, stderr) = fetch_bounces(&env);
    assert_eq!(
        (report["read"].clone(), report["bounces"].clone()),
        (1.into(), 1.into()),
        "{report} {stderr}"
    );
    assert_eq!(status_of(&env, "alice@example.net").0, "failed");
    assert!(
        server.commands().iter().any(|c| c.starts_with("UID MOVE 7 ")),
        "{:?}",
        server.commands()
    );
}

/// The run's --time-limit passing while a message applied is being moved:
/// 75 in one line; the message stays applied, and read again next run it
/// changes nothing.
#[test]
fn the_time_limit_drops_the_connection_and_the_next_run_changes_nothing() {
    let env = Env::new();
    let smtp = sent(&env, true);
    let (return_path, message_id) = original(&smtp, "alice@example.net");
    let dsn = postfix_dsn(&return_path, "alice@example.net", &message_id, "failed", "5.1.1");
    let site_config = common::read(&env.config());
    let stalling = HostileImap::start(Misbehaviour::SilentOnMove, &dsn);
    stalling.configure(&env, "5m");
    let (code, stderr, _) = fetch_guarded(&env, &["--time-limit", "3s"]);
    assert_eq!(code, Some(75), "{stderr}");
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    let (status, shown) = status_of(&env, "alice@example.net");
    assert_eq!(status, "failed");

    let plain = HostileImap::start(Misbehaviour::None, &dsn);
    env.write("publik.yaml", &site_config);
    plain.configure(&env, "10s");
    let (report, _) = fetch_bounces(&env);
    assert_eq!(report["read"], 1, "{report}");
    assert_eq!(status_of(&env, "alice@example.net").1["events"], shown["events"]);
}

/// Replies nested 2000 parentheses deep (a BODYSTRUCTURE never closed) in
/// the greeting, among the replies to UID SEARCH and to UID FETCH: once a
/// stack overflow and an abort; now a bound broken like any other, 75
/// said in one line naming it.
#[test]
fn replies_nested_too_deep_are_refused_without_a_crash() {
    for misbehaviour in [
        Misbehaviour::NestedGreeting,
        Misbehaviour::NestedOnSearch,
        Misbehaviour::NestedOnFetch,
    ] {
        let server = HostileImap::start(misbehaviour, "");
        let env = site_reading(&server, "10s");
        let (code, stderr, _) = fetch_guarded(&env, &["--time-limit", "30s"]);
        assert_eq!(code, Some(75), "{misbehaviour:?}: {stderr}");
        assert_eq!(stderr.lines().count(), 1, "{misbehaviour:?}: {stderr}");
        assert!(
            stderr.contains("nested deeper than 32 levels"),
            "{misbehaviour:?}: {stderr}"
        );
    }
}
