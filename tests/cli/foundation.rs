//! The binary, its config, its state file and the CLI conventions.

use crate::common;

use std::os::unix::fs::PermissionsExt;

use common::Env;

#[test]
fn init_then_config_check_then_init_refuses() {
    let env = Env::new();
    env.publik()
        .args(["-q", "init", "--dir"])
        .arg(env.dir.path())
        .assert()
        .success()
        .stdout("")
        .stderr("");
    assert!(env.config().exists());
    assert!(env.state().exists());
    assert_eq!(env.json(&["state", "info"])["link_key"]["present"], true);
    let template = common::read(&env.config());
    assert!(template.contains("max_attempts: 5"));
    env.publik().args(["config", "check"]).assert().success();
    let again = env
        .publik()
        .args(["init", "--dir"])
        .arg(env.dir.path())
        .assert()
        .code(1);
    let stderr = String::from_utf8_lossy(&again.get_output().stderr).to_string();
    assert!(stderr.contains("already exists"), "{stderr}");
    assert_eq!(common::read(&env.config()), template, "init must not overwrite");
}

#[test]
fn example_config_is_the_init_template() {
    let example = include_str!("../../examples/publik.yaml");
    let template = include_str!("../../src/publik.yaml");
    assert_eq!(
        example, template,
        "examples/publik.yaml must be a copy of src/publik.yaml"
    );
}

/// Each config error class: exit 65, message names the key, no state created.
#[test]
fn config_errors_name_the_key_and_create_no_state() {
    let cases = [
        ("queue:\n  max_attemps: 3\n", "max_attemps"),
        ("email:\n  smtp:\n    port: abc\n", "email.smtp.port"),
        ("queue:\n  lease: 10 minutes\n", "queue.lease"),
        (
            "email:\n  smtp:\n    host: x\n    username: u\n    password_file: /nonexistent/secret\n",
            "email.smtp.password_file",
        ),
        ("email:\n  from: not an address\n", "email.from"),
        ("email:\n  events:\n    provider: brevo\n", "email.events.secret"),
        (
            "email:\n  events:\n    provider: ses\n    secret: 0123456789abcdef\n",
            "email.events.sns_url_prefix",
        ),
        (
            "email:\n  events:\n    provider: ses\n    secret: 0123456789abcdef\n    sns_url_prefix: http://sns.example/\n",
            "email.events.sns_url_prefix",
        ),
        (
            "email:\n  events:\n    provider: sendgrid\n",
            "email.events.provider",
        ),
        ("queue: [1, 2\n", "publik.yaml"),
    ];
    for (yaml, key) in cases {
        let env = Env::new();
        env.write("publik.yaml", yaml);
        let out = env.publik().args(["state", "info"]).assert().code(65);
        let stderr = String::from_utf8_lossy(&out.get_output().stderr).to_string();
        assert!(stderr.starts_with("publik: error: config "), "{stderr}");
        assert!(stderr.contains(key), "{key} not in {stderr}");
        assert_eq!(stderr.lines().count(), 1, "one message: {stderr}");
        assert!(!env.state().exists(), "state created despite bad config {yaml}");
    }
}

#[test]
fn wrong_type_message_has_line_and_key() {
    let env = Env::new();
    env.write(
        "publik.yaml",
        "# comment\nemail:\n  smtp:\n    host: 127.0.0.1\n    port: abc\n",
    );
    env.publik()
        .args(["config", "check"])
        .assert()
        .code(65)
        .stderr(format!(
            "publik: error: config {} line 5: email.smtp.port: invalid u16, found \"abc\"\n",
            env.config().display()
        ));
}

#[test]
fn secrets_are_never_printed() {
    let env = Env::new();
    env.write("pw", "s3cr3t-from-file\n");
    env.write(
        "publik.yaml",
        "email:\n  smtp:\n    host: 127.0.0.1\n    username: u\n    password_file: pw\n",
    );
    let out = env.publik().args(["config", "check"]).assert().success();
    let stdout = String::from_utf8_lossy(&out.get_output().stdout).to_string();
    assert!(!stdout.contains("s3cr3t"), "{stdout}");
    let json = env.json(&["config", "check"]);
    assert!(!json.to_string().contains("s3cr3t"));
    assert_eq!(json["settings"]["email"]["smtp"]["username"], "u");

    env.write(
        "publik.yaml",
        "email:\n  smtp:\n    host: 127.0.0.1\n    username: u\n    password_env: PUBLIK_TEST_PW\n",
    );
    let out = env
        .publik()
        .env("PUBLIK_TEST_PW", "env-secret-value")
        .args(["-vv", "config", "check"])
        .assert()
        .success();
    let all = format!("{:?}", out.get_output());
    assert!(!all.contains("env-secret-value"));
}

