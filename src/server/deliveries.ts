/**
 * The delivery channels this server runs (../outbox/): each setting that asks for a delivery
 * (mail, alerts, webhooks, push...) adds its channel here. One list, built once at start.
 */
import type { Settings } from './config';
import type { OutboxChannel } from './outbox/types';
import type { Presence } from './presence';
import type { Store } from './store/types';
import { webhookChannel } from './webhooks/channel';

export interface DeliveryDeps {
  store: Store;
  /** Who is online, the same the app uses (shared on PostgreSQL). */
  presence: Presence;
  /** Milliseconds since the epoch. */
  now: () => number;
}

export function deliveryChannels(settings: Settings, deps: DeliveryDeps): OutboxChannel[] {
  const channels: OutboxChannel[] = [];
  // LIFELINE_WEBHOOK_URL: every handoff event, signed (webhooks/).
  if (settings.webhook) channels.push(webhookChannel({ ...settings.webhook, publicOrigin: settings.publicOrigin, now: deps.now }));
  return channels;
}
