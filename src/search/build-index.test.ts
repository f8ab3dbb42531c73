import { describe, expect, it } from 'vitest';
import './languages/all';
import { createSearchIndex, createSearchIndexInSlices } from './build-index';
import { serializeIndex } from './serialize';
import type { Article } from './types';

const ARTICLES: Article[] = Array.from({ length: 40 }, (_, i) => ({
  id: `a${i}`,
  title: `Article ${i} about ${['refunds', 'delivery', 'passwords', 'batteries'][i % 4]}`,
  body: `How ${['refunds', 'deliveries', 'passwords', 'batteries'][i % 4]} work, case ${i}. `.repeat(5),
  ...(i % 3 === 0 && { tags: ['money'] }),
}));

describe('createSearchIndexInSlices', () => {
  it('builds the same index as createSearchIndex', async () => {
    const options = { lang: 'en', synonyms: [['refund', 'money back']] };
    const sliced = await createSearchIndexInSlices(ARTICLES, options, { yieldToHost: async () => undefined, sliceMs: 1 });
    expect(serializeIndex(sliced)).toEqual(serializeIndex(createSearchIndex(ARTICLES, options)));
    expect(sliced.search('money back')[0]?.id).toBe(createSearchIndex(ARTICLES, options).search('money back')[0]?.id);
  });

  it('hands the main thread back between slices of bounded work', async () => {
    // A clock that moves one unit per look: a slice of 5 units is at most 5 steps (an article read or weighted, 256 posting lists).
    let clock = 0;
    let stepsInSlice = 0;
    const slices: number[] = [];
    const now = () => {
      stepsInSlice += 1;
      return clock++;
    };
    await createSearchIndexInSlices(ARTICLES, {}, {
      sliceMs: 5,
      now,
      yieldToHost: async () => {
        slices.push(stepsInSlice);
        stepsInSlice = 0;
      },
    });
    // 40 articles read, 40 weighted: at least 80 steps, so 15 slices or more.
    expect(slices.length).toBeGreaterThanOrEqual(15);
    expect(Math.max(...slices)).toBeLessThanOrEqual(6); // 5 steps and the look that ends the slice
  });

  it('yields with the default (a new task) in Node too', async () => {
    const index = await createSearchIndexInSlices(ARTICLES, {}, { sliceMs: 0 });
    expect(index.articles).toHaveLength(40);
  });
});
