//! A real PostgreSQL server for the tests, in a temp directory on a
//! loopback port, started as the SMTP and HTTP servers are and stopped when
//! dropped. Debian's server binaries (`postgresql`, installed by
//! scripts/test); initdb refuses to run as root, so as root the cluster
//! belongs to the `postgres` user and each tool runs through runuser.

#![allow(dead_code)]

use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::{Path, PathBuf};
use std::process::Command;

pub struct Postgres {
    pub port: u16,
    dir: tempfile::TempDir,
    bin: PathBuf,
    /// The server's options, to start it again the same way.
    options: String,
}

/// The newest server version Debian installed.
fn bin_dir() -> PathBuf {
    let mut versions: Vec<u32> = std::fs::read_dir("/usr/lib/postgresql")
        .expect("Debian's postgresql: run scripts/test, which installs it")
        .filter_map(|e| e.ok()?.file_name().to_str()?.parse().ok())
        .collect();
    versions.sort();
    let version = versions.last().expect("a PostgreSQL server version");
    PathBuf::from(format!("/usr/lib/postgresql/{version}/bin"))
}

fn as_owner(tool: &Path) -> Command {
    // SAFETY: geteuid has no preconditions.
    if unsafe { libc::geteuid() } == 0 {
        let mut command = Command::new("runuser");
        command.args(["-u", "postgres", "--"]).arg(tool);
        command
    } else {
        Command::new(tool)
    }
}

impl Postgres {
    pub fn start() -> Postgres {
        Postgres::start_with(None)
    }

    /// A server asking TCP clients for `password` (SCRAM), as a real one does.
    pub fn start_with_password(password: &str) -> Postgres {
        Postgres::start_with(Some(password))
    }

    /// A server that syncs its WAL as a production one does, committing
    /// without waiting for the sync (`synchronous_commit = off`: a crash
    /// of the machine may lose the last commits, never corrupt): what
    /// SQLite's `synchronous = NORMAL` in WAL mode does. For benchmarks.
    pub fn start_durable() -> Postgres {
        Postgres::start_options(None, "-c fsync=on -c synchronous_commit=off")
    }

    /// A server taking at most `connections` clients (none reserved for
    /// superusers, as the tests' user is one).
    pub fn start_full_at(connections: u32) -> Postgres {
        Postgres::start_options(
            None,
            &format!("-c fsync=off -c max_connections={connections} -c superuser_reserved_connections=0"),
        )
    }

    /// A server also listening on `address` (another host's gateway),
    /// trusting clients from there.
    pub fn start_reachable_at(address: &str) -> Postgres {
        Postgres::start_configured(
            None,
            &format!("-c fsync=off -c listen_addresses=127.0.0.1,{address}"),
            |data| {
                let hba = data.join("pg_hba.conf");
                let mut text = std::fs::read_to_string(&hba).unwrap();
                text.push_str(&format!("host all all {address}/24 trust\n"));
                std::fs::write(&hba, text).unwrap();
            },
        )
    }

    fn start_with(password: Option<&str>) -> Postgres {
        // Tests never survive a power loss: no fsync.
        Postgres::start_options(password, "-c fsync=off")
    }

    /// A server that takes TCP clients over TLS only (`hostssl`), with a
    /// fresh certificate for 127.0.0.1: the server and the certificate's
    /// PEM (the CA a client names in `sslrootcert`).
    pub fn start_tls() -> (Postgres, String) {
        let cert = rcgen::generate_simple_self_signed(vec!["127.0.0.1".to_string()]).unwrap();
        let pem = cert.cert.pem();
        let server = Postgres::start_configured(None, "-c fsync=off -c ssl=on", |data| {
            let owner = std::fs::metadata(data).unwrap().uid();
            let files = [
                ("server.crt", pem.clone(), 0o644),
                ("server.key", cert.signing_key.serialize_pem(), 0o600),
                // Loopback TCP without TLS is turned away, so a client
                // that connects at all spoke TLS.
                (
                    "pg_hba.conf",
                    "local all all trust\nhostssl all all 127.0.0.1/32 trust\n".to_string(),
                    0o600,
                ),
            ];
            for (name, text, mode) in files {
                let path = data.join(name);
                std::fs::write(&path, text).unwrap();
                std::fs::set_permissions(&path, std::fs::Permissions::from_mode(mode)).unwrap();
                std::os::unix::fs::chown(&path, Some(owner), None).unwrap();
            }
        });
        (server, pem)
    }

