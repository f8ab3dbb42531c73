import { describe, expect, it } from 'vitest';
import type { PhrasingRecord } from '../store/types';
import { confirmPatch, learnedTally, phrasingsBeyondCap, planLearning, removePatch } from './learning';
import { articleRead, callbackStep, cancel, claim, expire, lastSeen, message, queued, rate, resolve, seen, slotFree, typing, type HandoffFacts } from './transitions';

const T = '2025-03-01T10:00:00.000Z';
const ADA = { id: 'ada', name: 'Ada' };
const BOB = { id: 'bob', name: 'Bob' };
const h = (over: Partial<HandoffFacts> = {}): HandoffFacts => ({
  id: 'h1',
  channel: 'chat',
  status: 'queued',
  agentId: null,
  firstReplyAt: null,
  createdAt: T,
  ...over,
});
const active = { type: 'status', status: 'active', position: null, estimatedWaitSeconds: null };
const ended = (status: string) => ({ type: 'status', status, position: null, estimatedWaitSeconds: null });

describe('claim', () => {
  it('gives an open handoff to the agent: agent_joined, then active', () => {
    expect(claim(h(), ADA)).toEqual({ ok: true, patch: { agentId: 'ada', status: 'active' }, events: [{ type: 'agent_joined', agentName: 'Ada' }, active] });
  });
  it('changes nothing when the agent has it already, and refuses another agent or a closed one', () => {
    expect(claim(h({ agentId: 'ada', status: 'active' }), ADA)).toEqual({ ok: true, patch: {}, events: [] });
    expect(claim(h({ agentId: 'ada', status: 'active' }), BOB)).toEqual({ ok: false, reason: 'taken' });
    expect(claim(h({ status: 'resolved' }), ADA)).toEqual({ ok: false, reason: 'closed' });
    expect(claim(h({ status: 'cancelled', agentId: 'ada' }), ADA)).toEqual({ ok: false, reason: 'closed' });
  });
});

describe('message', () => {
  const input = { id: 'm1', clientMessageId: 'c1', text: 'hello', at: T };
  it('stores a visitor message as one event, changing nothing else', () => {
    const d = message(h(), input, false);
    expect(d.ok && d.patch).toEqual({});
    expect(d.ok && d.events).toEqual([{ type: 'message', message: { id: 'm1', clientMessageId: 'c1', from: 'visitor', text: 'hello', at: T } }]);
  });
  it('lets an agent’s reply claim an unclaimed handoff and set the first reply time', () => {
    const d = message(h(), { ...input, agent: ADA }, false);
    expect(d.ok && d.patch).toEqual({ agentId: 'ada', status: 'active', firstReplyAt: T });
    expect(d.ok && d.events.map((e) => e.type)).toEqual(['agent_joined', 'status', 'message']);
    expect(d.ok && d.message).toMatchObject({ from: 'agent', author: 'Ada' });
  });
  it('keeps the first reply time of an agent’s own handoff', () => {
    const d = message(h({ agentId: 'ada', status: 'active', firstReplyAt: 'earlier' }), { ...input, agent: ADA }, false);
    expect(d.ok && d.patch).toEqual({});
    expect(d.ok && d.events.map((e) => e.type)).toEqual(['message']);
  });
  it('answers a repeat with no change, before any refusal', () => {
    expect(message(h({ status: 'resolved', channel: 'phone' }), input, true)).toEqual({ ok: true, patch: {}, events: [], message: null });
  });
  it('refuses other channels, closed handoffs and another agent’s handoff', () => {
    expect(message(h({ channel: 'phone' }), input, false)).toEqual({ ok: false, reason: 'not_chat' });
    expect(message(h({ status: 'cancelled' }), input, false)).toEqual({ ok: false, reason: 'closed' });
    expect(message(h({ agentId: 'bob', status: 'active' }), { ...input, agent: ADA }, false)).toEqual({ ok: false, reason: 'taken' });
  });
});

