//! Connecting to a PostgreSQL state: `postgresql://user@host:port/db`, the
//! password from a file (`state_password_file`, `$PGPASSFILE`, `~/.pgpass`)
//! and never from the URL, TLS through rustls when `sslmode` asks for it.

use std::path::Path;
use std::str::FromStr;
use std::time::Duration;

use anyhow::Context;
use postgres::config::SslMode;

/// Connecting gives up after this; a cron run never hangs on a dead server.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);

/// The URL as messages and `state info` show it: no query, no password.
/// The credentials run to the last `@`: a password holding an unescaped
/// `/`, `?` or `#` is never shown, however a client splits it.
pub(crate) fn shown(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.split('?').next().unwrap_or(url).to_string();
    };
    let (user, host) = match rest.rsplit_once('@') {
        Some((credentials, host)) => {
            let user = credentials.split([':', '/', '?', '#']).next().unwrap_or_default();
            (format!("{user}@"), host)
        }
        None => (String::new(), rest),
    };
    let host = host.split(['?', '#']).next().unwrap_or_default();
    format!("{scheme}://{user}{host}")
}

/// Refuses a URL that is not PostgreSQL's or carries a password, before any
/// connection: `tenant check` and every command say the same.
pub(crate) fn check_url(written: &str) -> anyhow::Result<()> {
    let (url, _) = take_param(written, "sslrootcert");
    let (url, _) = take_param(&url, "sslmode");
    let config = postgres::Config::from_str(&url).map_err(|e| {
        crate::exit_codes::bad_input(format!("state {}: not a PostgreSQL URL: {e}", shown(written)))
    })?;
    if config.get_password().is_some() {
        return Err(crate::exit_codes::bad_input(format!(
            "state {}: a password in the URL would show in `ps` and in logs; \
             put it in state_password_file, $PGPASSFILE or ~/.pgpass",
            shown(written)
        )));
    }
    Ok(())
}

pub(crate) fn connect(written: &str, password_file: Option<&Path>) -> anyhow::Result<postgres::Client> {
    let (url, root_cert) = take_param(written, "sslrootcert");
    // The client knows three of libpq's six words: publik reads them all.
    let (url, mode) = take_param(&url, "sslmode");
    let (mode, checked) = ssl_mode(mode.as_deref(), root_cert.is_some())?;
    let mut config = postgres::Config::from_str(&url)
        .map_err(|e| anyhow::anyhow!("state {}: not a PostgreSQL URL: {e}", shown(written)))?;
    config.ssl_mode(mode);
    check_url(&url)?;
    if config.get_user().is_none() {
        let user = std::env::var("PGUSER")
            .or_else(|_| std::env::var("USER"))
            .unwrap_or_else(|_| "publik".into());
        config.user(&user);
    }
    let (host, port) = first_host(&config);
    let dbname = config
        .get_dbname()
        .or(config.get_user())
        .unwrap_or_default()
        .to_string();
    let user = config.get_user().unwrap_or_default().to_string();
    if let Some(password) = password(password_file, &host, port, &dbname, &user)? {
        config.password(password);
    }
    // A path that drops packets (a partition, a host gone) ends the
    // connection in about 20 s, whether a statement is on its way (data
    // unacknowledged) or its answer awaited (keepalives unanswered), instead
    // of the kernel's quarter of an hour: the run exits 75, serve reconnects.
    config
        .connect_timeout(CONNECT_TIMEOUT)
        .tcp_user_timeout(Duration::from_secs(20))
        .keepalives(true)
        .keepalives_idle(Duration::from_secs(10))
        .keepalives_interval(Duration::from_secs(5))
        .keepalives_retries(2)
        .application_name("publik");
    let client = match mode {
        SslMode::Disable => config.connect(postgres::NoTls),
        _ => config.connect(tls(checked, root_cert.as_deref())?),
    }
    .map_err(|e| {
        let message = format!("cannot connect to the state {}: {}", shown(written), cause(&e));
        // Not reached (refused, timed out, reset, starting up, full): cron
        // may try again later. Turned away (password, certificate, no
        // database): not.
        if unavailable(&e) {
            crate::exit_codes::peer_down(message)
        } else {
            anyhow::anyhow!(message)
        }
    })?;
    Ok(client)
}

