/**
 * When an agent's replies are e-mailed to a visitor who is away, pure (no clock, no store):
 *
 * - Replies are grouped in batches: a batch starts with a reply and holds every reply written
 *   within `batchMs` of it; the next reply after that starts the next batch. One e-mail per
 *   batch, sent by the job of its first reply, once the batch is complete (due `batchMs` after
 *   it began); the jobs of the other replies find their reply in a batch another job sends.
 * - A reply is mailed only if the visitor has not had it on an event stream: none was open at
 *   or after the moment it was written (`seenUntil`, the end of the visitor's last stream, is
 *   before it). A stream opened later replays what was missed, so coming back in time is enough.
 * - And only once the visitor has been away `awayMs` (LIFELINE_VISITOR_AWAY_SECONDS): a reload
 *   or a click to the next page of the site closes the stream for a moment, not for a minute.
 *   Until then the job waits (`later`) and looks again.
 */

/** An agent's reply, as the decision needs it: its id and when it was written (ISO). */
export interface Reply {
  id: string;
  at: string;
}

/** Grace after a batch's window before it is read: a reply written at its very end has committed. */
export const BATCH_GRACE_MS = 2_000;

/** The batch opened by the reply `replyId` (replies in order), or null when it belongs to an earlier reply's batch (or is unknown). */
export function batchOpenedBy<R extends Reply>(replies: readonly R[], replyId: string, batchMs: number): R[] | null {
  let start: number | null = null;
  let batch: R[] = [];
  for (const reply of replies) {
    const at = Date.parse(reply.at);
    if (start === null || at - start > batchMs) {
      if (batch.some((r) => r.id === replyId)) return batch[0]!.id === replyId ? batch : null;
      start = at;
      batch = [];
    }
    batch.push(reply);
  }
  return batch[0]?.id === replyId ? batch : null;
}

export type AwayDecision<R extends Reply> =
  | { kind: 'send'; replies: R[] }
  /** Every reply of the batch reached the visitor on a stream: no e-mail. */
  | { kind: 'seen' }
  /** The visitor left less than `awayMs` ago: look again at `at` (ms since the epoch). */
  | { kind: 'later'; at: number };

/**
 * What to do with a batch now: `seenUntil` is until when the visitor last had a stream open
 * (ahead of `now` while one is; their handoff's creation when they never had one).
 */
export function decideAwayMail<R extends Reply>(batch: readonly R[], seenUntil: number, now: number, awayMs: number): AwayDecision<R> {
  const unseen = batch.filter((r) => Date.parse(r.at) > seenUntil);
  if (unseen.length === 0) return { kind: 'seen' };
  if (now < seenUntil + awayMs) return { kind: 'later', at: seenUntil + awayMs };
  return { kind: 'send', replies: unseen };
}
