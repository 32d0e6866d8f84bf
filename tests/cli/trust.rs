//! No local user becomes publik through a site: what `--all-tenants` and
//! `--all-tenants serve` believe, against a real second user (`nobody`).

use crate::common;
use crate::tenants::{enqueue, publik};

use std::os::unix::fs::PermissionsExt;
use std::time::Duration;

use common::Env;

fn chmod(path: &std::path::Path, mode: u32) {
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
}

/// Two sites sending to their outboxes; every directory down to them is
/// others' to read (so that `nobody` reaches them) but not to write.
fn two_sites(env: &Env) {
    env.write(
        "publik.yaml",
        "email:\n  from: \"Plateforme <noreply@example.org>\"\n",
    );
    chmod(env.dir.path(), 0o755);
    for domain in ["a.example.org", "b.example.org"] {
        publik(env).args(["tenant", "add", domain]).assert().success();
        enqueue(env, domain, 1);
    }
    chmod(&env.path("tenants"), 0o755);
}

fn outbox_count(env: &Env, domain: &str) -> usize {
    std::fs::read_dir(env.path("tenants").join(domain).join("outbox")).map_or(0, |d| d.count())
}

/// `nobody` may write b's directory (757): they put a publik.yaml of
/// theirs piping b's mail to their script. `--all-tenants send-queue`, run
/// as root, runs nothing of theirs, says why once (the path, its owner and
/// mode, the fix), and a still sends; the same for a site config owned by
/// `nobody`, and for a site directory `nobody` owns, even 0750.
#[test]
fn a_site_another_user_may_write_runs_nothing_of_theirs() {
    let env = Env::new();
    two_sites(&env);
    let b = env.path("tenants/b.example.org");
    chmod(&b, 0o757);
    let marker = b.join("ran-as-root");
    let script = format!(
        "printf '#!/bin/sh\\ntouch {marker}\\ncat >/dev/null\\n' > evil.sh && chmod 755 evil.sh && rm -f publik.yaml && \
         printf 'email:\\n  transport: sendmail\\n  sendmail:\\n    command: {b}/evil.sh\\n' > publik.yaml",
        marker = marker.display(),
        b = b.display()
    );
    let planted = std::process::Command::new("runuser")
        .args(["-u", "nobody", "--", "sh", "-c", &script])
        .current_dir(&b)
        .output()
        .unwrap();
    assert!(planted.status.success(), "{planted:?}");

    let out = publik(&env)
        .args(["--all-tenants", "send-queue"])
        .timeout(Duration::from_secs(60))
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).to_string();
    assert!(!marker.exists(), "nobody's script ran: {stderr}");
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("b.example.org (owner root, mode 757) is writable by others than its owner")
            && stderr.contains(&format!("chmod go-w {}", b.display())),
        "{stderr}"
    );
    assert_eq!(stderr.lines().count(), 1, "said once: {stderr}");
    assert_eq!(outbox_count(&env, "a.example.org"), 1, "a still sends");
    // A cron line for that one site believes no more.
    let out = publik(&env)
        .args(["--tenant", "b.example.org", "send-queue"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).to_string();
    assert!(!marker.exists(), "nobody's script ran: {stderr}");
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("(owner root, mode 757) is writable by others"),
        "{stderr}"
    );
    // And `tenant check` says so.
    let check = publik(&env).args(["tenant", "check"]).output().unwrap();
    let stdout = String::from_utf8_lossy(&check.stdout).to_string();
    assert_eq!(check.status.code(), Some(1), "{stdout}");
    assert!(
        stdout.contains("b.example.org: FAILED: ") && stdout.contains("(owner root, mode 757)"),
        "{stdout}"
    );

    // The directory closed again, the file is still nobody's.
    chmod(&b, 0o750);
    let out = publik(&env)
        .args(["--all-tenants", "send-queue"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).to_string();
    assert!(!marker.exists(), "nobody's script ran: {stderr}");
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("publik.yaml (owner nobody, mode 644) is owned by another user")
            && stderr.contains("chown root "),
        "{stderr}"
    );

    // A site directory owned by nobody, however closed.
    std::fs::write(b.join("publik.yaml"), "").unwrap();
    let chown = std::process::Command::new("chown")
        .arg("nobody")
        .arg(&b)
        .status()
        .unwrap();
    assert!(chown.success());
    let out = publik(&env)
        .args(["--all-tenants", "send-queue"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).to_string();
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("b.example.org (owner nobody, mode 750) is owned by another user"),
        "{stderr}"
    );
    assert_eq!(outbox_count(&env, "b.example.org"), 0);
}

