import { describe, expect, it } from 'vitest';
import { ratingFigures, share } from './reports';

describe('ratingFigures', () => {
  it('gives the share of Good among ratings, and of Yes among those who answered the repeat question', () => {
    expect(
      ratingFigures([
        { good: true, repeated: false, n: 5 },
        { good: true, repeated: null, n: 2 },
        { good: false, repeated: true, n: 2 },
        { good: false, repeated: false, n: 1 },
      ]),
    ).toEqual({ rated: 10, good: 7, goodShare: 0.7, repeatAnswered: 8, repeated: 2, repeatedShare: 0.25 });
  });
  it('says null, not 0 %, when nobody answered', () => {
    expect(ratingFigures([])).toEqual({ rated: 0, good: 0, goodShare: null, repeatAnswered: 0, repeated: 0, repeatedShare: null });
    expect(ratingFigures([{ good: false, repeated: null, n: 3 }])).toMatchObject({ goodShare: 0, repeatedShare: null });
  });
  it('shares are fractions of the whole', () => {
    expect(share(1, 3)).toBeCloseTo(1 / 3);
    expect(share(0, 0)).toBeNull();
  });
});
