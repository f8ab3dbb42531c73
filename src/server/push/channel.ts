/**
 * The outbox's `push` channel (../outbox/): browser notifications to agents, planned from the
 * event log (plan.ts: a new chat or callback to every agent with notifications on, a visitor's
 * message to the agent who has the handoff), then sent browser by browser (deliver.ts), each
 * retried with backoff for as long as the notice is news (PUSH_TTL_SECONDS), a browser whose push
 * service says it is gone removed and not retried.
 */
import { retryAfter, type BackoffPolicy } from '../outbox/backoff';
import type { JobOutcome, OutboxChannel } from '../outbox/types';
import { deliverToBrowser, fanOut, PUSH_KIND, PUSH_TTL_SECONDS, type DeliverDeps, type PushJobPayload } from './deliver';
import { planPush } from './plan';

/** 10 s, 20 s, 40 s... at most 2 minutes apart, and never past the quarter of an hour a notice lasts. */
export const PUSH_BACKOFF: BackoffPolicy = { firstMs: 10_000, maxMs: 120_000, giveUpAfterMs: PUSH_TTL_SECONDS * 1000 };

export interface PushChannelDeps extends DeliverDeps {
  /** Milliseconds since the epoch. @default Date.now */
  now?: () => number;
  /** @default PUSH_BACKOFF */
  backoff?: BackoffPolicy;
}

export function pushChannel(deps: PushChannelDeps): OutboxChannel {
  const now = deps.now ?? Date.now;
  return {
    kind: PUSH_KIND,

    // No browser took notifications: nothing to plan (most servers, most of the time).
    async wanted(store) {
      return (await store.pushSubscriptions(null)).length > 0;
    },

    plan(event, handoff) {
      return planPush(event, handoff).map((intent) => ({
        kind: PUSH_KIND,
        key: intent.key,
        payload: intent satisfies PushJobPayload,
        dueAt: event.at,
      }));
    },

    async run(job, ctx): Promise<JobOutcome> {
      const payload = job.payload as PushJobPayload;
      if (payload.endpoint === undefined) {
        // Step 1: one job per browser, stored in one go (their keys make a second run a no-op).
        const at = new Date(ctx.now()).toISOString();
        const jobs = await fanOut(payload, ctx.store, at);
        if (jobs.length > 0) await ctx.store.transaction((tx) => tx.insertJobs(jobs, at));
        return { ok: true };
      }
      const outcome = await deliverToBrowser(payload, payload.endpoint, { ...deps, store: ctx.store }, ctx.signal);
      if ('failed' in outcome) return { ok: false, error: outcome.failed, retry: outcome.retry };
      return { ok: true };
    },

    retryAfter(attempts, job) {
      return retryAfter(deps.backoff ?? PUSH_BACKOFF, attempts, job.createdAt, now());
    },
  };
}
