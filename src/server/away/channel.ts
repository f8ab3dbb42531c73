/**
 * The outbox channel that e-mails a visitor the agents' replies they missed (decide.ts says
 * which and when, mail.ts writes the e-mail, link.ts signs the way back). Driven by the event
 * log: every agent reply on a chat whose visitor left an address plans one job, due when its
 * batch is complete; the job of a batch's first reply sends the batch, the others find nothing
 * to do. State may have moved on by then (the visitor came back, more replies came), so the
 * job reads the handoff, its messages and when the visitor was last seen at run time.
 */
import type { MessageRecord, Store } from '../store/types';
import { retryAfter, type BackoffPolicy, type OutboxChannel } from '../outbox';
import { BATCH_GRACE_MS, batchOpenedBy, decideAwayMail } from './decide';
import { reopenUrl, reopenValue, REOPEN_LINK_MS } from './link';
import { composeAwayMail, type MailMessage } from './mail';

export const AWAY_KIND = 'visitor-reply';

export interface AwayPayload {
  handoffId: string;
  /** The reply whose job this is: it sends the batch this reply opens, if it opens one. */
  messageId: string;
}

export interface AwayChannelDeps {
  store: Pick<Store, 'findHandoff' | 'messages' | 'visitorSeenUntil'>;
  /** Sends one e-mail; rejects when the SMTP server refused it or could not be reached. */
  send(mail: MailMessage): Promise<void>;
  /** The key reopen links are signed with: the server's secret. */
  secret(): Promise<string>;
  now(): number;
  /** LIFELINE_VISITOR_AWAY_SECONDS, in ms. */
  awayMs: number;
  /** LIFELINE_VISITOR_MAIL_BATCH_SECONDS, in ms: replies within this of a batch's first go in its e-mail. */
  batchMs: number;
  /** Whether a page of this origin may be linked to: one the server answers. */
  linkable(origin: string): boolean;
  /** The domain of the e-mails' Message-IDs (the sender's). */
  domain: string;
}

/** An e-mail the SMTP server would not take is tried again for a day: the answer still matters then. */
const RETRY: BackoffPolicy = { firstMs: 60_000, maxMs: 60 * 60_000, giveUpAfterMs: 24 * 60 * 60_000 };

const isReply = (m: MessageRecord) => m.sender === 'agent';

export function awayReplyChannel(deps: AwayChannelDeps): OutboxChannel {
  return {
    kind: AWAY_KIND,

    plan(event, handoff) {
      const e = event.event;
      if (e.type !== 'message' || e.message.from !== 'agent') return [];
      if (handoff?.channel !== 'chat' || !handoff.visitor?.email) return [];
      const payload: AwayPayload = { handoffId: event.handoffId, messageId: e.message.id };
      return [
        {
          kind: AWAY_KIND,
          key: `${AWAY_KIND}:${event.handoffId}:${e.message.id}`,
          payload,
          dueAt: new Date(Date.parse(event.at) + deps.batchMs + BATCH_GRACE_MS).toISOString(),
        },
      ];
    },

    async run(job) {
      const { handoffId, messageId } = job.payload as AwayPayload;
      const handoff = await deps.store.findHandoff(handoffId);
      const to = handoff?.visitor?.email;
      if (!handoff || !to) return { ok: true };
      const replies = (await deps.store.messages(handoffId)).filter(isReply);
      const batch = batchOpenedBy(replies, messageId, deps.batchMs);
      if (!batch) return { ok: true };
      const seenUntil = Date.parse((await deps.store.visitorSeenUntil(handoffId)) ?? handoff.createdAt);
      const now = deps.now();
      const decision = decideAwayMail(batch, seenUntil, now, deps.awayMs);
      if (decision.kind === 'seen') return { ok: true };
      if (decision.kind === 'later') return { later: new Date(decision.at).toISOString() };
      const value = reopenValue(await deps.secret(), handoffId, now + REOPEN_LINK_MS);
      const mail = composeAwayMail({
        to,
        handoff,
        replies: decision.replies,
        link: reopenUrl(handoff.context?.pageUrl, deps.linkable, value),
        domain: deps.domain,
      });
      try {
        await deps.send(mail);
      } catch (error) {
        return { ok: false, error: (error as Error).message, retry: true };
      }
      return { ok: true };
    },

    retryAfter(attempts, job) {
      return retryAfter(RETRY, attempts, job.createdAt, deps.now());
    },
  };
}
