/**
 * The delivery channels this server runs (../outbox/): each setting that asks for a delivery
 * (mail, alerts, webhooks, push...) adds its channel here. One list, built once at start.
 */
import type { Settings } from './config';
import type { OutboxChannel } from './outbox/types';
import { pushChannel } from './push/channel';
import { vapidKeys, type VapidKeys } from './push/vapid';
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
  // Browser notifications: always planned; an agent who turned them on in no browser gets none.
  let keys: Promise<VapidKeys> | undefined;
  const readKeys = () =>
    (keys ??= vapidKeys(deps.store).catch((error: unknown) => {
      keys = undefined; // tried again at the next job
      throw error;
    }));
  channels.push(pushChannel({ store: deps.store, keys: readKeys, subject: settings.pushSubject, now: deps.now }));
  return channels;
}
