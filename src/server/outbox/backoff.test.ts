import { describe, expect, it } from 'vitest';
import { backoff, retryAfter } from './backoff';

const policy = { firstMs: 1_000, maxMs: 60_000, jitter: 0 };

describe('backoff', () => {
  it('doubles the pause after each failure, up to the cap', () => {
    expect([1, 2, 3, 4, 7, 20].map((n) => backoff(policy, n))).toEqual([1_000, 2_000, 4_000, 8_000, 60_000, 60_000]);
  });

  it('spreads pauses below the nominal one by the jitter', () => {
    expect(backoff({ ...policy, jitter: 0.5 }, 2, () => 0)).toBe(2_000);
    expect(backoff({ ...policy, jitter: 0.5 }, 2, () => 0.999)).toBe(1_001);
    expect(backoff({ firstMs: 1_000, maxMs: 1_000 }, 1, () => 1)).toBe(800); // 0.2 by default
  });

  it('gives up after maxAttempts failed tries', () => {
    expect(backoff({ ...policy, maxAttempts: 3 }, 2)).toBe(2_000);
    expect(backoff({ ...policy, maxAttempts: 3 }, 3)).toBeNull();
  });

  it('gives up once the next try would come too long after the job was made', () => {
    const day = 24 * 3_600_000;
    const made = '2025-03-01T00:00:00.000Z';
    const t = Date.parse(made);
    const hourly = { firstMs: 3_600_000, maxMs: 3_600_000, jitter: 0, giveUpAfterMs: day };
    expect(retryAfter(hourly, 5, made, t + 22 * 3_600_000)).toBe(3_600_000);
    expect(retryAfter(hourly, 5, made, t + 23 * 3_600_000)).toBe(3_600_000);
    expect(retryAfter(hourly, 5, made, t + 23 * 3_600_000 + 1)).toBeNull();
  });
});
