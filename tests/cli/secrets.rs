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

/// URLs are masked as a client reads them, whatever their spelling: a bare
/// query key, a password holding an unescaped `/`, `?` or `#`, in a
/// gateway's URL or the state's, in `config check` (text and JSON).
#[test]
fn every_spelling_of_a_url_secret_is_masked() {
    let env = Env::new();
    for (url, secrets) in [
        (
            "http://127.0.0.1:9/send?APIKEYBARESECRET",
            &["APIKEYBARESECRET"][..],
        ),
        (
            "http://127.0.0.1:9/send?a=1&BAREKEY2SECRET&b",
            &["BAREKEY2SECRET"],
        ),
        ("http://user:PASS/SLASH8@127.0.0.1:9/send", &["PASS", "SLASH8"]),
        ("http://user:PASS?QMARK8@127.0.0.1:9/send", &["PASS", "QMARK8"]),
        ("http://user:PASS#HASH8@127.0.0.1:9/send", &["PASS", "HASH8"]),
    ] {
        env.write(
            "publik.yaml",
            &format!(
                "sms:\n  gateway:\n    url: \"{url}\"\n    fields: {{ to: \"{{to}}\", text: \"{{text}}\" }}\n"
            ),
        );
        for args in [&["config", "check"][..], &["--json", "config", "check"]] {
            let out = env.publik().args(args).output().unwrap();
            let shown = format!("{out:?}");
            for secret in secrets {
                assert!(!shown.contains(secret), "{url}: {args:?}: {shown}");
            }
        }
    }
    for state in [
        "postgresql://bob:PGSEC/RET8@db.example.org/publik",
        "postgresql://bob:PGSEC?RET8@db.example.org/publik",
        "postgresql://bob:PGSEC#RET8@db.example.org/publik",
    ] {
        env.write("publik.yaml", &format!("state: \"{state}\"\n"));
        for args in [&["config", "check"][..], &["--json", "config", "check"]] {
            let out = env.publik().args(args).output().unwrap();
            let shown = format!("{out:?}");
            assert!(
                !shown.contains("PGSEC") && !shown.contains("RET8"),
                "{state}: {args:?}: {shown}"
            );
        }
    }
}

/// A gateway whose error reply echoes the request: what is stored (and
/// shown by `queue list`) has every configured secret replaced.
#[test]
fn a_gateway_reply_echoing_the_request_is_stored_masked() {
    let gateway = HttpServer::start(|request| {
        let echo = format!(
            "{} {} {:?} {}",
            request.method,
            request.url,
            request.headers,
            request.body_text()
        );
        Reply::json(400, json!({ "message": echo }))
    });
    let env = Env::new();
    env.write("sms-token", "TOKEN-SECRET-VALUE\n");
    env.write(
        "publik.yaml",
        &format!(
            "sms:\n  gateway:\n    url: {}\n    auth: {{ type: bearer, token_file: sms-token }}\n    \
             fields: {{ to: \"{{to}}\", text: \"{{text}}\", pwd: FIELD-SECRET-VALUE }}\n    \
             headers:\n      x-api-key: HEADER-SECRET-VALUE\n    timeout: 2s\n",
            gateway.url("/send?BAREQUERYSECRET&key=QUERY-SECRET-VALUE")
        ),
    );
    let (row, stderr) = send_one_sms(&env);
    assert_eq!(row["status"], "failed", "{row} {stderr}");
    let error = row["last_error"].as_str().unwrap_or_default();
    assert!(error.contains("HTTP 400"), "{row}");
    let shown = format!(
        "{} {stderr} {}",
        env.json(&["queue", "list"]),
        env.json(&["queue", "show", &row["id"].to_string()])
    );
    for secret in [
        "TOKEN-SECRET",
        "FIELD-SECRET",
        "HEADER-SECRET",
        "BAREQUERYSECRET",
        "QUERY-SECRET",
    ] {
        assert!(!shown.contains(secret), "{secret}: {shown}");
    }
}

/// Maarch (Basic auth): a reply that echoes the request shows no password,
/// and a redirect is followed nowhere, naming where it pointed.
#[test]
fn maarch_echoes_and_redirects_carry_no_password() {
    let thief = HttpServer::start(|_| Reply::json(200, json!({"resources": []})));
    let thief_port = thief.port;
    let echo =
        HttpServer::start(|request| Reply::json(500, json!({"errors": format!("{:?}", request.headers)})));
    let redirect = HttpServer::start(move |_| {
        Reply::json(302, json!({})).with_header("Location", &format!("http://127.0.0.1:{thief_port}/steal"))
    });
    for (server, needle) in [
        (&echo, "500".to_string()),
        (&redirect, format!("127.0.0.1:{thief_port}")),
    ] {
        let env = Env::new();
        env.write("maarch-password", "MAARCH-SECRET-PW\n");
        env.write(
            "publik.yaml",
            &format!(
                "maarch:\n  enable: true\n  url: {}\n  username: publik\n  password_file: maarch-password\n  timeout: 5s\n",
                server.url("")
            ),
        );
        let out = env.publik().arg("feed-mail-maarch").output().unwrap();
        let shown = format!("{out:?}");
        assert!(!out.status.success(), "{shown}");
        assert!(shown.contains(&needle), "{shown}");
        for secret in ["MAARCH-SECRET-PW", "cHVibGlrOk1BQVJDSC1TRUNSRVQtUFc"] {
            assert!(!shown.contains(secret), "{shown}");
        }
    }
    assert!(thief.requests().is_empty(), "{:?}", thief.requests());
}