describe('articles in the chat', () => {
  const article = { articleId: 'refunds', title: 'Refunds' };
  const input = { id: 'm1', clientMessageId: 'c1', text: '', at: T, article };
  it('keeps an agent’s article on the message, and never a visitor’s', () => {
    expect(message(h(), { ...input, agent: ADA }, false)).toMatchObject({ ok: true, message: { from: 'agent', text: '', article } });
    const visitor = message(h(), { ...input, text: 'hi' }, false);
    expect(visitor.ok && visitor.message).not.toHaveProperty('article');
  });
  it('records a read once per sending, and refuses an article nobody sent', () => {
    const entry = { type: 'article', at: '2025-03-01T10:05:00.000Z', articleId: 'refunds', title: 'Refunds' } as const;
    expect(articleRead({ ...h(), transcript: [] }, [], entry.at)).toEqual({ ok: false, reason: 'not_sent' });
    expect(articleRead({ ...h(), transcript: [] }, [{ at: T, article }], entry.at)).toEqual({ ok: true, patch: {}, events: [{ type: 'transcript', entry }], entry });
    expect(articleRead({ ...h(), transcript: [entry] }, [{ at: T, article }], '2025-03-01T10:06:00.000Z')).toEqual({ ok: true, patch: {}, events: [], entry: null });
    // Read before it was sent again: the new sending is read anew. Closed chats too: the card stays.
    const again = articleRead({ ...h({ status: 'resolved' }), transcript: [entry] }, [{ at: T, article }, { at: '2025-03-01T10:10:00.000Z', article }], '2025-03-01T10:11:00.000Z');
    expect(again.ok && again.entry).toMatchObject({ at: '2025-03-01T10:11:00.000Z' });
  });
});

describe('typing', () => {
  it('is allowed on open handoffs, for an agent only when unclaimed or theirs', () => {
    expect(typing(h(), 'visitor')).toEqual({ ok: true });
    expect(typing(h({ status: 'resolved' }), 'visitor')).toEqual({ ok: false, reason: 'closed' });
    expect(typing(h({ agentId: 'ada' }), { agent: ADA })).toEqual({ ok: true });
    expect(typing(h({ agentId: 'bob' }), { agent: ADA })).toEqual({ ok: false, reason: 'taken' });
    expect(typing(h({ agentId: 'bob', status: 'resolved' }), { agent: ADA })).toEqual({ ok: false, reason: 'taken' });
  });
});

describe('resolve', () => {
  const input = { agentId: 'ada', outcome: 'answered' as const, articleId: 'refunds', noArticle: false, at: T };
  it('closes an unclaimed handoff, giving it to the agent who resolved it', () => {
    expect(resolve(h(), input)).toEqual({
      ok: true,
      patch: { status: 'resolved', resolvedAt: T, outcome: 'answered', articleId: 'refunds', noArticle: false, agentId: 'ada' },
      events: [ended('resolved')],
    });
  });
  it('marks a phone reference answered', () => {
    const d = resolve(h({ channel: 'phone' }), { ...input, articleId: null });
    expect(d.ok && d.patch).toMatchObject({ status: 'resolved', outcome: 'answered', articleId: null });
  });
  it('refuses another agent’s handoff and a closed one (so a handoff teaches once)', () => {
    expect(resolve(h({ agentId: 'bob', status: 'active' }), input)).toEqual({ ok: false, reason: 'taken' });
    expect(resolve(h({ status: 'resolved', agentId: 'ada' }), input)).toEqual({ ok: false, reason: 'closed' });
    const own = resolve(h({ agentId: 'ada', status: 'active' }), input);
    expect(own.ok && own.patch.agentId).toBeUndefined();
  });
});

describe('cancel and expiry', () => {
  it('cancels an open handoff once; a resolved one is closed', () => {
    expect(cancel(h(), T)).toEqual({ ok: true, patch: { status: 'cancelled', resolvedAt: T }, events: [ended('cancelled')] });
    expect(cancel(h({ status: 'cancelled' }), T)).toEqual({ ok: true, patch: {}, events: [] });
    expect(cancel(h({ status: 'resolved' }), T)).toEqual({ ok: false, reason: 'closed' });
  });
  it('expires phone references given before today in the business zone, and nothing else', () => {
    const now = Date.parse('2025-03-02T15:00:00.000Z'); // 10:00 on 2 March in New York
    const zone = 'America/New_York';
    const yesterday = h({ channel: 'phone', createdAt: '2025-03-02T04:59:00.000Z' }); // 23:59 on 1 March there
    const today = h({ channel: 'phone', createdAt: '2025-03-02T05:00:00.000Z' });
    expect(expire(yesterday, now, zone, T)).toMatchObject({ ok: true, patch: { status: 'cancelled' } });
    expect(expire(today, now, zone, T)).toEqual({ ok: true, patch: {}, events: [] });
    expect(expire(h({ createdAt: '2025-01-01T00:00:00.000Z' }), now, zone, T)).toEqual({ ok: true, patch: {}, events: [] });
    expect(expire({ ...yesterday, status: 'resolved' }, now, zone, T)).toEqual({ ok: true, patch: {}, events: [] });
  });
});

