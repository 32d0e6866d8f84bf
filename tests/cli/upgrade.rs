//! Upgrading: a state of an older schema, as an earlier publik left it.
//! Read-only commands never migrate, create or change a state; a migration
//! first keeps a copy of the state as it was, named by its schema.

use crate::common;

use common::Env;

/// The schema this publik writes (`state info` of a new state).
fn latest(env: &Env) -> u64 {
    env.publik()
        .args(["group", "create", "sud", "--label", "Sud"])
        .assert()
        .success();
    env.json(&["state", "info"])["schema_version"].as_u64().unwrap()
}

/// A state of schema 12 (before `lease_owner`, `unsubscribe_reason`,
/// `api_nonces` and `schema_history`),
/// with a queued message and a newsletter member: what publik 0.3 left.
fn schema_12_state(env: &Env) {
    env.write("body.txt", "Bonjour\n");
    env.publik()
        .args([
            "enqueue",
            "email",
            "--subject",
            "Avant",
            "--text",
            "body.txt",
            "--to",
            "alice@example.org",
        ])
        .assert()
        .success();
    env.publik()
        .args(["group", "create", "nord", "--label", "Nord"])
        .assert()
        .success();
    env.publik()
        .args(["group", "add", "nord", "bob@example.org"])
        .assert()
        .success();
    let conn = rusqlite::Connection::open(env.state()).unwrap();
    conn.execute_batch(
        "DROP TABLE site_owner;
         DROP TABLE schema_history;
         DROP TABLE api_nonces;
         ALTER TABLE messages DROP COLUMN lease_owner;
         ALTER TABLE group_members DROP COLUMN unsubscribe_reason;
         PRAGMA user_version = 12;
         PRAGMA wal_checkpoint(TRUNCATE);",
    )
    .unwrap();
}

fn bytes(path: &std::path::Path) -> Vec<u8> {
    std::fs::read(path).unwrap()
}

/// `state check --state BACKUP` (the README's way to verify a backup),
/// `state info`, the listings: the older state's bytes stay as they were;
/// info and check read it, listings say how to upgrade it.
#[test]
fn read_only_commands_never_migrate_an_older_state() {
    let env = Env::new();
    let latest = latest(&env);
    std::fs::remove_file(env.state()).unwrap();
    schema_12_state(&env);
    let before = bytes(&env.state());
    let info = env.json(&["state", "info"]);
    assert_eq!(info["schema_version"], 12, "{info}");
    assert_eq!(info["latest_schema_version"], latest, "{info}");
    assert!(info["migrated_by"].is_null(), "{info}");
    let text = env.publik().args(["state", "info"]).output().unwrap();
    assert!(
        String::from_utf8_lossy(&text.stdout).contains("`publik state upgrade` migrates it"),
        "{text:?}"
    );
    env.publik().args(["state", "check"]).assert().success();
    for listing in [
        &["queue", "list"][..],
        &["queue", "stats"],
        &["queue", "show", "1"],
    ] {
        let out = env.publik().args(listing).output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{listing:?}: {stderr}");
        assert!(stderr.contains("has schema 12"), "{listing:?}: {stderr}");
        assert!(stderr.contains("publik state upgrade"), "{listing:?}: {stderr}");
    }
    let check = env.publik().args(["queue", "check"]).output().unwrap();
    assert_eq!(check.status.code(), Some(3), "UNKNOWN for the monitoring");
    assert!(bytes(&env.state()) == before, "the state's bytes are unchanged");
    let copy = std::path::PathBuf::from(format!("{}.schema-12", env.state().display()));
    assert!(!copy.exists(), "nothing migrated, no copy");

    // A command that writes migrates it, keeping the copy first.
    env.publik()
        .args([
            "enqueue",
            "email",
            "--subject",
            "Après",
            "--text",
            "body.txt",
            "--to",
            "carol@example.org",
        ])
        .assert()
        .success();
    assert_eq!(env.json(&["state", "info"])["schema_version"], latest);
    let copied = env.json(&["--state", copy.to_str().unwrap(), "state", "info"]);
    assert_eq!(copied["schema_version"], 12, "{copied}");
    let rows = copied["tables"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["table"] == "messages")
        .unwrap()["rows"]
        .clone();
    assert_eq!(rows, 1, "the copy is the state before: {copied}");
    use std::os::unix::fs::PermissionsExt;
    assert_eq!(
        std::fs::metadata(&copy).unwrap().permissions().mode() & 0o777,
        0o600
    );
}

