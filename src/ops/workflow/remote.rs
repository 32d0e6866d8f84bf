//! Action links that act on a form of a remote w.c.s.: the landing page and
//! `run-jump` call its jump-trigger API, `POST {form_url}jump/trigger/{trigger}/`,
//! with the jump data as JSON, on a URL signed with Publik's scheme (query
//! `algo`, `timestamp`, `nonce`, `orig`, then `signature` = base64 of the
//! HMAC-SHA256 of the query with the key shared with that service).
//!
//! The link is claimed before the call (a second click cannot call twice)
//! and given back when the remote cannot be reached or fails (5xx: try again
//! later); a remote that no longer offers the trigger (404) kills it.

use serde_json::Value;

use crate::config::Config;
use crate::exit_codes::{bad_field, bad_input, peer_down};
use crate::store::{ActionToken, Store};

use super::{IssuedLink, LINK_INVALID};

/// `issue-action-token --wcs-form URL --trigger NAME`.
pub(crate) fn issue(
    store: &mut Store,
    config: &Config,
    form_url: &str,
    trigger: &str,
    ttl: Option<crate::duration::Duration>,
    (recipient, label, message): (Option<&str>, Option<&str>, Option<&str>),
) -> anyhow::Result<IssuedLink> {
    if config.wcs.service_for(form_url).is_none() {
        return Err(bad_field(
            "wcs_form",
            format!("\"{form_url}\" is under no wcs.services url (configure the w.c.s. it belongs to)"),
        ));
    }
    if trigger.is_empty()
        || !trigger
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
    {
        return Err(bad_field(
            "trigger",
            format!("\"{trigger}\" is not a trigger name"),
        ));
    }
    let form_url = if form_url.ends_with('/') {
        form_url.to_string()
    } else {
        format!("{form_url}/")
    };
    let (link, new) = super::new_link(config, ttl, recipient, label.unwrap_or(trigger), message, trigger)?;
    store.insert_remote_action_token(&form_url, &new)?;
    Ok(link)
}

/// Runs a remote link's trigger. Errors: the link is dead (65, consumed),
/// the remote is down or failing (75, the link still works), the remote
/// refuses our signature (1: a config problem, the link still works).
pub(crate) fn run(
    store: &mut Store,
    config: &Config,
    token: &ActionToken,
    hash: &[u8; 32],
    data: &serde_json::Map<String, Value>,
) -> anyhow::Result<Option<String>> {
    let form_url = token.remote_form.as_deref().unwrap_or_default();
    let Some((name, service)) = config.wcs.service_for(form_url) else {
        anyhow::bail!("wcs.services: no service for {form_url} any more; the link cannot act");
    };
    let key = service
        .resolved_key
        .as_ref()
        .map(|k| k.expose())
        .unwrap_or_default();
    if !store.claim_action_token(hash)? {
        return Err(bad_input(super::LINK_USED_OR_EXPIRED));
    }
    let timestamp = crate::clock::now().format("%Y-%m-%dT%H:%M:%SZ").to_string();
    let nonce = crate::token::random_hex(16)?;
    let url = format!(
        "{form_url}jump/trigger/{}/?{}",
        token.jump,
        crate::signed_url::sign_query("", key, &service.orig, &timestamp, &nonce)?
    );
    let agent = crate::ops::http_client::agent(service.timeout.std());
    let outcome = agent.post(&url).send_json(Value::Object(data.clone()));
    let give_back = |store: &mut Store, err: anyhow::Error| -> anyhow::Result<Option<String>> {
        store.release_action_token(hash)?;
        Err(err)
    };
    let mut response = match outcome {
        Ok(response) => response,
        Err(e) => {
            return give_back(
                store,
                peer_down(format!("w.c.s. {name} ({form_url}) cannot be reached: {e}")),
            );
        }
    };
    // The URL is signed with the service's key: no redirect is followed.
    if let Err(not_followed) = crate::ops::http_client::next_url(&url, &response, false) {
        return give_back(
            store,
            anyhow::anyhow!("w.c.s. {name} ({form_url}): {not_followed}"),
        );
    }
    let status = response.status().as_u16();
    let reply: Value = response
        .body_mut()
        .with_config()
        .limit(1 << 20)
        .read_json()
        .unwrap_or(Value::Null);
    let err = reply.get("err").and_then(Value::as_i64).unwrap_or(0);
    let describe = || {
        reply
            .get("err_desc")
            .or_else(|| reply.get("err_class"))
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_string()
    };
    match status {
        200..=299 if err == 0 => Ok(token.done_message.clone()),
        // The form left the status, or the trigger is gone: the link is dead.
        404 | 200..=299 => {
            log::warn!(
                "w.c.s. {name}: {form_url} trigger {}: {status} {}",
                token.jump,
                describe()
            );
            Err(bad_input(LINK_INVALID))
        }
        401 | 403 => give_back(
            store,
            anyhow::anyhow!(
                "w.c.s. {name} refused publik's signature ({status} {}): check wcs.services.{name}.orig and key",
                describe()
            ),
        ),
        _ => give_back(
            store,
            peer_down(format!("w.c.s. {name} answered {status} {}", describe())),
        ),
    }
}
