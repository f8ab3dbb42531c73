import { describe, expect, it } from 'vitest';
import type { SearchAnswer } from '../../protocol/search';
import type { TranscriptEntry } from '../../protocol/types';
import { catalogOf } from '../article-catalog';
import { AT, createHandoff, eachTestOnAFreshServer, send, signIn, startTestServer, type StartedServer } from '../testing';
import { DEFAULT_RATE_LIMITS, searchLimit } from '../app';
import { createRateLimiter } from '../rate-limit';
import { SEARCH_QUERY_MAX } from '../../protocol/search';

const LONG = 'Parcels leave our warehouse the day you order. '.repeat(6) + 'A refund reaches the card you paid with within 30 days of delivery.';
const ARTICLES = catalogOf(
  [
    ['refunds', 'How do I get a refund?', LONG, 'https://shop.example.com/help/refunds'],
    ['shipping', 'Delivery times', 'Parcels take 2 to 5 days to arrive.', undefined],
    ['password', 'Reset your password', 'Use the link on the sign-in page.', undefined],
  ].map(([id, title, body, url]) => ({
    id: id!,
    title: title!,
    ...(url && { url }),
    text: { title: title!, body: body!, lang: 'en' as const },
  })),
);

let server: StartedServer;
eachTestOnAFreshServer((s) => (server = s), { articles: ARTICLES });

const search = async (query: string, headers: Record<string, string> = {}) => {
  const res = await send(server.app, 'GET', `/v1/search?q=${encodeURIComponent(query)}`, undefined, headers);
  return { res, body: res.status === 200 ? ((await res.json()) as SearchAnswer) : null };
};

describe('GET /v1/search', () => {
  it('answers with the same engine as the widget: best first, a snippet around the words asked, the article’s page', async () => {
    const { res, body } = await search('delivry times');
    expect(res.status).toBe(200);
    expect(body!.results[0]).toEqual({ id: 'shipping', title: 'Delivery times', snippet: 'Parcels take 2 to 5 days to arrive.', url: null });
    expect(body).toMatchObject({ query: 'delivry times', articles: 3, lang: 'en' });

    const refund = (await search('refund to my card')).body!.results[0]!;
    expect(refund).toMatchObject({ id: 'refunds', url: 'https://shop.example.com/help/refunds' });
    // A long body is cut around the word asked, not at its start.
    expect(refund.snippet).toMatch(/^….*refund reaches the card/);
    expect(refund.snippet.length).toBeLessThanOrEqual(170);
  });

  it('says "no good answer" as an empty list, not unrelated articles', async () => {
    expect((await search('karaoke song lyrics')).body!.results).toEqual([]);
  });

  it('is cached for a minute and revalidated with its ETag', async () => {
    const { res } = await search('password');
    expect(res.headers.get('cache-control')).toBe('public, max-age=60');
    const etag = res.headers.get('etag')!;
    expect(etag).toMatch(/^W\//);
    const again = await search('password', { 'if-none-match': etag });
    expect(again.res.status).toBe(304);
    expect(await again.res.text()).toBe('');
  });

  it.each([
    ['', 'q is missing'],
    ['?q=', 'q is empty'],
    ['?q=%20%20', 'q is empty'],
    [`?q=${'a'.repeat(201)}`, 'q is 201 characters; at most 200'],
    ['?q=refund&lang=english!', 'lang must be a language tag'],
    ['?q=refund&typing=yes', 'typing must be 1'],
  ])('refuses %j with a 400 that says what is wrong', async (query, error) => {
    const res = await send(server.app, 'GET', `/v1/search${query}`);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toContain(error);
  });

  it('finds what visitors learned to ask (the served phrasings) once they are served', async () => {
    expect((await search('money for a broken kettle')).body!.results.map((r) => r.id)).not.toContain('refunds');
    const fresh = await startTestServer({ articles: ARTICLES });
    try {
      const { cookie } = await signIn(fresh);
      // Two handoffs teach it, an agent ticks it each time: served.
      for (let i = 0; i < 2; i++) {
        const entry: TranscriptEntry = { type: 'search', at: AT, query: 'money for a broken kettle', resultCount: 0, topIds: [] };
        const h = await createHandoff(fresh.app, { clientId: crypto.randomUUID(), transcript: [entry] });
        const res = await send(fresh.app, 'POST', `/v1/agent/handoffs/${h.id}/resolve`, { outcome: 'answered', articleId: 'refunds', learn: ['money for a broken kettle'] }, cookie);
        expect(res.status).toBe(200);
      }
      const res = await send(fresh.app, 'GET', `/v1/search?q=${encodeURIComponent('money for a broken kettle')}`);
      expect(((await res.json()) as SearchAnswer).results[0]?.id).toBe('refunds');
    } finally {
      await fresh.close();
      await fresh.cleanup();
    }
  });

  it('answers 503 when the server was not told the articles', async () => {
    const bare = await startTestServer();
    try {
      const res = await send(bare.app, 'GET', '/v1/search?q=refund');
      expect(res.status).toBe(503);
      expect(((await res.json()) as { error: string }).error).toContain('LIFELINE_ARTICLES');
    } finally {
      await bare.close();
      await bare.cleanup();
    }
  });
});

describe('GET /v1/articles/:id', () => {
  it('gives one article in full, to open a result; a 404 names the id', async () => {
    const res = await send(server.app, 'GET', '/v1/articles/shipping');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ id: 'shipping', title: 'Delivery times', body: 'Parcels take 2 to 5 days to arrive.' });
    const missing = await send(server.app, 'GET', '/v1/articles/nope');
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { error: string }).error).toBe('There is no article "nope".');
  });
});