/// Secrets are masked by where a value goes, not guessed from its name: a
/// URL's userinfo and query, and every gateway field or header value whose
/// name is not a known public one (`pwd`, `sig`, `pin`, `Cookie`…), in
/// `config check` (text and JSON), `tenant list`, `tenant check` and a
/// run's errors. A password in a state URL is refused by `config check` and
/// `tenant check` too, as by every other command.
#[test]
fn secrets_are_masked_by_where_they_go() {
    let env = Env::new();
    let port = common::free_port();
    let config = format!(
        "sms:\n  gateway:\n    url: http://user:userinfo-secret@127.0.0.1:{port}/send?apikey=query-secret\n    \
         fields:\n      to: \"{{to}}\"\n      text: \"{{text}}\"\n      pwd: pwd-secret\n      sig: sig-secret\n      \
         credentials: credentials-secret\n      pin: pin-secret\n      hash: hash-secret\n    \
         headers:\n      Cookie: cookie-secret\n      X-Signature: signature-secret\n    timeout: 2s\n"
    );
    env.write("publik.yaml", &config);
    let leaks = |what: &str, text: &str| {
        assert!(!text.contains("-secret"), "{what}: {text}");
    };
    let out = env.publik().args(["config", "check"]).assert().success();
    let text = String::from_utf8_lossy(&out.get_output().stdout).to_string();
    leaks("config check", &text);
    assert!(text.contains("to: \"{to}\""), "placeholders show: {text}");
    assert!(text.contains("apikey=********"), "{text}");
    leaks("config check --json", &env.json(&["config", "check"]).to_string());
    // A run's error names the gateway without its userinfo or query.
    env.publik()
        .args(["enqueue", "sms", "--to", "0612345678", "--text", "Bonjour"])
        .assert()
        .success();
    let out = env.publik().arg("send-queue").output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).to_string();
    assert_eq!(out.status.code(), Some(75), "{stderr}");
    assert!(stderr.contains(&format!("127.0.0.1:{port}")), "{stderr}");
    leaks("send-queue", &stderr);

    // A state URL with a password: masked where shown, refused everywhere.
    let with_password = format!("{config}state: postgresql://bob:state-secret@db.example.org/publik\n");
    env.write("publik.yaml", &with_password);
    let out = env.publik().args(["config", "check"]).output().unwrap();
    assert_eq!(out.status.code(), Some(65));
    leaks("config check", &format!("{out:?}"));
    let out = env.publik().args(["--json", "config", "check"]).output().unwrap();
    leaks("config check --json", &format!("{out:?}"));
    let site = env.path("tenants/a.example.org");
    std::fs::create_dir_all(&site).unwrap();
    std::fs::write(site.join("publik.yaml"), &with_password).unwrap();
    for args in [
        &["tenant", "list"][..],
        &["--json", "tenant", "list"],
        &["tenant", "check"],
    ] {
        let out = env
            .publik()
            .env("PUBLIK_TENANTS_DIR", env.path("tenants"))
            .args(args)
            .output()
            .unwrap();
        leaks(&args.join(" "), &format!("{out:?}"));
        if args.contains(&"check") {
            assert_eq!(out.status.code(), Some(65), "{out:?}");
            assert!(String::from_utf8_lossy(&out.stderr).contains("password in the URL"));
        }
    }
}

#[test]
fn new_state_is_0600_and_info_is_json() {
    let env = Env::new();
    let info = env.json(&["state", "upgrade"]);
    assert_eq!(
        info["schema_version"],
        publik::internals::Store::latest_schema_version()
    );
    assert!(
        info["tables"]
            .as_array()
            .unwrap()
            .iter()
            .any(|t| t["table"] == "messages")
    );
    let mode = std::fs::metadata(env.state()).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o600);
    // The link key lives beside the state, made on first need (or by init).
    let key = format!("{}.link-key", env.state().display());
    assert_eq!(info["link_key"]["path"], key.as_str());
    assert_eq!(info["link_key"]["present"], false);
}

