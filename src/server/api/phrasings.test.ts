import { describe, expect, it } from 'vitest';
import type { PhrasingsFeed } from '../../protocol/phrasings';
import type { TranscriptEntry } from '../../protocol/types';
import { AT, ORIGIN, createHandoff, eachTestOnAFreshServer, send, signIn, type StartedServer } from '../testing';
import type { AgentPhrasing, AgentResolveAnswer } from './agent-types';

let server: StartedServer;
eachTestOnAFreshServer((s) => (server = s), { phrasingsPerArticle: 3 });

const search = (query: string): TranscriptEntry => ({ type: 'search', at: AT, query, resultCount: 1, topIds: [] });
const opened = (articleId: string, title: string): TranscriptEntry => ({ type: 'article', at: AT, articleId, title });

/** A handoff whose visitor searched `queries`, resolved by the signed-in agent with `extra`. */
async function resolved(cookie: Record<string, string>, queries: string[], extra: object, transcript: TranscriptEntry[] = []) {
  const h = await createHandoff(server.app, { transcript: [...queries.map(search), ...transcript] });
  const res = await send(server.app, 'POST', `/v1/agent/handoffs/${h.id}/resolve`, { outcome: 'answered', ...extra }, cookie);
  expect(res.status).toBe(200);
  return { id: h.id, ref: h.ref, answer: (await res.json()) as AgentResolveAnswer };
}

const feed = async (headers: Record<string, string> = {}) => {
  const res = await send(server.app, 'GET', '/v1/phrasings', undefined, headers);
  return { res, body: res.status === 200 ? ((await res.json()) as PhrasingsFeed) : null };
};

const agentList = async (cookie: Record<string, string>, query = '') => {
  const res = await send(server.app, 'GET', `/v1/agent/phrasings${query}`, undefined, cookie);
  expect(res.status).toBe(200);
  return ((await res.json()) as { phrasings: AgentPhrasing[] }).phrasings;
};

describe('learning phrasings on resolve', () => {
  it('learns the visitor’s searches for the article, once per key, most learned first', async () => {
    const { cookie } = await signIn(server);
    const first = await resolved(cookie, ['Where is my card?', 'where is  my card', 'card delivery'], { articleId: 'card-arrival' }, [
      opened('card-arrival', 'When will my card arrive?'),
    ]);
    expect(first.answer.learned).toEqual({ articleId: 'card-arrival', articleTitle: 'When will my card arrive?', count: 2 });
    server.clock.advance(1000);
    const second = await resolved(cookie, ['card delivery', 'Card  Delivery!'], { articleId: 'card-arrival' });
    expect(second.answer.learned).toEqual({ articleId: 'card-arrival', articleTitle: null, count: 1 });

    expect((await feed()).body).toEqual({
      version: 1,
      phrasings: [{ articleId: 'card-arrival', queries: ['card delivery', 'Where is my card?'] }],
    } satisfies PhrasingsFeed);

    const list = await agentList(cookie);
    expect(list).toMatchObject([
      { articleId: 'card-arrival', text: 'card delivery', count: 2, handoff: { id: second.id, ref: second.ref }, removedAt: null },
      { articleId: 'card-arrival', text: 'Where is my card?', count: 1, handoff: { id: first.id, ref: first.ref } },
    ]);
    expect(list[0]!.firstLearnedAt).toBe('2025-03-01T10:00:00.000Z');
    expect(list[0]!.lastLearnedAt).toBe('2025-03-01T10:00:01.000Z');
  });

  it('skips short, long and personal searches', async () => {
    const { cookie } = await signIn(server);
    const r = await resolved(cookie, ['ok', 'x'.repeat(201), 'refund to ada@example.com', 'order 1234567', 'refund late'], { articleId: 'refunds' });
    expect(r.answer.learned?.count).toBe(1);
    expect((await feed()).body?.phrasings).toEqual([{ articleId: 'refunds', queries: ['refund late'] }]);
  });

  it('learns nothing without an article, or with "no article covers this"', async () => {
    const { cookie } = await signIn(server);
    expect((await resolved(cookie, ['refund late'], {})).answer.learned).toBeNull();
    expect((await resolved(cookie, ['refund late'], { noArticle: true })).answer.learned).toBeNull();
    expect((await feed()).body?.phrasings).toEqual([]);
  });

  it('does not count a handoff twice: resolving again is refused', async () => {
    const { cookie } = await signIn(server);
    const r = await resolved(cookie, ['refund late'], { articleId: 'refunds' });
    const again = await send(server.app, 'POST', `/v1/agent/handoffs/${r.id}/resolve`, { outcome: 'answered', articleId: 'refunds' }, cookie);
    expect(again.status).toBe(409);
    expect((await agentList(cookie))[0]!.count).toBe(1);
  });

  it('keeps at most the configured number per article, dropping the least recently learned', async () => {
    const { cookie } = await signIn(server);
    await resolved(cookie, ['oldest question', 'old question'], { articleId: 'refunds' });
    server.clock.advance(1000);
    await resolved(cookie, ['newer question'], { articleId: 'refunds' });
    await resolved(cookie, ['another article'], { articleId: 'shipping' }); // its own cap
    server.clock.advance(1000);
    const last = await resolved(cookie, ['newest question', 'old question'], { articleId: 'refunds' });
    expect(last.answer.learned?.count).toBe(2);
    const texts = (await agentList(cookie, '?articleId=refunds')).map((p) => p.text);
    expect(texts.sort()).toEqual(['newer question', 'newest question', 'old question']);
    expect((await agentList(cookie, '?articleId=shipping')).map((p) => p.text)).toEqual(['another article']);
  });

  it('never learns again a phrasing an agent removed; removing is idempotent', async () => {
    const { cookie } = await signIn(server);
    await resolved(cookie, ['where is my card', 'card delivery'], { articleId: 'card-arrival' });
    const [target] = (await agentList(cookie)).filter((p) => p.text === 'where is my card');
    const del = () => send(server.app, 'DELETE', `/v1/agent/phrasings/${target!.id}`, {}, cookie);
    const first = await del();
    expect(first.status).toBe(200);
    const removed = ((await first.json()) as { phrasing: AgentPhrasing }).phrasing;
    expect(removed).toMatchObject({ id: target!.id, text: 'where is my card', removedAt: '2025-03-01T10:00:00.000Z' });
    const second = await del();
    expect(second.status).toBe(200);
    expect(((await second.json()) as { phrasing: AgentPhrasing }).phrasing).toEqual(removed);

    server.clock.advance(1000);
    const r = await resolved(cookie, ['Where is my card?', 'card delivery'], { articleId: 'card-arrival' });
    expect(r.answer.learned?.count).toBe(1);
    expect((await feed()).body?.phrasings).toEqual([{ articleId: 'card-arrival', queries: ['card delivery'] }]);
    // Another article may still learn the same words.
    await resolved(cookie, ['where is my card'], { articleId: 'card-lost' });
    expect((await agentList(cookie, '?articleId=card-lost')).map((p) => p.text)).toEqual(['where is my card']);
  });
});

