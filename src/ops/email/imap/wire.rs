//! The bytes under the IMAP commands: the socket held to a deadline, and
//! replies framed (a line, the literals it announces, the line going on)
//! within one command's budget, before imap-proto parses them.

use std::cell::Cell;
use std::io::{BufRead, ErrorKind, Read, Write};
use std::net::TcpStream;
use std::rc::Rc;
use std::time::{Duration, Instant};

/// A reply line, literals aside: a SEARCH of some 100 000 UIDs fits.
pub(super) const MAX_LINE: u64 = 1024 * 1024;
/// The reply lines to one command, all told, literals aside.
pub(super) const MAX_REPLY_BYTES: u64 = 4 * 1024 * 1024;
/// Replies to one command: a real server sends a few, and news of other
/// sessions (EXPUNGE, FETCH FLAGS) in a busy mailbox.
pub(super) const MAX_REPLIES: usize = 10_000;
/// Parentheses open at once in a reply: imap-proto recurses on each
/// (BODYSTRUCTURE, body extensions) and a few thousand overflow the
/// stack; what publik asks for nests three or four deep.
pub(super) const MAX_DEPTH: u32 = 32;
/// Literals besides a message's first octets (strings a server may send
/// as literals).
pub(super) const LITERAL_SLACK: u64 = 64 * 1024;

/// The socket (TLS runs over it), each read and write held to the
/// deadline of the command under way: bytes trickling one by one do not
/// stretch it.
pub(super) struct Timed {
    pub(super) tcp: TcpStream,
    pub(super) deadline: Rc<Cell<Instant>>,
}

impl Timed {
    fn left(&self) -> std::io::Result<Duration> {
        let left = self.deadline.get().saturating_duration_since(Instant::now());
        if left.is_zero() {
            return Err(ErrorKind::TimedOut.into());
        }
        Ok(left)
    }
}

impl Read for Timed {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let left = self.left()?;
        self.tcp.set_read_timeout(Some(left))?;
        self.tcp.read(buf)
    }
}

impl Write for Timed {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let left = self.left()?;
        self.tcp.set_write_timeout(Some(left))?;
        self.tcp.write(buf)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.tcp.flush()
    }
}

/// Whether an I/O error is the deadline passing.
pub(super) fn timed_out(error: &std::io::Error) -> bool {
    matches!(error.kind(), ErrorKind::TimedOut | ErrorKind::WouldBlock)
}

/// What the replies to one command may still take.
pub(super) struct Budget {
    replies: usize,
    line_bytes: u64,
    literal_bytes: u64,
}

impl Budget {
    /// Literals: the message's first `max_literal` octets asked for.
    pub(super) fn new(max_literal: u64) -> Budget {
        Budget {
            replies: MAX_REPLIES,
            line_bytes: MAX_REPLY_BYTES,
            literal_bytes: max_literal + LITERAL_SLACK,
        }
    }
}

/// Why a reply could not be framed.
pub(super) enum FrameError {
    Io(std::io::Error),
    /// The peer broke a bound, or closed: said as is.
    Broken(String),
}

/// How deep a reply's parentheses are, read piece by piece (literals
/// never pass through it). Every parenthesis counts, inside quotes too:
/// the parser does not always read a `"` as a string (an unknown
/// attribute's `NAME (...)` is taken up to the next `)`), so skipping what
/// looks quoted here would let a reply hide its depth from this count and
/// not from the parser. Nothing publik asks for quotes parentheses.
#[derive(Default)]
struct Nesting {
    depth: u32,
}

impl Nesting {
    /// Follows `piece`; false once it opens more than MAX_DEPTH at once.
    fn follow(&mut self, piece: &[u8]) -> bool {
        for &byte in piece {
            match byte {
                b'(' => {
                    self.depth += 1;
                    if self.depth > MAX_DEPTH {
                        return false;
                    }
                }
                b')' => self.depth = self.depth.saturating_sub(1),
                _ => {}
            }
        }
        true
    }
}

/// `N` of a piece ending in `{N}` (CRLF aside): N octets follow.
fn announced_literal(piece: &[u8]) -> Option<u64> {
    let piece = piece.strip_suffix(b"\n")?;
    let piece = piece.strip_suffix(b"\r").unwrap_or(piece);
    let piece = piece.strip_suffix(b"}")?;
    let open = piece.iter().rposition(|&b| b == b'{')?;
    let digits = &piece[open + 1..];
    if digits.is_empty() || !digits.iter().all(u8::is_ascii_digit) {
        return None;
    }
    std::str::from_utf8(digits).ok()?.parse().ok()
}

