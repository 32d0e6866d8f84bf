//! PostgreSQL states: a real server per test (initdb, pg_ctl on loopback),
//! the same commands as on SQLite, and `state migrate` both ways. The
//! queue's crash and concurrency tests and the race of two `serve` run on
//! both stores in queue.rs and workflow.rs.

use crate::common::smtp::SmtpServer;
use crate::common::{self, Env};

/// stderr of a command that ran, checked to contain `needle`.
fn stderr_has(assert: assert_cmd::assert::Assert, needle: &str) {
    let stderr = String::from_utf8_lossy(&assert.get_output().stderr).into_owned();
    assert!(stderr.contains(needle), "{needle:?} not in {stderr}");
}

fn latest_schema() -> serde_json::Value {
    Env::new().json(&["state", "upgrade"])["schema_version"].clone()
}

fn rows(info: &serde_json::Value, table: &str) -> i64 {
    info["tables"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["table"] == table)
        .unwrap_or_else(|| panic!("no table {table}: {info}"))["rows"]
        .as_i64()
        .unwrap()
}

#[test]
fn a_test_server_starts_answers_and_stops() {
    let server = common::postgres::Postgres::start();
    server.create("publik_test");
    let url = server.url("publik_test");
    let mut client = postgres::Client::connect(&url, postgres::NoTls).unwrap();
    let row = client.query_one("SELECT current_database(), 1 + 1", &[]).unwrap();
    assert_eq!(row.get::<_, String>(0), "publik_test");
    assert_eq!(row.get::<_, i32>(1), 2);
}

#[test]
fn a_database_becomes_a_state_told_and_checked() {
    let env = Env::postgres();
    env.write("publik.yaml", &env.state_config());
    let info = env.json(&["state", "upgrade"]);
    assert_eq!(info["kind"], "postgresql");
    assert_eq!(info["schema_version"], latest_schema());
    assert_eq!(info["path"], env.state().to_string_lossy().as_ref());
    assert_eq!(rows(&info, "messages"), 0);
    assert!(info["size_bytes"].as_u64().unwrap() > 0);
    let text = env.publik().args(["state", "info"]).output().unwrap();
    assert!(String::from_utf8_lossy(&text.stdout).contains("kind: postgresql"));
    env.publik()
        .args(["state", "check"])
        .assert()
        .success()
        .stdout("")
        .stderr("");
    // Opening it again migrates nothing and changes nothing.
    assert_eq!(env.json(&["state", "info"]), info);
    // A backup of a server database is the server's business.
    stderr_has(
        env.publik()
            .args(["state", "backup", "copy.sqlite3"])
            .assert()
            .failure(),
        "pg_dump",
    );
}

#[test]
fn what_a_postgresql_state_refuses_is_named() {
    let env = Env::postgres();
    // No link key file: every host must use the same one, so it is named.
    stderr_has(
        env.publik().args(["queue", "list"]).assert().code(65),
        "serve.link_key_file",
    );
    env.write("publik.yaml", &env.state_config());
    // A password in the URL would show in `ps`: refused, and not repeated.
    let with_password = env
        .state()
        .to_string_lossy()
        .replace("publik@", "publik:hunter2@");
    let output = env
        .publik()
        .env("PUBLIK_STATE", &with_password)
        .args(["queue", "list"])
        .output()
        .unwrap();
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("password in the URL"), "{stderr}");
    assert!(!stderr.contains("hunter2"), "{stderr}");
    // A server that is not there: one line naming it, at once, and a
    // temporary failure (75) for cron to retry.
    let port = common::free_port();
    let started = std::time::Instant::now();
    stderr_has(
        env.publik()
            .env(
                "PUBLIK_STATE",
                format!("postgresql://publik@127.0.0.1:{port}/publik"),
            )
            .args(["queue", "list"])
            .assert()
            .code(75),
        &format!("cannot connect to the state postgresql://publik@127.0.0.1:{port}/publik"),
    );
    assert!(started.elapsed() < std::time::Duration::from_secs(20));
    // `init` makes SQLite states only.
    env.publik()
        .args(["init", "--dir", "sub", "--state", &env.state().to_string_lossy()])
        .assert()
        .failure();
}

