/**
 * Secrets and their hashes. Visitor tokens and session ids are compared through their SHA-256
 * hashes with timingSafeEqual, so neither their value nor the time taken tells an attacker how
 * close a guess came; only the hashes are stored.
 */
import { createHash, createHmac, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';

/** A random id for handoffs, messages and agents. */
export const newId = (): string => randomUUID();

/** 256 random bits, URL-safe: server secrets and session cookies. */
export const newSecret = (): string => randomBytes(32).toString('base64url');

/**
 * The visitor's token for a handoff: HMAC-SHA256(serverSecret, handoffId), base64url (256 bits).
 *
 * Why derived instead of random: a repeated POST /v1/handoffs (same clientId, e.g. a retry after
 * a lost answer) must answer with the same token, yet the token must not be stored anywhere it
 * could be read back. Deriving it means nothing secret is stored per handoff: the replay
 * recomputes it, and requests are checked against its stored SHA-256. The server secret comes
 * from LIFELINE_SECRET or is made once and kept in the settings table, so it survives restarts;
 * changing it makes replays of older handoffs answer with a token that no longer matches (their
 * stored hash still accepts the original token).
 */
export const deriveToken = (secret: string, handoffId: string): string =>
  createHmac('sha256', secret).update(handoffId).digest('base64url');

/** SHA-256, hex: what is stored for tokens and session ids. */
export const sha256 = (value: string): string => createHash('sha256').update(value).digest('hex');

/** Constant-time comparison of two hex SHA-256 hashes. */
export function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === 32 && y.length === 32 && timingSafeEqual(x, y);
}
