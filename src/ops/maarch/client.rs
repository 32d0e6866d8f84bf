//! Maarch Courrier's REST API as publik uses it: three routes, Basic auth,
//! JSON; the errors they mean; small calls under a deadline, documents
//! read as long as they keep coming.

use anyhow::Context;
use base64::Engine;
use serde_json::{Value, json};

use crate::config::MaarchConfig;

/// Largest document accepted from Maarch (the reply is held in memory once).
const MAX_DOCUMENT_BYTES: u64 = 512 << 20;

/// What went wrong talking to Maarch.
#[derive(Debug)]
pub(crate) enum MaarchError {
    /// Unreachable or timed out: try again later.
    Down(String),
    /// A 5xx: try again later.
    ServerError(u16, String),
    /// 401: the credentials are wrong.
    Auth,
    /// Another 4xx, with Maarch's `errors` message.
    Refused(u16, String),
    /// A reply publik cannot read.
    Bad(String),
}

impl std::fmt::Display for MaarchError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            MaarchError::Down(why) => write!(f, "Maarch is unreachable: {why}"),
            MaarchError::ServerError(status, why) => write!(f, "Maarch failed (HTTP {status}): {why}"),
            MaarchError::Auth => {
                f.write_str("Maarch authentication failed (check maarch.username and password)")
            }
            MaarchError::Refused(status, why) => write!(f, "Maarch refused it (HTTP {status}): {why}"),
            MaarchError::Bad(why) => write!(f, "unexpected reply from Maarch: {why}"),
        }
    }
}

/// The three routes of Maarch 18's REST API that publik uses.
pub(crate) struct MaarchClient {
    base: String,
    authorization: String,
    /// What the requests carry that no stored error may show (a reply
    /// may echo the request): the password, its Basic encoding, the URL's.
    secrets: Vec<String>,
    /// Small calls: `maarch.timeout` over the whole exchange.
    agent: ureq::Agent,
    /// Documents: `maarch.timeout` without a byte (see `progress_agent`).
    documents: ureq::Agent,
    timeout: crate::duration::Duration,
}

/// Standard base64, for the Basic auth header.
fn basic(user: &str, password: &str) -> String {
    format!(
        "Basic {}",
        base64::engine::general_purpose::STANDARD.encode(format!("{user}:{password}"))
    )
}

/// An SQL string literal for Maarch's `clause`: quotes doubled, so a status
/// name can never change the query.
pub(crate) fn sql_literal(text: &str) -> String {
    format!("'{}'", text.replace('\'', "''"))
}

impl MaarchClient {
    pub(crate) fn new(config: &MaarchConfig) -> anyhow::Result<MaarchClient> {
        let base = config.url.clone().context("maarch.url is not set")?;
        let user = config.username.clone().context("maarch.username is not set")?;
        let password = config
            .resolved_password
            .as_ref()
            .context("maarch.password is not set")?;
        let authorization = basic(&user, password.expose());
        let mut secrets = crate::config::url_secrets(&base);
        secrets.push(password.expose().to_string());
        secrets.extend(authorization.strip_prefix("Basic ").map(str::to_string));
        Ok(MaarchClient {
            base: base.trim_end_matches('/').to_string(),
            authorization,
            secrets,
            agent: crate::ops::http_client::agent(config.timeout.std()),
            documents: crate::ops::http_client::progress_agent(config.timeout.std()),
            timeout: config.timeout,
        })
    }

    fn call(&self, method: &str, route: &str, body: &Value) -> Result<Value, MaarchError> {
        self.call_with(&self.agent, method, route, body)
    }

    fn call_with(
        &self,
        agent: &ureq::Agent,
        method: &str,
        route: &str,
        body: &Value,
    ) -> Result<Value, MaarchError> {
        let url = format!("{}/rest/{route}", self.base);
        let request = match method {
            "PUT" => agent.put(&url),
            _ => agent.post(&url),
        };
        let mut response = match request
            .header("Authorization", &self.authorization)
            .send_json(body)
        {
            Ok(response) => response,
            // A timeout is retried like a server error (the request may be in progress).
            Err(ureq::Error::Timeout(_)) => return Err(MaarchError::ServerError(504, "timed out".into())),
            Err(e) => return Err(MaarchError::Down(e.to_string())),
        };
        // The request carries the password: no redirect is followed.
        crate::ops::http_client::next_url(&url, &response, false).map_err(MaarchError::Bad)?;
        let status = response.status().as_u16();
        let body = response.body_mut().with_config().limit(MAX_DOCUMENT_BYTES);
        if (200..300).contains(&status) {
            // Parsed as it is read: a document's reply is never held twice
            // (text, then JSON) next to the decoded file.
            let mut reader = TimeoutWatch {
                inner: body.reader(),
                timed_out: false,
            };
            return match serde_json::from_reader::<_, Value>(&mut reader) {
                Ok(json) if !json.is_null() => Ok(json),
                Ok(_) => Err(MaarchError::Bad("not JSON: null".into())),
                Err(e) if reader.timed_out => Err(MaarchError::Down(format!(
                    "the reply stalled: no data for {} (maarch.timeout): {e}",
                    self.timeout
                ))),
                Err(e) if e.is_io() => Err(MaarchError::Down(format!("reading the reply: {e}"))),
                Err(e) => Err(MaarchError::Bad(format!("not JSON: {e}"))),
            };
        }
        let text = body
            .read_to_string()
            .map_err(|e| MaarchError::Down(format!("reading the reply: {e}")))?;
        classify(status, &crate::config::masked_text(&text, &self.secrets))
    }
}

