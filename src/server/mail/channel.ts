/**
 * The `mail` outbox channel: sends composed mails (compose.ts) stored as jobs, and tries them
 * again with backoff until the SMTP server takes them, across restarts. Mails are put in the
 * outbox with enqueueMail (in a store transaction: with the change that calls for the mail,
 * or from another channel's run), never sent directly, so none is lost.
 */
import { retryAfter, type BackoffPolicy } from '../outbox/backoff';
import type { NewJob, OutboxChannel } from '../outbox/types';
import type { StoreTx } from '../store/types';
import type { OutgoingMail } from './compose';
import { mailOutcome, type Mailer } from './mailer';

export const MAIL = 'mail';

/** From 30 s to an hour between tries, for 5 days (as mail servers do). */
export const MAIL_RETRY: BackoffPolicy = { firstMs: 30_000, maxMs: 3_600_000, giveUpAfterMs: 5 * 24 * 3_600_000 };

/** The key of the job that sends the mail queued as `key` to `address`. */
export const mailKey = (key: string, address: string): string => `${key} to ${address.toLowerCase()}`;

/**
 * The jobs that send `mail`, one per recipient: a server that takes the mail for some
 * recipients and asks to try again later for others would otherwise make a retry send it twice
 * to the first ones. `key` says what the mail is (e.g. `alert:<handoffId>`): queued again, it
 * is queued once.
 */
export function mailJobs(key: string, mail: OutgoingMail, dueAt: string): NewJob[] {
  return [...new Set(mail.to.map((a) => a.toLowerCase()))].map((address) => ({ kind: MAIL, key: mailKey(key, address), payload: { ...mail, to: [address] }, dueAt }));
}

/** Queues `mail` in the transaction `tx` (sent once it commits); how many recipients' mails were new. */
export async function enqueueMail(tx: Pick<StoreTx, 'insertJobs'>, key: string, mail: OutgoingMail, at: string): Promise<number> {
  return tx.insertJobs(mailJobs(key, mail, at), at);
}

const isMail = (payload: unknown): payload is OutgoingMail => {
  const m = payload as OutgoingMail | null;
  return (
    typeof m === 'object' && m !== null && Array.isArray(m.to) && m.to.length === 1 && typeof m.subject === 'string' && typeof m.text === 'string' && typeof m.html === 'string' && typeof m.messageId === 'string'
  );
};

export function mailChannel(mailer: Mailer, options: { policy?: BackoffPolicy; now?: () => number } = {}): OutboxChannel {
  const policy = options.policy ?? MAIL_RETRY;
  const now = options.now ?? Date.now;
  return {
    kind: MAIL,
    // Mails are queued by what calls for them (enqueueMail), not planned from events here.
    plan: () => [],
    async run(job, ctx) {
      if (!isMail(job.payload)) return { ok: false, error: 'not a mail this version can send', retry: false };
      try {
        await mailer.send(job.payload, ctx.signal);
        return { ok: true };
      } catch (error) {
        return mailOutcome(error);
      }
    },
    retryAfter: (attempts, job) => retryAfter(policy, attempts, job.createdAt, now()),
  };
}
