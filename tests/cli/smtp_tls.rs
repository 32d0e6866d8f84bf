//! Mail over TLS: STARTTLS (port 587 style) and implicit TLS (465) with
//! AUTH against a real SMTP server on loopback speaking rustls with a
//! self-signed certificate, trusted through `email.smtp.ca_file`.

use crate::common;

use common::Env;
use common::smtp::{Options, SmtpServer, TlsMode, test_cert};

const USER: &str = "publik";
const PASSWORD: &str = "s3cret pass";

/// A server in `mode` requiring AUTH, and a config for it (`tls`, `extra`).
fn setup(mode: TlsMode, tls: &str, extra: &str) -> (SmtpServer, Env) {
    let cert = test_cert();
    let server = SmtpServer::start_with(Options {
        tls: Some((mode, cert.config.clone())),
        auth: Some((USER.into(), PASSWORD.into())),
        ..Options::default()
    });
    let env = Env::new();
    env.write("relay-ca.pem", &cert.pem);
    env.write("smtp-password", &format!("{PASSWORD}\n"));
    env.write(
        "publik.yaml",
        &format!(
            "email:\n  from: \"Mairie <noreply@example.org>\"\n  smtp:\n    host: 127.0.0.1\n    port: {}\n    tls: {tls}\n    username: {USER}\n    password_file: smtp-password\n    timeout: 5s\n{extra}",
            server.port()
        ),
    );
    (server, env)
}

fn enqueue(env: &Env) {
    env.write("body.txt", "Bonjour\n");
    env.publik()
        .args([
            "enqueue",
            "email",
            "--to",
            "camille@example.org",
            "--subject",
            "Test",
            "--text",
            "body.txt",
        ])
        .assert()
        .success();
}

const TRUST: &str = "    ca_file: relay-ca.pem\n";

#[test]
fn starttls_then_auth_then_the_message() {
    let (server, env) = setup(TlsMode::Starttls, "starttls", TRUST);
    env.publik()
        .args(["config", "check", "--connect"])
        .assert()
        .success();
    enqueue(&env);
    env.publik()
        .arg("send-queue")
        .assert()
        .success()
        .stdout("")
        .stderr("");
    let received = server.received();
    assert_eq!(received.len(), 1);
    assert!(received[0].tls, "sent over TLS");
    assert_eq!(received[0].user.as_deref(), Some(USER));
    assert_eq!(received[0].rcpt_to, ["camille@example.org"]);
    // EHLO before STARTTLS and once more over TLS (RFC 3207), no third.
    assert_eq!(server.ehlos(), 2 * server.connections());
}

#[test]
fn implicit_tls_then_auth_then_the_message() {
    let (server, env) = setup(TlsMode::Implicit, "tls", TRUST);
    enqueue(&env);
    env.publik()
        .arg("send-queue")
        .assert()
        .success()
        .stdout("")
        .stderr("");
    let received = server.received();
    assert_eq!(received.len(), 1);
    assert!(received[0].tls);
    assert_eq!(received[0].user.as_deref(), Some(USER));
    assert_eq!(server.ehlos(), server.connections());
}

/// An untrusted certificate, a server without STARTTLS, a wrong password:
/// nothing is sent, the run says why once and exits 75, the row waits.
#[test]
fn no_trust_no_tls_no_auth_means_nothing_sent() {
    let (server, env) = setup(TlsMode::Starttls, "starttls", "");
    enqueue(&env);
    let out = env.publik().arg("send-queue").assert().code(75);
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).to_string();
    assert!(
        stderr.contains("STARTTLS") && stderr.contains("certificate"),
        "{stderr}"
    );
    assert_eq!(stderr.matches("publik: error").count(), 1, "{stderr}");
    assert!(server.received().is_empty());
    assert_eq!(
        env.json(&["queue", "list", "--status", "pending"])
            .as_array()
            .unwrap()
            .len(),
        1
    );

    // Plain server, config asking for STARTTLS: never falls back to plain.
    let plain = SmtpServer::start();
    let config = common::read(&env.config()).replace(
        &format!("port: {}", server.port()),
        &format!("port: {}", plain.port()),
    );
    env.write("publik.yaml", &format!("{config}{TRUST}"));
    let out = env.publik().arg("send-queue").assert().code(75);
    assert!(String::from_utf8_lossy(&out.get_output().stderr).contains("STARTTLS"));
    assert!(plain.received().is_empty());

    let (server, env) = setup(TlsMode::Starttls, "starttls", TRUST);
    enqueue(&env);
    env.write("smtp-password", "wrong\n");
    let out = env.publik().arg("send-queue").assert().code(75);
    assert!(String::from_utf8_lossy(&out.get_output().stderr).contains("authentication"));
    assert!(server.received().is_empty());
}

#[test]
fn a_bad_ca_file_is_a_config_error() {
    let (_server, env) = setup(TlsMode::Starttls, "starttls", "    ca_file: missing.pem\n");
    let out = env.publik().args(["config", "check"]).assert().code(65);
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).to_string();
    assert!(
        stderr.contains("email.smtp.ca_file") && stderr.contains("missing.pem"),
        "{stderr}"
    );
    env.write("not-a-cert.pem", "hello\n");
    let config = common::read(&env.config()).replace("missing.pem", "not-a-cert.pem");
    env.write("publik.yaml", &config);
    let out = env.publik().args(["config", "check"]).assert().code(65);
    assert!(String::from_utf8_lossy(&out.get_output().stderr).contains("no PEM certificate"));
}

