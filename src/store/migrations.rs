//! Ordered schema migrations, one list of versions for both databases.
//! SQLite's `PRAGMA user_version`, PostgreSQL's `schema_version` table, is
//! the number of the last one applied. Each runs in its own transaction.
//! Never edit a released migration: add a new one, in both dialects.
//!
//! PostgreSQL came at version 12: its first migration creates the schema
//! as SQLite's twelve built it, and its versions 2 to 12 are empty.

use super::db::{Conn, DbResult, args};

const MIGRATIONS: &[&str] = &[
    // 1: the send queue shared by every channel.
    r#"
    CREATE TABLE bodies (
        id          INTEGER PRIMARY KEY,
        channel     TEXT NOT NULL,
        content     TEXT NOT NULL,          -- JSON, channel-specific; shared by the rows of one send
        created_at  TEXT NOT NULL,
        created_by  TEXT NOT NULL           -- actor that queued it; with messages.created_at this is
                                            -- each row's "queued" history entry (not stored per row)
    );
    CREATE TABLE attachments (
        id            INTEGER PRIMARY KEY,
        body_id       INTEGER NOT NULL REFERENCES bodies(id) ON DELETE CASCADE,
        filename      TEXT NOT NULL,
        content_type  TEXT NOT NULL,
        data          BLOB NOT NULL
    );
    CREATE INDEX attachments_body ON attachments(body_id);
    CREATE TABLE messages (
        id               INTEGER PRIMARY KEY,
        channel          TEXT NOT NULL,
        body_id          INTEGER NOT NULL REFERENCES bodies(id),
        recipient        TEXT NOT NULL,
        vars             TEXT,              -- per-recipient JSON, rendered at send time
        status           TEXT NOT NULL DEFAULT 'pending' CHECK (status IN
                           ('pending','sending','sent','error','failed','delivered','cancelled')),
        priority         INTEGER NOT NULL DEFAULT 0,
        tag              TEXT,
        attempts         INTEGER NOT NULL DEFAULT 0,
        created_at       TEXT NOT NULL,
        not_before       TEXT,
        expires_at       TEXT,
        last_attempt_at  TEXT,
        next_attempt_at  TEXT,
        lease_until      TEXT,
        sent_at          TEXT,
        delivered_at     TEXT,
        last_error       TEXT,
        provider_id      TEXT
    );
    CREATE INDEX messages_work ON messages(status, priority DESC, id);
    CREATE INDEX messages_body ON messages(body_id);
    CREATE INDEX messages_provider ON messages(provider_id) WHERE provider_id IS NOT NULL;
    CREATE TABLE events (
        id          INTEGER PRIMARY KEY,
        message_id  INTEGER NOT NULL REFERENCES messages(id) ON DELETE CASCADE,
        at          TEXT NOT NULL,
        old_status  TEXT,
        new_status  TEXT NOT NULL,
        reason      TEXT NOT NULL,
        detail      TEXT,
        actor       TEXT NOT NULL
    );
    CREATE INDEX events_message ON events(message_id);
    "#,
    // 2: newsletters: subscriber groups, message templates, unsubscribe tokens.
    r#"
    CREATE TABLE groups (
        id          INTEGER PRIMARY KEY,
        slug        TEXT NOT NULL UNIQUE,
        label       TEXT NOT NULL,
        created_at  TEXT NOT NULL
    );
    CREATE TABLE group_members (
        id               INTEGER PRIMARY KEY,
        group_id         INTEGER NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
        email            TEXT NOT NULL COLLATE NOCASE,
        attributes       TEXT NOT NULL DEFAULT '{}',   -- JSON object: other CSV columns
        status           TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active','unsubscribed')),
        created_at       TEXT NOT NULL,
        unsubscribed_at  TEXT,
        UNIQUE (group_id, email)
    );
    CREATE TABLE templates (
        id          INTEGER PRIMARY KEY,
        name        TEXT NOT NULL UNIQUE,
        subject     TEXT NOT NULL,
        text        TEXT NOT NULL,
        html        TEXT,
        created_at  TEXT NOT NULL,
        updated_at  TEXT NOT NULL
    );
    -- One per queued newsletter row. The token in the link starts with this
    -- id (so rows are appended, not scattered by a random key); only the
    -- SHA-256 of the whole token is kept.
    CREATE TABLE unsubscribe_tokens (
        id          INTEGER PRIMARY KEY,
        member_id   INTEGER NOT NULL REFERENCES group_members(id) ON DELETE CASCADE,
        token_hash  BLOB NOT NULL
    );
    CREATE INDEX unsubscribe_tokens_member ON unsubscribe_tokens(member_id);
    "#,
    // 3: calendar appointments, so that a reschedule or a cancel raises SEQUENCE.
    r#"
    CREATE TABLE appointments (
        uid         TEXT PRIMARY KEY,
        sequence    INTEGER NOT NULL,
        start       TEXT NOT NULL,
        end         TEXT NOT NULL,
        summary     TEXT NOT NULL,
        location    TEXT,
        status      TEXT NOT NULL CHECK (status IN ('confirmed','cancelled')),
        created_at  TEXT NOT NULL,
        updated_at  TEXT NOT NULL
    );
    "#,
    // 4: incoming paper mail harvested from Maarch Courrier.
    r#"
    CREATE TABLE maarch_mails (
        id               INTEGER PRIMARY KEY,
        external_id      TEXT NOT NULL UNIQUE,          -- maarch-<res_id>
        res_id           INTEGER NOT NULL,
        subject          TEXT,
        metadata         TEXT NOT NULL,                 -- JSON: the columns Maarch returned
        file             BLOB,
        file_size        INTEGER NOT NULL,
        status           TEXT NOT NULL DEFAULT 'received'
                           CHECK (status IN ('received','linked','rejected','responded')),
        form_number      TEXT,
        form_url         TEXT,
        received_at      TEXT NOT NULL,
        acknowledged_at  TEXT,                          -- when Maarch was told it was taken
        updated_at       TEXT NOT NULL
    );
    "#,
    // 5: Web Push subscriptions, per user and device.
    r#"
    CREATE TABLE push_subscriptions (
        id               INTEGER PRIMARY KEY,
        user             TEXT NOT NULL,
        endpoint         TEXT NOT NULL UNIQUE,
        p256dh           TEXT NOT NULL,
        auth             TEXT NOT NULL,
        expiration_time  INTEGER,
        created_at       TEXT NOT NULL,
        updated_at       TEXT NOT NULL
    );
    CREATE INDEX push_subscriptions_user ON push_subscriptions(user, created_at);
    "#,
    // 6: workflows, forms (citizens' requests) and their history; action links.
    r#"
    CREATE TABLE workflows (
        id           INTEGER PRIMARY KEY,
        name         TEXT NOT NULL UNIQUE,
        label        TEXT NOT NULL,
        definition   TEXT NOT NULL,                -- JSON of the validated YAML
        imported_at  TEXT NOT NULL
    );
    CREATE TABLE forms (
        id          INTEGER PRIMARY KEY,
        number      TEXT NOT NULL UNIQUE,
        workflow    TEXT NOT NULL REFERENCES workflows(name),
        name        TEXT NOT NULL,
        data        TEXT NOT NULL,                 -- JSON object
        user        TEXT,
        email       TEXT,
        status      TEXT NOT NULL,
        created_at  TEXT NOT NULL,
        updated_at  TEXT NOT NULL
    );
    CREATE TABLE form_history (
        id           INTEGER PRIMARY KEY,
        form_id      INTEGER NOT NULL REFERENCES forms(id) ON DELETE CASCADE,
        at           TEXT NOT NULL,
        from_status  TEXT,
        to_status    TEXT NOT NULL,
        jump         TEXT,
        actor        TEXT NOT NULL
    );
    CREATE INDEX form_history_form ON form_history(form_id);
    -- SHA-256 of each action link's token; never the token.
    CREATE TABLE action_tokens (
        token_hash    BLOB PRIMARY KEY,
        form_id       INTEGER NOT NULL,              -- no FK: a deleted form's links must say so
        jump          TEXT NOT NULL,
        status        TEXT NOT NULL,               -- the status that offered the jump
        recipient     TEXT,
        label         TEXT NOT NULL,
        message       TEXT,
        done_message  TEXT,
        expires_at    TEXT NOT NULL,
        used_at       TEXT,
        created_at    TEXT NOT NULL
    ) WITHOUT ROWID;
    "#,
    // 7: a form id (and so its number) is never given twice: a link or a
    // history row naming a deleted form must never reach the next one.
    // SQLite's table rebuild (foreign keys are off while migrating).
    r#"
    CREATE TABLE forms_new (
        id          INTEGER PRIMARY KEY AUTOINCREMENT,
        number      TEXT NOT NULL UNIQUE,
        workflow    TEXT NOT NULL REFERENCES workflows(name),
        name        TEXT NOT NULL,
        data        TEXT NOT NULL,                 -- JSON object
        user        TEXT,
        email       TEXT,
        status      TEXT NOT NULL,
        created_at  TEXT NOT NULL,
        updated_at  TEXT NOT NULL
    );
    INSERT INTO forms_new SELECT id, number, workflow, name, data, user, email, status, created_at, updated_at
        FROM forms;
    DROP TABLE forms;
    ALTER TABLE forms_new RENAME TO forms;
    -- Ids already handed out to forms deleted before this version count too.
    INSERT INTO sqlite_sequence (name, seq)
        SELECT 'forms', 0 WHERE NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'forms');
    UPDATE sqlite_sequence SET seq = MAX(seq,
            COALESCE((SELECT MAX(form_id) FROM action_tokens), 0),
            COALESCE((SELECT MAX(form_id) FROM form_history), 0))
        WHERE name = 'forms';
    "#,
    // 8: a member whose address bounced for good is `bounced`, not mailed
    // again. SQLite's table rebuild, to widen the status CHECK.
    r#"
    CREATE TABLE group_members_new (
        id               INTEGER PRIMARY KEY,
        group_id         INTEGER NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
        email            TEXT NOT NULL COLLATE NOCASE,
        attributes       TEXT NOT NULL DEFAULT '{}',   -- JSON object: other CSV columns
        status           TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active','unsubscribed','bounced')),
        created_at       TEXT NOT NULL,
        unsubscribed_at  TEXT,
        bounced_at       TEXT,
        UNIQUE (group_id, email)
    );
    INSERT INTO group_members_new (id, group_id, email, attributes, status, created_at, unsubscribed_at)
        SELECT id, group_id, email, attributes, status, created_at, unsubscribed_at FROM group_members;
    DROP TABLE group_members;
    ALTER TABLE group_members_new RENAME TO group_members;
    CREATE INDEX group_members_email ON group_members(email);
    "#,
    // 9: a jump may carry data (w.c.s.'s jump data: a comment from the
    // link's page, --data k=v), kept in the history; a link may ask for a
    // comment.
    r#"
    ALTER TABLE form_history ADD COLUMN data TEXT;   -- JSON object
    ALTER TABLE action_tokens ADD COLUMN comment TEXT CHECK (comment IN ('optional','required'));
    "#,
    // 10: a link may act on a form of a remote w.c.s. (its URL; the jump
    // column holds the trigger, form_id is 0 and status 'remote').
    r#"
    ALTER TABLE action_tokens ADD COLUMN remote_form TEXT;
    "#,
    // 11: monitoring's counters, kept across `queue purge`: messages that
    // reached sent, delivered or failed, per channel, counted by a trigger
    // whatever path changed the status.
    r#"
    CREATE TABLE totals (
        channel  TEXT NOT NULL,
        outcome  TEXT NOT NULL,
        count    INTEGER NOT NULL,
        PRIMARY KEY (channel, outcome)
    ) WITHOUT ROWID;
    INSERT INTO totals (channel, outcome, count)
        SELECT channel, status, count(*) FROM messages WHERE status IN ('sent', 'delivered', 'failed')
        GROUP BY channel, status;
    -- A delivered message was sent first: it counts in both.
    INSERT INTO totals (channel, outcome, count)
        SELECT channel, 'sent', count(*) FROM messages WHERE status = 'delivered' GROUP BY channel
        ON CONFLICT (channel, outcome) DO UPDATE SET count = count + excluded.count;
    CREATE TRIGGER messages_totals AFTER UPDATE OF status ON messages
        WHEN NEW.status IN ('sent', 'delivered', 'failed') AND OLD.status IS NOT NEW.status
    BEGIN
        INSERT INTO totals (channel, outcome, count) VALUES (NEW.channel, NEW.status, 1)
            ON CONFLICT (channel, outcome) DO UPDATE SET count = count + 1;
    END;
    "#,
    // 12: the status checks written as comparisons: SQLite evaluates an IN
    // list of more than two constants through a temporary table, built and
    // freed on every status change (a fifth of a push notification's CPU).
    // Table rebuild for the CHECK; `held` is the operator's hold (Postfix's
    // hold queue): never sent until released.
    r#"
    CREATE TABLE messages_new (
        id               INTEGER PRIMARY KEY,
        channel          TEXT NOT NULL,
        body_id          INTEGER NOT NULL REFERENCES bodies(id),
        recipient        TEXT NOT NULL,
        vars             TEXT,              -- per-recipient JSON, rendered at send time
        status           TEXT NOT NULL DEFAULT 'pending' CHECK (status = 'pending' OR status = 'sending'
                           OR status = 'sent' OR status = 'error' OR status = 'failed'
                           OR status = 'delivered' OR status = 'cancelled' OR status = 'held'),
        priority         INTEGER NOT NULL DEFAULT 0,
        tag              TEXT,
        attempts         INTEGER NOT NULL DEFAULT 0,
        created_at       TEXT NOT NULL,
        not_before       TEXT,
        expires_at       TEXT,
        last_attempt_at  TEXT,
        next_attempt_at  TEXT,
        lease_until      TEXT,
        sent_at          TEXT,
        delivered_at     TEXT,
        last_error       TEXT,
        provider_id      TEXT
    );
    INSERT INTO messages_new SELECT * FROM messages;
    DROP TABLE messages;
    ALTER TABLE messages_new RENAME TO messages;
    CREATE INDEX messages_work ON messages(status, priority DESC, id);
    CREATE INDEX messages_body ON messages(body_id);
    CREATE INDEX messages_provider ON messages(provider_id) WHERE provider_id IS NOT NULL;
    CREATE TRIGGER messages_totals AFTER UPDATE OF status ON messages
        WHEN (NEW.status = 'sent' OR NEW.status = 'delivered' OR NEW.status = 'failed')
            AND OLD.status IS NOT NEW.status
    BEGIN
        INSERT INTO totals (channel, outcome, count) VALUES (NEW.channel, NEW.status, 1)
            ON CONFLICT (channel, outcome) DO UPDATE SET count = count + 1;
    END;
    "#,
    // 13: who holds a row in `sending`: a run cut off from the database past
    // its lease must not record, renew or give back a row another run took
    // over (see store/claims.rs).
    LEASE_OWNER,
    // 14: why a newsletter member left: `link` (their unsubscribe link),
    // `complaint` (marked as spam), `provider` (unsubscribed at the sending
    // provider).
    UNSUBSCRIBE_REASON,
    // 15: the nonces of signed API calls, per caller, until their
    // timestamp's window closes: a call replayed after a restart of
    // `serve` is refused too.
    API_NONCES,
    // 16: which publik migrated the state to which version, when: `state
    // info` tells an operator what the state is after an upgrade.
    SCHEMA_HISTORY,
    // 17: the site a state belongs to (under a tenants directory): the
    // first site to open it writes its domain; another site naming the
    // same database or file, however it spells it, is refused.
    SITE_OWNER,
];

