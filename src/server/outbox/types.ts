/**
 * The durable delivery core ("outbox"): what a delivery channel (mail, chat webhook, Standard
 * Webhooks, Web Push...) plugs in, and the jobs the store keeps for it.
 *
 * Every delivery is driven by the event log: the dispatcher (dispatch.ts) reads the events after
 * its cursor, asks each channel what jobs an event calls for (`plan`, pure), and stores them in
 * the `jobs` table in the same transaction as the cursor's advance, so an event is planned once,
 * whatever crashes. Workers (worker.ts) claim due jobs with a lease, `run` them, and record the
 * outcome: done, tried again later with the error, failed for good, or put off (`later`).
 */
import type { HandoffRecord, Store, StoredEvent } from '../store/types';

/** A job as a channel plans it. */
export interface NewJob {
  /** The channel that runs it (OutboxChannel.kind). */
  kind: string;
  /**
   * Unique per kind: planning the same job twice (an event read again, two paths enqueuing one
   * mail) stores one. Say what it is for, e.g. `alert:<handoffId>`, `event:<eventId>`.
   */
  key: string;
  /** What run() needs, as JSON. Keep it small: read the rest from the store at run time. */
  payload: unknown;
  /** When to run it first (ISO). */
  dueAt: string;
}

/** pending: waits for dueAt; running: leased by a worker until leaseUntil; done and failed are final. */
export type JobStatus = 'pending' | 'running' | 'done' | 'failed';

/** A stored job. */
export interface OutboxJob {
  /** The store's id, as text. */
  id: string;
  kind: string;
  key: string;
  payload: unknown;
  status: JobStatus;
  /** Tries started, this one included while it runs (a `later` is not counted). */
  attempts: number;
  /** When it runs next (pending), or ran last. */
  dueAt: string;
  /** The error of the last failed try, kept after a success for the console's history. */
  lastError: string | null;
  /** While running: until when the worker holding it may finish it; after that another takes it. */
  leaseUntil: string | null;
  createdAt: string;
  /** Last change of status: when it was done, failed, or last tried. */
  updatedAt: string;
}

/** What a run came to. */
export type JobOutcome =
  | { ok: true }
  /** retry: try again after channel.retryAfter(attempts) (or give up when it says null); false: failed for good. */
  | { ok: false; error: string; retry: boolean }
  /** Not due yet after all (ISO time): run again then; not a failure, not counted as a try. */
  | { later: string };

export interface RunContext {
  store: Store;
  /** The outbox's clock, in milliseconds since the epoch. */
  now(): number;
  /** Aborted when the lease runs out or the outbox stops: give up the network call then. */
  signal: AbortSignal;
}

export interface OutboxChannel {
  /** 'mail', 'webhook', 'push', 'chat-webhook'...: the jobs it plans carry it. */
  kind: string;
  /**
   * Pure: the jobs `event` calls for, given the handoff as it is now (null when it is gone) and
   * the channel's own settings (held by the channel). Most events call for none.
   */
  plan(event: StoredEvent, handoff: HandoffRecord | null): NewJob[];
  /**
   * Asked once per batch of events before planning (optional): false when there is nobody to
   * deliver to at all (no browser took notifications), so a busy log costs no jobs that would
   * only find that out one by one.
   */
  wanted?(store: Store): Promise<boolean>;
  /** Does the job; reads what it needs from the store at run time (state may have moved on). */
  run(job: OutboxJob, ctx: RunContext): Promise<JobOutcome>;
  /** Milliseconds until the next try after `attempts` failed tries, or null to give up. */
  retryAfter(attempts: number, job: OutboxJob): number | null;
}

/** How a job's row changes when a try ends (Store.finishJob). */
export type JobResult =
  | { status: 'done'; at: string }
  | { status: 'failed'; at: string; error: string }
  /** Again at dueAt; `counted` false for a `later`, which gives back the try the claim counted. */
  | { status: 'pending'; at: string; dueAt: string; error: string | null; counted: boolean };
