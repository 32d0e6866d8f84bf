//! Helpers shared by the integration tests: the real binary against a
//! temporary directory, and loopback servers.

#![allow(dead_code)]

pub mod dovecot;
pub mod http;
pub mod imap;
pub mod keep_alive;
pub mod maarch;
pub mod netns;
pub mod postgres;
pub mod proxy;
pub mod push;
pub mod slowloris;
pub mod smtp;

use std::path::{Path, PathBuf};

use assert_cmd::Command;

pub struct Env {
    pub dir: tempfile::TempDir,
    /// The PostgreSQL server of an `Env::postgres()`, its state in database
    /// `publik`; stopped with the Env.
    pub pg: Option<postgres::Postgres>,
}

/// Which store a test runs on (tests that run on both).
#[derive(Debug, Clone, Copy)]
pub enum Kind {
    Sqlite,
    Postgres,
}

impl Env {
    pub fn new() -> Env {
        Env {
            dir: tempfile::tempdir().expect("tempdir"),
            pg: None,
        }
    }

    /// An Env whose state is a database of its own PostgreSQL server.
    pub fn postgres() -> Env {
        let pg = postgres::Postgres::start();
        pg.create("publik");
        Env {
            dir: tempfile::tempdir().expect("tempdir"),
            pg: Some(pg),
        }
    }

    /// The PostgreSQL server of an `Env::postgres()`.
    pub fn server(&self) -> &postgres::Postgres {
        self.pg.as_ref().expect("an Env::postgres()")
    }

    /// An Env on a PostgreSQL server taking at most `connections` clients.
    pub fn postgres_full_at(connections: u32) -> Env {
        let pg = postgres::Postgres::start_full_at(connections);
        pg.create("publik");
        Env {
            dir: tempfile::tempdir().expect("tempdir"),
            pg: Some(pg),
        }
    }

