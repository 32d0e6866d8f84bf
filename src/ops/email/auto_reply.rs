//! Which mail coming back may fail a row. Auto-responders answer the
//! envelope sender, which with VERP is publik's bounce address, so an
//! out-of-office reply arrives where bounces do; taken for a bounce it
//! would fail the row and mark the newsletter member `bounced`. Only a
//! report (RFC 3464 delivery status, RFC 5965 feedback) or a plain-text
//! bounce from a mail system may act; an automatic reply (RFC 3834 and the
//! older conventions of vacation programs) or any other mail is ignored.

use mail_parser::Message;

/// Why a message without a report part is not a bounce, or None when it is
/// a plain-text bounce from a mail system.
pub(super) fn not_a_bounce(message: &Message) -> Option<String> {
    if from_mail_system(message) {
        return None;
    }
    if let Some(marker) = auto_reply_marker(message) {
        return Some(format!("an automatic reply ({marker}), not a delivery report"));
    }
    if bounce_subject(message) {
        return None;
    }
    Some("not a delivery report (no delivery-status part, not from a mail system)".into())
}

/// The header that says a message was sent by a program answering mail:
/// `Auto-Submitted` other than `no` (RFC 3834, as Dovecot's sieve vacation,
/// Gmail and Exchange write it), `X-Autoreply`, `X-Autorespond`,
/// `Precedence: auto_reply`, or an Exchange/Outlook automatic reply.
fn auto_reply_marker(message: &Message) -> Option<String> {
    let header = |name: &str| message.header_raw(name).map(|v| v.trim().to_ascii_lowercase());
    if let Some(value) = header("Auto-Submitted")
        && !value.is_empty()
        && value.split(['(', ';', ' ']).next() != Some("no")
    {
        return Some(format!("Auto-Submitted: {value}"));
    }
    for name in ["X-Autoreply", "X-Autorespond", "X-Autoresponder"] {
        if header(name).is_some() {
            return Some(name.to_string());
        }
    }
    if let Some(value) = header("Precedence")
        && value == "auto_reply"
    {
        return Some("Precedence: auto_reply".into());
    }
    // Exchange's out-of-office replies carry no RFC 3834 header of their own
    // when relayed, but always this one, and their subject says so.
    if header("X-MS-Exchange-Inbox-Rules-Loop").is_some() || header("X-Auto-Response-Suppress").is_some() {
        return Some("an Exchange automatic reply".into());
    }
    let subject = message.subject().unwrap_or("").to_lowercase();
    [
        "automatic reply",
        "auto-reply",
        "autoreply",
        "out of office",
        "réponse automatique",
        "absence du bureau",
    ]
    .iter()
    .find(|w| subject.starts_with(*w))
    .map(|w| format!("Subject: {w}…"))
}

/// A bounce's sender: the mail system's own address (`MAILER-DAEMON`,
/// `postmaster`) or the null return path of RFC 5321 §4.5.5.
fn from_mail_system(message: &Message) -> bool {
    if message
        .header_raw("Return-Path")
        .is_some_and(|path| path.trim() == "<>")
    {
        return true;
    }
    message
        .from()
        .and_then(|from| from.first())
        .and_then(|addr| addr.address())
        .and_then(|address| address.split('@').next())
        .is_some_and(|local| {
            let local = local.to_ascii_lowercase();
            ["mailer-daemon", "mailer_daemon", "postmaster", "mdaemon"].contains(&local.as_str())
        })
}

/// Subjects of the plain-text bounces of older MTAs sent from an ordinary
/// address (qmail's "failure notice", Exim's "Mail delivery failed").
fn bounce_subject(message: &Message) -> bool {
    let subject = message.subject().unwrap_or("").to_lowercase();
    [
        "undeliver",
        "undelivered mail",
        "delivery status notification",
        "delivery failure",
        "failure notice",
        "mail delivery failed",
        "returned mail",
        "non remis",
        "non-remise",
    ]
    .iter()
    .any(|w| subject.contains(w))
}

#[cfg(test)]
mod tests {
    use super::*;
    use mail_parser::MessageParser;

    fn verdict(raw: &str) -> Option<String> {
        let message = MessageParser::default().parse(raw.as_bytes()).unwrap();
        not_a_bounce(&message)
    }

    #[test]
    fn vacation_replies_of_each_kind_are_not_bounces() {
        for headers in [
            "Auto-Submitted: auto-replied\n",
            "Auto-Submitted: auto-replied (vacation)\n",
            "Auto-Submitted: auto-generated\n",
            "X-Autoreply: yes\n",
            "X-Autorespond: Je suis absente\n",
            "Precedence: auto_reply\n",
            "X-MS-Exchange-Inbox-Rules-Loop: alice@example.net\n",
        ] {
            let raw = format!(
                "From: Alice <alice@example.net>\nTo: bounces+x@mairie.example.org\nSubject: Re: Votre lettre\n{headers}\nJe suis absente jusqu'au 15 décembre.\n"
            );
            let why = verdict(&raw).unwrap_or_default();
            assert!(why.contains("automatic reply"), "{headers}: {why}");
        }
    }

    #[test]
    fn auto_submitted_no_and_a_plain_letter_are_still_not_bounces() {
        let why = verdict("From: a@example.net\nAuto-Submitted: no\nSubject: Merci\n\nMerci !\n").unwrap();
        assert!(why.starts_with("not a delivery report"), "{why}");
    }

    #[test]
    fn a_mail_systems_plain_text_bounce_is_one_even_auto_submitted() {
        // Exim writes Auto-Submitted: auto-replied on its own bounces.
        let exim = "From: Mail Delivery System <Mailer-Daemon@mx.example.net>\nAuto-Submitted: auto-replied\nSubject: Mail delivery failed\n\n550 5.1.1 unknown\n";
        assert_eq!(verdict(exim), None);
        let null_path = "Return-Path: <>\nFrom: root@mx.example.net\nSubject: x\n\n550\n";
        assert_eq!(verdict(null_path), None);
        let qmail = "From: robot@mx.example.net\nSubject: failure notice\n\nSorry.\n";
        assert_eq!(verdict(qmail), None);
    }
}
