/**
 * The handoff protocol, version 1 (docs/protocol.md): what the widget sends to a
 * backend and what comes back. Plain data, shared by the widget, the reference server and the
 * console; validation lives in validate.ts. Everything here is part of the documented protocol.
 */
import type { ErrorCode } from './error-codes';
import type { Channel, TranscriptEntry } from './transcript';
import type { AttachmentInfo, AttachmentProblem } from './attachments';

export type { AttachmentInfo, AttachmentProblem, AttachmentType } from './attachments';

export type { Channel, TranscriptEntry } from './transcript';

export const PROTOCOL_VERSION = 1;

/** Who the visitor is, as the site told the widget with Lifeline('identify', ...). */
export interface Visitor {
  name?: string;
  email?: string;
  phone?: string;
  id?: string;
  /**
   * A JWT (HS256) the site's own server signed with LIFELINE_IDENTITY_SECRET: `sub` the
   * customer's id, optional `email`, `name`, `exp`. A server with the secret checks it and
   * refuses a bad one (401, ErrorBody.code `identity_*`); it is never stored.
   */
  token?: string;
  /** Flat extra facts for the agent: plan, order number... */
  attributes?: Record<string, string | number | boolean | null>;
}

export interface CallbackRequest {
  /** The number to call, as the visitor typed it. */
  phone: string;
  /** The window the visitor asked for, ISO times with offset. */
  from: string;
  to: string;
  note?: string;
}

export interface HandoffContext {
  pageUrl?: string;
  locale?: string;
  userAgent?: string;
  timezone?: string;
}

/** POST {backend}/v1/handoffs */
export interface CreateHandoffRequest {
  /** A UUID made by the widget: the same id sent twice makes one handoff. */
  clientId: string;
  channel: Channel;
  visitor?: Visitor;
  /** Required when channel is "callback". */
  callback?: CallbackRequest;
  transcript: TranscriptEntry[];
  context?: HandoffContext;
}

export type HandoffStatus = 'queued' | 'active' | 'resolved' | 'cancelled';

/** 201 for a new handoff, 200 for a repeated clientId (the same body again). */
export interface CreateHandoffResponse {
  id: string;
  /** Short and speakable (digits), unique among open handoffs: read out on the phone. */
  ref: string;
  /** The only key to this handoff: sent as `Authorization: Bearer <token>`. */
  token: string;
  status: HandoffStatus;
  /** Place in the queue (1 = next), null once an agent has it. */
  position: number | null;
  /** null when there is too little data to say honestly. */
  estimatedWaitSeconds: number | null;
}

/** POST {backend}/v1/handoffs/{id}/messages */
export interface PostMessageRequest {
  /** Made by the sender: the same id sent twice is stored once. */
  clientMessageId: string;
  text: string;
}

/** POST {backend}/v1/handoffs/{id}/typing: the visitor started or stopped typing (not stored). */
export interface TypingRequest {
  typing: boolean;
}

/**
 * One of the site's help articles an agent sent in the conversation: the widget shows it as a
 * card that opens the article in the panel (from the site's own articles, by id).
 */
export interface MessageArticle {
  articleId: string;
  /** The article's title when it was sent (the server's catalog's, when it knows the articles). */
  title: string;
}

export interface Message {
  id: string;
  clientMessageId: string;
  from: 'visitor' | 'agent';
  /** The agent's display name, for agent messages. */
  author?: string;
  /** Plain text, never HTML. Empty when the message is an article sent without a note, or only carries files. */
  text: string;
  /** Agent messages only: an article of the site's that the agent points to. */
  article?: MessageArticle;
  at: string;
  /** The files it carries (POST .../attachments); absent when none. */
  attachments?: AttachmentInfo[];
}

/**
 * POST {backend}/v1/handoffs/{id}/article-read: the visitor opened an article an agent sent in the
 * conversation. The handoff's transcript gets an `article` entry (the `transcript` event tells it).
 */
