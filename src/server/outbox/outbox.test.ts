/**
 * The outbox against real stores: a SQLite file (restart, retries) and a real PostgreSQL (two
 * instances side by side, a worker that died holding a job). Nothing is mocked but the channel,
 * which records what it was asked to run.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBus } from '../bus';
import { serviceOver } from '../service/over-store';
import type { BusMessage } from '../service/publish';
import { createPool } from '../store/postgres/connect';
import { migrate } from '../store/postgres/migrations';
import { createPostgresStore } from '../store/postgres/store';
import { describeWithPostgres } from '../store/postgres/testing';
import { openSqliteStore } from '../store/sqlite';
import type { Store } from '../store/types';
import { backoff } from './backoff';
import { startOutbox, type Outbox } from './outbox';
import type { JobOutcome, OutboxChannel, OutboxJob } from './types';

/** A channel planning one job per new handoff; `run` decides each try's outcome. */
function recorder(run: (job: OutboxJob, tries: number) => Promise<JobOutcome> | JobOutcome = () => ({ ok: true })) {
  const runs: Array<{ key: string; attempts: number; at: number }> = [];
  const channel: OutboxChannel = {
    kind: 'test',
    plan: (e) => (e.event.type === 'status' && e.seq === 1 ? [{ kind: 'test', key: `new:${e.handoffId}`, payload: { handoffId: e.handoffId }, dueAt: e.at }] : []),
    async run(job) {
      runs.push({ key: job.key, attempts: job.attempts, at: Date.now() });
      return run(job, runs.filter((r) => r.key === job.key).length);
    },
    retryAfter: (attempts) => backoff({ firstMs: 100, maxMs: 1_000, jitter: 0, maxAttempts: 5 }, attempts),
  };
  return { channel, runs };
}

const newHandoff = async (store: Store, bus = createBus<BusMessage>()) => {
  const r = await serviceOver(store, { bus }).create({
    clientId: crypto.randomUUID(),
    channel: 'chat',
    visitor: null,
    callback: null,
    context: null,
    transcript: [],
  });
  if (!r.ok) throw new Error(r.reason);
  return r.handoff;
};

/** What the outboxes of a test told of; most tests expect nothing. */
let told: string[] = [];
const quiet = (error: Error) => void told.push(error.message);
beforeEach(() => {
  told = [];
});
afterEach(() => {
  // A test that expects some says so and clears them.
  expect(told).toEqual([]);
});

