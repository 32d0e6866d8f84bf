//! Maarch Courrier feed: harvests the scanned mail Maarch puts in
//! `status_grc`, one document at a time, and reports each mail's fate back to
//! Maarch through the send queue (so Maarch being down loses nothing).

use std::path::Path;

use anyhow::{Context, bail};
use base64::Engine;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::config::{Config, MaarchConfig};
use crate::exit_codes::{bad_field, bad_input, peer_down};
use crate::ops::channel::ChannelCheck;
use crate::ops::queue::{Delivery, Sender};
use crate::queue_row::Channel;
use crate::store::{Body, Mail, MailStatus, Message, NewBody, NewMail, NewRow, Store};

mod client;

use client::{MaarchClient, MaarchError};

#[derive(Debug, Default, Serialize)]
pub(crate) struct FeedReport {
    pub listed: usize,
    /// Mails stored by this run.
    pub stored: Vec<String>,
    /// Mails stored by an earlier run whose status change this run repaired.
    pub repaired: Vec<String>,
    pub skipped: Vec<SkippedMail>,
    /// A dry run: what would be harvested.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub would_harvest: Vec<i64>,
    /// The signal that stopped the harvest between two mails.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stopped_by: Option<&'static str>,
}

#[derive(Debug, Serialize)]
pub(crate) struct SkippedMail {
    pub res_id: i64,
    pub error: String,
}

fn enabled(config: &Config) -> anyhow::Result<&MaarchConfig> {
    if !config.maarch.enable {
        bail!("maarch.enable is false: set it and maarch.url, username and password in the config");
    }
    Ok(&config.maarch)
}

/// Turns a Maarch error into the run's error: down → exit 75, auth → 1.
fn run_error(err: MaarchError) -> anyhow::Error {
    match err {
        MaarchError::Down(_) | MaarchError::ServerError(..) => peer_down(err.to_string()),
        other => anyhow::anyhow!("{other}"),
    }
}

/// `feed-mail-maarch`.
pub(crate) fn feed(
    store: &mut Store,
    config: &Config,
    limit: Option<u32>,
    dry_run: bool,
    progress: &dyn crate::progress::Progress,
) -> anyhow::Result<FeedReport> {
    // Not an error: the shipped timer, or `--all-tenants` over sites of
    // which only some use Maarch, runs this where there is nothing to harvest.
    if !config.maarch.enable {
        log::info!("maarch.enable is false: nothing to harvest");
        return Ok(FeedReport::default());
    }
    let maarch = &config.maarch;
    let client = MaarchClient::new(maarch)?;
    let batch = limit
        .unwrap_or(maarch.batch)
        .min(maarch.batch.max(limit.unwrap_or(0)));
    let ids = client.list(&maarch.status_grc, batch).map_err(run_error)?;
    let mut report = FeedReport {
        listed: ids.len(),
        ..FeedReport::default()
    };
    if dry_run {
        report.would_harvest = ids;
        return Ok(report);
    }
    let message = "Pris en charge par la plateforme de relation usager (publik)";
    progress.total(ids.len() as u64);
    for res_id in ids {
        // Between two mails nothing is half done: the rest stays in Maarch.
        if let Some(signal) = crate::shutdown::requested() {
            report.stopped_by = Some(signal);
            break;
        }
        let external_id = format!("maarch-{res_id}");
        if store.mail_by_external_id(&external_id)?.is_none() {
            // Fetched one at a time: memory holds one document, not the batch.
            let resource = match client.fetch(res_id) {
                Ok(resource) => resource,
                Err(err @ (MaarchError::Refused(..) | MaarchError::Bad(_))) => {
                    report.skipped.push(SkippedMail {
                        res_id,
                        error: err.to_string(),
                    });
                    continue;
                }
                Err(err) => return Err(run_error(err)),
            };
            let file = match resource.get("fileBase64Content").and_then(Value::as_str) {
                Some(encoded) => match base64::engine::general_purpose::STANDARD.decode(encoded.trim()) {
                    Ok(file) => file,
                    Err(e) => {
                        report.skipped.push(SkippedMail {
                            res_id,
                            error: format!("its file is not valid base64: {e}"),
                        });
                        continue;
                    }
                },
                None => Vec::new(),
            };
            let mut metadata = resource;
            if let Some(object) = metadata.as_object_mut() {
                object.remove("fileBase64Content");
            }
            let subject = metadata
                .get("subject")
                .and_then(Value::as_str)
                .map(str::to_string);
            let stored = store.insert_mail(&NewMail {
                external_id: &external_id,
                res_id,
                subject: subject.as_deref(),
                metadata: &metadata.to_string(),
                file: &file,
            })?;
            if stored {
                report.stored.push(external_id.clone());
            }
        } else {
            report.repaired.push(external_id.clone());
        }
        // Stored first, then acknowledged: a crash in between leaves the
        // mail in status_grc, and the next run only repeats the status change.
        client
            .set_status(&[res_id], &maarch.status_received, message)
            .map_err(run_error)?;
        store.acknowledge_mail(&external_id)?;
        progress.advance(1);
    }
    Ok(report)
}

