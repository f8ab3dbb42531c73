import Database from 'better-sqlite3';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { refCandidate } from '../ref';
import { toHistory } from '../phrasings';
import { MIGRATIONS } from './migrations';
import { openSqliteStore } from './sqlite';
import type { NewHandoff, Store } from './types';

let dir: string;
let file: string;
const open: Store[] = [];
const store = () => {
  const s = openSqliteStore(file);
  open.push(s);
  return s;
};
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lifeline-store-'));
  file = join(dir, 'test.db');
});
afterEach(async () => {
  for (const s of open.splice(0)) await s.close();
  await rm(dir, { recursive: true, force: true });
});

const T = '2025-03-01T10:00:00.000Z';
let n = 0;
const newHandoff = (overrides: Partial<NewHandoff> = {}): NewHandoff => ({
  id: `h-${++n}`,
  clientId: `client-${n}-${Math.random()}`,
  tokenHash: '0'.repeat(64),
  channel: 'chat',
  visitor: null,
  callback: null,
  context: null,
  transcript: [],
  createdAt: T,
  makeRef: (attempt) => refCandidate(attempt),
  estimateWait: () => null,
  ...overrides,
});
const ADA = { id: 'agent-ada', name: 'Ada' };
const BOB = { id: 'agent-bob', name: 'Bob' };
const addAgents = async (s: Store) => {
  for (const a of [ADA, BOB]) {
    await s.upsertAgent({ ...a, email: `${a.name}@example.com`, passwordHash: 'h', salt: 's', createdAt: T });
  }
};

