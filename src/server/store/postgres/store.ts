/**
 * The PostgreSQL Store: the same plain row operations as the SQLite one (../types.ts), over a
 * pool of connections (connect.ts), on the schema of migrations.ts. No business rule lives here.
 *
 * A transaction is BEGIN ... COMMIT on one pooled connection, at READ COMMITTED. Transactions
 * run side by side (on this instance and on others); what the service counts on is held by
 * locks taken inside the transaction and kept until it ends:
 * - handoffForUpdate reads the row FOR UPDATE: of two claims of one handoff, the second waits,
 *   then reads the first one's outcome (and is refused);
 * - bookedAt takes the slot's advisory lock (locks.ts SLOT_LOCKS) before counting: two visitors
 *   cannot both take a slot's last place, whichever instance they reach;
 * - listPhrasings of an article takes that article's lock (PHRASING_LOCKS): two resolves
 *   teaching the same article learn one after the other;
 * - findHandoffByClientId and openRefTaken hold the clientId and the ref (CLIENT_ID_LOCKS,
 *   REF_LOCKS): a create sent twice at once makes one handoff, two never pick one ref;
 * - the event log's ids are handed out at the commit, under the event-log lock (EVENT_LOG_LOCK):
 *   appendEvent writes the event with a provisional (negative) id, and the message that commits
 *   first takes the lock, then gives each event of the transaction the log's next id in the order
 *   they were appended, then commits, releasing the lock. Ids are handed out and committed in
 *   the same order, so a reader of the log (`id > last`) never finds a smaller id later; and as
 *   all of it is one round trip inside the database, the lock is held for the time of a commit,
 *   not for the transaction's exchanges with a busy Node process: writers on every instance
 *   share the log without queueing behind each other's round trips (`npm run bench:load`).
 *   StoredEvents that appendEvent returned get their final id once the commit succeeds.
 */
import type pg from 'pg';
import type { Channel, ResolveOutcome } from '../../../protocol/types';
import { articlesBeforeHandoff, articlesReadBeforeHandoff, countVisitors, handoffSearches, median, noResultSearches, ratingFigures, searchesIn, type ReportHandoff } from '../reports';
import type { HandoffFilter, HandoffPatch, HandoffRecord, HandoffReport, Store, StoreReads, StoredEvent, StoreTx } from '../types';
import { CLIENT_ID_LOCKS, EVENT_LOG_LOCK, PHRASING_LOCKS, REF_LOCKS, SLOT_LOCKS } from './locks';
import * as phrasings from './phrasings';
import * as jobs from './jobs';
import * as push from './push';
import * as erasure from './erasure';
import {
  clean,
  jsonText,
  toAgent,
  toCallbackStep,
  toEvent,
  toHandoff,
  toMessage,
  type AgentRow,
  type CallbackStepRow,
  type EventRow,
  type HandoffRow,
  type MessageRow,
} from './rows';
import { toAttachment, type AttachmentRow } from '../rows';
import { PATCH_COLUMNS } from '../rows';

/** A pool or one of its connections: what a query runs on. */
export interface Queryable {
  query<R extends pg.QueryResultRow = pg.QueryResultRow>(text: string, values?: unknown[]): Promise<pg.QueryResult<R>>;
}

const OPEN = "('queued', 'active')";
const HANDOFF = 'SELECT h.*, a.name AS agent_name FROM handoffs h LEFT JOIN agents a ON a.id = h.agent_id';
const MESSAGE = `SELECT m.*, a.name AS agent_name,
  (SELECT COALESCE(json_agg(json_build_object('id', t.id, 'name', t.name, 'type', t.type, 'size', t.size) ORDER BY t.created_at, t.id), '[]'::json)
     FROM attachments t WHERE t.message_id = m.id) AS attachments
  FROM messages m LEFT JOIN agents a ON a.id = m.agent_id`;
const EVENT = 'SELECT id, handoff_id, seq, data, at FROM events';
// Handoffs made in the same millisecond keep the order they arrived in (migration 2).
const OLDEST = 'ORDER BY h.created_at, h.arrival';
const NEWEST = 'ORDER BY h.created_at DESC, h.arrival DESC';