describe('outbox on SQLite', () => {
  let dir: string;
  let store: Store;
  const outboxes: Outbox[] = [];
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'lifeline-outbox-'));
    store = openSqliteStore(join(dir, 'lifeline.db'));
  });
  afterEach(async () => {
    for (const o of outboxes.splice(0)) await o.stop();
    await store.close();
    await rm(dir, { recursive: true, force: true });
  });
  const start = (channel: OutboxChannel, bus?: ReturnType<typeof createBus<BusMessage>>, s = store) => {
    const o = startOutbox({ store: s, channels: [channel], ...(bus && { bus }), pollMs: 60_000, onError: quiet });
    outboxes.push(o);
    return o;
  };

  it('runs the job an event calls for as soon as the bus tells of the event', async () => {
    const bus = createBus<BusMessage>();
    const { channel, runs } = recorder();
    const outbox = start(channel, bus);
    await outbox.idle();
    // pollMs is a minute: only the bus can have woken it.
    const h = await newHandoff(store, bus);
    await expect.poll(async () => (await store.findJob('test', `new:${h.id}`))?.status).toBe('done');
    expect(runs).toEqual([expect.objectContaining({ key: `new:${h.id}`, attempts: 1 })]);
    await outbox.stop();
    expect(bus.size).toBe(0);
  });

  it('plans nothing for a channel with nobody to deliver to, and plans again once there is someone', async () => {
    const bus = createBus<BusMessage>();
    const { channel, runs } = recorder();
    let wanted = false;
    const outbox = start({ ...channel, wanted: async () => wanted }, bus);
    await outbox.idle();
    const before = await newHandoff(store, bus);
    await outbox.idle();
    expect(await store.findJob('test', `new:${before.id}`)).toBeNull();
    wanted = true;
    const after = await newHandoff(store, bus);
    await expect.poll(async () => (await store.findJob('test', `new:${after.id}`))?.status).toBe('done');
    expect(runs.map((r) => r.key)).toEqual([`new:${after.id}`]);
  });

  it('keeps a job that could not be done across a restart, and does it once after', async () => {
    const down = recorder(() => ({ ok: false, error: 'connection refused', retry: true }));
    down.channel.retryAfter = () => 300;
    const first = start(down.channel);
    const h = await newHandoff(store);
    first.wake();
    await expect.poll(async () => (await store.findJob('test', `new:${h.id}`))?.lastError).toBe('connection refused');
    await first.stop();
    await store.close();

    store = openSqliteStore(join(dir, 'lifeline.db'));
    const up = recorder();
    start(up.channel).wake();
    await expect.poll(async () => (await store.findJob('test', `new:${h.id}`))?.status).toBe('done');
    expect(up.runs.map((r) => r.key)).toEqual([`new:${h.id}`]);
    // The event was planned once: the cursor came through the restart too.
    expect(await store.listJobs({ kind: 'test', limit: 10 })).toHaveLength(1);
    expect((await store.findJob('test', `new:${h.id}`))!.attempts).toBeGreaterThanOrEqual(2);
  });

  it('tries a failing job again after a growing pause, then records it done with the last error', async () => {
    const { channel, runs } = recorder((_job, tries) => (tries < 3 ? { ok: false, error: `451 try ${tries}`, retry: true } : { ok: true }));
    const outbox = start(channel);
    const h = await newHandoff(store);
    outbox.wake();
    await expect.poll(async () => (await store.findJob('test', `new:${h.id}`))?.status, { timeout: 5_000 }).toBe('done');
    expect(runs.map((r) => r.attempts)).toEqual([1, 2, 3]);
    // Never before its time: 100 ms after the first failure, 200 after the second.
    expect(runs[1]!.at - runs[0]!.at).toBeGreaterThanOrEqual(100);
    expect(runs[2]!.at - runs[1]!.at).toBeGreaterThanOrEqual(200);
    expect(await store.findJob('test', `new:${h.id}`)).toMatchObject({ attempts: 3, lastError: '451 try 2' });
  });

  it('gives up after the channel says so, and fails at once what cannot succeed', async () => {
    const { channel } = recorder((job) => (job.key.endsWith('never') ? { ok: false, error: 'bad address', retry: false } : { ok: false, error: 'down', retry: true }));
    channel.retryAfter = (attempts) => (attempts < 2 ? 10 : null);
    const outbox = start(channel);
    await store.transaction((tx) => tx.insertJobs([{ kind: 'test', key: 'never', payload: null, dueAt: new Date().toISOString() }], new Date().toISOString()));
    const h = await newHandoff(store);
    outbox.wake();
    await expect.poll(async () => (await store.findJob('test', `new:${h.id}`))?.status).toBe('failed');
    expect(await store.findJob('test', `new:${h.id}`)).toMatchObject({ attempts: 2, lastError: 'down (gave up after 2 tries)' });
    expect(await store.findJob('test', 'never')).toMatchObject({ status: 'failed', attempts: 1, lastError: 'bad address' });
    expect(told.sort()).toEqual([`test new:${h.id} failed for good: down (gave up after 2 tries)`, 'test never failed for good: bad address'].sort());
    told = [];
  });

  it('puts a job off when the channel says later, without counting a try', async () => {
    const { channel, runs } = recorder((_job, tries) => (tries === 1 ? { later: new Date(Date.now() + 150).toISOString() } : { ok: true }));
    const outbox = start(channel);
    const h = await newHandoff(store);
    outbox.wake();
    await expect.poll(async () => (await store.findJob('test', `new:${h.id}`))?.status).toBe('done');
    expect(runs.map((r) => r.attempts)).toEqual([1, 1]);
    expect(runs[1]!.at - runs[0]!.at).toBeGreaterThanOrEqual(150);
  });

  it('forgets done jobs once they are older than keepMs, at start and hourly', async () => {
    const { channel } = recorder();
    const first = start(channel);
    const h = await newHandoff(store);
    first.wake();
    await expect.poll(async () => (await store.findJob('test', `new:${h.id}`))?.status).toBe('done');
    await first.stop();
    const keeping = startOutbox({ store, channels: [channel], pollMs: 60_000, keepMs: 60_000, onError: quiet });
    await keeping.idle();
    await keeping.stop();
    expect(await store.findJob('test', `new:${h.id}`)).not.toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 5));
    outboxes.push(startOutbox({ store, channels: [channel], pollMs: 60_000, keepMs: 1, onError: quiet }));
    await expect.poll(() => store.findJob('test', `new:${h.id}`)).toBeNull();
  });

  it('runs no more jobs at once than its concurrency, and lets them finish on stop', async () => {
    let now = 0;
    let most = 0;
    const { channel } = recorder(async () => {
      most = Math.max(most, ++now);
      await new Promise((resolve) => setTimeout(resolve, 30));
      now--;
      return { ok: true };
    });
    const outbox = startOutbox({ store, channels: [channel], concurrency: 2, pollMs: 60_000, onError: quiet });
    for (let i = 0; i < 6; i++) await newHandoff(store);
    outbox.wake();
    await expect.poll(async () => (await store.listJobs({ kind: 'test', status: 'done', limit: 10 })).length).toBe(6);
    await outbox.stop();
    expect(most).toBe(2);
  });
});

