import { describe, expect, it } from 'vitest';
import { readReopenValue, reopenUrl, reopenValue, REOPEN_LINK_MS } from './link';

const SECRET = 'a test secret of 32 characters or more';
const ID = '0b9c6a52-8d2e-4a57-9a8c-3f0e1d2c4b5a';
const NOW = Date.parse('2026-03-01T10:00:00Z');

describe('reopen links', () => {
  it('opens its handoff until it expires, and never after', () => {
    const value = reopenValue(SECRET, ID, NOW + REOPEN_LINK_MS);
    expect(value.length).toBeLessThan(120);
    expect(readReopenValue(SECRET, value, NOW)).toEqual({ ok: true, handoffId: ID });
    expect(readReopenValue(SECRET, value, NOW + REOPEN_LINK_MS - 1000)).toEqual({ ok: true, handoffId: ID });
    expect(readReopenValue(SECRET, value, NOW + REOPEN_LINK_MS)).toEqual({ ok: false, reason: 'expired' });
  });

  it('refuses a changed id, a later expiry, another secret, and what is not a link', () => {
    const value = reopenValue(SECRET, ID, NOW + 1000);
    const [, expires, signature] = value.split('.');
    expect(readReopenValue(SECRET, `${ID.replace('0', '1')}.${expires}.${signature}`, NOW)).toEqual({ ok: false, reason: 'forged' });
    expect(readReopenValue(SECRET, `${ID}.${(parseInt(expires!, 36) + 3600).toString(36)}.${signature}`, NOW)).toEqual({ ok: false, reason: 'forged' });
    expect(readReopenValue(`${SECRET}!`, value, NOW)).toEqual({ ok: false, reason: 'forged' });
    for (const bad of ['', ID, `${ID}.x`, `${value}.more`, `${ID}.${expires}.${signature!.slice(1)}`]) {
      expect(readReopenValue(SECRET, bad, NOW)).toEqual({ ok: false, reason: 'malformed' });
    }
  });

  it('leads only to a page of an origin the server answers, with the value in the fragment', () => {
    const allowed = (origin: string) => origin === 'https://shop.example.com';
    expect(reopenUrl('https://shop.example.com/orders#top', allowed, 'v')).toBe('https://shop.example.com/orders#lifeline-reopen=v');
    expect(reopenUrl('https://evil.example.net/', allowed, 'v')).toBeNull();
    expect(reopenUrl('javascript:alert(1)', () => true, 'v')).toBeNull();
    expect(reopenUrl('not a url', () => true, 'v')).toBeNull();
    expect(reopenUrl(undefined, () => true, 'v')).toBeNull();
  });
});
