//! The embedded workflow engine: workflows are YAML files of statuses with
//! manual jumps and actions run on entering a status (email, SMS, Web Push);
//! forms are the citizens' requests moving through them. A jump is one
//! transaction: status, history, and the new status's messages queued.

use std::path::Path;

use anyhow::Context;
use serde::Serialize;
use serde_json::Value;

use crate::address::parse_mailbox;
use crate::config::Config;
use crate::duration::Duration;
use crate::exit_codes::{BadInput, bad_field, bad_input};
use crate::store::{Form, FormChangeError, HistoryEntry, NewActionToken, Store};

mod actions;
mod buttons;
mod definition;
pub(crate) mod remote;

use actions::{enter_status, form_context, stored_form_context};
pub(crate) use buttons::{DEFAULT_TOKEN_TTL, MAX_TOKEN_TTL, token_ttl};
pub(crate) use definition::*;
use definition::{check_channels, parse_definition};

/// `workflow import`: a definition's YAML `text`, from the file `name`.
pub(crate) fn import(store: &mut Store, config: &Config, text: &str, name: &str) -> anyhow::Result<Workflow> {
    let workflow = parse_definition(text, name)?;
    check_channels(&workflow, config).map_err(|e| bad_input(format!("workflow {name}: {e}")))?;
    store.save_workflow(
        &workflow.name,
        &workflow.label,
        &serde_json::to_string(&workflow)?,
    )?;
    Ok(workflow)
}

/// A stored workflow, by name.
pub(crate) fn load(store: &Store, name: &str) -> anyhow::Result<Workflow> {
    let stored = store
        .workflow(name)?
        .ok_or_else(|| bad_input(format!("no workflow \"{name}\" (see `publik workflow list`)")))?;
    serde_json::from_str(&stored.definition).context("stored workflow is unreadable")
}

/// The wording users of the platform know.
pub(crate) const LINK_USED_OR_EXPIRED: &str = "This action link has already been used or has expired.";
pub(crate) const LINK_FORM_REMOVED: &str =
    "This action link is no longer valid as the attached form has been removed.";
pub(crate) const LINK_INVALID: &str = "This action link is no longer valid.";
pub(crate) const COMMENT_REQUIRED: &str = "A comment is required.";

fn change_error(err: FormChangeError) -> anyhow::Error {
    match err {
        FormChangeError::Moved => bad_input("the form changed status meanwhile; nothing was done"),
        FormChangeError::TokenUsed => bad_input(LINK_USED_OR_EXPIRED),
        // Bad input stays bad input, said on one line as before; another
        // failure (a read of the state, a peer) keeps its own kind.
        FormChangeError::Actions(why) if why.chain().any(|cause| cause.is::<BadInput>()) => bad_input(
            format!("the new status's actions failed, nothing was done: {why:#}"),
        ),
        FormChangeError::Actions(why) => why.context("the new status's actions failed, nothing was done"),
        FormChangeError::Db(e) => e.into(),
    }
}

#[derive(Debug, Default)]
pub(crate) struct NewForm {
    pub workflow: String,
    pub name: String,
    pub data: Vec<String>,
    pub user: Option<String>,
    pub email: Option<String>,
}

/// `form create`: a number, the initial status, its actions.
pub(crate) fn create(
    store: &mut Store,
    config: &Config,
    link_key: &Path,
    request: &NewForm,
    actor: &str,
) -> anyhow::Result<String> {
    let workflow = load(store, &request.workflow)?;
    if request.name.trim().is_empty() {
        return Err(bad_field("name", "must not be empty"));
    }
    let data = parse_data(&request.data)?;
    let email = match &request.email {
        Some(email) => Some(
            parse_mailbox(email)
                .map_err(|e| bad_field("email", e.to_string()))?
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
                enter_status(&config, link_key, reader, &initial, &context)
            },
        )
        .map_err(change_error)?;
    Ok(number)
}

/// `KEY=VALUE` pairs (`--data`, a page's fields) as a JSON object: read
/// here only, whoever passes them.
fn parse_data(pairs: &[String]) -> anyhow::Result<serde_json::Map<String, Value>> {
    let mut data = serde_json::Map::new();
    for pair in pairs {
        let (key, value) = pair
            .split_once('=')
            .filter(|(key, _)| !key.trim().is_empty())
            .ok_or_else(|| bad_field("data", format!("\"{pair}\" is not KEY=VALUE")))?;
        data.insert(key.trim().to_string(), Value::String(value.to_string()));
    }
    Ok(data)
}

