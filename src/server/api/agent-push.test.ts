import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AgentPushKey, PushNotice } from '../../protocol/push';
import { startOutbox, type Outbox } from '../outbox/outbox';
import { pushChannel } from '../push/channel';
import { startTestPushService, type BrowserSubscription, type TestPushService } from '../push/test-push-service';
import { vapidKeys } from '../push/vapid';
import { createHandoff, eachTestOnAFreshServer, send, signIn, visitorMessage, type StartedServer } from '../testing';

let server: StartedServer;
eachTestOnAFreshServer((s) => (server = s), { push: { allowLoopbackHttp: true, subject: 'mailto:help@shop.example' } });
let pushService: TestPushService;
beforeEach(async () => {
  pushService = await startTestPushService();
});
afterEach(async () => {
  await pushService.close();
});

const subscribe = (cookie: Record<string, string>, b: BrowserSubscription) =>
  send(server.app, 'PUT', '/v1/agent/push', { endpoint: b.endpoint, keys: b.keys, expirationTime: null }, cookie);

/** The outbox with the push channel, as main.ts runs it; quick retries so a test can see them. */
function startPushOutbox(): Outbox {
  const channel = pushChannel({
    store: server.store,
    keys: () => vapidKeys(server.store),
    subject: 'mailto:help@shop.example',
    backoff: { firstMs: 50, maxMs: 200, jitter: 0, giveUpAfterMs: 60_000 },
  });
  return startOutbox({ store: server.store, bus: server.bus, channels: [channel], pollMs: 100, onError: (e) => console.error(e) });
}

describe('GET, PUT and DELETE /v1/agent/push', () => {
  it('gives one VAPID key, made once and kept, and counts the agent’s browsers', async () => {
    const { cookie } = await signIn(server);
    const first = (await (await send(server.app, 'GET', '/v1/agent/push', undefined, cookie)).json()) as AgentPushKey;
    expect(first.publicKey).toMatch(/^B[\w-]{86}$/);
    expect(first.devices).toBe(0);
    // After a restart (and on every instance of one database), the same key.
    await server.close();
    server = { ...server, ...server.reopen() };
    const again = (await (await send(server.app, 'GET', '/v1/agent/push', undefined, cookie)).json()) as AgentPushKey;
    expect(again.publicKey).toBe(first.publicKey);

    const laptop = pushService.subscribe();
    const phone = pushService.subscribe();
    expect(((await (await subscribe(cookie, laptop)).json()) as AgentPushKey).devices).toBe(1);
    expect(((await (await subscribe(cookie, phone)).json()) as AgentPushKey).devices).toBe(2);
    expect(((await (await subscribe(cookie, laptop)).json()) as AgentPushKey).devices).toBe(2); // the same browser again
    const off = await send(server.app, 'DELETE', '/v1/agent/push', { endpoint: laptop.endpoint }, cookie);
    expect(((await off.json()) as AgentPushKey).devices).toBe(1);
  });

  it('refuses a bad subscription naming the field, an https-less endpoint unless loopback is allowed, and strangers', async () => {
    const { cookie } = await signIn(server);
    const b = pushService.subscribe();
    const bad = await send(server.app, 'PUT', '/v1/agent/push', { endpoint: b.endpoint, keys: { p256dh: 'short', auth: b.keys.auth } }, cookie);
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ path: 'keys.p256dh', error: expect.stringMatching(/65 bytes/) });
    const http = await send(server.app, 'PUT', '/v1/agent/push', { endpoint: 'http://push.example.com/x', keys: b.keys }, cookie);
    expect(await http.json()).toMatchObject({ path: 'endpoint', error: 'endpoint must be an https URL, got http' });
    expect((await send(server.app, 'GET', '/v1/agent/push')).status).toBe(401);
    expect((await send(server.app, 'PUT', '/v1/agent/push', { endpoint: b.endpoint, keys: b.keys })).status).toBe(401);
  });
});

