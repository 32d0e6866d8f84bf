//! The HTTP/1.1 transport of `publik serve`: one request per connection,
//! read whole within a deadline and size limits, parsed by httparse. Pages
//! are built in `serve::pages`; this module never sees the state.

use std::io::{self, Read, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

/// What a client may send, and how long it may take to send it.
#[derive(Debug, Clone, Copy)]
pub(super) struct Limits {
    /// The whole request (line, headers, body) must arrive within this.
    pub timeout: Duration,
    pub max_head_bytes: usize,
    /// The body a request for a path may have.
    pub max_body_bytes: fn(&str) -> usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Request {
    pub method: String,
    /// The request target without its query string or fragment.
    pub path: String,
    /// The query string, without `?` (signed API calls carry their signature there).
    pub query: String,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Request {
    pub(super) fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// Why no request could be read; most become an error response.
#[derive(Debug, PartialEq, Eq)]
pub(super) enum ReadError {
    /// The client closed (or sent nothing) before a whole request: no answer.
    Closed,
    /// 408: the deadline passed first.
    Timeout,
    /// 431: request line and headers over the limit.
    HeadTooLarge,
    /// 413: a declared body over the limit.
    BodyTooLarge,
    /// 411: a body without Content-Length (chunked uploads are not needed here).
    LengthRequired,
    /// 400.
    Malformed(String),
}

impl ReadError {
    /// The status to answer with, if any.
    pub(super) fn status(&self) -> Option<u16> {
        match self {
            ReadError::Closed => None,
            ReadError::Timeout => Some(408),
            ReadError::HeadTooLarge => Some(431),
            ReadError::BodyTooLarge => Some(413),
            ReadError::LengthRequired => Some(411),
            ReadError::Malformed(_) => Some(400),
        }
    }
}

/// A request refused, and its path when the head was read far enough to
/// know it (the answer's form depends on it).
#[derive(Debug, PartialEq, Eq)]
pub(super) struct Refused {
    pub error: ReadError,
    pub path: Option<String>,
}

impl From<ReadError> for Refused {
    fn from(error: ReadError) -> Refused {
        Refused { error, path: None }
    }
}

/// The headers a request may carry (more is a malformed request).
const MAX_HEADERS: usize = 48;

/// Reads at most `buf.len()` bytes before `deadline`.
fn read_some(stream: &mut TcpStream, buf: &mut [u8], deadline: Instant) -> Result<usize, ReadError> {
    let remaining = deadline.saturating_duration_since(Instant::now());
    if remaining.is_zero() {
        return Err(ReadError::Timeout);
    }
    stream
        .set_read_timeout(Some(remaining))
        .map_err(|_| ReadError::Closed)?;
    loop {
        return match stream.read(buf) {
            Ok(n) => Ok(n),
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) if matches!(e.kind(), io::ErrorKind::WouldBlock | io::ErrorKind::TimedOut) => {
                Err(ReadError::Timeout)
            }
            Err(_) => Err(ReadError::Closed),
        };
    }
}

/// Reads one whole request: a slow or oversized client costs at most
/// `limits.timeout` and `max_head_bytes + max_body_bytes` of memory.
pub(super) fn read_request(stream: &mut TcpStream, limits: &Limits) -> Result<Request, Refused> {
    let deadline = Instant::now() + limits.timeout;
    let mut buf = vec![0u8; limits.max_head_bytes];
    let mut filled = 0;
    loop {
        if filled == buf.len() {
            return Err(ReadError::HeadTooLarge.into());
        }
        let n = match read_some(stream, &mut buf[filled..], deadline) {
            Ok(0) if filled == 0 => return Err(ReadError::Closed.into()),
            Ok(0) => return Err(ReadError::Malformed("the request ended early".into()).into()),
            Ok(n) => n,
            // A connection opened and left silent (a port probe) is no error.
            Err(ReadError::Timeout) if filled == 0 => return Err(ReadError::Closed.into()),
            Err(e) => return Err(e.into()),
        };
        filled += n;
        let mut headers = [httparse::EMPTY_HEADER; MAX_HEADERS];
        let mut parsed = httparse::Request::new(&mut headers);
        let head_len = match parsed.parse(&buf[..filled]) {
            Ok(httparse::Status::Complete(len)) => len,
            Ok(httparse::Status::Partial) => continue,
            Err(e) => return Err(ReadError::Malformed(e.to_string()).into()),
        };
        let method = parsed.method.unwrap_or_default().to_string();
        let target = parsed.path.unwrap_or_default();
        let without_fragment = target.split('#').next().unwrap_or_default();
        let (path, query) = without_fragment.split_once('?').unwrap_or((without_fragment, ""));
        let (path, query) = (path.to_string(), query.to_string());
        let headers: Vec<(String, String)> = parsed
            .headers
            .iter()
            .map(|h| (h.name.to_string(), String::from_utf8_lossy(h.value).into_owned()))
            .collect();
        let mut request = Request {
            method,
            path,
            query,
            headers,
            body: Vec::new(),
        };
        let http11 = parsed.version == Some(1);
        request.body = read_body(stream, &request, http11, &buf[head_len..filled], limits, deadline)
            .map_err(|error| Refused {
                error,
                path: Some(request.path.clone()),
            })?;
        return Ok(request);
    }
}

/// The body of `request` after the head (`early`: its bytes read with the
/// head), checked against the head's framing and the path's limit.
fn read_body(
    stream: &mut TcpStream,
    request: &Request,
    http11: bool,
    early: &[u8],
    limits: &Limits,
    deadline: Instant,
) -> Result<Vec<u8>, ReadError> {
    if request.header("transfer-encoding").is_some() {
        return Err(ReadError::LengthRequired);
    }
    // The Host picks the site: one, and required in HTTP/1.1 (RFC 9112
    // §3.2); two would let a proxy and us pick different sites.
    let hosts = request
        .headers
        .iter()
        .filter(|(name, _)| name.eq_ignore_ascii_case("host"))
        .count();
    if hosts > 1 {
        return Err(ReadError::Malformed("two Host headers".into()));
    }
    if hosts == 0 && http11 {
        return Err(ReadError::Malformed("HTTP/1.1 without a Host header".into()));
    }
    // Two different lengths would let a proxy and us disagree on where
    // the next request starts (request smuggling): refused.
    let mut lengths = request
        .headers
        .iter()
        .filter(|(name, _)| name.eq_ignore_ascii_case("content-length"))
        .map(|(_, text)| {
            // Digits only (RFC 9110 §8.6): `+3` or `0x3` is no length.
            let digits = text.trim();
            if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
                return Err(ReadError::Malformed(format!("Content-Length \"{text}\"")));
            }
            digits
                .parse::<usize>()
                .map_err(|_| ReadError::Malformed(format!("Content-Length \"{text}\"")))
        });
    let length = match lengths.next().transpose()? {
        None => 0,
        Some(first) => {
            for other in lengths {
                if other? != first {
                    return Err(ReadError::Malformed(
                        "two different Content-Length headers".into(),
                    ));
                }
            }
            first
        }
    };
    if length > (limits.max_body_bytes)(&request.path) {
        return Err(ReadError::BodyTooLarge);
    }
    let mut body = early.to_vec();
    body.truncate(length);
    let mut chunk = vec![0u8; length.saturating_sub(body.len()).min(8192)];
    while body.len() < length {
        let want = (length - body.len()).min(chunk.len());
        match read_some(stream, &mut chunk[..want], deadline)? {
            0 => return Err(ReadError::Malformed("the body ended early".into())),
            n => body.extend_from_slice(&chunk[..n]),
        }
    }
    Ok(body)
}

pub(super) struct Response {
    pub status: u16,
    pub headers: Vec<(&'static str, String)>,
    pub body: Vec<u8>,
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        408 => "Request Timeout",
        411 => "Length Required",
        413 => "Content Too Large",
        429 => "Too Many Requests",
        431 => "Request Header Fields Too Large",
        500 => "Internal Server Error",
        503 => "Service Unavailable",
        _ => "",
    }
}

/// Writes `response` and closes the exchange (`Connection: close`); a HEAD
/// answer has the headers of the GET one and no body.
pub(super) fn write_response(
    stream: &mut TcpStream,
    response: &Response,
    head: bool,
    timeout: Duration,
) -> io::Result<()> {
    stream.set_write_timeout(Some(timeout))?;
    let mut out = format!("HTTP/1.1 {} {}\r\n", response.status, reason(response.status));
    for (name, value) in &response.headers {
        out.push_str(&format!("{name}: {value}\r\n"));
    }
    out.push_str(&format!(
        "Content-Length: {}\r\nConnection: close\r\n\r\n",
        response.body.len()
    ));
    let mut bytes = out.into_bytes();
    if !head {
        bytes.extend_from_slice(&response.body);
    }
    stream.write_all(&bytes)?;
    stream.flush()?;
    // Let the client read the answer before the socket closes on it.
    let _ = stream.shutdown(std::net::Shutdown::Write);
    Ok(())
}

/// After refusing a request early, reads and drops what the client is still
/// sending (a while, a bounded amount): closing a socket with unread data
/// resets it, and the client would lose the answer.
pub(super) fn drain(stream: &mut TcpStream, max_bytes: usize, timeout: Duration) {
    let deadline = Instant::now() + timeout;
    let mut buf = [0u8; 8192];
    let mut total = 0;
    while total < max_bytes {
        match read_some(stream, &mut buf, deadline) {
            Ok(0) | Err(_) => break,
            Ok(n) => total += n,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::net::TcpListener;

    const LIMITS: Limits = Limits {
        timeout: Duration::from_millis(500),
        max_head_bytes: 1024,
        max_body_bytes: |_| 64,
    };

    /// What `read_request` makes of `sent` (then the client stays open).
    fn read(sent: &[u8]) -> Result<Request, ReadError> {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let mut client = TcpStream::connect(listener.local_addr().unwrap()).unwrap();
        client.write_all(sent).unwrap();
        let (mut server, _) = listener.accept().unwrap();
        let result = read_request(&mut server, &LIMITS);
        drop(client);
        result.map_err(|refused| refused.error)
    }

    #[test]
    fn reads_a_post_with_its_body() {
        let request =
            read(b"POST /actions/abc/?x=1 HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\n\r\nhello").unwrap();
        assert_eq!(request.method, "POST");
        assert_eq!(request.path, "/actions/abc/");
        assert_eq!(request.header("HOST"), Some("a"));
        assert_eq!(request.body, b"hello");
    }

    #[test]
    fn refuses_what_is_too_big_slow_or_broken() {
        assert_eq!(
            read(b"POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 65\r\n\r\n"),
            Err(ReadError::BodyTooLarge)
        );
        let long = format!("GET /{} HTTP/1.1\r\n\r\n", "a".repeat(2000));
        assert_eq!(read(long.as_bytes()), Err(ReadError::HeadTooLarge));
        assert_eq!(read(b"GET / HTTP/1.1\r\nHost: a\r\n"), Err(ReadError::Timeout));
        assert_eq!(
            read(b"POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 9\r\n\r\nabc"),
            Err(ReadError::Timeout)
        );
        assert_eq!(
            read(b"POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n"),
            Err(ReadError::LengthRequired)
        );
        assert!(matches!(
            read(b"\x00\x01 nonsense\r\n\r\n"),
            Err(ReadError::Malformed(_))
        ));
        assert!(matches!(
            read(b"GET / HTTP/1.1\r\nHost: a\r\nContent-Length: x\r\n\r\n"),
            Err(ReadError::Malformed(_))
        ));
        assert!(matches!(
            read(b"POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\ncontent-length: 5\r\n\r\nabcde"),
            Err(ReadError::Malformed(_))
        ));
        assert_eq!(
            read(b"POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\nContent-Length: 3\r\n\r\nabc")
                .unwrap()
                .body,
            b"abc"
        );
        assert_eq!(read(b""), Err(ReadError::Closed));
    }

    /// RFC 9110/9112 strictness: a length is digits only; one Host, and
    /// one there is in HTTP/1.1 (HTTP/1.0 may go without).
    #[test]
    fn lengths_and_hosts_as_the_rfcs_say() {
        for length in ["+3", "0x3", " ", "3 3", "-3"] {
            let sent = format!("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: {length}\r\n\r\nabc");
            assert!(
                matches!(read(sent.as_bytes()), Err(ReadError::Malformed(_))),
                "Content-Length: {length}"
            );
        }
        let two = read(b"GET / HTTP/1.1\r\nHost: a.example.org\r\nHost: b.example.org\r\n\r\n");
        assert!(matches!(two, Err(ReadError::Malformed(_))), "{two:?}");
        let none = read(b"GET / HTTP/1.1\r\n\r\n");
        assert!(matches!(none, Err(ReadError::Malformed(_))), "{none:?}");
        assert!(read(b"GET / HTTP/1.0\r\n\r\n").is_ok());
        assert_eq!(reason(403), "Forbidden");
    }
}

#[cfg(test)]
mod properties {
    use std::io::Write;
    use std::net::{Shutdown, TcpListener, TcpStream};
    use std::time::Duration;

    use proptest::prelude::*;

    use super::{Limits, read_request};
    use crate::testing::text_from;

    const PIECES: &[&str] = &[
        "GET ",
        "POST ",
        "HEAD ",
        "/actions/",
        "/unsubscribe/",
        " HTTP/1.1",
        " HTTP/1.0",
        "\r\n",
        "\n",
        "Host: a",
        "Content-Length: ",
        "content-length: ",
        "Transfer-Encoding: chunked",
        "0",
        "5",
        "64",
        "99999999999999999999",
        "-1",
        ": ",
        "hello",
        "\0",
        "\u{7f}",
        " ",
        "\r\n\r\n",
    ];

    proptest! {
        #![proptest_config(ProptestConfig { cases: 128, failure_persistence: None, ..ProptestConfig::default() })]

        /// Whatever bytes a client sends (then closes), the request is read
        /// or refused with a status; never a panic, never a hang.
        #[test]
        fn request_heads_and_bodies_never_panic(text in text_from(PIECES)) {
            let listener = TcpListener::bind("127.0.0.1:0").unwrap();
            let mut client = TcpStream::connect(listener.local_addr().unwrap()).unwrap();
            client.write_all(text.as_bytes()).unwrap();
            client.shutdown(Shutdown::Write).unwrap();
            let (mut server, _) = listener.accept().unwrap();
            let limits = Limits { timeout: Duration::from_secs(2), max_head_bytes: 1024, max_body_bytes: |_| 64 };
            let started = std::time::Instant::now();
            let _ = read_request(&mut server, &limits);
            prop_assert!(started.elapsed() < Duration::from_secs(3));
        }
    }
}
