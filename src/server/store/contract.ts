/**
 * The store contract: what every engine behind the Store (types.ts) must do, as one suite that
 * runs unchanged against each (sqlite.test.ts runs it on SQLite; a PostgreSQL store runs the
 * same). Rows are written the way the server writes them, through the service (../service/),
 * so the suite also checks that the transitions' changes land as rows and events.
 */
import { describe, expect, it, beforeEach, afterEach } from 'vitest';
import type { TranscriptEntry } from '../../protocol/types';
import { serviceOver } from '../service/over-store';
import type { NewHandoffCommand } from '../service/handoffs';
import type { NewHandoffRow, Store } from './types';
import { dispatch } from '../outbox/dispatch';
import { runRetention } from '../erasure/retention';
import { deleteVisitor, exportVisitor } from '../erasure/visitor';
import type { NewJob, OutboxChannel } from '../outbox/types';

/** A fresh, empty database: `open` gives a new store (connection) on it, as often as asked. */
export interface ContractDatabase {
  open(): Store;
  /** Every row of every table as text (bytes as hex): what an erasure must leave no trace in. */
  dump(): Promise<string>;
  /** Closes what is still open and throws the database away. */
  drop(): Promise<void>;
}

const T = '2025-03-01T10:00:00.000Z';
const NOW = Date.parse(T);
const ADA = { id: 'agent-ada', name: 'Ada' };
const BOB = { id: 'agent-bob', name: 'Bob' };
let n = 0;
const command = (over: Partial<NewHandoffCommand> = {}): NewHandoffCommand => ({
  clientId: `client-${++n}-${Math.random().toString(36).slice(2)}-contract`,
  channel: 'chat',
  visitor: null,
  callback: null,
  context: null,
  transcript: [],
  ...over,
});
const row = (over: Partial<NewHandoffRow> = {}): NewHandoffRow => ({
  id: `row-${++n}`,
  ref: String(1000 + n),
  clientId: `client-row-${n}-${Math.random()}`,
  tokenHash: '0'.repeat(64),
  channel: 'chat',
  visitor: null,
  callback: null,
  context: null,
  transcript: [],
  createdAt: T,
  ...over,
});
const job = (key: string, over: Partial<NewJob> = {}): NewJob => ({ kind: 'mail', key, payload: { key, words: 'déjà vu' }, dueAt: T, ...over });
const at = (ms: number): string => new Date(NOW + ms).toISOString();
/** A channel that plans one job per event of the log, for the dispatcher's tests. */
const everyEvent: OutboxChannel = {
  kind: 'test',
  plan: (e) => [{ kind: 'test', key: `event:${e.id}`, payload: { id: e.id, type: e.event.type }, dueAt: e.at }],
  run: async () => ({ ok: true }),
  retryAfter: () => null,
};
const searches = (...queries: string[]): TranscriptEntry[] => queries.map((query) => ({ type: 'search', at: T, query, resultCount: 0, topIds: [] }));

