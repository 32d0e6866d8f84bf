//! `publik serve`: the small HTTP server behind the site's reverse proxy that
//! serves publik's landing pages. GET and HEAD only show; POST acts.
//! Routes: `/unsubscribe/TOKEN` (newsletter links, RFC 8058 one-click POST)
//! and `/actions/TOKEN/` (workflow action links).

use std::net::{TcpListener, TcpStream};
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::Duration;

use anyhow::Context;

use crate::config::Config;
use crate::http::{self, Limits, Request, Response};
use crate::ops::{newsletter, workflow};
use crate::store::Store;

/// Bodies larger than this are refused (the forms post a few bytes).
const MAX_BODY_BYTES: usize = 16 * 1024;
/// Request line and headers: browsers send 1-2 KB.
const MAX_HEAD_BYTES: usize = 16 * 1024;

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

/// `c***@example.org`: enough to recognize one's address, not to harvest it.
fn mask(email: &str) -> String {
    match email.split_once('@') {
        Some((local, domain)) => format!("{}***@{domain}", local.chars().next().unwrap_or('*')),
        None => "***".into(),
    }
}

/// A whole page: valid HTML, readable on a phone, no scripts.
fn html_page(title: &str, body: &str) -> String {
    format!(
        "<!doctype html>\n<html lang=\"fr\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{title}</title>\n<style>\n\
         body {{ font-family: system-ui, sans-serif; max-width: 36rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.5; color: #222; }}\n\
         button {{ font-size: 1.1rem; padding: .7rem 1.4rem; border: 0; border-radius: .4rem; background: #1a5fb4; color: #fff; cursor: pointer; }}\n\
         </style>\n</head>\n<body>\n<h1>{title}</h1>\n{body}\n</body>\n</html>\n",
        title = escape(title)
    )
}

fn headers() -> Vec<(&'static str, String)> {
    [
        ("Content-Type", "text/html; charset=utf-8"),
        // The token is in the URL: never leak it to another site.
        ("Referrer-Policy", "no-referrer"),
        ("X-Robots-Tag", "noindex, nofollow"),
        (
            "Content-Security-Policy",
            "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
        ),
        ("Cache-Control", "no-store"),
        ("X-Content-Type-Options", "nosniff"),
    ]
    .into_iter()
    .map(|(name, value)| (name, value.to_string()))
    .collect()
}

struct Page {
    status: u16,
    title: String,
    body: String,
}

/// The page of an error status (bad requests, limits, failures).
fn error_page(status: u16) -> Page {
    let (title, text) = match status {
        400 => ("Requête invalide", "La requête est mal formée."),
        405 => ("Méthode non permise", "Cette adresse ne répond qu'à GET et POST."),
        408 => ("Délai dépassé", "La requête est arrivée trop lentement."),
        411 => ("Longueur requise", "La requête doit donner sa longueur."),
        413 | 431 => ("Requête trop grande", "La requête dépasse la taille permise."),
        503 => (
            "Service occupé",
            "Trop de requêtes en cours, réessayez dans un instant.",
        ),
        _ => ("Erreur", "Une erreur est survenue, réessayez plus tard."),
    };
    Page {
        status,
        title: title.into(),
        body: format!("<p>{text}</p>"),
    }
}

const INVALID_LINK: &str = "This link is no longer valid.";

fn not_found() -> Page {
    Page {
        status: 404,
        title: "Lien invalide".into(),
        body: format!("<p>{INVALID_LINK}</p><p>Ce lien n'est plus valable.</p>"),
    }
}

