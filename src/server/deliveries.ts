/**
 * The delivery channels this server runs (../outbox/): each setting that asks for a delivery
 * (mail, alerts, webhooks, push...) adds its channel here. One list, built once at start.
 */
import type { Settings } from './config';
import { createMailer } from './mail/mailer';
import { mailChannel } from './mail/channel';
import { alertChannel } from './alerts/channel';
import { chatWebhookChannel } from './alerts/chat-webhook';
import { helpdeskChannel } from './helpdesk/channel';
import type { OutboxChannel } from './outbox/types';
import type { BackoffPolicy } from './outbox/backoff';
import type { Presence } from './presence';
import type { Store } from './store/types';
import { pushChannel } from './push/channel';
import { vapidKeys, type VapidKeys } from './push/vapid';
import { webhookChannel } from './webhooks/channel';

export interface DeliveryDeps {
  /** What push jobs read subscriptions and the VAPID keys from. */
  store: Store;
  /** Who is online, the same the app uses (shared on PostgreSQL). */
  presence: Presence;
  /** Milliseconds since the epoch. */
  now: () => number;
  /** The origin links in mails and alerts point at (LIFELINE_PUBLIC_URL, else the address listened on). */
  publicOrigin: () => string;
  /** Every delivery's pauses between tries, instead of each channel's own (tests). */
  retry?: BackoffPolicy;
}

export function deliveryChannels(settings: Settings, deps: DeliveryDeps): OutboxChannel[] {
  const channels: OutboxChannel[] = [];
  // Mails queued by any feature (enqueueMail) go out through this one channel.
  if (settings.mail) channels.push(mailChannel(createMailer(settings.mail), { now: deps.now, ...(deps.retry && { policy: deps.retry }) }));
  const mailDomain = settings.mail ? settings.mail.fromAddress.split('@')[1]! : null;
  const { emails, afterSeconds, chatWebhookUrl } = settings.alerts;
  const zone = settings.hours.zone;
  if (chatWebhookUrl) channels.push(chatWebhookChannel(chatWebhookUrl, { now: deps.now, ...(deps.retry && { policy: deps.retry }) }));
  if ((emails.length > 0 && mailDomain) || chatWebhookUrl) {
    channels.push(alertChannel({ emails, mailDomain, chat: chatWebhookUrl !== null, afterSeconds, presence: deps.presence, zone, publicOrigin: deps.publicOrigin }));
  }
  if (settings.handoffEmail && mailDomain) channels.push(helpdeskChannel({ to: settings.handoffEmail, mailDomain, zone, publicOrigin: deps.publicOrigin }));
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
