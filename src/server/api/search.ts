/**
 * GET /v1/search?q=&lang=&typing=1: the site's search on the server (site-search.ts), for a
 * help centre too large for the widget to download its index; GET /v1/articles/{id}: one
 * article in full, to open a result. Public, CORS like /v1/status.
 *
 * Cached for a minute by browsers and shared caches (`public, max-age=60`, an ETag to
 * revalidate): the answer changes only when the articles file or the served phrasings change,
 * and the widget asks the same few queries of every visitor while they type.
 *
 * Both are limited per address (LIFELINE_SEARCHES_PER_MINUTE, searchLimit in ../app.ts): each
 * runs the engine, over 10,000 articles or more, for anyone. A request is counted before it is
 * read, so a malformed one or a 304 revalidation costs its token too: the work is done either way.
 */
import { Hono } from 'hono';
import type { SearchAnswer } from '../../protocol/search';
import { SEARCH_QUERY_MAX } from '../../protocol/search';
import { toHistory } from '../phrasings';
import { createSiteSearch, type SiteSearch } from '../site-search';
import type { ApiDeps, ApiEnv } from './deps';
import { clientIp, problem, rateLimited, type ApiContext } from './http';
import { etagOf, matches } from './phrasings';

const CACHE = 'public, max-age=60';
/** A language tag as the widget sends it (`en`, `pt-BR`). */
const LANG = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

/** The search the routes use: the one given, or one over the deps' catalog and store. */
export const siteSearchOf = (deps: ApiDeps): SiteSearch =>
  deps.search ?? createSiteSearch({ catalog: deps.articles, phrasings: async () => toHistory(await deps.store.listPhrasings()), now: deps.now });

export function searchRoutes(deps: ApiDeps): Hono<ApiEnv> {
  const routes = new Hono<ApiEnv>();
  const search = siteSearchOf(deps);
  search.warm();

  routes.get('/search', async (c) => {
    const limited = await rateLimited(c, deps.limiters.search, clientIp(c, deps.trustProxy));
    if (limited) return limited;
    const q = c.req.query('q');
    const lang = c.req.query('lang');
    if (q === undefined) return problem(c, 400, 'q is missing: GET /v1/search?q=what the visitor typed', 'q');
    if (q.trim() === '') return problem(c, 400, 'q is empty: send what the visitor typed', 'q');
    if (q.length > SEARCH_QUERY_MAX) return problem(c, 400, `q is ${q.length} characters; at most ${SEARCH_QUERY_MAX}`, 'q');
    if (lang !== undefined && !LANG.test(lang)) return problem(c, 400, `lang must be a language tag like en or pt-BR, got "${lang.slice(0, 40)}"`, 'lang');
    const typing = c.req.query('typing');
    if (typing !== undefined && typing !== '0' && typing !== '1') return problem(c, 400, 'typing must be 1 (the last word may be unfinished) or 0', 'typing');
    const answer = await search.search(q, { typing: typing === '1' });
    if (!answer) {
      c.header('Retry-After', '60');
      return problem(c, 503, 'This server has no articles to search: set LIFELINE_ARTICLES to the articles file `lifeline index` wrote.');
    }
    const body = JSON.stringify({ query: q, ...answer } satisfies SearchAnswer);
    return cached(c, body);
  });

  routes.get('/articles/:id', async (c) => {
    const limited = await rateLimited(c, deps.limiters.search, clientIp(c, deps.trustProxy));
    if (limited) return limited;
    const id = c.req.param('id');
    if (id.length > 200) return problem(c, 400, 'The article id is over 200 characters', 'id');
    if (!deps.articles.snapshot()) return problem(c, 503, 'This server has no articles: set LIFELINE_ARTICLES to the articles file `lifeline index` wrote.');
    const article = await search.article(id);
    if (!article) return problem(c, 404, `There is no article "${id}".`, 'id');
    const body = JSON.stringify(article);
    return cached(c, body);
  });

  return routes;
}

/** The JSON body with the cache headers, or a 304 of no body when the client has it already. */
function cached(c: ApiContext, body: string): Response {
  const etag = etagOf(body);
  c.header('Cache-Control', CACHE);
  c.header('ETag', etag);
  if (matches(c.req.header('if-none-match'), etag)) return c.body(null, 304);
  return c.body(body, 200, { 'content-type': 'application/json; charset=utf-8' });
}
