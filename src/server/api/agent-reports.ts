/**
 * GET /v1/agent/reports?from=ISO&to=ISO: what the help lacks and how the desk is doing, over a
 * period (the last 7 days unless told). Behind requireAgent, mounted under /v1/agent. Where
 * self-help fails: the articles read before asking for a person anyway, and the searches before
 * a handoff and those of handoffs no article covers, grouped by wording (report-groups.ts).
 */
import { Hono } from 'hono';
import type { AgentReport } from './agent-types';
import type { ApiDeps, ApiEnv } from './deps';
import { iso, problem } from './http';
import { groupSearches } from '../report-groups';

const DEFAULT_DAYS = 7;
const DAY_MS = 86_400_000;

/** A time from the query: its milliseconds, absent, or not a date. */
function readTime(value: string | undefined): number | undefined | 'bad' {
  if (value === undefined || value === '') return undefined;
  // Date.parse also takes "1" or "March 3"; only ISO 8601 dates (with or without time) are meant.
  if (!/^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(value)) return 'bad';
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? 'bad' : ms;
}

export function agentReportRoutes(deps: ApiDeps): Hono<ApiEnv> {
  const routes = new Hono<ApiEnv>();

  routes.get('/reports', async (c) => {
    const from = readTime(c.req.query('from'));
    const to = readTime(c.req.query('to'));
    if (from === 'bad') return problem(c, 400, 'from must be an ISO date, like 2025-03-01T00:00:00Z', 'from');
    if (to === 'bad') return problem(c, 400, 'to must be an ISO date, like 2025-03-08T00:00:00Z', 'to');
    const end = to ?? deps.now();
    const start = from ?? end - DEFAULT_DAYS * DAY_MS;
    if (start > end) return problem(c, 400, 'from must not be after to', 'from');

    // Stored times are ISO strings in UTC with milliseconds: the same form compares as text.
    const period = { from: iso(start), to: iso(end) };
    const r = await deps.store.report(period.from, period.to);
    // Words are cut as search cuts them: in the articles' language when the server knows it.
    const lang = deps.articles.snapshot()?.articles[0]?.text?.lang ?? 'en';
    return c.json({
      ...period,
      noResultSearches: r.noResultSearches,
      articlesBeforeHandoff: r.articlesBeforeHandoff,
      handoffsByChannel: r.byChannel,
      visitors: r.visitors,
      handoffsByOutcome: r.byOutcome,
      medianFirstReplySeconds: r.medianFirstReplySeconds,
      noArticleHandoffs: r.noArticleHandoffs,
      noArticleVisitors: r.noArticleVisitors,
      noArticleSearches: r.noArticleSearches,
      ratings: r.ratings,
      articlesReadBeforeHandoff: r.articlesReadBeforeHandoff,
      searchesBeforeHandoff: groupSearches(r.handoffSearches, lang),
      noArticleQuestions: groupSearches(r.handoffSearches.filter((h) => h.noArticle), lang),
    } satisfies AgentReport);
  });

  return routes;
}
