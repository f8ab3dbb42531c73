/**
 * Storage behind one small interface (ARCHITECTURE.md): SQLite (sqlite.ts) is the embedded
 * default; a PostgreSQL engine must fit behind the same methods later, so they speak in domain
 * terms (create a handoff, claim it), return promises, and keep SQL out of the routes.
 *
 * Every method that writes is atomic: a handoff and its first status event, a message and its
 * event, a claim and its `agent_joined` event are stored together or not at all, and each stored
 * event takes the next `seq` of its handoff in the same transaction. Times are ISO strings made
 * by the caller (the app owns the clock, so tests can move it).
 */
import type {
  CallbackRequest,
  Channel,
  HandoffContext,
  HandoffEvent,
  HandoffStatus,
  ResolveOutcome,
  TranscriptEntry,
  Visitor,
} from '../../protocol/types';
import type { LearnablePhrasing } from '../phrasings';

/** The events that are stored and replayed; `typing` never is. */
export type StoredHandoffEvent = Exclude<HandoffEvent, { type: 'typing' }>;

export interface StoredEvent {
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
}

/** Where a callback stands: tried and reached, tried without answer, or finished. */
export type CallbackState = 'called' | 'no_answer' | 'done';

/** One step of a callback's workflow, kept so the next agent sees every attempt. */
export interface CallbackStep {
  at: string;
  agentId: string;
  agentName: string;
  state: CallbackState;
}

/** A search that found nothing, and how many times visitors made it (reports). */
export interface NoResultSearch {
  query: string;
  count: number;
}

/** An article read last before a visitor asked for a person, and how often (reports). */
export interface ArticleBeforeHandoff {
  articleId: string;
  title: string;
  count: number;
}

/** What a period's handoffs say about the help (GET /v1/agent/reports). */
export interface HandoffReport {
  noResultSearches: NoResultSearch[];
  articlesBeforeHandoff: ArticleBeforeHandoff[];
  byChannel: Record<Channel, number>;
  /** Resolved handoffs by how they ended. */
  byOutcome: Record<ResolveOutcome, number>;
  /** Median seconds from creation to the first agent reply; null when none was answered. */
  medianFirstReplySeconds: number | null;
  /** What was searched in handoffs marked "no article covers this", most frequent first. */
  noArticleSearches: NoResultSearch[];
  /** How many handoffs were marked so. */
  noArticleHandoffs: number;
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
  at: string;
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

export interface NewHandoff {
  id: string;
  clientId: string;
  tokenHash: string;
  channel: Channel;
  visitor: Visitor | null;
  callback: CallbackRequest | null;
  context: HandoffContext | null;
  transcript: TranscriptEntry[];
  createdAt: string;
  /** A candidate ref for the n-th try (0, 1, ...): the store takes the first one no open handoff has. */
  makeRef: (attempt: number) => string;
  /** The wait to announce in the first status event, from the new handoff's queue position. */
  estimateWait: (position: number) => number | null;
  /**
   * A callback takes its slot (`callback.from`) in the same transaction, when fewer than
   * `capacity` open callbacks hold it; else createHandoff throws SlotTaken and stores nothing.
   */
  slotCapacity?: number;
}

/** The callback slot asked for was taken by others in the meantime (NewHandoff.slotCapacity). */
export class SlotTaken extends Error {
  constructor(readonly from: string) {
    super(`The callback slot at ${from} is taken.`);
  }
}

export interface NewMessage {
  id: string;
  handoffId: string;
  clientMessageId: string;
  text: string;
  at: string;
  /** Absent for the visitor. An agent's message claims an unclaimed handoff. */
  agent?: { id: string; name: string };
}

/** Why a change was refused: no such handoff, another agent has it, it is over, not a chat, not a callback. */
export type Refusal = 'not_found' | 'taken' | 'closed' | 'not_chat' | 'not_callback';

export type Change<T> = ({ ok: true; events: StoredEvent[] } & T) | { ok: false; reason: Refusal };

export type HandoffFilter = 'open' | 'resolved' | 'all';

export interface Store {
  /** Creates the handoff with its first `status` event, or returns the one with this clientId. */
  createHandoff(input: NewHandoff): Promise<{ handoff: HandoffRecord; created: boolean; events: StoredEvent[] }>;
  findHandoff(id: string): Promise<HandoffRecord | null>;
  /** The handoff a widget created with this clientId, if any. */
  findHandoffByClientId(clientId: string): Promise<HandoffRecord | null>;
  /** Only open (queued or active) handoffs: a ref is unique among those alone. */
  findOpenHandoffByRef(ref: string): Promise<HandoffRecord | null>;
  /** open: oldest first; resolved (and cancelled): latest closed first; all: newest first. */
  listHandoffs(filter: HandoffFilter, limit: number): Promise<HandoffRecord[]>;
  /** 1-based place among the queued handoffs of its channel, oldest first; null when not queued. */
  queuePosition(id: string): Promise<number | null>;
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
  eventsAfter(handoffId: string, seq: number): Promise<StoredEvent[]>;
  lastSeq(handoffId: string): Promise<number>;

