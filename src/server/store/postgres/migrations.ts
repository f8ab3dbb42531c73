/**
 * The PostgreSQL schema, as an ordered list, and the runner that brings a database to it.
 * Migration n brings a database from version n-1 to n, in one transaction with its row in
 * `lifeline_migrations`. Never edit a migration that has shipped; add the next one.
 *
 * Several instances may start at the same moment (a deploy, an autoscaler): the runner holds an
 * advisory lock (one fixed key, locks.ts) from reading the version to the last migration, so one
 * instance migrates and the others wait, then find nothing left to do.
 *
 * Choices, against SQLite's schema (../migrations.ts), which this mirrors table for table:
 * - times are `timestamptz` (SQLite keeps ISO text): PostgreSQL compares, indexes and
 *   truncates them natively (reports by day, session expiry, slots), and `now()` is the same
 *   clock for every instance. They are written as ISO strings and read back as ISO strings
 *   (the pool's parsers, connect.ts), with milliseconds, as SQLite's;
 * - JSON is `jsonb`, flags are `boolean`, generated ids `bigserial`; text ids stay text (they
 *   are made by the server, src/server/ref.ts and crypto.ts);
 * - PostgreSQL's text and jsonb cannot hold the character U+0000: what is stored must not have
 *   it (SQLite accepts it).
 */
import type pg from 'pg';
import { MIGRATION_LOCK } from './locks';

