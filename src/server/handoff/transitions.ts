/**
 * The rules of a handoff's life, pure: given the handoff as stored and a command, the change to
 * make (a patch and the events to append) or why it is refused. No I/O, no clock: the service
 * (../service/) reads the handoff, calls one of these inside a store transaction, writes what it
 * says and appends its events to the event log, so every engine behind the Store applies the
 * same rules, and they test in plain Node.
 */
import type { AttachmentInfo } from '../../protocol/attachments';
import type { Message, MessageArticle, Rating, ResolveOutcome, TranscriptEntry } from '../../protocol/types';
import { phoneRefsExpireBefore } from '../queue-rules';
import type { AgentRef, CallbackState, Decision, HandoffPatch, Refusal, StoredHandoffEvent } from './types';

/** What the transitions read of a handoff (a HandoffRecord has all of it). */
export interface HandoffFacts {
  id: string;
  channel: 'chat' | 'callback' | 'phone';
  status: 'queued' | 'active' | 'resolved' | 'cancelled';
  agentId: string | null;
  firstReplyAt: string | null;
  createdAt: string;
}

const refuse = (reason: Refusal): { ok: false; reason: Refusal } => ({ ok: false, reason });
const unchanged = { ok: true as const, patch: {}, events: [] };

export const isClosed = (h: Pick<HandoffFacts, 'status'>): boolean => h.status === 'resolved' || h.status === 'cancelled';

const ACTIVE: StoredHandoffEvent = { type: 'status', status: 'active', position: null, estimatedWaitSeconds: null };
const closedEvent = (status: 'resolved' | 'cancelled'): StoredHandoffEvent => ({ type: 'status', status, position: null, estimatedWaitSeconds: null });

/** The first event of a new handoff: queued, at its place, with the wait announced. */
export function queued(position: number, estimatedWaitSeconds: number | null): StoredHandoffEvent {
  return { type: 'status', status: 'queued', position, estimatedWaitSeconds };
}

/**
 * A callback may take its slot while fewer than `capacity` open callbacks hold it (counted in
 * the same transaction as the booking, so two visitors never both take its last place).
 */
export const slotFree = (booked: number, capacity: number): boolean => booked < capacity;

/** An agent takes the handoff: `agent_joined`, then `status` active. Claiming one's own again changes nothing. */
export function claim(h: HandoffFacts, agent: AgentRef): Decision {
  if (isClosed(h)) return refuse('closed');
  if (h.agentId === agent.id) return unchanged;
  if (h.agentId !== null) return refuse('taken');
  return { ok: true, patch: { agentId: agent.id, status: 'active' }, events: [{ type: 'agent_joined', agentName: agent.name }, ACTIVE] };
}

export interface MessageInput {
  id: string;
  clientMessageId: string;
  text: string;
  at: string;
  /** Absent for the visitor. */
  agent?: AgentRef;
  /** An article of the site's the agent points to (agents only). */
  article?: MessageArticle;
  /** The files it carries, told with it (their bytes are the store's). */
  attachments?: AttachmentInfo[];
}

/**
 * A chat message, visitor's or agent's. A repeat (the same clientMessageId from the same side,
 * already stored) changes nothing and is answered with the stored one, whatever the handoff's
 * state now. An agent's reply claims an unclaimed handoff and sets the first reply time; it is
 * refused when another agent has it.
 */
export function message(h: HandoffFacts, input: MessageInput, repeat: boolean): Decision<{ message: Message | null }> {
  if (repeat) return { ...unchanged, message: null };
  if (h.channel !== 'chat') return refuse('not_chat');
  if (isClosed(h)) return refuse('closed');
  const { agent } = input;
  const patch: HandoffPatch = {};
  const events: StoredHandoffEvent[] = [];
  if (agent) {
    if (h.agentId !== null && h.agentId !== agent.id) return refuse('taken');
    if (h.agentId === null) {
      Object.assign(patch, { agentId: agent.id, status: 'active' } satisfies HandoffPatch);
      events.push({ type: 'agent_joined', agentName: agent.name }, ACTIVE);
    }
    if (h.firstReplyAt === null) patch.firstReplyAt = input.at;
  }
  const message: Message = {
    id: input.id,
    clientMessageId: input.clientMessageId,
    from: agent ? 'agent' : 'visitor',
    ...(agent && { author: agent.name }),
    text: input.text,
    ...(agent && input.article && { article: input.article }),
    at: input.at,
    ...(input.attachments?.length && { attachments: input.attachments }),
  };
  events.push({ type: 'message', message });
  return { ok: true, patch, events, message };
}

