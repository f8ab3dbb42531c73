/**
 * Storage behind one small interface: SQLite (sqlite.ts) is the embedded default; a PostgreSQL
 * engine must fit behind the same methods, so they are plain row operations (read a handoff,
 * insert a message, patch a row, append an event) that return promises, and keep SQL out of
 * the rest. No business rule lives here: what a command changes is decided by the pure
 * transitions of ../handoff/, and ../service/ writes it in one `transaction`.
 *
 * Every event a transaction appends goes to the event log (`appendEvent`): a global, increasing
 * `id` across all handoffs (what a second instance or a webhook reader follows) and the
 * handoff's own `seq` (1, 2, 3...: the visitor's SSE id, for Last-Event-ID). Times are ISO
 * strings made by the caller (the app owns the clock, so tests can move it).
 */
import type {
  CallbackRequest,
  Channel,
  HandoffContext,
  HandoffStatus,
  MessageArticle,
  Rating,
  ResolveOutcome,
  TranscriptEntry,
  Visitor,
} from '../../protocol/types';
import type { AttachmentInfo } from '../../protocol/attachments';
import type { CallbackState, HandoffPatch, StoredHandoffEvent } from '../handoff/types';
import type { LearnablePhrasing } from '../phrasings';
import type { JobResult, JobStatus, NewJob, OutboxJob } from '../outbox/types';

export type { CallbackState, HandoffPatch, Refusal, StoredHandoffEvent } from '../handoff/types';

export interface StoredEvent {
  /** The event log's id: increasing across every handoff, in commit order within one engine. */
  id: number;
  handoffId: string;
  /** 1, 2, 3... per handoff: the SSE id, for Last-Event-ID. */
  seq: number;
  event: StoredHandoffEvent;
  at: string;
}

export interface HandoffRecord {
  id: string;
  ref: string;
  /** SHA-256 of the visitor's token, hex; the token itself is never stored. */
  tokenHash: string;
  clientId: string;
  channel: Channel;
  status: HandoffStatus;
  visitor: Visitor | null;
  callback: CallbackRequest | null;
  context: HandoffContext | null;
  transcript: TranscriptEntry[];
  createdAt: string;
  agentId: string | null;
  /** Display name of `agentId`, joined in for convenience. */
  agentName: string | null;
  firstReplyAt: string | null;
  /** When it was resolved or cancelled. */
  resolvedAt: string | null;
  outcome: ResolveOutcome | null;
  articleId: string | null;
  /** The agent marked that no help article covers the question. */
  noArticle: boolean;
  /** The last step of a callback's workflow; null until an agent records one (and for other channels). */
  callbackState: CallbackState | null;
  /**
   * Who the site's server said the customer is, in an identity token this server checked
   * (../identity/); null when the visitor was not verified (what `visitor` says is then only
   * what the page claimed). Optional so records built by hand (tests) need not name it; the
   * engines always set it.
   */
  verified?: VerifiedIdentity | null;
}

/** A verified customer: the token's `sub`, and its `email` and `name` when it had them. */
export interface VerifiedIdentity {
  sub: string;
  email?: string;
  name?: string;
}

/** One step of a callback's workflow, kept so the next agent sees every attempt. */
export interface CallbackStep {
  at: string;
  agentId: string;
  agentName: string;
  state: CallbackState;
}

/** A search that found nothing: how many times it was made, and by how many visitors (reports). */
export interface NoResultSearch {
  query: string;
  count: number;
  visitors: number;
}

/** An article read last before a visitor asked for a person: in how many handoffs, by how many visitors (reports). */
export interface ArticleBeforeHandoff {
  articleId: string;
  title: string;
  count: number;
  visitors: number;
}

/** An article read before a visitor asked for a person anyway (reports.ts articlesReadBeforeHandoff). */
export interface ArticleReadBeforeHandoff {
  articleId: string;
  title: string;
  /** Handoffs whose visitor read it first. */
  count: number;
  visitors: number;
  /** Of those visitors, how many answered its "Did this help?" with No. */
  notHelpful: number;
}

