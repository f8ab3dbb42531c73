/**
 * Webhooks with two instances on one real PostgreSQL: each runs the outbox with the webhook
 * channel, and every event still reaches the receiver once (verified by `standardwebhooks`),
 * whichever instance plans and sends it; a 500 is tried again by either, with the same id.
 */
import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { startOutbox, type Outbox } from '../outbox/outbox';
import { serviceOver } from '../service/over-store';
import { createPool } from '../store/postgres/connect';
import { migrate } from '../store/postgres/migrations';
import { createPostgresStore } from '../store/postgres/store';
import { describeWithPostgres } from '../store/postgres/testing';
import type { Store } from '../store/types';
import { webhookChannel, WEBHOOK_KIND } from './channel';
import { parseWebhookSecret } from './sign';
import { startTestReceiver, type TestReceiver } from './testing';

const SECRET = `whsec_${randomBytes(32).toString('base64')}`;
const parsed = parseWebhookSecret(SECRET);
if (!parsed.ok) throw new Error(parsed.problem);

describeWithPostgres('webhooks on PostgreSQL', (pg) => {
  let url: string;
  const stores: Store[] = [];
  const outboxes: Outbox[] = [];
  let receiver: TestReceiver | null = null;
  beforeEach(async () => {
    url = await pg.newDatabase();
    const setup = createPool(url, { max: 1 });
    await migrate(setup);
    await setup.end();
  });
  afterEach(async () => {
    for (const o of outboxes.splice(0)) await o.stop();
    for (const s of stores.splice(0)) await s.close();
    await receiver?.close();
    receiver = null;
  });
  const instance = (hookUrl: string): Store => {
    const store = createPostgresStore(createPool(url, { max: 4 }));
    stores.push(store);
    // No shared bus here: each instance looks every 50 ms, as it would for another instance's events.
    const channel = webhookChannel({ url: hookUrl, key: parsed.key, publicOrigin: null });
    outboxes.push(startOutbox({ store, channels: [channel], pollMs: 50, onError: (e) => { throw e; } }));
    return store;
  };

  it('sends every event once from either of two instances, and retries a 500 with the same id', async () => {
    receiver = await startTestReceiver(SECRET);
    receiver.respond(({ type, seenBefore }) => (type === 'handoff.created' && seenBefore === 0 ? 500 : 204));
    const a = instance(receiver.url);
    const b = instance(receiver.url);
    const created = [];
    for (let i = 0; i < 5; i++) {
      const r = await serviceOver(i % 2 ? a : b).create({ clientId: crypto.randomUUID(), channel: 'chat', visitor: null, callback: null, context: null, transcript: [] });
      if (!r.ok) throw new Error(r.reason);
      created.push(r.handoff.id);
    }
    // Each handoff.created: refused once, then taken after its 5 s pause (by whichever instance).
    for (const id of created) await receiver.waitFor((w) => w.event.type === 'handoff.created' && w.event.data.handoff.id === id && w.answered === 204);
    expect(receiver.rejected).toEqual([]);
    const byId = new Map<string, number[]>();
    for (const w of receiver.received) byId.set(w.id, [...(byId.get(w.id) ?? []), w.answered as number]);
    expect([...byId.values()]).toEqual(created.map(() => [500, 204]));
    for (const o of outboxes) await o.idle();
    const jobs = await a.listJobs({ kind: WEBHOOK_KIND, limit: 50 });
    expect(jobs.map((j) => [j.status, j.attempts])).toEqual(created.map(() => ['done', 2]));
  }, 30_000);
});