/// A state file reached through a symbolic link to a file another user
/// owns is refused, and so is the main config in a directory others may
/// write (the whole run: it is every site's).
#[test]
fn a_state_linked_to_anothers_file_and_an_open_config_directory_are_refused() {
    let env = Env::new();
    two_sites(&env);
    let theirs = env.path("tenants/b.example.org/theirs.sqlite3");
    std::fs::copy(env.path("tenants/b.example.org/publik.sqlite3"), &theirs).unwrap();
    let chown = std::process::Command::new("chown")
        .arg("nobody")
        .arg(&theirs)
        .status()
        .unwrap();
    assert!(chown.success());
    std::fs::write(
        env.path("tenants/b.example.org/publik.yaml"),
        "state: ./linked.sqlite3\n",
    )
    .unwrap();
    std::os::unix::fs::symlink(&theirs, env.path("tenants/b.example.org/linked.sqlite3")).unwrap();
    let out = publik(&env)
        .args(["--all-tenants", "send-queue"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).to_string();
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("theirs.sqlite3 (owner nobody, mode 600) is owned by another user"),
        "{stderr}"
    );
    assert_eq!(outbox_count(&env, "a.example.org"), 1, "a still sends");

    let conf = env.path("conf");
    std::fs::create_dir(&conf).unwrap();
    std::fs::rename(env.config(), conf.join("publik.yaml")).unwrap();
    chmod(&conf, 0o777);
    let out = publik(&env)
        .env("PUBLIK_CONFIG", conf.join("publik.yaml"))
        .args(["--all-tenants", "send-queue"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).to_string();
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("conf (owner root, mode 777) is writable by others"),
        "{stderr}"
    );
}

/// `--all-tenants serve` believes no more: a site whose config others may
/// write, or every site of a tenants directory others may write, is not
/// served (404), and is again once fixed.
#[test]
fn serve_refuses_sites_others_may_write() {
    let env = Env::new();
    env.write("publik.yaml", "");
    let a = crate::tenants::site_with_link(&env, "a.example.org");
    let b = crate::tenants::site_with_link(&env, "b.example.org");
    let site_config = env.path("tenants/a.example.org/publik.yaml");
    chmod(&site_config, 0o666);
    let port = common::free_port();
    let stderr_file = env.path("serve.err");
    let served = common::Served {
        base: String::new(),
        child: env
            .command()
            .env("PUBLIK_TENANTS_DIR", env.path("tenants"))
            .args(["--all-tenants", "serve", "--listen", &format!("127.0.0.1:{port}")])
            .stderr(std::fs::File::create(&stderr_file).unwrap())
            .spawn()
            .unwrap(),
    };
    common::wait_for_port(port);
    let get = |host: &str, path: &str| crate::tenants::get_for_host(port, host, path).0;
    assert_eq!(get("a.example.org", &a), 404, "a's config is anyone's");
    assert_eq!(get("b.example.org", &b), 200);
    chmod(&site_config, 0o600);
    std::thread::sleep(Duration::from_millis(1100));
    assert_eq!(get("a.example.org", &a), 200, "fixed, served again");

    chmod(&env.path("tenants"), 0o777);
    std::thread::sleep(Duration::from_millis(1100));
    assert_eq!(get("a.example.org", &a), 404, "the tenants directory is anyone's");
    assert_eq!(get("b.example.org", &b), 404);
    std::thread::sleep(Duration::from_millis(1100));
    assert_eq!(get("b.example.org", &b), 404);
    drop(served);
    let stderr = std::fs::read_to_string(&stderr_file).unwrap();
    assert!(
        stderr.contains("a.example.org/publik.yaml (owner root, mode 666) is writable by others"),
        "{stderr}"
    );
    let tenants_refused = stderr
        .lines()
        .filter(|l| l.contains("tenants (owner root, mode 777) is writable by others"))
        .count();
    assert_eq!(tenants_refused, 1, "said once: {stderr}");
}