describe('browser notifications, from the event log to the browser', () => {
  it('tells every subscribed agent of a new chat, and the agent who has it of the visitor’s messages, signed and encrypted', async () => {
    const ada = await signIn(server);
    const bob = await signIn(server, 'bob@example.com', 'correct horse', 'Bob');
    const adaLaptop = pushService.subscribe();
    const adaPhone = pushService.subscribe();
    const bobLaptop = pushService.subscribe();
    for (const [who, b] of [[ada, adaLaptop], [ada, adaPhone], [bob, bobLaptop]] as const) expect((await subscribe(who.cookie, b)).status).toBe(200);
    const outbox = startPushOutbox();
    try {
      await everythingTold(outbox, ada, bob, { adaLaptop, adaPhone, bobLaptop });
    } finally {
      await outbox.stop();
    }
  });
});

/** The rest of the test above: what the push service receives, through the outbox, as it happens. */
async function everythingTold(
  outbox: Outbox,
  ada: { agentId: string },
  bob: { cookie: Record<string, string> },
  { adaLaptop, adaPhone, bobLaptop }: Record<'adaLaptop' | 'adaPhone' | 'bobLaptop', BrowserSubscription>,
): Promise<void> {
  const h = await createHandoff(server.app);
  const news = await pushService.waitFor(3);
  expect(new Set(news.map((n) => n.subscriptionId))).toEqual(new Set([adaLaptop.id, adaPhone.id, bobLaptop.id]));
  const { publicKey } = await vapidKeys(server.store);
  for (const n of news) {
    expect(JSON.parse(n.text)).toEqual({
      v: 1,
      kind: 'handoff',
      handoffId: h.id,
      ref: h.ref,
      channel: 'chat',
      visitorName: 'Ada Lovelace',
      question: 'refund late',
      callbackAt: null,
    } satisfies PushNotice);
    expect(n).toMatchObject({ ttl: '900', urgency: 'high', vapidKey: publicKey, claims: { aud: pushService.origin, sub: 'mailto:help@shop.example' } });
  }

  // Bob takes it; the visitor writes: only Bob's browser hears.
  expect((await send(server.app, 'POST', `/v1/agent/handoffs/${h.id}/claim`, {}, bob.cookie)).status).toBe(200);
  expect((await visitorMessage(server.app, h, 'My order 1234 never came.')).status).toBe(201);
  const [, , , told] = await pushService.waitFor(4);
  expect(told!.subscriptionId).toBe(bobLaptop.id);
  expect(JSON.parse(told!.text)).toEqual({ v: 1, kind: 'message', handoffId: h.id, ref: h.ref, visitorName: 'Ada Lovelace', text: 'My order 1234 never came.' });
  expect(pushService.received).toHaveLength(4);
  expect(await server.store.pushSubscriptions(ada.agentId)).toHaveLength(2);

  // A second new chat: Ada's phone was unsubscribed meanwhile, and its push service answers
  // 410: it is removed (not tried again). Bob's push service is down for one request (500): his
  // browser is tried again, and told. Ada's laptop is told at once.
  pushService.answerOnce(adaPhone.id, 410);
  pushService.answerOnce(bobLaptop.id, 500);
  const second = await createHandoff(server.app);
  expect((await pushService.waitFor(6)).slice(4).map((n) => n.subscriptionId).sort()).toEqual([adaLaptop.id, bobLaptop.id].sort());
  expect((await server.store.pushSubscriptions(ada.agentId)).map((s) => s.endpoint)).toEqual([adaLaptop.endpoint]);
  await outbox.idle();
  const jobs = (await server.store.listJobs({ kind: 'push', limit: 50 })).filter((j) => (j.payload as { notice: { handoffId: string } }).notice.handoffId === second.id);
  const of = (b: BrowserSubscription) => jobs.find((j) => (j.payload as { endpoint?: string }).endpoint === b.endpoint);
  expect(of(adaPhone)).toMatchObject({ status: 'done', attempts: 1 });
  expect(of(bobLaptop)).toMatchObject({ status: 'done', attempts: 2, lastError: expect.stringMatching(/answered 500/) });
  expect(of(adaLaptop)).toMatchObject({ status: 'done', attempts: 1, lastError: null });
  expect(pushService.refused).toEqual([]);
}
