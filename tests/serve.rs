//! `publik serve`: the unsubscribe landing page over real HTTP.

mod common;

use std::time::{Duration, Instant};

use common::Env;

/// Queues and "sends" (file transport) a newsletter; returns Bob's token.
fn newsletter_token(env: &Env) -> String {
    env.write(
        "publik.yaml",
        "serve:\n  public_url: https://demarches.example.org\n",
    );
    env.publik()
        .args(["group", "create", "nord", "--label", "Quartier <Nord>"])
        .assert()
        .success();
    env.publik()
        .args(["group", "add", "nord", "bob@example.org"])
        .assert()
        .success();
    env.write("letter.txt", "Bonjour\n");
    env.publik()
        .args([
            "template",
            "add",
            "lettre",
            "--subject",
            "Lettre",
            "--text",
            "letter.txt",
        ])
        .assert()
        .success();
    env.publik()
        .args(["newsletter", "send", "--template", "lettre", "--group", "nord"])
        .assert()
        .success();
    env.publik().arg("send-queue").assert().success();
    let file = std::fs::read_dir(env.path("outbox"))
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    let raw = std::fs::read_to_string(file).unwrap();
    let start = raw.find("https://demarches.example.org/unsubscribe/").unwrap()
        + "https://demarches.example.org/unsubscribe/".len();
    raw[start..start + 43].to_string()
}

fn agent() -> ureq::Agent {
    ureq::Agent::config_builder()
        .http_status_as_error(false)
        .build()
        .into()
}

fn members(env: &Env) -> serde_json::Value {
    env.json(&["group", "members", "nord"])
}

#[test]
fn get_shows_post_unsubscribes() {
    let env = Env::new();
    let token = newsletter_token(&env);
    let served = env.serve();
    let url = format!("{}/unsubscribe/{token}", served.base);
    let agent = agent();

    let mut page = agent.get(&url).call().unwrap();
    assert_eq!(page.status().as_u16(), 200);
    let headers = page.headers().clone();
    assert_eq!(headers.get("referrer-policy").unwrap(), "no-referrer");
    assert!(
        headers
            .get("x-robots-tag")
            .unwrap()
            .to_str()
            .unwrap()
            .contains("noindex")
    );
    assert!(
        headers
            .get("content-security-policy")
            .unwrap()
            .to_str()
            .unwrap()
            .contains("default-src 'none'")
    );
    assert_eq!(headers.get("cache-control").unwrap(), "no-store");
    let html = page.body_mut().read_to_string().unwrap();
    assert!(html.starts_with("<!doctype html>"));
    assert!(html.contains("Quartier &lt;Nord&gt;"), "escaped label: {html}");
    assert!(html.contains("b***@example.org") && !html.contains("bob@example.org"));
    assert!(html.contains("<form method=\"post\">"));
    assert_eq!(agent.head(&url).call().unwrap().status().as_u16(), 200);
    assert_eq!(
        members(&env)[0]["status"],
        "active",
        "GET and HEAD change nothing"
    );

    // RFC 8058 one-click: a POST with List-Unsubscribe=One-Click.
    let mut done = agent
        .post(&url)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .send("List-Unsubscribe=One-Click")
        .unwrap();
    assert_eq!(done.status().as_u16(), 200);
    assert!(
        done.body_mut()
            .read_to_string()
            .unwrap()
            .contains("ne recevra plus")
    );
    assert_eq!(members(&env)[0]["status"], "unsubscribed");
    let mut again = agent.get(&url).call().unwrap();
    assert!(
        again
            .body_mut()
            .read_to_string()
            .unwrap()
            .contains("Déjà désabonné")
    );

    let tampered = format!("{}/unsubscribe/{}x", served.base, &token[..42]);
    assert_eq!(agent.get(&tampered).call().unwrap().status().as_u16(), 404);
    assert_eq!(agent.post(&tampered).send("").unwrap().status().as_u16(), 404);
    assert_eq!(
        agent
            .get(&format!("{}/nope", served.base))
            .call()
            .unwrap()
            .status()
            .as_u16(),
        404
    );
    assert_eq!(agent.put(&url).send("").unwrap().status().as_u16(), 405);
    let big = vec![b'a'; 64 * 1024];
    assert_eq!(agent.post(&url).send(&big[..]).unwrap().status().as_u16(), 413);
    // Garbage on the socket does not stop the server.
    use std::io::Write;
    let mut raw = std::net::TcpStream::connect(served.base.trim_start_matches("http://")).unwrap();
    raw.write_all(b"\x00\x01 not http\r\n\r\n").unwrap();
    drop(raw);
    assert_eq!(agent.get(&url).call().unwrap().status().as_u16(), 200);
}

#[test]
fn sigterm_stops_the_server() {
    let env = Env::new();
    env.write("publik.yaml", "# defaults\n");
    let mut served = env.serve();
    let pid = served.child.id() as libc::pid_t;
    // SAFETY: sending a signal to our own child process.
    assert_eq!(unsafe { libc::kill(pid, libc::SIGTERM) }, 0);
    let deadline = Instant::now() + Duration::from_secs(5);
    loop {
        if let Some(status) = served.child.try_wait().unwrap() {
            assert!(status.success(), "{status:?}");
            break;
        }
        assert!(Instant::now() < deadline, "serve did not stop on SIGTERM");
        std::thread::sleep(Duration::from_millis(20));
    }
}
