//! `publik bounce`: real-shaped delivery status notifications (Postfix,
//! Exim, Exchange) fed on stdin, as a mail server's pipe would.

use crate::common;

use std::time::Duration;

use common::Env;
use common::smtp::SmtpServer;
use mail_parser::MessageParser;
use serde_json::Value;

/// A state with two rows of one send delivered through a real SMTP server;
/// returns the server (its received messages carry the return paths).
pub(crate) fn sent(env: &Env, bounce_address: bool) -> SmtpServer {
    let server = SmtpServer::start();
    let verp = if bounce_address {
        "  bounce_address: \"bounces+{id}@mairie.example.org\"\n"
    } else {
        ""
    };
    env.write(
        "publik.yaml",
        &format!(
            "email:\n  from: \"Mairie <noreply@mairie.example.org>\"\n{verp}  smtp:\n    host: 127.0.0.1\n    port: {}\n    timeout: 5s\n",
            server.port()
        ),
    );
    env.write("body.txt", "Bonjour\n");
    env.publik()
        .args([
            "enqueue",
            "email",
            "--subject",
            "Votre demande",
            "--text",
            "body.txt",
        ])
        .args(["--to", "alice@example.net", "--to", "bob@example.net"])
        .assert()
        .success();
    env.publik()
        .arg("send-queue")
        .timeout(Duration::from_secs(30))
        .assert()
        .success();
    assert_eq!(
        server.count(),
        2,
        "{:?} {}",
        server.refused(),
        env.json(&["queue", "list"])
    );
    server
}

/// The newsletter of `common::queue_newsletter` (group nord: bob) sent
/// through a relay, with a VERP return path or not.
pub(crate) fn newsletter_sent(env: &Env, verp: bool) -> SmtpServer {
    let server = SmtpServer::start();
    let bounce_address = if verp {
        "  bounce_address: \"bounces+{id}@mairie.example.org\"\n"
    } else {
        ""
    };
    env.write(
        "publik.yaml",
        &format!(
            "email:\n  from: \"Mairie <noreply@mairie.example.org>\"\n{bounce_address}  smtp:\n    host: 127.0.0.1\n    port: {}\n",
            server.port()
        ),
    );
    common::queue_newsletter(env, "Bonjour\n");
    env.publik()
        .arg("send-queue")
        .timeout(Duration::from_secs(30))
        .assert()
        .success();
    server
}

/// The received message to `rcpt`: its return path and Message-ID.
pub(crate) fn original(server: &SmtpServer, rcpt: &str) -> (String, String) {
    let received = server
        .received()
        .into_iter()
        .find(|r| r.rcpt_to[0] == rcpt)
        .unwrap();
    let parsed = MessageParser::default().parse(&received.data).unwrap();
    (
        received.mail_from.clone(),
        format!("<{}>", parsed.message_id().unwrap()),
    )
}