export const MIGRATIONS: readonly string[] = [
  // 1: what SQLite's migrations 1 to 5 built (the handoff protocol, agents and sessions, the
  // callback workflow, "no article covers this", learned phrasings and their confirmation),
  // and the event log every instance reads.
  `
  CREATE TABLE settings (
    name  text PRIMARY KEY,
    value text NOT NULL
  );

  CREATE TABLE agents (
    id            text PRIMARY KEY,
    email         text NOT NULL UNIQUE,
    name          text NOT NULL,
    password_hash text NOT NULL,
    salt          text NOT NULL,
    created_at    timestamptz NOT NULL
  );

  CREATE TABLE sessions (
    id_hash    text PRIMARY KEY,
    agent_id   text NOT NULL REFERENCES agents(id) ON DELETE CASCADE,
    expires_at timestamptz NOT NULL
  );
  CREATE INDEX sessions_by_expiry ON sessions(expires_at);

  CREATE TABLE handoffs (
    id             text PRIMARY KEY,
    ref            text NOT NULL,
    token_hash     text NOT NULL,
    client_id      text NOT NULL UNIQUE,
    channel        text NOT NULL CHECK (channel IN ('chat', 'callback', 'phone')),
    status         text NOT NULL CHECK (status IN ('queued', 'active', 'resolved', 'cancelled')),
    visitor        jsonb,
    callback       jsonb,
    context        jsonb,
    transcript     jsonb NOT NULL,
    created_at     timestamptz NOT NULL,
    agent_id       text REFERENCES agents(id),
    first_reply_at timestamptz,
    resolved_at    timestamptz,
    outcome        text CHECK (outcome IN ('answered', 'no_answer', 'duplicate', 'other')),
    article_id     text,
    callback_state text CHECK (callback_state IN ('called', 'no_answer', 'done')),
    -- "No article covers this", marked by the agent on resolve: the gaps in the help centre.
    no_article     boolean NOT NULL DEFAULT false
  );
  -- A ref is read out on the phone: unique among open handoffs, free again once closed.
  CREATE UNIQUE INDEX handoffs_open_ref ON handoffs(ref) WHERE status IN ('queued', 'active');
  CREATE INDEX handoffs_queue ON handoffs(status, channel, created_at);
  CREATE INDEX handoffs_first_reply ON handoffs(first_reply_at) WHERE first_reply_at IS NOT NULL;

  CREATE TABLE messages (
    id                text PRIMARY KEY,
    handoff_id        text NOT NULL REFERENCES handoffs(id) ON DELETE CASCADE,
    client_message_id text NOT NULL,
    sender            text NOT NULL CHECK (sender IN ('visitor', 'agent')),
    agent_id          text REFERENCES agents(id),
    text              text NOT NULL,
    at                timestamptz NOT NULL,
    -- The seq of the message's event: orders a conversation.
    seq               integer NOT NULL,
    UNIQUE (handoff_id, sender, client_message_id)
  );
  CREATE INDEX messages_in_order ON messages(handoff_id, seq);

  -- The event log: every change to a handoff, in the order it happened. id orders the whole log
  -- (what an event stream resumes from, with Last-Event-ID, on any instance, and what
  -- LISTEN/NOTIFY carries); seq orders one handoff's events. A sequence hands out ids as rows
  -- are inserted, not as they commit: a writer appends under the event-log lock (locks.ts,
  -- pg_advisory_xact_lock), so ids become visible in order and a reader that has seen id n
  -- never finds a smaller one later.
  CREATE TABLE events (
    id         bigserial PRIMARY KEY,
    handoff_id text NOT NULL REFERENCES handoffs(id) ON DELETE CASCADE,
    seq        integer NOT NULL,
    type       text NOT NULL,
    data       jsonb NOT NULL,
    at         timestamptz NOT NULL,
    UNIQUE (handoff_id, seq)
  );

  -- The callback workflow: where a callback stands (handoffs.callback_state), and every attempt.
  CREATE TABLE callback_steps (
    id         bigserial PRIMARY KEY,
    handoff_id text NOT NULL REFERENCES handoffs(id) ON DELETE CASCADE,
    at         timestamptz NOT NULL,
    agent_id   text NOT NULL REFERENCES agents(id),
    state      text NOT NULL CHECK (state IN ('called', 'no_answer', 'done'))
  );
  CREATE INDEX callback_steps_in_order ON callback_steps(handoff_id, at);

  -- Phrasings learned from resolved handoffs (src/server/phrasings.ts has the rules). A removed
  -- phrasing stays as a tombstone (removed_at), so it is never learned again for that article;
  -- one is served once two handoffs taught it (count) or an agent confirmed it (confirmed_at).
  CREATE TABLE phrasings (
    id               bigserial PRIMARY KEY,
    article_id       text NOT NULL,
    text             text NOT NULL,
    key              text NOT NULL,
    count            integer NOT NULL DEFAULT 1 CHECK (count >= 1),
    first_learned_at timestamptz NOT NULL,
    last_learned_at  timestamptz NOT NULL,
    last_handoff_id  text REFERENCES handoffs(id) ON DELETE SET NULL,
    removed_at       timestamptz,
    removed_by       text REFERENCES agents(id),
    confirmed_at     timestamptz,
    confirmed_by     text REFERENCES agents(id),
    UNIQUE (article_id, key)
  );
  CREATE INDEX phrasings_live ON phrasings(article_id, last_learned_at) WHERE removed_at IS NULL;
  `,

  // 2: what several instances share besides the handoffs (shared.ts): which agents are online
  // and the rate limits' buckets. Both are UNLOGGED: fast to write, and what a crash of the
  // database server loses (PostgreSQL empties them) is worth a minute at most: presence comes
  // back with the next heartbeat, a bucket starts full again.
  `
  -- One row per agent and instance with an open agents' event stream (instance_id names the
  -- instance), kept alive by its heartbeats; and one per agent seen by a request (instance_id
  -- ''). An agent is online while one of their rows has not expired (presence.ts).
  CREATE UNLOGGED TABLE agent_presence (
    agent_id    text NOT NULL,
    instance_id text NOT NULL,
    until       timestamptz NOT NULL,
    PRIMARY KEY (agent_id, instance_id)
  );

  -- A token bucket per limit (name: createHandoff, login...) and key (a client address...):
  -- tokens left at \`at\`; granted says whether the last take found one (rate-limit.ts).
  CREATE UNLOGGED TABLE rate_limits (
    name    text NOT NULL,
    key     text NOT NULL,
    tokens  double precision NOT NULL,
    at      timestamptz NOT NULL,
    granted boolean NOT NULL,
    PRIMARY KEY (name, key)
  );
  `,

  // 3: the order handoffs arrived in, for those created in the same millisecond (SQLite orders
  // them by rowid): the queue, positions and lists order by (created_at, arrival).
  `
  ALTER TABLE handoffs ADD COLUMN arrival bigint GENERATED ALWAYS AS IDENTITY;
  DROP INDEX handoffs_queue;
  CREATE INDEX handoffs_queue ON handoffs(status, channel, created_at, arrival);
  `,

  // 4: provisional event ids. An event is written with a negative id from this sequence and
  // given its place in the log (events_id_seq) at the commit, under the event-log lock, in the
  // same round trip as COMMIT (store.ts): the lock is held for microseconds, not for the rest of
  // the transaction's round trips, so writers on every instance no longer queue behind it.
  `
  CREATE SEQUENCE events_provisional_id;
  `,

  // 5: the outbox (src/server/outbox/): the dispatcher's place in the event log (one row,
  // locked FOR UPDATE SKIP LOCKED: one instance dispatches at a time), and the deliveries it
  // planned, leased by workers of any instance (FOR UPDATE SKIP LOCKED) until done or failed
  // for good. The cursor starts at the end of the log: events from before the outbox plan nothing.
  `
  CREATE TABLE outbox_cursor (
    name     text PRIMARY KEY,
    position bigint NOT NULL
  );
  INSERT INTO outbox_cursor (name, position) SELECT 'events', COALESCE(MAX(id), 0) FROM events;

  CREATE TABLE jobs (
    id          bigserial PRIMARY KEY,
    kind        text NOT NULL,
    key         text NOT NULL,
    payload     jsonb NOT NULL,
    status      text NOT NULL CHECK (status IN ('pending', 'running', 'done', 'failed')),
    attempts    integer NOT NULL DEFAULT 0,
    due_at      timestamptz NOT NULL,
    lease_until timestamptz,
    lease_owner text,
    last_error  text,
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL,
    UNIQUE (kind, key)
  );
  CREATE INDEX jobs_due ON jobs(due_at) WHERE status = 'pending';
  CREATE INDEX jobs_leased ON jobs(lease_until) WHERE status = 'running';
  CREATE INDEX jobs_recent ON jobs(kind, updated_at);
  `,

  // 6: browsers agents turned notifications on in (Web Push), as SQLite's migration 8.
  `
  CREATE TABLE push_subscriptions (
    endpoint   text PRIMARY KEY,
    agent_id   text NOT NULL REFERENCES agents(id) ON DELETE CASCADE,
    p256dh     text NOT NULL,
    auth       text NOT NULL,
    created_at timestamptz NOT NULL,
    saved_at   timestamptz NOT NULL
  );
  CREATE INDEX push_subscriptions_by_agent ON push_subscriptions(agent_id, saved_at);
  `,

  // 7: when each visitor last had an event stream open, as SQLite's migration 9. Logged: a
  // crash must not make a watching visitor look away.
  `
  CREATE TABLE visitor_streams (
    handoff_id  text NOT NULL REFERENCES handoffs(id) ON DELETE CASCADE,
    instance_id text NOT NULL,
    until       timestamptz NOT NULL,
    PRIMARY KEY (handoff_id, instance_id)
  );
  `,

  // 8: the visitor's rating of a conversation once it ended (issue 12, "Did we keep the
  // promise?"): one per handoff, so the handoff's id is the key. repeated is NULL when the
  // visitor left "Did you have to repeat anything?" unanswered. As SQLite's migration 10.
  `
  CREATE TABLE ratings (
    handoff_id text PRIMARY KEY REFERENCES handoffs(id) ON DELETE CASCADE,
    good       boolean NOT NULL,
    repeated   boolean,
    comment    text,
    at         timestamptz NOT NULL
  );
  `,

  // 9: an article of the site's an agent sent in the chat (issue 13): its id and its title when
  // sent, NULL on every other message. As SQLite's migration 11.
  `
  ALTER TABLE messages ADD COLUMN article_id text;
  ALTER TABLE messages ADD COLUMN article_title text;
  `,

  // 10: files a chat message carries (issue 13), their bytes in the database so every instance
  // serves them. As SQLite's migration 12.
  `
  CREATE TABLE attachments (
    id         text PRIMARY KEY,
    handoff_id text NOT NULL REFERENCES handoffs(id) ON DELETE CASCADE,
    message_id text NOT NULL REFERENCES messages(id) ON DELETE CASCADE,
    name       text NOT NULL,
    type       text NOT NULL,
    size       integer NOT NULL,
    bytes      bytea NOT NULL,
    created_at timestamptz NOT NULL
  );
  CREATE INDEX attachments_by_message ON attachments(message_id);
  `,

  // 11: verified visitors (issue 16), as SQLite's 13: the customer an identity token named;
  // NULL when the visitor was not verified.
  `
  ALTER TABLE handoffs ADD COLUMN verified_sub text;
  ALTER TABLE handoffs ADD COLUMN verified_email text;
  ALTER TABLE handoffs ADD COLUMN verified_name text;
  CREATE INDEX handoffs_by_verified_sub ON handoffs (verified_sub, created_at DESC) WHERE verified_sub IS NOT NULL;
  `,

  // 12: erasures (issue 16), as SQLite's migration 14.
  `
  CREATE TABLE deletions (
    id       bigserial PRIMARY KEY,
    at       timestamptz NOT NULL,
    reason   text NOT NULL CHECK (reason IN ('retention', 'visitor')),
    agent_id text REFERENCES agents(id) ON DELETE SET NULL,
    actor    text NOT NULL,
    counts   jsonb NOT NULL
  );
  CREATE INDEX deletions_recent ON deletions(at);
  `,
  // 13: as SQLite's migration 15: the retention's closed handoffs, by when they were resolved.
  `
  CREATE INDEX handoffs_by_status_resolved ON handoffs(status, resolved_at);
  `,
];

