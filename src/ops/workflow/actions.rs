//! What entering a status does: its on-enter actions rendered for a form
//! into the messages to queue and the links they carry.

use std::path::Path;
use std::sync::{Arc, Mutex};

use minijinja::Environment;
use serde_json::{Value, json};

use crate::address::parse_mailbox;
use crate::config::Config;
use crate::exit_codes::bad_input;
use crate::ops::email::EmailContent;
use crate::ops::queue::RowOptions;
use crate::store::{Effects, Reader};

use super::buttons::{
    LazyKey, LinkContext, MintState, Minted, SharedKey, environment, environment_without_buttons, tag_syntax,
};
use super::definition::{
    Action, EmailAction, MaarchResponseAction, NotifyAction, SmsAction, StatusDef, channel_ready,
};

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

/// A template rendered for the form; its failure is bad input (the
/// workflow's text, or the form's data, is wrong), said with where it is.
fn render(env: &Environment, what: &str, source: &str, context: &Value) -> anyhow::Result<String> {
    env.template_from_str(&tag_syntax(source))
        .and_then(|template| {
            crate::ops::template::render_bounded(
                &template,
                &minijinja::Value::from(minijinja::value::Serde(context)),
            )
        })
        .map_err(|e| bad_input(format!("{what}: {e}")))
}

/// What the actions of one status share while they are rendered.
struct Entering<'a> {
    config: &'a Config,
    reader: &'a Reader<'a>,
    context: &'a Value,
    /// The link key, read only if a button is minted.
    key: SharedKey,
    /// `status S action N`, for messages.
    at: String,
}

/// Renders the actions of `status` for a form: the messages to queue and the
/// action links they carry (one token per recipient per button). Errors
/// keep their kind: a template, an address or a number that does not
/// render is bad input (65); a read of the state that fails is a runtime
/// failure (1).
pub(super) fn enter_status(
    config: &Config,
    link_key_path: &Path,
    reader: &Reader,
    status: &StatusDef,
    context: &Value,
) -> anyhow::Result<Effects> {
    let mut effects = Effects::default();
    let key: SharedKey = Arc::new(Mutex::new(LazyKey {
        path: link_key_path.to_path_buf(),
        key: None,
    }));
    for (index, entry) in status.on_enter.iter().enumerate() {
        let at = format!("status {} action {}", status.id, index + 1);
        let action = entry.action().map_err(bad_input)?;
        channel_ready(config, &action).map_err(|e| bad_input(format!("{at} ({}): {e}", action.name())))?;
        let entering = Entering {
            config,
            reader,
            context,
            key: key.clone(),
            at,
        };
        match action {
            Action::Email(email) => entering.email(email, &mut effects)?,
            Action::Sms(sms) => entering.sms(sms, &mut effects)?,
            Action::Notify(notify) => entering.notify(notify, &mut effects)?,
            Action::MaarchResponse(response) => entering.maarch_response(response, &mut effects)?,
        }
    }
    // A button on a remote w.c.s. form must name a site publik can sign for.
    if let Some(url) = effects
        .tokens
        .iter()
        .filter_map(|t| t.remote_form.as_deref())
        .find(|url| config.wcs.service_for(url).is_none())
    {
        return Err(bad_input(format!(
            "status {}: action_button remote=\"{url}\" is under no wcs.services url",
            status.id
        )));
    }
    Ok(effects)
}