const first = async <R extends pg.QueryResultRow>(db: Queryable, sql: string, values: unknown[]): Promise<R | undefined> =>
  (await db.query<R>(sql, values)).rows[0];

const handoffOf = async (db: Queryable, where: string, values: unknown[]): Promise<HandoffRecord | null> => {
  const row = await first<HandoffRow>(db, `${HANDOFF} WHERE ${where}`, values);
  return row ? toHandoff(row) : null;
};

const count = async (db: Queryable, sql: string, values: unknown[]): Promise<number> => (await first<{ n: number }>(db, sql, values))?.n ?? 0;

/** The reads, on the pool (autocommit) or on a transaction's connection. */
function readsOn(db: Queryable): StoreReads {
  return {
    findHandoff: (id) => handoffOf(db, 'h.id = $1', [id]),
    findHandoffByClientId: (clientId) => handoffOf(db, 'h.client_id = $1', [clientId]),
    async queuePosition(id) {
      const n = await count(
        db,
        `SELECT COUNT(*) AS n FROM handoffs h JOIN handoffs q
           ON q.status = 'queued' AND q.channel = h.channel AND (q.created_at, q.arrival) <= (h.created_at, h.arrival)
         WHERE h.id = $1 AND h.status = 'queued'`,
        [id],
      );
      return n === 0 ? null : n;
    },
    async findMessage(handoffId, sender, clientMessageId) {
      const row = await first<MessageRow>(db, `${MESSAGE} WHERE m.handoff_id = $1 AND m.sender = $2 AND m.client_message_id = $3`, [
        handoffId,
        sender,
        clean(clientMessageId),
      ]);
      return row ? toMessage(row) : null;
    },
    listPhrasings: (articleId, options) => phrasings.listPhrasings(db, articleId, options?.withRemoved),
    findPhrasing: (id) => phrasings.findPhrasing(db, id),
    async findAttachment(handoffId, id) {
      const row = await first<AttachmentRow>(db, 'SELECT * FROM attachments WHERE handoff_id = $1 AND id = $2', [handoffId, clean(id)]);
      return row ? toAttachment(row) : null;
    },
    async findRating(handoffId) {
      const row = await first<{ good: boolean; repeated: boolean | null; comment: string | null; at: string }>(
        db,
        'SELECT good, repeated, comment, at FROM ratings WHERE handoff_id = $1',
        [handoffId],
      );
      return row ? { good: row.good, repeated: row.repeated, comment: row.comment, at: row.at } : null;
    },
  };
}

/**
 * The row operations of one transaction, on its connection. The events it appends are pushed
 * to `appended`, for the commit to number (see the top of this file).
 */
