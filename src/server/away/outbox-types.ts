/**
 * The outbox's channel interface as the delivery core defines it (issue 12's brief), kept here
 * until that core is merged; then these types come from ../outbox/ and this file goes.
 */
import type { HandoffRecord, StoredEvent } from '../store/types';

type NewJob = { kind: string; key: string; payload: unknown; dueAt: string };
type OutboxJob = { kind: string; key: string; payload: unknown; attempts: number };
type JobOutcome = { ok: true } | { ok: false; error: string; retry: boolean } | { later: string };

export interface AwayChannelTypes {
  channel: {
    kind: string;
    plan(event: StoredEvent, handoff: HandoffRecord | null): NewJob[];
    run(job: OutboxJob, ctx?: unknown): Promise<JobOutcome>;
    retryAfter(attempts: number, job: OutboxJob): number | null;
  };
}
