//! Header lines within RFC 5322's limits: at most 998 octets, and folded at
//! 78 where whitespace allows (§2.1.1, §2.2.3). lettre folds an address list
//! after a named mailbox only: 100 bare addresses make one 4 000-octet `To:`
//! line, which aiosmtpd refuses ("500 Line too long"), Exim freezes and
//! Gmail rejects.
//!
//! Folding inserts CRLF before whitespace that is already there, which
//! unfolding removes again: the header means the same, whatever its syntax.

/// Lines longer than this are folded where they have whitespace.
const FOLD_AT: usize = 78;

/// `message` with the lines of its header section folded; the same bytes,
/// not copied, when every line is short enough already.
pub(super) fn fold_headers(message: Vec<u8>) -> Vec<u8> {
    let head_end = header_end(&message).unwrap_or(message.len());
    let head = &message[..head_end];
    if head.split(|b| *b == b'\n').all(|line| line.len() <= FOLD_AT + 1) {
        return message;
    }
    let mut out = Vec::with_capacity(message.len() + message.len() / 40);
    for line in head.split_inclusive(|b| *b == b'\n') {
        let content = line.strip_suffix(b"\r\n").unwrap_or(line);
        fold_line(content, &mut out);
        out.extend_from_slice(&line[content.len()..]);
    }
    out.extend_from_slice(&message[head_end..]);
    out
}

/// Writes one header line, folded before whitespace: after a comma when one
/// is in reach (between addresses), else at the last whitespace in reach, else
/// at the first one further on (a long word cannot be cut).
fn fold_line(mut line: &[u8], out: &mut Vec<u8>) {
    while line.len() > FOLD_AT {
        let Some(at) = break_at(line) else {
            break;
        };
        out.extend_from_slice(&line[..at]);
        out.extend_from_slice(b"\r\n");
        line = &line[at..];
    }
    out.extend_from_slice(line);
}

/// Where to fold `line`: the index of a whitespace that leaves visible text
/// before it (a folded line must not be blank), or None.
fn break_at(line: &[u8]) -> Option<usize> {
    let is_space = |b: u8| b == b' ' || b == b'\t';
    let first_visible = line.iter().position(|b| !is_space(*b))?;
    let candidates =
        || (first_visible + 1..line.len()).filter(|&i| is_space(line[i]) && !is_space(line[i - 1]));
    let in_reach = || candidates().take_while(|&i| i <= FOLD_AT);
    in_reach()
        .filter(|&i| line[i - 1] == b',')
        .last()
        .or_else(|| in_reach().last())
        .or_else(|| candidates().next())
}

/// Where a message's header section ends: just after its last header
/// line's CRLF, before the empty line.
pub(super) fn header_end(message: &[u8]) -> Option<usize> {
    message.windows(4).position(|w| w == b"\r\n\r\n").map(|at| at + 2)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folded(text: &str) -> String {
        String::from_utf8(fold_headers(text.as_bytes().to_vec())).unwrap()
    }

    #[test]
    fn a_long_address_list_folds_between_addresses() {
        let list: Vec<String> = (0..30).map(|i| format!("user{i}@example.org")).collect();
        let message = format!(
            "To: {}\r\nSubject: s\r\n\r\nbody {}\r\n",
            list.join(", "),
            "x".repeat(200)
        );
        let out = folded(&message);
        let (head, body) = out.split_once("\r\n\r\n").unwrap();
        assert!(head.split("\r\n").all(|l| l.len() <= 78), "{head}");
        assert!(
            head.split("\r\n")
                .skip(1)
                .take_while(|l| l.starts_with(' '))
                .all(|l| !l.trim().is_empty())
        );
        // Unfolding gives the header back; the body is untouched.
        assert_eq!(
            head.replace("\r\n ", " "),
            format!("To: {}\r\nSubject: s", list.join(", "))
        );
        assert_eq!(body, format!("body {}\r\n", "x".repeat(200)));
    }

    #[test]
    fn short_headers_are_not_copied_and_long_words_stay_whole() {
        let message = b"Subject: short\r\n\r\nbody\r\n".to_vec();
        let pointer = message.as_ptr();
        let out = fold_headers(message);
        assert_eq!(out.as_ptr(), pointer);
        let word = "w".repeat(100);
        let out = folded(&format!("X-Long: {word} end\r\n\r\n"));
        assert_eq!(out, format!("X-Long:\r\n {word}\r\n end\r\n\r\n"));
    }
}