/**
 * The visitor opened an article an agent sent them (`sent`: the messages that carried it, oldest
 * first; empty when none did): an `article` entry in the handoff's transcript, told by a
 * `transcript` event. Once per sending: opening the same card again adds nothing. Allowed after
 * the chat ended too, since the card stays in the conversation the visitor reads.
 */
export function articleRead(
  h: HandoffFacts & { transcript: readonly TranscriptEntry[] },
  sent: readonly { at: string; article: MessageArticle }[],
  at: string,
): Decision<{ entry: TranscriptEntry | null }> {
  const last = sent.at(-1);
  if (!last) return refuse('not_sent');
  const { articleId, title } = last.article;
  const readSince = h.transcript.some((e) => e.type === 'article' && e.articleId === articleId && e.at >= last.at);
  if (readSince) return { ...unchanged, entry: null };
  const entry: TranscriptEntry = { type: 'article', at, articleId, title };
  return { ok: true, patch: {}, events: [{ type: 'transcript', entry }], entry };
}

/**
 * Typing is told, never stored: allowed on an open handoff, and for an agent only on one that
 * is unclaimed or theirs.
 */
export function typing(h: HandoffFacts, from: { agent: AgentRef } | 'visitor'): { ok: true } | { ok: false; reason: Refusal } {
  if (from !== 'visitor' && h.agentId !== null && h.agentId !== from.agent.id) return refuse('taken');
  if (isClosed(h)) return refuse('closed');
  return { ok: true };
}

export interface ResolveInput {
  agentId: string;
  outcome: ResolveOutcome;
  articleId: string | null;
  noArticle: boolean;
  at: string;
}

/**
 * An agent closes the handoff, unclaimed or theirs: `status` resolved. A phone reference is
 * marked answered this way (outcome `answered`). A handoff is resolved once, so it teaches its
 * phrasings once (../service/ learns in the same transaction).
 */
export function resolve(h: HandoffFacts, input: ResolveInput): Decision {
  if (isClosed(h)) return refuse('closed');
  if (h.agentId !== null && h.agentId !== input.agentId) return refuse('taken');
  return {
    ok: true,
    patch: {
      status: 'resolved',
      resolvedAt: input.at,
      outcome: input.outcome,
      articleId: input.articleId,
      noArticle: input.noArticle,
      ...(h.agentId === null && { agentId: input.agentId }),
    },
    events: [closedEvent('resolved')],
  };
}

/**
 * The visitor gives the address to e-mail the replies they miss to (a chat, while it is open):
 * told in the log once; the same address again changes nothing.
 */
export function email(h: HandoffFacts & { visitor: { email?: string } | null }, address: string): Decision<{ email: string | null }> {
  if (h.channel !== 'chat') return refuse('not_chat');
  if (isClosed(h)) return refuse('closed');
  if (h.visitor?.email === address) return { ok: true, patch: {}, events: [], email: null };
  return { ok: true, patch: {}, events: [{ type: 'email', email: address }], email: address };
}

/**
 * The visitor gives up (or a phone reference expires): `status` cancelled. Cancelling twice
 * changes nothing. For a chat this is the visitor's **End chat**, whether or not an agent had
 * answered: the chat is over for both sides, and the console says the visitor ended it (only the
 * visitor closes a chat so; a phone reference is the one channel that also expires).
 */