/// The template context of a form entering `target` by `jump`, with what
/// the jump carried: `{{ jump.data.comment }}`.
fn jump_context(
    form: &Form,
    target: &StatusDef,
    jump: &Jump,
    data: &serde_json::Map<String, Value>,
) -> Value {
    let mut context = stored_form_context(form, target);
    context["jump"] = serde_json::json!({"id": jump.id, "label": jump.label, "data": data});
    context
}

/// The JSON kept in the history, when the jump carried anything.
fn history_data(data: &serde_json::Map<String, Value>) -> Option<String> {
    (!data.is_empty()).then(|| Value::Object(data.clone()).to_string())
}

/// `form jump NUMBER JUMP [--data KEY=VALUE…]`: the jump must be offered by
/// the form's current status.
pub(crate) fn jump(
    store: &mut Store,
    config: &Config,
    link_key: &Path,
    number: &str,
    jump_id: &str,
    actor: &str,
    data: &[String],
) -> anyhow::Result<Form> {
    let data = parse_data(data)?;
    let form = store
        .form(number)?
        .ok_or_else(|| bad_input(format!("no form \"{number}\"")))?;
    let workflow = load(store, &form.workflow)?;
    jump_form(store, config, link_key, (form, &workflow), jump_id, actor, &data)
}

/// Runs `jump_id` on a form in hand (its workflow loaded once by the
/// caller: a bulk jump holds both already).
fn jump_form(
    store: &mut Store,
    config: &Config,
    link_key: &Path,
    (form, workflow): (Form, &Workflow),
    jump_id: &str,
    actor: &str,
    data: &serde_json::Map<String, Value>,
) -> anyhow::Result<Form> {
    let number = form.number.clone();
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
    let context = jump_context(&form, &target, jump, data);
    let recorded = history_data(data);
    store
        .jump_form(
            &form,
            &target.id,
            jump_id,
            (actor, recorded.as_deref()),
            None,
            |reader| enter_status(config, link_key, reader, &target, &context),
        )
        .map_err(change_error)?;
    Ok(store.form(&number)?.unwrap_or(form))
}

/// `form jump --workflow W --status S --trigger T`: which forms, and what
/// the jump carries.
#[derive(Debug, Default)]
pub(crate) struct BulkJump {
    pub workflow: String,
    pub status: String,
    pub trigger: String,
    /// `field=value` the form's data must hold.
    pub filters: Vec<String>,
    /// Only forms in the status (last changed) longer ago than this.
    pub older_than: Option<Duration>,
    pub data: Vec<String>,
    pub dry_run: bool,
}

/// One form's outcome in a bulk jump.
#[derive(Debug, Serialize)]
pub(crate) struct BulkOutcome {
    pub number: String,
    /// `jumped`, `would jump` (dry run) or `failed`.
    pub outcome: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
}

/// w.c.s.'s trigger jumps: the jump `trigger` for every form of `workflow`
/// in `status` that matches, each in its own transaction (one failing
/// leaves the others done).
pub(crate) fn jump_all(
    store: &mut Store,
    config: &Config,
    link_key: &Path,
    request: &BulkJump,
    actor: &str,
) -> anyhow::Result<Vec<BulkOutcome>> {
    let workflow = load(store, &request.workflow)?;
    let status = workflow.status(&request.status).ok_or_else(|| {
        bad_field(
            "status",
            format!("workflow {} has no status \"{}\"", workflow.name, request.status),
        )
    })?;
    if !status.jumps.iter().any(|j| j.id == request.trigger) {
        return Err(bad_field(
            "trigger",
            format!("status \"{}\" offers no jump \"{}\"", status.id, request.trigger),
        ));
    }
    let filters: Vec<(String, String)> = parse_data(&request.filters)
        .map_err(|_| bad_field("filters", "expected FIELD=VALUE"))?
        .into_iter()
        .map(|(k, v)| (k, v.as_str().unwrap_or_default().to_string()))
        .collect();
    let data = parse_data(&request.data)?;
    let before = request.older_than.map(|age| crate::clock::now() - age.chrono());
    let forms: Vec<Form> = store
        .forms(Some(&request.status), Some(&request.workflow))?
        .into_iter()
        .filter(|form| before.is_none_or(|before| form.updated_at <= before))
        .filter(|form| {
            filters.iter().all(|(key, value)| match &form.data[key] {
                Value::String(s) => s == value,
                Value::Null => false,
                other => serde_json::from_str::<Value>(value).is_ok_and(|v| v == *other),
            })
        })
        .collect();
    let mut outcomes = Vec::with_capacity(forms.len());
    for form in forms {
        if request.dry_run {
            outcomes.push(BulkOutcome {
                number: form.number,
                outcome: "would jump",
                error: None,
            });
            continue;
        }
        let number = form.number.clone();
        let outcome = match jump_form(
            store,
            config,
            link_key,
            (form, &workflow),
            &request.trigger,
            actor,
            &data,
        ) {
            Ok(_) => BulkOutcome {
                number,
                outcome: "jumped",
                error: None,
            },
            Err(e) => BulkOutcome {
                number,
                outcome: "failed",
                error: Some(format!("{e:#}")),
            },
        };
        outcomes.push(outcome);
    }
    Ok(outcomes)
}

