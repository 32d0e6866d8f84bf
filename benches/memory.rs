//! Memory that does not grow with the work (issue #20). Run with
//! `cargo bench --bench memory` (400 000 rows), or
//! `PUBLIK_BENCH_ROWS=4000000 cargo bench --bench memory` (a few minutes and
//! ~2 GB of disk).
//!
//! For each size: peak RSS (the child's `ru_maxrss`) and time of
//! `group import` of a CSV of that many members, `newsletter send` to all
//! of them, and `queue list` of the resulting rows as a table, `--json` and
//! `--json-lines`; against the baseline of the same run, an empty
//! `send-queue` (the process with its state opened, nothing else). Also the
//! 100 000-member send's time (target: under 1 s).

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const PUBLIK: &str = env!("CARGO_BIN_EXE_publik");

/// Peak RSS in MB and wall time of `publik ARGS` in `dir`, stdout dropped.
#[allow(clippy::zombie_processes)]
fn measured(dir: &Path, args: &[&str]) -> (f64, Duration) {
    let started = Instant::now();
    let child = Command::new(PUBLIK)
        .current_dir(dir)
        .env("PUBLIK_STATE", dir.join("state.sqlite3"))
        .env_remove("PUBLIK_CONFIG")
        .args(args)
        .stdout(Stdio::null())
        .spawn()
        .expect("spawn");
    let pid = child.id() as libc::pid_t;
    let mut status = 0;
    // SAFETY: plain FFI call with valid pointers to locals.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    assert_eq!(unsafe { libc::wait4(pid, &mut status, 0, &mut usage) }, pid);
    assert!(
        libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0,
        "publik {args:?}"
    );
    (usage.ru_maxrss as f64 / 1024.0, started.elapsed())
}

fn csv(path: &Path, rows: usize) {
    let mut file = std::io::BufWriter::new(std::fs::File::create(path).expect("csv"));
    writeln!(file, "email,name,quartier").unwrap();
    for i in 0..rows {
        writeln!(file, "user{i}@example.org,Habitant {i},nord").unwrap();
    }
}

fn round(rows: usize) {
    let dir = tempfile::tempdir().expect("tempdir");
    let dir = dir.path();
    csv(&dir.join("members.csv"), rows);
    std::fs::write(
        dir.join("text.txt"),
        "Bonjour {{ recipient.name }},\n\nLa lettre du mois.\n{{ unsubscribe_link }}\n",
    )
    .unwrap();
    measured(dir, &["group", "create", "nord", "--label", "Quartier nord"]);
    measured(
        dir,
        &[
            "template",
            "add",
            "lettre",
            "--subject",
            "Lettre",
            "--text",
            "text.txt",
        ],
    );
    let (floor, _) = measured(dir, &["send-queue", "--channel", "sms"]);
    println!("{rows} rows (baseline, an empty send-queue: {floor:.0} MB)");
    let report = |what: &str, (mb, took): (f64, Duration)| {
        println!(
            "  {what:<34} {mb:>6.0} MB peak ({:+.0} MB over the baseline) {:>8.2} s",
            mb - floor,
            took.as_secs_f64()
        );
    };
    report(
        "group import",
        measured(dir, &["group", "import", "nord", "members.csv"]),
    );
    report(
        "newsletter send",
        measured(
            dir,
            &["newsletter", "send", "--template", "lettre", "--group", "nord"],
        ),
    );
    report(
        "queue list --limit 0 (table)",
        measured(dir, &["queue", "list", "--limit", "0"]),
    );
    report("--json queue list", measured(dir, &["--json", "queue", "list"]));
    report(
        "queue list --json-lines",
        measured(dir, &["queue", "list", "--json-lines"]),
    );
}

fn main() {
    let rows = std::env::var("PUBLIK_BENCH_ROWS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(400_000);
    // The 100 000-member send, for its time.
    round(100_000);
    round(rows);
}