export interface ArticleReadRequest {
  articleId: string;
}

/** GET {backend}/v1/handoffs/{id}: the visitor's view, to resume after a reload. */
export interface HandoffState extends Omit<CreateHandoffResponse, 'token'> {
  channel: Channel;
  callback?: CallbackRequest;
  agentName: string | null;
  messages: Message[];
  /** The sequence id of the last event, for Last-Event-ID. */
  lastEventId: number;
  /** The address agents' replies are e-mailed to while the visitor is away, when one is known. */
  email?: string;
  /** The clientMessageId of the visitor's latest message an agent has seen (the `seen` event), when one has. */
  seen?: string;
  /**
   * Whether the conversation can be e-mailed to `email` (POST .../transcript): `offered` when
   * the server sends mail and an address is known, `sent` once asked for; absent otherwise.
   */
  transcript?: 'offered' | 'sent';
}

/**
 * POST {backend}/v1/handoffs/{id}/email: where to e-mail the agents' replies the visitor misses
 * (replies written while they have had no event stream open for a while).
 */
export interface SetEmailRequest {
  email: string;
}

/** POST {backend}/v1/handoffs/reopen: the `lifeline-reopen` value of a link in such an e-mail. */
export interface ReopenRequest {
  link: string;
}

/** What a reopen link opens: its handoff, and the key to it (as `Authorization: Bearer <token>`). */
export interface ReopenResponse {
  id: string;
  token: string;
}

/**
 * GET {backend}/v1/handoffs/{id}/events (Server-Sent Events). The SSE `event:` field is the
 * type, `data:` the JSON below. Events with an `id:` are stored and replayed after
 * `Last-Event-ID`; `typing`, and the `status` that tells a queued visitor their new place when
 * the queue moves, are ephemeral and carry no id. docs/openapi.json has a schema per event
 * (HandoffStreamItem), checked against a real server by src/server/openapi-events.test.ts.
 */
export type HandoffEvent =
  | { type: 'message'; message: Message }
  | { type: 'agent_joined'; agentName: string }
  | { type: 'status'; status: HandoffStatus; position: number | null; estimatedWaitSeconds: number | null }
  /** The visitor gave the address replies they miss are e-mailed to. */
  | { type: 'email'; email: string }
  | { type: 'typing'; from: 'agent' | 'visitor'; typing: boolean }
  /** The visitor rated the conversation (after it ended): stored once per handoff. */
  | { type: 'rated'; rating: Rating }
  /** An entry added to the handoff's transcript after it was created (an article sent in the chat, read). */
  | { type: 'transcript'; entry: TranscriptEntry }
  /**
   * An agent had the conversation open and visible after the visitor's message `messageId`
   * (its clientMessageId) came: the visitor's "Seen". Told once per message.
   */
  | { type: 'seen'; messageId: string };

/**
 * POST {backend}/v1/handoffs/{id}/rating, once the handoff is closed (resolved, or ended by the
 * visitor): did we keep the promise? One rating per handoff: the same answer sent again is
 * answered with the stored one (200), a different one is refused (409).
 */
export interface RatingRequest {
  /** "How was this conversation?": Good (true) or Bad (false). */
  good: boolean;
  /** "Did you have to repeat anything you had already tried?"; absent or null when not answered. */
  repeated?: boolean | null;
  /** What the visitor adds in their own words (plain text, trimmed; absent when empty). */
  comment?: string;
}

/** A stored rating, as the agents and the `rated` event see it. */
export interface Rating {
  good: boolean;
  repeated: boolean | null;
  comment: string | null;
  /** When it was given (ISO). */
  at: string;
}

/** How an agent closed a handoff (the console's POST /v1/agent/handoffs/{id}/resolve). */
export type ResolveOutcome = 'answered' | 'no_answer' | 'duplicate' | 'other';

