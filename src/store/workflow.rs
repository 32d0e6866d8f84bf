//! Workflows, forms, their history, and action-link tokens. A form's status
//! change, its history row, the messages its new status sends and the action
//! tokens they carry are written in one transaction.

use serde::Serialize;

use super::db::{Conn, DbError, DbResult, Row, args};
use super::messages::{NewBody, NewRow, insert_body, insert_message};
use super::{Reader, Store};
use crate::clock::{self, Timestamp};

#[derive(Debug, Clone, Serialize)]
pub struct StoredWorkflow {
    pub name: String,
    pub label: String,
    #[serde(skip)]
    pub definition: String,
    pub imported_at: Timestamp,
}

#[derive(Debug, Clone, Serialize)]
pub struct Form {
    #[serde(skip)]
    pub id: i64,
    pub number: String,
    pub workflow: String,
    pub name: String,
    pub data: serde_json::Value,
    pub user: Option<String>,
    pub email: Option<String>,
    pub status: String,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
}

#[derive(Debug, Clone, Serialize)]
pub struct HistoryEntry {
    pub at: Timestamp,
    pub from: Option<String>,
    pub to: String,
    pub jump: Option<String>,
    pub actor: String,
    /// What the jump carried (a comment, `--data`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub data: Option<serde_json::Value>,
}

/// An action link created while rendering a message.
#[derive(Debug, Clone)]
pub struct NewActionToken {
    pub hash: [u8; 32],
    pub jump: String,
    pub recipient: Option<String>,
    pub label: String,
    pub message: Option<String>,
    pub done_message: Option<String>,
    pub expires_at: Timestamp,
    /// `optional` or `required`: the link's page asks for a comment.
    pub comment: Option<String>,
    /// A remote w.c.s. form whose trigger `jump` the link runs.
    pub remote_form: Option<String>,
}

/// An action link as stored (by the hash of its token).
#[derive(Debug, Clone)]
pub struct ActionToken {
    pub form_id: i64,
    pub jump: String,
    pub status: String,
    pub recipient: Option<String>,
    pub label: String,
    pub message: Option<String>,
    pub done_message: Option<String>,
    pub expires_at: Timestamp,
    pub used_at: Option<Timestamp>,
    pub comment: Option<String>,
    /// A remote w.c.s. form's URL: the jump (a trigger) runs there.
    pub remote_form: Option<String>,
}

/// What entering a status produces: messages to queue and their links.
#[derive(Default)]
pub struct Effects {
    pub sends: Vec<(NewBody, Vec<NewRow>)>,
    pub tokens: Vec<NewActionToken>,
    /// Responses to Maarch mails linked to the form: (mail id, report). Each
    /// is queued only if the mail is still `linked` (never answered twice).
    pub mail_responses: Vec<(i64, NewBody, NewRow)>,
}

/// Why a form change did not happen.
#[derive(Debug)]
pub enum FormChangeError {
    /// The form is no longer in the status the change was decided from.
    Moved,
    /// The action link was used (or raced and lost) meanwhile.
    TokenUsed,
    /// Rendering the new status's actions failed (bad input, or a read
    /// that failed: the error keeps its kind).
    Actions(anyhow::Error),
    Db(DbError),
}

impl From<DbError> for FormChangeError {
    fn from(e: DbError) -> Self {
        FormChangeError::Db(e)
    }
}

fn form_from_row(row: &Row) -> DbResult<Form> {
    let data: String = row.get(4)?;
    let created: String = row.get(8)?;
    let updated: String = row.get(9)?;
    Ok(Form {
        id: row.get(0)?,
        number: row.get(1)?,
        workflow: row.get(2)?,
        name: row.get(3)?,
        data: serde_json::from_str(&data).unwrap_or_default(),
        user: row.get(5)?,
        email: row.get(6)?,
        status: row.get(7)?,
        created_at: clock::from_db(&created).unwrap_or_default(),
        updated_at: clock::from_db(&updated).unwrap_or_default(),
    })
}

const FORM_COLUMNS: &str =
    "id, number, workflow, name, data, \"user\", email, status, created_at, updated_at";

fn apply_effects(
    tx: &Conn,
    form_id: i64,
    status: &str,
    effects: &Effects,
    now: &str,
    actor: &str,
) -> DbResult<()> {
    for (body, rows) in &effects.sends {
        let body_id = insert_body(tx, body, now, actor)?;
        for row in rows {
            insert_message(tx, body.channel, body_id, row, now)?;
        }
    }
    for (mail_id, body, row) in &effects.mail_responses {
        let answered = tx.execute(
            "UPDATE maarch_mails SET status = 'responded', updated_at = ?2 WHERE id = ?1 AND status = 'linked'",
            args![mail_id, now],
        )?;
        if answered == 1 {
            let body_id = insert_body(tx, body, now, actor)?;
            insert_message(tx, body.channel, body_id, row, now)?;
        }
    }
    for token in &effects.tokens {
        tx.execute(
            "INSERT INTO action_tokens (token_hash, form_id, jump, status, recipient, label, message, done_message, \
             expires_at, created_at, comment, remote_form) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
            args![
                &token.hash[..],
                form_id,
                token.jump,
                status,
                token.recipient,
                token.label,
                token.message,
                token.done_message,
                clock::to_db(token.expires_at),
                now,
                token.comment,
                token.remote_form
            ],
        )?;
    }
    Ok(())
}