function transactionOn(client: pg.PoolClient, appended: StoredEvent[]): StoreTx {
  const reads = readsOn(client);
  /** Holds `key` of `space` until the transaction ends (locks.ts). */
  const hold = async (space: number, key: string): Promise<void> => {
    await client.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [space, key]);
  };
  return {
    ...reads,
    async findHandoffByClientId(clientId) {
      await hold(CLIENT_ID_LOCKS, clientId);
      return reads.findHandoffByClientId(clientId);
    },
    async listPhrasings(articleId, options) {
      if (articleId !== undefined) await hold(PHRASING_LOCKS, articleId);
      return reads.listPhrasings(articleId, options);
    },
    handoffForUpdate: (id) =>
      // FOR UPDATE OF h: the agents row joined in is only read.
      handoffOf(client, 'h.id = $1 FOR UPDATE OF h', [id]),
    async openRefTaken(ref) {
      await hold(REF_LOCKS, ref);
      return (await first(client, `SELECT 1 FROM handoffs WHERE ref = $1 AND status IN ${OPEN}`, [ref])) !== undefined;
    },
    async bookedAt(from) {
      await hold(SLOT_LOCKS, from);
      return count(client, `SELECT COUNT(*) AS n FROM handoffs WHERE channel = 'callback' AND status IN ${OPEN} AND callback->>'from' = $1`, [from]);
    },
    async insertHandoff(row) {
      await client.query(
        `INSERT INTO handoffs (id, ref, token_hash, client_id, channel, status, visitor, callback, context, transcript, created_at, verified_sub, verified_email, verified_name)
         VALUES ($1, $2, $3, $4, $5, 'queued', $6, $7, $8, $9, $10, $11, $12, $13)`,
        [
          row.id,
          row.ref,
          row.tokenHash,
          clean(row.clientId),
          row.channel,
          jsonText(row.visitor),
          jsonText(row.callback),
          jsonText(row.context),
          jsonText(row.transcript),
          row.createdAt,
          row.verified ? clean(row.verified.sub) : null,
          row.verified?.email !== undefined ? clean(row.verified.email) : null,
          row.verified?.name !== undefined ? clean(row.verified.name) : null,
        ],
      );
    },
    async updateHandoff(id, patch) {
      const keys = (Object.keys(patch) as Array<keyof HandoffPatch>).filter((k) => patch[k] !== undefined).sort();
      if (keys.length === 0) return;
      const values: unknown[] = keys.map((k) => {
        const v = patch[k];
        return typeof v === 'string' ? clean(v) : v;
      });
      await client.query(`UPDATE handoffs SET ${keys.map((k, i) => `${PATCH_COLUMNS[k]} = $${i + 2}`).join(', ')} WHERE id = $1`, [id, ...values]);
    },
    async insertMessage(row) {
      await client.query(
        `INSERT INTO messages (id, handoff_id, client_message_id, sender, agent_id, text, article_id, article_title, at, seq)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
        [
          row.id,
          row.handoffId,
          clean(row.clientMessageId),
          row.sender,
          row.agentId,
          clean(row.text),
          row.article && clean(row.article.articleId),
          row.article && clean(row.article.title),
          row.at,
          row.seq,
        ],
      );
      for (const a of row.attachments ?? []) {
        await client.query(
          `INSERT INTO attachments (id, handoff_id, message_id, name, type, size, bytes, created_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
          [a.id, row.handoffId, row.id, clean(a.name), a.type, a.size, Buffer.from(a.bytes), row.at],
        );
      }
      const stored = await first<MessageRow>(client, `${MESSAGE} WHERE m.id = $1`, [row.id]);
      return toMessage(stored!);
    },
    async appendTranscript(handoffId, entry) {
      await client.query('UPDATE handoffs SET transcript = transcript || $2::jsonb WHERE id = $1', [handoffId, jsonText([entry])]);
    },
    async appendEvent(handoffId, event, at) {
      // seq needs no log-wide lock: every command holds its handoff's row (handoffForUpdate), or made it.
      const row = await first<EventRow>(
        client,
        `INSERT INTO events (id, handoff_id, seq, type, data, at)
         VALUES (-nextval('events_provisional_id'), $1, (SELECT COALESCE(MAX(seq), 0) + 1 FROM events WHERE handoff_id = $1), $2, $3, $4)
         RETURNING id, handoff_id, seq, data, at`,
        [handoffId, event.type, jsonText(event), at],
      );
      const stored = toEvent(row!);
      appended.push(stored);
      return stored;
    },
    async insertCallbackStep(handoffId, step) {
      await client.query('INSERT INTO callback_steps (handoff_id, at, agent_id, state) VALUES ($1, $2, $3, $4)', [handoffId, step.at, step.agentId, step.state]);
    },
    async setVisitorEmail(handoffId, email) {
      await client.query("UPDATE handoffs SET visitor = COALESCE(visitor, '{}'::jsonb) || jsonb_build_object('email', $2::text) WHERE id = $1", [handoffId, clean(email)]);
    },
    insertPhrasing: (articleId, phrasing, handoffId, at) => phrasings.insertPhrasing(client, articleId, phrasing, handoffId, at),
    bumpPhrasing: (id, handoffId, at) => phrasings.bumpPhrasing(client, id, handoffId, at),
    deletePhrasings: (ids) => phrasings.deletePhrasings(client, ids),
    updatePhrasing: (id, patch) => phrasings.updatePhrasing(client, id, patch),
    outboxCursor: () => jobs.outboxCursor(client),
    setOutboxCursor: (id) => jobs.setOutboxCursor(client, id),
    async eventLogAfter(id, limit) {
      return (await client.query<EventRow>(`${EVENT} WHERE id > $1 ORDER BY id LIMIT $2`, [id, limit])).rows.map(toEvent);
    },
    insertJobs: (list, at) => jobs.insertJobs(client, list, at),
    retentionTurn: () => erasure.retentionTurn(client),
    closedBefore: (before, limit) => erasure.closedBefore(client, before, limit, true),
    visitorHandoffs: (match) => erasure.visitorHandoffs(client, match, true),
    deleteHandoffs: (ids, phrasingIds) => erasure.deleteHandoffs(client, ids, phrasingIds),
    deleteJobsMentioning: (texts) => erasure.deleteJobsMentioning(client, texts),
    insertDeletion: (deletion) => erasure.insertDeletion(client, deletion),
    async insertRating(handoffId, r) {
      await client.query('INSERT INTO ratings (handoff_id, good, repeated, comment, at) VALUES ($1, $2, $3, $4, $5)', [
        handoffId,
        r.good,
        r.repeated,
        r.comment === null ? null : clean(r.comment),
        r.at,
      ]);
    },
  };
}

