/**
 * The embedded Store: one SQLite file through better-sqlite3, in WAL mode (readers never wait
 * for the writer), as plain row operations (types.ts). A transaction is BEGIN IMMEDIATE ...
 * COMMIT on the one connection; the Store's interface is asynchronous (PostgreSQL's will be),
 * so transactions of this process (of every Store open on the same file) wait in one queue and
 * never interleave, and a second process on the same file waits (busy_timeout) instead of
 * failing half-way.
 */
import Database from 'better-sqlite3';
import { resolve } from 'node:path';
import type { Channel, ResolveOutcome, TranscriptEntry, Visitor } from '../../protocol/types';
import { articlesBeforeHandoff, articlesReadBeforeHandoff, countVisitors, handoffSearches, median, noResultSearches, ratingFigures, searchesIn, type ReportHandoff } from './reports';
import { MIGRATIONS } from './migrations';
import { sqlitePhrasings } from './sqlite-phrasings';
import { sqliteJobs } from './sqlite-jobs';
import { sqlitePush } from './sqlite-push';
import { sqliteErasure } from './sqlite-erasure';
import {
  json,
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
} from './sqlite-rows';
import type { HandoffFilter, HandoffPatch, HandoffReport, HandoffRecord, SessionRecord, Store, StoreTx } from './types';
import { PATCH_COLUMNS, toAttachment, type AttachmentRow } from './rows';

/**
 * The tail of the transaction queue of each database file (one per ':memory:' store): every
 * Store of this process on the same file waits its turn, so one never blocks the thread waiting
 * for a lock another of them holds between two awaits.
 */
const queues = new Map<string, { tail: Promise<unknown> }>();

const OPEN = "('queued', 'active')";
// Queries order by created_at, then rowid: handoffs made in the same millisecond keep their
// insertion order (rowid is SQLite's; another engine would use a sequence).
const HANDOFF = 'SELECT h.*, a.name AS agent_name FROM handoffs h LEFT JOIN agents a ON a.id = h.agent_id';

