//! Debian's nginx in front of `publik --all-tenants serve`, with
//! `examples/nginx/publik-tenants.conf` as shipped (only ports and paths
//! substituted): each site's landing page and one-click unsubscribe work
//! through it under its own host only, and `/metrics` never does; a
//! slowloris against nginx keeps no one out. nginx runs with Debian's
//! default `worker_connections` (768).

use crate::common;
use crate::tenants;

use std::path::Path;

use common::Env;

const NGINX: &str = "/usr/sbin/nginx";
const SITES: [&str; 2] = ["demarches.ville-a.fr", "demarches.ville-b.fr"];

/// nginx on a loopback port, its files in `dir`; stopped when dropped.
struct Nginx {
    child: std::process::Child,
    port: u16,
}

impl Drop for Nginx {
    fn drop(&mut self) {
        // SIGTERM: the master stops its workers too (SIGKILL would orphan them).
        // SAFETY: a plain kill(2) on our own child.
        unsafe { libc::kill(self.child.id() as libc::pid_t, libc::SIGTERM) };
        let _ = self.child.wait();
    }
}

fn start_nginx(dir: &Path, serve_port: u16) -> Nginx {
    let cert =
        rcgen::generate_simple_self_signed(SITES.iter().map(|s| s.to_string()).collect::<Vec<_>>()).unwrap();
    let pem = dir.join("demarches.pem");
    let key = dir.join("demarches.key");
    std::fs::write(&pem, cert.cert.pem()).unwrap();
    std::fs::write(&key, cert.signing_key.serialize_pem()).unwrap();
    let port = common::free_port();
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let shipped = common::read(&repo.join("examples/nginx/publik-tenants.conf"));
    let site = [
        ("listen 443 ssl;", format!("listen 127.0.0.1:{port} ssl;")),
        ("/etc/ssl/certs/demarches.pem", pem.display().to_string()),
        ("/etc/ssl/private/demarches.key", key.display().to_string()),
        ("http://127.0.0.1:8080", format!("http://127.0.0.1:{serve_port}")),
    ]
    .iter()
    .fold(shipped.clone(), |text, (from, to)| {
        assert!(text.contains(from), "the example no longer has {from}");
        text.replace(from, to)
    });
    std::fs::write(dir.join("publik-tenants.conf"), site).unwrap();
    let d = dir.display();
    std::fs::write(
        dir.join("nginx.conf"),
        format!(
            "worker_processes 1;\nerror_log {d}/error.log;\npid {d}/nginx.pid;\n\
             events {{ worker_connections 768; }}\n\
             http {{\n  access_log {d}/access.log;\n  client_body_temp_path {d}/body;\n  proxy_temp_path {d}/proxy;\n  \
             fastcgi_temp_path {d}/fastcgi;\n  uwsgi_temp_path {d}/uwsgi;\n  scgi_temp_path {d}/scgi;\n  \
             include {d}/publik-tenants.conf;\n}}\n"
        ),
    )
    .unwrap();
    let child = std::process::Command::new(NGINX)
        .arg("-p")
        .arg(dir)
        .arg("-c")
        .arg(dir.join("nginx.conf"))
        .args(["-g", "daemon off; user root;"])
        .spawn()
        .expect("nginx");
    common::wait_for_port(port);
    Nginx { child, port }
}

/// HTTPS to nginx on 127.0.0.1 naming a site in Host (the test's own
/// certificate is not checked: the test is about routing).
fn agent(tls: bool) -> ureq::Agent {
    let mut config = ureq::Agent::config_builder().http_status_as_error(false);
    if tls {
        config = config.tls_config(ureq::tls::TlsConfig::builder().disable_verification(true).build());
    }
    config.build().into()
}

