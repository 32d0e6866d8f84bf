//! Workflows as w.c.s. users write them: the `{% action_button %}` tag,
//! delays in days, buttons in SMS, and refusals where a button cannot work.

use crate::common;

use common::Env;
use common::http::{HttpServer, Reply};

/// The text part of every mail in the outbox (the file transport's).
fn outbox_texts(env: &Env) -> Vec<String> {
    std::fs::read_dir(env.path("outbox"))
        .unwrap()
        .map(|f| {
            let raw = std::fs::read(f.unwrap().path()).unwrap();
            let message = mail_parser::MessageParser::default().parse(&raw).unwrap();
            message.body_text(0).unwrap_or_default().to_string()
        })
        .collect()
}

/// The first action link in the outbox's mails.
fn outbox_action_link(env: &Env) -> String {
    outbox_texts(env)
        .iter()
        .flat_map(|t| t.split_whitespace().map(str::to_string).collect::<Vec<_>>())
        .find(|w| w.contains("/actions/"))
        .expect("an action link in the outbox")
}

const WORKFLOW: &str = r#"name: approval
label: Validation
initial: waiting
statuses:
  - id: waiting
    label: En attente
    jumps:
      - { id: accept, label: Accepter, to: accepted }
    on_enter:
      - email:
          to: ["maire@example.org"]
          subject: "Demande {{ form.number }}"
          text: |
            {{ form.name }} attend votre décision.
            {% action_button "accept" label="Accepter" delay=3 %}
      - sms:
          to: ["06 12 34 56 78"]
          text: "Demande {{ form.number }} : {% action_button 'accept' label='Accepter' %}"
  - { id: accepted, label: Acceptée }
"#;

fn setup(env: &Env, gateway: &HttpServer) {
    env.write(
        "publik.yaml",
        &format!(
            "serve:\n  public_url: https://demarches.example.org\nsms:\n  default_country: FR\n  gateway:\n    url: http://127.0.0.1:{}/send\n    fields: {{ to: \"{{to}}\", text: \"{{text}}\" }}\n",
            gateway.port
        ),
    );
    env.write("approval.yaml", WORKFLOW);
    env.publik()
        .args(["workflow", "import", "approval.yaml"])
        .assert()
        .success();
}

/// Seconds until each action link of the state expires.
fn link_lifetimes(env: &Env) -> Vec<i64> {
    let out = std::process::Command::new("python3")
        .arg("-c")
        .arg(
            "import sqlite3, sys, datetime\n\
             db = sqlite3.connect(sys.argv[1])\n\
             now = datetime.datetime.now(datetime.timezone.utc)\n\
             for (e,) in db.execute('SELECT expires_at FROM action_tokens'):\n\
             \x20   t = datetime.datetime.fromisoformat(e.replace('Z', '+00:00'))\n\
             \x20   print(int((t - now).total_seconds()))",
        )
        .arg(env.state())
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| l.parse().unwrap())
        .collect()
}

/// The w.c.s. tag imports and makes a working button; `delay=3` is three
/// days; an SMS carries the bare URL (its own token), which works.
#[test]
fn the_wcs_tag_days_and_buttons_in_sms() {
    let gateway = HttpServer::start(|_| Reply::json(200, serde_json::json!({"id": "sms-1"})));
    let env = Env::new();
    setup(&env, &gateway);
    let number = env.json(&["form", "create", "--workflow", "approval", "--name", "Demande"])["number"]
        .as_str()
        .unwrap()
        .to_string();
    let lifetimes = link_lifetimes(&env);
    assert_eq!(
        lifetimes.len(),
        2,
        "one token per recipient: the email's and the SMS's"
    );
    for seconds in lifetimes {
        assert!((3 * 86_400 - 3600..=3 * 86_400).contains(&seconds), "{seconds}");
    }
    env.publik().arg("send-queue").assert().success();
    let eml = std::fs::read_dir(env.path("outbox"))
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    let eml = std::fs::read_to_string(eml).unwrap();
    assert!(
        eml.contains("[Accepter] https://demarches.example.org/actions/"),
        "{eml}"
    );
    let text = gateway.requests()[0].json()["text"].as_str().unwrap().to_string();
    let url = text
        .split_whitespace()
        .find(|w| w.starts_with("https://"))
        .expect(&text)
        .to_string();
    assert!(
        url.starts_with("https://demarches.example.org/actions/") && !text.contains("[Accepter]"),
        "{text}"
    );
    env.publik().args(["run-jump", &url]).assert().success();
    assert_eq!(env.json(&["form", "show", &number])["status"], "accepted");
}

