//! All output of the program: tables for people (tabled), JSON for scripts
//! (serde, stable keys, UTC RFC 3339 times). Nothing else writes to stdout.

use std::io::Write;

use serde::Serialize;
use tabled::builder::Builder;
use tabled::settings::Style;

use crate::clock::{self, Timestamp};
use crate::ops::check::CheckReport;
use crate::ops::inspect::{ContentDetail, MessageDetail, Stats};
use crate::ops::queue::RunReport;
use crate::ops::state::StateInfo;
use crate::store::Message;

/// Writes text to stdout. A closed pipe (`publik … | head`) surfaces as an
/// `io::Error` of kind BrokenPipe, which `main` treats as a normal end.
/// How a command writes its result: chosen once, from `--json`, for the
/// whole run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Output {
    /// Tables and lines for people; nothing at all for a cron job's success.
    Text,
    /// JSON for scripts, stable.
    Json,
}

impl Output {
    /// A result only scripts need (the id of what was made, a count): JSON
    /// with `--json`, nothing otherwise (cron-quiet).
    pub fn record<T: Serialize + ?Sized>(self, value: &T) -> anyhow::Result<()> {
        match self {
            Output::Json => json(value),
            Output::Text => Ok(()),
        }
    }
}

pub fn out(text: &str) -> std::io::Result<()> {
    let mut stdout = std::io::stdout().lock();
    stdout.write_all(text.as_bytes())?;
    if !text.is_empty() && !text.ends_with('\n') {
        stdout.write_all(b"\n")?;
    }
    stdout.flush()
}

pub fn json<T: Serialize + ?Sized>(value: &T) -> anyhow::Result<()> {
    let text = serde_json::to_string_pretty(value)?;
    Ok(out(&text)?)
}

fn table(header: &[&str], rows: Vec<Vec<String>>) -> String {
    let mut builder = Builder::default();
    builder.push_record(header.iter().map(|h| h.to_string()));
    for row in rows {
        builder.push_record(row);
    }
    let mut table = builder.build();
    table.with(Style::psql());
    table.to_string()
}

fn local(time: Option<Timestamp>) -> String {
    time.map(clock::to_local).unwrap_or_default()
}

pub fn state_info(info: &StateInfo, output: Output) -> anyhow::Result<()> {
    if output == Output::Json {
        return json(info);
    }
    let mut text = format!(
        "path: {}\nschema version: {}\nsize: {} bytes\nlink key: {} ({})\n",
        info.path.display(),
        info.schema_version,
        info.size_bytes,
        info.link_key.path.display(),
        if info.link_key.present {
            "present"
        } else {
            "not created yet"
        }
    );
    let rows = info
        .tables
        .iter()
        .map(|t| vec![t.table.clone(), t.rows.to_string()])
        .collect();
    text.push_str(&table(&["table", "rows"], rows));
    Ok(out(&text)?)
}

/// `state check`: silent when all is well (cron), each problem otherwise.
pub fn state_check(report: &crate::ops::state::CheckReport, output: Output) -> anyhow::Result<()> {
    if output == Output::Json {
        return json(report);
    }
    let mut text = String::new();
    for problem in &report.problems {
        text.push_str(&format!("{}: {}\n", problem.kind, problem.detail));
    }
    Ok(out(&text)?)
}

pub fn check_report(report: &CheckReport, output: Output) -> anyhow::Result<()> {
    if output == Output::Json {
        return json(report);
    }
    let mut text = match &report.config_file {
        Some(path) => format!("# config: {}\n", path.display()),
        None => "# config: built-in defaults (no config file found)\n".to_string(),
    };
    text.push_str(&serde_yaml::to_string(&report.settings)?);
    for check in &report.checks {
        for warning in &check.warnings {
            text.push_str(&format!("# warning: {}: {warning}\n", check.channel));
        }
        if let Some(found) = &check.connect {
            text.push_str(&format!("# {}: ok: {found}\n", check.channel));
        }
        if let Some(error) = &check.error {
            text.push_str(&format!("# {}: FAILED: {error}\n", check.channel));
        }
    }
    Ok(out(&text)?)
}

/// How many rows a command removed (members, subscriptions).
#[derive(Serialize)]
pub struct Removed {
    pub removed: usize,
}

