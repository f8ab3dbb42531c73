import pg from 'pg';
import { afterEach, expect, it } from 'vitest';
import { createPool } from './connect';
import { migrate } from './migrations';
import { createPostgresRateLimiter } from './rate-limit';
import { describeWithPostgres } from './testing';

const pools: pg.Pool[] = [];
afterEach(async () => {
  await Promise.all(pools.splice(0).map((pool) => pool.end()));
});

/** Two instances' pools on one migrated database. */
async function twoInstances(url: string): Promise<[pg.Pool, pg.Pool]> {
  const a = createPool(url, { max: 4 });
  const b = createPool(url, { max: 4 });
  pools.push(a, b);
  await migrate(a);
  return [a, b];
}

const clock = () => {
  let t = Date.parse('2026-03-01T10:00:00.000Z');
  return { now: () => t, advance: (ms: number) => (t += ms) };
};

describeWithPostgres('rate limits in PostgreSQL', (postgres) => {
  it('hold across instances: a limit of 5 taken alternately through A and B refuses the 6th', async () => {
    const [poolA, poolB] = await twoInstances(await postgres.newDatabase());
    const limit = { perMinute: 10, burst: 5 };
    const a = createPostgresRateLimiter(poolA, 'createHandoff', limit);
    const b = createPostgresRateLimiter(poolB, 'createHandoff', limit);
    const takes = [];
    for (let i = 0; i < 5; i++) takes.push(await (i % 2 === 0 ? a : b).take('1.2.3.4'));
    expect(takes).toEqual(Array(5).fill({ ok: true }));
    expect(await b.take('1.2.3.4')).toEqual({ ok: false, retryAfterSeconds: 6 });
    expect((await a.take('1.2.3.4')).ok).toBe(false);
  });

  it('never grant more than the burst to requests racing on both instances', async () => {
    const [poolA, poolB] = await twoInstances(await postgres.newDatabase());
    const limit = { perMinute: 1, burst: 5 };
    const a = createPostgresRateLimiter(poolA, 'postMessage', limit);
    const b = createPostgresRateLimiter(poolB, 'postMessage', limit);
    const takes = await Promise.all(Array.from({ length: 16 }, (_, i) => (i % 2 === 0 ? a : b).take('k')));
    expect(takes.filter((t) => t.ok)).toHaveLength(5);
  });

  it('refill at the steady rate, never above the burst, as the in-memory buckets do', async () => {
    const [pool] = await twoInstances(await postgres.newDatabase());
    const c = clock();
    const limiter = createPostgresRateLimiter(pool, 'login', { perMinute: 10, burst: 5 }, { now: c.now });
    for (let i = 0; i < 5; i++) expect(await limiter.take('k')).toEqual({ ok: true });
    expect(await limiter.take('k')).toEqual({ ok: false, retryAfterSeconds: 6 });
    c.advance(5_999);
    expect((await limiter.take('k')).ok).toBe(false);
    c.advance(1);
    expect(await limiter.take('k')).toEqual({ ok: true });
    expect((await limiter.take('k')).ok).toBe(false);

    const fast = createPostgresRateLimiter(pool, 'typing', { perMinute: 60, burst: 2 }, { now: c.now });
    await fast.take('k');
    await fast.take('k');
    c.advance(60 * 60_000); // an hour of quiet still only refills two
    expect(await fast.take('k')).toEqual({ ok: true });
    expect(await fast.take('k')).toEqual({ ok: true });
    expect(await fast.take('k')).toEqual({ ok: false, retryAfterSeconds: 1 });
  });

  it('count each key, and each limit, on its own', async () => {
    const [pool] = await twoInstances(await postgres.newDatabase());
    const one = { perMinute: 1, burst: 1 };
    const login = createPostgresRateLimiter(pool, 'login', one);
    const handoffs = createPostgresRateLimiter(pool, 'createHandoff', one);
    expect((await login.take('a')).ok).toBe(true);
    expect((await login.take('a')).ok).toBe(false);
    expect((await login.take('b')).ok).toBe(true);
    expect((await handoffs.take('a')).ok).toBe(true);
  });

  it('refuse nonsense settings', () => {
    expect(() => createPostgresRateLimiter({} as pg.Pool, 'x', { perMinute: 0, burst: 1 })).toThrow(/perMinute > 0/);
  });
});