fn call(
    agent: &ureq::Agent,
    method: &str,
    url: &str,
    host: &str,
    headers: &[(&str, &str)],
    body: Option<&str>,
) -> (u16, String) {
    let response = match body {
        Some(body) => {
            let mut request = agent.post(url).header("Host", host);
            for (name, value) in headers {
                request = request.header(*name, *value);
            }
            request.send(body)
        }
        None => {
            assert_eq!(method, "GET");
            let mut request = agent.get(url).header("Host", host);
            for (name, value) in headers {
                request = request.header(*name, *value);
            }
            request.call()
        }
    };
    let mut response = response.unwrap();
    (
        response.status().as_u16(),
        response.body_mut().read_to_string().unwrap_or_default(),
    )
}

/// The site's newsletter sent to the file transport; the path of its
/// unsubscribe link, read from the message.
fn unsubscribe_path(env: &Env, domain: &str) -> String {
    let site = |args: &[&str]| {
        tenants::publik(env)
            .args(["--tenant", domain])
            .args(args)
            .assert()
            .success();
    };
    site(&["group", "create", "nord", "--label", "Nord"]);
    site(&["group", "add", "nord", "bob@example.org"]);
    env.write("letter.txt", "Bonjour\nSe désabonner : {{ unsubscribe_url }}\n");
    site(&[
        "template",
        "add",
        "lettre",
        "--subject",
        "Lettre",
        "--text",
        "letter.txt",
    ]);
    site(&["newsletter", "send", "--template", "lettre", "--group", "nord"]);
    site(&["send-queue"]);
    let prefix = format!("https://{domain}/unsubscribe/");
    let outbox = env.path("tenants").join(domain).join("outbox");
    for entry in std::fs::read_dir(&outbox).unwrap() {
        let raw = std::fs::read_to_string(entry.unwrap().path()).unwrap();
        if let Some(start) = raw.find(&prefix) {
            let token = &raw[start + prefix.len()..start + prefix.len() + 43];
            return format!("/unsubscribe/{token}");
        }
    }
    panic!("no unsubscribe link in {}", outbox.display());
}

/// `publik --all-tenants serve` on `port`.
fn serve_tenants(env: &Env, port: u16) -> common::Served {
    let served = common::Served {
        base: String::new(),
        child: env
            .command()
            .env("PUBLIK_TENANTS_DIR", env.path("tenants"))
            .args(["--all-tenants", "serve", "--listen", &format!("127.0.0.1:{port}")])
            .spawn()
            .unwrap(),
    };
    common::wait_for_port(port);
    served
}

