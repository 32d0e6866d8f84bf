//! What the channels send back, as HTTP: `POST /sms/receipt/` (a
//! provider's delivery receipts), `POST /email/events/` (a provider's email
//! events) and `POST /api/mail/response/` (welco's
//! API: w.c.s. answers a Maarch mail, on a Publik signed URL). JSON answers in Publik's style
//! (`{"err": 0}`, `{"err": 1, "err_desc": …}`); a bad secret is 403 with no
//! detail. Off unless configured.

use std::path::Path;

use crate::config::{Config, ReceiptsConfig};
use crate::ops::sms::ReceiptStatus;
use crate::store::Store;

use super::http::{Request, Response};

fn json(status: u16, body: serde_json::Value) -> Response {
    Response {
        status,
        headers: vec![("Content-Type", "application/json".into())],
        body: body.to_string().into_bytes(),
    }
}

/// The paths whose every answer is JSON, errors of the transport too.
pub(super) fn answers_json(path: &str) -> bool {
    let first = path.trim_start_matches('/').split('/').next().unwrap_or_default();
    matches!(first, "sms" | "email" | "push" | "api")
}

/// The paths a provider posts its batches of events to.
pub(super) fn takes_batches(path: &str) -> bool {
    let segments: Vec<&str> = path.trim_matches('/').split('/').collect();
    matches!(
        segments.as_slice(),
        ["email", "events", ..] | ["sms", "receipt", ..]
    )
}

/// An error on a callback's path, in JSON: a request refused before it
/// was read whole, or a state that failed.
pub(super) fn json_error(status: u16) -> Response {
    let why = match status {
        408 => "the request did not arrive in time",
        411 => "a Content-Length is required",
        413 => "the body is over this path's limit",
        431 => "the request head is too large",
        429 | 503 => "busy; try again later",
        500 => "an internal error",
        _ => "a malformed request",
    };
    json(status, serde_json::json!({"err": 1, "err_desc": why}))
}

/// Equal without telling how much of it was: the secret is compared whole.
fn same_secret(given: &str, expected: &str) -> bool {
    let (given, expected) = (given.as_bytes(), expected.as_bytes());
    given.len() == expected.len() && given.iter().zip(expected).fold(0u8, |acc, (a, b)| acc | (a ^ b)) == 0
}

/// Whether the request carries the shared secret: as the path's third
/// segment (`/sms/receipt/SECRET/`) or in `header`.
fn secret_given(segments: &[&str], request: &Request, expected: Option<&str>, header: &str) -> bool {
    let expected = expected.unwrap_or_default();
    let given = segments
        .get(2)
        .copied()
        .or_else(|| request.header(header))
        .unwrap_or_default();
    !expected.is_empty() && same_secret(given, expected)
}

