//! Workflows and forms: import, create, jump, and the action links the
//! approval email carries (received by a real SMTP server).

use crate::common;

use common::Env;
use common::smtp::SmtpServer;
use mail_parser::MessageParser;

const EXAMPLE: &str = include_str!("../../examples/workflows/approval.yaml");

fn table_rows(env: &Env, table: &str) -> i64 {
    env.counts()
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["table"] == table)
        .unwrap()["rows"]
        .as_i64()
        .unwrap()
}

#[test]
fn the_issue_example_imports_and_runs() {
    let server = SmtpServer::start();
    let env = Env::new();
    env.write(
        "publik.yaml",
        &format!("email:\n  from: \"Mairie <noreply@example.org>\"\n  smtp: {{ host: 127.0.0.1, port: {} }}\nserve:\n  public_url: https://demarches.example.org/\n", server.port()),
    );
    env.write("approval.yaml", EXAMPLE);
    env.publik()
        .args(["workflow", "import", "approval.yaml"])
        .assert()
        .success()
        .stdout("")
        .stderr("");
    assert_eq!(env.json(&["workflow", "list"])[0]["name"], "approval");
    let shown = env.json(&["workflow", "show", "approval"]);
    assert_eq!(shown["statuses"][0]["jumps"][1]["to"], "rejected");

    let created = env.json(&[
        "form",
        "create",
        "--workflow",
        "approval",
        "--name",
        "Demande de salle",
        "--data",
        "salle=B12",
        "--email",
        "citoyen@example.org",
    ]);
    let number = created["number"].as_str().unwrap().to_string();
    assert_eq!(number, "1-1");
    assert_eq!(
        table_rows(&env, "action_tokens"),
        2,
        "one token per button for the one recipient"
    );
    let queued = env.json(&["queue", "show", "1"]);
    assert!(
        queued["content"]["text_preview"]
            .as_str()
            .unwrap()
            .contains("https://demarches.example.org/actions/publik-action-link-"),
        "the queued mail holds a placeholder: {queued}"
    );
    env.publik().arg("send-queue").assert().success();
    let mail = &server.received()[0];
    assert_eq!(mail.rcpt_to, ["maire@example.org"]);
    let parsed = MessageParser::default().parse(&mail.data).unwrap();
    assert_eq!(parsed.subject(), Some("Demande 1-1 à valider"));
    let text = parsed.body_text(0).unwrap().to_string();
    assert!(
        text.starts_with("Demande de salle attend votre décision."),
        "{text}"
    );
    let links: Vec<&str> = text
        .split_whitespace()
        .filter(|w| w.starts_with("https://demarches.example.org/actions/"))
        .collect();
    assert_eq!(links.len(), 2, "{text}");
    assert_ne!(links[0], links[1]);
    assert!(text.contains("[Accepter] https://demarches.example.org/actions/"));
    let token = links[0].trim_end_matches('/').rsplit('/').next().unwrap();
    assert_eq!(token.len(), 43);
    // A copy of the state file (with its WAL) holds no usable link: the
    // queued mail had placeholders, the token table has SHA-256 hashes.
    for link in &links {
        let token = link.trim_end_matches('/').rsplit('/').next().unwrap();
        for suffix in ["", "-wal", "-shm"] {
            let path = format!("{}{suffix}", env.state().display());
            let Ok(bytes) = std::fs::read(&path) else { continue };
            assert!(
                !bytes.windows(token.len()).any(|w| w == token.as_bytes()),
                "{path} holds the token {token}"
            );
        }
    }
    let key_file = format!("{}.link-key", env.state().display());
    use std::os::unix::fs::PermissionsExt;
    assert_eq!(
        std::fs::metadata(&key_file).unwrap().permissions().mode() & 0o777,
        0o600
    );
    use sha2::Digest;
    let hash = sha2::Sha256::digest(token.as_bytes()).to_vec();
    let conn = rusqlite::Connection::open(env.state()).unwrap();
    let found: i64 = conn
        .query_row(
            "SELECT count(*) FROM action_tokens WHERE token_hash = ?1 AND jump = 'accept'",
            [&hash],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(found, 1);
    drop(conn);

    // A jump the status does not offer changes nothing.
    let before = env.counts();
    let out = env
        .publik()
        .args(["form", "jump", &number, "archive", "--actor", "agent"])
        .assert()
        .code(65);
    assert!(String::from_utf8_lossy(&out.get_output().stderr).contains("offered: accept, reject"));
    env.publik()
        .args(["form", "jump", "9-9", "accept", "--actor", "agent"])
        .assert()
        .code(65);
    assert_eq!(env.counts(), before);

    env.publik()
        .args(["form", "jump", &number, "accept", "--actor", "Mme la maire"])
        .assert()
        .success()
        .stdout("");
    let form = env.json(&["form", "show", &number]);
    assert_eq!(form["status"], "accepted");
    assert_eq!(form["status_label"], "Acceptée");
    assert_eq!(form["data"]["salle"], "B12");
    let history = form["history"].as_array().unwrap();
    assert_eq!(history.len(), 2);
    assert_eq!(history[1]["from"], "waiting");
    assert_eq!(history[1]["jump"], "accept");
    assert_eq!(history[1]["actor"], "Mme la maire");
    env.publik()
        .args(["form", "jump", &number, "reject", "--actor", "agent"])
        .assert()
        .code(65);
    assert_eq!(
        env.json(&["form", "list", "--status", "accepted"])
            .as_array()
            .unwrap()
            .len(),
        1
    );
}

#[test]
fn import_errors_name_the_path() {
    let env = Env::new();
    let cases = [
        (
            EXAMPLE.replace("to: rejected", "to: rejectd"),
            "statuses[0].jumps[1].to: unknown status \"rejectd\"",
        ),
        (
            EXAMPLE.replace("id: reject,", "id: accept,"),
            "statuses[0].jumps[1].id: duplicate jump",
        ),
        (
            EXAMPLE
                .replace(
                    "{ id: rejected, label: Refusée }",
                    "{ id: accepted, label: Refusée }",
                )
                .replace("to: rejected", "to: accepted"),
            "statuses[2].id: duplicate status",
        ),
        (
            EXAMPLE.replace("{{ form.number }}", "{{ form.number"),
            "statuses[0].on_enter[0].email.subject",
        ),
        (EXAMPLE.replace("label=\"Refuser\"", ""), "needs a label"),
        (
            EXAMPLE.replace("initial: waiting", "initial: nowhere"),
            "initial: unknown status",
        ),
        (
            EXAMPLE.replace(
                "label: Validation du maire",
                "label: Validation du maire\ncolour: blue",
            ),
            "line",
        ),
    ];
    for (yaml, needle) in cases {
        env.write("bad.yaml", &yaml);
        let out = env
            .publik()
            .args(["workflow", "import", "bad.yaml"])
            .assert()
            .code(65);
        let stderr = String::from_utf8_lossy(&out.get_output().stderr).to_string();
        assert!(stderr.contains(needle), "{needle} not in {stderr}");
    }
    assert!(env.json(&["workflow", "list"]).as_array().unwrap().is_empty());
}

/// A workflow file is read under bounds: an alias bomb (a 1 MB anchor and
/// 3 000 aliases) and 100 000 nested `[` under `on_enter` are refused naming
/// the file, in a few MB, and nothing is imported.
#[test]
fn workflow_yaml_bombs_are_refused_in_bounded_memory() {
    let env = Env::new();
    env.write("publik.yaml", "");
    let mut bomb = format!(
        "name: bomb\nlabel: &big {}\ninitial: a\nstatuses:\n  - id: a\n    label: A\n    on_enter:\n",
        "x".repeat(1 << 20)
    );
    for _ in 0..3000 {
        bomb.push_str("      - email: { to: [\"a@example.org\"], subject: *big, text: *big }\n");
    }
    env.write("bomb.yaml", &bomb);
    let deep = format!(
        "name: deep\nlabel: Deep\ninitial: a\nstatuses:\n  - id: a\n    label: A\n    on_enter: {}\n",
        "[".repeat(100_000)
    );
    env.write("deep.yaml", &deep);
    for (file, needle) in [
        ("bomb.yaml", "once aliases are expanded"),
        ("deep.yaml", "deep.yaml line 7: "),
    ] {
        let stderr_file = env.path("stderr.txt");
        let mut cmd = env.command();
        cmd.args(["workflow", "import", file])
            .stderr(std::fs::File::create(&stderr_file).unwrap());
        let (status, peak_kb) = common::run_with_peak_memory(cmd);
        let stderr = std::fs::read_to_string(&stderr_file).unwrap();
        assert_eq!(status.code(), Some(65), "{stderr}");
        assert!(stderr.contains(file) && stderr.contains(needle), "{stderr}");
        assert_eq!(stderr.lines().count(), 1, "{stderr}");
        assert!(peak_kb < 64 << 10, "{file}: peak RSS {peak_kb} kB");
    }
    assert!(env.json(&["workflow", "list"]).as_array().unwrap().is_empty());
}

/// The approval workflow, where accepting also mails the citizen.
pub(crate) fn story_workflow(env: &Env, port: u16) {
    env.write(
        "publik.yaml",
        &format!(
            "email:\n  from: \"Mairie <noreply@example.org>\"\n  smtp: {{ host: 127.0.0.1, port: {port} }}\nserve:\n  public_url: https://demarches.example.org\n{}",
            env.serve_config()
        ),
    );
    let workflow = EXAMPLE.replace(
        "            {{ action_button(\"reject\", label=\"Refuser\") }}\n",
        "            {{ action_button(\"reject\", label=\"Refuser\") }}\n          html: \"<p>{{ form.name }}</p>{{ action_button('accept', label='Accepter') }}{{ action_button('reject', label='Refuser') }}\"\n",
    )
    .replace(
        "  - { id: accepted, label: Acceptée }",
        "  - id: accepted\n    label: Acceptée\n    on_enter:\n      - email:\n          to: [\"{{ form.email }}\"]\n          subject: \"Votre demande {{ form.number }} est acceptée\"\n          text: \"Bonne nouvelle.\"",
    );
    env.write("approval.yaml", &workflow);
    env.publik()
        .args(["workflow", "import", "approval.yaml"])
        .assert()
        .success();
}

/// A form of the story workflow; returns its number.
pub(crate) fn create_form(env: &Env, name: &str, email: Option<&str>) -> String {
    let mut args = vec!["form", "create", "--workflow", "approval", "--name", name];
    if let Some(email) = email {
        args.extend(["--email", email]);
    }
    env.json(&args)["number"].as_str().unwrap().to_string()
}

pub(crate) fn links_in(mail: &common::smtp::Received) -> Vec<String> {
    let parsed = MessageParser::default().parse(&mail.data).unwrap();
    let text = parsed.body_text(0).unwrap().to_string();
    text.split_whitespace()
        .filter(|w| w.starts_with("https://demarches.example.org/actions/"))
        .map(str::to_string)
        .collect()
}

#[test]
fn the_whole_story_through_the_landing_page() {
    let server = SmtpServer::start();
    let env = Env::new();
    story_workflow(&env, server.port());
    let number = create_form(&env, "Salle des fêtes", Some("citoyen@example.org"));
    env.publik().arg("send-queue").assert().success();
    let links = links_in(&server.received()[0]);
    assert_eq!(links.len(), 2);
    // The HTML part has the same two links as styled buttons, side by side.
    let received = server.received();
    let parsed = MessageParser::default().parse(&received[0].data).unwrap();
    let html = parsed.body_html(0).unwrap().to_string();
    assert!(html.starts_with("<p>Salle des fêtes</p>"), "{html}");
    for link in &links {
        assert!(
            html.contains(&format!("<a href=\"{link}\"")),
            "{link} not in {html}"
        );
    }
    assert_eq!(html.matches("<table role=\"presentation\"").count(), 2);
    assert!(html.contains("display:inline-table"));
    let accept = links[0].replace("https://demarches.example.org", "");
    let served = env.serve();
    let base = served.base.clone();
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .build()
        .into();

    let mut page = agent.get(&format!("{base}{accept}")).call().unwrap();
    assert_eq!(page.status().as_u16(), 200);
    assert_eq!(page.headers().get("referrer-policy").unwrap(), "no-referrer");
    let html = common::html_of(&mut page);
    assert!(
        html.contains("Salle des fêtes")
            && html.contains("Please confirm action.")
            && html.contains("Accepter"),
        "{html}"
    );
    assert_eq!(
        agent
            .head(&format!("{base}{accept}"))
            .call()
            .unwrap()
            .status()
            .as_u16(),
        200
    );
    assert_eq!(
        env.json(&["form", "show", &number])["status"],
        "waiting",
        "GET and HEAD never act"
    );

    let mut done = agent.post(&format!("{base}{accept}")).send("").unwrap();
    assert_eq!(done.status().as_u16(), 200);
    assert!(common::html_of(&mut done).contains("Done."));
    let form = env.json(&["form", "show", &number]);
    assert_eq!(form["status"], "accepted");
    assert_eq!(
        form["history"][1]["actor"], "maire@example.org",
        "the history names the link's recipient"
    );
    let queued = env.json(&["queue", "list", "--to", "citoyen@example.org"]);
    assert_eq!(
        queued.as_array().unwrap().len(),
        1,
        "the next status's email is queued"
    );

    let mut again = agent.post(&format!("{base}{accept}")).send("").unwrap();
    assert_eq!(again.status().as_u16(), 404);
    assert!(common::html_of(&mut again).contains("This action link has already been used or has expired."));
    let reject = links[1].replace("https://demarches.example.org", "");
    let mut stale = agent.get(&format!("{base}{reject}")).call().unwrap();
    assert!(
        common::html_of(&mut stale).contains("This action link is no longer valid."),
        "the form left the status"
    );
}

#[test]
fn run_jump_checks_every_way_a_link_dies() {
    let server = SmtpServer::start();
    let env = Env::new();
    story_workflow(&env, server.port());
    let create = || create_form(&env, "Demande", Some("citoyen@example.org"));
    let issue = |number: &str, extra: &[&str]| {
        let mut args = vec!["issue-action-token", "--form", number, "--action", "accept"];
        args.extend_from_slice(extra);
        env.json(&args)
    };
    let stderr_of = |args: &[&str]| {
        let out = env.publik().args(args).assert().code(65);
        String::from_utf8_lossy(&out.get_output().stderr).to_string()
    };

    // Used once, then "already used".
    let first = create();
    let link = issue(&first, &["--recipient", "adjoint@example.org"]);
    assert!(
        link["url"]
            .as_str()
            .unwrap()
            .starts_with("https://demarches.example.org/actions/")
    );
    env.publik()
        .args(["run-jump", link["url"].as_str().unwrap()])
        .assert()
        .success()
        .stdout("");
    assert_eq!(
        env.json(&["form", "show", &first])["history"][1]["actor"],
        "adjoint@example.org"
    );
    assert!(
        stderr_of(&["run-jump", link["token"].as_str().unwrap()])
            .contains("already been used or has expired")
    );

    // Expired.
    let second = create();
    let short = issue(&second, &["--ttl", "1h"]);
    let later = (chrono::Utc::now() + chrono::Duration::hours(2)).to_rfc3339();
    let out = env
        .publik()
        .env("PUBLIK_NOW", &later)
        .args(["run-jump", short["token"].as_str().unwrap()])
        .assert()
        .code(65);
    assert!(String::from_utf8_lossy(&out.get_output().stderr).contains("already been used or has expired"));

    // The form left the status (an operator jumped first).
    let left = issue(&second, &[]);
    env.publik()
        .args(["form", "jump", &second, "reject", "--actor", "agent"])
        .assert()
        .success();
    assert!(
        stderr_of(&["run-jump", left["token"].as_str().unwrap()])
            .contains("This action link is no longer valid.")
    );

    // The form was deleted.
    let third = create();
    let orphan = issue(&third, &[]);
    env.publik().args(["form", "delete", &third]).assert().success();
    assert!(
        stderr_of(&["run-jump", orphan["token"].as_str().unwrap()])
            .contains("attached form has been removed")
    );

    // Tampered and malformed tokens; lifetimes over a year; jumps not offered.
    let fourth = create();
    let good = issue(&fourth, &[])["token"].as_str().unwrap().to_string();
    let tampered = format!("{}{}", &good[..42], if good.ends_with('A') { "B" } else { "A" });
    assert!(stderr_of(&["run-jump", &tampered]).contains("This action link is no longer valid."));
    assert!(stderr_of(&["run-jump", "not-a-token"]).contains("This action link is no longer valid."));
    assert!(
        stderr_of(&[
            "issue-action-token",
            "--form",
            &fourth,
            "--action",
            "accept",
            "--ttl",
            "366d"
        ])
        .contains("365d")
    );
    assert!(
        stderr_of(&["issue-action-token", "--form", &fourth, "--action", "archive"]).contains("--action")
    );
    assert_eq!(env.json(&["form", "show", &fourth])["status"], "waiting");
}

#[test]
fn concurrent_confirmations_jump_once() {
    let server = SmtpServer::start();
    let env = Env::new();
    story_workflow(&env, server.port());
    let number = create_form(&env, "Demande", Some("citoyen@example.org"));
    let token = env.json(&["issue-action-token", "--form", &number, "--action", "accept"])["token"]
        .as_str()
        .unwrap()
        .to_string();
    let children: Vec<_> = (0..4)
        .map(|_| {
            env.command()
                .args(["run-jump", &token])
                .stderr(std::process::Stdio::null())
                .spawn()
                .unwrap()
        })
        .collect();
    let successes = children
        .into_iter()
        .filter_map(|mut c| c.wait().ok())
        .filter(|s| s.success())
        .count();
    assert_eq!(successes, 1, "exactly one jump");
    let form = env.json(&["form", "show", &number]);
    assert_eq!(form["history"].as_array().unwrap().len(), 2);
    assert_eq!(
        env.json(&["queue", "list", "--to", "citoyen@example.org"])
            .as_array()
            .unwrap()
            .len(),
        1
    );
}

/// Tokens are base64url: one may start with "-", which must not read as an option.
#[test]
fn a_token_starting_with_a_dash_is_a_token() {
    let env = Env::new();
    env.publik()
        .args(["run-jump", "-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"])
        .assert()
        .code(65);
    env.publik()
        .args([
            "group",
            "unsubscribe",
            "--token",
            "-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        ])
        .assert()
        .code(65);
}

/// POSTs to every URL at once, one thread each: (status, page) in order.
pub(crate) fn post_at_once(urls: &[String]) -> Vec<(u16, String)> {
    std::thread::scope(|scope| {
        let posts: Vec<_> = urls
            .iter()
            .map(|url| {
                scope.spawn(move || {
                    let agent: ureq::Agent = ureq::Agent::config_builder()
                        .http_status_as_error(false)
                        .build()
                        .into();
                    let mut answer = agent.post(url).send("").unwrap();
                    let status = answer.status().as_u16();
                    (status, common::html_of(&mut answer))
                })
            })
            .collect();
        posts.into_iter().map(|p| p.join().unwrap()).collect()
    })
}

/// Two `serve` processes (two hosts behind one name) on one state, the
/// same link posted to both at once: one jump, whatever the store.
fn two_servers_racing_on_one_link_jump_once(kind: common::Kind) {
    let server = SmtpServer::start();
    let env = Env::on(kind);
    story_workflow(&env, server.port());
    let number = create_form(&env, "Demande", Some("citoyen@example.org"));
    env.publik().arg("send-queue").assert().success();
    let accept = links_in(&server.received()[0])[0].replace("https://demarches.example.org", "");
    let (first, second) = (env.serve(), env.serve());
    let urls: Vec<String> = (0..8)
        .map(|i| {
            let base = if i % 2 == 0 { &first.base } else { &second.base };
            format!("{base}{accept}")
        })
        .collect();
    let statuses: Vec<u16> = post_at_once(&urls)
        .into_iter()
        .map(|(status, _)| status)
        .collect();
    assert_eq!(statuses.iter().filter(|s| **s == 200).count(), 1, "{statuses:?}");
    assert!(statuses.iter().all(|s| *s == 200 || *s == 404), "{statuses:?}");
    let form = env.json(&["form", "show", &number]);
    assert_eq!(form["status"], "accepted");
    assert_eq!(form["history"].as_array().unwrap().len(), 2);
    // The accepted status's one mail, queued once.
    assert_eq!(
        env.json(&["queue", "list", "--status", "pending"])
            .as_array()
            .unwrap()
            .len(),
        1
    );
}

#[test]
fn two_servers_racing_on_one_link_jump_once_on_sqlite() {
    two_servers_racing_on_one_link_jump_once(common::Kind::Sqlite);
}

#[test]
fn two_servers_racing_on_one_link_jump_once_on_postgresql() {
    two_servers_racing_on_one_link_jump_once(common::Kind::Postgres);
}

#[test]
fn concurrent_posts_to_the_page_jump_once() {
    let server = SmtpServer::start();
    let env = Env::new();
    story_workflow(&env, server.port());
    let number = create_form(&env, "Demande", None);
    env.publik().arg("send-queue").assert().success();
    let accept = links_in(&server.received()[0])[0].replace("https://demarches.example.org", "");
    let served = env.serve();
    let url = format!("{}{accept}", served.base);
    let answers = post_at_once(&vec![url; 8]);
    let done: Vec<_> = answers.iter().filter(|(status, _)| *status == 200).collect();
    assert_eq!(done.len(), 1, "exactly one jump: {answers:?}");
    assert!(done[0].1.contains("Done."));
    for (status, page) in answers.iter().filter(|(status, _)| *status != 200) {
        assert_eq!(*status, 404);
        assert!(page.contains("already been used"), "{page}");
    }
    let form = env.json(&["form", "show", &number]);
    assert_eq!(form["status"], "accepted");
    assert_eq!(form["history"].as_array().unwrap().len(), 2);
}

#[test]
fn a_lost_or_changed_link_key_fails_the_mail_until_restored() {
    let server = SmtpServer::start();
    let env = Env::new();
    story_workflow(&env, server.port());
    let create = |name: &str| create_form(&env, name, None);
    let first = create("Salle B12");
    let key_file = format!("{}.link-key", env.state().display());
    let kept = format!("{key_file}.kept");
    std::fs::rename(&key_file, &kept).unwrap();
    env.publik().arg("send-queue").assert().success();
    assert!(server.received().is_empty());
    let failed = env.json(&["queue", "list", "--status", "failed"]);
    let error = failed[0]["last_error"].as_str().unwrap();
    assert!(
        error.contains(&key_file) && error.contains("action links"),
        "{error}"
    );

    // Restored, the mail goes out with links that work.
    std::fs::rename(&kept, &key_file).unwrap();
    env.publik()
        .args(["queue", "requeue", "--status", "failed"])
        .assert()
        .success();
    env.publik().arg("send-queue").assert().success();
    let links = links_in(&server.received()[0]);
    env.publik().args(["run-jump", &links[1]]).assert().success();
    assert_eq!(env.json(&["form", "show", &first])["status"], "rejected");

    // Another key (a new machine without the old key file): refused, named.
    create("Salle C3");
    let other = Env::new();
    other.publik().args(["init", "--dir", "."]).assert().success();
    std::fs::copy(format!("{}.link-key", other.state().display()), &key_file).unwrap();
    env.publik().arg("send-queue").assert().success();
    assert_eq!(server.received().len(), 1);
    let failed = env.json(&["queue", "list", "--status", "failed"]);
    let error = failed[0]["last_error"].as_str().unwrap();
    assert!(error.contains("another link key"), "{error}");
}

/// A form number is never given twice: a link to a deleted form must never
/// act on the form created after it.
#[test]
fn an_old_link_never_acts_on_a_new_form() {
    let server = SmtpServer::start();
    let env = Env::new();
    story_workflow(&env, server.port());
    let first = create_form(&env, "Première", None);
    let token = env.json(&["issue-action-token", "--form", &first, "--action", "accept"])["token"]
        .as_str()
        .unwrap()
        .to_string();
    env.publik().args(["form", "delete", &first]).assert().success();
    let second = create_form(&env, "Seconde", None);
    assert_ne!(second, first, "a deleted form's number is not given again");
    let out = env.publik().args(["run-jump", &token]).assert().code(65);
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).to_string();
    assert!(stderr.contains("attached form has been removed"), "{stderr}");
    assert_eq!(env.json(&["form", "show", &second])["status"], "waiting");
}

const SMS_GATEWAY: &str = "sms:\n  default_country: FR\n  gateway:\n    url: http://127.0.0.1:9/send\n    fields: { to: \"{to}\", text: \"{text}\" }\n";

/// The approval workflow whose waiting status also texts the mayor.
fn sms_workflow(env: &Env) -> std::path::PathBuf {
    env.write(
        "sms.yaml",
        &EXAMPLE.replace(
            "    on_enter:\n",
            "    on_enter:\n      - sms:\n          to: [\"06 12 34 56 78\"]\n          text: \"Demande {{ form.number }}\"\n",
        ),
    )
}

/// An action whose channel is not configured is refused at import, and at
/// the jump if the config lost it since: nothing queued that cannot be sent.
#[test]
fn an_action_on_an_unconfigured_channel_is_refused() {
    let env = Env::new();
    env.write(
        "publik.yaml",
        "serve:\n  public_url: https://demarches.example.org\n",
    );
    sms_workflow(&env);
    let out = env
        .publik()
        .args(["workflow", "import", "sms.yaml"])
        .assert()
        .code(65);
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).to_string();
    assert!(stderr.contains("statuses[0].on_enter[0].sms"), "{stderr}");
    assert!(stderr.contains("sms.gateway is not configured"), "{stderr}");
    assert!(env.json(&["workflow", "list"]).as_array().unwrap().is_empty());

    env.write("publik.yaml", SMS_GATEWAY);
    env.publik()
        .args(["workflow", "import", "sms.yaml"])
        .assert()
        .success();
    env.write(
        "publik.yaml",
        "serve:\n  public_url: https://demarches.example.org\n",
    );
    let before = env.counts();
    let out = env
        .publik()
        .args(["form", "create", "--workflow", "approval", "--name", "Demande"])
        .assert()
        .code(65);
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).to_string();
    assert!(stderr.contains("sms.gateway is not configured"), "{stderr}");
    assert_eq!(env.counts(), before, "nothing changed");
}

