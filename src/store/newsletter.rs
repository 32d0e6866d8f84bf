//! Newsletters: subscriber groups and their members, message templates, and
//! the unsubscribe tokens of queued rows.

use serde::Serialize;

use super::Store;
use super::db::{DbError, DbResult, Row, ToArg, args, row_placeholders};
use super::messages::{NewBody, NewRow, insert_body};
use crate::clock::{self, Timestamp};
use crate::progress::Progress;

#[derive(Debug, Clone, Serialize)]
pub struct Group {
    #[serde(skip)]
    pub id: i64,
    pub slug: String,
    pub label: String,
    pub created_at: Timestamp,
    pub active: i64,
    pub unsubscribed: i64,
    pub bounced: i64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum MemberStatus {
    Active,
    Unsubscribed,
    /// Its address bounced for good (`publik bounce`): not mailed again.
    Bounced,
}

impl MemberStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            MemberStatus::Active => "active",
            MemberStatus::Unsubscribed => "unsubscribed",
            MemberStatus::Bounced => "bounced",
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Member {
    #[serde(skip)]
    pub id: i64,
    pub email: String,
    pub attributes: serde_json::Map<String, serde_json::Value>,
    pub status: MemberStatus,
    pub created_at: Timestamp,
    pub unsubscribed_at: Option<Timestamp>,
    /// Why an unsubscribed member left: `link`, `complaint` or `provider`.
    pub unsubscribe_reason: Option<String>,
}

/// An active member, as a newsletter's fan-out reads it.
pub(crate) struct MemberRow {
    pub id: i64,
    pub email: String,
    /// JSON object: the CSV's other columns.
    pub attributes: String,
}

pub(crate) struct NewMember {
    pub email: String,
    pub attributes: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Template {
    pub name: String,
    pub subject: String,
    pub text: String,
    pub html: Option<String>,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
}

fn member_from_row(row: &Row) -> DbResult<Member> {
    let attributes: String = row.get(2)?;
    let status: String = row.get(3)?;
    let created: String = row.get(4)?;
    let unsubscribed: Option<String> = row.get(5)?;
    Ok(Member {
        id: row.get(0)?,
        email: row.get(1)?,
        attributes: serde_json::from_str(&attributes).unwrap_or_default(),
        status: match status.as_str() {
            "unsubscribed" => MemberStatus::Unsubscribed,
            "bounced" => MemberStatus::Bounced,
            _ => MemberStatus::Active,
        },
        created_at: clock::from_db(&created).unwrap_or_default(),
        unsubscribed_at: unsubscribed.as_deref().and_then(clock::from_db),
        unsubscribe_reason: row.get(6)?,
    })
}

impl Store {
    /// Creates a group; false if the slug is taken.
    pub fn create_group(&mut self, slug: &str, label: &str) -> DbResult<bool> {
        let now = clock::to_db(clock::now());
        let inserted = self.conn.execute(
            "INSERT INTO groups (slug, label, created_at) VALUES (?1, ?2, ?3) ON CONFLICT DO NOTHING",
            args![slug, label, now],
        )?;
        Ok(inserted == 1)
    }

    pub fn groups(&self) -> DbResult<Vec<Group>> {
        self.conn.query_map(
                "SELECT g.id, g.slug, g.label, g.created_at, \
                 (SELECT count(*) FROM group_members m WHERE m.group_id = g.id AND m.status = 'active'), \
                 (SELECT count(*) FROM group_members m WHERE m.group_id = g.id AND m.status = 'unsubscribed'), \
                 (SELECT count(*) FROM group_members m WHERE m.group_id = g.id AND m.status = 'bounced') \
                 FROM groups g ORDER BY g.slug",
            args![],
            |row| {
                let created: String = row.get(3)?;
                Ok(Group {
                    id: row.get(0)?,
                    slug: row.get(1)?,
                    label: row.get(2)?,
                    created_at: clock::from_db(&created).unwrap_or_default(),
                    active: row.get(4)?,
                    unsubscribed: row.get(5)?,
                    bounced: row.get(6)?,
                })
            },
        )
    }

    pub fn group(&self, slug: &str) -> DbResult<Option<Group>> {
        Ok(self.groups()?.into_iter().find(|g| g.slug == slug))
    }

    /// Adds members, ignoring addresses already in the group (an
    /// unsubscribed member stays unsubscribed). Returns how many were new.
    pub(crate) fn add_members(&mut self, group_id: i64, members: &[NewMember]) -> DbResult<usize> {
        let mut added = 0;
        self.add_members_from(group_id, |add| {
            for member in members {
                added += usize::from(add(member)?);
            }
            Ok::<_, DbError>(true)
        })?;
        Ok(added)
    }

