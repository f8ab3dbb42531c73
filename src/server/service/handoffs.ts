/**
 * The one way a handoff or a phrasing changes: each command reads what it needs in ONE store
 * transaction, asks the pure transition (../handoff/) what to do, writes its rows, appends its
 * events to the event log, commits, and only then publishes the events on the bus (and tells
 * the queue it moved). Routes (../api/) parse, call this, and answer.
 */
import type { CallbackRequest, CallbackSlot, Channel, Visitor, HandoffContext, MessageArticle, Rating, RatingRequest, ResolveOutcome, TranscriptEntry } from '../../protocol/types';
import { freeSlots, matchSlot } from '../availability';
import type { ArticleCatalog } from '../article-catalog';
import type { BusinessHours, CallbackPolicy } from '../config';
import { deriveToken, newId, sameHash, sha256 } from '../crypto';
import * as learning from '../handoff/learning';
import * as transitions from '../handoff/transitions';
import type { AgentRef, CallbackState, Decision, Refusal } from '../handoff/types';
import { candidatesFor } from '../learning';
import { chosenPhrasings, type LearnablePhrasing } from '../phrasings';
import type { Presence } from '../presence';
import { phoneRefsExpireBefore } from '../queue-rules';
import { refCandidate } from '../ref';
import type { HandoffRecord, MessageRecord, NewAttachmentRow, PhrasingRecord, Store, StoredEvent, StoreTx, VerifiedIdentity } from '../store/types';
import { checkAttachment, cleanFileName, DEFAULT_ATTACHMENT_MAX_MB, megabytes, SNIFF_BYTES, type AttachmentProblem } from '../../protocol/attachments';
import { stripJpegMetadata } from '../attachments/exif';
import type { QueueAnnouncer } from '../api/queue';
import { waitEstimator } from './estimate';
import { checkEmail } from '../../protocol/email';
import { enqueueMail, mailKey, MAIL } from '../mail';
import { composeTranscriptMail } from '../away/transcript-mail';

/** The mail key of a handoff's transcript: one per handoff. */
const transcriptKey = (handoffId: string): string => `transcript:${handoffId}`;

/** The visitor's address when it is one mail can go to (identify() may have given any text). */
const addressOf = (email: string | undefined): string | null => (email !== undefined && !checkEmail(email).problem ? checkEmail(email).email : null);
import { announce, announceTyping, type EventBus } from './publish';

/** What the service is given (built once by the app). */
export interface ServiceDeps {
  store: Store;
  bus: EventBus;
  queue: QueueAnnouncer;
  presence: Presence;
  /** Milliseconds since the epoch. */
  now: () => number;
  /** The key visitor tokens are derived from (../crypto.ts deriveToken). */
  secret: () => Promise<string>;
  phrasingsPerArticle: number;
  hours: BusinessHours;
  callbacks: CallbackPolicy;
  articles: ArticleCatalog;
  /** The largest file a message may carry, in bytes (LIFELINE_ATTACHMENT_MAX_MB). @default 10 MB */
  attachmentMaxBytes?: number;
  /** The domain of outgoing mails' Message-IDs when the server sends mail (LIFELINE_SMTP_URL); null: it sends none. */
  mailDomain: string | null;
}

/** A file sent in the chat, as the route read it: the bytes and the name given, nothing trusted yet. */
export interface AttachCommand {
  clientMessageId: string;
  name: string;
  bytes: Uint8Array;
  /** Absent for the visitor. */
  agent?: AgentRef;
}

export type AttachAnswer = Outcome<{ message: MessageRecord; created: boolean }> | { ok: false; reason: 'attachment'; problem: AttachmentProblem };

export type Refused = { ok: false; reason: Refusal };
export type Outcome<T> = ({ ok: true } & T) | Refused;

/** Tries for a free ref before giving up; refCandidate grows the number of digits long before this. */
const MAX_REF_ATTEMPTS = 100;
/** Phone references expired per transaction (a day's worth is small; this keeps each one small). */
const EXPIRE_BATCH = 200;

