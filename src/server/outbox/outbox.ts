/**
 * The outbox at work in one process: plans jobs from the event log (dispatch.ts) and runs the
 * due ones (claim with a lease, run, record the outcome), a few at a time.
 *
 * It wakes when a stored event is published on the bus (the agents' topic hears every one; on
 * PostgreSQL the shared bus brings other instances' too), when a job ends (a place is free),
 * and on a timer set for the next job due (or lease to run out), never sleeping longer than
 * `pollMs`: what another instance planned, and what a dead worker left leased, are found then.
 * A round that fails (the database out of reach) is tried again with a growing pause.
 */
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { AGENTS_TOPIC, type EventBus } from '../service/publish';
import type { Store } from '../store/types';
import { dispatch } from './dispatch';
import { resultOf } from './outcome';
import type { JobOutcome, OutboxChannel, OutboxJob } from './types';

export interface OutboxOptions {
  store: Store;
  channels: readonly OutboxChannel[];
  /** Heard for stored events: each wakes the dispatcher. @default none (the timer alone) */
  bus?: EventBus;
  /** The clock for due times and leases (ms since the epoch). @default Date.now */
  now?: () => number;
  /** Jobs run at once by this process. @default 4 */
  concurrency?: number;
  /** How long a claimed job is this worker's; past it another takes it again (ms). @default 120 000 */
  leaseMs?: number;
  /** The longest sleep between two looks at the jobs (ms). @default 5 000 */
  pollMs?: number;
  /** Events planned per transaction. @default 200 */
  batch?: number;
  /** How long stop() lets running jobs finish before aborting them (ms). @default 5 000 */
  graceMs?: number;
  /** How long done and failed jobs are kept (the console's history), in ms. @default 30 days */
  keepMs?: number;
  /** This worker's name in the jobs it leases. @default host, pid and a random part */
  owner?: string;
  /** Told of what goes wrong (a failed round, a plan that throws, a delivery failed for good). @default a line on stderr */
  onError?: (error: Error) => void;
}

export interface Outbox {
  /** Plans and runs what is due now (the bus and the timer call it). */
  wake(): void;
  /** Resolves once no round and no job is running (for tests). */
  idle(): Promise<void>;
  /** Stops taking jobs, lets the running ones finish (aborting them after graceMs), and unsubscribes. */
  stop(): Promise<void>;
}

const iso = (ms: number): string => new Date(ms).toISOString();

/** The shortest timer: a job due now that another instance is leasing at this very moment is looked at again this soon. */
const MIN_TIMER_MS = 20;
const PRUNE_EVERY_MS = 3_600_000;

