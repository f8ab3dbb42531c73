/**
 * Erasure for the PostgreSQL store (issue 16), as plain rows: the same operations as
 * ../sqlite-erasure.ts. What is due and what goes with a handoff is decided in ../../personal-data/.
 */
import type { OutboxJob } from '../../outbox/types';
import { toJob, type JobRow } from '../jobs-rows';
import type { DeletedCounts, DeletionRecord, HandoffRecord, NewDeletion, VisitorMatch } from '../types';
import { RETENTION_LOCK } from './locks';
import { clean, toHandoff, type HandoffRow } from './rows';
import type { Queryable } from './store';

const HANDOFF = 'SELECT h.*, a.name AS agent_name FROM handoffs h LEFT JOIN agents a ON a.id = h.agent_id';
// strpos on lower case: an address may be stored as typed, a mail's recipient in lower case.
const MENTIONS = `EXISTS (SELECT 1 FROM unnest($1::text[]) t(text)
  WHERE strpos(lower(j.key), lower(t.text)) > 0 OR strpos(lower(j.payload::text), lower(t.text)) > 0)`;

const texts = (list: readonly string[]): string[] => list.filter((t) => t !== '').map(clean);

export async function retentionTurn(db: Queryable): Promise<boolean> {
  const { rows } = await db.query<{ turn: boolean }>('SELECT pg_try_advisory_xact_lock($1, $2) AS turn', [...RETENTION_LOCK]);
  return rows[0]?.turn === true;
}

export async function closedBefore(db: Queryable, before: string, limit: number, forUpdate: boolean): Promise<HandoffRecord[]> {
  const { rows } = await db.query<HandoffRow>(
    `${HANDOFF} WHERE h.status IN ('resolved', 'cancelled') AND h.resolved_at < $1 ORDER BY h.resolved_at, h.arrival LIMIT $2${forUpdate ? ' FOR UPDATE OF h' : ''}`,
    [before, limit],
  );
  return rows.map(toHandoff);
}

export async function visitorHandoffs(db: Queryable, m: VisitorMatch, forUpdate: boolean): Promise<HandoffRecord[]> {
  const { rows } = await db.query<HandoffRow>(
    `${HANDOFF} WHERE lower(h.visitor->>'email') = ANY($1::text[]) OR h.visitor->>'id' = ANY($2::text[]) OR h.id = ANY($3::text[])
      ORDER BY h.created_at DESC, h.arrival DESC${forUpdate ? ' FOR UPDATE OF h' : ''}`,
    [m.emails.map((e) => clean(e.toLowerCase())), m.visitorIds.map(clean), m.handoffIds.map(clean)],
  );
  return rows.map(toHandoff);
}

export async function deleteHandoffs(db: Queryable, ids: readonly string[], phrasings: readonly string[]): Promise<DeletedCounts> {
  const numbers = phrasings.filter((id) => /^\d{1,15}$/.test(id)).map(Number);
  const deletedPhrasings = numbers.length === 0 ? 0 : ((await db.query('DELETE FROM phrasings WHERE id = ANY($1::bigint[])', [numbers])).rowCount ?? 0);
  const list = ids.map(clean);
  const { rows } = await db.query<Omit<DeletedCounts, 'handoffs' | 'jobs' | 'phrasings'>>(
    `SELECT (SELECT COUNT(*)::int FROM messages WHERE handoff_id = ANY($1::text[])) AS messages,
            (SELECT COUNT(*)::int FROM attachments WHERE handoff_id = ANY($1::text[])) AS attachments,
            (SELECT COUNT(*)::int FROM events WHERE handoff_id = ANY($1::text[])) AS events,
            (SELECT COUNT(*)::int FROM ratings WHERE handoff_id = ANY($1::text[])) AS ratings,
            (SELECT COUNT(*)::int FROM callback_steps WHERE handoff_id = ANY($1::text[])) AS "callbackSteps"`,
    [list],
  );
  // The rest goes with the handoff (ON DELETE CASCADE); phrasings keep no link (SET NULL).
  const handoffs = (await db.query('DELETE FROM handoffs WHERE id = ANY($1::text[])', [list])).rowCount ?? 0;
  return { handoffs, ...rows[0]!, jobs: 0, phrasings: deletedPhrasings };
}

export async function jobsMentioning(db: Queryable, list: readonly string[]): Promise<OutboxJob[]> {
  if (texts(list).length === 0) return [];
  const { rows } = await db.query<JobRow>(`SELECT * FROM jobs j WHERE ${MENTIONS} ORDER BY j.id`, [texts(list)]);
  return rows.map((r) => toJob(r, false));
}

export async function deleteJobsMentioning(db: Queryable, list: readonly string[]): Promise<number> {
  if (texts(list).length === 0) return 0;
  return (await db.query(`DELETE FROM jobs j WHERE ${MENTIONS}`, [texts(list)])).rowCount ?? 0;
}

export async function insertDeletion(db: Queryable, d: NewDeletion): Promise<void> {
  await db.query('INSERT INTO deletions (at, reason, agent_id, actor, counts) VALUES ($1, $2, $3, $4, $5)', [d.at, d.reason, d.agentId, clean(d.actor), JSON.stringify(d.counts)]);
}

export async function deletions(db: Queryable, limit: number): Promise<DeletionRecord[]> {
  const { rows } = await db.query<{ id: string; at: string; reason: 'retention' | 'visitor'; agent_id: string | null; actor: string; counts: DeletedCounts }>(
    'SELECT * FROM deletions ORDER BY at DESC, id DESC LIMIT $1',
    [limit],
  );
  return rows.map((r) => ({ id: String(r.id), at: r.at, reason: r.reason, agentId: r.agent_id, actor: r.actor, counts: r.counts }));
}
