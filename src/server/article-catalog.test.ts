import { afterEach, describe, expect, it, vi } from 'vitest';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { utimes } from 'node:fs/promises';
import { catalogOf, closestArticle, readCatalog, readCatalogFile, watchCatalog, type CatalogArticle } from './article-catalog';

const ARTICLES = [
  { id: 'refunds', title: 'How do I get a refund?', body: 'Within 30 days.' },
  { id: 'track-order', title: 'Where is my order?', body: 'Follow the link in the e-mail.' },
];

let dir: string | undefined;
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
  dir = undefined;
  vi.useRealTimers();
});
const fileWith = async (text: string): Promise<string> => {
  dir ??= await mkdtemp(join(tmpdir(), 'lifeline-catalog-'));
  const path = join(dir, 'articles.json');
  await writeFile(path, text);
  return path;
};

describe('readCatalog', () => {
  it('reads ids and titles from a plain array and from the file `lifeline index` writes', async () => {
    const ids = [{ id: 'refunds', title: 'How do I get a refund?' }, { id: 'track-order', title: 'Where is my order?' }];
    const idsOf = (articles: CatalogArticle[]) => articles.map(({ id, title }) => ({ id, title }));
    expect(idsOf(await readCatalog(await fileWith(JSON.stringify(ARTICLES))))).toEqual(ids);
    expect(idsOf(await readCatalog(await fileWith(JSON.stringify({ articles: ARTICLES, lang: 'en', index: { version: 0 } }))))).toEqual(ids);
  });

  it('keeps each article’s text with the file’s language and synonyms, to judge what a search is about', async () => {
    const synonyms = [['refund', 'money back']];
    const catalog = catalogOf(await readCatalog(await fileWith(JSON.stringify({ articles: ARTICLES, lang: 'fr', synonyms }))));
    expect(catalog.article('refunds')).toEqual({ title: 'How do I get a refund?', body: 'Within 30 days.', lang: 'fr', synonyms });
    expect(catalog.article('nope')).toBeNull();
    expect(catalogOf([{ id: 'refunds', title: 'Refunds' }]).article('refunds')).toBeNull();
  });

  it('says what is wrong with a file', async () => {
    await expect(readCatalog('/nowhere/articles.json')).rejects.toThrow('no file /nowhere/articles.json');
    const notJson = await fileWith('[{"id": "refunds",');
    await expect(readCatalog(notJson)).rejects.toThrow(`${notJson} is not JSON`);
    const none = await fileWith('[{"id": "refunds"}]');
    await expect(readCatalog(none)).rejects.toThrow(/has no usable article: articles\[0\]/);
    const small = await fileWith(JSON.stringify({ search: 'backend', total: 3000, articles: ARTICLES }));
    await expect(readCatalog(small)).rejects.toThrow(`set LIFELINE_ARTICLES to the full file \`lifeline index\` wrote beside it (${small.replace(/\.json$/, '.server.json')})`);
  });

  it('fetches an http(s) address, and names the status when it fails', async () => {
    const fetchOk = vi.fn(async () => new Response(JSON.stringify(ARTICLES), { status: 200 }));
    expect(await readCatalog('https://shop.example.com/articles.json', fetchOk)).toHaveLength(2);
    expect(fetchOk).toHaveBeenCalledWith('https://shop.example.com/articles.json', expect.objectContaining({ headers: { accept: 'application/json' } }));
    const fetch404 = async () => new Response('gone', { status: 404, statusText: 'Not Found' });
    await expect(readCatalog('https://shop.example.com/articles.json', fetch404)).rejects.toThrow('https://shop.example.com/articles.json answered 404 Not Found');
  });
});