/// A read-only command on a missing state creates none (root running
/// `state info` used to leave a root-owned state the service could not open).
#[test]
fn read_only_commands_create_no_state() {
    let env = Env::new();
    env.write("publik.yaml", &format!("state: {}\n", env.state().display()));
    for command in [
        &["state", "info"][..],
        &["state", "check"],
        &["queue", "list"],
        &["queue", "stats"],
    ] {
        let out = env.publik().args(command).output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!out.status.success(), "{command:?}");
        assert!(stderr.contains("no state file"), "{command:?}: {stderr}");
        assert!(!env.state().exists(), "{command:?} created the state");
    }
}

/// `state upgrade` migrates on purpose, with the copy kept.
#[test]
fn state_upgrade_migrates_and_keeps_the_copy() {
    let env = Env::new();
    let latest = latest(&env);
    std::fs::remove_file(env.state()).unwrap();
    schema_12_state(&env);
    let info = env.json(&["state", "upgrade"]);
    assert_eq!(info["schema_version"], latest, "{info}");
    // Which publik migrated it, as `--version` names it.
    let version = env.publik().arg("--version").output().unwrap();
    assert_eq!(
        info["migrated_by"].as_str().unwrap(),
        String::from_utf8_lossy(&version.stdout).trim(),
        "{info}"
    );
    assert!(info["migrated_at"].as_str().is_some(), "{info}");
    let copy = std::path::PathBuf::from(format!("{}.schema-12", env.state().display()));
    let copied = env.json(&["--state", copy.to_str().unwrap(), "state", "info"]);
    assert_eq!(copied["schema_version"], 12, "{copied}");
    assert_eq!(env.json(&["queue", "list"]).as_array().unwrap().len(), 1);
}

/// The README's restore, followed word for word (its `publik` lines, run as
/// the test's user rather than through `runuser`, on the test's paths):
/// the backup's rows come back although the live state's WAL holds newer
/// ones; the replaced state is kept, whole; a restore while `serve` has
/// the state open is refused and changes nothing.
#[test]
fn the_readmes_restore_restores() {
    let env = Env::new();
    env.write("body.txt", "Bonjour\n");
    let enqueue = |to: &str| {
        env.publik()
            .args([
                "enqueue",
                "email",
                "--subject",
                "S",
                "--text",
                "body.txt",
                "--to",
                to,
            ])
            .assert()
            .success();
    };
    enqueue("in-backup@example.org");
    let backup = env.path("backup.sqlite3");
    env.publik()
        .args(["state", "backup"])
        .arg(&backup)
        .assert()
        .success();
    enqueue("after-backup@example.org");
    let wal = std::path::PathBuf::from(format!("{}-wal", env.state().display()));
    assert!(
        std::fs::metadata(&wal).unwrap().len() > 0,
        "the newer rows are in the live WAL"
    );

    // A serve holding the state open: refused, nothing changed.
    env.write("publik.yaml", "");
    let serve = env.serve();
    let out = env
        .publik()
        .args(["state", "restore"])
        .arg(&backup)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("open in another publik"), "{stderr}");
    drop(serve);
    assert_eq!(env.json(&["queue", "list"]).as_array().unwrap().len(), 2);

    let readme =
        std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap();
    let section = readme.split("### Restoring a backup").nth(1).unwrap();
    let block = section
        .split("```sh\n")
        .nth(1)
        .unwrap()
        .split("```")
        .next()
        .unwrap();
    let mut ran = 0;
    for line in block
        .lines()
        .filter(|l| l.starts_with("runuser -u publik -- publik "))
    {
        let line = line
            .trim_start_matches("runuser -u publik -- publik ")
            .replace("/var/backups/publik/publik.sqlite3", backup.to_str().unwrap());
        let args: Vec<&str> = line.split_whitespace().collect();
        let out = env.publik().args(&args).output().unwrap();
        assert!(
            out.status.success(),
            "{line}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        ran += 1;
    }
    assert_eq!(ran, 3, "the README's block: {block}");

    let list = env.json(&["queue", "list"]);
    let recipients: Vec<&str> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["recipient"].as_str().unwrap())
        .collect();
    assert_eq!(
        recipients,
        ["in-backup@example.org"],
        "the backup's rows, not the live WAL's"
    );
    let replaced: Vec<_> = std::fs::read_dir(env.path(""))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().contains(".replaced-") && !p.to_string_lossy().ends_with("-wal"))
        .collect();
    assert_eq!(replaced.len(), 1, "{replaced:?}");
    let kept = env.json(&["--state", replaced[0].to_str().unwrap(), "queue", "list"]);
    assert_eq!(
        kept.as_array().unwrap().len(),
        2,
        "the replaced state is whole: {kept}"
    );
    use std::os::unix::fs::PermissionsExt;
    assert_eq!(
        std::fs::metadata(env.state()).unwrap().permissions().mode() & 0o777,
        0o600
    );
}