/// `purge-tokens`: expired links, and links used longer ago than `grace`.
pub(crate) fn purge_tokens(store: &mut Store, grace: Duration) -> anyhow::Result<usize> {
    let now = crate::clock::now();
    Ok(store.purge_action_tokens(now, now - grace.chrono())?)
}

/// The token of `TOKEN`, `…/actions/TOKEN/` or a full URL.
pub(crate) fn token_from(text: &str) -> &str {
    let trimmed = text.trim().trim_end_matches('/');
    trimmed.rsplit('/').next().unwrap_or(trimmed)
}

/// A valid action link: the form, its workflow, the jump it offers.
pub(crate) struct ValidLink {
    pub token: crate::store::ActionToken,
    pub hash: [u8; 32],
    pub form: Form,
    pub workflow: Workflow,
    pub jump: Jump,
}

/// A live link: to a form of this state, or to a remote w.c.s. form.
pub(crate) enum Link {
    Local(Box<ValidLink>),
    Remote {
        token: Box<crate::store::ActionToken>,
        hash: [u8; 32],
    },
}

/// Checks a link the way the page and `run-jump` both do. Errors carry the
/// wording users know (exit 65).
pub(crate) fn look_up(store: &Store, text: &str) -> anyhow::Result<Link> {
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
    if token.remote_form.is_some() {
        return Ok(Link::Remote {
            token: Box::new(token),
            hash,
        });
    }
    check_local(store, token, hash).map(|link| Link::Local(Box::new(link)))
}

/// A link to a form of this state (a remote link is not one).
pub(crate) fn check_link(store: &Store, text: &str) -> anyhow::Result<ValidLink> {
    match look_up(store, text)? {
        Link::Local(link) => Ok(*link),
        Link::Remote { .. } => Err(bad_input(LINK_INVALID)),
    }
}

