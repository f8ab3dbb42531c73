import { describe, expect, it } from 'vitest';
import type { PhrasingsFeed } from '../../protocol/phrasings';
import type { TranscriptEntry } from '../../protocol/types';
import { catalogOf } from '../article-catalog';
import { AT, ORIGIN, createHandoff, eachTestOnAFreshServer, send, signIn, startTestServer, type StartedServer } from '../testing';
import type { AgentLearning, AgentPhrasing, AgentResolveAnswer } from './agent-types';

/** The site's articles, as LIFELINE_ARTICLES gives them: the server judges searches by their words. */
const ARTICLES = catalogOf(
  [
    ['refunds', 'How do I get a refund?', 'You get your money back within 30 days of delivery, to the card you paid with.', ['money back']],
    ['card-arrival', 'When will my card arrive?', 'A gift card is delivered within 3 days by post.', ['card delivery']],
    ['shipping', 'Delivery times', 'Parcels take 2 to 5 days.', []],
  ].map(([id, title, body, keywords]) => ({
    id: id as string,
    title: title as string,
    text: { title: title as string, body: body as string, keywords: keywords as string[], lang: 'en' as const },
  })),
);

let server: StartedServer;
eachTestOnAFreshServer((s) => (server = s), { phrasingsPerArticle: 3, articles: ARTICLES });

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
const served = async (articleId: string) => (await feed()).body?.phrasings.find((p) => p.articleId === articleId)?.queries ?? [];

const agentList = async (cookie: Record<string, string>, query = '') => {
  const res = await send(server.app, 'GET', `/v1/agent/phrasings${query}`, undefined, cookie);
  expect(res.status).toBe(200);
  return ((await res.json()) as { phrasings: AgentPhrasing[] }).phrasings;
};

const learning = async (cookie: Record<string, string>, id: string, articleId: string) =>
  send(server.app, 'GET', `/v1/agent/handoffs/${id}/learning?articleId=${encodeURIComponent(articleId)}`, undefined, cookie);

describe('what resolving would teach (GET /v1/agent/handoffs/:id/learning)', () => {
  it('lists the visitor’s searches for the article: about it ticked, off-topic unticked, personal data never learnable', async () => {
    const { cookie } = await signIn(server);
    const h = await createHandoff(server.app, {
      transcript: ['How do I get a refund?', 'karaoke song lyrics', 'refund for order 482913', 'my name is Ada Lovelace, 12 High Street'].map(search),
    });
    const res = await learning(cookie, h.id, 'refunds');
    expect(res.status).toBe(200);
    const body = (await res.json()) as AgentLearning;
    expect(body).toMatchObject({ articleId: 'refunds', articleTitle: 'How do I get a refund?', articleKnown: true });
    expect(body.candidates.map((c) => [c.text, c.suggested, c.learnable, c.reason, c.personal])).toEqual([
      ['How do I get a refund?', true, true, 'about', null],
      ['karaoke song lyrics', false, true, 'not_about', null],
      ['refund for order 482913', false, false, 'personal_data', 'reference'],
      ['my name is Ada Lovelace, 12 High Street', false, false, 'personal_data', 'name'],
    ]);
    expect((await learning(cookie, h.id, 'refnds')).status).toBe(400);
    expect((await learning(cookie, 'nope', 'refunds')).status).toBe(404);
    expect((await send(server.app, 'GET', `/v1/agent/handoffs/${h.id}/learning?articleId=`, undefined, cookie)).status).toBe(400);
    expect((await send(server.app, 'GET', `/v1/agent/handoffs/${h.id}/learning?articleId=refunds`)).status).toBe(401);
  });
});

