/** SQLite rows and their mapping to the Store's records (types.ts). */
import type { CallbackRequest, HandoffContext, TranscriptEntry, Visitor } from '../../protocol/types';
import type { HandoffRecord, StoredEvent, StoredHandoffEvent } from './types';
import { toVerified } from './rows';
export { toAgent, toCallbackStep, toMessage, type AgentRow, type CallbackStepRow, type MessageRow } from './rows';

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
  verified_sub: string | null;
  verified_email: string | null;
  verified_name: string | null;
}

export interface EventRow {
  id: number;
  handoff_id: string;
  seq: number;
  data: string;
  at: string;
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
    verified: toVerified(r),
  };
}

export function toEvent(r: EventRow): StoredEvent {
  return { id: r.id, handoffId: r.handoff_id, seq: r.seq, event: parse<StoredHandoffEvent>(r.data)!, at: r.at };
}

