/**
 * The outbox's tables (migration 7) for the SQLite store: the dispatcher's cursor and the jobs,
 * as plain rows. One connection, one writer (BEGIN IMMEDIATE): a claim's select and update
 * happen with nobody in between, so two workers on one file never lease the same job.
 */
import type Database from 'better-sqlite3';
import type { JobResult, NewJob, OutboxJob } from '../outbox/types';
import { shortError, toJob, type JobRow } from './jobs-rows';
import type { JobFilter } from './types';

const KINDS = 'kind IN (SELECT value FROM json_each(?))';

export interface SqliteJobs {
  cursor(): number;
  setCursor(id: number): void;
  insert(jobs: readonly NewJob[], at: string): number;
  /** Call inside a write transaction. */
  claim(kinds: readonly string[], owner: string, now: string, leaseUntil: string, limit: number): OutboxJob[];
  finish(id: string, owner: string, result: JobResult): boolean;
  nextAt(kinds: readonly string[]): string | null;
  list(filter: JobFilter): OutboxJob[];
  find(kind: string, key: string): OutboxJob | null;
  prune(before: string): number;
}

const rowId = (id: string): number | null => (/^\d{1,15}$/.test(id) ? Number(id) : null);

export function sqliteJobs(db: Database.Database): SqliteJobs {
  const q = {
    cursor: db.prepare<[], { position: number }>("SELECT position FROM outbox_cursor WHERE name = 'events'"),
    setCursor: db.prepare<[number]>("UPDATE outbox_cursor SET position = ? WHERE name = 'events'"),
    insert: db.prepare(
      `INSERT INTO jobs (kind, key, payload, status, attempts, due_at, created_at, updated_at)
       VALUES (@kind, @key, @payload, 'pending', 0, @dueAt, @at, @at) ON CONFLICT (kind, key) DO NOTHING`,
    ),
    done: db.prepare<[string, number, string]>(
      "UPDATE jobs SET status = 'done', lease_owner = NULL, lease_until = NULL, updated_at = ? WHERE id = ? AND status = 'running' AND lease_owner = ?",
    ),
    failed: db.prepare<[string, string, number, string]>(
      "UPDATE jobs SET status = 'failed', last_error = ?, lease_owner = NULL, lease_until = NULL, updated_at = ? WHERE id = ? AND status = 'running' AND lease_owner = ?",
    ),
    again: db.prepare<[number, string, string | null, string, number, string]>(
      `UPDATE jobs SET status = 'pending', attempts = attempts - ?, due_at = ?, last_error = COALESCE(?, last_error),
              lease_owner = NULL, lease_until = NULL, updated_at = ? WHERE id = ? AND status = 'running' AND lease_owner = ?`,
    ),
    nextAt: db.prepare<[string], { at: string | null }>(
      `SELECT MIN(CASE status WHEN 'pending' THEN due_at ELSE lease_until END) AS at FROM jobs
        WHERE ${KINDS} AND status IN ('pending', 'running')`,
    ),
    list: db.prepare<[string, string | null, string | null, number], JobRow>(
      'SELECT * FROM jobs WHERE kind = ? AND (? IS NULL OR status = ?) ORDER BY updated_at DESC, id DESC LIMIT ?',
    ),
    find: db.prepare<[string, string], JobRow>('SELECT * FROM jobs WHERE kind = ? AND key = ?'),
    prune: db.prepare<[string]>("DELETE FROM jobs WHERE status IN ('done', 'failed') AND updated_at < ?"),
  };
  const claim = db.prepare<[string, string, string, string, string, string, number], JobRow>(
    `UPDATE jobs SET status = 'running', attempts = attempts + 1, lease_owner = ?, lease_until = ?, updated_at = ?
      WHERE id IN (SELECT id FROM jobs WHERE ${KINDS}
                     AND ((status = 'pending' AND due_at <= ?) OR (status = 'running' AND lease_until <= ?))
                   ORDER BY CASE status WHEN 'pending' THEN due_at ELSE lease_until END, id LIMIT ?)
      RETURNING *`,
  );

  return {
    cursor: () => q.cursor.get()?.position ?? 0,
    setCursor: (id) => void q.setCursor.run(id),
    insert(jobs, at) {
      let added = 0;
      for (const job of jobs) {
        added += q.insert.run({ kind: job.kind, key: job.key, payload: JSON.stringify(job.payload ?? null), dueAt: job.dueAt, at }).changes;
      }
      return added;
    },
    claim(kinds, owner, now, leaseUntil, limit) {
      if (kinds.length === 0 || limit <= 0) return [];
      const rows = claim.all(owner, leaseUntil, now, JSON.stringify(kinds), now, now, limit);
      return rows.map((r) => toJob(r, true)).sort((a, b) => a.dueAt.localeCompare(b.dueAt) || Number(a.id) - Number(b.id));
    },
    finish(id, owner, result) {
      const n = rowId(id);
      if (n === null) return false;
      switch (result.status) {
        case 'done':
          return q.done.run(result.at, n, owner).changes === 1;
        case 'failed':
          return q.failed.run(shortError(result.error), result.at, n, owner).changes === 1;
        case 'pending':
          return q.again.run(result.counted ? 0 : 1, result.dueAt, result.error === null ? null : shortError(result.error), result.at, n, owner).changes === 1;
      }
    },
    nextAt: (kinds) => (kinds.length === 0 ? null : (q.nextAt.get(JSON.stringify(kinds))?.at ?? null)),
    list: (filter) => q.list.all(filter.kind, filter.status ?? null, filter.status ?? null, filter.limit).map((r) => toJob(r, true)),
    find(kind, key) {
      const row = q.find.get(kind, key);
      return row ? toJob(row, true) : null;
    },
    prune: (before) => q.prune.run(before).changes,
  };
}
