//! Many sites on one installation: `--tenant`, `--all-tenants`, `tenant …`.

use crate::common;

use std::collections::HashMap;
use std::time::Duration;

use common::Env;
use common::smtp::{Options, SmtpServer};

/// An installation: the shared config (From:, queue settings) and a tenants
/// directory; each site added with its own SMTP relay port.
fn installation(env: &Env) {
    env.write(
        "publik.yaml",
        "email:\n  from: \"Plateforme <noreply@example.org>\"\n  smtp:\n    timeout: 5s\n    connections: 2\nqueue:\n  batch: 5\n",
    );
}

fn site(env: &Env, domain: &str, smtp_port: Option<u16>) {
    env.publik()
        .env("PUBLIK_TENANTS_DIR", env.path("tenants"))
        .args(["tenant", "add", domain])
        .assert()
        .success();
    if let Some(port) = smtp_port {
        // Overrides the shared config key by key: the shared timeout stays.
        std::fs::write(
            env.path("tenants").join(domain).join("publik.yaml"),
            format!("email:\n  smtp:\n    host: 127.0.0.1\n    port: {port}\n"),
        )
        .unwrap();
    }
}

pub(crate) fn publik(env: &Env) -> assert_cmd::Command {
    let mut cmd = env.publik();
    cmd.env("PUBLIK_TENANTS_DIR", env.path("tenants"));
    cmd
}

pub(crate) fn enqueue(env: &Env, domain: &str, count: usize) {
    env.write("body.txt", "Bonjour\n");
    let mut cmd = publik(env);
    cmd.args([
        "--tenant",
        domain,
        "enqueue",
        "email",
        "--subject",
        domain,
        "--text",
        "body.txt",
    ]);
    for i in 0..count {
        cmd.arg("--bcc").arg(format!("user{i}@{domain}"));
    }
    cmd.assert().success();
}

/// One `send-queue --all-tenants` delivers each site's mail through its own
/// relay and nothing through another's.
#[test]
fn each_site_sends_through_its_own_relay() {
    let env = Env::new();
    installation(&env);
    let sites = ["a.example.org", "b.example.org", "c.example.org"];
    let relays: Vec<SmtpServer> = sites.iter().map(|_| SmtpServer::start()).collect();
    for (domain, relay) in sites.iter().zip(&relays) {
        site(&env, domain, Some(relay.port()));
        enqueue(&env, domain, 3);
    }
    let out = publik(&env)
        .args(["--all-tenants", "--json", "send-queue"])
        .timeout(Duration::from_secs(60))
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(
        out.stderr.is_empty(),
        "cron-quiet: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    for (domain, relay) in sites.iter().zip(&relays) {
        let received = relay.received();
        assert_eq!(received.len(), 3, "{domain}");
        assert!(
            received.iter().all(|r| r.rcpt_to[0].ends_with(domain)),
            "{domain} got another site's mail"
        );
        assert_eq!(received[0].mail_from, "noreply@example.org", "the shared From:");
    }
    // One JSON line per site, naming it.
    let lines: Vec<serde_json::Value> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let mut tenants: Vec<&str> = lines.iter().map(|l| l["tenant"].as_str().unwrap()).collect();
    tenants.sort();
    assert_eq!(tenants, sites);
    assert!(lines.iter().all(|l| l["sent"] == 3));
    // Each site's state is its own.
    for domain in sites {
        let list = publik(&env)
            .args(["--json", "--tenant", domain, "queue", "list"])
            .output()
            .unwrap();
        let list: serde_json::Value = serde_json::from_slice(&list.stdout).unwrap();
        assert_eq!(list.as_array().unwrap().len(), 3, "{domain}");
    }
    assert!(!env.state().exists(), "no state outside the sites");
}

