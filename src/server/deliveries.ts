/**
 * The delivery channels this server runs (../outbox/): each setting that asks for a delivery
 * (mail, alerts, webhooks, push...) adds its channel here. One list, built once at start.
 */
import type { Settings } from './config';
import { createMailer } from './mail/mailer';
import { mailChannel } from './mail/channel';
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

export function deliveryChannels(settings: Settings, deps: DeliveryDeps): OutboxChannel[] {
  const channels: OutboxChannel[] = [];
  // Mails queued by any feature (enqueueMail) go out through this one channel.
  if (settings.mail) channels.push(mailChannel(createMailer(settings.mail), { now: deps.now }));
  return channels;
}