fn mail(store: &Store, id: &str) -> anyhow::Result<Mail> {
    let found = match id.parse::<i64>() {
        Ok(number) => store.mail(number)?,
        Err(_) => store.mail_by_external_id(id)?,
    };
    found.ok_or_else(|| bad_input(format!("no mail \"{id}\" (see `publik mail list`)")))
}

pub(crate) fn list(store: &Store, status: Option<MailStatus>) -> anyhow::Result<Vec<Mail>> {
    Ok(store.mails(status)?)
}

pub(crate) fn show(store: &Store, id: &str) -> anyhow::Result<Mail> {
    mail(store, id)
}

pub(crate) fn save_file(store: &Store, id: &str, output: &Path) -> anyhow::Result<()> {
    let mail = mail(store, id)?;
    let file = store.mail_file(mail.id)?.unwrap_or_default();
    // 0600: a citizen's letter.
    crate::fs_private::write(output, file, crate::fs_private::PRIVATE)
        .with_context(|| format!("cannot write {}", output.display()))
}

/// A report to Maarch, stored as the body of a `maarch` queue row.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(tag = "action", rename_all = "snake_case")]
pub(crate) enum MaarchReport {
    ExternalInfos {
        res_id: i64,
        external_id: String,
        external_link: String,
        status: String,
    },
    Status {
        res_id: i64,
        status: String,
        history_message: String,
    },
}

/// The queue row that carries `report` for `mail`.
fn report_row(mail: &Mail, report: &MaarchReport) -> anyhow::Result<(NewBody, NewRow)> {
    let body = crate::ops::queue::body(Channel::Maarch, report, Vec::new())?;
    let options = crate::ops::queue::RowOptions {
        tag: Some(format!("mail:{}", mail.id)),
        ..Default::default()
    };
    Ok((body, options.row(mail.external_id.clone(), None)))
}

fn queue_report(
    store: &mut Store,
    mail: &Mail,
    status: MailStatus,
    form: Option<(&str, &str)>,
    report: MaarchReport,
    actor: &str,
) -> anyhow::Result<i64> {
    let (body, row) = report_row(mail, &report)?;
    Ok(store.report_mail(mail.id, status, form, &body, &row, actor)?)
}

/// The report answering `mail` with `content` (status `maarch.status_response`).
fn response_report(config: &Config, mail: &Mail, content: &str) -> MaarchReport {
    MaarchReport::Status {
        res_id: mail.res_id,
        status: config.maarch.status_response.clone(),
        history_message: content.to_string(),
    }
}

/// The workflow action `maarch_response`: the reports answering the mails
/// linked to form `number`, for the jump's transaction to queue.
pub(crate) fn form_responses(
    reader: &crate::store::Reader,
    config: &Config,
    number: &str,
    content: &str,
) -> anyhow::Result<Vec<(i64, NewBody, NewRow)>> {
    reader
        .mails_linked_to(number)?
        .iter()
        .map(|mail| {
            let (body, row) = report_row(mail, &response_report(config, mail, content))?;
            Ok((mail.id, body, row))
        })
        .collect()
}

pub(crate) fn link(
    store: &mut Store,
    config: &Config,
    id: &str,
    form_number: &str,
    form_url: &str,
    force: bool,
    actor: &str,
) -> anyhow::Result<i64> {
    let mail = mail(store, id)?;
    if form_number.trim().is_empty() {
        return Err(bad_field("form_number", "must not be empty"));
    }
    if !(form_url.starts_with("https://") || form_url.starts_with("http://")) {
        return Err(bad_field(
            "form_url",
            format!("\"{form_url}\" is not an http(s) URL"),
        ));
    }
    if let Some(existing) = mail.form_number.as_deref().filter(|_| !force) {
        return Err(bad_input(format!(
            "mail {} is already linked to form {existing}, and Maarch keeps a single external id per mail; \
             use `force` to replace it",
            mail.id
        )));
    }
    let report = MaarchReport::ExternalInfos {
        res_id: mail.res_id,
        external_id: form_number.to_string(),
        external_link: form_url.to_string(),
        status: config.maarch.status_sent.clone(),
    };
    queue_report(
        store,
        &mail,
        MailStatus::Linked,
        Some((form_number, form_url)),
        report,
        actor,
    )
}

