/**
 * Sends one push message to one browser's push service: web-push signs it (VAPID, RFC 8292)
 * and encrypts it (aes128gcm, RFC 8291); the request itself goes through fetch, with a time
 * limit, so that a test push service may be plain http on loopback (web-push's own sender is
 * https only) and the answer is read the same way whatever the service.
 */
import webpush from 'web-push';
import type { PushSubscriptionRecord } from '../store/types';
import type { VapidKeys } from './vapid';

export interface PushOptions {
  keys: VapidKeys;
  subject: string;
  /** Seconds the push service keeps the message for a browser that is offline. */
  ttlSeconds: number;
  urgency: 'very-low' | 'low' | 'normal' | 'high';
  /** Milliseconds to wait for the push service's answer. @default 10000 */
  timeoutMs?: number;
  /** The HTTP client. @default fetch */
  fetch?: typeof fetch;
  /** Gives up the request (the outbox stopping, or the job's lease running out). */
  signal?: AbortSignal;
}

/**
 * What the push service said: taken; the subscription is gone for good (404, 410: the browser
 * unsubscribed or the agent revoked the permission), to remove and never retry; or a failure,
 * worth retrying unless it is the request's own fault (4xx other than 408, 425, 429).
 */
export type PushResult = { ok: true; status: number } | { gone: true; status: number } | { ok: false; retry: boolean; error: string; status: number | null };

export async function sendPush(subscription: PushSubscriptionRecord, payload: string, options: PushOptions): Promise<PushResult> {
  const details = webpush.generateRequestDetails(
    { endpoint: subscription.endpoint, keys: { p256dh: subscription.p256dh, auth: subscription.auth } },
    payload,
    {
      vapidDetails: { subject: options.subject, publicKey: options.keys.publicKey, privateKey: options.keys.privateKey },
      TTL: options.ttlSeconds,
      urgency: options.urgency,
      contentEncoding: 'aes128gcm',
    },
  );
  // fetch sets Content-Length itself from the body.
  const headers = Object.fromEntries(Object.entries(details.headers).filter(([name]) => name.toLowerCase() !== 'content-length').map(([k, v]) => [k, String(v)]));
  let response: Response;
  try {
    response = await (options.fetch ?? fetch)(details.endpoint, {
      method: details.method,
      headers,
      body: details.body === null ? null : new Uint8Array(details.body),
      signal: AbortSignal.any([AbortSignal.timeout(options.timeoutMs ?? 10_000), ...(options.signal ? [options.signal] : [])]),
      redirect: 'error',
    });
  } catch (error) {
    const cause = (error as Error).cause as Error | undefined;
    return { ok: false, retry: true, status: null, error: `the push service did not answer: ${cause?.message ?? (error as Error).message}` };
  }
  const status = response.status;
  const text = await response.text().catch(() => '');
  if (status >= 200 && status < 300) return { ok: true, status };
  if (status === 404 || status === 410) return { gone: true, status };
  const retry = status >= 500 || status === 408 || status === 425 || status === 429;
  return { ok: false, retry, status, error: `the push service answered ${status}${text ? `: ${text.slice(0, 200)}` : ''}` };
}
