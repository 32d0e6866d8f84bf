//! Newsletters: groups, CSV import, templates, fan-out to the queue, and
//! one-click unsubscribe links, with a real SMTP server on 127.0.0.1.

use crate::common;

use common::Env;
use common::smtp::SmtpServer;
use mail_parser::MessageParser;

fn stderr(out: &assert_cmd::assert::Assert) -> String {
    String::from_utf8_lossy(&out.get_output().stderr).to_string()
}

fn setup(env: &Env, port: u16) {
    env.write(
        "publik.yaml",
        &format!(
            "email:\n  from: \"Mairie <noreply@example.org>\"\n  smtp: {{ host: 127.0.0.1, port: {port} }}\nnewsletter:\n  unsubscribe_mailto: desabonnement@example.org\nserve:\n  public_url: https://demarches.example.org/\n"
        ),
    );
}

#[test]
fn groups_and_csv_import() {
    let env = Env::new();
    env.publik()
        .args([
            "group",
            "create",
            "quartier-nord",
            "--label",
            "Habitants du quartier Nord",
        ])
        .assert()
        .success()
        .stdout("");
    env.publik()
        .args(["group", "create", "quartier-nord", "--label", "again"])
        .assert()
        .code(65);
    env.publik()
        .args(["group", "create", "Bad Slug", "--label", "x"])
        .assert()
        .code(65);
    env.write(
        "members.csv",
        "email,name,rue\nalice@example.org,Alice Martin,rue des Lilas\nnot-an-address,Bob,rue X\n\"carole@example.org\",\"Carole, la voisine\",place du Marché\nalice@example.org,Alice again,\n",
    );
    let before = env.counts();
    let out = env
        .publik()
        .args(["group", "import", "quartier-nord", "members.csv"])
        .assert()
        .code(65);
    let message = stderr(&out);
    assert!(
        message.contains("line 3")
            && message.contains("not-an-address")
            && message.contains("nothing imported"),
        "{message}"
    );
    assert_eq!(env.counts(), before, "a bad line imports nothing");

    let report = env.json(&[
        "group",
        "import",
        "quartier-nord",
        "members.csv",
        "--skip-invalid",
    ]);
    assert_eq!(report["added"], 2);
    assert_eq!(report["already"], 1, "duplicate ignored");
    assert_eq!(report["invalid"][0]["line"], 3);
    let members = env.json(&["group", "members", "quartier-nord"]);
    assert_eq!(members.as_array().unwrap().len(), 2);
    assert_eq!(members[1]["attributes"]["name"], "Carole, la voisine");
    assert_eq!(members[1]["attributes"]["rue"], "place du Marché");

    env.write(
        "list.txt",
        "# one per line\ndavid@example.org\n\nCAROLE@example.org\n",
    );
    let report = env.json(&["group", "import", "quartier-nord", "list.txt"]);
    assert_eq!(
        (report["added"].as_i64(), report["already"].as_i64()),
        (Some(1), Some(1))
    );
    env.publik()
        .args(["group", "add", "quartier-nord", "emma@example.org", "bad@"])
        .assert()
        .code(65);
    env.publik()
        .args(["group", "add", "quartier-nord", "emma@example.org"])
        .assert()
        .success();
    env.publik()
        .args(["group", "remove", "quartier-nord", "david@example.org"])
        .assert()
        .success();
    let groups = env.json(&["group", "list"]);
    assert_eq!(groups[0]["slug"], "quartier-nord");
    assert_eq!(groups[0]["active"], 3);
    env.publik().args(["group", "members", "nope"]).assert().code(65);
}