    fn start_options(password: Option<&str>, options: &str) -> Postgres {
        Postgres::start_configured(password, options, |_| {})
    }

    fn start_configured(password: Option<&str>, options: &str, configure: impl FnOnce(&Path)) -> Postgres {
        let bin = bin_dir();
        let dir = tempfile::tempdir().unwrap();
        // SAFETY: geteuid has no preconditions.
        if unsafe { libc::geteuid() } == 0 {
            let status = Command::new("chown")
                .arg("postgres")
                .arg(dir.path())
                .status()
                .unwrap();
            assert!(status.success(), "chown postgres");
        }
        let data = dir.path().join("data");
        let mut initdb = as_owner(&bin.join("initdb"));
        initdb
            .arg("-D")
            .arg(&data)
            .args(["-U", "publik", "--no-sync", "-E", "UTF8"]);
        match password {
            Some(password) => {
                let file = dir.path().join("pwfile");
                std::fs::write(&file, format!("{password}\n")).unwrap();
                std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o644)).unwrap();
                initdb
                    .args(["--auth-local=trust", "--auth-host=scram-sha-256"])
                    .arg(format!("--pwfile={}", file.display()));
            }
            None => {
                initdb.arg("--auth=trust");
            }
        }
        let initdb = initdb.output().unwrap();
        assert!(initdb.status.success(), "initdb: {initdb:?}");
        configure(&data);
        let port = super::free_port();
        let server = Postgres {
            port,
            options: format!(
                "-p {port} -k {} -c listen_addresses=127.0.0.1 -c max_connections=100 {options}",
                dir.path().display()
            ),
            dir,
            bin,
        };
        server.start_again();
        server
    }

    fn pg_ctl(&self, args: &[&str]) {
        let out = as_owner(&self.bin.join("pg_ctl"))
            .arg("-D")
            .arg(self.dir.path().join("data"))
            .args(args)
            .output()
            .unwrap();
        assert!(out.status.success(), "pg_ctl {args:?}: {out:?}");
    }

    /// Starts the server (again), waiting until it takes connections.
    pub fn start_again(&self) {
        let log = self.dir.path().join("log").display().to_string();
        self.pg_ctl(&["-o", &self.options, "-l", &log, "-w", "start"]);
    }

    /// The postmaster's process id.
    pub fn pid(&self) -> u32 {
        let pid_file = std::fs::read_to_string(self.dir.path().join("data/postmaster.pid")).unwrap();
        pid_file.lines().next().unwrap().trim().parse().unwrap()
    }

    /// Stops it: `fast` (clients disconnected) or `immediate` (a crash).
    pub fn stop(&self, mode: &str) {
        self.pg_ctl(&["-m", mode, "-w", "stop"]);
    }

    /// A connection URL to database `db`.
    pub fn url(&self, db: &str) -> String {
        format!("postgresql://publik@127.0.0.1:{}/{db}", self.port)
    }

    /// Creates database `db`, empty.
    pub fn create(&self, db: &str) {
        {
            let created = as_owner(&self.bin.join("createdb"))
                .args([
                    "-h",
                    // The socket: local connections are trusted.
                    &self.dir.path().display().to_string(),
                    "-p",
                    &self.port.to_string(),
                    "-U",
                    "publik",
                    db,
                ])
                .output()
                .unwrap();
            assert!(created.status.success(), "createdb {db}: {created:?}");
        }
    }
}

impl Drop for Postgres {
    fn drop(&mut self) {
        let _ = as_owner(&self.bin.join("pg_ctl"))
            .arg("-D")
            .arg(self.dir.path().join("data"))
            .args(["-m", "immediate", "stop"])
            .output();
    }
}