/// A site with a broken config and one whose relay is down: the others
/// still deliver, each failure is said once with its domain, and the exit
/// code is the worst (65 for the bad config, over the relay's 75).
#[test]
fn one_site_failing_never_stops_the_others() {
    let env = Env::new();
    installation(&env);
    let good = SmtpServer::start();
    site(&env, "good.example.org", Some(good.port()));
    site(&env, "down.example.org", Some(common::free_port()));
    site(&env, "broken.example.org", None);
    enqueue(&env, "good.example.org", 2);
    enqueue(&env, "down.example.org", 2);
    std::fs::write(
        env.path("tenants/broken.example.org/publik.yaml"),
        "email:\n  smtp:\n    port: many\n",
    )
    .unwrap();
    let out = publik(&env)
        .args(["--all-tenants", "--jobs", "2", "send-queue"])
        .timeout(Duration::from_secs(60))
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).to_string();
    assert_eq!(out.status.code(), Some(65), "{stderr}");
    assert_eq!(good.count(), 2);
    assert_eq!(
        stderr.matches("error: broken.example.org:").count(),
        1,
        "{stderr}"
    );
    assert_eq!(stderr.matches("error: down.example.org:").count(), 1, "{stderr}");
    assert!(!stderr.contains("good.example.org"), "{stderr}");
    // Without the broken one, the relay down makes it 75.
    std::fs::remove_dir_all(env.path("tenants/broken.example.org")).unwrap();
    publik(&env)
        .args(["--all-tenants", "send-queue"])
        .timeout(Duration::from_secs(60))
        .assert()
        .code(75);
    let pending = publik(&env)
        .args([
            "--json",
            "--tenant",
            "down.example.org",
            "queue",
            "list",
            "--status",
            "pending",
        ])
        .output()
        .unwrap();
    let pending: serde_json::Value = serde_json::from_slice(&pending.stdout).unwrap();
    assert_eq!(pending.as_array().unwrap().len(), 2, "left as they were");
}

/// A site's publik.yaml is read under bounds: an alias bomb (a 1 MB anchor
/// repeated by 3 000 aliases) and 100 000 nested `[` are each refused with
/// the file named, in a few MB, and the other sites still send.
#[test]
fn a_site_yaml_bomb_is_refused_alone_and_in_bounded_memory() {
    let env = Env::new();
    installation(&env);
    let good = SmtpServer::start();
    site(&env, "good.example.org", Some(good.port()));
    enqueue(&env, "good.example.org", 2);
    site(&env, "bomb.example.org", None);
    site(&env, "deep.example.org", None);
    let mut bomb = format!(
        "sms:\n  gateway:\n    url: https://sms.example.org/\n    fields:\n      a0: &big {}\n",
        "x".repeat(1 << 20)
    );
    for i in 1..3000 {
        bomb.push_str(&format!("      a{i}: *big\n"));
    }
    std::fs::write(env.path("tenants/bomb.example.org/publik.yaml"), bomb).unwrap();
    std::fs::write(
        env.path("tenants/deep.example.org/publik.yaml"),
        format!("email: {}\n", "[".repeat(100_000)),
    )
    .unwrap();
    let stderr_file = env.path("stderr.txt");
    let mut cmd = env.command();
    cmd.env("PUBLIK_TENANTS_DIR", env.path("tenants"))
        .args(["--all-tenants", "send-queue"])
        .stderr(std::fs::File::create(&stderr_file).unwrap());
    let (status, peak_kb) = common::run_with_peak_memory(cmd);
    let stderr = std::fs::read_to_string(&stderr_file).unwrap();
    assert_eq!(status.code(), Some(65), "{stderr}");
    assert_eq!(good.count(), 2, "{stderr}");
    assert!(
        stderr.contains("bomb.example.org/publik.yaml line ") && stderr.contains("once aliases are expanded"),
        "{stderr}"
    );
    assert!(
        stderr.contains("deep.example.org/publik.yaml line 1: "),
        "{stderr}"
    );
    eprintln!("peak RSS {} kB", peak_kb);
    assert!(peak_kb < 64 << 10, "peak RSS {peak_kb} kB");
}