#[test]
fn template_errors_are_reported_when_added() {
    let env = Env::new();
    env.write(
        "bad.txt",
        "Bonjour {{ recipient.name }},\n{{ recipient.name | shout }}\n",
    );
    let out = env
        .publik()
        .args([
            "template",
            "add",
            "info",
            "--subject",
            "Info",
            "--text",
            "bad.txt",
        ])
        .assert()
        .code(65);
    let message = stderr(&out);
    assert!(
        message.contains("--text") && message.contains("line 2") && message.contains("shout"),
        "{message}"
    );
    env.write("syntax.txt", "{% for x in %}\n");
    env.publik()
        .args([
            "template",
            "add",
            "info",
            "--subject",
            "Info",
            "--text",
            "syntax.txt",
        ])
        .assert()
        .code(65);
    env.publik()
        .args([
            "template",
            "add",
            "info",
            "--subject",
            "{{ oops",
            "--text",
            "syntax.txt",
        ])
        .assert()
        .code(65);
    assert_eq!(env.json(&["template", "list"]).as_array().unwrap().len(), 0);

    env.write(
        "ok.txt",
        "Bonjour {{ recipient.name }},\nla {{ event }} aura lieu le {{ date }}.\n",
    );
    env.write(
        "ok.html",
        "<p>Bonjour {{ recipient.name }}, la {{ event }} aura lieu.</p>",
    );
    env.publik()
        .args([
            "template",
            "add",
            "info",
            "--subject",
            "{{ event|title }} : {{ group.label }}",
            "--text",
            "ok.txt",
            "--html",
            "ok.html",
        ])
        .assert()
        .success();
    let preview = env.json(&[
        "template",
        "render",
        "info",
        "--to",
        "zoe@example.org",
        "--var",
        "event=fête des voisins",
        "--var",
        "date=samedi",
    ]);
    assert_eq!(preview["subject"], "Fête Des Voisins : Sample group");
    assert!(
        preview["text"]
            .as_str()
            .unwrap()
            .contains("la fête des voisins aura lieu le samedi.")
    );
    let shown = env.json(&["template", "show", "info"]);
    assert_eq!(
        shown["text"],
        "Bonjour {{ recipient.name }},\nla {{ event }} aura lieu le {{ date }}.\n"
    );
}

