/**
 * The delivery channels this server runs (../outbox/): each setting that asks for a delivery
 * (mail, alerts, webhooks, push...) adds its channel here. One list, built once at start.
 */
import type { Settings } from './config';
import type { OutboxChannel } from './outbox/types';
import type { Presence } from './presence';
import type { Store } from './store/types';

export interface DeliveryDeps {
  store: Store;
  /** Who is online, the same the app uses (shared on PostgreSQL). */
  presence: Presence;
  /** Milliseconds since the epoch. */
  now: () => number;
}

export function deliveryChannels(_settings: Settings, _deps: DeliveryDeps): OutboxChannel[] {
  return [];
}
