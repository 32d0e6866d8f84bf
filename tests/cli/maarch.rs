//! The Maarch Courrier feed against a Maarch stand-in on 127.0.0.1.

use crate::common;

use common::Env;
use common::maarch::{Doc, Maarch, PASSWORD, Pace, USER};

fn pdf(n: usize) -> Vec<u8> {
    let mut bytes = b"%PDF-1.4\n".to_vec();
    bytes.extend((0..n).map(|i| (i % 251) as u8));
    bytes.extend_from_slice(b"\n%%EOF\n");
    bytes
}

fn config(env: &Env, url: &str, extra: &str) {
    env.write("maarch-password", &format!("{PASSWORD}\n"));
    env.write(
        "publik.yaml",
        &format!(
            "maarch:\n  enable: true\n  url: {url}\n  username: {USER}\n  password_file: maarch-password\n  timeout: 5s\n{extra}queue:\n  backoff: {{ base: 1m, max: 1h }}\n"
        ),
    );
}

fn publik(env: &Env) -> assert_cmd::Command {
    let mut cmd = env.publik();
    cmd.env("MAARCH_PASSWORD", PASSWORD);
    cmd
}

fn json(env: &Env, args: &[&str]) -> serde_json::Value {
    let out = publik(env).arg("--json").args(args).output().unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

/// The scanned document `mail file` saves for a mail.
fn saved_file(env: &Env, mail: &str) -> Vec<u8> {
    publik(env)
        .args(["mail", "file", mail, "-o", "saved.pdf"])
        .assert()
        .success();
    std::fs::read(env.path("saved.pdf")).unwrap()
}

#[test]
fn harvest_stores_each_mail_once_and_acknowledges_it() {
    let mut bad = Doc::new(12, "GRC", b"");
    bad.file_base64 = "this is not base64 !!!".into();
    let maarch = Maarch::start(vec![
        Doc::new(10, "GRC", &pdf(2000)),
        Doc::new(11, "COURRIER", &pdf(10)),
        bad,
        Doc::new(13, "GRC", &pdf(5000)),
    ]);
    let env = Env::new();
    config(&env, &maarch.url(), "");
    let out = publik(&env).arg("feed-mail-maarch").assert().code(65);
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).to_string();
    assert!(
        stderr.contains("document 12") && stderr.contains("base64"),
        "{stderr}"
    );
    assert_eq!(stderr.lines().count(), 1, "{stderr}");

    let mails = json(&env, &["mail", "list"]);
    let ids: Vec<&str> = mails
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["external_id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["maarch-10", "maarch-13"]);
    assert_eq!(mails[0]["res_id"], 10);
    assert_eq!(mails[0]["status"], "received");
    assert_eq!(mails[0]["subject"], "Courrier 10 : demande d'acte");
    assert!(mails[0]["received_at"].is_string());
    assert_eq!(maarch.doc(10).status, "GRC_TRT");
    assert!(maarch.doc(10).history[0].contains("publik"));
    assert_eq!(maarch.doc(11).status, "COURRIER", "other mail untouched");
    assert_eq!(maarch.doc(12).status, "GRC", "the bad one is left for a person");

    assert_eq!(saved_file(&env, "maarch-10"), pdf(2000));
    let shown = json(&env, &["mail", "show", "1"]);
    assert_eq!(shown["metadata"]["type_label"], "Courrier arrivée");
    assert_eq!(shown["file_size"], pdf(2000).len());

    // Idempotent: nothing stored twice.
    publik(&env).arg("feed-mail-maarch").assert().code(65);
    assert_eq!(json(&env, &["mail", "list"]).as_array().unwrap().len(), 2);
}

#[test]
fn a_crash_between_store_and_status_change_is_repaired() {
    let maarch = Maarch::start(vec![Doc::new(20, "GRC", &pdf(100))]);
    let env = Env::new();
    config(&env, &maarch.url(), "");
    maarch.fail_next_status_changes(1);
    let out = publik(&env).arg("feed-mail-maarch").assert().code(75);
    assert!(String::from_utf8_lossy(&out.get_output().stderr).contains("HTTP 500"));
    let mail = json(&env, &["mail", "show", "maarch-20"]);
    assert!(mail["acknowledged_at"].is_null());
    assert_eq!(maarch.doc(20).status, "GRC");

    let report = json(&env, &["feed-mail-maarch"]);
    assert_eq!(report["repaired"][0], "maarch-20");
    assert_eq!(report["stored"].as_array().unwrap().len(), 0);
    assert_eq!(maarch.doc(20).status, "GRC_TRT");
    assert!(json(&env, &["mail", "show", "maarch-20"])["acknowledged_at"].is_string());
    assert_eq!(json(&env, &["mail", "list"]).as_array().unwrap().len(), 1);
}

#[test]
fn link_reject_respond_go_through_the_queue() {
    let maarch = Maarch::start(vec![
        Doc::new(1, "GRC", &pdf(10)),
        Doc::new(2, "GRC", &pdf(10)),
        Doc::new(3, "GRC", &pdf(10)),
    ]);
    let env = Env::new();
    config(&env, &maarch.url(), "");
    publik(&env)
        .arg("feed-mail-maarch")
        .assert()
        .success()
        .stdout("")
        .stderr("");

    publik(&env)
        .args([
            "mail",
            "link",
            "1",
            "--form-number",
            "12-34",
            "--form-url",
            "https://demarches.example.org/backoffice/12/34/",
        ])
        .assert()
        .success()
        .stdout("");
    let before = env.counts();
    let out = publik(&env)
        .args([
            "mail",
            "link",
            "1",
            "--form-number",
            "99-1",
            "--form-url",
            "https://demarches.example.org/99/1/",
        ])
        .assert()
        .code(65);
    assert!(String::from_utf8_lossy(&out.get_output().stderr).contains("single external id"));
    assert_eq!(env.counts(), before);
    publik(&env)
        .args(["mail", "reject", "2", "--reason", "Courrier destiné au CCAS"])
        .assert()
        .success();
    env.write("response.txt", "Réponse envoyée le 22/11 : acte délivré.");
    publik(&env)
        .args([
            "mail",
            "respond",
            "--mail-id",
            "maarch-3",
            "--content-file",
            "response.txt",
        ])
        .assert()
        .success();

    let queued = json(&env, &["queue", "list", "--channel", "maarch"]);
    assert_eq!(queued.as_array().unwrap().len(), 3);
    publik(&env)
        .arg("send-queue")
        .assert()
        .success()
        .stdout("")
        .stderr("");
    let linked = maarch.doc(1);
    assert_eq!(linked.status, "GRC_SENT");
    assert_eq!(linked.external_id.as_deref(), Some("12-34"));
    assert_eq!(
        linked.external_link.as_deref(),
        Some("https://demarches.example.org/backoffice/12/34/")
    );
    assert_eq!(maarch.doc(2).status, "GRC_REFUSED");
    assert_eq!(maarch.doc(2).history.last().unwrap(), "Courrier destiné au CCAS");
    assert_eq!(maarch.doc(3).status, "GRC_RESPONSE");
    assert_eq!(
        maarch.doc(3).history.last().unwrap(),
        "Réponse envoyée le 22/11 : acte délivré."
    );
    let mails = json(&env, &["mail", "list"]);
    let statuses: Vec<&str> = mails
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["status"].as_str().unwrap())
        .collect();
    assert_eq!(statuses, ["linked", "rejected", "responded"]);

    // --force replaces the link.
    publik(&env)
        .args([
            "mail",
            "link",
            "1",
            "--form-number",
            "99-1",
            "--form-url",
            "https://demarches.example.org/99/1/",
            "--force",
        ])
        .assert()
        .success();
    publik(&env).arg("send-queue").assert().success();
    assert_eq!(maarch.doc(1).external_id.as_deref(), Some("99-1"));
    publik(&env).args(["mail", "reject", "nope"]).assert().code(65);
}

