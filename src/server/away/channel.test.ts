import { describe, expect, it } from 'vitest';
import type { HandoffRecord, StoredEvent } from '../store/types';
import { awayReplyChannel } from './channel';

const channel = awayReplyChannel({
  store: {} as never, // plan is pure: it never reads the store
  secret: async () => 'x'.repeat(32),
  now: () => 0,
  awayMs: 60_000,
  batchMs: 60_000,
  linkable: () => true,
  domain: 'shop.example.com',
});

const handoff = (over: Partial<HandoffRecord> = {}): HandoffRecord =>
  ({ id: 'h1', channel: 'chat', status: 'active', visitor: { email: 'ann@example.com' }, ...over }) as HandoffRecord;
const message = (from: 'agent' | 'visitor'): StoredEvent => ({
  id: 7,
  handoffId: 'h1',
  seq: 3,
  at: '2026-03-01T10:00:00.000Z',
  event: { type: 'message', message: { id: 'm1', clientMessageId: 'c1', from, text: 'Hi', at: '2026-03-01T10:00:00.000Z' } },
});

describe('the away channel’s plan', () => {
  it('plans one job per agent reply on a chat, due when its batch is complete (the address is checked when it runs)', () => {
    expect(channel.plan(message('agent'), handoff())).toEqual([
      { kind: 'visitor-reply', key: 'visitor-reply:h1:m1', payload: { handoffId: 'h1', messageId: 'm1' }, dueAt: '2026-03-01T10:01:02.000Z' },
    ]);
  });

  it('plans nothing for the visitor’s own words, other events or other channels', () => {
    expect(channel.plan(message('visitor'), handoff())).toEqual([]);
    expect(channel.plan({ ...message('agent'), event: { type: 'agent_joined', agentName: 'Sam' } }, handoff())).toEqual([]);
    expect(channel.plan(message('agent'), handoff({ channel: 'phone' }))).toEqual([]);
    expect(channel.plan(message('agent'), handoff({ visitor: { name: 'Bo' } }))).toHaveLength(1); // an address may come later
    expect(channel.plan(message('agent'), null)).toEqual([]);
  });
});
