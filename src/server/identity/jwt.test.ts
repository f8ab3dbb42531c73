import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CLOCK_SKEW_SECONDS, MAX_LIFETIME_SECONDS, signIdentityToken, verifyIdentityToken } from './jwt';

const SECRET = 'a-site-secret-of-at-least-32-characters!';
const NOW = Date.parse('2026-12-05T09:00:00Z');
const t = NOW / 1000;
const sign = (claims: Record<string, unknown>, header?: Record<string, unknown>, secret = SECRET) => signIdentityToken(claims, secret, header);
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('verifyIdentityToken', () => {
  it('takes a good token and gives its sub, email and name', () => {
    const token = sign({ sub: 'cust-42', email: ' ann@example.com ', name: 'Ann', iat: t - 10, exp: t + 3600 });
    expect(verifyIdentityToken(token, SECRET, NOW)).toEqual({ ok: true, identity: { sub: 'cust-42', email: 'ann@example.com', name: 'Ann' } });
  });

  it('takes a token with only sub, and one signed by jsonwebtoken-style headers (no typ)', () => {
    expect(verifyIdentityToken(sign({ sub: '7', exp: t + 600 }, { alg: 'HS256' }), SECRET, NOW)).toEqual({ ok: true, identity: { sub: '7' } });
  });

  it('refuses a forged signature, and a token whose payload was changed after signing', () => {
    const token = sign({ sub: 'cust-42', exp: t + 60 });
    const [h, p, s] = token.split('.') as [string, string, string];
    const flipped = s.slice(0, -2) + (s.at(-2) === 'A' ? 'B' : 'A') + s.at(-1);
    expect(verifyIdentityToken(`${h}.${p}.${flipped}`, SECRET, NOW)).toMatchObject({ ok: false, code: 'identity_invalid' });
    expect(verifyIdentityToken(`${h}.${b64({ sub: 'someone-else', exp: t + 60 })}.${s}`, SECRET, NOW)).toMatchObject({ ok: false, code: 'identity_invalid', reason: expect.stringContaining('signature') });
    expect(verifyIdentityToken(`${h}.${p}.`, SECRET, NOW)).toMatchObject({ ok: false, code: 'identity_invalid' });
  });

  it('refuses a token signed with another secret', () => {
    expect(verifyIdentityToken(sign({ sub: 'cust-42', exp: t + 600 }, undefined, 'another-secret-of-at-least-32-characters'), SECRET, NOW)).toMatchObject({ ok: false, code: 'identity_invalid', reason: expect.stringContaining('signature') });
  });

  it('refuses an expired token, past the clock skew only', () => {
    expect(verifyIdentityToken(sign({ sub: 'a', exp: t - CLOCK_SKEW_SECONDS + 1 }), SECRET, NOW).ok).toBe(true);
    expect(verifyIdentityToken(sign({ sub: 'a', exp: t - CLOCK_SKEW_SECONDS - 1 }), SECRET, NOW)).toMatchObject({ ok: false, code: 'identity_expired' });
  });

  it('refuses nbf and iat in the future, beyond the clock skew', () => {
    expect(verifyIdentityToken(sign({ sub: 'a', nbf: t + 30, iat: t + 30, exp: t + 3600 }), SECRET, NOW).ok).toBe(true);
    expect(verifyIdentityToken(sign({ sub: 'a', nbf: t + 600, exp: t + 3600 }), SECRET, NOW)).toMatchObject({ ok: false, code: 'identity_not_yet_valid' });
    expect(verifyIdentityToken(sign({ sub: 'a', iat: t + 600, exp: t + 3600 }), SECRET, NOW)).toMatchObject({ ok: false, code: 'identity_not_yet_valid', reason: expect.stringContaining('clock') });
  });

  it('refuses a token that never expires, or expires more than a day ahead: a leaked one would be a key for good', () => {
    expect(verifyIdentityToken(sign({ sub: 'a', iat: t }), SECRET, NOW)).toMatchObject({ ok: false, code: 'identity_invalid', reason: expect.stringContaining('has no exp') });
    expect(verifyIdentityToken(sign({ sub: 'a', exp: t + MAX_LIFETIME_SECONDS }), SECRET, NOW).ok).toBe(true);
    expect(verifyIdentityToken(sign({ sub: 'a', exp: t + MAX_LIFETIME_SECONDS + CLOCK_SKEW_SECONDS + 1 }), SECRET, NOW)).toMatchObject({
      ok: false,
      code: 'identity_invalid',
      reason: expect.stringContaining('more than 24 hours from now'),
    });
    expect(verifyIdentityToken(sign({ sub: 'a', exp: t + 365 * 86400 }), SECRET, NOW)).toMatchObject({ ok: false, code: 'identity_invalid' });
  });

  it('refuses alg "none" with no signature, whatever the payload says', () => {
    const none = `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ sub: 'admin' })}.`;
    expect(verifyIdentityToken(none, SECRET, NOW)).toMatchObject({ ok: false, code: 'identity_invalid', reason: expect.stringContaining('"none"') });
    expect(verifyIdentityToken(`${b64({ alg: 'NONE' })}.${b64({ sub: 'admin' })}.`, SECRET, NOW)).toMatchObject({ ok: false, code: 'identity_invalid' });
  });

  it('refuses HS512 and RS256 even when the HMAC would match', () => {
    const unsigned = `${b64({ alg: 'HS512', typ: 'JWT' })}.${b64({ sub: 'a' })}`;
    const hs512 = `${unsigned}.${createHmac('sha512', SECRET).update(unsigned).digest('base64url')}`;
    expect(verifyIdentityToken(hs512, SECRET, NOW)).toMatchObject({ ok: false, code: 'identity_invalid', reason: expect.stringContaining('HS512') });
    expect(verifyIdentityToken(sign({ sub: 'a' }, { alg: 'RS256' }), SECRET, NOW)).toMatchObject({ ok: false, code: 'identity_invalid' });
    expect(verifyIdentityToken(sign({ sub: 'a' }, { typ: 'JWT' }), SECRET, NOW)).toMatchObject({ ok: false, code: 'identity_invalid' });
  });

  it('refuses crit headers and a typ other than JWT', () => {
    expect(verifyIdentityToken(sign({ sub: 'a' }, { alg: 'HS256', crit: ['b64'] }), SECRET, NOW)).toMatchObject({ ok: false, code: 'identity_invalid' });
    expect(verifyIdentityToken(sign({ sub: 'a' }, { alg: 'HS256', typ: 'at+jwt' }), SECRET, NOW)).toMatchObject({ ok: false, code: 'identity_invalid' });
  });

  it('refuses malformed tokens with a reason', () => {
    for (const bad of ['', 'abc', 'a.b', 'a.b.c.d', '!!.@@.##', `${b64([1])}.${b64({ sub: 'a' })}.x`, `${b64({ alg: 'HS256' })}.notjson.x`]) {
      expect(verifyIdentityToken(bad, SECRET, NOW)).toMatchObject({ ok: false, code: 'identity_invalid', reason: expect.any(String) });
    }
    // Signed, but the payload is not an object.
    const unsigned = `${b64({ alg: 'HS256' })}.${Buffer.from('"just text"').toString('base64url')}`;
    expect(verifyIdentityToken(`${unsigned}.${createHmac('sha256', SECRET).update(unsigned).digest('base64url')}`, SECRET, NOW)).toMatchObject({ ok: false, reason: expect.stringContaining('payload') });
  });

  it('refuses claims of the wrong type: no sub, an empty sub, a bad email, exp as text', () => {
    const exp = t + 600;
    for (const claims of [{ exp }, { sub: '', exp }, { sub: 42, exp }, { sub: 'a', email: 'not an address', exp }, { sub: 'a', exp: '2099-01-01' }, { sub: 'x'.repeat(201), exp }, { sub: 'a', name: 5, exp }]) {
      expect(verifyIdentityToken(sign(claims), SECRET, NOW)).toMatchObject({ ok: false, code: 'identity_invalid' });
    }
  });

  it('refuses a huge token before decoding it', () => {
    const huge = sign({ sub: 'a', pad: 'x'.repeat(5_000) });
    expect(verifyIdentityToken(huge, SECRET, NOW)).toMatchObject({ ok: false, code: 'identity_invalid', reason: expect.stringContaining('longer') });
    expect(verifyIdentityToken('a'.repeat(1_000_000), SECRET, NOW)).toMatchObject({ ok: false, code: 'identity_invalid' });
  });
});