/// `--ttl 3` is three days; a duration with its unit stays accepted.
#[test]
fn ttl_as_a_bare_number_is_days() {
    let gateway = HttpServer::start(|_| Reply::json(200, serde_json::json!({})));
    let env = Env::new();
    setup(&env, &gateway);
    let number = env.json(&["form", "create", "--workflow", "approval", "--name", "Demande"])["number"]
        .as_str()
        .unwrap()
        .to_string();
    for ttl in ["3", "90m"] {
        env.json(&[
            "issue-action-token",
            "--form",
            &number,
            "--action",
            "accept",
            "--ttl",
            ttl,
        ]);
    }
    let lifetimes = link_lifetimes(&env);
    assert!(
        lifetimes
            .iter()
            .any(|s| (3 * 86_400 - 3600..=3 * 86_400).contains(s)),
        "{lifetimes:?}"
    );
    assert!(
        lifetimes.iter().any(|s| (5_400 - 600..=5_400).contains(s)),
        "{lifetimes:?}"
    );
    let out = env
        .publik()
        .args([
            "issue-action-token",
            "--form",
            &number,
            "--action",
            "accept",
            "--ttl",
            "400",
        ])
        .assert()
        .code(65);
    assert!(String::from_utf8_lossy(&out.get_output().stderr).contains("365d maximum"));
}

/// A button where it cannot work (a subject, a notification) is refused at
/// import, naming the key; never a silent empty string.
#[test]
fn a_button_where_it_cannot_work_is_refused_at_import() {
    let env = Env::new();
    env.write(
        "publik.yaml",
        "serve:\n  public_url: https://demarches.example.org\n",
    );
    env.write(
        "bad.yaml",
        &WORKFLOW
            .replace("subject: \"Demande {{ form.number }}\"", "subject: \"{% action_button 'accept' label='Oui' %}\"")
            .replace("      - sms:\n          to: [\"06 12 34 56 78\"]\n          text: \"Demande {{ form.number }} : {% action_button 'accept' label='Accepter' %}\"\n", ""),
    );
    let out = env
        .publik()
        .args(["workflow", "import", "bad.yaml"])
        .assert()
        .code(65);
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).to_string();
    assert!(
        stderr.contains("statuses[0].on_enter[0].email.subject"),
        "{stderr}"
    );
    assert!(stderr.contains("action_button cannot work"), "{stderr}");
}

const COMMENTED: &str = r#"name: approval
label: Validation
initial: waiting
statuses:
  - id: waiting
    label: En attente
    jumps:
      - { id: accept, label: Accepter, to: accepted }
      - { id: close, label: Clore, to: closed }
    on_enter:
      - email:
          to: ["maire@example.org"]
          subject: "Demande {{ form.number }}"
          text: |
            {% action_button "accept" label="Accepter" comment="required" %}
  - id: accepted
    label: Acceptée
    on_enter:
      - email:
          to: ["agent@example.org"]
          subject: "Acceptée"
          text: "Le maire a dit : {{ jump.data.comment }}"
  - { id: closed, label: Close }
"#;

