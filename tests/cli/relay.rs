//! Mail that strict relays accept: header lines within RFC 5322's limits,
//! every message with a To:, over a test server as strict as real ones.

use crate::common;

use std::time::Duration;

use common::Env;
use common::smtp::{Options, SmtpServer};
use mail_parser::MessageParser;

/// The header section of a received message, as lines (unfolded: no).
fn header_lines(data: &[u8]) -> Vec<String> {
    let text = String::from_utf8_lossy(data);
    let head = text.split("\r\n\r\n").next().unwrap_or_default().to_string();
    head.split("\r\n").map(str::to_string).collect()
}

/// A message to 100 visible recipients reaches a server that refuses lines
/// over 998 octets, and every one of its header lines is folded at 78 octets
/// where whitespace allows.
#[test]
fn a_message_to_a_hundred_visible_recipients_is_accepted() {
    let env = Env::new();
    let server = SmtpServer::start();
    env.smtp_config(server.port(), "");
    env.write("body.txt", "Bonjour,\nla réunion du quartier est déplacée.\n");
    let mut cmd = env.publik();
    cmd.args(["enqueue", "email", "--subject", "Réunion", "--text", "body.txt"]);
    // Bare addresses, then named ones: lettre folds after a named one only.
    for i in 0..100 {
        match i {
            0..50 => cmd
                .arg("--to")
                .arg(format!("habitant{i}@quartier-nord.example.org")),
            _ => cmd.arg("--to").arg(format!(
                "Habitant numéro {i} <habitant{i}@quartier-nord.example.org>"
            )),
        };
    }
    cmd.assert().success();
    env.publik()
        .arg("send-queue")
        .timeout(Duration::from_secs(60))
        .assert()
        .success();
    assert_eq!(server.refused(), Vec::<String>::new());
    assert_eq!(server.count(), 100);
    let sent = env.json(&["queue", "list", "--status", "sent"]);
    assert_eq!(sent.as_array().unwrap().len(), 100);
    for received in server.received() {
        let lines = header_lines(&received.data);
        for line in &lines {
            assert!(line.len() <= 78, "header line of {} octets: {line}", line.len());
        }
        let message = MessageParser::default().parse(&received.data).unwrap();
        let to = message.to().unwrap();
        assert_eq!(to.iter().count(), 100);
        assert_eq!(
            to.first().unwrap().address.as_deref(),
            Some("habitant0@quartier-nord.example.org")
        );
        assert_eq!(to.last().unwrap().name.as_deref(), Some("Habitant numéro 99"));
        assert_eq!(
            to.last().unwrap().address.as_deref(),
            Some("habitant99@quartier-nord.example.org")
        );
    }
}

/// A newsletter row is addressed to its member (To:), marked as bulk list
/// mail (Precedence, List-Id); a transactional message is Auto-Submitted.
/// Message-IDs carry the sender's domain.
#[test]
fn newsletters_have_a_to_and_list_headers_and_transactional_mail_is_auto_submitted() {
    let env = Env::new();
    let server = SmtpServer::start();
    env.smtp_config(server.port(), "  max_attempts: 3\n");
    common::queue_newsletter(&env, "Bonjour {{ recipient.email }}\n");
    env.write("body.txt", "Votre demande est enregistrée.\n");
    env.publik()
        .args([
            "enqueue",
            "email",
            "--to",
            "alice@example.org",
            "--subject",
            "Demande",
            "--text",
            "body.txt",
        ])
        .assert()
        .success();
    env.publik()
        .arg("send-queue")
        .timeout(Duration::from_secs(30))
        .assert()
        .success();
    assert_eq!(server.count(), 2, "refused: {:?}", server.refused());
    let parsed: Vec<_> = server.received().iter().map(|r| r.data.clone()).collect();
    let header = |data: &[u8], name: &str| {
        let message = MessageParser::default().parse(data).unwrap();
        message.header_raw(name).map(|v| v.trim().to_string())
    };
    let (letter, notice): (Vec<_>, Vec<_>) = parsed
        .iter()
        .partition(|d| header(d, "Subject").as_deref() == Some("Lettre"));
    let (letter, notice) = (letter[0], notice[0]);
    assert_eq!(header(letter, "To").as_deref(), Some("bob@example.org"));
    assert_eq!(header(letter, "Precedence").as_deref(), Some("bulk"));
    let list_id = header(letter, "List-Id").unwrap();
    assert!(list_id.ends_with("<nord.example.org>"), "{list_id}");
    assert_eq!(header(letter, "Auto-Submitted"), None);
    assert_eq!(
        header(notice, "Auto-Submitted").as_deref(),
        Some("auto-generated")
    );
    assert_eq!(header(notice, "Precedence"), None);
    for data in [letter, notice] {
        let id = header(data, "Message-ID").unwrap();
        assert!(id.ends_with("@example.org>"), "{id}");
        assert!(header(data, "Date").is_some() && header(data, "MIME-Version").is_some());
    }
}

