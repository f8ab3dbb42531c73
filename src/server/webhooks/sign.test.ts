import { randomBytes } from 'node:crypto';
import { Webhook, WebhookVerificationError } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import { parseWebhookSecret, signWebhook } from './sign';

const secretOf = (bytes: number): string => `whsec_${randomBytes(bytes).toString('base64')}`;
const keyOf = (secret: string): Buffer => {
  const parsed = parseWebhookSecret(secret);
  if (!parsed.ok) throw new Error(parsed.problem);
  return parsed.key;
};

describe('parseWebhookSecret', () => {
  it('takes whsec_ and the base64 of 24 to 64 bytes', () => {
    for (const n of [24, 32, 64]) expect(keyOf(secretOf(n)).length).toBe(n);
  });

  it('names what is wrong', () => {
    expect(parseWebhookSecret(randomBytes(32).toString('base64'))).toEqual({ ok: false, problem: 'must start with "whsec_"' });
    expect(parseWebhookSecret(secretOf(16))).toMatchObject({ ok: false, problem: expect.stringContaining('24 to 64 random bytes, this one holds 16') });
    expect(parseWebhookSecret(secretOf(65))).toMatchObject({ ok: false, problem: expect.stringContaining('this one holds 65') });
    expect(parseWebhookSecret('whsec_not base64 at all!!!!!!!!!!!!!!!!')).toMatchObject({ ok: false, problem: expect.stringContaining('standard base64') });
    // base64url is not what the spec's libraries decode
    expect(parseWebhookSecret(`whsec_${Buffer.alloc(33, 0xfb).toString('base64url')}`)).toMatchObject({ ok: false });
    expect(parseWebhookSecret('whsec_')).toMatchObject({ ok: false });
  });
});

describe('signWebhook', () => {
  it('is verified by the standardwebhooks library, for any body', () => {
    const secret = secretOf(32);
    const key = keyOf(secret);
    for (const body of ['{"type":"handoff.created"}', JSON.stringify({ text: 'Größe 💥 "quotes" \n' }), '']) {
      const headers = signWebhook(key, 'evt_1_handoff_created', Date.now(), body);
      expect(new Webhook(secret).verify(body, { ...headers }, { jsonParse: false })).toBeUndefined();
    }
  });

  it('matches the reference signature exactly', () => {
    const secret = secretOf(24);
    const at = Date.UTC(2026, 11, 5, 6, 0, 0, 900);
    const headers = signWebhook(keyOf(secret), 'msg_x', at, '{"a":1}');
    expect(headers['webhook-timestamp']).toBe(String(Math.floor(at / 1000)));
    expect(headers['webhook-signature']).toBe(new Webhook(secret).sign('msg_x', new Date(at), '{"a":1}'));
  });

  it('fails verification when the body, the id or the secret differ', () => {
    const secret = secretOf(32);
    const headers = signWebhook(keyOf(secret), 'evt_2', Date.now(), '{"a":1}');
    const verify = (body: string, h: Record<string, string>, s = secret) => () => new Webhook(s).verify(body, h);
    expect(verify('{"a":2}', { ...headers })).toThrow(WebhookVerificationError);
    expect(verify('{"a":1}', { ...headers, 'webhook-id': 'evt_3' })).toThrow(WebhookVerificationError);
    expect(verify('{"a":1}', { ...headers }, secretOf(32))).toThrow(WebhookVerificationError);
  });
});
