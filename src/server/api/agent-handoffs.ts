/**
 * The agents' work on handoffs (the console's API): the queue, one handoff in full, lookup by
 * the ref a caller reads out, claiming, replying, typing, resolving, a callback's steps, and one live stream of
 * every handoff's events. All behind requireAgent (agent-auth.ts), mounted under /v1/agent.
 */
import { Hono } from 'hono';
import { LIMITS, validateAgentMessage, validateResolve, validateTyping } from '../../protocol/validate';
import { redactText } from '../redact';
import type { Outcome } from '../service/handoffs';
import type { MessageArticle } from '../../protocol/types';
import type { HandoffFilter, HandoffRecord } from '../store/types';
import { closestArticle } from '../article-catalog';
import { candidatesFor } from '../learning';
import { articleTitleIn } from '../phrasings';
import type { AgentEarlierHandoff, AgentLearning, AgentStreamEvent, LearnedPhrasings } from './agent-types';
import { validateCallbackStep } from './callback-step';
import { AGENTS_TOPIC, type ApiDeps, type ApiEnv } from './deps';
import { problem, readJson, type ApiContext } from './http';
import { refused } from './refusals';
import { eventStream, lastEventIdOf } from './sse';
import { toDetail, toEarlier, toMessage, toSummary } from './views';
import { questionOf } from '../story';
import { sendAttachment, upload } from './attachments';

/** The longest list an agent gets at once. */
const LIST_LIMIT = 500;
/** A verified customer's other handoffs shown beside one. */
const EARLIER_LIMIT = 20;
/** Events read from the log per query while replaying the agents' stream. */
const REPLAY_BATCH = 500;
const FILTERS: readonly HandoffFilter[] = ['open', 'resolved', 'all'];