#[test]
fn the_password_comes_from_a_file() {
    let server = common::postgres::Postgres::start_with_password("s3cret:pw");
    server.create("publik");
    let env = Env::new();
    let url = server.url("publik");
    env.write("password", "s3cret:pw\n");
    env.write(
        "publik.yaml",
        &format!(
            "state: {url}\nstate_password_file: password\nserve:\n  link_key_file: {}\n",
            env.path("link.key").display()
        ),
    );
    env.publik()
        .env_remove("PUBLIK_STATE")
        .args(["state", "upgrade"])
        .assert()
        .success();
    // libpq's passfile, with `:` escaped, when the config names none.
    env.write(
        "publik.yaml",
        &format!(
            "state: {url}\nserve:\n  link_key_file: {}\n",
            env.path("link.key").display()
        ),
    );
    let passfile = env.write(
        "pgpass",
        &format!("127.0.0.1:{}:publik:publik:s3cret\\:pw\n", server.port),
    );
    std::fs::set_permissions(&passfile, std::os::unix::fs::PermissionsExt::from_mode(0o600)).unwrap();
    env.publik()
        .env_remove("PUBLIK_STATE")
        .env("PGPASSFILE", &passfile)
        .args(["queue", "list"])
        .assert()
        .success();
    // A wrong one: the server's words.
    env.write("pgpass", "*:*:*:*:wrong\n");
    stderr_has(
        env.publik()
            .env_remove("PUBLIK_STATE")
            .env("PGPASSFILE", &passfile)
            .args(["queue", "list"])
            .assert()
            .failure(),
        "password authentication failed",
    );
}

#[test]
fn the_queue_newsletters_and_forms_run_on_postgresql() {
    let server = SmtpServer::start();
    let env = Env::postgres();
    env.smtp_config(server.port(), "");
    common::enqueue_bulk(&env, 30);
    env.publik()
        .arg("send-queue")
        .assert()
        .success()
        .stdout("")
        .stderr("");
    assert_eq!(server.received().len(), 30);
    let stats = env.json(&["queue", "stats"]);
    assert_eq!(stats["counts"][0]["status"], "sent");
    assert_eq!(stats["counts"][0]["count"], 30);
    let listed = env.json(&["queue", "list", "--to", "USER7@example.org"]);
    assert_eq!(
        listed.as_array().unwrap().len(),
        1,
        "addresses compare case-blind"
    );
    let id = listed[0]["id"].as_i64().unwrap().to_string();
    let shown = env.json(&["queue", "show", &id]);
    assert_eq!(shown["events"].as_array().unwrap().len(), 3, "{shown}");
    // The monitoring counters (a trigger on PostgreSQL too).
    let metrics = env.publik().args(["queue", "check", "--json"]).output().unwrap();
    assert!(metrics.status.success(), "{metrics:?}");

    // A newsletter: a group, the template fanned out, tokens issued.
    common::queue_newsletter(&env, "Bonjour {{ recipient }}");
    env.publik()
        .args(["group", "add", "nord", "BOB@example.org"])
        .assert()
        .success();
    assert_eq!(
        rows(&env.json(&["state", "info"]), "group_members"),
        1,
        "addresses compare case-blind"
    );
    env.publik().arg("send-queue").assert().success();
    assert_eq!(server.received().len(), 31);
    assert_eq!(rows(&env.json(&["state", "info"]), "unsubscribe_tokens"), 1);
}

