//! What entering a status does: its on-enter actions rendered for a form
//! into the messages to queue and the links they carry.

use std::path::Path;
use std::sync::{Arc, Mutex};

use minijinja::Environment;
use serde_json::{Value, json};

use crate::address::parse_mailbox;
use crate::config::Config;
use crate::ops::email::EmailContent;
use crate::ops::queue::RowOptions;
use crate::store::{Effects, Reader};

use super::buttons::{
    LazyKey, LinkContext, MintState, Minted, SharedKey, environment, environment_without_buttons, tag_syntax,
};
use super::definition::{Action, StatusDef, channel_ready};

/// The template context of a form.
pub(super) fn form_context(
    form_number: &str,
    name: &str,
    data: &Value,
    user: Option<&str>,
    email: Option<&str>,
    status: &StatusDef,
) -> Value {
    json!({"form": {
        "number": form_number, "name": name, "data": data, "user": user, "email": email,
        "status": status.id, "status_label": status.label,
    }})
}

/// The template context of a stored form entering `status`.
pub(super) fn stored_form_context(form: &crate::store::Form, status: &StatusDef) -> Value {
    form_context(
        &form.number,
        &form.name,
        &form.data,
        form.user.as_deref(),
        form.email.as_deref(),
        status,
    )
}

fn render(env: &Environment, what: &str, source: &str, context: &Value) -> Result<String, String> {
    env.template_from_str(&tag_syntax(source))
        .and_then(|template| {
            crate::ops::template::render_bounded(
                &template,
                &minijinja::Value::from(minijinja::value::Serde(context)),
            )
        })
        .map_err(|e| format!("{what}: {e}"))
}