  /**
   * Stores a chat message with its event, once per (handoff, sender, clientMessageId): a repeat
   * returns the stored message with `created: false` and no events. Refused for other channels
   * and for resolved or cancelled handoffs; an agent's message is refused when another agent has
   * the handoff, claims it when nobody does, and sets the first reply time.
   */
  addMessage(input: NewMessage): Promise<Change<{ message: MessageRecord; created: boolean }>>;
  /**
   * Gives an open handoff to an agent (`agent_joined`, then `status` active). Exactly one of two
   * concurrent claims wins; claiming again one's own handoff changes nothing.
   */
  claim(handoffId: string, agent: { id: string; name: string }, at: string): Promise<Change<{ handoff: HandoffRecord }>>;
  /** The visitor gave up: `status` cancelled. Cancelling twice changes nothing. */
  cancel(handoffId: string, at: string): Promise<Change<{ handoff: HandoffRecord }>>;
  /**
   * An agent closed it (unclaimed, or theirs): `status` resolved. With an article, in the same
   * transaction, `learn` (chosen by the rules of ../phrasings.ts) become phrasings of it: new
   * ones are added, known ones counted again (once per handoff), removed ones left alone, and
   * beyond `phrasingsPerArticle` live ones the pending, then the least recently learned, are
   * dropped. `learned` is how many of `learn` are now live phrasings of the article, `served`
   * how many of those are served (0 without an article).
   */
  resolve(
    handoffId: string,
    agentId: string,
    outcome: ResolveOutcome,
    articleId: string | null,
    noArticle: boolean,
    at: string,
    phrasingsPerArticle?: number,
    learn?: readonly LearnablePhrasing[],
  ): Promise<Change<{ handoff: HandoffRecord; learned: number; served: number }>>;

  /**
   * Live phrasings (of one article, or all), by article, then most learned first; with
   * `withRemoved`, the removed ones (tombstones) too.
   */
  listPhrasings(articleId?: string, options?: { withRemoved?: boolean }): Promise<PhrasingRecord[]>;
  /**
   * Removes a phrasing for good: a tombstone, so it is neither served nor learned again for its
   * article. Removing it again changes nothing; null when there is no such phrasing.
   */
  removePhrasing(id: string, agentId: string, at: string): Promise<PhrasingRecord | null>;
  /**
   * An agent vouches for a phrasing: it is served from now on. Confirming again changes nothing;
   * a removed one stays removed (returned as it is); null when there is no such phrasing.
   */
  confirmPhrasing(id: string, agentId: string, at: string): Promise<PhrasingRecord | null>;

  /**
   * Records a step of a callback handoff's workflow (claiming it when unclaimed) with a `status`
   * event; 'done' resolves it as answered. Refused for other channels, closed handoffs, and
   * handoffs another agent has.
   */
  recordCallback(
    handoffId: string,
    agent: { id: string; name: string },
    state: CallbackState,
    at: string,
  ): Promise<Change<{ handoff: HandoffRecord }>>;
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

  /** The stored value of a setting; when there is none, stores `create()` and returns it. */
  setting(name: string, create: () => string): Promise<string>;

  close(): Promise<void>;
}
