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
use crate::store::{Form, FormChangeError, HistoryEntry, Store};

mod actions;
mod buttons;
mod definition;
mod links;
pub(crate) mod remote;

use actions::{enter_status, form_context, stored_form_context};
pub(crate) use buttons::{DEFAULT_TOKEN_TTL, MAX_TOKEN_TTL, token_ttl};
pub(crate) use definition::*;
use definition::{check_channels, parse_definition};
pub(crate) use links::*;

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