/// A backup that fails `state check` (not a database) is not restored.
#[test]
fn a_broken_backup_is_not_restored() {
    let env = Env::new();
    env.publik().args(["state", "upgrade"]).assert().success();
    env.write("broken.sqlite3", "not a database at all");
    let out = env
        .publik()
        .args(["state", "restore"])
        .arg(env.path("broken.sqlite3"))
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("cannot be restored"), "{stderr}");
    assert!(env.state().exists());
    env.publik().args(["state", "check"]).assert().success();
}

/// A state made without `init` by an earlier publik has no link key, and
/// its queued newsletter rows carry their unsubscribe tokens themselves
/// (no placeholder made from a key). Sent with `email.bounce_address` set,
/// every row used to fail for good ("cannot read the link key … its
/// unsubscribe links cannot be made"). The key is made (0600), as `init`
/// does, and the letter goes out with its own token.
#[test]
fn a_missing_link_key_is_made_not_a_reason_to_fail_a_newsletter() {
    let env = Env::new();
    let server = common::smtp::SmtpServer::start();
    env.write(
        "publik.yaml",
        &format!(
            "email:\n  from: \"Mairie <noreply@mairie.example.org>\"\n  bounce_address: \"bounces+{{id}}@mairie.example.org\"\n  smtp:\n    host: 127.0.0.1\n    port: {}\n",
            server.port()
        ),
    );
    common::queue_newsletter(&env, "Bonjour\n");
    // As the earlier publik queued it: the token in the row, no key file.
    let conn = rusqlite::Connection::open(env.state()).unwrap();
    let changed = conn
        .execute(
            "UPDATE messages SET vars = json_remove(json_set(vars, '$.unsubscribe_token', 'legacy-token-1'), '$.unsubscribe_link')",
            [],
        )
        .unwrap();
    assert_eq!(changed, 1);
    drop(conn);
    let key = std::path::PathBuf::from(format!("{}.link-key", env.state().display()));
    std::fs::remove_file(&key).unwrap();
    env.publik().arg("send-queue").assert().success();
    let list = env.json(&["queue", "list"]);
    assert_eq!(list[0]["status"], "sent", "{list}");
    assert_eq!(server.count(), 1);
    use std::os::unix::fs::PermissionsExt;
    assert_eq!(
        std::fs::metadata(&key).unwrap().permissions().mode() & 0o777,
        0o600
    );
    let letter = String::from_utf8_lossy(&server.received()[0].data).to_string();
    assert!(letter.contains("/unsubscribe/legacy-token-1"), "{letter}");
}