/// The endpoints this module answers; None for any other request. Err:
/// the state failed before the request could act.
pub(super) fn route(
    store: &mut Store,
    config: &Config,
    link_key: &Path,
    request: &Request,
) -> anyhow::Result<Option<Response>> {
    let receipts = config.sms.receipts.as_ref();
    let segments: Vec<&str> = request.path.trim_matches('/').split('/').collect();
    match segments.as_slice() {
        ["api", "mail", "response"] if !config.serve.api_callers.is_empty() => {
            if request.method != "POST" {
                return Ok(Some(json(
                    405,
                    serde_json::json!({"err": 1, "err_desc": "POST only"}),
                )));
            }
            let key_of = |orig: &str| {
                config
                    .serve
                    .api_callers
                    .get(orig)
                    .and_then(|c| c.resolved_key.as_ref())
                    .map(|k| k.expose().to_string())
            };
            let caller = match crate::signed_url::verify_query(&request.query, key_of, crate::clock::now()) {
                // Recorded (committed) before the call acts: it acts once.
                Ok(call) if store.first_use_of_nonce(&call.orig, &call.nonce, call.nonce_until)? => call.orig,
                Ok(call) => {
                    log::warn!("POST /api/mail/response/ from {}: a replayed nonce", call.orig);
                    return Ok(Some(json(403, serde_json::json!({"err": 1}))));
                }
                Err(why) => {
                    log::warn!("POST /api/mail/response/: refused: {why}");
                    return Ok(Some(json(403, serde_json::json!({"err": 1}))));
                }
            };
            Ok(Some(mail_response(store, config, &caller, request)))
        }
        ["push", action @ ("subscribe" | "unsubscribe")] if config.serve.push_subscriptions => {
            if request.method != "POST" {
                return Ok(Some(json(
                    405,
                    serde_json::json!({"err": 1, "err_desc": "POST only"}),
                )));
            }
            Ok(Some(push_subscription(store, config, link_key, action, request)))
        }
        ["email", "events"] | ["email", "events", _] => {
            let Some(events) = config.email.events.as_ref() else {
                return Ok(None);
            };
            if request.method != "POST" {
                return Ok(Some(json(
                    405,
                    serde_json::json!({"err": 1, "err_desc": "POST only"}),
                )));
            }
            if !secret_given(
                &segments,
                request,
                events.resolved_secret.as_ref().map(|s| s.expose()),
                &events.auth_header,
            ) {
                return Ok(Some(json(403, serde_json::json!({"err": 1}))));
            }
            let key = crate::link_key::LinkKey::load(link_key).ok();
            Ok(Some(email_events(store, events, key.as_ref(), request)))
        }
        ["sms", "receipt"] | ["sms", "receipt", _] => {
            let Some(receipts) = receipts else {
                return Ok(None);
            };
            if request.method != "POST" {
                return Ok(Some(json(
                    405,
                    serde_json::json!({"err": 1, "err_desc": "POST only"}),
                )));
            }
            if !secret_given(
                &segments,
                request,
                receipts.resolved_secret.as_ref().map(|s| s.expose()),
                &receipts.auth_header,
            ) {
                return Ok(Some(json(403, serde_json::json!({"err": 1}))));
            }
            Ok(Some(sms_receipt(store, receipts, request)))
        }
        _ => Ok(None),
    }
}

/// A field of a JSON object or a form-encoded body.
fn field(request: &Request, name: &str) -> Option<String> {
    let body = String::from_utf8_lossy(&request.body);
    if body.trim_start().starts_with('{') {
        let value: serde_json::Value = serde_json::from_str(&body).ok()?;
        return match &value[name] {
            serde_json::Value::String(s) => Some(s.clone()),
            serde_json::Value::Null => None,
            other => Some(other.to_string()),
        };
    }
    crate::urlencoded::field(&request.body, name)
}

fn sms_receipt(store: &mut Store, receipts: &ReceiptsConfig, request: &Request) -> Response {
    let (Some(id), Some(status)) = (
        field(request, &receipts.id_field),
        field(request, &receipts.status_field),
    ) else {
        return json(
            400,
            serde_json::json!({"err": 1, "err_desc": format!("{} and {} are required", receipts.id_field, receipts.status_field)}),
        );
    };
    let ours = receipts
        .statuses
        .iter()
        .find(|(theirs, _)| theirs.eq_ignore_ascii_case(&status))
        .map(|(_, ours)| ours.as_str());
    let status = match ours {
        Some("delivered") => ReceiptStatus::Delivered,
        Some("undelivered") => ReceiptStatus::Undelivered,
        Some("expired") => ReceiptStatus::Expired,
        // An intermediate status (accepted, buffered...): nothing to record.
        _ => {
            log::info!("SMS receipt for {id}: status {status} is not a final one; ignored");
            return json(200, serde_json::json!({"err": 0}));
        }
    };
    match crate::ops::sms::receipt(store, &id, status, None, "serve: SMS receipt") {
        Ok(_) => json(200, serde_json::json!({"err": 0})),
        // Providers retry on errors: an id publik does not know is said once, here.
        Err(e) if e.is::<crate::exit_codes::BadInput>() => {
            log::warn!("SMS receipt for {id}: {e:#}");
            json(200, serde_json::json!({"err": 0}))
        }
        Err(e) => {
            log::error!("SMS receipt for {id}: {e:#}");
            json(
                500,
                serde_json::json!({"err": 1, "err_desc": "cannot record the receipt"}),
            )
        }
    }
}

