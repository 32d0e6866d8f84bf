//! The Debian package, unpacked as dpkg would lay it out: files, modes,
//! conffiles, and the unpacked binary against the unpacked config. Needs
//! the .deb: `scripts/test` builds it with `scripts/package` and runs this
//! with `PUBLIK_DEB` set.

use std::path::Path;
use std::process::Command;

fn dpkg_deb(args: &[&str]) -> String {
    let output = Command::new("dpkg-deb").args(args).output().expect("dpkg-deb");
    assert!(output.status.success(), "dpkg-deb {args:?}: {output:?}");
    String::from_utf8(output.stdout).unwrap()
}

#[test]
#[ignore = "needs the .deb: scripts/package, then PUBLIK_DEB=path cargo test -- --ignored package"]
fn the_deb_installs_what_a_debian_service_needs() {
    let deb = std::env::var("PUBLIK_DEB").expect("PUBLIK_DEB: the .deb scripts/package built");
    // Path → mode, from the archive's listing.
    let listing = dpkg_deb(&["-c", &deb]);
    let modes: std::collections::HashMap<String, String> = listing
        .lines()
        .map(|line| {
            let fields: Vec<&str> = line.split_whitespace().collect();
            (
                fields[5].trim_start_matches('.').to_string(),
                fields[0].to_string(),
            )
        })
        .collect();
    for (path, mode) in [
        ("/usr/bin/publik", "-rwxr-xr-x"),
        ("/etc/publik/config.yaml", "-rw-r-----"),
        ("/lib/systemd/system/publik-send-queue.service", "-rw-r--r--"),
        ("/lib/systemd/system/publik-send-queue.timer", "-rw-r--r--"),
        ("/lib/systemd/system/publik-send-webpush.timer", "-rw-r--r--"),
        ("/lib/systemd/system/publik-retry-queue.timer", "-rw-r--r--"),
        ("/lib/systemd/system/publik-feed-mail-maarch.timer", "-rw-r--r--"),
        ("/lib/systemd/system/publik-fetch-bounces.timer", "-rw-r--r--"),
        ("/lib/systemd/system/publik-nightly.timer", "-rw-r--r--"),
        ("/lib/systemd/system/publik-serve.service", "-rw-r--r--"),
        ("/usr/lib/sysusers.d/publik.conf", "-rw-r--r--"),
        ("/usr/lib/tmpfiles.d/publik.conf", "-rw-r--r--"),
        ("/usr/share/man/man1/publik.1.gz", "-rw-r--r--"),
        ("/usr/share/man/man1/publik-send-queue.1.gz", "-rw-r--r--"),
        ("/usr/share/man/man5/publik.yaml.5.gz", "-rw-r--r--"),
        ("/usr/share/bash-completion/completions/publik", "-rw-r--r--"),
        ("/usr/share/zsh/vendor-completions/_publik", "-rw-r--r--"),
        ("/usr/share/fish/vendor_completions.d/publik.fish", "-rw-r--r--"),
        ("/usr/share/doc/publik/copyright", "-rw-r--r--"),
        ("/usr/share/doc/publik/examples/publik.yaml", "-rw-r--r--"),
        (
            "/usr/share/doc/publik/examples/systemd/publik-send-queue.service",
            "-rw-r--r--",
        ),
    ] {
        assert_eq!(
            modes.get(path).map(String::as_str),
            Some(mode),
            "{path}\n{listing}"
        );
    }
    let control = dpkg_deb(&["-f", &deb]);
    assert!(control.contains("Package: publik"), "{control}");
    assert!(control.contains("Depends: libc6"), "{control}");

    let root = tempfile::tempdir().unwrap();
    let root = root.path();
    dpkg_deb(&["-x", &deb, root.to_str().unwrap()]);
    let control_dir = root.join("DEBIAN");
    dpkg_deb(&["-e", &deb, control_dir.to_str().unwrap()]);
    let conffiles = std::fs::read_to_string(control_dir.join("conffiles")).unwrap();
    assert_eq!(conffiles.trim(), "/etc/publik/config.yaml");
    let sysusers = std::fs::read_to_string(root.join("usr/lib/sysusers.d/publik.conf")).unwrap();
    assert!(sysusers.lines().any(|l| l.starts_with("u publik ")), "{sysusers}");
    let unit = std::fs::read_to_string(root.join("lib/systemd/system/publik-send-queue.service")).unwrap();
    for line in [
        "ExecStart=/usr/bin/publik send-queue --time-limit 50s",
        "User=publik",
        "StateDirectory=publik",
        "Environment=PUBLIK_CONFIG=/etc/publik/config.yaml",
    ] {
        assert!(unit.lines().any(|l| l == line), "{line}\n{unit}");
    }

    // The unpacked binary and config: the state in /var/lib/publik.
    let publik = root.join("usr/bin/publik");
    let config = root.join("etc/publik/config.yaml");
    let text = std::fs::read_to_string(&config).unwrap();
    assert!(
        text.lines().any(|l| l == "state: /var/lib/publik/publik.sqlite3"),
        "{text}"
    );
    let version = Command::new(&publik).arg("--version").output().unwrap();
    let version = String::from_utf8_lossy(&version.stdout).trim().to_string();
    assert!(
        version.starts_with(&format!("publik {} (commit ", env!("CARGO_PKG_VERSION"))),
        "{version}"
    );
    let check = Command::new(&publik)
        .args(["--config", config.to_str().unwrap(), "--json", "config", "check"])
        .env_remove("PUBLIK_STATE")
        .env_remove("PUBLIK_CONFIG")
        .current_dir(Path::new("/"))
        .output()
        .unwrap();
    assert!(check.status.success(), "{check:?}");
    let checked: serde_json::Value = serde_json::from_slice(&check.stdout).unwrap();
    assert_eq!(
        checked["settings"]["state"], "/var/lib/publik/publik.sqlite3",
        "{checked}"
    );
    assert_eq!(
        checked["settings"]["email"]["file"]["dir"],
        "/var/lib/publik/outbox"
    );
}