/// A state with a bit of everything, copied to PostgreSQL and back: the
/// counts match, the copy works, and a non-empty target is refused.
#[test]
fn state_migrate_copies_to_postgresql_and_back() {
    let server = SmtpServer::start();
    let env = Env::new();
    env.smtp_config(server.port(), "");
    common::enqueue_bulk(&env, 20);
    env.publik().arg("send-queue").assert().success();
    common::queue_newsletter(&env, "Bonjour");
    common::enqueue_bulk(&env, 3);
    let before = env.json(&["state", "info"]);
    let stats_before = env.json(&["queue", "stats"]);

    let pg = common::postgres::Postgres::start();
    pg.create("publik");
    let url = pg.url("publik");
    let report = env.json(&["state", "migrate", "--to", &url]);
    for table in report["tables"].as_array().unwrap() {
        assert_eq!(table["source"], table["target"], "{table}");
    }
    // The copy, used as the state: the same queue, which then goes on.
    let at = |state: &str| {
        let mut cmd = env.publik();
        cmd.env("PUBLIK_STATE", state);
        cmd
    };
    let json_at = |state: &str, args: &[&str]| -> serde_json::Value {
        let assert = at(state).arg("--json").args(args).assert().success();
        serde_json::from_slice(&assert.get_output().stdout).unwrap()
    };
    let on_pg = |args: &[&str]| json_at(&url, args);
    let config = std::fs::read_to_string(env.config()).unwrap().replace(
        "serve:\n",
        &format!("serve:\n  link_key_file: {}.link-key\n", env.state().display()),
    );
    env.write("publik.yaml", &config);
    let info = on_pg(&["state", "info"]);
    for table in [
        "messages",
        "events",
        "bodies",
        "group_members",
        "unsubscribe_tokens",
        "groups",
    ] {
        assert_eq!(rows(&info, table), rows(&before, table), "{table}");
    }
    assert_eq!(on_pg(&["queue", "stats"])["counts"], stats_before["counts"]);
    at(&url).arg("send-queue").assert().success();
    assert_eq!(server.received().len(), 24);
    // New rows take new ids (the sequences were moved past the copied ones).
    at(&url)
        .args([
            "enqueue",
            "email",
            "--subject",
            "Après",
            "--text",
            "body.txt",
            "--to",
            "new@example.org",
        ])
        .assert()
        .success();

    // Into a non-empty target: refused, nothing changed.
    stderr_has(
        env.publik()
            .args(["state", "migrate", "--to", &url])
            .assert()
            .code(65),
        "is not empty",
    );

    // And back into a new SQLite file.
    let back_file = env.path("back.sqlite3").display().to_string();
    at(&url)
        .args(["state", "migrate", "--to", &back_file])
        .assert()
        .success();
    let back = json_at(&back_file, &["state", "info"]);
    let info = on_pg(&["state", "info"]);
    for table in [
        "messages",
        "events",
        "bodies",
        "group_members",
        "unsubscribe_tokens",
    ] {
        assert_eq!(rows(&back, table), rows(&info, table), "{table}");
    }
    at(&back_file).args(["state", "check"]).assert().success();
}