/** The table of applied migrations: one row per version, when it was applied. */
const VERSIONS = 'lifeline_migrations';

export class NewerDatabase extends Error {}

export interface MigrationResult {
  /** The version found. */
  from: number;
  /** The version now (the latest). */
  to: number;
  /** The versions this call applied (none when another instance already had). */
  applied: number[];
}

/**
 * Brings the database to the last of `migrations`, each in its own transaction, under the
 * migration lock; safe to call from any number of instances at once. A database newer than
 * this code is refused (NewerDatabase), as SQLite's is.
 */
export async function migrate(pool: pg.Pool, migrations: readonly string[] = MIGRATIONS): Promise<MigrationResult> {
  const client = await pool.connect();
  let ok = false;
  try {
    // Waiting for another instance's migrations, or running one on a big table, may take
    // longer than the pool's statement timeout: lifted on this connection until it is released.
    await client.query('SET statement_timeout = 0');
    await client.query('SELECT pg_advisory_lock($1, $2)', [...MIGRATION_LOCK]);
    await client.query(`CREATE TABLE IF NOT EXISTS ${VERSIONS} (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`);
    const { rows } = await client.query<{ version: number | null }>(`SELECT max(version) AS version FROM ${VERSIONS}`);
    const from = rows[0]?.version ?? 0;
    if (from > migrations.length) {
      throw new NewerDatabase(
        `the database is at schema version ${from}, newer than this Lifeline knows (${migrations.length}): ` +
          'run a newer Lifeline, or point LIFELINE_DB at another database.',
      );
    }
    const applied: number[] = [];
    for (let version = from + 1; version <= migrations.length; version++) {
      await client.query('BEGIN');
      try {
        await client.query(migrations[version - 1]!);
        await client.query(`INSERT INTO ${VERSIONS} (version) VALUES ($1)`, [version]);
        await client.query('COMMIT');
      } catch (error) {
        throw new Error(`migration ${version} failed: ${(error as Error).message}`, { cause: error });
      }
      applied.push(version);
    }
    await client.query('SELECT pg_advisory_unlock($1, $2)', [...MIGRATION_LOCK]);
    await client.query('RESET statement_timeout');
    ok = true;
    return { from, to: migrations.length, applied };
  } finally {
    // After a failure the connection is closed, not given back: its end rolls back what was
    // half done and frees the lock for the next instance.
    client.release(!ok);
  }
}