impl Store {
    pub fn save_workflow(&mut self, name: &str, label: &str, definition: &str) -> DbResult<()> {
        let now = clock::to_db(clock::now());
        self.conn.execute(
            "INSERT INTO workflows (name, label, definition, imported_at) VALUES (?1, ?2, ?3, ?4) \
             ON CONFLICT (name) DO UPDATE SET label = ?2, definition = ?3, imported_at = ?4",
            args![name, label, definition, now],
        )?;
        Ok(())
    }

    pub fn workflows(&self) -> DbResult<Vec<StoredWorkflow>> {
        self.conn.query_map(
            "SELECT name, label, definition, imported_at FROM workflows ORDER BY name",
            args![],
            |row| {
                let at: String = row.get(3)?;
                Ok(StoredWorkflow {
                    name: row.get(0)?,
                    label: row.get(1)?,
                    definition: row.get(2)?,
                    imported_at: clock::from_db(&at).unwrap_or_default(),
                })
            },
        )
    }

    pub fn workflow(&self, name: &str) -> DbResult<Option<StoredWorkflow>> {
        Ok(self.workflows()?.into_iter().find(|w| w.name == name))
    }

    pub fn form(&self, number: &str) -> DbResult<Option<Form>> {
        self.conn.query_opt(
            &format!("SELECT {FORM_COLUMNS} FROM forms WHERE number = ?1"),
            args![number],
            form_from_row,
        )
    }

    pub fn forms(&self, status: Option<&str>, workflow: Option<&str>) -> DbResult<Vec<Form>> {
        self.conn.query_map(
            &format!(
                "SELECT {FORM_COLUMNS} FROM forms WHERE (CAST(?1 AS TEXT) IS NULL OR status = ?1) \
                 AND (CAST(?2 AS TEXT) IS NULL OR workflow = ?2) ORDER BY id"
            ),
            args![status, workflow],
            form_from_row,
        )
    }

    pub fn form_history(&self, form_id: i64) -> DbResult<Vec<HistoryEntry>> {
        self.conn.query_map(
            "SELECT at, from_status, to_status, jump, actor, data FROM form_history WHERE form_id = ?1 ORDER BY id",
            args![form_id],
            |row| {
                let at: String = row.get(0)?;
                let data: Option<String> = row.get(5)?;
                Ok(HistoryEntry {
                    at: clock::from_db(&at).unwrap_or_default(),
                    from: row.get(1)?,
                    to: row.get(2)?,
                    jump: row.get(3)?,
                    actor: row.get(4)?,
                    data: data.and_then(|d| serde_json::from_str(&d).ok()),
                })
            },
        )
    }

    /// Creates a form in its initial status; `enter(number)` renders what the
    /// status sends. All or nothing.
    #[allow(clippy::too_many_arguments)]
    pub fn create_form(
        &mut self,
        workflow: &str,
        name: &str,
        data: &str,
        user: Option<&str>,
        email: Option<&str>,
        initial: &str,
        actor: &str,
        enter: impl FnOnce(&Reader, &str) -> anyhow::Result<Effects>,
    ) -> Result<String, FormChangeError> {
        let now = clock::to_db(clock::now());
        let tx = self.conn.begin()?;
        let workflow_id: i64 =
            tx.query_row("SELECT id FROM workflows WHERE name = ?1", args![workflow], |r| {
                r.get(0)
            })?;
        // A deleted form's id is never reused: SQLite's AUTOINCREMENT
        // high-water mark (the write lock is held), PostgreSQL's sequence.
        let next_id = if tx.is_postgres() {
            "SELECT nextval(pg_get_serial_sequence('forms', 'id'))"
        } else {
            "SELECT COALESCE((SELECT seq FROM sqlite_sequence WHERE name = 'forms'), 0) + 1"
        };
        let next: i64 = tx.query_row(next_id, args![], |r| r.get(0))?;
        let number = format!("{workflow_id}-{next}");
        tx.execute(
            "INSERT INTO forms (id, number, workflow, name, data, \"user\", email, status, created_at, updated_at) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9)",
            args![next, number, workflow, name, data, user, email, initial, now],
        )?;
        tx.execute(
            "INSERT INTO form_history (form_id, at, from_status, to_status, jump, actor) VALUES (?1, ?2, NULL, ?3, NULL, ?4)",
            args![next, now, initial, actor],
        )?;
        let effects = enter(&Reader { conn: &tx }, &number).map_err(FormChangeError::Actions)?;
        apply_effects(&tx, next, initial, &effects, &now, actor)?;
        tx.commit()?;
        Ok(number)
    }