/// Tenants on PostgreSQL: one database per site, named by `tenant add
/// --database`; one `--all-tenants send-queue` drains each through its own
/// relay. A site that cannot be made ready leaves nothing behind.
#[test]
fn each_site_has_its_own_database() {
    let server = common::postgres::Postgres::start();
    let env = Env::new();
    let tenants = env.path("tenants");
    let publik = || crate::tenants::publik(&env);
    let add = |domain: &str, database: &str| {
        publik()
            .args(["tenant", "add", domain, "--database", database])
            .assert()
    };
    env.write(
        "publik.yaml",
        "email:\n  from: \"Plateforme <noreply@example.org>\"\n  smtp:\n    timeout: 5s\n",
    );
    server.create("site_a");
    // No action-link key file: said, and no half-made site.
    stderr_has(
        add("a.example.org", &server.url("site_a")).code(65),
        "serve.link_key_file",
    );
    assert!(!tenants.join("a.example.org").exists());
    // Relative to each site's directory: every site has its own key.
    env.write(
        "publik.yaml",
        "email:\n  from: \"Plateforme <noreply@example.org>\"\n  smtp:\n    timeout: 5s\nserve:\n  link_key_file: link.key\n",
    );
    // A database that does not exist: the server's word, and nothing left.
    stderr_has(add("a.example.org", &server.url("nowhere")).failure(), "nowhere");
    assert!(!tenants.join("a.example.org").exists());
    stderr_has(
        add("a.example.org", "site.sqlite3").code(65),
        "--database: \"site.sqlite3\" is not a postgresql:// URL",
    );

    server.create("site_b");
    let sites = [("a.example.org", "site_a"), ("b.example.org", "site_b")];
    let relays = [SmtpServer::start(), SmtpServer::start()];
    for ((domain, db), relay) in sites.iter().zip(&relays) {
        add(domain, &server.url(db)).success().stderr("");
        let config = tenants.join(domain).join("publik.yaml");
        let mut text = std::fs::read_to_string(&config).unwrap();
        assert!(text.contains(&format!("state: {}", server.url(db))), "{text}");
        text.push_str(&format!(
            "email:\n  smtp:\n    host: 127.0.0.1\n    port: {}\n",
            relay.port()
        ));
        std::fs::write(&config, text).unwrap();
        crate::tenants::enqueue(&env, domain, 3);
    }
    let listed: serde_json::Value = serde_json::from_slice(
        &publik()
            .args(["--json", "tenant", "list"])
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    for (site, (_, db)) in listed.as_array().unwrap().iter().zip(&sites) {
        assert_eq!(site["state"], server.url(db), "{listed}");
        assert_eq!(site["has_state"], true, "{listed}");
    }

    let out = publik()
        .args(["--all-tenants", "--json", "send-queue"])
        .timeout(std::time::Duration::from_secs(60))
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(out.stderr.is_empty(), "{}", String::from_utf8_lossy(&out.stderr));
    for ((domain, _), relay) in sites.iter().zip(&relays) {
        let received = relay.received();
        assert_eq!(received.len(), 3, "{domain}");
        assert!(received.iter().all(|r| r.rcpt_to[0].ends_with(domain)));
        let output = publik()
            .args(["--json", "--tenant", domain, "state", "info"])
            .output()
            .unwrap();
        let info: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
        assert_eq!(info["kind"], "postgresql");
        assert_eq!(rows(&info, "messages"), 3, "{domain}: only its own mail");
        assert_eq!(
            info["link_key"]["path"],
            tenants.join(domain).join("link.key").to_string_lossy().as_ref(),
            "{domain}: its own key"
        );
        assert!(!tenants.join(domain).join("publik.sqlite3").exists());
    }
}

/// TLS to the server, with libpq's `sslmode` words: `prefer` (the default)
/// and `require` encrypt whatever certificate the server has, as psql does
/// (Debian's server comes with a self-signed one); `verify-full`, or a
/// `sslrootcert` CA, checks it. The server here refuses TCP without TLS.
#[test]
fn the_connection_to_the_server_is_encrypted() {
    let (server, pem) = common::postgres::Postgres::start_tls();
    server.create("publik");
    let env = Env::new();
    env.write("ca.pem", &pem);
    env.write(
        "other.pem",
        &rcgen::generate_simple_self_signed(vec!["127.0.0.1".into()])
            .unwrap()
            .cert
            .pem(),
    );
    env.write(
        "publik.yaml",
        &format!("serve:\n  link_key_file: {}\n", env.path("link.key").display()),
    );
    let url = server.url("publik");
    let on = |query: &str| {
        let mut cmd = env.publik();
        cmd.env("PUBLIK_STATE", format!("{url}{query}"))
            .args(["state", "upgrade"]);
        cmd
    };
    on("").assert().success().stderr("");
    on("?sslmode=require").assert().success();
    on("?sslmode=verify-full&sslrootcert=ca.pem").assert().success();
    on("?sslmode=verify-ca&sslrootcert=ca.pem").assert().success();
    // A CA given is a CA checked, whatever the mode.
    stderr_has(
        on("?sslmode=require&sslrootcert=other.pem").assert().failure(),
        "certificate",
    );
    // Checked against the public CAs, a private certificate fails.
    stderr_has(on("?sslmode=verify-full").assert().failure(), "certificate");
    stderr_has(on("?sslmode=disable").assert().failure(), "no encryption");
    stderr_has(on("?sslmode=sometimes").assert().code(65), "sslmode");
}

/// Draining the queue reads each message a bounded number of times, however
/// long the queue: the claim walks the work index in order and stops at its
/// batch. From statistics saying pending rows are rare (taken on an empty
/// table here, as after a drain) PostgreSQL chose to read and sort every
/// pending row for each batch of 20, a drain quadratic in the queue.
#[test]
fn a_drain_reads_each_message_a_bounded_number_of_times() {
    const MESSAGES: usize = 2_000;
    let sink = SmtpServer::start_with(crate::common::smtp::Options {
        count_only: true,
        ..Default::default()
    });
    let env = Env::postgres();
    env.smtp_config(sink.port(), "");
    env.publik().args(["state", "upgrade"]).assert().success();
    let url = env.state().to_string_lossy().into_owned();
    let mut client = postgres::Client::connect(&url, postgres::NoTls).unwrap();
    client.batch_execute("ANALYZE messages").unwrap();
    common::enqueue_bulk(&env, MESSAGES);
    let fetched = |client: &mut postgres::Client| -> i64 {
        client
            .query_one(
                "SELECT tup_fetched + tup_returned FROM pg_stat_database WHERE datname = current_database()",
                &[],
            )
            .unwrap()
            .get(0)
    };
    let before = fetched(&mut client);
    env.publik().arg("send-queue").assert().success();
    assert_eq!(sink.count(), MESSAGES);
    // Each backend reports its counts as it ends: the run's have. About
    // 16 a message (the claim, the record, the events, the totals), the
    // same for 2 000 or 6 000; the quadratic plan read 265 a message here.
    let read = fetched(&mut client) - before;
    assert!(
        read < 40 * MESSAGES as i64,
        "{read} rows read to send {MESSAGES} messages"
    );
}

/// The status of a GET of `url` (an error status is an answer too).
fn status_of(url: &str) -> u16 {
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .build()
        .into();
    agent.get(url).call().unwrap().status().as_u16()
}

/// Waits (up to 30 s) until `condition` holds: a server coming back.
fn wait_until(what: &str, mut condition: impl FnMut() -> bool) {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    while !condition() {
        assert!(std::time::Instant::now() < deadline, "never: {what}");
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
}

/// A run an hour on, every lease run out: what failed workers held is sent.
fn send_once_leases_ran_out(env: &Env) {
    let later = (chrono::Utc::now() + chrono::Duration::hours(1)).to_rfc3339();
    env.publik()
        .env("PUBLIK_NOW", &later)
        .arg("send-queue")
        .timeout(std::time::Duration::from_secs(120))
        .assert()
        .success();
}

/// At the relay: how many recipients got their message, and how many
/// messages came a second time.
fn delivered_and_twice(relay: &SmtpServer) -> (usize, usize) {
    let mut recipients: Vec<String> = relay.received().iter().map(|r| r.rcpt_to[0].clone()).collect();
    let total = recipients.len();
    recipients.sort();
    recipients.dedup();
    (recipients.len(), total - recipients.len())
}

/// A relay config with `extra` lines under it, and `count` letters queued
/// (one send, in Bcc).
fn relay_and_letters(env: &Env, relay: &SmtpServer, smtp_extra: &str, queue: &str, count: usize) {
    env.write(
        "publik.yaml",
        &format!(
            "email:\n  from: \"Mairie <noreply@example.org>\"\n  smtp:\n    host: 127.0.0.1\n    port: {}\n    timeout: 5s\n{smtp_extra}queue:\n{queue}{}",
            relay.port(),
            env.state_config()
        ),
    );
    env.write("body.txt", "Bonjour\n");
    let mut enqueue = env.publik();
    enqueue.args(["enqueue", "email", "--subject", "S", "--text", "body.txt"]);
    for i in 0..count {
        enqueue.args(["--bcc", &format!("user{i}@example.org")]);
    }
    enqueue.assert().success();
}

/// `serve` on a PostgreSQL state outlives its server: 503 while the
/// database is down (never a 500 page), and pages again once it is back,
/// after a clean restart and after a crash alike, without being restarted.
#[test]
fn serve_answers_503_while_the_database_is_down_and_reconnects() {
    let env = Env::postgres();
    env.write(
        "publik.yaml",
        &format!(
            "{}  api_callers:\n    wcs.example.org:\n      key: {}\n",
            env.state_config(),
            crate::maarch::API_KEY
        ),
    );
    env.publik().args(["state", "upgrade"]).assert().success();
    let served = env.serve();
    let status = |path: &str| status_of(&format!("{}{path}", served.base));
    let token = "A".repeat(43);
    let action = format!("/actions/{token}/");
    let unsubscribe = format!("/unsubscribe/{token}");
    let known = status(&action);
    assert_eq!(known, 404, "an unknown link, looked up");
    let unknown_unsubscribe = status(&unsubscribe);
    // A signed call from w.c.s. (its nonce and the mail looked up).
    let nonces = std::cell::Cell::new(0);
    let api_call = || {
        nonces.set(nonces.get() + 1);
        let query = crate::maarch::signed(
            "wcs.example.org",
            crate::maarch::API_KEY,
            &format!("n{}", nonces.get()),
            chrono::Utc::now(),
        );
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
    };
    assert_eq!(api_call(), 404, "an unknown mail, looked up");
    for mode in ["fast", "immediate"] {
        env.server().stop(mode);
        assert_eq!(status(&action), 503, "{mode}: down");
        assert_eq!(status(&unsubscribe), 503, "{mode}: down");
        assert_eq!(api_call(), 503, "{mode}: down");
        env.server().start_again();
        wait_until("serve answers again", || status(&action) == known);
        assert_eq!(status(&unsubscribe), unknown_unsubscribe, "{mode}");
        assert_eq!(api_call(), 404, "{mode}");
    }
}

/// A run that loses its database mid-run (the server stopped hard) exits 75
/// with one line, as cron expects of "try later"; nothing is lost: the
/// next run, once the server is back and the leases have run out, sends
/// the rest, and at most the one row in flight goes twice.
#[test]
fn a_run_that_loses_its_database_exits_75_and_the_next_finishes() {
    let env = Env::postgres();
    let relay = SmtpServer::start_with(common::smtp::Options {
        delay_per_message: std::time::Duration::from_millis(20),
        ..Default::default()
    });
    relay_and_letters(&env, &relay, "    connections: 1\n", "  lease: 30s\n", 300);
    let run = env
        .command()
        .arg("send-queue")
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    wait_until("the run sends", || relay.count() >= 20);
    env.server().stop("immediate");
    let out = run.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).to_string();
    assert_eq!(out.status.code(), Some(75), "{stderr}");
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    env.server().start_again();
    send_once_leases_ran_out(&env);
    let (delivered, twice) = delivered_and_twice(&relay);
    assert_eq!(delivered, 300, "every message delivered");
    assert!(twice <= 1, "{twice} sent twice");
}

/// A server that refuses clients (`max_connections` taken by others): a
/// run exits 75 ("try later") with the server's words; `serve` answers 503,
/// and serves again once a client leaves.
#[test]
fn a_full_server_is_a_temporary_failure() {
    let env = Env::postgres_full_at(3);
    env.write("publik.yaml", &env.state_config());
    env.publik().args(["state", "upgrade"]).assert().success();
    let served = env.serve();
    let status = |path: &str| status_of(&format!("{}{path}", served.base));
    let action = format!("/actions/{}/", "A".repeat(43));
    assert_eq!(status(&action), 404);
    // serve holds one connection; two more fill the server.
    let url = env.server().url("publik");
    let mut others: Vec<postgres::Client> = (0..2)
        .map(|_| postgres::Client::connect(&url, postgres::NoTls).unwrap())
        .collect();
    let out = env.publik().args(["queue", "list"]).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).to_string();
    assert_eq!(out.status.code(), Some(75), "{stderr}");
    assert!(stderr.contains("too many clients"), "{stderr}");
    // serve's connection ended by the server, its place taken by another:
    // serve cannot have a new one (503), then can once a client leaves.
    others[0]
        .execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'publik'",
            &[],
        )
        .unwrap();
    wait_until("serve's connection is gone", || {
        others[0]
            .query_one(
                "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'publik'",
                &[],
            )
            .unwrap()
            .get::<_, i64>(0)
            == 0
    });
    others.push(postgres::Client::connect(&url, postgres::NoTls).unwrap());
    assert_eq!(status(&action), 503, "a full server");
    others.pop();
    wait_until("serve answers again", || status(&action) == 404);
    others.pop();
    env.publik().args(["queue", "list"]).assert().success();
}

