//! `publik serve`: the unsubscribe landing page over real HTTP.

use crate::common;

use std::time::{Duration, Instant};

use common::Env;

/// Queues and "sends" (file transport) a newsletter; returns Bob's token.
fn newsletter_token(env: &Env) -> String {
    common::queue_newsletter(env, "Bonjour\n");
    env.publik().arg("send-queue").assert().success();
    let file = std::fs::read_dir(env.path("outbox"))
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    let raw = std::fs::read_to_string(file).unwrap();
    let start = raw.find("https://demarches.example.org/unsubscribe/").unwrap()
        + "https://demarches.example.org/unsubscribe/".len();
    raw[start..start + 43].to_string()
}

fn agent() -> ureq::Agent {
    ureq::Agent::config_builder()
        .http_status_as_error(false)
        .build()
        .into()
}

fn members(env: &Env) -> serde_json::Value {
    env.json(&["group", "members", "nord"])
}

#[test]
fn get_shows_post_unsubscribes() {
    let env = Env::new();
    let token = newsletter_token(&env);
    let served = env.serve();
    let url = format!("{}/unsubscribe/{token}", served.base);
    let agent = agent();

    let mut page = agent.get(&url).call().unwrap();
    assert_eq!(page.status().as_u16(), 200);
    let headers = page.headers().clone();
    assert_eq!(headers.get("referrer-policy").unwrap(), "no-referrer");
    assert!(
        headers
            .get("x-robots-tag")
            .unwrap()
            .to_str()
            .unwrap()
            .contains("noindex")
    );
    assert!(
        headers
            .get("content-security-policy")
            .unwrap()
            .to_str()
            .unwrap()
            .contains("default-src 'none'")
    );
    assert_eq!(headers.get("cache-control").unwrap(), "no-store");
    let html = common::html_of(&mut page);
    assert!(html.starts_with("<!doctype html>"));
    assert!(html.contains("Quartier &lt;Nord&gt;"), "escaped label: {html}");
    assert!(html.contains("b***@example.org") && !html.contains("bob@example.org"));
    assert!(html.contains("<form method=\"post\">"));
    assert_eq!(agent.head(&url).call().unwrap().status().as_u16(), 200);
    assert_eq!(
        members(&env)[0]["status"],
        "active",
        "GET and HEAD change nothing"
    );

    // RFC 8058 one-click: a POST with List-Unsubscribe=One-Click.
    let mut done = agent
        .post(&url)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .send("List-Unsubscribe=One-Click")
        .unwrap();
    assert_eq!(done.status().as_u16(), 200);
    assert!(common::html_of(&mut done).contains("ne recevra plus"));
    assert_eq!(members(&env)[0]["status"], "unsubscribed");
    assert_eq!(members(&env)[0]["unsubscribe_reason"], "link");
    let mut again = agent.get(&url).call().unwrap();
    assert!(common::html_of(&mut again).contains("Déjà désabonné"));

    let tampered = format!("{}/unsubscribe/{}x", served.base, &token[..42]);
    assert_eq!(agent.get(&tampered).call().unwrap().status().as_u16(), 404);
    assert_eq!(agent.post(&tampered).send("").unwrap().status().as_u16(), 404);
    assert_eq!(
        agent
            .get(&format!("{}/nope", served.base))
            .call()
            .unwrap()
            .status()
            .as_u16(),
        404
    );
    assert_eq!(agent.put(&url).send("").unwrap().status().as_u16(), 405);
    let big = vec![b'a'; 64 * 1024];
    assert_eq!(agent.post(&url).send(&big[..]).unwrap().status().as_u16(), 413);
    // Garbage on the socket does not stop the server.
    use std::io::Write;
    let mut raw = std::net::TcpStream::connect(served.base.trim_start_matches("http://")).unwrap();
    raw.write_all(b"\x00\x01 not http\r\n\r\n").unwrap();
    drop(raw);
    assert_eq!(agent.get(&url).call().unwrap().status().as_u16(), 200);
}

fn terminate(served: &common::Served) {
    let pid = served.child.id() as libc::pid_t;
    // SAFETY: sending a signal to our own child process.
    assert_eq!(unsafe { libc::kill(pid, libc::SIGTERM) }, 0);
}