#[test]
fn maarch_down_then_back_loses_nothing() {
    let maarch = Maarch::start(vec![Doc::new(5, "GRC", &pdf(10))]);
    let env = Env::new();
    config(&env, &maarch.url(), "");
    publik(&env).arg("feed-mail-maarch").assert().success();
    maarch.set_down(true);
    publik(&env).arg("feed-mail-maarch").assert().code(75);
    publik(&env)
        .args(["mail", "reject", "maarch-5", "--reason", "Hors périmètre"])
        .assert()
        .success();
    publik(&env).arg("send-queue").assert().success();
    let row = &json(&env, &["queue", "list", "--channel", "maarch"])[0];
    assert_eq!(row["status"], "error", "a 5xx is retried: {row}");
    maarch.set_down(false);
    let later = (chrono::Utc::now() + chrono::Duration::hours(2)).to_rfc3339();
    publik(&env)
        .env("PUBLIK_NOW", &later)
        .arg("retry-queue")
        .assert()
        .success();
    assert_eq!(
        json(&env, &["queue", "list", "--channel", "maarch"])[0]["status"],
        "sent"
    );
    assert_eq!(maarch.doc(5).status, "GRC_REFUSED");

    // Not reachable at all: exit 75, the report stays pending.
    let closed = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let down = Env::new();
    config(&down, &format!("http://127.0.0.1:{closed}"), "");
    publik(&down).arg("feed-mail-maarch").assert().code(75);
}

