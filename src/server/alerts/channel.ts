/**
 * The `alert` outbox channel: tells the team of a new handoff nobody has taken. Planned for
 * every new handoff; when it runs (at once), it looks at the handoff as it is now:
 * - taken (claimed), resolved or cancelled: nothing to say;
 * - no agent online: the alert goes now;
 * - agents online: it is put off until LIFELINE_ALERT_AFTER_SECONDS after the handoff was
 *   made, and goes then if the handoff is still waiting.
 * The alert itself is queued as a mail to LIFELINE_ALERT_EMAILS (mail/channel.ts) and a post
 * to the chat webhook (chat-webhook.ts), each tried until delivered: the decision is made once.
 */
import { composeMail, handoffMessageIds, type OutgoingMail } from '../mail/compose';
import { enqueueMail } from '../mail/channel';
import { retryAfter } from '../outbox/backoff';
import type { OutboxChannel } from '../outbox/types';
import type { Presence } from '../presence';
import type { HandoffRecord, StoredEvent } from '../store/types';
import { questionOf, shortStory, storyBlocks, title, type StoryOptions } from '../story';
import { chatJob } from './chat-webhook';

export const ALERT = 'alert';

export interface AlertOptions {
  /** LIFELINE_ALERT_EMAILS; empty: no mail. */
  emails: readonly string[];
  /** The sender's domain, for Message-IDs; null: no mail (no LIFELINE_SMTP_URL). */
  mailDomain: string | null;
  /** Post to the chat webhook too (LIFELINE_CHAT_WEBHOOK_URL). */
  chat: boolean;
  /** LIFELINE_ALERT_AFTER_SECONDS. */
  afterSeconds: number;
  presence: Presence;
  /** The business's zone. */
  zone: string;
  /** The server's public origin (known once it listens, with PORT=0). */
  publicOrigin: () => string;
}

/** The first event of a handoff: it was just made, and is queued. */
export const isNewHandoff = (e: StoredEvent): boolean => e.seq === 1 && e.event.type === 'status' && e.event.status === 'queued';

/** How long it has waited, said plainly: "2 minutes", "45 seconds". */
export function waited(seconds: number): string {
  const say = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;
  if (seconds < 90) return say(Math.max(0, Math.round(seconds)), 'second');
  if (seconds < 90 * 60) return say(Math.round(seconds / 60), 'minute');
  return say(Math.round(seconds / 3600), 'hour');
}

/** The alert's headline: why it is sent now (it has waited its time, or nobody is there to take it). */
export function alertHeadline(h: HandoffRecord, nobodyOnline: boolean, now: number, afterSeconds: number): string {
  const seconds = (now - Date.parse(h.createdAt)) / 1000;
  if (afterSeconds > 0 && seconds >= afterSeconds) return `${title(h)} has waited ${waited(seconds)} and nobody has taken it${nobodyOnline ? ' (nobody is online)' : ''}`;
  return `New ${title(h)}: nobody is online to take it`;
}

/** The alert mail (pure): the headline, the whole story, a link to the console. */
export function alertMail(h: HandoffRecord, to: readonly string[], headline: string, domain: string, story: StoryOptions): OutgoingMail {
  const question = questionOf(h);
  return composeMail({
    to: [...to],
    subject: `[#${h.ref}] ${headline}${question ? `: “${question}”` : ''}`,
    blocks: storyBlocks(h, headline, story),
    messageId: handoffMessageIds(h.id, 'alert', domain).root,
    // An alert, not a person writing: auto-responders (out of office) do not answer it (RFC 3834).
    headers: { 'Auto-Submitted': 'auto-generated' },
  });
}

export function alertChannel(options: AlertOptions): OutboxChannel {
  return {
    kind: ALERT,
    plan: (e) => (isNewHandoff(e) ? [{ kind: ALERT, key: `new:${e.handoffId}`, payload: { handoffId: e.handoffId }, dueAt: e.at }] : []),
    async run(job, ctx) {
      const handoffId = (job.payload as { handoffId?: unknown } | null)?.handoffId;
      if (typeof handoffId !== 'string') return { ok: false, error: 'not an alert this version knows', retry: false };
      const h = await ctx.store.findHandoff(handoffId);
      // Taken, or over (or deleted): someone is on it, or there is nothing left to do.
      if (!h || h.status !== 'queued') return { ok: true };
      const now = ctx.now();
      const due = Date.parse(h.createdAt) + options.afterSeconds * 1000;
      const nobodyOnline = (await options.presence.online()) === 0;
      if (!nobodyOnline && now < due) return { later: new Date(due).toISOString() };

      const story = { zone: options.zone, publicOrigin: options.publicOrigin() };
      const headline = alertHeadline(h, nobodyOnline, now, options.afterSeconds);
      const at = new Date(now).toISOString();
      await ctx.store.transaction(async (tx) => {
        if (options.emails.length > 0 && options.mailDomain !== null) {
          await enqueueMail(tx, `alert:${h.id}`, alertMail(h, options.emails, headline, options.mailDomain, story), at);
        }
        if (options.chat) await tx.insertJobs([chatJob(`alert:${h.id}`, shortStory(h, headline, story), at)], at);
      });
      return { ok: true };
    },
    // Only the store can fail here (the deliveries retry on their own): soon, for a day.
    retryAfter: (attempts, job) => retryAfter({ firstMs: 5_000, maxMs: 300_000, giveUpAfterMs: 24 * 3_600_000 }, attempts, job.createdAt, Date.now()),
  };
}
