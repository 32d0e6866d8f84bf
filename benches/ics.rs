//! Calendar benchmark (issue #6). Run with `cargo bench --bench ics`.
//!
//! Single-event calendars generated per second, in process (the library's
//! `render`, with a long French description to fold and escape) and as whole
//! `publik gen-ics` runs; baselines in the same run: `format!` of the same
//! lines without folding or escaping (the floor of writing any calendar), and
//! spawning `true` (the floor of any command).

use std::process::Command;
use std::time::Instant;

use publik::internals::{Attendee, EventData, Method, render};

const PUBLIK: &str = env!("CARGO_BIN_EXE_publik");

fn event() -> EventData {
    let start = chrono::DateTime::parse_from_rfc3339("2026-12-03T09:30:00Z")
        .unwrap()
        .to_utc();
    EventData {
        uid: "rdv-42@example.org".into(),
        sequence: 0,
        method: Method::Request,
        start,
        end: start + chrono::Duration::minutes(30),
        tz: "Europe/Paris".into(),
        summary: "Rendez-vous état civil : mariage, dépôt du dossier".into(),
        description: Some(
            "Pièces à apporter : carte d'identité; justificatif de domicile, photo.\n".repeat(4),
        ),
        location: Some("Hôtel de ville, 1 place de la République".into()),
        url: Some("https://demarches.example.org/suivi/42/".into()),
        comment: None,
        attendee_name: Some("Zoé Durand".into()),
        attendee_email: Some("zoe@example.org".into()),
        organizer: Some("Mairie <rdv@example.org>".into()),
    }
}

fn main() {
    let event = event();
    let attendee = Attendee {
        name: Some("Zoé Durand"),
        email: Some("zoe@example.org"),
        rsvp: true,
    };
    let n = 20_000;
    let started = Instant::now();
    let mut bytes = 0;
    for _ in 0..n {
        bytes += render(&event, false, &attendee).unwrap().len();
    }
    let library = n as f64 / started.elapsed().as_secs_f64();

    let started = Instant::now();
    let mut floor_bytes = 0;
    for i in 0..n {
        let text = format!(
            "BEGIN:VCALENDAR\r\nPRODID:-//x//x//FR\r\nVERSION:2.0\r\nMETHOD:REQUEST\r\nBEGIN:VEVENT\r\nUID:{}\r\nSEQUENCE:{i}\r\nDTSTART:20261203T093000Z\r\nDTEND:20261203T100000Z\r\nSUMMARY:{}\r\nDESCRIPTION:{}\r\nLOCATION:{}\r\nURL:{}\r\nORGANIZER;CN=Mairie:mailto:rdv@example.org\r\nATTENDEE;CN=Zoé Durand:mailto:zoe@example.org\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
            event.uid,
            event.summary,
            event.description.as_deref().unwrap_or_default(),
            event.location.as_deref().unwrap_or_default(),
            event.url.as_deref().unwrap_or_default()
        );
        floor_bytes += text.len();
    }
    let floor = n as f64 / started.elapsed().as_secs_f64();

    let dir = tempfile::tempdir().unwrap();
    let runs = 50;
    let started = Instant::now();
    for i in 0..runs {
        let out = Command::new(PUBLIK)
            .env("PUBLIK_STATE", dir.path().join("s.sqlite3"))
            .env_remove("PUBLIK_CONFIG")
            .current_dir(dir.path())
            .args([
                "gen-ics",
                "--start",
                "2026-12-03 10:30",
                "--duration",
                "30m",
                "--label",
                "RDV",
                "--uid",
            ])
            .arg(format!("bench-{i}@example.org"))
            .output()
            .unwrap();
        assert!(out.status.success());
    }
    let cli = runs as f64 / started.elapsed().as_secs_f64();
    let started = Instant::now();
    for _ in 0..runs {
        Command::new("true").output().unwrap();
    }
    let spawn = runs as f64 / started.elapsed().as_secs_f64();

    println!(
        "calendar of {} bytes (baseline {} bytes)",
        bytes / n,
        floor_bytes / n
    );
    println!(
        "in process: {library:.0} calendars/s; unfolded format! baseline {floor:.0}/s; ratio {:.0}%",
        100.0 * library / floor
    );
    println!(
        "gen-ics command: {cli:.0} runs/s; spawning `true` {spawn:.0}/s; ratio {:.0}%",
        100.0 * cli / spawn
    );
}