/// libpq's `sslmode` as the client's mode, and whether the server's
/// certificate is checked: `verify-ca` and `verify-full` check it (both as
/// verify-full: the name too), as does any mode given a `sslrootcert` CA;
/// `prefer` (the default) and `require` encrypt without checking, as psql
/// does (Debian's server comes with a self-signed certificate); `allow`
/// is taken as `prefer`.
fn ssl_mode(word: Option<&str>, root_cert: bool) -> anyhow::Result<(SslMode, bool)> {
    Ok(match word.unwrap_or("prefer") {
        "disable" => (SslMode::Disable, false),
        "allow" | "prefer" => (SslMode::Prefer, root_cert),
        "require" => (SslMode::Require, root_cert),
        "verify-ca" | "verify-full" => (SslMode::Require, true),
        other => {
            return Err(crate::exit_codes::bad_field(
                "sslmode",
                format!("\"{other}\" is not one of disable, allow, prefer, require, verify-ca, verify-full"),
            ));
        }
    })
}

fn io_error(e: &postgres::Error) -> Option<&std::io::Error> {
    causes(e).find_map(|inner| inner.downcast_ref::<std::io::Error>())
}

/// Whether `e` says the server cannot be reached or used now (lost, shut
/// down, restarting, full): a later run will do, so cron hears 75, and
/// `serve` answers 503 and opens a new connection.
pub(crate) fn unavailable(e: &postgres::Error) -> bool {
    if e.is_closed() || (e.as_db_error().is_none() && io_error(e).is_some()) {
        return true;
    }
    e.code().is_some_and(|code| {
        let code = code.code();
        // 08: connection exception; 57P01-03: shut down, crashed, starting
        // up; 53300: too many connections; 55P03 and 57014: a lock or a
        // statement waited longer than its timeout (a slow database).
        code.starts_with("08") || matches!(code, "57P01" | "57P02" | "57P03" | "53300" | "55P03" | "57014")
    })
}

/// Whether `e` is a wait that ran out (a lock held by another, a statement
/// too slow), rather than a server out of reach.
pub(crate) fn timed_out(e: &postgres::Error) -> bool {
    e.code()
        .is_some_and(|code| matches!(code.code(), "55P03" | "57014"))
}

/// The innermost cause: "connection refused", "password authentication failed".
pub(crate) fn cause(e: &postgres::Error) -> String {
    if let Some(db) = e.as_db_error() {
        return db.message().to_string();
    }
    causes(e)
        .last()
        .map_or_else(|| e.to_string(), |inner| inner.to_string())
}

/// What an error says it came from, outermost first.
fn causes(e: &postgres::Error) -> impl Iterator<Item = &(dyn std::error::Error + 'static)> {
    std::iter::successors(std::error::Error::source(e), |inner| inner.source())
}

/// Removes `name=value` from the URL's query (the client refuses options
/// it does not know); returns the value.
fn take_param(url: &str, name: &str) -> (String, Option<String>) {
    let Some((base, query)) = url.split_once('?') else {
        return (url.to_string(), None);
    };
    let mut value = None;
    let kept: Vec<&str> = query
        .split('&')
        .filter(|pair| match pair.split_once('=') {
            Some((key, v)) if key == name => {
                value = Some(v.to_string());
                false
            }
            _ => true,
        })
        .collect();
    if kept.is_empty() {
        (base.to_string(), value)
    } else {
        (format!("{base}?{}", kept.join("&")), value)
    }
}

fn first_host(config: &postgres::Config) -> (String, u16) {
    let host = match config.get_hosts().first() {
        Some(postgres::config::Host::Tcp(host)) => host.clone(),
        Some(postgres::config::Host::Unix(path)) => path.display().to_string(),
        None => "localhost".into(),
    };
    let port = config.get_ports().first().copied().unwrap_or(5432);
    (host, port)
}