const SITE_OWNER: &str = "CREATE TABLE site_owner (site TEXT NOT NULL);";

const SCHEMA_HISTORY: &str = r#"
    CREATE TABLE schema_history (
        version      INTEGER NOT NULL,
        publik       TEXT NOT NULL,
        migrated_at  TEXT NOT NULL
    );
    "#;
/// The first version that records who migrated to it.
const HISTORY_FROM: u32 = 16;
/// The first version that records which site a state is.
pub(super) const SITE_OWNER_FROM: u32 = 17;

const LEASE_OWNER: &str = "ALTER TABLE messages ADD COLUMN lease_owner TEXT;";
const UNSUBSCRIBE_REASON: &str = "ALTER TABLE group_members ADD COLUMN unsubscribe_reason TEXT;";
const API_NONCES: &str = r#"
    CREATE TABLE api_nonces (
        caller      TEXT NOT NULL,
        nonce       TEXT NOT NULL,
        expires_at  TEXT NOT NULL,
        PRIMARY KEY (caller, nonce)
    );
    CREATE INDEX api_nonces_expiry ON api_nonces(expires_at);
    "#;
/// `API_NONCES` in PostgreSQL's words: times compared byte by byte.
const POSTGRES_API_NONCES: &str = r#"
    CREATE TABLE api_nonces (
        caller      TEXT NOT NULL,
        nonce       TEXT NOT NULL,
        expires_at  TEXT COLLATE "C" NOT NULL,
        PRIMARY KEY (caller, nonce)
    );
    CREATE INDEX api_nonces_expiry ON api_nonces(expires_at);
    "#;