export interface ResolveRequest {
  outcome: ResolveOutcome;
  /** The help article that answered it, to learn which articles fall short; null when none. */
  articleId?: string | null;
  /** No help article covers the question: a gap in the help centre (not with articleId). */
  noArticle?: boolean;
  /**
   * With articleId: the visitor's searches the agent chose to learn as phrasings of it (as the
   * server offered them). Absent: the ones the server judges about the article.
   */
  learn?: string[];
  /**
   * A last line to the visitor ("Glad I could help, have a good day!"), sent as the agent's
   * message just before the chat closes; chats only, 1 to 4,000 characters after trimming.
   */
  closing?: string;
}

/**
 * POST {backend}/v1/handoffs/{id}/transcript (an empty body) once the chat has ended: e-mail the
 * conversation to the visitor's known address. Asked again, it is sent once (200, not 202).
 */
export interface TranscriptResponse {
  email: string;
}

/** Whether a channel is open now, and when that changes (ISO times). */
export interface ChannelAvailability {
  open: boolean;
  /** When closed: the next opening; null when none is known (or when open). */
  nextOpening: string | null;
  /** When open: when it closes; null when it stays open (or when closed). */
  closesAt: string | null;
}

/** A callback time the backend can still take: book it as `callback.from` / `callback.to`. */
export interface CallbackSlot {
  from: string;
  to: string;
}

/** GET {backend}/v1/status */
export interface BackendStatus {
  version: typeof PROTOCOL_VERSION;
  channels: Record<Channel, ChannelAvailability>;
  agentsOnline: number;
  /** Current chat wait estimate; null when unknown (too few recent replies, nobody online, closed). */
  chatWaitSeconds: number | null;
  /** The free callback slots, soonest first: those of the first three days that have one (at most 60). Absent: any window may be asked for. */
  callbackSlots?: CallbackSlot[];
  /** The IANA zone the backend's hours are written in. */
  timezone?: string;
  /** The largest file a chat message may carry, in bytes (absent: the backend takes no files). */
  attachmentMaxBytes?: number;
}

/** Every error answer: 400, 401, 403, 404, 409, 413, 429. */
export interface ErrorBody {
  /** What went wrong, in English, for a person reading the API; clients show their own words for `code`. */
  error: string;
  /**
   * What went wrong, for a program: one of ERROR_CODES (src/protocol/error-codes.ts,
   * docs/protocol.md). Absent from servers older than issue 14: use codeForStatus(status).
   */
  code?: ErrorCode;
  /** For 400: the path of the first bad field, e.g. "transcript[3].query". */
  path?: string;
  /** For 409 on a callback time that is not free: the slots that are. */
  slots?: CallbackSlot[];
  /** For a refused attachment (400, 413, 415): why, for the widget to say in the visitor's language. */
  attachmentProblem?: AttachmentProblem;
}

/** The codes of ErrorBody.code: why a visitor's identity token was not taken. */
export type IdentityErrorCode = 'identity_invalid' | 'identity_expired' | 'identity_not_yet_valid' | 'identity_missing' | 'identity_off';

/** One earlier conversation of a verified customer, in GET /v1/history. */
export interface HistoryConversation {
  id: string;
  ref: string;
  channel: Channel;
  status: HandoffStatus;
  createdAt: string;
  /** When it was resolved or cancelled; null while open. */
  resolvedAt: string | null;
  /** The agent who took it, by display name; null when none did. */
  agentName: string | null;
  /** The chat, oldest first (files by name only: their bytes need the handoff's own token). */
  messages: Message[];
  /** A callback's number and window, for a callback. */
  callback?: CallbackRequest;
}

/**
 * GET {backend}/v1/history with `Authorization: Bearer <identity token>`: the conversations of
 * the token's `sub`, newest first, at most `limit` (20); `more` when there are older ones.
 */
export interface HistoryResponse {
  conversations: HistoryConversation[];
  more: boolean;
}
