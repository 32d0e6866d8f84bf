//! What publik reads whole (a config, a workflow, a bounce) is held to its
//! cap by what is read, not by a size the file claims: `/dev/zero` is
//! refused naming it, in a few MB.

use crate::common;

use common::Env;

/// Runs `args` with 1 GB of address space at most (so that a reader without
/// a cap fails quickly instead of taking the machine), stdin from `stdin`;
/// returns the exit code, stderr and the peak RSS in kB.
fn run_capped(env: &Env, args: &str, stdin: Option<&std::path::Path>) -> (Option<i32>, String, u64) {
    let stderr_file = env.path("stderr.txt");
    let mut cmd = under_memory_limit(env.command(), args);
    if let Some(stdin) = stdin {
        cmd.stdin(std::fs::File::open(stdin).unwrap());
    }
    cmd.stderr(std::fs::File::create(&stderr_file).unwrap());
    let (status, peak_kb) = common::run_with_peak_memory(cmd);
    (
        status.code(),
        std::fs::read_to_string(&stderr_file).unwrap(),
        peak_kb,
    )
}

/// `cmd`'s program and environment with `args`, run by a shell that first
/// lowers the address-space limit (`exec`: the same process is measured).
fn under_memory_limit(cmd: std::process::Command, args: &str) -> std::process::Command {
    let mut shell = std::process::Command::new("sh");
    shell.arg("-c").arg(format!(
        "ulimit -v 1048576 && exec \"{}\" {args}",
        cmd.get_program().to_string_lossy()
    ));
    for (key, value) in cmd.get_envs() {
        match value {
            Some(value) => shell.env(key, value),
            None => shell.env_remove(key),
        };
    }
    if let Some(dir) = cmd.get_current_dir() {
        shell.current_dir(dir);
    }
    shell
}

#[test]
fn a_config_or_workflow_that_never_ends_is_refused_in_bounded_memory() {
    let env = Env::new();
    env.write("publik.yaml", "");
    let (code, stderr, peak_kb) = run_capped(&env, "--config /dev/zero config check", None);
    assert_eq!(code, Some(65), "{stderr}");
    assert!(stderr.contains("/dev/zero"), "{stderr}");
    assert!(peak_kb < 64 << 10, "peak RSS {peak_kb} kB");

    let (code, stderr, peak_kb) = run_capped(&env, "workflow import /dev/zero", None);
    assert_eq!(code, Some(65), "{stderr}");
    assert!(stderr.contains("/dev/zero"), "{stderr}");
    assert!(peak_kb < 64 << 10, "peak RSS {peak_kb} kB");
    assert!(env.json(&["workflow", "list"]).as_array().unwrap().is_empty());

    // Text from standard input: the same.
    let (code, stderr, peak_kb) = run_capped(
        &env,
        "enqueue email --to a@example.org --subject S --text -",
        Some(std::path::Path::new("/dev/zero")),
    );
    assert_eq!(code, Some(65), "{stderr}");
    assert!(stderr.contains("standard input"), "{stderr}");
    assert!(peak_kb < 128 << 10, "peak RSS {peak_kb} kB");
    assert!(env.json(&["queue", "list"]).as_array().unwrap().is_empty());
}

/// A 4 MB bounce (the default `email.bounce_max_size`) made of `To:` lines,
/// or of empty MIME parts, is read in flat memory.
#[test]
fn a_bounce_of_header_lines_is_read_in_bounded_memory() {
    let env = Env::new();
    env.write("publik.yaml", "email:\n  from: noreply@mairie.example.org\n");
    let mut mail = String::from("From: MAILER-DAEMON@example.org\r\nSubject: Undelivered\r\n");
    while mail.len() < 4_000_000 {
        mail.push_str("To: a@example.org\r\n");
    }
    mail.push_str("\r\nbody\r\n");
    let mut parts =
        String::from("From: MAILER-DAEMON@example.org\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n");
    while parts.len() < 4_000_000 {
        parts.push_str("--b\r\n\r\n");
    }
    for (name, mail) in [("to.eml", mail), ("parts.eml", parts)] {
        let file = env.write(name, &mail);
        let (code, stderr, peak_kb) = run_capped(&env, "bounce", Some(&file));
        assert!(matches!(code, Some(0) | Some(65)), "{name}: {code:?} {stderr}");
        assert!(peak_kb < 64 << 10, "{name}: peak RSS {peak_kb} kB");
    }
}
