import { describe, expect, it } from 'vitest';
import type { TranscriptEntry } from '../../protocol/types';
import type { AgentReport } from './agent-types';
import { AT, bearer, createHandoff, send, signIn, startTestServer, eachTestOnAFreshServer, SLOT } from '../testing';

type Server = Awaited<ReturnType<typeof startTestServer>>;
let server: Server;
eachTestOnAFreshServer((s) => (server = s));

const DAY = 86_400_000;
const search = (query: string, resultCount = 0): TranscriptEntry => ({ type: 'search', at: AT, query, resultCount, topIds: [] });
const article = (articleId: string, title: string): TranscriptEntry => ({ type: 'article', at: AT, articleId, title });
const asked = (channel: 'chat' | 'callback' | 'phone'): TranscriptEntry => ({ type: 'handoff', at: AT, channel });
const CALLBACK = { phone: '+1 555 0100', ...SLOT };

describe('reports', () => {
  it('counts no-result searches, articles before a handoff, channels, outcomes and the median first reply', async () => {
    let { cookie } = await signIn(server);
    const post = (path: string, body: unknown) => send(server.app, 'POST', path, body, cookie);
    const reply = (id: string) => post(`/v1/agent/handoffs/${id}/messages`, { clientMessageId: crypto.randomUUID(), text: 'Hello' });
    const resolve = (id: string, outcome: string, extra: object = {}) => post(`/v1/agent/handoffs/${id}/resolve`, { outcome, ...extra });

    // A day before the period: counts in none of its figures.
    const old = await createHandoff(server.app, { transcript: [search('old question'), article('refunds', 'Refunds'), asked('chat')] });
    await reply(old.id);
    await resolve(old.id, 'other');
    server.clock.advance(DAY);
    ({ cookie } = await signIn(server)); // a session lasts 8 hours
    const periodStart = new Date(server.clock.now()).toISOString();

    const chat1 = await createHandoff(server.app, {
      transcript: [search('Refund late'), article('refunds', 'Refunds'), search('refund late '), article('shipping', 'Shipping times'), asked('chat')],
    });
    const chat2 = await createHandoff(server.app, { transcript: [search('warranty'), search('tyres', 3), asked('chat')] });
    const callback = await createHandoff(server.app, {
      channel: 'callback',
      visitor: { name: 'Bo', email: 'Bo@Example.com' },
      // The clock moved a day on: the same time of the next day.
      callback: { ...CALLBACK, from: CALLBACK.from.replace('03-01', '03-02'), to: CALLBACK.to.replace('03-01', '03-02') },
      transcript: [search('Warranty'), article('refunds', 'Refunds'), { type: 'feedback', at: AT, articleId: 'refunds', helpful: false }, asked('callback')],
    });
    // An article read after asking is not what fell short.
    const phone = await createHandoff(server.app, {
      channel: 'phone',
      transcript: [article('refunds', 'Refunds'), asked('phone'), article('shipping', 'Shipping times')],
    });

    server.clock.advance(30_000);
    expect((await reply(chat1.id)).status).toBe(201); // 30 s
    server.clock.advance(60_000);
    expect((await reply(chat2.id)).status).toBe(201); // 90 s
    await resolve(chat1.id, 'answered');
    // Both together make no sense: the article that answered, and none covering it.
    expect((await resolve(chat2.id, 'answered', { noArticle: true, articleId: 'warranty' })).status).toBe(400);
    expect((await resolve(chat2.id, 'answered', { noArticle: true })).status).toBe(200);
    await post(`/v1/agent/handoffs/${callback.id}/callback`, { state: 'done' }); // answered
    await resolve(phone.id, 'duplicate');
    // The visitors' word once their conversations ended: two Good, one Bad; of the two who
    // answered the repeat question, one had to repeat themselves. The old handoff's is not counted.
    const rate = (h: { id: string; token: string }, body: object) => send(server.app, 'POST', `/v1/handoffs/${h.id}/rating`, body, bearer(h.token));
    expect((await rate(chat1, { good: true, repeated: false })).status).toBe(201);
    expect((await rate(chat2, { good: false, repeated: true, comment: 'Asked twice for my order number' })).status).toBe(201);
    expect((await rate(callback, { good: true })).status).toBe(201);
    expect((await rate(old, { good: false, repeated: true })).status).toBe(201);

    const to = new Date(server.clock.now()).toISOString();
    const res = await send(server.app, 'GET', `/v1/agent/reports?from=${periodStart}&to=${to}`, undefined, cookie);
    expect(res.status).toBe(200);
    expect((await res.json()) as AgentReport).toEqual({
      from: periodStart,
      to,
      // Ada searched "refund late" twice (one visitor); Ada and Bo searched "warranty" (two).
      noResultSearches: [
        { query: 'warranty', count: 2, visitors: 2 },
        { query: 'refund late', count: 2, visitors: 1 },
      ],
      articlesBeforeHandoff: [
        { articleId: 'refunds', title: 'Refunds', count: 2, visitors: 2 },
        { articleId: 'shipping', title: 'Shipping times', count: 1, visitors: 1 },
      ],
      handoffsByChannel: { chat: 2, callback: 1, phone: 1 },
      visitors: 2,
      handoffsByOutcome: { answered: 3, no_answer: 0, duplicate: 1, other: 0 },
      medianFirstReplySeconds: 60,
      noArticleHandoffs: 1,
      noArticleVisitors: 1,
      noArticleSearches: [
        { query: 'tyres', count: 1, visitors: 1 },
        { query: 'warranty', count: 1, visitors: 1 },
      ],
      ratings: { rated: 3, good: 2, goodShare: 2 / 3, repeatAnswered: 2, repeated: 1, repeatedShare: 0.5 },
      // Any article read before asking, not only the last; Bo said Refunds did not help.
      articlesReadBeforeHandoff: [
        { articleId: 'refunds', title: 'Refunds', count: 3, visitors: 2, notHelpful: 1 },
        { articleId: 'shipping', title: 'Shipping times', count: 1, visitors: 1, notHelpful: 0 },
      ],
      // Every search before a handoff, whatever it found, per handoff once, grouped by wording.
      searchesBeforeHandoff: [
        { label: 'warranty', queries: [{ query: 'warranty', count: 2 }], count: 2, visitors: 2 },
        { label: 'refund late', queries: [{ query: 'refund late', count: 1 }], count: 1, visitors: 1 },
        { label: 'tyres', queries: [{ query: 'tyres', count: 1 }], count: 1, visitors: 1 },
      ],
      noArticleQuestions: [
        { label: 'tyres', queries: [{ query: 'tyres', count: 1 }], count: 1, visitors: 1 },
        { label: 'warranty', queries: [{ query: 'warranty', count: 1 }], count: 1, visitors: 1 },
      ],
    } satisfies AgentReport);

    // By default the last 7 days, up to now: the older handoff is in.
    const week = (await (await send(server.app, 'GET', '/v1/agent/reports', undefined, cookie)).json()) as AgentReport;
    expect(week.to).toBe(to);
    expect(week.from).toBe(new Date(server.clock.now() - 7 * DAY).toISOString());
    expect(week.handoffsByChannel.chat).toBe(3);
    expect(week.handoffsByOutcome.other).toBe(1);
    expect(week.noResultSearches).toContainEqual({ query: 'old question', count: 1, visitors: 1 });
    expect(week.medianFirstReplySeconds).toBe(30); // 0, 30, 90
  });

  it('counts visitors, not handoffs: one visitor asking five times is one visitor', async () => {
    const { cookie } = await signIn(server);
    // The same signed-in visitor (e-mail) asks five times; two anonymous visitors once each.
    for (let i = 0; i < 5; i++) await createHandoff(server.app, { visitor: { email: 'same@example.com' }, transcript: [search('lost key'), asked('chat')] });
    for (let i = 0; i < 2; i++) await createHandoff(server.app, { visitor: { name: 'Anon' }, transcript: [search('broken spoke'), asked('chat')] });
    const report = (await (await send(server.app, 'GET', '/v1/agent/reports', undefined, cookie)).json()) as AgentReport;
    expect(report.noResultSearches).toEqual([
      { query: 'broken spoke', count: 2, visitors: 2 },
      { query: 'lost key', count: 5, visitors: 1 },
    ]);
    expect(report.visitors).toBe(3);
    expect(report.handoffsByChannel.chat).toBe(7);
  });

  it('answers nulls and zeros for a period without handoffs', async () => {
    const { cookie } = await signIn(server);
    const res = await send(server.app, 'GET', '/v1/agent/reports?from=2024-01-01&to=2024-01-02', undefined, cookie);
    expect(await res.json()).toEqual({
      from: '2024-01-01T00:00:00.000Z',
      to: '2024-01-02T00:00:00.000Z',
      noResultSearches: [],
      articlesBeforeHandoff: [],
      handoffsByChannel: { chat: 0, callback: 0, phone: 0 },
      visitors: 0,
      handoffsByOutcome: { answered: 0, no_answer: 0, duplicate: 0, other: 0 },
      medianFirstReplySeconds: null,
      noArticleHandoffs: 0,
      noArticleVisitors: 0,
      noArticleSearches: [],
      ratings: { rated: 0, good: 0, goodShare: null, repeatAnswered: 0, repeated: 0, repeatedShare: null },
      articlesReadBeforeHandoff: [],
      searchesBeforeHandoff: [],
      noArticleQuestions: [],
    } satisfies AgentReport);
  });

  it('groups the questions no article covers by wording, so the article to write first comes first', async () => {
    const { cookie } = await signIn(server);
    const post = (path: string, body: unknown) => send(server.app, 'POST', path, body, cookie);
    const uncovered = async (email: string, query: string) => {
      const h = await createHandoff(server.app, { visitor: { email }, transcript: [search(query), asked('chat')] });
      expect((await post(`/v1/agent/handoffs/${h.id}/resolve`, { outcome: 'answered', noArticle: true })).status).toBe(200);
    };
    await uncovered('a@example.com', 'Can I pay in instalments?');
    await uncovered('b@example.com', 'pay in instalments');
    await uncovered('c@example.com', 'instalment payments');
    await uncovered('d@example.com', 'gift wrapping');
    // Asked in a handoff that an article answered: not a gap.
    await createHandoff(server.app, { transcript: [search('gift wrap'), asked('chat')] });
    const report = (await (await send(server.app, 'GET', '/v1/agent/reports', undefined, cookie)).json()) as AgentReport;
    expect(report.noArticleQuestions.map((g) => [g.label, g.queries.map((q) => q.query), g.visitors])).toEqual([
      ['can i pay in instalments?', ['can i pay in instalments?', 'instalment payments', 'pay in instalments'], 3],
      ['gift wrapping', ['gift wrapping'], 1],
    ]);
    expect(report.searchesBeforeHandoff[1]).toMatchObject({ label: 'gift wrap', queries: [{ query: 'gift wrap' }, { query: 'gift wrapping' }], visitors: 2 });
  });

  it('refuses bad dates and a period that ends before it starts, with 400', async () => {
    const { cookie } = await signIn(server);
    for (const query of ['from=yesterday', 'to=2025-13-45', 'from=1', 'from=2025-03-02T00:00:00Z&to=2025-03-01T00:00:00Z']) {
      const res = await send(server.app, 'GET', `/v1/agent/reports?${query}`, undefined, cookie);
      expect(res.status, query).toBe(400);
    }
  });

  it('needs a session', async () => {
    expect((await send(server.app, 'GET', '/v1/agent/reports')).status).toBe(401);
  });
});
