//! Workflows and forms: import, create, jump, and the action links the
//! approval email carries (received by a real SMTP server).

mod common;

use common::Env;
use common::smtp::SmtpServer;
use mail_parser::MessageParser;

const EXAMPLE: &str = include_str!("../examples/workflows/approval.yaml");

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
    // The token table keeps SHA-256 hashes only (the queued mail itself still
    // holds the link until it is sent: see the issue note).
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
