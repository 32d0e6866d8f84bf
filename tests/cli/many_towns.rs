//! Two towns on one installation, set up as the README shows.

use crate::common;
use crate::tenants::publik;

use common::Env;

/// `config check --tenant D` shows where that site's state and link key
/// are, not the `null` of a key its config leaves unset.
#[test]
fn config_check_of_a_site_shows_its_state_and_key() {
    let env = Env::new();
    publik(&env)
        .args(["tenant", "add", "a.example.org"])
        .assert()
        .success();
    let dir = env.path("tenants").join("a.example.org");
    let json = publik(&env)
        .args(["--json", "--tenant", "a.example.org", "config", "check"])
        .output()
        .unwrap();
    assert!(json.status.success(), "{}", String::from_utf8_lossy(&json.stderr));
    let report: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let state = dir.join("publik.sqlite3");
    assert_eq!(report["settings"]["state"], state.to_str().unwrap(), "{report}");
    assert_eq!(
        report["settings"]["serve"]["link_key_file"],
        format!("{}.link-key", state.display()),
        "{report}"
    );
    let text = publik(&env)
        .args(["--tenant", "a.example.org", "config", "check"])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(text.contains(&format!("state: {}", state.display())), "{text}");
}

/// Every cron job of a multi-site install takes `--all-tenants`: the
/// bounce mailbox (a site without one does nothing, quietly) and the
/// nightly `state check`, which names the site whose state is broken.
#[test]
fn fetch_bounces_and_state_check_run_for_every_site() {
    let env = Env::new();
    env.write("publik.yaml", "");
    for domain in ["a.example.org", "b.example.org"] {
        publik(&env).args(["tenant", "add", domain]).assert().success();
    }
    publik(&env)
        .args(["--all-tenants", "fetch-bounces"])
        .assert()
        .success()
        .stdout("")
        .stderr("");
    publik(&env)
        .args(["--all-tenants", "state", "check"])
        .assert()
        .success()
        .stdout("")
        .stderr("");
    // b's state broken: a row pointing at a body that is not there.
    let state = env.path("tenants/b.example.org/publik.sqlite3");
    let conn = rusqlite::Connection::open(&state).unwrap();
    conn.execute_batch(
        "PRAGMA foreign_keys = OFF;
         INSERT INTO messages (channel, body_id, recipient, created_at) VALUES ('email', 999, 'x@example.org', '2026-12-07T00:00:00.000Z');",
    )
    .unwrap();
    drop(conn);
    let out = publik(&env)
        .args(["--all-tenants", "state", "check"])
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout).to_string();
    let stderr = String::from_utf8_lossy(&out.stderr).to_string();
    assert_eq!(out.status.code(), Some(1), "{stdout}{stderr}");
    assert!(stdout.starts_with("b.example.org: foreign_key:"), "{stdout}");
    assert!(
        stderr.contains("b.example.org") && !stderr.contains("a.example.org"),
        "{stderr}"
    );
}
