//! Web Push in a real browser: headless Firefox (Debian's firefox-esr,
//! installed by scripts/test) opens the example page of examples/webpush/,
//! a click subscribes it through `publik serve`, then `notify` +
//! `send-webpush` reach the browser, which decrypts the notification.
//!
//! Chromium cannot take part: its PushManager only talks to Google's push
//! service (FCM), out of reach here. Firefox speaks Mozilla's push protocol
//! (JSON over a WebSocket) to the server named by `dom.push.serverURL`, so
//! the test runs that server on loopback: it answers the browser's `hello`
//! and `register`, gives it an HTTP endpoint on loopback, and forwards what
//! publik posts there to the browser, which acknowledges each notification
//! with a code (100: decrypted and delivered, 101: decryption failed).
//! Firefox is driven over Marionette, its own remote protocol (no
//! geckodriver in Debian): length-prefixed JSON over TCP.

use crate::common;

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use common::Env;
use serde_json::{Value, json};

const FIREFOX: &str = "/usr/bin/firefox-esr";
const SUBJECT: &str = "mailto:admin@ville.example.org";

struct Killed(Child);

impl Drop for Killed {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn b64url(bytes: &[u8]) -> String {
    use base64::Engine;
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

/// What the push server saw.
#[derive(Default)]
struct Seen {
    registered: Vec<String>,
    /// Bodies publik posted to an endpoint, by channel.
    posted: Vec<(String, usize)>,
    /// (channelID, code) of each acknowledgement from the browser.
    acks: Vec<(String, i64)>,
}

/// Mozilla's push protocol on loopback: the WebSocket the browser keeps
/// open, and the HTTP endpoints publik posts notifications to.
struct PushServer {
    ws_port: u16,
    seen: Arc<Mutex<Seen>>,
}

impl PushServer {
    fn start() -> PushServer {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let ws_port = listener.local_addr().unwrap().port();
        let http = tiny_http::Server::http("127.0.0.1:0").unwrap();
        let http_port = http.server_addr().to_ip().unwrap().port();
        let seen = Arc::new(Mutex::new(Seen::default()));
        let (to_browser, outgoing): (Sender<Value>, Receiver<Value>) = channel();
        let outgoing = Arc::new(Mutex::new(outgoing));

        let ws_seen = seen.clone();
        std::thread::spawn(move || {
            for stream in listener.incoming() {
                let Ok(stream) = stream else { continue };
                let (seen, outgoing) = (ws_seen.clone(), outgoing.clone());
                std::thread::spawn(move || websocket(stream, http_port, &seen, &outgoing));
            }
        });
        let http_seen = seen.clone();
        std::thread::spawn(move || {
            for mut request in http.incoming_requests() {
                let mut body = Vec::new();
                let _ = request.as_reader().read_to_end(&mut body);
                let Some(channel_id) = request.url().strip_prefix("/wpush/").map(str::to_string) else {
                    let _ = request.respond(tiny_http::Response::empty(404));
                    continue;
                };
                http_seen
                    .lock()
                    .unwrap()
                    .posted
                    .push((channel_id.clone(), body.len()));
                let _ = to_browser.send(json!({
                    "messageType": "notification",
                    "channelID": channel_id,
                    "version": format!("v{}", body.len()),
                    "data": b64url(&body),
                    "headers": {"encoding": "aes128gcm"},
                }));
                let _ = request.respond(tiny_http::Response::empty(201));
            }
        });
        PushServer { ws_port, seen }
    }

