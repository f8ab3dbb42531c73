import { describe, expect, it } from 'vitest';
import { estimateWaitSeconds, median } from './wait';

describe('estimateWaitSeconds', () => {
  it('is null with fewer than three samples', () => {
    expect(estimateWaitSeconds([30, 60], 1, 1)).toBeNull();
  });

  it('is the median first reply, times the position, shared among agents online', () => {
    expect(estimateWaitSeconds([30, 90, 60], 1, 0)).toBe(60);
    expect(estimateWaitSeconds([30, 90, 60], 3, 2)).toBe(90);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
});