/// How many rows a clean-up deleted.
#[derive(Serialize)]
pub struct Deleted {
    pub deleted: usize,
}

/// The number of a form just created: the number alone, or `{"number": …}`.
pub fn form_created(number: &str, output: Output) -> anyhow::Result<()> {
    #[derive(Serialize)]
    struct Created<'a> {
        number: &'a str,
    }
    match output {
        Output::Json => json(&Created { number }),
        Output::Text => Ok(out(number)?),
    }
}

/// A VAPID public key: the key alone, or `{"public_key": …}`.
pub fn public_key(public_key: &str, output: Output) -> anyhow::Result<()> {
    #[derive(Serialize)]
    struct PublicKey<'a> {
        public_key: &'a str,
    }
    match output {
        Output::Json => json(&PublicKey { public_key }),
        Output::Text => Ok(out(public_key)?),
    }
}

/// A link issued for scripts: its URL alone, or the whole record.
pub fn issued_link(link: &crate::ops::workflow::IssuedLink, output: Output) -> anyhow::Result<()> {
    match output {
        Output::Json => json(link),
        Output::Text => Ok(out(&link.url)?),
    }
}

/// The ids of the rows a command queued or changed.
#[derive(Serialize)]
pub struct Ids<'a> {
    pub ids: &'a [i64],
}

pub fn ids(ids: &[i64], output: Output) -> anyhow::Result<()> {
    if output == Output::Json {
        return json(&Ids { ids });
    }
    let text: Vec<String> = ids.iter().map(i64::to_string).collect();
    Ok(out(&text.join("\n"))?)
}

fn message_rows(messages: &[Message]) -> Vec<Vec<String>> {
    messages
        .iter()
        .map(|m| {
            vec![
                m.id.to_string(),
                m.channel.to_string(),
                m.recipient.clone(),
                m.status.to_string(),
                m.attempts.to_string(),
                local(Some(m.created_at)),
                local(m.sent_at.or(m.next_attempt_at).or(m.not_before)),
                m.tag.clone().unwrap_or_default(),
                m.last_error.clone().unwrap_or_default(),
            ]
        })
        .collect()
}

const MESSAGE_HEADER: [&str; 9] = [
    "id",
    "channel",
    "to",
    "status",
    "attempts",
    "created",
    "sent/next",
    "tag",
    "last error",
];

pub fn messages(messages: &[Message], output: Output) -> anyhow::Result<()> {
    if output == Output::Json {
        return json(messages);
    }
    if messages.is_empty() {
        return Ok(());
    }
    Ok(out(&table(&MESSAGE_HEADER, message_rows(messages)))?)
}

pub fn run_report(report: &RunReport, dry_run: bool, output: Output) -> anyhow::Result<()> {
    if output == Output::Json {
        return json(report);
    }
    if dry_run {
        if report.would_send.is_empty() {
            return Ok(out("nothing to send")?);
        }
        let text = format!(
            "would send {} message(s):\n{}",
            report.would_send.len(),
            table(&MESSAGE_HEADER, message_rows(&report.would_send))
        );
        return Ok(out(&text)?);
    }
    Ok(())
}

/// The one-line summary logged with `-v`.
pub fn run_summary(report: &RunReport) -> String {
    format!(
        "sent {}, to retry {}, failed {}, expired {}, recovered {}, released {}",
        report.sent, report.retry, report.failed, report.expired, report.recovered, report.released
    )
}

