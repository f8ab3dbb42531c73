import { describe, expect, it } from 'vitest';
import '../search/languages/all';
import { groupSearches, jaccard } from './report-groups';
import type { HandoffSearches } from './store/types';

const h = (visitor: string, ...queries: string[]): HandoffSearches => ({ visitor, noArticle: false, queries });

describe('groupSearches', () => {
  it('puts questions worded alike in one group named after the most asked, counting each visitor once', () => {
    const groups = groupSearches(
      [
        h('v1', 'where is my refund', 'refund not received'),
        h('v2', 'refund not received'),
        h('v3', 'Refunds?'.toLowerCase()),
        h('v4', 'refnud not recieved'),
        h('v5', 'card declined'),
        h('v6', 'card delivery'),
      ],
      'en',
    );
    expect(groups[0]).toEqual({
      label: 'refund not received',
      queries: [
        { query: 'refund not received', count: 2 },
        { query: 'refnud not recieved', count: 1 },
        { query: 'refunds?', count: 1 },
        { query: 'where is my refund', count: 1 },
      ],
      count: 5,
      visitors: 4,
    });
    // One word in three shared: not alike.
    expect(groups.slice(1).map((g) => g.label).sort()).toEqual(['card declined', 'card delivery']);
  });

  it('reads words as search does, in the articles’ language', () => {
    expect(groupSearches([h('a', 'remboursement'), h('b', 'mes remboursements')], 'fr')).toHaveLength(1);
    expect(groupSearches([h('a', 'how do i'), h('b', 'how do i')], 'en')).toEqual([{ label: 'how do i', queries: [{ query: 'how do i', count: 2 }], count: 2, visitors: 2 }]);
  });

  it('gives nothing for nothing, and at most 20 groups', () => {
    expect(groupSearches([], 'en')).toEqual([]);
    const many = Array.from({ length: 30 }, (_, i) => h(`v${i}`, `topic${'x'.repeat(i)}`));
    expect(groupSearches(many, 'en').length).toBeLessThanOrEqual(20);
  });
});

describe('jaccard', () => {
  it('is shared words over all words, a long word matching one typo away', () => {
    expect(jaccard(['refund', 'receiv'], ['refund'])).toBe(0.5);
    expect(jaccard(['refund'], ['refnud'])).toBe(1);
    expect(jaccard(['card'], ['cart'])).toBe(0);
    expect(jaccard([], ['x'])).toBe(0);
  });
});
