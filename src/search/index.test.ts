import { describe, expect, it } from 'vitest';
import { createSearchIndex, mergeRanges } from './index';
import { fold, queryTerms, stripMarkdown } from './text';
import type { Article } from './types';

const articles: Article[] = [
  { id: 'refunds', title: 'How do I get a refund?', body: 'Refunds go back to the original payment method within 5 days.', tags: ['refunds', 'payments'], keywords: ['money back'] },
  { id: 'returns', title: 'How do I return an item?', body: 'Start a return from your account. A refund follows once we receive it.', tags: ['returns'] },
  { id: 'track', title: 'Where is my order?', body: 'Track your order with the link in your confirmation e-mail.', tags: ['delivery', 'orders'], keywords: ['tracking', 'parcel'] },
  { id: 'battery', title: 'My e-bike battery will not charge', body: '## Check the charger\n\nMake sure the **charger** light is green.', tags: ['e-bike', 'battery'] },
  { id: 'cafe', title: 'Café opening hours', body: 'Our café is open daily.', tags: ['café'] },
  { id: 'password', title: 'Reset your password', body: 'Use *Forgot password* on the sign-in page.', tags: ['account'] },
];
const index = createSearchIndex(articles);
const ids = (query: string) => index.search(query).map((r) => r.id);

describe('createSearchIndex', () => {
  it('finds the refund article despite a typo', () => {
    expect(ids('refnud')[0]).toBe('refunds');
  });

  it('ranks a title match above a body match', () => {
    expect(ids('refund').slice(0, 2)).toEqual(['refunds', 'returns']);
  });

  it('scores multi-word questions on their meaningful words', () => {
    expect(ids('how do I get my money back')[0]).toBe('refunds');
    expect(ids('where is my parcel??')[0]).toBe('track');
    expect(ids('battery wont charge')[0]).toBe('battery');
  });

  it('ignores case and accents on both sides', () => {
    expect(ids('CAFE')[0]).toBe('cafe');
    expect(ids('café')[0]).toBe('cafe');
  });

  it('returns nothing for gibberish or an empty query', () => {
    expect(ids('xylophone quantum')).toEqual([]);
    expect(ids('')).toEqual([]);
    expect(ids('   ?!  ')).toEqual([]);
  });

  it('reports title ranges in the original title for highlighting', () => {
    const [first] = index.search('refund');
    expect(first?.id).toBe('refunds');
    const [[start, end]] = first!.titleRanges as [[number, number]];
    expect(first!.article.title.slice(start, end + 1).toLowerCase()).toBe('refund');
  });

  it('gives scores from 0 (best) to 1, best first', () => {
    const results = index.search('order tracking');
    expect(results.length).toBeGreaterThan(0);
    for (const r of results) expect(r.score).toBeGreaterThanOrEqual(0);
    for (const r of results) expect(r.score).toBeLessThanOrEqual(1);
    expect([...results].sort((a, b) => a.score - b.score)).toEqual(results);
  });

  it('respects the limit and finds articles by id', () => {
    expect(index.search('how', 1).length).toBeLessThanOrEqual(1);
    expect(index.get('battery')?.title).toContain('battery');
    expect(index.get('nope')).toBeUndefined();
  });

  it('stays usable for very long queries', () => {
    const long = 'refund '.repeat(500);
    expect(ids(long)[0]).toBe('refunds');
  });
});

describe('text helpers', () => {
  it('strips Markdown to plain text', () => {
    expect(stripMarkdown('## Title\n\n- **bold** and [a link](https://x.y)\n\n```\ncode\n```')).toBe('Title bold and a link');
  });
  it('folds case and accents without changing length', () => {
    expect(fold('Éclair Café')).toBe('eclair cafe');
    expect(fold('Straße')).toHaveLength('Straße'.length);
  });
  it('drops stop words but keeps a query made only of them', () => {
    expect(queryTerms('How do I get a refund?')).toEqual(['get', 'refund']);
    expect(queryTerms('how do i')).toEqual(['how', 'do']);
  });
  it('merges overlapping ranges', () => {
    expect(mergeRanges([[5, 7], [0, 2], [2, 4], [9, 9]])).toEqual([[0, 7], [9, 9]]);
  });
});