#[test]
fn newsletter_fans_out_and_unsubscribe_links_work() {
    let server = SmtpServer::start();
    let env = Env::new();
    setup(&env, server.port());
    env.publik()
        .args(["group", "create", "nord", "--label", "Quartier Nord"])
        .assert()
        .success();
    env.write(
        "members.csv",
        "email;name\nalice@example.org;Alice\nbob@example.org;Bob\ncarole@example.org;Carole\n",
    );
    env.publik()
        .args(["group", "import", "nord", "members.csv"])
        .assert()
        .success();
    env.write(
        "letter.txt",
        "Bonjour {{ recipient.name }},\n{{ news }}\nSe désabonner : {{ unsubscribe_url }}\n",
    );
    env.write(
        "letter.html",
        "<p>Bonjour {{ recipient.name }}</p><p>{{ news }}</p>",
    );
    env.publik()
        .args([
            "template",
            "add",
            "lettre",
            "--subject",
            "Lettre du {{ group.label }}",
            "--text",
            "letter.txt",
            "--html",
            "letter.html",
        ])
        .assert()
        .success();

    let report = env.json(&[
        "newsletter",
        "send",
        "--template",
        "lettre",
        "--group",
        "nord",
        "--var",
        "news=Travaux rue <Haute> & place",
    ]);
    assert_eq!(report["queued"], 3);
    let tables = env.counts();
    let rows = |name: &str| {
        tables
            .as_array()
            .unwrap()
            .iter()
            .find(|t| t["table"] == name)
            .unwrap()["rows"]
            .as_i64()
            .unwrap()
    };
    assert_eq!(rows("bodies"), 1, "the body is stored once");
    assert_eq!(rows("messages"), 3);

    env.publik()
        .arg("send-queue")
        .assert()
        .success()
        .stdout("")
        .stderr("");
    let received = server.received();
    assert_eq!(received.len(), 3);
    let mut tokens = Vec::new();
    for mail in &received {
        let parsed = MessageParser::default().parse(&mail.data).unwrap();
        let rcpt = &mail.rcpt_to[0];
        let name = match rcpt.as_str() {
            "alice@example.org" => "Alice",
            "bob@example.org" => "Bob",
            _ => "Carole",
        };
        assert_eq!(parsed.subject(), Some("Lettre du Quartier Nord"));
        let text = parsed.body_text(0).unwrap().replace("\r\n", "\n");
        assert!(
            text.starts_with(&format!("Bonjour {name},\nTravaux rue <Haute> & place\n")),
            "{text}"
        );
        assert_eq!(
            parsed.body_html(0).unwrap(),
            format!("<p>Bonjour {name}</p><p>Travaux rue &lt;Haute&gt; &amp; place</p>")
        );
        let list = parsed.header_raw("List-Unsubscribe").unwrap().trim().to_string();
        let url_start = list
            .find("<https://demarches.example.org/unsubscribe/")
            .expect("https link");
        let token: String = list[url_start + "<https://demarches.example.org/unsubscribe/".len()..]
            .chars()
            .take_while(|c| *c != '>')
            .collect();
        assert_eq!(token.len(), 43);
        assert!(
            list.contains(&format!(
                "<mailto:desabonnement@example.org?subject=unsubscribe%20{token}>"
            )),
            "{list}"
        );
        assert!(
            text.contains(&format!("https://demarches.example.org/unsubscribe/{token}")),
            "{list:?} {text}"
        );
        assert_eq!(
            parsed.header_raw("List-Unsubscribe-Post").map(str::trim),
            Some("List-Unsubscribe=One-Click")
        );
        tokens.push((rcpt.clone(), token));
    }
    let unique: std::collections::HashSet<_> = tokens.iter().map(|(_, t)| t.clone()).collect();
    assert_eq!(unique.len(), 3, "one token per row");

    let (who, token) = tokens.iter().find(|(r, _)| r == "bob@example.org").unwrap();
    let done = env.json(&["group", "unsubscribe", "--token", token]);
    assert_eq!(
        (done["email"].as_str(), done["changed"].as_bool()),
        (Some(who.as_str()), Some(true))
    );
    assert_eq!(
        env.json(&["group", "unsubscribe", "--token", token])["changed"],
        false
    );
    let before = env.counts();
    env.publik()
        .args(["group", "unsubscribe", "--token", "x".repeat(43).as_str()])
        .assert()
        .code(65);
    env.publik()
        .args(["group", "unsubscribe", "--token", "short"])
        .assert()
        .code(65);
    assert_eq!(env.counts(), before);
    let unsubscribed = env.json(&["group", "members", "nord", "--status", "unsubscribed"]);
    assert_eq!(unsubscribed[0]["email"], "bob@example.org");
    // Re-importing Bob does not subscribe him again.
    env.publik()
        .args(["group", "import", "nord", "members.csv"])
        .assert()
        .success();

    let report = env.json(&["newsletter", "send", "--template", "lettre", "--group", "nord"]);
    assert_eq!(report["queued"], 2, "unsubscribed members are skipped");
    env.publik().arg("send-queue").assert().success();
    let second: Vec<String> = server.received()[3..]
        .iter()
        .map(|m| m.rcpt_to[0].clone())
        .collect();
    assert!(!second.contains(&"bob@example.org".to_string()));

    env.publik()
        .args(["newsletter", "send", "--template", "nope", "--group", "nord"])
        .assert()
        .code(65);
    env.publik()
        .args(["newsletter", "send", "--template", "lettre", "--group", "sud"])
        .assert()
        .code(65);
}

/// As for action links: a copy of the state (with its WAL) yields no working
/// unsubscribe link; `queue show` shows a placeholder; the outbox's `.eml`
/// files, which carry live links, are readable by their owner only.
#[test]
fn unsubscribe_tokens_stay_out_of_the_state() {
    let env = Env::new();
    common::queue_newsletter(&env, "Bonjour\nSe désabonner : {{ unsubscribe_url }}\n");
    let id = env.json(&["queue", "list"])[0]["id"]
        .as_i64()
        .unwrap()
        .to_string();
    let shown = env.publik().args(["queue", "show", &id]).output().unwrap();
    let shown = String::from_utf8_lossy(&shown.stdout).to_string();
    assert!(shown.contains("/unsubscribe/publik-unsubscribe-"), "{shown}");
    env.publik().arg("send-queue").assert().success();

    let eml = std::fs::read_dir(env.path("outbox"))
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    use std::os::unix::fs::PermissionsExt;
    assert_eq!(
        std::fs::metadata(&eml).unwrap().permissions().mode() & 0o777,
        0o600
    );
    let raw = std::fs::read_to_string(&eml).unwrap();
    let prefix = "https://demarches.example.org/unsubscribe/";
    let start = raw.find(prefix).expect("an unsubscribe link") + prefix.len();
    let token = &raw[start..start + 43];
    assert!(!token.starts_with("publik-"), "{token}");
    for suffix in ["", "-wal", "-shm"] {
        let path = format!("{}{suffix}", env.state().display());
        let Ok(bytes) = std::fs::read(&path) else { continue };
        assert!(
            !bytes.windows(token.len()).any(|w| w == token.as_bytes()),
            "{path} holds the token {token}"
        );
    }
    let shown = env.publik().args(["queue", "show", &id]).output().unwrap();
    assert!(!String::from_utf8_lossy(&shown.stdout).contains(token));
    env.publik()
        .args(["group", "unsubscribe", "--token", token])
        .assert()
        .success();
    assert_eq!(
        env.json(&["group", "members", "nord"])[0]["status"],
        "unsubscribed"
    );
}