/** What one handoff's visitor searched before asking for a person (reports.ts handoffSearches). */
export interface HandoffSearches {
  /** Who asked, as reports.ts visitorKey tells. */
  visitor: string;
  /** An agent marked it "no article covers this". */
  noArticle: boolean;
  /** Each query once, trimmed, lower case, in the order first made. */
  queries: string[];
}

/** What a period's handoffs say about the help (GET /v1/agent/reports). */
export interface HandoffReport {
  noResultSearches: NoResultSearch[];
  articlesBeforeHandoff: ArticleBeforeHandoff[];
  byChannel: Record<Channel, number>;
  /** Different visitors the period's handoffs came from (reports.ts visitorKey). */
  visitors: number;
  /** Resolved handoffs by how they ended. */
  byOutcome: Record<ResolveOutcome, number>;
  /** Median seconds from creation to the first agent reply; null when none was answered. */
  medianFirstReplySeconds: number | null;
  /** What was searched in handoffs marked "no article covers this", most frequent first. */
  noArticleSearches: NoResultSearch[];
  /** How many handoffs were marked so, and from how many visitors. */
  noArticleHandoffs: number;
  noArticleVisitors: number;
  /** What visitors said of the period's handoffs (reports.ts ratingFigures). */
  ratings: RatingFigures;
  /** Every article read before a handoff, most visitors first (at most 20). */
  articlesReadBeforeHandoff: ArticleReadBeforeHandoff[];
  /** Per handoff that searched first, what it searched (the service groups them by wording). */
  handoffSearches: HandoffSearches[];
}

/**
 * The ratings of a period's handoffs: how many were rated, how many Good, and of those who
 * answered "Did you have to repeat anything?", how many said Yes; each share as a fraction
 * (0 to 1), null when nobody answered.
 */
export interface RatingFigures {
  rated: number;
  good: number;
  goodShare: number | null;
  /** Ratings that answered the repeat question, Yes or No. */
  repeatAnswered: number;
  repeated: number;
  repeatedShare: number | null;
}

/** A visitor's search learned as a phrasing of an article (migration 4; rules in ../phrasings.ts). */
export interface PhrasingRecord {
  /** The store's id, as text (an engine may use any key). */
  id: string;
  articleId: string;
  /** As the visitor typed it, trimmed, white space collapsed. */
  text: string;
  /** normalizePhrasing(text): unique per article, tombstones included. */
  key: string;
  /** How many resolved handoffs taught it (each handoff once). */
  count: number;
  firstLearnedAt: string;
  lastLearnedAt: string;
  /** The handoff it was last learned from (null once that handoff is gone), and its ref. */
  handoffId: string | null;
  handoffRef: string | null;
  /** Set when an agent removed it: it is then never served nor learned again. */
  removedAt: string | null;
  removedBy: string | null;
  /** Set when an agent confirmed it: it is then served after one handoff (../phrasings.ts, isServed). */
  confirmedAt: string | null;
  confirmedBy: string | null;
}

export interface MessageRecord {
  id: string;
  handoffId: string;
  clientMessageId: string;
  sender: 'visitor' | 'agent';
  agentId: string | null;
  agentName: string | null;
  text: string;
  /** The site's article an agent sent with it (issue 13), or null. */
  article: MessageArticle | null;
  at: string;
  /** The files it carries, oldest first; absent when none. */
  attachments?: AttachmentInfo[];
}

/** A new attachment's row, stored with its message (NewMessageRow.attachments). */
export interface NewAttachmentRow extends AttachmentInfo {
  bytes: Uint8Array;
}

/** An attachment as stored: what messages show, the message it came with, its bytes. */
export interface StoredAttachment extends AttachmentInfo {
  handoffId: string;
  messageId: string;
  bytes: Uint8Array;
}

export interface AgentRecord {
  id: string;
  /** Lower case. */
  email: string;
  name: string;
  passwordHash: string;
  salt: string;
  createdAt: string;
}

