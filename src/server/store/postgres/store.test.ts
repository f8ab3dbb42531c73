import { afterEach, beforeEach, expect, it } from 'vitest';
import { describeStoreContract } from '../contract';
import type { NewHandoffRow, Store } from '../types';
import { createPool } from './connect';
import { migrate } from './migrations';
import { createPostgresStore } from './store';
import { describeWithPostgres } from './testing';

const T = '2025-03-01T10:00:00.000Z';

async function migrated(url: string): Promise<void> {
  const setup = createPool(url, { max: 1 });
  await migrate(setup);
  await setup.end();
}

describeWithPostgres('PostgreSQL store', (pg) => {
  describeStoreContract('PostgreSQL', async () => {
    const url = await pg.newDatabase();
    await migrated(url);
    const opened: Store[] = [];
    return {
      open() {
        const s = createPostgresStore(createPool(url, { max: 4 }));
        opened.push(s);
        return s;
      },
      async dump() {
        const pool = createPool(url, { max: 1 });
        try {
          const { rows } = await pool.query<{ table_name: string }>("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'");
          const out: string[] = [];
          // A row as text shows bytea as hex (\\x...).
          for (const { table_name } of rows) out.push(`${table_name}: ${(await pool.query<{ r: string }>(`SELECT t::text AS r FROM "${table_name}" t`)).rows.map((r) => r.r).join(' ')}`);
          return out.join('\n');
        } finally {
          await pool.end();
        }
      },
      async drop() {
        for (const s of opened.splice(0)) await s.close();
      },
    };
  });

  let store: Store;
  let url: string;
  beforeEach(async () => {
    url = await pg.newDatabase();
    await migrated(url);
    store = createPostgresStore(createPool(url, { max: 4 }));
  });
  afterEach(async () => {
    await store.close();
  });

  /** How many connections to this database wait for a lock. */
  const lockWaiters = async (): Promise<number> => {
    const watch = createPool(url, { max: 1 });
    try {
      const { rows } = await watch.query<{ n: number }>(
        "SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'",
      );
      return rows[0]!.n;
    } finally {
      await watch.end();
    }
  };

  const row = (over: Partial<NewHandoffRow> = {}): NewHandoffRow => ({
    id: 'h1',
    ref: '1234',
    clientId: 'client-1',
    tokenHash: '0'.repeat(64),
    channel: 'chat',
    visitor: null,
    callback: null,
    context: null,
    transcript: [],
    createdAt: T,
    ...over,
  });

  it('holds a handoff read for update until the transaction ends, whatever the other does meanwhile', async () => {
    await store.transaction((tx) => tx.insertHandoff(row()));
    const order: string[] = [];
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let locked!: () => void;
    const lockTaken = new Promise<void>((resolve) => (locked = resolve));
    const first = store.transaction(async (tx) => {
      await tx.handoffForUpdate('h1');
      locked();
      await held;
      await tx.updateHandoff('h1', { status: 'active' });
      order.push('first commits');
    });
    await lockTaken;
    const second = store.transaction(async (tx) => {
      const h = await tx.handoffForUpdate('h1');
      order.push(`second reads ${h!.status}`);
    });
    // The second waits on the row: the first goes on once the second is seen waiting.
    try {
      await expect.poll(lockWaiters, { timeout: 3_000 }).toBe(1);
    } finally {
      release();
      await Promise.all([first, second]);
    }
    expect(order).toEqual(['first commits', 'second reads active']);
  });

  it('stores text without U+0000, which PostgreSQL cannot hold', async () => {
    await store.transaction(async (tx) => {
      await tx.insertHandoff(row({ visitor: { name: 'A\u0000da' }, transcript: [{ type: 'search', at: T, query: 'x\u0000y', resultCount: 0, topIds: [] }] }));
      await tx.insertMessage({ id: 'm1', handoffId: 'h1', clientMessageId: 'c\u00001', sender: 'visitor', agentId: null, text: 'hi\u0000 there', article: null, at: T, seq: 1 });
      await tx.appendEvent('h1', { type: 'status', status: 'queued', position: 1, estimatedWaitSeconds: null }, T);
    });
    const h = await store.findHandoff('h1');
    expect(h!.visitor).toEqual({ name: 'Ada' });
    expect(h!.transcript).toMatchObject([{ query: 'xy' }]);
    expect((await store.messages('h1')).map((m) => [m.clientMessageId, m.text])).toEqual([['c1', 'hi there']]);
    expect(await store.findMessage('h1', 'visitor', 'c\u00001')).toMatchObject({ text: 'hi there' });
  });

  it('numbers events in commit order: one appended first but committed last comes last, and neither waits for the other', async () => {
    await store.transaction(async (tx) => {
      await tx.insertHandoff(row());
      await tx.insertHandoff(row({ id: 'h2', ref: '5678', clientId: 'client-2' }));
    });
    const queued = { type: 'status', status: 'queued', position: 1, estimatedWaitSeconds: null } as const;
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let appended!: () => void;
    const firstAppended = new Promise<void>((resolve) => (appended = resolve));
    const slow = store.transaction(async (tx) => {
      await tx.handoffForUpdate('h1');
      const event = await tx.appendEvent('h1', queued, T);
      appended();
      await held;
      return event;
    });
    await firstAppended;
    // Another writer appends and commits while the first is still open: it is not held up.
    const quick = await store.transaction(async (tx) => {
      await tx.handoffForUpdate('h2');
      return tx.appendEvent('h2', queued, T);
    });
    expect(await lockWaiters()).toBe(0);
    const seenBefore = await store.eventLogAfter(0, 10);
    release();
    const late = await slow;
    // What a reader of the log saw first is still a prefix: the late commit has the larger id.
    expect(seenBefore.map((e) => e.id)).toEqual([quick.id]);
    expect(late.id).toBeGreaterThan(quick.id);
    expect((await store.eventLogAfter(quick.id, 10)).map((e) => [e.id, e.handoffId])).toEqual([[late.id, 'h1']]);
    expect((await store.eventLogAfter(0, 10)).map((e) => e.handoffId)).toEqual(['h2', 'h1']);
  });

  it('gives the events of one transaction consecutive ids in the order they were appended', async () => {
    const events = await store.transaction(async (tx) => {
      await tx.insertHandoff(row());
      const out = [];
      for (const position of [1, 2, 3]) out.push(await tx.appendEvent('h1', { type: 'status', status: 'queued', position, estimatedWaitSeconds: null }, T));
      return out;
    });
    const ids = events.map((e) => e.id);
    expect(ids.every((id) => id > 0)).toBe(true);
    expect(ids).toEqual([ids[0], ids[0]! + 1, ids[0]! + 2]);
    expect((await store.eventLogAfter(0, 10)).map((e) => [e.id, e.seq])).toEqual(ids.map((id, i) => [id, i + 1]));
  });

  it('rolls back a transaction whose commit fails, events included, and numbers none of them', async () => {
    await store.transaction((tx) => tx.insertHandoff(row()));
    await expect(
      store.transaction(async (tx) => {
        await tx.appendEvent('h1', { type: 'status', status: 'queued', position: 1, estimatedWaitSeconds: null }, T);
        // A second handoff with the same clientId: refused at once by the unique index.
        await tx.insertHandoff(row({ id: 'h2', ref: '5678' }));
      }),
    ).rejects.toThrow();
    expect(await store.eventLogAfter(0, 10)).toEqual([]);
  });
});