describe('watchCatalog', () => {
  it('follows the source, keeps the last good list when a read fails, and reports each change once', async () => {
    vi.useFakeTimers();
    const first: CatalogArticle[] = [{ id: 'refunds', title: 'Refunds' }];
    const reads: Array<CatalogArticle[] | Error> = [new Error('site down'), new Error('site down'), [{ id: 'returns', title: 'Returns' }]];
    const report = vi.fn();
    const read = vi.fn(async () => {
      const next = reads.shift()!;
      if (next instanceof Error) throw next;
      return next;
    });
    const catalog = watchCatalog('https://shop.example.com/a.json', first, { everyMs: 1000, report, read });
    expect([...catalog.titles()!.keys()]).toEqual(['refunds']);
    await vi.advanceTimersByTimeAsync(2000);
    expect([...catalog.titles()!.keys()]).toEqual(['refunds']);
    expect(report).toHaveBeenCalledTimes(1);
    expect(report.mock.calls[0]![0]).toMatch(/site down; keeping the articles read before/);
    await vi.advanceTimersByTimeAsync(1000);
    expect([...catalog.titles()!.keys()]).toEqual(['returns']);
    expect(report).toHaveBeenCalledTimes(2);
    catalog.stop();
    await vi.advanceTimersByTimeAsync(5000);
    expect(read).toHaveBeenCalledTimes(3);
  });

  it('knows no articles until the first good read', () => {
    const catalog = watchCatalog('https://shop.example.com/a.json', null, { read: async () => [] });
    expect(catalog.titles()).toBeNull();
    catalog.stop();
  });
});

describe('readCatalogFile', () => {
  it('reads a file again only when its mtime or size changed, keeping the prebuilt index it holds', async () => {
    const path = await fileWith(JSON.stringify({ articles: ARTICLES, index: { version: 1 } }));
    const first = (await readCatalogFile(path))!;
    expect(first.index).toEqual({ version: 1 });
    expect(first.validator).toMatch(/^file:/);
    expect(await readCatalogFile(path, { since: first.validator })).toBeNull();
    await writeFile(path, JSON.stringify([...ARTICLES, { id: 'returns', title: 'Returns', body: 'Within 30 days.' }]));
    await utimes(path, new Date(), new Date(Date.now() + 5000));
    expect((await readCatalogFile(path, { since: first.validator }))!.articles.map((a) => a.id)).toEqual(['refunds', 'track-order', 'returns']);
  });

  it('asks an address with its ETag and takes a 304 as unchanged', async () => {
    const fetchImpl = vi.fn(async (_url: string | URL | Request, init?: RequestInit) =>
      (init?.headers as Record<string, string>)['if-none-match'] === '"v1"'
        ? new Response(null, { status: 304 })
        : new Response(JSON.stringify(ARTICLES), { status: 200, headers: { etag: '"v1"' } }),
    );
    const first = (await readCatalogFile('https://shop.example.com/a.json', { fetchImpl: fetchImpl as typeof fetch }))!;
    expect(first.validator).toBe('etag:"v1"');
    expect(await readCatalogFile('https://shop.example.com/a.json', { fetchImpl: fetchImpl as typeof fetch, since: first.validator })).toBeNull();
  });

  it('gives a new snapshot to search only when the source changed', async () => {
    vi.useFakeTimers();
    const reads: Array<CatalogArticle[] | null> = [null, [{ id: 'returns', title: 'Returns' }]];
    const catalog = watchCatalog('/srv/a.json', [{ id: 'refunds', title: 'Refunds' }], { everyMs: 1000, read: async () => reads.shift()! });
    const before = catalog.snapshot();
    await vi.advanceTimersByTimeAsync(1000);
    expect(catalog.snapshot()).toBe(before);
    await vi.advanceTimersByTimeAsync(1000);
    expect(catalog.snapshot()!.articles.map((a) => a.id)).toEqual(['returns']);
    catalog.stop();
  });
});

describe('closestArticle', () => {
  const titles = catalogOf([
    { id: 'refunds', title: 'How do I get a refund?' },
    { id: 'track-order', title: 'Where is my order?' },
    { id: 'battery', title: 'My e-bike battery will not charge' },
  ]).titles()!;

  it.each([
    ['refnds', 'refunds'],
    ['Track_Order', 'track-order'],
    ['track-ordr', 'track-order'],
    ['where is my order', 'track-order'],
    ['batery', 'battery'],
  ])('takes %j for %j', (typed, id) => {
    expect(closestArticle(typed, titles)?.id).toBe(id);
  });

  it('suggests nothing far off', () => {
    expect(closestArticle('warranty', titles)).toBeNull();
    expect(closestArticle('x', titles)).toBeNull();
  });
});

describe('readCatalog over the network', () => {
  it('says why an address could not be fetched, not only "fetch failed"', async () => {
    const refused = async (): Promise<Response> => {
      throw Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } });
    };
    await expect(readCatalog('http://127.0.0.1:9/articles.json', refused)).rejects.toThrow('cannot fetch http://127.0.0.1:9/articles.json: ECONNREFUSED');
  });
});
