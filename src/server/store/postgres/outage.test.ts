import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { ALWAYS_OPEN } from '../../../hours';
import { createApp } from '../../app';
import { createBus } from '../../bus';
import type { BusMessage } from '../../service/publish';
import { handoffBody, NO_LIMITS, send } from '../../testing';
import { createPool } from './connect';
import { migrate } from './migrations';
import { createPostgresStore } from './store';
import { describeWithPostgres } from './testing';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describeWithPostgres('a server whose PostgreSQL goes away and comes back', (postgres) => {
  it('answers 503 with Retry-After while the database is down, and 200 again once it is back, by itself', async () => {
    const url = await postgres.newDatabase();
    const pool = createPool(url, { max: 4, connectTimeoutMs: 2_000, onIdleError: () => undefined });
    await migrate(pool);
    const store = createPostgresStore(pool);
    const bus = createBus<BusMessage>();
    const dir = await mkdtemp(join(tmpdir(), 'lifeline-outage-'));
    cleanups.push(async () => {
      bus.close();
      await store.close();
      await pool.end().catch(() => undefined);
      await rm(dir, { recursive: true, force: true });
    });
    const app = createApp({ distDir: dir, demoDir: dir, store, bus, secret: 's'.repeat(43), rateLimits: NO_LIMITS, hours: { schedule: ALWAYS_OPEN, zone: 'UTC' } });
    const create = () => send(app, 'POST', '/v1/handoffs', handoffBody());

    expect((await create()).status).toBe(201); // the pool holds a connection to the live server

    await postgres.cluster().halt();
    let resumed = false;
    try {
      const during = await create();
      expect(during.status).toBe(503);
      expect(during.headers.get('retry-after')).toBe('2');
      expect(await during.json()).toEqual({ code: 'unavailable', error: 'The database cannot be reached right now; try again in a moment.' });
      const status = await send(app, 'GET', '/v1/status');
      expect([200, 503]).toContain(status.status); // it may answer from memory; never a 500
    } finally {
      await postgres.cluster().resume();
      resumed = true;
    }
    expect(resumed).toBe(true);
    const after = await create();
    expect(after.status).toBe(201);

    // A restart cuts every pooled connection: the next requests open new ones by themselves.
    await postgres.cluster().restart();
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await create()).status);
    expect(statuses.filter((s) => s !== 201 && s !== 503)).toEqual([]); // never a 500
    expect(statuses.at(-1)).toBe(201);
  });
});
