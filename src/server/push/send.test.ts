import webpush from 'web-push';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PushSubscriptionRecord } from '../store/types';
import { sendPush, type PushOptions } from './send';
import { startTestPushService, type BrowserSubscription, type TestPushService } from './test-push-service';
import { DEFAULT_VAPID_SUBJECT, vapidSubject } from './vapid';

const record = (s: BrowserSubscription): PushSubscriptionRecord => ({
  endpoint: s.endpoint,
  agentId: 'agent-ada',
  p256dh: s.keys.p256dh,
  auth: s.keys.auth,
  createdAt: '2025-03-01T10:00:00.000Z',
  savedAt: '2025-03-01T10:00:00.000Z',
});

describe('sendPush, to a push service that checks it as a real one does', () => {
  let service: TestPushService;
  const keys = webpush.generateVAPIDKeys();
  const options: PushOptions = { keys, subject: 'mailto:help@shop.example', ttlSeconds: 900, urgency: 'high' };
  beforeEach(async () => {
    service = await startTestPushService();
  });
  afterEach(async () => {
    await service.close();
  });

  it('signs with VAPID and encrypts with aes128gcm: the browser decrypts the exact payload', async () => {
    const browser = service.subscribe();
    const payload = JSON.stringify({ v: 1, kind: 'message', text: 'Où est ma commande ? 🚲' });
    expect(await sendPush(record(browser), payload, options)).toEqual({ ok: true, status: 201 });
    const [got] = await service.waitFor(1);
    expect(got).toMatchObject({ subscriptionId: browser.id, text: payload, ttl: '900', urgency: 'high', vapidKey: keys.publicKey });
    expect(got!.claims.aud).toBe(service.origin);
    expect(got!.claims.sub).toBe('mailto:help@shop.example');
    expect(service.refused).toEqual([]);
  });

  it('is refused when the signature is not the key’s, or the payload is for another browser', async () => {
    const browser = service.subscribe();
    const other = webpush.generateVAPIDKeys();
    const forged = await sendPush(record(browser), '{}', { ...options, keys: { publicKey: other.publicKey, privateKey: keys.privateKey } });
    expect(forged).toMatchObject({ ok: false, retry: false, status: 403 });
    const stranger = service.subscribe();
    const misaddressed = await sendPush({ ...record(browser), p256dh: stranger.keys.p256dh }, '{}', options);
    expect(misaddressed).toMatchObject({ ok: false, retry: false, status: 400 });
    expect(service.refused.map((r) => r.why)).toEqual(['the JWT signature does not verify with k', expect.stringMatching(/does not decrypt/)]);
    expect(service.received).toEqual([]);
  });

  it('says gone on 404 and 410, retry on 5xx and 429, and not on other 4xx or when nobody answers', async () => {
    const browser = service.subscribe();
    for (const [status, expected] of [
      [410, { gone: true, status: 410 }],
      [404, { gone: true, status: 404 }],
      [500, { ok: false, retry: true, status: 500 }],
      [429, { ok: false, retry: true, status: 429 }],
      [413, { ok: false, retry: false, status: 413 }],
    ] as const) {
      service.answerOnce(browser.id, status);
      expect(await sendPush(record(browser), '{}', options)).toMatchObject(expected);
    }
    const closed = { ...record(browser), endpoint: 'http://127.0.0.1:9/push/none' };
    expect(await sendPush(closed, '{}', options)).toMatchObject({ ok: false, retry: true, status: null, error: expect.stringMatching(/did not answer/) });
  });
});

describe('vapidSubject', () => {
  it('prefers the mail sender, then an https public address, then a default', () => {
    expect(vapidSubject({ mailFrom: 'Northwind Help <help@northwind.example>', publicUrl: 'https://help.northwind.example' })).toBe('mailto:help@northwind.example');
    expect(vapidSubject({ mailFrom: 'help@northwind.example' })).toBe('mailto:help@northwind.example');
    expect(vapidSubject({ mailFrom: null, publicUrl: 'https://help.northwind.example/console' })).toBe('https://help.northwind.example');
    expect(vapidSubject({ publicUrl: 'http://127.0.0.1:8787' })).toBe(DEFAULT_VAPID_SUBJECT);
    expect(vapidSubject({ publicUrl: 'https://localhost:8443' })).toBe(DEFAULT_VAPID_SUBJECT);
    expect(vapidSubject({})).toBe(DEFAULT_VAPID_SUBJECT);
  });
});