pub fn message_detail(detail: &MessageDetail, output: Output) -> anyhow::Result<()> {
    if output == Output::Json {
        return json(detail);
    }
    let m = &detail.message;
    let mut text = format!(
        "id:            {}\nchannel:       {}\nrecipient:     {}\nstatus:        {}\nattempts:      {}\npriority:      {}\n",
        m.id, m.channel, m.recipient, m.status, m.attempts, m.priority
    );
    let optional = [
        ("tag", m.tag.clone()),
        ("created", Some(local(Some(m.created_at)))),
        ("not before", m.not_before.map(clock::to_local)),
        ("expires", m.expires_at.map(clock::to_local)),
        ("last attempt", m.last_attempt_at.map(clock::to_local)),
        ("next attempt", m.next_attempt_at.map(clock::to_local)),
        ("sent", m.sent_at.map(clock::to_local)),
        ("delivered", m.delivered_at.map(clock::to_local)),
        ("provider id", m.provider_id.clone()),
        ("last error", m.last_error.clone()),
    ];
    for (label, value) in optional {
        if let Some(value) = value {
            text.push_str(&format!("{:<15}{value}\n", format!("{label}:")));
        }
    }
    match &detail.content {
        ContentDetail::Email {
            from,
            reply_to,
            to,
            cc,
            subject,
            headers,
            text_preview,
            has_html,
        } => {
            text.push_str(&format!("\nFrom: {from}\n"));
            if !to.is_empty() {
                text.push_str(&format!("To: {}\n", to.join(", ")));
            }
            if !cc.is_empty() {
                text.push_str(&format!("Cc: {}\n", cc.join(", ")));
            }
            if let Some(reply_to) = reply_to {
                text.push_str(&format!("Reply-To: {reply_to}\n"));
            }
            text.push_str(&format!("Subject: {subject}\n"));
            for (name, value) in headers {
                text.push_str(&format!("{name}: {value}\n"));
            }
            text.push_str(&format!("\n{text_preview}\n"));
            if *has_html {
                text.push_str("(and an HTML part)\n");
            }
        }
        ContentDetail::Push {
            payload,
            ttl,
            urgency,
            topic,
        } => {
            text.push_str(&format!(
                "\npayload: {payload}\nttl: {ttl}s, urgency: {urgency:?}, topic: {}\n",
                topic.clone().unwrap_or_default()
            ));
        }
        ContentDetail::Maarch { report } => {
            text.push_str(&format!("\nreport: {}\n", serde_json::to_string(report)?));
        }
        ContentDetail::Sms {
            sender,
            text: sms,
            encoding,
            segments,
        } => {
            text.push_str(&format!(
                "\nsender:        {sender}\nencoding:      {encoding}, {segments} segment(s)\n\n{sms}\n"
            ));
        }
    }
    if !detail.attachments.is_empty() {
        text.push_str("\nattachments:\n");
        for a in &detail.attachments {
            text.push_str(&format!(
                "  {} ({}, {} bytes)\n",
                a.filename, a.content_type, a.size
            ));
        }
    }
    text.push_str("\nhistory:\n");
    let rows = detail
        .events
        .iter()
        .map(|e| {
            vec![
                local(Some(e.at)),
                format!(
                    "{} → {}",
                    e.old_status.map(|s| s.to_string()).unwrap_or_else(|| "-".into()),
                    e.new_status
                ),
                e.reason.clone(),
                e.detail.clone().unwrap_or_default(),
                e.actor.clone(),
            ]
        })
        .collect();
    text.push_str(&table(&["time", "change", "reason", "reply", "by"], rows));
    Ok(out(&text)?)
}

pub fn stats(stats: &Stats, output: Output) -> anyhow::Result<()> {
    if output == Output::Json {
        return json(stats);
    }
    let rows = stats
        .counts
        .iter()
        .map(|c| vec![c.channel.to_string(), c.status.to_string(), c.count.to_string()])
        .collect();
    let mut text = table(&["channel", "status", "count"], rows);
    if let (Some(oldest), Some(age)) = (stats.oldest_pending, stats.oldest_pending_age_secs) {
        text.push_str(&format!(
            "\noldest pending: {} ({age}s ago)",
            clock::to_local(oldest)
        ));
    }
    Ok(out(&text)?)
}

pub fn purge_report(report: &crate::ops::inspect::PurgeReport, output: Output) -> anyhow::Result<()> {
    if output == Output::Json {
        return json(report);
    }
    Ok(())
}

pub fn groups(groups: &[crate::store::Group], output: Output) -> anyhow::Result<()> {
    if output == Output::Json {
        return json(groups);
    }
    let rows = groups
        .iter()
        .map(|g| {
            vec![
                g.slug.clone(),
                g.label.clone(),
                g.active.to_string(),
                g.unsubscribed.to_string(),
            ]
        })
        .collect();
    Ok(out(&table(&["group", "label", "active", "unsubscribed"], rows))?)
}