describe('GET /v1/phrasings', () => {
  it('is cached for a minute, and answers 304 to its ETag until the list changes', async () => {
    const { cookie } = await signIn(server);
    const { res } = await feed();
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('public, max-age=60');
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const etag = res.headers.get('etag')!;
    expect(etag).toMatch(/^W\/".+"$/);

    const again = await feed({ 'if-none-match': etag });
    expect(again.res.status).toBe(304);
    expect(again.res.headers.get('etag')).toBe(etag);
    expect(again.res.headers.get('cache-control')).toBe('public, max-age=60');
    expect(await again.res.text()).toBe('');
    expect((await feed({ 'if-none-match': `"other", ${etag.slice(2)}` })).res.status).toBe(304); // weak comparison

    await resolved(cookie, ['refund late'], { articleId: 'refunds' });
    const changed = await feed({ 'if-none-match': etag });
    expect(changed.res.status).toBe(200);
    expect(changed.res.headers.get('etag')).not.toBe(etag);
  });

  it('needs no sign-in, answers allowed origins with CORS and refuses others', async () => {
    const own = await feed({ origin: ORIGIN });
    expect(own.res.status).toBe(200);
    expect(own.res.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    const other = await feed({ origin: 'https://evil.example' });
    expect(other.res.status).toBe(403);
  });
});

describe('the agents’ phrasing routes', () => {
  it('need a signed-in agent', async () => {
    expect((await send(server.app, 'GET', '/v1/agent/phrasings')).status).toBe(401);
    expect((await send(server.app, 'DELETE', '/v1/agent/phrasings/1', {})).status).toBe(401);
  });

  it('name the bad field (400) and an unknown phrasing (404)', async () => {
    const { cookie } = await signIn(server);
    const bad = await send(server.app, 'GET', '/v1/agent/phrasings?articleId=', undefined, cookie);
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ path: 'articleId' });
    const badId = await send(server.app, 'DELETE', '/v1/agent/phrasings/abc', {}, cookie);
    expect(badId.status).toBe(400);
    expect(await badId.json()).toMatchObject({ path: 'id' });
    const unknown = await send(server.app, 'DELETE', '/v1/agent/phrasings/999', {}, cookie);
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({ error: 'There is no such phrasing.' });
  });
});