/// A slow database (the messages table locked by another client for longer
/// than publik's lock timeout): the run gives up naming the wait, exits 75,
/// and records nothing half-way; once the lock goes, the next run sends.
#[test]
fn a_lock_held_too_long_is_a_temporary_failure() {
    let env = Env::postgres();
    let relay = SmtpServer::start();
    env.write(
        "publik.yaml",
        &format!(
            "email:\n  from: \"Mairie <noreply@example.org>\"\n  smtp:\n    host: 127.0.0.1\n    port: {}\n    timeout: 5s\n{}",
            relay.port(),
            env.state_config()
        ),
    );
    env.publik()
        .args([
            "enqueue",
            "email",
            "--to",
            "a@example.org",
            "--subject",
            "S",
            "--text",
            "-",
        ])
        .write_stdin("Bonjour\n")
        .assert()
        .success();
    let url = env.server().url("publik");
    let mut holder = postgres::Client::connect(&url, postgres::NoTls).unwrap();
    let mut lock = holder.transaction().unwrap();
    lock.batch_execute("LOCK TABLE messages IN ACCESS EXCLUSIVE MODE")
        .unwrap();
    let out = env
        .publik()
        .arg("send-queue")
        .timeout(std::time::Duration::from_secs(120))
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).to_string();
    assert_eq!(out.status.code(), Some(75), "{stderr}");
    // Said once: what the run was doing, and the wait that ran out.
    assert!(
        stderr.contains("did not answer in time") && stderr.contains("lock timeout"),
        "{stderr}"
    );
    assert_eq!(stderr.matches("publik: error:").count(), 1, "{stderr}");
    lock.rollback().unwrap();
    assert_eq!(relay.count(), 0);
    env.publik().arg("send-queue").assert().success();
    assert_eq!(relay.count(), 1);
}