/// A channel that cannot send holds its rows with the reason, and the other
/// channels still go out; its rows never sit in `sending` waiting for a lease.
#[test]
fn a_channel_that_cannot_send_holds_its_rows_and_the_others_go_out() {
    let server = SmtpServer::start();
    let env = Env::new();
    env.write("publik.yaml", SMS_GATEWAY);
    env.publik()
        .args(["enqueue", "sms", "--to", "0612345678", "--text", "Bonjour"])
        .assert()
        .success();
    env.write(
        "publik.yaml",
        &format!(
            "email:\n  from: \"Mairie <noreply@example.org>\"\n  smtp: {{ host: 127.0.0.1, port: {} }}\n",
            server.port()
        ),
    );
    env.write("body.txt", "Bonjour\n");
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
        .assert()
        .success();
    for run in 0..2 {
        let out = env.publik().arg("send-queue").assert().code(1);
        let stderr = String::from_utf8_lossy(&out.get_output().stderr).to_string();
        assert!(
            stderr.contains("sms: cannot send: sms.gateway is not configured"),
            "{stderr}"
        );
        assert_eq!(
            stderr.lines().filter(|l| l.contains("error")).count(),
            1,
            "said once: {stderr}"
        );
        let sms = env.json(&["queue", "list", "--channel", "sms"]);
        assert_eq!(sms[0]["status"], "pending", "run {run}");
        assert_eq!(sms[0]["attempts"], 0, "run {run}: no attempt counted");
    }
    assert_eq!(server.count(), 1, "the email went out");
    let id = env.json(&["queue", "list", "--channel", "sms"])[0]["id"]
        .as_i64()
        .unwrap();
    let shown = env.json(&["queue", "show", &id.to_string()]);
    assert!(
        shown.to_string().contains("sms.gateway is not configured"),
        "{shown}"
    );
}