    pub fn on(kind: Kind) -> Env {
        match kind {
            Kind::Sqlite => Env::new(),
            Kind::Postgres => Env::postgres(),
        }
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    pub fn state(&self) -> PathBuf {
        match &self.pg {
            Some(pg) => PathBuf::from(pg.url("publik")),
            None => self.path("state.sqlite3"),
        }
    }

    /// What a config needs for this Env's state: on PostgreSQL, the
    /// action-link key file (required there).
    pub fn state_config(&self) -> String {
        match &self.pg {
            Some(_) => format!("serve:\n{}", self.serve_config()),
            None => String::new(),
        }
    }

    /// The lines under `serve:` this Env's state needs (see state_config).
    pub fn serve_config(&self) -> String {
        match &self.pg {
            Some(_) => format!("  link_key_file: {}\n", self.path("link.key").display()),
            None => String::new(),
        }
    }

    pub fn config(&self) -> PathBuf {
        self.path("publik.yaml")
    }

    /// `publik` run in the temp dir with its config and state, and an
    /// environment free of the developer's settings.
    pub fn publik(&self) -> Command {
        let mut cmd = Command::new(assert_cmd::cargo::cargo_bin!("publik"));
        cmd.current_dir(self.dir.path())
            .env_remove("PUBLIK_CONFIG")
            .env_remove("PUBLIK_NOW")
            .env_remove("RUST_BACKTRACE")
            .env("PUBLIK_STATE", self.state());
        if self.config().exists() {
            cmd.env("PUBLIK_CONFIG", self.config());
        }
        cmd
    }

    /// The same as `publik()`, as a std Command, for tests that spawn,
    /// signal or kill the process.
    pub fn command(&self) -> std::process::Command {
        let mut cmd = std::process::Command::new(assert_cmd::cargo::cargo_bin!("publik"));
        cmd.current_dir(self.dir.path())
            .env_remove("PUBLIK_NOW")
            .env_remove("RUST_BACKTRACE")
            .env("PUBLIK_STATE", self.state())
            .env("PUBLIK_CONFIG", self.config());
        cmd
    }

    pub fn write(&self, name: &str, text: &str) -> PathBuf {
        let path = self.path(name);
        std::fs::write(&path, text).expect("write");
        path
    }

    /// A config sending to the given SMTP port, with extra YAML appended.
    pub fn smtp_config(&self, port: u16, queue_extra: &str) -> PathBuf {
        let text = format!(
            "email:\n  from: \"Mairie <noreply@example.org>\"\n  smtp:\n    host: 127.0.0.1\n    port: {port}\n    timeout: 5s\n    hello_name: publik.test\n{}queue:\n{queue_extra}",
            self.state_config()
        );
        self.write("publik.yaml", &text)
    }

    /// stdout of a successful `publik --json ARGS`, parsed.
    pub fn json(&self, args: &[&str]) -> serde_json::Value {
        let output = self.publik().arg("--json").args(args).output().expect("run");
        assert!(
            output.status.success(),
            "publik {args:?} failed: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        serde_json::from_slice(&output.stdout).expect("json")
    }

    /// Row count of every table, to prove a refused command changed nothing.
    pub fn counts(&self) -> serde_json::Value {
        self.json(&["state", "info"])["tables"].clone()
    }
}

/// A free port on 127.0.0.1 (bound, then released for the server to take).
/// Chosen below the kernel's ephemeral range (32768 and up), so that no
/// other test's `bind(":0")` takes it before the server does, and never
/// twice in this process.
pub fn free_port() -> u16 {
    static HANDED_OUT: std::sync::Mutex<Vec<u16>> = std::sync::Mutex::new(Vec::new());
    let mut handed_out = HANDED_OUT.lock().unwrap();
    loop {
        let mut random = [0u8; 2];
        getrandom::fill(&mut random).unwrap();
        let port = 20_000 + u16::from_le_bytes(random) % 12_000;
        if !handed_out.contains(&port) && std::net::TcpListener::bind(("127.0.0.1", port)).is_ok() {
            handed_out.push(port);
            return port;
        }
    }
}

/// Waits until something listens on `port`.
pub fn wait_for_port(port: u16) {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(std::time::Instant::now() < deadline, "nothing listens on {port}");
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
}

/// `publik serve` on a free port, killed when dropped.
pub struct Served {
    pub child: std::process::Child,
    pub base: String,
}

impl Drop for Served {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Env {
    pub fn serve(&self) -> Served {
        let port = free_port();
        let child = self
            .command()
            .args(["serve", "--listen", &format!("127.0.0.1:{port}")])
            .spawn()
            .unwrap();
        wait_for_port(port);
        Served {
            child,
            base: format!("http://127.0.0.1:{port}"),
        }
    }
}

pub fn read(path: &Path) -> String {
    std::fs::read_to_string(path).expect("read")
}

/// Asserts `html` is a standards-mode HTML5 document that parses without a
/// single error (html5ever reports every parse error of the spec), and has
/// what a phone needs: a language, a viewport, a title.
pub fn assert_valid_html(html: &str) {
    use html5ever::tendril::TendrilSink;
    let dom = html5ever::parse_document(markup5ever_rcdom::RcDom::default(), Default::default()).one(html);
    let errors = dom.errors.borrow();
    assert!(errors.is_empty(), "HTML parse errors {errors:?} in:\n{html}");
    assert_eq!(
        dom.quirks_mode.get(),
        html5ever::tree_builder::QuirksMode::NoQuirks,
        "not standards mode:\n{html}"
    );
    for needle in [
        "<html lang=\"",
        "name=\"viewport\"",
        "<title>",
        "<meta charset=\"utf-8\">",
    ] {
        assert!(html.contains(needle), "{needle} missing in:\n{html}");
    }
}

/// The body of a page from `publik serve`, checked to be valid HTML.
pub fn html_of(response: &mut ureq::http::Response<ureq::Body>) -> String {
    let html = response.body_mut().read_to_string().expect("page body");
    assert_valid_html(&html);
    html
}

/// A newsletter to Bob (group "nord", template "lettre"), queued on the file
/// transport, with links under https://demarches.example.org.
pub fn queue_newsletter(env: &Env, text: &str) {
    // After the config already written, if any.
    let config = std::fs::read_to_string(env.config())
        .unwrap_or_default()
        .replace(&env.state_config(), "");
    env.write(
        "publik.yaml",
        &format!(
            "{config}serve:\n  public_url: https://demarches.example.org\n{}",
            env.serve_config()
        ),
    );
    env.publik()
        .args(["group", "create", "nord", "--label", "Quartier <Nord>"])
        .assert()
        .success();
    env.publik()
        .args(["group", "add", "nord", "bob@example.org"])
        .assert()
        .success();
    env.write("letter.txt", text);
    env.publik()
        .args([
            "template",
            "add",
            "lettre",
            "--subject",
            "Lettre",
            "--text",
            "letter.txt",
        ])
        .assert()
        .success();
    env.publik()
        .args(["newsletter", "send", "--template", "lettre", "--group", "nord"])
        .assert()
        .success();
}

/// A bulk send: every address (`user0@example.org`…) in Bcc, one row each.
pub fn enqueue_bulk(env: &Env, count: usize) {
    env.write("body.txt", "Bonjour,\nvotre demande est enregistrée.\n");
    let mut cmd = env.publik();
    cmd.args(["enqueue", "email", "--subject", "Bulletin", "--text", "body.txt"]);
    for i in 0..count {
        cmd.arg("--bcc").arg(format!("user{i}@example.org"));
    }
    cmd.assert().success();
}

/// Sends SIGTERM to a running publik and waits for it: its exit status and
/// stderr.
pub fn terminate(child: std::process::Child) -> (std::process::ExitStatus, String) {
    // SAFETY: plain FFI call on our own child's pid.
    assert_eq!(unsafe { libc::kill(child.id() as i32, libc::SIGTERM) }, 0);
    let output = child.wait_with_output().unwrap();
    (
        output.status,
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

impl Env {
    /// `publik ARGS` at a pseudo-terminal of `columns` (util-linux's
    /// script(1) gives it one): what the terminal showed.
    pub fn at_terminal(&self, args: &str, columns: u16) -> String {
        let bin = assert_cmd::cargo::cargo_bin!("publik");
        let mut command = std::process::Command::new("script");
        command
            .args([
                "-qfec",
                &format!("stty rows 24 cols {columns}; {} {args}", bin.display()),
                "/dev/null",
            ])
            .current_dir(self.dir.path())
            .env("PUBLIK_STATE", self.state())
            .env("TERM", "xterm");
        if self.config().exists() {
            command.env("PUBLIK_CONFIG", self.config());
        } else {
            command.env_remove("PUBLIK_CONFIG");
        }
        let output = command.output().unwrap();
        assert!(output.status.success(), "{output:?}");
        String::from_utf8_lossy(&output.stdout).into_owned()
    }
}

/// Runs `cmd` (its output inherited) and samples its own memory high-water
/// mark while it runs: its rusage would also count the test process it was
/// forked from (Linux keeps the pre-exec image's peak), which other tests'
/// data inflate. Returns the status and the peak in kB.
pub fn run_with_peak_memory(mut cmd: std::process::Command) -> (std::process::ExitStatus, u64) {
    let mut child = cmd.spawn().unwrap();
    let status_file = format!("/proc/{}/status", child.id());
    let mut peak_kb = 0u64;
    let status = loop {
        if let Ok(text) = std::fs::read_to_string(&status_file) {
            let hwm = text
                .lines()
                .find_map(|line| line.strip_prefix("VmHWM:"))
                .and_then(|kb| kb.trim().trim_end_matches("kB").trim().parse().ok());
            peak_kb = peak_kb.max(hwm.unwrap_or(0));
        }
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    };
    (status, peak_kb)
}

/// `run_with_peak_memory` with guards, for a run that might not stop or
/// might eat the machine: the child is killed once `hang_guard` has passed
/// or its peak passed `ceiling_kb`. Returns the status (None if it was
/// killed) and the peak in kB.
pub fn run_guarded_with_peak_memory(
    mut cmd: std::process::Command,
    hang_guard: std::time::Duration,
    ceiling_kb: u64,
) -> (Option<std::process::ExitStatus>, u64) {
    let started = std::time::Instant::now();
    let mut child = cmd.spawn().unwrap();
    let status_file = format!("/proc/{}/status", child.id());
    let mut peak_kb = 0u64;
    loop {
        if let Ok(text) = std::fs::read_to_string(&status_file) {
            let hwm = text
                .lines()
                .find_map(|line| line.strip_prefix("VmHWM:"))
                .and_then(|kb| kb.trim().trim_end_matches("kB").trim().parse().ok());
            peak_kb = peak_kb.max(hwm.unwrap_or(0));
        }
        if let Some(status) = child.try_wait().unwrap() {
            return (Some(status), peak_kb);
        }
        if started.elapsed() > hang_guard || peak_kb > ceiling_kb {
            let _ = child.kill();
            let _ = child.wait();
            return (None, peak_kb);
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
}
