import { describe, expect, it } from 'vitest';
import { withHistory } from './history';

describe('withHistory', () => {
  it('appends past queries as keywords, deduplicated and capped, leaving the input alone', () => {
    const articles = [{ id: 'a', title: 'A', body: 'b', keywords: ['Refund'] }, { id: 'b', title: 'B', body: 'b' }];
    const queries = ['refund', 'money  back', 'Money back', ...Array.from({ length: 60 }, (_, i) => `q${i}`)];
    const out = withHistory(articles, [{ articleId: 'a', queries }, { articleId: 'zzz', queries: ['x'] }]);
    expect(out[0]?.keywords?.slice(0, 3)).toEqual(['Refund', 'money back', 'q0']);
    expect(out[0]?.keywords).toHaveLength(51);
    expect(out[1]).toBe(articles[1]);
    expect(articles[0]?.keywords).toEqual(['Refund']);
  });
});