    /// Adds the members `feed` produces, in one transaction, as it produces
    /// them (an import of any size in flat memory): `feed` gets an `add`
    /// function (true when the address was new in the group) and answers
    /// whether to keep what it added (false: the transaction is rolled
    /// back, nothing imported).
    pub(crate) fn add_members_from<E: From<DbError>>(
        &mut self,
        group_id: i64,
        feed: impl FnOnce(&mut dyn FnMut(&NewMember) -> DbResult<bool>) -> Result<bool, E>,
    ) -> Result<bool, E> {
        let now = clock::to_db(clock::now());
        let tx = self.conn.begin()?;
        let keep = {
            let mut add = |member: &NewMember| -> DbResult<bool> {
                Ok(tx.execute(
                    "INSERT INTO group_members (group_id, email, attributes, created_at) VALUES (?1, ?2, ?3, ?4) \
                     ON CONFLICT DO NOTHING",
                    args![group_id, member.email, member.attributes, now],
                )? == 1)
            };
            feed(&mut add)?
        };
        if keep {
            tx.commit()?;
        }
        Ok(keep)
    }

    /// Removes members by address; returns how many were removed.
    pub fn remove_members(&mut self, group_id: i64, emails: &[String]) -> DbResult<usize> {
        let tx = self.conn.begin()?;
        let mut removed = 0;
        let sql = format!(
            "DELETE FROM group_members WHERE group_id = ?1 AND {}",
            tx.same_address("email", "?2")
        );
        for email in emails {
            removed += tx.execute(&sql, args![group_id, email])?;
        }
        tx.commit()?;
        Ok(removed)
    }

    pub fn members(&self, group_id: i64, status: Option<MemberStatus>) -> DbResult<Vec<Member>> {
        self.conn.query_map(
            "SELECT id, email, attributes, status, created_at, unsubscribed_at, unsubscribe_reason FROM group_members \
             WHERE group_id = ?1 AND (CAST(?2 AS TEXT) IS NULL OR status = ?2) ORDER BY id",
            args![group_id, status.map(MemberStatus::as_str)],
            member_from_row,
        )
    }

    /// Active members as (id, email, attributes JSON text), for fan-out
    /// without building a map per member.
    /// Who an unsubscribe token names (group label, address, status), if the
    /// hash matches: for the confirmation page, which must change nothing.
    pub fn unsubscribe_target(
        &self,
        token_id: i64,
        token_hash: &[u8; 32],
    ) -> DbResult<Option<(String, String, bool)>> {
        let found: Option<(Vec<u8>, String, String, String)> = self.conn.query_opt(
            "SELECT t.token_hash, g.label, m.email, m.status FROM unsubscribe_tokens t \
             JOIN group_members m ON m.id = t.member_id JOIN groups g ON g.id = m.group_id WHERE t.id = ?1",
            args![token_id],
            |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?)),
        )?;
        Ok(found
            .filter(|(hash, ..)| hash.as_slice() == token_hash.as_slice())
            .map(|(_, label, email, status)| (label, email, status == "unsubscribed")))
    }