#[test]
fn future_schema_is_refused_untouched() {
    let env = Env::new();
    env.publik().args(["state", "upgrade"]).assert().success();
    {
        let conn = rusqlite::Connection::open(env.state()).unwrap();
        conn.pragma_update(None, "user_version", 999).unwrap();
        // Leave the file self-contained, without a WAL beside it.
        conn.pragma_update(None, "journal_mode", "DELETE").unwrap();
    }
    let before = std::fs::read(env.state()).unwrap();
    let out = env.publik().args(["state", "info"]).assert().code(1);
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).to_string();
    assert!(stderr.contains("schema version 999"), "{stderr}");
    assert_eq!(
        std::fs::read(env.state()).unwrap(),
        before,
        "state file was modified"
    );
}

#[test]
fn unusable_state_paths_are_clear_errors() {
    let env = Env::new();
    let out = env
        .publik()
        .env("PUBLIK_STATE", env.path("missing/dir/state.sqlite3"))
        .args(["state", "info"])
        .assert()
        .code(1);
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).to_string();
    assert!(stderr.contains("no state file"), "{stderr}");
    assert!(!stderr.contains("panicked"));

    env.write("notes.txt", "these are my notes, not a database\n");
    let out = env
        .publik()
        .env("PUBLIK_STATE", env.path("notes.txt"))
        .args(["state", "info"])
        .assert()
        .code(1);
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).to_string();
    assert!(stderr.contains("not a SQLite database"), "{stderr}");
    assert_eq!(
        common::read(&env.path("notes.txt")),
        "these are my notes, not a database\n"
    );
}

#[test]
fn usage_errors_exit_2() {
    let env = Env::new();
    env.publik().arg("no-such-command").assert().code(2);
    env.publik()
        .args(["queue", "list", "--status", "bogus"])
        .assert()
        .code(2);
}

#[test]
fn help_works_for_every_command() {
    use clap::CommandFactory;
    fn walk(command: &clap::Command, path: Vec<String>, out: &mut Vec<Vec<String>>) {
        out.push(path.clone());
        for sub in command.get_subcommands().filter(|s| s.get_name() != "help") {
            let mut next = path.clone();
            next.push(sub.get_name().to_string());
            walk(sub, next, out);
        }
    }
    let mut paths = Vec::new();
    walk(&publik::cli::Cli::command(), Vec::new(), &mut paths);
    assert!(paths.len() > 10);
    let env = Env::new();
    for path in paths {
        env.publik().args(&path).arg("--help").assert().success();
    }
    let out = env.publik().arg("--help").assert().success();
    assert!(
        String::from_utf8_lossy(&out.get_output().stdout).contains("75"),
        "exit codes in --help"
    );
}

