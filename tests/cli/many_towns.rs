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