/// A link that asks for a comment: the page shows the field, a POST
/// without it is refused (the link still works), with it the jump runs and
/// the comment is in the history and the next status's mail.
#[test]
fn a_link_with_a_comment_field_carries_the_comment() {
    let env = Env::new();
    env.write(
        "publik.yaml",
        "serve:\n  public_url: https://demarches.example.org\n",
    );
    env.write("approval.yaml", COMMENTED);
    env.publik()
        .args(["workflow", "import", "approval.yaml"])
        .assert()
        .success();
    let number = env.json(&["form", "create", "--workflow", "approval", "--name", "Demande"])["number"]
        .as_str()
        .unwrap()
        .to_string();
    env.publik().arg("send-queue").assert().success();
    let url = outbox_action_link(&env);
    let path = &url["https://demarches.example.org".len()..];
    let served = env.serve();
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .build()
        .into();
    let mut page = agent.get(&format!("{}{path}", served.base)).call().unwrap();
    let html = page.body_mut().read_to_string().unwrap();
    assert!(
        html.contains("name=\"comment\"") && html.contains("required"),
        "{html}"
    );
    common::assert_valid_html(&html);
    let post = |body: &str| {
        let mut response = agent
            .post(&format!("{}{path}", served.base))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .send(body.as_bytes())
            .unwrap();
        (
            response.status().as_u16(),
            response.body_mut().read_to_string().unwrap(),
        )
    };
    let (status, html) = post("comment=");
    assert_eq!(status, 400, "{html}");
    assert!(html.contains("Un commentaire est nécessaire"), "{html}");
    assert_eq!(env.json(&["form", "show", &number])["status"], "waiting");
    let (status, _) = post("comment=Tr%C3%A8s+bien+%21");
    assert_eq!(status, 200);
    let shown = env.json(&["form", "show", &number]);
    assert_eq!(shown["status"], "accepted");
    assert_eq!(shown["history"][1]["data"]["comment"], "Très bien !");
    drop(served);
    env.publik().arg("send-queue").assert().success();
    let texts = outbox_texts(&env);
    assert!(
        texts.iter().any(|t| t.contains("Le maire a dit : Tr")),
        "the next status sees the comment"
    );
}

/// `run-jump --data` and `form jump --data` carry data too.
#[test]
fn jumps_from_the_command_line_carry_data() {
    let env = Env::new();
    env.write(
        "publik.yaml",
        "serve:\n  public_url: https://demarches.example.org\n",
    );
    env.write("approval.yaml", COMMENTED);
    env.publik()
        .args(["workflow", "import", "approval.yaml"])
        .assert()
        .success();
    let number = env.json(&["form", "create", "--workflow", "approval", "--name", "Demande"])["number"]
        .as_str()
        .unwrap()
        .to_string();
    let link = env.json(&["issue-action-token", "--form", &number, "--action", "accept"]);
    env.publik()
        .args([
            "run-jump",
            link["url"].as_str().unwrap(),
            "--data",
            "comment=vu",
            "--data",
            "ref=42",
        ])
        .assert()
        .success();
    let shown = env.json(&["form", "show", &number]);
    assert_eq!(
        shown["history"][1]["data"],
        serde_json::json!({"comment": "vu", "ref": "42"})
    );
    let second = env.json(&["form", "create", "--workflow", "approval", "--name", "Autre"])["number"]
        .as_str()
        .unwrap()
        .to_string();
    env.publik()
        .args(["form", "jump", &second, "close", "--data", "motif=doublon"])
        .assert()
        .success();
    assert_eq!(
        env.json(&["form", "show", &second])["history"][1]["data"]["motif"],
        "doublon"
    );
    env.publik()
        .args(["form", "jump", &second, "close", "--data", "nokey"])
        .assert()
        .code(65);
}

/// w.c.s.'s trigger jumps: every form of a workflow in a status, filtered
/// by data and age, each in its own transaction; --dry-run changes nothing.
#[test]
fn bulk_jumps_move_every_matching_form() {
    let env = Env::new();
    env.write(
        "publik.yaml",
        "serve:\n  public_url: https://demarches.example.org\n",
    );
    env.write("approval.yaml", COMMENTED);
    env.publik()
        .args(["workflow", "import", "approval.yaml"])
        .assert()
        .success();
    let create = |quartier: &str| {
        env.json(&[
            "form",
            "create",
            "--workflow",
            "approval",
            "--name",
            "D",
            "--data",
            &format!("quartier={quartier}"),
        ])["number"]
            .as_str()
            .unwrap()
            .to_string()
    };
    let nord = [create("nord"), create("nord")];
    let sud = create("sud");
    let bulk = |extra: &[&str]| {
        let mut args = vec![
            "form",
            "jump",
            "--workflow",
            "approval",
            "--status",
            "waiting",
            "--trigger",
            "close",
        ];
        args.extend_from_slice(extra);
        env.json(&args)
    };
    let dry = bulk(&["--where", "quartier=nord", "--dry-run"]);
    assert_eq!(dry["would_jump"], 2, "{dry}");
    assert_eq!(env.json(&["form", "show", &nord[0]])["status"], "waiting");
    // Nothing is 30 days old yet.
    assert_eq!(bulk(&["--older-than", "30d"])["jumped"], 0);
    let done = bulk(&["--where", "quartier=nord", "--data", "motif=hors délai"]);
    assert_eq!(done["jumped"], 2, "{done}");
    for number in &nord {
        let shown = env.json(&["form", "show", number]);
        assert_eq!(shown["status"], "closed");
        assert_eq!(shown["history"][1]["data"]["motif"], "hors délai");
    }
    assert_eq!(env.json(&["form", "show", &sud])["status"], "waiting");
    env.publik()
        .args([
            "form",
            "jump",
            "--workflow",
            "approval",
            "--status",
            "waiting",
            "--trigger",
            "nope",
        ])
        .assert()
        .code(65);
}