#[test]
fn errors_from_maarch() {
    let maarch = Maarch::start(vec![Doc::new(7, "GRC", &pdf(10))]);
    let env = Env::new();
    config(&env, &maarch.url(), "  status_refused: NOT_A_STATUS\n");
    env.write("maarch-password", "wrong\n");
    let out = env.publik().arg("feed-mail-maarch").assert().code(1);
    assert!(String::from_utf8_lossy(&out.get_output().stderr).contains("authentication failed"));
    env.write("maarch-password", PASSWORD);
    publik(&env).arg("feed-mail-maarch").assert().success();
    publik(&env).args(["mail", "reject", "1"]).assert().success();
    publik(&env).arg("send-queue").assert().success();
    let row = &json(&env, &["queue", "list", "--channel", "maarch"])[0];
    assert_eq!(row["status"], "failed");
    assert!(
        row["last_error"]
            .as_str()
            .unwrap()
            .contains("Status not found: NOT_A_STATUS"),
        "{row}"
    );
}

#[test]
fn a_quote_in_a_status_name_cannot_change_the_query() {
    let maarch = Maarch::start(vec![
        Doc::new(1, "GRC", &pdf(10)),
        Doc::new(2, "COURRIER_D'ACCUEIL", &pdf(10)),
    ]);
    maarch.add_status("COURRIER_D'ACCUEIL");
    let env = Env::new();
    config(&env, &maarch.url(), "  status_grc: \"GRC' OR '1'='1\"\n");
    let report = json(&env, &["feed-mail-maarch"]);
    assert_eq!(report["listed"], 0, "the quote was taken literally: {report}");
    assert_eq!(maarch.doc(1).status, "GRC");

    let env = Env::new();
    config(&env, &maarch.url(), "  status_grc: \"COURRIER_D'ACCUEIL\"\n");
    let report = json(&env, &["feed-mail-maarch"]);
    assert_eq!(report["stored"][0], "maarch-2");
    assert_eq!(maarch.doc(1).status, "GRC");
}

/// Memory is bounded by one document (plus SQLite's page cache, at most
/// 24 MB): twelve 6 MB documents never sit in memory together.
#[test]
fn large_documents_are_fetched_one_at_a_time() {
    let docs: Vec<Doc> = (1..=12).map(|i| Doc::new(i, "GRC", &pdf(6 << 20))).collect();
    let maarch = Maarch::start(docs);
    let env = Env::new();
    config(&env, &maarch.url(), "");
    env.publik().args(["state", "upgrade"]).assert().success();
    let mut cmd = env.command();
    cmd.env("MAARCH_PASSWORD", PASSWORD).arg("feed-mail-maarch");
    let (status, peak_kb) = common::run_with_peak_memory(cmd);
    assert!(status.success());
    let peak_mb = peak_kb / 1024;
    // One document costs its base64 reply, the parsed string and the decoded
    // bytes (~30 MB here), plus the page cache; all twelve at once would be
    // over 300 MB.
    eprintln!("peak RSS {peak_mb} MB");
    assert!(peak_mb < 160, "peak RSS {peak_mb} MB");
    assert_eq!(json(&env, &["mail", "list"]).as_array().unwrap().len(), 12);
    assert_eq!(saved_file(&env, "maarch-12"), pdf(6 << 20));
}