fn queue_len(env: &Env, domain: &str) -> usize {
    let list = publik(env)
        .args(["--json", "--tenant", domain, "queue", "list"])
        .output()
        .unwrap();
    assert!(list.status.success(), "{list:?}");
    serde_json::from_slice::<serde_json::Value>(&list.stdout)
        .unwrap()
        .as_array()
        .unwrap()
        .len()
}

/// A site copied with hard links (`cp -al`), or naming another's state in
/// its publik.yaml, shares nothing: `tenant check` fails (65) naming both
/// sites and the file, `--tenant d` and `--all-tenants` refuse the newer
/// site, and nothing lands in the older one's queue.
#[test]
fn two_sites_never_share_a_state_or_a_link_key() {
    let env = Env::new();
    env.write("publik.yaml", "");
    publik(&env)
        .args(["tenant", "add", "a.example.org"])
        .assert()
        .success();
    enqueue(&env, "a.example.org", 1);
    let tenants = env.path("tenants");
    let copied = std::process::Command::new("cp")
        .arg("-al")
        .arg(tenants.join("a.example.org"))
        .arg(tenants.join("d.example.org"))
        .status()
        .unwrap();
    assert!(copied.success());

    let check = publik(&env).args(["tenant", "check"]).output().unwrap();
    let said = format!(
        "{}{}",
        String::from_utf8_lossy(&check.stdout),
        String::from_utf8_lossy(&check.stderr)
    );
    assert_eq!(check.status.code(), Some(65), "{said}");
    assert!(
        said.contains("d.example.org: FAILED")
            && said.contains("d.example.org/publik.sqlite3\" is the same file as a.example.org's"),
        "{said}"
    );
    let stderr = enqueue_refused(&env, "d.example.org");
    assert!(stderr.contains("is the same file as a.example.org's"), "{stderr}");
    assert_eq!(queue_len(&env, "a.example.org"), 1, "nothing in a's queue");
    let out = publik(&env)
        .args(["--all-tenants", "send-queue"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).to_string();
    assert_eq!(out.status.code(), Some(65), "{stderr}");
    assert!(stderr.contains("error: d.example.org: "), "{stderr}");
    assert_eq!(outbox_count(&env, "a.example.org"), 1, "a still sends");

    // Named in its publik.yaml: outside its directory, refused.
    let before = queue_len(&env, "a.example.org");
    std::fs::remove_dir_all(tenants.join("d.example.org")).unwrap();
    publik(&env)
        .args(["tenant", "add", "e.example.org"])
        .assert()
        .success();
    std::fs::write(
        tenants.join("e.example.org/publik.yaml"),
        "state: ../a.example.org/publik.sqlite3\n",
    )
    .unwrap();
    let check = publik(&env).args(["tenant", "check"]).output().unwrap();
    let said = format!(
        "{}{}",
        String::from_utf8_lossy(&check.stdout),
        String::from_utf8_lossy(&check.stderr)
    );
    assert_eq!(check.status.code(), Some(65), "{said}");
    assert!(
        said.contains("e.example.org: FAILED") && said.contains("state: "),
        "{said}"
    );
    let stderr = enqueue_refused(&env, "e.example.org");
    assert!(stderr.contains("outside the site's directory"), "{stderr}");
    std::fs::write(
        tenants.join("e.example.org/publik.yaml"),
        format!(
            "serve:\n  link_key_file: {}\n",
            tenants.join("a.example.org/publik.sqlite3.link-key").display()
        ),
    )
    .unwrap();
    let stderr = enqueue_refused(&env, "e.example.org");
    assert!(stderr.contains("outside the site's directory"), "{stderr}");
    assert_eq!(queue_len(&env, "a.example.org"), before, "nothing in a's queue");
}

/// `--tenant DOMAIN enqueue` refused as bad input (65): its stderr.
fn enqueue_refused(env: &Env, domain: &str) -> String {
    let out = publik(env)
        .args([
            "--tenant",
            domain,
            "enqueue",
            "email",
            "--subject",
            "x",
            "--text",
            "body.txt",
        ])
        .args(["--bcc", "someone@example.org"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).to_string();
    assert_eq!(out.status.code(), Some(65), "{domain}: {stderr}");
    stderr
}

/// A site directory that is a symbolic link to another site's (`ln -s a e`)
/// lends every file of a's to e while each lies "inside" e's directory:
/// `--tenant e` is refused (65) and nothing lands in a's queue.
#[test]
fn a_site_directory_linked_to_anothers_is_refused() {
    let env = Env::new();
    env.write("publik.yaml", "");
    publik(&env)
        .args(["tenant", "add", "a.example.org"])
        .assert()
        .success();
    enqueue(&env, "a.example.org", 1);
    std::os::unix::fs::symlink("a.example.org", env.path("tenants").join("e.example.org")).unwrap();
    let stderr = enqueue_refused(&env, "e.example.org");
    assert!(stderr.contains("is a symbolic link"), "{stderr}");
    assert_eq!(queue_len(&env, "a.example.org"), 1, "nothing in a's queue");
    let check = publik(&env).args(["tenant", "check"]).output().unwrap();
    assert_eq!(check.status.code(), Some(65));
}

/// Two sites naming one PostgreSQL database, however the URL is spelled:
/// `--tenant d` used to work in c's queue (a database is no file, so the
/// other sites were never looked at); now refused (65), the older site
/// keeps it.
#[test]
fn two_sites_never_share_a_database_however_it_is_written() {
    let server = common::postgres::Postgres::start();
    server.create("shared");
    let env = Env::new();
    env.write("publik.yaml", "");
    env.write("body.txt", "Bonjour\n");
    for (domain, url) in [
        ("c.example.org", server.url("shared")),
        (
            "d.example.org",
            format!(
                "postgresql:///shared?host=localhost&port={}&user=publik",
                server.port
            ),
        ),
        // A name that resolves nowhere, the address given apart: only the
        // database itself can tell it is c's.
        (
            "f.example.org",
            format!(
                "postgresql://publik@x.invalid:{}/shared?hostaddr=127.0.0.1",
                server.port
            ),
        ),
    ] {
        let dir = env.path("tenants").join(domain);
        std::fs::create_dir_all(&dir).unwrap();
        chmod(&env.path("tenants"), 0o750);
        chmod(&dir, 0o750);
        let file = dir.join("publik.yaml");
        std::fs::write(
            &file,
            format!("state: {url}\nserve:\n  link_key_file: link.key\n"),
        )
        .unwrap();
        chmod(&file, 0o600);
        // One site made before the other: the older keeps the database.
        std::thread::sleep(Duration::from_millis(20));
    }
    publik(&env)
        .args(["--tenant", "c.example.org", "state", "upgrade"])
        .assert()
        .success();
    for other in ["d.example.org", "f.example.org"] {
        let stderr = enqueue_refused(&env, other);
        assert!(stderr.contains("c.example.org"), "{other}: {stderr}");
        let listed = publik(&env)
            .args(["--tenant", other, "queue", "list"])
            .output()
            .unwrap();
        assert_eq!(listed.status.code(), Some(65), "{other} reads nothing of c's");
    }
    assert_eq!(queue_len(&env, "c.example.org"), 0, "nothing in c's queue");
}

/// The keys and secrets a site believes are checked like its config: a
/// DKIM key another user may replace would sign the site's mail with
/// theirs. The site is refused, said once; the other still sends.
#[test]
fn a_key_file_another_user_may_replace_is_refused() {
    let env = Env::new();
    two_sites(&env);
    let open = env.path("open");
    std::fs::create_dir(&open).unwrap();
    chmod(&open, 0o777);
    let made = std::process::Command::new("openssl")
        .args(["genpkey", "-algorithm", "ed25519", "-out"])
        .arg(open.join("dkim.pem"))
        .output()
        .expect("openssl");
    assert!(made.status.success(), "{made:?}");
    chmod(&open.join("dkim.pem"), 0o600);
    let b = env.path("tenants/b.example.org");
    std::fs::write(
        b.join("publik.yaml"),
        format!(
            "email:\n  dkim:\n    selector: s1\n    domain: example.org\n    private_key_file: {}\n",
            open.join("dkim.pem").display()
        ),
    )
    .unwrap();
    let out = publik(&env)
        .args(["--all-tenants", "send-queue"])
        .timeout(Duration::from_secs(60))
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).to_string();
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("b.example.org") && stderr.contains("open"),
        "{stderr}"
    );
    assert_eq!(outbox_count(&env, "a.example.org"), 1, "a still sends");
    assert_eq!(outbox_count(&env, "b.example.org"), 0);
}