pub(crate) fn bounce(env: &Env, dsn: &str, extra: &[&str]) -> Value {
    let out = env
        .publik()
        .args(["--json", "bounce"])
        .args(extra)
        .write_stdin(dsn.replace('\n', "\r\n"))
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(out.stderr.is_empty(), "{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

pub(crate) fn status_of(env: &Env, rcpt: &str) -> (String, Value) {
    let list = env.json(&["queue", "list"]);
    let row = list
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["recipient"] == rcpt)
        .unwrap()
        .clone();
    let id = row["id"].as_i64().unwrap().to_string();
    (
        row["status"].as_str().unwrap().to_string(),
        env.json(&["queue", "show", &id]),
    )
}

/// Postfix's bounce (RFC 3464), sent to the VERP return path.
pub(crate) fn postfix_dsn(
    return_path: &str,
    rcpt: &str,
    message_id: &str,
    action: &str,
    status: &str,
) -> String {
    format!(
        "Return-Path: <>\n\
         X-Original-To: {return_path}\n\
         Delivered-To: {return_path}\n\
         Date: Tue, 24 Nov 2026 10:00:00 +0100 (CET)\n\
         From: MAILER-DAEMON@relay.example.org (Mail Delivery System)\n\
         Subject: Undelivered Mail Returned to Sender\n\
         To: {return_path}\n\
         Auto-Submitted: auto-replied\n\
         MIME-Version: 1.0\n\
         Content-Type: multipart/report; report-type=delivery-status;\n\
         \tboundary=\"4B1F3C0A12.1764000000/relay.example.org\"\n\
         Message-Id: <20261124090000.4B1F3C0A12@relay.example.org>\n\
         \n\
         This is a MIME-encapsulated message.\n\
         \n\
         --4B1F3C0A12.1764000000/relay.example.org\n\
         Content-Description: Notification\n\
         Content-Type: text/plain; charset=us-ascii\n\
         \n\
         This is the mail system at host relay.example.org.\n\
         \n\
         I'm sorry to have to inform you that your message could not\n\
         be delivered to one or more recipients.\n\
         \n\
         <{rcpt}>: host mx.example.net[192.0.2.25] said: 550 5.1.1 <{rcpt}>:\n\
         \x20   Recipient address rejected: User unknown (in reply to RCPT TO command)\n\
         \n\
         --4B1F3C0A12.1764000000/relay.example.org\n\
         Content-Description: Delivery report\n\
         Content-Type: message/delivery-status\n\
         \n\
         Reporting-MTA: dns; relay.example.org\n\
         X-Postfix-Queue-ID: 4B1F3C0A12\n\
         X-Postfix-Sender: rfc822; {return_path}\n\
         Arrival-Date: Tue, 24 Nov 2026 09:59:58 +0100 (CET)\n\
         \n\
         Final-Recipient: rfc822; {rcpt}\n\
         Original-Recipient: rfc822;{rcpt}\n\
         Action: {action}\n\
         Status: {status}\n\
         Remote-MTA: dns; mx.example.net\n\
         Diagnostic-Code: smtp; 550 {status} <{rcpt}>: Recipient address rejected: User\n\
         \x20   unknown\n\
         \n\
         --4B1F3C0A12.1764000000/relay.example.org\n\
         Content-Description: Undelivered Message Headers\n\
         Content-Type: text/rfc822-headers\n\
         \n\
         Return-Path: <{return_path}>\n\
         From: Mairie <noreply@mairie.example.org>\n\
         To: alice@example.net, bob@example.net\n\
         Subject: Votre demande\n\
         Message-ID: {message_id}\n\
         \n\
         --4B1F3C0A12.1764000000/relay.example.org--\n"
    )
}

/// A permanent Postfix bounce found by its VERP return path fails that row
/// and only that row, with the DSN's code and diagnostic in its history.
#[test]
fn a_postfix_bounce_fails_the_row_of_its_return_path() {
    let env = Env::new();
    let server = sent(&env, true);
    let (return_path, message_id) = original(&server, "bob@example.net");
    assert!(
        return_path.starts_with("bounces+") && return_path.ends_with("@mairie.example.org"),
        "{return_path}"
    );
    let report = bounce(
        &env,
        &postfix_dsn(&return_path, "bob@example.net", &message_id, "failed", "5.1.1"),
        &[],
    );
    assert_eq!(report["found_by"], "return-path");
    assert_eq!(report["status"], "5.1.1");
    assert_eq!(report["failed"], true);
    let (status, shown) = status_of(&env, "bob@example.net");
    assert_eq!(status, "failed");
    let history = shown.to_string();
    assert!(
        history.contains("bounced: 5.1.1") && history.contains("User unknown"),
        "{history}"
    );
    assert_eq!(status_of(&env, "alice@example.net").0, "sent", "only that row");
    // The same bounce again changes nothing.
    assert_eq!(
        bounce(
            &env,
            &postfix_dsn(&return_path, "bob@example.net", &message_id, "failed", "5.1.1"),
            &[]
        )["failed"],
        false
    );
}

/// A delay notice (4.x.x) goes in the history; the row stays sent.
#[test]
fn a_transient_bounce_is_recorded_not_failed() {
    let env = Env::new();
    let server = sent(&env, true);
    let (return_path, message_id) = original(&server, "alice@example.net");
    let report = bounce(
        &env,
        &postfix_dsn(&return_path, "alice@example.net", &message_id, "delayed", "4.4.1"),
        &[],
    );
    assert_eq!(report["permanent"], false);
    assert_eq!(report["failed"], false);
    let (status, shown) = status_of(&env, "alice@example.net");
    assert_eq!(status, "sent");
    assert!(
        shown
            .to_string()
            .contains("delivery delayed (transient bounce): 4.4.1"),
        "{shown}"
    );
}

/// Postfix giving up on a deferred message (`status=expired, returned to
/// sender`): `Action: failed` with a 4.x.x status is final (RFC 3464: the
/// action says so, whatever the class); the row fails, as for a 5.x.x.
#[test]
fn an_expired_deferral_is_a_final_bounce() {
    let env = Env::new();
    let server = sent(&env, true);
    let (return_path, message_id) = original(&server, "alice@example.net");
    let report = bounce(
        &env,
        &postfix_dsn(&return_path, "alice@example.net", &message_id, "failed", "4.4.1"),
        &[],
    );
    assert_eq!(report["permanent"], true, "{report}");
    assert_eq!(report["failed"], true, "{report}");
    let (status, _) = status_of(&env, "alice@example.net");
    assert_eq!(status, "failed");
}

/// A forged return path (another row's id with a made-up tag) or a
/// Message-ID with the wrong nonce is "not ours": exit 0, nothing changed.
#[test]
fn forged_bounces_change_nothing() {
    let env = Env::new();
    let server = sent(&env, true);
    let (return_path, message_id) = original(&server, "alice@example.net");
    let before = env.json(&["queue", "list"]);
    let id = before
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["recipient"] == "bob@example.net")
        .unwrap()["id"]
        .clone();
    let forged_path = format!("bounces+{id}-0123456789ab@mairie.example.org");
    let forged_id = message_id.replacen("publik.", "publik.x", 1);
    let report = bounce(
        &env,
        &postfix_dsn(&forged_path, "bob@example.net", &forged_id, "failed", "5.1.1"),
        &[],
    );
    assert_eq!(report["message_id"], Value::Null);
    assert_eq!(env.json(&["queue", "list"]), before);
    let _ = return_path;
}