describe('callback steps', () => {
  const cb = (over: Partial<HandoffFacts> = {}) => h({ channel: 'callback', ...over });
  it('claims an unclaimed callback and records the step', () => {
    const d = callbackStep(cb(), ADA, 'called', T);
    expect(d).toEqual({
      ok: true,
      patch: { callbackState: 'called', agentId: 'ada', status: 'active' },
      events: [{ type: 'agent_joined', agentName: 'Ada' }, active],
      step: { at: T, agentId: 'ada', state: 'called' },
    });
  });
  it('tells the consoles of a no_answer on one’s own callback', () => {
    const d = callbackStep(cb({ agentId: 'ada', status: 'active' }), ADA, 'no_answer', T);
    expect(d.ok && [d.patch, d.events]).toEqual([{ callbackState: 'no_answer' }, [active]]);
  });
  it('resolves the callback as answered when done', () => {
    const d = callbackStep(cb(), ADA, 'done', T);
    expect(d.ok && d.patch).toEqual({ callbackState: 'done', agentId: 'ada', status: 'resolved', resolvedAt: T, outcome: 'answered', articleId: null, noArticle: false });
    expect(d.ok && d.events).toEqual([{ type: 'agent_joined', agentName: 'Ada' }, ended('resolved')]);
  });
  it('refuses other channels, closed callbacks and another agent’s', () => {
    expect(callbackStep(h(), ADA, 'called', T)).toEqual({ ok: false, reason: 'not_callback' });
    expect(callbackStep(cb({ status: 'resolved' }), ADA, 'called', T)).toEqual({ ok: false, reason: 'closed' });
    expect(callbackStep(cb({ agentId: 'bob', status: 'active' }), ADA, 'called', T)).toEqual({ ok: false, reason: 'taken' });
  });
});

describe('creating', () => {
  it('announces the new handoff queued at its place, and books a slot only while it has room', () => {
    expect(queued(3, 120)).toEqual({ type: 'status', status: 'queued', position: 3, estimatedWaitSeconds: 120 });
    expect([slotFree(1, 2), slotFree(2, 2)]).toEqual([true, false]);
  });
});

describe('learning', () => {
  let n = 0;
  const p = (over: Partial<PhrasingRecord>): PhrasingRecord => ({
    id: String(++n),
    articleId: 'refunds',
    text: 'x',
    key: 'x',
    count: 1,
    firstLearnedAt: T,
    lastLearnedAt: T,
    handoffId: 'other',
    handoffRef: '1234',
    removedAt: null,
    removedBy: null,
    confirmedAt: null,
    confirmedBy: null,
    ...over,
  });
  it('adds new searches, counts known ones again once per handoff, and leaves removed ones alone', () => {
    const known = p({ key: 'money back' });
    const removed = p({ key: 'refund late', removedAt: T });
    const mine = p({ key: 'where refund', handoffId: 'h1' });
    const learn = [
      { text: 'Money back', key: 'money back' },
      { text: 'refund late', key: 'refund late' },
      { text: 'where refund', key: 'where refund' },
      { text: 'new one', key: 'new one' },
    ];
    expect(planLearning([known, removed, mine], learn, 'h1', 200)).toEqual({ insert: [{ text: 'new one', key: 'new one' }], bump: [known.id] });
    expect(planLearning([], learn, 'h1', 0)).toEqual({ insert: [], bump: [] });
  });
  it('drops pending ones first beyond the cap, then the least recently learned', () => {
    const served = p({ count: 2, lastLearnedAt: '2025-01-01T00:00:00.000Z' });
    const confirmed = p({ confirmedAt: T, lastLearnedAt: '2025-01-02T00:00:00.000Z' });
    const pendingNew = p({ lastLearnedAt: '2025-02-01T00:00:00.000Z' });
    const pendingOld = p({ lastLearnedAt: '2025-01-15T00:00:00.000Z' });
    const gone = p({ removedAt: T });
    expect(phrasingsBeyondCap([served, confirmed, pendingNew, pendingOld, gone], 3)).toEqual([pendingOld.id]);
    expect(phrasingsBeyondCap([served, confirmed, pendingNew, pendingOld], 1)).toEqual([served.id, pendingNew.id, pendingOld.id]);
    expect(phrasingsBeyondCap([served], 5)).toEqual([]);
  });
  it('tells how many touched phrasings are live, and served', () => {
    const a = p({ count: 2 });
    const b = p({});
    expect(learnedTally([a, b], [a.id, b.id, 'evicted'])).toEqual({ learned: 2, served: 1 });
  });
  it('confirms and removes once', () => {
    expect(confirmPatch(p({}), 'ada', T)).toEqual({ confirmedAt: T, confirmedBy: 'ada' });
    expect(confirmPatch(p({ confirmedAt: T }), 'ada', T)).toBeNull();
    expect(confirmPatch(p({ removedAt: T }), 'ada', T)).toBeNull();
    expect(removePatch(p({}), 'ada', T)).toEqual({ removedAt: T, removedBy: 'ada' });
    expect(removePatch(p({ removedAt: T }), 'ada', T)).toBeNull();
  });
});