describeWithPostgres('outbox on PostgreSQL', (pg) => {
  let url: string;
  const stores: Store[] = [];
  const outboxes: Outbox[] = [];
  beforeEach(async () => {
    url = await pg.newDatabase();
    const setup = createPool(url, { max: 1 });
    await migrate(setup);
    await setup.end();
  });
  afterEach(async () => {
    for (const o of outboxes.splice(0)) await o.stop();
    for (const s of stores.splice(0)) await s.close();
  });
  const open = () => {
    const s = createPostgresStore(createPool(url, { max: 4 }));
    stores.push(s);
    return s;
  };

  it('never runs one job twice with two instances on one database', async () => {
    const a = open();
    const b = open();
    const { channel, runs } = recorder(async () => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      return { ok: true };
    });
    for (const s of [a, b]) outboxes.push(startOutbox({ store: s, channels: [channel], pollMs: 50, concurrency: 3, onError: quiet }));
    const made = [];
    for (let i = 0; i < 30; i++) made.push(await newHandoff(i % 2 ? a : b));
    await expect.poll(async () => (await a.listJobs({ kind: 'test', status: 'done', limit: 100 })).length, { timeout: 10_000 }).toBe(30);
    expect(runs.map((r) => r.key).sort()).toEqual(made.map((h) => `new:${h.id}`).sort());
  });

  it('takes again, after its lease, a job whose worker died while running it', async () => {
    const a = open();
    const h = await newHandoff(a);
    const { channel, runs } = recorder();
    // The dead instance planned the job and leased it for half a second, then was killed.
    const { dispatch } = await import('./dispatch');
    await dispatch(a, [channel], { batch: 10, now: Date.now, onError: quiet });
    const t = Date.now();
    const [held] = await a.claimJobs(['test'], 'killed', new Date(t).toISOString(), new Date(t + 500).toISOString(), 10);
    expect(held!.key).toBe(`new:${h.id}`);

    const b = open();
    outboxes.push(startOutbox({ store: b, channels: [channel], pollMs: 100, onError: quiet }));
    await expect.poll(async () => (await b.findJob('test', held!.key))?.status, { timeout: 5_000 }).toBe('done');
    expect(runs).toEqual([expect.objectContaining({ key: held!.key, attempts: 2 })]);
    expect(runs[0]!.at).toBeGreaterThanOrEqual(t + 500);
    expect(await a.finishJob(held!.id, 'killed', { status: 'failed', at: new Date().toISOString(), error: 'late' })).toBe(false);
  });
});
