import { describe, expect, it } from 'vitest';
import type { TranscriptEntry } from '../../protocol/types';
import { catalogOf } from '../article-catalog';
import { AT, createHandoff, eachTestOnAFreshServer, send, signIn, startTestServer, type StartedServer } from '../testing';
import type { AgentHandoffDetail, AgentResolveAnswer } from './agent-types';

let server: StartedServer;
eachTestOnAFreshServer((s) => (server = s), {
  articles: catalogOf([
    { id: 'refunds', title: 'How do I get a refund?', text: { title: 'How do I get a refund?', body: 'Your money back in 30 days.', keywords: ['money back'], lang: 'en' } },
    { id: 'track-order', title: 'Where is my order?' },
  ]),
});

const search = (query: string): TranscriptEntry => ({ type: 'search', at: AT, query, resultCount: 0, topIds: [] });

describe('the site’s articles (LIFELINE_ARTICLES)', () => {
  it('lists them for the console, to signed-in agents only', async () => {
    expect((await send(server.app, 'GET', '/v1/agent/articles')).status).toBe(401);
    const { cookie } = await signIn(server);
    const res = await send(server.app, 'GET', '/v1/agent/articles', undefined, cookie);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      articles: [
        { id: 'refunds', title: 'How do I get a refund?' },
        { id: 'track-order', title: 'Where is my order?' },
      ],
    });
  });

  it('refuses to resolve with an article that does not exist, suggesting the one meant, and changes nothing', async () => {
    const { cookie } = await signIn(server);
    const h = await createHandoff(server.app, { transcript: [search('money back please')] });
    const typo = await send(server.app, 'POST', `/v1/agent/handoffs/${h.id}/resolve`, { outcome: 'answered', articleId: 'refnds' }, cookie);
    expect(typo.status).toBe(400);
    expect(await typo.json()).toEqual({
      code: 'invalid',
      error: 'There is no article "refnds" in the site\'s articles; did you mean "refunds" (How do I get a refund?)?',
      path: 'articleId',
    });
    const unknown = await send(server.app, 'POST', `/v1/agent/handoffs/${h.id}/resolve`, { outcome: 'answered', articleId: 'warranty' }, cookie);
    expect(((await unknown.json()) as { error: string }).error).toBe(
      'There is no article "warranty" in the site\'s articles; GET /v1/agent/articles lists them.',
    );
    const detail = (await (await send(server.app, 'GET', `/v1/agent/handoffs/${h.id}`, undefined, cookie)).json()) as AgentHandoffDetail;
    expect(detail.status).not.toBe('resolved');
    expect(await server.store.listPhrasings()).toEqual([]);

    const ok = await send(server.app, 'POST', `/v1/agent/handoffs/${h.id}/resolve`, { outcome: 'answered', articleId: 'refunds' }, cookie);
    expect(ok.status).toBe(200);
    // The title comes from the site's articles even when the visitor never opened the article.
    expect(((await ok.json()) as AgentResolveAnswer).learned).toEqual({ articleId: 'refunds', articleTitle: 'How do I get a refund?', count: 1, served: 0 });
  });

  it('still resolves without an article, or with "no article covers this"', async () => {
    const { cookie } = await signIn(server);
    const a = await createHandoff(server.app);
    expect((await send(server.app, 'POST', `/v1/agent/handoffs/${a.id}/resolve`, { outcome: 'answered' }, cookie)).status).toBe(200);
    const b = await createHandoff(server.app);
    expect((await send(server.app, 'POST', `/v1/agent/handoffs/${b.id}/resolve`, { outcome: 'answered', noArticle: true }, cookie)).status).toBe(200);
  });
});

describe('without LIFELINE_ARTICLES', () => {
  it('says it does not know the articles', async () => {
    const plain = await startTestServer();
    try {
      const { cookie } = await signIn(plain);
      expect(await (await send(plain.app, 'GET', '/v1/agent/articles', undefined, cookie)).json()).toEqual({ articles: null });
    } finally {
      await plain.close();
      await plain.cleanup();
    }
  });
});
