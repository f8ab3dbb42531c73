/**
 * The embedded Store: one SQLite file through better-sqlite3, in WAL mode (readers never wait
 * for the writer). better-sqlite3 is synchronous, so a transaction runs start to end without
 * another request in between; writes still use BEGIN IMMEDIATE so that a second process on the
 * same file waits (busy_timeout) instead of failing half-way.
 */
import Database from 'better-sqlite3';
import type { Channel, Message, ResolveOutcome, TranscriptEntry, Visitor } from '../../protocol/types';
import { articlesBeforeHandoff, countVisitors, median, noResultSearches, searchesIn, type ReportHandoff } from './reports';
import { MIGRATIONS } from './migrations';
import { sqlitePhrasings } from './sqlite-phrasings';
import { DEFAULT_PHRASINGS_PER_ARTICLE } from '../phrasings';
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
import type {
  Change,
  HandoffFilter,
  HandoffReport,
  HandoffRecord,
  MessageRecord,
  NewHandoff,
  NewMessage,
  SessionRecord,
  Store,
  StoredEvent,
  StoredHandoffEvent,
} from './types';
import { SlotTaken } from './types';

/** Tries for a free ref before giving up; makeRef grows the number of digits long before this. */
const MAX_REF_ATTEMPTS = 100;

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
    insertHandoff: db.prepare(
      `INSERT INTO handoffs (id, ref, token_hash, client_id, channel, status, visitor, callback, context, transcript, created_at)
       VALUES (@id, @ref, @tokenHash, @clientId, @channel, 'queued', @visitor, @callback, @context, @transcript, @createdAt)`,
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
    claim: db.prepare<[string, string]>(
      `UPDATE handoffs SET agent_id = ?, status = 'active' WHERE id = ? AND agent_id IS NULL AND status IN ${OPEN}`,
    ),
    firstReply: db.prepare<[string, string]>('UPDATE handoffs SET first_reply_at = ? WHERE id = ? AND first_reply_at IS NULL'),
    cancel: db.prepare<[string, string]>(
      `UPDATE handoffs SET status = 'cancelled', resolved_at = ? WHERE id = ? AND status IN ${OPEN}`,
    ),
    resolve: db.prepare(
      `UPDATE handoffs SET status = 'resolved', resolved_at = @at, outcome = @outcome, article_id = @articleId, no_article = @noArticle,
              agent_id = COALESCE(agent_id, @agentId)
        WHERE id = @id AND status IN ${OPEN} AND (agent_id IS NULL OR agent_id = @agentId)`,
    ),

    messages: db.prepare<[string], MessageRow>(
      'SELECT m.*, a.name AS agent_name FROM messages m LEFT JOIN agents a ON a.id = m.agent_id WHERE m.handoff_id = ? ORDER BY m.seq',
    ),
    message: db.prepare<[string, string, string], MessageRow>(
      `SELECT m.*, a.name AS agent_name FROM messages m LEFT JOIN agents a ON a.id = m.agent_id
        WHERE m.handoff_id = ? AND m.sender = ? AND m.client_message_id = ?`,
    ),
    insertMessage: db.prepare(
      `INSERT INTO messages (id, handoff_id, client_message_id, sender, agent_id, text, at, seq)
       VALUES (@id, @handoffId, @clientMessageId, @sender, @agentId, @text, @at, @seq)`,
    ),

    nextSeq: db.prepare<[string], { seq: number }>('SELECT COALESCE(MAX(seq), 0) + 1 AS seq FROM events WHERE handoff_id = ?'),
    lastSeq: db.prepare<[string], { seq: number }>('SELECT COALESCE(MAX(seq), 0) AS seq FROM events WHERE handoff_id = ?'),
    insertEvent: db.prepare<[string, number, string, string, string]>(
      'INSERT INTO events (handoff_id, seq, type, data, at) VALUES (?, ?, ?, ?, ?)',
    ),
    eventsAfter: db.prepare<[string, number], EventRow>(
      'SELECT handoff_id, seq, data, at FROM events WHERE handoff_id = ? AND seq > ? ORDER BY seq',
    ),

    setCallbackState: db.prepare<[string, string]>('UPDATE handoffs SET callback_state = ? WHERE id = ?'),
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

    setting: db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE name = ?'),
    insertSetting: db.prepare<[string, string]>('INSERT INTO settings (name, value) VALUES (?, ?)'),
  };

  const phrasings = sqlitePhrasings(db);

  /** Runs `fn` in one BEGIN IMMEDIATE transaction: all of it is stored, or none. */
  const write = <T>(fn: () => T): T => db.transaction(fn).immediate();

  const handoff = (id: string): HandoffRecord | null => {
    const row = q.handoffById.get(id);
    return row ? toHandoff(row) : null;
  };

  /** Stores `event` as the handoff's next one; call inside a write transaction. */
  const append = (handoffId: string, event: StoredHandoffEvent, at: string): StoredEvent => {
    const { seq } = q.nextSeq.get(handoffId)!;
    q.insertEvent.run(handoffId, seq, event.type, JSON.stringify(event), at);
    return { handoffId, seq, event, at };
  };

  const ended = (status: HandoffRecord['status']) => status === 'resolved' || status === 'cancelled';
  const activeEvent: StoredHandoffEvent = { type: 'status', status: 'active', position: null, estimatedWaitSeconds: null };

  return {
    async createHandoff(input: NewHandoff) {
      return write(() => {
        const existing = q.handoffByClientId.get(input.clientId);
        if (existing) return { handoff: toHandoff(existing), created: false, events: [] };
        // Counted inside the write transaction: two visitors cannot both take a slot's last place.
        if (input.slotCapacity !== undefined && input.callback) {
          if (q.bookedAt.get(input.callback.from)!.n >= input.slotCapacity) throw new SlotTaken(input.callback.from);
        }
        let ref: string | undefined;
        for (let attempt = 0; ref === undefined; attempt++) {
          if (attempt === MAX_REF_ATTEMPTS) throw new Error(`No free ref after ${MAX_REF_ATTEMPTS} tries`);
          const candidate = input.makeRef(attempt);
          if (!q.openRefTaken.get(candidate)) ref = candidate;
        }
        q.insertHandoff.run({
          id: input.id,
          ref,
          tokenHash: input.tokenHash,
          clientId: input.clientId,
          channel: input.channel,
          visitor: json(input.visitor),
          callback: json(input.callback),
          context: json(input.context),
          transcript: JSON.stringify(input.transcript),
          createdAt: input.createdAt,
        });
        const position = q.position.get(input.id)!.n;
        const event = append(
          input.id,
          { type: 'status', status: 'queued', position, estimatedWaitSeconds: input.estimateWait(position) },
          input.createdAt,
        );
        return { handoff: handoff(input.id)!, created: true, events: [event] };
      });
    },

    async findHandoff(id) {
      return handoff(id);
    },

    async findHandoffByClientId(clientId) {
      const row = q.handoffByClientId.get(clientId);
      return row ? toHandoff(row) : null;
    },

    async findOpenHandoffByRef(ref) {
      const row = q.openHandoffByRef.get(ref);
      return row ? toHandoff(row) : null;
    },

    async listHandoffs(filter: HandoffFilter, limit) {
      const query = filter === 'open' ? q.listOpen : filter === 'resolved' ? q.listClosed : q.listAll;
      return query.all(limit).map(toHandoff);
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

    async queuePosition(id) {
      const n = q.position.get(id)?.n ?? 0;
      return n === 0 ? null : n;
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

    async lastSeq(handoffId) {
      return q.lastSeq.get(handoffId)!.seq;
    },

    async addMessage(input: NewMessage): Promise<Change<{ message: MessageRecord; created: boolean }>> {
      return write(() => {
        const h = q.handoffById.get(input.handoffId);
        if (!h) return { ok: false, reason: 'not_found' };
        const sender = input.agent ? 'agent' : 'visitor';
        const repeat = q.message.get(input.handoffId, sender, input.clientMessageId);
        if (repeat) return { ok: true, events: [], message: toMessage(repeat), created: false };
        if (h.channel !== 'chat') return { ok: false, reason: 'not_chat' };
        if (ended(h.status)) return { ok: false, reason: 'closed' };

        const events: StoredEvent[] = [];
        const { agent } = input;
        if (agent) {
          if (h.agent_id !== null && h.agent_id !== agent.id) return { ok: false, reason: 'taken' };
          if (h.agent_id === null) {
            q.claim.run(agent.id, input.handoffId);
            events.push(append(input.handoffId, { type: 'agent_joined', agentName: agent.name }, input.at));
            events.push(append(input.handoffId, activeEvent, input.at));
          }
          q.firstReply.run(input.at, input.handoffId);
        }
        const message: Message = {
          id: input.id,
          clientMessageId: input.clientMessageId,
          from: sender,
          ...(agent && { author: agent.name }),
          text: input.text,
          at: input.at,
        };
        const event = append(input.handoffId, { type: 'message', message }, input.at);
        events.push(event);
        q.insertMessage.run({
          id: input.id,
          handoffId: input.handoffId,
          clientMessageId: input.clientMessageId,
          sender,
          agentId: agent?.id ?? null,
          text: input.text,
          at: input.at,
          seq: event.seq,
        });
        const stored = q.message.get(input.handoffId, sender, input.clientMessageId)!;
        return { ok: true, events, message: toMessage(stored), created: true };
      });
    },

    async claim(handoffId, agent, at) {
      return write((): Change<{ handoff: HandoffRecord }> => {
        const h = q.handoffById.get(handoffId);
        if (!h) return { ok: false, reason: 'not_found' };
        if (ended(h.status)) return { ok: false, reason: 'closed' };
        if (h.agent_id === agent.id) return { ok: true, events: [], handoff: toHandoff(h) };
        // The conditional UPDATE is the guard: of two claims, only one finds agent_id still NULL.
        if (q.claim.run(agent.id, handoffId).changes !== 1) return { ok: false, reason: 'taken' };
        const events = [append(handoffId, { type: 'agent_joined', agentName: agent.name }, at), append(handoffId, activeEvent, at)];
        return { ok: true, events, handoff: handoff(handoffId)! };
      });
    },

    async cancel(handoffId, at) {
      return write((): Change<{ handoff: HandoffRecord }> => {
        const h = q.handoffById.get(handoffId);
        if (!h) return { ok: false, reason: 'not_found' };
        if (h.status === 'cancelled') return { ok: true, events: [], handoff: toHandoff(h) };
        if (q.cancel.run(at, handoffId).changes !== 1) return { ok: false, reason: 'closed' };
        const event = append(handoffId, { type: 'status', status: 'cancelled', position: null, estimatedWaitSeconds: null }, at);
        return { ok: true, events: [event], handoff: handoff(handoffId)! };
      });
    },

    async resolve(handoffId, agentId, outcome, articleId, noArticle, at, phrasingsPerArticle = DEFAULT_PHRASINGS_PER_ARTICLE, learn = []) {
      return write((): Change<{ handoff: HandoffRecord; learned: number; served: number }> => {
        const h = q.handoffById.get(handoffId);
        if (!h) return { ok: false, reason: 'not_found' };
        if (ended(h.status)) return { ok: false, reason: 'closed' };
        if (q.resolve.run({ id: handoffId, at, outcome, articleId, noArticle: noArticle ? 1 : 0, agentId }).changes !== 1) {
          return { ok: false, reason: 'taken' };
        }
        const event = append(handoffId, { type: 'status', status: 'resolved', position: null, estimatedWaitSeconds: null }, at);
        const resolved = handoff(handoffId)!;
        // A resolved handoff is never resolved again (closed above), so each one teaches once.
        const { learned, served } = articleId === null ? { learned: 0, served: 0 } : phrasings.learn(articleId, handoffId, learn, at, phrasingsPerArticle);
        return { ok: true, events: [event], handoff: resolved, learned, served };
      });
    },

    async listPhrasings(articleId, options) {
      return phrasings.list(articleId, options?.withRemoved);
    },

    async removePhrasing(id, agentId, at) {
      return phrasings.remove(id, agentId, at);
    },

    async confirmPhrasing(id, agentId, at) {
      return phrasings.confirm(id, agentId, at);
    },

    async recordCallback(handoffId, agent, state, at) {
      return write((): Change<{ handoff: HandoffRecord }> => {
        const h = q.handoffById.get(handoffId);
        if (!h) return { ok: false, reason: 'not_found' };
        if (h.channel !== 'callback') return { ok: false, reason: 'not_callback' };
        if (ended(h.status)) return { ok: false, reason: 'closed' };
        if (h.agent_id !== null && h.agent_id !== agent.id) return { ok: false, reason: 'taken' };
        const events: StoredEvent[] = [];
        if (h.agent_id === null) {
          if (q.claim.run(agent.id, handoffId).changes !== 1) return { ok: false, reason: 'taken' };
          events.push(append(handoffId, { type: 'agent_joined', agentName: agent.name }, at));
        }
        q.setCallbackState.run(state, handoffId);
        q.insertCallbackStep.run(handoffId, at, agent.id, state);
        if (state === 'done') {
          q.resolve.run({ id: handoffId, at, outcome: 'answered', articleId: null, noArticle: 0, agentId: agent.id });
          events.push(append(handoffId, { type: 'status', status: 'resolved', position: null, estimatedWaitSeconds: null }, at));
        } else {
          // The status is still (or now) active; the event tells every console to reload the story.
          events.push(append(handoffId, activeEvent, at));
        }
        return { ok: true, events, handoff: handoff(handoffId)! };
      });
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
      q.insertSession.run(s.idHash, s.agentId, s.expiresAt);
    },

    async findSession(idHash, now) {
      const row = q.session.get(idHash, now);
      const agent = row && q.agentById.get(row.agent_id);
      if (!row || !agent) return null;
      return { session: { idHash: row.id_hash, agentId: row.agent_id, expiresAt: row.expires_at }, agent: toAgent(agent) };
    },

    async extendSession(idHash, expiresAt) {
      q.extendSession.run(expiresAt, idHash);
    },

    async deleteSession(idHash) {
      q.deleteSession.run(idHash);
    },

    async deleteExpiredSessions(now) {
      q.deleteExpired.run(now);
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