/// The password: the whole first line of `state_password_file`, else the
/// first matching line of the passfile (libpq's rules: `$PGPASSFILE` or
/// `~/.pgpass`, ignored unless only its owner may read it).
fn password(
    password_file: Option<&Path>,
    host: &str,
    port: u16,
    dbname: &str,
    user: &str,
) -> anyhow::Result<Option<String>> {
    if let Some(file) = password_file {
        let text = crate::capped::text_file(file, crate::capped::MAX_KEY_FILE_BYTES)
            .with_context(|| format!("state_password_file: cannot read {}", file.display()))?;
        return Ok(Some(text.lines().next().unwrap_or_default().to_string()));
    }
    let passfile = match std::env::var_os("PGPASSFILE") {
        Some(file) => std::path::PathBuf::from(file),
        None => match std::env::var_os("HOME") {
            Some(home) => Path::new(&home).join(".pgpass"),
            None => return Ok(None),
        },
    };
    let Ok(metadata) = std::fs::metadata(&passfile) else {
        return Ok(None);
    };
    {
        use std::os::unix::fs::PermissionsExt;
        if metadata.permissions().mode() & 0o077 != 0 {
            log::warn!(
                "password file {} ignored: others may read it (chmod 0600)",
                passfile.display()
            );
            return Ok(None);
        }
    }
    let text = crate::capped::text_file(&passfile, crate::capped::MAX_KEY_FILE_BYTES)
        .with_context(|| format!("cannot read the password file {}", passfile.display()))?;
    Ok(passfile_match(&text, host, port, dbname, user))
}

/// libpq's passfile: `host:port:database:user:password`, `*` matching
/// anything, `\` escaping `:` and `\`; the first matching line wins.
fn passfile_match(text: &str, host: &str, port: u16, dbname: &str, user: &str) -> Option<String> {
    let port = port.to_string();
    let wanted = [host, port.as_str(), dbname, user];
    text.lines()
        .filter(|line| !line.starts_with('#'))
        .find_map(|line| {
            let fields = split_escaped(line);
            if fields.len() != 5 {
                return None;
            }
            let host_matches = |field: &str, value: &str| {
                field == "*"
                    || field == value
                    || (field == "localhost" && (value.starts_with('/') || value == "127.0.0.1"))
            };
            let matches = host_matches(&fields[0], wanted[0])
                && fields[1..4]
                    .iter()
                    .zip(&wanted[1..])
                    .all(|(field, value)| field == "*" || field == value);
            matches.then(|| fields[4].clone())
        })
}

fn split_escaped(line: &str) -> Vec<String> {
    let mut fields = vec![String::new()];
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                if let (Some(next), Some(field)) = (chars.next(), fields.last_mut()) {
                    field.push(next);
                }
            }
            ':' if fields.len() < 5 => fields.push(String::new()),
            c => {
                if let Some(field) = fields.last_mut() {
                    field.push(c);
                }
            }
        }
    }
    fields
}

/// rustls with the Mozilla roots, or only `sslrootcert`'s certificates
/// (a private CA) when the URL names a file; or, unchecked, any certificate.
fn tls(checked: bool, root_cert: Option<&str>) -> anyhow::Result<tokio_postgres_rustls::MakeRustlsConnect> {
    use rustls::pki_types::CertificateDer;
    use rustls::pki_types::pem::PemObject;
    let provider = std::sync::Arc::new(rustls::crypto::ring::default_provider());
    let builder = rustls::ClientConfig::builder_with_provider(provider.clone())
        .with_safe_default_protocol_versions()
        .context("TLS to the state server")?;
    if !checked {
        let config = builder
            .dangerous()
            .with_custom_certificate_verifier(std::sync::Arc::new(Unchecked(provider)))
            .with_no_client_auth();
        return Ok(tokio_postgres_rustls::MakeRustlsConnect::new(config));
    }
    let mut roots = rustls::RootCertStore::empty();
    match root_cert {
        Some(file) => {
            for cert in CertificateDer::pem_file_iter(file)
                .with_context(|| format!("sslrootcert: cannot read {file}"))?
            {
                let cert = cert.with_context(|| format!("sslrootcert: {file} is not PEM"))?;
                roots
                    .add(cert)
                    .with_context(|| format!("sslrootcert: a certificate of {file}"))?;
            }
        }
        None => roots.extend(webpki_roots::TLS_SERVER_ROOTS.iter().cloned()),
    }
    let config = builder.with_root_certificates(roots).with_no_client_auth();
    Ok(tokio_postgres_rustls::MakeRustlsConnect::new(config))
}

