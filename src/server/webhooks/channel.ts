/**
 * The `webhook` channel of the outbox (../outbox/): each stored event calls for the webhooks
 * events.ts maps it to, one job each, keyed by its `webhook-id` (planning twice stores one).
 * The body is made when the event is planned and stored with the job, so every try sends the
 * same bytes under the same id, signed anew at the time of the try. A try that is not answered
 * with a 2xx within the timeout is tried again (backoff.ts) until 24 hours after the first.
 */
import type { JobOutcome, NewJob, OutboxChannel, OutboxJob, RunContext } from '../outbox/types';
import type { HandoffRecord, StoredEvent } from '../store/types';
import type { WebhookSetting } from '../config';
import { retryDelay } from './backoff';
import { isWebhookJobPayload, jobPayload } from './deliveries';
import { webhooksFor } from './events';
import { sendWebhook, WEBHOOK_TIMEOUT_MS } from './send';

export const WEBHOOK_KIND = 'webhook';

export interface WebhookChannelOptions extends WebhookSetting {
  /** LIFELINE_PUBLIC_URL's origin, for the console links in the payloads. */
  publicOrigin: string | null;
  /** How long a receiver has to answer. @default 10 000 ms */
  timeoutMs?: number;
  /** The clock (ms since the epoch), for the retries' 24 hours. @default Date.now */
  now?: () => number;
}

export function webhookChannel(options: WebhookChannelOptions): OutboxChannel {
  const now = options.now ?? Date.now;
  const timeoutMs = options.timeoutMs ?? WEBHOOK_TIMEOUT_MS;
  return {
    kind: WEBHOOK_KIND,
    plan(event: StoredEvent, handoff: HandoffRecord | null): NewJob[] {
      return webhooksFor(event, handoff, { publicOrigin: options.publicOrigin }).map((w) => ({
        kind: WEBHOOK_KIND,
        key: w.id,
        payload: jobPayload(w),
        dueAt: event.at,
      }));
    },
    async run(job: OutboxJob, ctx: RunContext): Promise<JobOutcome> {
      if (!isWebhookJobPayload(job.payload)) return { ok: false, error: 'Not a webhook job (its payload cannot be read)', retry: false };
      const { id, body } = job.payload;
      const result = await sendWebhook({ url: options.url, key: options.key, id, body, now: ctx.now(), timeoutMs, signal: ctx.signal });
      return result.ok ? { ok: true } : { ok: false, error: result.error, retry: true };
    },
    retryAfter(attempts: number, job: OutboxJob): number | null {
      // The job is made when its event is planned, which is when it is first due: the 24 hours count from then.
      return retryDelay(attempts, now() - Date.parse(job.createdAt));
    },
  };
}
