/**
 * GET /v1/history: a verified visitor's earlier conversations, on any device. The only key is
 * an identity token the site's server signed (`Authorization: Bearer <token>`, the same token
 * as identify's): the conversations are those of its `sub`, never of what the page claims.
 */
import { Hono } from 'hono';
import type { HistoryConversation, HistoryResponse } from '../../protocol/types';
import type { ApiDeps, ApiEnv } from './deps';
import { clientIp, identityRefused, problem, rateLimited } from './http';
import { toMessage } from './views';

/** Conversations per answer: a customer's recent ones; `more` says there are older (`?before=` the last one's id gets them). */
export const HISTORY_LIMIT = 20;

export function historyRoutes(deps: ApiDeps): Hono<ApiEnv> {
  const routes = new Hono<ApiEnv>();

  routes.get('/history', async (c) => {
    const limited = await rateLimited(c, deps.limiters.postMessage, clientIp(c, deps.trustProxy));
    if (limited) return limited;
    if (!deps.identity.enabled) {
      return c.json({ error: 'This server keeps no history for visitors: it has no LIFELINE_IDENTITY_SECRET to check who they are.', code: 'identity_off' }, 404);
    }
    const token = /^Bearer +(\S+)\s*$/i.exec(c.req.header('authorization') ?? '')?.[1];
    if (token === undefined) {
      return identityRefused(c, { code: 'identity_missing', error: 'Send the identity token your site signed as `Authorization: Bearer <token>`.' });
    }
    const read = deps.identity.read(token, 'the Authorization header');
    if (!read.ok) return identityRefused(c, read);
    if (!read.identity) return problem(c, 500, 'Something went wrong on our side; try again in a moment.'); // enabled: a token is always read
    // The next page: `before`, the last conversation of the one before (never another customer's:
    // refused alike whether it exists or not, so nobody learns which ids do).
    const before = c.req.query('before');
    if (before !== undefined) {
      const from = before.length <= 100 ? await deps.store.findHandoff(before) : null;
      if (from?.verified?.sub !== read.identity.sub) return problem(c, 400, '`before` is not one of your conversations: give the id of the last conversation of the page before.', 'before');
    }
    const handoffs = await deps.store.handoffsOfCustomer(read.identity.sub, HISTORY_LIMIT + 1, before);
    const conversations = await Promise.all(
      handoffs.slice(0, HISTORY_LIMIT).map(async (h): Promise<HistoryConversation> => ({
        id: h.id,
        ref: h.ref,
        channel: h.channel,
        status: h.status,
        createdAt: h.createdAt,
        resolvedAt: h.resolvedAt,
        agentName: h.agentName,
        messages: (await deps.store.messages(h.id)).map(toMessage),
        ...(h.callback && { callback: h.callback }),
      })),
    );
    const answer: HistoryResponse = { conversations, more: handoffs.length > HISTORY_LIMIT };
    c.header('Cache-Control', 'no-store');
    return c.json(answer);
  });

  return routes;
}