export function cancel(h: HandoffFacts, at: string): Decision {
  if (h.status === 'cancelled') return unchanged;
  if (isClosed(h)) return refuse('closed');
  return { ok: true, patch: { status: 'cancelled', resolvedAt: at }, events: [closedEvent('cancelled')] };
}

/**
 * A phone reference given before today (in the business zone) has expired: it is cancelled.
 * Anything else is left as it is.
 */
export function expire(h: HandoffFacts, now: number, zone: string, at: string): Decision {
  if (h.channel !== 'phone' || isClosed(h)) return unchanged;
  if (Date.parse(h.createdAt) >= phoneRefsExpireBefore(now, zone)) return unchanged;
  return cancel(h, at);
}

/**
 * A step of a callback's workflow, kept with its time and agent. It claims an unclaimed
 * callback; `done` resolves it as answered; the other steps tell every console with a `status`
 * active event to reload the story.
 */
export function callbackStep(h: HandoffFacts, agent: AgentRef, state: CallbackState, at: string): Decision<{ step: { at: string; agentId: string; state: CallbackState } }> {
  if (h.channel !== 'callback') return refuse('not_callback');
  if (isClosed(h)) return refuse('closed');
  if (h.agentId !== null && h.agentId !== agent.id) return refuse('taken');
  const patch: HandoffPatch = { callbackState: state };
  const events: StoredHandoffEvent[] = [];
  if (h.agentId === null) {
    Object.assign(patch, { agentId: agent.id, status: 'active' } satisfies HandoffPatch);
    events.push({ type: 'agent_joined', agentName: agent.name });
  }
  if (state === 'done') {
    Object.assign(patch, { status: 'resolved', resolvedAt: at, outcome: 'answered', articleId: null, noArticle: false } satisfies HandoffPatch);
    events.push(closedEvent('resolved'));
  } else {
    events.push(ACTIVE);
  }
  return { ok: true, patch, events, step: { at, agentId: agent.id, state } };
}

/** Two ratings say the same (a resend of the same answer, not a change of mind). */
const sameRating = (a: Rating, b: Omit<Rating, 'at'>): boolean => a.good === b.good && a.repeated === b.repeated && a.comment === b.comment;

/**
 * The visitor rates the conversation, once it has ended (resolved, or ended by the visitor):
 * `rated` with the rating. One rating per handoff: the same answer again (a resend after a lost
 * answer) changes nothing and is answered with the stored one; a different one is refused, so a
 * rating, its event and the webhook's `rating.created` happen once and the figures never move
 * under an agent who read them.
 */
export function rate(h: HandoffFacts, stored: Rating | null, input: Rating): Decision<{ rating: Rating; created: boolean }> {
  if (!isClosed(h)) return refuse('not_closed');
  if (stored) return sameRating(stored, input) ? { ...unchanged, rating: stored, created: false } : refuse('rated');
  return { ok: true, patch: {}, events: [{ type: 'rated', rating: input }], rating: input, created: true };
}

/**
 * An agent had the chat open and visible: the visitor's latest message (its clientMessageId) is
 * seen, told once with `seen`. Nothing changes when there is no visitor message yet, when it
 * was told already, when the chat is over, or when another agent has it (only the agent who
 * answers reads for the visitor).
 */
export function seen(h: HandoffFacts, agent: AgentRef, latestVisitorMessage: string | null, alreadySeen: string | null): Decision {
  if (h.channel !== 'chat') return refuse('not_chat');
  if (isClosed(h) || (h.agentId !== null && h.agentId !== agent.id)) return unchanged;
  if (latestVisitorMessage === null || latestVisitorMessage === alreadySeen) return unchanged;
  return { ok: true, patch: {}, events: [{ type: 'seen', messageId: latestVisitorMessage }] };
}

/** The message the last `seen` event names, if any (events oldest first). */
export function lastSeen(events: readonly { event: StoredHandoffEvent }[]): string | null {
  const e = events.findLast((x) => x.event.type === 'seen')?.event;
  return e?.type === 'seen' ? e.messageId : null;
}