/** Opens (creating when needed) the database at `path` and brings its schema up to date. */
export function openSqliteStore(path: string): Store {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  // In WAL mode NORMAL still survives a crash of the process; only a power cut may lose the
  // last commits. FULL would fsync every chat message.
  db.pragma('synchronous = NORMAL');
  // What is deleted (an erasure, the retention) is overwritten with zeros, not left readable in
  // the file's free pages until they are reused.
  db.pragma('secure_delete = ON');
  migrate(db, path);
  // A database this process cannot write (a read-only file, folder or disk) is said at start,
  // not to the first visitor who asks for a person: a write that changes nothing tells.
  try {
    db.exec('DELETE FROM settings WHERE 0');
  } catch (error) {
    db.close();
    throw new Error(`it cannot be written (${(error as Error).message}); check the permissions of the file and its folder`);
  }

  const q = {
    handoffById: db.prepare<[string], HandoffRow>(`${HANDOFF} WHERE h.id = ?`),
    handoffByClientId: db.prepare<[string], HandoffRow>(`${HANDOFF} WHERE h.client_id = ?`),
    openHandoffByRef: db.prepare<[string], HandoffRow>(`${HANDOFF} WHERE h.ref = ? AND h.status IN ${OPEN}`),
    openRefTaken: db.prepare<[string], { one: 1 }>(`SELECT 1 AS one FROM handoffs WHERE ref = ? AND status IN ${OPEN}`),
    listOpen: db.prepare<[number], HandoffRow>(`${HANDOFF} WHERE h.status IN ${OPEN} ORDER BY h.created_at, h.rowid LIMIT ?`),
    openInChannelOldest: db.prepare<[string, number], HandoffRow>(
      `${HANDOFF} WHERE h.channel = ? AND h.status IN ${OPEN} ORDER BY h.created_at, h.rowid LIMIT ?`,
    ),
    openInChannelNewest: db.prepare<[string, number], HandoffRow>(
      `${HANDOFF} WHERE h.channel = ? AND h.status IN ${OPEN} ORDER BY h.created_at DESC, h.rowid DESC LIMIT ?`,
    ),
    countOpenInChannel: db.prepare<[string], { n: number }>(`SELECT COUNT(*) AS n FROM handoffs WHERE channel = ? AND status IN ${OPEN}`),
    openCreatedBefore: db.prepare<[string, string, number], HandoffRow>(
      `${HANDOFF} WHERE h.channel = ? AND h.status IN ${OPEN} AND h.created_at < ? ORDER BY h.created_at, h.rowid LIMIT ?`,
    ),
    listClosed: db.prepare<[number], HandoffRow>(
      `${HANDOFF} WHERE h.status IN ('resolved', 'cancelled') ORDER BY h.resolved_at DESC, h.rowid DESC LIMIT ?`,
    ),
    listAll: db.prepare<[number], HandoffRow>(`${HANDOFF} ORDER BY h.created_at DESC, h.rowid DESC LIMIT ?`),
    ofCustomer: db.prepare<[string, number], HandoffRow>(`${HANDOFF} WHERE h.verified_sub = ? ORDER BY h.created_at DESC, h.rowid DESC LIMIT ?`),
    // In the same order, after a handoff of theirs: a missing one matches nothing (NULL compares false).
    ofCustomerBefore: db.prepare<[string, string, number], HandoffRow>(
      `${HANDOFF} WHERE h.verified_sub = ? AND (h.created_at, h.rowid) < (SELECT created_at, rowid FROM handoffs WHERE id = ?) ORDER BY h.created_at DESC, h.rowid DESC LIMIT ?`,
    ),
    insertHandoff: db.prepare(
      `INSERT INTO handoffs (id, ref, token_hash, client_id, channel, status, visitor, callback, context, transcript, created_at, verified_sub, verified_email, verified_name)
       VALUES (@id, @ref, @tokenHash, @clientId, @channel, 'queued', @visitor, @callback, @context, @transcript, @createdAt, @verifiedSub, @verifiedEmail, @verifiedName)`,
    ),
    position: db.prepare<[string], { n: number }>(
      `SELECT COUNT(*) AS n FROM handoffs h JOIN handoffs q
         ON q.status = 'queued' AND q.channel = h.channel
        AND (q.created_at < h.created_at OR (q.created_at = h.created_at AND q.rowid <= h.rowid))
       WHERE h.id = ? AND h.status = 'queued'`,
    ),
    queued: db.prepare<[string], { id: string }>(
      "SELECT id FROM handoffs WHERE status = 'queued' AND channel = ? ORDER BY created_at, rowid",
    ),
    booked: db.prepare<[string], { slot: string; n: number }>(
      `SELECT json_extract(callback, '$.from') AS slot, COUNT(*) AS n FROM handoffs
       WHERE channel = 'callback' AND status IN ${OPEN} AND json_extract(callback, '$.from') >= ? GROUP BY slot`,
    ),
    bookedAt: db.prepare<[string], { n: number }>(
      `SELECT COUNT(*) AS n FROM handoffs
       WHERE channel = 'callback' AND status IN ${OPEN} AND json_extract(callback, '$.from') = ?`,
    ),
    queueLength: db.prepare<[string], { n: number }>("SELECT COUNT(*) AS n FROM handoffs WHERE status = 'queued' AND channel = ?"),
    firstReplies: db.prepare<[string], { created_at: string; first_reply_at: string }>(
      'SELECT created_at, first_reply_at FROM handoffs WHERE first_reply_at >= ?',
    ),

    messages: db.prepare<[string], MessageRow>(
      `SELECT m.*, a.name AS agent_name, (SELECT json_group_array(json_object('id', t.id, 'name', t.name, 'type', t.type, 'size', t.size))
          FROM (SELECT * FROM attachments WHERE message_id = m.id ORDER BY rowid) t) AS attachments
        FROM messages m LEFT JOIN agents a ON a.id = m.agent_id WHERE m.handoff_id = ? ORDER BY m.seq`,
    ),
    message: db.prepare<[string, string, string], MessageRow>(
      `SELECT m.*, a.name AS agent_name, (SELECT json_group_array(json_object('id', t.id, 'name', t.name, 'type', t.type, 'size', t.size))
          FROM (SELECT * FROM attachments WHERE message_id = m.id ORDER BY rowid) t) AS attachments
        FROM messages m LEFT JOIN agents a ON a.id = m.agent_id
        WHERE m.handoff_id = ? AND m.sender = ? AND m.client_message_id = ?`,
    ),
    insertMessage: db.prepare(
      `INSERT INTO messages (id, handoff_id, client_message_id, sender, agent_id, text, article_id, article_title, at, seq)
       VALUES (@id, @handoffId, @clientMessageId, @sender, @agentId, @text, @articleId, @articleTitle, @at, @seq)`,
    ),
    appendTranscript: db.prepare<[string, string]>("UPDATE handoffs SET transcript = json_insert(transcript, '$[#]', json(?)) WHERE id = ?"),

    insertAttachment: db.prepare(
      `INSERT INTO attachments (id, handoff_id, message_id, name, type, size, bytes, created_at)
       VALUES (@id, @handoffId, @messageId, @name, @type, @size, @bytes, @at)`,
    ),
    attachment: db.prepare<[string, string], AttachmentRow>('SELECT * FROM attachments WHERE handoff_id = ? AND id = ?'),

    nextSeq: db.prepare<[string], { seq: number }>('SELECT COALESCE(MAX(seq), 0) + 1 AS seq FROM events WHERE handoff_id = ?'),
    lastSeq: db.prepare<[string], { seq: number }>('SELECT COALESCE(MAX(seq), 0) AS seq FROM events WHERE handoff_id = ?'),
    insertEvent: db.prepare<[string, number, string, string, string]>(
      'INSERT INTO events (handoff_id, seq, type, data, at) VALUES (?, ?, ?, ?, ?)',
    ),
    eventsAfter: db.prepare<[string, number], EventRow>(
      'SELECT id, handoff_id, seq, data, at FROM events WHERE handoff_id = ? AND seq > ? ORDER BY seq',
    ),
    eventLogAfter: db.prepare<[number, number], EventRow>('SELECT id, handoff_id, seq, data, at FROM events WHERE id > ? ORDER BY id LIMIT ?'),

    setVisitorEmail: db.prepare<[string, string]>("UPDATE handoffs SET visitor = json_set(COALESCE(visitor, '{}'), '$.email', ?) WHERE id = ?"),
    visitorStreamOpen: db.prepare<[string, string, string]>(
      'INSERT INTO visitor_streams (handoff_id, instance_id, until) VALUES (?, ?, ?) ON CONFLICT (handoff_id, instance_id) DO UPDATE SET until = excluded.until',
    ),
    visitorStreamEnded: db.prepare<[string, string]>(
      "INSERT INTO visitor_streams (handoff_id, instance_id, until) VALUES (?, '', ?) ON CONFLICT (handoff_id, instance_id) DO UPDATE SET until = MAX(until, excluded.until)",
    ),
    visitorStreamGone: db.prepare<[string, string]>('DELETE FROM visitor_streams WHERE handoff_id = ? AND instance_id = ?'),
    visitorSeenUntil: db.prepare<[string], { until: string | null }>('SELECT MAX(until) AS until FROM visitor_streams WHERE handoff_id = ?'),
    insertCallbackStep: db.prepare<[string, string, string, string]>(
      'INSERT INTO callback_steps (handoff_id, at, agent_id, state) VALUES (?, ?, ?, ?)',
    ),
    callbackSteps: db.prepare<[string], CallbackStepRow>(
      `SELECT s.at, s.agent_id, a.name AS agent_name, s.state FROM callback_steps s JOIN agents a ON a.id = s.agent_id
        WHERE s.handoff_id = ? ORDER BY s.at, s.rowid`,
    ),

    // Reports: handoffs by creation time; created_at is an ISO string, which sorts as text.
    reportTranscripts: db.prepare<[string, string], { id: string; visitor: string | null; transcript: string; no_article: number }>(
      'SELECT id, visitor, transcript, no_article FROM handoffs WHERE created_at >= ? AND created_at <= ?',
    ),
    reportByChannel: db.prepare<[string, string], { channel: Channel; n: number }>(
      'SELECT channel, COUNT(*) AS n FROM handoffs WHERE created_at >= ? AND created_at <= ? GROUP BY channel',
    ),
    reportByOutcome: db.prepare<[string, string], { outcome: ResolveOutcome; n: number }>(
      `SELECT outcome, COUNT(*) AS n FROM handoffs
        WHERE created_at >= ? AND created_at <= ? AND outcome IS NOT NULL GROUP BY outcome`,
    ),
    reportFirstReplies: db.prepare<[string, string], { created_at: string; first_reply_at: string }>(
      'SELECT created_at, first_reply_at FROM handoffs WHERE created_at >= ? AND created_at <= ? AND first_reply_at IS NOT NULL',
    ),

    upsertAgent: db.prepare(
      `INSERT INTO agents (id, email, name, password_hash, salt, created_at)
       VALUES (@id, @email, @name, @passwordHash, @salt, @createdAt)
       ON CONFLICT (email) DO UPDATE SET name = excluded.name, password_hash = excluded.password_hash, salt = excluded.salt`,
    ),
    agentById: db.prepare<[string], AgentRow>('SELECT * FROM agents WHERE id = ?'),
    agentByEmail: db.prepare<[string], AgentRow>('SELECT * FROM agents WHERE email = ?'),

    insertSession: db.prepare<[string, string, string]>('INSERT INTO sessions (id_hash, agent_id, expires_at) VALUES (?, ?, ?)'),
    session: db.prepare<[string, string], { id_hash: string; agent_id: string; expires_at: string }>(
      'SELECT * FROM sessions WHERE id_hash = ? AND expires_at > ?',
    ),
    extendSession: db.prepare<[string, string]>('UPDATE sessions SET expires_at = ? WHERE id_hash = ?'),
    deleteSession: db.prepare<[string]>('DELETE FROM sessions WHERE id_hash = ?'),
    deleteExpired: db.prepare<[string]>('DELETE FROM sessions WHERE expires_at <= ?'),

    rating: db.prepare<[string], { good: number; repeated: number | null; comment: string | null; at: string }>(
      'SELECT good, repeated, comment, at FROM ratings WHERE handoff_id = ?',
    ),
    insertRating: db.prepare<[string, number, number | null, string | null, string]>(
      'INSERT INTO ratings (handoff_id, good, repeated, comment, at) VALUES (?, ?, ?, ?, ?)',
    ),
    reportRatings: db.prepare<[string, string], { good: number; repeated: number | null; n: number }>(
      `SELECT r.good, r.repeated, COUNT(*) AS n FROM ratings r JOIN handoffs h ON h.id = r.handoff_id
        WHERE h.created_at >= ? AND h.created_at <= ? GROUP BY r.good, r.repeated`,
    ),

    setting: db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE name = ?'),
    insertSetting: db.prepare<[string, string]>('INSERT INTO settings (name, value) VALUES (?, ?)'),
  };

  const phrasings = sqlitePhrasings(db);
  const jobs = sqliteJobs(db);
  const push = sqlitePush(db);
  const erasure = sqliteErasure(db);
  const queue = path === ':memory:' || path === '' ? { tail: Promise.resolve() as Promise<unknown> } : queueFor(path);

  /** Runs `fn` after every transaction queued before it; its failure does not stop the next. */
  const serial = <T>(fn: () => T | Promise<T>): Promise<T> => {
    const result = queue.tail.then(fn, fn);
    queue.tail = result.catch(() => undefined);
    return result;
  };

  /** A write outside transaction(): one BEGIN IMMEDIATE of its own, in the queue. */
  const write = <T>(fn: () => T): Promise<T> => serial(() => db.transaction(fn).immediate());

  const handoff = (id: string): HandoffRecord | null => {
    const row = q.handoffById.get(id);
    return row ? toHandoff(row) : null;
  };

  const patches = new Map<string, Database.Statement>();
  const updateHandoff = (id: string, patch: HandoffPatch): void => {
    const keys = (Object.keys(patch) as Array<keyof HandoffPatch>).filter((k) => patch[k] !== undefined).sort();
    if (keys.length === 0) return;
    const name = keys.join(',');
    let statement = patches.get(name);
    if (!statement) {
      statement = db.prepare(`UPDATE handoffs SET ${keys.map((k) => `${PATCH_COLUMNS[k]} = @${k}`).join(', ')} WHERE id = @id`);
      patches.set(name, statement);
    }
    const values: Record<string, unknown> = { id };
    for (const k of keys) values[k] = k === 'noArticle' ? (patch.noArticle ? 1 : 0) : patch[k];
    statement.run(values);
  };

  const reads = {
    async findHandoff(id: string) {
      return handoff(id);
    },
    async findHandoffByClientId(clientId: string) {
      const row = q.handoffByClientId.get(clientId);
      return row ? toHandoff(row) : null;
    },
    async queuePosition(id: string) {
      const n = q.position.get(id)?.n ?? 0;
      return n === 0 ? null : n;
    },
    async findMessage(handoffId: string, sender: 'visitor' | 'agent', clientMessageId: string) {
      const row = q.message.get(handoffId, sender, clientMessageId);
      return row ? toMessage(row) : null;
    },
    async listPhrasings(articleId?: string, options?: { withRemoved?: boolean }) {
      return phrasings.list(articleId, options?.withRemoved);
    },
    async findPhrasing(id: string) {
      return phrasings.byId(id);
    },
    async findAttachment(handoffId: string, id: string) {
      const row = q.attachment.get(handoffId, id);
      return row ? toAttachment(row) : null;
    },
    async findRating(handoffId: string) {
      const row = q.rating.get(handoffId);
      return row ? { good: row.good === 1, repeated: row.repeated === null ? null : row.repeated === 1, comment: row.comment, at: row.at } : null;
    },
  };

  // One object for every transaction: better-sqlite3 has one connection, the queue one writer.
  const tx: StoreTx = {
    ...reads,
    // BEGIN IMMEDIATE took the write lock already: nobody else changes the row meanwhile.
    async handoffForUpdate(id) {
      return handoff(id);
    },
    async openRefTaken(ref) {
      return q.openRefTaken.get(ref) !== undefined;
    },
    async bookedAt(from) {
      return q.bookedAt.get(from)!.n;
    },
    async insertHandoff({ verified, ...row }) {
      q.insertHandoff.run({
        ...row,
        verifiedSub: verified?.sub ?? null,
        verifiedEmail: verified?.email ?? null,
        verifiedName: verified?.name ?? null,
        visitor: json(row.visitor),
        callback: json(row.callback),
        context: json(row.context),
        transcript: JSON.stringify(row.transcript),
      });
    },
    async updateHandoff(id, patch) {
      updateHandoff(id, patch);
    },
    async insertMessage({ article, attachments = [], ...row }) {
      q.insertMessage.run({ ...row, articleId: article?.articleId ?? null, articleTitle: article?.title ?? null });
      for (const a of attachments) {
        q.insertAttachment.run({ id: a.id, handoffId: row.handoffId, messageId: row.id, name: a.name, type: a.type, size: a.size, bytes: Buffer.from(a.bytes), at: row.at });
      }
      return toMessage(q.message.get(row.handoffId, row.sender, row.clientMessageId)!);
    },
    async appendTranscript(handoffId, entry) {
      q.appendTranscript.run(JSON.stringify(entry), handoffId);
    },
    async appendEvent(handoffId, event, at) {
      const { seq } = q.nextSeq.get(handoffId)!;
      const id = Number(q.insertEvent.run(handoffId, seq, event.type, JSON.stringify(event), at).lastInsertRowid);
      return { id, handoffId, seq, event, at };
    },
    async insertCallbackStep(handoffId, step) {
      q.insertCallbackStep.run(handoffId, step.at, step.agentId, step.state);
    },
    async setVisitorEmail(handoffId, email) {
      q.setVisitorEmail.run(email, handoffId);
    },
    async insertPhrasing(articleId, phrasing, handoffId, at) {
      return phrasings.insert(articleId, phrasing, handoffId, at);
    },
    async bumpPhrasing(id, handoffId, at) {
      phrasings.bump(id, handoffId, at);
    },
    async deletePhrasings(ids) {
      phrasings.delete(ids);
    },
    async updatePhrasing(id, patch) {
      phrasings.update(id, patch);
    },
    async insertRating(handoffId, r) {
      q.insertRating.run(handoffId, r.good ? 1 : 0, r.repeated === null ? null : r.repeated ? 1 : 0, r.comment, r.at);
    },
    // BEGIN IMMEDIATE: one dispatcher at a time already.
    async outboxCursor() {
      return jobs.cursor();
    },
    async setOutboxCursor(id) {
      jobs.setCursor(id);
    },
    async eventLogAfter(id, limit) {
      return q.eventLogAfter.all(id, limit).map(toEvent);
    },
    async insertJobs(list, at) {
      return jobs.insert(list, at);
    },
    // BEGIN IMMEDIATE: one retention (and one writer) at a time already.
    async retentionTurn() {
      return true;
    },
    async closedBefore(before, limit) {
      return erasure.closedBefore(before, limit);
    },
    async visitorHandoffs(match) {
      return erasure.visitorHandoffs(match);
    },
    async deleteHandoffs(ids, phrasingIds) {
      return erasure.deleteHandoffs(ids, phrasingIds);
    },
    async deleteJobsMentioning(texts) {
      return erasure.deleteJobsMentioning(texts);
    },
    async insertDeletion(deletion) {
      erasure.insertDeletion(deletion);
    },
  };

  return {
    ...reads,

    transaction(fn) {
      return serial(async () => {
        db.exec('BEGIN IMMEDIATE');
        try {
          const result = await fn(tx);
          db.exec('COMMIT');
          return result;
        } catch (error) {
          if (db.inTransaction) db.exec('ROLLBACK');
          throw error;
        }
      });
    },

    async findOpenHandoffByRef(ref) {
      const row = q.openHandoffByRef.get(ref);
      return row ? toHandoff(row) : null;
    },

    async listHandoffs(filter: HandoffFilter, limit) {
      const query = filter === 'open' ? q.listOpen : filter === 'resolved' ? q.listClosed : q.listAll;
      return query.all(limit).map(toHandoff);
    },

    async handoffsOfCustomer(sub, limit, before) {
      return (before === undefined ? q.ofCustomer.all(sub, limit) : q.ofCustomerBefore.all(sub, before, limit)).map(toHandoff);
    },

    async listOpenInChannel(channel, order, limit) {
      return (order === 'oldest' ? q.openInChannelOldest : q.openInChannelNewest).all(channel, limit).map(toHandoff);
    },

    async countOpenInChannel(channel) {
      return q.countOpenInChannel.get(channel)!.n;
    },

    async listOpenCreatedBefore(channel, before, limit) {
      return q.openCreatedBefore.all(channel, before, limit).map(toHandoff);
    },

    async queuedIds(channel) {
      return q.queued.all(channel).map((r) => r.id);
    },

    async queueLength(channel) {
      return q.queueLength.get(channel)!.n;
    },

    async bookedCallbacks(since) {
      return new Map(q.booked.all(since).map((r) => [r.slot, r.n]));
    },

    async firstReplySeconds(since) {
      return q.firstReplies.all(since).map((r) => (Date.parse(r.first_reply_at) - Date.parse(r.created_at)) / 1000);
    },

    async messages(handoffId) {
      return q.messages.all(handoffId).map(toMessage);
    },

    async eventsAfter(handoffId, seq) {
      return q.eventsAfter.all(handoffId, seq).map(toEvent);
    },

    async eventLogAfter(id, limit) {
      return q.eventLogAfter.all(id, limit).map(toEvent);
    },

    async lastSeq(handoffId) {
      return q.lastSeq.get(handoffId)!.seq;
    },

    async callbackSteps(handoffId) {
      return q.callbackSteps.all(handoffId).map(toCallbackStep);
    },

    async report(from, to) {
      // One read transaction: the four figures describe the same moment.
      return db.transaction((): HandoffReport => {
        const rows = q.reportTranscripts.all(from, to);
        const handoffs: ReportHandoff[] = rows.map((r) => ({
          id: r.id,
          visitor: r.visitor === null ? null : (JSON.parse(r.visitor) as Visitor),
          transcript: JSON.parse(r.transcript) as TranscriptEntry[],
        }));
        const uncovered = handoffs.filter((_, i) => rows[i]!.no_article === 1);
        const byChannel: Record<Channel, number> = { chat: 0, callback: 0, phone: 0 };
        for (const r of q.reportByChannel.all(from, to)) byChannel[r.channel] = r.n;
        const byOutcome: Record<ResolveOutcome, number> = { answered: 0, no_answer: 0, duplicate: 0, other: 0 };
        for (const r of q.reportByOutcome.all(from, to)) byOutcome[r.outcome] = r.n;
        const waits = q.reportFirstReplies.all(from, to).map((r) => (Date.parse(r.first_reply_at) - Date.parse(r.created_at)) / 1000);
        return {
          noResultSearches: noResultSearches(handoffs),
          articlesBeforeHandoff: articlesBeforeHandoff(handoffs),
          byChannel,
          visitors: countVisitors(handoffs),
          byOutcome,
          medianFirstReplySeconds: median(waits),
          noArticleSearches: searchesIn(uncovered),
          noArticleHandoffs: uncovered.length,
          noArticleVisitors: countVisitors(uncovered),
          articlesReadBeforeHandoff: articlesReadBeforeHandoff(handoffs),
          handoffSearches: handoffSearches(handoffs, new Set(uncovered.map((h) => h.id))),
          ratings: ratingFigures(
            q.reportRatings.all(from, to).map((r) => ({ good: r.good === 1, repeated: r.repeated === null ? null : r.repeated === 1, n: r.n })),
          ),
        };
      })();
    },

    async upsertAgent(agent) {
      return write(() => {
        q.upsertAgent.run({ ...agent, email: agent.email.toLowerCase() });
        return toAgent(q.agentByEmail.get(agent.email.toLowerCase())!);
      });
    },

    async findAgent(id) {
      const row = q.agentById.get(id);
      return row ? toAgent(row) : null;
    },

    async findAgentByEmail(email) {
      const row = q.agentByEmail.get(email.toLowerCase());
      return row ? toAgent(row) : null;
    },

    async createSession(s: SessionRecord) {
      await write(() => q.insertSession.run(s.idHash, s.agentId, s.expiresAt));
    },

    async findSession(idHash, now) {
      const row = q.session.get(idHash, now);
      const agent = row && q.agentById.get(row.agent_id);
      if (!row || !agent) return null;
      return { session: { idHash: row.id_hash, agentId: row.agent_id, expiresAt: row.expires_at }, agent: toAgent(agent) };
    },

    async extendSession(idHash, expiresAt) {
      await write(() => q.extendSession.run(expiresAt, idHash));
    },

    async deleteSession(idHash) {
      await write(() => q.deleteSession.run(idHash));
    },

    async deleteExpiredSessions(now) {
      await write(() => q.deleteExpired.run(now));
    },

    async visitorStreamsOpen(handoffIds, instanceId, until) {
      // A handoff deleted meanwhile has nothing to keep: its row would break the foreign key.
      await write(() => {
        for (const id of handoffIds) if (q.handoffById.get(id)) q.visitorStreamOpen.run(id, instanceId, until);
      });
    },

    async visitorStreamClosed(handoffId, instanceId, at) {
      await write(() => {
        if (!q.handoffById.get(handoffId)) return;
        q.visitorStreamEnded.run(handoffId, at);
        q.visitorStreamGone.run(handoffId, instanceId);
      });
    },

    async visitorSeenUntil(handoffId) {
      return q.visitorSeenUntil.get(handoffId)?.until ?? null;
    },

    async claimJobs(kinds, owner, now, leaseUntil, limit) {
      return write(() => jobs.claim(kinds, owner, now, leaseUntil, limit));
    },

    async finishJob(id, owner, result) {
      return write(() => jobs.finish(id, owner, result));
    },

    async nextJobAt(kinds) {
      return jobs.nextAt(kinds);
    },

    async listJobs(filter) {
      return jobs.list(filter);
    },

    async findJob(kind, key) {
      return jobs.find(kind, key);
    },

    async savePushSubscription(subscription) {
      await write(() => push.save(subscription));
    },

    async deletePushSubscription(endpoint, agentId) {
      return write(() => push.delete(endpoint, agentId));
    },

    async pushSubscriptions(agentId) {
      return push.list(agentId);
    },

    async jobsMentioning(texts) {
      return erasure.jobsMentioning(texts);
    },

    async visitorHandoffs(match) {
      return erasure.visitorHandoffs(match);
    },

    async deletions(limit) {
      return erasure.deletions(limit);
    },

    async pruneJobs(before) {
      return write(() => jobs.prune(before));
    },

    async setting(name, create) {
      return write(() => {
        const row = q.setting.get(name);
        if (row) return row.value;
        const value = create();
        q.insertSetting.run(name, value);
        return value;
      });
    },

    async close() {
      if (db.open) db.close();
    },
  };
}

/** The transaction queue shared by every Store of this process on `path`. */
function queueFor(path: string): { tail: Promise<unknown> } {
  const file = resolve(path);
  let queue = queues.get(file);
  if (!queue) queues.set(file, (queue = { tail: Promise.resolve() }));
  return queue;
}

/** Applies the migrations this file has not seen yet, each with its version bump, atomically. */
function migrate(db: Database.Database, path: string): void {
  const version = () => db.pragma('user_version', { simple: true }) as number;
  if (version() > MIGRATIONS.length) {
    throw new Error(
      `${path} has schema version ${version()}, newer than this Lifeline knows (${MIGRATIONS.length}): ` +
        'run a newer Lifeline, or point LIFELINE_DB at another file.',
    );
  }
  for (let v = version(); v < MIGRATIONS.length; v++) {
    db.transaction(() => {
      if (version() !== v) return; // another process on the same file migrated meanwhile
      db.exec(MIGRATIONS[v]!);
      db.pragma(`user_version = ${v + 1}`);
    }).immediate();
  }
}