    pub fn action_token(&self, hash: &[u8; 32]) -> DbResult<Option<ActionToken>> {
        self.conn.query_opt(
            "SELECT form_id, jump, status, recipient, label, message, done_message, expires_at, used_at, comment, \
             remote_form FROM action_tokens WHERE token_hash = ?1",
            args![hash],
            |row| {
                let expires: String = row.get(7)?;
                let used: Option<String> = row.get(8)?;
                Ok(ActionToken {
                    form_id: row.get(0)?,
                    jump: row.get(1)?,
                    status: row.get(2)?,
                    recipient: row.get(3)?,
                    label: row.get(4)?,
                    message: row.get(5)?,
                    done_message: row.get(6)?,
                    expires_at: clock::from_db(&expires).unwrap_or_default(),
                    used_at: used.as_deref().and_then(clock::from_db),
                    comment: row.get(9)?,
                    remote_form: row.get(10)?,
                })
            },
        )
    }

    /// A link to a remote w.c.s. form (`token.jump` is the trigger).
    pub fn insert_remote_action_token(&mut self, form_url: &str, token: &NewActionToken) -> DbResult<()> {
        self.conn.execute(
            "INSERT INTO action_tokens (token_hash, form_id, jump, status, recipient, label, message, done_message, \
             expires_at, created_at, comment, remote_form) VALUES (?1, 0, ?2, 'remote', ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
            args![
                &token.hash[..],
                token.jump,
                token.recipient,
                token.label,
                token.message,
                token.done_message,
                clock::to_db(token.expires_at),
                clock::to_db(clock::now()),
                token.comment,
                form_url
            ],
        )?;
        Ok(())
    }

    /// Marks a link used; false if it already was (another click won).
    pub fn claim_action_token(&mut self, hash: &[u8; 32]) -> DbResult<bool> {
        let claimed = self.conn.execute(
            "UPDATE action_tokens SET used_at = ?2 WHERE token_hash = ?1 AND used_at IS NULL",
            args![hash, clock::to_db(clock::now())],
        )?;
        Ok(claimed == 1)
    }

    /// Gives a claimed link back (the remote could not be reached).
    pub fn release_action_token(&mut self, hash: &[u8; 32]) -> DbResult<()> {
        self.conn.execute(
            "UPDATE action_tokens SET used_at = NULL WHERE token_hash = ?1",
            args![hash],
        )?;
        Ok(())
    }

    pub fn form_by_id(&self, id: i64) -> DbResult<Option<Form>> {
        self.conn.query_opt(
            &format!("SELECT {FORM_COLUMNS} FROM forms WHERE id = ?1"),
            args![id],
            form_from_row,
        )
    }

    /// Stores an action link made outside a message (`issue-action-token`).
    pub fn insert_action_token(&mut self, form: &Form, token: &NewActionToken) -> DbResult<()> {
        let now = clock::to_db(clock::now());
        let tx = self.conn.begin()?;
        let effects = Effects {
            tokens: vec![token.clone()],
            ..Effects::default()
        };
        apply_effects(&tx, form.id, &form.status, &effects, &now, "")?;
        tx.commit()
    }

    /// Deletes the tokens that expired, and those used before `used_before`.
    pub fn purge_action_tokens(&mut self, now: Timestamp, used_before: Timestamp) -> DbResult<usize> {
        self.conn.execute(
            "DELETE FROM action_tokens WHERE expires_at < ?1 OR (used_at IS NOT NULL AND used_at < ?2)",
            args![clock::to_db(now), clock::to_db(used_before)],
        )
    }

    /// Deletes a form and its history (its action links then say so).
    pub fn delete_form(&mut self, id: i64) -> DbResult<usize> {
        self.conn.execute("DELETE FROM forms WHERE id = ?1", args![id])
    }

    /// Moves a form from `form.status` to `to` by `jump` if it is still there;
    /// `enter()` renders what the new status sends. With `token`, that action
    /// link is consumed in the same transaction (single use: of two racing
    /// confirmations, one jumps and the other gets `TokenUsed`). All or nothing.
    pub fn jump_form(
        &mut self,
        form: &Form,
        to: &str,
        jump: &str,
        (actor, data): (&str, Option<&str>),
        token: Option<&[u8; 32]>,
        enter: impl FnOnce(&Reader) -> anyhow::Result<Effects>,
    ) -> Result<(), FormChangeError> {
        let now = clock::to_db(clock::now());
        let tx = self.conn.begin()?;
        if let Some(hash) = token {
            let used = tx.execute(
                "UPDATE action_tokens SET used_at = ?2 WHERE token_hash = ?1 AND used_at IS NULL",
                args![hash, now],
            )?;
            if used == 0 {
                return Err(FormChangeError::TokenUsed);
            }
        }
        let moved = tx.execute(
            "UPDATE forms SET status = ?3, updated_at = ?4 WHERE id = ?1 AND status = ?2",
            args![form.id, form.status, to, now],
        )?;
        if moved == 0 {
            return Err(FormChangeError::Moved);
        }
        tx.execute(
            "INSERT INTO form_history (form_id, at, from_status, to_status, jump, actor, data) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            args![form.id, now, form.status, to, jump, actor, data],
        )?;
        let effects = enter(&Reader { conn: &tx }).map_err(FormChangeError::Actions)?;
        apply_effects(&tx, form.id, to, &effects, &now, actor)?;
        tx.commit()?;
        Ok(())
    }
}
