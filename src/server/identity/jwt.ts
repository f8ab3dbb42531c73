/**
 * Verified visitors (issue 16): the site's own server signs who its signed-in customer is as a
 * JWT (RFC 7519) with HS256 and LIFELINE_IDENTITY_SECRET, the page hands it to
 * `Lifeline('identify', {token})`, and this checks it. Only HS256 is taken: a token naming any
 * other `alg` ("none" above all, or HS512, or an RSA one meant to be checked with a public key
 * used as the HMAC key) is refused before its signature is even looked at, so the header can
 * never choose how it is checked. The signature is compared in constant time, and only then are
 * the claims read. Pure but for node:crypto; the clock is the caller's.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { checkEmail } from '../../protocol/email';
import { LIMITS } from '../../protocol/validate';

/** Who the site's server says the customer is, once the token's signature and times are checked. */
export interface VerifiedIdentity {
  /** The customer's id on the site (`sub`). */
  sub: string;
  email?: string;
  name?: string;
}

/** Why a token is refused: the `code` of the API's error body. */
export type IdentityRefusal = 'identity_invalid' | 'identity_expired' | 'identity_not_yet_valid';

export type IdentityCheck = { ok: true; identity: VerifiedIdentity } | { ok: false; code: IdentityRefusal; reason: string };

/** Clocks of two servers are never quite together: a token this far past `exp` (or before `nbf`/`iat`) still counts. */
export const CLOCK_SKEW_SECONDS = 60;

/**
 * How far ahead a token may expire. A token is the key to a customer's conversations on any
 * device (GET /v1/history): one that never expires, or in a year, is that key for good once it
 * leaks (a log, a shared page, a screenshot of the developer tools). The page signs a fresh one
 * on every load, so an hour is plenty; a day leaves room for a tab left open.
 */
export const MAX_LIFETIME_SECONDS = 24 * 3600;

const BASE64URL = /^[A-Za-z0-9_-]*$/;

const invalid = (reason: string): IdentityCheck => ({ ok: false, code: 'identity_invalid', reason });

/** A part of the token as JSON, or null when it is not base64url of a JSON object. */
function part(text: string): Record<string, unknown> | null {
  if (!BASE64URL.test(text) || text === '') return null;
  try {
    const value: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null; // not JSON: the caller says the token is malformed
  }
}

/** A NumericDate claim (seconds since the epoch), absent, or wrong (null). */
function numericDate(value: unknown): number | undefined | null {
  if (value === undefined) return undefined;
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/**
 * Checks `token` against `secret` (the text of LIFELINE_IDENTITY_SECRET, as UTF-8 bytes, as
 * jsonwebtoken, PyJWT and php-jwt take a string key) at `nowMs`.
 */
export function verifyIdentityToken(token: string, secret: string, nowMs: number): IdentityCheck {
  if (token.length > LIMITS.identityToken) return invalid(`is longer than ${LIMITS.identityToken} characters`);
  const parts = token.split('.');
  if (parts.length !== 3) return invalid('is not a JWT (three base64url parts joined by dots)');
  const [head, body, signature] = parts as [string, string, string];
  const header = part(head);
  if (!header) return invalid('has a header that is not base64url JSON');
  if (header.alg !== 'HS256') return invalid(`is signed with ${JSON.stringify(header.alg ?? null)}; only HS256 is accepted`);
  if (header.typ !== undefined && (typeof header.typ !== 'string' || header.typ.toUpperCase() !== 'JWT')) return invalid('has a typ other than "JWT"');
  // An extension we would have to understand to check the token: we do not, so we may not accept it (RFC 7515 §4.1.11).
  if (header.crit !== undefined) return invalid('names critical extensions (crit), which are not supported');
  if (!BASE64URL.test(signature)) return invalid('has a signature that is not base64url');
  const given = Buffer.from(signature, 'base64url');
  const expected = createHmac('sha256', secret).update(`${head}.${body}`).digest();
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return invalid('has a signature that does not match LIFELINE_IDENTITY_SECRET');

  const claims = part(body);
  if (!claims) return invalid('has a payload that is not base64url JSON');
  const now = nowMs / 1000;
  const exp = numericDate(claims.exp);
  const nbf = numericDate(claims.nbf);
  const iat = numericDate(claims.iat);
  if (exp === null || nbf === null || iat === null) return invalid('has exp, nbf or iat that is not a number of seconds since 1970');
  if (exp === undefined) return invalid(`has no exp: it must expire, within ${MAX_LIFETIME_SECONDS / 3600} hours (an hour is plenty; the page signs a fresh one each time)`);
  if (now > exp + CLOCK_SKEW_SECONDS) return { ok: false, code: 'identity_expired', reason: `expired at ${new Date(exp * 1000).toISOString()}` };
  if (exp > now + MAX_LIFETIME_SECONDS + CLOCK_SKEW_SECONDS) {
    return invalid(`expires at ${new Date(exp * 1000).toISOString()}, more than ${MAX_LIFETIME_SECONDS / 3600} hours from now (a leaked token would open the customer's conversations that long)`);
  }
  if (nbf !== undefined && now + CLOCK_SKEW_SECONDS < nbf) return { ok: false, code: 'identity_not_yet_valid', reason: `is not valid before ${new Date(nbf * 1000).toISOString()} (nbf)` };
  if (iat !== undefined && now + CLOCK_SKEW_SECONDS < iat) {
    return { ok: false, code: 'identity_not_yet_valid', reason: `was issued in the future, at ${new Date(iat * 1000).toISOString()} (iat): check the clock of the server that signs it` };
  }
  const { sub, email, name } = claims;
  if (typeof sub !== 'string' || sub.trim() === '' || sub.length > LIMITS.visitorField) return invalid(`has no sub (the customer's id, 1 to ${LIMITS.visitorField} characters)`);
  const identity: VerifiedIdentity = { sub };
  if (email !== undefined && email !== null) {
    if (typeof email !== 'string' || checkEmail(email).problem) return invalid('has an email that is not one e-mail address');
    identity.email = checkEmail(email).email;
  }
  if (name !== undefined && name !== null) {
    if (typeof name !== 'string' || name.length > LIMITS.visitorField) return invalid(`has a name that is not text of at most ${LIMITS.visitorField} characters`);
    if (name.trim()) identity.name = name.trim();
  }
  return { ok: true, identity };
}

/**
 * Signs `claims` as an HS256 JWT: what a site's server does (README shows it in a few lines);
 * here for tests and the demo, never used to check anything.
 */
export function signIdentityToken(claims: Record<string, unknown>, secret: string, header: Record<string, unknown> = { alg: 'HS256', typ: 'JWT' }): string {
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const unsigned = `${encode(header)}.${encode(claims)}`;
  return `${unsigned}.${createHmac('sha256', secret).update(unsigned).digest('base64url')}`;
}