export interface SessionRecord {
  /** SHA-256 of the cookie's value, hex. */
  idHash: string;
  agentId: string;
  expiresAt: string;
}

/** A new handoff's row; it starts queued. */
export interface NewHandoffRow {
  id: string;
  ref: string;
  clientId: string;
  tokenHash: string;
  channel: Channel;
  visitor: Visitor | null;
  callback: CallbackRequest | null;
  context: HandoffContext | null;
  transcript: TranscriptEntry[];
  createdAt: string;
  /** The verified customer (an identity token checked); absent or null: not verified. */
  verified?: VerifiedIdentity | null;
}

/** A chat message's row, with the seq of the event that told it (it orders the conversation). */
export interface NewMessageRow {
  id: string;
  handoffId: string;
  clientMessageId: string;
  sender: 'visitor' | 'agent';
  agentId: string | null;
  text: string;
  article: MessageArticle | null;
  at: string;
  seq: number;
  /** Files stored with it, in the same transaction. */
  attachments?: NewAttachmentRow[];
}

/** What may change on a phrasing once stored: confirmed or removed (a tombstone). */
export type PhrasingPatch = { confirmedAt: string; confirmedBy: string } | { removedAt: string; removedBy: string };

export type HandoffFilter = 'open' | 'resolved' | 'all';

/**
 * A browser an agent turned notifications on in (Web Push, SQLite migration 8, PostgreSQL 5): the push service's
 * endpoint (unique: one browser profile, one agent at a time) and the keys its messages are
 * encrypted to.
 */
export interface PushSubscriptionRecord {
  endpoint: string;
  agentId: string;
  /** The browser's P-256 public key and auth secret, base64url. */
  p256dh: string;
  auth: string;
  createdAt: string;
  /** When it was last saved (the console saves it again on every visit). */
  savedAt: string;
}

/**
 * Which handoffs are one visitor's (../personal-data/match.ts builds it): the e-mail they gave
 * (any case), the id the page gave identify(), or the handoffs themselves. Any of them matches.
 */
export interface VisitorMatch {
  /** Lower case. */
  emails: readonly string[];
  visitorIds: readonly string[];
  handoffIds: readonly string[];
}

/** What deleteHandoffs removed, counted: an erasure's record says how much, never whose. */
export interface DeletedCounts {
  handoffs: number;
  messages: number;
  attachments: number;
  events: number;
  ratings: number;
  callbackSteps: number;
  /** Outbox jobs (mails, webhooks, alerts...) that mentioned them (deleteJobsMentioning). */
  jobs: number;
  /** Learned phrasings only they taught and no agent confirmed (../personal-data/decide.ts). */
  phrasings: number;
}

/** An erasure, as recorded (SQLite migration 13, PostgreSQL 11): who or what deleted how much; never whose data. */
export interface DeletionRecord {
  id: string;
  at: string;
  /** 'retention': LIFELINE_RETENTION_DAYS; 'visitor': a visitor's data on request. */
  reason: 'retention' | 'visitor';
  /** The agent who asked (console), or null (the CLI, the retention). */
  agentId: string | null;
  /** Who, in words: "Ada (ada@example.com)", "lifeline visitor delete", "retention (365 days)". */
  actor: string;
  counts: DeletedCounts;
}

export type NewDeletion = Omit<DeletionRecord, 'id'>;

/** Reads, in or out of a transaction. */
export interface StoreReads {
  findHandoff(id: string): Promise<HandoffRecord | null>;
  /** The handoff a widget created with this clientId, if any. */
  findHandoffByClientId(clientId: string): Promise<HandoffRecord | null>;
  /** 1-based place among the queued handoffs of its channel, oldest first; null when not queued. */
  queuePosition(id: string): Promise<number | null>;
  /** The message stored for (handoff, sender, clientMessageId), if any. */
  findMessage(handoffId: string, sender: 'visitor' | 'agent', clientMessageId: string): Promise<MessageRecord | null>;
  /**
   * Phrasings (of one article, or all), by article, then most learned first; with
   * `withRemoved`, the removed ones (tombstones) too.
   */
  listPhrasings(articleId?: string, options?: { withRemoved?: boolean }): Promise<PhrasingRecord[]>;
  /** null for an unknown id (any text: an engine's ids need not be numbers). */
  findPhrasing(id: string): Promise<PhrasingRecord | null>;
  /** The visitor's rating of the handoff, if they gave one. */
  findRating(handoffId: string): Promise<Rating | null>;
  /** An attachment of this handoff, with its bytes; null for an unknown id or another handoff's. */
  findAttachment(handoffId: string, id: string): Promise<StoredAttachment | null>;
}

