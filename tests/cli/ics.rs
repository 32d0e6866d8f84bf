//! `gen-ics`: every output is parsed back with an independent parser (the
//! `ical` crate) and checked property by property.

use crate::common;

use common::Env;
use ical::parser::ical::component::IcalCalendar;

/// stdout of a successful `publik ARGS`.
fn run(env: &Env, args: &[&str]) -> String {
    let out = env.publik().args(args).output().unwrap();
    assert!(
        out.status.success(),
        "publik {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn parse(text: &str) -> IcalCalendar {
    let mut parser = ical::IcalParser::new(text.as_bytes());
    let calendar = parser.next().expect("one calendar").expect("valid iCalendar");
    assert!(parser.next().is_none(), "exactly one VCALENDAR");
    calendar
}

/// RFC 5545 TEXT unescaping (the parser gives raw values).
fn unescape(value: &str) -> String {
    let mut out = String::new();
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some('n') | Some('N') => out.push('\n'),
                Some(other) => out.push(other),
                None => {}
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// (name, parameters, raw value) of each VEVENT property.
type Prop = (String, Vec<(String, Vec<String>)>, String);

fn props(calendar: &IcalCalendar) -> Vec<Prop> {
    calendar.events[0]
        .properties
        .iter()
        .map(|p| {
            (
                p.name.clone(),
                p.params.clone().unwrap_or_default(),
                p.value.clone().unwrap_or_default(),
            )
        })
        .collect()
}

fn value(calendar: &IcalCalendar, name: &str) -> Option<String> {
    props(calendar)
        .into_iter()
        .find(|(n, _, _)| n == name)
        .map(|(_, _, v)| v)
}

fn param(calendar: &IcalCalendar, name: &str, key: &str) -> Option<String> {
    props(calendar)
        .into_iter()
        .find(|(n, _, _)| n == name)
        .and_then(|(_, params, _)| params.into_iter().find(|(k, _)| k == key))
        .map(|(_, v)| v.join(","))
}

fn assert_rfc5545_lines(text: &str) {
    assert!(text.ends_with("\r\n"));
    for line in text.split("\r\n") {
        assert!(
            !line.contains('\n') && !line.contains('\r'),
            "bare line break in {line:?}"
        );
        assert!(line.len() <= 75, "line of {} octets: {line:?}", line.len());
    }
    let unfolded = text.replace("\r\n ", "");
    assert_eq!(unfolded.matches("PRODID:").count(), 1, "one PRODID");
    assert!(unfolded.contains("VERSION:2.0\r\n"));
}

#[test]
fn long_french_text_folds_escapes_and_round_trips() {
    let env = Env::new();
    let description = "Pièces à apporter : carte d'identité; justificatif de domicile, photo d'identité récente.\r\nLivret de famille (si enfants) ; l'accueil se fait au guichet n°3, au rez-de-chaussée — à côté de l'ascenseur.\nMerci de votre ponctualité, « bonne journée » !";
    let text = run(
        &env,
        &[
            "gen-ics",
            "--start",
            "2026-11-23 10:00",
            "--duration",
            "45m",
            "--label",
            "Rendez-vous état civil",
            "--user-display-label",
            "Mariage : dépôt du dossier, Zoé & Éric",
            "--description",
            description,
            "--location",
            "Hôtel de ville, 1 place de la République; bureau 12",
            "--url",
            "https://demarches.example.org/suivi/42/",
            "--comment",
            "Réservé en ligne, via le portail",
            "--user-name",
            "Zoé Durand-Lefèvre, née Martin",
            "--user-email",
            "zoe@example.org",
            "--uid",
            "rdv-42@example.org",
        ],
    );
    assert_rfc5545_lines(&text);
    let calendar = parse(&text);
    assert_eq!(
        calendar
            .properties
            .iter()
            .find(|p| p.name == "METHOD")
            .unwrap()
            .value
            .as_deref(),
        Some("PUBLISH")
    );
    assert_eq!(
        unescape(&value(&calendar, "DESCRIPTION").unwrap()),
        description.replace("\r\n", "\n")
    );
    assert_eq!(
        unescape(&value(&calendar, "SUMMARY").unwrap()),
        "Mariage : dépôt du dossier, Zoé & Éric"
    );
    assert_eq!(
        unescape(&value(&calendar, "LOCATION").unwrap()),
        "Hôtel de ville, 1 place de la République; bureau 12"
    );
    assert_eq!(
        unescape(&value(&calendar, "COMMENT").unwrap()),
        "Réservé en ligne, via le portail"
    );
    assert_eq!(
        value(&calendar, "URL").as_deref(),
        Some("https://demarches.example.org/suivi/42/")
    );
    assert_eq!(value(&calendar, "UID").as_deref(), Some("rdv-42@example.org"));
    assert_eq!(value(&calendar, "SEQUENCE").as_deref(), Some("0"));
    assert_eq!(value(&calendar, "STATUS").as_deref(), Some("CONFIRMED"));
    // Paris is UTC+1 in November.
    assert_eq!(value(&calendar, "DTSTART").as_deref(), Some("20261123T090000Z"));
    assert_eq!(value(&calendar, "DTEND").as_deref(), Some("20261123T094500Z"));
    assert!(value(&calendar, "DTSTAMP").unwrap().ends_with('Z'));
    assert_eq!(
        value(&calendar, "ATTENDEE").as_deref(),
        Some("mailto:zoe@example.org")
    );
    assert_eq!(
        param(&calendar, "ATTENDEE", "CN")
            .as_deref()
            .map(|v| v.trim_matches('"')),
        Some("Zoé Durand-Lefèvre, née Martin")
    );
}

#[test]
fn paris_dst_changes_give_the_right_utc_instants() {
    let env = Env::new();
    let cases = [
        ("2026-03-29 01:30", "20260329T003000Z"),
        ("2026-03-29 03:30", "20260329T013000Z"),
        ("2026-10-25 01:30", "20261024T233000Z"),
        ("2026-10-25 03:30", "20261025T023000Z"),
        ("2026-07-14T10:00:00+02:00", "20260714T080000Z"),
    ];
    for (start, utc) in cases {
        let text = run(
            &env,
            &["gen-ics", "--start", start, "--duration", "1h", "--label", "RDV"],
        );
        assert_eq!(value(&parse(&text), "DTSTART").as_deref(), Some(utc), "{start}");
    }
    let out = env
        .publik()
        .args([
            "gen-ics",
            "--start",
            "2026-03-29 02:30",
            "--duration",
            "1h",
            "--label",
            "RDV",
        ])
        .assert()
        .code(65);
    assert!(String::from_utf8_lossy(&out.get_output().stderr).contains("does not exist in Europe/Paris"));
    let ny = run(
        &env,
        &[
            "gen-ics",
            "--start",
            "2026-11-23 10:00",
            "--duration",
            "1h",
            "--label",
            "RDV",
            "--tz",
            "America/New_York",
        ],
    );
    assert_eq!(value(&parse(&ny), "DTSTART").as_deref(), Some("20261123T150000Z"));
}

#[test]
fn booking_json_and_flags_override() {
    let env = Env::new();
    env.write(
        "booking.json",
        r#"{"label": "Passeport", "user_first_name": "Jean", "user_last_name": "Dupont",
            "user_email": "jean@example.org", "datetime": "2026-12-01 14:00:00", "end_datetime": "2026-12-01 14:20:00",
            "extra_data": {"description": "Dépôt de dossier", "location": "Mairie annexe", "url": "https://example.org/rdv/7", "comment": "2e étage"}}"#,
    );
    let text = run(
        &env,
        &[
            "gen-ics",
            "--booking",
            "booking.json",
            "--location",
            "Mairie centrale",
            "-o",
            "out.ics",
        ],
    );
    assert_eq!(text, "");
    let calendar = parse(&common::read(&env.path("out.ics")));
    assert_eq!(value(&calendar, "SUMMARY").as_deref(), Some("Passeport"));
    assert_eq!(value(&calendar, "LOCATION").as_deref(), Some("Mairie centrale"));
    assert_eq!(
        unescape(&value(&calendar, "DESCRIPTION").unwrap()),
        "Dépôt de dossier"
    );
    assert_eq!(
        value(&calendar, "URL").as_deref(),
        Some("https://example.org/rdv/7")
    );
    assert_eq!(unescape(&value(&calendar, "COMMENT").unwrap()), "2e étage");
    assert_eq!(value(&calendar, "DTSTART").as_deref(), Some("20261201T130000Z"));
    assert_eq!(value(&calendar, "DTEND").as_deref(), Some("20261201T132000Z"));
    assert_eq!(param(&calendar, "ATTENDEE", "CN").as_deref(), Some("Jean Dupont"));
    assert!(value(&calendar, "UID").unwrap().ends_with("@localhost"));
}

#[test]
fn reschedule_and_cancel_raise_sequence() {
    let env = Env::new();
    env.write(
        "publik.yaml",
        "email:\n  organizer: \"Mairie <rdv@example.org>\"\n",
    );
    let generate = |extra: &[&str]| {
        let mut args = vec![
            "gen-ics",
            "--uid",
            "rdv-7@example.org",
            "--label",
            "Carte d'identité",
            "--duration",
            "30m",
        ];
        args.extend_from_slice(extra);
        parse(&run(&env, &args))
    };
    let first = generate(&[
        "--start",
        "2026-12-01 09:00",
        "--method",
        "request",
        "--user-name",
        "Ali",
        "--user-email",
        "ali@example.org",
    ]);
    assert_eq!(value(&first, "SEQUENCE").as_deref(), Some("0"));
    assert_eq!(
        value(&first, "ORGANIZER").as_deref(),
        Some("mailto:rdv@example.org")
    );
    assert_eq!(param(&first, "ORGANIZER", "CN").as_deref(), Some("Mairie"));
    assert_eq!(
        param(&first, "ATTENDEE", "PARTSTAT").as_deref(),
        Some("NEEDS-ACTION")
    );
    let same = generate(&["--start", "2026-12-01 09:00", "--method", "request"]);
    assert_eq!(value(&same, "SEQUENCE").as_deref(), Some("0"), "nothing changed");
    let moved = generate(&["--start", "2026-12-02 11:00", "--method", "request"]);
    assert_eq!(value(&moved, "SEQUENCE").as_deref(), Some("1"));
    assert_eq!(value(&moved, "UID").as_deref(), Some("rdv-7@example.org"));
    let cancelled = parse(&run(
        &env,
        &["gen-ics", "--uid", "rdv-7@example.org", "--method", "cancel"],
    ));
    assert_eq!(
        cancelled
            .properties
            .iter()
            .find(|p| p.name == "METHOD")
            .unwrap()
            .value
            .as_deref(),
        Some("CANCEL")
    );
    assert_eq!(value(&cancelled, "STATUS").as_deref(), Some("CANCELLED"));
    assert_eq!(value(&cancelled, "SEQUENCE").as_deref(), Some("2"));
    assert_eq!(
        value(&cancelled, "DTSTART").as_deref(),
        Some("20261202T100000Z"),
        "the last times"
    );
    let before = env.counts();
    env.publik()
        .args(["gen-ics", "--uid", "unknown@example.org", "--method", "cancel"])
        .assert()
        .code(65);
    env.publik()
        .args(["gen-ics", "--method", "cancel"])
        .assert()
        .code(65);
    assert_eq!(env.counts(), before);
}

#[test]
fn bad_input_names_the_field_and_stores_nothing() {
    let env = Env::new();
    env.publik().args(["state", "upgrade"]).assert().success();
    let before = env.counts();
    let cases: [(&[&str], &str); 7] = [
        (
            &[
                "--start",
                "2026-12-01 10:00",
                "--end",
                "2026-12-01 09:00",
                "--label",
                "x",
            ],
            "--end",
        ),
        (
            &[
                "--start",
                "2026-12-01 10:00",
                "--duration",
                "1h",
                "--label",
                "x",
                "--tz",
                "Europe/Pariss",
            ],
            "--tz",
        ),
        (
            &["--start", "demain 10h", "--duration", "1h", "--label", "x"],
            "--start",
        ),
        (&["--start", "2026-12-01 10:00", "--duration", "1h"], "--label"),
        (
            &["--start", "2026-12-01 10:00", "--duration", "1h", "--label", "  "],
            "--label",
        ),
        (
            &[
                "--start",
                "2026-12-01 10:00",
                "--duration",
                "1h",
                "--label",
                "x",
                "--method",
                "request",
            ],
            "--organizer",
        ),
        (&["--booking", "missing.json"], "--booking"),
    ];
    for (args, field) in cases {
        let out = env.publik().arg("gen-ics").args(args).assert().code(65);
        let stderr = String::from_utf8_lossy(&out.get_output().stderr).to_string();
        assert!(stderr.contains(field), "{field} not in {stderr}");
        assert_eq!(env.counts(), before);
    }
}

#[test]
fn tzid_mode_writes_a_vtimezone() {
    let env = Env::new();
    env.write("publik.yaml", "ics:\n  use_tzid: true\n");
    let text = run(
        &env,
        &[
            "gen-ics",
            "--start",
            "2026-07-01 10:00",
            "--duration",
            "1h",
            "--label",
            "RDV",
        ],
    );
    assert_rfc5545_lines(&text);
    let calendar = parse(&text);
    assert_eq!(value(&calendar, "DTSTART").as_deref(), Some("20260701T100000"));
    assert_eq!(
        param(&calendar, "DTSTART", "TZID").as_deref(),
        Some("Europe/Paris")
    );
    assert_eq!(calendar.timezones.len(), 1);
    let tz = &calendar.timezones[0];
    assert_eq!(
        tz.properties
            .iter()
            .find(|p| p.name == "TZID")
            .unwrap()
            .value
            .as_deref(),
        Some("Europe/Paris")
    );
    assert!(tz.transitions.len() >= 4, "DST transitions around the event");
}

mod invitations {
    use super::*;
    use common::smtp::SmtpServer;
    use mail_parser::{MessageParser, MimeHeaders, PartType};

    fn setup(env: &Env, port: u16) {
        env.write(
            "publik.yaml",
            &format!(
                "email:\n  from: \"Mairie <noreply@example.org>\"\n  organizer: \"Service état civil <rdv@example.org>\"\n  smtp: {{ host: 127.0.0.1, port: {port} }}\nics:\n  rsvp: true\n"
            ),
        );
        env.write("body.txt", "Votre rendez-vous est confirmé.\n");
        env.write(
            "booking.json",
            r#"{"label": "Carte d'identité", "user_name": "Ali Ben", "user_email": "ali@example.org",
                "datetime": "2026-12-03 09:30:00", "end_datetime": "2026-12-03 09:45:00",
                "extra_data": {"location": "Mairie, guichet 2"}}"#,
        );
    }

    /// The calendar alternative and the attachment of one received mail.
    fn calendar_parts(raw: &[u8]) -> (String, String, String) {
        let parsed = MessageParser::default().parse(raw).unwrap();
        let root = parsed.root_part();
        assert_eq!(root.content_type().unwrap().subtype(), Some("mixed"));
        let mut alternative_calendar = None;
        let mut attachment = None;
        for part in parsed.parts.iter() {
            let Some(ct) = part.content_type() else { continue };
            let kind = format!("{}/{}", ct.ctype(), ct.subtype().unwrap_or(""));
            let text = match &part.body {
                PartType::Text(t) => t.to_string(),
                PartType::Binary(b) | PartType::InlineBinary(b) => String::from_utf8_lossy(b).to_string(),
                _ => continue,
            };
            if kind == "text/calendar" {
                let method = ct.attribute("method").unwrap_or_default().to_string();
                alternative_calendar = Some((text, method));
            } else if part.attachment_name() == Some("invitation.ics") {
                attachment = Some(text);
            }
        }
        let (calendar, method) = alternative_calendar.expect("a text/calendar part");
        (
            calendar,
            method,
            attachment.expect("an invitation.ics attachment"),
        )
    }

    #[test]
    fn booking_invitation_reaches_the_server_as_imip() {
        let server = SmtpServer::start();
        let env = Env::new();
        setup(&env, server.port());
        let enqueue = |extra: &[&str]| {
            let mut cmd = env.publik();
            cmd.args([
                "enqueue",
                "email",
                "--to",
                "ali@example.org",
                "--cc",
                "agent@example.org",
                "--subject",
                "Rendez-vous",
                "--text",
                "body.txt",
            ]);
            cmd.args(extra).assert().success();
        };
        enqueue(&[
            "--invite-booking",
            "booking.json",
            "--invite-uid",
            "rdv-99@example.org",
        ]);
        env.publik().arg("send-queue").assert().success();
        let mails = server.received();
        assert_eq!(mails.len(), 2);
        for mail in &mails {
            let (calendar, method, attachment) = calendar_parts(&mail.data);
            assert_eq!(method, "REQUEST");
            assert_eq!(
                calendar.replace("\r\n", "\n"),
                attachment.replace("\r\n", "\n"),
                "the same file in both places"
            );
            let parsed = parse(&calendar);
            assert_eq!(
                parsed
                    .properties
                    .iter()
                    .find(|p| p.name == "METHOD")
                    .unwrap()
                    .value
                    .as_deref(),
                Some("REQUEST")
            );
            assert_eq!(value(&parsed, "UID").as_deref(), Some("rdv-99@example.org"));
            assert_eq!(value(&parsed, "SEQUENCE").as_deref(), Some("0"));
            assert_eq!(
                value(&parsed, "ORGANIZER").as_deref(),
                Some("mailto:rdv@example.org")
            );
            let rcpt = &mail.rcpt_to[0];
            assert_eq!(value(&parsed, "ATTENDEE"), Some(format!("mailto:{rcpt}")));
            assert_eq!(
                param(&parsed, "ATTENDEE", "PARTSTAT").as_deref(),
                Some("NEEDS-ACTION")
            );
            assert_eq!(param(&parsed, "ATTENDEE", "RSVP").as_deref(), Some("TRUE"));
            let cn = param(&parsed, "ATTENDEE", "CN");
            if rcpt == "ali@example.org" {
                assert_eq!(cn.as_deref(), Some("Ali Ben"));
            } else {
                assert_eq!(cn, None);
            }
            let parsed_mail = MessageParser::default().parse(&mail.data).unwrap();
            assert_eq!(
                parsed_mail.body_text(0).unwrap().trim_end(),
                "Votre rendez-vous est confirmé."
            );
        }

        // Reschedule: same UID, SEQUENCE 1. Cancel: METHOD:CANCEL, SEQUENCE 2.
        env.write(
            "booking.json",
            &common::read(&env.path("booking.json"))
                .replace("09:30:00", "10:30:00")
                .replace("09:45:00", "10:45:00"),
        );
        enqueue(&[
            "--invite-booking",
            "booking.json",
            "--invite-uid",
            "rdv-99@example.org",
        ]);
        enqueue(&[
            "--invite-booking",
            "booking.json",
            "--invite-uid",
            "rdv-99@example.org",
            "--invite-method",
            "cancel",
        ]);
        env.publik().arg("send-queue").assert().success();
        let mails = server.received();
        assert_eq!(mails.len(), 6);
        // Each recipient gets the reschedule, then the cancellation.
        for rcpt in ["ali@example.org", "agent@example.org"] {
            let methods: Vec<String> = mails[2..]
                .iter()
                .filter(|m| m.rcpt_to[0] == rcpt)
                .map(|m| calendar_parts(&m.data).1)
                .collect();
            assert_eq!(methods, ["REQUEST", "CANCEL"], "{rcpt}");
        }
        let mails: Vec<_> = mails
            .into_iter()
            .filter(|m| m.rcpt_to[0] == "ali@example.org")
            .collect();
        let (moved, method, _) = calendar_parts(&mails[1].data);
        assert_eq!(method, "REQUEST");
        let moved = parse(&moved);
        assert_eq!(value(&moved, "UID").as_deref(), Some("rdv-99@example.org"));
        assert_eq!(value(&moved, "SEQUENCE").as_deref(), Some("1"));
        assert_eq!(value(&moved, "DTSTART").as_deref(), Some("20261203T093000Z"));
        let (cancel, method, attachment) = calendar_parts(&mails[2].data);
        assert_eq!(method, "CANCEL");
        let cancel = parse(&cancel);
        assert_eq!(
            cancel
                .properties
                .iter()
                .find(|p| p.name == "METHOD")
                .unwrap()
                .value
                .as_deref(),
            Some("CANCEL")
        );
        assert_eq!(value(&cancel, "STATUS").as_deref(), Some("CANCELLED"));
        assert_eq!(value(&cancel, "SEQUENCE").as_deref(), Some("2"));
        assert!(attachment.contains("METHOD:CANCEL"));
    }

    #[test]
    fn ics_file_invitation_and_refusals() {
        let server = SmtpServer::start();
        let env = Env::new();
        setup(&env, server.port());
        let ics = run(
            &env,
            &[
                "gen-ics",
                "--booking",
                "booking.json",
                "--method",
                "request",
                "--uid",
                "file-1@example.org",
            ],
        );
        env.write("invite.ics", &ics);
        env.publik()
            .args([
                "enqueue",
                "email",
                "--to",
                "ali@example.org",
                "--subject",
                "RDV",
                "--text",
                "body.txt",
                "--invite",
                "invite.ics",
            ])
            .assert()
            .success();
        env.publik().arg("send-queue").assert().success();
        let (calendar, method, _) = calendar_parts(&server.received()[0].data);
        assert_eq!(method, "REQUEST");
        assert_eq!(
            value(&parse(&calendar), "UID").as_deref(),
            Some("file-1@example.org")
        );

        let before = env.counts();
        let publish = run(&env, &["gen-ics", "--booking", "booking.json"]);
        env.write("publish.ics", &publish);
        let after_gen = env.counts();
        for (args, needle) in [
            (
                vec!["--invite", "publish.ics"],
                "METHOD must be REQUEST or CANCEL",
            ),
            (vec!["--invite", "body.txt"], "not an iCalendar event"),
            (vec!["--invite-booking", "nope.json"], "--invite-booking"),
            (
                vec![
                    "--invite-booking",
                    "booking.json",
                    "--invite-uid",
                    "unknown@example.org",
                    "--invite-method",
                    "cancel",
                ],
                "nothing to cancel",
            ),
        ] {
            let out = env
                .publik()
                .args([
                    "enqueue",
                    "email",
                    "--to",
                    "ali@example.org",
                    "--subject",
                    "RDV",
                    "--text",
                    "body.txt",
                ])
                .args(&args)
                .assert()
                .code(65);
            let stderr = String::from_utf8_lossy(&out.get_output().stderr).to_string();
            assert!(stderr.contains(needle), "{needle} not in {stderr}");
            assert_eq!(env.counts(), after_gen);
        }
        assert_ne!(before, after_gen, "gen-ics itself remembers the appointment");
    }
}

