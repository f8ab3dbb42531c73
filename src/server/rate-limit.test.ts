import { describe, expect, it } from 'vitest';
import { createRateLimiter } from './rate-limit';

describe('createRateLimiter', () => {
  const clock = () => {
    let t = 1_000_000;
    return { now: () => t, advance: (ms: number) => (t += ms) };
  };

  it('allows a burst, then refuses with the seconds until the next token', () => {
    const c = clock();
    const limiter = createRateLimiter({ perMinute: 10, burst: 5 }, c.now);
    for (let i = 0; i < 5; i++) expect(limiter.take('1.2.3.4')).toEqual({ ok: true });
    expect(limiter.take('1.2.3.4')).toEqual({ ok: false, retryAfterSeconds: 6 });
    c.advance(5_999);
    expect(limiter.take('1.2.3.4').ok).toBe(false);
    c.advance(1);
    expect(limiter.take('1.2.3.4')).toEqual({ ok: true });
    expect(limiter.take('1.2.3.4').ok).toBe(false);
  });

  it('counts each key on its own', () => {
    const limiter = createRateLimiter({ perMinute: 1, burst: 1 }, clock().now);
    expect(limiter.take('a').ok).toBe(true);
    expect(limiter.take('a').ok).toBe(false);
    expect(limiter.take('b').ok).toBe(true);
  });

  it('refills at the steady rate and never above the burst', () => {
    const c = clock();
    const limiter = createRateLimiter({ perMinute: 60, burst: 2 }, c.now);
    limiter.take('k');
    limiter.take('k');
    c.advance(60 * 60_000); // an hour of quiet still only refills two
    expect(limiter.take('k').ok).toBe(true);
    expect(limiter.take('k').ok).toBe(true);
    expect(limiter.take('k')).toEqual({ ok: false, retryAfterSeconds: 1 });
  });

  it('refuses nonsense settings', () => {
    expect(() => createRateLimiter({ perMinute: 0, burst: 1 })).toThrow(/perMinute > 0/);
  });

  it('forgets full buckets once there are many keys', () => {
    const c = clock();
    const limiter = createRateLimiter({ perMinute: 60, burst: 1 }, c.now);
    for (let i = 0; i < 10_000; i++) limiter.take(`ip-${i}`);
    c.advance(1_000);
    limiter.take('late'); // sweeps: ip-0 refilled, so it starts again with a full bucket
    expect(limiter.take('ip-0').ok).toBe(true);
  });
});