    fn wait_until(&self, what: &str, done: impl Fn(&Seen) -> bool) {
        let started = Instant::now();
        while !done(&self.seen.lock().unwrap()) {
            assert!(started.elapsed() < Duration::from_secs(60), "waited for {what}");
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

/// One browser connection: answers hello and register, records acks, and
/// passes on the notifications queued for the browser.
fn websocket(stream: TcpStream, http_port: u16, seen: &Mutex<Seen>, outgoing: &Mutex<Receiver<Value>>) {
    let Ok(mut socket) = tungstenite::accept(stream) else {
        return;
    };
    let _ = socket.get_ref().set_read_timeout(Some(Duration::from_millis(50)));
    loop {
        while let Ok(message) = outgoing.lock().unwrap().try_recv() {
            if socket
                .send(tungstenite::Message::text(message.to_string()))
                .is_err()
            {
                return;
            }
        }
        let text = match socket.read() {
            Ok(tungstenite::Message::Text(text)) => text.to_string(),
            Ok(tungstenite::Message::Close(_)) => return,
            Ok(_) => continue,
            Err(tungstenite::Error::Io(e))
                if matches!(
                    e.kind(),
                    std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut
                ) =>
            {
                continue;
            }
            Err(_) => return,
        };
        let message: Value = serde_json::from_str(&text).unwrap_or(Value::Null);
        let reply = match message["messageType"].as_str() {
            Some("hello") => json!({
                "messageType": "hello", "status": 200, "use_webpush": true,
                "uaid": "5f2bd7bfd4114b3f9a1a4c4a5a0f8c0d",
            }),
            Some("register") => {
                let channel_id = message["channelID"].as_str().unwrap_or_default().to_string();
                seen.lock().unwrap().registered.push(channel_id.clone());
                json!({
                    "messageType": "register", "status": 200, "channelID": channel_id,
                    "pushEndpoint": format!("http://127.0.0.1:{http_port}/wpush/{channel_id}"),
                })
            }
            Some("unregister") => json!({
                "messageType": "unregister", "status": 200, "channelID": message["channelID"],
            }),
            Some("ack") => {
                for update in message["updates"].as_array().into_iter().flatten() {
                    seen.lock().unwrap().acks.push((
                        update["channelID"].as_str().unwrap_or_default().to_string(),
                        update["code"].as_i64().unwrap_or(100),
                    ));
                }
                continue;
            }
            _ => json!({}),
        };
        if socket
            .send(tungstenite::Message::text(reply.to_string()))
            .is_err()
        {
            return;
        }
    }
}

/// The site's pages, as the portal and its reverse proxy would serve them:
/// the example page (its placeholders filled) and service worker, and
/// /push/subscribe/ passed on to `publik serve`.
fn site(publik: String, public_key: String, token: String) -> u16 {
    let server = tiny_http::Server::http("127.0.0.1:0").unwrap();
    let port = server.server_addr().to_ip().unwrap().port();
    let page = include_str!("../../examples/webpush/subscribe.html")
        .replace("\"PUBLIC_KEY\"", &format!("\"{public_key}\""))
        .replace("\"PUSH_TOKEN\"", &format!("\"{token}\""));
    let worker = include_str!("../../examples/webpush/service-worker.js");
    std::thread::spawn(move || {
        let agent: ureq::Agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .build()
            .into();
        for mut request in server.incoming_requests() {
            let url = request.url().to_string();
            let typed = |text: &str, kind: &str| {
                tiny_http::Response::from_string(text).with_header(
                    tiny_http::Header::from_bytes(&b"Content-Type"[..], kind.as_bytes()).unwrap(),
                )
            };
            let response = if url.starts_with("/subscribe.html") {
                typed(&page, "text/html; charset=utf-8")
            } else if url == "/service-worker.js" {
                typed(worker, "application/javascript")
            } else if url.starts_with("/push/") {
                let mut body = Vec::new();
                let _ = request.as_reader().read_to_end(&mut body);
                let mut answer = agent
                    .post(&format!("{publik}{url}"))
                    .header("Content-Type", "application/json")
                    .send(&body[..])
                    .unwrap();
                let status = answer.status().as_u16();
                typed(
                    &answer.body_mut().read_to_string().unwrap_or_default(),
                    "application/json",
                )
                .with_status_code(status)
            } else {
                tiny_http::Response::from_string("not found").with_status_code(404)
            };
            let _ = request.respond(response);
        }
    });
    port
}

/// A Marionette session: `[0, id, command, params]` → `[1, id, error, result]`,
/// each message written as `LENGTH:JSON`.
struct Marionette {
    stream: TcpStream,
    next: u64,
}

impl Marionette {
    fn connect(port: u16) -> Marionette {
        let started = Instant::now();
        let stream = loop {
            if let Ok(stream) = TcpStream::connect(("127.0.0.1", port)) {
                break stream;
            }
            assert!(
                started.elapsed() < Duration::from_secs(60),
                "Firefox's Marionette never listened"
            );
            std::thread::sleep(Duration::from_millis(100));
        };
        stream.set_read_timeout(Some(Duration::from_secs(60))).unwrap();
        let mut marionette = Marionette { stream, next: 1 };
        let hello = marionette.read();
        assert_eq!(hello["applicationType"], "gecko", "{hello}");
        marionette
    }

    fn read(&mut self) -> Value {
        let mut length = Vec::new();
        let mut byte = [0u8; 1];
        loop {
            self.stream.read_exact(&mut byte).expect("marionette read");
            if byte[0] == b':' {
                break;
            }
            length.push(byte[0]);
        }
        let length: usize = String::from_utf8(length).unwrap().parse().unwrap();
        let mut body = vec![0u8; length];
        self.stream.read_exact(&mut body).expect("marionette read");
        serde_json::from_slice(&body).expect("marionette JSON")
    }

    fn call(&mut self, command: &str, params: Value) -> Value {
        let id = self.next;
        self.next += 1;
        let text = json!([0, id, command, params]).to_string();
        write!(self.stream, "{}:{}", text.len(), text).unwrap();
        let answer = self.read();
        assert!(answer[2].is_null(), "{command}: {}", answer[2]);
        answer[3].clone()
    }
}

#[test]
fn firefox_subscribes_with_the_example_page_and_decrypts_a_notification() {
    assert!(
        std::path::Path::new(FIREFOX).exists(),
        "this test needs Debian's firefox-esr: run scripts/test, which installs it"
    );
    let env = Env::new();
    env.write(
        "publik.yaml",
        &format!("webpush:\n  private_key_file: vapid.pem\n  allowed_hosts: [127.0.0.1]\n  subject: \"{SUBJECT}\"\nserve:\n  push_subscriptions: true\n"),
    );
    let public_key = String::from_utf8(
        env.publik()
            .args(["vapid", "generate", "--out", "vapid.pem"])
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap()
    .trim()
    .to_string();
    let token = String::from_utf8(
        env.publik()
            .args(["push", "token", "--user", "citoyen-9"])
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap()
    .trim()
    .to_string();
    let served = env.serve();
    let push = PushServer::start();
    let site_port = site(served.base.clone(), public_key, token);

    let profile = env.path("firefox-profile");
    std::fs::create_dir(&profile).unwrap();
    let marionette_port = common::free_port();
    let prefs = [
        format!("\"dom.push.serverURL\", \"ws://127.0.0.1:{}/\"", push.ws_port),
        "\"dom.push.testing.allowInsecureServerURL\", true".into(),
        "\"dom.push.enabled\", true".into(),
        "\"dom.push.connection.enabled\", true".into(),
        "\"dom.serviceWorkers.enabled\", true".into(),
        "\"dom.serviceWorkers.testing.enabled\", true".into(),
        "\"permissions.default.desktop-notification\", 1".into(),
        "\"dom.push.testing.ignorePermission\", true".into(),
        format!("\"marionette.port\", {marionette_port}"),
        "\"browser.shell.checkDefaultBrowser\", false".into(),
        "\"datareporting.policy.dataSubmissionEnabled\", false".into(),
        "\"toolkit.telemetry.reportingpolicy.firstRun\", false".into(),
        "\"app.update.disabledForTesting\", true".into(),
        "\"network.connectivity-service.enabled\", false".into(),
        "\"network.captive-portal-service.enabled\", false".into(),
        "\"browser.startup.homepage_override.mstone\", \"ignore\"".into(),
        "\"browser.aboutwelcome.enabled\", false".into(),
    ];
    let user_js: String = prefs.iter().map(|p| format!("user_pref({p});\n")).collect();
    std::fs::write(profile.join("user.js"), user_js).unwrap();
    let _firefox = Killed(
        Command::new(FIREFOX)
            .args(["--headless", "--marionette", "--no-remote", "--profile"])
            .arg(&profile)
            .env("MOZ_HEADLESS", "1")
            .env("HOME", env.path(""))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap(),
    );
    let mut browser = Marionette::connect(marionette_port);
    browser.call("WebDriver:NewSession", json!({"capabilities": {}}));
    browser.call(
        "WebDriver:Navigate",
        json!({"url": format!("http://127.0.0.1:{site_port}/subscribe.html")}),
    );
    let button = browser.call(
        "WebDriver:FindElement",
        json!({"using": "css selector", "value": "#enable"}),
    );
    let element = button["value"]
        .as_object()
        .and_then(|o| o.values().next())
        .and_then(Value::as_str)
        .unwrap()
        .to_string();
    browser.call("WebDriver:ElementClick", json!({"id": element}));
    let started = Instant::now();
    loop {
        let shown = browser.call(
            "WebDriver:ExecuteScript",
            json!({"script": "return document.getElementById('subscription').textContent", "args": []}),
        );
        if shown["value"] == "Notifications activées." {
            break;
        }
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "the page said {shown}"
        );
        std::thread::sleep(Duration::from_millis(200));
    }

    // The browser's subscription is the user's, in publik's state.
    let subscriptions = env.json(&["push", "list", "--user", "citoyen-9"]);
    let subscriptions = subscriptions.as_array().unwrap();
    assert_eq!(subscriptions.len(), 1, "{subscriptions:?}");
    let channel_id = push.seen.lock().unwrap().registered[0].clone();
    assert!(
        subscriptions[0]["endpoint"]
            .as_str()
            .unwrap()
            .ends_with(&format!("/wpush/{channel_id}")),
        "{subscriptions:?}"
    );

    env.publik()
        .args([
            "notify",
            "--user",
            "citoyen-9",
            "--title",
            "Votre rendez-vous est confirmé",
            "--body",
            "Mardi à 10 h",
        ])
        .assert()
        .success();
    env.publik().arg("send-webpush").assert().success();
    push.wait_until("publik's POST", |seen| {
        seen.posted.iter().any(|(c, _)| *c == channel_id)
    });
    // The browser decrypted it (RFC 8291) and handed it to the service
    // worker: code 100; 101 would be a decryption failure.
    push.wait_until("the browser's acknowledgement", |seen| {
        seen.acks.iter().any(|(c, _)| *c == channel_id)
    });
    let acks = push.seen.lock().unwrap().acks.clone();
    assert!(acks.contains(&(channel_id.clone(), 100)), "{acks:?}");
    let rows = env.json(&["queue", "list", "--channel", "push"]);
    assert_eq!(rows[0]["status"], "sent", "{rows}");
}