/// (CN, value) of every ATTENDEE and ORGANIZER, as the icalendar crate's
/// own parser reads them: the second, independent reading.
fn people_by_icalendar(text: &str) -> Vec<(String, Option<String>, String)> {
    use icalendar::Component;
    let calendar: icalendar::Calendar = text.parse().expect("icalendar parses it");
    let mut people = Vec::new();
    for component in &calendar.components {
        if let icalendar::CalendarComponent::Event(event) = component {
            for (name, properties) in event.multi_properties() {
                for p in properties {
                    people.push((
                        name.clone(),
                        p.params().get("CN").map(|c| c.value().to_string()),
                        p.value().to_string(),
                    ));
                }
            }
            for (name, p) in event.properties() {
                if name == "ORGANIZER" || name == "ATTENDEE" {
                    people.push((
                        name.clone(),
                        p.params().get("CN").map(|c| c.value().to_string()),
                        p.value().to_string(),
                    ));
                }
            }
        }
    }
    people.sort();
    people
}

/// A name a citizen typed can never add a parameter or a line to ATTENDEE
/// or ORGANIZER: both parsers see exactly one of each, the name as typed
/// (less its double quotes and line breaks, which RFC 5545 cannot carry).
#[test]
fn names_cannot_inject_parameters_or_lines() {
    let env = Env::new();
    env.write(
        "booking.json",
        r#"{"datetime": "2026-12-01 10:00:00", "end_datetime": "2026-12-01 10:30:00", "label": "RDV",
            "user_name": "Ali\r\nATTENDEE;CN=Evil:mailto:evil@x.y\nBen", "user_email": "ali@example.org"}"#,
    );
    for (args, expected_attendee) in [
        (
            vec![
                "gen-ics",
                "--start",
                "2026-12-01T10:00:00Z",
                "--duration",
                "30m",
                "--label",
                "RDV",
                "--user-name",
                "J\";DELEGATED-TO=\"mailto:evil@x.y",
                "--user-email",
                "j@example.org",
            ],
            "J;DELEGATED-TO=mailto:evil@x.y",
        ),
        (
            vec!["gen-ics", "--booking", "booking.json"],
            "Ali ATTENDEE;CN=Evil:mailto:evil@x.y Ben",
        ),
    ] {
        let mut args = args.clone();
        args.extend([
            "--method",
            "request",
            "--organizer",
            r#""Mairie\";ROLE=CHAIR" <rdv@example.org>"#,
        ]);
        let text = run(&env, &args);
        assert_rfc5545_lines(&text);
        let calendar = parse(&text);
        let attendees: Vec<_> = props(&calendar)
            .into_iter()
            .filter(|(n, _, _)| n == "ATTENDEE")
            .collect();
        assert_eq!(attendees.len(), 1, "{text}");
        let cn = attendees[0]
            .1
            .iter()
            .find(|(k, _)| k == "CN")
            .map(|(_, v)| v.join(","))
            .unwrap();
        assert_eq!(cn.trim_matches('"'), expected_attendee, "{text}");
        assert!(
            attendees[0]
                .1
                .iter()
                .all(|(k, _)| ["CN", "ROLE", "PARTSTAT", "RSVP"].contains(&k.as_str())),
            "{text}"
        );
        assert_eq!(
            param(&calendar, "ORGANIZER", "CN").unwrap().trim_matches('"'),
            "Mairie;ROLE=CHAIR"
        );
        assert!(param(&calendar, "ORGANIZER", "ROLE").is_none(), "{text}");

        let people = people_by_icalendar(&text);
        let attendees: Vec<_> = people.iter().filter(|p| p.0 == "ATTENDEE").collect();
        assert_eq!(attendees.len(), 1, "{people:?}");
        assert_eq!(
            attendees[0].1.as_deref().map(|c| c.trim_matches('"')),
            Some(expected_attendee)
        );
        let organizers: Vec<_> = people.iter().filter(|p| p.0 == "ORGANIZER").collect();
        assert_eq!(organizers.len(), 1, "{people:?}");
        assert_eq!(organizers[0].2, "mailto:rdv@example.org");
    }
}

/// `-o` to a path that cannot be written records nothing: the next run
/// gives the same SEQUENCE, and the state holds no appointment.
#[test]
fn an_unwritable_output_records_nothing() {
    let env = Env::new();
    let args = [
        "gen-ics",
        "--start",
        "2026-12-01T10:00:00Z",
        "--duration",
        "30m",
        "--label",
        "RDV",
        "--uid",
        "rdv-1@example.org",
    ];
    let out = env
        .publik()
        .args(args)
        .args(["-o", "/nonexistent/dir/rdv.ics"])
        .assert()
        .code(1);
    assert!(
        String::from_utf8_lossy(&out.get_output().stderr).contains("cannot write /nonexistent/dir/rdv.ics")
    );
    let appointments = env
        .counts()
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["table"] == "appointments")
        .unwrap()["rows"]
        .clone();
    assert_eq!(appointments, 0);
    env.publik().args(args).args(["-o", "rdv.ics"]).assert().success();
    assert!(common::read(&env.path("rdv.ics")).contains("SEQUENCE:0"));
    assert!(
        std::fs::read_dir(env.dir.path()).unwrap().all(|e| !e
            .unwrap()
            .file_name()
            .to_string_lossy()
            .contains(".tmp-"))
    );
}
