/**
 * The outbox's tables (migration 4) for the PostgreSQL store: the dispatcher's cursor and the
 * jobs. Several instances share them:
 * - the cursor's row is read FOR UPDATE SKIP LOCKED: one instance's dispatcher holds it until
 *   its transaction (the jobs it plans, the cursor's advance) commits; another finds it taken
 *   and leaves the planning to it;
 * - a claim picks due jobs FOR UPDATE SKIP LOCKED and leases them in one statement: two workers
 *   never take the same job, and neither waits for the other's rows.
 */
import type { JobResult, NewJob, OutboxJob } from '../../outbox/types';
import { shortError, toJob, type JobRow } from '../jobs-rows';
import type { JobFilter } from '../types';
import { clean, jsonText } from './rows';
import type { Queryable } from './store';

const rowId = (id: string): string | null => (/^\d{1,18}$/.test(id) ? id : null);

/** The cursor, held until the transaction ends; null when another transaction holds it. */
export async function outboxCursor(client: Queryable): Promise<number | null> {
  const { rows } = await client.query<{ position: number }>("SELECT position FROM outbox_cursor WHERE name = 'events' FOR UPDATE SKIP LOCKED");
  return rows[0] ? Number(rows[0].position) : null;
}

export async function setOutboxCursor(client: Queryable, id: number): Promise<void> {
  await client.query("UPDATE outbox_cursor SET position = $1 WHERE name = 'events'", [id]);
}

export async function insertJobs(client: Queryable, jobs: readonly NewJob[], at: string): Promise<number> {
  if (jobs.length === 0) return 0;
  const { rowCount } = await client.query(
    `INSERT INTO jobs (kind, key, payload, status, attempts, due_at, created_at, updated_at)
     SELECT j.kind, j.key, j.payload, 'pending', 0, j.due_at, $2, $2
       FROM jsonb_to_recordset($1::jsonb) AS j(kind text, key text, payload jsonb, due_at timestamptz)
     ON CONFLICT (kind, key) DO NOTHING`,
    [jsonText(jobs.map((j) => ({ kind: j.kind, key: j.key, payload: j.payload ?? null, due_at: j.dueAt }))), at],
  );
  return rowCount ?? 0;
}

export async function claimJobs(
  db: Queryable,
  kinds: readonly string[],
  owner: string,
  now: string,
  leaseUntil: string,
  limit: number,
): Promise<OutboxJob[]> {
  if (kinds.length === 0 || limit <= 0) return [];
  const { rows } = await db.query<JobRow>(
    `UPDATE jobs SET status = 'running', attempts = attempts + 1, lease_owner = $2, lease_until = $3, updated_at = $4
      WHERE id IN (SELECT id FROM jobs WHERE kind = ANY($1::text[])
                     AND ((status = 'pending' AND due_at <= $4) OR (status = 'running' AND lease_until <= $4))
                   ORDER BY CASE status WHEN 'pending' THEN due_at ELSE lease_until END, id
                   LIMIT $5 FOR UPDATE SKIP LOCKED)
      RETURNING *`,
    [kinds, clean(owner), leaseUntil, now, limit],
  );
  return rows.map((r) => toJob(r, false)).sort((a, b) => a.dueAt.localeCompare(b.dueAt) || Number(a.id) - Number(b.id));
}

export async function finishJob(db: Queryable, id: string, owner: string, result: JobResult): Promise<boolean> {
  const n = rowId(id);
  if (n === null) return false;
  const held = "WHERE id = $1 AND status = 'running' AND lease_owner = $2";
  let r;
  switch (result.status) {
    case 'done':
      r = await db.query(`UPDATE jobs SET status = 'done', lease_owner = NULL, lease_until = NULL, updated_at = $3 ${held}`, [n, owner, result.at]);
      break;
    case 'failed':
      r = await db.query(
        `UPDATE jobs SET status = 'failed', last_error = $4, lease_owner = NULL, lease_until = NULL, updated_at = $3 ${held}`,
        [n, owner, result.at, clean(shortError(result.error))],
      );
      break;
    case 'pending':
      r = await db.query(
        `UPDATE jobs SET status = 'pending', attempts = attempts - $4, due_at = $5, last_error = COALESCE($6, last_error),
                lease_owner = NULL, lease_until = NULL, updated_at = $3 ${held}`,
        [n, owner, result.at, result.counted ? 0 : 1, result.dueAt, result.error === null ? null : clean(shortError(result.error))],
      );
      break;
  }
  return r.rowCount === 1;
}

export async function nextJobAt(db: Queryable, kinds: readonly string[]): Promise<string | null> {
  if (kinds.length === 0) return null;
  const { rows } = await db.query<{ at: string | null }>(
    `SELECT MIN(CASE status WHEN 'pending' THEN due_at ELSE lease_until END) AS at FROM jobs
      WHERE kind = ANY($1::text[]) AND status IN ('pending', 'running')`,
    [kinds],
  );
  return rows[0]?.at ?? null;
}

export async function listJobs(db: Queryable, filter: JobFilter): Promise<OutboxJob[]> {
  const { rows } = await db.query<JobRow>(
    'SELECT * FROM jobs WHERE kind = $1 AND ($2::text IS NULL OR status = $2) ORDER BY updated_at DESC, id DESC LIMIT $3',
    [filter.kind, filter.status ?? null, filter.limit],
  );
  return rows.map((r) => toJob(r, false));
}

export async function findJob(db: Queryable, kind: string, key: string): Promise<OutboxJob | null> {
  const { rows } = await db.query<JobRow>('SELECT * FROM jobs WHERE kind = $1 AND key = $2', [kind, clean(key)]);
  return rows[0] ? toJob(rows[0], false) : null;
}

export async function pruneJobs(db: Queryable, before: string): Promise<number> {
  const { rowCount } = await db.query("DELETE FROM jobs WHERE status IN ('done', 'failed') AND updated_at < $1", [before]);
  return rowCount ?? 0;
}
