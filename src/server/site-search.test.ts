import { describe, expect, it, vi } from 'vitest';
import { catalogOf, type ArticleCatalog, type CatalogArticle } from './article-catalog';
import { createSiteSearch, snippetOf } from './site-search';

const article = (id: string, title: string, body: string): CatalogArticle => ({ id, title, text: { title, body, lang: 'en' } });

/** A catalog whose articles can be swapped, as a changed LIFELINE_ARTICLES file swaps them. */
function swappable(first: CatalogArticle[]): ArticleCatalog & { swap(next: CatalogArticle[]): void } {
  let current = catalogOf(first);
  return {
    titles: () => current.titles(),
    article: (id) => current.article(id),
    snapshot: () => current.snapshot(),
    swap: (next) => void (current = catalogOf(next)),
  };
}

describe('createSiteSearch', () => {
  it('follows the articles file: the new articles once built, the old ones searched meanwhile', async () => {
    const catalog = swappable([article('refunds', 'How do I get a refund?', 'Money back within 30 days.')]);
    const search = createSiteSearch({ catalog, phrasings: async () => [], now: () => 0 });
    expect((await search.search('refund'))!.results.map((r) => r.id)).toEqual(['refunds']);
    catalog.swap([article('returns', 'How do I return an item?', 'Send it back within 30 days.')]);
    // The first search after the change gets the index it had; the new one is built meanwhile.
    const during = await search.search('refund');
    expect(during!.results.map((r) => r.id)).toEqual(['refunds']);
    await vi.waitFor(async () => expect((await search.search('return item'))!.results.map((r) => r.id)).toEqual(['returns']));
    expect(await search.article('returns')).toMatchObject({ title: 'How do I return an item?' });
  });

  it('reads the served phrasings at most once a minute, and goes without them when the store fails', async () => {
    let now = 0;
    const phrasings = vi.fn(async () => [{ articleId: 'refunds', queries: ['broken kettle money'] }]);
    const search = createSiteSearch({ catalog: catalogOf([article('refunds', 'Refunds', 'Money back.'), article('other', 'Delivery', 'Parcels.')]), phrasings, now: () => now });
    expect((await search.search('broken kettle'))!.results[0]?.id).toBe('refunds');
    await search.search('parcels');
    expect(phrasings).toHaveBeenCalledTimes(1);
    now += 61_000;
    phrasings.mockRejectedValueOnce(new Error('database away'));
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    // The last phrasings it had still count.
    expect((await search.search('broken kettle'))!.results[0]?.id).toBe('refunds');
    expect(error).toHaveBeenCalledWith(expect.stringContaining('database away'));
    error.mockRestore();
  });

  it('indexes a plain English articles file with WordNet’s other words for its words, and no other language', async () => {
    const movies = (lang: 'en' | 'fr'): CatalogArticle => ({ id: 'stream', title: 'Which movies can I stream?', text: { title: 'Which movies can I stream?', body: 'Every movie streams in HD.', lang } });
    const english = createSiteSearch({ catalog: catalogOf([movies('en')]), phrasings: async () => [], now: () => 0 });
    expect((await english.search('film'))!.results.map((r) => r.id)).toEqual(['stream']);
    const french = createSiteSearch({ catalog: catalogOf([movies('fr')]), phrasings: async () => [], now: () => 0 });
    expect((await french.search('film'))!.results).toEqual([]);
  });

  it('says null without articles', async () => {
    const search = createSiteSearch({ catalog: { titles: () => null, article: () => null, snapshot: () => null }, phrasings: async () => [], now: () => 0 });
    expect(await search.search('refund')).toBeNull();
    expect(await search.article('refunds')).toBeNull();
  });
});

describe('snippetOf', () => {
  const body = `# Refunds\n\n${'Intro words here. '.repeat(12)}You get your **money back** within 30 days, to the card you paid with. ${'More words. '.repeat(10)}`;
  it('cuts about two lines around the first word asked, as plain text', () => {
    const snippet = snippetOf(body, 'money', 'en');
    expect(snippet).toMatch(/^….*You get your money back within 30 days/);
    expect(snippet).not.toContain('**');
    expect(snippet.length).toBeLessThanOrEqual(162);
  });
  it('starts at the beginning when no word of the query is there, and keeps a short body whole', () => {
    expect(snippetOf(body, 'karaoke', 'en')).toMatch(/^Refunds Intro words here\./);
    expect(snippetOf('Parcels take *2 to 5* days.', 'parcels', 'en')).toBe('Parcels take 2 to 5 days.');
  });
});
