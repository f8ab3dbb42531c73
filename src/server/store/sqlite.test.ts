import Database from 'better-sqlite3';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { refCandidate } from '../ref';
import { toHistory } from '../phrasings';
import { serviceOver } from '../service/over-store';
import { describeStoreContract } from './contract';
import { MIGRATIONS } from './migrations';
import { openSqliteStore } from './sqlite';
import type { Store } from './types';

describeStoreContract('SQLite', async () => {
  const folder = await mkdtemp(join(tmpdir(), 'lifeline-contract-'));
  const opened: Store[] = [];
  return {
    open() {
      const s = openSqliteStore(join(folder, 'test.db'));
      opened.push(s);
      return s;
    },
    async dump() {
      const raw = new Database(join(folder, 'test.db'), { readonly: true });
      try {
        const tables = raw.prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table'").all();
        const hex = (_: string, v: unknown) => (v && typeof v === 'object' && 'type' in v && v.type === 'Buffer' ? Buffer.from((v as unknown as { data: number[] }).data).toString('hex') : v);
        return tables.map((t) => `${t.name}: ${JSON.stringify(raw.prepare(`SELECT * FROM "${t.name}"`).all(), hex)}`).join('\n');
      } finally {
        raw.close();
      }
    },
    async drop() {
      for (const s of opened.splice(0)) await s.close();
      await rm(folder, { recursive: true, force: true });
    },
  };
});

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
const ADA = { id: 'agent-ada', name: 'Ada' };

describe('openSqliteStore', () => {
  it('finds the closed handoffs the retention deletes by an index, not by reading every handoff', async () => {
    await store().close();
    const db = new Database(file, { readonly: true });
    // The query of sqlite-erasure.ts closedBefore, as the daily retention runs it.
    const plan = db
      .prepare<[string, number], { detail: string }>(
        "EXPLAIN QUERY PLAN SELECT h.id FROM handoffs h WHERE h.status IN ('resolved', 'cancelled') AND h.resolved_at < ? ORDER BY h.resolved_at, h.rowid LIMIT ?",
      )
      .all(T, 100)
      .map((row) => row.detail);
    db.close();
    expect(plan.join('\n')).toContain('USING INDEX handoffs_by_status_resolved (status=? AND resolved_at<?)');
  });

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
    await s.upsertAgent({ ...ADA, email: 'ada@example.com', passwordHash: 'h', salt: 's', createdAt: T });
    expect(await s.findHandoff('old')).toMatchObject({ channel: 'callback', callbackState: null });
    const step = await serviceOver(s, { now: () => Date.parse(T) }).callbackStep('old', ADA, 'no_answer');
    expect(step.ok && step.handoff).toMatchObject({ status: 'active', agentId: ADA.id, callbackState: 'no_answer' });
    expect(await s.callbackSteps('old')).toEqual([{ at: T, agentId: ADA.id, agentName: 'Ada', state: 'no_answer' }]);
  });

  it('moves the events of a file of schema 5 into the event log (6), keeping each handoff\'s seq', async () => {
    const db = new Database(file);
    for (const [v, sql] of MIGRATIONS.slice(0, 5).entries()) {
      db.exec(sql);
      db.pragma(`user_version = ${v + 1}`);
    }
    const insert = db.prepare(
      `INSERT INTO handoffs (id, ref, token_hash, client_id, channel, status, transcript, created_at) VALUES (?, ?, 'x', ?, 'chat', 'queued', '[]', ?)`,
    );
    insert.run('a', '1111', 'c-a', T);
    insert.run('b', '2222', 'c-b', T);
    const event = db.prepare('INSERT INTO events (handoff_id, seq, type, data, at) VALUES (?, ?, ?, ?, ?)');
    const joined = (name: string) => JSON.stringify({ type: 'agent_joined', agentName: name });
    event.run('a', 1, 'agent_joined', joined('one'), '2025-03-01T10:00:01.000Z');
    event.run('b', 1, 'agent_joined', joined('two'), '2025-03-01T10:00:02.000Z');
    event.run('a', 2, 'agent_joined', joined('three'), '2025-03-01T10:00:03.000Z');
    db.close();
    const s = store();
    expect((await s.eventsAfter('a', 0)).map((e) => [e.seq, e.event])).toEqual([
      [1, { type: 'agent_joined', agentName: 'one' }],
      [2, { type: 'agent_joined', agentName: 'three' }],
    ]);
    expect((await s.eventLogAfter(0, 10)).map((e) => [e.id, e.handoffId, e.seq])).toEqual([
      [1, 'a', 1],
      [2, 'b', 1],
      [3, 'a', 2],
    ]);
    expect(await s.lastSeq('b')).toBe(1);
  });

  it('refuses a file from a newer Lifeline, saying what to do', async () => {
    const db = new Database(file);
    db.pragma(`user_version = ${MIGRATIONS.length + 1}`);
    db.close();
    expect(() => openSqliteStore(file)).toThrow(/newer than this Lifeline knows.*LIFELINE_DB/);
  });

  it('makes refs of 4 digits, then 5 and 6 when they keep colliding', () => {
    expect(refCandidate(0, () => 42)).toBe('0042');
    expect(refCandidate(19)).toMatch(/^\d{4}$/);
    expect(refCandidate(20)).toMatch(/^\d{5}$/);
    expect(refCandidate(40)).toMatch(/^\d{6}$/);
    expect(refCandidate(99)).toMatch(/^\d{6}$/);
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

});
