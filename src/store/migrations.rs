//! Ordered schema migrations; `PRAGMA user_version` is the index of the last
//! one applied. Each runs in its own transaction. Never edit a released
//! migration: add a new one.

use rusqlite::{Connection, TransactionBehavior};

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
];

pub const LATEST: u32 = MIGRATIONS.len() as u32;

pub fn migrate(conn: &mut Connection) -> rusqlite::Result<()> {
    loop {
        // IMMEDIATE: two processes starting on a new file take turns.
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let version: u32 = tx.pragma_query_value(None, "user_version", |row| row.get(0))?;
        let Some(sql) = MIGRATIONS.get(version as usize) else {
            return Ok(());
        };
        tx.execute_batch(sql)?;
        tx.pragma_update(None, "user_version", version + 1)?;
        tx.commit()?;
    }
}