export interface NewHandoffCommand {
  clientId: string;
  channel: Channel;
  visitor: Visitor | null;
  callback: CallbackRequest | null;
  context: HandoffContext | null;
  transcript: TranscriptEntry[];
  /** The customer an identity token named, checked by the route (../identity/); absent or null: not verified. */
  verified?: VerifiedIdentity | null;
}

export type CreateAnswer =
  | { ok: true; handoff: HandoffRecord; created: boolean; token: string; position: number | null; estimatedWaitSeconds: number | null }
  /** The callback time asked for is not a free slot (`unfree`), or was taken meanwhile (`taken`). */
  | { ok: false; reason: 'slot_unfree' | 'slot_taken' }
  /** A repeated clientId whose token cannot be made again (the server's secret changed). */
  | { ok: false; reason: 'token_lost' };

export interface ResolveCommand {
  outcome: ResolveOutcome;
  articleId: string | null;
  noArticle: boolean;
  /** The searches the agent ticked; undefined: the suggested ones. */
  learn?: readonly string[];
  /** A last line to the visitor, sent as the agent's message just before the chat closes. */
  closing?: string;
}

/** Why the conversation cannot be e-mailed: the server sends no mail, or no address is known. */
export type TranscriptRefusal = Refusal | 'no_mail' | 'no_address';

export type ResolveAnswer =
  | Outcome<{ handoff: HandoffRecord; learned: number; served: number }>
  /** One of `learn` is not this visitor's search, or is never learnable. */
  | { ok: false; reason: 'learn'; index: number; error: string };

export interface HandoffService {
  create(command: NewHandoffCommand): Promise<CreateAnswer>;
  /** A chat message, the visitor's (no agent) or an agent's; a repeated clientMessageId is stored once. */
  message(
    handoffId: string,
    input: { clientMessageId: string; text: string; agent?: AgentRef; article?: MessageArticle; attachments?: NewAttachmentRow[] },
  ): Promise<Outcome<{ message: MessageRecord; created: boolean }>>;
  /** The visitor opened an article an agent sent them: an `article` entry in the transcript, once per sending. */
  articleRead(handoffId: string, articleId: string): Promise<Outcome<{ entry: TranscriptEntry | null }>>;
  /**
   * A message carrying one file: its type told by its content, its size checked, a JPEG's
   * location (EXIF) removed; the message and the file stored in one transaction with the
   * message's event. A repeated clientMessageId is answered with the stored message.
   */
  attach(handoffId: string, command: AttachCommand): Promise<AttachAnswer>;
  claim(handoffId: string, agent: AgentRef): Promise<Outcome<{ handoff: HandoffRecord }>>;
  typing(handoffId: string, from: { agent: AgentRef } | 'visitor', typing: boolean): Promise<Outcome<object>>;
  resolve(handoffId: string, agent: AgentRef, command: ResolveCommand): Promise<ResolveAnswer>;
  cancel(handoffId: string): Promise<Outcome<{ handoff: HandoffRecord }>>;
  /** The visitor's address for the replies they miss (../away/): stored on the handoff, told in the log. */
  setEmail(handoffId: string, email: string): Promise<Outcome<{ handoff: HandoffRecord }>>;
  /** The visitor's rating of an ended conversation: stored once, with its `rated` event. */
  rate(handoffId: string, request: RatingRequest): Promise<Outcome<{ rating: Rating; created: boolean }>>;
  callbackStep(handoffId: string, agent: AgentRef, state: CallbackState): Promise<Outcome<{ handoff: HandoffRecord }>>;
  /** The agent has the chat open and visible: the visitor's latest message is seen (`seen`, told once). */
  seen(handoffId: string, agent: AgentRef): Promise<Outcome<{ messageId: string | null }>>;
  /** The visitor's "Seen" as the state tells it after a reload: the message the last `seen` names. */
  lastSeen(handoffId: string): Promise<string | null>;
  /**
   * E-mails the ended chat to the visitor's known address through the mail outbox, once:
   * `created` is false when it was asked for already.
   */
  mailTranscript(handoffId: string): Promise<{ ok: true; email: string; created: boolean } | { ok: false; reason: TranscriptRefusal }>;
  /** Whether the conversation can be, or was, e-mailed (HandoffState.transcript). */
  transcriptState(h: HandoffRecord): Promise<'offered' | 'sent' | undefined>;
  /** Closes (as cancelled) the open phone references given before today in the business zone. */
  expirePhoneRefs(): Promise<void>;
  confirmPhrasing(id: string, agentId: string): Promise<PhrasingRecord | null>;
  removePhrasing(id: string, agentId: string): Promise<PhrasingRecord | null>;
}

