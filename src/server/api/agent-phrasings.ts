/**
 * The agents' view of learned phrasings: GET /v1/agent/phrasings[?articleId=] lists the live
 * ones (with how often and when they were learned, the handoff that last taught them, and
 * whether they are served yet), POST /v1/agent/phrasings/:id/confirm serves a pending one, and
 * DELETE /v1/agent/phrasings/:id removes one for good. Behind requireAgent, under /v1/agent.
 */
import { Hono } from 'hono';
import { LIMITS } from '../../protocol/validate';
import { isServed } from '../phrasings';
import type { PhrasingRecord } from '../store/types';
import type { AgentArticles, AgentPhrasing } from './agent-types';
import type { ApiDeps, ApiEnv } from './deps';
import { problem } from './http';

export const toAgentPhrasing = (p: PhrasingRecord): AgentPhrasing => ({
  id: p.id,
  articleId: p.articleId,
  text: p.text,
  count: p.count,
  firstLearnedAt: p.firstLearnedAt,
  lastLearnedAt: p.lastLearnedAt,
  handoff: p.handoffId !== null && p.handoffRef !== null ? { id: p.handoffId, ref: p.handoffRef } : null,
  served: isServed(p),
  confirmedAt: p.confirmedAt,
  removedAt: p.removedAt,
});

export function agentPhrasingRoutes(deps: ApiDeps): Hono<ApiEnv> {
  const routes = new Hono<ApiEnv>();

  // The site's articles as the server knows them (LIFELINE_ARTICLES), for the console to offer
  // by title; null when it was not told them.
  routes.get('/articles', (c) => {
    const titles = deps.articles.titles();
    return c.json<AgentArticles>({ articles: titles && [...titles].map(([id, title]) => ({ id, title })) });
  });

  routes.get('/phrasings', async (c) => {
    const articleId = c.req.query('articleId');
    if (articleId !== undefined && (articleId.trim() === '' || articleId.length > LIMITS.articleId)) {
      return problem(c, 400, `articleId must be an article id of 1 to ${LIMITS.articleId} characters`, 'articleId');
    }
    const phrasings = await deps.store.listPhrasings(articleId);
    return c.json({ phrasings: phrasings.map(toAgentPhrasing) });
  });

  routes.post('/phrasings/:id/confirm', async (c) => {
    const id = c.req.param('id');
    if (!/^\d{1,15}$/.test(id)) return problem(c, 400, 'id must be the id of a phrasing (a whole number)', 'id');
    const confirmed = await deps.service.confirmPhrasing(id, c.get('agent').id);
    if (!confirmed) return problem(c, 404, 'There is no such phrasing.');
    if (confirmed.removedAt !== null) return problem(c, 409, 'This phrasing was removed: it is never served again.');
    return c.json({ phrasing: toAgentPhrasing(confirmed) });
  });

  routes.delete('/phrasings/:id', async (c) => {
    const id = c.req.param('id');
    if (!/^\d{1,15}$/.test(id)) return problem(c, 400, 'id must be the id of a phrasing (a whole number)', 'id');
    const removed = await deps.service.removePhrasing(id, c.get('agent').id);
    if (!removed) return problem(c, 404, 'There is no such phrasing.');
    return c.json({ phrasing: toAgentPhrasing(removed) });
  });

  return routes;
}
