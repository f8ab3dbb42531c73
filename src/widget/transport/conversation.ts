/**
 * The visitor's side of one handoff as plain state, changed only through `reduce` (pure): what
 * the server said (events, the state fetched after a reload) and what the visitor did (a
 * message being sent, sent, failed). Persisted per tab so a reload or the next page resumes it.
 */
import type { AttachmentInfo, AttachmentProblem, CallbackRequest, Channel, CreateHandoffResponse, HandoffEvent, HandoffState, HandoffStatus, Message, MessageArticle } from '../../protocol/types';

export type SendState = 'queued' | 'sending' | 'sent' | 'failed';

export interface ChatMessage {
  /** clientMessageId: the same for the local copy and the server's, so they never double. */
  key: string;
  from: 'visitor' | 'agent';
  author?: string;
  text: string;
  /** An article of the site's an agent sent: shown as a card that opens it in the panel. */
  article?: MessageArticle;
  at: string;
  state: SendState;
  /** The files it carries; a file still on its way has no id yet (''). */
  attachments?: AttachmentInfo[];
  /** Why the server refused the file (a failed upload), for the visitor's own words. */
  problem?: AttachmentProblem;
}

export interface Conversation {
  /** The handoff's own identity; null until the server has created it. */
  id: string | null;
  ref: string | null;
  token: string | null;
  clientId: string;
  channel: Channel;
  callback?: CallbackRequest;
  status: HandoffStatus | 'pending';
  position: number | null;
  estimatedWaitSeconds: number | null;
  agentName: string | null;
  agentTyping: boolean;
  messages: ChatMessage[];
  lastEventId: number;
  /** Where replies the visitor misses are e-mailed, once the server has it. */
  email?: string;
  /** The key of the visitor's latest message an agent has read (their "Seen"). */
  seen?: string;
}

export type Action =
  | { type: 'created'; response: CreateHandoffResponse }
  | { type: 'state'; state: HandoffState }
  | { type: 'event'; id: number | null; event: HandoffEvent }
  | { type: 'queue'; key: string; text: string; at: string; attachments?: AttachmentInfo[] }
  | { type: 'send-state'; key: string; state: SendState; message?: Message; problem?: AttachmentProblem };

export function newConversation(clientId: string, channel: Channel, callback?: CallbackRequest): Conversation {
  return {
    id: null,
    ref: null,
    token: null,
    clientId,
    channel,
    ...(callback && { callback }),
    status: 'pending',
    position: null,
    estimatedWaitSeconds: null,
    agentName: null,
    agentTyping: false,
    messages: [],
    lastEventId: 0,
  };
}

const fromServer = (m: Message, state: SendState = 'sent'): ChatMessage => ({
  key: m.clientMessageId,
  from: m.from,
  ...(m.author && { author: m.author }),
  text: m.text,
  ...(m.article && { article: m.article }),
  at: m.at,
  state,
  ...(m.attachments && { attachments: m.attachments }),
});

/** Adds or replaces by key, keeping the order messages were first seen in. */
function upsert(list: ChatMessage[], message: ChatMessage): ChatMessage[] {
  const at = list.findIndex((m) => m.key === message.key && m.from === message.from);
  if (at < 0) return [...list, message];
  const next = [...list];
  next[at] = message;
  return next;
}

export function reduce(c: Conversation, action: Action): Conversation {
  switch (action.type) {
    case 'created': {
      const r = action.response;
      return { ...c, id: r.id, ref: r.ref, token: r.token, status: r.status, position: r.position, estimatedWaitSeconds: r.estimatedWaitSeconds };
    }
    case 'state': {
      const s = action.state;
      // The server's list is the truth for what it has; local messages it lacks are still on their way.
      const known = new Set(s.messages.map((m) => `${m.from}:${m.clientMessageId}`));
      const pending = c.messages.filter((m) => m.state !== 'sent' && !known.has(`${m.from}:${m.key}`));
      return {
        ...c,
        status: s.status,
        position: s.position,
        estimatedWaitSeconds: s.estimatedWaitSeconds,
        agentName: s.agentName,
        messages: [...s.messages.map((m) => fromServer(m)), ...pending],
        lastEventId: Math.max(c.lastEventId, s.lastEventId),
        ...(s.email && { email: s.email }),
        ...(s.seen && { seen: s.seen }),
      };
    }
    case 'event': {
      // A replayed event already applied (its id is not newer) changes nothing.
      if (action.id !== null && action.id <= c.lastEventId) return c;
      const next = action.id !== null ? { ...c, lastEventId: action.id } : c;
      const e = action.event;
      switch (e.type) {
        case 'message':
          return { ...next, messages: upsert(next.messages, fromServer(e.message)), agentTyping: e.message.from === 'agent' ? false : next.agentTyping };
        case 'agent_joined':
          return { ...next, agentName: e.agentName };
        case 'status':
          return { ...next, status: e.status, position: e.position, estimatedWaitSeconds: e.estimatedWaitSeconds };
        case 'typing':
          return e.from === 'agent' ? { ...next, agentTyping: e.typing } : next;
        case 'email':
          return { ...next, email: e.email };
        case 'seen':
          return { ...next, seen: e.messageId };
      }
      return next;
    }
    case 'queue':
      return { ...c, messages: upsert(c.messages, { key: action.key, from: 'visitor', text: action.text, at: action.at, state: 'queued', ...(action.attachments && { attachments: action.attachments }) }) };
    case 'send-state': {
      const local = c.messages.find((m) => m.key === action.key && m.from === 'visitor');
      if (!local) return c;
      if (local.state === 'sent' && action.state !== 'sent') return c; // the event got there first
      const message = action.message ? fromServer(action.message, action.state) : { ...local, state: action.state, ...(action.problem && { problem: action.problem }) };
      return { ...c, messages: upsert(c.messages, message) };
    }
  }
}

/** Whether the conversation is over and a new one may start. */
export const isClosed = (c: Conversation): boolean => c.status === 'resolved' || c.status === 'cancelled';

/** Reads what a previous page stored; anything malformed is ignored rather than trusted. */
export function parseConversation(value: unknown): Conversation | null {
  if (typeof value !== 'object' || value === null) return null;
  const c = value as Partial<Conversation>;
  if (typeof c.clientId !== 'string' || !['chat', 'callback', 'phone'].includes(c.channel as string)) return null;
  if (!Array.isArray(c.messages) || typeof c.lastEventId !== 'number') return null;
  return c as Conversation;
}
