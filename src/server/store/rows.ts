/**
 * The rows both engines store alike (messages, agents, callback steps, phrasings, push
 * subscriptions) and their
 * mapping to the Store's records (types.ts). What differs by engine (JSON as text or jsonb,
 * booleans as 0/1) stays in sqlite-rows.ts and postgres/rows.ts.
 */
import type { AttachmentInfo } from '../../protocol/attachments';
import type { AgentRecord, CallbackStep, HandoffPatch, MessageRecord, PhrasingRecord, PushSubscriptionRecord, StoredAttachment, VerifiedIdentity } from './types';

/** The verified customer's columns of a handoff row (SQLite 13, PostgreSQL 11), as a record; null when not verified. */
export function toVerified(r: { verified_sub?: string | null; verified_email?: string | null; verified_name?: string | null }): VerifiedIdentity | null {
  if (r.verified_sub === null || r.verified_sub === undefined) return null;
  return { sub: r.verified_sub, ...(r.verified_email != null && { email: r.verified_email }), ...(r.verified_name != null && { name: r.verified_name }) };
}

/** The patchable fields of a handoff and their columns (HandoffPatch). */
export const PATCH_COLUMNS: { [K in keyof Required<HandoffPatch>]: string } = {
  status: 'status',
  agentId: 'agent_id',
  firstReplyAt: 'first_reply_at',
  resolvedAt: 'resolved_at',
  outcome: 'outcome',
  articleId: 'article_id',
  noArticle: 'no_article',
  callbackState: 'callback_state',
};

export interface MessageRow {
  id: string;
  handoff_id: string;
  client_message_id: string;
  sender: 'visitor' | 'agent';
  agent_id: string | null;
  agent_name: string | null;
  text: string;
  article_id: string | null;
  article_title: string | null;
  at: string;
  /** Its attachments' metadata as a JSON array (text in SQLite, parsed already by pg); see ATTACHMENTS_OF. */
  attachments: string | AttachmentInfo[] | null;
}

export interface AgentRow {
  id: string;
  email: string;
  name: string;
  password_hash: string;
  salt: string;
  created_at: string;
}

export interface CallbackStepRow {
  at: string;
  agent_id: string;
  agent_name: string;
  state: CallbackStep['state'];
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
    article: r.article_id === null || r.article_id === undefined ? null : { articleId: r.article_id, title: r.article_title ?? r.article_id },
    at: r.at,
    ...attachmentsOf(r.attachments),
  };
}

function attachmentsOf(value: MessageRow['attachments']): { attachments?: AttachmentInfo[] } {
  const list = typeof value === 'string' ? (JSON.parse(value) as AttachmentInfo[]) : (value ?? []);
  return list.length ? { attachments: list.map((a) => ({ id: a.id, name: a.name, type: a.type, size: Number(a.size) })) } : {};
}

export interface AttachmentRow {
  id: string;
  handoff_id: string;
  message_id: string;
  name: string;
  type: AttachmentInfo['type'];
  size: number;
  bytes: Uint8Array;
}

export function toAttachment(r: AttachmentRow): StoredAttachment {
  return { id: r.id, handoffId: r.handoff_id, messageId: r.message_id, name: r.name, type: r.type, size: Number(r.size), bytes: new Uint8Array(r.bytes) };
}

export function toAgent(r: AgentRow): AgentRecord {
  return { id: r.id, email: r.email, name: r.name, passwordHash: r.password_hash, salt: r.salt, createdAt: r.created_at };
}

export function toCallbackStep(r: CallbackStepRow): CallbackStep {
  return { at: r.at, agentId: r.agent_id, agentName: r.agent_name, state: r.state };
}

export interface PhrasingRow {
  id: number;
  article_id: string;
  text: string;
  key: string;
  count: number;
  first_learned_at: string;
  last_learned_at: string;
  last_handoff_id: string | null;
  handoff_ref: string | null;
  removed_at: string | null;
  removed_by: string | null;
  confirmed_at: string | null;
  confirmed_by: string | null;
}

export const toPhrasing = (r: PhrasingRow): PhrasingRecord => ({
  id: String(r.id),
  articleId: r.article_id,
  text: r.text,
  key: r.key,
  count: r.count,
  firstLearnedAt: r.first_learned_at,
  lastLearnedAt: r.last_learned_at,
  handoffId: r.last_handoff_id,
  handoffRef: r.handoff_ref,
  removedAt: r.removed_at,
  removedBy: r.removed_by,
  confirmedAt: r.confirmed_at,
  confirmedBy: r.confirmed_by,
});

/** A browser an agent turned notifications on in (push_subscriptions). */
export interface PushRow {
  endpoint: string;
  agent_id: string;
  p256dh: string;
  auth: string;
  created_at: string;
  saved_at: string;
}

export const toPush = (r: PushRow): PushSubscriptionRecord => ({
  endpoint: r.endpoint,
  agentId: r.agent_id,
  p256dh: r.p256dh,
  auth: r.auth,
  createdAt: r.created_at,
  savedAt: r.saved_at,
});
