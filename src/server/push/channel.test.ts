import { describe, expect, it } from 'vitest';
import type { OutboxJob } from '../outbox/types';
import type { HandoffRecord, StoredEvent } from '../store/types';
import { pushChannel } from './channel';
import { PUSH_TTL_SECONDS } from './deliver';

const T = '2025-03-01T10:00:00.000Z';
const t = Date.parse(T);
const handoff = { id: 'h1', ref: '4821', channel: 'chat', status: 'queued', visitor: null, callback: null, transcript: [], agentId: null } as unknown as HandoffRecord;
const queued: StoredEvent = { id: 7, handoffId: 'h1', seq: 1, at: T, event: { type: 'status', status: 'queued', position: 1, estimatedWaitSeconds: null } };
const job = { createdAt: T } as OutboxJob;

describe('the push channel', () => {
  let now = t;
  const channel = pushChannel({ store: null as never, keys: async () => ({ publicKey: '', privateKey: '' }), subject: 'mailto:a@b', now: () => now });

  it('plans one job per notice, due when the event happened, keyed by the event', () => {
    expect(channel.plan(queued, handoff)).toEqual([
      { kind: 'push', key: 'push:7', dueAt: T, payload: expect.objectContaining({ key: 'push:7', audience: { all: true }, notice: expect.objectContaining({ kind: 'handoff', ref: '4821' }) }) },
    ]);
    expect(channel.plan({ ...queued, seq: 2 }, handoff)).toEqual([]);
  });

  it('tries again after 10 s, 20 s, 40 s..., at most 2 minutes apart, and gives up once the notice is no longer news', () => {
    now = t + 1_000;
    const pauses = [1, 2, 3, 4, 5].map((n) => channel.retryAfter(n, job)!);
    expect(pauses[0]).toBeGreaterThanOrEqual(8_000);
    expect(pauses[0]).toBeLessThanOrEqual(10_000);
    expect(pauses[4]).toBeLessThanOrEqual(120_000);
    expect(pauses[4]).toBeGreaterThanOrEqual(96_000);
    now = t + PUSH_TTL_SECONDS * 1000 - 1_000;
    expect(channel.retryAfter(3, job)).toBeNull();
  });
});
