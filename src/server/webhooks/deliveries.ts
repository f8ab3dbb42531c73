/**
 * The console's view of webhook deliveries (GET /v1/agent/webhooks), pure: an outbox job of
 * the `webhook` channel as the agent reads it (delivered / retrying with the next try / failed),
 * and the receiver's address without what may be secret in it.
 */
import type { AgentWebhookDelivery, WebhookDeliveryStatus } from '../api/agent-types';
import type { PlannedWebhook } from './events';

/** What a webhook job carries (the outbox stores it as JSON): the exact body, signed anew at each try. */
export interface WebhookJobPayload {
  id: string;
  type: string;
  /** When the event happened. */
  eventAt: string;
  handoff: { id: string; ref: string } | null;
  /** The JSON sent, the same bytes on every try. */
  body: string;
}

export const jobPayload = (w: PlannedWebhook): WebhookJobPayload => ({
  id: w.id,
  type: w.body.type,
  eventAt: w.body.timestamp,
  handoff: { id: w.body.data.handoff.id, ref: w.body.data.handoff.ref },
  body: JSON.stringify(w.body),
});

/** The fields of an outbox job the view reads (outbox/types.ts OutboxJob has them all). */
export interface WebhookJobView {
  status: 'pending' | 'running' | 'done' | 'failed';
  attempts: number;
  dueAt: string;
  lastError: string | null;
  updatedAt: string;
  payload: unknown;
}

export function isWebhookJobPayload(p: unknown): p is WebhookJobPayload {
  if (typeof p !== 'object' || p === null) return false;
  const { id, type, eventAt, body } = p as Record<string, unknown>;
  return typeof id === 'string' && typeof type === 'string' && typeof eventAt === 'string' && typeof body === 'string';
}

export function deliveryView(job: WebhookJobView): AgentWebhookDelivery | null {
  if (!isWebhookJobPayload(job.payload)) return null; // not one of ours (a future payload shape): not listed
  const p = job.payload;
  let status: WebhookDeliveryStatus;
  if (job.status === 'done') status = 'delivered';
  else if (job.status === 'failed') status = 'failed';
  else if (job.status === 'running') status = 'sending';
  else status = job.attempts > 0 ? 'retrying' : 'waiting';
  return {
    id: p.id,
    type: p.type,
    eventAt: p.eventAt,
    handoff: p.handoff,
    status,
    attempts: job.attempts,
    nextTryAt: job.status === 'pending' ? job.dueAt : null,
    lastError: job.lastError,
    updatedAt: job.updatedAt,
  };
}

/** The receiver as shown to agents: scheme, host, port and path; never a password or a query (which may hold a token). */
export function shownEndpoint(url: string): string {
  const u = new URL(url);
  return `${u.protocol}//${u.host}${u.pathname}`;
}
