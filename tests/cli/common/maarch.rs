//! A Maarch Courrier stand-in on 127.0.0.1 (tiny_http): the three REST
//! routes publik uses, with Basic auth, body validation and Maarch's error
//! answers, holding mail in memory with base64 files.

#![allow(dead_code)]

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use base64::Engine;
use serde_json::{Value, json};

pub const USER: &str = "publik";
pub const PASSWORD: &str = "s3cret";

#[derive(Debug, Clone)]
pub struct Doc {
    pub res_id: i64,
    pub subject: String,
    pub status: String,
    /// Raw `fileBase64Content` (may be deliberately invalid).
    pub file_base64: String,
    pub in_perimeter: bool,
    pub external_id: Option<String>,
    pub external_link: Option<String>,
    pub history: Vec<String>,
}

impl Doc {
    pub fn new(res_id: i64, status: &str, file: &[u8]) -> Doc {
        Doc {
            res_id,
            subject: format!("Courrier {res_id} : demande d'acte"),
            status: status.into(),
            file_base64: base64::engine::general_purpose::STANDARD.encode(file),
            in_perimeter: true,
            external_id: None,
            external_link: None,
            history: Vec::new(),
        }
    }
}

#[derive(Default)]
struct State {
    docs: Mutex<Vec<Doc>>,
    statuses: Mutex<Vec<String>>,
    /// Answer 500 to the next N status changes.
    fail_status_puts: AtomicUsize,
    /// Answer 503 to everything.
    down: AtomicBool,
    requests: AtomicUsize,
    /// Milliseconds each answer waits (a slow server).
    delay_ms: AtomicUsize,
    /// How documents' replies are sent (a slow or stalling link).
    pace: Mutex<Option<Pace>>,
}

/// A link in front of the replies that carry a file: `bytes_per_sec`, and
/// once, after `stall_at` bytes, nothing for `stall`.
#[derive(Debug, Clone, Copy)]
pub struct Pace {
    pub bytes_per_sec: usize,
    pub stall_at: Option<usize>,
    pub stall: std::time::Duration,
}

/// A reply body read out at a pace: chunks of a tenth of a second's worth.
struct Paced {
    body: std::io::Cursor<Vec<u8>>,
    pace: Pace,
    stalled: bool,
}

impl std::io::Read for Paced {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let position = self.body.position() as usize;
        if let Some(at) = self.pace.stall_at
            && !self.stalled
            && position >= at
        {
            self.stalled = true;
            std::thread::sleep(self.pace.stall);
        }
        let chunk = (self.pace.bytes_per_sec / 10).max(1);
        let mut limit = buf.len().min(chunk);
        if let Some(at) = self.pace.stall_at.filter(|at| !self.stalled && *at > position) {
            limit = limit.min(at - position);
        }
        let read = self.body.read(&mut buf[..limit])?;
        std::thread::sleep(std::time::Duration::from_secs_f64(
            read as f64 / self.pace.bytes_per_sec as f64,
        ));
        Ok(read)
    }
}

pub struct Maarch {
    pub port: u16,
    state: Arc<State>,
}

fn reply(request: tiny_http::Request, status: u16, body: Value) {
    let header = tiny_http::Header::from_bytes(&b"Content-Type"[..], &b"application/json"[..]).unwrap();
    let _ = request.respond(
        tiny_http::Response::from_string(body.to_string())
            .with_status_code(status)
            .with_header(header),
    );
}

fn reply_paced(request: tiny_http::Request, body: Value, pace: Pace) {
    let body = body.to_string().into_bytes();
    let length = body.len();
    let header = tiny_http::Header::from_bytes(&b"Content-Type"[..], &b"application/json"[..]).unwrap();
    let reader = Paced {
        body: std::io::Cursor::new(body),
        pace,
        stalled: false,
    };
    let _ = request.respond(tiny_http::Response::new(
        tiny_http::StatusCode(200),
        vec![header],
        reader,
        Some(length),
        None,
    ));
}

/// Parses `status='…'` (quotes doubled inside) or `res_id=N`. Anything else
/// is "SQL" this stand-in would run as is: an OR matches everything, as an
/// injection would in the real server.
enum Clause {
    Status(String),
    ResId(i64),
    Everything,
    Invalid,
}