export function describeStoreContract(name: string, makeDatabase: () => Promise<ContractDatabase>): void {
  describe(`store contract: ${name}`, () => {
    let db: ContractDatabase;
    let store: Store;
    const service = (s: Store = store, perArticle?: number) =>
      serviceOver(s, { now: () => NOW, ...(perArticle !== undefined && { phrasingsPerArticle: perArticle }) });
    const create = async (s: Store = store, over: Partial<NewHandoffCommand> = {}) => {
      const r = await service(s).create(command(over));
      if (!r.ok) throw new Error(r.reason);
      return r.handoff;
    };
    const addAgents = async (s: Store = store) => {
      for (const a of [ADA, BOB]) await s.upsertAgent({ ...a, email: `${a.name}@example.com`, passwordHash: 'h', salt: 's', createdAt: T });
    };

    beforeEach(async () => {
      db = await makeDatabase();
      store = db.open();
    });
    afterEach(async () => {
      await db.drop();
    });

    it('stores all of a transaction or, when it throws, none of it', async () => {
      const h = row();
      await expect(
        store.transaction(async (tx) => {
          await tx.insertHandoff(h);
          await tx.appendEvent(h.id, { type: 'status', status: 'queued', position: 1, estimatedWaitSeconds: null }, T);
          throw new Error('boom');
        }),
      ).rejects.toThrow('boom');
      expect(await store.findHandoff(h.id)).toBeNull();
      expect(await store.eventsAfter(h.id, 0)).toEqual([]);
      // The store is usable after a rollback.
      await store.transaction((tx) => tx.insertHandoff(h));
      expect(await store.findHandoff(h.id)).toMatchObject({ id: h.id, status: 'queued', ref: h.ref });
    });

    it('runs transactions that read and add an article’s phrasings one after the other', async () => {
      const h = row();
      await store.transaction((tx) => tx.insertHandoff(h));
      // Each counts the phrasings, waits, then adds the next one: interleaved, two would count
      // alike. SQLite runs one transaction at a time; PostgreSQL runs them side by side on
      // several connections, holding an article's phrasings from the read to the commit.
      // Which one goes first is the engine's business: the counts are 0, 1, 2 in some order.
      const next = () =>
        store.transaction(async (tx) => {
          const count = (await tx.listPhrasings('counter')).length;
          await new Promise((resolve) => setTimeout(resolve, 5));
          await tx.insertPhrasing('counter', { text: `n${count}`, key: `n${count}` }, h.id, T);
          return count;
        });
      expect((await Promise.all([next(), next(), next()])).sort()).toEqual([0, 1, 2]);
      expect((await store.listPhrasings('counter')).map((p) => p.key).sort()).toEqual(['n0', 'n1', 'n2']);
    });

    it('keeps refs unique among open handoffs only', async () => {
      const a = row({ ref: '1234' });
      await store.transaction((tx) => tx.insertHandoff(a));
      expect(await store.transaction((tx) => tx.openRefTaken('1234'))).toBe(true);
      await expect(store.transaction((tx) => tx.insertHandoff(row({ ref: '1234' })))).rejects.toThrow();
      await service().cancel(a.id);
      expect(await store.transaction((tx) => tx.openRefTaken('1234'))).toBe(false);
      const b = row({ ref: '1234' });
      await store.transaction((tx) => tx.insertHandoff(b));
      expect((await store.findOpenHandoffByRef('1234'))!.id).toBe(b.id);
    });

    it('numbers events per handoff, 1, 2, 3..., and logs them all under one increasing id', async () => {
      const s = service();
      const a = await create();
      const b = await create();
      await s.message(a.id, { clientMessageId: 'c1', text: 'hi' });
      await s.message(b.id, { clientMessageId: 'c1', text: 'hi' });
      await s.message(a.id, { clientMessageId: 'c2', text: 'hi' });
      expect((await store.eventsAfter(a.id, 0)).map((e) => e.seq)).toEqual([1, 2, 3]);
      expect((await store.eventsAfter(b.id, 0)).map((e) => e.seq)).toEqual([1, 2]);
      expect(await store.lastSeq('no-such-handoff')).toBe(0);
      const log = await store.eventLogAfter(0, 100);
      expect(log.map((e) => [e.handoffId, e.seq])).toEqual([
        [a.id, 1],
        [b.id, 1],
        [a.id, 2],
        [b.id, 2],
        [a.id, 3],
      ]);
      const ids = log.map((e) => e.id);
      expect(ids).toEqual([...ids].sort((x, y) => x - y));
      expect(new Set(ids).size).toBe(5);
      expect(await store.eventLogAfter(ids[2]!, 1)).toEqual([log[3]]);
      // A message is stored once per clientMessageId, in the order of its event.
      expect(await s.message(a.id, { clientMessageId: 'c1', text: 'again' })).toMatchObject({ ok: true, created: false, message: { text: 'hi' } });
      expect((await store.messages(a.id)).map((m) => m.clientMessageId)).toEqual(['c1', 'c2']);
    });

    it('lets exactly one of two concurrent claims win, on one connection or two', async () => {
      await addAgents();
      const other = db.open();
      const h = await create();
      const [x, y] = await Promise.all([service().claim(h.id, ADA), service(other).claim(h.id, BOB)]);
      expect([x, y].filter((r) => r.ok)).toHaveLength(1);
      expect([x, y].find((r) => !r.ok)).toEqual({ ok: false, reason: 'taken' });
      const winner = x.ok ? ADA : BOB;
      expect((await other.findHandoff(h.id))!).toMatchObject({ status: 'active', agentId: winner.id, agentName: winner.name });
      expect((await other.eventsAfter(h.id, 1)).map((e) => e.event.type)).toEqual(['agent_joined', 'status']);
      const again = await create();
      // On one store too (PostgreSQL: two connections of its pool), whichever comes first.
      const both = await Promise.all([service().claim(again.id, BOB), service().claim(again.id, ADA)]);
      expect(both.map((r) => r.ok).sort()).toEqual([false, true]);
      expect(both.find((r) => !r.ok)).toEqual({ ok: false, reason: 'taken' });
    });

    it('makes one handoff of one widget clientId, however many times it is sent at once', async () => {
      const other = db.open();
      const same = command();
      const answers = await Promise.all([store, other, store, other].map((on) => service(on).create(same)));
      expect(answers.every((a) => a.ok)).toBe(true);
      const made = answers.flatMap((a) => (a.ok ? [a] : []));
      expect(new Set(made.map((a) => a.handoff.id)).size).toBe(1);
      expect(made.filter((a) => a.created)).toHaveLength(1);
      expect(await store.eventsAfter(made[0]!.handoff.id, 0)).toHaveLength(1);
    });

    it('books a callback slot no more than it takes, however many ask at once', async () => {
      const callback = { from: '2025-03-01T10:30:00.000Z', to: '2025-03-01T11:00:00.000Z', phone: '+1 555 0100' };
      const other = db.open();
      // Three visitors at once, on one connection or two; which of them is refused is the engine's business.
      const answers = await Promise.all(
        [store, other, store].map((on) =>
          serviceOver(on, { now: () => NOW, callbacks: { slotMinutes: 30, perSlot: 2 } }).create(command({ channel: 'callback', callback })),
        ),
      );
      expect(answers.map((a) => a.ok).sort()).toEqual([false, true, true]);
      expect(await store.transaction((tx) => tx.bookedAt(callback.from))).toBe(2);
      expect((await store.bookedCallbacks(T)).get(callback.from)).toBe(2);
    });

    it('refuses changes to closed handoffs and messages outside chat', async () => {
      await addAgents();
      const s = service();
      const phone = await create(store, { channel: 'phone' });
      expect(await s.message(phone.id, { clientMessageId: 'c', text: 'x' })).toEqual({ ok: false, reason: 'not_chat' });
      expect(await s.message('nope', { clientMessageId: 'c', text: 'x' })).toEqual({ ok: false, reason: 'not_found' });
      const h = await create();
      const resolve = { outcome: 'duplicate' as const, articleId: null, noArticle: false };
      expect((await s.resolve(h.id, ADA, resolve)).ok).toBe(true);
      expect(await store.findHandoff(h.id)).toMatchObject({ status: 'resolved', outcome: 'duplicate', agentId: ADA.id, resolvedAt: T, noArticle: false });
      expect(await s.claim(h.id, BOB)).toEqual({ ok: false, reason: 'closed' });
      expect(await s.cancel(h.id)).toEqual({ ok: false, reason: 'closed' });
      expect(await s.resolve(h.id, ADA, resolve)).toEqual({ ok: false, reason: 'closed' });
    });

    it('stores a message with its attachment in one transaction, with its event, once per clientMessageId, and serves the bytes to its handoff only', async () => {
      await addAgents();
      const s = service();
      const h = await create();
      const other = await create();
      // Every byte value, NUL and 0xFF included, must come back as it went in (BLOB / bytea).
      const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...Array.from({ length: 256 }, (_, i) => i)]);
      const sent = await s.attach(h.id, { clientMessageId: 'upload-1', name: 'screen shot.png', bytes: png });
      if (!sent.ok) throw new Error(sent.reason);
      expect(sent.created).toBe(true);
      const [info] = sent.message.attachments!;
      expect(info).toEqual({ id: expect.any(String), name: 'screen shot.png', type: 'image/png', size: png.length });
      expect(sent.message.text).toBe('');

      // Sent again (a retry after a lost answer): the stored message, nothing new.
      const again = await s.attach(h.id, { clientMessageId: 'upload-1', name: 'screen shot.png', bytes: png });
      expect(again).toMatchObject({ ok: true, created: false, message: { id: sent.message.id, attachments: [info] } });
      expect(await store.messages(h.id)).toEqual([sent.message]);
      const told = (await store.eventsAfter(h.id, 0)).filter((e) => e.event.type === 'message');
      expect(told.map((e) => e.event)).toEqual([{ type: 'message', message: expect.objectContaining({ clientMessageId: 'upload-1', text: '', attachments: [info] }) }]);

      const stored = await store.findAttachment(h.id, info!.id);
      expect(stored).toMatchObject({ id: info!.id, handoffId: h.id, messageId: sent.message.id, name: 'screen shot.png', type: 'image/png', size: png.length });
      expect([...stored!.bytes]).toEqual([...png]);
      expect(await store.findAttachment(other.id, info!.id)).toBeNull();
      expect(await store.findAttachment(h.id, 'no-such-id')).toBeNull();

      // An agent's file, and refusals that store nothing.
      const pdf = new TextEncoder().encode('%PDF-1.7\n%%EOF');
      const reply = await s.attach(h.id, { clientMessageId: 'upload-2', name: 'label.pdf', bytes: pdf, agent: ADA });
      expect(reply).toMatchObject({ ok: true, message: { sender: 'agent', agentName: 'Ada', attachments: [{ name: 'label.pdf', type: 'application/pdf' }] } });
      expect(await s.attach(h.id, { clientMessageId: 'upload-3', name: 'a.png', bytes: new TextEncoder().encode('<svg onload=alert(1)>') })).toEqual({ ok: false, reason: 'attachment', problem: 'type' });
      expect(await (serviceOver(store, { now: () => NOW, attachmentMaxBytes: 100 })).attach(h.id, { clientMessageId: 'upload-4', name: 'a.png', bytes: png })).toEqual({
        ok: false,
        reason: 'attachment',
        problem: 'too_big',
      });
      expect((await store.messages(h.id)).map((m) => m.clientMessageId)).toEqual(['upload-1', 'upload-2']);
      // A plain message still has no attachments at all.
      const plain = await s.message(h.id, { clientMessageId: 'text-1', text: 'hello' });
      expect(plain.ok && plain.message.attachments).toBeUndefined();
    });

    it('stores a JPEG without where it was taken (EXIF removed before storing)', async () => {
      const h = await create();
      const ascii = (t: string) => [...t].map((ch) => ch.charCodeAt(0));
      const payload = [...ascii('Exif'), 0, 0, ...ascii('GPS 48.85N 2.29')];
      const exif = [0xff, 0xe1, 0, payload.length + 2, ...payload];
      const scan = [0xff, 0xda, 0x00, 0x08, 1, 1, 0, 0, 63, 0, 0x12, 0x34];
      const jpeg = new Uint8Array([0xff, 0xd8, ...exif, ...scan, 0xff, 0xd9]);
      const sent = await service().attach(h.id, { clientMessageId: 'photo-1', name: 'IMG_0001.JPG', bytes: jpeg });
      if (!sent.ok) throw new Error(sent.reason);
      const stored = await store.findAttachment(h.id, sent.message.attachments![0]!.id);
      expect([...stored!.bytes]).toEqual([0xff, 0xd8, ...scan, 0xff, 0xd9]);
      expect(stored!.size).toBe(stored!.bytes.length);
    });

    it('stores one rating per ended handoff, with its `rated` event, and reports the shares by creation time', async () => {
      await addAgents();
      const s = service();
      const open = await create();
      const good = { good: true, repeated: false, comment: 'Sam knew what I had tried' };
      expect(await s.rate(open.id, good)).toEqual({ ok: false, reason: 'not_closed' });
      expect(await store.findRating(open.id)).toBeNull();

      // Resolved by an agent, and ended by the visitor (End chat): both can be rated.
      const resolved = await create();
      await s.resolve(resolved.id, ADA, { outcome: 'answered', articleId: null, noArticle: false });
      const ended = await create();
      expect(await s.cancel(ended.id)).toMatchObject({ ok: true, handoff: { status: 'cancelled', resolvedAt: T } });

      const stored = { ...good, at: T };
      expect(await s.rate(resolved.id, good)).toEqual({ ok: true, rating: stored, created: true });
      expect(await s.rate(resolved.id, good)).toEqual({ ok: true, rating: stored, created: false });
      expect(await s.rate(resolved.id, { good: false })).toEqual({ ok: false, reason: 'rated' });
      expect(await s.rate(ended.id, { good: false, repeated: true })).toMatchObject({ ok: true, created: true });
      expect(await store.findRating(resolved.id)).toEqual(stored);
      expect(await store.findRating(ended.id)).toEqual({ good: false, repeated: true, comment: null, at: T });

      // One `rated` event each, in the log every reader follows.
      const rated = (await store.eventLogAfter(0, 100)).filter((e) => e.event.type === 'rated');
      expect(rated.map((e) => [e.handoffId, e.event])).toEqual([
        [resolved.id, { type: 'rated', rating: stored }],
        [ended.id, { type: 'rated', rating: { good: false, repeated: true, comment: null, at: T } }],
      ]);

      // The store itself keeps one row per handoff, whatever a caller does.
      await expect(store.transaction((tx) => tx.insertRating(resolved.id, { ...stored, good: false }))).rejects.toThrow();
      expect(await store.findRating(resolved.id)).toEqual(stored);

      expect((await store.report(T, '2025-03-01T11:00:00.000Z')).ratings).toEqual({
        rated: 2,
        good: 1,
        goodShare: 0.5,
        repeatAnswered: 2,
        repeated: 1,
        repeatedShare: 0.5,
      });
      expect((await store.report('2025-03-01T10:00:00.500Z', '2025-03-01T11:00:00.000Z')).ratings.rated).toBe(0);
    });

    it('keeps every step of a callback, and resolves it when done', async () => {
      await addAgents();
      const s = service();
      const callback = { from: '2025-03-01T10:30:00.000Z', to: '2025-03-01T11:00:00.000Z', phone: '+1 555 0100' };
      const h = await create(store, { channel: 'callback', callback });
      expect(await s.callbackStep(h.id, ADA, 'no_answer')).toMatchObject({ ok: true, handoff: { status: 'active', agentId: ADA.id, callbackState: 'no_answer' } });
      expect(await s.callbackStep(h.id, BOB, 'called')).toEqual({ ok: false, reason: 'taken' });
      expect(await s.callbackStep(h.id, ADA, 'done')).toMatchObject({ ok: true, handoff: { status: 'resolved', outcome: 'answered', callbackState: 'done' } });
      expect(await store.callbackSteps(h.id)).toEqual([
        { at: T, agentId: ADA.id, agentName: 'Ada', state: 'no_answer' },
        { at: T, agentId: ADA.id, agentName: 'Ada', state: 'done' },
      ]);
    });

    it('learns phrasings only when the resolve itself is stored, and keeps tombstones across reopening', async () => {
      await addAgents();
      const s = service();
      const h = await create(store, { transcript: searches('where is my card') });
      await s.claim(h.id, BOB);
      const resolve = { outcome: 'answered' as const, articleId: 'card-arrival', noArticle: false, learn: ['where is my card'] };
      expect(await s.resolve(h.id, ADA, resolve)).toEqual({ ok: false, reason: 'taken' });
      expect(await store.listPhrasings()).toEqual([]);

      const resolved = await s.resolve(h.id, BOB, resolve);
      expect(resolved.ok && [resolved.learned, resolved.served]).toEqual([1, 0]);
      const [p] = await store.listPhrasings('card-arrival');
      expect(p).toMatchObject({ text: 'where is my card', key: 'where is my card', count: 1, handoffId: h.id, handoffRef: h.ref, confirmedAt: null });
      expect(await store.findPhrasing(p!.id)).toEqual(p);
      expect(await s.confirmPhrasing(p!.id, ADA.id)).toMatchObject({ confirmedAt: T, confirmedBy: ADA.id });
      expect(await s.removePhrasing(p!.id, ADA.id)).toMatchObject({ removedAt: T, removedBy: ADA.id });
      expect(await s.removePhrasing('12345', ADA.id)).toBeNull();
      expect(await s.removePhrasing('not-an-id', ADA.id)).toBeNull();
      expect(await store.listPhrasings('card-arrival', { withRemoved: true })).toMatchObject([{ removedAt: T }]);
      await store.close();

      const again = db.open();
      const next = await create(again, { transcript: searches('where is my card') });
      const second = await service(again).resolve(next.id, ADA, { ...resolve, learn: undefined });
      expect(second.ok && second.learned).toBe(0);
      expect(await again.listPhrasings()).toEqual([]);
    });

    it('counts a phrasing once per handoff, and drops pending ones beyond the cap', async () => {
      await addAgents();
      const teach = async (queries: string[], perArticle = 2) => {
        const h = await create(store, { transcript: searches(...queries) });
        return service(store, perArticle).resolve(h.id, ADA, { outcome: 'answered', articleId: 'refunds', noArticle: false, learn: queries });
      };
      expect(await teach(['money back'])).toMatchObject({ learned: 1, served: 0 });
      expect(await teach(['money back', 'refund late'])).toMatchObject({ learned: 2, served: 1 });
      expect(await teach(['where is my refund'])).toMatchObject({ learned: 1, served: 0 });
      // Two kept: the served one, and the most recently learned pending one (of equals, the newest).
      expect((await store.listPhrasings('refunds')).map((p) => [p.text, p.count])).toEqual([
        ['money back', 2],
        ['where is my refund', 1],
      ]);
      expect(await teach(['a new phrasing'], 0)).toMatchObject({ learned: 0, served: 0 });
    });

    it('lists the queue in arrival order (even within one millisecond), and reports on a period', async () => {
      await addAgents();
      let clock = NOW;
      const s = serviceOver(store, { now: () => clock });
      const make = async (over: Partial<NewHandoffCommand> = {}) => {
        const r = await s.create(command(over));
        if (!r.ok) throw new Error(r.reason);
        return r.handoff.id;
      };
      const a = await make({ transcript: searches('Refund ', 'refund') });
      const b = await make({
        transcript: [
          { type: 'article', at: T, articleId: 'refunds', title: 'Refunds' },
          { type: 'feedback', at: T, articleId: 'refunds', helpful: false },
          ...searches('Where is my parcel'),
          { type: 'handoff', at: T, channel: 'chat' },
          { type: 'article', at: T, articleId: 'after', title: 'Read after asking' },
        ],
      });
      const c = await make();
      clock = NOW + 1000;
      const phone = await make({ channel: 'phone' });
      const ids = (list: { id: string }[]) => list.map((h) => h.id);

      expect(await store.queuedIds('chat')).toEqual([a, b, c]);
      expect(await store.queuePosition(b)).toBe(2);
      expect(await store.queueLength('chat')).toBe(3);
      expect(await store.countOpenInChannel('chat')).toBe(3);
      expect(ids(await store.listOpenInChannel('chat', 'oldest', 2))).toEqual([a, b]);
      expect(ids(await store.listOpenInChannel('chat', 'newest', 2))).toEqual([c, b]);
      expect(ids(await store.listOpenCreatedBefore('chat', '2025-03-01T10:00:00.001Z', 10))).toEqual([a, b, c]);
      expect(await store.listOpenCreatedBefore('chat', T, 10)).toEqual([]);

      clock = NOW + 60_000;
      expect((await s.claim(b, ADA)).ok).toBe(true);
      expect((await s.message(b, { clientMessageId: 'r1', text: 'Hello', agent: ADA })).ok).toBe(true);
      expect(await store.queuedIds('chat')).toEqual([a, c]);
      expect(await store.queuePosition(c)).toBe(2);
      expect(await store.queuePosition(b)).toBeNull();
      expect(await store.firstReplySeconds(T)).toEqual([60]);

      clock = NOW + 120_000;
      expect((await s.resolve(a, ADA, { outcome: 'answered', articleId: null, noArticle: true })).ok).toBe(true);
      expect(ids(await store.listHandoffs('open', 10))).toEqual([b, c, phone]);
      expect(ids(await store.listHandoffs('resolved', 10))).toEqual([a]);
      expect(ids(await store.listHandoffs('all', 10))).toEqual([phone, c, b, a]);

      const report = await store.report(T, '2025-03-01T11:00:00.000Z');
      expect(report).toMatchObject({
        byChannel: { chat: 3, callback: 0, phone: 1 },
        byOutcome: { answered: 1, no_answer: 0, duplicate: 0, other: 0 },
        visitors: 4,
        medianFirstReplySeconds: 60,
        noResultSearches: [
          { query: 'refund', count: 2, visitors: 1 },
          { query: 'where is my parcel', count: 1, visitors: 1 },
        ],
        noArticleSearches: [{ query: 'refund', count: 2, visitors: 1 }],
        noArticleHandoffs: 1,
        noArticleVisitors: 1,
        // Read before asking for a person (not what was read after), and said not to help.
        articlesReadBeforeHandoff: [{ articleId: 'refunds', title: 'Refunds', count: 1, visitors: 1, notHelpful: 1 }],
      });
      // What each handoff searched before asking, once, for the service to group by wording.
      // In no particular order: the service groups them.
      expect([...report.handoffSearches].sort((x, y) => x.queries[0]!.localeCompare(y.queries[0]!))).toEqual([
        { visitor: `handoff:${a}`, noArticle: true, queries: ['refund'] },
        { visitor: `handoff:${b}`, noArticle: false, queries: ['where is my parcel'] },
      ]);
      expect((await store.report('2025-03-01T10:00:00.500Z', '2025-03-01T11:00:00.000Z')).byChannel).toEqual({ chat: 0, callback: 0, phone: 1 });
    });

    it('keeps the verified customer of a handoff, and lists a customer’s handoffs newest first, no one else’s', async () => {
      const ann = { sub: 'cust-ann', email: 'ann@example.com', name: 'Ann' };
      const first = await create(store, { verified: ann, visitor: { email: 'ann@example.com' } });
      const unverified = await create(store, { visitor: { email: 'ann@example.com', id: 'cust-ann' } });
      const other = await create(store, { verified: { sub: 'cust-bob' } });
      const later = await (async () => {
        const r = await serviceOver(store, { now: () => NOW + 60_000 }).create(command({ verified: { sub: 'cust-ann' } }));
        if (!r.ok) throw new Error(r.reason);
        return r.handoff;
      })();
      expect((await store.findHandoff(first.id))?.verified).toEqual(ann);
      expect((await store.findHandoff(other.id))?.verified).toEqual({ sub: 'cust-bob' });
      expect((await store.findHandoff(unverified.id))?.verified).toBeNull();
      // A claim by the page (visitor.id) is not the customer: only verified handoffs are theirs.
      expect((await store.handoffsOfCustomer('cust-ann', 10)).map((h) => h.id)).toEqual([later.id, first.id]);
      expect((await store.handoffsOfCustomer('cust-ann', 1)).map((h) => h.id)).toEqual([later.id]);
      expect(await store.handoffsOfCustomer('cust-nobody', 10)).toEqual([]);
      // The next page: those older than a handoff of theirs, in the same order; nothing after the oldest, or an unknown id.
      expect((await store.handoffsOfCustomer('cust-ann', 10, later.id)).map((h) => h.id)).toEqual([first.id]);
      expect(await store.handoffsOfCustomer('cust-ann', 10, first.id)).toEqual([]);
      expect(await store.handoffsOfCustomer('cust-ann', 10, 'h_unknown')).toEqual([]);
      // Lists carry it too (the console's queue and handoff page read it).
      expect((await store.listHandoffs('all', 10)).find((h) => h.id === later.id)?.verified).toEqual({ sub: 'cust-ann' });
    });

    it('pages a customer’s handoffs made at the same moment in one order, each once', async () => {
      const made = [];
      for (let i = 0; i < 4; i++) made.push(await create(store, { verified: { sub: 'cust-same' } }));
      const all = (await store.handoffsOfCustomer('cust-same', 10)).map((h) => h.id);
      expect([...all].sort()).toEqual(made.map((h) => h.id).sort());
      const walked: string[] = [];
      let page = await store.handoffsOfCustomer('cust-same', 1);
      while (page.length) {
        walked.push(page[0]!.id);
        page = await store.handoffsOfCustomer('cust-same', 1, page[0]!.id);
      }
      expect(walked).toEqual(all);
    });

    it('keeps an agent’s id when their password changes', async () => {
      const first = await store.upsertAgent({ id: 'a1', email: 'Ada@Example.com', name: 'Ada', passwordHash: 'h1', salt: 's1', createdAt: T });
      const second = await store.upsertAgent({ id: 'a2', email: 'ada@example.com', name: 'Ada L.', passwordHash: 'h2', salt: 's2', createdAt: T });
      expect(second).toEqual({ ...first, name: 'Ada L.', passwordHash: 'h2', salt: 's2' });
      expect((await store.findAgentByEmail('ADA@example.com'))!.id).toBe('a1');
      expect(await store.findAgent('a1')).toEqual(second);
    });

    it('finds sessions until they expire, and forgets expired ones', async () => {
      await addAgents();
      await store.createSession({ idHash: 'x', agentId: ADA.id, expiresAt: '2025-03-01T18:00:00.000Z' });
      expect((await store.findSession('x', '2025-03-01T17:59:59.999Z'))!.agent.name).toBe('Ada');
      expect(await store.findSession('x', '2025-03-01T18:00:00.000Z')).toBeNull();
      await store.extendSession('x', '2025-03-02T02:00:00.000Z');
      expect(await store.findSession('x', '2025-03-01T18:00:00.000Z')).not.toBeNull();
      await store.deleteExpiredSessions('2025-03-02T02:00:00.000Z');
      await store.extendSession('x', '2025-03-09T00:00:00.000Z');
      expect(await store.findSession('x', T)).toBeNull();
    });

    it('keeps the visitor’s e-mail on the handoff, told once in the log, and refuses it on a closed one', async () => {
      const named = await create(store, { visitor: { name: 'Ann', id: 'u1' } });
      const r = await service().setEmail(named.id, 'ann@example.com');
      expect(r.ok && r.handoff.visitor).toEqual({ name: 'Ann', id: 'u1', email: 'ann@example.com' });
      expect((await store.findHandoff(named.id))!.visitor).toEqual({ name: 'Ann', id: 'u1', email: 'ann@example.com' });
      expect((await service().setEmail(named.id, 'ann@example.com')).ok).toBe(true);
      expect((await store.eventsAfter(named.id, 0)).map((e) => e.event)).toEqual([
        expect.objectContaining({ type: 'status' }),
        { type: 'email', email: 'ann@example.com' },
      ]);
      const anonymous = await create();
      await service().setEmail(anonymous.id, 'b@example.org');
      expect((await store.findHandoff(anonymous.id))!.visitor).toEqual({ email: 'b@example.org' });
      await service().cancel(anonymous.id);
      expect(await service().setEmail(anonymous.id, 'c@example.org')).toEqual({ ok: false, reason: 'closed' });
      const call = await create(store, { channel: 'phone' });
      expect(await service().setEmail(call.id, 'c@example.org')).toEqual({ ok: false, reason: 'not_chat' });
    });

    it('keeps the article an agent sent with a message, and records once in the transcript that the visitor read it', async () => {
      await addAgents();
      const h = await create();
      const article = { articleId: 'refunds', title: 'How do I get a refund?' };
      const sent = await service().message(h.id, { clientMessageId: 'card-0001', text: '', agent: ADA, article });
      expect(sent.ok && sent.message.article).toEqual(article);
      await service().message(h.id, { clientMessageId: 'visitor-01', text: 'Thanks' });
      expect((await store.messages(h.id)).map((m) => [m.sender, m.text, m.article])).toEqual([
        ['agent', '', article],
        ['visitor', 'Thanks', null],
      ]);
      expect(await service().articleRead(h.id, 'shipping')).toEqual({ ok: false, reason: 'not_sent' });
      const entry = { type: 'article', at: T, articleId: 'refunds', title: 'How do I get a refund?' };
      expect(await service().articleRead(h.id, 'refunds')).toEqual({ ok: true, entry });
      expect(await service().articleRead(h.id, 'refunds')).toEqual({ ok: true, entry: null }); // opened again: read already
      const stored = (await store.findHandoff(h.id))!;
      expect(stored.transcript.at(-1)).toEqual(entry);
      expect(stored.transcript.filter((e) => e.type === 'article')).toHaveLength(1);
      expect((await store.eventsAfter(h.id, 0)).map((e) => e.event).filter((e) => e.type === 'transcript')).toEqual([{ type: 'transcript', entry }]);
    });

    it('knows until when a visitor last had an event stream open, on any instance', async () => {
      const at = (seconds: number) => new Date(NOW + seconds * 1000).toISOString();
      const h = await create();
      const other = await create();
      expect(await store.visitorSeenUntil(h.id)).toBeNull();
      await store.visitorStreamsOpen([h.id, other.id, 'no-such-handoff'], 'instance-a', at(30));
      expect(await store.visitorSeenUntil(h.id)).toBe(at(30));
      await store.visitorStreamsOpen([h.id], 'instance-b', at(40));
      expect(await store.visitorSeenUntil(h.id)).toBe(at(40));
      // B's stream closed early: A's, still open, says more.
      await store.visitorStreamClosed(h.id, 'instance-b', at(5));
      expect(await store.visitorSeenUntil(h.id)).toBe(at(30));
      // A renews, then closes: seen until the close, the later of the two ends.
      await store.visitorStreamsOpen([h.id], 'instance-a', at(60));
      await store.visitorStreamClosed(h.id, 'instance-a', at(50));
      expect(await store.visitorSeenUntil(h.id)).toBe(at(50));
      await store.visitorStreamClosed(h.id, 'instance-b', at(20));
      expect(await store.visitorSeenUntil(h.id)).toBe(at(50));
      expect(await store.visitorSeenUntil(other.id)).toBe(at(30));
      await store.visitorStreamClosed('no-such-handoff', 'instance-a', at(1));
      expect(await store.visitorSeenUntil('no-such-handoff')).toBeNull();
    });

    it('plans each event of the log once with the cursor, however many dispatch at once, and keeps the cursor', async () => {
      const other = db.open();
      const fail = (error: Error) => {
        throw error;
      };
      const options = { batch: 3, now: () => NOW, onError: fail };
      for (let i = 0; i < 4; i++) await create();
      await Promise.all([dispatch(store, [everyEvent], options), dispatch(other, [everyEvent], options), dispatch(store, [everyEvent], options)]);
      // A dispatch that found the cursor held read nothing: whatever is left, one more round plans.
      while ((await dispatch(store, [everyEvent], options)).events > 0);
      const log = await store.eventLogAfter(0, 100);
      const planned = await store.listJobs({ kind: 'test', limit: 100 });
      expect(planned.map((j) => j.key).sort()).toEqual(log.map((e) => `event:${e.id}`).sort());
      expect(planned[0]).toMatchObject({ status: 'pending', attempts: 0, lastError: null, leaseUntil: null });
      expect(await store.transaction((tx) => tx.outboxCursor())).toBe(log[log.length - 1]!.id);
      await create();
      await store.close();
      const reopened = db.open();
      expect(await dispatch(reopened, [everyEvent], options)).toEqual({ held: true, events: 1, jobs: 1 });
      expect(await reopened.listJobs({ kind: 'test', limit: 100 })).toHaveLength(log.length + 1);
    });

    it('stores a job once per kind and key, and lists and finds them by kind', async () => {
      expect(await store.transaction((tx) => tx.insertJobs([job('a'), job('b', { dueAt: at(60_000) }), job('a', { kind: 'push' })], T))).toBe(3);
      expect(await store.transaction((tx) => tx.insertJobs([job('a', { payload: 'other' })], T))).toBe(0);
      expect(await store.findJob('mail', 'a')).toMatchObject({ kind: 'mail', key: 'a', payload: { key: 'a', words: 'déjà vu' }, dueAt: T });
      expect(await store.findJob('mail', 'none')).toBeNull();
      expect((await store.listJobs({ kind: 'mail', limit: 10 })).map((j) => j.key).sort()).toEqual(['a', 'b']);
      expect(await store.listJobs({ kind: 'mail', status: 'done', limit: 10 })).toEqual([]);
      expect(await store.nextJobAt(['mail'])).toBe(T);
      expect(await store.nextJobAt(['webhook'])).toBeNull();
      // Rolled back with its transaction.
      await expect(store.transaction(async (tx) => (await tx.insertJobs([job('c')], T), Promise.reject(new Error('no'))))).rejects.toThrow('no');
      expect(await store.findJob('mail', 'c')).toBeNull();
    });

    it('leases due jobs to one worker, and records done, retry, later and failed only for the lease holder', async () => {
      await store.transaction((tx) => tx.insertJobs([job('a'), job('b'), job('c'), job('d'), job('later', { dueAt: at(60_000) })], T));
      const claimed = await store.claimJobs(['mail'], 'w1', T, at(30_000), 10);
      expect(claimed.map((j) => j.key).sort()).toEqual(['a', 'b', 'c', 'd']);
      expect(claimed[0]).toMatchObject({ status: 'running', attempts: 1, leaseUntil: at(30_000) });
      expect(await store.claimJobs(['mail'], 'w2', T, at(30_000), 10)).toEqual([]);
      expect(await store.nextJobAt(['mail'])).toBe(at(30_000));
      const id = (key: string) => claimed.find((j) => j.key === key)!.id;

      expect(await store.finishJob(id('a'), 'w2', { status: 'done', at: at(1) })).toBe(false);
      expect(await store.finishJob(id('a'), 'w1', { status: 'done', at: at(1) })).toBe(true);
      expect(await store.finishJob(id('a'), 'w1', { status: 'done', at: at(1) })).toBe(false);
      expect(await store.finishJob(id('b'), 'w1', { status: 'pending', at: at(2), dueAt: at(10_000), error: '451 try later', counted: true })).toBe(true);
      expect(await store.finishJob(id('c'), 'w1', { status: 'pending', at: at(3), dueAt: at(5_000), error: null, counted: false })).toBe(true);
      expect(await store.finishJob(id('d'), 'w1', { status: 'failed', at: at(4), error: 'x'.repeat(5_000) })).toBe(true);
      expect(await store.finishJob('not-an-id', 'w1', { status: 'done', at: at(1) })).toBe(false);

      expect(await store.findJob('mail', 'a')).toMatchObject({ status: 'done', attempts: 1, leaseUntil: null, updatedAt: at(1) });
      expect(await store.findJob('mail', 'b')).toMatchObject({ status: 'pending', attempts: 1, dueAt: at(10_000), lastError: '451 try later' });
      expect(await store.findJob('mail', 'c')).toMatchObject({ status: 'pending', attempts: 0, dueAt: at(5_000), lastError: null });
      const failed = (await store.findJob('mail', 'd'))!;
      expect(failed.status).toBe('failed');
      expect(failed.lastError!.length).toBeLessThanOrEqual(2_000);
      expect((await store.listJobs({ kind: 'mail', limit: 2 })).map((j) => j.key)).toEqual(['d', 'c']);
      expect((await store.listJobs({ kind: 'mail', status: 'failed', limit: 10 })).map((j) => j.key)).toEqual(['d']);

      // Due in turn, earliest first; the error of a try is kept until the next one.
      expect(await store.nextJobAt(['mail'])).toBe(at(5_000));
      expect((await store.claimJobs(['mail'], 'w2', at(10_000), at(40_000), 1)).map((j) => j.key)).toEqual(['c']);
      const b = await store.claimJobs(['mail'], 'w2', at(10_000), at(40_000), 10);
      expect(b.map((j) => j.key)).toEqual(['b']);
      expect(b[0]).toMatchObject({ attempts: 2, lastError: '451 try later' });
      expect(await store.claimJobs(['push'], 'w2', at(99_000), at(140_000), 10)).toEqual([]);
    });

    it('gives a job whose lease ran out (its worker died) to another worker, and refuses the first one’s late outcome', async () => {
      await store.transaction((tx) => tx.insertJobs([job('a')], T));
      const [first] = await store.claimJobs(['mail'], 'dead', T, at(1_000), 10);
      expect(await store.claimJobs(['mail'], 'alive', at(999), at(2_000), 10)).toEqual([]);
      const [again] = await db.open().claimJobs(['mail'], 'alive', at(1_000), at(60_000), 10);
      expect(again).toMatchObject({ id: first!.id, attempts: 2, leaseUntil: at(60_000) });
      expect(await store.finishJob(first!.id, 'dead', { status: 'done', at: at(1_500) })).toBe(false);
      expect(await store.finishJob(first!.id, 'alive', { status: 'done', at: at(1_500) })).toBe(true);
    });

    it('forgets done and failed jobs last changed before a time, and keeps the rest', async () => {
      await store.transaction((tx) => tx.insertJobs([job('old'), job('failed'), job('new'), job('waiting')], T));
      const claimed = await store.claimJobs(['mail'], 'w', T, at(60_000), 3);
      const id = (key: string) => claimed.find((j) => j.key === key)!.id;
      await store.finishJob(id('old'), 'w', { status: 'done', at: at(1_000) });
      await store.finishJob(id('failed'), 'w', { status: 'failed', at: at(2_000), error: 'no' });
      await store.finishJob(id('new'), 'w', { status: 'done', at: at(5_000) });
      expect(await store.pruneJobs(at(3_000))).toBe(2);
      expect((await store.listJobs({ kind: 'mail', limit: 10 })).map((j) => j.key).sort()).toEqual(['new', 'waiting']);
      expect(await store.pruneJobs(at(3_000))).toBe(0);
    });

    it('never leases one job to two workers at once, however many claim together', async () => {
      const keys = Array.from({ length: 40 }, (_, i) => `k${i}`);
      await store.transaction((tx) => tx.insertJobs(keys.map((k) => job(k)), T));
      const other = db.open();
      const taken: string[] = [];
      const worker = async (s: Store, name: string) => {
        for (;;) {
          const jobs = await s.claimJobs(['mail'], name, T, at(60_000), 3);
          if (jobs.length === 0) return;
          taken.push(...jobs.map((j) => j.key));
        }
      };
      await Promise.all([worker(store, 'w1'), worker(other, 'w2'), worker(store, 'w3'), worker(other, 'w4')]);
      expect(taken.sort()).toEqual([...keys].sort());
    });

    it('keeps push subscriptions per agent, one row per endpoint, until removed', async () => {
      await addAgents();
      const sub = (endpoint: string, agentId: string, savedAt: string) => ({
        endpoint,
        agentId,
        p256dh: `B${endpoint.length}`,
        auth: 'auth',
        createdAt: savedAt,
        savedAt,
      });
      const laptop = 'https://push.example.com/send/laptop';
      const phone = 'https://push.example.com/send/phone';
      const bobs = 'https://push.example.com/send/bob';
      await store.savePushSubscription(sub(laptop, ADA.id, '2025-03-01T10:00:00.000Z'));
      await store.savePushSubscription(sub(phone, ADA.id, '2025-03-01T10:05:00.000Z'));
      await store.savePushSubscription(sub(bobs, BOB.id, '2025-03-01T10:01:00.000Z'));
      expect((await store.pushSubscriptions(ADA.id)).map((s) => s.endpoint)).toEqual([laptop, phone]);
      expect((await store.pushSubscriptions(null)).map((s) => s.endpoint)).toEqual([laptop, bobs, phone]);
      expect(await store.pushSubscriptions('nobody')).toEqual([]);

      // Saved again (the console does on every visit): new keys and time, the same row, createdAt kept.
      await store.savePushSubscription({ ...sub(laptop, ADA.id, '2025-03-01T11:00:00.000Z'), auth: 'new', createdAt: '2025-03-01T11:00:00.000Z' });
      expect(await store.pushSubscriptions(ADA.id)).toEqual([
        sub(phone, ADA.id, '2025-03-01T10:05:00.000Z'),
        { ...sub(laptop, ADA.id, '2025-03-01T11:00:00.000Z'), auth: 'new', createdAt: '2025-03-01T10:00:00.000Z' },
      ]);
      // Bob signs in on that browser and turns them on: the browser now notifies him, not her.
      await store.savePushSubscription(sub(laptop, BOB.id, '2025-03-01T12:00:00.000Z'));
      expect((await store.pushSubscriptions(ADA.id)).map((s) => s.endpoint)).toEqual([phone]);
      expect((await store.pushSubscriptions(BOB.id)).map((s) => s.endpoint)).toEqual([bobs, laptop]);

      // An agent removes only their own; removing without an agent (the push service said gone) removes any.
      expect(await store.deletePushSubscription(bobs, ADA.id)).toBe(false);
      expect(await store.deletePushSubscription(phone, ADA.id)).toBe(true);
      expect(await store.deletePushSubscription(phone, ADA.id)).toBe(false);
      expect(await store.deletePushSubscription(bobs)).toBe(true);
      expect((await store.pushSubscriptions(null)).map((s) => s.endpoint)).toEqual([laptop]);
      // Kept across reopening.
      await store.close();
      expect((await db.open().pushSubscriptions(BOB.id)).map((s) => s.endpoint)).toEqual([laptop]);
    });

    it('deletes closed handoffs older than the retention with everything about them, and never an open one (a test clock)', async () => {
      await addAgents();
      const DAY = 86_400_000;
      const clock = { now: NOW };
      const s = serviceOver(store, { now: () => clock.now });
      const make = async (words: string) => {
        const r = await s.create(command({ visitor: { name: 'Zed Quill', email: `${words}@example.com` }, transcript: searches(`${words} search`) }));
        if (!r.ok) throw new Error(r.reason);
        return r.handoff;
      };
      // Day 0: five handoffs. Old ones resolved (with a message, a file, a rating, a learned
      // phrasing), one cancelled, one left waiting in the queue, one taken and never resolved.
      const old = await make('oldresolved');
      await s.claim(old.id, ADA);
      await s.message(old.id, { clientMessageId: 'm1', text: 'my words of old' });
      const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0xde, 0xad, 0xbe, 0xef, 0x5a, 0x5a]);
      expect((await s.attach(old.id, { clientMessageId: 'f1', name: 'receipt.png', bytes: png })).ok).toBe(true);
      await s.resolve(old.id, ADA, { outcome: 'answered', articleId: 'refunds', noArticle: false, learn: ['oldresolved search'] });
      await s.rate(old.id, { good: true, comment: 'thanks' });
      const cancelled = await make('oldcancelled');
      await s.cancel(cancelled.id);
      const waiting = await make('waiting');
      const active = await make('active');
      await s.claim(active.id, BOB);
      await store.transaction((tx) => tx.insertJobs([job(`transcript:${old.id}`, { payload: { to: ['oldresolved@example.com'], text: 'my words of old' } }), job('unrelated')], T));
      // Day 300: one more resolved, too young to go at day 370.
      clock.now = NOW + 300 * DAY;
      const young = await make('young');
      await s.resolve(young.id, ADA, { outcome: 'answered', articleId: null, noArticle: false });

      // What must go is there to begin with (so the dump below can tell it went).
      const before = await db.dump();
      for (const trace of [old.id, 'oldresolved@example.com', 'my words of old', 'deadbeef5a5a']) expect(before).toContain(trace);
      // Day 364: nothing is a year old yet.
      expect((await runRetention(store, 365, () => NOW + 364 * DAY)).deleted.handoffs).toBe(0);
      // Retention off: nothing, whenever.
      expect(await runRetention(store, 0, () => NOW + 9999 * DAY)).toMatchObject({ ran: false, deleted: { handoffs: 0 } });

      // Day 370, in batches of one: the two closed on day 0 go, the open ones and the young one stay.
      const run = await runRetention(store, 365, () => NOW + 370 * DAY, 1);
      expect(run.deleted).toEqual({ handoffs: 2, messages: 2, attachments: 1, events: expect.any(Number), ratings: 1, callbackSteps: 0, jobs: 1, phrasings: 1 });
      for (const gone of [old, cancelled]) {
        expect(await store.findHandoff(gone.id)).toBeNull();
        expect(await store.messages(gone.id)).toEqual([]);
        expect(await store.eventsAfter(gone.id, 0)).toEqual([]);
        expect(await store.findRating(gone.id)).toBeNull();
      }
      for (const kept of [waiting, active, young]) expect(await store.findHandoff(kept.id)).not.toBeNull();
      expect(await store.findJob('mail', 'unrelated')).not.toBeNull();
      expect(await store.listPhrasings(undefined, { withRemoved: true })).toEqual([]);
      const dump = await db.dump();
      for (const trace of [old.id, cancelled.id, 'oldresolved', 'oldcancelled', 'my words of old', 'deadbeef5a5a']) expect(dump).not.toContain(trace);
      expect(dump).toContain('waiting@example.com');
      // Recorded, per batch, without whose data it was.
      const records = await store.deletions(10);
      expect(records.map((r) => [r.reason, r.actor, r.agentId, r.counts.handoffs])).toEqual([
        ['retention', 'retention (365 days)', null, 1],
        ['retention', 'retention (365 days)', null, 1],
      ]);

      // Waiting and active handoffs are never due, however old.
      expect((await runRetention(store, 1, () => NOW + 5000 * DAY)).deleted.handoffs).toBe(1); // the young one, resolved
      expect((await store.listHandoffs('all', 10)).map((h) => h.id).sort()).toEqual([waiting.id, active.id].sort());
    });

    it('runs the retention on one connection at a time, and deletes each handoff once', async () => {
      const s = service();
      for (let i = 0; i < 6; i++) {
        const h = await create();
        await s.cancel(h.id);
      }
      const later = () => NOW + 400 * 86_400_000;
      const runs = await Promise.all([store, db.open(), db.open()].map((st) => runRetention(st, 365, later, 2)));
      expect(runs.reduce((n, r) => n + r.deleted.handoffs, 0)).toBe(6);
      expect(await store.listHandoffs('all', 10)).toEqual([]);
      const recorded = (await store.deletions(100)).reduce((n, r) => n + r.counts.handoffs, 0);
      expect(recorded).toBe(6);
    });

    it('exports everything kept about a visitor, and deletes it all, leaving no row that mentions them', async () => {
      await addAgents();
      const s = service();
      const mine = async (visitor: object, over: Partial<NewHandoffCommand> = {}) => create(store, { visitor, ...over });
      const first = await mine({ name: 'Zed Quill', email: 'Zed.Quill@Example.com', phone: '+44 7700 900123' }, { transcript: searches('zebra refund') });
      await s.claim(first.id, ADA);
      await s.message(first.id, { clientMessageId: 'm1', text: 'quillish words' });
      await s.message(first.id, { clientMessageId: 'm2', text: 'agent says hi', agent: ADA });
      const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0xca, 0xfe, 0xba, 0xbe, 0x7e, 0x7e]);
      const file = await s.attach(first.id, { clientMessageId: 'f1', name: 'quill-receipt.png', bytes: png });
      await s.resolve(first.id, ADA, { outcome: 'answered', articleId: 'refunds', noArticle: false, learn: ['zebra refund'] });
      await s.rate(first.id, { good: false, comment: 'quill was cross' });
      const callback = await mine({ email: 'zed.quill@example.com', id: 'cust-77' }, { channel: 'callback', callback: { phone: '+44 7700 900123', from: '2025-03-01T14:00:00.000Z', to: '2025-03-01T14:30:00.000Z' } });
      await s.callbackStep(callback.id, ADA, 'no_answer');
      await s.cancel(callback.id);
      const byId = await mine({ id: 'cust-77', name: 'Z.' });
      await s.cancel(byId.id);
      // Someone else, whose phrasing was also taught by Zed (so it is everyone's wording).
      const other = await mine({ name: 'Ann Other', email: 'ann@example.com' }, { transcript: searches('where is my parcel') });
      await s.resolve(other.id, ADA, { outcome: 'answered', articleId: 'parcels', noArticle: false, learn: ['where is my parcel'] });
      await store.transaction((tx) =>
        tx.insertJobs(
          [
            job(`transcript:${first.id}`, { payload: { to: ['zed.quill@example.com'], text: 'quillish words' } }),
            // A mail to Zed about nothing of theirs that is stored (found by the address alone), and one to a longer address that contains it.
            job('newsletter', { payload: { to: ['Zed.Quill@example.com'], text: 'spring sale' } }),
            job('ann', { payload: { to: ['ann@example.com', 'ozed.quill@example.com'] } }),
          ],
          T,
        ),
      );

      // The export, by e-mail (any case): both handoffs that gave it, newest first, with everything.
      const exported = await exportVisitor(store, { email: 'ZED.quill@example.com' }, NOW);
      expect(exported.handoffs.map((h) => h.id)).toEqual([callback.id, first.id]);
      const full = exported.handoffs[1]!;
      expect(full.messages.map((m) => m.text)).toEqual(['quillish words', 'agent says hi', '']);
      expect(full.messages[2]!.attachments).toEqual([
        { id: file.ok ? file.message.attachments![0]!.id : '', name: 'quill-receipt.png', type: 'image/png', size: png.length, download: expect.stringMatching(/^\/v1\/agent\/handoffs\/.+\/attachments\/.+$/) },
      ]);
      expect(full.rating).toMatchObject({ good: false, comment: 'quill was cross' });
      expect(full.transcript).toMatchObject([{ type: 'search', query: 'zebra refund' }]);
      expect(full.events.length).toBeGreaterThan(3);
      expect(exported.handoffs[0]!.callbackSteps).toMatchObject([{ agentName: 'Ada', state: 'no_answer' }]);
      expect(exported.deliveries.map((d) => d.key)).toEqual([`transcript:${first.id}`, 'newsletter']);
      expect(exported.phrasings).toMatchObject([{ articleId: 'refunds', text: 'zebra refund', count: 1, confirmed: false, handoffId: first.id }]);
      expect(exported.notes.length).toBeGreaterThan(0);
      // By the id the page gave: the handoffs with it.
      expect((await exportVisitor(store, { id: 'cust-77' }, NOW)).handoffs.map((h) => h.id).sort()).toEqual([callback.id, byId.id].sort());
      // By a handoff (the console): it, and the others with its e-mail or id.
      expect((await exportVisitor(store, { handoffId: callback.id }, NOW)).handoffs.map((h) => h.id).sort()).toEqual([first.id, callback.id, byId.id].sort());

      const before = await db.dump();
      for (const trace of ['Zed.Quill@Example.com', 'cust-77', 'quillish words', 'quill was cross', 'cafebabe7e7e', 'zebra refund']) expect(before).toContain(trace);
      // An open handoff of theirs: nothing is deleted until it is resolved.
      const open = await mine({ email: 'zed.quill@example.com' });
      expect(await deleteVisitor(store, { handoffId: callback.id }, { agentId: ADA.id, name: 'Ada (ada@example.com)' }, NOW)).toEqual({ ok: false, open: [open.ref] });
      expect(await store.findHandoff(first.id)).not.toBeNull();
      await s.cancel(open.id);

      const deleted = await deleteVisitor(store, { handoffId: callback.id }, { agentId: ADA.id, name: 'Ada (ada@example.com)' }, NOW);
      expect(deleted).toMatchObject({ ok: true, deleted: { handoffs: 4, messages: 3, attachments: 1, ratings: 1, callbackSteps: 1, jobs: 2, phrasings: 1 } });
      expect(await store.findJob('mail', 'ann')).not.toBeNull();
      const dump = await db.dump();
      for (const trace of ['Zed Quill', 'quillish', 'quill was cross', 'quill-receipt', 'zebra refund', 'cust-77', '7700', first.id, callback.id, byId.id, open.id, 'cafebabe7e7e']) {
        expect(dump).not.toContain(trace);
      }
      // Their address nowhere, but inside the longer one of someone else's mail.
      expect(dump).not.toMatch(/(^|[^a-z])zed\.quill@example\.com/i);
      expect(dump).toContain('ozed.quill@example.com');
      expect(dump).toContain('ann@example.com');
      expect(dump).toContain('where is my parcel');
      expect((await exportVisitor(store, { email: 'zed.quill@example.com' }, NOW)).handoffs).toEqual([]);
      const [record] = await store.deletions(1);
      expect(record).toMatchObject({ reason: 'visitor', agentId: ADA.id, actor: 'Ada (ada@example.com)', counts: { handoffs: 4 } });
      // Asked again: nothing left, which is no error.
      expect(await deleteVisitor(store, { email: 'zed.quill@example.com' }, { agentId: null, name: 'lifeline visitor delete' }, NOW)).toMatchObject({ ok: true, deleted: { handoffs: 0 }, refs: [] });
    });

    it('keeps a phrasing taught by several visitors or confirmed by an agent, without the link to the deleted one', async () => {
      await addAgents();
      const s = service();
      const teach = async (email: string, words: string[]) => {
        const h = await create(store, { visitor: { email }, transcript: searches(...words) });
        await s.resolve(h.id, ADA, { outcome: 'answered', articleId: 'refunds', noArticle: false, learn: words });
        return h;
      };
      await teach('ann@example.com', ['money back']);
      const zed = await teach('zed@example.com', ['money back', 'refund please', 'zed only']);
      const confirmed = (await store.listPhrasings('refunds')).find((p) => p.text === 'refund please')!;
      await s.confirmPhrasing(confirmed.id, ADA.id);
      expect((await deleteVisitor(store, { email: 'zed@example.com' }, { agentId: null, name: 'lifeline visitor delete' }, NOW)).ok).toBe(true);
      const left = await store.listPhrasings('refunds', { withRemoved: true });
      expect(left.map((p) => [p.text, p.count, p.handoffId]).sort()).toEqual([
        ['money back', 2, null],
        ['refund please', 1, null],
      ]);
      expect(await store.findHandoff(zed.id)).toBeNull();
    });

    it('makes a setting once and keeps it across reopening', async () => {
      let made = 0;
      const make = () => `value-${++made}`;
      expect(await store.setting('token_secret', make)).toBe('value-1');
      expect(await store.setting('token_secret', make)).toBe('value-1');
      await store.close();
      expect(await db.open().setting('token_secret', make)).toBe('value-1');
      expect(made).toBe(1);
    });
  });
}
