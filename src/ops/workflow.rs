//! The embedded workflow engine: workflows are YAML files of statuses with
//! manual jumps and actions run on entering a status (email, SMS, Web Push);
//! forms are the citizens' requests moving through them. A jump is one
//! transaction: status, history, and the new status's messages queued.

use std::collections::HashSet;
use std::path::Path;
use std::sync::{Arc, Mutex};

use anyhow::Context;
use minijinja::{Environment, Value as JValue};
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};

use crate::address::parse_mailbox;
use crate::config::Config;
use crate::duration::Duration;
use crate::exit_codes::bad_input;
use crate::link_key::LinkKey;
use crate::ops::email::EmailContent;
use crate::store::{
    Channel, Effects, Form, FormChangeError, HistoryEntry, NewActionToken, NewBody, NewRow, Reader, Store,
};

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Workflow {
    pub name: String,
    pub label: String,
    pub initial: String,
    pub statuses: Vec<StatusDef>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StatusDef {
    pub id: String,
    pub label: String,
    #[serde(default)]
    pub jumps: Vec<Jump>,
    #[serde(default)]
    pub on_enter: Vec<ActionEntry>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Jump {
    pub id: String,
    pub label: String,
    pub to: String,
}

/// One action, written `- email: {...}`, `- sms: {...}`, `- notify: {...}`
/// or `- maarch_response: {...}` (serde_yaml would want `!email` tags for an
/// enum).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ActionEntry {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<EmailAction>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sms: Option<SmsAction>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notify: Option<NotifyAction>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub maarch_response: Option<MaarchResponseAction>,
}

pub enum Action<'a> {
    Email(&'a EmailAction),
    Sms(&'a SmsAction),
    Notify(&'a NotifyAction),
    MaarchResponse(&'a MaarchResponseAction),
}

impl ActionEntry {
    /// The one action this entry holds.
    pub fn action(&self) -> Result<Action<'_>, String> {
        match (&self.email, &self.sms, &self.notify, &self.maarch_response) {
            (Some(e), None, None, None) => Ok(Action::Email(e)),
            (None, Some(s), None, None) => Ok(Action::Sms(s)),
            (None, None, Some(n), None) => Ok(Action::Notify(n)),
            (None, None, None, Some(m)) => Ok(Action::MaarchResponse(m)),
            _ => Err("give exactly one of email, sms, notify, maarch_response".into()),
        }
    }
}

impl Action<'_> {
    /// The key it is written with in the YAML.
    fn name(&self) -> &'static str {
        match self {
            Action::Email(_) => "email",
            Action::Sms(_) => "sms",
            Action::Notify(_) => "notify",
            Action::MaarchResponse(_) => "maarch_response",
        }
    }
}

/// Every text is a template with the form's data (`form.number`, `form.name`,
/// `form.data.KEY`, `form.email`, `form.status`...).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EmailAction {
    pub to: Vec<String>,
    pub subject: String,
    pub text: String,
    #[serde(default)]
    pub html: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SmsAction {
    pub to: Vec<String>,
    pub text: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NotifyAction {
    pub user: String,
    pub title: String,
    #[serde(default)]
    pub body: Option<String>,
    #[serde(default)]
    pub url: Option<String>,
}

/// Answers the Maarch mails linked to the form (`publik mail link … --form-number`)
/// and not answered yet: their status becomes `maarch.status_response` with
/// `content` as history message. Nothing happens for a form without such mail.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MaarchResponseAction {
    pub content: String,
}

impl Workflow {
    pub fn status(&self, id: &str) -> Option<&StatusDef> {
        self.statuses.iter().find(|s| s.id == id)
    }
}

/// Default and maximum lifetime of an action link.
pub const DEFAULT_TOKEN_TTL: Duration = Duration::from_secs(3 * 86_400);
pub const MAX_TOKEN_TTL: Duration = Duration::from_secs(365 * 86_400);

/// Tokens made by `action_button` while one message is rendered, and the URL
/// of each jump, so that the text and HTML parts share one token per button.
/// URLs hold placeholders (`link_key`), never the token itself.
#[derive(Default)]
struct MintState {
    tokens: Vec<NewActionToken>,
    urls: std::collections::HashMap<String, String>,
    placeholders: Vec<String>,
}

type Minted = Arc<Mutex<MintState>>;

/// The link key while a status's actions render, read (or created) on the first button
/// and shared by all their messages.
struct LazyKey {
    path: std::path::PathBuf,
    key: Option<LinkKey>,
}

type SharedKey = Arc<Mutex<LazyKey>>;

/// Where `action_button()` mints and how it renders.
#[derive(Clone)]
struct LinkContext {
    base: String,
    key: SharedKey,
    recipient: Option<String>,
    minted: Minted,
    /// The HTML part: a button (a table with inline styles, which Gmail and
    /// Outlook keep) instead of `[Label] URL`.
    html: bool,
}

fn button_html(label: &str, url: &str) -> String {
    let escape = |t: &str| {
        t.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
            .replace('"', "&quot;")
    };
    format!(
        "<table role=\"presentation\" cellspacing=\"0\" cellpadding=\"0\" border=\"0\" \
         style=\"display:inline-table;margin:4px 8px 4px 0;border-collapse:separate\"><tr>\
         <td style=\"border-radius:4px;background:#1a5fb4\"><a href=\"{url}\" target=\"_blank\" \
         style=\"display:inline-block;padding:10px 18px;font-family:Arial,Helvetica,sans-serif;font-size:15px;\
         font-weight:bold;color:#ffffff;text-decoration:none;border-radius:4px\">{label}</a></td></tr></table>",
        url = escape(url),
        label = escape(label)
    )
}

/// A template environment; with `links`, `action_button()` creates tokens
/// (for that recipient) and renders the link; without, it renders nothing.
fn environment(links: Option<LinkContext>) -> Environment<'static> {
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

fn check_template(env: &Environment, path: &str, source: &str, context: &Value) -> Result<(), String> {
    env.template_from_str(source)
        .and_then(|template| {
            crate::ops::template::render_bounded(
                &template,
                &minijinja::Value::from(minijinja::value::Serde(context)),
            )
        })
        .map(|_| ())
        .map_err(|e| {
            let line = e.line().map(|l| format!(" line {l}")).unwrap_or_default();
            format!(
                "{path}{line}: {}{}",
                e.kind(),
                e.detail().map(|d| format!(": {d}")).unwrap_or_default()
            )
        })
}

/// Checks ids, targets and templates; errors name the path in the file.
/// Whether this config can send what an action queues: checked at import
/// and again at every jump, so that no row is queued that no run could send.
fn channel_ready(config: &Config, action: &Action) -> Result<(), String> {
    let missing = match action {
        Action::Email(_) => None,
        Action::Sms(_) => config.sms.gateway.is_none().then_some("sms.gateway"),
        Action::Notify(_) => {
            if config.webpush.private_key_file.is_none() {
                Some("webpush.private_key_file")
            } else if config.webpush.subject.is_none() {
                Some("webpush.subject")
            } else {
                None
            }
        }
        Action::MaarchResponse(_) => {
            if config.maarch.url.is_none() {
                Some("maarch.url")
            } else if config.maarch.username.is_none() {
                Some("maarch.username")
            } else {
                None
            }
        }
    };
    match missing {
        Some(key) => Err(format!(
            "{key} is not configured, so this action could never be sent"
        )),
        None => Ok(()),
    }
}

/// Every action's channel is configured (see `channel_ready`).
fn check_channels(workflow: &Workflow, config: &Config) -> Result<(), String> {
    for (i, status) in workflow.statuses.iter().enumerate() {
        for (a, entry) in status.on_enter.iter().enumerate() {
            let action = entry.action()?;
            channel_ready(config, &action)
                .map_err(|e| format!("statuses[{i}].on_enter[{a}].{}: {e}", action.name()))?;
        }
    }
    Ok(())
}

pub fn validate(workflow: &Workflow) -> Result<(), String> {
    let ids: Vec<&str> = workflow.statuses.iter().map(|s| s.id.as_str()).collect();
    if workflow.name.trim().is_empty() {
        return Err("name: must not be empty".into());
    }
    if !ids.contains(&workflow.initial.as_str()) {
        return Err(format!("initial: unknown status \"{}\"", workflow.initial));
    }
    let mut seen = HashSet::new();
    let env = environment(None);
    let sample = json!({"form": {"number": "1-1", "name": "Demande", "data": {}, "status": "x"}});
    for (i, status) in workflow.statuses.iter().enumerate() {
        if !seen.insert(status.id.as_str()) {
            return Err(format!("statuses[{i}].id: duplicate status \"{}\"", status.id));
        }
        let mut jumps = HashSet::new();
        for (j, jump) in status.jumps.iter().enumerate() {
            if !jumps.insert(jump.id.as_str()) {
                return Err(format!(
                    "statuses[{i}].jumps[{j}].id: duplicate jump \"{}\"",
                    jump.id
                ));
            }
            if !ids.contains(&jump.to.as_str()) {
                return Err(format!(
                    "statuses[{i}].jumps[{j}].to: unknown status \"{}\"",
                    jump.to
                ));
            }
        }
        for (a, action) in status.on_enter.iter().enumerate() {
            let at = format!("statuses[{i}].on_enter[{a}]");
            let action = action.action().map_err(|e| format!("{at}: {e}"))?;
            let texts: Vec<(String, &str)> = match action {
                Action::Email(email) => {
                    let mut texts = vec![(format!("{at}.email.subject"), email.subject.as_str())];
                    texts.push((format!("{at}.email.text"), email.text.as_str()));
                    if let Some(html) = &email.html {
                        texts.push((format!("{at}.email.html"), html.as_str()));
                    }
                    texts.extend(
                        email
                            .to
                            .iter()
                            .enumerate()
                            .map(|(k, t)| (format!("{at}.email.to[{k}]"), t.as_str())),
                    );
                    texts
                }
                Action::Sms(sms) => {
                    let mut texts = vec![(format!("{at}.sms.text"), sms.text.as_str())];
                    texts.extend(
                        sms.to
                            .iter()
                            .enumerate()
                            .map(|(k, t)| (format!("{at}.sms.to[{k}]"), t.as_str())),
                    );
                    texts
                }
                Action::Notify(notify) => vec![
                    (format!("{at}.notify.user"), notify.user.as_str()),
                    (format!("{at}.notify.title"), notify.title.as_str()),
                ],
                Action::MaarchResponse(response) => {
                    if response.content.trim().is_empty() {
                        return Err(format!("{at}.maarch_response.content: must not be empty"));
                    }
                    vec![(format!("{at}.maarch_response.content"), response.content.as_str())]
                }
            };
            for (path, text) in texts {
                check_template(&env, &path, text, &sample)?;
            }
        }
    }
    Ok(())
}

/// `workflow import FILE`.
pub fn import(store: &mut Store, config: &Config, path: &Path) -> anyhow::Result<Workflow> {
    let name = path.display().to_string();
    let text = std::fs::read_to_string(path).map_err(|e| bad_input(format!("cannot read {name}: {e}")))?;
    let workflow = parse_definition(&text, &name)?;
    check_channels(&workflow, config).map_err(|e| bad_input(format!("workflow {name}: {e}")))?;
    store.save_workflow(
        &workflow.name,
        &workflow.label,
        &serde_json::to_string(&workflow)?,
    )?;
    Ok(workflow)
}

/// A workflow file's text, parsed strictly and validated; errors name the
/// line or the path of the key (exit 65).
fn parse_definition(text: &str, name: &str) -> anyhow::Result<Workflow> {
    let workflow: Workflow = serde_yaml::from_str(text).map_err(|e| {
        let message = e.to_string();
        let message = message
            .rfind(" at line ")
            .map(|p| message[..p].to_string())
            .unwrap_or(message);
        match e.location() {
            Some(loc) => bad_input(format!("workflow {name} line {}: {message}", loc.line())),
            None => bad_input(format!("workflow {name}: {message}")),
        }
    })?;
    validate(&workflow).map_err(|e| bad_input(format!("workflow {name}: {e}")))?;
    Ok(workflow)
}

pub fn load(store: &Store, name: &str) -> anyhow::Result<Workflow> {
    let stored = store
        .workflow(name)?
        .ok_or_else(|| bad_input(format!("no workflow \"{name}\" (see `publik workflow list`)")))?;
    serde_json::from_str(&stored.definition).context("stored workflow is unreadable")
}

/// The template context of a form.
fn form_context(
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

fn render(env: &Environment, what: &str, source: &str, context: &Value) -> Result<String, String> {
    env.template_from_str(source)
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
fn enter_status(
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
                let plain = environment(None);
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
                    };
                    let env = environment(Some(link.clone()));
                    let subject = render(&env, &at, &email.subject, context)?;
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
                    let body = NewBody {
                        channel: Channel::Email,
                        content: serde_json::to_string(&content).map_err(|e| e.to_string())?,
                        attachments: Vec::new(),
                    };
                    let row = NewRow {
                        recipient: mailbox.email.to_string(),
                        vars: None,
                        priority: 1,
                        tag: Some(format!(
                            "form:{}",
                            context["form"]["number"].as_str().unwrap_or_default()
                        )),
                        not_before: None,
                        expires_at: None,
                    };
                    effects.sends.push((body, vec![row]));
                    effects
                        .tokens
                        .append(&mut minted.lock().unwrap_or_else(|p| p.into_inner()).tokens);
                }
            }
            Action::Sms(sms) => {
                let plain = environment(None);
                let text = render(&plain, &at, &sms.text, context)?;
                let mut rows = Vec::new();
                for number in &sms.to {
                    let number = render(&plain, &at, number, context)?;
                    let number = crate::phone::normalize(&number, &config.sms.default_country)
                        .map_err(|e| format!("{at}: {e}"))?;
                    rows.push(NewRow {
                        recipient: number,
                        vars: None,
                        priority: 1,
                        tag: None,
                        not_before: None,
                        expires_at: None,
                    });
                }
                let content = crate::ops::sms::SmsContent {
                    text,
                    sender: config.sms.sender.clone(),
                };
                let body = NewBody {
                    channel: Channel::Sms,
                    content: serde_json::to_string(&content).map_err(|e| e.to_string())?,
                    attachments: Vec::new(),
                };
                effects.sends.push((body, rows));
            }
            Action::Notify(notify) => {
                let plain = environment(None);
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
                let plain = environment(None);
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
    Ok(effects)
}

/// The wording users of the platform know.
pub const LINK_USED_OR_EXPIRED: &str = "This action link has already been used or has expired.";
pub const LINK_FORM_REMOVED: &str =
    "This action link is no longer valid as the attached form has been removed.";
pub const LINK_INVALID: &str = "This action link is no longer valid.";

fn change_error(err: FormChangeError) -> anyhow::Error {
    match err {
        FormChangeError::Moved => bad_input("the form changed status meanwhile; nothing was done"),
        FormChangeError::TokenUsed => bad_input(LINK_USED_OR_EXPIRED),
        FormChangeError::Actions(why) => bad_input(format!(
            "the new status's actions failed, nothing was done: {why}"
        )),
        FormChangeError::Db(e) => e.into(),
    }
}

#[derive(Debug, Default)]
pub struct NewForm {
    pub workflow: String,
    pub name: String,
    pub data: Vec<String>,
    pub user: Option<String>,
    pub email: Option<String>,
}

/// `form create`: a number, the initial status, its actions.
pub fn create(store: &mut Store, config: &Config, request: &NewForm, actor: &str) -> anyhow::Result<String> {
    let workflow = load(store, &request.workflow)?;
    if request.name.trim().is_empty() {
        return Err(bad_input("--name: must not be empty"));
    }
    let mut data = serde_json::Map::new();
    for pair in &request.data {
        let (key, value) = pair
            .split_once('=')
            .ok_or_else(|| bad_input(format!("--data: \"{pair}\" is not KEY=VALUE")))?;
        data.insert(key.to_string(), Value::String(value.to_string()));
    }
    let email = match &request.email {
        Some(email) => Some(
            parse_mailbox(email)
                .map_err(|e| bad_input(format!("--email: {e}")))?
                .email
                .to_string(),
        ),
        None => None,
    };
    let initial = workflow
        .status(&workflow.initial)
        .context("initial status missing")?
        .clone();
    let data = Value::Object(data);
    let config = config.clone();
    let link_key_path = crate::link_key::path_for(&config, store.path());
    let number = store
        .create_form(
            &workflow.name,
            &request.name,
            &data.to_string(),
            request.user.as_deref(),
            email.as_deref(),
            &initial.id,
            actor,
            |reader, number| {
                let context = form_context(
                    number,
                    &request.name,
                    &data,
                    request.user.as_deref(),
                    email.as_deref(),
                    &initial,
                );
                enter_status(&config, &link_key_path, reader, &initial, &context)
            },
        )
        .map_err(change_error)?;
    Ok(number)
}

/// `form jump` (and, later, action links): the jump must be offered by the
/// form's current status.
pub fn jump(
    store: &mut Store,
    config: &Config,
    number: &str,
    jump_id: &str,
    actor: &str,
) -> anyhow::Result<Form> {
    let form = store
        .form(number)?
        .ok_or_else(|| bad_input(format!("no form \"{number}\"")))?;
    let workflow = load(store, &form.workflow)?;
    let current = workflow
        .status(&form.status)
        .context("the form's status is not in its workflow")?;
    let Some(jump) = current.jumps.iter().find(|j| j.id == jump_id) else {
        let offered: Vec<&str> = current.jumps.iter().map(|j| j.id.as_str()).collect();
        return Err(bad_input(format!(
            "jump \"{jump_id}\" is not offered by status \"{}\" of form {number} (offered: {})",
            current.id,
            if offered.is_empty() {
                "none".to_string()
            } else {
                offered.join(", ")
            }
        )));
    };
    let target = workflow.status(&jump.to).context("jump target missing")?.clone();
    let link_key_path = crate::link_key::path_for(config, store.path());
    let context = form_context(
        &form.number,
        &form.name,
        &form.data,
        form.user.as_deref(),
        form.email.as_deref(),
        &target,
    );
    store
        .jump_form(&form, &target.id, jump_id, actor, None, |reader| {
            enter_status(config, &link_key_path, reader, &target, &context)
        })
        .map_err(change_error)?;
    Ok(store.form(number)?.unwrap_or(form))
}

/// `purge-tokens`: expired links, and links used longer ago than `grace`.
pub fn purge_tokens(store: &mut Store, grace: Duration) -> anyhow::Result<usize> {
    let now = crate::clock::now();
    Ok(store.purge_action_tokens(now, now - grace.chrono())?)
}

/// The token of `TOKEN`, `…/actions/TOKEN/` or a full URL.
pub fn token_from(text: &str) -> &str {
    let trimmed = text.trim().trim_end_matches('/');
    trimmed.rsplit('/').next().unwrap_or(trimmed)
}

/// A valid action link: the form, its workflow, the jump it offers.
pub struct ValidLink {
    pub token: crate::store::ActionToken,
    pub hash: [u8; 32],
    pub form: Form,
    pub workflow: Workflow,
    pub jump: Jump,
}

/// Checks a link the way the page and `run-jump` both do. Errors carry the
/// wording users know (exit 65).
pub fn check_link(store: &Store, text: &str) -> anyhow::Result<ValidLink> {
    let token_text = token_from(text);
    if !crate::token::looks_valid(token_text) {
        return Err(bad_input(LINK_INVALID));
    }
    let hash = crate::token::hash(token_text);
    let token = store
        .action_token(&hash)?
        .ok_or_else(|| bad_input(LINK_INVALID))?;
    if token.used_at.is_some() || token.expires_at <= crate::clock::now() {
        return Err(bad_input(LINK_USED_OR_EXPIRED));
    }
    let form = store
        .form_by_id(token.form_id)?
        .ok_or_else(|| bad_input(LINK_FORM_REMOVED))?;
    // Dead as soon as the form left the status that offered the jump.
    if form.status != token.status {
        return Err(bad_input(LINK_INVALID));
    }
    let workflow = load(store, &form.workflow)?;
    let jump = workflow
        .status(&form.status)
        .and_then(|s| s.jumps.iter().find(|j| j.id == token.jump))
        .cloned()
        .ok_or_else(|| bad_input(LINK_INVALID))?;
    Ok(ValidLink {
        token,
        hash,
        form,
        workflow,
        jump,
    })
}

/// `run-jump` and the page's POST: runs the jump a link names, consuming the
/// link in the same transaction; the history names the link's recipient (or
/// `actor`). Returns the form after the jump and the link's done message.
pub fn run_link(
    store: &mut Store,
    config: &Config,
    text: &str,
    actor: Option<&str>,
) -> anyhow::Result<(Form, Option<String>)> {
    let link = check_link(store, text)?;
    let target = link
        .workflow
        .status(&link.jump.to)
        .context("jump target missing")?
        .clone();
    let who = actor
        .map(str::to_string)
        .or_else(|| link.token.recipient.clone())
        .unwrap_or_else(|| "action link".into());
    let link_key_path = crate::link_key::path_for(config, store.path());
    let form = &link.form;
    let context = form_context(
        &form.number,
        &form.name,
        &form.data,
        form.user.as_deref(),
        form.email.as_deref(),
        &target,
    );
    store
        .jump_form(
            form,
            &target.id,
            &link.jump.id,
            &who,
            Some(&link.hash),
            |reader| enter_status(config, &link_key_path, reader, &target, &context),
        )
        .map_err(|e| match e {
            FormChangeError::Moved => bad_input(LINK_INVALID),
            other => change_error(other),
        })?;
    let after = store.form(&form.number)?.unwrap_or_else(|| form.clone());
    Ok((after, link.token.done_message))
}

#[derive(Debug, Serialize)]
pub struct IssuedLink {
    pub token: String,
    pub url: String,
    pub expires_at: crate::clock::Timestamp,
}

/// `issue-action-token`: a link for scripts and other senders.
#[allow(clippy::too_many_arguments)]
pub fn issue_link(
    store: &mut Store,
    config: &Config,
    number: &str,
    jump_id: &str,
    ttl: Option<Duration>,
    recipient: Option<&str>,
    label: Option<&str>,
    message: Option<&str>,
) -> anyhow::Result<IssuedLink> {
    let form = store
        .form(number)?
        .ok_or_else(|| bad_input(format!("--form: no form \"{number}\"")))?;
    let workflow = load(store, &form.workflow)?;
    let jump = workflow
        .status(&form.status)
        .and_then(|s| s.jumps.iter().find(|j| j.id == jump_id))
        .ok_or_else(|| {
            bad_input(format!(
                "--action: status \"{}\" of form {number} offers no jump \"{jump_id}\"",
                form.status
            ))
        })?;
    let ttl = ttl.unwrap_or(DEFAULT_TOKEN_TTL);
    if ttl > MAX_TOKEN_TTL {
        return Err(bad_input(format!("--ttl: {ttl} is over the 365d maximum")));
    }
    if ttl.as_secs() == 0 {
        return Err(bad_input("--ttl: must be more than 0s"));
    }
    let recipient = match recipient {
        Some(r) => Some(
            parse_mailbox(r)
                .map_err(|e| bad_input(format!("--recipient: {e}")))?
                .email
                .to_string(),
        ),
        None => None,
    };
    let (token, hash) = crate::token::generate()?;
    let expires_at = crate::clock::now() + ttl.chrono();
    store.insert_action_token(
        &form,
        &NewActionToken {
            hash,
            jump: jump.id.clone(),
            recipient,
            label: label.unwrap_or(&jump.label).to_string(),
            message: message.map(str::to_string),
            done_message: None,
            expires_at,
        },
    )?;
    let url = format!(
        "{}/actions/{token}/",
        config.serve.public_url.trim_end_matches('/')
    );
    Ok(IssuedLink {
        token,
        url,
        expires_at,
    })
}

#[derive(Debug, Serialize)]
pub struct FormDetail {
    #[serde(flatten)]
    pub form: Form,
    pub status_label: String,
    pub jumps: Vec<Jump>,
    pub history: Vec<HistoryEntry>,
}

pub fn show(store: &Store, number: &str) -> anyhow::Result<FormDetail> {
    let form = store
        .form(number)?
        .ok_or_else(|| bad_input(format!("no form \"{number}\"")))?;
    let workflow = load(store, &form.workflow)?;
    let status = workflow.status(&form.status);
    Ok(FormDetail {
        status_label: status.map(|s| s.label.clone()).unwrap_or_default(),
        jumps: status.map(|s| s.jumps.clone()).unwrap_or_default(),
        history: store.form_history(form.id)?,
        form,
    })
}

#[cfg(test)]
mod properties {
    use proptest::prelude::*;

    use crate::testing::{config, text_from};

    const PIECES: &[&str] = &[
        "\n",
        "  ",
        "    ",
        "      ",
        "- ",
        "name: w",
        "label: W",
        "initial: a",
        "statuses:",
        "id: a",
        "id: b",
        "label: A",
        "jumps:",
        "to: b",
        "to: a",
        "on_enter:",
        "email:",
        "sms:",
        "notify:",
        "maarch_response:",
        "to: [\"x@example.org\"]",
        "subject: ",
        "text: ",
        "{{ form.number }}",
        "{{ action_button(\"go\") }}",
        "{% for i in range(3) %}",
        "{% endfor %}",
        "{{",
        "}}",
        "{%",
        "%}",
        "\"",
        "'",
        "{",
        "}",
        "[",
        "]",
        ": ",
    ];

    proptest! {
        #![proptest_config(config())]

        /// Any text is a workflow or a clear error (65), never a panic.
        #[test]
        fn workflow_text_never_panics(text in text_from(PIECES)) {
            if let Err(e) = super::parse_definition(&text, "w.yaml") {
                prop_assert_eq!(crate::exit_codes::ExitCode::for_error(&e), crate::exit_codes::ExitCode::DataErr);
            }
        }
    }
}
