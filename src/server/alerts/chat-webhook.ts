/**
 * The `chat-webhook` outbox channel: posts `{"text": ...}` to a Slack-compatible incoming
 * webhook (LIFELINE_CHAT_WEBHOOK_URL: Slack, Mattermost, Rocket.Chat take it). A post not
 * answered 2xx within 10 s is tried again with backoff for a day; a 4xx other than 408 and 429
 * (a webhook deleted, a bad token) fails for good; a 429 waits as long as Retry-After says.
 * Jobs are queued by the alerts (chatJob), not planned from events here.
 */
import { retryAfter, type BackoffPolicy } from '../outbox/backoff';
import type { NewJob, OutboxChannel } from '../outbox/types';

export const CHAT_WEBHOOK = 'chat-webhook';

/** From 10 s to 10 minutes between tries, for a day. */
export const CHAT_RETRY: BackoffPolicy = { firstMs: 10_000, maxMs: 600_000, giveUpAfterMs: 24 * 3_600_000 };

const TIMEOUT_MS = 10_000;
/** The longest Retry-After honoured (a longer one is taken as this). */
const MAX_RETRY_AFTER_MS = 3_600_000;

/** Slack's escaping: its own markup uses &, < and >. */
export const slackEscape = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The job that posts `text` (plain: it is escaped here); `key` says what it is, so it is queued once. */
export function chatJob(key: string, text: string, dueAt: string): NewJob {
  return { kind: CHAT_WEBHOOK, key, payload: { text: slackEscape(text) }, dueAt };
}

export function chatWebhookChannel(url: string, options: { policy?: BackoffPolicy; timeoutMs?: number; now?: () => number } = {}): OutboxChannel {
  const policy = options.policy ?? CHAT_RETRY;
  const now = options.now ?? Date.now;
  return {
    kind: CHAT_WEBHOOK,
    plan: () => [],
    async run(job, ctx) {
      const text = (job.payload as { text?: unknown } | null)?.text;
      if (typeof text !== 'string') return { ok: false, error: 'not a chat message this version can post', retry: false };
      let answer: Response;
      try {
        answer = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ text }),
          redirect: 'error',
          signal: AbortSignal.any([ctx.signal, AbortSignal.timeout(options.timeoutMs ?? TIMEOUT_MS)]),
        });
      } catch (error) {
        const e = error as Error & { cause?: Error };
        return { ok: false, error: `no answer from the chat webhook: ${e.name === 'TimeoutError' ? 'none within 10 s' : (e.cause?.message ?? e.message)}`, retry: true };
      }
      const body = (await answer.text().catch(() => '')).slice(0, 200);
      if (answer.ok) return { ok: true };
      if (answer.status === 429) {
        const seconds = Number(answer.headers.get('retry-after'));
        if (Number.isFinite(seconds) && seconds > 0) return { later: new Date(ctx.now() + Math.min(seconds * 1000, MAX_RETRY_AFTER_MS)).toISOString() };
      }
      const permanent = answer.status >= 400 && answer.status < 500 && answer.status !== 408 && answer.status !== 429;
      return { ok: false, error: `the chat webhook answered ${answer.status}${body ? `: ${body}` : ''}`, retry: !permanent };
    },
    retryAfter: (attempts, job) => retryAfter(policy, attempts, job.createdAt, now()),
  };
}
