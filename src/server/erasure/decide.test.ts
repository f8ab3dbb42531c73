import { describe, expect, it } from 'vitest';
import type { HandoffRecord, PhrasingRecord } from '../store/types';
import { isDue, matchFor, mentionsOf, phrasingsToForget, retentionCutoff, stillOpen } from './decide';

const NOW = Date.parse('2026-03-01T00:00:00.000Z');
const handoff = (over: Partial<HandoffRecord>): HandoffRecord => ({
  id: 'h1',
  ref: '1234',
  tokenHash: '',
  clientId: 'c',
  channel: 'chat',
  status: 'resolved',
  visitor: null,
  callback: null,
  context: null,
  transcript: [],
  createdAt: '2025-01-01T00:00:00.000Z',
  agentId: null,
  agentName: null,
  firstReplyAt: null,
  resolvedAt: '2025-01-02T00:00:00.000Z',
  outcome: 'answered',
  articleId: null,
  noArticle: false,
  callbackState: null,
  ...over,
});
const phrasing = (over: Partial<PhrasingRecord>): PhrasingRecord => ({
  id: '1',
  articleId: 'a',
  text: 't',
  key: 't',
  count: 1,
  firstLearnedAt: '',
  lastLearnedAt: '',
  handoffId: 'h1',
  handoffRef: null,
  removedAt: null,
  removedBy: null,
  confirmedAt: null,
  confirmedBy: null,
  ...over,
});

describe('retention decisions', () => {
  it('cuts at now minus the days, and not at all when off', () => {
    expect(retentionCutoff(NOW, 365)).toBe('2025-03-01T00:00:00.000Z');
    expect(retentionCutoff(NOW, 0)).toBeNull();
  });

  it('finds due only closed handoffs closed before the cutoff, never an open or waiting one', () => {
    const cutoff = '2025-03-01T00:00:00.000Z';
    expect(isDue(handoff({}), cutoff)).toBe(true);
    expect(isDue(handoff({ status: 'cancelled' }), cutoff)).toBe(true);
    expect(isDue(handoff({ resolvedAt: cutoff }), cutoff)).toBe(false);
    expect(isDue(handoff({ resolvedAt: '2025-03-02T00:00:00.000Z' }), cutoff)).toBe(false);
    // Created long ago, still open: kept, whatever its (stale) resolvedAt says.
    expect(isDue(handoff({ status: 'queued', resolvedAt: null }), cutoff)).toBe(false);
    expect(isDue(handoff({ status: 'active', resolvedAt: '2020-01-01T00:00:00.000Z' }), cutoff)).toBe(false);
    expect(stillOpen([handoff({ id: 'a', status: 'active' }), handoff({ id: 'b' }), handoff({ id: 'c', status: 'queued' })]).map((h) => h.id)).toEqual(['a', 'c']);
  });

  it('forgets the phrasings only a deleted handoff taught and no agent confirmed, tombstones included', () => {
    const gone = new Set(['h1']);
    const list = [
      phrasing({ id: '1' }),
      phrasing({ id: '2', count: 2 }),
      phrasing({ id: '3', confirmedAt: 'x', confirmedBy: 'ada' }),
      phrasing({ id: '4', handoffId: 'h2' }),
      phrasing({ id: '5', removedAt: 'x', removedBy: 'ada' }),
      phrasing({ id: '6', handoffId: null }),
    ];
    expect(phrasingsToForget(list, gone)).toEqual(['1', '5']);
  });
});

describe('whose data', () => {
  it('matches an e-mail in any case, an id as a visitor id or a handoff id, and a handoff with its visitor', () => {
    expect(matchFor({ email: ' Zed@Example.com ' })).toEqual({ emails: ['zed@example.com'], visitorIds: [], handoffIds: [] });
    expect(matchFor({ id: 'cust-1' })).toEqual({ emails: [], visitorIds: ['cust-1'], handoffIds: ['cust-1'] });
    const h = handoff({ id: 'h9', visitor: { email: 'Zed@example.com', id: 'cust-1', name: 'Zed' } });
    expect(matchFor({ handoffId: 'h9' }, h)).toEqual({ emails: ['zed@example.com'], visitorIds: ['cust-1'], handoffIds: ['h9'] });
    expect(matchFor({ handoffId: 'h9' }, handoff({ id: 'h9' }))).toEqual({ emails: [], visitorIds: [], handoffIds: ['h9'] });
  });

  it('ties outbox jobs to them by their handoffs’ ids and the e-mail asked for only', () => {
    const hs = [handoff({ id: 'h-1', visitor: { email: 'other@example.com' } }), handoff({ id: 'h-2' })];
    expect(mentionsOf(hs, { emails: ['zed@example.com'], visitorIds: [], handoffIds: [] })).toEqual(['h-1', 'h-2', '"zed@example.com"']);
  });
});