describe('learning phrasings on resolve', () => {
  it('karaoke never learns the refund article; one handoff is pending, a second makes it public', async () => {
    const { cookie } = await signIn(server);
    const queries = ['How do I get a refund?', 'karaoke song lyrics', 'refund for order 482913', 'my name is Ada Lovelace, 12 High Street', 'visa 4242 refund'];
    // The request does not say what to learn: the searches about the article, and nothing else.
    const first = await resolved(cookie, queries, { articleId: 'refunds' }, [opened('refunds', 'How do I get a refund?')]);
    expect(first.answer.learned).toEqual({ articleId: 'refunds', articleTitle: 'How do I get a refund?', count: 1, served: 0 });
    expect(await agentList(cookie)).toMatchObject([{ text: 'How do I get a refund?', count: 1, served: false, confirmedAt: null }]);
    expect(await served('refunds')).toEqual([]);

    server.clock.advance(1000);
    const second = await resolved(cookie, queries, { articleId: 'refunds' });
    expect(second.answer.learned).toEqual({ articleId: 'refunds', articleTitle: 'How do I get a refund?', count: 1, served: 1 });
    expect(await served('refunds')).toEqual(['How do I get a refund?']);
    expect(await agentList(cookie)).toMatchObject([
      { text: 'How do I get a refund?', count: 2, served: true, handoff: { id: second.id, ref: second.ref }, firstLearnedAt: '2025-03-01T10:00:00.000Z', lastLearnedAt: '2025-03-01T10:00:01.000Z' },
    ]);
  });

  it('learns exactly what the agent ticked, an off-topic one included, and refuses personal data or another visitor’s words', async () => {
    const { cookie } = await signIn(server);
    const h = await createHandoff(server.app, { transcript: ['How do I get a refund?', 'karaoke song lyrics', 'refund for order 482913'].map(search) });
    const resolve = (learn: string[]) =>
      send(server.app, 'POST', `/v1/agent/handoffs/${h.id}/resolve`, { outcome: 'answered', articleId: 'refunds', learn }, cookie);
    const personal = await resolve(['How do I get a refund?', 'refund for order 482913']);
    expect(personal.status).toBe(400);
    expect(await personal.json()).toEqual({ code: 'invalid', error: '"refund for order 482913" looks like personal data and is never learned', path: 'learn[1]' });
    const foreign = await resolve(['where is my parcel']);
    expect(await foreign.json()).toEqual({ code: 'invalid', error: '"where is my parcel" is not one of this visitor’s searches', path: 'learn[0]' });
    expect(await server.store.listPhrasings()).toEqual([]);
    expect((await server.store.findHandoff(h.id))?.status).not.toBe('resolved');

    const ok = await resolve(['karaoke song lyrics']);
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as AgentResolveAnswer).learned).toMatchObject({ count: 1, served: 0 });
    expect((await agentList(cookie)).map((p) => p.text)).toEqual(['karaoke song lyrics']);
    expect(await served('refunds')).toEqual([]);
  });

  it('learns nothing when the agent ticks nothing, without an article, or with "no article covers this"', async () => {
    const { cookie } = await signIn(server);
    expect((await resolved(cookie, ['refund late'], { articleId: 'refunds', learn: [] })).answer.learned).toMatchObject({ count: 0 });
    expect((await resolved(cookie, ['refund late'], {})).answer.learned).toBeNull();
    expect((await resolved(cookie, ['refund late'], { noArticle: true })).answer.learned).toBeNull();
    const h = await createHandoff(server.app, { transcript: [search('refund late')] });
    const bad = await send(server.app, 'POST', `/v1/agent/handoffs/${h.id}/resolve`, { outcome: 'answered', learn: ['refund late'] }, cookie);
    expect(await bad.json()).toMatchObject({ path: 'learn' });
    expect(await server.store.listPhrasings()).toEqual([]);
  });

  it('serves a phrasing an agent confirms; a removed one stays a tombstone, never confirmed, served or learned again', async () => {
    const { cookie } = await signIn(server);
    await resolved(cookie, ['where is my card', 'card delivery'], { articleId: 'card-arrival', learn: ['where is my card', 'card delivery'] });
    const list = await agentList(cookie);
    const byText = (text: string) => list.find((p) => p.text === text)!;
    const confirm = (id: string) => send(server.app, 'POST', `/v1/agent/phrasings/${id}/confirm`, {}, cookie);

    const confirmed = await confirm(byText('card delivery').id);
    expect(confirmed.status).toBe(200);
    expect(((await confirmed.json()) as { phrasing: AgentPhrasing }).phrasing).toMatchObject({ served: true, confirmedAt: '2025-03-01T10:00:00.000Z' });
    server.clock.advance(1000);
    expect(((await (await confirm(byText('card delivery').id)).json()) as { phrasing: AgentPhrasing }).phrasing.confirmedAt).toBe('2025-03-01T10:00:00.000Z');
    expect(await served('card-arrival')).toEqual(['card delivery']);

    const target = byText('where is my card');
    const del = () => send(server.app, 'DELETE', `/v1/agent/phrasings/${target.id}`, {}, cookie);
    const first = await del();
    expect(first.status).toBe(200);
    const removed = ((await first.json()) as { phrasing: AgentPhrasing }).phrasing;
    expect(removed).toMatchObject({ id: target.id, text: 'where is my card', removedAt: '2025-03-01T10:00:01.000Z', served: false });
    expect(((await (await del()).json()) as { phrasing: AgentPhrasing }).phrasing).toEqual(removed);
    const late = await confirm(target.id);
    expect(late.status).toBe(409);
    expect(await late.json()).toEqual({ code: 'conflict', error: 'This phrasing was removed: it is never served again.' });

    // Taught again by two more handoffs: still never learned for this article.
    for (let i = 0; i < 2; i++) {
      const again = await resolved(cookie, ['Where is my card?'], { articleId: 'card-arrival' });
      expect(again.answer.learned?.count).toBe(0);
    }
    const h = await createHandoff(server.app, { transcript: [search('Where is my card?')] });
    const offered = (await (await learning(cookie, h.id, 'card-arrival')).json()) as AgentLearning;
    expect(offered.candidates).toMatchObject([{ text: 'Where is my card?', learnable: false, reason: 'removed' }]);
    expect(await served('card-arrival')).toEqual(['card delivery']);
  });

  it('does not count a handoff twice: resolving again is refused', async () => {
    const { cookie } = await signIn(server);
    const r = await resolved(cookie, ['refund late'], { articleId: 'refunds' });
    const again = await send(server.app, 'POST', `/v1/agent/handoffs/${r.id}/resolve`, { outcome: 'answered', articleId: 'refunds' }, cookie);
    expect(again.status).toBe(409);
    expect((await agentList(cookie))[0]!.count).toBe(1);
    expect(await served('refunds')).toEqual([]);
  });

  it('keeps at most the configured number per article, dropping pending ones first, then the least recently learned', async () => {
    const { cookie } = await signIn(server);
    await resolved(cookie, ['refund question', 'old refund'], { articleId: 'refunds' });
    server.clock.advance(1000);
    await resolved(cookie, ['refund question'], { articleId: 'refunds' }); // served now, and older than what follows
    await resolved(cookie, ['delivery days'], { articleId: 'shipping' }); // its own cap
    server.clock.advance(1000);
    const last = await resolved(cookie, ['newest refund', 'newer refund', 'old refund'], { articleId: 'refunds' });
    expect(last.answer.learned).toMatchObject({ count: 2, served: 1 });
    const texts = (await agentList(cookie, '?articleId=refunds')).map((p) => p.text);
    expect(texts.sort()).toEqual(['newer refund', 'old refund', 'refund question']);
    expect((await agentList(cookie, '?articleId=shipping')).map((p) => p.text)).toEqual(['delivery days']);
  });
});

