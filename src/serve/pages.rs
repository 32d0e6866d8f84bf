//! The pages `serve` answers with: unsubscribe and action-link landing
//! pages (GET shows, POST acts), errors, and their common headers.

use std::path::Path;

use super::http::Request;
use crate::config::Config;
use crate::ops::{newsletter, workflow};
use crate::store::Store;

use crate::html::escape;

/// `c***@example.org`: enough to recognize one's address, not to harvest it.
fn mask(email: &str) -> String {
    match email.split_once('@') {
        Some((local, domain)) => format!("{}***@{domain}", local.chars().next().unwrap_or('*')),
        None => "***".into(),
    }
}

/// A whole page: valid HTML, readable on a phone, no scripts.
pub(super) fn html_page(title: &str, body: &str) -> String {
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

pub(super) fn headers() -> Vec<(&'static str, String)> {
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

pub(super) struct Page {
    pub(super) status: u16,
    pub(super) title: String,
    pub(super) body: String,
}

/// The page for a Host no site of this server has: not an error to retry.
pub(super) fn unknown_site() -> Page {
    Page {
        status: 404,
        title: "Site inconnu".into(),
        body: "<p>Ce serveur ne connaît aucun site à cette adresse.</p>".into(),
    }
}

/// The page of an error status (bad requests, limits, failures).
pub(super) fn error_page(status: u16) -> Page {
    let (title, text) = match status {
        400 => ("Requête invalide", "La requête est mal formée."),
        405 => ("Méthode non permise", "Cette adresse ne répond qu'à GET et POST."),
        408 => ("Délai dépassé", "La requête est arrivée trop lentement."),
        411 => ("Longueur requise", "La requête doit donner sa longueur."),
        413 | 431 => ("Requête trop grande", "La requête dépasse la taille permise."),
        429 => (
            "Trop de requêtes",
            "Trop de requêtes en cours depuis votre adresse, réessayez dans un instant.",
        ),
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

/// The confirmation form of a link: its button, and a comment field when
/// the workflow asks for one.
fn confirm_form(link: &workflow::ValidLink, problem: Option<&str>) -> String {
    let comment = comment_field(link.token.comment.as_deref());
    format!(
        "{}<p>{}</p>\n<p><strong>{}</strong></p>\n<form method=\"post\">{comment}<button type=\"submit\">{}</button></form>",
        problem
            .map(|p| format!("<p><strong>{}</strong></p>\n", escape(p)))
            .unwrap_or_default(),
        escape(link.token.message.as_deref().unwrap_or("Please confirm action.")),
        escape(&format!("{} : {}", link.form.number, link.jump.label)),
        escape(&link.token.label)
    )
}

/// The comment field a link asks for (`optional` or `required`), if any.
fn comment_field(mode: Option<&str>) -> String {
    match mode {
        Some(mode) => format!(
            "<p><label for=\"comment\">Commentaire{}</label><br>\
             <textarea id=\"comment\" name=\"comment\" rows=\"4\" cols=\"40\"{}></textarea></p>",
            if mode == "required" { "" } else { " (facultatif)" },
            if mode == "required" { " required" } else { "" }
        ),
        None => String::new(),
    }
}

/// `/actions/TOKEN/`: GET shows what will happen, POST runs the jump (with
/// the comment the page asked for, as jump data).
fn action(
    store: &mut Store,
    config: &Config,
    link_key: &Path,
    post: Option<&[u8]>,
    token: &str,
) -> anyhow::Result<Page> {
    let invalid = |err: anyhow::Error| -> anyhow::Result<Page> {
        if err.is::<crate::exit_codes::PeerDown>()
            || err.chain().any(|c| c.is::<crate::exit_codes::PeerDown>())
        {
            // A remote w.c.s. is down: the link still works later.
            log::error!("{err:#}");
            return Ok(Page {
                status: 503,
                title: "Service indisponible".into(),
                body: "<p>Le service ne répond pas pour le moment. Réessayez dans quelques minutes : \
                       le lien reste valable.</p>"
                    .into(),
            });
        }
        match err.downcast_ref::<crate::exit_codes::BadInput>() {
            Some(message) => Ok(Page {
                status: 404,
                title: "Lien invalide".into(),
                body: format!("<p>{}</p>", escape(message.message())),
            }),
            None => Err(err),
        }
    };
    if let Some(body) = post {
        let data: Vec<String> = crate::urlencoded::field(body, "comment")
            .filter(|c| !c.trim().is_empty())
            .map(|comment| format!("comment={comment}"))
            .into_iter()
            .collect();
        return match workflow::run_link(store, config, link_key, token, None, &data) {
            Ok((form, done)) => Ok(Page {
                status: 200,
                title: form.map_or_else(|| "Merci".to_string(), |f| f.name),
                body: format!("<p>{}</p>", escape(done.as_deref().unwrap_or("Done."))),
            }),
            // The comment the link asks for is missing: the form again.
            Err(err)
                if err
                    .downcast_ref::<crate::exit_codes::BadInput>()
                    .is_some_and(|b| b.field() == Some("comment")) =>
            {
                match workflow::check_link(store, token) {
                    Ok(link) => Ok(Page {
                        status: 400,
                        title: link.form.name.clone(),
                        body: confirm_form(&link, Some("Un commentaire est nécessaire.")),
                    }),
                    Err(err) => invalid(err),
                }
            }
            Err(err) => invalid(err),
        };
    }
    match workflow::look_up(store, token) {
        Ok(workflow::Link::Local(link)) => Ok(Page {
            status: 200,
            title: link.form.name.clone(),
            body: confirm_form(&link, None),
        }),
        // A remote w.c.s. form: what the link says, and its button.
        Ok(workflow::Link::Remote { token, .. }) => Ok(Page {
            status: 200,
            title: token.label.clone(),
            body: format!(
                "<p>{}</p>\n<form method=\"post\">{}<button type=\"submit\">{}</button></form>",
                escape(token.message.as_deref().unwrap_or("Please confirm action.")),
                comment_field(token.comment.as_deref()),
                escape(&token.label)
            ),
        }),
        Err(err) => invalid(err),
    }
}

pub(super) fn route(
    store: &mut Store,
    config: &Config,
    link_key: &Path,
    request: &Request,
) -> anyhow::Result<Page> {
    let post = match request.method.as_str() {
        "GET" | "HEAD" => false,
        "POST" => true,
        _ => return Ok(error_page(405)),
    };
    // A one-click POST carries `List-Unsubscribe=One-Click`, an unsubscribe
    // form post nothing we need; an action's form may carry a comment.
    let segments: Vec<&str> = request.path.trim_matches('/').split('/').collect();
    match segments.as_slice() {
        ["unsubscribe", token] => unsubscribe(store, post, token),
        ["actions", token] => action(store, config, link_key, post.then_some(&request.body[..]), token),
        _ => Ok(Page {
            status: 404,
            title: "Page introuvable".into(),
            body: "<p>Page introuvable.</p>".into(),
        }),
    }
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