/// Waits (a while) for `serve` to exit, successfully.
fn stopped_cleanly(served: &mut common::Served) {
    let deadline = Instant::now() + Duration::from_secs(5);
    loop {
        if let Some(status) = served.child.try_wait().unwrap() {
            assert!(status.success(), "{status:?}");
            return;
        }
        assert!(Instant::now() < deadline, "serve did not stop on SIGTERM");
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn sigterm_stops_the_server() {
    let env = Env::new();
    env.write("publik.yaml", "# defaults\n");
    let mut served = env.serve();
    terminate(&served);
    stopped_cleanly(&mut served);
}

/// A raw connection to `served` with a generous read timeout.
fn raw_connection(served: &common::Served) -> std::net::TcpStream {
    let stream = std::net::TcpStream::connect(served.base.trim_start_matches("http://")).unwrap();
    stream.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
    stream
}

/// The remote ports of the TCP connections `serve` holds open (not its
/// listener): /proc/net/tcp names each socket by inode, /proc/PID/fd says
/// which are serve's.
fn serve_connections(served: &common::Served) -> Vec<u16> {
    let own: Vec<String> = std::fs::read_dir(format!("/proc/{}/fd", served.child.id()))
        .unwrap()
        .filter_map(|fd| std::fs::read_link(fd.ok()?.path()).ok())
        .filter_map(|link| {
            let link = link.to_string_lossy().into_owned();
            Some(link.strip_prefix("socket:[")?.trim_end_matches(']').to_string())
        })
        .collect();
    // Fields: sl local remote state … inode; 0A is LISTEN.
    std::fs::read_to_string("/proc/net/tcp")
        .unwrap()
        .lines()
        .skip(1)
        .map(|line| line.split_whitespace().collect::<Vec<_>>())
        .filter(|f| f.len() > 9 && f[3] != "0A" && own.iter().any(|inode| inode == f[9]))
        .filter_map(|f| u16::from_str_radix(f[2].rsplit(':').next()?, 16).ok())
        .collect()
}

/// Waits (a while) until `condition` holds of serve's connections.
fn wait_for_serve(served: &common::Served, what: &str, condition: impl Fn(&[u16]) -> bool) {
    let deadline = Instant::now() + Duration::from_secs(30);
    while !condition(&serve_connections(served)) {
        assert!(Instant::now() < deadline, "serve never {what}");
        std::thread::sleep(Duration::from_millis(10));
    }
}

/// Waits until `serve` holds `client`'s connection: accepted, not only
/// queued by the kernel.
fn wait_until_accepted(served: &common::Served, client: &std::net::TcpStream) {
    let port = client.local_addr().unwrap().port();
    wait_for_serve(served, "accepted the connection", |ports| ports.contains(&port));
}

/// Waits until `serve` holds no connection (its listener aside).
fn wait_until_idle(served: &common::Served) {
    wait_for_serve(served, "let its connections go", <[u16]>::is_empty);
}

fn read_all(stream: &mut std::net::TcpStream) -> String {
    use std::io::Read;
    let mut answer = Vec::new();
    let _ = stream.read_to_end(&mut answer);
    String::from_utf8_lossy(&answer).into_owned()
}

fn status_of(url: &str) -> u16 {
    agent().get(url).call().unwrap().status().as_u16()
}

#[test]
fn slow_clients_time_out_without_holding_others() {
    use std::io::Write;
    let env = Env::new();
    env.write("publik.yaml", "serve:\n  request_timeout: 1s\n");
    let served = env.serve();
    let mut slow = raw_connection(&served);
    slow.write_all(b"GET /nope HTTP/1.1\r\nHost: x\r\n").unwrap();
    // Others are served while the slow one dawdles.
    assert_eq!(status_of(&format!("{}/nope", served.base)), 404);
    let answer = read_all(&mut slow);
    assert!(answer.starts_with("HTTP/1.1 408 "), "{answer}");
    assert!(answer.contains("Délai dépassé"), "{answer}");
    common::assert_valid_html(answer.split_once("\r\n\r\n").unwrap().1);

    // Oversized heads, chunked bodies and garbage get their status; the
    // server goes on.
    let mut big = raw_connection(&served);
    big.write_all(format!("GET /{} HTTP/1.1\r\n\r\n", "a".repeat(20_000)).as_bytes())
        .unwrap();
    assert!(read_all(&mut big).starts_with("HTTP/1.1 431 "));
    let mut chunked = raw_connection(&served);
    chunked
        .write_all(b"POST /actions/x/ HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n")
        .unwrap();
    assert!(read_all(&mut chunked).starts_with("HTTP/1.1 411 "));
    let mut garbage = raw_connection(&served);
    garbage.write_all(b"\x16\x03\x01 tls hello?\r\n\r\n").unwrap();
    assert!(read_all(&mut garbage).starts_with("HTTP/1.1 400 "));
    let mut head = raw_connection(&served);
    head.write_all(b"HEAD /nope HTTP/1.1\r\nHost: x\r\n\r\n").unwrap();
    let answer = read_all(&mut head);
    assert!(
        answer.starts_with("HTTP/1.1 404 ") && answer.ends_with("\r\n\r\n"),
        "{answer}"
    );
    assert_eq!(status_of(&format!("{}/nope", served.base)), 404);
}

#[test]
fn connections_over_the_limit_get_503() {
    use std::io::Write;
    let env = Env::new();
    env.write(
        "publik.yaml",
        "serve:\n  request_timeout: 30s\n  max_connections: 2\n",
    );
    let served = env.serve();
    // The readiness probe's connection counts until its thread sees it
    // closed: wait until serve holds no connection, so that the two below
    // are the only ones (however slow the machine).
    assert_eq!(status_of(&format!("{}/nope", served.base)), 404);
    wait_until_idle(&served);
    let mut held: Vec<_> = (0..2).map(|_| raw_connection(&served)).collect();
    for stream in &mut held {
        stream.write_all(b"GET /nope HTTP/1.1\r\nHost: x\r\n").unwrap();
        wait_until_accepted(&served, stream);
    }
    let mut third = raw_connection(&served);
    third.write_all(b"GET /nope HTTP/1.1\r\n\r\n").unwrap();
    let answer = read_all(&mut third);
    assert!(answer.starts_with("HTTP/1.1 503 "), "{answer}");
    // The held ones finish; then there is room again.
    for stream in &mut held {
        stream.write_all(b"\r\n").unwrap();
        assert!(read_all(stream).starts_with("HTTP/1.1 404 "));
    }
    // Once serve has let them go, there is room again.
    wait_until_idle(&served);
    assert_eq!(status_of(&format!("{}/nope", served.base)), 404);
}

#[test]
fn sigterm_lets_the_request_in_hand_finish() {
    use std::io::Write;
    let env = Env::new();
    env.write("publik.yaml", "# defaults\n");
    let mut served = env.serve();
    let mut in_hand = raw_connection(&served);
    in_hand.write_all(b"GET /nope HTTP/1.1\r\n").unwrap();
    // In hand: accepted by serve, not only queued by the kernel (a busy
    // machine may not have run serve's accept yet).
    wait_until_accepted(&served, &in_hand);
    terminate(&served);
    std::thread::sleep(Duration::from_millis(200));
    in_hand.write_all(b"Host: x\r\n\r\n").unwrap();
    assert!(read_all(&mut in_hand).starts_with("HTTP/1.1 404 "));
    stopped_cleanly(&mut served);
}

#[test]
fn config_check_warns_about_links_that_cannot_work() {
    let env = Env::new();
    let serve_warnings = |env: &Env| -> Vec<String> {
        env.json(&["config", "check"])["checks"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["channel"] == "serve")
            .unwrap()["warnings"]
            .as_array()
            .unwrap()
            .iter()
            .map(|w| w.as_str().unwrap().to_string())
            .collect()
    };
    env.write("publik.yaml", "# defaults\n");
    assert!(serve_warnings(&env)[0].contains("built-in default"));
    env.write(
        "publik.yaml",
        "serve:\n  public_url: http://demarches.example.org\n  link_key_file: keys/link.key\n",
    );
    let warnings = serve_warnings(&env);
    assert!(warnings[0].contains("not https"), "{warnings:?}");
    assert!(warnings[1].contains("does not exist yet"), "{warnings:?}");
    std::fs::create_dir(env.path("keys")).unwrap();
    env.write("keys/link.key", "not a key\n");
    assert!(serve_warnings(&env)[1].contains("43 base64url"));
    env.write(
        "publik.yaml",
        "serve:\n  public_url: https://demarches.example.org\n",
    );
    assert!(serve_warnings(&env).is_empty());
}

/// Two different Content-Length headers are refused (a proxy and publik
/// could disagree on where the next request starts), and every 5xx is
/// logged on stderr without `-v`: `serve` runs under systemd, whose journal
/// is where a sysadmin looks.
#[test]
fn smuggling_is_refused_and_server_errors_are_logged() {
    use std::io::{Read, Write};
    let env = Env::new();
    env.write(
        "publik.yaml",
        "serve:\n  max_connections: 1\n  request_timeout: 5s\n",
    );
    env.publik().args(["state", "upgrade"]).assert().success();
    let port = common::free_port();
    // Killed when dropped, also when an assertion fails.
    let mut served = common::Served {
        child: env
            .command()
            .args(["serve", "--listen", &format!("127.0.0.1:{port}")])
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap(),
        base: format!("http://127.0.0.1:{port}"),
    };
    common::wait_for_port(port);
    wait_until_idle(&served);
    let base = format!("127.0.0.1:{port}");
    let mut two = std::net::TcpStream::connect(&base).unwrap();
    two.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
    two.write_all(b"POST /actions/x/ HTTP/1.1\r\nContent-Length: 3\r\nContent-Length: 40\r\n\r\nabc")
        .unwrap();
    assert!(read_all(&mut two).starts_with("HTTP/1.1 400 "));
    // A 503: one connection held, a second one over the limit.
    wait_until_idle(&served);
    let mut held = std::net::TcpStream::connect(&base).unwrap();
    held.write_all(b"GET /nope HTTP/1.1\r\n").unwrap();
    wait_until_accepted(&served, &held);
    let mut over = std::net::TcpStream::connect(&base).unwrap();
    over.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
    over.write_all(b"GET /nope HTTP/1.1\r\n\r\n").unwrap();
    assert!(read_all(&mut over).starts_with("HTTP/1.1 503 "));
    drop(held);
    // A 500: the token table is gone behind publik's back.
    let conn = rusqlite::Connection::open(env.state()).unwrap();
    conn.execute_batch("PRAGMA foreign_keys = OFF; DROP TABLE action_tokens;")
        .unwrap();
    drop(conn);
    // Once serve has let the held connection go, there is room again.
    wait_until_idle(&served);
    let status = agent()
        .get(&format!(
            "http://{base}/actions/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA/"
        ))
        .call()
        .unwrap()
        .status()
        .as_u16();
    assert_eq!(status, 500);
    unsafe { libc::kill(served.child.id() as i32, libc::SIGTERM) };
    served.child.wait().unwrap();
    let mut stderr = String::new();
    served
        .child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut stderr)
        .unwrap();
    assert!(stderr.contains("answered 503"), "{stderr}");
    assert!(
        stderr.contains("GET /actions/…"),
        "the 500, without its token: {stderr}"
    );
    assert!(!stderr.contains("AAAAAAAAAAAAAAAAAAAAAAA"), "{stderr}");
}

/// Connections that send nothing do not keep a request out: with every
/// slot (`serve.max_connections`) held by a silent socket, a request is
/// served at once (the longest-silent connection is closed for it), well
/// before `request_timeout`. Connections that have started a request keep
/// their slots.
#[test]
fn silent_connections_give_way_to_a_request() {
    use std::io::Write;
    let env = Env::new();
    env.write(
        "publik.yaml",
        "serve:\n  max_connections: 4\n  request_timeout: 60s\n",
    );
    env.publik().args(["state", "upgrade"]).assert().success();
    let served = env.serve();
    wait_until_idle(&served);
    let silent: Vec<std::net::TcpStream> = (0..4).map(|_| raw_connection(&served)).collect();
    for client in &silent {
        wait_until_accepted(&served, client);
    }
    let mut request = raw_connection(&served);
    request
        .write_all(b"GET /nope HTTP/1.1\r\nHost: localhost\r\n\r\n")
        .unwrap();
    let answer = read_all(&mut request);
    assert!(answer.starts_with("HTTP/1.1 404 "), "{answer}");
    // The first silent connection was the one closed for it.
    let mut first = silent.into_iter().next().unwrap();
    let read = std::io::Read::read(&mut first, &mut [0u8; 16]);
    assert!(matches!(read, Ok(0)), "closed without an answer: {read:?}");
}

/// A normal client's answers to `tries` GETs of `url` while an attack
/// runs: (answered with `expected`, any other status or failure).
pub(crate) fn tries_while_attacked(
    agent: &ureq::Agent,
    url: &str,
    host: &str,
    expected: u16,
    tries: usize,
) -> (usize, usize) {
    let mut answered = 0;
    for _ in 0..tries {
        let status = agent
            .get(url)
            .header("Host", host)
            .call()
            .map(|response| response.status().as_u16());
        if status.as_ref().is_ok_and(|status| *status == expected) {
            answered += 1;
        }
        std::thread::sleep(Duration::from_millis(500));
    }
    (answered, tries - answered)
}

/// A slowloris from one address (100 connections dribbling their heads,
/// opened again when dropped) holds at most its share of the slots: a
/// normal client from another address is answered on every try.
#[test]
fn a_slowloris_from_one_address_does_not_keep_others_out() {
    let env = Env::new();
    let token = newsletter_token(&env);
    let served = env.serve();
    let target: std::net::SocketAddr = served.base.trim_start_matches("http://").parse().unwrap();
    let attack = common::slowloris::start(
        std::net::Ipv4Addr::new(127, 0, 0, 2),
        target,
        100,
        b"GET /nope HTTP/1.1\r\nHost: x\r\nX-Slow: ".to_vec(),
    );
    // The attack's first round of connections is in.
    while attack.opened.load(std::sync::atomic::Ordering::SeqCst) < 100 {
        std::thread::sleep(Duration::from_millis(50));
    }
    let url = format!("{}/unsubscribe/{token}", served.base);
    let (answered, refused) = tries_while_attacked(&agent(), &url, "localhost", 200, 30);
    let opened = attack.opened.load(std::sync::atomic::Ordering::SeqCst);
    drop(attack);
    assert!(refused <= 1, "{answered} answered, {refused} refused");
    // The attack was refused too: its connections were dropped and opened again.
    assert!(opened > 100, "{opened}");
}

/// Silent connections from one address, opened again as fast as they are
/// closed, give way only among themselves: a client from another address
/// that waits 200 ms between connecting and sending its request is
/// answered (it was once closed unanswered on every try, each newcomer
/// closing the connection silent longest, whoever's).
#[test]
fn a_silent_flood_from_one_address_closes_only_its_own_connections() {
    use std::io::Write;
    let env = Env::new();
    env.write("publik.yaml", "serve:\n  request_timeout: 60s\n");
    env.publik().args(["state", "upgrade"]).assert().success();
    let served = env.serve();
    let target: std::net::SocketAddr = served.base.trim_start_matches("http://").parse().unwrap();
    let flood = common::slowloris::silent(std::net::Ipv4Addr::new(127, 0, 0, 9), target, 40);
    // The flood fills every slot (32) and goes on knocking.
    while flood.opened.load(std::sync::atomic::Ordering::SeqCst) < 40 {
        std::thread::sleep(Duration::from_millis(50));
    }
    let mut answered = 0;
    for _ in 0..10 {
        let mut client = raw_connection(&served);
        std::thread::sleep(Duration::from_millis(200));
        let _ = client.write_all(b"GET /nope HTTP/1.1\r\nHost: localhost\r\n\r\n");
        if read_all(&mut client).starts_with("HTTP/1.1 404 ") {
            answered += 1;
        }
        std::thread::sleep(Duration::from_millis(500));
    }
    let opened = flood.opened.load(std::sync::atomic::Ordering::SeqCst);
    drop(flood);
    assert!(answered >= 9, "{answered} of 10 answered");
    // The flood's connections were closed for one another, and opened again.
    assert!(opened > 40, "{opened}");
}
