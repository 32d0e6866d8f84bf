//! The template environment of workflow messages, whose `action_button`
//! mints one action link per recipient per button.

use std::sync::{Arc, Mutex};

use minijinja::{Environment, Value as JValue};

use crate::duration::Duration;
use crate::link_key::LinkKey;
use crate::store::NewActionToken;

/// Default and maximum lifetime of an action link.
pub(crate) const DEFAULT_TOKEN_TTL: Duration = Duration::from_secs(3 * 86_400);
pub(crate) const MAX_TOKEN_TTL: Duration = Duration::from_secs(365 * 86_400);

/// Tokens made by `action_button` while one message is rendered, and the URL
/// of each jump, so that the text and HTML parts share one token per button.
/// URLs hold placeholders (`link_key`), never the token itself.
#[derive(Default)]
pub(super) struct MintState {
    pub(super) tokens: Vec<NewActionToken>,
    pub(super) urls: std::collections::HashMap<String, String>,
    pub(super) placeholders: Vec<String>,
}

pub(super) type Minted = Arc<Mutex<MintState>>;

/// The link key while a status's actions render, read (or created) on the first button
/// and shared by all their messages.
pub(super) struct LazyKey {
    pub(super) path: std::path::PathBuf,
    pub(super) key: Option<LinkKey>,
}

pub(super) type SharedKey = Arc<Mutex<LazyKey>>;

/// Where `action_button()` mints and how it renders.
#[derive(Clone)]
pub(super) struct LinkContext {
    pub(super) base: String,
    pub(super) key: SharedKey,
    pub(super) recipient: Option<String>,
    pub(super) minted: Minted,
    /// The HTML part: a button (a table with inline styles, which Gmail and
    /// Outlook keep) instead of `[Label] URL`.
    pub(super) html: bool,
}

pub(super) fn button_html(label: &str, url: &str) -> String {
    format!(
        "<table role=\"presentation\" cellspacing=\"0\" cellpadding=\"0\" border=\"0\" \
         style=\"display:inline-table;margin:4px 8px 4px 0;border-collapse:separate\"><tr>\
         <td style=\"border-radius:4px;background:#1a5fb4\"><a href=\"{url}\" target=\"_blank\" \
         style=\"display:inline-block;padding:10px 18px;font-family:Arial,Helvetica,sans-serif;font-size:15px;\
         font-weight:bold;color:#ffffff;text-decoration:none;border-radius:4px\">{label}</a></td></tr></table>",
        url = crate::html::escape(url),
        label = crate::html::escape(label)
    )
}

/// A template environment; with `links`, `action_button()` creates tokens
/// (for that recipient) and renders the link; without, it renders nothing.
pub(super) fn environment(links: Option<LinkContext>) -> Environment<'static> {
    let mut env = crate::ops::template::base_environment();
    if links.as_ref().is_some_and(|l| l.html) {
        // Form data shown in the HTML part is escaped.
        env.set_auto_escape_callback(|_| minijinja::AutoEscape::Html);
    }
    env.add_function(
        "action_button",
        move |jump: String, kwargs: minijinja::value::Kwargs| -> Result<JValue, minijinja::Error> {
            let label: Option<String> = kwargs.get("label")?;
            let delay: Option<String> = kwargs.get("delay")?;
            let message: Option<String> = kwargs.get("message")?;
            let done_message: Option<String> = kwargs.get("done_message")?;
            kwargs.assert_all_used()?;
            let Some(label) = label else {
                return Err(minijinja::Error::new(
                    minijinja::ErrorKind::MissingArgument,
                    format!("action_button(\"{jump}\") needs a label"),
                ));
            };
            let ttl = match delay.as_deref() {
                Some(text) => text.parse::<Duration>().map_err(|e| {
                    minijinja::Error::new(minijinja::ErrorKind::InvalidOperation, e.to_string())
                })?,
                None => DEFAULT_TOKEN_TTL,
            };
            if ttl > MAX_TOKEN_TTL {
                return Err(minijinja::Error::new(
                    minijinja::ErrorKind::InvalidOperation,
                    format!("action_button delay {ttl} is over 365d"),
                ));
            }
            let Some(link) = &links else {
                return Ok(JValue::from(""));
            };
            let mut state = link.minted.lock().unwrap_or_else(|p| p.into_inner());
            let url = match state.urls.get(&jump) {
                Some(url) => url.clone(),
                None => {
                    let failed = |e: anyhow::Error| {
                        minijinja::Error::new(minijinja::ErrorKind::InvalidOperation, format!("{e:#}"))
                    };
                    let mut lazy = link.key.lock().unwrap_or_else(|p| p.into_inner());
                    if lazy.key.is_none() {
                        lazy.key = Some(LinkKey::load_or_create(&lazy.path).map_err(failed)?);
                    }
                    let (placeholder, hash) = match &lazy.key {
                        Some(key) => key.mint().map_err(failed)?,
                        None => return Err(failed(anyhow::anyhow!("no link key"))),
                    };
                    state.tokens.push(NewActionToken {
                        hash,
                        jump: jump.clone(),
                        recipient: link.recipient.clone(),
                        label: label.clone(),
                        message,
                        done_message,
                        expires_at: crate::clock::now() + ttl.chrono(),
                    });
                    let url = format!("{}/actions/{placeholder}/", link.base.trim_end_matches('/'));
                    state.placeholders.push(placeholder);
                    state.urls.insert(jump.clone(), url.clone());
                    url
                }
            };
            if link.html {
                Ok(JValue::from_safe_string(button_html(&label, &url)))
            } else {
                Ok(JValue::from(format!("[{label}] {url}")))
            }
        },
    );
    env
}
