import pg from 'pg';
import { afterEach, expect, it } from 'vitest';
import type { StoredHandoffEvent } from '../../handoff/types';
import { AGENTS_TOPIC, announce, announceTyping, handoffTopic, type BusMessage } from '../../service/publish';
import type { StoredEvent } from '../types';
import { createPostgresBus, type PostgresBus, type PostgresBusOptions } from './bus';
import { createPool } from './connect';
import { EVENT_LOG_LOCK } from './locks';
import { migrate } from './migrations';
import { describeWithPostgres } from './testing';

const pools: pg.Pool[] = [];
const buses: PostgresBus[] = [];
afterEach(async () => {
  await Promise.all(buses.splice(0).map((bus) => bus.end()));
  await Promise.all(pools.splice(0).map((pool) => pool.end()));
});

/** One instance: its own pool and bus on the database. */
function instance(url: string, options: PostgresBusOptions = {}): { pool: pg.Pool; bus: PostgresBus } {
  const pool = createPool(url, { max: 4, onIdleError: () => undefined });
  // No polling unless a test asks: the notifications and the reconnection must do the work.
  const bus = createPostgresBus(pool, { reconnectMs: 20, maxReconnectMs: 200, pollMs: 0, onError: () => undefined, ...options });
  pools.push(pool);
  buses.push(bus);
  return { pool, bus };
}

async function database(url: string, ids: string[]): Promise<void> {
  const pool = createPool(url, { max: 1 });
  try {
    await migrate(pool);
    for (const id of ids) {
      await pool.query(
        `INSERT INTO handoffs (id, ref, token_hash, client_id, channel, status, transcript, created_at)
         VALUES ($1, $1, 'h', $1, 'chat', 'queued', '[]', '2026-03-01T10:00:00.000Z')`,
        [id],
      );
    }
  } finally {
    await pool.end();
  }
}

/** What the store does: the events appended in one transaction, under the event-log lock. */
async function append(pool: pg.Pool, handoffId: string, texts: string[]): Promise<StoredEvent[]> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1, $2)', [...EVENT_LOG_LOCK]);
    const { rows } = await client.query<{ seq: number }>('SELECT coalesce(max(seq), 0) AS seq FROM events WHERE handoff_id = $1', [handoffId]);
    let seq = rows[0]!.seq;
    const stored: StoredEvent[] = [];
    for (const text of texts) {
      const event = { type: 'message', from: 'visitor', text, at: '2026-03-01T10:00:00.000Z' } as unknown as StoredHandoffEvent;
      const at = '2026-03-01T10:00:00.000Z';
      const inserted = await client.query<{ id: number }>(
        'INSERT INTO events (handoff_id, seq, type, data, at) VALUES ($1, $2, $3, $4, $5) RETURNING id',
        [handoffId, ++seq, event.type, JSON.stringify(event), at],
      );
      stored.push({ id: inserted.rows[0]!.id, handoffId, seq, event, at });
    }
    await client.query('COMMIT');
    return stored;
  } finally {
    client.release();
  }
}

/** Everything a subscriber on `topic` hears, as "handoff#seq text". */
function heard(bus: PostgresBus, topic: string): string[] {
  const log: string[] = [];
  bus.subscribe(topic, (m: BusMessage) => {
    const e = m.event as { type: string; text?: string; typing?: boolean };
    log.push(m.seq === null ? `${m.handoffId} ${e.type} ${String(e.typing)}` : `${m.handoffId}#${m.seq} ${e.text ?? e.type}`);
  });
  return log;
}

/** Long enough for a loaded machine; a test waits for a condition, not a time. */
const soon = { timeout: 10_000 };