/// Reads one reply whole into `raw` (its lines and literals as sent),
/// within `budget`.
pub(super) fn read_reply(
    reader: &mut impl BufRead,
    budget: &mut Budget,
    raw: &mut Vec<u8>,
) -> Result<(), FrameError> {
    raw.clear();
    if budget.replies == 0 {
        return Err(FrameError::Broken(format!("more than {MAX_REPLIES} replies")));
    }
    budget.replies -= 1;
    let mut nesting = Nesting::default();
    loop {
        let start = raw.len();
        let cap = MAX_LINE.min(budget.line_bytes);
        let read = reader.take(cap).read_until(b'\n', raw).map_err(FrameError::Io)?;
        budget.line_bytes -= read as u64;
        if read == 0 {
            return Err(FrameError::Broken("the mailbox closed the connection".into()));
        }
        if !raw.ends_with(b"\n") {
            return Err(FrameError::Broken(if cap < MAX_LINE {
                format!("more than {} MiB of replies", MAX_REPLY_BYTES >> 20)
            } else {
                format!("a reply line longer than {} MiB", MAX_LINE >> 20)
            }));
        }
        if !nesting.follow(&raw[start..]) {
            return Err(FrameError::Broken(format!(
                "a reply nested deeper than {MAX_DEPTH} levels"
            )));
        }
        let Some(size) = announced_literal(&raw[start..]) else {
            return Ok(());
        };
        if size > budget.literal_bytes {
            return Err(FrameError::Broken(format!(
                "a literal of {size} octets where at most {} were left of what was asked",
                budget.literal_bytes
            )));
        }
        budget.literal_bytes -= size;
        let at = raw.len();
        raw.resize(at + size as usize, 0);
        reader.read_exact(&mut raw[at..]).map_err(|e| {
            if e.kind() == ErrorKind::UnexpectedEof {
                FrameError::Broken("the mailbox closed the connection".into())
            } else {
                FrameError::Io(e)
            }
        })?;
    }
}

/// What the peer said, fit to print: one line, no control characters, cut.
pub(super) fn said(raw: &[u8]) -> String {
    let text = String::from_utf8_lossy(raw);
    let text = text.trim_end_matches(['\r', '\n']);
    let mut shown: String = text
        .chars()
        .take(200)
        .map(|c| if c.is_control() { '?' } else { c })
        .collect();
    if text.chars().count() > 200 {
        shown.push('…');
    }
    shown
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_all(bytes: &[u8], max_literal: u64) -> Vec<Result<Vec<u8>, String>> {
        let mut reader = std::io::BufReader::new(bytes);
        let mut budget = Budget::new(max_literal);
        let mut replies = Vec::new();
        loop {
            let mut raw = Vec::new();
            match read_reply(&mut reader, &mut budget, &mut raw) {
                Ok(()) => replies.push(Ok(raw)),
                Err(FrameError::Broken(why)) => {
                    replies.push(Err(why));
                    return replies;
                }
                Err(FrameError::Io(e)) => panic!("{e}"),
            }
        }
    }

    #[test]
    fn a_reply_with_a_literal_is_read_whole() {
        let replies = read_all(b"* 1 FETCH (UID 7 BODY[]<0> {5}\r\nHello)\r\np1 OK done\r\n", 100);
        assert_eq!(
            replies[0].as_deref(),
            Ok(&b"* 1 FETCH (UID 7 BODY[]<0> {5}\r\nHello)\r\n"[..])
        );
        assert_eq!(replies[1].as_deref(), Ok(&b"p1 OK done\r\n"[..]));
        assert_eq!(replies[2], Err("the mailbox closed the connection".into()));
    }

    #[test]
    fn literals_past_what_was_asked_are_refused_before_they_are_read() {
        let replies = read_all(b"* 1 FETCH (BODY[] {99999999}\r\n", 100);
        assert!(
            replies[0].as_ref().is_err_and(|why| why.contains("99999999")),
            "{replies:?}"
        );
    }

    #[test]
    fn replies_past_the_count_are_refused() {
        let flood = b"* 1 EXPUNGE\r\n".repeat(MAX_REPLIES + 1);
        let replies = read_all(&flood, 100);
        assert_eq!(replies.len(), MAX_REPLIES + 1);
        assert!(
            replies[MAX_REPLIES]
                .as_ref()
                .is_err_and(|why| why.contains("replies"))
        );
    }

    #[test]
    fn replies_nested_too_deep_are_refused_before_they_are_parsed() {
        let mut deep = b"* 1 FETCH (BODYSTRUCTURE ".to_vec();
        deep.extend(b"(".repeat(2000));
        deep.extend(b"\r\n");
        let replies = read_all(&deep, 100);
        assert_eq!(replies, [Err("a reply nested deeper than 32 levels".into())]);
    }

    #[test]
    fn nesting_is_counted_across_literals_and_inside_quotes() {
        let level = |n: usize| format!("* 1 FETCH {}x{}\r\n", "(".repeat(n), ")".repeat(n));
        // What looks quoted is counted: the parser may not read it as a string.
        let hidden = "* 1 FETCH (XFOO (\") BODYSTRUCTURE ".to_string() + &"(".repeat(200) + "\r\n";
        assert!(
            read_all(hidden.as_bytes(), 100)[0]
                .as_ref()
                .is_err_and(|why| why.contains("nested"))
        );
        let quoted = format!("* 1 FETCH (X \"{}\")\r\n", "(".repeat(20));
        let literal = format!(
            "* 1 FETCH (BODY[] {{100}}\r\n{}){}\r\n",
            "(".repeat(100),
            "(".repeat(31)
        );
        let replies = read_all(format!("{}{quoted}{literal}", level(32)).as_bytes(), 100);
        assert!(replies[..3].iter().all(Result::is_ok), "{replies:?}");
        let replies = read_all(level(33).as_bytes(), 100);
        assert!(replies[0].as_ref().is_err_and(|why| why.contains("nested")));
        let across = format!("* 1 FETCH ({}BODY[] {{1}}\r\nx(\r\n", "(".repeat(31));
        let replies = read_all(across.as_bytes(), 100);
        assert!(
            replies[0].as_ref().is_err_and(|why| why.contains("nested")),
            "{replies:?}"
        );
    }

    #[test]
    fn control_characters_are_not_printed() {
        assert_eq!(said(b"p1 NO \x1b[31mred\r\n"), "p1 NO ?[31mred");
    }
}