/**
 * Commits, first giving the transaction's events their log ids (the top of this file), all in
 * one message: the lock, one UPDATE per event in the order they were appended, COMMIT. The
 * statements carry no parameters (a message of several cannot): the ids are integers this
 * process read back from the database, checked as such.
 */
async function commit(client: pg.PoolClient, appended: StoredEvent[]): Promise<void> {
  if (appended.length === 0) {
    await client.query('COMMIT');
    return;
  }
  const provisional = appended.map((e) => {
    if (!Number.isSafeInteger(e.id) || e.id >= 0) throw new Error(`an appended event has id ${e.id}, not a provisional (negative) one`);
    return e.id;
  });
  const sql = [
    `SELECT pg_advisory_xact_lock(${EVENT_LOG_LOCK[0]}, ${EVENT_LOG_LOCK[1]})`,
    ...provisional.map((id) => `UPDATE events SET id = nextval('events_id_seq') WHERE id = ${id} RETURNING id`),
    'COMMIT',
  ].join(';\n');
  // A message of several statements answers with one result each.
  const results = (await client.query(sql)) as unknown as pg.QueryResult<{ id: string | number }>[];
  appended.forEach((event, i) => {
    event.id = Number(results[i + 1]!.rows[0]!.id);
  });
}

/**
 * The Store over `pool`, whose database migrate() has brought to the latest schema. close()
 * ends the pool unless `ownsPool` is false (the caller ends it).
 */