fn unsubscribe(store: &mut Store, post: bool, token: &str) -> anyhow::Result<Page> {
    let Some(target) = newsletter::unsubscribe_target(store, token)? else {
        return Ok(not_found());
    };
    let label = escape(&target.group_label);
    let who = escape(&mask(&target.email));
    match post {
        true => {
            newsletter::unsubscribe(store, token)?;
            Ok(Page {
                status: 200,
                title: "Désabonnement confirmé".into(),
                body: format!("<p>L'adresse {who} ne recevra plus les envois « {label} ».</p>"),
            })
        }
        _ if target.already => Ok(Page {
            status: 200,
            title: "Déjà désabonné".into(),
            body: format!("<p>L'adresse {who} ne reçoit plus les envois « {label} ».</p>"),
        }),
        _ => Ok(Page {
            status: 200,
            title: "Se désabonner".into(),
            body: format!(
                "<p>Ne plus recevoir les envois « {label} » à l'adresse {who} ?</p>\n\
                 <form method=\"post\"><button type=\"submit\">Me désabonner</button></form>"
            ),
        }),
    }
}

/// `/actions/TOKEN/`: GET shows what will happen, POST runs the jump.
fn action(store: &mut Store, config: &Config, post: bool, token: &str) -> anyhow::Result<Page> {
    let invalid = |err: anyhow::Error| -> anyhow::Result<Page> {
        match err.downcast_ref::<crate::exit_codes::BadInput>() {
            Some(message) => Ok(Page {
                status: 404,
                title: "Lien invalide".into(),
                body: format!("<p>{}</p>", escape(&message.0)),
            }),
            None => Err(err),
        }
    };
    if post {
        return match workflow::run_link(store, config, token, None) {
            Ok((form, done)) => Ok(Page {
                status: 200,
                title: form.name,
                body: format!("<p>{}</p>", escape(done.as_deref().unwrap_or("Done."))),
            }),
            Err(err) => invalid(err),
        };
    }
    match workflow::check_link(store, token) {
        Ok(link) => Ok(Page {
            status: 200,
            title: link.form.name.clone(),
            body: format!(
                "<p>{}</p>\n<p><strong>{}</strong></p>\n<form method=\"post\"><button type=\"submit\">{}</button></form>",
                escape(link.token.message.as_deref().unwrap_or("Please confirm action.")),
                escape(&format!("{} : {}", link.form.number, link.jump.label)),
                escape(&link.token.label)
            ),
        }),
        Err(err) => invalid(err),
    }
}

fn route(store: &mut Store, config: &Config, request: &Request) -> anyhow::Result<Page> {
    let post = match request.method.as_str() {
        "GET" | "HEAD" => false,
        "POST" => true,
        _ => return Ok(error_page(405)),
    };
    // A one-click POST carries `List-Unsubscribe=One-Click`, a form post
    // nothing we need: the body (bounded by the transport) is not read.
    let segments: Vec<&str> = request.path.trim_matches('/').split('/').collect();
    match segments.as_slice() {
        ["unsubscribe", token] => unsubscribe(store, post, token),
        ["actions", token] => action(store, config, post, token),
        _ => Ok(Page {
            status: 404,
            title: "Page introuvable".into(),
            body: "<p>Page introuvable.</p>".into(),
        }),
    }
}

/// The path as logs may show it: tokens are secrets.
fn loggable(path: &str) -> String {
    match path.trim_start_matches('/').split_once('/') {
        Some((first, _)) => format!("/{first}/…"),
        None => path.to_string(),
    }
}

fn respond(stream: &mut TcpStream, page: Page, head: bool, timeout: Duration) {
    let mut headers = headers();
    if page.status == 405 {
        headers.push(("Allow", "GET, HEAD, POST".into()));
    }
    let response = Response {
        status: page.status,
        headers,
        body: html_page(&page.title, &page.body).into_bytes(),
    };
    if let Err(e) = http::write_response(stream, &response, head, timeout) {
        log::debug!("answering a client failed: {e}");
    }
}

