/**
 * Standard Webhooks signing, pure (node:crypto only): the secret `whsec_<base64>`, and the
 * three headers of one attempt. The signature is `v1,` + base64(HMAC-SHA256(key,
 * "<webhook-id>.<webhook-timestamp>.<body>")), the key being the secret's decoded bytes. Each
 * attempt is signed again at its own time (receivers refuse timestamps more than 5 minutes
 * off), with the same id, so a receiver can tell a retry from a new event.
 */
import { createHmac } from 'node:crypto';

export const SECRET_PREFIX = 'whsec_';
/** The spec asks for 24 to 64 random bytes. */
export const MIN_SECRET_BYTES = 24;
export const MAX_SECRET_BYTES = 64;

/** The key a `whsec_` secret stands for, or why it is not one (in words for whoever set it). */
export function parseWebhookSecret(text: string): { ok: true; key: Buffer } | { ok: false; problem: string } {
  if (!text.startsWith(SECRET_PREFIX)) return { ok: false, problem: `must start with "${SECRET_PREFIX}"` };
  const encoded = text.slice(SECRET_PREFIX.length);
  // Buffer's decoder skips what is not base64: check the text is exactly what its bytes encode to.
  const key = Buffer.from(encoded, 'base64');
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(encoded) || key.toString('base64') !== encoded) {
    return { ok: false, problem: `must be "${SECRET_PREFIX}" followed by standard base64 (A-Z, a-z, 0-9, + and /, = padding)` };
  }
  if (key.length < MIN_SECRET_BYTES || key.length > MAX_SECRET_BYTES) {
    return { ok: false, problem: `must hold ${MIN_SECRET_BYTES} to ${MAX_SECRET_BYTES} random bytes, this one holds ${key.length}` };
  }
  return { ok: true, key };
}

export interface WebhookHeaders {
  'webhook-id': string;
  /** Whole seconds since the epoch. */
  'webhook-timestamp': string;
  'webhook-signature': string;
}

/** The signature of `body` (the exact bytes sent) as message `id` sent at `sentAtMs`. */
export function signWebhook(key: Uint8Array, id: string, sentAtMs: number, body: string): WebhookHeaders {
  const timestamp = String(Math.floor(sentAtMs / 1000));
  const mac = createHmac('sha256', key).update(`${id}.${timestamp}.`).update(body, 'utf8').digest('base64');
  return { 'webhook-id': id, 'webhook-timestamp': timestamp, 'webhook-signature': `v1,${mac}` };
}
