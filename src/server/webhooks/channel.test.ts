/**
 * The webhook channel in the real outbox, on a real SQLite file, against a real receiver that
 * verifies every signature with the `standardwebhooks` package: a 500 tried again with the same
 * webhook-id, a receiver that never answers given up on after the (injected) timeout, 24 hours
 * of failures failed for good, and the console's list of deliveries telling each.
 */
import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { AgentWebhooks } from '../api/agent-types';
import { startOutbox, type Outbox } from '../outbox/outbox';
import { createHandoff, eachTestOnAFreshServer, send, signIn, startTestServer, visitorMessage, type StartedServer } from '../testing';
import { RETRY_FOR_MS } from './backoff';
import { webhookChannel, WEBHOOK_KIND } from './channel';
import { parseWebhookSecret } from './sign';
import { startTestReceiver, type TestReceiver } from './testing';

const SECRET = `whsec_${randomBytes(32).toString('base64')}`;
const parsed = parseWebhookSecret(SECRET);
if (!parsed.ok) throw new Error(parsed.problem);
const KEY = parsed.key;

/** The outbox's clock: the real time (receivers check the signed timestamp) moved on by the test. */
const clock = { offset: 0, now: () => Date.now() + clock.offset };

let server: StartedServer;
let receiver: TestReceiver | null = null;
let outbox: Outbox | null = null;
eachTestOnAFreshServer((s) => (server = s));
afterEach(async () => {
  await outbox?.stop();
  await receiver?.close();
  outbox = receiver = null;
  clock.offset = 0;
});

function startWebhooks(url: string, timeoutMs = 10_000): Outbox {
  const channel = webhookChannel({ url, key: KEY, publicOrigin: 'https://help.example.com', now: clock.now, timeoutMs });
  // pollMs of a minute: only the bus (a stored event) and wake() below set it going.
  outbox = startOutbox({ store: server.store, bus: server.bus, channels: [channel], now: clock.now, pollMs: 60_000, onError: (e) => { throw e; } });
  return outbox;
}

const deliveries = async (): Promise<AgentWebhooks> => {
  const { cookie } = await signIn(server);
  const res = await send(server.app, 'GET', '/v1/agent/webhooks', undefined, cookie);
  expect(res.status).toBe(200);
  return (await res.json()) as AgentWebhooks;
};

/** Moves the outbox's clock to the next job's due time and lets it run. */
async function runNextTry(o: Outbox): Promise<void> {
  const next = await server.store.nextJobAt([WEBHOOK_KIND]);
  if (next === null) throw new Error('no job waits');
  clock.offset += Math.max(0, Date.parse(next) - clock.now());
  o.wake();
  await o.idle();
}