/// A w.c.s. stand-in: its jump-trigger API behind Publik's signed URLs. It
/// refuses (403) a wrong signature, a replayed nonce, a timestamp more than
/// 30 s away, an unknown orig; it records each jump it ran (URL, body).
struct Wcs {
    server: HttpServer,
}

const WCS_KEY: &str = "s3cr3t-shared";

fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && i + 2 < bytes.len()
            && let Ok(byte) = u8::from_str_radix(&text[i + 1..i + 3], 16)
        {
            out.push(byte);
            i += 3;
            continue;
        }
        out.push(if bytes[i] == b'+' { b' ' } else { bytes[i] });
        i += 1;
    }
    String::from_utf8(out).unwrap()
}

/// Whether a query is signed as Publik signs it, with `key`.
fn signature_ok(query: &str, key: &str) -> bool {
    use base64::Engine;
    use hmac::{KeyInit, Mac};
    let Some((signed, signature)) = query.rsplit_once("&signature=") else {
        return false;
    };
    let mut mac = <hmac::Hmac<sha2::Sha256> as KeyInit>::new_from_slice(key.as_bytes()).unwrap();
    mac.update(signed.as_bytes());
    base64::engine::general_purpose::STANDARD.encode(mac.finalize().into_bytes()) == percent_decode(signature)
}

impl Wcs {
    fn start() -> Wcs {
        let seen = std::sync::Arc::new(std::sync::Mutex::new(std::collections::HashSet::new()));
        let server = HttpServer::start(move |request| {
            let (path, query) = request.url.split_once('?').unwrap_or((&request.url, ""));
            let params: std::collections::HashMap<String, String> = query
                .split('&')
                .filter_map(|p| p.split_once('='))
                .map(|(k, v)| (k.to_string(), percent_decode(v)))
                .collect();
            let fresh = params
                .get("timestamp")
                .and_then(|t| chrono::NaiveDateTime::parse_from_str(t, "%Y-%m-%dT%H:%M:%SZ").ok())
                .is_some_and(|t| (chrono::Utc::now().naive_utc() - t).num_seconds().abs() <= 30);
            let nonce = params.get("nonce").cloned().unwrap_or_default();
            let new_nonce = !nonce.is_empty() && seen.lock().unwrap().insert(nonce);
            let refused = !signature_ok(query, WCS_KEY)
                || !fresh
                || !new_nonce
                || params.get("orig").map(String::as_str) != Some("publik")
                || params.get("algo").map(String::as_str) != Some("sha256");
            if refused {
                return Reply::json(
                    403,
                    serde_json::json!({"err": 1, "err_class": "invalid signature"}),
                );
            }
            match path.rsplit('/').nth(1) {
                Some("accept") => Reply::json(200, serde_json::json!({"err": 0})),
                Some("gone") => {
                    Reply::json(404, serde_json::json!({"err": 1, "err_desc": "no such trigger"}))
                }
                _ => Reply::json(500, serde_json::json!({"err": 1})),
            }
        });
        Wcs { server }
    }

    fn base(&self) -> String {
        format!("http://127.0.0.1:{}/", self.server.port)
    }

