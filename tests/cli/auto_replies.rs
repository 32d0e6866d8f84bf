//! Out-of-office replies reach the bounce address (auto-responders answer
//! the envelope sender, with VERP publik's bounce address): as real
//! responders write them, piped to `publik bounce` with the VERP address as
//! the recipient, or read from the bounce mailbox, they change nothing.

use crate::bounce::{bounce, newsletter_sent, original, status_of};
use crate::bounce_mailbox::{fetch_bounces, mailbox_config};
use crate::common;

use common::Env;

/// Real-shaped automatic replies from `from` to `to`, by responder.
fn samples(from: &str, to: &str) -> Vec<(&'static str, String)> {
    vec![
        (
            "the report's sample",
            format!(
                "From: Bob Martin <{from}>\nTo: {to}\nSubject: Re: Lettre\nDate: Mon, 7 Dec 2026 09:00:00 +0100\n\
                 Message-ID: <ooo-1@example.org>\nAuto-Submitted: auto-replied\nX-Autoreply: yes\n\
                 Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 8bit\n\n\
                 Je suis absente jusqu'au 15 décembre.\n"
            ),
        ),
        (
            "Dovecot's sieve vacation",
            format!(
                "X-Sieve: Pigeonhole Sieve 0.5.19 (4eae2f79)\nMessage-ID: <dovecot-sieve-1701936000-1-0@mx.example.org>\n\
                 Date: Mon, 07 Dec 2026 09:00:00 +0100\nFrom: <{from}>\nTo: <{to}>\nSubject: Automatic reply: Lettre\n\
                 Auto-Submitted: auto-replied (vacation)\nPrecedence: bulk\nMIME-Version: 1.0\n\
                 Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 8bit\n\n\
                 Absent du 1er au 15 décembre. Pour une urgence : 01 02 03 04 05.\n"
            ),
        ),
        (
            "Gmail's vacation responder",
            format!(
                "MIME-Version: 1.0\nFrom: Bob Martin <{from}>\nDate: Mon, 7 Dec 2026 09:00:01 +0100\n\
                 Message-ID: <CAKx2h=abc@mail.gmail.com>\nSubject: Re: Lettre\nTo: {to}\nAuto-Submitted: auto-replied\n\
                 Content-Type: multipart/alternative; boundary=\"000000000000ab12\"\n\n\
                 --000000000000ab12\nContent-Type: text/plain; charset=\"UTF-8\"\n\n\
                 Je suis en congé, je lirai votre message à mon retour.\n\n\
                 --000000000000ab12\nContent-Type: text/html; charset=\"UTF-8\"\n\n\
                 <div dir=\"ltr\">Je suis en congé, je lirai votre message à mon retour.</div>\n\n\
                 --000000000000ab12--\n"
            ),
        ),
        (
            "Exchange's automatic reply",
            format!(
                "From: Bob Martin <{from}>\nTo: \"{to}\" <{to}>\nSubject: =?iso-8859-1?Q?R=E9ponse_automatique=A0:_Lettre?=\n\
                 Thread-Topic: Lettre\nThread-Index: AQHZ1234\nDate: Mon, 7 Dec 2026 08:00:02 +0000\n\
                 Message-ID: <4a1b2c@EX01.example.org>\nX-MS-Has-Attach:\nX-MS-Exchange-Inbox-Rules-Loop: {from}\n\
                 X-MS-TNEF-Correlator:\nauto-submitted: auto-generated\nX-Auto-Response-Suppress: All\n\
                 Content-Type: text/plain; charset=\"iso-8859-1\"\nContent-Transfer-Encoding: quoted-printable\nMIME-Version: 1.0\n\n\
                 Je suis absent jusqu'au 15 d=E9cembre.\n"
            ),
        ),
        (
            "an old vacation(1)",
            format!(
                "From: bob <{from}>\nTo: {to}\nSubject: away from my mail\nPrecedence: junk\nX-Autorespond: vacation\n\n\
                 I will not be reading my mail for a while.\n"
            ),
        ),
    ]
}

/// The case: each reply piped with the VERP address as recipient
/// (as Postfix's pipe passes `${original_recipient}`): the newsletter row
/// stays `sent`, the member stays subscribed, the report says why.
#[test]
fn an_out_of_office_reply_piped_changes_nothing() {
    let env = Env::new();
    let server = newsletter_sent(&env, true);
    let (return_path, _) = original(&server, "bob@example.org");
    for (responder, reply) in samples("bob@example.org", &return_path) {
        let report = bounce(&env, &reply, &["--recipient", &return_path]);
        assert_eq!(report["failed"], false, "{responder}: {report}");
        assert!(
            report["ignored"]
                .as_str()
                .unwrap_or("")
                .contains("automatic reply"),
            "{responder}: {report}"
        );
        assert_eq!(status_of(&env, "bob@example.org").0, "sent", "{responder}");
        let members = env.json(&["group", "members", "nord"]);
        assert_eq!(members[0]["status"], "active", "{responder}: {members}");
    }
    let events = status_of(&env, "bob@example.org").1["events"].clone();
    assert!(!events.to_string().contains("bounced"), "{events}");
}

/// A plain letter to the bounce address (a reader answering the
/// newsletter) is no report either; a real DSN beside it still acts.
#[test]
fn a_letter_to_the_bounce_address_is_not_a_bounce() {
    let env = Env::new();
    let server = newsletter_sent(&env, true);
    let (return_path, _) = original(&server, "bob@example.org");
    let letter = format!(
        "From: bob@example.org\nTo: {return_path}\nSubject: Re: Lettre\n\nMerci pour la lettre, mais 550 places c'est peu.\n"
    );
    let report = bounce(&env, &letter, &["--recipient", &return_path]);
    assert!(
        report["ignored"]
            .as_str()
            .unwrap_or("")
            .starts_with("not a delivery report"),
        "{report}"
    );
    assert_eq!(status_of(&env, "bob@example.org").0, "sent");
}

/// The same replies read from the bounce mailbox (Dovecot): ignored and
/// moved like any message, the row and the member untouched.
#[test]
fn out_of_office_replies_in_the_mailbox_change_nothing() {
    let dovecot = common::dovecot::Dovecot::start();
    let env = Env::new();
    let server = newsletter_sent(&env, true);
    mailbox_config(&env, &dovecot, "implicit", "move");
    let (return_path, _) = original(&server, "bob@example.org");
    let replies = samples("bob@example.org", &return_path);
    for (_, reply) in &replies {
        dovecot.deliver(reply);
    }
    let (report, stderr) = fetch_bounces(&env);
    assert_eq!(report["read"], replies.len(), "{report} {stderr}");
    assert_eq!(report["ignored"], replies.len(), "{report} {stderr}");
    assert_eq!(report["bounces"], 0, "{report}");
    assert_eq!(status_of(&env, "bob@example.org").0, "sent");
    assert_eq!(env.json(&["group", "members", "nord"])[0]["status"], "active");
    assert_eq!(dovecot.count("INBOX"), 0, "all moved");
}