/// Fencing (a partition): a worker whose path to the database freezes for
/// twice its lease while another worker takes over its rows stops sending
/// before its lease ends and does not send the rest of its batch once the
/// path heals; it exits 75 saying why. Every message is delivered, and at
/// most one per lane of the cut-off worker (its deliveries in flight) twice.
#[test]
fn a_worker_cut_from_its_database_stops_before_its_lease_ends() {
    let env = Env::postgres();
    let relay = SmtpServer::start_with(common::smtp::Options {
        delay_per_message: std::time::Duration::from_millis(5),
        ..Default::default()
    });
    let lanes = 4;
    let lease = std::time::Duration::from_secs(3);
    relay_and_letters(
        &env,
        &relay,
        &format!("    connections: {lanes}\n"),
        "  lease: 3s\n  batch: 500\n",
        2000,
    );
    let path = common::proxy::FreezableProxy::start(env.server().port);
    let cut_off = env
        .command()
        .env(
            "PUBLIK_STATE",
            format!("postgresql://publik@127.0.0.1:{}/publik", path.port),
        )
        .arg("send-queue")
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    wait_until("the worker sends", || relay.count() >= 100);
    path.freeze();
    let cut_at = std::time::Instant::now();
    // The other worker, once the cut-off one's leases have run out.
    std::thread::sleep(lease + std::time::Duration::from_millis(500));
    env.publik()
        .arg("send-queue")
        .timeout(std::time::Duration::from_secs(120))
        .assert()
        .success();
    if let Some(left) = (2 * lease).checked_sub(cut_at.elapsed()) {
        std::thread::sleep(left);
    }
    path.thaw();
    let out = cut_off.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).to_string();
    assert_eq!(out.status.code(), Some(75), "{stderr}");
    assert!(
        stderr.contains("taken over by another worker") || stderr.contains("could not be renewed"),
        "{stderr}"
    );
    // Whatever the cut-off worker gave back on its way out.
    env.publik()
        .arg("send-queue")
        .timeout(std::time::Duration::from_secs(120))
        .assert()
        .success();
    let (delivered, twice) = delivered_and_twice(&relay);
    assert_eq!(delivered, 2000, "every message delivered");
    assert!(twice <= lanes, "{twice} sent twice");
}

