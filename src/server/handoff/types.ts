/**
 * The vocabulary of handoff transitions (transitions.ts): what a command may change on a handoff
 * (a patch of its row), the events it tells, and why it may be refused. Plain data, no I/O.
 */
import type { HandoffEvent, HandoffStatus, ResolveOutcome } from '../../protocol/types';

/** The events that are stored and replayed; `typing` never is. */
export type StoredHandoffEvent = Exclude<HandoffEvent, { type: 'typing' }>;

/** Where a callback stands: tried and reached, tried without answer, or finished. */
export type CallbackState = 'called' | 'no_answer' | 'done';

/**
 * Why a change was refused: no such handoff, another agent has it, it is over, not a chat, not a
 * callback; for a rating: the conversation has not ended yet, or it was rated already (otherwise);
 * for an article read: no agent sent that article in this conversation.
 */
export type Refusal = 'not_found' | 'taken' | 'closed' | 'not_chat' | 'not_callback' | 'not_closed' | 'rated' | 'not_sent';

/** The columns of a handoff a transition may change; absent ones stay as they are. */
export interface HandoffPatch {
  status?: HandoffStatus;
  agentId?: string;
  firstReplyAt?: string;
  resolvedAt?: string;
  outcome?: ResolveOutcome;
  articleId?: string | null;
  noArticle?: boolean;
  callbackState?: CallbackState;
}

/**
 * A transition's answer: the patch to write and the events to append (in order), plus what the
 * command adds (a message, a callback step); or why it was refused. An empty patch with no
 * events is a repeat that changes nothing (claiming one's own handoff, cancelling twice).
 */
export type Decision<T = unknown> =
  | ({ ok: true; patch: HandoffPatch; events: StoredHandoffEvent[] } & T)
  | { ok: false; reason: Refusal };

/** Whoever acts on a handoff as an agent: their id, and the name the visitor sees. */
export interface AgentRef {
  id: string;
  name: string;
}
