/**
 * SQLite schema, as an ordered list: migration n brings a database from PRAGMA user_version
 * n-1 to n, in one transaction with the version bump (sqlite.ts). Never edit a migration that
 * has shipped; add the next one.
 *
 * Times are ISO strings (UTC, "Z"), which sort as text; JSON columns hold what the validator
 * returned, already cleaned.
 */
export const MIGRATIONS: readonly string[] = [
  // 1: the handoff protocol v1, agents and their sessions.
  `
  CREATE TABLE settings (
    name  TEXT PRIMARY KEY,
    value TEXT NOT NULL
  );

  CREATE TABLE agents (
    id            TEXT PRIMARY KEY,
    email         TEXT NOT NULL UNIQUE,
    name          TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    salt          TEXT NOT NULL,
    created_at    TEXT NOT NULL
  );

  CREATE TABLE sessions (
    id_hash    TEXT PRIMARY KEY,
    agent_id   TEXT NOT NULL REFERENCES agents(id) ON DELETE CASCADE,
    expires_at TEXT NOT NULL
  );
  CREATE INDEX sessions_by_expiry ON sessions(expires_at);

  CREATE TABLE handoffs (
    id             TEXT PRIMARY KEY,
    ref            TEXT NOT NULL,
    token_hash     TEXT NOT NULL,
    client_id      TEXT NOT NULL UNIQUE,
    channel        TEXT NOT NULL CHECK (channel IN ('chat', 'callback', 'phone')),
    status         TEXT NOT NULL CHECK (status IN ('queued', 'active', 'resolved', 'cancelled')),
    visitor        TEXT,
    callback       TEXT,
    context        TEXT,
    transcript     TEXT NOT NULL,
    created_at     TEXT NOT NULL,
    agent_id       TEXT REFERENCES agents(id),
    first_reply_at TEXT,
    resolved_at    TEXT,
    outcome        TEXT CHECK (outcome IN ('answered', 'no_answer', 'duplicate', 'other')),
    article_id     TEXT
  );
  -- A ref is read out on the phone: unique among open handoffs, free again once closed.
  CREATE UNIQUE INDEX handoffs_open_ref ON handoffs(ref) WHERE status IN ('queued', 'active');
  CREATE INDEX handoffs_queue ON handoffs(status, channel, created_at);
  CREATE INDEX handoffs_first_reply ON handoffs(first_reply_at) WHERE first_reply_at IS NOT NULL;

  CREATE TABLE messages (
    id                TEXT PRIMARY KEY,
    handoff_id        TEXT NOT NULL REFERENCES handoffs(id) ON DELETE CASCADE,
    client_message_id TEXT NOT NULL,
    sender            TEXT NOT NULL CHECK (sender IN ('visitor', 'agent')),
    agent_id          TEXT REFERENCES agents(id),
    text              TEXT NOT NULL,
    at                TEXT NOT NULL,
    -- The seq of the message's event: orders a conversation without relying on rowids.
    seq               INTEGER NOT NULL,
    UNIQUE (handoff_id, sender, client_message_id)
  );
  CREATE INDEX messages_in_order ON messages(handoff_id, seq);

  CREATE TABLE events (
    handoff_id TEXT NOT NULL REFERENCES handoffs(id) ON DELETE CASCADE,
    seq        INTEGER NOT NULL,
    type       TEXT NOT NULL,
    data       TEXT NOT NULL,
    at         TEXT NOT NULL,
    PRIMARY KEY (handoff_id, seq)
  ) WITHOUT ROWID;
  `,
  // 2: the callback workflow: where a callback stands, and every attempt (who, when, what).
  `
  ALTER TABLE handoffs ADD COLUMN callback_state TEXT CHECK (callback_state IN ('called', 'no_answer', 'done'));

  CREATE TABLE callback_steps (
    handoff_id TEXT NOT NULL REFERENCES handoffs(id) ON DELETE CASCADE,
    at         TEXT NOT NULL,
    agent_id   TEXT NOT NULL REFERENCES agents(id),
    state      TEXT NOT NULL CHECK (state IN ('called', 'no_answer', 'done'))
  );
  CREATE INDEX callback_steps_in_order ON callback_steps(handoff_id, at);
  `,
  // 3: "no article covers this", marked by the agent on resolve: the gaps in the help centre.
  `
  ALTER TABLE handoffs ADD COLUMN no_article INTEGER NOT NULL DEFAULT 0 CHECK (no_article IN (0, 1));
  `,
  // 4: phrasings learned from resolved handoffs: a visitor's searches, as phrasings of the article
  // an agent named as the answer (src/server/phrasings.ts has the rules). A removed phrasing
  // stays as a tombstone (removed_at), so it is never learned again for that article.
  `
  CREATE TABLE phrasings (
    id               INTEGER PRIMARY KEY AUTOINCREMENT,
    article_id       TEXT NOT NULL,
    text             TEXT NOT NULL,
    key              TEXT NOT NULL,
    count            INTEGER NOT NULL DEFAULT 1 CHECK (count >= 1),
    first_learned_at TEXT NOT NULL,
    last_learned_at  TEXT NOT NULL,
    last_handoff_id  TEXT REFERENCES handoffs(id) ON DELETE SET NULL,
    removed_at       TEXT,
    removed_by       TEXT REFERENCES agents(id),
    UNIQUE (article_id, key)
  );
  CREATE INDEX phrasings_live ON phrasings(article_id, last_learned_at) WHERE removed_at IS NULL;
  `,
  // 5: a learned phrasing is served only once two different handoffs taught it (count) or an
  // agent confirmed it (confirmed_at). Phrasings learned before stay as they were: served when
  // two handoffs or more taught them, pending otherwise (src/server/phrasings.ts, isServed).
  `
  ALTER TABLE phrasings ADD COLUMN confirmed_at TEXT;
  ALTER TABLE phrasings ADD COLUMN confirmed_by TEXT REFERENCES agents(id);
  `,
  // 6: the event log: every stored event of every handoff under one increasing id, the order in
  // which they were committed (what another instance, an e-mail alert or a webhook follows),
  // keeping each handoff's own seq (the visitor's SSE id). The events so far keep their order.
  // The same table and columns as the PostgreSQL schema's.
  `
  CREATE TABLE events_log (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    handoff_id TEXT NOT NULL REFERENCES handoffs(id) ON DELETE CASCADE,
    seq        INTEGER NOT NULL,
    type       TEXT NOT NULL,
    data       TEXT NOT NULL,
    at         TEXT NOT NULL,
    UNIQUE (handoff_id, seq)
  );
  INSERT INTO events_log (handoff_id, seq, type, data, at)
    SELECT handoff_id, seq, type, data, at FROM events ORDER BY at, handoff_id, seq;
  DROP TABLE events;
  ALTER TABLE events_log RENAME TO events;
  `,
  // 7: the outbox (src/server/outbox/): the dispatcher's place in the event log, and the
  // deliveries (mail, webhooks, push...) it planned, each tried until done or failed for good.
  // The cursor starts at the end of the log: events from before the outbox plan nothing.
  // The same tables and columns as the PostgreSQL schema's.
  `
  CREATE TABLE outbox_cursor (
    name     TEXT PRIMARY KEY,
    position INTEGER NOT NULL
  );
  INSERT INTO outbox_cursor (name, position) SELECT 'events', COALESCE(MAX(id), 0) FROM events;

  CREATE TABLE jobs (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    kind        TEXT NOT NULL,
    key         TEXT NOT NULL,
    payload     TEXT NOT NULL,
    status      TEXT NOT NULL CHECK (status IN ('pending', 'running', 'done', 'failed')),
    attempts    INTEGER NOT NULL DEFAULT 0,
    due_at      TEXT NOT NULL,
    lease_until TEXT,
    lease_owner TEXT,
    last_error  TEXT,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    UNIQUE (kind, key)
  );
  CREATE INDEX jobs_due ON jobs(due_at) WHERE status = 'pending';
  CREATE INDEX jobs_leased ON jobs(lease_until) WHERE status = 'running';
  CREATE INDEX jobs_recent ON jobs(kind, updated_at);
  `,
  // 8: browsers agents turned notifications on in (Web Push): the push service's endpoint
  // (one browser profile: one row, whichever agent saved it last) and the keys a message is
  // encrypted to. Gone with the agent. The VAPID keys are a setting (settings table).
  `
  CREATE TABLE push_subscriptions (
    endpoint   TEXT PRIMARY KEY,
    agent_id   TEXT NOT NULL REFERENCES agents(id) ON DELETE CASCADE,
    p256dh     TEXT NOT NULL,
    auth       TEXT NOT NULL,
    created_at TEXT NOT NULL,
    saved_at   TEXT NOT NULL
  );
  CREATE INDEX push_subscriptions_by_agent ON push_subscriptions(agent_id, saved_at);
  `,

  // 9: when each visitor last had an event stream open. A row per (handoff, instance holding
  // a stream), alive `until` a time the instance renews while the stream is open; instance '' keeps when the last closed stream ended.
  // What the visitor missed while away is e-mailed (src/server/away/).
  `
  CREATE TABLE visitor_streams (
    handoff_id  TEXT NOT NULL REFERENCES handoffs(id) ON DELETE CASCADE,
    instance_id TEXT NOT NULL,
    until       TEXT NOT NULL,
    PRIMARY KEY (handoff_id, instance_id)
  );
  `,

  // 10: the visitor's rating of a conversation once it ended (issue 12, "Did we keep the
  // promise?"): one per handoff, so the handoff's id is the key. repeated is NULL when the
  // visitor left "Did you have to repeat anything?" unanswered.
  `
  CREATE TABLE ratings (
    handoff_id TEXT PRIMARY KEY REFERENCES handoffs(id) ON DELETE CASCADE,
    good       INTEGER NOT NULL CHECK (good IN (0, 1)),
    repeated   INTEGER CHECK (repeated IN (0, 1)),
    comment    TEXT,
    at         TEXT NOT NULL
  );
  `,

  // 11: an article of the site's an agent sent in the chat (issue 13): its id and its title when
  // sent, NULL on every other message.
  `
  ALTER TABLE messages ADD COLUMN article_id TEXT;
  ALTER TABLE messages ADD COLUMN article_title TEXT;
  `,

  // 12: files a chat message carries (issue 13): their bytes in the database, so every instance
  // serves them, with the type told by their content (src/protocol/attachments.ts). Gone with
  // their message and handoff.
  `
  CREATE TABLE attachments (
    id         TEXT PRIMARY KEY,
    handoff_id TEXT NOT NULL REFERENCES handoffs(id) ON DELETE CASCADE,
    message_id TEXT NOT NULL REFERENCES messages(id) ON DELETE CASCADE,
    name       TEXT NOT NULL,
    type       TEXT NOT NULL,
    size       INTEGER NOT NULL,
    bytes      BLOB NOT NULL,
    created_at TEXT NOT NULL
  );
  CREATE INDEX attachments_by_message ON attachments(message_id);
  `,

  // 13: verified visitors (issue 16): the customer an identity token named (its sub, and its
  // email and name when it had them), checked by the server (src/server/identity/); NULL when
  // the visitor was not verified. The customer's conversations are read by sub, newest first.
  `
  ALTER TABLE handoffs ADD COLUMN verified_sub TEXT;
  ALTER TABLE handoffs ADD COLUMN verified_email TEXT;
  ALTER TABLE handoffs ADD COLUMN verified_name TEXT;
  CREATE INDEX handoffs_by_verified_sub ON handoffs(verified_sub, created_at) WHERE verified_sub IS NOT NULL;
  `,

  // 14: erasures (issue 16): each deletion of personal data, by the retention
  // (LIFELINE_RETENTION_DAYS) or on a visitor's request, with who asked and how much went, never
  // whose data it was. The same table and columns as the PostgreSQL schema's.
  `
  CREATE TABLE deletions (
    id       INTEGER PRIMARY KEY AUTOINCREMENT,
    at       TEXT NOT NULL,
    reason   TEXT NOT NULL CHECK (reason IN ('retention', 'visitor')),
    agent_id TEXT REFERENCES agents(id) ON DELETE SET NULL,
    actor    TEXT NOT NULL,
    counts   TEXT NOT NULL
  );
  CREATE INDEX deletions_recent ON deletions(at);
  `,

  // 15: the retention (LIFELINE_RETENTION_DAYS) finds the closed handoffs resolved before its
  // cutoff, oldest first, daily: by this index, not by reading every handoff.
  `
  CREATE INDEX handoffs_by_status_resolved ON handoffs(status, resolved_at);
  `,
];