describeWithPostgres('the PostgreSQL event bus', (postgres) => {
  it('delivers an event published on instance A once, in order, on B (the handoff’s topic and the agents’), and on A', async () => {
    const url = await postgres.newDatabase();
    await database(url, ['h1', 'h2']);
    const a = instance(url);
    const b = instance(url);
    await Promise.all([a.bus.ready, b.bus.ready]);
    const onB = heard(b.bus, AGENTS_TOPIC);
    const visitorOnB = heard(b.bus, handoffTopic('h1'));
    const onA = heard(a.bus, AGENTS_TOPIC);

    announce(a.bus, await append(a.pool, 'h1', ['one', 'two']));
    announce(a.bus, await append(a.pool, 'h2', ['three']));
    announce(b.bus, await append(b.pool, 'h1', ['four']));

    const all = ['h1#1 one', 'h1#2 two', 'h2#1 three', 'h1#3 four'];
    await expect.poll(() => onB, soon).toEqual(all);
    await expect.poll(() => onA, soon).toEqual(all);
    expect(visitorOnB).toEqual(['h1#1 one', 'h1#2 two', 'h1#3 four']);
    // Nothing more arrives later (no double delivery once the notifications settle).
    announce(a.bus, await append(a.pool, 'h2', ['five']));
    await expect.poll(() => onB.length, soon).toBe(5);
    expect(onB).toEqual([...all, 'h2#2 five']);
  });

  it('carries typing, which is not stored, in the notification: to B’s subscribers, and once to A’s', async () => {
    const url = await postgres.newDatabase();
    await database(url, ['h1']);
    const a = instance(url);
    const b = instance(url);
    await Promise.all([a.bus.ready, b.bus.ready]);
    const agentsOnB = heard(b.bus, AGENTS_TOPIC);
    const visitorOnB = heard(b.bus, handoffTopic('h1'));
    const agentsOnA = heard(a.bus, AGENTS_TOPIC);
    announceTyping(a.bus, 'h1', 'agent', true);
    await expect.poll(() => agentsOnB, soon).toEqual(['h1 typing true']);
    await expect.poll(() => visitorOnB, soon).toEqual(['h1 typing true']);
    expect(agentsOnA).toEqual(['h1 typing true']);
  });

  it('reads many events back in batches, in order, none twice', async () => {
    const url = await postgres.newDatabase();
    await database(url, ['h1']);
    const pool = createPool(url, { max: 4 });
    pools.push(pool);
    const bus = createPostgresBus(pool, { batch: 7, pollMs: 0, onError: () => undefined });
    buses.push(bus);
    const b = instance(url);
    await Promise.all([bus.ready, b.bus.ready]);
    const onB = heard(b.bus, AGENTS_TOPIC);
    const texts = Array.from({ length: 30 }, (_, i) => `m${i + 1}`);
    announce(bus, await append(pool, 'h1', texts));
    await expect.poll(() => onB.length, soon).toBe(30);
    expect(onB).toEqual(texts.map((t, i) => `h1#${i + 1} ${t}`));
  });

  it('after B’s listening connection is killed, delivers what A published meanwhile, once, and listens again', async () => {
    const url = await postgres.newDatabase();
    await database(url, ['h1']);
    const a = instance(url);
    const b = instance(url);
    await Promise.all([a.bus.ready, b.bus.ready]);
    const onB = heard(b.bus, AGENTS_TOPIC);
    announce(a.bus, await append(a.pool, 'h1', ['before']));
    await expect.poll(() => onB, soon).toEqual(['h1#1 before']);

    const pid = b.bus.listenerPid!;
    const killed = await a.pool.query<{ done: boolean }>('SELECT pg_terminate_backend($1) AS done', [pid]);
    expect(killed.rows[0]!.done).toBe(true);
    // Published while B is not listening (the notifications go nowhere on B).
    announce(a.bus, await append(a.pool, 'h1', ['during 1', 'during 2']));
    announce(a.bus, await append(a.pool, 'h1', ['during 3']));

    await expect.poll(() => b.bus.listenerPid !== null && b.bus.listenerPid !== pid, soon).toBe(true);
    await expect.poll(() => onB.length, soon).toBe(4);
    announce(a.bus, await append(a.pool, 'h1', ['after']));
    await expect.poll(() => onB.length, soon).toBe(5);
    expect(onB).toEqual(['h1#1 before', 'h1#2 during 1', 'h1#3 during 2', 'h1#4 during 3', 'h1#5 after']);
  });

  it('when PostgreSQL restarts, both listen again by themselves and B misses nothing from A', async () => {
    const url = await postgres.newDatabase();
    await database(url, ['h1']);
    const a = instance(url);
    const b = instance(url);
    await Promise.all([a.bus.ready, b.bus.ready]);
    const onB = heard(b.bus, AGENTS_TOPIC);
    const onA = heard(a.bus, AGENTS_TOPIC);
    announce(a.bus, await append(a.pool, 'h1', ['before']));
    await expect.poll(() => onB.length, soon).toBe(1);
    const pids = [a.bus.listenerPid, b.bus.listenerPid];

    await postgres.cluster().restart();
    // The first writes after the restart may come before either listens again.
    announce(a.bus, await append(a.pool, 'h1', ['after 1']));
    announce(a.bus, await append(a.pool, 'h1', ['after 2']));
    await expect.poll(() => [a.bus.listenerPid, b.bus.listenerPid].every((p, i) => p !== null && p !== pids[i]), soon).toBe(true);
    announce(a.bus, await append(a.pool, 'h1', ['after 3']));
    const all = ['h1#1 before', 'h1#2 after 1', 'h1#3 after 2', 'h1#4 after 3'];
    await expect.poll(() => onB, soon).toEqual(all);
    await expect.poll(() => onA, soon).toEqual(all);
  });

  it('reads the log now and then, for events whose instance died between the commit and the notification', async () => {
    const url = await postgres.newDatabase();
    await database(url, ['h1']);
    const a = instance(url);
    const b = instance(url, { pollMs: 50 });
    await Promise.all([a.bus.ready, b.bus.ready]);
    const onB = heard(b.bus, AGENTS_TOPIC);
    await append(a.pool, 'h1', ['committed, never announced']); // A was killed before publishing
    await expect.poll(() => onB, soon).toEqual(['h1#1 committed, never announced']);
    announce(a.bus, await append(a.pool, 'h1', ['next']));
    await expect.poll(() => onB.length, soon).toBe(2);
    expect(onB).toEqual(['h1#1 committed, never announced', 'h1#2 next']);
  });

  it('ends its streams on close, as the in-memory bus does, and stops listening', async () => {
    const url = await postgres.newDatabase();
    await database(url, []);
    const { bus } = instance(url);
    await bus.ready;
    let ended = 0;
    bus.onClose(() => ended++);
    const unsubscribe = bus.subscribe(AGENTS_TOPIC, () => undefined);
    expect(bus.size).toBe(1);
    unsubscribe();
    expect(bus.size).toBe(0);
    await bus.end();
    expect(ended).toBe(1);
    expect(bus.listenerPid).toBeNull();
    bus.onClose(() => ended++);
    expect(ended).toBe(2);
  });
});