impl Entering<'_> {
    fn render(&self, env: &Environment, source: &str) -> anyhow::Result<String> {
        render(env, &self.at, source, self.context)
    }

    /// Where a message's buttons point, and what they mint for whom.
    fn links(&self, recipient: String, minted: &Minted, bare: bool) -> LinkContext {
        LinkContext {
            base: self.config.serve.public_url.clone(),
            key: self.key.clone(),
            recipient: Some(recipient),
            minted: minted.clone(),
            html: false,
            bare,
        }
    }

    /// One email per recipient: each carries its own tokens.
    fn email(&self, email: &EmailAction, effects: &mut Effects) -> anyhow::Result<()> {
        let config = self.config;
        let plain = environment_without_buttons("an email's recipients or subject");
        let mut recipients = Vec::new();
        for to in &email.to {
            let rendered = self.render(&plain, to)?;
            let rendered = rendered.trim();
            if !rendered.is_empty() {
                recipients.push(rendered.to_string());
            }
        }
        for recipient in recipients {
            let mailbox = parse_mailbox(&recipient).map_err(|e| bad_input(format!("{}: {e}", self.at)))?;
            let minted: Minted = Arc::new(Mutex::new(MintState::default()));
            let link = self.links(mailbox.email.to_string(), &minted, false);
            let subject = self.render(&plain, &email.subject)?;
            let text = self.render(&environment(Some(link.clone())), &email.text)?;
            let html_env = environment(Some(LinkContext { html: true, ..link }));
            let html = email
                .html
                .as_ref()
                .map(|h| self.render(&html_env, h))
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
                nonce: crate::token::random_hex(8)?,
                newsletter: None,
                invitation: None,
                action_links: std::mem::take(&mut locked(&minted).placeholders),
            };
            let options = RowOptions {
                priority: 1,
                tag: Some(format!(
                    "form:{}",
                    self.context["form"]["number"].as_str().unwrap_or_default()
                )),
                ..RowOptions::default()
            };
            let send = crate::ops::email::build(&content, Vec::new(), [mailbox.email.to_string()], &options)?;
            effects.sends.push(send);
            effects.tokens.append(&mut locked(&minted).tokens);
        }
        Ok(())
    }

    /// One SMS per number: each carries its own tokens, as bare URLs (a
    /// text-only channel).
    fn sms(&self, sms: &SmsAction, effects: &mut Effects) -> anyhow::Result<()> {
        let config = self.config;
        let plain = environment_without_buttons("an SMS's recipients");
        let mut numbers = Vec::new();
        for number in &sms.to {
            let number = self.render(&plain, number)?;
            let number = crate::phone::normalize(&number, &config.sms.default_country)
                .map_err(|e| bad_input(format!("{}: {e}", self.at)))?;
            if !numbers.contains(&number) {
                numbers.push(number);
            }
        }
        for number in numbers {
            let minted: Minted = Arc::new(Mutex::new(MintState::default()));
            let env = environment(Some(self.links(number.clone(), &minted, true)));
            let text = self.render(&env, &sms.text)?;
            let mut minted = locked(&minted);
            let content = crate::ops::sms::SmsContent {
                text,
                sender: config.sms.sender.clone(),
                action_links: std::mem::take(&mut minted.placeholders),
            };
            let options = RowOptions {
                priority: 1,
                ..RowOptions::default()
            };
            effects
                .sends
                .push(crate::ops::sms::build(&content, [number], &options)?);
            effects.tokens.append(&mut minted.tokens);
        }
        Ok(())
    }

    /// One notification to every device of the user (none: nothing queued).
    fn notify(&self, notify: &NotifyAction, effects: &mut Effects) -> anyhow::Result<()> {
        let plain = environment_without_buttons("a notification");
        let user = self.render(&plain, &notify.user)?;
        let mut payload = json!({"title": self.render(&plain, &notify.title)?});
        if let Some(body) = &notify.body {
            payload["body"] = Value::String(self.render(&plain, body)?);
        }
        if let Some(url) = &notify.url {
            payload["url"] = Value::String(self.render(&plain, url)?);
        }
        let subscriptions = self.reader.subscriptions(Some(user.trim()))?;
        if subscriptions.is_empty() {
            return Ok(());
        }
        let content = crate::ops::push::PushContent {
            payload: payload.to_string(),
            ttl: self.config.webpush.ttl.as_secs() as u32,
            urgency: self.config.webpush.urgency,
            topic: None,
        };
        effects
            .sends
            .push(crate::ops::push::send_to(&subscriptions, &content, 1, None)?);
        Ok(())
    }

    /// The answer to each Maarch mail linked to the form.
    fn maarch_response(&self, response: &MaarchResponseAction, effects: &mut Effects) -> anyhow::Result<()> {
        let plain = environment_without_buttons("a Maarch response");
        let content = self.render(&plain, &response.content)?;
        if content.trim().is_empty() {
            return Err(bad_input(format!(
                "{}: the Maarch response rendered empty",
                self.at
            )));
        }
        let number = self.context["form"]["number"].as_str().unwrap_or_default();
        let responses = crate::ops::maarch::form_responses(self.reader, self.config, number, &content)?;
        effects.mail_responses.extend(responses);
        Ok(())
    }
}

/// A mint's state, whoever panicked while holding it.
fn locked<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(|p| p.into_inner())
}
