/** SQLite rows and their mapping to the Store's records (types.ts). */
import type { CallbackRequest, HandoffContext, TranscriptEntry, Visitor } from '../../protocol/types';
import type { AgentRecord, CallbackStep, HandoffRecord, MessageRecord, StoredEvent, StoredHandoffEvent } from './types';

export interface HandoffRow {
  id: string;
  ref: string;
  token_hash: string;
  client_id: string;
  channel: HandoffRecord['channel'];
  status: HandoffRecord['status'];
  visitor: string | null;
  callback: string | null;
  context: string | null;
  transcript: string;
  created_at: string;
  agent_id: string | null;
  agent_name: string | null;
  first_reply_at: string | null;
  resolved_at: string | null;
  outcome: HandoffRecord['outcome'];
  article_id: string | null;
  no_article: number;
  callback_state: HandoffRecord['callbackState'];
}

export interface MessageRow {
  id: string;
  handoff_id: string;
  client_message_id: string;
  sender: 'visitor' | 'agent';
  agent_id: string | null;
  agent_name: string | null;
  text: string;
  at: string;
}

export interface EventRow {
  id: number;
  handoff_id: string;
  seq: number;
  data: string;
  at: string;
}

export interface CallbackStepRow {
  at: string;
  agent_id: string;
  agent_name: string;
  state: CallbackStep['state'];
}

export interface AgentRow {
  id: string;
  email: string;
  name: string;
  password_hash: string;
  salt: string;
  created_at: string;
}

export const json = (value: unknown): string | null => (value === null || value === undefined ? null : JSON.stringify(value));

// The JSON columns hold only what the validator returned and this file wrote, so reading them
// back as their types is sound.
const parse = <T>(text: string | null): T | null => (text === null ? null : (JSON.parse(text) as T));

export function toHandoff(r: HandoffRow): HandoffRecord {
  return {
    id: r.id,
    ref: r.ref,
    tokenHash: r.token_hash,
    clientId: r.client_id,
    channel: r.channel,
    status: r.status,
    visitor: parse<Visitor>(r.visitor),
    callback: parse<CallbackRequest>(r.callback),
    context: parse<HandoffContext>(r.context),
    transcript: parse<TranscriptEntry[]>(r.transcript) ?? [],
    createdAt: r.created_at,
    agentId: r.agent_id,
    agentName: r.agent_name,
    firstReplyAt: r.first_reply_at,
    resolvedAt: r.resolved_at,
    outcome: r.outcome,
    articleId: r.article_id,
    noArticle: r.no_article === 1,
    callbackState: r.callback_state,
  };
}

export function toMessage(r: MessageRow): MessageRecord {
  return {
    id: r.id,
    handoffId: r.handoff_id,
    clientMessageId: r.client_message_id,
    sender: r.sender,
    agentId: r.agent_id,
    agentName: r.agent_name,
    text: r.text,
    at: r.at,
  };
}

export function toEvent(r: EventRow): StoredEvent {
  return { id: r.id, handoffId: r.handoff_id, seq: r.seq, event: parse<StoredHandoffEvent>(r.data)!, at: r.at };
}

export function toAgent(r: AgentRow): AgentRecord {
  return { id: r.id, email: r.email, name: r.name, passwordHash: r.password_hash, salt: r.salt, createdAt: r.created_at };
}

export function toCallbackStep(r: CallbackStepRow): CallbackStep {
  return { at: r.at, agentId: r.agent_id, agentName: r.agent_name, state: r.state };
}