/// `maarch.timeout` is the longest wait for a document's next byte, not a
/// deadline over its transfer: 20 MB at 1 MB/s takes four times the 5 s
/// timeout and is fetched whole.
#[test]
fn a_slow_document_that_keeps_coming_is_fetched_whole() {
    // 15 MB of file, 20 MB of base64 in the reply.
    let file = pdf(15 << 20);
    let maarch = Maarch::start(vec![Doc::new(1, "GRC", &file)]);
    maarch.set_pace(Some(Pace {
        bytes_per_sec: 1 << 20,
        stall_at: None,
        stall: std::time::Duration::ZERO,
    }));
    let env = Env::new();
    config(&env, &maarch.url(), "");
    let report = json(&env, &["feed-mail-maarch"]);
    assert_eq!(report["stored"][0], "maarch-1", "{report}");
    assert!(saved_file(&env, "maarch-1") == file);
    assert_eq!(maarch.doc(1).status, "GRC_TRT");
}

/// A document whose transfer stops for longer than `maarch.timeout` fails
/// the run as "try later" (75), naming the document and the stall; nothing
/// of it is kept, and the next run fetches it.
#[test]
fn a_stalled_document_fails_fast_and_is_fetched_next_run() {
    let file = pdf(1 << 20);
    let maarch = Maarch::start(vec![Doc::new(4, "GRC", &file)]);
    maarch.set_pace(Some(Pace {
        bytes_per_sec: 4 << 20,
        stall_at: Some(700 << 10),
        stall: std::time::Duration::from_secs(6),
    }));
    let env = Env::new();
    config(&env, &maarch.url(), "");
    let out = publik(&env).arg("feed-mail-maarch").output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(75), "{stderr}");
    assert!(stderr.contains("document 4"), "{stderr}");
    assert!(stderr.contains("stalled: no data for 5s"), "{stderr}");
    assert_eq!(stderr.matches("publik: error").count(), 1, "{stderr}");
    assert_eq!(json(&env, &["mail", "list"]), serde_json::json!([]));
    assert_eq!(maarch.doc(4).status, "GRC");

    maarch.set_pace(None);
    let report = json(&env, &["feed-mail-maarch"]);
    assert_eq!(report["stored"][0], "maarch-4", "{report}");
    assert!(saved_file(&env, "maarch-4") == file);
}