export function startOutbox(options: OutboxOptions): Outbox {
  const { store, channels } = options;
  const now = options.now ?? Date.now;
  const concurrency = Math.max(1, options.concurrency ?? 4);
  const leaseMs = options.leaseMs ?? 120_000;
  const pollMs = options.pollMs ?? 5_000;
  const batch = options.batch ?? 200;
  const graceMs = options.graceMs ?? 5_000;
  const keepMs = options.keepMs ?? 30 * 24 * 3_600_000;
  const owner = options.owner ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const told = options.onError ?? ((error: Error) => console.error('Lifeline outbox:', error.message));
  /** Tells of an error; one thrown by the listener is printed, never let loose in the outbox. */
  const onError = (error: Error): void => {
    try {
      told(error);
    } catch (thrown) {
      console.error('Lifeline outbox:', error.message, thrown);
    }
  };
  const byKind = new Map(channels.map((c) => [c.kind, c]));
  if (byKind.size !== channels.length) throw new Error('two outbox channels have the same kind');
  const kinds = [...byKind.keys()];

  const running = new Map<string, { done: Promise<void>; abort: AbortController }>();
  let stopped = false;
  let round: Promise<void> | null = null;
  let again = false;
  let failures = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let prunedAt = -Infinity;

  const unsubscribe =
    options.bus?.subscribe(AGENTS_TOPIC, (message) => {
      if (message.seq !== null) wake();
    }) ?? (() => undefined);

  function wake(): void {
    if (stopped) return;
    if (round) {
      again = true;
      return;
    }
    round = work().finally(() => {
      round = null;
      if (again) wake();
    });
  }

  async function work(): Promise<void> {
    let nextIn = pollMs;
    do {
      again = false;
      try {
        nextIn = Math.min(pollMs, await planAll());
        // The history of deliveries is kept for keepMs; looked at once an hour.
        if (now() - prunedAt >= PRUNE_EVERY_MS) {
          prunedAt = now();
          await store.pruneJobs(iso(prunedAt - keepMs));
        }
        // A read first: the claim is a write, and most rounds find nothing due.
        let next = await store.nextJobAt(kinds);
        if (next !== null && Date.parse(next) <= now() && running.size < concurrency) {
          await claim();
          next = await store.nextJobAt(kinds);
        }
        if (next !== null) {
          const wait = Date.parse(next) - now();
          // Due now but every place taken: a job that ends wakes the outbox, no timer needed.
          nextIn = Math.min(nextIn, wait <= 0 && running.size >= concurrency ? pollMs : Math.max(MIN_TIMER_MS, wait));
        }
        failures = 0;
      } catch (error) {
        failures++;
        nextIn = Math.min(pollMs, 250 * 2 ** Math.min(failures, 8));
        onError(error instanceof Error ? error : new Error(String(error)));
      }
    } while (again && !stopped && failures === 0);
    again = false;
    schedule(nextIn);
  }

  /** Plans every event after the cursor; how soon to look again (another instance held it: soon). */
  async function planAll(): Promise<number> {
    for (;;) {
      if (stopped) return pollMs;
      const r = await dispatch(store, channels, { batch, now, onError });
      // Another instance is planning: it may have read the log before our event was in it.
      if (!r.held) return 1_000;
      if (r.events < batch) return pollMs;
    }
  }

  async function claim(): Promise<void> {
    const free = concurrency - running.size;
    if (stopped || free <= 0) return;
    const t = now();
    const jobs = await store.claimJobs(kinds, owner, iso(t), iso(t + leaseMs), free);
    for (const job of jobs) start(job);
  }

  function start(job: OutboxJob): void {
    const channel = byKind.get(job.kind)!;
    const abort = new AbortController();
    // A little before the lease runs out: past it another worker may take the job again.
    const lease = setTimeout(() => abort.abort(new Error('the lease ran out')), Math.max(0, leaseMs - 1_000));
    const done = (async () => {
      let outcome: JobOutcome;
      try {
        outcome = await channel.run(job, { store, now, signal: abort.signal });
      } catch (error) {
        outcome = { ok: false, error: (error as Error)?.message ?? String(error), retry: true };
      }
      clearTimeout(lease);
      const result = resultOf(outcome, job, channel, now());
      const kept = await store.finishJob(job.id, owner, result);
      if (!kept) onError(new Error(`${job.kind} job ${job.key} ran past its lease; another worker has it now`));
      // What will never be delivered is said where the operator looks.
      else if (result.status === 'failed') onError(new Error(`${job.kind} ${job.key} failed for good: ${result.error}`));
    })()
      .catch((error: unknown) => {
        // Not recorded (the database out of reach): the lease runs out and the job is tried again.
        onError(new Error(`${job.kind} job ${job.key}: its outcome could not be recorded: ${(error as Error).message}`));
      })
      .finally(() => {
        clearTimeout(lease);
        running.delete(job.id);
        wake();
      });
    running.set(job.id, { done, abort });
  }

  function schedule(ms: number): void {
    clearTimeout(timer);
    if (stopped) return;
    timer = setTimeout(wake, Math.max(0, Math.min(pollMs, ms)));
    timer.unref?.();
  }

  // What was planned or left due before this process started.
  wake();

  return {
    wake,
    async idle() {
      while (round || running.size > 0) {
        await Promise.all([round, ...[...running.values()].map((r) => r.done)]);
      }
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      unsubscribe();
      clearTimeout(timer);
      await round;
      const jobs = [...running.values()];
      const grace = new Promise<void>((resolve) => setTimeout(resolve, graceMs).unref?.());
      await Promise.race([Promise.all(jobs.map((j) => j.done)), grace]);
      for (const j of running.values()) j.abort.abort(new Error('the server is stopping'));
      await Promise.all([...running.values()].map((j) => j.done));
    },
  };
}