pub(crate) fn reject(
    store: &mut Store,
    config: &Config,
    id: &str,
    reason: Option<&str>,
    actor: &str,
) -> anyhow::Result<i64> {
    let mail = mail(store, id)?;
    let report = MaarchReport::Status {
        res_id: mail.res_id,
        status: config.maarch.status_refused.clone(),
        history_message: reason
            .unwrap_or("Courrier refusé par la plateforme de relation usager")
            .to_string(),
    };
    queue_report(store, &mail, MailStatus::Rejected, None, report, actor)
}

pub(crate) fn respond(
    store: &mut Store,
    config: &Config,
    id: &str,
    content: &str,
    actor: &str,
) -> anyhow::Result<i64> {
    let mail = mail(store, id)?;
    if content.trim().is_empty() {
        return Err(bad_field("content", "the response is empty"));
    }
    let report = response_report(config, &mail, content);
    queue_report(store, &mail, MailStatus::Responded, None, report, actor)
}

/// Delivers `maarch` queue rows.
pub(crate) struct MaarchSender {
    client: MaarchClient,
}

impl MaarchSender {
    pub(crate) fn new(config: &Config) -> anyhow::Result<MaarchSender> {
        Ok(MaarchSender {
            client: MaarchClient::new(enabled(config)?)?,
        })
    }
}

impl Sender for MaarchSender {
    fn deliver(&mut self, _message: &Message, body: &Body) -> Delivery {
        let report: MaarchReport = match serde_json::from_str(&body.content) {
            Ok(report) => report,
            Err(e) => {
                return Delivery::Failed {
                    reason: format!("stored report is unreadable: {e}"),
                };
            }
        };
        let result = match &report {
            MaarchReport::ExternalInfos {
                res_id,
                external_id,
                external_link,
                status,
            } => self
                .client
                .external_infos(*res_id, external_id, external_link, status),
            MaarchReport::Status {
                res_id,
                status,
                history_message,
            } => self.client.set_status(&[*res_id], status, history_message),
        };
        match result {
            Ok(()) => Delivery::Sent {
                provider_id: None,
                reply: "success".into(),
            },
            Err(err @ MaarchError::ServerError(..)) => Delivery::Retry {
                reason: err.to_string(),
                retry_after: None,
            },
            Err(err @ (MaarchError::Down(_) | MaarchError::Auth)) => Delivery::PeerDown {
                reason: err.to_string(),
            },
            Err(err) => Delivery::Failed {
                reason: err.to_string(),
            },
        }
    }
}

/// `config check` for Maarch: warnings, and listing one mail in status_grc.
pub(crate) struct MaarchCheck;

impl ChannelCheck for MaarchCheck {
    fn name(&self) -> &'static str {
        "maarch"
    }

    fn warnings(&self, config: &Config) -> Vec<String> {
        match &config.maarch.url {
            Some(url) if config.maarch.enable && !url.starts_with("https://") => {
                vec![format!(
                    "maarch.url {url} is not https: the password travels in clear"
                )]
            }
            _ => Vec::new(),
        }
    }

    /// Lists one mail in status_grc: proves the URL, the credentials and the status.
    fn connect(&self, config: &Config) -> anyhow::Result<String> {
        if !config.maarch.enable {
            return Ok("disabled".into());
        }
        let client = crate::ops::maarch::MaarchClient::new(&config.maarch)?;
        match client.list(&config.maarch.status_grc, 1) {
            Ok(ids) => Ok(format!(
                "authenticated; {} in {}",
                if ids.is_empty() {
                    "no mail waiting"
                } else {
                    "mail waiting"
                },
                config.maarch.status_grc
            )),
            Err(crate::ops::maarch::MaarchError::Down(why)) => Err(crate::exit_codes::peer_down(why)),
            Err(err) => Err(anyhow::anyhow!("{err}")),
        }
    }
}

/// `queue show` for a report row.
pub(crate) fn detail(body: &crate::store::Body) -> anyhow::Result<crate::ops::channel::ContentDetail> {
    let report: MaarchReport =
        serde_json::from_str(&body.content).context("stored Maarch report is unreadable")?;
    Ok(crate::ops::channel::ContentDetail::Maarch {
        report: serde_json::to_value(report)?,
    })
}