describe('rate', () => {
  const good = { good: true, repeated: false, comment: null, at: T };
  it('takes a rating once the conversation has ended, resolved or ended by the visitor: one `rated` event, no patch', () => {
    for (const status of ['resolved', 'cancelled'] as const) {
      expect(rate(h({ status }), null, good)).toEqual({ ok: true, patch: {}, events: [{ type: 'rated', rating: good }], rating: good, created: true });
    }
  });
  it('refuses a rating while the conversation is open', () => {
    expect(rate(h(), null, good)).toEqual({ ok: false, reason: 'not_closed' });
    expect(rate(h({ status: 'active', agentId: 'ada' }), null, good)).toEqual({ ok: false, reason: 'not_closed' });
  });
  it('answers the same rating again with the stored one and no event, and refuses a different one', () => {
    const stored = { ...good, at: '2025-03-01T09:00:00.000Z' };
    expect(rate(h({ status: 'resolved' }), stored, good)).toEqual({ ok: true, patch: {}, events: [], rating: stored, created: false });
    expect(rate(h({ status: 'resolved' }), stored, { ...good, good: false })).toEqual({ ok: false, reason: 'rated' });
    expect(rate(h({ status: 'resolved' }), stored, { ...good, repeated: null })).toEqual({ ok: false, reason: 'rated' });
    expect(rate(h({ status: 'resolved' }), stored, { ...good, comment: 'fine' })).toEqual({ ok: false, reason: 'rated' });
  });
});

describe('cancel (the visitor\'s End chat)', () => {
  it('closes an open chat, answered or not, as cancelled; twice changes nothing; a resolved one is refused', () => {
    expect(cancel(h({ status: 'active', agentId: 'ada' }), T)).toEqual({ ok: true, patch: { status: 'cancelled', resolvedAt: T }, events: [ended('cancelled')] });
    expect(cancel(h({ status: 'cancelled' }), T)).toEqual({ ok: true, patch: {}, events: [] });
    expect(cancel(h({ status: 'resolved' }), T)).toEqual({ ok: false, reason: 'closed' });
  });
});

describe('seen', () => {
  const mine = h({ agentId: 'ada', status: 'active' });
  it('tells the latest visitor message seen, once', () => {
    expect(seen(mine, ADA, 'm2', 'm1')).toEqual({ ok: true, patch: {}, events: [{ type: 'seen', messageId: 'm2' }] });
    expect(seen(h(), ADA, 'm1', null)).toEqual({ ok: true, patch: {}, events: [{ type: 'seen', messageId: 'm1' }] });
    expect(seen(mine, ADA, 'm2', 'm2')).toEqual({ ok: true, patch: {}, events: [] });
    expect(seen(mine, ADA, null, null)).toEqual({ ok: true, patch: {}, events: [] });
  });
  it('says nothing for another agent’s chat or a closed one, and refuses other channels', () => {
    expect(seen(mine, BOB, 'm2', null)).toEqual({ ok: true, patch: {}, events: [] });
    expect(seen(h({ status: 'resolved', agentId: 'ada' }), ADA, 'm2', null)).toEqual({ ok: true, patch: {}, events: [] });
    expect(seen(h({ channel: 'phone' }), ADA, 'm2', null)).toEqual({ ok: false, reason: 'not_chat' });
  });
  it('reads the last seen from the events', () => {
    expect(lastSeen([])).toBeNull();
    expect(lastSeen([{ event: { type: 'seen', messageId: 'a' } }, { event: active as never }, { event: { type: 'seen', messageId: 'b' } }])).toBe('b');
  });
});
