/**
 * The outbox channel that e-mails a visitor the agents' replies they missed (decide.ts says
 * which and when, mail.ts writes the e-mail, link.ts signs the way back). Driven by the event
 * log: every agent reply on a chat plans one job, due when its batch is complete (it does
 * nothing when the visitor left no address by then); the job of a batch's first reply sends the batch, the others find nothing
 * to do. State may have moved on by then (the visitor came back, more replies came), so the
 * job reads the handoff, its messages and when the visitor was last seen at run time.
 */
import { enqueueMail } from '../mail';
import type { MessageRecord, Store } from '../store/types';
import { checkEmail } from '../../protocol/email';
import { retryAfter, type BackoffPolicy, type OutboxChannel } from '../outbox';
import { BATCH_GRACE_MS, batchOpenedBy, decideAwayMail } from './decide';
import { reopenUrl, reopenValue, REOPEN_LINK_MS } from './link';
import { composeAwayMail } from './mail';

export const AWAY_KIND = 'visitor-reply';

export interface AwayPayload {
  handoffId: string;
  /** The reply whose job this is: it sends the batch this reply opens, if it opens one. */
  messageId: string;
}

export interface AwayChannelDeps {
  store: Pick<Store, 'findHandoff' | 'messages' | 'visitorSeenUntil' | 'transaction'>;
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

/** A run that failed (the database away) is tried again for a day; sending the mail is the mail channel's. */
const RETRY: BackoffPolicy = { firstMs: 30_000, maxMs: 60 * 60_000, giveUpAfterMs: 24 * 60 * 60_000 };

/** The address to write to: the one the visitor gave, or identify()'s when it is one. */
const addressOf = (email: string | undefined): string | null => (email !== undefined && !checkEmail(email).problem ? checkEmail(email).email : null);

const isReply = (m: MessageRecord) => m.sender === 'agent';

export function awayReplyChannel(deps: AwayChannelDeps): OutboxChannel {
  return {
    kind: AWAY_KIND,

    plan(event, handoff) {
      const e = event.event;
      if (e.type !== 'message' || e.message.from !== 'agent') return [];
      // Every reply on a chat, address or not yet: the job of a batch's first reply sends the
      // batch, so it must exist even when the address came after that reply (run checks it).
      if (handoff?.channel !== 'chat') return [];
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
      const to = addressOf(handoff?.visitor?.email);
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
      // Handed to the mail channel (sent, and tried again, there); queued once whatever retries.
      const at = new Date(now).toISOString();
      await deps.store.transaction((tx) => enqueueMail(tx, `${AWAY_KIND}:${handoffId}:${batch[0]!.id}`, mail, at));
      return { ok: true };
    },

    retryAfter(attempts, job) {
      return retryAfter(RETRY, attempts, job.createdAt, deps.now());
    },
  };
}
