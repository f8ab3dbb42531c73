/** The outbox's job rows (migration 7 / PostgreSQL 4) and their mapping to OutboxJob, for both engines. */
import type { JobStatus, OutboxJob } from '../outbox/types';

export interface JobRow {
  id: number | string;
  kind: string;
  key: string;
  /** JSON text (SQLite), or parsed already (PostgreSQL's jsonb). */
  payload: unknown;
  status: JobStatus;
  attempts: number;
  due_at: string;
  lease_until: string | null;
  last_error: string | null;
  created_at: string;
  updated_at: string;
}

export function toJob(r: JobRow, payloadIsText: boolean): OutboxJob {
  return {
    id: String(r.id),
    kind: r.kind,
    key: r.key,
    payload: payloadIsText ? (JSON.parse(r.payload as string) as unknown) : r.payload,
    status: r.status,
    attempts: r.attempts,
    dueAt: r.due_at,
    lastError: r.last_error,
    leaseUntil: r.lease_until,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** The longest error kept (a stack or an SMTP server's whole answer is cut). */
export const MAX_ERROR_LENGTH = 2_000;
export const shortError = (error: string): string => (error.length > MAX_ERROR_LENGTH ? `${error.slice(0, MAX_ERROR_LENGTH - 1)}…` : error);
