/**
 * The delivery channels this server runs (../outbox/): each setting that asks for a delivery
 * (mail, alerts, webhooks, push...) adds its channel here. One list, built once at start.
 */
import type { Settings } from './config';
import { awayReplyChannel } from './away/channel';
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
  /** The server's secret (the app's): reopen links in e-mails are signed with it. */
  secret: () => Promise<string>;
  /** Whether a page of `origin` may be linked to from an e-mail: one the server answers (LIFELINE_ALLOWED_ORIGINS, its own). */
  linkable: (origin: string) => boolean;
}

export function deliveryChannels(settings: Settings, deps: DeliveryDeps): OutboxChannel[] {
  const channels: OutboxChannel[] = [];
  // Mails queued by any feature (enqueueMail) go out through this one channel.
  if (settings.mail) {
    const mailer = createMailer(settings.mail);
    channels.push(mailChannel(mailer, { now: deps.now }));
    // Agents' replies a visitor missed, e-mailed with a link that reopens the chat.
    channels.push(
      awayReplyChannel({
        store: deps.store,
        secret: deps.secret,
        now: deps.now,
        awayMs: settings.away.awaySeconds * 1000,
        batchMs: settings.away.batchSeconds * 1000,
        linkable: deps.linkable,
        domain: mailer.domain,
      }),
    );
  }
  return channels;
}