fn run(program: &str, args: &[&str]) -> std::process::Output {
    Command::new(program)
        .args(args)
        .current_dir("/")
        .env_remove("PUBLIK_STATE")
        .env_remove("PUBLIK_CONFIG")
        .output()
        .unwrap_or_else(|e| panic!("{program}: {e}"))
}

fn succeeds(program: &str, args: &[&str]) -> String {
    let output = run(program, args);
    assert!(output.status.success(), "{program} {args:?}: {output:?}");
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// `stat -c '%U:%G %a' PATH`.
fn owner_and_mode(path: &str) -> String {
    succeeds("stat", &["-c", "%U:%G %a", path]).trim().to_string()
}

/// The service's `ExecStart=` commands and `Environment=` settings.
fn unit_commands(unit: &str) -> (Vec<String>, Vec<String>) {
    let text = std::fs::read_to_string(unit).unwrap();
    let values = |key: &str| -> Vec<String> {
        text.lines()
            .filter_map(|line| line.strip_prefix(key))
            .map(str::to_string)
            .collect()
    };
    (values("ExecStart="), values("Environment="))
}

/// Runs a `serve` unit's command as systemd would (as `publik`, from `/`),
/// asks it for a page, stops it with SIGTERM: it must answer and exit 0.
fn serve_answers_and_stops(environment: &[String], command: &str) {
    let mut child = Command::new("runuser")
        .args(["-u", "publik", "--", "env"])
        .args(environment)
        .args(command.split_whitespace())
        .current_dir("/")
        .spawn()
        .unwrap();
    // The installed config listens where the shipped nginx example points.
    let port = 8080;
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    let status = loop {
        let reply = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .build()
            .new_agent()
            .get(&format!("http://127.0.0.1:{port}/actions/no-such-token/"))
            .call();
        if let Ok(reply) = reply {
            break reply.status().as_u16();
        }
        assert!(
            std::time::Instant::now() < deadline,
            "{command}: no answer on port {port}"
        );
        assert!(child.try_wait().unwrap().is_none(), "{command} exited");
        std::thread::sleep(std::time::Duration::from_millis(50));
    };
    assert!((200..500).contains(&status), "{command}: {status}");
    // SIGTERM to publik itself, as systemd sends it to the main process
    // (runuser, its parent here, then exits with publik's status).
    let runuser = child.id();
    let children = std::fs::read_to_string(format!("/proc/{runuser}/task/{runuser}/children")).unwrap();
    let publik: libc::pid_t = children.split_whitespace().next().unwrap().parse().unwrap();
    // SAFETY: a plain kill(2) on our own grandchild.
    assert_eq!(unsafe { libc::kill(publik, libc::SIGTERM) }, 0);
    let exit = child.wait().unwrap();
    assert!(exit.success(), "{command} after SIGTERM: {exit:?}");
}

/// The .deb installed with dpkg on this machine (the tests run as root),
/// every unit's command run as the service user against the installed
/// config, lintian and systemd-analyze on what it ships, then removed and
/// purged. Skipped only where there is no dpkg.
#[test]
#[ignore = "installs the .deb system-wide: scripts/test runs it with PUBLIK_DEB set"]
fn the_deb_installs_runs_and_goes() {
    if Command::new("dpkg").arg("--version").output().is_err() {
        eprintln!("skipped: no dpkg on this machine");
        return;
    }
    let deb = std::env::var("PUBLIK_DEB").expect("PUBLIK_DEB: the .deb scripts/package built");
    // The commands below run from `/`, as systemd's do.
    let deb = std::fs::canonicalize(&deb).unwrap().display().to_string();
    succeeds("dpkg", &["-i", &deb]);
    succeeds("getent", &["passwd", "publik"]);
    succeeds("getent", &["group", "publik"]);
    assert_eq!(owner_and_mode("/etc/publik/config.yaml"), "root:publik 640");
    assert_eq!(owner_and_mode("/var/lib/publik"), "publik:publik 750");
    assert_eq!(owner_and_mode("/var/backups/publik"), "publik:publik 750");

    // Each unit as systemd would start it: its Environment=, as publik.
    let mut units: Vec<String> = std::fs::read_dir("/lib/systemd/system")
        .unwrap()
        .map(|entry| entry.unwrap().path().display().to_string())
        .filter(|path| path.contains("/publik-"))
        .collect();
    units.sort();
    let services: Vec<&String> = units.iter().filter(|u| u.ends_with(".service")).collect();
    assert!(services.len() >= 7, "{units:?}");
    for unit in &services {
        let (commands, environment) = unit_commands(unit);
        assert!(!commands.is_empty(), "{unit}");
        for command in commands {
            if command.ends_with(" serve") {
                serve_answers_and_stops(&environment, &command);
                continue;
            }
            let mut args = vec!["-u", "publik", "--", "env"];
            args.extend(environment.iter().map(String::as_str));
            args.extend(command.split_whitespace());
            let output = run("runuser", &args);
            assert!(output.status.success(), "{unit}: {command}: {output:?}");
            // Cron manners: a run with nothing to do prints nothing.
            assert!(
                output.stdout.is_empty() && output.stderr.is_empty(),
                "{command}: {output:?}"
            );
        }
    }
    assert!(std::path::Path::new("/var/lib/publik/publik.sqlite3").exists());
    assert_eq!(
        owner_and_mode("/var/backups/publik/publik.sqlite3"),
        "publik:publik 600"
    );

    let mut verify = vec!["verify"];
    verify.extend(units.iter().map(String::as_str));
    let verified = run("systemd-analyze", &verify);
    assert!(
        verified.status.success() && verified.stderr.is_empty(),
        "{verified:?}"
    );

    // lintian: no error (the warnings are listed in the README).
    let lint = run("lintian", &[&deb]);
    let report = String::from_utf8_lossy(&lint.stdout);
    assert!(!report.lines().any(|l| l.starts_with("E:")), "{report}");
    for line in report.lines().filter(|l| l.starts_with("W:")) {
        let tag = line.split_whitespace().nth(2).unwrap_or_default();
        let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
        assert!(
            readme.contains(&format!("`{tag}`")),
            "lintian {tag} is not explained in the README"
        );
    }

    // Remove: the binary goes; the config, the state and the user stay.
    succeeds("dpkg", &["-r", "publik"]);
    assert!(!std::path::Path::new("/usr/bin/publik").exists());
    assert!(std::path::Path::new("/etc/publik/config.yaml").exists());
    assert!(std::path::Path::new("/var/lib/publik/publik.sqlite3").exists());
    succeeds("getent", &["passwd", "publik"]);
    // Purge: the config goes too; the state and its backups stay.
    succeeds("dpkg", &["--purge", "publik"]);
    assert!(!std::path::Path::new("/etc/publik/config.yaml").exists());
    assert!(std::path::Path::new("/var/lib/publik/publik.sqlite3").exists());
    assert!(std::path::Path::new("/var/backups/publik/publik.sqlite3").exists());
}