#[test]
fn nginx_in_front_of_serve_routes_each_site_by_host() {
    if !Path::new(NGINX).exists() {
        eprintln!("skipped: no {NGINX} (scripts/test installs Debian's nginx)");
        return;
    }
    let env = Env::new();
    env.write(
        "publik.yaml",
        "email:\n  from: \"Mairie <noreply@example.org>\"\nserve:\n  metrics: true\n",
    );
    let links: Vec<String> = SITES
        .iter()
        .map(|domain| tenants::site_with_link(&env, domain))
        .collect();
    let unsubscribes: Vec<String> = SITES
        .iter()
        .map(|domain| unsubscribe_path(&env, domain))
        .collect();
    let serve_port = common::free_port();
    let served = serve_tenants(&env, serve_port);
    let dir = tempfile::tempdir().unwrap();
    let nginx = start_nginx(dir.path(), serve_port);
    let https = agent(true);
    let front = |path: &str| format!("https://127.0.0.1:{}{path}", nginx.port);
    let [a, b] = SITES;

    // Each site's landing page under its own host, not under the other's.
    let (status, page) = call(&https, "GET", &front(&links[0]), a, &[], None);
    assert_eq!(status, 200, "{page}");
    assert!(page.contains("Accepter"), "{page}");
    assert_eq!(call(&https, "GET", &front(&links[1]), b, &[], None).0, 200);
    assert_eq!(call(&https, "GET", &front(&links[0]), b, &[], None).0, 404);
    assert_eq!(call(&https, "GET", &front(&links[1]), a, &[], None).0, 404);

    // RFC 8058's one-click POST: refused under the other site's host, done
    // under its own.
    let one_click = Some("List-Unsubscribe=One-Click");
    let form = [("Content-Type", "application/x-www-form-urlencoded")];
    let member_status = |domain: &str| {
        let members = tenants::publik(&env)
            .args(["--json", "--tenant", domain, "group", "members", "nord"])
            .output()
            .unwrap();
        let members: serde_json::Value = serde_json::from_slice(&members.stdout).unwrap();
        members[0]["status"].as_str().unwrap_or_default().to_string()
    };
    for (i, (own, other)) in [(a, b), (b, a)].into_iter().enumerate() {
        let (status, _) = call(&https, "POST", &front(&unsubscribes[i]), other, &form, one_click);
        assert_eq!(status, 404, "{own}'s unsubscribe link under {other}");
        assert_eq!(member_status(own), "active");
        let (status, page) = call(&https, "POST", &front(&unsubscribes[i]), own, &form, one_click);
        assert_eq!(status, 200, "{page}");
        assert_eq!(member_status(own), "unsubscribed", "{own}");
    }

    // /metrics: never through nginx, whatever X-Forwarded-For claims; on
    // loopback straight to serve, yes, unless the request was proxied.
    for forwarded in [None, Some("127.0.0.1")] {
        let headers: Vec<(&str, &str)> = forwarded.map(|f| ("X-Forwarded-For", f)).into_iter().collect();
        let (status, text) = call(&https, "GET", &front("/metrics"), a, &headers, None);
        assert_ne!(status, 200, "{text}");
        assert!(!text.contains("publik_messages"), "{text}");
    }
    let http = agent(false);
    let direct = format!("http://127.0.0.1:{serve_port}/metrics");
    let (status, text) = call(&http, "GET", &direct, a, &[], None);
    assert_eq!(status, 200, "{text}");
    assert!(text.contains("publik_"), "{text}");
    let (status, _) = call(
        &http,
        "GET",
        &direct,
        a,
        &[("X-Forwarded-For", "203.0.113.7")],
        None,
    );
    assert_eq!(status, 404, "a proxied scrape");
    drop(nginx);
    drop(served);
}

/// A TLS ClientHello for the first site, as a browser's opens a connection.
fn client_hello() -> Vec<u8> {
    let provider = std::sync::Arc::new(rustls::crypto::ring::default_provider());
    let config = rustls::ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .unwrap()
        .with_root_certificates(rustls::RootCertStore::empty())
        .with_no_client_auth();
    let name = rustls::pki_types::ServerName::try_from(SITES[0].to_string()).unwrap();
    let mut connection = rustls::ClientConnection::new(std::sync::Arc::new(config), name).unwrap();
    let mut hello = Vec::new();
    connection.write_tls(&mut hello).unwrap();
    hello
}

/// The shipped example absorbs a slowloris: 100 connections from one
/// address dribbling their TLS handshake a byte a second wait in nginx
/// (`client_header_timeout`), never reaching serve; a normal client is
/// answered on every try.
#[test]
fn a_slowloris_against_nginx_keeps_no_one_out() {
    if !Path::new(NGINX).exists() {
        eprintln!("skipped: no {NGINX} (scripts/test installs Debian's nginx)");
        return;
    }
    let env = Env::new();
    env.write(
        "publik.yaml",
        "email:\n  from: \"Mairie <noreply@example.org>\"\n",
    );
    let link = tenants::site_with_link(&env, SITES[0]);
    let serve_port = common::free_port();
    let served = serve_tenants(&env, serve_port);
    let dir = tempfile::tempdir().unwrap();
    let nginx = start_nginx(dir.path(), serve_port);
    let target = std::net::SocketAddr::from(([127, 0, 0, 1], nginx.port));
    let attack = common::slowloris::start(std::net::Ipv4Addr::new(127, 0, 0, 2), target, 100, client_hello());
    while attack.opened.load(std::sync::atomic::Ordering::SeqCst) < 100 {
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    let url = format!("https://127.0.0.1:{}{link}", nginx.port);
    let (answered, refused) = crate::serve::tries_while_attacked(&agent(true), &url, SITES[0], 200, 30);
    drop(attack);
    assert!(refused <= 1, "{answered} answered, {refused} refused");
    drop(nginx);
    drop(served);
}
