import { describe, expect, it } from 'vitest';
import type { HandoffState } from '../../protocol/types';
import { catalogOf, NO_CATALOG } from '../article-catalog';
import { webhooksFor } from '../webhooks/events';
import { bearer, createHandoff, eachTestOnAFreshServer, send, signIn, type StartedServer } from '../testing';
import type { AgentHandoffDetail } from './agent-types';

const REFUNDS = { articleId: 'refunds', title: 'How do I get a refund?' };

describe('an article sent in the chat, on a server that knows the site’s articles', () => {
  let server: StartedServer;
  eachTestOnAFreshServer((s) => (server = s), { articles: catalogOf([{ id: 'refunds', title: REFUNDS.title }, { id: 'track-order', title: 'Where is my order?' }]) });

  it('refuses an article that does not exist, naming the one meant, and stores nothing', async () => {
    const { cookie } = await signIn(server);
    const h = await createHandoff(server.app);
    const typo = await send(server.app, 'POST', `/v1/agent/handoffs/${h.id}/messages`, { clientMessageId: 'card-0001', article: { articleId: 'refnds' } }, cookie);
    expect(typo.status).toBe(400);
    expect(await typo.json()).toEqual({
      code: 'invalid',
      error: 'There is no article "refnds" in the site\'s articles; did you mean "refunds" (How do I get a refund?)?',
      path: 'article.articleId',
    });
    const bad = await send(server.app, 'POST', `/v1/agent/handoffs/${h.id}/messages`, { clientMessageId: 'card-0002', article: 'refunds' }, cookie);
    expect(await bad.json()).toEqual({ code: 'invalid', error: 'article must be a JSON object', path: 'article' });
    expect(await server.store.messages(h.id)).toEqual([]);
  });

  it('sends it with the catalog’s title, tells the visitor’s stream and the webhooks, and records its reading once', async () => {
    const { cookie } = await signIn(server);
    const h = await createHandoff(server.app);
    // The title sent is not the site's: the catalog names the article.
    const body = { clientMessageId: 'card-0003', text: ' This explains it ', article: { articleId: 'refunds', title: 'Refunds (old)' } };
    const res = await send(server.app, 'POST', `/v1/agent/handoffs/${h.id}/messages`, body, cookie);
    expect(res.status).toBe(201);
    const { message } = (await res.json()) as { message: { article: unknown; text: string; author: string } };
    expect(message).toMatchObject({ text: 'This explains it', author: 'Ada', article: REFUNDS });
    expect((await send(server.app, 'POST', `/v1/agent/handoffs/${h.id}/messages`, body, cookie)).status).toBe(200); // a resend

    // The visitor's view has it, and the event in the log carries it.
    const state = (await (await send(server.app, 'GET', `/v1/handoffs/${h.id}`, undefined, bearer(h.token))).json()) as HandoffState;
    expect(state.messages.at(-1)).toMatchObject({ from: 'agent', article: REFUNDS });
    const events = await server.store.eventsAfter(h.id, 0);
    const told = events.find((e) => e.event.type === 'message')!;
    expect(told.event).toMatchObject({ type: 'message', message: { article: REFUNDS, text: 'This explains it' } });
    const [hook] = webhooksFor(told, (await server.store.findHandoff(h.id))!, { publicOrigin: null });
    expect(hook!.body).toMatchObject({ type: 'message.created', data: { message: { article: REFUNDS, text: `This explains it\n\nArticle: ${REFUNDS.title}` } } });

    // The visitor opens it: one transcript entry, however often they open it; another article was never sent.
    const never = await send(server.app, 'POST', `/v1/handoffs/${h.id}/article-read`, { articleId: 'track-order' }, bearer(h.token));
    expect(never.status).toBe(404);
    expect(await never.json()).toEqual({ code: 'not_sent', error: 'No agent sent this article in this conversation.', path: 'articleId' });
    expect((await send(server.app, 'POST', `/v1/handoffs/${h.id}/article-read`, { articleId: 'refunds' }, bearer(h.token))).status).toBe(204);
    expect((await send(server.app, 'POST', `/v1/handoffs/${h.id}/article-read`, { articleId: 'refunds' }, bearer(h.token))).status).toBe(204);
    expect((await send(server.app, 'POST', `/v1/handoffs/${h.id}/article-read`, { articleId: 'refunds' })).status).toBe(401);
    const detail = (await (await send(server.app, 'GET', `/v1/agent/handoffs/${h.id}`, undefined, cookie)).json()) as AgentHandoffDetail;
    expect(detail.transcript.filter((e) => e.type === 'article')).toEqual([{ type: 'article', at: expect.any(String), articleId: 'refunds', title: REFUNDS.title }]);
    expect(detail.messages.at(-1)).toMatchObject({ article: REFUNDS });
    expect((await server.store.eventsAfter(h.id, 0)).filter((e) => e.event.type === 'transcript')).toHaveLength(1);
  });

  it('sends an article without a note, and still refuses an empty plain reply', async () => {
    const { cookie } = await signIn(server);
    const h = await createHandoff(server.app);
    const res = await send(server.app, 'POST', `/v1/agent/handoffs/${h.id}/messages`, { clientMessageId: 'card-0004', article: { articleId: 'track-order' } }, cookie);
    expect(res.status).toBe(201);
    expect(((await res.json()) as { message: unknown }).message).toMatchObject({ text: '', article: { articleId: 'track-order', title: 'Where is my order?' } });
    const empty = await send(server.app, 'POST', `/v1/agent/handoffs/${h.id}/messages`, { clientMessageId: 'card-0005', text: ' ' }, cookie);
    expect(await empty.json()).toEqual({ code: 'invalid', error: 'text must not be empty', path: 'text' });
  });

  it('keeps the visitor to text: an article in their message is not taken', async () => {
    const h = await createHandoff(server.app);
    const res = await send(server.app, 'POST', `/v1/handoffs/${h.id}/messages`, { clientMessageId: 'visitor-0001', text: 'Hi', article: REFUNDS }, bearer(h.token));
    expect(res.status).toBe(201);
    expect(((await res.json()) as { message: object }).message).not.toHaveProperty('article');
  });
});

describe('an article sent in the chat, on a server not told the articles', () => {
  let server: StartedServer;
  eachTestOnAFreshServer((s) => (server = s), { articles: NO_CATALOG });

  it('takes any id with its title, and asks for the title when it has none', async () => {
    const { cookie } = await signIn(server);
    const h = await createHandoff(server.app);
    const untitled = await send(server.app, 'POST', `/v1/agent/handoffs/${h.id}/messages`, { clientMessageId: 'card-0006', article: { articleId: 'warranty' } }, cookie);
    expect(untitled.status).toBe(400);
    expect(await untitled.json()).toEqual({
      code: 'invalid',
      error: "article.title is required: this server was not told the site's articles (LIFELINE_ARTICLES), so it cannot name the article.",
      path: 'article.title',
    });
    const titled = await send(server.app, 'POST', `/v1/agent/handoffs/${h.id}/messages`, { clientMessageId: 'card-0007', article: { articleId: 'warranty', title: 'Warranty' } }, cookie);
    expect(titled.status).toBe(201);
    expect(((await titled.json()) as { message: unknown }).message).toMatchObject({ article: { articleId: 'warranty', title: 'Warranty' } });
  });
});
