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
    assert_eq!(
        String::from_utf8_lossy(&version.stdout).trim(),
        format!("publik {}", env!("CARGO_PKG_VERSION"))
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