/// `email.smtp.connections` SMTP sessions deliver side by side.
fn relay_config(env: &Env, port: u16, connections: usize) {
    env.write(
        "publik.yaml",
        &format!(
            "email:\n  from: \"Mairie <noreply@example.org>\"\n  smtp:\n    host: 127.0.0.1\n    port: {port}\n    timeout: 5s\n    connections: {connections}\n"
        ),
    );
}

fn statuses(env: &Env) -> Vec<String> {
    env.json(&["queue", "list"])
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["status"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn a_run_delivers_over_the_configured_connections_at_once() {
    let env = Env::new();
    let server = SmtpServer::start_with(Options {
        delay_per_message: Duration::from_millis(100),
        ..Options::default()
    });
    relay_config(&env, server.port(), 3);
    common::enqueue_bulk(&env, 12);
    env.publik()
        .arg("send-queue")
        .timeout(Duration::from_secs(30))
        .assert()
        .success();
    assert_eq!(server.count(), 12);
    assert_eq!(server.connections(), 3, "each connection kept for the run");
    assert_eq!(server.peak_connections(), 3, "all three at once");
    assert!(statuses(&env).iter().all(|s| s == "sent"));
}

/// A relay that refuses connections over its limit (421) makes the run use
/// fewer connections: nothing fails, nothing is left behind.
#[test]
fn a_relay_limiting_connections_means_fewer_connections_not_failures() {
    let env = Env::new();
    let server = SmtpServer::start_with(Options {
        delay_per_message: Duration::from_millis(50),
        max_connections: Some(2),
        ..Options::default()
    });
    relay_config(&env, server.port(), 6);
    common::enqueue_bulk(&env, 20);
    env.publik()
        .args(["-v", "send-queue"])
        .timeout(Duration::from_secs(30))
        .assert()
        .success();
    assert_eq!(server.count(), 20);
    assert!(server.peak_connections() <= 2);
    assert!(statuses(&env).iter().all(|s| s == "sent"), "{:?}", statuses(&env));
    let history = env.json(&["queue", "show", "1"]);
    assert_eq!(history["attempts"], 1, "{history}");
}

/// A relay that is down leaves every row as it was, whatever the number of
/// connections that tried.
#[test]
fn a_relay_down_leaves_the_rows_pending_over_many_connections() {
    let env = Env::new();
    let port = common::free_port();
    relay_config(&env, port, 8);
    common::enqueue_bulk(&env, 5);
    env.publik()
        .arg("send-queue")
        .timeout(Duration::from_secs(30))
        .assert()
        .code(75);
    assert!(
        statuses(&env).iter().all(|s| s == "pending"),
        "{:?}",
        statuses(&env)
    );
}

/// Whatever the server offers (PIPELINING and CHUNKING, PIPELINING only,
/// neither), publik speaks only what is offered (the server refuses
/// improper pipelining), messages arrive whole, and a refused recipient
/// fails its own row only.
#[test]
fn each_server_dialect_gets_what_it_offers() {
    for (no_pipelining, no_chunking) in [(false, false), (false, true), (true, true)] {
        let env = Env::new();
        let server = SmtpServer::start_with(Options {
            no_pipelining,
            no_chunking,
            ..Options::default()
        });
        relay_config(&env, server.port(), 1);
        env.write("body.txt", ".leading dot\nBonjour\n.\n..\n");
        env.publik()
            .args(["enqueue", "email", "--subject", "S", "--text", "body.txt"])
            .args([
                "--bcc",
                "a@example.org",
                "--bcc",
                "perm@example.org",
                "--bcc",
                "b@example.org",
            ])
            .assert()
            .success();
        env.publik()
            .arg("send-queue")
            .timeout(Duration::from_secs(30))
            .assert()
            .success();
        let dialect = format!("pipelining: {}, chunking: {}", !no_pipelining, !no_chunking);
        assert_eq!(server.refused(), Vec::<String>::new(), "{dialect}");
        assert_eq!(server.count(), 2, "{dialect}");
        for received in server.received() {
            // The message as composed (its body ends with lettre's CRLF), to the octet.
            let text = String::from_utf8(received.data.clone()).unwrap();
            let body = text.split_once("\r\n\r\n").unwrap().1;
            assert_eq!(body, ".leading dot\r\nBonjour\r\n.\r\n..\r\n\r\n", "{dialect}");
        }
        let mut st = statuses(&env);
        st.sort();
        assert_eq!(st, ["failed", "sent", "sent"], "{dialect}");
        assert!(
            server.connections() <= 2,
            "{dialect}: {} connections",
            server.connections()
        );
        // What the server offers is read from the one EHLO's reply.
        assert_eq!(server.ehlos(), server.connections(), "{dialect}: EHLOs");
    }
}

/// A relay with PIPELINING but no CHUNKING: each message's final dot leaves
/// with the next message's MAIL, RCPT and DATA (one round trip a message,
/// RFC 2920 §3.1), and every failure of a pipelined command leaves its row
/// where the next run takes it: a 5xx on a pipelined RCPT fails that row
/// only, a 4xx on the second message's DATA retries it, and a connection
/// cut after a message's dot (outcome unknown) retries that one while the
/// message begun behind it is sent on a new connection. The strict server
/// refuses any command sent ahead where RFC 2920 forbids it.
#[test]
fn pipelining_without_chunking_starts_the_next_message_with_the_last_dot() {
    let env = Env::new();
    let server = SmtpServer::start_with(Options {
        no_chunking: true,
        ..Options::default()
    });
    relay_config(&env, server.port(), 1);
    env.write("body.txt", "Bonjour\n");
    let recipients = [
        "a@example.org",
        "perm@example.org",
        "busydata@example.org",
        "b@example.org",
        "drop@example.org",
        "c@example.org",
        "d@example.org",
    ];
    let mut enqueue = env.publik();
    enqueue.args(["enqueue", "email", "--subject", "S", "--text", "body.txt"]);
    for recipient in recipients {
        enqueue.args(["--bcc", recipient]);
    }
    enqueue.assert().success();
    env.publik()
        .arg("send-queue")
        .timeout(Duration::from_secs(60))
        .assert()
        .success();
    assert_eq!(server.refused(), Vec::<String>::new());
    let rows = env.json(&["queue", "list"]);
    let status = |recipient: &str| {
        rows.as_array()
            .unwrap()
            .iter()
            .find(|r| r["recipient"] == recipient)
            .unwrap_or_else(|| panic!("{recipient} in {rows}"))
            .clone()
    };
    assert_eq!(status("a@example.org")["status"], "sent");
    let perm = status("perm@example.org");
    assert_eq!(perm["status"], "failed", "{perm}");
    assert!(perm["last_error"].as_str().unwrap().contains("5.1.1"), "{perm}");
    let busy = status("busydata@example.org");
    assert_eq!(busy["status"], "error", "{busy}");
    assert!(busy["last_error"].as_str().unwrap().contains("451"), "{busy}");
    assert_eq!(status("b@example.org")["status"], "sent");
    assert_eq!(
        status("drop@example.org")["status"],
        "error",
        "outcome unknown: retried"
    );
    assert_eq!(status("c@example.org")["status"], "sent", "begun behind the cut");
    assert_eq!(status("d@example.org")["status"], "sent");
    let mut delivered: Vec<String> = server.received().iter().map(|r| r.rcpt_to[0].clone()).collect();
    delivered.sort();
    assert_eq!(
        delivered,
        ["a@example.org", "b@example.org", "c@example.org", "d@example.org"]
    );
    assert!(
        server.pipelined_after_data() >= 2,
        "{}",
        server.pipelined_after_data()
    );
    assert_eq!(server.connections(), 2, "a new connection after the cut only");
}

/// `email.redirect_to` (a test platform): every message goes to that
/// address, its own recipient in `X-Publik-Original-To`; `config check` says
/// so loudly.
#[test]
fn redirect_to_sends_everything_to_one_address() {
    let env = Env::new();
    let server = SmtpServer::start();
    relay_config(&env, server.port(), 2);
    let config = std::fs::read_to_string(env.config()).unwrap();
    env.write(
        "publik.yaml",
        &format!("{config}  redirect_to: recette@example.org\n"),
    );
    env.write("body.txt", "Bonjour\n");
    env.publik()
        .args(["enqueue", "email", "--subject", "S", "--text", "body.txt"])
        .args(["--to", "alice@example.org", "--cc", "Bob <bob@example.org>"])
        .assert()
        .success();
    env.publik()
        .arg("send-queue")
        .timeout(Duration::from_secs(30))
        .assert()
        .success();
    let mut originals: Vec<String> = server
        .received()
        .iter()
        .map(|r| {
            assert_eq!(r.rcpt_to, ["recette@example.org"]);
            let message = MessageParser::default().parse(&r.data).unwrap();
            assert_eq!(
                message.to().unwrap().first().unwrap().address.as_deref(),
                Some("alice@example.org")
            );
            message
                .header_raw("X-Publik-Original-To")
                .unwrap()
                .trim()
                .to_string()
        })
        .collect();
    originals.sort();
    assert_eq!(originals, ["alice@example.org", "bob@example.org"]);
    let check = env.publik().args(["config", "check"]).output().unwrap();
    let said = String::from_utf8_lossy(&check.stdout).to_string() + &String::from_utf8_lossy(&check.stderr);
    assert!(
        said.contains("EMAIL.REDIRECT_TO IS ON") && said.contains("recette@example.org"),
        "{said}"
    );
    env.write("publik.yaml", &format!("{config}  redirect_to: not an address\n"));
    let out = env.publik().args(["config", "check"]).assert().code(65);
    assert!(String::from_utf8_lossy(&out.get_output().stderr).contains("email.redirect_to"));
}

/// Which of `messages` Debian's dkimpy (an implementation independent of
/// publik's) verifies against the TXT `record`, as a receiving server would.
fn dkim_verified(messages: &[Vec<u8>], record: &str) -> Vec<bool> {
    let dir = tempfile::tempdir().unwrap();
    let paths: Vec<std::path::PathBuf> = messages
        .iter()
        .enumerate()
        .map(|(i, m)| {
            let path = dir.path().join(format!("{i}.eml"));
            std::fs::write(&path, m).unwrap();
            path
        })
        .collect();
    let out = std::process::Command::new("/usr/bin/python3")
        .args([
            "-c",
            "import sys, dkim\n\
             record = sys.argv[1].encode()\n\
             for path in sys.argv[2:]:\n\
             \x20   ok = dkim.verify(open(path, 'rb').read(), dnsfunc=lambda name, timeout=5: record)\n\
             \x20   print('pass' if ok else 'fail')",
            record,
        ])
        .args(&paths)
        .output()
        .expect("/usr/bin/python3 with python3-dkim (scripts/test installs it)");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| l == "pass")
        .collect()
}

/// `email.dkim` signs every message over the bytes the relay receives;
/// `config check` gives the DNS record, and an independent verifier
/// accepts the signature: for RSA and Ed25519 keys, on a message with
/// non-ASCII headers, 100 folded recipients and an attachment, and on a
/// newsletter whose unsubscribe links are made at send time.
#[test]
fn dkim_signatures_verify_with_the_published_record() {
    for algorithm in [
        &["-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048"][..],
        &["-algorithm", "ed25519"],
    ] {
        let env = Env::new();
        let server = SmtpServer::start();
        let key = env.path("dkim.pem");
        let made = std::process::Command::new("openssl")
            .arg("genpkey")
            .args(algorithm)
            .arg("-out")
            .arg(&key)
            .output()
            .expect("openssl");
        assert!(made.status.success(), "{}", String::from_utf8_lossy(&made.stderr));
        relay_config(&env, server.port(), 2);
        let config = std::fs::read_to_string(env.config()).unwrap();
        env.write(
            "publik.yaml",
            &format!("{config}  dkim:\n    domain: example.org\n    selector: mairie2026\n    private_key_file: dkim.pem\n"),
        );
        let check = env.publik().args(["config", "check"]).output().unwrap();
        let check = String::from_utf8_lossy(&check.stdout).to_string();
        let line = check
            .lines()
            .find(|l| l.contains("DKIM: publish in DNS"))
            .expect(&check);
        assert!(
            line.contains("mairie2026._domainkey.example.org. IN TXT"),
            "{line}"
        );
        let record = line
            .split_once("TXT \"")
            .unwrap()
            .1
            .trim_end_matches('"')
            .to_string();

        env.write("body.txt", "Bonjour,\n\nvotre dossier   est complet.  \n\n\n");
        env.write("pièce.pdf", "%PDF-1.4 not really\n");
        let mut cmd = env.publik();
        cmd.args([
            "enqueue",
            "email",
            "--subject",
            "Réunion d'été du quartier",
            "--text",
            "body.txt",
        ])
        .args(["--attach", "pièce.pdf"]);
        for i in 0..100 {
            cmd.arg("--to")
                .arg(format!("Habitant n°{i} <h{i}@quartier.example.org>"));
        }
        cmd.assert().success();
        common::queue_newsletter(
            &env,
            "Bonjour {{ recipient.email }}\nSe désabonner : {{ unsubscribe_url }}\n",
        );
        env.publik()
            .arg("send-queue")
            .timeout(Duration::from_secs(60))
            .assert()
            .success();
        assert_eq!(server.refused(), Vec::<String>::new());
        let received = server.received();
        assert_eq!(received.len(), 101);
        let tag = algorithm[1];
        let messages: Vec<Vec<u8>> = received.iter().map(|m| m.data.clone()).collect();
        for (mail, verified) in messages.iter().zip(dkim_verified(&messages, &record)) {
            let text = String::from_utf8_lossy(mail);
            assert!(text.starts_with("DKIM-Signature:"), "{tag}");
            assert!(verified, "{tag}: not verified:\n{text}");
        }
        let letter = received
            .iter()
            .find(|m| m.rcpt_to[0] == "bob@example.org")
            .unwrap();
        let letter = String::from_utf8_lossy(&letter.data);
        assert!(
            letter.contains("list-unsubscribe")
                && letter.contains("<https://demarches.example.org/unsubscribe/"),
            "{letter}"
        );
        // A changed message does not verify.
        let mut forged = received[0].data.clone();
        let at = forged.len() - 10;
        forged[at] ^= 1;
        assert_eq!(
            dkim_verified(&[forged], &record),
            [false],
            "{tag}: a changed body verified"
        );
    }
}

/// A text file attached with Unix line endings reaches a strict server
/// (attachments travel in base64, never as 7bit text with bare LFs).
#[test]
fn a_text_attachment_with_bare_lf_is_accepted() {
    let env = Env::new();
    let server = SmtpServer::start();
    relay_config(&env, server.port(), 1);
    env.write("body.txt", "Bonjour\n");
    env.write("notes.txt", "ligne 1\nligne 2\n");
    env.publik()
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
        .args(["--attach", "notes.txt"])
        .assert()
        .success();
    env.publik()
        .arg("send-queue")
        .timeout(Duration::from_secs(30))
        .assert()
        .success();
    assert_eq!(server.refused(), Vec::<String>::new());
    let message = MessageParser::default()
        .parse(&server.received()[0].data)
        .unwrap()
        .into_owned();
    let attachment = message.attachment(0).unwrap();
    assert_eq!(attachment.contents(), b"ligne 1\nligne 2\n");
}