export function createPostgresStore(pool: pg.Pool, options: { ownsPool?: boolean } = {}): Store {
  const reads = readsOn(pool);
  let closed = false;

  /** `fn` in one transaction on one connection; a connection left broken is closed, not reused. */
  async function inTransaction<T>(begin: string, fn: (client: pg.PoolClient, appended: StoredEvent[]) => Promise<T>): Promise<T> {
    const client = await pool.connect();
    let broken: Error | undefined;
    try {
      await client.query(begin);
      try {
        const appended: StoredEvent[] = [];
        const result = await fn(client, appended);
        await commit(client, appended);
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch((rollback: Error) => {
          broken = rollback;
        });
        throw error;
      }
    } finally {
      client.release(broken);
    }
  }

  const handoffs = async (sql: string, values: unknown[]): Promise<HandoffRecord[]> =>
    (await pool.query<HandoffRow>(sql, values)).rows.map(toHandoff);

  return {
    ...reads,

    transaction(fn) {
      return inTransaction('BEGIN', (client, appended) => fn(transactionOn(client, appended)));
    },

    findOpenHandoffByRef: (ref) => handoffOf(pool, `h.ref = $1 AND h.status IN ${OPEN}`, [ref]),

    listHandoffs(filter: HandoffFilter, limit) {
      if (filter === 'open') return handoffs(`${HANDOFF} WHERE h.status IN ${OPEN} ${OLDEST} LIMIT $1`, [limit]);
      if (filter === 'resolved') {
        return handoffs(`${HANDOFF} WHERE h.status IN ('resolved', 'cancelled') ORDER BY h.resolved_at DESC, h.arrival DESC LIMIT $1`, [limit]);
      }
      return handoffs(`${HANDOFF} ${NEWEST} LIMIT $1`, [limit]);
    },

    handoffsOfCustomer(sub, limit, before) {
      if (before === undefined) return handoffs(`${HANDOFF} WHERE h.verified_sub = $1 ${NEWEST} LIMIT $2`, [clean(sub), limit]);
      // In the same order, after a handoff of theirs: a missing one matches nothing (NULL compares false).
      return handoffs(
        `${HANDOFF} WHERE h.verified_sub = $1 AND (h.created_at, h.arrival) < (SELECT created_at, arrival FROM handoffs WHERE id = $3) ${NEWEST} LIMIT $2`,
        [clean(sub), limit, clean(before)],
      );
    },

    listOpenInChannel: (channel, order, limit) =>
      handoffs(`${HANDOFF} WHERE h.channel = $1 AND h.status IN ${OPEN} ${order === 'oldest' ? OLDEST : NEWEST} LIMIT $2`, [channel, limit]),

    countOpenInChannel: (channel) => count(pool, `SELECT COUNT(*) AS n FROM handoffs WHERE channel = $1 AND status IN ${OPEN}`, [channel]),

    listOpenCreatedBefore: (channel, before, limit) =>
      handoffs(`${HANDOFF} WHERE h.channel = $1 AND h.status IN ${OPEN} AND h.created_at < $2 ${OLDEST} LIMIT $3`, [channel, before, limit]),

    async queuedIds(channel) {
      const { rows } = await pool.query<{ id: string }>(`SELECT h.id FROM handoffs h WHERE h.status = 'queued' AND h.channel = $1 ${OLDEST}`, [channel]);
      return rows.map((r) => r.id);
    },

    queueLength: (channel) => count(pool, "SELECT COUNT(*) AS n FROM handoffs WHERE status = 'queued' AND channel = $1", [channel]),

    async bookedCallbacks(since) {
      const { rows } = await pool.query<{ slot: string; n: number }>(
        `SELECT callback->>'from' AS slot, COUNT(*) AS n FROM handoffs
          WHERE channel = 'callback' AND status IN ${OPEN} AND callback->>'from' >= $1 COLLATE "C" GROUP BY 1`,
        [since],
      );
      return new Map(rows.map((r) => [r.slot, r.n]));
    },

    async firstReplySeconds(since) {
      const { rows } = await pool.query<{ created_at: string; first_reply_at: string }>(
        'SELECT created_at, first_reply_at FROM handoffs WHERE first_reply_at >= $1',
        [since],
      );
      return rows.map((r) => (Date.parse(r.first_reply_at) - Date.parse(r.created_at)) / 1000);
    },

    async messages(handoffId) {
      return (await pool.query<MessageRow>(`${MESSAGE} WHERE m.handoff_id = $1 ORDER BY m.seq`, [handoffId])).rows.map(toMessage);
    },

    async eventsAfter(handoffId, seq) {
      return (await pool.query<EventRow>(`${EVENT} WHERE handoff_id = $1 AND seq > $2 ORDER BY seq`, [handoffId, seq])).rows.map(toEvent);
    },

    async eventLogAfter(id, limit) {
      return (await pool.query<EventRow>(`${EVENT} WHERE id > $1 ORDER BY id LIMIT $2`, [id, limit])).rows.map(toEvent);
    },

    lastSeq: async (handoffId) =>
      (await first<{ seq: number }>(pool, 'SELECT COALESCE(MAX(seq), 0) AS seq FROM events WHERE handoff_id = $1', [handoffId]))?.seq ?? 0,

    async callbackSteps(handoffId) {
      const { rows } = await pool.query<CallbackStepRow>(
        `SELECT s.at, s.agent_id, a.name AS agent_name, s.state FROM callback_steps s JOIN agents a ON a.id = s.agent_id
          WHERE s.handoff_id = $1 ORDER BY s.at, s.id`,
        [handoffId],
      );
      return rows.map(toCallbackStep);
    },

    report(from, to) {
      // One snapshot: the figures describe the same moment.
      return inTransaction('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY', async (client): Promise<HandoffReport> => {
        const period = [from, to];
        const { rows } = await client.query<Pick<HandoffRow, 'id' | 'visitor' | 'transcript' | 'no_article'>>(
          'SELECT id, visitor, transcript, no_article FROM handoffs WHERE created_at >= $1 AND created_at <= $2',
          period,
        );
        const all: ReportHandoff[] = rows.map((r) => ({ id: r.id, visitor: r.visitor, transcript: r.transcript }));
        const uncovered = all.filter((_, i) => rows[i]!.no_article);
        const byChannel: Record<Channel, number> = { chat: 0, callback: 0, phone: 0 };
        const channels = await client.query<{ channel: Channel; n: number }>(
          'SELECT channel, COUNT(*) AS n FROM handoffs WHERE created_at >= $1 AND created_at <= $2 GROUP BY channel',
          period,
        );
        for (const r of channels.rows) byChannel[r.channel] = r.n;
        const byOutcome: Record<ResolveOutcome, number> = { answered: 0, no_answer: 0, duplicate: 0, other: 0 };
        const outcomes = await client.query<{ outcome: ResolveOutcome; n: number }>(
          'SELECT outcome, COUNT(*) AS n FROM handoffs WHERE created_at >= $1 AND created_at <= $2 AND outcome IS NOT NULL GROUP BY outcome',
          period,
        );
        for (const r of outcomes.rows) byOutcome[r.outcome] = r.n;
        const replies = await client.query<{ created_at: string; first_reply_at: string }>(
          'SELECT created_at, first_reply_at FROM handoffs WHERE created_at >= $1 AND created_at <= $2 AND first_reply_at IS NOT NULL',
          period,
        );
        const waits = replies.rows.map((r) => (Date.parse(r.first_reply_at) - Date.parse(r.created_at)) / 1000);
        const ratings = await client.query<{ good: boolean; repeated: boolean | null; n: number }>(
          `SELECT r.good, r.repeated, COUNT(*)::int AS n FROM ratings r JOIN handoffs h ON h.id = r.handoff_id
            WHERE h.created_at >= $1 AND h.created_at <= $2 GROUP BY r.good, r.repeated`,
          period,
        );
        return {
          noResultSearches: noResultSearches(all),
          articlesBeforeHandoff: articlesBeforeHandoff(all),
          byChannel,
          visitors: countVisitors(all),
          byOutcome,
          medianFirstReplySeconds: median(waits),
          noArticleSearches: searchesIn(uncovered),
          noArticleHandoffs: uncovered.length,
          noArticleVisitors: countVisitors(uncovered),
          articlesReadBeforeHandoff: articlesReadBeforeHandoff(all),
          handoffSearches: handoffSearches(all, new Set(uncovered.map((h) => h.id))),
          ratings: ratingFigures(ratings.rows),
        };
      });
    },

    async upsertAgent(agent) {
      const row = await first<AgentRow>(
        pool,
        `INSERT INTO agents (id, email, name, password_hash, salt, created_at) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (email) DO UPDATE SET name = excluded.name, password_hash = excluded.password_hash, salt = excluded.salt
         RETURNING *`,
        [agent.id, clean(agent.email.toLowerCase()), clean(agent.name), agent.passwordHash, agent.salt, agent.createdAt],
      );
      return toAgent(row!);
    },

    async findAgent(id) {
      const row = await first<AgentRow>(pool, 'SELECT * FROM agents WHERE id = $1', [id]);
      return row ? toAgent(row) : null;
    },

    async findAgentByEmail(email) {
      const row = await first<AgentRow>(pool, 'SELECT * FROM agents WHERE email = $1', [clean(email.toLowerCase())]);
      return row ? toAgent(row) : null;
    },

    async createSession(s) {
      await pool.query('INSERT INTO sessions (id_hash, agent_id, expires_at) VALUES ($1, $2, $3)', [s.idHash, s.agentId, s.expiresAt]);
    },

    async findSession(idHash, now) {
      const row = await first<AgentRow & { id_hash: string; agent_id: string; expires_at: string }>(
        pool,
        `SELECT s.id_hash, s.agent_id, s.expires_at, a.* FROM sessions s JOIN agents a ON a.id = s.agent_id
          WHERE s.id_hash = $1 AND s.expires_at > $2`,
        [idHash, now],
      );
      if (!row) return null;
      return { session: { idHash: row.id_hash, agentId: row.agent_id, expiresAt: row.expires_at }, agent: toAgent(row) };
    },

    async extendSession(idHash, expiresAt) {
      await pool.query('UPDATE sessions SET expires_at = $1 WHERE id_hash = $2', [expiresAt, idHash]);
    },

    async deleteSession(idHash) {
      await pool.query('DELETE FROM sessions WHERE id_hash = $1', [idHash]);
    },

    async deleteExpiredSessions(now) {
      await pool.query('DELETE FROM sessions WHERE expires_at <= $1', [now]);
    },

    async visitorStreamsOpen(handoffIds, instanceId, until) {
      // Only handoffs that still exist (a deleted one would break the foreign key).
      await pool.query(
        `INSERT INTO visitor_streams (handoff_id, instance_id, until)
         SELECT h.id, $2, $3 FROM handoffs h WHERE h.id = ANY($1::text[])
         ON CONFLICT (handoff_id, instance_id) DO UPDATE SET until = excluded.until`,
        [[...handoffIds], instanceId, until],
      );
    },

    async visitorStreamClosed(handoffId, instanceId, at) {
      // One statement: the instance's row goes and '' keeps the later of the two ends.
      await pool.query(
        `WITH gone AS (DELETE FROM visitor_streams WHERE handoff_id = $1 AND instance_id = $2)
         INSERT INTO visitor_streams (handoff_id, instance_id, until)
         SELECT h.id, '', $3 FROM handoffs h WHERE h.id = $1
         ON CONFLICT (handoff_id, instance_id) DO UPDATE SET until = greatest(visitor_streams.until, excluded.until)`,
        [handoffId, instanceId, at],
      );
    },

    async visitorSeenUntil(handoffId) {
      return (await first<{ until: string | null }>(pool, 'SELECT max(until) AS until FROM visitor_streams WHERE handoff_id = $1', [handoffId]))?.until ?? null;
    },

    claimJobs: (kinds, owner, now, leaseUntil, limit) => jobs.claimJobs(pool, kinds, owner, now, leaseUntil, limit),
    finishJob: (id, owner, result) => jobs.finishJob(pool, id, owner, result),
    nextJobAt: (kinds) => jobs.nextJobAt(pool, kinds),
    listJobs: (filter) => jobs.listJobs(pool, filter),
    findJob: (kind, key) => jobs.findJob(pool, kind, key),
    pruneJobs: (before) => jobs.pruneJobs(pool, before),
    jobsMentioning: (texts) => erasure.jobsMentioning(pool, texts),
    visitorHandoffs: (match) => erasure.visitorHandoffs(pool, match, false),
    deletions: (limit) => erasure.deletions(pool, limit),

    savePushSubscription: (subscription) => push.savePushSubscription(pool, subscription),
    deletePushSubscription: (endpoint, agentId) => push.deletePushSubscription(pool, endpoint, agentId),
    pushSubscriptions: (agentId) => push.pushSubscriptions(pool, agentId),

    async setting(name, create) {
      const stored = await first<{ value: string }>(pool, 'SELECT value FROM settings WHERE name = $1', [name]);
      if (stored) return stored.value;
      // Another instance may make it at the same moment: the first one stored wins, for both.
      await pool.query('INSERT INTO settings (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING', [name, clean(create())]);
      return (await first<{ value: string }>(pool, 'SELECT value FROM settings WHERE name = $1', [name]))!.value;
    },

    async close() {
      if (closed) return;
      closed = true;
      if (options.ownsPool !== false) await pool.end();
    },
  };
}
