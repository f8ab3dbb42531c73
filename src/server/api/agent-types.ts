/**
 * The agent API's answers (/v1/agent/*): the console's own API, not part of the handoff
 * protocol a site owner's backend implements. The console (src/console/, later) imports these.
 */
import type {
  CallbackRequest,
  Channel,
  HandoffContext,
  HandoffEvent,
  HandoffStatus,
  Message,
  Rating,
  ResolveOutcome,
  TranscriptEntry,
  Visitor,
} from '../../protocol/types';
import type { LearningCandidate } from '../phrasings';

/** GET /v1/agent/me, and the answer to a login. */
export interface AgentMe {
  id: string;
  email: string;
  name: string;
}

/** One row of GET /v1/agent/handoffs. */
export interface AgentHandoffSummary {
  id: string;
  ref: string;
  channel: Channel;
  status: HandoffStatus;
  createdAt: string;
  agentName: string | null;
  visitorName: string | null;
  /** The visitor brought an identity token the server checked (the handoff page says who). Always sent; optional for rows built by hand (tests). */
  verified?: boolean;
  /** The last page the visitor was on (transcript), or context.pageUrl. */
  lastPageUrl: string | null;
  /** What the visitor searched for, oldest first. */
  searches: string[];
  /** Where a callback stands; null before its first attempt and for other channels. */
  callbackState: CallbackState | null;
  /** The window a callback was booked for (ISO times); null for other channels. */
  callbackWindow: { from: string; to: string } | null;
}

/**
 * GET /v1/agent/queue: the open handoffs in three sections. A section longer than `limit` (the
 * query's, 500 unless told) lists the longest waiting and the newest, and says how many it left out.
 */
export interface AgentQueue {
  /** The IANA zone of the business hours (LIFELINE_TIMEZONE): callbacks are booked in it. */
  timeZone: string;
  /** Chats nobody has answered yet (all of them, listed or not). */
  waitingChats: number;
  /** Open chats, oldest first: those waiting for a first reply and those an agent has. */
  chats: AgentQueueSection;
  /** Open callbacks, soonest booked first. */
  callbacks: AgentQueueSection;
  /** Today's open phone references, newest first; older ones have expired. */
  phone: AgentQueueSection;
}

export interface AgentQueueSection {
  handoffs: AgentHandoffSummary[];
  /** How many the section holds in all. */
  total: number;
  /** Handoffs left out after the first `after` listed; null when all are listed. */
  gap: { after: number; left: number } | null;
}

/** Where a callback stands (POST /v1/agent/handoffs/:id/callback). */
export type CallbackState = 'called' | 'no_answer' | 'done';

/** One recorded step of a callback, oldest first in AgentHandoffDetail.callbackHistory. */
export interface CallbackStepView {
  at: string;
  agent: { id: string; name: string };
  state: CallbackState;
}

/** GET /v1/agent/handoffs/:id (and by-ref, claim, resolve): everything the agent may need. */
export interface AgentHandoffDetail {
  id: string;
  ref: string;
  channel: Channel;
  status: HandoffStatus;
  createdAt: string;
  visitor: Visitor | null;
  callback: CallbackRequest | null;
  context: HandoffContext | null;
  transcript: TranscriptEntry[];
  messages: Message[];
  agent: { id: string; name: string } | null;
  /** 1-based place in its channel's queue while queued. */
  position: number | null;
  firstReplyAt: string | null;
  resolvedAt: string | null;
  outcome: ResolveOutcome | null;
  articleId: string | null;
  noArticle: boolean;
  callbackState: CallbackState | null;
  callbackHistory: CallbackStepView[];
  /** The visitor's rating, once the conversation ended and they gave one. */
  rating: Rating | null;
  lastEventId: number;
  /**
   * The customer an identity token named, checked by the server (LIFELINE_IDENTITY_SECRET):
   * the console marks them Verified. null: Not verified, and `visitor` is only what the page said.
   */
  verified: { sub: string; email?: string; name?: string } | null;
  /** The verified customer's other handoffs, newest first (at most 20); empty when not verified. */
  earlier: AgentEarlierHandoff[];
}

/** One of a verified customer's other handoffs, beside the current one on the handoff page. */
export interface AgentEarlierHandoff {
  id: string;
  ref: string;
  channel: Channel;
  status: HandoffStatus;
  createdAt: string;
  resolvedAt: string | null;
  outcome: ResolveOutcome | null;
  agentName: string | null;
  /** What they asked: the last search, or a callback's note; else their first chat message; null when none. */
  question: string | null;
}

/** `data:` of GET /v1/agent/events: a handoff event, with the handoff it belongs to. */
export type AgentStreamEvent = HandoffEvent & { handoffId: string; seq: number | null };