/// `prefer` and `require`: whoever answers is not checked, but the
/// handshake still proves it holds its certificate's key.
#[derive(Debug)]
struct Unchecked(std::sync::Arc<rustls::crypto::CryptoProvider>);

impl rustls::client::danger::ServerCertVerifier for Unchecked {
    fn verify_server_cert(
        &self,
        _end_entity: &rustls::pki_types::CertificateDer<'_>,
        _intermediates: &[rustls::pki_types::CertificateDer<'_>],
        _server_name: &rustls::pki_types::ServerName<'_>,
        _ocsp_response: &[u8],
        _now: rustls::pki_types::UnixTime,
    ) -> Result<rustls::client::danger::ServerCertVerified, rustls::Error> {
        Ok(rustls::client::danger::ServerCertVerified::assertion())
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &rustls::pki_types::CertificateDer<'_>,
        dss: &rustls::DigitallySignedStruct,
    ) -> Result<rustls::client::danger::HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls12_signature(message, cert, dss, &self.0.signature_verification_algorithms)
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &rustls::pki_types::CertificateDer<'_>,
        dss: &rustls::DigitallySignedStruct,
    ) -> Result<rustls::client::danger::HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls13_signature(message, cert, dss, &self.0.signature_verification_algorithms)
    }

    fn supported_verify_schemes(&self) -> Vec<rustls::SignatureScheme> {
        self.0.signature_verification_algorithms.supported_schemes()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passfile_lines_match_as_libpq_does() {
        let text = "# comment\n\
                    db.example:5432:other:publik:wrong\n\
                    db.example:*:publik:publik:s\\:cret\\\\\n\
                    *:*:*:*:fallback\n";
        assert_eq!(
            passfile_match(text, "db.example", 5433, "publik", "publik").as_deref(),
            Some("s:cret\\")
        );
        assert_eq!(
            passfile_match(text, "elsewhere", 5432, "x", "y").as_deref(),
            Some("fallback")
        );
        assert_eq!(passfile_match("a:b:c\n", "a", 1, "b", "c"), None);
    }

    #[test]
    fn libpq_sslmode_words() {
        assert_eq!(ssl_mode(None, false).unwrap(), (SslMode::Prefer, false));
        assert_eq!(ssl_mode(Some("allow"), false).unwrap(), (SslMode::Prefer, false));
        assert_eq!(ssl_mode(Some("prefer"), true).unwrap(), (SslMode::Prefer, true));
        assert_eq!(
            ssl_mode(Some("require"), false).unwrap(),
            (SslMode::Require, false)
        );
        assert_eq!(
            ssl_mode(Some("verify-ca"), false).unwrap(),
            (SslMode::Require, true)
        );
        assert_eq!(
            ssl_mode(Some("verify-full"), false).unwrap(),
            (SslMode::Require, true)
        );
        assert_eq!(
            ssl_mode(Some("disable"), true).unwrap(),
            (SslMode::Disable, false)
        );
        let err = ssl_mode(Some("Require"), false).unwrap_err();
        assert_eq!(crate::exit_codes::ExitCode::for_error(&err).code(), 65);
        assert!(err.to_string().contains("\"Require\" is not one of"), "{err}");
    }

    #[test]
    fn sslrootcert_leaves_the_url() {
        assert_eq!(
            take_param(
                "postgresql://u@h/db?sslmode=require&sslrootcert=/etc/ca.pem",
                "sslrootcert"
            ),
            (
                "postgresql://u@h/db?sslmode=require".to_string(),
                Some("/etc/ca.pem".to_string())
            )
        );
        assert_eq!(
            take_param("postgresql://u@h/db?sslrootcert=ca.pem", "sslrootcert"),
            ("postgresql://u@h/db".to_string(), Some("ca.pem".to_string()))
        );
    }

    #[test]
    fn a_password_in_the_url_is_refused() {
        let err = connect("postgresql://u:secret@127.0.0.1:1/db", None)
            .err()
            .unwrap()
            .to_string();
        assert!(err.contains("password in the URL"), "{err}");
        assert!(!err.contains("secret"), "{err}");
    }
}
