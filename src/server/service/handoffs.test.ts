import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Channel } from '../../protocol/types';
import { createBus } from '../bus';
import { openSqliteStore } from '../store/sqlite';
import type { HandoffRecord, Store, StoredEvent } from '../store/types';
import { serviceOver } from './over-store';
import { AGENTS_TOPIC, handoffTopic, type BusMessage } from './publish';

const T = '2025-03-01T10:00:00.000Z';
const ADA = { id: 'agent-ada', name: 'Ada' };
const BOB = { id: 'agent-bob', name: 'Bob' };

let dir: string;
let store: Store;
let other: Store;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lifeline-service-'));
  store = openSqliteStore(join(dir, 'test.db'));
  other = openSqliteStore(join(dir, 'test.db'));
  for (const a of [ADA, BOB]) await store.upsertAgent({ ...a, email: `${a.name}@example.com`, passwordHash: 'h', salt: 's', createdAt: T });
});
afterEach(async () => {
  await store.close();
  await other.close();
  await rm(dir, { recursive: true, force: true });
});

describe('the handoff service', () => {
  it('publishes a change only after it is committed, to the handoff and to the agents, and tells the queue', async () => {
    const bus = createBus<BusMessage>();
    const moved: Array<[Channel, StoredEvent[]]> = [];
    const service = serviceOver(store, { now: () => Date.parse(T), bus, queue: { moved: (channel, events) => void moved.push([channel, [...events]]) } });
    const created = await service.create({ clientId: 'client-of-the-service-test-0001', channel: 'chat', visitor: null, callback: null, context: null, transcript: [] });
    if (!created.ok) throw new Error(created.reason);
    const h = created.handoff;

    const heard: BusMessage[] = [];
    // What a listener reads on another connection when it hears the event: committed rows only.
    const seen: Array<Promise<HandoffRecord | null>> = [];
    bus.subscribe(handoffTopic(h.id), (m) => {
      heard.push(m);
      seen.push(other.findHandoff(h.id));
    });
    const agents: BusMessage[] = [];
    bus.subscribe(AGENTS_TOPIC, (m) => agents.push(m));

    expect(await service.claim(h.id, ADA)).toMatchObject({ ok: true, handoff: { status: 'active', agentId: ADA.id } });
    expect(heard.map((m) => [m.seq, m.event.type])).toEqual([
      [2, 'agent_joined'],
      [3, 'status'],
    ]);
    expect(agents).toEqual(heard);
    for (const h2 of await Promise.all(seen)) expect(h2).toMatchObject({ status: 'active', agentId: ADA.id });
    expect(moved.map(([channel, events]) => [channel, events.map((e) => e.seq)])).toEqual([['chat', [2, 3]]]);

    // A refusal stores, publishes and moves nothing.
    expect(await service.claim(h.id, BOB)).toEqual({ ok: false, reason: 'taken' });
    expect(await service.message(h.id, { clientMessageId: 'from-bob', text: 'hi', agent: BOB })).toEqual({ ok: false, reason: 'taken' });
    expect(heard).toHaveLength(2);
    expect(moved).toHaveLength(1);
    expect(await store.lastSeq(h.id)).toBe(3);
  });

  it('tells typing without storing it, and only where the transition allows it', async () => {
    const bus = createBus<BusMessage>();
    const service = serviceOver(store, { now: () => Date.parse(T), bus });
    const created = await service.create({ clientId: 'client-of-the-service-test-0002', channel: 'chat', visitor: null, callback: null, context: null, transcript: [] });
    if (!created.ok) throw new Error(created.reason);
    const h = created.handoff;
    const visitorHears: BusMessage[] = [];
    const agentsHear: BusMessage[] = [];
    bus.subscribe(handoffTopic(h.id), (m) => visitorHears.push(m));
    bus.subscribe(AGENTS_TOPIC, (m) => agentsHear.push(m));
    await service.claim(h.id, ADA);
    visitorHears.length = 0;
    agentsHear.length = 0;

    expect(await service.typing(h.id, 'visitor', true)).toEqual({ ok: true });
    expect(await service.typing(h.id, { agent: ADA }, true)).toEqual({ ok: true });
    expect(await service.typing(h.id, { agent: BOB }, true)).toEqual({ ok: false, reason: 'taken' });
    expect(await service.typing('nope', 'visitor', true)).toEqual({ ok: false, reason: 'not_found' });
    expect(visitorHears.map((m) => [m.seq, m.event])).toEqual([[null, { type: 'typing', from: 'agent', typing: true }]]);
    expect(agentsHear.map((m) => m.event)).toEqual([
      { type: 'typing', from: 'visitor', typing: true },
      { type: 'typing', from: 'agent', typing: true },
    ]);
    expect(await store.lastSeq(h.id)).toBe(3);
  });
});