export function createHandoffService(deps: ServiceDeps): HandoffService {
  const { store } = deps;
  const iso = (t: number) => new Date(t).toISOString();


  /** Writes what a transition decided and appends its events; the stored events, in order. */
  const apply = async (tx: StoreTx, handoffId: string, decision: Extract<Decision, { ok: true }>, at: string): Promise<StoredEvent[]> => {
    await tx.updateHandoff(handoffId, decision.patch);
    const events: StoredEvent[] = [];
    for (const event of decision.events) events.push(await tx.appendEvent(handoffId, event, at));
    return events;
  };

  /** After the commit: the streams hear the events, and the queue learns it moved. */
  const publish = (channel: Channel | null, events: readonly StoredEvent[]) => {
    announce(deps.bus, events);
    if (channel !== null) deps.queue.moved(channel, events);
  };

  /** Runs one handoff command: read, decide, write, append; publish after the commit. */
  const change = async <T extends object>(
    handoffId: string,
    decide: (h: HandoffRecord, at: string) => Decision<T>,
    /** The rows the command adds besides the handoff's own (a callback step). */
    alsoWrite?: (tx: StoreTx, decision: Extract<Decision<T>, { ok: true }>) => Promise<void>,
  ): Promise<Outcome<{ handoff: HandoffRecord }>> => {
    const when = iso(deps.now());
    const result = await store.transaction(async (tx) => {
      const h = await tx.handoffForUpdate(handoffId);
      if (!h) return { ok: false as const, reason: 'not_found' as const };
      const decision = decide(h, when);
      if (!decision.ok) return decision;
      const events = await apply(tx, h.id, decision, when);
      await alsoWrite?.(tx, decision);
      return { ok: true as const, events, handoff: (await tx.handoffForUpdate(h.id))! };
    });
    if (!result.ok) return result;
    publish(result.handoff.channel, result.events);
    return { ok: true, handoff: result.handoff };
  };

  const service: HandoffService = {
    async create(command) {
      // A callback books one of the server's free slots (callbackSlots in GET /v1/status), kept as
      // the slot's own ISO times so bookings of one slot compare equal. A repeated clientId (an
      // outbox resending) is answered with its handoff, booked or not, and books nothing.
      let callback = command.callback;
      let slot: CallbackSlot | null = null;
      if (command.channel === 'callback' && callback && !(await store.findHandoffByClientId(command.clientId))) {
        slot = matchSlot(await freeSlots(store, deps.hours, deps.callbacks, deps.now()), callback.from, callback.to);
        if (!slot) return { ok: false, reason: 'slot_unfree' };
        callback = { ...callback, from: slot.from, to: slot.to };
      }
      const secret = await deps.secret();
      const estimate = await waitEstimator(deps);
      const id = newId();
      const createdAt = iso(deps.now());
      const stored = await store.transaction(async (tx) => {
        const existing = await tx.findHandoffByClientId(command.clientId);
        if (existing) return { ok: true as const, handoff: existing, created: false, events: [] as StoredEvent[] };
        // Counted inside the transaction: two visitors cannot both take a slot's last place.
        if (slot && !transitions.slotFree(await tx.bookedAt(slot.from), deps.callbacks.perSlot)) return { ok: false as const };
        let ref: string | undefined;
        for (let attempt = 0; ref === undefined; attempt++) {
          if (attempt === MAX_REF_ATTEMPTS) throw new Error(`No free ref after ${MAX_REF_ATTEMPTS} tries`);
          const candidate = refCandidate(attempt);
          if (!(await tx.openRefTaken(candidate))) ref = candidate;
        }
        await tx.insertHandoff({ ...command, callback, id, ref, tokenHash: sha256(deriveToken(secret, id)), createdAt });
        const position = (await tx.queuePosition(id)) ?? 0;
        const event = await tx.appendEvent(id, transitions.queued(position, estimate(position)), createdAt);
        return { ok: true as const, handoff: (await tx.handoffForUpdate(id))!, created: true, events: [event] };
      });
      // Another visitor took the slot's last place between our check and the booking.
      if (!stored.ok) return { ok: false, reason: 'slot_taken' };
      const { handoff, created, events } = stored;
      publish(null, events);
      // A repeat recomputes the token (../crypto.ts); it matches unless the server secret changed.
      const token = deriveToken(secret, handoff.id);
      if (!sameHash(sha256(token), handoff.tokenHash)) return { ok: false, reason: 'token_lost' };
      const position = await store.queuePosition(handoff.id);
      return { ok: true, handoff, created, token, position, estimatedWaitSeconds: position === null ? null : estimate(position) };
    },

    async attach(handoffId, { clientMessageId, name, bytes, agent }) {
      const max = deps.attachmentMaxBytes ?? megabytes(DEFAULT_ATTACHMENT_MAX_MB);
      const checked = checkAttachment(bytes.subarray(0, SNIFF_BYTES), bytes.length, max);
      if (!checked.ok) return { ok: false, reason: 'attachment', problem: checked.problem };
      // Where a photo was taken is not the visitor's to give away by accident: removed before storing.
      const stored = checked.type === 'image/jpeg' ? stripJpegMetadata(bytes) : bytes;
      if (!stored) return { ok: false, reason: 'attachment', problem: 'type' }; // not a JPEG after all
      const attachment = { id: newId(), name: cleanFileName(name, checked.type), type: checked.type, size: stored.length, bytes: stored };
      return service.message(handoffId, { clientMessageId, text: '', ...(agent && { agent }), attachments: [attachment] });
    },

    async message(handoffId, input) {
      const when = iso(deps.now());
      const sender = input.agent ? 'agent' : 'visitor';
      const result = await store.transaction(async (tx) => {
        const h = await tx.handoffForUpdate(handoffId);
        if (!h) return { ok: false as const, reason: 'not_found' as const };
        const repeat = await tx.findMessage(handoffId, sender, input.clientMessageId);
        const { attachments, ...said } = input;
        const shown = attachments?.map(({ bytes: _, ...info }) => info);
        const decision = transitions.message(h, { id: newId(), ...said, ...(shown && { attachments: shown }), at: when }, repeat !== null);
        if (!decision.ok) return decision;
        if (repeat) return { ok: true as const, channel: h.channel, events: [] as StoredEvent[], message: repeat, created: false };
        const events = await apply(tx, h.id, decision, when);
        const told = events.at(-1)!; // the message's own event: its seq orders the conversation
        const message = await tx.insertMessage({
          id: decision.message!.id,
          handoffId,
          clientMessageId: input.clientMessageId,
          sender,
          agentId: input.agent?.id ?? null,
          text: input.text,
          article: decision.message!.article ?? null,
          at: when,
          seq: told.seq,
          ...(input.attachments && { attachments: input.attachments }),
        });
        return { ok: true as const, channel: h.channel, events, message, created: true };
      });
      if (!result.ok) return result;
      // The visitor's message moves no queue; an agent's reply may claim the chat.
      publish(input.agent ? result.channel : null, result.events);
      return { ok: true, message: result.message, created: result.created };
    },

    async articleRead(handoffId, articleId) {
      const at = iso(deps.now());
      // Messages are only ever added: those read before the transaction are still there in it.
      const sent = (await store.messages(handoffId)).flatMap((m) =>
        m.sender === 'agent' && m.article?.articleId === articleId ? [{ at: m.at, article: m.article }] : [],
      );
      const result = await store.transaction(async (tx) => {
        const h = await tx.handoffForUpdate(handoffId);
        if (!h) return { ok: false as const, reason: 'not_found' as const };
        const decision = transitions.articleRead(h, sent, at);
        if (!decision.ok) return decision;
        if (decision.entry) await tx.appendTranscript(h.id, decision.entry);
        return { ok: true as const, entry: decision.entry, events: await apply(tx, h.id, decision, at) };
      });
      if (!result.ok) return result;
      publish(null, result.events);
      return { ok: true, entry: result.entry };
    },

    claim(handoffId, agent) {
      return change(handoffId, (h) => transitions.claim(h, agent));
    },

    async typing(handoffId, from, typing) {
      const h = await store.findHandoff(handoffId);
      if (!h) return { ok: false, reason: 'not_found' };
      const allowed = transitions.typing(h, from);
      if (!allowed.ok) return allowed;
      announceTyping(deps.bus, h.id, from === 'visitor' ? 'visitor' : 'agent', typing);
      return { ok: true };
    },

    async resolve(handoffId, agent, command) {
      const when = iso(deps.now());
      const { articleId } = command;
      type Answer = Exclude<ResolveAnswer, { ok: true }> | { ok: true; handoff: HandoffRecord; learned: number; served: number; events: StoredEvent[] };
      const result: Answer = await store.transaction(async (tx): Promise<Answer> => {
        const h = await tx.handoffForUpdate(handoffId);
        if (!h) return { ok: false, reason: 'not_found' };
        // What to learn: the searches the agent ticked, checked again here (the client is not
        // trusted with the personal-data rule), or those about the article when it does not say.
        let learn: LearnablePhrasing[] = [];
        if (articleId !== null) {
          const chosen = chosenPhrasings(await candidatesFor({ store: tx, articles: deps.articles }, h, articleId), command.learn);
          if (!chosen.ok) return { ok: false, reason: 'learn', index: chosen.index, error: chosen.error };
          learn = chosen.learn;
        }
        // The closing line first, as the agent's last message (claiming the chat if nobody had).
        const said: StoredEvent[] = [];
        let current = h;
        if (command.closing !== undefined) {
          const closing = { id: newId(), clientMessageId: `closing-${h.id}`, text: command.closing, at: when, agent };
          const line = transitions.message(h, closing, false);
          if (!line.ok) return line;
          said.push(...(await apply(tx, h.id, line, when)));
          await tx.insertMessage({ ...closing, handoffId: h.id, sender: 'agent', agentId: agent.id, article: null, seq: said.at(-1)!.seq });
          current = (await tx.handoffForUpdate(h.id))!;
        }
        const decision = transitions.resolve(current, { agentId: agent.id, outcome: command.outcome, articleId, noArticle: command.noArticle, at: when });
        if (!decision.ok) return decision;
        const events = [...said, ...(await apply(tx, h.id, decision, when))];
        // A resolved handoff is never resolved again (closed above), so each one teaches once.
        const tally = articleId === null ? { learned: 0, served: 0 } : await learn_(tx, articleId, h.id, learn, when);
        return { ok: true, handoff: (await tx.handoffForUpdate(h.id))!, events, ...tally };
      });
      if (!result.ok) return result;
      const { events, ...answer } = result;
      publish(answer.handoff.channel, events);
      return answer;
    },

    cancel(handoffId) {
      return change(handoffId, (h, at) => transitions.cancel(h, at));
    },

    setEmail(handoffId, email) {
      return change(
        handoffId,
        (h) => transitions.email(h, email),
        async (tx, decision) => {
          if (decision.email !== null) await tx.setVisitorEmail(handoffId, decision.email);
        },
      );
    },

    async rate(handoffId, request) {
      const at = iso(deps.now());
      const input: Rating = { good: request.good, repeated: request.repeated ?? null, comment: request.comment ?? null, at };
      const result = await store.transaction(async (tx) => {
        const h = await tx.handoffForUpdate(handoffId);
        if (!h) return { ok: false as const, reason: 'not_found' as const };
        const decision = transitions.rate(h, await tx.findRating(h.id), input);
        if (!decision.ok) return decision;
        if (decision.created) await tx.insertRating(h.id, decision.rating);
        const events = await apply(tx, h.id, decision, at);
        return { ok: true as const, rating: decision.rating, created: decision.created, events };
      });
      if (!result.ok) return result;
      // A rating moves no queue: the visitor's stream and the agents' hear it.
      publish(null, result.events);
      return { ok: true, rating: result.rating, created: result.created };
    },

    callbackStep(handoffId, agent, state) {
      return change(
        handoffId,
        (h, at) => transitions.callbackStep(h, agent, state, at),
        (tx, decision) => tx.insertCallbackStep(handoffId, decision.step),
      );
    },

    async seen(handoffId, agent) {
      const [messages, events] = await Promise.all([store.messages(handoffId), store.eventsAfter(handoffId, 0)]);
      const latest = messages.findLast((m) => m.sender === 'visitor')?.clientMessageId ?? null;
      const answer = await change(handoffId, (h) => transitions.seen(h, agent, latest, transitions.lastSeen(events)));
      return answer.ok ? { ok: true, messageId: latest } : answer;
    },

    async lastSeen(handoffId) {
      return transitions.lastSeen(await store.eventsAfter(handoffId, 0));
    },

    async mailTranscript(handoffId) {
      const domain = deps.mailDomain;
      const h = await store.findHandoff(handoffId);
      if (!h) return { ok: false, reason: 'not_found' };
      if (h.channel !== 'chat') return { ok: false, reason: 'not_chat' };
      if (!transitions.isClosed(h)) return { ok: false, reason: 'not_closed' };
      if (domain === null) return { ok: false, reason: 'no_mail' };
      const to = addressOf(h.visitor?.email);
      if (!to) return { ok: false, reason: 'no_address' };
      const lines = (await store.messages(h.id)).map((m) => ({ from: m.sender, agentName: m.agentName, text: m.text, article: m.article, attachments: m.attachments, at: m.at }));
      const mail = composeTranscriptMail({ to, handoff: h, lines, domain });
      // The job's key makes it one mail per handoff, however often it is asked for.
      const created = (await store.transaction((tx) => enqueueMail(tx, transcriptKey(h.id), mail, iso(deps.now())))) > 0;
      return { ok: true, email: to, created };
    },

    async transcriptState(h) {
      const to = addressOf(h.visitor?.email);
      if (deps.mailDomain === null || !to || h.channel !== 'chat') return undefined;
      return (await store.findJob(MAIL, mailKey(transcriptKey(h.id), to))) ? 'sent' : 'offered';
    },

    async expirePhoneRefs() {
      const now = deps.now();
      const before = iso(phoneRefsExpireBefore(now, deps.hours.zone));
      for (;;) {
        const expired = await store.listOpenCreatedBefore('phone', before, EXPIRE_BATCH);
        // One transaction each; one resolved meanwhile has left the queue anyway.
        for (const h of expired) await change(h.id, (current, at) => transitions.expire(current, now, deps.hours.zone, at));
        if (expired.length < EXPIRE_BATCH) return;
      }
    },

    confirmPhrasing(id, agentId) {
      return store.transaction(async (tx) => {
        const p = await tx.findPhrasing(id);
        if (!p) return null;
        const patch = learning.confirmPatch(p, agentId, iso(deps.now()));
        if (patch) await tx.updatePhrasing(p.id, patch);
        return tx.findPhrasing(p.id);
      });
    },

    removePhrasing(id, agentId) {
      return store.transaction(async (tx) => {
        const p = await tx.findPhrasing(id);
        if (!p) return null;
        const patch = learning.removePatch(p, agentId, iso(deps.now()));
        if (patch) await tx.updatePhrasing(p.id, patch);
        return tx.findPhrasing(p.id);
      });
    },
  };
  return service;

  /** Learns `learn` for the article inside the resolve's transaction: how many are live, and served, after. */
  async function learn_(tx: StoreTx, articleId: string, handoffId: string, learn: readonly LearnablePhrasing[], when: string) {
    const perArticle = deps.phrasingsPerArticle;
    if (perArticle <= 0 || learn.length === 0) return { learned: 0, served: 0 };
    const plan = learning.planLearning(await tx.listPhrasings(articleId, { withRemoved: true }), learn, handoffId, perArticle);
    const touched: string[] = [];
    for (const phrasing of plan.insert) touched.push(await tx.insertPhrasing(articleId, phrasing, handoffId, when));
    for (const id of plan.bump) {
      await tx.bumpPhrasing(id, handoffId, when);
      touched.push(id);
    }
    if (touched.length === 0) return { learned: 0, served: 0 };
    await tx.deletePhrasings(learning.phrasingsBeyondCap(await tx.listPhrasings(articleId), perArticle));
    return learning.learnedTally(await tx.listPhrasings(articleId), touched);
  }
}