/// `purge-tokens` (nightly cron) deletes expired links and links used
/// longer ago than the grace period; the others keep working.
#[test]
fn purge_tokens_deletes_dead_links_only() {
    let server = SmtpServer::start();
    let env = Env::new();
    story_workflow(&env, server.port());
    let token = |number: &str, ttl: &str| {
        env.json(&[
            "issue-action-token",
            "--form",
            number,
            "--action",
            "accept",
            "--ttl",
            ttl,
        ])["token"]
            .as_str()
            .unwrap()
            .to_string()
    };
    let (first, second, third) = (
        create_form(&env, "A", None),
        create_form(&env, "B", None),
        create_form(&env, "C", None),
    );
    let expiring = token(&first, "1h");
    let used = token(&second, "7d");
    let alive = token(&third, "7d");
    env.publik().args(["run-jump", &used]).assert().success();
    let rows = || table_rows(&env, "action_tokens");
    // Three issued here, and the two buttons of each form's email (3 days).
    assert_eq!(rows(), 9);
    env.publik()
        .arg("purge-tokens")
        .assert()
        .success()
        .stdout("")
        .stderr("");
    assert_eq!(rows(), 9, "nothing expired, the used one is in its grace period");
    let later = (chrono::Utc::now() + chrono::Duration::days(2)).to_rfc3339();
    let out = env
        .publik()
        .env("PUBLIK_NOW", &later)
        .args(["--json", "purge-tokens", "--used-before", "1d"])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_eq!(
        serde_json::from_slice::<serde_json::Value>(&out.stdout).unwrap()["deleted"],
        2
    );
    assert_eq!(rows(), 7);
    let out = env.publik().args(["run-jump", &expiring]).assert().code(65);
    assert!(String::from_utf8_lossy(&out.get_output().stderr).contains("no longer valid"));
    env.publik().args(["run-jump", &alive]).assert().success();
}