/** GET /v1/agent/reports: what the period's handoffs say about the help. */
export interface AgentReport {
  /** The period, as ISO times (both included): handoffs created in it count. */
  from: string;
  to: string;
  /**
   * Searches that found nothing (lower case), at most 20: `visitors` made it (different people,
   * see the README), `count` times in all; most visitors first.
   */
  noResultSearches: Array<{ query: string; count: number; visitors: number }>;
  /** The article read last before "Talk to a human", at most 20: in `count` handoffs, by `visitors`; most visitors first. */
  articlesBeforeHandoff: Array<{ articleId: string; title: string; count: number; visitors: number }>;
  handoffsByChannel: Record<Channel, number>;
  /** Different visitors the period's handoffs came from. */
  visitors: number;
  /** Resolved handoffs by outcome. */
  handoffsByOutcome: Record<ResolveOutcome, number>;
  /** Median seconds to the first agent reply; null when no handoff was answered. */
  medianFirstReplySeconds: number | null;
  /** Handoffs an agent marked "no article covers this", and what those visitors searched. */
  noArticleHandoffs: number;
  noArticleVisitors: number;
  noArticleSearches: Array<{ query: string; count: number; visitors: number }>;
  /**
   * What visitors said of the period's handoffs once they ended: `rated` ratings, `good` of them
   * Good (goodShare, 0 to 1); of the `repeatAnswered` who answered "Did you have to repeat
   * anything you had already tried?", `repeated` said Yes (repeatedShare). A share is null when
   * nobody answered.
   */
  ratings: { rated: number; good: number; goodShare: number | null; repeatAnswered: number; repeated: number; repeatedShare: number | null };
  /**
   * Every article read before "Talk to a human" (not only the last), at most 20: its visitors
   * still asked for a person in `count` handoffs, `visitors` people, `notHelpful` of whom
   * answered its "Did this help?" with No; most visitors first.
   */
  articlesReadBeforeHandoff: Array<{ articleId: string; title: string; count: number; visitors: number; notHelpful: number }>;
  /** What visitors searched before asking for a person anyway, grouped by similar wording (report-groups.ts), at most 20 groups. */
  searchesBeforeHandoff: AgentSearchGroup[];
  /** What was searched in handoffs marked "no article covers this", grouped the same way: the articles to write first. */
  noArticleQuestions: AgentSearchGroup[];
}

/** Searches alike in wording (report-groups.ts): named after the most asked, with its queries, handoffs and visitors. */
export interface AgentSearchGroup {
  label: string;
  queries: Array<{ query: string; count: number }>;
  count: number;
  visitors: number;
}

/** What resolving with an article taught (POST /v1/agent/handoffs/:id/resolve). */
export interface LearnedPhrasings {
  articleId: string;
  /** The title the visitor saw, when they opened the article; the console shows the id otherwise. */
  articleTitle: string | null;
  /** How many of the visitor's searches are now phrasings of the article. */
  count: number;
  /** How many of those are served to visitors (taught by another handoff too, or confirmed). */
  served: number;
}

/** One of a handoff's searches, as it would be learned for an article (src/server/phrasings.ts). */
export type { LearningCandidate, CandidateReason } from '../phrasings';
export type { PersonalKind } from '../personal-data';

/** GET /v1/agent/handoffs/:id/learning?articleId=: what resolving with that article would teach. */
export interface AgentLearning {
  articleId: string;
  /** From LIFELINE_ARTICLES, else when the visitor opened it; null otherwise. */
  articleTitle: string | null;
  /** Whether the server knows the article's text (LIFELINE_ARTICLES): without it, no search is judged about it on its words. */
  articleKnown: boolean;
  candidates: LearningCandidate[];
}

/** The answer to a resolve: the handoff, and what it taught (null when no article was named). */
export type AgentResolveAnswer = AgentHandoffDetail & { learned: LearnedPhrasings | null };

/** GET /v1/agent/articles: the site's articles (LIFELINE_ARTICLES), or null when not told. */
export interface AgentArticles {
  articles: Array<{ id: string; title: string }> | null;
}

/** One row of GET /v1/agent/phrasings (and the answer to DELETE /v1/agent/phrasings/:id). */
export interface AgentPhrasing {
  id: string;
  articleId: string;
  /** As the visitor typed it (trimmed, white space collapsed): show it as text. */
  text: string;
  /** How many resolved handoffs taught it. */
  count: number;
  firstLearnedAt: string;
  lastLearnedAt: string;
  /** The handoff it was last learned from; null once that handoff is gone. */
  handoff: { id: string; ref: string } | null;
  /** Served to visitors (GET /v1/phrasings): taught by two handoffs or more, or confirmed; else pending. */
  served: boolean;
  /** When an agent confirmed it; null when none did. */
  confirmedAt: string | null;
  /** When an agent removed it; null while it is live. */
  removedAt: string | null;
}

/** Where a webhook delivery stands (GET /v1/agent/webhooks). */
export type WebhookDeliveryStatus = 'waiting' | 'sending' | 'delivered' | 'retrying' | 'failed';

/** One event sent, or being sent, to LIFELINE_WEBHOOK_URL. */
export interface AgentWebhookDelivery {
  /** The `webhook-id`: the same on every try. */
  id: string;
  /** handoff.created, message.created... */
  type: string;
  /** When the event happened. */
  eventAt: string;
  handoff: { id: string; ref: string } | null;
  /** waiting: not tried yet; sending: being tried now; retrying: failed, tried again at nextTryAt; failed: given up after 24 hours (or refused for good). */
  status: WebhookDeliveryStatus;
  /** Tries made so far. */
  attempts: number;
  /** When it is tried next (waiting and retrying); null otherwise. */
  nextTryAt: string | null;
  /** What went wrong on the last failed try ("Answered 500 ...", "No answer within 10 s"); kept after a later success. */
  lastError: string | null;
  /** When it was delivered, failed, or last tried. */
  updatedAt: string;
}

/** GET /v1/agent/webhooks: the receiver, what needs attention, and the latest deliveries. */
export interface AgentWebhooks {
  /** LIFELINE_WEBHOOK_URL without its query or credentials; null when webhooks are off. */
  endpoint: string | null;
  /** Retrying and failed deliveries, last changed first. */
  failing: AgentWebhookDelivery[];
  /** The latest deliveries of any status, last changed first. */
  recent: AgentWebhookDelivery[];
}