pub(super) const LATEST: u32 = MIGRATIONS.len() as u32;

/// The schema's tables of data (as of the latest version), parents before
/// children: a copy inserting in this order meets every foreign key. Not
/// `schema_history`: a state's own record, made by its own migrations.
pub(super) const TABLES: &[&str] = &[
    "bodies",
    "attachments",
    "messages",
    "events",
    "groups",
    "group_members",
    "templates",
    "unsubscribe_tokens",
    "appointments",
    "maarch_mails",
    "push_subscriptions",
    "workflows",
    "forms",
    "form_history",
    "action_tokens",
    "totals",
    "api_nonces",
];

/// What PostgreSQL runs for each version (same index as `MIGRATIONS`).
fn postgres_migration(index: usize) -> &'static str {
    match index {
        0 => POSTGRES_BASELINE,
        12 => LEASE_OWNER,
        13 => UNSUBSCRIBE_REASON,
        14 => POSTGRES_API_NONCES,
        15 => SCHEMA_HISTORY,
        16 => SITE_OWNER,
        _ => "",
    }
}

/// The schema of SQLite's version 12, in PostgreSQL's words: BIGINT
/// integers (Rust's i64), BYTEA, identity ids, times as the same
/// fixed-width text compared byte by byte (`COLLATE "C"`), addresses
/// compared case-blind through `lower()` (SQLite's NOCASE), `"user"` and
/// `"end"` quoted (reserved words). The totals trigger adds to one of 64
/// rows per outcome, chosen by the server process: workers on several
/// connections do not queue behind one counter row until they commit.
const POSTGRES_BASELINE: &str = include_str!("postgres_baseline.sql");