/** The row operations of one transaction (Store.transaction): all of it is stored, or none. */
export interface StoreTx extends StoreReads {
  /** The handoff, held for this transaction: another transaction changing it waits (PostgreSQL: FOR UPDATE). */
  handoffForUpdate(id: string): Promise<HandoffRecord | null>;
  /** Whether an open (queued or active) handoff has this ref: a ref is unique among those alone. */
  openRefTaken(ref: string): Promise<boolean>;
  /** How many open callbacks hold the slot starting at `from` (callback.from, as stored). */
  bookedAt(from: string): Promise<number>;
  insertHandoff(row: NewHandoffRow): Promise<void>;
  updateHandoff(id: string, patch: HandoffPatch): Promise<void>;
  insertMessage(row: NewMessageRow): Promise<MessageRecord>;
  /** Adds `entry` at the end of the handoff's transcript (what the visitor did after asking: an article sent in the chat, read). */
  appendTranscript(handoffId: string, entry: TranscriptEntry): Promise<void>;
  /** Appends `event` to the event log as the handoff's next seq. */
  appendEvent(handoffId: string, event: StoredHandoffEvent, at: string): Promise<StoredEvent>;
  insertCallbackStep(handoffId: string, step: { at: string; agentId: string; state: CallbackState }): Promise<void>;
  /** Sets `visitor.email` of the handoff (a visitor without one gets one with just the e-mail). */
  setVisitorEmail(handoffId: string, email: string): Promise<void>;
  /** A new phrasing of an article learned from `handoffId`; its id. */
  insertPhrasing(articleId: string, phrasing: LearnablePhrasing, handoffId: string, at: string): Promise<string>;
  /** One more handoff taught it. */
  bumpPhrasing(id: string, handoffId: string, at: string): Promise<void>;
  deletePhrasings(ids: readonly string[]): Promise<void>;
  updatePhrasing(id: string, patch: PhrasingPatch): Promise<void>;
  /** The visitor's rating of the handoff (one per handoff: a second insert fails). */
  insertRating(handoffId: string, rating: Rating): Promise<void>;

  /**
   * The outbox dispatcher's place in the event log (../outbox/dispatch.ts), held until the
   * transaction ends; null when another instance's dispatcher holds it now (PostgreSQL: FOR
   * UPDATE SKIP LOCKED; SQLite has one writer at a time). A new database starts at the end
   * of the log as it was when the outbox came (migration), not at its beginning.
   */
  outboxCursor(): Promise<number | null>;
  /** Moves the cursor held by outboxCursor() to the event-log id `id`. */
  setOutboxCursor(id: number): Promise<void>;
  /** The event log after `id`, oldest first, at most `limit`, as Store.eventLogAfter. */
  eventLogAfter(id: number, limit: number): Promise<StoredEvent[]>;
  /** Stores the jobs pending at their dueAt; one already stored with its kind and key is left as it is. How many were new. */
  insertJobs(jobs: readonly NewJob[], at: string): Promise<number>;

