//! A push endpoint is one device however it is spelled, and a refused one
//! tells the subscriber no more than that.

use crate::common;

use common::Env;
use common::push::PushService;

const SUBJECT: &str = "mailto:admin@ville.example.org";

fn subscribe(env: &Env, user: &str, json: &str) -> std::process::Output {
    env.publik()
        .args(["push", "subscribe", "--user", user])
        .write_stdin(json.to_string())
        .output()
        .unwrap()
}

fn setup(env: &Env) {
    env.write(
        "publik.yaml",
        &format!("webpush:\n  private_key_file: vapid.pem\n  allowed_hosts: [127.0.0.1]\n  subject: \"{SUBJECT}\"\n"),
    );
    env.publik()
        .args(["vapid", "generate", "--out", "vapid.pem"])
        .assert()
        .success();
}

/// Alice's endpoint spelled another way (scheme in capitals, an empty
/// query or fragment, a fragment) is still hers: mallory cannot register it.
#[test]
fn another_spelling_of_an_endpoint_is_the_same_device() {
    let service = PushService::start(SUBJECT);
    let env = Env::new();
    setup(&env);
    let phone = service.subscriber(201, "phone");
    assert!(subscribe(&env, "alice", &phone.json()).status.success());
    let rest = phone.endpoint.strip_prefix("http://").unwrap();
    for endpoint in [
        format!("HTTP://{rest}"),
        format!("{}?", phone.endpoint),
        format!("{}#", phone.endpoint),
        format!("{}#x", phone.endpoint),
    ] {
        let json = phone.json().replace(&phone.endpoint, &endpoint);
        let out = subscribe(&env, "mallory", &json);
        let stderr = String::from_utf8_lossy(&out.stderr).to_string();
        assert_eq!(out.status.code(), Some(65), "{endpoint}: {stderr}");
        assert!(stderr.contains("another user"), "{endpoint}: {stderr}");
    }
    let all = env.json(&["push", "list"]);
    assert_eq!(all.as_array().unwrap().len(), 1, "{all}");
    assert_eq!(all[0]["user"], "alice");
}

/// What a name resolves to, or why it does not, is not the subscriber's to
/// learn: "not a public push service"; `-v` tells the operator why.
#[test]
fn a_refused_endpoint_reveals_no_dns_answer() {
    let service = PushService::start(SUBJECT);
    let env = Env::new();
    setup(&env);
    env.write(
        "publik.yaml",
        &format!("webpush:\n  private_key_file: vapid.pem\n  subject: \"{SUBJECT}\"\n"),
    );
    let phone = service.subscriber(201, "phone");
    let json = phone
        .json()
        .replace(&phone.endpoint, "https://push.nowhere.invalid/x");
    let out = subscribe(&env, "u", &json);
    let stderr = String::from_utf8_lossy(&out.stderr).to_string();
    assert_eq!(out.status.code(), Some(65), "{stderr}");
    assert!(stderr.contains("not a public push service"), "{stderr}");
    assert!(
        !stderr.contains("resolve") && !stderr.contains("lookup"),
        "{stderr}"
    );
}