/// A reply's reader that remembers whether it failed on ureq's timeout
/// (the JSON reader keeps only the I/O error's text).
struct TimeoutWatch<R> {
    inner: R,
    timed_out: bool,
}

impl<R: std::io::Read> std::io::Read for TimeoutWatch<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        self.inner.read(buf).inspect_err(|err| {
            self.timed_out = err.kind() == std::io::ErrorKind::TimedOut
                || matches!(
                    err.get_ref()
                        .and_then(|inner| inner.downcast_ref::<ureq::Error>()),
                    Some(ureq::Error::Timeout(_))
                );
        })
    }
}

impl MaarchError {
    /// The same error, saying what it was about (`document 12: …`).
    fn about(self, what: &str) -> MaarchError {
        match self {
            MaarchError::Down(why) => MaarchError::Down(format!("{what}: {why}")),
            MaarchError::ServerError(status, why) => {
                MaarchError::ServerError(status, format!("{what}: {why}"))
            }
            MaarchError::Refused(status, why) => MaarchError::Refused(status, format!("{what}: {why}")),
            MaarchError::Bad(why) => MaarchError::Bad(format!("{what}: {why}")),
            MaarchError::Auth => MaarchError::Auth,
        }
    }
}

/// Maarch's answer, by status: its JSON, or the error it means.
fn classify(status: u16, text: &str) -> Result<Value, MaarchError> {
    let json: Value = serde_json::from_str(text).unwrap_or(Value::Null);
    let errors = || {
        json.get("errors")
            .map(|e| e.as_str().map(str::to_string).unwrap_or_else(|| e.to_string()))
            .unwrap_or_else(|| text.chars().take(300).collect())
    };
    match status {
        200..=299 if !json.is_null() => Ok(json),
        200..=299 => Err(MaarchError::Bad(format!(
            "not JSON: {}",
            text.chars().take(100).collect::<String>()
        ))),
        401 => Err(MaarchError::Auth),
        400..=499 => Err(MaarchError::Refused(status, errors())),
        _ => Err(MaarchError::ServerError(status, errors())),
    }
}

impl MaarchClient {
    /// Ids of the mail in `status`, oldest first.
    pub(crate) fn list(&self, status: &str, limit: u32) -> Result<Vec<i64>, MaarchError> {
        let body = json!({
            "select": "res_id",
            "clause": format!("status={}", sql_literal(status)),
            "orderBy": ["res_id"],
            "limit": limit,
            "withFile": false,
        });
        let reply = self.call("POST", "res/list", &body)?;
        let resources = reply["resources"]
            .as_array()
            .ok_or_else(|| MaarchError::Bad("no resources".into()))?;
        Ok(resources.iter().filter_map(|r| r["res_id"].as_i64()).collect())
    }

    /// One document with its columns and file.
    pub(crate) fn fetch(&self, res_id: i64) -> Result<Value, MaarchError> {
        let body = json!({
            "select": "*",
            "clause": format!("res_id={res_id}"),
            "orderBy": ["res_id"],
            "limit": 1,
            "withFile": true,
        });
        // A scan can be large and its link slow: read as long as it moves.
        let mut reply = self
            .call_with(&self.documents, "POST", "res/list", &body)
            .map_err(|err| err.about(&format!("document {res_id}")))?;
        let resources = reply["resources"]
            .as_array_mut()
            .ok_or_else(|| MaarchError::Bad("no resources".into()))?;
        match resources.pop() {
            Some(resource) => Ok(resource),
            None => Err(MaarchError::Refused(404, format!("document {res_id} not found"))),
        }
    }

    pub(crate) fn set_status(&self, res_ids: &[i64], status: &str, message: &str) -> Result<(), MaarchError> {
        let body = json!({"resId": res_ids, "status": status, "historyMessage": message});
        self.call("PUT", "res/resource/status", &body).map(|_| ())
    }

    pub(crate) fn external_infos(
        &self,
        res_id: i64,
        external_id: &str,
        link: &str,
        status: &str,
    ) -> Result<(), MaarchError> {
        let body = json!({
            "externalInfos": [{"res_id": res_id, "external_id": external_id, "external_link": link}],
            "status": status,
        });
        self.call("PUT", "res/externalInfos", &body).map(|_| ())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_are_doubled_in_clauses() {
        assert_eq!(sql_literal("GRC"), "'GRC'");
        assert_eq!(sql_literal("GRC' OR '1'='1"), "'GRC'' OR ''1''=''1'");
    }
}

#[cfg(test)]
mod properties {
    use proptest::prelude::*;

    use crate::testing::{config, json_from};

    const PIECES: &[&str] = &[
        "\"resources\"",
        "\"res_id\"",
        "\"errors\"",
        "\"fileBase64Content\"",
        "\"subject\"",
        "\"x\"",
        "null",
        "12",
        "<html>",
        "\"aGVsbG8=\"",
        "\"!!\"",
    ];

    proptest! {
        #![proptest_config(config())]

        /// Whatever Maarch answers, with whatever status, is classified; never a panic.
        #[test]
        fn maarch_replies_never_panic(status in 100u16..600, text in json_from(PIECES)) {
            let _ = super::classify(status, &text);
        }
    }
}