#[test]
fn man_pages_and_completions_are_up_to_date() {
    let env = Env::new();
    let dir = env.path("man");
    env.publik().args(["man", "--dir"]).arg(&dir).assert().success();
    let repo = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut generated: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    generated.sort();
    let mut committed: Vec<_> = std::fs::read_dir(repo.join("man"))
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    committed.sort();
    assert_eq!(
        generated, committed,
        "man/ is stale: run `cargo run -- man --dir man`"
    );
    for name in generated {
        assert_eq!(
            std::fs::read(dir.join(&name)).unwrap(),
            std::fs::read(repo.join("man").join(&name)).unwrap(),
            "man/{name:?} is stale: run `cargo run -- man --dir man`"
        );
    }
    let main_page = common::read(&repo.join("man/publik.1"));
    assert!(main_page.contains("75"), "exit codes documented in publik(1)");
    // Every page: an EXIT STATUS section, and no page it points to missing.
    let pages: std::collections::HashSet<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    for page in &pages {
        let text = common::read(&dir.join(page));
        if page.ends_with(".1") {
            assert!(text.contains(".SH \"EXIT STATUS\""), "{page}");
            assert!(
                text.contains(".SH ENVIRONMENT")
                    || page.starts_with("publik-man")
                    || page.starts_with("publik-completions"),
                "{page}"
            );
        }
        // References look like \fBpublik\-queue\-list\fR(1).
        for reference in text.split("\\fB").skip(1) {
            let Some((name, rest)) = reference.split_once("\\fR(") else {
                continue;
            };
            let section = &rest[..1];
            if name.starts_with("publik") {
                let file = format!("{}.{section}", name.replace("\\-", "-"));
                assert!(
                    pages.contains(&file),
                    "{page} points to {file}, which is not generated"
                );
            }
        }
    }
    let send_queue = common::read(&dir.join("publik-send-queue.1"));
    assert!(
        send_queue.contains(".SH EXAMPLES") && send_queue.contains("crontab"),
        "{send_queue}"
    );
    // publik.yaml(5) is the template init writes: every key is in it.
    let config_page = common::read(&dir.join("publik.yaml.5"));
    for key in [
        "state: null",
        "default_country: FR",
        "max_attempts: 5",
        "public_url:",
    ] {
        assert!(config_page.contains(key), "{key}");
    }
    for (shell, file) in [
        ("bash", "publik.bash"),
        ("zsh", "_publik"),
        ("fish", "publik.fish"),
        ("elvish", "publik.elv"),
        ("powershell", "_publik.ps1"),
    ] {
        let out = env.publik().args(["completions", shell]).assert().success();
        let committed = std::fs::read(repo.join("completions").join(file)).unwrap();
        assert_eq!(
            out.get_output().stdout,
            committed,
            "completions/{file} is stale: run scripts/regenerate"
        );
    }
}

#[test]
fn broken_pipe_is_not_an_error() {
    let env = Env::new();
    let publik = assert_cmd::cargo::cargo_bin!("publik");
    let out = std::process::Command::new("sh")
        .arg("-c")
        .arg(format!("'{}' completions bash | head -1", publik.display()))
        .env_remove("RUST_BACKTRACE")
        .current_dir(env.dir.path())
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(
        !String::from_utf8_lossy(&out.stderr).contains("panicked"),
        "{out:?}"
    );
}

/// The same mistake gets the same exit code: a bad duration or time is bad
/// input (65) whether clap or the domain finds it; a bare number gets a hint.
#[test]
fn bad_durations_and_times_are_65_wherever_they_come_from() {
    let env = Env::new();
    env.write("body.txt", "Bonjour\n");
    let enqueue = |flag: &str, value: &str| {
        let out = env
            .publik()
            .args([
                "enqueue",
                "email",
                "--to",
                "a@example.org",
                "--subject",
                "S",
                "--text",
                "body.txt",
                flag,
                value,
            ])
            .assert()
            .code(65);
        String::from_utf8_lossy(&out.get_output().stderr).to_string()
    };
    assert!(enqueue("--expires-in", "soon").contains("soon"));
    assert!(enqueue("--not-before", "tomorrow").contains("tomorrow"));
    let hint = enqueue("--expires-in", "5");
    assert!(hint.contains("say 5s, 5m, 5h or 5d"), "{hint}");
    let out = env
        .publik()
        .args(["send-queue", "--time-limit", "50"])
        .assert()
        .code(65);
    assert!(String::from_utf8_lossy(&out.get_output().stderr).contains("say 50s"));
    env.write("publik.yaml", "queue:\n  lease: 600\n");
    let out = env.publik().args(["config", "check"]).assert().code(65);
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).to_string();
    assert!(
        stderr.contains("queue.lease") && stderr.contains("say 600s"),
        "{stderr}"
    );
}

#[test]
fn a_config_that_is_not_utf8_is_65_naming_the_file() {
    let env = Env::new();
    std::fs::write(env.config(), b"queue:\n  lease: 10m\n# caf\xe9\n").unwrap();
    let out = env.publik().args(["config", "check"]).assert().code(65);
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).to_string();
    assert!(stderr.contains("publik.yaml is not UTF-8"), "{stderr}");
    assert!(!env.state().exists());
}