/// Three workers and a `serve` on one database, as on four hosts: one
/// worker killed (-9) and another cut off from the database mid-run while
/// citizens confirm their forms' action links. Every message is delivered,
/// at most one per connection of the two failed workers twice; each link
/// acts once (two posts at once, one jump); the cut-off worker exits 75.
#[test]
fn three_workers_and_a_server_outlive_a_kill_and_a_partition() {
    use crate::workflow::{create_form, links_in, post_at_once, story_workflow};
    let relay = SmtpServer::start_with(common::smtp::Options {
        delay_per_message: std::time::Duration::from_millis(20),
        ..Default::default()
    });
    let env = Env::postgres();
    story_workflow(&env, relay.port());
    let connections = 2;
    env.write(
        "publik.yaml",
        &format!(
            "email:\n  from: \"Mairie <noreply@example.org>\"\n  smtp: {{ host: 127.0.0.1, port: {}, connections: {connections} }}\n\
             serve:\n  public_url: https://demarches.example.org\n{}queue:\n  lease: 3s\n  batch: 100\n",
            relay.port(),
            env.serve_config()
        ),
    );
    let forms: Vec<String> = (0..30)
        .map(|i| {
            create_form(
                &env,
                &format!("Demande {i}"),
                Some(&format!("citoyen{i}@example.org")),
            )
        })
        .collect();
    env.write("body.txt", "Bonjour\n");
    let mut enqueue = env.publik();
    enqueue.args(["enqueue", "email", "--subject", "Lettre", "--text", "body.txt"]);
    for i in 0..1500 {
        enqueue.args(["--bcc", &format!("user{i}@example.org")]);
    }
    enqueue.assert().success();
    let path = common::proxy::FreezableProxy::start(env.server().port);
    let worker = |state: Option<String>| {
        let mut command = env.command();
        if let Some(state) = state {
            command.env("PUBLIK_STATE", state);
        }
        command
            .arg("send-queue")
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap()
    };
    let whole = worker(None);
    let cut_off = worker(Some(format!(
        "postgresql://publik@127.0.0.1:{}/publik",
        path.port
    )));
    let mut killed = worker(None);
    // The forms' mails (to the mayor, with links) go first: higher priority.
    let links = || {
        let mut links: Vec<String> = relay
            .received()
            .iter()
            .filter_map(|m| links_in(m).first().cloned())
            .collect();
        links.sort();
        links.dedup();
        links
    };
    wait_until("the workers send", || {
        links().len() == forms.len() && relay.count() >= 300
    });
    killed.kill().unwrap();
    killed.wait().unwrap();
    path.freeze();
    let cut_at = std::time::Instant::now();
    // Each link posted twice at once to a serve on a fourth host.
    let served = env.serve();
    for link in &links() {
        let url = link.replace("https://demarches.example.org", &served.base);
        let statuses: Vec<u16> = post_at_once(&[url.clone(), url])
            .into_iter()
            .map(|(s, _)| s)
            .collect();
        assert_eq!(statuses.iter().filter(|s| **s == 200).count(), 1, "{statuses:?}");
    }
    let out = whole.wait_with_output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    if let Some(left) = (2 * std::time::Duration::from_secs(3)).checked_sub(cut_at.elapsed()) {
        std::thread::sleep(left);
    }
    path.thaw();
    let out = cut_off.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).to_string();
    assert!(matches!(out.status.code(), Some(0) | Some(75)), "{stderr}");
    // What the killed and the cut-off workers held, once their leases ran out.
    send_once_leases_ran_out(&env);
    let mut sent: Vec<(String, String)> = relay
        .received()
        .iter()
        .map(|m| {
            let text = String::from_utf8_lossy(&m.data).to_string();
            let subject = text
                .lines()
                .find_map(|l| l.strip_prefix("Subject: "))
                .unwrap_or_default()
                .to_string();
            (m.rcpt_to[0].clone(), subject)
        })
        .collect();
    let total = sent.len();
    sent.sort();
    sent.dedup();
    // 1 500 letters, and each form's mail to the mayor and its acceptance.
    assert_eq!(sent.len(), 1500 + 2 * forms.len(), "every message delivered");
    assert!(
        total - sent.len() <= 2 * connections,
        "{} sent twice",
        total - sent.len()
    );
    for number in &forms {
        let form = env.json(&["form", "show", number]);
        assert_eq!(form["status"], "accepted", "{form}");
        assert_eq!(form["history"].as_array().unwrap().len(), 2, "one jump: {form}");
    }
}