/// A provider's email events: 200 once they are applied (or found to be
/// about nothing publik sent), so that it does not retry them.
fn email_events(
    store: &mut Store,
    events: &crate::config::EmailEventsConfig,
    key: Option<&crate::link_key::LinkKey>,
    request: &Request,
) -> Response {
    use crate::ops::email::Handled;
    match crate::ops::email::handle_events(store, events, key, &request.body, "serve: email event") {
        Ok(Handled::Applied(report)) => json(
            200,
            serde_json::json!({"err": 0, "applied": report.applied, "ignored": report.ignored}),
        ),
        Ok(Handled::Unreadable(why)) => json(400, serde_json::json!({"err": 1, "err_desc": why})),
        Ok(Handled::Refused(why)) => {
            log::warn!("email events: an SNS message refused: {why}");
            json(403, serde_json::json!({"err": 1}))
        }
        Err(e) => {
            log::error!("email events: {e:#}");
            json(
                500,
                serde_json::json!({"err": 1, "err_desc": "cannot record the events"}),
            )
        }
    }
}

/// welco's `api/mail/response/`: `{"mail_number": …, "content": …}` answers
/// that Maarch mail through the queue, as `mail respond`.
fn mail_response(store: &mut Store, config: &Config, caller: &str, request: &Request) -> Response {
    let body: serde_json::Value = serde_json::from_slice(&request.body).unwrap_or_default();
    let (Some(number), Some(content)) = (body["mail_number"].as_str(), body["content"].as_str()) else {
        return json(
            400,
            serde_json::json!({"err": 1, "err_desc": "mail_number and content are required"}),
        );
    };
    match crate::ops::maarch::respond(store, config, number, content, &format!("api: {caller}")) {
        Ok(queued) => json(200, serde_json::json!({"err": 0, "data": {"report": queued}})),
        Err(e) if e.is::<crate::exit_codes::BadInput>() => {
            json(404, serde_json::json!({"err": 1, "err_desc": format!("{e:#}")}))
        }
        Err(e) => {
            log::error!("POST /api/mail/response/: {e:#}");
            json(
                500,
                serde_json::json!({"err": 1, "err_desc": "cannot queue the response"}),
            )
        }
    }
}

/// The site's page subscribes (or unsubscribes) its user's browser: the
/// body is `PushSubscription.toJSON()`, the user the one a token from
/// `publik push token` names (`?token=` or `X-Publik-Push-Token`), so no
/// one can subscribe for someone else.
fn push_subscription(
    store: &mut Store,
    config: &Config,
    link_key: &Path,
    action: &str,
    request: &Request,
) -> Response {
    let token = request
        .query
        .split('&')
        .find_map(|pair| pair.strip_prefix("token="))
        .map(str::to_string)
        .or_else(|| request.header("x-publik-push-token").map(str::to_string))
        .unwrap_or_default();
    let Some(user) = crate::ops::push::token_user(link_key, &token) else {
        return json(403, serde_json::json!({"err": 1}));
    };
    let text = String::from_utf8_lossy(&request.body);
    let answer = if action == "subscribe" {
        crate::ops::push::subscribe(store, config, &user, &text).map(|report| serde_json::json!(report))
    } else {
        let endpoint: serde_json::Value = serde_json::from_str(&text).unwrap_or_default();
        match endpoint["endpoint"].as_str() {
            Some(endpoint) => crate::ops::push::unsubscribe(store, &user, Some(endpoint))
                .map(|removed| serde_json::json!({"removed": removed})),
            None => Err(crate::exit_codes::bad_field("endpoint", "required")),
        }
    };
    match answer {
        Ok(data) => json(200, serde_json::json!({"err": 0, "data": data})),
        Err(e) if e.is::<crate::exit_codes::BadInput>() => {
            json(400, serde_json::json!({"err": 1, "err_desc": format!("{e:#}")}))
        }
        Err(e) => {
            log::error!("POST /push/{action}/: {e:#}");
            json(
                500,
                serde_json::json!({"err": 1, "err_desc": "cannot save the subscription"}),
            )
        }
    }
}
