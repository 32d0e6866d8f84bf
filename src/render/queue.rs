//! The queue: listings, runs, one message, statistics.

use super::{Output, json, local, out, table};
use crate::clock::{self};
use crate::ops::channel::ContentDetail;
use crate::ops::inspect::{MessageDetail, Stats};
use crate::ops::queue::RunReport;
use crate::store::Message;

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

/// How `queue list` writes: a table, one JSON array, or one JSON object a
/// line (`--json-lines`, as `postqueue -j`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ListFormat {
    Table,
    Json,
    JsonLines,
}

/// A table holds this many rows before it is printed: columns are sized
/// per page, memory stays flat for any listing.
const PAGE_ROWS: usize = 500;

/// `queue list`'s output, written row by row as the rows are read.
pub(crate) struct MessageList {
    format: ListFormat,
    page: Vec<Message>,
    /// Rows written so far.
    written: usize,
    /// The terminal's width when stdout is one: tables are cut to it.
    width: Option<usize>,
    /// Buffered: stdout is line-buffered, a write per line was most of
    /// the time of a big listing.
    stdout: std::io::BufWriter<std::io::StdoutLock<'static>>,
}

impl MessageList {
    pub(crate) fn new(format: ListFormat) -> MessageList {
        use std::io::IsTerminal;
        let stdout = std::io::stdout();
        let width = if stdout.is_terminal() {
            terminal_size::terminal_size().map(|(width, _)| usize::from(width.0))
        } else {
            None
        };
        MessageList {
            format,
            page: Vec::new(),
            written: 0,
            width,
            stdout: std::io::BufWriter::with_capacity(64 * 1024, stdout.lock()),
        }
    }

    pub(crate) fn push(&mut self, message: Message) -> anyhow::Result<()> {
        use std::io::Write;
        match self.format {
            ListFormat::Table => {
                self.page.push(message);
                if self.page.len() == PAGE_ROWS {
                    self.write_page()?;
                }
            }
            ListFormat::JsonLines => {
                serde_json::to_writer(&mut self.stdout, &message)?;
                self.stdout.write_all(b"\n")?;
            }
            ListFormat::Json => {
                // serde_json's pretty array, one element at a time.
                let opening: &[u8] = if self.written == 0 { b"[\n" } else { b",\n" };
                self.stdout.write_all(opening)?;
                let text = serde_json::to_string_pretty(&message)?;
                for (i, line) in text.lines().enumerate() {
                    if i > 0 {
                        self.stdout.write_all(b"\n")?;
                    }
                    write!(self.stdout, "  {line}")?;
                }
            }
        }
        self.written += 1;
        Ok(())
    }

    fn write_page(&mut self) -> anyhow::Result<()> {
        use std::io::Write;
        if self.page.is_empty() {
            return Ok(());
        }
        let mut table = super::table_of(&MESSAGE_HEADER, message_rows(&self.page));
        if let Some(width) = self.width {
            table.with(
                tabled::settings::Width::truncate(width)
                    .suffix("…")
                    .priority(tabled::settings::peaker::PriorityMax::left()),
            );
        }
        writeln!(self.stdout, "{table}")?;
        self.page.clear();
        Ok(())
    }

    /// Ends the listing; `more` rows were left out by the limit.
    pub(crate) fn finish(mut self, more: i64) -> anyhow::Result<()> {
        use std::io::Write;
        match self.format {
            ListFormat::Table => {
                self.write_page()?;
                if more > 0 {
                    writeln!(self.stdout, "… {more} more (--limit N, or --limit 0 for all)")?;
                }
            }
            ListFormat::Json if self.written == 0 => writeln!(self.stdout, "[]")?,
            ListFormat::Json => self.stdout.write_all(b"\n]\n")?,
            ListFormat::JsonLines => {}
        }
        self.stdout.flush()?;
        Ok(())
    }
}

pub(crate) fn run_report(report: &RunReport, dry_run: bool, output: Output) -> anyhow::Result<()> {
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
pub(crate) fn run_summary(report: &RunReport) -> String {
    format!(
        "sent {}, to retry {}, failed {}, expired {}, recovered {}, released {}",
        report.sent, report.retry, report.failed, report.expired, report.recovered, report.released
    )
}

pub(crate) fn message_detail(detail: &MessageDetail, output: Output) -> anyhow::Result<()> {
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

pub(crate) fn stats(stats: &Stats, output: Output) -> anyhow::Result<()> {
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
    if !stats.returned.is_empty() {
        let rows = stats
            .returned
            .iter()
            .map(|r| {
                vec![
                    r.channel.to_string(),
                    r.bounced.to_string(),
                    r.delayed.to_string(),
                    r.complaints.to_string(),
                ]
            })
            .collect();
        text.push_str("\n\ncame back (since the state began):\n");
        text.push_str(&table(&["channel", "bounced", "delayed", "complaints"], rows));
    }
    Ok(out(&text)?)
}

pub(crate) fn purge_report(
    report: &crate::ops::queue_admin::PurgeReport,
    output: Output,
) -> anyhow::Result<()> {
    if output == Output::Json {
        return json(report);
    }
    Ok(())
}