/// One connection: one request read within the limits, one answer.
fn handle(mut stream: TcpStream, store: &Mutex<Store>, config: &Config, limits: &Limits) {
    let request = match http::read_request(&mut stream, limits) {
        Ok(request) => request,
        Err(err) => {
            if let Some(status) = err.status() {
                log::debug!("refused a request ({status}): {err:?}");
                respond(&mut stream, error_page(status), false, limits.timeout);
                http::drain(&mut stream, 1 << 20, Duration::from_secs(1));
            }
            return;
        }
    };
    let page = {
        let mut store = store.lock().unwrap_or_else(|p| p.into_inner());
        // A bad request or a failing state never stops the server.
        route(&mut store, config, &request).unwrap_or_else(|e| {
            log::error!("{} {}: {e:#}", request.method, loggable(&request.path));
            error_page(500)
        })
    };
    log::debug!("{} {} {}", request.method, loggable(&request.path), page.status);
    respond(&mut stream, page, request.method == "HEAD", limits.timeout);
}

/// Counts a connection in hand until dropped (even by a panic).
struct Active<'a>(&'a AtomicUsize);

impl Drop for Active<'_> {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::SeqCst);
    }
}

/// Serves until SIGTERM or SIGINT, then finishes the requests in hand (each
/// bounded by `serve.request_timeout`) and returns. One thread per
/// connection, at most `serve.max_connections`; more get a 503 page.
pub fn serve(store: Store, config: &Config, listen: &str) -> anyhow::Result<()> {
    let listener = TcpListener::bind(listen).with_context(|| format!("cannot listen on {listen}"))?;
    let local = listener.local_addr()?;
    let limits = Limits {
        timeout: config.serve.request_timeout.std(),
        max_head_bytes: MAX_HEAD_BYTES,
        max_body_bytes: MAX_BODY_BYTES,
    };
    let max_connections = config.serve.max_connections as usize;
    let stop = AtomicBool::new(false);
    let active = AtomicUsize::new(0);
    let store = Mutex::new(store);
    let mut signals =
        signal_hook::iterator::Signals::new([signal_hook::consts::SIGTERM, signal_hook::consts::SIGINT])
            .context("cannot handle SIGTERM")?;
    let signals_handle = signals.handle();
    log::info!("listening on {local}");
    std::thread::scope(|scope| {
        scope.spawn(|| {
            if signals.forever().next().is_some() {
                stop.store(true, Ordering::SeqCst);
                // Wakes the blocking accept below.
                let _ = TcpStream::connect(local);
            }
        });
        // One thread per connection, or a 503 page when all are busy.
        let dispatch = |mut stream: TcpStream| {
            if active.fetch_add(1, Ordering::SeqCst) >= max_connections {
                active.fetch_sub(1, Ordering::SeqCst);
                log::error!("{max_connections} connections in hand (serve.max_connections): answered 503");
                respond(&mut stream, error_page(503), false, Duration::from_secs(1));
                return;
            }
            let (store, active, limits) = (&store, &active, &limits);
            scope.spawn(move || {
                let _active = Active(active);
                let handled = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                    handle(stream, store, config, limits)
                }));
                if handled.is_err() {
                    log::error!("a request handler panicked; the server goes on");
                }
            });
        };
        for stream in listener.incoming() {
            match stream {
                Ok(stream) => dispatch(stream),
                Err(e) => {
                    log::warn!("accepting a connection failed: {e}");
                    // Out of file descriptors, say: do not spin.
                    std::thread::sleep(Duration::from_millis(50));
                }
            }
            if stop.load(Ordering::SeqCst) {
                break;
            }
        }
        // Clients that connected before the stop are served too (the
        // wake-up connection reads as closed and gets no answer).
        if listener.set_nonblocking(true).is_ok() {
            while let Ok((stream, _)) = listener.accept() {
                if stream.set_nonblocking(false).is_ok() {
                    dispatch(stream);
                }
            }
        }
        signals_handle.close();
    });
    log::info!("stopped");
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_and_masks() {
        assert_eq!(
            escape("<b>\"x\" & 'y'</b>"),
            "&lt;b&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/b&gt;"
        );
        assert_eq!(mask("camille@example.org"), "c***@example.org");
    }
}
