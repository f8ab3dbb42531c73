/**
 * Erasure for the SQLite store (issue 16), as plain rows: the closed handoffs due, one
 * visitor's handoffs, deleting handoffs with every row about them, the outbox jobs that mention
 * them, and the record of each erasure (migration 13). Kept apart from sqlite.ts, which calls
 * it. What is due and what goes with a handoff is decided in ../personal-data/.
 */
import type Database from 'better-sqlite3';
import type { OutboxJob } from '../outbox/types';
import { toJob, type JobRow } from './jobs-rows';
import { toHandoff, type HandoffRow } from './sqlite-rows';
import type { DeletedCounts, DeletionRecord, HandoffRecord, NewDeletion, VisitorMatch } from './types';

const HANDOFF = 'SELECT h.*, a.name AS agent_name FROM handoffs h LEFT JOIN agents a ON a.id = h.agent_id';
/** The ids of a JSON array parameter. */
const IN_IDS = 'IN (SELECT value FROM json_each(?))';
/** Ids per statement: the work of one batch stays small. */
const CHUNK = 500;

export interface SqliteErasure {
  closedBefore(before: string, limit: number): HandoffRecord[];
  visitorHandoffs(match: VisitorMatch): HandoffRecord[];
  /** Call inside a write transaction. */
  deleteHandoffs(ids: readonly string[], phrasings: readonly string[]): DeletedCounts;
  jobsMentioning(texts: readonly string[]): OutboxJob[];
  deleteJobsMentioning(texts: readonly string[]): number;
  insertDeletion(d: NewDeletion): void;
  deletions(limit: number): DeletionRecord[];
}

interface DeletionRow {
  id: number;
  at: string;
  reason: 'retention' | 'visitor';
  agent_id: string | null;
  actor: string;
  counts: string;
}

const chunks = <T>(list: readonly T[]): T[][] => {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += CHUNK) out.push(list.slice(i, i + CHUNK));
  return out;
};

export function sqliteErasure(db: Database.Database): SqliteErasure {
  const count = (table: string) => db.prepare<[string], { n: number }>(`SELECT COUNT(*) AS n FROM ${table} WHERE handoff_id ${IN_IDS}`);
  const q = {
    closedBefore: db.prepare<[string, number], HandoffRow>(
      `${HANDOFF} WHERE h.status IN ('resolved', 'cancelled') AND h.resolved_at < ? ORDER BY h.resolved_at, h.rowid LIMIT ?`,
    ),
    visitor: db.prepare<[string, string, string], HandoffRow>(
      `${HANDOFF} WHERE lower(json_extract(h.visitor, '$.email')) ${IN_IDS}
          OR json_extract(h.visitor, '$.id') ${IN_IDS} OR h.id ${IN_IDS}
        ORDER BY h.created_at DESC, h.rowid DESC`,
    ),
    messages: count('messages'),
    attachments: count('attachments'),
    events: count('events'),
    ratings: count('ratings'),
    callbackSteps: count('callback_steps'),
    deleteHandoffs: db.prepare<[string]>(`DELETE FROM handoffs WHERE id ${IN_IDS}`),
    deletePhrasings: db.prepare<[string]>(`DELETE FROM phrasings WHERE CAST(id AS TEXT) ${IN_IDS}`),
    // instr on lower case: an address may be stored as typed, a mail's recipient in lower case.
    jobsMentioning: db.prepare<[string], JobRow>(
      `SELECT * FROM jobs j WHERE EXISTS (SELECT 1 FROM json_each(?) t
          WHERE instr(lower(j.key), lower(t.value)) > 0 OR instr(lower(j.payload), lower(t.value)) > 0) ORDER BY j.id`,
    ),
    deleteJobsMentioning: db.prepare<[string]>(
      `DELETE FROM jobs WHERE EXISTS (SELECT 1 FROM json_each(?) t
          WHERE instr(lower(jobs.key), lower(t.value)) > 0 OR instr(lower(jobs.payload), lower(t.value)) > 0)`,
    ),
    insertDeletion: db.prepare<[string, string, string | null, string, string]>(
      'INSERT INTO deletions (at, reason, agent_id, actor, counts) VALUES (?, ?, ?, ?, ?)',
    ),
    deletions: db.prepare<[number], DeletionRow>('SELECT * FROM deletions ORDER BY at DESC, id DESC LIMIT ?'),
  };
  const texts = (list: readonly string[]) => JSON.stringify(list.filter((t) => t !== ''));

  return {
    closedBefore: (before, limit) => q.closedBefore.all(before, limit).map(toHandoff),
    visitorHandoffs: (m) =>
      q.visitor.all(JSON.stringify(m.emails.map((e) => e.toLowerCase())), JSON.stringify(m.visitorIds), JSON.stringify(m.handoffIds)).map(toHandoff),
    deleteHandoffs(ids, phrasings) {
      const counts: DeletedCounts = { handoffs: 0, messages: 0, attachments: 0, events: 0, ratings: 0, callbackSteps: 0, jobs: 0, phrasings: 0 };
      for (const list of chunks(phrasings)) counts.phrasings += q.deletePhrasings.run(JSON.stringify(list)).changes;
      for (const list of chunks(ids)) {
        const json = JSON.stringify(list);
        counts.messages += q.messages.get(json)!.n;
        counts.attachments += q.attachments.get(json)!.n;
        counts.events += q.events.get(json)!.n;
        counts.ratings += q.ratings.get(json)!.n;
        counts.callbackSteps += q.callbackSteps.get(json)!.n;
        // The rest goes with the handoff (ON DELETE CASCADE); phrasings keep no link (SET NULL).
        counts.handoffs += q.deleteHandoffs.run(json).changes;
      }
      return counts;
    },
    jobsMentioning: (list) => (list.length === 0 ? [] : q.jobsMentioning.all(texts(list)).map((r) => toJob(r, true))),
    deleteJobsMentioning(list) {
      let n = 0;
      for (const part of chunks(list)) n += q.deleteJobsMentioning.run(texts(part)).changes;
      return n;
    },
    insertDeletion: (d) => void q.insertDeletion.run(d.at, d.reason, d.agentId, d.actor, JSON.stringify(d.counts)),
    deletions: (limit) =>
      q.deletions.all(limit).map((r) => ({
        id: String(r.id),
        at: r.at,
        reason: r.reason,
        agentId: r.agent_id,
        actor: r.actor,
        counts: JSON.parse(r.counts) as DeletedCounts,
      })),
  };
}