/// Anyone who received one message of a send knows its Message-ID; the
/// others' must not follow from it: with VERP or without, a DSN quoting
/// alice's Message-ID with bob's row id fails no one (it failed bob when
/// the rows of a send shared one nonce and counted up).
#[test]
fn a_message_id_of_one_row_does_not_give_another() {
    for verp in [true, false] {
        let env = Env::new();
        let server = sent(&env, verp);
        let (_, alice_id) = original(&server, "alice@example.net");
        let before = env.json(&["queue", "list"]);
        let row = |rcpt: &str| {
            before
                .as_array()
                .unwrap()
                .iter()
                .find(|m| m["recipient"] == rcpt)
                .unwrap()["id"]
                .as_i64()
                .unwrap()
        };
        let (alice, bob) = (row("alice@example.net"), row("bob@example.net"));
        let forged = alice_id.replace(&format!(".{alice}@"), &format!(".{bob}@"));
        assert_ne!(forged, alice_id, "{alice_id}");
        // Sent to the bounce address with no valid tag (or, without VERP,
        // to the From: address).
        let to = if verp {
            "bounces+nothing@mairie.example.org"
        } else {
            "noreply@mairie.example.org"
        };
        let report = bounce(
            &env,
            &postfix_dsn(to, "bob@example.net", &forged, "failed", "5.1.1"),
            &[],
        );
        assert_eq!(report["message_id"], Value::Null, "verp {verp}: {report}");
        assert_eq!(env.json(&["queue", "list"]), before, "verp {verp}");
    }
}

/// Exim's plain-text bounce, no VERP: found by the Message-ID in the copy
/// of the message's headers.
#[test]
fn an_exim_text_bounce_is_found_by_message_id() {
    let env = Env::new();
    let server = sent(&env, false);
    let (_, message_id) = original(&server, "alice@example.net");
    let dsn = format!(
        "Return-path: <>\n\
         Envelope-to: noreply@mairie.example.org\n\
         From: Mail Delivery System <Mailer-Daemon@mx.example.net>\n\
         To: noreply@mairie.example.org\n\
         Subject: Mail delivery failed: returning message to sender\n\
         Message-Id: <E1vNxyz-0001ab-Cd@mx.example.net>\n\
         Date: Tue, 24 Nov 2026 10:00:01 +0100\n\
         \n\
         This message was created automatically by mail delivery software.\n\
         \n\
         A message that you sent could not be delivered to one or more of its\n\
         recipients. This is a permanent error. The following address(es) failed:\n\
         \n\
         \x20 alice@example.net\n\
         \x20   host mx.example.net [192.0.2.25]\n\
         \x20   SMTP error from remote mail server after RCPT TO:<alice@example.net>:\n\
         \x20   550 5.2.1 Mailbox disabled for this recipient\n\
         \n\
         ------ This is a copy of the message, including all the headers. ------\n\
         \n\
         Return-path: <noreply@mairie.example.org>\n\
         From: Mairie <noreply@mairie.example.org>\n\
         Subject: Votre demande\n\
         Message-ID: {message_id}\n\
         \n\
         Bonjour\n"
    );
    let report = bounce(&env, &dsn, &[]);
    assert_eq!(report["found_by"], "message-id");
    assert_eq!(report["status"], "5.2.1");
    assert_eq!(status_of(&env, "alice@example.net").0, "failed");
    assert_eq!(status_of(&env, "bob@example.net").0, "sent");
}

