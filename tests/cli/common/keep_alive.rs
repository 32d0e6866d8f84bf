//! A small HTTP/1.1 server on 127.0.0.1 for the HTTP peers of the tests (a
//! push service, an SMS gateway): a thread per connection, keep-alive, as
//! many connections as clients open, as real services behave. tiny_http's
//! task pool could leave a new connection unserved while others sat idle in
//! a client's pool (requests then timed out), which lanes keeping a
//! connection each run into at once.

#![allow(dead_code)]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpListener;
use std::sync::Arc;

pub struct Incoming {
    pub method: String,
    /// The request target: path and query.
    pub url: String,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

pub struct Outgoing {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

pub type Handler = dyn Fn(Incoming) -> Outgoing + Send + Sync;

/// Serves `handler` on a new port until the test process ends.
pub fn start(handler: Arc<Handler>) -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
    let port = listener.local_addr().expect("addr").port();
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(stream) = stream else { continue };
            let handler = handler.clone();
            std::thread::spawn(move || {
                let _ = stream.set_nodelay(true);
                let Ok(mut writer) = stream.try_clone() else {
                    return;
                };
                let mut reader = BufReader::new(stream);
                while let Some(incoming) = read(&mut reader) {
                    let close = incoming.headers.iter().any(|(n, v)| {
                        n.eq_ignore_ascii_case("connection") && v.eq_ignore_ascii_case("close")
                    });
                    let outgoing = handler(incoming);
                    let mut head = format!(
                        "HTTP/1.1 {} X\r\nContent-Length: {}\r\n",
                        outgoing.status,
                        outgoing.body.len()
                    );
                    for (name, value) in &outgoing.headers {
                        head.push_str(&format!("{name}: {value}\r\n"));
                    }
                    head.push_str("\r\n");
                    let mut bytes = head.into_bytes();
                    bytes.extend_from_slice(&outgoing.body);
                    if writer.write_all(&bytes).is_err() || close {
                        return;
                    }
                }
            });
        }
    });
    port
}

/// One request; None when the client closed or sent something unreadable.
fn read(reader: &mut BufReader<std::net::TcpStream>) -> Option<Incoming> {
    let mut line = String::new();
    if reader.read_line(&mut line).ok()? == 0 {
        return None;
    }
    let mut words = line.split_whitespace();
    let method = words.next()?.to_string();
    let url = words.next()?.to_string();
    let mut headers = Vec::new();
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).ok()? == 0 {
            return None;
        }
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        let (name, value) = line.split_once(':')?;
        headers.push((name.trim().to_string(), value.trim().to_string()));
    }
    let length: usize = headers
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case("content-length"))
        .and_then(|(_, v)| v.parse().ok())
        .unwrap_or(0);
    let mut body = vec![0u8; length];
    reader.read_exact(&mut body).ok()?;
    Some(Incoming {
        method,
        url,
        headers,
        body,
    })
}
