//! A workflow file: its schema, parsed strictly, and its validation with
//! errors that name the path of the key (`statuses[0].jumps[1].to`).

use std::collections::HashSet;

use minijinja::Environment;
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};

use crate::config::Config;
use crate::exit_codes::bad_input;

use super::buttons::{environment, environment_without_buttons, tag_syntax};

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Workflow {
    pub name: String,
    pub label: String,
    pub initial: String,
    pub statuses: Vec<StatusDef>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct StatusDef {
    pub id: String,
    pub label: String,
    #[serde(default)]
    pub jumps: Vec<Jump>,
    #[serde(default)]
    pub on_enter: Vec<ActionEntry>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Jump {
    pub id: String,
    pub label: String,
    pub to: String,
}

/// One action, written `- email: {...}`, `- sms: {...}`, `- notify: {...}`
/// or `- maarch_response: {...}` (a YAML parser would want `!email` tags for an
/// enum).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct ActionEntry {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<EmailAction>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sms: Option<SmsAction>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notify: Option<NotifyAction>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub maarch_response: Option<MaarchResponseAction>,
}

pub(crate) enum Action<'a> {
    Email(&'a EmailAction),
    Sms(&'a SmsAction),
    Notify(&'a NotifyAction),
    MaarchResponse(&'a MaarchResponseAction),
}

impl ActionEntry {
    /// The one action this entry holds.
    pub(crate) fn action(&self) -> Result<Action<'_>, String> {
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
    pub(super) fn name(&self) -> &'static str {
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
pub(crate) struct EmailAction {
    pub to: Vec<String>,
    pub subject: String,
    pub text: String,
    #[serde(default)]
    pub html: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct SmsAction {
    pub to: Vec<String>,
    pub text: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct NotifyAction {
    pub user: String,
    pub title: String,
    #[serde(default)]
    pub body: Option<String>,
    #[serde(default)]
    pub url: Option<String>,
}

/// Answers the Maarch mails linked to the form (`publik mail link`)
/// and not answered yet: their status becomes `maarch.status_response` with
/// `content` as history message. Nothing happens for a form without such mail.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct MaarchResponseAction {
    pub content: String,
}

impl Workflow {
    pub(crate) fn status(&self, id: &str) -> Option<&StatusDef> {
        self.statuses.iter().find(|s| s.id == id)
    }
}

fn check_template(env: &Environment, path: &str, source: &str, context: &Value) -> Result<(), String> {
    env.template_from_str(&tag_syntax(source))
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
pub(super) fn channel_ready(config: &Config, action: &Action) -> Result<(), String> {
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
pub(super) fn check_channels(workflow: &Workflow, config: &Config) -> Result<(), String> {
    for (i, status) in workflow.statuses.iter().enumerate() {
        for (a, entry) in status.on_enter.iter().enumerate() {
            let action = entry.action()?;
            channel_ready(config, &action)
                .map_err(|e| format!("statuses[{i}].on_enter[{a}].{}: {e}", action.name()))?;
        }
    }
    Ok(())
}

pub(crate) fn validate(workflow: &Workflow) -> Result<(), String> {
    let ids: Vec<&str> = workflow.statuses.iter().map(|s| s.id.as_str()).collect();
    if workflow.name.trim().is_empty() {
        return Err("name: must not be empty".into());
    }
    if !ids.contains(&workflow.initial.as_str()) {
        return Err(format!("initial: unknown status \"{}\"", workflow.initial));
    }
    let mut seen = HashSet::new();
    // Buttons work in an email's text and html and an SMS's text only.
    let with_buttons = environment(None);
    let without_buttons = environment_without_buttons("this field");
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
            // (path, template, whether a button can work there)
            let texts: Vec<(String, &str, bool)> = match action {
                Action::Email(email) => {
                    let mut texts = vec![(format!("{at}.email.subject"), email.subject.as_str(), false)];
                    texts.push((format!("{at}.email.text"), email.text.as_str(), true));
                    if let Some(html) = &email.html {
                        texts.push((format!("{at}.email.html"), html.as_str(), true));
                    }
                    texts.extend(
                        email
                            .to
                            .iter()
                            .enumerate()
                            .map(|(k, t)| (format!("{at}.email.to[{k}]"), t.as_str(), false)),
                    );
                    texts
                }
                Action::Sms(sms) => {
                    let mut texts = vec![(format!("{at}.sms.text"), sms.text.as_str(), true)];
                    texts.extend(
                        sms.to
                            .iter()
                            .enumerate()
                            .map(|(k, t)| (format!("{at}.sms.to[{k}]"), t.as_str(), false)),
                    );
                    texts
                }
                Action::Notify(notify) => {
                    let mut texts = vec![
                        (format!("{at}.notify.user"), notify.user.as_str(), false),
                        (format!("{at}.notify.title"), notify.title.as_str(), false),
                    ];
                    if let Some(body) = &notify.body {
                        texts.push((format!("{at}.notify.body"), body.as_str(), false));
                    }
                    if let Some(url) = &notify.url {
                        texts.push((format!("{at}.notify.url"), url.as_str(), false));
                    }
                    texts
                }
                Action::MaarchResponse(response) => {
                    if response.content.trim().is_empty() {
                        return Err(format!("{at}.maarch_response.content: must not be empty"));
                    }
                    vec![(
                        format!("{at}.maarch_response.content"),
                        response.content.as_str(),
                        false,
                    )]
                }
            };
            for (path, text, buttons) in texts {
                let env = if buttons { &with_buttons } else { &without_buttons };
                check_template(env, &path, text, &sample)?;
            }
        }
    }
    Ok(())
}

/// A workflow file's text, parsed strictly and validated; errors name the
/// line or the path of the key (exit 65).
pub(super) fn parse_definition(text: &str, name: &str) -> anyhow::Result<Workflow> {
    let workflow: Workflow =
        crate::yaml::from_str(text).map_err(|e| bad_input(e.in_file("workflow", name)))?;
    validate(&workflow).map_err(|e| bad_input(format!("workflow {name}: {e}")))?;
    Ok(workflow)
}