  /**
   * The retention's turn (../personal-data/retention.ts), held until the transaction ends; false
   * when another instance's retention holds it now (PostgreSQL: pg_try_advisory_xact_lock;
   * SQLite has one writer at a time).
   */
  retentionTurn(): Promise<boolean>;
  /** Closed (resolved or cancelled) handoffs closed before `before` (ISO), oldest closed first, at most `limit`; held for this transaction. */
  closedBefore(before: string, limit: number): Promise<HandoffRecord[]>;
  /** The handoffs one visitor made, newest first, held for this transaction. */
  visitorHandoffs(match: VisitorMatch): Promise<HandoffRecord[]>;
  /**
   * Deletes the handoffs and every row about them: messages, attachments (their bytes are in
   * the row), events, ratings, callback steps, visitor streams. Phrasings they taught keep no
   * link (last_handoff_id becomes null); `phrasings` are deleted. Counts what went.
   */
  deleteHandoffs(ids: readonly string[], phrasings: readonly string[]): Promise<DeletedCounts>;
  /** Deletes outbox jobs whose key or payload contains one of `texts` (ignoring case); how many. */
  deleteJobsMentioning(texts: readonly string[]): Promise<number>;
  /** Records an erasure. */
  insertDeletion(deletion: NewDeletion): Promise<void>;
}

/** What listJobs returns: a kind's jobs, last changed first. */
export interface JobFilter {
  kind: string;
  /** Only these. @default every status */
  status?: JobStatus;
  limit: number;
}

export interface Store extends StoreReads {
  /**
   * Runs `fn` in one transaction and commits what it wrote when it resolves; rolls all of it
   * back when it throws. SQLite runs one at a time (BEGIN IMMEDIATE on the connection);
   * PostgreSQL runs them side by side and holds what a transaction read to decide until it
   * ends: the row of handoffForUpdate, the slot of bookedAt, the article of listPhrasings, the
   * event log from appendEvent (postgres/store.ts). `fn` does its work
   * through `tx` only: it never calls `transaction` again (it would wait for itself) and never
   * waits on anything but the store (network, timers), which would hold every other writer.
   */
  transaction<T>(fn: (tx: StoreTx) => Promise<T>): Promise<T>;

  /** Only open (queued or active) handoffs: a ref is unique among those alone. */
  findOpenHandoffByRef(ref: string): Promise<HandoffRecord | null>;
  /** open: oldest first; resolved (and cancelled): latest closed first; all: newest first. */
  listHandoffs(filter: HandoffFilter, limit: number): Promise<HandoffRecord[]>;
  /**
   * The handoffs of one verified customer (their `verified.sub`), newest first, at most `limit`;
   * with `before` (the id of one of theirs), only those older than it: the next page.
   */
  handoffsOfCustomer(sub: string, limit: number, before?: string): Promise<HandoffRecord[]>;
  /** Open (queued or active) handoffs of `channel`: the `limit` oldest, oldest first, or the `limit` newest, newest first. */
  listOpenInChannel(channel: Channel, order: 'oldest' | 'newest', limit: number): Promise<HandoffRecord[]>;
  /** How many handoffs of `channel` are open (queued or active). */
  countOpenInChannel(channel: Channel): Promise<number>;
  /** Open handoffs of `channel` created before `before` (an ISO time), oldest first, at most `limit`. */
  listOpenCreatedBefore(channel: Channel, before: string, limit: number): Promise<HandoffRecord[]>;
  /** The ids of the queued handoffs of `channel`, oldest first (position 1 first). */
  queuedIds(channel: Channel): Promise<string[]>;
  /** How many handoffs of `channel` are queued. */
  queueLength(channel: Channel): Promise<number>;
  /**
   * How many open (queued or active) callbacks hold each slot starting from `since` on, by
   * `callback.from`; cancelled and resolved ones free their slot.
   */
  bookedCallbacks(since: string): Promise<Map<string, number>>;
  /** Seconds from creation to the first agent reply, for handoffs first answered since `since`. */
  firstReplySeconds(since: string): Promise<number[]>;
  messages(handoffId: string): Promise<MessageRecord[]>;
  /** The handoff's events after `seq`, in order. */
  eventsAfter(handoffId: string, seq: number): Promise<StoredEvent[]>;
  /** The event log after `id`, oldest first, at most `limit` (what another reader follows). */
  eventLogAfter(id: number, limit: number): Promise<StoredEvent[]>;
  lastSeq(handoffId: string): Promise<number>;
  /** The steps of a callback's workflow, oldest first. */
  callbackSteps(handoffId: string): Promise<CallbackStep[]>;

