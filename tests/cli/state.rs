//! The state file under other SQLite clients: a backup script, the `sqlite3`
//! shell or a second publik opening it while `serve` or `send-queue` run.

use crate::common;

use std::time::Duration;

use common::Env;
use common::smtp::{Options, SmtpServer};

const APPROVAL: &str = include_str!("../../examples/workflows/approval.yaml");

/// What the `sqlite3` shell or a backup script does: open, read, close.
/// The close checkpoints and deletes the WAL when it believes it is the last
/// user of the file. Python's sqlite3 module is the system's SQLite, as a
/// sysadmin's script would use; `loops` times, every 5 ms.
fn peeker(env: &Env, table: &str, loops: u32) -> std::process::Child {
    let script = format!(
        "import sqlite3, time\n\
         for _ in range({loops}):\n    \
             c = sqlite3.connect({path:?})\n    \
             print(c.execute('SELECT count(*) FROM {table}').fetchone()[0], flush=True)\n    \
             c.close()\n    \
             time.sleep(0.005)\n",
        path = env.state().display().to_string()
    );
    std::process::Command::new("python3")
        .args(["-c", &script])
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("python3")
}

fn peek(env: &Env) -> i64 {
    let output = peeker(env, "forms", 1).wait_with_output().expect("python3");
    assert!(output.status.success());
    String::from_utf8_lossy(&output.stdout)
        .trim()
        .parse()
        .expect("a count")
}

fn approval(env: &Env) {
    env.write(
        "publik.yaml",
        "serve:\n  public_url: https://demarches.example.org\n",
    );
    env.write("approval.yaml", APPROVAL);
    env.publik()
        .args(["workflow", "import", "approval.yaml"])
        .assert()
        .success();
}

#[test]
fn serve_loses_no_jump_while_other_clients_open_the_state() {
    let env = Env::new();
    approval(&env);
    let forms = 100;
    let mut links = Vec::new();
    for i in 0..forms {
        let number = env.json(&[
            "form",
            "create",
            "--workflow",
            "approval",
            "--name",
            &format!("Demande {i}"),
        ])["number"]
            .as_str()
            .unwrap()
            .to_string();
        let token = env.json(&["issue-action-token", "--form", &number, "--action", "accept"])["token"]
            .as_str()
            .unwrap()
            .to_string();
        links.push((number, token));
    }
    let served = env.serve();
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .build()
        .into();
    for (number, token) in &links {
        let mut answer = agent
            .post(&format!("{}/actions/{token}/", served.base))
            .send("")
            .unwrap();
        assert_eq!(answer.status().as_u16(), 200, "form {number}");
        assert!(common::html_of(&mut answer).contains("Done."));
        assert_eq!(peek(&env), forms);
        eprintln!(
            "wal exists: {} pid {} locks:\n{}",
            env.path("state.sqlite3-wal").exists(),
            served.child.id(),
            std::fs::read_to_string("/proc/locks").unwrap()
        );
    }
    drop(served);
    let accepted = env.json(&["form", "list", "--status", "accepted"]);
    assert_eq!(
        accepted.as_array().unwrap().len(),
        forms as usize,
        "every jump answered \"Done.\" must be in the state"
    );
    env.publik().args(["state", "check"]).assert().success();
}

#[test]
fn send_queue_loses_no_outcome_while_other_clients_open_the_state() {
    let server = SmtpServer::start_with(Options {
        delay_per_message: Duration::from_millis(20),
        ..Options::default()
    });
    let env = Env::new();
    env.smtp_config(server.port(), "");
    let messages = 100;
    common::enqueue_bulk(&env, messages);
    let mut run = env.command().arg("send-queue").spawn().unwrap();
    let mut reader = peeker(&env, "messages", 1_000);
    assert!(run.wait().unwrap().success());
    let _ = reader.kill();
    let output = reader.wait_with_output().unwrap();
    let peeks = String::from_utf8_lossy(&output.stdout).lines().count();
    assert!(peeks > 10, "the reader ran during the send ({peeks} times)");
    assert_eq!(server.count(), messages);
    let sent = env.json(&["queue", "list", "--status", "sent"]);
    assert_eq!(sent.as_array().unwrap().len(), messages);
}

