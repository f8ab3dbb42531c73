import { describe, expect, it } from 'vitest';
import { base64urlBytes, endpointProblem, validatePushSubscription, validatePushUnsubscribe } from './push';

const p256dh = `B${'A'.repeat(86)}`; // 87 characters: 65 bytes, the first 0x04
const auth = 'A'.repeat(22); // 16 bytes
const body = (over: Record<string, unknown> = {}) => ({ endpoint: 'https://fcm.googleapis.com/fcm/send/abc:def', keys: { p256dh, auth }, expirationTime: null, ...over });

describe('validatePushSubscription', () => {
  const strict = { allowLoopbackHttp: false };
  it('takes what PushSubscription.toJSON() gives, without its extra keys', () => {
    expect(validatePushSubscription(body(), strict)).toEqual({ ok: true, value: { endpoint: body().endpoint, keys: { p256dh, auth } } });
    expect(validatePushSubscription(body({ keys: { p256dh: `${p256dh}=`, auth: `${auth}==` } }), strict).ok).toBe(true);
  });

  it('names the first bad field', () => {
    const cases: Array<[unknown, string, RegExp]> = [
      [null, '', /JSON object/],
      [body({ endpoint: 42 }), 'endpoint', /push service URL/],
      [body({ endpoint: 'not a url' }), 'endpoint', /push service URL/],
      [body({ endpoint: 'http://push.example.com/x' }), 'endpoint', /https URL, got http/],
      [body({ endpoint: 'https://user:pw@push.example.com/x' }), 'endpoint', /user name or password/],
      [body({ endpoint: `https://push.example.com/${'x'.repeat(2000)}` }), 'endpoint', /at most 2000/],
      [body({ keys: 'x' }), 'keys', /p256dh and auth/],
      [body({ keys: { p256dh: `C${'A'.repeat(86)}`, auth } }), 'keys.p256dh', /65 bytes/],
      [body({ keys: { p256dh: p256dh.slice(0, 80), auth } }), 'keys.p256dh', /65 bytes/],
      [body({ keys: { p256dh, auth: 'A'.repeat(30) } }), 'keys.auth', /16-byte/],
      [body({ keys: { p256dh, auth: '+/+/+/+/+/+/+/+/+/+/+/' } }), 'keys.auth', /16-byte/],
    ];
    for (const [input, path, error] of cases) {
      const r = validatePushSubscription(input, strict);
      expect(r.ok ? null : { path: r.path, error: r.error }, JSON.stringify(input)).toEqual({ path, error: expect.stringMatching(error) });
    }
  });

  it('takes http on this machine only when told to (the server’s tests)', () => {
    for (const endpoint of ['http://127.0.0.1:9000/push/a', 'http://localhost:9000/a', 'http://[::1]:9000/a']) {
      expect(endpointProblem(endpoint, false)).toMatch(/https/);
      expect(endpointProblem(endpoint, true)).toBeNull();
    }
    expect(endpointProblem('http://10.0.0.1/a', true)).toMatch(/https/);
  });
});

describe('validatePushUnsubscribe and base64urlBytes', () => {
  it('turns off any endpoint given as text', () => {
    expect(validatePushUnsubscribe({ endpoint: 'http://old.example/x' })).toEqual({ ok: true, value: { endpoint: 'http://old.example/x' } });
    expect(validatePushUnsubscribe({})).toMatchObject({ ok: false, path: 'endpoint' });
  });
  it('counts the bytes of base64url text', () => {
    expect(base64urlBytes('AAAA')).toBe(3);
    expect(base64urlBytes('AAAAA')).toBeNull();
    expect(base64urlBytes('a+b')).toBeNull();
  });
});