  /** The report on the handoffs created from `from` to `to` (ISO times, both included). */
  report(from: string, to: string): Promise<HandoffReport>;

  /** Creates the agent, or updates the name and password of the one with this email. */
  upsertAgent(agent: AgentRecord): Promise<AgentRecord>;
  findAgent(id: string): Promise<AgentRecord | null>;
  findAgentByEmail(email: string): Promise<AgentRecord | null>;

  createSession(session: SessionRecord): Promise<void>;
  /** The session and its agent, when it has not expired by `now`. */
  findSession(idHash: string, now: string): Promise<{ session: SessionRecord; agent: AgentRecord } | null>;
  extendSession(idHash: string, expiresAt: string): Promise<void>;
  deleteSession(idHash: string): Promise<void>;
  deleteExpiredSessions(now: string): Promise<void>;

  /**
   * The visitors of `handoffIds` have an event stream open on the instance `instanceId`: each
   * is seen until `until` (a time ahead), unless renewed or closed before (../visitor-streams.ts).
   */
  visitorStreamsOpen(handoffIds: readonly string[], instanceId: string, until: string): Promise<void>;
  /** The visitor's last stream on `instanceId` closed at `at`: they were seen until then. */
  visitorStreamClosed(handoffId: string, instanceId: string, at: string): Promise<void>;
  /** Until when the visitor last had an event stream open, on any instance (ahead of now while one is); null: never. */
  visitorSeenUntil(handoffId: string): Promise<string | null>;

  /**
   * Leases up to `limit` jobs of `kinds` to `owner` until `leaseUntil`: pending ones due by
   * `now`, and running ones whose lease ran out by `now` (their worker died), oldest due
   * first; each counts one more attempt and is running. PostgreSQL: FOR UPDATE SKIP LOCKED,
   * so workers of any instance never take the same job at once.
   */
  claimJobs(kinds: readonly string[], owner: string, now: string, leaseUntil: string, limit: number): Promise<OutboxJob[]>;
  /** Records how a try ended, if `owner` still holds the job's lease; whether it did. */
  finishJob(id: string, owner: string, result: JobResult): Promise<boolean>;
  /** The earliest time a job of `kinds` is due or its lease runs out; null when none waits. */
  nextJobAt(kinds: readonly string[]): Promise<string | null>;
  /** A kind's jobs, last changed first (the console's recent deliveries and failures). */
  listJobs(filter: JobFilter): Promise<OutboxJob[]>;
  findJob(kind: string, key: string): Promise<OutboxJob | null>;
  /** Outbox jobs whose key or payload contains one of `texts` (ignoring case), oldest first: what a visitor's export shows. */
  jobsMentioning(texts: readonly string[]): Promise<OutboxJob[]>;
  /** The handoffs one visitor made (VisitorMatch), newest first. */
  visitorHandoffs(match: VisitorMatch): Promise<HandoffRecord[]>;
  /** Recorded erasures, newest first, at most `limit`. */
  deletions(limit: number): Promise<DeletionRecord[]>;
  /** Deletes done and failed jobs last changed before `before` (ISO); how many. */
  pruneJobs(before: string): Promise<number>;

  /**
   * Saves a browser's push subscription for `agentId`: a new one, or the same endpoint again
   * (new keys, a new savedAt; another agent's before: now this agent's, createdAt kept).
   */
  savePushSubscription(subscription: PushSubscriptionRecord): Promise<void>;
  /** Removes the subscription of `endpoint` (of `agentId` only, when given); whether there was one. */
  deletePushSubscription(endpoint: string, agentId?: string): Promise<boolean>;
  /** The subscriptions of one agent, or of every agent (null): oldest saved first. */
  pushSubscriptions(agentId: string | null): Promise<PushSubscriptionRecord[]>;

  /** The stored value of a setting; when there is none, stores `create()` and returns it. */
  setting(name: string, create: () => string): Promise<string>;

  close(): Promise<void>;
}