/// Whatever the umask, `tenant add` makes the tenants directory and the
/// site's 0750 and its publik.yaml 0600; `--all-tenants` refuses a tenants
/// directory or a site config others than its owner may write (as sshd),
/// the other sites going on.
#[test]
fn sites_are_private_and_refused_when_others_may_write() {
    use std::os::unix::fs::PermissionsExt;
    let env = Env::new();
    installation(&env);
    let add = |domain: &str| {
        let out = std::process::Command::new("sh")
            .arg("-c")
            .arg(format!("umask 000; exec \"$0\" tenant add {domain}"))
            .arg(env!("CARGO_BIN_EXE_publik"))
            .env("PUBLIK_CONFIG", env.config())
            .env("PUBLIK_TENANTS_DIR", env.path("tenants"))
            .env_remove("PUBLIK_STATE")
            .output()
            .unwrap();
        assert!(out.status.success(), "{out:?}");
    };
    add("a.example.org");
    add("b.example.org");
    let mode = |path: &str| std::fs::metadata(env.path(path)).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode("tenants"), 0o750);
    assert_eq!(mode("tenants/a.example.org"), 0o750);
    assert_eq!(mode("tenants/a.example.org/publik.yaml"), 0o600);
    enqueue(&env, "a.example.org", 1);
    enqueue(&env, "b.example.org", 1);

    let site_config = env.path("tenants/a.example.org/publik.yaml");
    std::fs::set_permissions(&site_config, std::fs::Permissions::from_mode(0o666)).unwrap();
    let out = publik(&env)
        .args(["--all-tenants", "send-queue"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("a.example.org/publik.yaml (owner root, mode 666) is writable by others"),
        "{stderr}"
    );
    // The other site went on: its message is in its outbox.
    assert_eq!(
        std::fs::read_dir(env.path("tenants/b.example.org/outbox"))
            .unwrap()
            .count(),
        1
    );
    assert!(!env.path("tenants/a.example.org/outbox").exists());

    std::fs::set_permissions(&site_config, std::fs::Permissions::from_mode(0o600)).unwrap();
    std::fs::set_permissions(env.path("tenants"), std::fs::Permissions::from_mode(0o777)).unwrap();
    let out = publik(&env)
        .args(["--all-tenants", "send-queue"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("tenants (owner root, mode 777) is writable by others"),
        "{stderr}"
    );
    assert!(!env.path("tenants/a.example.org/outbox").exists());
}

/// Two overlapping `send-queue --all-tenants` runs deliver every message
/// exactly once.
#[test]
fn overlapping_all_tenants_runs_send_each_message_once() {
    let env = Env::new();
    installation(&env);
    let relays: Vec<SmtpServer> = (0..3)
        .map(|_| {
            SmtpServer::start_with(Options {
                delay_per_message: Duration::from_millis(5),
                ..Options::default()
            })
        })
        .collect();
    for (i, relay) in relays.iter().enumerate() {
        let domain = format!("s{i}.example.org");
        site(&env, &domain, Some(relay.port()));
        enqueue(&env, &domain, 40);
    }
    let runs: Vec<std::process::Child> = (0..2)
        .map(|_| {
            env.command()
                .env("PUBLIK_TENANTS_DIR", env.path("tenants"))
                .args(["--all-tenants", "send-queue"])
                .spawn()
                .unwrap()
        })
        .collect();
    for mut run in runs {
        assert!(run.wait().unwrap().success());
    }
    for relay in &relays {
        let mut per_rcpt: HashMap<String, usize> = HashMap::new();
        for r in relay.received() {
            *per_rcpt.entry(r.rcpt_to[0].clone()).or_default() += 1;
        }
        assert_eq!(per_rcpt.len(), 40);
        assert!(per_rcpt.values().all(|n| *n == 1), "a message was sent twice");
    }
}

#[test]
fn tenant_commands_and_usage_errors() {
    let env = Env::new();
    installation(&env);
    site(&env, "a.example.org", None);
    let list = publik(&env).args(["--json", "tenant", "list"]).output().unwrap();
    let list: serde_json::Value = serde_json::from_slice(&list.stdout).unwrap();
    assert_eq!(list[0]["domain"], "a.example.org");
    assert_eq!(list[0]["has_state"], true);
    publik(&env)
        .args(["tenant", "add", "a.example.org"])
        .assert()
        .code(65);
    publik(&env)
        .args(["tenant", "add", "Not_A_Domain"])
        .assert()
        .code(65);
    let unknown = publik(&env)
        .args(["--tenant", "z.example.org", "queue", "list"])
        .assert()
        .code(65);
    assert!(
        String::from_utf8_lossy(&unknown.get_output().stderr)
            .contains("--tenant: no tenant \"z.example.org\"")
    );
    publik(&env)
        .args([
            "--tenant",
            "a.example.org",
            "--state",
            "x.sqlite3",
            "queue",
            "list",
        ])
        .assert()
        .code(2);
    publik(&env)
        .args([
            "--all-tenants",
            "enqueue",
            "sms",
            "--to",
            "0612345678",
            "--text",
            "x",
        ])
        .assert()
        .code(2);
    publik(&env).args(["tenant", "check"]).assert().success();
    std::fs::write(
        env.path("tenants/a.example.org/publik.yaml"),
        "queue:\n  nope: 1\n",
    )
    .unwrap();
    let check = publik(&env).args(["tenant", "check"]).assert().code(65);
    let said = String::from_utf8_lossy(&check.get_output().stdout).to_string();
    assert!(
        said.contains("a.example.org: FAILED") && said.contains("nope"),
        "{said}"
    );
}

const WORKFLOW: &str = "name: approval\nlabel: Validation\ninitial: waiting\nstatuses:\n  - id: waiting\n    label: En attente\n    jumps:\n      - { id: accept, label: Accepter, to: accepted }\n  - { id: accepted, label: Acceptée }\n";

/// A site with a public URL, a form and an action link; returns the link's path.
pub(crate) fn site_with_link(env: &Env, domain: &str) -> String {
    site(env, domain, None);
    link_at(env, domain, domain)
}

/// Sets `domain`'s public URL to `https://host` and makes an action link
/// there; returns the link's path.
fn link_at(env: &Env, domain: &str, host: &str) -> String {
    std::fs::write(
        env.path("tenants").join(domain).join("publik.yaml"),
        format!("serve:\n  public_url: https://{host}\n"),
    )
    .unwrap();
    env.write("approval.yaml", WORKFLOW);
    publik(env)
        .args(["--tenant", domain, "workflow", "import", "approval.yaml"])
        .assert()
        .success();
    let form = publik(env)
        .args([
            "--json",
            "--tenant",
            domain,
            "form",
            "create",
            "--workflow",
            "approval",
            "--name",
            "Demande",
        ])
        .output()
        .unwrap();
    let form: serde_json::Value = serde_json::from_slice(&form.stdout).unwrap();
    let number = form["number"].as_str().unwrap().to_string();
    let link = publik(env)
        .args([
            "--json",
            "--tenant",
            domain,
            "issue-action-token",
            "--form",
            &number,
            "--action",
            "accept",
        ])
        .output()
        .unwrap();
    let link: serde_json::Value = serde_json::from_slice(&link.stdout).unwrap();
    let url = link["url"].as_str().unwrap().to_string();
    assert!(url.starts_with(&format!("https://{host}/")), "{url}");
    url[format!("https://{host}").len()..].to_string()
}

/// A GET of `path` from the server on `port`, for `host`: its status and page.
pub(crate) fn get_for_host(port: u16, host: &str, path: &str) -> (u16, String) {
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .build()
        .into();
    let mut response = agent
        .get(&format!("http://127.0.0.1:{port}{path}"))
        .header("Host", host)
        .call()
        .unwrap();
    (
        response.status().as_u16(),
        response.body_mut().read_to_string().unwrap_or_default(),
    )
}

/// `publik --all-tenants serve`: one process for every site; the Host
/// header picks the site, each action link works only under its own host,
/// an unknown host is 404, and a site added while it runs is served.
#[test]
fn one_server_serves_every_site_by_host() {
    let env = Env::new();
    installation(&env);
    let a = site_with_link(&env, "a.example.org");
    let b = site_with_link(&env, "b.example.org");
    let port = common::free_port();
    let served = common::Served {
        base: String::new(),
        child: env
            .command()
            .env("PUBLIK_TENANTS_DIR", env.path("tenants"))
            .args(["--all-tenants", "serve", "--listen", &format!("127.0.0.1:{port}")])
            .spawn()
            .unwrap(),
    };
    common::wait_for_port(port);
    let get = |host: &str, path: &str| get_for_host(port, host, path);
    assert_eq!(get("a.example.org", &a).0, 200);
    assert_eq!(get("B.Example.org:443", &b).0, 200);
    assert_eq!(get("a.example.org", &b).0, 404, "b's link under a's host");
    assert_eq!(get("b.example.org", &a).0, 404, "a's link under b's host");
    let (status, page) = get("c.example.org", &a);
    assert_eq!(status, 404, "an unknown host");
    // Said as such, not as an error to retry later.
    assert!(
        page.contains("Site inconnu") && !page.contains("réessayez"),
        "{page}"
    );
    // A site added while the server runs.
    let c = site_with_link(&env, "c.example.org");
    std::thread::sleep(Duration::from_millis(1100));
    assert_eq!(get("c.example.org", &c).0, 200);
    drop(served);
}

/// A site whose `serve.public_url` names another site's host, and sorts
/// first, does not get it: `tenant check` says so (65) and `serve` refuses
/// it, loudly, serving the site named after the host. A site first met
/// under its default claim is read again when its config changes.
#[test]
fn a_site_cannot_take_another_sites_host_and_changes_are_read_again() {
    let env = Env::new();
    installation(&env);
    let b = site_with_link(&env, "b.example.org");
    site(&env, "a-evil.example.org", None);
    let evil = link_at(&env, "a-evil.example.org", "b.example.org");
    let out = publik(&env).args(["tenant", "check"]).output().unwrap();
    let said = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(out.status.code(), Some(65), "{said}");
    assert!(
        said.contains("a-evil.example.org: serve.public_url: \"b.example.org\" is already b.example.org's"),
        "{said}"
    );
    assert!(said.contains("b.example.org: ok"), "{said}");

    let port = common::free_port();
    let log = env.path("serve.log");
    let served = common::Served {
        base: String::new(),
        child: env
            .command()
            .env("PUBLIK_TENANTS_DIR", env.path("tenants"))
            .args(["--all-tenants", "serve", "--listen", &format!("127.0.0.1:{port}")])
            .stderr(std::fs::File::create(&log).unwrap())
            .spawn()
            .unwrap(),
    };
    common::wait_for_port(port);
    let get = |host: &str, path: &str| get_for_host(port, host, path).0;
    assert_eq!(get("b.example.org", &b), 200, "the real site keeps its host");
    assert_eq!(get("b.example.org", &evil), 404, "the usurper is not served");
    let logged = std::fs::read_to_string(&log).unwrap();
    assert!(
        logged.contains("a-evil.example.org: serve.public_url: \"b.example.org\" is already b.example.org's"),
        "{logged}"
    );

    // Added while serving, first met under its domain, then given its URL.
    site(&env, "late.example.org", None);
    std::thread::sleep(Duration::from_millis(1100));
    assert_eq!(get("late.example.org", "/"), 404, "known, nothing at /");
    let late = link_at(&env, "late.example.org", "demarches.late.example.org");
    std::thread::sleep(Duration::from_millis(1100));
    assert_eq!(get("demarches.late.example.org", &late), 200, "its new host");
    // The usurper, fixed, is served under its own name.
    let own = link_at(&env, "a-evil.example.org", "a-evil.example.org");
    std::thread::sleep(Duration::from_millis(1100));
    assert_eq!(get("a-evil.example.org", &own), 200);
    drop(served);
}

/// Each site has its own link key: a key file named in the main config by
/// an absolute path would be every site's, so the second site is refused at
/// `tenant add` (and left unmade), and by `tenant check`.
#[test]
fn a_link_key_file_is_one_sites_only() {
    let env = Env::new();
    env.write(
        "publik.yaml",
        &format!("serve:\n  link_key_file: {}\n", env.path("link.key").display()),
    );
    site(&env, "a.example.org", None);
    let out = publik(&env)
        .args(["tenant", "add", "b.example.org"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).to_string();
    assert_eq!(out.status.code(), Some(65), "{stderr}");
    assert!(
        stderr.contains("b.example.org: serve.link_key_file:")
            && stderr.contains("is already a.example.org's"),
        "{stderr}"
    );
    assert!(!env.path("tenants/b.example.org").exists());
    // Made by hand: tenant check refuses it.
    std::fs::create_dir(env.path("tenants/b.example.org")).unwrap();
    let out = publik(&env).args(["tenant", "check"]).output().unwrap();
    assert_eq!(out.status.code(), Some(65));
    assert!(String::from_utf8_lossy(&out.stdout).contains("b.example.org: FAILED"));
    // And a cron run for every site refuses it alone (a sends, b would
    // mint tokens a accepts).
    let out = publik(&env)
        .args(["--all-tenants", "send-queue"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).to_string();
    assert_eq!(out.status.code(), Some(65), "{stderr}");
    assert!(
        stderr.contains("error: b.example.org: serve.link_key_file:")
            && stderr.contains("is already a.example.org's"),
        "{stderr}"
    );
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    // A relative path is each site's own file.
    env.write("publik.yaml", "serve:\n  link_key_file: link.key\n");
    publik(&env).args(["tenant", "check"]).assert().success();
}

/// `--all-tenants queue check`: one status line per site, naming it; the
/// exit code is the worst state.
#[test]
fn queue_check_over_every_site() {
    let env = Env::new();
    installation(&env);
    site(&env, "calm.example.org", None);
    site(&env, "late.example.org", None);
    env.write("body.txt", "Bonjour\n");
    publik(&env)
        .env("PUBLIK_NOW", "2026-11-24T08:00:00Z")
        .args([
            "--tenant",
            "late.example.org",
            "enqueue",
            "email",
            "--to",
            "a@example.org",
        ])
        .args(["--subject", "S", "--text", "body.txt"])
        .assert()
        .success();
    let out = publik(&env)
        .env("PUBLIK_NOW", "2026-11-24T08:20:00Z")
        .args(["--all-tenants", "queue", "check"])
        .output()
        .unwrap();
    let lines = String::from_utf8_lossy(&out.stdout).to_string();
    assert_eq!(out.status.code(), Some(1), "{lines}");
    assert!(lines.contains("calm.example.org: PUBLIK QUEUE OK"), "{lines}");
    assert!(
        lines.contains("late.example.org: PUBLIK QUEUE WARNING"),
        "{lines}"
    );
    assert!(out.stderr.is_empty(), "{}", String::from_utf8_lossy(&out.stderr));
}
