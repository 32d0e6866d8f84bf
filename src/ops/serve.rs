//! `publik serve`: the small HTTP server behind the site's reverse proxy that
//! serves publik's landing pages. GET and HEAD only show; POST acts.
//! Routes: `/unsubscribe/TOKEN` (newsletter links, RFC 8058 one-click POST)
//! and `/actions/TOKEN/` (workflow action links).

use std::io::Read;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use anyhow::Context;
use tiny_http::{Header, Method, Request, Response, Server};

use crate::config::Config;
use crate::ops::{newsletter, workflow};
use crate::store::Store;

/// Requests larger than this are refused (the forms post a few bytes).
const MAX_BODY_BYTES: u64 = 16 * 1024;

/// How often the loop looks at the stop flag.
const POLL: Duration = Duration::from_millis(200);

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

fn headers() -> Vec<Header> {
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
    .iter()
    .filter_map(|(name, value)| Header::from_bytes(name.as_bytes(), value.as_bytes()).ok())
    .collect()
}

struct Page {
    status: u16,
    title: String,
    body: String,
}

const INVALID_LINK: &str = "This link is no longer valid.";

fn not_found() -> Page {
    Page {
        status: 404,
        title: "Lien invalide".into(),
        body: format!("<p>{INVALID_LINK}</p><p>Ce lien n'est plus valable.</p>"),
    }
}

fn unsubscribe(store: &mut Store, method: &Method, token: &str) -> anyhow::Result<Page> {
    let Some(target) = newsletter::unsubscribe_target(store, token)? else {
        return Ok(not_found());
    };
    let label = escape(&target.group_label);
    let who = escape(&mask(&target.email));
    match method {
        Method::Post => {
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
fn action(store: &mut Store, config: &Config, method: &Method, token: &str) -> anyhow::Result<Page> {
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
    if *method == Method::Post {
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

fn route(store: &mut Store, config: &Config, request: &mut Request) -> anyhow::Result<Page> {
    let method = request.method().clone();
    let path = request.url().split(['?', '#']).next().unwrap_or("").to_string();
    if !matches!(method, Method::Get | Method::Head | Method::Post) {
        return Ok(Page {
            status: 405,
            title: "Méthode non permise".into(),
            body: String::new(),
        });
    }
    if method == Method::Post {
        // Read (and bound) the body: a one-click POST carries
        // `List-Unsubscribe=One-Click`, a form post nothing we need.
        let mut sink = Vec::new();
        let read = request
            .as_reader()
            .take(MAX_BODY_BYTES + 1)
            .read_to_end(&mut sink)
            .unwrap_or(0);
        if read as u64 > MAX_BODY_BYTES {
            return Ok(Page {
                status: 413,
                title: "Requête trop grande".into(),
                body: String::new(),
            });
        }
    }
    let segments: Vec<&str> = path.trim_matches('/').split('/').collect();
    match segments.as_slice() {
        ["unsubscribe", token] => unsubscribe(store, &method, token),
        ["actions", token] => action(store, config, &method, token),
        _ => Ok(Page {
            status: 404,
            title: "Page introuvable".into(),
            body: "<p>Page introuvable.</p>".into(),
        }),
    }
}

fn respond(request: Request, page: Page) {
    let head = *request.method() == Method::Head;
    let html = html_page(&page.title, &page.body);
    let mut response =
        Response::from_string(if head { String::new() } else { html }).with_status_code(page.status);
    for header in headers() {
        response.add_header(header);
    }
    let _ = request.respond(response);
}

/// Serves until SIGTERM or SIGINT, then finishes the request in hand and returns.
pub fn serve(store: &mut Store, config: &Config, listen: &str) -> anyhow::Result<()> {
    let stop = Arc::new(AtomicBool::new(false));
    for signal in [signal_hook::consts::SIGTERM, signal_hook::consts::SIGINT] {
        signal_hook::flag::register(signal, stop.clone()).context("cannot handle SIGTERM")?;
    }
    let server = Server::http(listen).map_err(|e| anyhow::anyhow!("cannot listen on {listen}: {e}"))?;
    log::info!("listening on {listen}");
    while !stop.load(Ordering::SeqCst) {
        let mut request = match server.recv_timeout(POLL) {
            Ok(Some(request)) => request,
            Ok(None) => continue,
            Err(e) => {
                log::warn!("accepting a request failed: {e}");
                continue;
            }
        };
        // A bad request or a failing state never stops the server.
        let page = route(store, config, &mut request).unwrap_or_else(|e| {
            log::error!("{} {}: {e:#}", request.method(), request.url());
            Page {
                status: 500,
                title: "Erreur".into(),
                body: "<p>Une erreur est survenue, réessayez plus tard.</p>".into(),
            }
        });
        respond(request, page);
    }
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
