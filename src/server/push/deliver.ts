/**
 * Runs one planned notice (plan.ts): reads, at send time, whether it still matters and which
 * browsers to tell, sends it to each, and removes the browsers their push service says are gone
 * (404, 410: unsubscribed, permission revoked). What is left to do is said, so the outbox can try
 * again later: the browsers that failed for a reason worth retrying.
 */
import type { Store } from '../store/types';
import { encodeNotice, stillWorthTelling, type PushIntent } from './plan';
import { sendPush, type PushOptions } from './send';
import type { VapidKeys } from './vapid';

/**
 * How long a push service keeps a notice for a browser that is offline, in seconds: a new
 * handoff or a visitor's message is news for a quarter of an hour; after that the agent finds it
 * in the queue, and a late notification would only mislead.
 */
export const PUSH_TTL_SECONDS = 15 * 60;

export interface DeliverDeps {
  store: Store;
  keys: () => Promise<VapidKeys>;
  subject: string;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

export interface DeliveryReport {
  /** Nothing to send: the handoff was taken, closed or is gone meanwhile. */
  skipped: boolean;
  sent: number;
  /** Browsers removed because their push service said they are gone. */
  removed: number;
  /** Browsers that could not be told, and whether trying again may help. */
  failed: Array<{ endpoint: string; retry: boolean; error: string }>;
}

/**
 * Sends `intent` to its audience's browsers; `only`, on a retry, limits it to the endpoints that
 * failed before (the others have it already).
 */
export async function deliverPush(intent: PushIntent, deps: DeliverDeps, only?: ReadonlySet<string>): Promise<DeliveryReport> {
  const report: DeliveryReport = { skipped: false, sent: 0, removed: 0, failed: [] };
  const handoff = await deps.store.findHandoff(intent.notice.handoffId);
  if (!stillWorthTelling(intent.notice, intent.audience, handoff)) return { ...report, skipped: true };
  const browsers = (await deps.store.pushSubscriptions('agentId' in intent.audience ? intent.audience.agentId : null)).filter(
    (s) => only === undefined || only.has(s.endpoint),
  );
  if (browsers.length === 0) return report;
  const options: PushOptions = {
    keys: await deps.keys(),
    subject: deps.subject,
    ttlSeconds: PUSH_TTL_SECONDS,
    urgency: 'high', // a person is waiting: deliver now, not when the device next wakes
    ...(deps.fetch && { fetch: deps.fetch }),
    ...(deps.timeoutMs !== undefined && { timeoutMs: deps.timeoutMs }),
  };
  const payload = encodeNotice(intent.notice);
  const results = await Promise.all(browsers.map(async (browser) => ({ browser, result: await sendPush(browser, payload, options) })));
  for (const { browser, result } of results) {
    if ('gone' in result) {
      await deps.store.deletePushSubscription(browser.endpoint);
      report.removed++;
    } else if (result.ok) report.sent++;
    else report.failed.push({ endpoint: browser.endpoint, retry: result.retry, error: result.error });
  }
  return report;
}
