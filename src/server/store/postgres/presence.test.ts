import pg from 'pg';
import { afterEach, expect, it } from 'vitest';
import { createPool } from './connect';
import { migrate } from './migrations';
import { createPostgresPresence, type PostgresPresence, type PostgresPresenceOptions } from './presence';
import { describeWithPostgres } from './testing';

const pools: pg.Pool[] = [];
const presences: PostgresPresence[] = [];
afterEach(async () => {
  await Promise.all(presences.splice(0).map((p) => p.end()));
  await Promise.all(pools.splice(0).map((pool) => pool.end().catch(() => undefined)));
});

/** One instance: its own pool and presence on the database. */
function instance(url: string, options: PostgresPresenceOptions = {}): { pool: pg.Pool; presence: PostgresPresence } {
  const pool = createPool(url, { max: 2 });
  const presence = createPostgresPresence(pool, { onError: () => undefined, ...options });
  pools.push(pool);
  presences.push(presence);
  return { pool, presence };
}

async function migrated(url: string): Promise<string> {
  const pool = createPool(url, { max: 1 });
  await migrate(pool);
  await pool.end();
  return url;
}

/** Long enough for a loaded machine; a test waits for a condition, not a time. */
const soon = { timeout: 10_000 };

describeWithPostgres('agents’ presence in PostgreSQL', (postgres) => {
  it('is the same from both instances, and counts an agent on both once', async () => {
    const url = await migrated(await postgres.newDatabase());
    const a = instance(url).presence;
    const b = instance(url).presence;
    expect([await a.online(), await b.online()]).toEqual([0, 0]);

    const closeAnnOnA = a.connect('ann');
    const closeAnnOnB = b.connect('ann');
    b.seen('bob');
    await Promise.all([a.flush(), b.flush()]);
    expect([await a.online(), await b.online()]).toEqual([2, 2]);

    // Ann closes her stream on A: still there through B.
    closeAnnOnA();
    closeAnnOnA(); // twice is once
    await a.flush();
    expect(await b.online()).toBe(2);
    closeAnnOnB();
    await b.flush();
    expect(await a.online()).toBe(2); // they were there until just now
  });

  it('keeps a stream alive with heartbeats, and forgets an agent once the request or the closed stream is old', async () => {
    const url = await migrated(await postgres.newDatabase());
    const { pool, presence: a } = instance(url, { streamTtlMs: 900, recentMs: 900 });
    const b = instance(url).presence;
    const close = a.connect('ann');
    await a.flush();
    const until = async () => (await pool.query<{ until: string }>("SELECT until FROM agent_presence WHERE instance_id <> ''")).rows[0]!.until;
    const first = await until();
    await expect.poll(until, soon).not.toBe(first); // renewed
    expect(await b.online()).toBe(1);
    close();
    await a.flush();
    expect(await b.online()).toBe(1);
    await expect.poll(() => b.online(), soon).toBe(0);
  });

  it('forgets the streams of an instance that died once their heartbeat stops', async () => {
    const url = await migrated(await postgres.newDatabase());
    const { pool, presence: a } = instance(url, { streamTtlMs: 300 });
    const b = instance(url).presence;
    a.connect('ann');
    await a.flush();
    expect(await b.online()).toBe(1);
    await pool.end(); // the instance is gone: nothing renews its rows
    await expect.poll(() => b.online(), soon).toBe(0);
  });

  it('on a graceful end, leaves its agents online for two minutes, their streams reopening elsewhere', async () => {
    const url = await migrated(await postgres.newDatabase());
    const a = instance(url).presence;
    const b = instance(url).presence;
    a.connect('ann');
    await a.end();
    const { rows } = await (pools[1] as pg.Pool).query<{ instance_id: string }>('SELECT instance_id FROM agent_presence');
    expect(rows).toEqual([{ instance_id: '' }]);
    expect(await b.online()).toBe(1);
  });
});
