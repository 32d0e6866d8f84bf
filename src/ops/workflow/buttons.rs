//! The template environment of workflow messages, whose `action_button`
//! mints one action link per recipient per button.

use std::borrow::Cow;
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

/// An action link's lifetime as w.c.s. users write it: a bare number is
/// days (`delay=3`, `--ttl 3`); `90m`, `12h`, `7d` stay accepted.
pub(crate) fn token_ttl(text: &str) -> Result<Duration, String> {
    let text = text.trim();
    let ttl = if !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit()) {
        let days: u64 = text.parse().map_err(|_| format!("\"{text}\" is too large"))?;
        Duration::from_secs(days.saturating_mul(86_400))
    } else {
        text.parse::<Duration>().map_err(|e| e.to_string())?
    };
    if ttl > MAX_TOKEN_TTL {
        return Err(format!("{text} is over the 365d maximum of an action link"));
    }
    if ttl.as_secs() == 0 {
        return Err("an action link must live more than 0s".into());
    }
    Ok(ttl)
}

/// w.c.s.'s tag syntax, `{% action_button "accept" label="Accepter" %}`,
/// as the function call minijinja knows: `{{ action_button("accept",
/// label="Accepter") }}`. Arguments are a quoted jump id then `key=value`
/// pairs separated by spaces (commas accepted too).
pub(crate) fn tag_syntax(source: &str) -> Cow<'_, str> {
    if !source.contains("action_button") || !source.contains("{%") {
        return Cow::Borrowed(source);
    }
    let mut out = String::with_capacity(source.len());
    let mut rest = source;
    while let Some(start) = rest.find("{%") {
        let after = &rest[start + 2..];
        let (trim_left, inner_start) = match after.strip_prefix('-') {
            Some(_) => ("-", 1),
            None => ("", 0),
        };
        let inner = &after[inner_start..];
        let Some(end) = inner.find("%}") else { break };
        let body = inner[..end].trim_start();
        let (body, trim_right) = match body.trim_end().strip_suffix('-') {
            Some(body) => (body, "-"),
            None => (body.trim_end(), ""),
        };
        match body
            .strip_prefix("action_button")
            .filter(|a| a.is_empty() || a.starts_with(char::is_whitespace))
        {
            Some(arguments) => {
                out.push_str(&rest[..start]);
                out.push_str(&format!(
                    "{{{{{trim_left} action_button({}) {trim_right}}}}}",
                    call_arguments(arguments)
                ));
                rest = &inner[end + 2..];
            }
            None => {
                out.push_str(&rest[..start + 2]);
                rest = &rest[start + 2..];
            }
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// `"accept" label="Accepter" delay=3` → `"accept", label="Accepter", delay=3`.
fn call_arguments(text: &str) -> String {
    let mut arguments = Vec::new();
    let mut current = String::new();
    let mut quote: Option<char> = None;
    for c in text.chars() {
        match quote {
            Some(q) => {
                current.push(c);
                if c == q {
                    quote = None;
                }
            }
            None if c == '"' || c == '\'' => {
                quote = Some(c);
                current.push(c);
            }
            None if c.is_whitespace() || c == ',' => {
                if !current.is_empty() {
                    arguments.push(std::mem::take(&mut current));
                }
            }
            None => current.push(c),
        }
    }
    if !current.is_empty() {
        arguments.push(current);
    }
    arguments.join(", ")
}

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
    /// A text-only channel (SMS): the bare URL.
    pub(super) bare: bool,
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

/// A template environment for a text where no button can work (a subject,
/// an address, a notification): `action_button` there is an error.
pub(super) fn environment_without_buttons(field: &'static str) -> Environment<'static> {
    let mut env = crate::ops::template::base_environment();
    env.add_function(
        "action_button",
        move |_jump: Option<JValue>,
              _options: minijinja::value::Kwargs|
              -> Result<JValue, minijinja::Error> {
            Err(minijinja::Error::new(
                minijinja::ErrorKind::InvalidOperation,
                format!(
                    "action_button cannot work in {field}: only in an email's text or html, or an SMS's text"
                ),
            ))
        },
    );
    env
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
            let delay: Option<JValue> = kwargs.get("delay")?;
            let message: Option<String> = kwargs.get("message")?;
            let done_message: Option<String> = kwargs.get("done_message")?;
            // w.c.s.: the link's page may ask for a comment, kept as jump data.
            let comment: Option<String> = kwargs.get("comment")?;
            // A form of a remote w.c.s.: the jump is its trigger, run there.
            let remote: Option<String> = kwargs.get("remote")?;
            let remote = remote.filter(|r| !r.trim().is_empty()).map(|r| {
                let r = r.trim().to_string();
                if r.ends_with('/') { r } else { format!("{r}/") }
            });
            if let Some(mode) = comment
                .as_deref()
                .filter(|m| !matches!(*m, "optional" | "required"))
            {
                return Err(minijinja::Error::new(
                    minijinja::ErrorKind::InvalidOperation,
                    format!("action_button comment=\"{mode}\": optional or required"),
                ));
            }
            kwargs.assert_all_used()?;
            let Some(label) = label else {
                return Err(minijinja::Error::new(
                    minijinja::ErrorKind::MissingArgument,
                    format!("action_button(\"{jump}\") needs a label"),
                ));
            };
            // A number of days, as in w.c.s., or a duration with its unit.
            let ttl = match delay {
                Some(delay) => {
                    let text = match delay.as_str() {
                        Some(text) => text.to_string(),
                        None => delay.to_string(),
                    };
                    token_ttl(&text).map_err(|e| {
                        minijinja::Error::new(
                            minijinja::ErrorKind::InvalidOperation,
                            format!("action_button delay: {e}"),
                        )
                    })?
                }
                None => DEFAULT_TOKEN_TTL,
            };
            let Some(link) = &links else {
                return Ok(JValue::from(""));
            };
            let mut state = link.minted.lock().unwrap_or_else(|p| p.into_inner());
            // One token per button: the same jump on another form is another button.
            let jump_key = format!("{jump}\u{0}{}", remote.as_deref().unwrap_or(""));
            let url = match state.urls.get(&jump_key) {
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
                        comment,
                        remote_form: remote.clone(),
                    });
                    let url = format!("{}/actions/{placeholder}/", link.base.trim_end_matches('/'));
                    state.placeholders.push(placeholder);
                    state.urls.insert(jump_key, url.clone());
                    url
                }
            };
            if link.html {
                Ok(JValue::from_safe_string(button_html(&label, &url)))
            } else if link.bare {
                Ok(JValue::from(url))
            } else {
                Ok(JValue::from(format!("[{label}] {url}")))
            }
        },
    );
    env
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wcs_tag_syntax_becomes_a_call() {
        assert_eq!(
            tag_syntax(r#"A {% action_button "accept" label="Accepter" delay=3 %} B"#),
            r#"A {{ action_button("accept", label="Accepter", delay=3) }} B"#
        );
        assert_eq!(
            tag_syntax(r#"{%- action_button 'reject' label='Non, merci' -%}"#),
            r#"{{- action_button('reject', label='Non, merci') -}}"#
        );
        let untouched = "{% if x %}{{ action_button(\"a\", label=\"b\") }}{% endif %}";
        assert_eq!(tag_syntax(untouched), untouched);
    }

    #[test]
    fn bare_numbers_are_days() {
        assert_eq!(token_ttl("3").unwrap().as_secs(), 3 * 86_400);
        assert_eq!(token_ttl("90m").unwrap().as_secs(), 5_400);
        assert!(token_ttl("366").is_err());
        assert!(token_ttl("0").is_err());
        assert!(token_ttl("soon").is_err());
    }
}