pub fn members(members: &[crate::store::Member], output: Output) -> anyhow::Result<()> {
    if output == Output::Json {
        return json(members);
    }
    let rows = members
        .iter()
        .map(|m| {
            let attributes: Vec<String> = m
                .attributes
                .iter()
                .map(|(k, v)| format!("{k}={}", v.as_str().unwrap_or_default()))
                .collect();
            vec![
                m.email.clone(),
                m.status.as_str().to_string(),
                local(Some(m.created_at)),
                attributes.join(" "),
            ]
        })
        .collect();
    Ok(out(&table(&["email", "status", "since", "attributes"], rows))?)
}

pub fn add_report(report: &crate::ops::newsletter::AddReport, output: Output) -> anyhow::Result<()> {
    if output == Output::Json {
        return json(report);
    }
    // Skipped lines are worth saying even without -v: the import was partial.
    if !report.invalid.is_empty() {
        let mut text = format!("skipped {} bad line(s):\n", report.invalid.len());
        for line in &report.invalid {
            text.push_str(&format!("  line {}: {}\n", line.line, line.error));
        }
        return Ok(out(&text)?);
    }
    Ok(())
}

pub fn templates(templates: &[crate::store::Template], output: Output) -> anyhow::Result<()> {
    if output == Output::Json {
        return json(templates);
    }
    let rows = templates
        .iter()
        .map(|t| {
            vec![
                t.name.clone(),
                t.subject.clone(),
                (if t.html.is_some() { "yes" } else { "no" }).to_string(),
                local(Some(t.updated_at)),
            ]
        })
        .collect();
    Ok(out(&table(&["name", "subject", "html", "updated"], rows))?)
}

pub fn template(template: &crate::store::Template, output: Output) -> anyhow::Result<()> {
    if output == Output::Json {
        return json(template);
    }
    let mut text = format!(
        "name: {}\nsubject: {}\n\n--- text ---\n{}\n",
        template.name, template.subject, template.text
    );
    if let Some(html) = &template.html {
        text.push_str(&format!("--- html ---\n{html}\n"));
    }
    Ok(out(&text)?)
}

pub fn rendered(rendered: &crate::ops::template::Rendered, output: Output) -> anyhow::Result<()> {
    if output == Output::Json {
        return json(
            &serde_json::json!({"subject": rendered.subject, "text": rendered.text, "html": rendered.html}),
        );
    }
    let mut text = format!("Subject: {}\n\n{}", rendered.subject, rendered.text);
    if let Some(html) = &rendered.html {
        text.push_str(&format!("\n--- html ---\n{html}\n"));
    }
    Ok(out(&text)?)
}

pub fn feed_report(
    report: &crate::ops::maarch::FeedReport,
    dry_run: bool,
    output: Output,
) -> anyhow::Result<()> {
    if output == Output::Json {
        return json(report);
    }
    if dry_run {
        let ids: Vec<String> = report.would_harvest.iter().map(i64::to_string).collect();
        return Ok(out(&format!(
            "would harvest {} mail(s): {}",
            ids.len(),
            ids.join(" ")
        ))?);
    }
    Ok(())
}

pub fn mails(mails: &[crate::store::Mail], output: Output) -> anyhow::Result<()> {
    if output == Output::Json {
        return json(mails);
    }
    if mails.is_empty() {
        return Ok(());
    }
    let rows = mails
        .iter()
        .map(|m| {
            vec![
                m.id.to_string(),
                m.external_id.clone(),
                m.subject.clone().unwrap_or_default(),
                m.status.as_str().to_string(),
                m.form_number.clone().unwrap_or_default(),
                local(Some(m.received_at)),
            ]
        })
        .collect();
    Ok(out(&table(
        &["id", "external id", "subject", "status", "form", "received"],
        rows,
    ))?)
}

pub fn mail(mail: &crate::store::Mail, output: Output) -> anyhow::Result<()> {
    if output == Output::Json {
        return json(mail);
    }
    let mut text = format!(
        "id:           {}\nexternal id:  {}\nres_id:       {}\nsubject:      {}\nstatus:       {}\nfile:         {} bytes\nreceived:     {}\n",
        mail.id,
        mail.external_id,
        mail.res_id,
        mail.subject.clone().unwrap_or_default(),
        mail.status.as_str(),
        mail.file_size,
        local(Some(mail.received_at)),
    );
    if let Some(number) = &mail.form_number {
        text.push_str(&format!(
            "form:         {number} {}\n",
            mail.form_url.clone().unwrap_or_default()
        ));
    }
    if let Some(metadata) = &mail.metadata {
        text.push_str(&format!(
            "\nmetadata:\n{}\n",
            serde_json::to_string_pretty(metadata)?
        ));
    }
    Ok(out(&text)?)
}

