/**
 * Running a planned notice (plan.ts) in two steps, each an outbox job of the `push` channel
 * (channel.ts), so that every browser is tried, retried and given up on by itself:
 * 1. the notice: at run time, is it still worth telling (the handoff taken, closed, gone
 *    meanwhile), and to which browsers? One job per browser is stored (fanOut);
 * 2. one browser: sent, or removed when its push service says it is gone (404, 410), or failed
 *    with whether trying again may help (deliverToBrowser).
 */
import { createHash } from 'node:crypto';
import type { NewJob } from '../outbox/types';
import type { Store } from '../store/types';
import { encodeNotice, stillWorthTelling, type PushIntent } from './plan';
import { sendPush, type PushOptions } from './send';
import type { VapidKeys } from './vapid';

/**
 * How long a push service keeps a notice for a browser that is offline, in seconds, and how long
 * a failing one is tried: a new handoff or a visitor's message is news for a quarter of an hour;
 * after that the agent finds it in the queue, and a late notification would only mislead.
 */
export const PUSH_TTL_SECONDS = 15 * 60;

export const PUSH_KIND = 'push';

/** A job's payload: the notice alone (step 1), or for one browser (step 2). */
export type PushJobPayload = PushIntent & { endpoint?: string };

export interface DeliverDeps {
  store: Store;
  keys: () => Promise<VapidKeys>;
  subject: string;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

const endpointKey = (endpoint: string): string => createHash('sha256').update(endpoint).digest('base64url').slice(0, 22);

/** Step 1: one job per browser of the audience, or none when the notice no longer matters. */
export async function fanOut(intent: PushIntent, store: Store, at: string): Promise<NewJob[]> {
  const handoff = await store.findHandoff(intent.notice.handoffId);
  if (!stillWorthTelling(intent.notice, intent.audience, handoff)) return [];
  const browsers = await store.pushSubscriptions('agentId' in intent.audience ? intent.audience.agentId : null);
  return browsers.map((b) => ({
    kind: PUSH_KIND,
    key: `${intent.key}:${endpointKey(b.endpoint)}`,
    payload: { key: intent.key, audience: intent.audience, notice: intent.notice, endpoint: b.endpoint } satisfies PushJobPayload,
    dueAt: at,
  }));
}

export type BrowserOutcome = { sent: true } | { skipped: string } | { removed: true } | { failed: string; retry: boolean };

/** Step 2: the notice to one browser, if it still matters and the browser is still subscribed. */
export async function deliverToBrowser(intent: PushIntent, endpoint: string, deps: DeliverDeps, signal?: AbortSignal): Promise<BrowserOutcome> {
  const handoff = await deps.store.findHandoff(intent.notice.handoffId);
  if (!stillWorthTelling(intent.notice, intent.audience, handoff)) return { skipped: 'the handoff was taken or closed meanwhile' };
  const browser = (await deps.store.pushSubscriptions('agentId' in intent.audience ? intent.audience.agentId : null)).find((b) => b.endpoint === endpoint);
  if (!browser) return { skipped: 'notifications were turned off in that browser meanwhile' };
  const options: PushOptions = {
    keys: await deps.keys(),
    subject: deps.subject,
    ttlSeconds: PUSH_TTL_SECONDS,
    urgency: 'high', // a person is waiting: deliver now, not when the device next wakes
    ...(deps.fetch && { fetch: deps.fetch }),
    ...(deps.timeoutMs !== undefined && { timeoutMs: deps.timeoutMs }),
    ...(signal && { signal }),
  };
  const result = await sendPush(browser, encodeNotice(intent.notice), options);
  if ('gone' in result) {
    await deps.store.deletePushSubscription(browser.endpoint);
    return { removed: true };
  }
  if (result.ok) return { sent: true };
  return { failed: result.error, retry: result.retry };
}
