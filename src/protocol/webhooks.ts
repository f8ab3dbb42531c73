/**
 * Lifeline's webhooks (docs/webhooks.md): what a receiver gets when LIFELINE_WEBHOOK_URL is
 * set. Each delivery is one event, posted as JSON in the Standard Webhooks format: signed with
 * the `webhook-id`, `webhook-timestamp` and `webhook-signature` headers, its body
 * `{type, timestamp, data}`. Plain data, shared by the server and any receiver written in
 * TypeScript; everything here is part of the documented format.
 */
import type { CallbackRequest, Channel, HandoffContext, Message, ResolveOutcome, TranscriptEntry, Visitor } from './types';

/** Every event type, in the order a handoff's life usually tells them. */
export const WEBHOOK_EVENT_TYPES = [
  'handoff.created',
  'callback.booked',
  'handoff.claimed',
  'message.created',
  'handoff.resolved',
  'handoff.cancelled',
  'callback.cancelled',
  'rating.created',
] as const;

export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/**
 * The handoff an event is about: what never changes once it is created. The visitor's token is
 * never sent; `consoleUrl` opens it in the agents' console (null without LIFELINE_PUBLIC_URL).
 */
export interface WebhookHandoff {
  id: string;
  /** Short and speakable (digits): what the visitor quotes. */
  ref: string;
  channel: Channel;
  createdAt: string;
  visitor: Visitor | null;
  /** The number to call and the window booked, for callbacks; null for other channels. */
  callback: CallbackRequest | null;
  context: HandoffContext | null;
  consoleUrl: string | null;
}

/** `handoff.created`: a visitor asked for a person (any channel), with everything they tried first. */
export interface HandoffCreatedData {
  handoff: WebhookHandoff;
  /** What the visitor did before asking: pages, searches, articles read, votes. */
  transcript: TranscriptEntry[];
}

/** `callback.booked`: a callback was booked for a time (also told as `handoff.created`). */
export interface CallbackBookedData {
  handoff: WebhookHandoff;
  callback: CallbackRequest;
}

/** `handoff.claimed`: an agent took the handoff (by claiming, by replying, or by calling back). */
export interface HandoffClaimedData {
  handoff: WebhookHandoff;
  agentName: string;
}

/** `message.created`: a chat message, the visitor's or an agent's. */
export interface MessageCreatedData {
  handoff: WebhookHandoff;
  message: Message;
}

/** `handoff.resolved`: an agent closed it. */
export interface HandoffResolvedData {
  handoff: WebhookHandoff;
  /** Null only when the event is read after the handoff was deleted. */
  outcome: ResolveOutcome | null;
  /** The help article that answered it, when the agent named one. */
  articleId: string | null;
  /** The agent marked that no help article covers the question. */
  noArticle: boolean;
  agentName: string | null;
}

/** `handoff.cancelled` (a chat the visitor left, a phone reference that expired) and `callback.cancelled`. */
export interface HandoffCancelledData {
  handoff: WebhookHandoff;
}

/** `rating.created`: the visitor rated the conversation after it ended. */
export interface RatingCreatedData {
  handoff: WebhookHandoff;
  rating: {
    /** "How was this conversation?": Good (true) or Bad (false). */
    good: boolean;
    /** "Did you have to repeat anything you had already tried?"; null when not answered. */
    repeated: boolean | null;
    /** The visitor's own words; null when none. */
    comment: string | null;
  };
}

interface DataOf {
  'handoff.created': HandoffCreatedData;
  'callback.booked': CallbackBookedData;
  'handoff.claimed': HandoffClaimedData;
  'message.created': MessageCreatedData;
  'handoff.resolved': HandoffResolvedData;
  'handoff.cancelled': HandoffCancelledData;
  'callback.cancelled': HandoffCancelledData;
  'rating.created': RatingCreatedData;
}

/** A webhook's body. `timestamp`: when it happened (ISO); the `webhook-timestamp` header is when it was sent. */
export type WebhookEvent = { [T in WebhookEventType]: { type: T; timestamp: string; data: DataOf[T] } }[WebhookEventType];