    /// The jumps it ran: (path, JSON body).
    fn jumps(&self) -> Vec<(String, serde_json::Value)> {
        self.server
            .requests()
            .iter()
            .filter(|r| r.method == "POST")
            .map(|r| {
                (
                    r.url.split('?').next().unwrap().to_string(),
                    serde_json::from_slice(&r.body).unwrap_or_default(),
                )
            })
            .collect()
    }
}

fn remote_setup(env: &Env, wcs: &Wcs, key: &str) {
    env.write(
        "publik.yaml",
        &format!(
            "serve:\n  public_url: https://demarches.example.org\nwcs:\n  services:\n    demarches:\n      url: {}\n      orig: publik\n      key: {key}\n      timeout: 5s\n",
            wcs.base()
        ),
    );
}

fn remote_link(env: &Env, wcs: &Wcs, trigger: &str) -> String {
    let form = format!("{}forms/demande/12/", wcs.base());
    env.json(&[
        "issue-action-token",
        "--wcs-form",
        &form,
        "--trigger",
        trigger,
        "--label",
        "Valider",
    ])["url"]
        .as_str()
        .unwrap()
        .to_string()
}

/// A link to a remote w.c.s. form: the page shows it, a POST runs the
/// trigger there through a signed URL, with the jump data as JSON; the
/// link is then used.
#[test]
fn remote_links_run_the_trigger_on_wcs() {
    let wcs = Wcs::start();
    let env = Env::new();
    remote_setup(&env, &wcs, WCS_KEY);
    let url = remote_link(&env, &wcs, "accept");
    let path = &url["https://demarches.example.org".len()..];
    let served = env.serve();
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .build()
        .into();
    let mut page = agent.get(&format!("{}{path}", served.base)).call().unwrap();
    let html = page.body_mut().read_to_string().unwrap();
    assert!(html.contains("Valider"), "{html}");
    common::assert_valid_html(&html);
    assert!(wcs.jumps().is_empty(), "GET only shows");
    let post = || {
        agent
            .post(&format!("{}{path}", served.base))
            .send_empty()
            .unwrap()
            .status()
            .as_u16()
    };
    assert_eq!(post(), 200);
    assert_eq!(
        wcs.jumps(),
        [(
            "/forms/demande/12/jump/trigger/accept/".to_string(),
            serde_json::json!({})
        )]
    );
    assert_eq!(post(), 404, "used");
    assert_eq!(wcs.jumps().len(), 1);
    drop(served);
    // From the command line, with data.
    let url = remote_link(&env, &wcs, "accept");
    env.publik()
        .args(["run-jump", &url, "--data", "comment=vu"])
        .assert()
        .success();
    assert_eq!(wcs.jumps()[1].1, serde_json::json!({"comment": "vu"}));
    env.publik().args(["run-jump", &url]).assert().code(65);
}

/// The remote decides: down or failing (5xx) → 75 and the link still
/// works; the trigger gone (404) → 65 and the link is dead; our signature
/// refused (wrong key) → 1 and the link still works.
#[test]
fn remote_outcomes_decide_the_link() {
    let wcs = Wcs::start();
    let env = Env::new();
    remote_setup(&env, &wcs, WCS_KEY);
    let broken = remote_link(&env, &wcs, "broken");
    env.publik().args(["run-jump", &broken]).assert().code(75);
    env.publik().args(["run-jump", &broken]).assert().code(75);
    let gone = remote_link(&env, &wcs, "gone");
    env.publik().args(["run-jump", &gone]).assert().code(65);
    let again = env.publik().args(["run-jump", &gone]).assert().code(65);
    assert!(String::from_utf8_lossy(&again.get_output().stderr).contains("already been used"));
    let accept = remote_link(&env, &wcs, "accept");
    remote_setup(&env, &wcs, "not-the-key");
    let refused = env.publik().args(["run-jump", &accept]).assert().code(1);
    assert!(String::from_utf8_lossy(&refused.get_output().stderr).contains("refused publik's signature"));
    remote_setup(&env, &wcs, WCS_KEY);
    env.publik().args(["run-jump", &accept]).assert().success();
    // A link to a w.c.s. publik does not know is refused when issued.
    env.publik()
        .args([
            "issue-action-token",
            "--wcs-form",
            "https://elsewhere.example.org/f/1/",
            "--trigger",
            "accept",
        ])
        .assert()
        .code(65);
}