describe('openSqliteStore', () => {
  it('migrates a new file to the latest version, in WAL mode, with foreign keys on', async () => {
    await store().close();
    const db = new Database(file);
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
    // Opening again runs nothing twice.
    const again = store();
    expect(await again.listHandoffs('all', 1)).toEqual([]);
  });

  it('brings a file of schema 1 to the callback workflow (2), keeping its handoffs', async () => {
    const db = new Database(file);
    db.exec(MIGRATIONS[0]!);
    db.pragma('user_version = 1');
    db.prepare(
      `INSERT INTO handoffs (id, ref, token_hash, client_id, channel, status, transcript, created_at)
       VALUES ('old', '1234', 'x', 'c-old', 'callback', 'queued', '[]', ?)`,
    ).run(T);
    db.close();
    const s = store();
    await addAgents(s);
    expect(await s.findHandoff('old')).toMatchObject({ channel: 'callback', callbackState: null });
    const step = await s.recordCallback('old', ADA, 'no_answer', T);
    expect(step.ok && step.handoff).toMatchObject({ status: 'active', agentId: ADA.id, callbackState: 'no_answer' });
    expect(await s.callbackSteps('old')).toEqual([{ at: T, agentId: ADA.id, agentName: 'Ada', state: 'no_answer' }]);
  });

  it('refuses a file from a newer Lifeline, saying what to do', async () => {
    const db = new Database(file);
    db.pragma(`user_version = ${MIGRATIONS.length + 1}`);
    db.close();
    expect(() => openSqliteStore(file)).toThrow(/newer than this Lifeline knows.*LIFELINE_DB/);
  });

  it('stores nothing when a step of creating a handoff fails', async () => {
    const s = store();
    const failing = newHandoff({
      estimateWait: () => {
        throw new Error('boom');
      },
    });
    await expect(s.createHandoff(failing)).rejects.toThrow('boom');
    expect(await s.findHandoff(failing.id)).toBeNull();
    expect(await s.eventsAfter(failing.id, 0)).toEqual([]);
  });

  it('keeps refs unique among open handoffs only', async () => {
    const s = store();
    const refs = (...list: string[]) => (attempt: number) => list[attempt] ?? refCandidate(attempt);
    const a = await s.createHandoff(newHandoff({ makeRef: refs('1234') }));
    const b = await s.createHandoff(newHandoff({ makeRef: refs('1234', '1234', '5678') }));
    expect([a.handoff.ref, b.handoff.ref]).toEqual(['1234', '5678']);
    await s.cancel(a.handoff.id, T);
    const c = await s.createHandoff(newHandoff({ makeRef: refs('1234') }));
    expect(c.handoff.ref).toBe('1234');
    expect((await s.findOpenHandoffByRef('1234'))!.id).toBe(c.handoff.id);
  });

  it('makes refs of 4 digits, then 5 and 6 when they keep colliding', () => {
    expect(refCandidate(0, () => 42)).toBe('0042');
    expect(refCandidate(19)).toMatch(/^\d{4}$/);
    expect(refCandidate(20)).toMatch(/^\d{5}$/);
    expect(refCandidate(40)).toMatch(/^\d{6}$/);
    expect(refCandidate(99)).toMatch(/^\d{6}$/);
  });

  it('numbers events per handoff, 1, 2, 3...', async () => {
    const s = store();
    const a = (await s.createHandoff(newHandoff())).handoff;
    const b = (await s.createHandoff(newHandoff())).handoff;
    await s.addMessage({ id: 'm1', handoffId: a.id, clientMessageId: 'c1', text: 'hi', at: T });
    await s.addMessage({ id: 'm2', handoffId: b.id, clientMessageId: 'c1', text: 'hi', at: T });
    await s.addMessage({ id: 'm3', handoffId: a.id, clientMessageId: 'c2', text: 'hi', at: T });
    expect((await s.eventsAfter(a.id, 0)).map((e) => e.seq)).toEqual([1, 2, 3]);
    expect((await s.eventsAfter(b.id, 0)).map((e) => e.seq)).toEqual([1, 2]);
    expect(await s.lastSeq('no-such-handoff')).toBe(0);
  });

  it('lets one of two connections to the same file claim a handoff', async () => {
    const one = store();
    const two = store();
    await addAgents(one);
    const h = (await one.createHandoff(newHandoff())).handoff;
    const [x, y] = await Promise.all([one.claim(h.id, ADA, T), two.claim(h.id, BOB, T)]);
    expect([x.ok, y.ok]).toEqual([true, false]);
    expect(y).toEqual({ ok: false, reason: 'taken' });
    expect((await two.findHandoff(h.id))!).toMatchObject({ status: 'active', agentId: ADA.id, agentName: 'Ada' });
    expect((await two.eventsAfter(h.id, 1)).map((e) => e.event.type)).toEqual(['agent_joined', 'status']);
  });

  it('refuses changes to closed handoffs and to messages outside chat', async () => {
    const s = store();
    await addAgents(s);
    const phone = (await s.createHandoff(newHandoff({ channel: 'phone' }))).handoff;
    expect(await s.addMessage({ id: 'm', handoffId: phone.id, clientMessageId: 'c', text: 'x', at: T })).toEqual({ ok: false, reason: 'not_chat' });
    expect(await s.addMessage({ id: 'm', handoffId: 'nope', clientMessageId: 'c', text: 'x', at: T })).toEqual({ ok: false, reason: 'not_found' });
    const h = (await s.createHandoff(newHandoff())).handoff;
    expect((await s.resolve(h.id, ADA.id, 'duplicate', null, false, T)).ok).toBe(true);
    expect(await s.claim(h.id, BOB, T)).toEqual({ ok: false, reason: 'closed' });
    expect(await s.cancel(h.id, T)).toEqual({ ok: false, reason: 'closed' });
    expect(await s.resolve(h.id, ADA.id, 'other', null, false, T)).toEqual({ ok: false, reason: 'closed' });
  });

  it('learns phrasings only when the resolve itself is stored, and keeps tombstones across reopening', async () => {
    const s = store();
    await addAgents(s);
    const transcript = [{ type: 'search' as const, at: T, query: 'where is my card', resultCount: 0, topIds: [] }];
    const h = (await s.createHandoff(newHandoff({ transcript }))).handoff;
    await s.claim(h.id, BOB, T);
    const learn = [{ text: 'where is my card', key: 'where is my card' }];
    expect(await s.resolve(h.id, ADA.id, 'answered', 'card-arrival', false, T, 200, learn)).toEqual({ ok: false, reason: 'taken' });
    expect(await s.listPhrasings()).toEqual([]);

    const resolved = await s.resolve(h.id, BOB.id, 'answered', 'card-arrival', false, T, 200, learn);
    expect(resolved.ok && [resolved.learned, resolved.served]).toEqual([1, 0]);
    const [p] = await s.listPhrasings('card-arrival');
    expect(p).toMatchObject({ text: 'where is my card', key: 'where is my card', count: 1, handoffId: h.id, handoffRef: h.ref, confirmedAt: null });
    expect(await s.confirmPhrasing(p!.id, ADA.id, T)).toMatchObject({ confirmedAt: T, confirmedBy: ADA.id });
    expect(await s.removePhrasing(p!.id, ADA.id, T)).toMatchObject({ removedAt: T, removedBy: ADA.id });
    expect(await s.removePhrasing('12345', ADA.id, T)).toBeNull();
    expect(await s.removePhrasing('not-an-id', ADA.id, T)).toBeNull();
    expect(await s.listPhrasings('card-arrival', { withRemoved: true })).toMatchObject([{ removedAt: T }]);
    await s.close();

    const again = store();
    const next = (await again.createHandoff(newHandoff({ transcript }))).handoff;
    const second = await again.resolve(next.id, ADA.id, 'answered', 'card-arrival', false, T, 200, learn);
    expect(second.ok && second.learned).toBe(0);
    expect(await again.listPhrasings()).toEqual([]);
  });

  it('serves phrasings learned before migration 5 only when two handoffs taught them, and never personal data', async () => {
    const old = new Database(file);
    for (const [v, sql] of MIGRATIONS.slice(0, 4).entries()) {
      old.exec(sql);
      old.pragma(`user_version = ${v + 1}`);
    }
    const insert = old.prepare('INSERT INTO phrasings (article_id, text, key, count, first_learned_at, last_learned_at) VALUES (?, ?, ?, ?, ?, ?)');
    insert.run('refunds', 'refund late', 'refund late', 1, T, T);
    insert.run('refunds', 'money back', 'money back', 2, T, T);
    insert.run('refunds', 'my name is Ada Lovelace', 'my name is ada lovelace', 3, T, T);
    old.close();

    const s = store();
    const list = await s.listPhrasings();
    expect(list.map((p) => [p.text, p.confirmedAt])).toEqual([
      ['my name is Ada Lovelace', null],
      ['money back', null],
      ['refund late', null],
    ]);
    expect(toHistory(list)).toEqual([{ articleId: 'refunds', queries: ['money back'] }]);
  });

  it('learns nothing when the cap is 0', async () => {
    const s = store();
    await addAgents(s);
    const transcript = [{ type: 'search' as const, at: T, query: 'where is my card', resultCount: 0, topIds: [] }];
    const h = (await s.createHandoff(newHandoff({ transcript }))).handoff;
    const r = await s.resolve(h.id, ADA.id, 'answered', 'card-arrival', false, T, 0, [{ text: 'where is my card', key: 'where is my card' }]);
    expect(r.ok && r.learned).toBe(0);
    expect(await s.listPhrasings()).toEqual([]);
  });

  it('keeps an agent’s id when their password changes', async () => {
    const s = store();
    const first = await s.upsertAgent({ id: 'a1', email: 'Ada@Example.com', name: 'Ada', passwordHash: 'h1', salt: 's1', createdAt: T });
    const second = await s.upsertAgent({ id: 'a2', email: 'ada@example.com', name: 'Ada L.', passwordHash: 'h2', salt: 's2', createdAt: T });
    expect(second).toEqual({ ...first, name: 'Ada L.', passwordHash: 'h2', salt: 's2' });
    expect((await s.findAgentByEmail('ADA@example.com'))!.id).toBe('a1');
  });

  it('finds sessions until they expire, and forgets expired ones', async () => {
    const s = store();
    await addAgents(s);
    await s.createSession({ idHash: 'x', agentId: ADA.id, expiresAt: '2025-03-01T18:00:00.000Z' });
    expect((await s.findSession('x', '2025-03-01T17:59:59.999Z'))!.agent.name).toBe('Ada');
    expect(await s.findSession('x', '2025-03-01T18:00:00.000Z')).toBeNull();
    await s.extendSession('x', '2025-03-02T02:00:00.000Z');
    expect(await s.findSession('x', '2025-03-01T18:00:00.000Z')).not.toBeNull();
    await s.deleteExpiredSessions('2025-03-02T02:00:00.000Z');
    await s.extendSession('x', '2025-03-09T00:00:00.000Z');
    expect(await s.findSession('x', T)).toBeNull();
  });

  it('makes a setting once and keeps it across reopening', async () => {
    let made = 0;
    const make = () => `value-${++made}`;
    const s = store();
    expect(await s.setting('token_secret', make)).toBe('value-1');
    expect(await s.setting('token_secret', make)).toBe('value-1');
    await s.close();
    expect(await store().setting('token_secret', make)).toBe('value-1');
    expect(made).toBe(1);
  });
});