/// The domain names a request's field; the error shows the flag the user
/// typed (or the file given as an argument), whatever command found it.
#[test]
fn bad_values_are_reported_under_the_flag_given() {
    let env = Env::new();
    env.write("body.txt", "Bonjour\n");
    env.write("booking.json", r#"{"label": "RDV"}"#);
    env.write("members.csv", "email\nnot-an-address\n");
    let stderr = |args: &[&str]| {
        let out = env.publik().args(args).assert().code(65);
        String::from_utf8_lossy(&out.get_output().stderr).to_string()
    };
    let email = |extra: &[&str]| {
        let mut args = vec![
            "enqueue",
            "email",
            "--to",
            "a@example.org",
            "--subject",
            "S",
            "--text",
            "body.txt",
        ];
        args.extend_from_slice(extra);
        stderr(&args)
    };
    assert!(email(&["--reply-to", "nope"]).contains("error: --reply-to: invalid address \"nope\""));
    assert!(email(&["--not-before", "tomorrow"]).contains("error: --not-before: invalid time \"tomorrow\""));
    // gen-ics's own field, under the flag enqueue was given.
    let booking = email(&["--invite-booking", "booking.json"]);
    assert!(booking.contains("error: --invite-booking: start: "), "{booking}");
    let missing = stderr(&[
        "enqueue",
        "email",
        "--to",
        "a@example.org",
        "--subject",
        "S",
        "--text",
        "missing.txt",
    ]);
    assert!(
        missing.contains("error: --text: cannot read missing.txt"),
        "{missing}"
    );
    let json = stderr(&["gen-ics", "--booking", "body.txt"]);
    assert!(json.contains("error: --booking: not valid JSON"), "{json}");
    env.publik()
        .args(["group", "create", "nord", "--label", "Nord"])
        .assert()
        .success();
    let import = stderr(&["group", "import", "nord", "members.csv"]);
    assert!(
        import.contains("error: members.csv: 1 bad line(s)") && import.contains("use --skip-invalid"),
        "{import}"
    );
    assert!(env.json(&["queue", "list"]).as_array().unwrap().is_empty());
    assert!(
        env.json(&["group", "members", "nord"])
            .as_array()
            .unwrap()
            .is_empty()
    );
}

/// Under systemd, stderr is the journal (`$JOURNAL_STREAM` names it): each
/// line carries its syslog priority, so `journalctl -p err` finds errors.
/// A stderr that is not the stream named gets plain lines.
#[test]
fn lines_carry_their_priority_when_stderr_is_the_journal() {
    use std::os::unix::fs::MetadataExt;
    let env = Env::new();
    env.write("publik.yaml", "queue:\n  batch: 20\n");
    let run = |args: &[&str], journal: bool| {
        let log = env.path("stderr.log");
        let file = std::fs::File::create(&log).unwrap();
        let meta = file.metadata().unwrap();
        let stream = if journal {
            format!("{}:{}", meta.dev(), meta.ino())
        } else {
            format!("{}:{}", meta.dev(), meta.ino() + 1)
        };
        env.command()
            .env("JOURNAL_STREAM", stream)
            .args(args)
            .stderr(file)
            .status()
            .unwrap();
        common::read(&log)
    };
    let error = run(&["queue", "show", "999"], true);
    assert!(error.starts_with("<3>publik: error:"), "{error}");
    assert!(error.lines().all(|l| l.starts_with("<3>")), "{error}");
    let info = run(&["-v", "send-queue"], true);
    assert!(
        info.lines().count() > 0 && info.lines().all(|l| l.starts_with("<6>publik: info:")),
        "{info}"
    );
    let plain = run(&["queue", "show", "999"], false);
    assert!(plain.starts_with("publik: error:"), "{plain}");
}

/// `init --dir D` writes a config that names the state it created, by its
/// absolute path: a command run with that config from any directory (a
/// systemd unit runs in /) uses it, never a new ./publik.sqlite3 there.
#[test]
fn init_writes_a_config_that_finds_its_state_from_anywhere() {
    let env = Env::new();
    let site = env.path("site");
    let elsewhere = env.path("elsewhere");
    std::fs::create_dir(&site).unwrap();
    std::fs::create_dir(&elsewhere).unwrap();
    let bin = assert_cmd::cargo::cargo_bin!("publik");
    let publik = |cwd: &std::path::Path, args: &[&str]| {
        let output = std::process::Command::new(bin)
            .current_dir(cwd)
            .env_remove("PUBLIK_STATE")
            .env_remove("PUBLIK_CONFIG")
            .env_remove("PUBLIK_TENANTS_DIR")
            .args(args)
            .output()
            .unwrap();
        assert!(output.status.success(), "{args:?}: {output:?}");
        output
    };
    // A relative --dir, as a sysadmin types it.
    publik(env.dir.path(), &["init", "--dir", "site"]);
    let config = site.join("publik.yaml");
    let text = common::read(&config);
    let state = std::fs::canonicalize(site.join("publik.sqlite3")).unwrap();
    assert!(
        text.contains(&format!("state: \"{}\"", state.display())),
        "{text}"
    );
    let config = config.to_str().unwrap();
    env.write("body.txt", "Bonjour\n");
    let body = env.path("body.txt");
    publik(
        &elsewhere,
        &[
            "--config",
            config,
            "enqueue",
            "email",
            "--to",
            "a@example.org",
            "--subject",
            "S",
            "--text",
            body.to_str().unwrap(),
        ],
    );
    publik(std::path::Path::new("/"), &["--config", config, "send-queue"]);
    assert!(!elsewhere.join("publik.sqlite3").exists());
    let listed = publik(&elsewhere, &["--config", config, "--json", "queue", "list"]);
    let rows: serde_json::Value = serde_json::from_slice(&listed.stdout).unwrap();
    assert_eq!(rows[0]["status"], "sent", "{rows}");
}

/// A state file nobody asked for (no `state:`, no --state) is created where
/// the default points, and the command says where, once.
#[test]
fn an_unasked_for_state_file_is_announced() {
    let env = Env::new();
    let bin = assert_cmd::cargo::cargo_bin!("publik");
    let run = || {
        std::process::Command::new(bin)
            .current_dir(env.dir.path())
            .env_remove("PUBLIK_STATE")
            .env_remove("PUBLIK_CONFIG")
            .arg("send-queue")
            .output()
            .unwrap()
    };
    let first = run();
    assert!(first.status.success(), "{first:?}");
    let stderr = String::from_utf8_lossy(&first.stderr);
    let created = std::fs::canonicalize(env.path("publik.sqlite3")).unwrap();
    assert!(stderr.contains(&created.display().to_string()), "{stderr}");
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    let second = run();
    assert!(second.status.success() && second.stderr.is_empty(), "{second:?}");
}

/// What a newcomer met first: `init --dir` makes the directory and says
/// what it wrote (one line each, not under -q); the config is 0600.
#[test]
fn init_makes_its_directory_and_says_what_it_wrote() {
    let env = Env::new();
    let dir = env.path("new/site");
    let out = env
        .publik()
        .env_remove("PUBLIK_STATE")
        .args(["init", "--dir"])
        .arg(&dir)
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let stderr = String::from_utf8_lossy(&out.stderr);
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 4, "{stderr}");
    assert_eq!(
        lines[0],
        format!("publik: created the directory {}", dir.display())
    );
    assert_eq!(
        lines[1],
        format!("publik: wrote the config {}", dir.join("publik.yaml").display())
    );
    assert!(lines[2].starts_with("publik: created the state /"), "{stderr}");
    assert!(lines[3].starts_with("publik: created the link key /"), "{stderr}");
    let mode = |path: &std::path::Path| std::fs::metadata(path).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&dir.join("publik.yaml")), 0o600);
    assert_eq!(mode(&dir), 0o750);
    assert!(dir.join("publik.sqlite3").exists());
}

