//! Newsletter benchmarks (issue #4). Run with `cargo bench --bench newsletter`.
//!
//! - `group import` of a 100 000-line CSV, and `newsletter send` of a 10 KB
//!   template to the 100 000 members, each against a baseline measured in the
//!   same run: the same number of bare rows inserted by rusqlite in one
//!   transaction (the floor for any SQLite-backed queue);
//! - state growth per queued row (after a WAL checkpoint).

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

const MEMBERS: usize = 100_000;
const PUBLIK: &str = env!("CARGO_BIN_EXE_publik");

fn publik(dir: &Path, args: &[&str]) -> Duration {
    let started = Instant::now();
    let out = Command::new(PUBLIK)
        .current_dir(dir)
        .env("PUBLIK_STATE", dir.join("state.sqlite3"))
        .env_remove("PUBLIK_CONFIG")
        .args(args)
        .output()
        .expect("run publik");
    assert!(
        out.status.success(),
        "publik {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    started.elapsed()
}

/// Size of the state after folding the WAL into it.
fn checkpointed_size(path: &Path) -> u64 {
    let conn = rusqlite::Connection::open(path).expect("open");
    conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))
        .expect("checkpoint");
    drop(conn);
    std::fs::metadata(path).expect("size").len()
}

/// The floor: N bare rows of a similar width in one transaction.
fn raw_inserts(dir: &Path, rows: usize) -> Duration {
    let path = dir.join("raw.sqlite3");
    let mut conn = rusqlite::Connection::open(&path).expect("open");
    conn.execute_batch(
        "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;
         CREATE TABLE t (id INTEGER PRIMARY KEY, a TEXT NOT NULL, b TEXT NOT NULL, c TEXT NOT NULL);",
    )
    .expect("schema");
    let started = Instant::now();
    let tx = conn.transaction().expect("tx");
    {
        let mut insert = tx
            .prepare("INSERT INTO t (a, b, c) VALUES (?1, ?2, ?3)")
            .expect("prepare");
        for i in 0..rows {
            insert
                .execute(rusqlite::params![
                    format!("user{i}@example.org"),
                    "2026-11-22T03:00:00.000Z",
                    "{\"name\":\"x\"}"
                ])
                .expect("insert");
        }
    }
    tx.commit().expect("commit");
    started.elapsed()
}

fn main() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path();
    let mut csv = String::from("email,name,quartier\n");
    for i in 0..MEMBERS {
        csv.push_str(&format!("habitant{i}@example.org,Habitant {i},Nord\n"));
    }
    std::fs::write(path.join("members.csv"), csv).unwrap();
    let body = "Chers habitants, voici les nouvelles du quartier et de la mairie. ".repeat(150);
    std::fs::write(
        path.join("letter.txt"),
        format!("Bonjour {{{{ recipient.name }}}},\n{body}\n{{{{ unsubscribe_url }}}}\n"),
    )
    .unwrap();

    publik(path, &["group", "create", "nord", "--label", "Quartier Nord"]);
    let import = publik(path, &["group", "import", "nord", "members.csv"]);
    let import_floor = raw_inserts(path, MEMBERS);
    publik(
        path,
        &[
            "template",
            "add",
            "lettre",
            "--subject",
            "Lettre du quartier",
            "--text",
            "letter.txt",
        ],
    );

    let before = checkpointed_size(&path.join("state.sqlite3"));
    let send = publik(
        path,
        &["newsletter", "send", "--template", "lettre", "--group", "nord"],
    );
    let after = checkpointed_size(&path.join("state.sqlite3"));
    std::fs::remove_file(path.join("raw.sqlite3")).ok();
    let send_floor = raw_inserts(path, MEMBERS);

    println!("members: {MEMBERS}; template text {} bytes", body.len());
    println!(
        "group import of {MEMBERS} CSV lines: {:.0} ms; bare rusqlite inserts {:.0} ms; ratio x{:.1}",
        import.as_secs_f64() * 1e3,
        import_floor.as_secs_f64() * 1e3,
        import.as_secs_f64() / import_floor.as_secs_f64()
    );
    println!(
        "newsletter send to {MEMBERS}: {:.0} ms (target <= 1000 ms); bare rusqlite inserts {:.0} ms; ratio x{:.1}",
        send.as_secs_f64() * 1e3,
        send_floor.as_secs_f64() * 1e3,
        send.as_secs_f64() / send_floor.as_secs_f64()
    );
    println!(
        "state growth: {:.1} MB for {MEMBERS} rows = {:.0} bytes per row (target <= ~1 KB with a 10 KB body)",
        (after - before) as f64 / 1e6,
        (after - before) as f64 / MEMBERS as f64
    );
}
