/**
 * Until when a visitor had an event stream open, on PostgreSQL with two instances: what one
 * instance records the other reads, a stream that moves to another instance keeps the visitor
 * present, and the mark of an instance that dies (its heartbeats stop) runs out.
 */
import type pg from 'pg';
import { afterEach, expect, it, vi } from 'vitest';
import { serviceOver } from '../../service/over-store';
import { createVisitorStreams, type VisitorStreams } from '../../visitor-streams';
import { createPool } from './connect';
import { migrate } from './migrations';
import { createPostgresStore } from './store';
import { describeWithPostgres } from './testing';

const pools: pg.Pool[] = [];
const trackers: VisitorStreams[] = [];
afterEach(async () => {
  await Promise.all(trackers.splice(0).map((t) => t.end()));
  await Promise.all(pools.splice(0).map((pool) => pool.end().catch(() => undefined)));
});

function instance(url: string, ttlMs: number) {
  const pool = createPool(url, { max: 2 });
  pools.push(pool);
  const store = createPostgresStore(pool, { ownsPool: false });
  const streams = createVisitorStreams(store, { ttlMs, onError: () => undefined });
  trackers.push(streams);
  return { pool, store, streams };
}

const soon = { timeout: 10_000, interval: 50 };

describeWithPostgres('visitors’ event streams on PostgreSQL', (postgres) => {
  it('are seen from every instance, follow a visitor to another one, and run out when their instance dies', async () => {
    const url = await postgres.newDatabase();
    const setup = createPool(url, { max: 1 });
    await migrate(setup);
    await setup.end();
    const a = instance(url, 600);
    const b = instance(url, 600);
    const created = await serviceOver(a.store).create({ clientId: 'a-client-id-of-22-chars-or-more', channel: 'chat', visitor: null, callback: null, context: null, transcript: [] });
    if (!created.ok) throw new Error(created.reason);
    const id = created.handoff.id;
    const seenUntil = async () => Date.parse((await b.store.visitorSeenUntil(id)) ?? '0');

    // Open on A: B sees the visitor present (their mark ahead of now), renewed while it stays open.
    const closeOnA = a.streams.open(id);
    await vi.waitFor(async () => expect(await seenUntil()).toBeGreaterThan(Date.now()), soon);
    const first = await seenUntil();
    await vi.waitFor(async () => expect(await seenUntil()).toBeGreaterThan(first), soon); // a heartbeat

    // The stream moves to B (a reconnect through the proxy): still present when A's closes.
    const closeOnB = b.streams.open(id);
    await b.streams.flush();
    closeOnA();
    await a.streams.flush();
    expect(await seenUntil()).toBeGreaterThan(Date.now());
    closeOnB();
    await b.streams.flush();
    expect(await seenUntil()).toBeLessThanOrEqual(Date.now());

    // Back on A, and A dies: no close is ever written, its heartbeats stop. The mark runs out.
    a.streams.open(id);
    await vi.waitFor(async () => expect(await seenUntil()).toBeGreaterThan(Date.now()), soon);
    await a.pool.end(); // the instance is gone: nothing it would write reaches the database
    await vi.waitFor(async () => expect(await seenUntil()).toBeLessThan(Date.now()), soon);
  });
});