/// `config check` prints what will be used: the file transport by name
/// when no SMTP server is set, and paths without `/./`.
#[test]
fn config_check_prints_the_effective_transport_and_clean_paths() {
    let env = Env::new();
    env.publik()
        .args(["-q", "init", "--dir"])
        .arg(env.dir.path())
        .assert()
        .success();
    let config = format!("{}/./publik.yaml", env.dir.path().display());
    let out = env
        .publik()
        .env_remove("PUBLIK_CONFIG")
        .args(["--config", &config, "config", "check"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("  transport: file\n"), "{text}");
    assert!(!text.contains("transport: null"), "{text}");
    assert!(!text.contains("/./"), "{text}");
    let outbox = format!("dir: {}/outbox", env.dir.path().display());
    assert!(text.contains(&outbox), "{text}");
    let json = env
        .publik()
        .env_remove("PUBLIK_CONFIG")
        .args(["--json", "--config", &config, "config", "check"])
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(json["settings"]["email"]["transport"], "file");
}

/// A monitoring plugin that finds no site to check must not say OK.
#[test]
fn all_tenants_queue_check_without_sites_is_unknown() {
    let env = Env::new();
    std::fs::create_dir(env.path("tenants")).unwrap();
    let out = env
        .publik()
        .env("PUBLIK_TENANTS_DIR", env.path("tenants"))
        .args(["--all-tenants", "queue", "check"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(3), "{out:?}");
    let line = String::from_utf8_lossy(&out.stdout);
    assert!(line.starts_with("PUBLIK QUEUE UNKNOWN - no site in "), "{line}");
    assert_eq!(line.lines().count(), 1, "{line}");
}

/// `--help` names every command `--all-tenants` takes, as the README and
/// the usage error do.
#[test]
fn help_names_every_all_tenants_command() {
    let out = Env::new().publik().arg("--help").output().unwrap();
    let help = String::from_utf8_lossy(&out.stdout)
        .replace("\n", " ")
        .replace("  ", " ");
    let refused = Env::new()
        .publik()
        .args(["--all-tenants", "queue", "list"])
        .output()
        .unwrap();
    let refused = String::from_utf8_lossy(&refused.stderr).to_string();
    for command in [
        "send-queue",
        "retry-queue",
        "send-webpush",
        "feed-mail-maarch",
        "queue purge",
        "queue check",
        "purge-tokens",
        "serve",
    ] {
        let at = help.find("--all-tenants").unwrap();
        assert!(
            help[at..at + 400].contains(command),
            "--help lacks {command}: {help}"
        );
        assert!(
            refused.contains(command),
            "the usage error lacks {command}: {refused}"
        );
    }
}

/// `state backup` into a directory that does not exist names it, not the
/// temporary file it would have written first.
#[test]
fn backup_into_a_missing_directory_names_it() {
    let env = Env::new();
    env.publik().args(["state", "upgrade"]).assert().success();
    let target = env.path("missing/b.sqlite3");
    let out = env
        .publik()
        .args(["state", "backup"])
        .arg(&target)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(&format!(
            "directory {} does not exist",
            env.path("missing").display()
        )),
        "{stderr}"
    );
    assert!(!stderr.contains("b.sqlite3.tmp"), "{stderr}");
}

/// `-v` says each message's outcome once: `sent`, not `sent (sent)`.
#[test]
fn verbose_says_sent_once() {
    let env = Env::new();
    env.write("body.txt", "Bonjour\n");
    env.publik()
        .args([
            "enqueue",
            "email",
            "--to",
            "citoyen@example.org",
            "--subject",
            "S",
            "--text",
        ])
        .arg(env.path("body.txt"))
        .assert()
        .success();
    let out = env.publik().args(["-v", "send-queue"]).output().unwrap();
    assert!(out.status.success(), "{out:?}");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr
            .lines()
            .any(|l| l.ends_with("message 1 to citoyen@example.org: sent")),
        "{stderr}"
    );
    assert!(!stderr.contains("sent (sent)"), "{stderr}");
}

/// `--version` says which release and which build runs: the version and
/// the commit it was built from (an operator after `apt upgrade`, a bug
/// report).
#[test]
fn version_names_the_release_and_the_commit() {
    let out = Env::new().publik().arg("--version").output().unwrap();
    let shown = String::from_utf8_lossy(&out.stdout).trim().to_string();
    // Built by the same cargo run as the binary: the commit it was built from.
    let built = env!("PUBLIK_BUILD_COMMIT");
    assert_eq!(shown, format!("publik {} ({built})", env!("CARGO_PKG_VERSION")));
    let commit = built.strip_prefix("commit ").expect("built from a checkout");
    assert_eq!(commit.len(), 12, "{built}");
    let known = std::process::Command::new("git")
        .args(["cat-file", "-e", &format!("{commit}^{{commit}}")])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .status()
        .unwrap();
    assert!(known.success(), "{commit} is a commit of this checkout");
    assert_ne!(
        env!("CARGO_PKG_VERSION"),
        "0.1.0",
        "each release has its own version"
    );
}
