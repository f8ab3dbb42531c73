import { describe, expect, it } from 'vitest';
import { RETRY_DELAYS_MS, RETRY_FOR_MS, retryDelay } from './backoff';

/** Every try's time from the first, failing each, until the schedule gives up. */
function tries(): number[] {
  const at = [0];
  for (;;) {
    const delay = retryDelay(at.length, at[at.length - 1]!);
    if (delay === null) return at;
    at.push(at[at.length - 1]! + delay);
  }
}

describe('retryDelay', () => {
  it('waits longer after each failure, then repeats the longest wait', () => {
    expect(retryDelay(1, 0)).toBe(5_000);
    expect(retryDelay(2, 5_000)).toBe(30_000);
    const waits = RETRY_DELAYS_MS.map((_, i) => retryDelay(i + 1, 0));
    expect(waits).toEqual([...RETRY_DELAYS_MS]);
    expect(retryDelay(50, 0)).toBe(RETRY_DELAYS_MS[RETRY_DELAYS_MS.length - 1]);
  });

  it('tries for 24 hours, the last try at the 24-hour mark, then gives up', () => {
    const at = tries();
    expect(at[at.length - 1]).toBe(RETRY_FOR_MS);
    expect(at.every((t, i) => i === 0 || t > at[i - 1]!)).toBe(true);
    expect(at.length).toBeGreaterThan(10);
    expect(at.length).toBeLessThan(20);
    expect(retryDelay(3, RETRY_FOR_MS)).toBeNull();
    expect(retryDelay(1, RETRY_FOR_MS + 1)).toBeNull();
  });
});