/// Exchange's non-delivery report (RFC 3464 with the original attached as
/// message/rfc822), given the envelope recipient on the command line as a
/// Postfix pipe passes ${original_recipient}.
#[test]
fn an_exchange_ndr_is_read() {
    let env = Env::new();
    let server = sent(&env, true);
    let (return_path, message_id) = original(&server, "bob@example.net");
    let dsn = format!(
        "From: postmaster@example.net\n\
         To: undisclosed-recipients:;\n\
         Subject: Undeliverable: Votre demande\n\
         Content-Type: multipart/report; report-type=delivery-status;\n\
         \tboundary=\"_000_NDR_\"\n\
         MIME-Version: 1.0\n\
         Message-ID: <ndr-1@example.net>\n\
         \n\
         --_000_NDR_\n\
         Content-Type: text/plain; charset=\"us-ascii\"\n\
         \n\
         Your message to bob@example.net couldn't be delivered.\n\
         bob wasn't found at example.net.\n\
         \n\
         --_000_NDR_\n\
         Content-Type: message/delivery-status\n\
         \n\
         Reporting-MTA: dns;EX01.example.net\n\
         Received-From-MTA: dns;relay.example.org\n\
         \n\
         Final-recipient: RFC822; bob@example.net\n\
         Action: failed\n\
         Status: 5.1.10\n\
         Diagnostic-code: smtp;550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup\n\
         \n\
         --_000_NDR_\n\
         Content-Type: message/rfc822\n\
         \n\
         From: Mairie <noreply@mairie.example.org>\n\
         To: bob@example.net\n\
         Subject: Votre demande\n\
         Message-ID: {message_id}\n\
         \n\
         Bonjour\n\
         \n\
         --_000_NDR_--\n"
    );
    let report = bounce(&env, &dsn, &["--recipient", &return_path]);
    assert_eq!(report["found_by"], "return-path");
    assert_eq!(report["status"], "5.1.10");
    assert!(
        report["diagnostic"]
            .as_str()
            .unwrap()
            .contains("RecipientNotFound")
    );
    assert_eq!(status_of(&env, "bob@example.net").0, "failed");
}

/// A newsletter member whose address bounces for good is `bounced`: shown
/// so by `group members`, and not mailed again.
#[test]
fn a_hard_bounce_of_a_newsletter_member_stops_mailing_it() {
    let env = Env::new();
    let server = newsletter_sent(&env, true);
    let (return_path, message_id) = original(&server, "bob@example.org");
    let report = bounce(
        &env,
        &postfix_dsn(&return_path, "bob@example.org", &message_id, "failed", "5.1.1"),
        &[],
    );
    assert_eq!(report["members_bounced"], 1);
    let members = env.json(&["group", "members", "nord"]);
    assert_eq!(members[0]["status"], "bounced", "{members}");
    env.publik()
        .args(["newsletter", "send", "--template", "lettre", "--group", "nord"])
        .assert()
        .success();
    let pending = env.json(&["queue", "list", "--status", "pending"]);
    assert!(pending.as_array().unwrap().is_empty(), "{pending}");
}

