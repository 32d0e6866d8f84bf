//! A real IMAP server for the tests: Debian's Dovecot (`dovecot-imapd`,
//! installed by scripts/test) in a temp directory on loopback ports, TLS
//! with a fresh self-signed certificate, one user whose Maildir the tests
//! deliver into; stopped when dropped. Runs as root (the tests' user in
//! CI): mail is kept as `nobody`.

#![allow(dead_code)]

use std::os::unix::fs::PermissionsExt;
use std::path::PathBuf;
use std::process::{Child, Command};
use std::sync::atomic::{AtomicUsize, Ordering};

pub const USER: &str = "bounces@example.org";
pub const PASSWORD: &str = "mailbox-secret";

pub struct Dovecot {
    /// TLS from the first byte (993 style).
    pub imaps_port: u16,
    /// Plain, STARTTLS required before login (143 style).
    pub imap_port: u16,
    /// The certificate a client trusts (its `ca_file`).
    pub cert_pem: String,
    dir: tempfile::TempDir,
    child: Child,
}

static DELIVERED: AtomicUsize = AtomicUsize::new(0);

impl Dovecot {
    pub fn start() -> Dovecot {
        let cert = rcgen::generate_simple_self_signed(vec!["localhost".to_string(), "127.0.0.1".to_string()])
            .unwrap();
        Dovecot::start_with_cert(cert.cert.pem(), cert.signing_key.serialize_pem())
    }

    /// A Dovecot presenting this certificate (PEM) and key.
    pub fn start_with_cert(cert_pem: String, key_pem: String) -> Dovecot {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::set_permissions(root, std::fs::Permissions::from_mode(0o755)).unwrap();
        std::fs::write(root.join("cert.pem"), &cert_pem).unwrap();
        std::fs::write(root.join("key.pem"), key_pem).unwrap();
        std::fs::write(root.join("passwd"), format!("{USER}:{{PLAIN}}{PASSWORD}\n")).unwrap();
        let maildir = root.join("home").join(USER).join("Maildir");
        for sub in ["new", "cur", "tmp"] {
            std::fs::create_dir_all(maildir.join(sub)).unwrap();
        }
        let chown = Command::new("chown")
            .args(["-R", "65534:65534"])
            .arg(root.join("home"))
            .status()
            .unwrap();
        assert!(chown.success());
        let (imap_port, imaps_port) = (super::free_port(), super::free_port());
        let root_text = root.display();
        let config = format!(
            "protocols = imap\n\
             listen = 127.0.0.1\n\
             base_dir = {root_text}/run\n\
             state_dir = {root_text}/state\n\
             log_path = {root_text}/dovecot.log\n\
             ssl = required\n\
             ssl_cert = <{root_text}/cert.pem\n\
             ssl_key = <{root_text}/key.pem\n\
             ssl_dh = </usr/share/dovecot/dh.pem\n\
             disable_plaintext_auth = yes\n\
             auth_mechanisms = plain login\n\
             passdb {{\n  driver = passwd-file\n  args = scheme=PLAIN {root_text}/passwd\n}}\n\
             userdb {{\n  driver = static\n  args = uid=65534 gid=65534 home={root_text}/home/%u\n}}\n\
             mail_location = maildir:~/Maildir\n\
             first_valid_uid = 1\n\
             first_valid_gid = 1\n\
             default_internal_user = dovecot\n\
             default_login_user = dovenull\n\
             service imap-login {{\n\
               inet_listener imap {{\n    address = 127.0.0.1\n    port = {imap_port}\n  }}\n\
               inet_listener imaps {{\n    address = 127.0.0.1\n    port = {imaps_port}\n    ssl = yes\n  }}\n\
             }}\n"
        );
        let config_file = root.join("dovecot.conf");
        std::fs::write(&config_file, config).unwrap();
        let child = Command::new("dovecot")
            .arg("-c")
            .arg(&config_file)
            .arg("-F")
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("Debian's dovecot-imapd: run scripts/test, which installs it");
        let server = Dovecot {
            imaps_port,
            imap_port,
            cert_pem,
            dir,
            child,
        };
        super::wait_for_port(imaps_port);
        super::wait_for_port(imap_port);
        server
    }

    fn maildir(&self, folder: &str) -> PathBuf {
        let maildir = self.dir.path().join("home").join(USER).join("Maildir");
        if folder == "INBOX" {
            maildir
        } else {
            maildir.join(format!(".{folder}"))
        }
    }

    /// Puts `raw` in the INBOX, as the mail server's delivery would.
    pub fn deliver(&self, raw: &str) {
        let n = DELIVERED.fetch_add(1, Ordering::SeqCst);
        let name = format!("{}.M{n}P{}.test", 1_796_000_000 + n, std::process::id());
        let path = self.maildir("INBOX").join("new").join(name);
        std::fs::write(&path, raw.replace('\n', "\r\n")).unwrap();
        let chown = Command::new("chown")
            .arg("65534:65534")
            .arg(&path)
            .status()
            .unwrap();
        assert!(chown.success());
    }

    /// Messages in `folder` now.
    pub fn count(&self, folder: &str) -> usize {
        ["new", "cur"]
            .iter()
            .map(|sub| {
                std::fs::read_dir(self.maildir(folder).join(sub))
                    .map(|d| d.count())
                    .unwrap_or(0)
            })
            .sum()
    }
}

impl Drop for Dovecot {
    fn drop(&mut self) {
        // SIGTERM: the master stops its login and imap processes too.
        // SAFETY: kill has no memory preconditions.
        unsafe {
            libc::kill(self.child.id() as i32, libc::SIGTERM);
        }
        let _ = self.child.wait();
    }
}