fn parse_clause(clause: &str) -> Clause {
    if let Some(rest) = clause.strip_prefix("res_id=") {
        return rest.trim().parse().map(Clause::ResId).unwrap_or(Clause::Invalid);
    }
    let Some(literal) = clause.strip_prefix("status='") else {
        return Clause::Invalid;
    };
    let mut value = String::new();
    let mut chars = literal.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\'' {
            if chars.peek() == Some(&'\'') {
                chars.next();
                value.push('\'');
                continue;
            }
            let rest: String = chars.collect();
            return if rest.is_empty() {
                Clause::Status(value)
            } else if rest.to_uppercase().contains(" OR ") {
                Clause::Everything
            } else {
                Clause::Invalid
            };
        }
        value.push(c);
    }
    Clause::Invalid
}

impl Maarch {
    pub fn start(docs: Vec<Doc>) -> Maarch {
        let state = Arc::new(State::default());
        *state.docs.lock().unwrap() = docs;
        *state.statuses.lock().unwrap() = [
            "GRC",
            "GRC_TRT",
            "GRC_SENT",
            "GRC_REFUSED",
            "GRC_RESPONSE",
            "COURRIER",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        let server = tiny_http::Server::http("127.0.0.1:0").expect("bind");
        let port = server.server_addr().to_ip().unwrap().port();
        let shared = state.clone();
        std::thread::spawn(move || {
            for request in server.incoming_requests() {
                handle(&shared, request);
            }
        });
        Maarch { port, state }
    }

    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    pub fn docs(&self) -> Vec<Doc> {
        self.state.docs.lock().unwrap().clone()
    }

    pub fn doc(&self, res_id: i64) -> Doc {
        self.docs().into_iter().find(|d| d.res_id == res_id).unwrap()
    }

    pub fn add_status(&self, status: &str) {
        self.state.statuses.lock().unwrap().push(status.into());
    }

    pub fn fail_next_status_changes(&self, n: usize) {
        self.state.fail_status_puts.store(n, Ordering::SeqCst);
    }

    pub fn set_down(&self, down: bool) {
        self.state.down.store(down, Ordering::SeqCst);
    }

    pub fn set_delay(&self, delay: std::time::Duration) {
        self.state
            .delay_ms
            .store(delay.as_millis() as usize, Ordering::SeqCst);
    }

    /// Documents' replies sent at this pace from now on (None: at once).
    pub fn set_pace(&self, pace: Option<Pace>) {
        *self.state.pace.lock().unwrap() = pace;
    }

    pub fn requests(&self) -> usize {
        self.state.requests.load(Ordering::SeqCst)
    }
}

fn handle(state: &State, mut request: tiny_http::Request) {
    state.requests.fetch_add(1, Ordering::SeqCst);
    std::thread::sleep(std::time::Duration::from_millis(
        state.delay_ms.load(Ordering::SeqCst) as u64,
    ));
    if state.down.load(Ordering::SeqCst) {
        return reply(request, 503, json!({"errors": "Service unavailable"}));
    }
    let expected = format!(
        "Basic {}",
        base64::engine::general_purpose::STANDARD.encode(format!("{USER}:{PASSWORD}"))
    );
    let authorized = request
        .headers()
        .iter()
        .any(|h| h.field.equiv("Authorization") && h.value.as_str() == expected);
    if !authorized {
        return reply(request, 401, json!({"errors": "Authentication Failed"}));
    }
    let mut text = String::new();
    if request.as_reader().read_to_string(&mut text).is_err() {
        return reply(request, 400, json!({"errors": "Bad Request"}));
    }
    let Ok(body) = serde_json::from_str::<Value>(&text) else {
        return reply(request, 400, json!({"errors": "Body is not JSON"}));
    };
    let method = request.method().to_string();
    let url = request.url().to_string();
    match (method.as_str(), url.as_str()) {
        ("POST", "/rest/res/list") => {
            let (Some(select), Some(clause), Some(_), Some(limit), Some(with_file)) = (
                body["select"].as_str(),
                body["clause"].as_str(),
                body["orderBy"].as_array(),
                body["limit"].as_u64(),
                body["withFile"].as_bool(),
            ) else {
                return reply(
                    request,
                    400,
                    json!({"errors": "Bad Request: select, clause, orderBy, limit, withFile"}),
                );
            };
            let docs = state.docs.lock().unwrap().clone();
            let mut selected: Vec<&Doc> = match parse_clause(clause) {
                Clause::Status(status) => docs.iter().filter(|d| d.status == status).collect(),
                Clause::ResId(id) => docs.iter().filter(|d| d.res_id == id).collect(),
                Clause::Everything => docs.iter().collect(),
                Clause::Invalid => {
                    return reply(request, 400, json!({"errors": format!("Bad clause: {clause}")}));
                }
            };
            selected.sort_by_key(|d| d.res_id);
            selected.truncate(limit as usize);
            if with_file && selected.iter().any(|d| !d.in_perimeter) {
                return reply(request, 403, json!({"errors": "Document out of perimeter"}));
            }
            let resources: Vec<Value> = selected
                .iter()
                .map(|d| {
                    let mut r = if select == "res_id" {
                        json!({"res_id": d.res_id})
                    } else {
                        json!({"res_id": d.res_id, "subject": d.subject, "status": d.status, "type_label": "Courrier arrivée", "doc_date": "2026-11-20"})
                    };
                    if with_file {
                        r["fileBase64Content"] = Value::String(d.file_base64.clone());
                    }
                    r
                })
                .collect();
            let count = resources.len();
            let body = json!({"resources": resources, "count": count});
            match *state.pace.lock().unwrap() {
                Some(pace) if with_file => reply_paced(request, body, pace),
                _ => reply(request, 200, body),
            }
        }
        ("PUT", "/rest/res/externalInfos") => {
            let (Some(items), Some(status)) = (body["externalInfos"].as_array(), body["status"].as_str())
            else {
                return reply(
                    request,
                    400,
                    json!({"errors": "Bad Request: externalInfos, status"}),
                );
            };
            if !state.statuses.lock().unwrap().iter().any(|s| s == status) {
                return reply(
                    request,
                    400,
                    json!({"errors": format!("Status not found: {status}")}),
                );
            }
            let mut docs = state.docs.lock().unwrap();
            for item in items {
                let (Some(id), Some(external_id), Some(link)) = (
                    item["res_id"].as_i64(),
                    item["external_id"].as_str(),
                    item["external_link"].as_str(),
                ) else {
                    return reply(
                        request,
                        400,
                        json!({"errors": "Bad Request: res_id, external_id, external_link"}),
                    );
                };
                let Some(doc) = docs.iter_mut().find(|d| d.res_id == id) else {
                    return reply(
                        request,
                        400,
                        json!({"errors": format!("Document {id} not found")}),
                    );
                };
                doc.external_id = Some(external_id.into());
                doc.external_link = Some(link.into());
                doc.status = status.into();
            }
            reply(request, 200, json!({"success": "success"}))
        }
        ("PUT", "/rest/res/resource/status") => {
            if state.fail_status_puts.load(Ordering::SeqCst) > 0 {
                state.fail_status_puts.fetch_sub(1, Ordering::SeqCst);
                return reply(request, 500, json!({"errors": "Internal error"}));
            }
            let (Some(ids), Some(status), Some(message)) = (
                body["resId"].as_array(),
                body["status"].as_str(),
                body["historyMessage"].as_str(),
            ) else {
                return reply(
                    request,
                    400,
                    json!({"errors": "Bad Request: resId, status, historyMessage"}),
                );
            };
            if !state.statuses.lock().unwrap().iter().any(|s| s == status) {
                return reply(
                    request,
                    400,
                    json!({"errors": format!("Status not found: {status}")}),
                );
            }
            let mut docs = state.docs.lock().unwrap();
            for id in ids {
                let Some(doc) = docs.iter_mut().find(|d| Some(d.res_id) == id.as_i64()) else {
                    return reply(
                        request,
                        400,
                        json!({"errors": format!("Document {id} not found")}),
                    );
                };
                if !doc.in_perimeter {
                    return reply(request, 403, json!({"errors": "Document out of perimeter"}));
                }
                doc.status = status.into();
                doc.history.push(message.into());
            }
            reply(request, 200, json!({"success": "success"}))
        }
        _ => reply(request, 404, json!({"errors": "Route not found"})),
    }
}
