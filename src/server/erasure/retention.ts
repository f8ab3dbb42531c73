/**
 * LIFELINE_RETENTION_DAYS at work: closed handoffs older than that are deleted with everything
 * about them (decide.ts), at start and then every day, in batches of one transaction each. Each
 * batch holds the retention's turn (Store retentionTurn): on PostgreSQL an instance that finds
 * another one at it skips this round, so one instance at a time deletes; SQLite has one writer.
 * Each batch records its erasure (counts, never whose).
 */
import type { DeletedCounts, Store } from '../store/types';
import { isDue, phrasingsToForget, retentionCutoff } from './decide';

/** Handoffs deleted per transaction: a batch holds the write lock (SQLite) for a short moment. */
export const RETENTION_BATCH = 200;
const DAY_MS = 86_400_000;

export const NO_COUNTS: DeletedCounts = Object.freeze({ handoffs: 0, messages: 0, attachments: 0, events: 0, ratings: 0, callbackSteps: 0, jobs: 0, phrasings: 0 });

export const addCounts = (a: DeletedCounts, b: DeletedCounts): DeletedCounts => ({
  handoffs: a.handoffs + b.handoffs,
  messages: a.messages + b.messages,
  attachments: a.attachments + b.attachments,
  events: a.events + b.events,
  ratings: a.ratings + b.ratings,
  callbackSteps: a.callbackSteps + b.callbackSteps,
  jobs: a.jobs + b.jobs,
  phrasings: a.phrasings + b.phrasings,
});

export interface RetentionRun {
  /** What was deleted, summed over the batches. */
  deleted: DeletedCounts;
  /** False when another instance held the turn (nothing was done by this one). */
  ran: boolean;
}

/** One round: every due handoff, batch by batch, until none is left (or another instance has the turn). */
export async function runRetention(store: Store, days: number, now: () => number, batch = RETENTION_BATCH): Promise<RetentionRun> {
  let deleted = NO_COUNTS;
  const cutoff = retentionCutoff(now(), days);
  if (cutoff === null) return { deleted, ran: false };
  for (;;) {
    const step = await store.transaction(async (tx) => {
      if (!(await tx.retentionTurn())) return null;
      const due = (await tx.closedBefore(cutoff, batch)).filter((h) => isDue(h, cutoff));
      if (due.length === 0) return { counts: NO_COUNTS, more: false };
      const ids = due.map((h) => h.id);
      const forget = phrasingsToForget(await tx.listPhrasings(undefined, { withRemoved: true }), new Set(ids));
      const jobs = await tx.deleteJobsMentioning(ids);
      const counts = { ...(await tx.deleteHandoffs(ids, forget)), jobs };
      await tx.insertDeletion({ at: new Date(now()).toISOString(), reason: 'retention', agentId: null, actor: `retention (${days} days)`, counts });
      return { counts, more: due.length === batch };
    });
    if (step === null) return { deleted, ran: deleted.handoffs > 0 };
    deleted = addCounts(deleted, step.counts);
    if (!step.more) return { deleted, ran: true };
  }
}

export interface RetentionOptions {
  store: Store;
  /** LIFELINE_RETENTION_DAYS; 0: off (start does nothing). */
  days: number;
  /** @default Date.now */
  now?: () => number;
  /** Between two rounds. @default a day */
  everyMs?: number;
  /** Told after each round that deleted something. @default a line on stdout */
  onRun?: (run: RetentionRun) => void;
  /** Told of a round that failed (it is tried again at the next). @default a line on stderr */
  onError?: (error: Error) => void;
}

/** Runs a round now and then every `everyMs`; the returned function stops it (and waits for a round running). */
export function startRetention(options: RetentionOptions): () => Promise<void> {
  const { store, days } = options;
  if (days <= 0) return async () => undefined;
  const now = options.now ?? Date.now;
  const everyMs = options.everyMs ?? DAY_MS;
  const onRun =
    options.onRun ??
    ((run) => console.log(`Lifeline retention: deleted ${run.deleted.handoffs} handoff${run.deleted.handoffs === 1 ? '' : 's'} closed more than ${days} days ago, with everything about them.`));
  const onError = options.onError ?? ((error) => console.error('Lifeline retention:', error.message));
  let running: Promise<void> = Promise.resolve();
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const round = (): void => {
    running = runRetention(store, days, now).then(
      (run) => {
        if (run.deleted.handoffs > 0) onRun(run);
      },
      (error: unknown) => onError(error instanceof Error ? error : new Error(String(error))),
    );
    void running.then(() => {
      if (stopped) return;
      timer = setTimeout(round, everyMs);
      timer.unref?.();
    });
  };
  round();
  return async () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    await running;
  };
}
