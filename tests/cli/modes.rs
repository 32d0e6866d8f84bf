//! Whatever the umask, every file publik writes is its owner's (0600, or
//! 0640 where a group reads it: man pages) and every directory it makes
//! 0750: a cron or unit started with `umask 000` must not leave personal
//! data, keys or live links readable or writable by every local user.

use crate::common;

use std::os::unix::fs::PermissionsExt;
use std::path::Path;

use common::Env;

/// `publik ARGS` under `umask 000`.
fn run_with_umask_000(env: &Env, args: &str) {
    let out = std::process::Command::new("sh")
        .arg("-c")
        .arg(format!("umask 000; exec \"$0\" {args}"))
        .arg(env!("CARGO_BIN_EXE_publik"))
        .current_dir(env.dir.path())
        .env("PUBLIK_STATE", env.state())
        .env("PUBLIK_CONFIG", env.config())
        .env_remove("PUBLIK_NOW")
        .output()
        .unwrap();
    assert!(out.status.success(), "publik {args}: {out:?}");
}

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path).unwrap().permissions().mode() & 0o7777
}

#[test]
fn files_and_directories_publik_writes_ignore_the_umask() {
    let env = Env::new();
    env.write(
        "publik.yaml",
        "email:\n  from: \"Mairie <noreply@example.org>\"\n",
    );
    env.write("body.txt", "Bonjour\n");

    run_with_umask_000(
        &env,
        "gen-ics --start '2026-11-23 10:00' --duration 1h --label RDV -o rdv.ics",
    );
    assert_eq!(mode(&env.path("rdv.ics")), 0o600, "gen-ics -o");

    run_with_umask_000(&env, "man --dir pages/man1");
    assert_eq!(mode(&env.path("pages")), 0o750, "man --dir, each level made");
    assert_eq!(mode(&env.path("pages/man1")), 0o750, "man --dir");
    for page in std::fs::read_dir(env.path("pages/man1")).unwrap() {
        let page = page.unwrap().path();
        assert_eq!(mode(&page), 0o640, "{}", page.display());
    }

    // Already so; kept so by this test: the state, the outbox and its
    // messages, the link key, a backup.
    run_with_umask_000(
        &env,
        "enqueue email --to a@example.org --subject Objet --text body.txt",
    );
    run_with_umask_000(&env, "send-queue");
    assert_eq!(mode(&env.state()), 0o600, "state");
    assert_eq!(mode(&env.path("outbox")), 0o750, "outbox");
    for message in std::fs::read_dir(env.path("outbox")).unwrap() {
        assert_eq!(mode(&message.unwrap().path()), 0o600, "outbox message");
    }
    run_with_umask_000(&env, "state backup backup.sqlite3");
    assert_eq!(mode(&env.path("backup.sqlite3")), 0o600, "backup");
    let key = env.path("state.sqlite3.link-key");
    if key.exists() {
        assert_eq!(mode(&key), 0o600, "link key");
    }
}