/// A template cannot make a send hang or render gigabytes: steps and output
/// are bounded, and both are found when the template is saved (exit 65),
/// as for a workflow's templates at import.
#[test]
fn templates_are_bounded_in_time_and_output() {
    let env = Env::new();
    for (text, needle) in [
        (
            "{% for i in range(100000) %}{% for j in range(100000) %}x{% endfor %}{% endfor %}",
            "steps",
        ),
        (
            "{% for i in range(100) %}{{ 'x' * 1000000 }}{% endfor %}",
            "more than 8 MB",
        ),
    ] {
        env.write("loop.txt", text);
        let out = env
            .publik()
            .args([
                "template",
                "add",
                "boucle",
                "--subject",
                "S",
                "--text",
                "loop.txt",
            ])
            .timeout(std::time::Duration::from_secs(60))
            .assert()
            .code(65);
        assert!(stderr(&out).contains(needle), "{}", stderr(&out));
        let workflow = format!(
            "name: w\nlabel: W\ninitial: a\nstatuses:\n  - id: a\n    label: A\n    on_enter:\n      - email:\n          to: [\"a@example.org\"]\n          subject: S\n          text: \"{text}\"\n"
        );
        env.write("w.yaml", &workflow);
        let out = env
            .publik()
            .args(["workflow", "import", "w.yaml"])
            .timeout(std::time::Duration::from_secs(60))
            .assert()
            .code(65);
        assert!(stderr(&out).contains(needle), "{}", stderr(&out));
    }
    assert!(env.json(&["template", "list"]).as_array().unwrap().is_empty());
}

/// A big import is read as it goes: from standard input too, a bad line
/// anywhere (here the last) still imports nothing, and with
/// `--skip-invalid` the first hundred bad lines are listed and all counted.
#[test]
fn a_streamed_import_keeps_all_or_nothing_and_counts_every_bad_line() {
    let env = Env::new();
    env.publik()
        .args(["group", "create", "sud", "--label", "Sud"])
        .assert()
        .success();
    let mut csv = String::from("email;nom\n");
    for i in 0..5000 {
        csv.push_str(&format!("habitant{i}@example.org;Habitant {i}\n"));
    }
    let good = csv.clone();
    for i in 0..150 {
        csv.push_str(&format!("pas-une-adresse-{i};X\n"));
    }
    let before = env.counts();
    let out = env
        .publik()
        .args(["group", "import", "sud", "-"])
        .write_stdin(csv.clone())
        .assert()
        .code(65);
    let message = stderr(&out);
    assert!(
        message.contains("150 bad line(s), nothing imported") && message.contains("and 50 more"),
        "{message}"
    );
    assert_eq!(env.counts(), before, "a bad line at the end imports nothing");

    let report = {
        let out = env
            .publik()
            .args(["--json", "group", "import", "sud", "-", "--skip-invalid"])
            .write_stdin(csv)
            .output()
            .unwrap();
        assert!(out.status.success(), "{out:?}");
        serde_json::from_slice::<serde_json::Value>(&out.stdout).unwrap()
    };
    assert_eq!(report["added"], 5000);
    assert_eq!(report["invalid_count"], 150);
    assert_eq!(report["invalid"].as_array().unwrap().len(), 100);
    assert_eq!(report["invalid"][0]["line"], 5002);
    let again = env
        .publik()
        .args(["--json", "group", "import", "sud", "-"])
        .write_stdin(good)
        .output()
        .unwrap();
    let again: serde_json::Value = serde_json::from_slice(&again.stdout).unwrap();
    assert_eq!(
        (again["added"].as_i64(), again["already"].as_i64()),
        (Some(0), Some(5000))
    );
}