/// Renders the actions of `status` for a form: the messages to queue and the
/// action links they carry (one token per recipient per button).
pub(super) fn enter_status(
    config: &Config,
    link_key_path: &Path,
    reader: &Reader,
    status: &StatusDef,
    context: &Value,
) -> Result<Effects, String> {
    let mut effects = Effects::default();
    let key: SharedKey = Arc::new(Mutex::new(LazyKey {
        path: link_key_path.to_path_buf(),
        key: None,
    }));
    for (index, entry) in status.on_enter.iter().enumerate() {
        let at = format!("status {} action {}", status.id, index + 1);
        let action = entry.action()?;
        channel_ready(config, &action).map_err(|e| format!("{at} ({}): {e}", action.name()))?;
        match action {
            Action::Email(email) => {
                let plain = environment_without_buttons("an email's recipients or subject");
                let recipients: Vec<String> = email
                    .to
                    .iter()
                    .map(|t| render(&plain, &at, t, context))
                    .collect::<Result<Vec<_>, _>>()?
                    .into_iter()
                    .map(|t| t.trim().to_string())
                    .filter(|t| !t.is_empty())
                    .collect();
                // One message per recipient: each carries its own tokens.
                for recipient in recipients {
                    let mailbox = parse_mailbox(&recipient).map_err(|e| format!("{at}: {e}"))?;
                    let minted: Minted = Arc::new(Mutex::new(MintState::default()));
                    let link = LinkContext {
                        base: config.serve.public_url.clone(),
                        key: key.clone(),
                        recipient: Some(mailbox.email.to_string()),
                        minted: minted.clone(),
                        html: false,
                        bare: false,
                    };
                    let env = environment(Some(link.clone()));
                    let subject = render(&plain, &at, &email.subject, context)?;
                    let text = render(&env, &at, &email.text, context)?;
                    let html_env = environment(Some(LinkContext { html: true, ..link }));
                    let html = email
                        .html
                        .as_ref()
                        .map(|h| render(&html_env, &at, h, context))
                        .transpose()?;
                    let content = EmailContent {
                        from: config.email.from.clone(),
                        reply_to: config.email.reply_to.clone(),
                        to: vec![mailbox.to_string()],
                        cc: Vec::new(),
                        subject: subject.split_whitespace().collect::<Vec<_>>().join(" "),
                        text,
                        html,
                        headers: Vec::new(),
                        nonce: crate::token::random_hex(8).map_err(|e| e.to_string())?,
                        newsletter: None,
                        invitation: None,
                        action_links: std::mem::take(
                            &mut minted.lock().unwrap_or_else(|p| p.into_inner()).placeholders,
                        ),
                    };
                    let options = RowOptions {
                        priority: 1,
                        tag: Some(format!(
                            "form:{}",
                            context["form"]["number"].as_str().unwrap_or_default()
                        )),
                        ..RowOptions::default()
                    };
                    let send =
                        crate::ops::email::build(&content, Vec::new(), [mailbox.email.to_string()], &options)
                            .map_err(|e| e.to_string())?;
                    effects.sends.push(send);
                    effects
                        .tokens
                        .append(&mut minted.lock().unwrap_or_else(|p| p.into_inner()).tokens);
                }
            }
            Action::Sms(sms) => {
                let plain = environment_without_buttons("an SMS's recipients");
                let mut numbers = Vec::new();
                for number in &sms.to {
                    let number = render(&plain, &at, number, context)?;
                    let number = crate::phone::normalize(&number, &config.sms.default_country)
                        .map_err(|e| format!("{at}: {e}"))?;
                    if !numbers.contains(&number) {
                        numbers.push(number);
                    }
                }
                // One message per number: each carries its own tokens, as
                // bare URLs (a text-only channel).
                for number in numbers {
                    let minted: Minted = Arc::new(Mutex::new(MintState::default()));
                    let env = environment(Some(LinkContext {
                        base: config.serve.public_url.clone(),
                        key: key.clone(),
                        recipient: Some(number.clone()),
                        minted: minted.clone(),
                        html: false,
                        bare: true,
                    }));
                    let text = render(&env, &at, &sms.text, context)?;
                    let mut minted = minted.lock().unwrap_or_else(|p| p.into_inner());
                    let content = crate::ops::sms::SmsContent {
                        text,
                        sender: config.sms.sender.clone(),
                        action_links: std::mem::take(&mut minted.placeholders),
                    };
                    let options = RowOptions {
                        priority: 1,
                        ..RowOptions::default()
                    };
                    let send =
                        crate::ops::sms::build(&content, [number], &options).map_err(|e| e.to_string())?;
                    effects.sends.push(send);
                    effects.tokens.append(&mut minted.tokens);
                }
            }
            Action::Notify(notify) => {
                let plain = environment_without_buttons("a notification");
                let user = render(&plain, &at, &notify.user, context)?;
                let mut payload = json!({"title": render(&plain, &at, &notify.title, context)?});
                if let Some(body) = &notify.body {
                    payload["body"] = Value::String(render(&plain, &at, body, context)?);
                }
                if let Some(url) = &notify.url {
                    payload["url"] = Value::String(render(&plain, &at, url, context)?);
                }
                let subscriptions = reader
                    .subscriptions(Some(user.trim()))
                    .map_err(|e| e.to_string())?;
                if subscriptions.is_empty() {
                    continue;
                }
                let content = crate::ops::push::PushContent {
                    payload: payload.to_string(),
                    ttl: config.webpush.ttl.as_secs() as u32,
                    urgency: config.webpush.urgency,
                    topic: None,
                };
                let send = crate::ops::push::send_to(&subscriptions, &content, 1, None)
                    .map_err(|e| e.to_string())?;
                effects.sends.push(send);
            }
            Action::MaarchResponse(response) => {
                let plain = environment_without_buttons("a Maarch response");
                let content = render(&plain, &at, &response.content, context)?;
                if content.trim().is_empty() {
                    return Err(format!("{at}: the Maarch response rendered empty"));
                }
                let number = context["form"]["number"].as_str().unwrap_or_default();
                let responses = crate::ops::maarch::form_responses(reader, config, number, &content)
                    .map_err(|e| format!("{e:#}"))?;
                effects.mail_responses.extend(responses);
            }
        }
    }
    // A button on a remote w.c.s. form must name a site publik can sign for.
    if let Some(url) = effects
        .tokens
        .iter()
        .filter_map(|t| t.remote_form.as_deref())
        .find(|url| config.wcs.service_for(url).is_none())
    {
        return Err(format!(
            "status {}: action_button remote=\"{url}\" is under no wcs.services url",
            status.id
        ));
    }
    Ok(effects)
}
