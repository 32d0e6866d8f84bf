//! Email addresses, parsed by lettre so that what we accept is what we can send.

use lettre::message::Mailbox;

/// Parses `addr@example.org` or `Name <addr@example.org>`.
pub(crate) fn parse_mailbox(text: &str) -> Result<Mailbox, String> {
    if text.contains(['\r', '\n']) {
        return Err(format!("invalid address {text:?}: contains a line break"));
    }
    text.trim()
        .parse::<Mailbox>()
        .map_err(|e| format!("invalid address \"{text}\": {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_names_and_rejects_garbage() {
        assert!(parse_mailbox("Mairie <noreply@example.org>").is_ok());
        assert!(parse_mailbox("élodie@example.org").is_ok());
        assert!(parse_mailbox("not an address").is_err());
        assert!(parse_mailbox("a@b.org\r\nBcc: x@y.org").is_err());
    }
}
