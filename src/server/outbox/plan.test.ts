import { describe, expect, it } from 'vitest';
import type { HandoffRecord, StoredEvent } from '../store/types';
import { planJobs } from './plan';
import { resultOf } from './outcome';
import type { OutboxChannel, OutboxJob } from './types';

const event = (id: number, handoffId = 'h1'): StoredEvent => ({
  id,
  handoffId,
  seq: id,
  at: '2025-03-01T10:00:00Z',
  event: { type: 'message', message: { id: `m${id}`, clientMessageId: `c${id}`, from: 'visitor', text: 'hi', at: '2025-03-01T10:00:00Z', agentName: null } },
} as unknown as StoredEvent); // only id, handoffId and at are read here

const channel = (kind: string, plan: OutboxChannel['plan']): OutboxChannel => ({ kind, plan, run: async () => ({ ok: true }), retryAfter: () => 1_000 });

describe('planJobs', () => {
  it('asks every channel about every event, with the handoff as it is now, and keeps one job per kind and key', () => {
    const seen: Array<[number, string | null]> = [];
    const mail = channel('mail', (e, h) => {
      seen.push([e.id, h?.ref ?? null]);
      return [{ kind: 'mail', key: `alert:${e.handoffId}`, payload: { id: e.id }, dueAt: e.at }];
    });
    const hook = channel('webhook', (e) => [{ kind: 'webhook', key: `event:${e.id}`, payload: null, dueAt: e.at }]);
    const handoffs = new Map<string, HandoffRecord | null>([['h1', { ref: '1234' } as HandoffRecord], ['h2', null]]);
    const jobs = planJobs([event(1), event(2), event(3, 'h2')], handoffs, [mail, hook], (e) => {
      throw e;
    });
    expect(seen).toEqual([[1, '1234'], [2, '1234'], [3, null]]);
    expect(jobs.map((j) => `${j.kind} ${j.key}`)).toEqual(['mail alert:h1', 'webhook event:1', 'webhook event:2', 'mail alert:h2', 'webhook event:3']);
    // The first plan of a key wins; due times come out as ISO with milliseconds.
    expect(jobs[0]).toEqual({ kind: 'mail', key: 'alert:h1', payload: { id: 1 }, dueAt: '2025-03-01T10:00:00.000Z' });
  });

  it('skips, and reports, a channel whose plan throws or is malformed, and plans the rest', () => {
    const errors: string[] = [];
    const broken = channel('push', () => {
      throw new Error('boom');
    });
    const wrongKind = channel('mail', () => [{ kind: 'webhook', key: 'k', payload: null, dueAt: '2025-03-01T10:00:00Z' }]);
    const badTime = channel('chat-webhook', () => [{ kind: 'chat-webhook', key: 'k', payload: null, dueAt: 'soon' }]);
    const fine = channel('webhook', (e) => [{ kind: 'webhook', key: `event:${e.id}`, payload: null, dueAt: e.at }]);
    const jobs = planJobs([event(7)], new Map(), [broken, wrongKind, badTime, fine], (e) => errors.push(e.message));
    expect(jobs.map((j) => j.key)).toEqual(['event:7']);
    expect(errors).toEqual([
      'Lifeline outbox: the push channel could not plan event 7: boom',
      'Lifeline outbox: the mail channel could not plan event 7: it planned a job of kind webhook',
      'Lifeline outbox: the chat-webhook channel could not plan event 7: it planned k at soon, not a time',
    ]);
  });
});

describe('resultOf', () => {
  const job = { kind: 'mail', key: 'k', attempts: 2 } as OutboxJob;
  const now = Date.parse('2025-03-01T10:00:00.000Z');
  const retrying = { retryAfter: (attempts: number) => (attempts < 3 ? attempts * 1_000 : null) };

  it('records a success as done', () => {
    expect(resultOf({ ok: true }, job, retrying, now)).toEqual({ status: 'done', at: '2025-03-01T10:00:00.000Z' });
  });

  it('tries a failure again after the channel’s pause, counting the try, until it gives up', () => {
    expect(resultOf({ ok: false, error: '451 busy', retry: true }, job, retrying, now)).toEqual({
      status: 'pending',
      at: '2025-03-01T10:00:00.000Z',
      dueAt: '2025-03-01T10:00:02.000Z',
      error: '451 busy',
      counted: true,
    });
    expect(resultOf({ ok: false, error: '451 busy', retry: true }, { ...job, attempts: 3 }, retrying, now)).toEqual({
      status: 'failed',
      at: '2025-03-01T10:00:00.000Z',
      error: '451 busy (gave up after 3 tries)',
    });
  });

  it('fails for good what the channel says cannot succeed', () => {
    expect(resultOf({ ok: false, error: '550 no such user', retry: false }, job, retrying, now)).toMatchObject({ status: 'failed', error: '550 no such user' });
  });

  it('puts a job off without counting a try, and treats a bad time as a failure', () => {
    expect(resultOf({ later: '2025-03-01T10:02:00Z' }, job, retrying, now)).toEqual({
      status: 'pending',
      at: '2025-03-01T10:00:00.000Z',
      dueAt: '2025-03-01T10:02:00.000Z',
      error: null,
      counted: false,
    });
    expect(resultOf({ later: 'tomorrow' }, job, retrying, now)).toMatchObject({ status: 'pending', counted: true, error: 'the mail channel put the job off to tomorrow, not a time' });
  });
});