fn check_local(store: &Store, token: crate::store::ActionToken, hash: [u8; 32]) -> anyhow::Result<ValidLink> {
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
pub(crate) fn run_link(
    store: &mut Store,
    config: &Config,
    link_key: &Path,
    text: &str,
    actor: Option<&str>,
    data: &[String],
) -> anyhow::Result<(Option<Form>, Option<String>)> {
    let data = &parse_data(data)?;
    let link = match look_up(store, text)? {
        Link::Local(link) => *link,
        Link::Remote { token, hash } => {
            return Ok((None, remote::run(store, config, &token, &hash, data)?));
        }
    };
    let commented = data
        .get("comment")
        .and_then(Value::as_str)
        .is_some_and(|c| !c.trim().is_empty());
    if link.token.comment.as_deref() == Some("required") && !commented {
        return Err(bad_field("comment", COMMENT_REQUIRED));
    }
    let target = link
        .workflow
        .status(&link.jump.to)
        .context("jump target missing")?
        .clone();
    let who = actor
        .map(str::to_string)
        .or_else(|| link.token.recipient.clone())
        .unwrap_or_else(|| "action link".into());
    let form = &link.form;
    let context = jump_context(form, &target, &link.jump, data);
    let recorded = history_data(data);
    store
        .jump_form(
            form,
            &target.id,
            &link.jump.id,
            (&who, recorded.as_deref()),
            Some(&link.hash),
            |reader| enter_status(config, link_key, reader, &target, &context),
        )
        .map_err(|e| match e {
            FormChangeError::Moved => bad_input(LINK_INVALID),
            other => change_error(other),
        })?;
    let after = store.form(&form.number)?.unwrap_or_else(|| form.clone());
    Ok((Some(after), link.token.done_message))
}

#[derive(Debug, Serialize)]
pub(crate) struct IssuedLink {
    pub token: String,
    pub url: String,
    pub expires_at: crate::clock::Timestamp,
}

/// `issue-action-token`: a link for scripts and other senders.
#[allow(clippy::too_many_arguments)]
pub(crate) fn issue_link(
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
        .ok_or_else(|| bad_field("form", format!("no form \"{number}\"")))?;
    let workflow = load(store, &form.workflow)?;
    let jump = workflow
        .status(&form.status)
        .and_then(|s| s.jumps.iter().find(|j| j.id == jump_id))
        .ok_or_else(|| {
            bad_field(
                "action",
                format!(
                    "status \"{}\" of form {number} offers no jump \"{jump_id}\"",
                    form.status
                ),
            )
        })?;
    let (link, new) = new_link(
        config,
        ttl,
        recipient,
        label.unwrap_or(&jump.label),
        message,
        &jump.id,
    )?;
    store.insert_action_token(&form, &new)?;
    Ok(link)
}

/// A new link for scripts (`issue-action-token`): its token and URL, and
/// the row to keep (the token's hash). The lifetime and the recipient are
/// checked here.
pub(super) fn new_link(
    config: &Config,
    ttl: Option<Duration>,
    recipient: Option<&str>,
    label: &str,
    message: Option<&str>,
    jump: &str,
) -> anyhow::Result<(IssuedLink, NewActionToken)> {
    let ttl = ttl.unwrap_or(DEFAULT_TOKEN_TTL);
    if ttl > MAX_TOKEN_TTL {
        return Err(bad_field("ttl", format!("{ttl} is over the 365d maximum")));
    }
    if ttl.as_secs() == 0 {
        return Err(bad_field("ttl", "must be more than 0s"));
    }
    let recipient = match recipient {
        Some(r) => Some(
            parse_mailbox(r)
                .map_err(|e| bad_field("recipient", e.to_string()))?
                .email
                .to_string(),
        ),
        None => None,
    };
    let (token, hash) = crate::token::generate()?;
    let expires_at = crate::clock::now() + ttl.chrono();
    let new = NewActionToken {
        hash,
        jump: jump.to_string(),
        recipient,
        label: label.to_string(),
        message: message.map(str::to_string),
        done_message: None,
        expires_at,
        comment: None,
        remote_form: None,
    };
    let url = format!(
        "{}/actions/{token}/",
        config.serve.public_url.trim_end_matches('/')
    );
    Ok((
        IssuedLink {
            token,
            url,
            expires_at,
        },
        new,
    ))
}

#[derive(Debug, Serialize)]
pub(crate) struct FormDetail {
    #[serde(flatten)]
    pub form: Form,
    pub status_label: String,
    pub jumps: Vec<Jump>,
    pub history: Vec<HistoryEntry>,
}

pub(crate) fn show(store: &Store, number: &str) -> anyhow::Result<FormDetail> {
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
mod tests {
    use super::*;
    use crate::exit_codes::{ExitCode, peer_down};

    /// An action's failure keeps its kind: bad input 65 (one line, as
    /// before), a failed read of the state 1, a peer down 75.
    #[test]
    fn an_action_failure_keeps_its_kind() {
        let bad = change_error(FormChangeError::Actions(bad_input(
            "status a action 1: no such filter",
        )));
        assert_eq!(ExitCode::for_error(&bad), ExitCode::DataErr);
        assert_eq!(
            bad.to_string(),
            "the new status's actions failed, nothing was done: status a action 1: no such filter"
        );
        let read = change_error(FormChangeError::Actions(crate::store::DbError::NoRows.into()));
        assert_eq!(ExitCode::for_error(&read), ExitCode::Failure);
        assert_eq!(
            read.to_string(),
            "the new status's actions failed, nothing was done"
        );
        let down = change_error(FormChangeError::Actions(peer_down("Maarch is unreachable")));
        assert_eq!(ExitCode::for_error(&down), ExitCode::TempFail);
    }
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
