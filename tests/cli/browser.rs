//! In a real browser: headless Chromium (Debian's chromium and chromedriver,
//! installed by scripts/test) opens an action link's page served by
//! `publik serve`, clicks the button, and the form has jumped. A screenshot of
//! the done page is kept in target/test-artifacts/.

use crate::common;

use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use common::Env;
use serde_json::{Value, json};

const CHROMIUM: &str = "/usr/bin/chromium";
const CHROMEDRIVER: &str = "/usr/bin/chromedriver";

struct Killed(Child);

impl Drop for Killed {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// A WebDriver command; returns the `value` of the answer.
fn webdriver(agent: &ureq::Agent, method: &str, url: &str, body: Option<Value>) -> Value {
    let mut response = match (method, body) {
        ("GET", _) => agent.get(url).call(),
        ("DELETE", _) => agent.delete(url).call(),
        (_, Some(body)) => agent.post(url).send_json(body),
        (_, None) => agent.post(url).send_json(json!({})),
    }
    .expect("webdriver request");
    let answer: Value = response.body_mut().read_json().expect("webdriver JSON");
    assert!(
        answer["value"].get("error").is_none(),
        "webdriver {method} {url}: {answer}"
    );
    answer["value"].clone()
}

#[test]
fn a_browser_clicks_the_action_button() {
    assert!(
        std::path::Path::new(CHROMIUM).exists() && std::path::Path::new(CHROMEDRIVER).exists(),
        "this test needs Debian's chromium and chromium-driver: run scripts/test, which installs them"
    );
    let env = Env::new();
    env.write(
        "publik.yaml",
        "serve:\n  public_url: https://demarches.example.org\n",
    );
    env.write(
        "approval.yaml",
        include_str!("../../examples/workflows/approval.yaml"),
    );
    env.publik()
        .args(["workflow", "import", "approval.yaml"])
        .assert()
        .success();
    let number = env.json(&[
        "form",
        "create",
        "--workflow",
        "approval",
        "--name",
        "Demande de salle",
    ])["number"]
        .as_str()
        .unwrap()
        .to_string();
    let link = env.json(&[
        "issue-action-token",
        "--form",
        &number,
        "--action",
        "accept",
        "--recipient",
        "maire@example.org",
        "--message",
        "Valider la demande de salle ?",
    ]);
    let token = link["token"].as_str().unwrap().to_string();

    let served = env.serve();
    let driver_port = common::free_port();
    let _driver = Killed(
        Command::new(CHROMEDRIVER)
            .arg(format!("--port={driver_port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap(),
    );
    common::wait_for_port(driver_port);

    let agent: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .timeout_global(Some(Duration::from_secs(60)))
        .build()
        .into();
    let driver = format!("http://127.0.0.1:{driver_port}");
    let profile = env.path("chromium-profile");
    let session = webdriver(
        &agent,
        "POST",
        &format!("{driver}/session"),
        Some(
            json!({"capabilities": {"alwaysMatch": {"browserName": "chrome", "goog:chromeOptions": {
                "binary": CHROMIUM,
                "args": ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                         "--no-first-run", "--disable-background-networking", "--disable-component-update",
                         "--disable-sync", format!("--user-data-dir={}", profile.display())]
            }}}}),
        ),
    );
    let id = session["sessionId"].as_str().unwrap().to_string();
    let s = format!("{driver}/session/{id}");
    let page = format!("{}/actions/{token}/", served.base);
    webdriver(&agent, "POST", &format!("{s}/url"), Some(json!({"url": page})));
    let source = webdriver(&agent, "GET", &format!("{s}/source"), None);
    assert!(
        source.as_str().unwrap().contains("Valider la demande de salle ?"),
        "{source}"
    );
    assert_eq!(
        env.json(&["form", "show", &number])["status"],
        "waiting",
        "opening the page changes nothing"
    );

    let button = webdriver(
        &agent,
        "POST",
        &format!("{s}/element"),
        Some(json!({"using": "css selector", "value": "button"})),
    );
    let element = button
        .as_object()
        .unwrap()
        .values()
        .next()
        .unwrap()
        .as_str()
        .unwrap()
        .to_string();
    webdriver(
        &agent,
        "POST",
        &format!("{s}/element/{element}/click"),
        Some(json!({})),
    );
    let deadline = Instant::now() + Duration::from_secs(20);
    let done = loop {
        let source = webdriver(&agent, "GET", &format!("{s}/source"), None);
        if source.as_str().unwrap().contains("Done.") || Instant::now() > deadline {
            break source;
        }
        std::thread::sleep(Duration::from_millis(100));
    };
    assert!(done.as_str().unwrap().contains("Done."), "{done}");
    let screenshot = webdriver(&agent, "GET", &format!("{s}/screenshot"), None);
    use base64::Engine;
    let png = base64::engine::general_purpose::STANDARD
        .decode(screenshot.as_str().unwrap())
        .unwrap();
    let artifacts = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("../test-artifacts");
    std::fs::create_dir_all(&artifacts).unwrap();
    std::fs::write(artifacts.join("action-link-done.png"), &png).unwrap();
    assert!(png.starts_with(b"\x89PNG"));
    webdriver(&agent, "DELETE", &s, None);

    let form = env.json(&["form", "show", &number]);
    assert_eq!(form["status"], "accepted");
    assert_eq!(form["history"][1]["actor"], "maire@example.org");
}
