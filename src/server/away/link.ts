/**
 * The link in an e-mailed reply that reopens the conversation in the widget: the page the
 * visitor asked from, with `#lifeline-reopen=<handoff id>.<expiry>.<signature>`. In the
 * fragment, so that it never reaches the site's server, its logs or a Referer; the widget
 * trades it for the handoff's token (POST /v1/reopen) and takes it out of the address at once.
 *
 * The signature is HMAC-SHA256 under the server's secret (the one visitor tokens derive from),
 * over a purpose label, the handoff id and the expiry, so it opens that handoff alone, until
 * then, and a token for the handoff can never pass for a link or the other way round.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

/** How long a reopen link works: a week, time to read the e-mail after a weekend away. */
export const REOPEN_LINK_DAYS = 7;
export const REOPEN_LINK_MS = REOPEN_LINK_DAYS * 24 * 60 * 60 * 1000;

/** The fragment's name, read by the widget's loader. */
export const REOPEN_PARAM = 'lifeline-reopen';

const sign = (secret: string, handoffId: string, expires: string): Buffer =>
  createHmac('sha256', secret).update(`lifeline-reopen\n${handoffId}\n${expires}`).digest();

/** The signed value for `handoffId`, working until `expiresAt` (ms since the epoch). */
export function reopenValue(secret: string, handoffId: string, expiresAt: number): string {
  const expires = Math.ceil(expiresAt / 1000).toString(36);
  return `${handoffId}.${expires}.${sign(secret, handoffId, expires).toString('base64url')}`;
}

export type ReadLink = { ok: true; handoffId: string } | { ok: false; reason: 'malformed' | 'forged' | 'expired' };

/** Checks a value made by reopenValue: its signature first (in constant time), then its expiry. */
export function readReopenValue(secret: string, value: string, now: number): ReadLink {
  const parts = /^([\w-]{1,100})\.([0-9a-z]{1,10})\.([\w-]{43})$/.exec(value);
  if (!parts) return { ok: false, reason: 'malformed' };
  const [, handoffId, expires, signature] = parts as unknown as [string, string, string, string];
  const given = Buffer.from(signature, 'base64url');
  const expected = sign(secret, handoffId, expires);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'forged' };
  if (parseInt(expires, 36) * 1000 <= now) return { ok: false, reason: 'expired' };
  return { ok: true, handoffId };
}

/**
 * The page to reopen the conversation on: the one the visitor asked from, when its origin is one
 * the server answers (LIFELINE_ALLOWED_ORIGINS or its own). The page address comes from the
 * visitor's browser, so any other is not put in a mail the shop sends: it could lead elsewhere.
 */
export function reopenUrl(pageUrl: string | undefined, allowed: (origin: string) => boolean, value: string): string | null {
  if (!pageUrl) return null;
  let url: URL;
  try {
    url = new URL(pageUrl);
  } catch {
    return null;
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || !allowed(url.origin)) return null;
  url.hash = `${REOPEN_PARAM}=${value}`;
  return url.href;
}