/// The schema version of a state (0: empty).
pub(super) fn version(conn: &Conn) -> DbResult<u32> {
    if conn.is_postgres() {
        let exists: bool = conn.query_row(
            "SELECT to_regclass('schema_version') IS NOT NULL",
            args![],
            |row| row.get(0),
        )?;
        if !exists {
            return Ok(0);
        }
        conn.query_row("SELECT version FROM schema_version", args![], |row| row.get(0))
    } else {
        conn.query_row("PRAGMA user_version", args![], |row| row.get(0))
    }
}

/// Applies the missing migrations. On SQLite foreign keys are off
/// meanwhile: a table rebuild drops the old table, which must not cascade.
pub(super) fn migrate(conn: &Conn) -> DbResult<()> {
    if conn.is_postgres() {
        return apply(conn);
    }
    conn.batch("PRAGMA foreign_keys = OFF")?;
    let result = apply(conn);
    conn.batch("PRAGMA foreign_keys = ON")?;
    result
}

/// Any constant: the advisory lock two publik processes migrating one
/// new PostgreSQL database take turns on.
const MIGRATION_LOCK: i64 = 0x7075_626c_696b;

fn apply(conn: &Conn) -> DbResult<()> {
    loop {
        // SQLite's IMMEDIATE, PostgreSQL's advisory lock: two processes
        // starting on a new state take turns.
        let tx = conn.begin()?;
        if conn.is_postgres() {
            tx.query_row(
                "SELECT pg_advisory_xact_lock(?1)::text",
                args![MIGRATION_LOCK],
                |row| row.get::<String>(0),
            )?;
        }
        let version = version(&tx)?;
        let index = version as usize;
        let Some(sqlite) = MIGRATIONS.get(index) else {
            return Ok(());
        };
        if conn.is_postgres() {
            let sql = postgres_migration(index);
            if !sql.is_empty() {
                tx.batch(sql)?;
            }
            if version == 0 {
                tx.batch("CREATE TABLE schema_version (version BIGINT NOT NULL); INSERT INTO schema_version VALUES (0)")?;
            }
            tx.execute("UPDATE schema_version SET version = ?1", args![version + 1])?;
        } else {
            tx.batch(sqlite)?;
            tx.batch(&format!("PRAGMA user_version = {}", version + 1))?;
        }
        if version + 1 >= HISTORY_FROM {
            tx.execute(
                "INSERT INTO schema_history (version, publik, migrated_at) VALUES (?1, ?2, ?3)",
                args![
                    i64::from(version + 1),
                    crate::PUBLIK_VERSION,
                    crate::clock::to_db(crate::clock::now())
                ],
            )?;
        }
        tx.commit()?;
    }
}

