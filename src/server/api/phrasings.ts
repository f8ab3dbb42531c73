/**
 * GET /v1/phrasings: the served learned phrasings (two handoffs taught them, or an agent
 * confirmed them: phrasings.ts), public (CORS like /v1/status), for the widget to fetch beside
 * the articles. Cached for a minute and revalidated with an ETag: the list
 * changes only when an agent resolves, confirms or removes, and every visitor's panel asks for it.
 */
import { Hono } from 'hono';
import { createHash } from 'node:crypto';
import type { PhrasingsFeed } from '../../protocol/phrasings';
import { toHistory } from '../phrasings';
import type { ApiDeps, ApiEnv } from './deps';

const CACHE = 'public, max-age=60';

/**
 * Weak, because the compress middleware changes the bytes (and marks strong tags weak itself);
 * the same JSON is the same list, which is all a weak tag promises.
 */
export const etagOf = (body: string): string => `W/"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;

/** If-None-Match holds `etag` (weak comparison, RFC 9110 13.1.2) or is `*`. */
export function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (ifNoneMatch === undefined) return false;
  const bare = (tag: string) => tag.trim().replace(/^W\//, '');
  return ifNoneMatch.split(',').some((tag) => tag.trim() === '*' || bare(tag) === bare(etag));
}

export function phrasingRoutes(deps: ApiDeps): Hono<ApiEnv> {
  const routes = new Hono<ApiEnv>();
  routes.get('/phrasings', async (c) => {
    const body = JSON.stringify({ version: 1, phrasings: toHistory(await deps.store.listPhrasings()) } satisfies PhrasingsFeed);
    const etag = etagOf(body);
    c.header('Cache-Control', CACHE);
    c.header('ETag', etag);
    if (matches(c.req.header('if-none-match'), etag)) return c.body(null, 304);
    return c.body(body, 200, { 'content-type': 'application/json; charset=utf-8' });
  });
  return routes;
}
