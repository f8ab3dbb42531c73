import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { ALWAYS_OPEN } from '../../../hours';
import { createApp } from '../../app';
import { createHandoff, NO_LIMITS, readSse, send, signIn, visitorMessage } from '../../testing';
import { createPool } from './connect';
import { migrate } from './migrations';
import { postgresShared } from './shared';
import { createPostgresStore } from './store';
import { describeWithPostgres } from './testing';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const SECRET = 's'.repeat(43);

/** One instance on the database: its own pool, PostgreSQL store and shared bus and presence. */
async function instance(url: string) {
  const pool = createPool(url, { max: 4 });
  const store = createPostgresStore(pool);
  const shared = postgresShared(pool, { bus: { onError: () => undefined } });
  const dir = await mkdtemp(join(tmpdir(), 'lifeline-replay-'));
  const app = createApp({
    distDir: dir,
    demoDir: dir,
    store,
    bus: shared.bus,
    presence: shared.presence,
    secret: SECRET,
    rateLimits: NO_LIMITS,
    hours: { schedule: ALWAYS_OPEN, zone: 'UTC' },
  });
  cleanups.push(async () => {
    await shared.end();
    await store.close();
    await pool.end().catch(() => undefined);
    await rm(dir, { recursive: true, force: true });
  });
  await shared.ready;
  return { app, store };
}

async function migrated(url: string): Promise<string> {
  const pool = createPool(url, { max: 1 });
  await migrate(pool);
  await pool.end();
  return url;
}

describeWithPostgres('the agents’ stream on several instances', (postgres) => {
  it('resumes on instance B from the Last-Event-ID instance A sent: exactly what was missed, then live', async () => {
    const url = await migrated(await postgres.newDatabase());
    const a = await instance(url);
    const b = await instance(url);
    const { cookie } = await signIn(a);
    const stored = (e: { id?: string }) => e.id !== undefined;

    const reading = readSse(await send(a.app, 'GET', '/v1/agent/events', undefined, cookie), 2, { keep: stored });
    await new Promise((resolve) => setTimeout(resolve, 20));
    const h = await createHandoff(a.app);
    await visitorMessage(a.app, h, 'seen');
    const seen = await reading;
    const lastId = Number(seen[1]!.id);

    await visitorMessage(b.app, h, 'missed one');
    await visitorMessage(a.app, h, 'missed two');

    const again = readSse(await send(b.app, 'GET', '/v1/agent/events', undefined, { ...cookie, 'last-event-id': String(lastId) }), 3, { keep: stored });
    await new Promise((resolve) => setTimeout(resolve, 20));
    await visitorMessage(a.app, h, 'live');
    const got = await again;
    expect(got.map((e) => (e.data as { message: { text: string } }).message.text)).toEqual(['missed one', 'missed two', 'live']);
    const ids = got.map((e) => Number(e.id));
    expect(ids[0]).toBeGreaterThan(lastId);
    expect([...ids].sort((x, y) => x - y)).toEqual(ids);
  });

  it('tells a visitor streaming from instance B their new place when a handoff ahead is claimed on A (each instance tells its own streams)', async () => {
    const url = await migrated(await postgres.newDatabase());
    const a = await instance(url);
    const b = await instance(url);
    const first = await createHandoff(a.app);
    const second = await createHandoff(b.app);
    const positions = (e: { event?: string; id?: string; data?: unknown }) =>
      e.event === 'status' && e.id === undefined && (e.data as { status: string }).status === 'queued';
    const hearing = readSse(await send(b.app, 'GET', `/v1/handoffs/${second.id}/events`, undefined, { authorization: `Bearer ${second.token}` }), 1, {
      keep: positions,
      timeoutMs: 10_000,
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const { cookie } = await signIn(a);
    expect((await send(a.app, 'POST', `/v1/agent/handoffs/${first.id}/claim`, {}, cookie)).status).toBe(200);
    const [told] = await hearing;
    expect(told!.data).toMatchObject({ status: 'queued', position: 1 });
  });
});
