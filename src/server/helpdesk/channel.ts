/**
 * The `helpdesk` outbox channel (LIFELINE_HANDOFF_EMAIL): every handoff is mailed there as a
 * ticket-ready mail (subject with the reference and the visitor's question, the whole story in
 * the body, Reply-To the visitor's address when known), and each later chat message, the
 * visitor's and the agents', follows in the same thread (In-Reply-To and References point at
 * the ticket's Message-ID), so any helpdesk (or a shared inbox) gets the story as one ticket.
 * The mails themselves go through the mail channel (mail/channel.ts), tried until delivered.
 */
import type { Message } from '../../protocol/types';
import { messageWithArticle } from '../../protocol/validate';
import { composeMail, handoffMessageIds, type OutgoingMail } from '../mail/compose';
import { enqueueMail } from '../mail/channel';
import { retryAfter } from '../outbox/backoff';
import type { JobOutcome, OutboxChannel } from '../outbox/types';
import type { HandoffRecord } from '../store/types';
import { isNewHandoff } from '../alerts/channel';
import { consoleLink, dateTime, questionOf, storyBlocks, title, type StoryOptions } from '../story';

export const HELPDESK = 'helpdesk';

/** How long a message waits for its ticket's mail to be queued before it is looked at again. */
const WAIT_FOR_TICKET_MS = 5_000;

export interface HelpdeskOptions {
  /** LIFELINE_HANDOFF_EMAIL. */
  to: string;
  /** The sender's domain, for Message-IDs. */
  mailDomain: string;
  zone: string;
  publicOrigin: () => string;
}

type Payload = { handoffId: string; message?: Message };

const visitorName = (h: HandoffRecord): string => h.visitor?.name?.trim() || 'The visitor';

/** The ticket's subject; every follow-up answers it ("Re: ..."). */
export function ticketSubject(h: HandoffRecord): string {
  const question = questionOf(h);
  return `[#${h.ref}] ${question ?? `${title(h)} with ${visitorName(h)}`}`;
}

const replyTo = (h: HandoffRecord): { replyTo?: string } => (h.visitor?.email ? { replyTo: h.visitor.email } : {});

/** The ticket (pure). */
export function ticketMail(h: HandoffRecord, options: HelpdeskOptions, story: StoryOptions): OutgoingMail {
  const how = h.channel === 'chat' ? 'by chat' : h.channel === 'callback' ? 'to be called back' : 'by phone';
  const intro =
    `${visitorName(h)} asked for a person ${how} on ${dateTime(h.createdAt, story.zone)}.` +
    (h.channel === 'chat' ? ' The chat’s messages follow in this thread.' : '') +
    (h.visitor?.email ? ` Replies to this mail go to ${h.visitor.email}.` : '');
  return composeMail({
    to: [options.to],
    ...replyTo(h),
    subject: ticketSubject(h),
    blocks: storyBlocks(h, title(h), story, intro),
    messageId: handoffMessageIds(h.id, 'helpdesk', options.mailDomain).root,
  });
}

/** A chat message following the ticket in its thread (pure). */
export function messageMail(h: HandoffRecord, message: Message, options: HelpdeskOptions, story: StoryOptions): OutgoingMail {
  const ids = handoffMessageIds(h.id, 'helpdesk', options.mailDomain);
  const by = message.from === 'visitor' ? `${visitorName(h)} (visitor)` : `${message.author ?? 'An agent'} (agent)`;
  return composeMail({
    to: [options.to],
    ...replyTo(h),
    subject: `Re: ${ticketSubject(h)}`,
    blocks: [
      { type: 'quote', by, at: dateTime(message.at, story.zone), text: messageWithArticle(message, (title) => `Sent the article “${title}”`) },
      { type: 'link', label: `Open #${h.ref} in the console`, href: consoleLink(story.publicOrigin, h.id) },
    ],
    messageId: ids.part(`message.${message.id}`),
    thread: { inReplyTo: ids.root, references: [ids.root] },
  });
}

export function helpdeskChannel(options: HelpdeskOptions): OutboxChannel {
  return {
    kind: HELPDESK,
    plan(e) {
      if (isNewHandoff(e)) return [{ kind: HELPDESK, key: `ticket:${e.handoffId}`, payload: { handoffId: e.handoffId }, dueAt: e.at }];
      if (e.event.type === 'message') {
        return [{ kind: HELPDESK, key: `message:${e.event.message.id}`, payload: { handoffId: e.handoffId, message: e.event.message }, dueAt: e.at }];
      }
      return [];
    },
    async run(job, ctx): Promise<JobOutcome> {
      const payload = job.payload as Payload | null;
      if (typeof payload?.handoffId !== 'string') return { ok: false, error: 'not a helpdesk mail this version knows', retry: false };
      const h = await ctx.store.findHandoff(payload.handoffId);
      if (!h) return { ok: true }; // deleted meanwhile: nothing to tell
      const story = { zone: options.zone, publicOrigin: options.publicOrigin() };
      const at = new Date(ctx.now()).toISOString();
      let mail: OutgoingMail;
      if (payload.message) {
        const ticket = await ctx.store.findJob(HELPDESK, `ticket:${h.id}`);
        // A chat from before LIFELINE_HANDOFF_EMAIL was set has no ticket to follow.
        if (!ticket) return { ok: true };
        // The ticket's mail first, so the thread starts with the story.
        if (ticket.status === 'pending' || ticket.status === 'running') return { later: new Date(ctx.now() + WAIT_FOR_TICKET_MS).toISOString() };
        mail = messageMail(h, payload.message, options, story);
      } else {
        mail = ticketMail(h, options, story);
      }
      await ctx.store.transaction((tx) => enqueueMail(tx, `helpdesk:${job.key}`, mail, at));
      return { ok: true };
    },
    retryAfter: (attempts, job) => retryAfter({ firstMs: 5_000, maxMs: 300_000, giveUpAfterMs: 24 * 3_600_000 }, attempts, job.createdAt, Date.now()),
  };
}
