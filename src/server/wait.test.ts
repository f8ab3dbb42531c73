import { describe, expect, it } from 'vitest';
import { estimateWaitSeconds, median } from './wait';

describe('estimateWaitSeconds', () => {
  it('does not know with fewer than three recent replies, or with nobody online', () => {
    expect(estimateWaitSeconds([30, 60], 1, 1)).toBeNull();
    expect(estimateWaitSeconds([30, 90, 60], 1, 0)).toBeNull();
  });

  it('is the median first reply for each round of visitors the agents online take at once', () => {
    expect(estimateWaitSeconds([30, 90, 60], 1, 1)).toBe(60);
    expect(estimateWaitSeconds([30, 90, 60], 3, 1)).toBe(180);
    // Two agents: the first two in line are answered in the first round, the third in the second.
    expect(estimateWaitSeconds([30, 90, 60], 2, 2)).toBe(60);
    expect(estimateWaitSeconds([30, 90, 60], 3, 2)).toBe(120);
    expect(estimateWaitSeconds([30, 90, 60, 1000], 1, 1)).toBe(75); // one slow reply does not skew it
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
});