describe('without LIFELINE_ARTICLES', () => {
  it('judges no search about an article on its words: nothing is learned unless the agent ticks it', async () => {
    const plain = await startTestServer();
    try {
      const { cookie } = await signIn(plain);
      const h = await createHandoff(plain.app, { transcript: [search('refund late')] });
      const offered = (await (await send(plain.app, 'GET', `/v1/agent/handoffs/${h.id}/learning?articleId=refunds`, undefined, cookie)).json()) as AgentLearning;
      expect(offered).toMatchObject({ articleTitle: null, articleKnown: false, candidates: [{ text: 'refund late', suggested: false, learnable: true, reason: 'article_unknown' }] });
      const res = await send(plain.app, 'POST', `/v1/agent/handoffs/${h.id}/resolve`, { outcome: 'answered', articleId: 'refunds' }, cookie);
      expect(((await res.json()) as AgentResolveAnswer).learned).toMatchObject({ count: 0 });
      const ticked = await createHandoff(plain.app, { transcript: [search('refund late')] });
      const res2 = await send(plain.app, 'POST', `/v1/agent/handoffs/${ticked.id}/resolve`, { outcome: 'answered', articleId: 'refunds', learn: ['refund late'] }, cookie);
      expect(((await res2.json()) as AgentResolveAnswer).learned).toMatchObject({ count: 1, served: 0 });
    } finally {
      await plain.close();
      await plain.cleanup();
    }
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
    expect((await feed({ 'if-none-match': etag })).res.status).toBe(304); // pending: not served yet
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
    expect((await send(server.app, 'POST', '/v1/agent/phrasings/1/confirm', {})).status).toBe(401);
  });

  it('name the bad field (400) and an unknown phrasing (404)', async () => {
    const { cookie } = await signIn(server);
    const bad = await send(server.app, 'GET', '/v1/agent/phrasings?articleId=', undefined, cookie);
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ path: 'articleId' });
    const badId = await send(server.app, 'DELETE', '/v1/agent/phrasings/abc', {}, cookie);
    expect(badId.status).toBe(400);
    expect(await badId.json()).toMatchObject({ path: 'id' });
    expect(await (await send(server.app, 'POST', '/v1/agent/phrasings/abc/confirm', {}, cookie)).json()).toMatchObject({ path: 'id' });
    expect((await send(server.app, 'POST', '/v1/agent/phrasings/999/confirm', {}, cookie)).status).toBe(404);
    const unknown = await send(server.app, 'DELETE', '/v1/agent/phrasings/999', {}, cookie);
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({ code: 'not_found', error: 'There is no such phrasing.' });
  });
});
