import { afterEach, expect, it } from 'vitest';
import type { BackendStatus } from '../../../protocol/types';
import { handoffBody, send, startTestServer } from '../../testing';
import { createPool } from './connect';
import { migrate } from './migrations';
import { postgresShared, type PostgresShared } from './shared';
import { describeWithPostgres } from './testing';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** One instance of the app (its own SQLite store, pool and shared pieces) on the database. */
async function instance(url: string): Promise<{ app: Awaited<ReturnType<typeof startTestServer>>['app']; shared: PostgresShared }> {
  const pool = createPool(url, { max: 4 });
  const shared = postgresShared(pool, { bus: { onError: () => undefined } });
  const server = await startTestServer({
    presence: shared.presence,
    limiter: shared.limiter,
    rateLimits: { createHandoff: { perMinute: 10, burst: 5 } },
  });
  cleanups.push(async () => {
    await server.close();
    await server.cleanup();
    await shared.end();
    await pool.end();
  });
  await shared.ready;
  return { app: server.app, shared };
}

async function migrated(url: string): Promise<string> {
  const pool = createPool(url, { max: 1 });
  await migrate(pool);
  await pool.end();
  return url;
}

const fromIp = (address: string) => ({ incoming: { socket: { remoteAddress: address } } });

describeWithPostgres('two app instances sharing PostgreSQL (postgresShared)', (postgres) => {
  it('hold a limit of 5 handoffs taken alternately through A and B: the 6th is refused with Retry-After', async () => {
    const url = await migrated(await postgres.newDatabase());
    const a = await instance(url);
    const b = await instance(url);
    const create = (app: typeof a.app) => send(app, 'POST', '/v1/handoffs', handoffBody(), {}, fromIp('192.0.2.1'));
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await create(i % 2 === 0 ? a.app : b.app)).status);
    expect(statuses).toEqual([201, 201, 201, 201, 201]);
    const limited = await create(b.app);
    expect(limited.status).toBe(429);
    // One handoff every 6 s: the next is due within 6 s, less the time the five took (a loaded machine).
    const retryAfter = Number(limited.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(6);
    expect((await create(a.app)).status).toBe(429);
    // Another address, and the same address on another limit, are not affected.
    expect((await send(a.app, 'POST', '/v1/handoffs', handoffBody(), {}, fromIp('192.0.2.2'))).status).toBe(201);
    const login = await send(b.app, 'POST', '/v1/agent/login', { email: 'x@example.com', password: 'wrong-password' }, {}, fromIp('192.0.2.1'));
    expect(login.status).not.toBe(429);
  });

  it('tell the same agents online from both instances', async () => {
    const url = await migrated(await postgres.newDatabase());
    const a = await instance(url);
    const b = await instance(url);
    const online = async (app: typeof a.app) => ((await (await send(app, 'GET', '/v1/status')).json()) as BackendStatus).agentsOnline;
    a.shared.presence.connect('ann');
    b.shared.presence.connect('ann');
    b.shared.presence.seen('bob');
    await Promise.all([a.shared.presence.flush(), b.shared.presence.flush()]);
    expect([await online(a.app), await online(b.app)]).toEqual([2, 2]);
  });
});