describe('the per-address limit on searches and articles', () => {
  const fromIp = (address: string) => ({ incoming: { socket: { remoteAddress: address } } });

  it('answers 429 rate_limited with Retry-After once an address used its searches, articles and 304s included; others are unaffected', async () => {
    // 6 a minute, all 6 at once: then one every 10 s.
    const limited = await startTestServer({ articles: ARTICLES, rateLimits: { search: searchLimit(6) } });
    try {
      const get = (path: string, ip: string, headers: Record<string, string> = {}) => send(limited.app, 'GET', path, undefined, headers, fromIp(ip));
      const first = await get('/v1/search?q=password', '192.0.2.1');
      expect(first.status).toBe(200);
      const etag = first.headers.get('etag')!;
      // A revalidation answered 304 still ran the search: it counts.
      expect((await get('/v1/search?q=password', '192.0.2.1', { 'if-none-match': etag })).status).toBe(304);
      expect((await get('/v1/articles/shipping', '192.0.2.1')).status).toBe(200);
      expect((await get('/v1/articles/nope', '192.0.2.1')).status).toBe(404);
      expect((await get('/v1/search?q=', '192.0.2.1')).status, 'a malformed search costs its token too').toBe(400);
      expect((await get('/v1/search?q=refund', '192.0.2.1')).status).toBe(200);

      const refused = await get('/v1/search?q=refund', '192.0.2.1');
      expect(refused.status).toBe(429);
      expect(refused.headers.get('retry-after')).toBe('10');
      expect(await refused.json()).toEqual({ code: 'rate_limited', error: 'Too many requests; try again in 10 seconds.' });
      const article = await get('/v1/articles/shipping', '192.0.2.1');
      expect(article.status, 'opening an article shares the bucket').toBe(429);
      expect(article.headers.get('retry-after')).toBe('10');

      expect((await get('/v1/search?q=refund', '192.0.2.2')).status, 'another address').toBe(200);
      limited.clock.advance(9_999);
      expect((await get('/v1/search?q=refund', '192.0.2.1')).status).toBe(429);
      limited.clock.advance(1);
      expect((await get('/v1/search?q=refund', '192.0.2.1')).status).toBe(200);
      expect((await get('/v1/search?q=refund', '192.0.2.1')).status).toBe(429);
    } finally {
      await limited.close();
      await limited.cleanup();
    }
  });

  it('by default is never met by a person typing the longest question, key by key, as fast as the widget asks', () => {
    expect(DEFAULT_RATE_LIMITS.search).toEqual({ perMinute: 150, burst: 150 });
    let t = 0;
    const bucket = createRateLimiter(DEFAULT_RATE_LIMITS.search, () => t);
    // The widget asks once typing pauses 150 ms: at most one search per key, one per 150 ms.
    // The worst typist pauses just over that after every key of a 200-character question, then
    // opens five results.
    const refused = [];
    for (let key = 0; key < SEARCH_QUERY_MAX; key++, t += 151) if (!bucket.take('visitor').ok) refused.push(key);
    for (let open = 0; open < 5; open++, t += 2_000) if (!bucket.take('visitor').ok) refused.push(`article ${open}`);
    expect(refused).toEqual([]);
    // One address asking without pause (a script) is held to the steady rate.
    let taken = 0;
    for (let i = 0; i < 1_000; i++, t += 10) if (bucket.take('script').ok) taken++;
    expect(taken).toBeLessThanOrEqual(150 + 25);
  });
});