export function agentHandoffRoutes(deps: ApiDeps): Hono<ApiEnv> {
  const routes = new Hono<ApiEnv>();
  const { store, service } = deps;

  const detail = async (c: ApiContext, h: HandoffRecord, extra: object = {}) => {
    const [messages, position, lastEventId, steps, rating, earlier] = await Promise.all([
      store.messages(h.id),
      store.queuePosition(h.id),
      store.lastSeq(h.id),
      h.channel === 'callback' ? store.callbackSteps(h.id) : [],
      store.findRating(h.id),
      earlierOf(h),
    ]);
    return c.json({ ...toDetail(h, messages, position, lastEventId, steps, rating, earlier), ...extra });
  };
  /** A verified customer's other handoffs, newest first: only by the verified sub, never by what a page claimed. */
  const earlierOf = async (h: HandoffRecord): Promise<AgentEarlierHandoff[]> => {
    if (!h.verified) return [];
    const others = (await store.handoffsOfCustomer(h.verified.sub, EARLIER_LIMIT + 1)).filter((o) => o.id !== h.id).slice(0, EARLIER_LIMIT);
    return Promise.all(
      others.map(async (o) => {
        const first = o.channel === 'chat' && !questionOf(o) ? (await store.messages(o.id)).find((m) => m.sender === 'visitor' && m.text) : undefined;
        return toEarlier(o, first?.text ?? null);
      }),
    );
  };
  const agentOf = (c: ApiContext) => ({ id: c.get('agent').id, name: c.get('agent').name });
  /** A handoff's state changed (the service told the streams and the queue): answer its detail. */
  const changed = (c: ApiContext, result: Outcome<{ handoff: HandoffRecord }>) => (result.ok ? detail(c, result.handoff) : refused(c, result.reason));

  routes.get('/handoffs', async (c) => {
    const filter = FILTERS.find((f) => f === (c.req.query('status') ?? 'open'));
    if (filter === undefined) return problem(c, 400, 'status must be one of "open", "resolved", "all"', 'status');
    await service.expirePhoneRefs();
    const handoffs = await store.listHandoffs(filter, LIST_LIMIT);
    return c.json({ handoffs: handoffs.map(toSummary) });
  });

  routes.get('/handoffs/by-ref/:ref', async (c) => {
    await service.expirePhoneRefs(); // yesterday's phone reference is not the caller on the line today
    const h = await store.findOpenHandoffByRef(c.req.param('ref'));
    return h ? detail(c, h) : problem(c, 404, `No open handoff has the ref ${c.req.param('ref')}.`);
  });

  routes.get('/handoffs/:id', async (c) => {
    const h = await store.findHandoff(c.req.param('id'));
    return h ? detail(c, h) : refused(c, 'not_found');
  });

  routes.post('/handoffs/:id/claim', async (c) => {
    return changed(c, await service.claim(c.req.param('id'), agentOf(c)));
  });

  // A reply, or one of the site's articles (with a note or not): the visitor gets a card that
  // opens it in the help panel, so an article that does not exist is refused here.
  routes.post('/handoffs/:id/messages', async (c) => {
    const body = await readJson(c, validateAgentMessage);
    if (!body.ok) return body.response;
    let article: MessageArticle | undefined;
    if (body.value.article) {
      const { articleId } = body.value.article;
      const unknown = unknownArticle(c, articleId, 'article.articleId');
      if (unknown) return unknown;
      // The catalog's title when the server knows the articles; else the one sent, or the visitor's own.
      const h = deps.articles.titles() ? null : await store.findHandoff(c.req.param('id'));
      const title = deps.articles.titles()?.get(articleId) ?? body.value.article.title ?? (h && articleTitleIn(h.transcript, articleId));
      if (!title) {
        return problem(c, 400, 'article.title is required: this server was not told the site\'s articles (LIFELINE_ARTICLES), so it cannot name the article.', 'article.title');
      }
      article = { articleId, title };
    }
    const result = await service.message(c.req.param('id'), {
      clientMessageId: body.value.clientMessageId,
      text: redactText(body.value.text),
      agent: agentOf(c),
      ...(article && { article }),
    });
    if (!result.ok) return refused(c, result.reason);
    return c.json({ message: toMessage(result.message) }, result.created ? 201 : 200);
  });

  // The agent's file, as the visitor's (attachments.ts): a message of its own, claiming as a reply does.
  routes.post('/handoffs/:id/attachments', async (c) => upload(c, deps, c.req.param('id'), agentOf(c)));

  routes.get('/handoffs/:id/attachments/:attachmentId', async (c) => {
    return sendAttachment(c, await store.findAttachment(c.req.param('id'), c.req.param('attachmentId')));
  });

  routes.post('/handoffs/:id/typing', async (c) => {
    const body = await readJson(c, validateTyping);
    if (!body.ok) return body.response;
    const result = await service.typing(c.req.param('id'), { agent: agentOf(c) }, body.value.typing);
    return result.ok ? c.body(null, 204) : refused(c, result.reason);
  });

  /** A 400 naming the closest article when `articleId` is not one of the site's; null when it is (or any id goes). */
  const unknownArticle = (c: ApiContext, articleId: string, path = 'articleId') => {
    const titles = deps.articles.titles();
    if (!titles || titles.has(articleId)) return null;
    const near = closestArticle(articleId, titles);
    const hint = near ? `; did you mean "${near.id}" (${near.title})?` : '; GET /v1/agent/articles lists them.';
    return problem(c, 400, `There is no article "${articleId}" in the site's articles${hint}`, path);
  };
  const titleOf = (h: HandoffRecord, articleId: string): string | null =>
    deps.articles.titles()?.get(articleId) ?? articleTitleIn(h.transcript, articleId);

  // What resolving with an article would teach: the resolve form lists it, each with a checkbox.
  routes.get('/handoffs/:id/learning', async (c) => {
    const articleId = c.req.query('articleId')?.trim() ?? '';
    if (articleId === '' || articleId.length > LIMITS.articleId) {
      return problem(c, 400, `articleId must be an article id of 1 to ${LIMITS.articleId} characters`, 'articleId');
    }
    const unknown = unknownArticle(c, articleId);
    if (unknown) return unknown;
    const h = await store.findHandoff(c.req.param('id'));
    if (!h) return refused(c, 'not_found');
    return c.json<AgentLearning>({
      articleId,
      articleTitle: titleOf(h, articleId),
      articleKnown: deps.articles.article(articleId) !== null,
      candidates: await candidatesFor(deps, h, articleId),
    });
  });

  routes.post('/handoffs/:id/resolve', async (c) => {
    const body = await readJson(c, validateResolve);
    if (!body.ok) return body.response;
    const { outcome, articleId, noArticle } = body.value;
    // Phrasings taught to an article that does not exist would be lost on every visitor.
    const unknown = articleId != null ? unknownArticle(c, articleId) : null;
    if (unknown) return unknown;
    const result = await service.resolve(c.req.param('id'), agentOf(c), {
      outcome,
      articleId: articleId ?? null,
      noArticle: noArticle ?? false,
      ...(body.value.learn !== undefined && { learn: body.value.learn }),
      ...(body.value.closing !== undefined && { closing: redactText(body.value.closing) }),
    });
    if (!result.ok && result.reason === 'learn') {
      return problem(c, 400, `"${body.value.learn![result.index]}" ${result.error}`, `learn[${result.index}]`);
    }
    if (!result.ok) return refused(c, result.reason);
    // What the visitor's searches taught, for the console to say so (phrasings.ts).
    const learned: LearnedPhrasings | null =
      articleId == null ? null : { articleId, articleTitle: titleOf(result.handoff, articleId), count: result.learned, served: result.served };
    return detail(c, result.handoff, { learned });
  });

  // The console has the chat open and visible: the visitor's latest message is seen (their "Seen").
  routes.post('/handoffs/:id/seen', async (c) => {
    const result = await service.seen(c.req.param('id'), agentOf(c));
    if (!result.ok) return refused(c, result.reason);
    return c.json({ messageId: result.messageId });
  });

  routes.post('/handoffs/:id/callback', async (c) => {
    const body = await readJson(c, validateCallbackStep);
    if (!body.ok) return body.response;
    return changed(c, await service.callbackStep(c.req.param('id'), agentOf(c), body.value.state));
  });

  // Every handoff's events, a stored one with its event-log id as the SSE id: a console that
  // reconnects (to any instance) with Last-Event-ID first gets what it missed; without one, it
  // is live from now on (the console reads its lists, then listens).
  routes.get('/events', (c) => {
    const agentId = c.get('agent').id;
    const after = lastEventIdOf(c) ?? null;
    if (after !== null && Number.isNaN(after)) return problem(c, 400, 'Last-Event-ID must be a whole number, 0 or more.', 'Last-Event-ID');
    return eventStream(c, deps, {
      topic: AGENTS_TOPIC,
      replay: { by: 'id', after, read: (id) => store.eventLogAfter(id, REPLAY_BATCH), limit: REPLAY_BATCH },
      format: ({ handoffId, seq, id, event }) => ({
        ...(id !== undefined && { id: String(id) }),
        event: event.type,
        data: JSON.stringify({ ...event, handoffId, seq } satisfies AgentStreamEvent),
      }),
      onOpen: () => deps.presence.connect(agentId),
    });
  });

  return routes;
}