/// A certificate as `openssl req -x509` makes it (CA:TRUE, self-signed)
/// for `name`: its PEM and its key's PEM.
fn openssl_req_x509(dir: &std::path::Path, name: &str) -> (String, String) {
    let san = if name.parse::<std::net::IpAddr>().is_ok() {
        format!("subjectAltName=IP:{name}")
    } else {
        format!("subjectAltName=DNS:{name}")
    };
    let (cert, key) = (dir.join(format!("{name}.crt")), dir.join(format!("{name}.key")));
    let out = std::process::Command::new("openssl")
        .args([
            "req",
            "-x509",
            "-newkey",
            "ec",
            "-pkeyopt",
            "ec_paramgen_curve:prime256v1",
            "-nodes",
        ])
        .args(["-days", "30", "-subj", &format!("/CN={name}"), "-addext", &san])
        .arg("-keyout")
        .arg(&key)
        .arg("-out")
        .arg(&cert)
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let text = std::process::Command::new("openssl")
        .args(["x509", "-noout", "-text", "-in"])
        .arg(&cert)
        .output()
        .unwrap();
    assert!(
        String::from_utf8_lossy(&text.stdout).contains("CA:TRUE"),
        "made as a CA"
    );
    (
        std::fs::read_to_string(&cert).unwrap(),
        std::fs::read_to_string(&key).unwrap(),
    )
}

/// `openssl_req_x509`'s certificate, and a server config presenting it.
fn openssl_cert(dir: &std::path::Path, name: &str) -> common::smtp::TestCert {
    let (pem, key) = openssl_req_x509(dir, name);
    use rustls::pki_types::pem::PemObject;
    let der = rustls::pki_types::CertificateDer::from_pem_slice(pem.as_bytes()).unwrap();
    let key = rustls::pki_types::PrivateKeyDer::from_pem_slice(key.as_bytes()).unwrap();
    let provider = std::sync::Arc::new(rustls::crypto::ring::default_provider());
    let config = rustls::ServerConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .unwrap()
        .with_no_client_auth()
        .with_single_cert(vec![der], key)
        .unwrap();
    common::smtp::TestCert {
        pem,
        config: std::sync::Arc::new(config),
    }
}

/// A relay's own self-signed certificate made by a plain `openssl req
/// -x509` (CA:TRUE) and pinned by `ca_file` is trusted as itself, as curl
/// does; its name is still checked, and another such certificate is not.
#[test]
fn a_self_signed_ca_certificate_pinned_by_ca_file_is_the_relays() {
    for (name, pin_another, trusted) in [
        ("127.0.0.1", false, true),
        ("relay.example.org", false, false),
        ("127.0.0.1", true, false),
    ] {
        let env = Env::new();
        let cert = openssl_cert(&env.path(""), name);
        let pinned = match pin_another {
            true => {
                let other = env.path("other");
                std::fs::create_dir(&other).unwrap();
                openssl_cert(&other, name).pem
            }
            false => cert.pem.clone(),
        };
        let server = SmtpServer::start_with(Options {
            tls: Some((TlsMode::Starttls, cert.config.clone())),
            ..Options::default()
        });
        env.write("relay.pem", &pinned);
        env.write(
            "publik.yaml",
            &format!(
                "email:\n  from: \"Mairie <noreply@example.org>\"\n  smtp:\n    host: 127.0.0.1\n    port: {}\n    tls: starttls\n    timeout: 5s\n    ca_file: relay.pem\n",
                server.port()
            ),
        );
        enqueue(&env);
        let out = env.publik().arg("send-queue").output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr).to_string();
        if trusted {
            assert!(out.status.success(), "{stderr}");
            assert_eq!(server.received().len(), 1, "{stderr}");
        } else {
            assert_eq!(out.status.code(), Some(75), "{stderr}");
            assert!(server.received().is_empty());
            assert!(!stderr.contains("CaUsedAsEndEntity"), "{stderr}");
        }
    }
}

/// The bounce mailbox's own `openssl req -x509` certificate, pinned by
/// `email.bounce_mailbox.ca_file`, is trusted as itself too.
#[test]
fn a_self_signed_ca_certificate_pinned_by_ca_file_is_the_mailboxs() {
    let env = Env::new();
    let (cert, key) = openssl_req_x509(&env.path(""), "127.0.0.1");
    let dovecot = common::dovecot::Dovecot::start_with_cert(cert.clone(), key);
    env.write("mailbox.pem", &cert);
    env.write(
        "publik.yaml",
        &format!(
            "email:\n  bounce_mailbox:\n    host: 127.0.0.1\n    port: {}\n    tls: implicit\n    user: {}\n    \
             password: {}\n    ca_file: mailbox.pem\n    timeout: 10s\n",
            dovecot.imaps_port,
            common::dovecot::USER,
            common::dovecot::PASSWORD
        ),
    );
    let out = env.publik().arg("fetch-bounces").output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
}
