import { describe, expect, it } from 'vitest';
import { PUSH_LIMITS } from '../../protocol/push';
import { isWellFormed } from '../../protocol/text';
import type { HandoffRecord, StoredEvent } from '../store/types';
import { encodeNotice, planPush, stillWorthTelling, visitorQuestion } from './plan';

const T = '2025-03-01T10:00:00.000Z';
const handoff = (over: Partial<HandoffRecord> = {}): HandoffRecord => ({
  id: 'h1',
  ref: '4821',
  tokenHash: '',
  clientId: 'c',
  channel: 'chat',
  status: 'queued',
  visitor: { name: 'Ada Lovelace' },
  callback: null,
  context: null,
  transcript: [
    { type: 'search', at: T, query: 'refund', resultCount: 0, topIds: [] },
    { type: 'article', at: T, articleId: 'returns', title: 'Returns' },
    { type: 'search', at: T, query: 'refund after 30 days', resultCount: 0, topIds: [] },
  ],
  createdAt: T,
  agentId: null,
  agentName: null,
  firstReplyAt: null,
  resolvedAt: null,
  outcome: null,
  articleId: null,
  noArticle: false,
  callbackState: null,
  ...over,
});
const queued: StoredEvent = { id: 41, handoffId: 'h1', seq: 1, at: T, event: { type: 'status', status: 'queued', position: 1, estimatedWaitSeconds: null } };
const message = (from: 'visitor' | 'agent', text = 'Is anyone there?'): StoredEvent => ({
  id: 57,
  handoffId: 'h1',
  seq: 4,
  at: T,
  event: { type: 'message', message: { id: 'm1', clientMessageId: 'cm-000001', from, text, at: T } },
});

describe('planPush', () => {
  it('tells every agent of a new chat or callback, with its channel, reference and question', () => {
    expect(planPush(queued, handoff())).toEqual([
      {
        key: 'push:41',
        audience: { all: true },
        notice: { v: 1, kind: 'handoff', handoffId: 'h1', ref: '4821', channel: 'chat', visitorName: 'Ada Lovelace', question: 'refund after 30 days', callbackAt: null },
      },
    ]);
    const callback = handoff({ channel: 'callback', visitor: null, callback: { phone: '+1 555', from: '2025-03-01T15:00:00.000Z', to: '2025-03-01T15:30:00.000Z', note: ' My bike  arrived broken ' } });
    expect(planPush(queued, callback)[0]!.notice).toMatchObject({ channel: 'callback', visitorName: null, question: 'My bike arrived broken', callbackAt: '2025-03-01T15:00:00.000Z' });
  });

  it('tells nobody of a phone reference, a later status, or a handoff that is gone', () => {
    expect(planPush(queued, handoff({ channel: 'phone' }))).toEqual([]);
    expect(planPush({ ...queued, seq: 3, event: { type: 'status', status: 'active', position: null, estimatedWaitSeconds: null } }, handoff())).toEqual([]);
    expect(planPush(queued, null)).toEqual([]);
  });

  it('tells the agent who has the handoff of a visitor’s message, and nobody of their own or of one nobody has', () => {
    const mine = handoff({ status: 'active', agentId: 'agent-ada' });
    expect(planPush(message('visitor'), mine)).toEqual([
      { key: 'push:57', audience: { agentId: 'agent-ada' }, notice: { v: 1, kind: 'message', handoffId: 'h1', ref: '4821', visitorName: 'Ada Lovelace', text: 'Is anyone there?' } },
    ]);
    expect(planPush(message('agent'), mine)).toEqual([]);
    expect(planPush(message('visitor'), handoff())).toEqual([]);
  });

  it('shortens long texts to 200 characters, never cutting an emoji in half', () => {
    const long = `${'🚲'.repeat(150)} ${'word '.repeat(100)}`;
    const text = (planPush(message('visitor', long), handoff({ status: 'active', agentId: 'a' }))[0]!.notice as { text: string }).text;
    expect(Array.from(text)).toHaveLength(PUSH_LIMITS.text);
    expect(text.endsWith('…')).toBe(true);
    expect(isWellFormed(text)).toBe(true);
  });
});

describe('visitorQuestion', () => {
  it('is the callback note, else the last search, else the last article read, else null', () => {
    expect(visitorQuestion(handoff())).toBe('refund after 30 days');
    expect(visitorQuestion(handoff({ transcript: [{ type: 'article', at: T, articleId: 'a', title: 'Shipping times' }] }))).toBe('Read “Shipping times”');
    expect(visitorQuestion(handoff({ transcript: [] }))).toBeNull();
  });
});

describe('stillWorthTelling', () => {
  const [newOne] = planPush(queued, handoff());
  const [msg] = planPush(message('visitor'), handoff({ status: 'active', agentId: 'agent-ada' }));
  it('a new handoff while nobody has taken it; a message while the handoff is still open and that agent’s', () => {
    expect(stillWorthTelling(newOne!.notice, newOne!.audience, handoff())).toBe(true);
    expect(stillWorthTelling(newOne!.notice, newOne!.audience, handoff({ status: 'active', agentId: 'agent-bob' }))).toBe(false);
    expect(stillWorthTelling(msg!.notice, msg!.audience, handoff({ status: 'active', agentId: 'agent-ada' }))).toBe(true);
    expect(stillWorthTelling(msg!.notice, msg!.audience, handoff({ status: 'resolved', agentId: 'agent-ada' }))).toBe(false);
    expect(stillWorthTelling(msg!.notice, msg!.audience, null)).toBe(false);
  });
});

describe('encodeNotice', () => {
  it('keeps every notice under 3 KB of JSON', () => {
    const worst = '\u{10FFFF}'.repeat(PUSH_LIMITS.text);
    const [n] = planPush(message('visitor', worst), handoff({ status: 'active', agentId: 'a', visitor: { name: worst } }));
    const json = encodeNotice(n!.notice);
    expect(new TextEncoder().encode(json).length).toBeLessThanOrEqual(PUSH_LIMITS.payloadBytes);
    expect(JSON.parse(json)).toEqual(n!.notice);
  });
});