/// `email.bounce_max_size`: a bounce is read that far and the rest skipped
/// (drained, not kept): what a DSN says comes first, so its row is found.
#[test]
fn a_huge_bounce_is_read_up_to_its_cap() {
    let env = Env::new();
    let server = sent(&env, true);
    let config = std::fs::read_to_string(env.config()).unwrap();
    env.write(
        "publik.yaml",
        &config.replace("email:\n", "email:\n  bounce_max_size: 64kB\n"),
    );
    let (return_path, message_id) = original(&server, "alice@example.net");
    let mut dsn = postfix_dsn(&return_path, "alice@example.net", &message_id, "failed", "5.1.1");
    dsn.push_str(&"x".repeat(78).repeat(64 * 1024)); // 5 MB more
    let report = bounce(&env, &dsn, &[]);
    assert_eq!(report["failed"], true, "{report}");
    assert_eq!(status_of(&env, "alice@example.net").0, "failed");
}

/// What is not a mail message at all is bad input (65), nothing changed.
#[test]
fn garbage_is_65_and_changes_nothing() {
    let env = Env::new();
    sent(&env, true);
    let before = env.counts();
    let out = env
        .publik()
        .arg("bounce")
        .write_stdin("\u{0}\u{1}binary junk")
        .assert()
        .code(65);
    assert!(String::from_utf8_lossy(&out.get_output().stderr).contains("not a mail message"));
    env.publik().arg("bounce").write_stdin("").assert().code(65);
    assert_eq!(env.counts(), before);
}

/// A feedback loop's abuse report (RFC 5965 ARF) as Yahoo's or Microsoft's
/// send it: the original's headers as the receiver kept them (its
/// Return-Path, the VERP address).
pub(crate) fn arf_report(return_path: &str, message_id: &str, rcpt: &str) -> String {
    format!(
        "From: <feedback@fbl.example.com>\n\
         To: <abuse@mairie.example.org>\n\
         Subject: FW: Votre lettre\n\
         Message-ID: <fbl-1@fbl.example.com>\n\
         MIME-Version: 1.0\n\
         Content-Type: multipart/report; report-type=feedback-report; boundary=\"fbl\"\n\
         \n\
         --fbl\n\
         Content-Type: text/plain; charset=us-ascii\n\
         \n\
         This is an email abuse report for an email message received from IP 192.0.2.1.\n\
         \n\
         --fbl\n\
         Content-Type: message/feedback-report\n\
         \n\
         Feedback-Type: abuse\n\
         User-Agent: SomeGenerator/1.0\n\
         Version: 1\n\
         Original-Mail-From: <{return_path}>\n\
         Original-Rcpt-To: <{rcpt}>\n\
         Arrival-Date: Thu, 3 Dec 2026 10:00:00 +0100\n\
         \n\
         --fbl\n\
         Content-Type: text/rfc822-headers\n\
         \n\
         Return-Path: <{return_path}>\n\
         From: Mairie <noreply@mairie.example.org>\n\
         To: {rcpt}\n\
         Subject: Votre lettre\n\
         Message-ID: {message_id}\n\
         \n\
         --fbl--\n"
    )
}

/// A complaint about a newsletter through the pipe: the member leaves the
/// group (found by the VERP address the original carried, or by its
/// Message-ID without VERP), the row's history says so, nothing else
/// changes; a second copy of the report changes nothing more.
#[test]
fn a_feedback_report_unsubscribes_the_newsletter_member() {
    for verp in [true, false] {
        let env = Env::new();
        let server = newsletter_sent(&env, verp);
        let (return_path, message_id) = original(&server, "bob@example.org");
        let report = bounce(
            &env,
            &arf_report(&return_path, &message_id, "bob@example.org"),
            &[],
        );
        assert_eq!(report["complaint"], true, "{report}");
        assert_eq!(report["unsubscribed"], true, "{report}");
        assert_eq!(
            report["found_by"],
            if verp { "return-path" } else { "message-id" }
        );
        let members = env.json(&["group", "members", "nord"]);
        assert_eq!(members[0]["status"], "unsubscribed", "{members}");
        assert_eq!(members[0]["unsubscribe_reason"], "complaint", "{members}");
        let (status, shown) = status_of(&env, "bob@example.org");
        assert_eq!(status, "sent");
        let history = shown["events"].to_string();
        assert!(
            history.contains("complaint: feedback report (abuse)"),
            "{history}"
        );
        let again = bounce(
            &env,
            &arf_report(&return_path, &message_id, "bob@example.org"),
            &[],
        );
        assert_eq!(again["unsubscribed"], false, "{again}");
        assert_eq!(
            status_of(&env, "bob@example.org").1["events"].to_string(),
            history
        );
    }
}
