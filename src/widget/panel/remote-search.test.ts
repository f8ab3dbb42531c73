/**
 * Search through the server: the exact requests it sends, and what it does when the server asks
 * it to wait (429 with Retry-After, LIFELINE_SEARCHES_PER_MINUTE) or cannot answer. fetch is the
 * one thing replaced: a recorded list of answers, as a mock transport would give them.
 */
import '../../search/languages/all';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createRemoteSearch, type RemoteSearch } from './remote-search';

const HIT = { query: 'refund', results: [{ id: 'refunds', title: 'How do I get a refund?', snippet: 'A refund reaches your card.', url: null }], articles: 38, lang: 'en' };
const json = (body: unknown): Response => new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
const busy = (retryAfter: string | null): Response =>
  new Response(JSON.stringify({ code: 'rate_limited', error: 'Too many requests' }), { status: 429, headers: retryAfter === null ? {} : { 'retry-after': retryAfter } });

let answers: Response[];
let asked: string[];
let remote: RemoteSearch;
beforeEach(() => {
  vi.useFakeTimers();
  answers = [];
  asked = [];
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    init.signal?.throwIfAborted();
    asked.push(url);
    const next = answers.shift();
    if (!next) throw new TypeError('Failed to fetch');
    return next;
  });
  remote = createRemoteSearch('https://help.example.com/', '/articles.json', { lang: 'en', articles: [] })!;
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('createRemoteSearch', () => {
  it('asks GET /v1/search with the query as typed, and shapes the answer as the in-browser search does', async () => {
    answers.push(json(HIT));
    const results = await remote.search('refund', new AbortController().signal);
    expect(asked).toEqual(['https://help.example.com/v1/search?typing=1&q=refund']);
    expect(results).toEqual([{ id: 'refunds', article: { id: 'refunds', title: 'How do I get a refund?', body: 'A refund reaches your card.' }, score: 0, titleRanges: [expect.anything()] }]);
    expect(results[0]!.titleRanges[0]![0], 'the query\'s word highlighted in the title').toBe('How do I get a '.length);
    expect(remote.title('refunds')).toBe('How do I get a refund?');
  });

  it('asked to wait (429), says so, waits Retry-After and asks again, once', async () => {
    answers.push(busy('3'), json(HIT));
    const onBusy = vi.fn();
    const found = remote.search('refund', new AbortController().signal, onBusy);
    await vi.advanceTimersByTimeAsync(0);
    expect(onBusy).toHaveBeenCalledTimes(1);
    expect(asked).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(2_999);
    expect(asked, 'not before Retry-After').toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect((await found).map((r) => r.id)).toEqual(['refunds']);
    expect(asked).toHaveLength(2);
    expect(onBusy).toHaveBeenCalledTimes(1);
  });

  it('without a readable Retry-After, waits 5 s', async () => {
    answers.push(busy(null), json(HIT));
    const found = remote.search('refund', new AbortController().signal);
    await vi.advanceTimersByTimeAsync(4_999);
    expect(asked).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    await expect(found).resolves.toHaveLength(1);
  });

  it('asks no more once the visitor moved on (the query changed, the panel closed) while it waited', async () => {
    answers.push(busy('10'), json(HIT));
    const abort = new AbortController();
    const found = remote.search('refund', abort.signal, () => undefined);
    const settled = found.then(() => 'resolved', () => 'rejected');
    await vi.advanceTimersByTimeAsync(1_000);
    abort.abort();
    expect(await settled).toBe('rejected');
    await vi.advanceTimersByTimeAsync(60_000);
    expect(asked).toHaveLength(1);
    expect(vi.getTimerCount(), 'its timer is gone').toBe(0);
  });

  it('opens an article the same way: waits when asked, then keeps it', async () => {
    const article = { id: 'refunds', title: 'How do I get a refund?', body: 'Within **30 days**.' };
    answers.push(busy('2'), json(article));
    const opened = remote.article('refunds', new AbortController().signal);
    await vi.advanceTimersByTimeAsync(2_000);
    await expect(opened).resolves.toEqual(article);
    expect(asked).toEqual(['https://help.example.com/v1/articles/refunds', 'https://help.example.com/v1/articles/refunds']);
    await expect(remote.article('refunds', new AbortController().signal)).resolves.toEqual(article);
    expect(asked, 'kept: not asked again').toHaveLength(2);
  });

  it('throws when the server cannot answer (another refusal, or no answer at all), so the panel falls back', async () => {
    answers.push(new Response('{}', { status: 503 }));
    await expect(remote.search('refund', new AbortController().signal)).rejects.toThrow('/v1/search?typing=1&q=refund answered 503');
    await expect(remote.search('refund', new AbortController().signal)).rejects.toThrow('Failed to fetch');
  });
});
