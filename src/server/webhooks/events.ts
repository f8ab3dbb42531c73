/**
 * Which webhooks a stored event calls for, and their bodies: pure, from the event log's entry
 * and the handoff's row. The stored events are `status`, `agent_joined` and `message`; the
 * handoff's channel tells a callback booking from a chat starting, and its row holds what the
 * events do not (the transcript, the outcome).
 *
 *   status queued, the handoff's first event   → handoff.created (+ callback.booked for a callback)
 *   agent_joined                               → handoff.claimed
 *   message                                    → message.created  (an article an agent sent is said in its text too)
 *   status resolved                            → handoff.resolved
 *   status cancelled                           → callback.cancelled for a callback, else handoff.cancelled
 *   a rating (rating.ts)                       → rating.created
 *
 * Other `status` events (active again after a callback step) tell nothing new. Each webhook's
 * id is made from the event log's id and the type, so it is the same on every attempt and on
 * every instance that plans it.
 */
import type { WebhookEvent, WebhookEventType, WebhookHandoff } from '../../protocol/webhooks';
import { messageWithArticle } from '../../protocol/validate';
import type { HandoffRecord, StoredEvent } from '../store/types';
import { isRatingEvent, ratingCreated } from './rating';

export interface PlannedWebhook {
  /** The `webhook-id`: stable per event and type. */
  id: string;
  body: WebhookEvent;
}

export interface WebhookMapOptions {
  /** The origin people reach the console at (LIFELINE_PUBLIC_URL); null: no links. */
  publicOrigin: string | null;
}

export const webhookId = (eventLogId: number, type: WebhookEventType): string => `evt_${eventLogId}_${type.replace('.', '_')}`;

/** The handoff's fields a receiver may see: never the token's hash nor the widget's client id. */
export function publicHandoff(h: HandoffRecord, options: WebhookMapOptions): WebhookHandoff {
  return {
    id: h.id,
    ref: h.ref,
    channel: h.channel,
    createdAt: h.createdAt,
    visitor: h.visitor,
    callback: h.callback,
    context: h.context,
    consoleUrl: options.publicOrigin === null ? null : `${options.publicOrigin}/console#/handoff/${encodeURIComponent(h.id)}`,
  };
}

export function webhooksFor(stored: StoredEvent, h: HandoffRecord | null, options: WebhookMapOptions): PlannedWebhook[] {
  if (h === null) return []; // nothing to describe it with
  const handoff = publicHandoff(h, options);
  const timestamp = stored.at;
  const out: PlannedWebhook[] = [];
  const add = (body: WebhookEvent): void => {
    out.push({ id: webhookId(stored.id, body.type), body });
  };
  const event = stored.event;

  if (isRatingEvent(event)) {
    add(ratingCreated(event, handoff, timestamp));
    return out;
  }
  switch (event.type) {
    case 'status':
      if (event.status === 'queued' && stored.seq === 1) {
        add({ type: 'handoff.created', timestamp, data: { handoff, transcript: h.transcript } });
        if (h.channel === 'callback' && h.callback) add({ type: 'callback.booked', timestamp, data: { handoff, callback: h.callback } });
      } else if (event.status === 'resolved') {
        add({
          type: 'handoff.resolved',
          timestamp,
          data: { handoff, outcome: h.outcome, articleId: h.articleId, noArticle: h.noArticle, agentName: h.agentName },
        });
      } else if (event.status === 'cancelled') {
        add({ type: h.channel === 'callback' ? 'callback.cancelled' : 'handoff.cancelled', timestamp, data: { handoff } });
      }
      break;
    case 'agent_joined':
      add({ type: 'handoff.claimed', timestamp, data: { handoff, agentName: event.agentName } });
      break;
    case 'message':
      // A receiver that relays `text` (to a chat room, a ticket) says the article an agent sent too.
      add({ type: 'message.created', timestamp, data: { handoff, message: { ...event.message, text: messageWithArticle(event.message, (t) => `Article: ${t}`) } } });
      break;
  }
  return out;
}
