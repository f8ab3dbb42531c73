/**
 * GET /v1/agent/webhooks: where webhooks go (LIFELINE_WEBHOOK_URL, shown without credentials or
 * query), the deliveries that need attention (retrying or failed) and the latest ones, from the
 * outbox's `webhook` jobs. Behind requireAgent, mounted under /v1/agent.
 */
import { Hono } from 'hono';
import type { OutboxJob } from '../outbox/types';
import { WEBHOOK_KIND } from '../webhooks/channel';
import { deliveryView, shownEndpoint } from '../webhooks/deliveries';
import type { AgentWebhookDelivery, AgentWebhooks } from './agent-types';
import type { ApiDeps, ApiEnv } from './deps';

/** Deliveries listed in each part of the page. */
const LISTED = 50;

const views = (jobs: readonly OutboxJob[]): AgentWebhookDelivery[] =>
  jobs.map(deliveryView).filter((d): d is AgentWebhookDelivery => d !== null);

export function agentWebhookRoutes(deps: ApiDeps): Hono<ApiEnv> {
  const routes = new Hono<ApiEnv>();

  routes.get('/webhooks', async (c) => {
    const [failed, pending, recent] = await Promise.all([
      deps.store.listJobs({ kind: WEBHOOK_KIND, status: 'failed', limit: LISTED }),
      deps.store.listJobs({ kind: WEBHOOK_KIND, status: 'pending', limit: LISTED * 4 }),
      deps.store.listJobs({ kind: WEBHOOK_KIND, limit: LISTED }),
    ]);
    // Retrying: pending after a failed try (a pending job never tried is only waiting its turn).
    const failing = views([...failed, ...pending.filter((j) => j.attempts > 0)])
      .sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : 0))
      .slice(0, LISTED);
    return c.json({
      endpoint: deps.webhookUrl === null ? null : shownEndpoint(deps.webhookUrl),
      failing,
      recent: views(recent),
    } satisfies AgentWebhooks);
  });

  return routes;
}
