//! Mail harvested from Maarch Courrier, and the reports queued back to it.

use serde::Serialize;

use super::db::{DbResult, Row, args};
use super::messages::{NewBody, NewRow, insert_body, insert_message};
use super::{Reader, Store};
use crate::clock::{self, Timestamp};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum MailStatus {
    /// Harvested; nothing decided yet.
    Received,
    /// Turned into a request (external id sent to Maarch).
    Linked,
    /// Not for the platform.
    Rejected,
    /// The platform answered.
    Responded,
}

impl MailStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            MailStatus::Received => "received",
            MailStatus::Linked => "linked",
            MailStatus::Rejected => "rejected",
            MailStatus::Responded => "responded",
        }
    }

    fn parse(text: &str) -> MailStatus {
        match text {
            "linked" => MailStatus::Linked,
            "rejected" => MailStatus::Rejected,
            "responded" => MailStatus::Responded,
            _ => MailStatus::Received,
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Mail {
    pub id: i64,
    pub external_id: String,
    pub res_id: i64,
    pub subject: Option<String>,
    pub status: MailStatus,
    pub form_number: Option<String>,
    pub form_url: Option<String>,
    pub file_size: i64,
    pub received_at: Timestamp,
    pub acknowledged_at: Option<Timestamp>,
    pub updated_at: Timestamp,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub metadata: Option<serde_json::Value>,
}

pub struct NewMail<'a> {
    pub external_id: &'a str,
    pub res_id: i64,
    pub subject: Option<&'a str>,
    pub metadata: &'a str,
    pub file: &'a [u8],
}

const MAIL_COLUMNS: &str = "id, external_id, res_id, subject, status, form_number, form_url, file_size, \
     received_at, acknowledged_at, updated_at, metadata";

fn mail_from_row(row: &Row) -> DbResult<Mail> {
    let time = |idx: usize| -> DbResult<Option<Timestamp>> {
        let text: Option<String> = row.get(idx)?;
        Ok(text.as_deref().and_then(clock::from_db))
    };
    let status: String = row.get(4)?;
    let metadata: String = row.get(11)?;
    Ok(Mail {
        id: row.get(0)?,
        external_id: row.get(1)?,
        res_id: row.get(2)?,
        subject: row.get(3)?,
        status: MailStatus::parse(&status),
        form_number: row.get(5)?,
        form_url: row.get(6)?,
        file_size: row.get(7)?,
        received_at: time(8)?.unwrap_or_default(),
        acknowledged_at: time(9)?,
        updated_at: time(10)?.unwrap_or_default(),
        metadata: serde_json::from_str(&metadata).ok(),
    })
}

impl Store {
    pub fn mail_by_external_id(&self, external_id: &str) -> DbResult<Option<Mail>> {
        self.conn.query_opt(
            &format!("SELECT {MAIL_COLUMNS} FROM maarch_mails WHERE external_id = ?1"),
            args![external_id],
            mail_from_row,
        )
    }

    pub fn mail(&self, id: i64) -> DbResult<Option<Mail>> {
        self.conn.query_opt(
            &format!("SELECT {MAIL_COLUMNS} FROM maarch_mails WHERE id = ?1"),
            args![id],
            mail_from_row,
        )
    }

    pub fn mails(&self, status: Option<MailStatus>) -> DbResult<Vec<Mail>> {
        let mut mails: Vec<Mail> = self.conn.query_map(
            &format!(
                "SELECT {MAIL_COLUMNS} FROM maarch_mails WHERE (CAST(?1 AS TEXT) IS NULL OR status = ?1) ORDER BY id"
            ),
            args![status.map(MailStatus::as_str)],
            mail_from_row,
        )?;
        for mail in &mut mails {
            mail.metadata = None;
        }
        Ok(mails)
    }

    pub fn mail_file(&self, id: i64) -> DbResult<Option<Vec<u8>>> {
        self.conn
            .query_opt("SELECT file FROM maarch_mails WHERE id = ?1", args![id], |row| {
                row.get(0)
            })
            .map(Option::flatten)
    }

    /// Stores a harvested mail; false if it was stored already.
    pub fn insert_mail(&mut self, mail: &NewMail) -> DbResult<bool> {
        let now = clock::to_db(clock::now());
        let inserted = self.conn.execute(
            "INSERT INTO maarch_mails (external_id, res_id, subject, metadata, file, file_size, received_at, updated_at) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7) ON CONFLICT DO NOTHING",
            args![mail.external_id, mail.res_id, mail.subject, mail.metadata, mail.file, mail.file.len() as i64, now],
        )?;
        Ok(inserted == 1)
    }

    /// Notes that Maarch now knows the mail was taken.
    pub fn acknowledge_mail(&mut self, external_id: &str) -> DbResult<()> {
        let now = clock::to_db(clock::now());
        self.conn.execute(
            "UPDATE maarch_mails SET acknowledged_at = ?2, updated_at = ?2 WHERE external_id = ?1",
            args![external_id, now],
        )?;
        Ok(())
    }

    /// Changes a mail's local status and queues its report to Maarch, in one
    /// transaction. Returns the queue row id.
    pub fn report_mail(
        &mut self,
        id: i64,
        status: MailStatus,
        form: Option<(&str, &str)>,
        report: &NewBody,
        row: &NewRow,
        actor: &str,
    ) -> DbResult<i64> {
        let now = clock::to_db(clock::now());
        let tx = self.conn.begin()?;
        tx.execute(
            "UPDATE maarch_mails SET status = ?2, updated_at = ?3, \
             form_number = COALESCE(?4, form_number), form_url = COALESCE(?5, form_url) WHERE id = ?1",
            args![id, status.as_str(), now, form.map(|f| f.0), form.map(|f| f.1)],
        )?;
        let body_id = insert_body(&tx, report, &now, actor)?;
        let message_id = insert_message(&tx, report.channel, body_id, row, &now)?;
        tx.commit()?;
        Ok(message_id)
    }
}

impl Reader<'_> {
    /// Mails linked to a form and not answered yet.
    pub fn mails_linked_to(&self, form_number: &str) -> DbResult<Vec<Mail>> {
        self.conn.query_map(
            &format!("SELECT {MAIL_COLUMNS} FROM maarch_mails WHERE form_number = ?1 AND status = 'linked' ORDER BY id"),
            args![form_number],
            mail_from_row,
        )
    }
}
