//! Configured secrets go only where the config sends them: no redirect
//! carries them elsewhere, and nothing publik prints or stores shows them.

use crate::common;

use common::Env;
use common::http::{HttpServer, Reply};
use serde_json::{Value, json};

fn send_one_sms(env: &Env) -> (Value, String) {
    env.publik()
        .args(["enqueue", "sms", "--to", "0612345678", "--text", "Bonjour"])
        .assert()
        .success();
    let out = env.publik().arg("send-queue").output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).to_string();
    let rows = env.json(&["queue", "list"]);
    (rows[0].clone(), stderr)
}

/// A gateway answering `302 Location: http://elsewhere/`: publik sends its
/// key and headers nowhere else, the row is not `sent`, and the error names
/// the host it was sent to. `follow_redirects: true` follows only to the
/// same origin over https, so not this one either.
#[test]
fn a_gateway_redirect_carries_no_secret_elsewhere() {
    let thief = HttpServer::start(|_| Reply::json(200, json!({"id": "stolen"})));
    let thief_port = thief.port;
    let gateway = HttpServer::start(move |_| {
        Reply::json(302, json!({})).with_header("Location", &format!("http://127.0.0.1:{thief_port}/steal"))
    });
    for extra in ["", "    follow_redirects: true\n"] {
        let env = Env::new();
        env.write(
            "publik.yaml",
            &format!(
                "sms:\n  gateway:\n    url: {}\n    fields: {{ to: \"{{to}}\", text: \"{{text}}\" }}\n    \
                 headers:\n      x-api-key: api-key-secret-value\n      X-Custom: custom-secret-value\n    timeout: 2s\n{extra}",
                gateway.url("/send")
            ),
        );
        let (row, stderr) = send_one_sms(&env);
        assert!(thief.requests().is_empty(), "{extra}: {:?}", thief.requests());
        assert_ne!(row["status"], "sent", "{extra}: {row}");
        let error = row["last_error"].as_str().unwrap_or_default().to_string();
        assert!(
            error.contains(&format!("127.0.0.1:{thief_port}")),
            "{extra}: {row} {stderr}"
        );
    }
}
