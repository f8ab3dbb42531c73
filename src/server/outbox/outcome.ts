/** How a try's outcome becomes the job's next state (Store.finishJob). Pure. */
import type { JobOutcome, JobResult, OutboxChannel, OutboxJob } from './types';

export function resultOf(outcome: JobOutcome, job: OutboxJob, channel: Pick<OutboxChannel, 'retryAfter'>, now: number): JobResult {
  const at = new Date(now).toISOString();
  if ('later' in outcome) {
    const later = Date.parse(outcome.later);
    if (Number.isNaN(later)) return failure(`the ${job.kind} channel put the job off to ${outcome.later}, not a time`, true, job, channel, now);
    return { status: 'pending', at, dueAt: new Date(later).toISOString(), error: null, counted: false };
  }
  if (outcome.ok) return { status: 'done', at };
  return failure(outcome.error, outcome.retry, job, channel, now);
}

function failure(error: string, retry: boolean, job: OutboxJob, channel: Pick<OutboxChannel, 'retryAfter'>, now: number): JobResult {
  const at = new Date(now).toISOString();
  const pause = retry ? channel.retryAfter(job.attempts, job) : null;
  if (pause === null) return { status: 'failed', at, error: retry ? `${error} (gave up after ${job.attempts} tries)` : error };
  return { status: 'pending', at, dueAt: new Date(now + Math.max(0, pause)).toISOString(), error, counted: true };
}