describe('the webhook channel in the outbox', () => {
  it('delivers every event signed; a 500 is tried again after 5 s with the same id and body', async () => {
    receiver = await startTestReceiver(SECRET);
    receiver.respond(({ type, seenBefore }) => (type === 'handoff.created' && seenBefore === 0 ? 500 : 204));
    const o = startWebhooks(receiver.url);
    const h = await createHandoff(server.app);
    expect((await visitorMessage(server.app, h, 'Hello?')).status).toBe(201);

    const refused = await receiver.waitFor((w) => w.event.type === 'handoff.created');
    await receiver.waitFor((w) => w.event.type === 'message.created');
    await o.idle();
    expect(refused.answered).toBe(500);
    const waiting = await server.store.findJob(WEBHOOK_KIND, refused.id);
    expect(waiting).toMatchObject({ status: 'pending', attempts: 1, lastError: 'Answered 500 Internal Server Error: receiver says no' });
    expect(Date.parse(waiting!.dueAt) - Date.parse(waiting!.updatedAt)).toBe(5_000);
    let view = await deliveries();
    expect(view.endpoint).toBeNull(); // this app was not told LIFELINE_WEBHOOK_URL: only the jobs are listed
    expect(view.failing).toEqual([expect.objectContaining({ id: refused.id, type: 'handoff.created', status: 'retrying', attempts: 1, nextTryAt: waiting!.dueAt })]);

    await runNextTry(o);
    const tries = receiver.received.filter((w) => w.id === refused.id);
    expect(tries.map((w) => w.answered)).toEqual([500, 204]);
    expect(tries[1]!.event).toEqual(tries[0]!.event);
    expect(Number(tries[1]!.timestamp) - Number(tries[0]!.timestamp)).toBeGreaterThanOrEqual(4); // signed anew at its own time
    expect(receiver.rejected).toEqual([]);
    expect(tries[0]!.event).toMatchObject({ type: 'handoff.created', data: { handoff: { id: h.id, ref: h.ref }, transcript: expect.any(Array) } });

    view = await deliveries();
    expect(view.failing).toEqual([]);
    expect(view.recent.map((d) => [d.type, d.status, d.attempts])).toEqual(
      expect.arrayContaining([
        ['handoff.created', 'delivered', 2],
        ['message.created', 'delivered', 1],
      ]),
    );
    expect(view.recent.find((d) => d.type === 'handoff.created')).toMatchObject({ lastError: 'Answered 500 Internal Server Error: receiver says no', handoff: { id: h.id, ref: h.ref } });
  });

  it('gives up on a receiver that never answers after the timeout, and tries it again later', async () => {
    receiver = await startTestReceiver(SECRET);
    receiver.answer([], 'nothing');
    const o = startWebhooks(receiver.url, 300);
    const h = await createHandoff(server.app);
    const first = await receiver.waitFor((w) => w.event.type === 'handoff.created');
    await o.idle();
    expect(await server.store.findJob(WEBHOOK_KIND, first.id)).toMatchObject({ status: 'pending', attempts: 1, lastError: 'No answer within 300 ms' });
    expect((await deliveries()).failing).toEqual([expect.objectContaining({ handoff: { id: h.id, ref: h.ref }, status: 'retrying', lastError: 'No answer within 300 ms' })]);

    receiver.answer([], 204); // back up
    await runNextTry(o);
    expect(await server.store.findJob(WEBHOOK_KIND, first.id)).toMatchObject({ status: 'done', attempts: 2 });
    expect(receiver.received.filter((w) => w.id === first.id)).toHaveLength(2);
  });

  it('keeps trying for 24 hours, then has failed for good', async () => {
    receiver = await startTestReceiver(SECRET);
    const url = receiver.url;
    await receiver.close(); // nothing listens there now
    receiver = null;
    const o = startWebhooks(url);
    await createHandoff(server.app);
    let job = null;
    for (let i = 0; i < 50; i++) {
      await o.idle();
      job = (await server.store.listJobs({ kind: WEBHOOK_KIND, limit: 1 }))[0]!;
      if (job.status === 'failed') break;
      await runNextTry(o);
    }
    expect(job).toMatchObject({ status: 'failed', lastError: expect.stringMatching(/^Could not reach it: .*ECONNREFUSED.*\(gave up after \d+ tries\)$/) });
    // The last try was 24 hours after the first, not before.
    expect(Date.parse(job!.updatedAt) - Date.parse(job!.createdAt)).toBeGreaterThanOrEqual(RETRY_FOR_MS);
    expect(Date.parse(job!.updatedAt) - Date.parse(job!.createdAt)).toBeLessThan(RETRY_FOR_MS + 60_000);
    expect(job!.attempts).toBeGreaterThan(10);
    const view = await deliveries();
    expect(view.failing).toEqual([expect.objectContaining({ type: 'handoff.created', status: 'failed', nextTryAt: null, attempts: job!.attempts })]);
  });

  it('shows agents the receiver without its credentials or query, and nobody else', async () => {
    const other = await startTestServer({ webhookUrl: 'https://lifeline:pw@crm.example.com/hooks/in?token=s3cret' });
    try {
      expect((await send(other.app, 'GET', '/v1/agent/webhooks')).status).toBe(401);
      const { cookie } = await signIn(other);
      const res = await send(other.app, 'GET', '/v1/agent/webhooks', undefined, cookie);
      expect(await res.json()).toEqual({ endpoint: 'https://crm.example.com/hooks/in', failing: [], recent: [] });
    } finally {
      await other.close();
      await other.cleanup();
    }
  });
});