/// How many rows `queue list FILTER` shows in the state `state`.
fn rows_in(env: &Env, state: &std::path::Path, filter: &[&str]) -> usize {
    let out = env
        .publik()
        .args(["--json", "--state"])
        .arg(state)
        .args(["queue", "list"])
        .args(filter)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let rows: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    rows.as_array().unwrap().len()
}

#[test]
fn backup_is_a_complete_copy_taken_while_a_run_writes() {
    let server = SmtpServer::start_with(Options {
        delay_per_message: Duration::from_millis(10),
        ..Options::default()
    });
    let env = Env::new();
    env.smtp_config(server.port(), "");
    common::enqueue_bulk(&env, 50);
    let mut run = env.command().arg("send-queue").spawn().unwrap();
    let backup = env.path("backups/publik.sqlite3");
    std::fs::create_dir(env.path("backups")).unwrap();
    env.publik()
        .args(["state", "backup"])
        .arg(&backup)
        .assert()
        .success()
        .stdout("")
        .stderr("");
    assert!(run.wait().unwrap().success());
    use std::os::unix::fs::PermissionsExt;
    assert_eq!(
        std::fs::metadata(&backup).unwrap().permissions().mode() & 0o777,
        0o600
    );
    let beside: Vec<_> = std::fs::read_dir(env.path("backups"))
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(beside.len(), 1, "one self-contained file: {beside:?}");
    // The copy is a usable state: publik reads it, it checks clean, and it
    // holds every row that was queued.
    assert_eq!(rows_in(&env, &backup, &[]), 50);
    env.publik()
        .arg("--state")
        .arg(&backup)
        .args(["state", "check"])
        .assert()
        .success()
        .stdout("");
    // Again over the same file: replaced by the new copy.
    env.publik()
        .args(["state", "backup"])
        .arg(&backup)
        .assert()
        .success();
    let sent = env
        .json(&["queue", "list", "--status", "sent"])
        .as_array()
        .unwrap()
        .len();
    assert_eq!(rows_in(&env, &backup, &["--status", "sent"]), sent);
}

#[test]
fn backup_refuses_the_state_itself() {
    let env = Env::new();
    env.publik().args(["state", "upgrade"]).assert().success();
    let before = std::fs::read(env.state()).unwrap();
    let out = env
        .publik()
        .args(["state", "backup"])
        .arg(env.state())
        .assert()
        .code(1);
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).to_string();
    assert!(stderr.contains("is the state itself"), "{stderr}");
    assert_eq!(std::fs::read(env.state()).unwrap(), before);
}

#[test]
fn check_reports_a_broken_reference() {
    let env = Env::new();
    env.write("body.txt", "Bonjour\n");
    env.publik()
        .args([
            "enqueue",
            "email",
            "--to",
            "a@example.org",
            "--subject",
            "Test",
            "--text",
            "body.txt",
        ])
        .assert()
        .success();
    env.publik()
        .args(["state", "check"])
        .assert()
        .success()
        .stdout("")
        .stderr("");
    // Damage done behind publik's back, foreign keys off as the sqlite3 shell has them.
    let conn = rusqlite::Connection::open(env.state()).unwrap();
    conn.execute_batch("PRAGMA foreign_keys = OFF; DELETE FROM bodies;")
        .unwrap();
    drop(conn);
    let out = env.publik().args(["state", "check"]).assert().code(1);
    let stdout = String::from_utf8_lossy(&out.get_output().stdout).to_string();
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).to_string();
    assert!(stdout.contains("foreign_key: messages row"), "{stdout}");
    assert!(stderr.contains("1 problem"), "{stderr}");
    let report = env.publik().args(["--json", "state", "check"]).assert().code(1);
    let report: serde_json::Value = serde_json::from_slice(&report.get_output().stdout).unwrap();
    assert_eq!(report["ok"], false);
    assert_eq!(report["problems"][0]["kind"], "foreign_key");
}