pub fn subscriptions(subscriptions: &[crate::store::Subscription], output: Output) -> anyhow::Result<()> {
    if output == Output::Json {
        return json(subscriptions);
    }
    if subscriptions.is_empty() {
        return Ok(());
    }
    let rows = subscriptions
        .iter()
        .map(|s| {
            vec![
                s.id.to_string(),
                s.user.clone(),
                s.endpoint.clone(),
                local(Some(s.created_at)),
            ]
        })
        .collect();
    Ok(out(&table(&["id", "user", "endpoint", "since"], rows))?)
}

pub fn workflows(workflows: &[crate::store::StoredWorkflow], output: Output) -> anyhow::Result<()> {
    if output == Output::Json {
        return json(workflows);
    }
    if workflows.is_empty() {
        return Ok(());
    }
    let rows = workflows
        .iter()
        .map(|w| vec![w.name.clone(), w.label.clone(), local(Some(w.imported_at))])
        .collect();
    Ok(out(&table(&["workflow", "label", "imported"], rows))?)
}

pub fn workflow(workflow: &crate::ops::workflow::Workflow, output: Output) -> anyhow::Result<()> {
    if output == Output::Json {
        return json(workflow);
    }
    let mut text = format!(
        "{} ({}), starts in {}\n",
        workflow.name, workflow.label, workflow.initial
    );
    for status in &workflow.statuses {
        text.push_str(&format!("\n{}: {}\n", status.id, status.label));
        for jump in &status.jumps {
            text.push_str(&format!("  jump {} ({}) -> {}\n", jump.id, jump.label, jump.to));
        }
        for entry in &status.on_enter {
            let what = match entry.action() {
                Ok(crate::ops::workflow::Action::Email(e)) => {
                    format!("email to {}: {}", e.to.join(", "), e.subject)
                }
                Ok(crate::ops::workflow::Action::Sms(s)) => format!("sms to {}", s.to.join(", ")),
                Ok(crate::ops::workflow::Action::Notify(n)) => format!("notify {}: {}", n.user, n.title),
                Ok(crate::ops::workflow::Action::MaarchResponse(_)) => {
                    "maarch_response to the mails linked to the form".to_string()
                }
                Err(e) => e,
            };
            text.push_str(&format!("  on enter: {what}\n"));
        }
    }
    Ok(out(&text)?)
}

pub fn forms(forms: &[crate::store::Form], output: Output) -> anyhow::Result<()> {
    if output == Output::Json {
        return json(forms);
    }
    if forms.is_empty() {
        return Ok(());
    }
    let rows = forms
        .iter()
        .map(|f| {
            vec![
                f.number.clone(),
                f.workflow.clone(),
                f.name.clone(),
                f.status.clone(),
                local(Some(f.updated_at)),
            ]
        })
        .collect();
    Ok(out(&table(
        &["number", "workflow", "name", "status", "updated"],
        rows,
    ))?)
}

pub fn form(detail: &crate::ops::workflow::FormDetail, output: Output) -> anyhow::Result<()> {
    if output == Output::Json {
        return json(detail);
    }
    let f = &detail.form;
    let mut text = format!(
        "number:   {}\nname:     {}\nworkflow: {}\nstatus:   {} ({})\ndata:     {}\n",
        f.number, f.name, f.workflow, f.status, detail.status_label, f.data
    );
    for jump in &detail.jumps {
        text.push_str(&format!(
            "jump:     {} ({}) -> {}\n",
            jump.id, jump.label, jump.to
        ));
    }
    text.push_str("\nhistory:\n");
    let rows = detail
        .history
        .iter()
        .map(|h| {
            vec![
                local(Some(h.at)),
                format!("{} → {}", h.from.clone().unwrap_or_else(|| "-".into()), h.to),
                h.jump.clone().unwrap_or_default(),
                h.actor.clone(),
            ]
        })
        .collect();
    text.push_str(&table(&["time", "change", "jump", "by"], rows));
    Ok(out(&text)?)
}
