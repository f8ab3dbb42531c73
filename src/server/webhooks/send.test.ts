import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { sendWebhook } from './send';
import { parseWebhookSecret } from './sign';
import { startTestReceiver, type TestReceiver } from './testing';

const secret = `whsec_${randomBytes(32).toString('base64')}`;
const parsed = parseWebhookSecret(secret);
if (!parsed.ok) throw new Error(parsed.problem);
const key = parsed.key;
const body = JSON.stringify({ type: 'handoff.created', timestamp: '2026-12-05T06:00:00.000Z', data: { handoff: { id: 'h1' }, transcript: [] } });

let receiver: TestReceiver | undefined;
afterEach(async () => {
  await receiver?.close();
  receiver = undefined;
});

describe('sendWebhook against a real receiver', () => {
  it('is delivered on a 2xx, signed so that standardwebhooks verifies it', async () => {
    receiver = await startTestReceiver(secret);
    const result = await sendWebhook({ url: receiver.url, key, id: 'evt_1_handoff_created', body, now: Date.now() });
    expect(result).toEqual({ ok: true, status: 204 });
    expect(receiver.rejected).toEqual([]);
    expect(receiver.received).toMatchObject([{ id: 'evt_1_handoff_created', event: { type: 'handoff.created', data: { handoff: { id: 'h1' } } } }]);
  });

  it('fails on a 500 with the status and the start of the answer, and a second try carries the same id', async () => {
    receiver = await startTestReceiver(secret);
    receiver.answer([500]);
    const first = await sendWebhook({ url: receiver.url, key, id: 'evt_2_message_created', body, now: Date.now() });
    expect(first).toEqual({ ok: false, status: 500, error: 'Answered 500 Internal Server Error: receiver says no' });
    const second = await sendWebhook({ url: receiver.url, key, id: 'evt_2_message_created', body, now: Date.now() + 1000 });
    expect(second).toEqual({ ok: true, status: 204 });
    expect(receiver.received.map((r) => [r.id, r.answered])).toEqual([['evt_2_message_created', 500], ['evt_2_message_created', 204]]);
    expect(receiver.rejected).toEqual([]);
  });

  it('gives up on a receiver that never answers after the timeout', async () => {
    receiver = await startTestReceiver(secret);
    receiver.answer([], 'nothing');
    const result = await sendWebhook({ url: receiver.url, key, id: 'evt_3', body, now: Date.now(), timeoutMs: 300 });
    expect(result).toEqual({ ok: false, status: null, error: 'No answer within 300 ms' });
    expect(receiver.received).toHaveLength(1); // it did arrive; the answer never came
  });

  it('counts a redirect as not delivered, and says why a receiver cannot be reached', async () => {
    receiver = await startTestReceiver(secret);
    receiver.answer([301]);
    expect(await sendWebhook({ url: receiver.url, key, id: 'evt_4', body, now: Date.now() })).toMatchObject({ ok: false, status: 301 });
    const url = receiver.url;
    await receiver.close();
    receiver = undefined;
    const refused = await sendWebhook({ url, key, id: 'evt_4', body, now: Date.now() });
    expect(refused).toMatchObject({ ok: false, status: null, error: expect.stringMatching(/^Could not reach it: .*ECONNREFUSED/) });
  });

  it("shows a proxy's HTML error page as its words, cut short", async () => {
    const page = `<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center>${'<p>x</p>'.repeat(500)}</body></html>`;
    const proxy = createServer((_req, res) => res.writeHead(502, { 'content-type': 'text/html' }).end(page));
    proxy.listen(0, '127.0.0.1');
    await new Promise((resolve) => proxy.once('listening', resolve));
    try {
      const url = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}/`;
      const result = await sendWebhook({ url, key, id: 'evt_5', body, now: Date.now() });
      expect(result).toMatchObject({ ok: false, status: 502, error: expect.stringMatching(/^Answered 502 Bad Gateway: 502 Bad Gateway 502 Bad Gateway nginx x x/) });
      if (!result.ok) expect(result.error.length).toBeLessThan(260);
    } finally {
      proxy.closeAllConnections();
      await new Promise((resolve) => proxy.close(resolve));
    }
  });
});
