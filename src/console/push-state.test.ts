import { describe, expect, it } from 'vitest';
import { initialState, keyBytes, pushSentence, sameKey, SAID } from './push-state';

describe('initialState', () => {
  it('says why notifications cannot be had before asking anything', () => {
    expect(initialState({ secure: false, hasPush: true, permission: 'default' })).toEqual({ kind: 'unavailable', why: 'insecure' });
    expect(initialState({ secure: true, hasPush: false, permission: null })).toEqual({ kind: 'unavailable', why: 'unsupported' });
    expect(initialState({ secure: true, hasPush: true, permission: 'denied' })).toEqual({ kind: 'blocked' });
    expect(initialState({ secure: true, hasPush: true, permission: 'granted' })).toEqual({ kind: 'checking' });
  });
});

describe('pushSentence', () => {
  it('speaks plainly of what stands in the way, and of what turning on does, once', () => {
    expect(pushSentence({ kind: 'unavailable', why: 'insecure' })).toMatch(/HTTPS \(or on localhost\)/);
    expect(pushSentence({ kind: 'unavailable', why: 'unsupported' })).toMatch(/no Web Push/);
    expect(pushSentence({ kind: 'blocked' })).toMatch(/blocked for this site/);
    expect(pushSentence({ kind: 'off', said: SAID.dismissed })).toMatch(/asked once more/);
    expect(pushSentence({ kind: 'off', said: null })).toBeNull();
    expect(pushSentence({ kind: 'on', justTurnedOn: true })).toBe(SAID.turnedOn);
    expect(pushSentence({ kind: 'on', justTurnedOn: false })).toBeNull();
    expect(SAID.noPushService('push service not available')).toContain('(push service not available)');
  });
});

describe('keyBytes and sameKey', () => {
  it('reads the server’s base64url key and compares it with a subscription’s', () => {
    const key = keyBytes('BAEC_-8');
    expect([...key]).toEqual([4, 1, 2, 255, 239]);
    expect(sameKey(key.buffer, keyBytes('BAEC_-8'))).toBe(true);
    expect(sameKey(keyBytes('BAED_-8').buffer, key)).toBe(false);
    expect(sameKey(keyBytes('BAEC').buffer, key)).toBe(false);
    expect(sameKey(null, key)).toBe(false);
  });
});
