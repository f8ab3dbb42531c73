/**
 * What the dispatcher stores for a batch of events: every registered channel's plan for each
 * event, checked (a channel plans only its own kind, with a key and a due time), and each
 * (kind, key) once. Pure.
 */
import type { HandoffRecord, StoredEvent } from '../store/types';
import type { NewJob, OutboxChannel } from './types';

/** A plan a channel must not make: said in the error, which names the channel. */
export class BadPlan extends Error {}

/**
 * A channel whose plan throws (a bug) or makes a bad job is reported through `onError` and
 * skipped for that event: the others still get theirs, and the log moves on instead of
 * sticking at that event forever.
 */
export function planJobs(
  events: readonly StoredEvent[],
  handoffs: ReadonlyMap<string, HandoffRecord | null>,
  channels: readonly OutboxChannel[],
  onError: (error: Error) => void,
): NewJob[] {
  const seen = new Set<string>();
  const jobs: NewJob[] = [];
  for (const event of events) {
    const handoff = handoffs.get(event.handoffId) ?? null;
    for (const channel of channels) {
      let planned: NewJob[];
      try {
        planned = channel.plan(event, handoff).map((job) => checked(channel, job));
      } catch (error) {
        onError(new Error(`Lifeline outbox: the ${channel.kind} channel could not plan event ${event.id}: ${(error as Error).message}`, { cause: error }));
        continue;
      }
      for (const job of planned) {
        const id = `${job.kind}\u0000${job.key}`;
        if (seen.has(id)) continue;
        seen.add(id);
        jobs.push(job);
      }
    }
  }
  return jobs;
}

/** The job with its due time as the stores compare it (ISO, UTC, milliseconds); throws BadPlan. */
function checked(channel: OutboxChannel, job: NewJob): NewJob {
  if (job.kind !== channel.kind) throw new BadPlan(`it planned a job of kind ${job.kind}`);
  if (job.key === '') throw new BadPlan('it planned a job without a key');
  const due = Date.parse(job.dueAt);
  if (Number.isNaN(due)) throw new BadPlan(`it planned ${job.key} at ${job.dueAt}, not a time`);
  return { ...job, dueAt: new Date(due).toISOString() };
}