    /// Marks the member token `token_id` was issued for as unsubscribed, if
    /// `token_hash` is that token's hash. Returns the group slug, the address
    /// and whether it changed anything, or None for an unknown token.
    pub fn unsubscribe(
        &mut self,
        token_id: i64,
        token_hash: &[u8; 32],
    ) -> DbResult<Option<(String, String, bool)>> {
        let now = clock::to_db(clock::now());
        let tx = self.conn.begin()?;
        let found: Option<(Vec<u8>, i64, String, String, String)> = tx.query_opt(
            "SELECT t.token_hash, m.id, g.slug, m.email, m.status FROM unsubscribe_tokens t \
             JOIN group_members m ON m.id = t.member_id JOIN groups g ON g.id = m.group_id \
             WHERE t.id = ?1",
            args![token_id],
            |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?, row.get(4)?)),
        )?;
        let Some((stored_hash, member_id, slug, email, status)) = found else {
            return Ok(None);
        };
        if stored_hash.as_slice() != token_hash.as_slice() {
            return Ok(None);
        }
        let changed = status != "unsubscribed";
        if changed {
            tx.execute(
                "UPDATE group_members SET status = 'unsubscribed', unsubscribed_at = ?2, \
                 unsubscribe_reason = 'link' WHERE id = ?1",
                args![member_id, now],
            )?;
        }
        tx.commit()?;
        Ok(Some((slug, email, changed)))
    }

    /// Saves a template (replacing one of the same name); true if new.
    pub fn save_template(
        &mut self,
        name: &str,
        subject: &str,
        text: &str,
        html: Option<&str>,
    ) -> DbResult<bool> {
        let now = clock::to_db(clock::now());
        let tx = self.conn.begin()?;
        let updated = tx.execute(
            "UPDATE templates SET subject = ?2, text = ?3, html = ?4, updated_at = ?5 WHERE name = ?1",
            args![name, subject, text, html, now],
        )?;
        if updated == 0 {
            tx.execute(
                "INSERT INTO templates (name, subject, text, html, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?5)",
                args![name, subject, text, html, now],
            )?;
        }
        tx.commit()?;
        Ok(updated == 0)
    }

    pub fn templates(&self) -> DbResult<Vec<Template>> {
        self.conn.query_map(
            "SELECT name, subject, text, html, created_at, updated_at FROM templates ORDER BY name",
            args![],
            |row| {
                let created: String = row.get(4)?;
                let updated: String = row.get(5)?;
                Ok(Template {
                    name: row.get(0)?,
                    subject: row.get(1)?,
                    text: row.get(2)?,
                    html: row.get(3)?,
                    created_at: clock::from_db(&created).unwrap_or_default(),
                    updated_at: clock::from_db(&updated).unwrap_or_default(),
                })
            },
        )
    }

    pub fn template(&self, name: &str) -> DbResult<Option<Template>> {
        Ok(self.templates()?.into_iter().find(|t| t.name == name))
    }

    /// Queues a newsletter in one transaction: the body once, then, for
    /// the group's active members read in chunks (memory flat whatever the
    /// group's size), each member's row and unsubscribe token. `issue(member,
    /// token_id)` makes the member's row and the hash of its token, which
    /// embeds the token id the store assigns here. Rows go in multi-row
    /// INSERTs: at 100 000 members, per-statement overhead was most of the
    /// time.
    pub(crate) fn enqueue_newsletter(
        &mut self,
        body: &NewBody,
        group_id: i64,
        mut issue: impl FnMut(&MemberRow, i64) -> anyhow::Result<(NewRow, [u8; 32])>,
        actor: &str,
        progress: &dyn Progress,
    ) -> anyhow::Result<usize> {
        const CHUNK: usize = 200;
        let now = clock::to_db(clock::now());
        let tx = self.conn.begin()?;
        let body_id = insert_body(&tx, body, &now, actor)?;
        if tx.is_postgres() {
            // SQLite's write lock, taken by `begin`, does this there.
            tx.batch("LOCK TABLE unsubscribe_tokens IN EXCLUSIVE MODE")?;
        }
        // The table is locked: nobody else takes ids until we commit.
        let mut next_token: i64 = tx.query_row(
            "SELECT COALESCE(MAX(id), 0) + 1 FROM unsubscribe_tokens",
            args![],
            |r| r.get(0),
        )?;
        let channel = body.channel.as_str();
        let mut queued = 0;
        let mut after = 0i64;
        loop {
            let members: Vec<MemberRow> = tx.query_map(
                // `+group_id`: walk the rowids from `after` on; through the
                // (group_id, email) index each chunk sorted the whole group.
                "SELECT id, email, attributes FROM group_members \
                 WHERE +group_id = ?1 AND status = 'active' AND id > ?2 ORDER BY id LIMIT ?3",
                args![group_id, after, CHUNK as i64],
                |row| {
                    Ok(MemberRow {
                        id: row.get(0)?,
                        email: row.get(1)?,
                        attributes: row.get(2)?,
                    })
                },
            )?;
            let Some(last) = members.last() else { break };
            after = last.id;
            let mut rows = Vec::with_capacity(members.len());
            for member in &members {
                let (row, hash) = issue(member, next_token)?;
                rows.push((row, member.id, next_token, hash));
                next_token += 1;
            }
            let sql = format!(
                "INSERT INTO messages (channel, body_id, recipient, vars, priority, tag, created_at, not_before, expires_at) VALUES {}",
                row_placeholders(rows.len(), 9)
            );
            let times: Vec<(Option<String>, Option<String>)> = rows
                .iter()
                .map(|(row, ..)| (row.not_before.map(clock::to_db), row.expires_at.map(clock::to_db)))
                .collect();
            let mut values: Vec<&dyn ToArg> = Vec::with_capacity(rows.len() * 9);
            for ((row, ..), (not_before, expires_at)) in rows.iter().zip(&times) {
                values.extend([
                    &channel as &dyn ToArg,
                    &body_id,
                    &row.recipient,
                    &row.vars,
                    &row.priority,
                    &row.tag,
                    &now,
                    not_before,
                    expires_at,
                ]);
            }
            tx.execute(&sql, &values)?;
            let sql = format!(
                "INSERT INTO unsubscribe_tokens (id, member_id, token_hash) VALUES {}",
                row_placeholders(rows.len(), 3)
            );
            let mut values: Vec<&dyn ToArg> = Vec::with_capacity(rows.len() * 3);
            for (_, member_id, token_id, hash) in &rows {
                values.extend([token_id as &dyn ToArg, member_id, hash]);
            }
            tx.execute(&sql, &values)?;
            queued += rows.len();
            progress.advance(rows.len() as u64);
        }
        tx.commit()?;
        Ok(queued)
    }
}