#[test]
fn config_check_connect_probes_maarch() {
    let maarch = Maarch::start(vec![Doc::new(1, "GRC", &pdf(10))]);
    let env = Env::new();
    config(&env, &maarch.url(), "");
    let report = json(&env, &["config", "check", "--connect"]);
    let check = report["checks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["channel"] == "maarch")
        .unwrap()
        .clone();
    assert_eq!(check["connect"], "authenticated; mail waiting in GRC");
    assert!(
        !report.to_string().contains(PASSWORD),
        "the password is never printed"
    );
    assert_eq!(maarch.doc(1).status, "GRC", "a probe changes nothing");
    env.write("maarch-password", "wrong\n");
    let out = env
        .publik()
        .args(["config", "check", "--connect"])
        .assert()
        .code(1);
    assert!(String::from_utf8_lossy(&out.get_output().stderr).contains("authentication failed"));
    let closed = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    config(&env, &format!("http://127.0.0.1:{closed}"), "");
    env.publik()
        .args(["config", "check", "--connect"])
        .assert()
        .code(75);
}

#[test]
fn a_workflow_answers_the_mail_linked_to_its_form() {
    let maarch = Maarch::start(vec![Doc::new(1, "GRC", &pdf(10)), Doc::new(2, "GRC", &pdf(10))]);
    let env = Env::new();
    config(&env, &maarch.url(), "");
    publik(&env).arg("feed-mail-maarch").assert().success();
    env.write(
        "courrier.yaml",
        "name: courrier\nlabel: Courrier\ninitial: open\nstatuses:\n  - id: open\n    label: Ouvert\n    jumps:\n      - { id: close, label: Clore, to: closed }\n  - id: closed\n    label: Clos\n    jumps:\n      - { id: reopen, label: Rouvrir, to: open }\n    on_enter:\n      - maarch_response:\n          content: \"Demande {{ form.number }} traitée : {{ form.data.decision }}\"\n",
    );
    publik(&env)
        .args(["workflow", "import", "courrier.yaml"])
        .assert()
        .success();
    let create = |name: &str| {
        json(
            &env,
            &[
                "form",
                "create",
                "--workflow",
                "courrier",
                "--name",
                name,
                "--data",
                "decision=accordée",
            ],
        )["number"]
            .as_str()
            .unwrap()
            .to_string()
    };
    let number = create("Acte de naissance");
    publik(&env)
        .args([
            "mail",
            "link",
            "1",
            "--form-number",
            &number,
            "--form-url",
            "https://demarches.example.org/1/",
        ])
        .assert()
        .success();
    publik(&env).arg("send-queue").assert().success();
    assert_eq!(maarch.doc(1).status, "GRC_SENT");

    publik(&env)
        .args(["form", "jump", &number, "close", "--actor", "agent"])
        .assert()
        .success()
        .stdout("");
    assert_eq!(json(&env, &["mail", "show", "1"])["status"], "responded");
    publik(&env).arg("send-queue").assert().success();
    assert_eq!(maarch.doc(1).status, "GRC_RESPONSE");
    assert_eq!(
        maarch.doc(1).history.last().unwrap(),
        &format!("Demande {number} traitée : accordée")
    );

    // Closing again answers nothing twice; a form without mail sends nothing.
    for jump in ["reopen", "close"] {
        publik(&env)
            .args(["form", "jump", &number, jump, "--actor", "agent"])
            .assert()
            .success();
    }
    let other = create("Sans courrier");
    publik(&env)
        .args(["form", "jump", &other, "close", "--actor", "agent"])
        .assert()
        .success();
    assert_eq!(
        json(&env, &["queue", "list", "--channel", "maarch"])
            .as_array()
            .unwrap()
            .len(),
        2
    );
    assert_eq!(maarch.doc(2).status, "GRC_TRT");

    // An empty response is refused at import, naming the path.
    env.write(
        "empty.yaml",
        "name: e\nlabel: E\ninitial: a\nstatuses:\n  - id: a\n    label: A\n    on_enter:\n      - maarch_response: { content: \" \" }\n",
    );
    let out = publik(&env)
        .args(["workflow", "import", "empty.yaml"])
        .assert()
        .code(65);
    assert!(
        String::from_utf8_lossy(&out.get_output().stderr)
            .contains("statuses[0].on_enter[0].maarch_response.content"),
    );
}

pub(crate) const API_KEY: &str = "wcs-to-publik-shared-key";

/// A query signed as Publik signs them (algo, timestamp, nonce, orig, then
/// the base64 HMAC-SHA256 of the query).
pub(crate) fn signed(orig: &str, key: &str, nonce: &str, at: chrono::DateTime<chrono::Utc>) -> String {
    use base64::Engine;
    use hmac::{KeyInit, Mac};
    let timestamp = at.format("%Y-%m-%dT%H%%3A%M%%3A%SZ");
    let query = format!("algo=sha256&timestamp={timestamp}&nonce={nonce}&orig={orig}");
    let mut mac = <hmac::Hmac<sha2::Sha256> as KeyInit>::new_from_slice(key.as_bytes()).unwrap();
    mac.update(query.as_bytes());
    let signature = base64::engine::general_purpose::STANDARD
        .encode(mac.finalize().into_bytes())
        .replace('+', "%2B")
        .replace('/', "%2F")
        .replace('=', "%3D");
    format!("{query}&signature={signature}")
}

/// welco's `POST /api/mail/response/` in `serve`: a signed call from w.c.s.
/// answers a Maarch mail through the queue; a bad key, a replayed nonce or
/// a stale timestamp is 403 with no detail; an unknown mail is 404.
#[test]
fn wcs_answers_a_mail_through_the_signed_api() {
    let maarch = Maarch::start(vec![Doc::new(1, "GRC", &pdf(10))]);
    let env = Env::new();
    config(
        &env,
        &maarch.url(),
        &format!("serve:\n  api_callers:\n    wcs.example.org:\n      key: {API_KEY}\n"),
    );
    publik(&env).arg("feed-mail-maarch").assert().success();
    let port = common::free_port();
    let served = common::Served {
        base: String::new(),
        child: env
            .command()
            .env("MAARCH_PASSWORD", PASSWORD)
            .args(["serve", "--listen", &format!("127.0.0.1:{port}")])
            .spawn()
            .unwrap(),
    };
    common::wait_for_port(port);
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .build()
        .into();
    let call = |query: &str, body: serde_json::Value| {
        let mut response = agent
            .post(&format!("http://127.0.0.1:{port}/api/mail/response/?{query}"))
            .send_json(body)
            .unwrap();
        let status = response.status().as_u16();
        (
            status,
            response
                .body_mut()
                .read_json::<serde_json::Value>()
                .unwrap_or_default(),
        )
    };
    let now = chrono::Utc::now();
    let answer = serde_json::json!({"mail_number": "maarch-1", "content": "Réponse envoyée : acte délivré."});
    assert_eq!(
        call(&signed("wcs.example.org", "wrong-key", "n1", now), answer.clone()),
        (403, serde_json::json!({"err": 1}))
    );
    let stale = now - chrono::Duration::minutes(5);
    assert_eq!(
        call(&signed("wcs.example.org", API_KEY, "n2", stale), answer.clone()).0,
        403
    );
    assert_eq!(
        call(&signed("other.example.org", API_KEY, "n3", now), answer.clone()).0,
        403
    );
    let query = signed("wcs.example.org", API_KEY, "n4", now);
    let (status, body) = call(&query, answer.clone());
    assert_eq!((status, &body["err"]), (200, &serde_json::json!(0)), "{body}");
    assert_eq!(call(&query, answer.clone()).0, 403, "a replayed nonce");
    let unknown = serde_json::json!({"mail_number": "maarch-99", "content": "x"});
    assert_eq!(
        call(&signed("wcs.example.org", API_KEY, "n5", now), unknown).0,
        404
    );
    drop(served);
    let mail = json(&env, &["mail", "show", "maarch-1"]);
    assert_eq!(mail["status"], "responded", "{mail}");
    let queued = json(&env, &["queue", "list", "--channel", "maarch"]);
    assert_eq!(queued.as_array().unwrap().len(), 1);
}

/// `systemctl stop` mid-harvest: the mail in hand is stored and
/// acknowledged, the others stay in Maarch's status_grc for the next run,
/// the run exits 0 saying so; nothing is harvested twice.
#[test]
fn sigterm_stops_the_harvest_between_two_mails() {
    let maarch = Maarch::start((1..=8).map(|i| Doc::new(i, "GRC", &pdf(10))).collect());
    maarch.set_delay(std::time::Duration::from_millis(100));
    let env = Env::new();
    config(&env, &maarch.url(), "");
    let acknowledged = || maarch.docs().iter().filter(|d| d.status == "GRC_TRT").count();
    let child = env
        .command()
        .env("MAARCH_PASSWORD", PASSWORD)
        .arg("feed-mail-maarch")
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let started = std::time::Instant::now();
    while acknowledged() < 1 {
        assert!(
            started.elapsed() < std::time::Duration::from_secs(20),
            "nothing harvested"
        );
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    let (status, stderr) = common::terminate(child);
    assert_eq!(status.code(), Some(0), "{status:?} {stderr}");
    assert!(stderr.contains("stopped by SIGTERM"), "{stderr}");
    let stored = json(&env, &["mail", "list"]).as_array().unwrap().len();
    assert_eq!(stored, acknowledged(), "each stored mail acknowledged");
    assert!(stored < 8, "stopped before the end");

    maarch.set_delay(std::time::Duration::ZERO);
    publik(&env).arg("feed-mail-maarch").assert().success();
    assert_eq!(acknowledged(), 8);
    assert_eq!(json(&env, &["mail", "list"]).as_array().unwrap().len(), 8);
}
