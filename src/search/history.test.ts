import { describe, expect, it } from 'vitest';
import { mergeHistory, parseHistory } from './history';

describe('mergeHistory', () => {
  it('merges entries per article, deduplicates phrasings and caps them, first kept', () => {
    const queries = ['Where is my card?', 'where is my  card', 'WHERE IS MY CARD!!', ...Array.from({ length: 10 }, (_, i) => `q${i}`)];
    const out = mergeHistory([{ articleId: 'a', queries: queries.slice(0, 5) }, { articleId: 'b', queries: ['x'] }, { articleId: 'a', queries: queries.slice(5) }], 4);
    expect(out).toEqual([
      { articleId: 'a', queries: ['Where is my card?', 'q0', 'q1', 'q2'] },
      { articleId: 'b', queries: ['x'] },
    ]);
  });
});

describe('parseHistory', () => {
  it('names bad entries and keeps good ones', () => {
    const { entries, problems } = parseHistory([{ articleId: 'a', queries: ['x', 3] }, { articleId: 5 }]);
    expect(entries).toEqual([{ articleId: 'a', queries: ['x'] }]);
    expect(problems).toEqual(['history[1]: expected {articleId: string, queries: string[]}']);
    expect(parseHistory({}).problems[0]).toMatch(/expected a JSON array/);
  });
});