/// A partition that drops packets, the worker on another host (a network
/// namespace) whose link goes down mid-run: its statement in flight is not
/// answered, and the connection's own limits (TCP_USER_TIMEOUT, keepalives)
/// end it, so the run exits 75 instead of waiting for the kernel's quarter
/// of an hour; another worker then sends the rest: nothing lost, at most
/// the message in flight twice. Skipped where namespaces cannot be made
/// (not root): the freezable-proxy tests above cover the partition there.
#[test]
fn a_worker_whose_network_drops_its_packets_exits_75() {
    let Some(host) = common::netns::Host::create(0) else {
        eprintln!("skipped: no network namespaces here");
        return;
    };
    let pg = common::postgres::Postgres::start_reachable_at(&host.gateway);
    pg.create("publik");
    let env = Env {
        dir: tempfile::tempdir().unwrap(),
        pg: Some(pg),
    };
    let outbox = env.path("outbox");
    env.write(
        "publik.yaml",
        &format!(
            "email:\n  from: \"Mairie <noreply@example.org>\"\n  transport: file\n  file:\n    dir: {}\n\
             queue:\n  lease: 3s\n  rate: 100/s\n{}",
            outbox.display(),
            env.state_config()
        ),
    );
    env.write("body.txt", "Bonjour\n");
    let mut enqueue = env.publik();
    enqueue.args(["enqueue", "email", "--subject", "S", "--text", "body.txt"]);
    for i in 0..1000 {
        enqueue.args(["--bcc", &format!("user{i}@example.org")]);
    }
    enqueue.assert().success();
    let delivered = || std::fs::read_dir(&outbox).map_or(0, |d| d.count());
    let mut far = host
        .command(assert_cmd::cargo::cargo_bin!("publik"))
        .current_dir(env.dir.path())
        .env(
            "PUBLIK_STATE",
            format!(
                "postgresql://publik@{}:{}/publik",
                host.gateway,
                env.server().port
            ),
        )
        .env("PUBLIK_CONFIG", env.config())
        .env_remove("PUBLIK_NOW")
        .arg("send-queue")
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    wait_until("the far worker sends", || delivered() >= 100);
    host.cut();
    // The kernel alone would retransmit for about 15 minutes.
    let waited = std::time::Instant::now();
    while far.try_wait().unwrap().is_none() {
        if waited.elapsed() > std::time::Duration::from_secs(180) {
            let _ = far.kill();
            panic!("the cut-off worker hangs");
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    let out = far.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).to_string();
    assert_eq!(out.status.code(), Some(75), "{stderr}");
    send_once_leases_ran_out(&env);
    let statuses = env.json(&["queue", "list", "--status", "sent"]);
    assert_eq!(statuses.as_array().unwrap().len(), 1000, "every message sent");
    assert!(delivered() - 1000 <= 1, "{} twice", delivered() - 1000);
}