/// The stand-in is as strict as w.c.s.: a replayed request and a stale
/// timestamp are refused.
#[test]
fn the_wcs_stand_in_refuses_replays_and_stale_signatures() {
    let wcs = Wcs::start();
    let env = Env::new();
    remote_setup(&env, &wcs, WCS_KEY);
    let url = remote_link(&env, &wcs, "accept");
    env.publik().args(["run-jump", &url]).assert().success();
    let sent = wcs
        .server
        .requests()
        .into_iter()
        .find(|r| r.method == "POST")
        .unwrap();
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .build()
        .into();
    let replay = agent
        .post(&format!("http://127.0.0.1:{}{}", wcs.server.port, sent.url))
        .send_empty()
        .unwrap();
    assert_eq!(replay.status().as_u16(), 403, "a replayed nonce");
    // Signed right with the key, but at another time: refused; the same
    // signed now is accepted (so only the timestamp made the difference).
    let signed_at = |timestamp: &str, nonce: &str| {
        use base64::Engine;
        use hmac::{KeyInit, Mac};
        let query = format!("algo=sha256&timestamp={timestamp}&nonce={nonce}&orig=publik");
        let mut mac = <hmac::Hmac<sha2::Sha256> as KeyInit>::new_from_slice(WCS_KEY.as_bytes()).unwrap();
        mac.update(query.as_bytes());
        let signature = base64::engine::general_purpose::STANDARD
            .encode(mac.finalize().into_bytes())
            .replace('+', "%2B")
            .replace('=', "%3D");
        let path = sent.url.split('?').next().unwrap().to_string();
        format!(
            "http://127.0.0.1:{}{path}?{query}&signature={signature}",
            wcs.server.port
        )
    };
    let stale = agent
        .post(&signed_at("2020-01-01T00%3A00%3A00Z", "n1"))
        .send_empty()
        .unwrap();
    let now = chrono::Utc::now().format("%Y-%m-%dT%H%%3A%M%%3A%SZ").to_string();
    let fresh = agent.post(&signed_at(&now, "n2")).send_empty().unwrap();
    assert_eq!(fresh.status().as_u16(), 200);
    assert_eq!(stale.status().as_u16(), 403);
}

/// A workflow email's button may point at the w.c.s. form the request
/// lives in (`remote=`): the mail's link runs that trigger there.
#[test]
fn a_workflow_button_can_act_on_the_wcs_form() {
    let wcs = Wcs::start();
    let env = Env::new();
    remote_setup(&env, &wcs, WCS_KEY);
    let workflow = "name: relay\nlabel: Relais\ninitial: waiting\nstatuses:\n  - id: waiting\n    label: En attente\n    on_enter:\n      - email:\n          to: [\"maire@example.org\"]\n          subject: \"Demande\"\n          text: |\n            {% action_button \"accept\" label=\"Accepter\" remote=form.data.wcs_url %}\n";
    env.write("relay.yaml", workflow);
    env.publik()
        .args(["workflow", "import", "relay.yaml"])
        .assert()
        .success();
    let wcs_form = format!("{}forms/demande/7/", wcs.base());
    env.publik()
        .args([
            "form",
            "create",
            "--workflow",
            "relay",
            "--name",
            "D",
            "--data",
            &format!("wcs_url={wcs_form}"),
        ])
        .assert()
        .success();
    env.publik().arg("send-queue").assert().success();
    let url = outbox_action_link(&env);
    env.publik().args(["run-jump", &url]).assert().success();
    assert_eq!(
        wcs.jumps(),
        [(
            "/forms/demande/7/jump/trigger/accept/".to_string(),
            serde_json::json!({})
        )]
    );
    // A form URL under no configured site is refused when the status is entered.
    env.publik()
        .args([
            "form",
            "create",
            "--workflow",
            "relay",
            "--name",
            "D",
            "--data",
            "wcs_url=https://elsewhere.example.org/f/1/",
        ])
        .assert()
        .code(65);
}