/// Who last migrated the state, and when: None before version 16.
pub(super) fn last_migrated(conn: &Conn) -> DbResult<Option<(String, String)>> {
    if version(conn)? < HISTORY_FROM {
        return Ok(None);
    }
    conn.query_row(
        "SELECT publik, migrated_at FROM schema_history ORDER BY version DESC, migrated_at DESC LIMIT 1",
        args![],
        |row| Ok(Some((row.get(0)?, row.get(1)?))),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A state from before migration 7, whose newest form was deleted: the
    /// next form must not get the deleted one's id.
    #[test]
    fn migration_7_never_reuses_a_deleted_forms_id() {
        let conn = rusqlite::Connection::open_in_memory().unwrap();
        for (version, sql) in MIGRATIONS.iter().take(6).enumerate() {
            conn.execute_batch(sql).unwrap();
            conn.pragma_update(None, "user_version", version as u32 + 1)
                .unwrap();
        }
        conn.execute_batch(
            "INSERT INTO workflows (name, label, definition, imported_at) VALUES ('w', 'W', '{}', 't');
             INSERT INTO forms VALUES (1, '1-1', 'w', 'a', '{}', NULL, NULL, 's', 't', 't');
             INSERT INTO form_history (form_id, at, to_status, actor) VALUES (1, 't', 's', 'x');
             -- form 2 was deleted; a link to it is still out there.
             INSERT INTO action_tokens (token_hash, form_id, jump, status, label, expires_at, created_at)
                 VALUES (x'00', 2, 'j', 's', 'l', 't', 't');",
        )
        .unwrap();
        let conn = Conn::Sqlite(conn);
        migrate(&conn).unwrap();
        let Conn::Sqlite(conn) = conn else { unreachable!() };
        let history: i64 = conn
            .query_row("SELECT count(*) FROM form_history", [], |r| r.get(0))
            .unwrap();
        assert_eq!(history, 1, "the rebuild cascaded nothing");
        conn.execute(
            "INSERT INTO forms (number, workflow, name, data, status, created_at, updated_at) \
             VALUES ('x', 'w', 'b', '{}', 's', 't', 't')",
            [],
        )
        .unwrap();
        assert_eq!(conn.last_insert_rowid(), 3);
    }
}
