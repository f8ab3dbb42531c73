/**
 * PostgreSQL rows and their mapping to the Store's records (../types.ts), and what is written:
 * jsonb columns come back parsed, booleans as booleans, times as ISO strings and bigints as
 * numbers (the pool's parsers, connect.ts).
 *
 * PostgreSQL's text and jsonb cannot hold the character U+0000 (SQLite can). The store strips
 * it from every text it writes (`clean`, `jsonText`) rather than fail the request: a NUL is
 * never meaningful in a chat message, a name or a search, and refusing it would belong to the
 * protocol's validation for both engines, not to one store.
 */
import type { CallbackRequest, HandoffContext, TranscriptEntry, Visitor } from '../../../protocol/types';
import type { HandoffRecord, StoredEvent, StoredHandoffEvent } from '../types';
import { toVerified } from '../rows';
export { toAgent, toCallbackStep, toMessage, type AgentRow, type CallbackStepRow, type MessageRow } from '../rows';

export interface HandoffRow {
  id: string;
  ref: string;
  token_hash: string;
  client_id: string;
  channel: HandoffRecord['channel'];
  status: HandoffRecord['status'];
  visitor: Visitor | null;
  callback: CallbackRequest | null;
  context: HandoffContext | null;
  transcript: TranscriptEntry[];
  created_at: string;
  agent_id: string | null;
  agent_name: string | null;
  first_reply_at: string | null;
  resolved_at: string | null;
  outcome: HandoffRecord['outcome'];
  article_id: string | null;
  no_article: boolean;
  callback_state: HandoffRecord['callbackState'];
  verified_sub: string | null;
  verified_email: string | null;
  verified_name: string | null;
}

export interface EventRow {
  id: number;
  handoff_id: string;
  seq: number;
  data: StoredHandoffEvent;
  at: string;
}

const NUL = /\u0000/g;

/** `text` without U+0000, which PostgreSQL cannot store. */
export const clean = (text: string): string => (text.includes('\u0000') ? text.replace(NUL, '') : text);

/** `value` as JSON text for a jsonb column, without U+0000 in any string (null stays SQL NULL). */
export function jsonText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  // JSON.stringify writes U+0000 as the escape \u0000, which jsonb refuses as well.
  return JSON.stringify(value, (_key, v: unknown) => (typeof v === 'string' ? clean(v) : v));
}

export function toHandoff(r: HandoffRow): HandoffRecord {
  return {
    id: r.id,
    ref: r.ref,
    tokenHash: r.token_hash,
    clientId: r.client_id,
    channel: r.channel,
    status: r.status,
    visitor: r.visitor,
    callback: r.callback,
    context: r.context,
    transcript: r.transcript ?? [],
    createdAt: r.created_at,
    agentId: r.agent_id,
    agentName: r.agent_name,
    firstReplyAt: r.first_reply_at,
    resolvedAt: r.resolved_at,
    outcome: r.outcome,
    articleId: r.article_id,
    noArticle: r.no_article,
    callbackState: r.callback_state,
    verified: toVerified(r),
  };
}

export function toEvent(r: EventRow): StoredEvent {
  return { id: r.id, handoffId: r.handoff_id, seq: r.seq, event: r.data, at: r.at };
}

