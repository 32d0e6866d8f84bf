//! Action links: single-use, expiring tokens a workflow's email carries
//! (or a remote w.c.s. form's), issued, looked up for the page `serve`
//! shows, and run by the POST (or `run-jump`) as the jump they stand for,
//! in one transaction; purged once used or expired.

use std::path::Path;

use anyhow::Context;
use serde::Serialize;
use serde_json::Value;

use super::actions::enter_status;
use super::{
    COMMENT_REQUIRED, DEFAULT_TOKEN_TTL, Jump, LINK_FORM_REMOVED, LINK_INVALID, LINK_USED_OR_EXPIRED,
    MAX_TOKEN_TTL, Workflow, change_error, history_data, jump_context, load, parse_data, remote,
};
use crate::address::parse_mailbox;
use crate::config::Config;
use crate::duration::Duration;
use crate::exit_codes::{bad_field, bad_input};
use crate::store::{Form, FormChangeError, NewActionToken, Store};

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
